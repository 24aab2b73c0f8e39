import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';

// A foreign name right after a post with its demonym, which the tagger reads as O, is the
// holder's name (issue #3). Sentences and names invented for this test.
const people = (text: string) => {
  const r = findEntities(text);
  return r.mentions
    .filter((m) => m.type === 'PERS' && m.role === 'name')
    .map((m) => {
      const e = r.entities.find((x) => x.id === m.entityId);
      return { text: m.text, country: e?.country, post: e?.post?.en };
    });
};

test('post + demonym + an unknown two- or three-word name: a person holding that post', () => {
  assert.deepEqual(people('زار المستشار الألماني يوهان شتيرنبيرغ تونس.'), [
    { text: 'يوهان شتيرنبيرغ', country: 'DEU', post: 'Chancellor' },
  ]);
  assert.deepEqual(people('التقى وزير الخارجية الهولندي يان فيسير نظيره المصري أمس.'), [
    { text: 'يان فيسير', country: 'NLD', post: 'Minister of Foreign Affairs' },
  ]);
  assert.deepEqual(people('وصل رئيس الوزراء البلجيكي بيتر فان دالين إلى الرباط.'), [
    { text: 'بيتر فان دالين', country: 'BEL', post: 'Prime Minister' },
  ]);
  assert.deepEqual(people('أعلنت وزيرة الدفاع السويدية كارين لوندغرين زيادة الميزانية.'), [
    { text: 'كارين لوندغرين', country: 'SWE', post: 'Minister of Defence' },
  ]);
});

test('post + demonym + a common word, a country, a verb: nobody', () => {
  for (const s of [
    'وصل وزير الخارجية الألماني اليوم إلى القاهرة.',
    'قال الرئيس الفرنسي تونس بلد صديق.',
    'استقبل الرئيس الفرنسي نظيره التونسي أمس.',
    // Known words with no name in them (the last is no unknown word).
    'قال رئيس الوزراء الإيطالي يجب وقف الحرب فورا.',
    // An unknown word in ي: an imperfect verb, not a first name.
    'قال وزير الخارجية الألماني يتابعون باهتمام تطورات الأزمة.',
    // Tanween: indefinite common nouns.
    'واتهم وزير الخارجية الكندي أطرافًا خارجية بالتدخل في الانتخابات.',
    // Known words behind a clitic.
    'وطالب الرئيس الأمريكي بفرض رسوم جمركية جديدة على الواردات.',
    'وأشاد الرئيس الكازاخستاني بما سماه تقدما كبيرا في المفاوضات.',
    // A meeting verb.
    'قال إن الرئيس الفرنسي يستقبل غدا وفدا من رجال الأعمال.',
  ])
    assert.deepEqual(people(s), [], s);
});
