import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TaggerModel } from '../../src/analyze/tagger/model.ts';
import {
  applyRules,
  joinPeople,
  type RuleLexicon,
  splitConjoined,
  tagClubs,
  tagListedClubs,
  tagTeams,
  tagTitles,
  tagVenues,
  trimHeads,
  trimPosts,
  trimVerbs,
} from '../../src/analyze/tagger/rules.ts';
import { headerFor, train } from '../../src/analyze/tagger/train.ts';
import { toySentences } from './toy.ts';

// Sentences written for this test.
const words = (s: string) => s.split(' ');
const O = (s: readonly string[]) => s.map(() => 'O');

test('titles: the quoted words after a title word are one MISC name', () => {
  const s = words('وتقدم سلمى برنامجها « ليالي القمر » على قناة النهار');
  const t = O(s);
  t[1] = 'B-PERS';
  t[4] = 'B-PERS'; // the tagger took a word of the title for a person
  tagTitles(s, t);
  assert.deepEqual(t, ['O', 'B-PERS', 'O', 'O', 'B-MISC', 'I-MISC', 'O', 'O', 'O', 'O']);
  // One word may stand between the title word and the quotes.
  const s2 = words('يعود الممثل ببرنامج جديد « صباح الورد » قريبا');
  const t2 = O(s2);
  tagTitles(s2, t2);
  assert.deepEqual(t2, ['O', 'O', 'O', 'O', 'O', 'B-MISC', 'I-MISC', 'O', 'O']);
});

test('titles: quotes without a title word, too long, or unclosed are left alone', () => {
  for (const line of [
    'وقال المدير « نحن مستعدون » للمباراة',
    'برنامج « هذا كلام طويل جدا لا يكون عنوانا أبدا » قال',
    'بعنوان « بلا نهاية',
  ]) {
    const s = words(line);
    const t = O(s);
    tagTitles(s, t);
    assert.deepEqual(t, O(s), line);
  }
});

test('venues: the name after ملعب or استاد is MISC, quoted or read by the tagger', () => {
  const s = words('تقام المباراة على استاد " النخيل الكبير " مساء');
  const t = O(s);
  tagVenues(s, t);
  assert.deepEqual(t, ['O', 'O', 'O', 'O', 'O', 'B-MISC', 'I-MISC', 'O', 'O']);
  const s2 = words('وفاز الفريق على ملعب برنارد هولم أمس');
  const t2 = O(s2);
  t2[4] = 'B-PERS';
  t2[5] = 'I-PERS';
  tagVenues(s2, t2);
  assert.deepEqual(t2, ['O', 'O', 'O', 'O', 'B-MISC', 'I-MISC', 'O']);
  // A place the name list knows stays a place; quoted, it is the ground all the same.
  const places = (p: string) => p === 'طنطا';
  const s4 = words('تقام المباراة على استاد طنطا الدولي');
  const t4 = ['O', 'O', 'O', 'O', 'B-LOC', 'O'];
  tagVenues(s4, t4, undefined, { isPlace: places });
  assert.deepEqual(t4, ['O', 'O', 'O', 'O', 'B-LOC', 'O']);
  tagVenues(s4, t4);
  assert.deepEqual(t4, ['O', 'O', 'O', 'O', 'B-MISC', 'O']);
  const s5 = words('على ملعب " طنطا " أمس');
  const t5 = ['O', 'O', 'O', 'B-LOC', 'O', 'O'];
  tagVenues(s5, t5, undefined, { isPlace: places });
  assert.deepEqual(t5, ['O', 'O', 'O', 'B-MISC', 'O', 'O']);
  // Not a name after it: nothing.
  const s3 = words('وامتلأ الملعب بالجماهير');
  const t3 = O(s3);
  tagVenues(s3, t3);
  assert.deepEqual(t3, O(s3));
});

test('clubs: a place right before a masculine demonym is the club', () => {
  const s = words('وتعادل فالدورا البرتغالي مع مرسيليا');
  const t = ['O', 'B-LOC', 'O', 'O', 'B-LOC'];
  tagClubs(s, t);
  assert.deepEqual(t, ['O', 'B-ORG', 'O', 'O', 'B-LOC']);
  // The feminine demonym is the city's.
  const s2 = words('وزار الوفد فالدورا البرتغالية أمس');
  const t2 = ['O', 'O', 'B-LOC', 'O', 'O'];
  tagClubs(s2, t2);
  assert.deepEqual(t2, ['O', 'O', 'B-LOC', 'O', 'O']);
});

test('people: two PERS chunks side by side are one person, unless the second starts with و', () => {
  const s = words('وصل الوزير عبدالمنعم سالم حداد إلى المطار');
  const t = ['O', 'O', 'B-PERS', 'B-PERS', 'I-PERS', 'O', 'O'];
  joinPeople(s, t);
  assert.deepEqual(t, ['O', 'O', 'B-PERS', 'I-PERS', 'I-PERS', 'O', 'O']);
  const s2 = words('التقى سالم ونبيل في القاهرة');
  const t2 = ['O', 'B-PERS', 'B-PERS', 'O', 'B-LOC'];
  joinPeople(s2, t2);
  assert.deepEqual(t2, ['O', 'B-PERS', 'B-PERS', 'O', 'B-LOC']);
});

test('teams: the article word after فريق or نادي read O is a team, with its nisba adjective', () => {
  const s = words('وفاز فريق الصقور الساحلي على ضيفه');
  const t = O(s);
  tagTeams(s, t);
  assert.deepEqual(t, ['O', 'O', 'B-ORG', 'I-ORG', 'O', 'O']);
  // With a proclitic on the cue word; a demonym after the name stays out.
  const s2 = words('سجل لفريق النسور الفرنسي هدفا');
  const t2 = O(s2);
  tagTeams(s2, t2);
  assert.deepEqual(t2, ['O', 'O', 'B-ORG', 'O', 'O']);
  // A word without the article, or one the tagger read: nothing.
  for (const [line, tags] of [
    ['انضم إلى فريق عمل جديد', undefined],
    ['يعمل فريق الرئيس على الخطة', undefined],
    ['قاد فريق برشلونة الهجوم', ['O', 'O', 'B-ORG', 'O']],
  ] as const) {
    const s3 = words(line);
    const t3 = tags ? [...tags] : O(s3);
    tagTeams(s3, t3);
    assert.deepEqual(t3, tags ? [...tags] : O(s3), line);
  }
});

test('posts: a title opening a PERS chunk is left out, one inside ends the name', () => {
  const s = words('وأنقذ الحارس ماهر زيدان الكرة');
  const t = ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O'];
  trimPosts(s, t);
  assert.deepEqual(t, ['O', 'O', 'B-PERS', 'I-PERS', 'O']);
  const s2 = words('مرر رامي سعد قائد المنتخب الكرة');
  const t2 = ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'I-PERS', 'O'];
  trimPosts(s2, t2);
  assert.deepEqual(t2, ['O', 'B-PERS', 'I-PERS', 'O', 'O', 'O']);
  // A post alone as a PERS chunk is left as read (nothing would remain).
  const s3 = words('وصل الشيخ أمس');
  const t3 = ['O', 'B-PERS', 'O'];
  trimPosts(s3, t3);
  assert.deepEqual(t3, ['O', 'B-PERS', 'O']);
});

test('heads: شركة, حركة and the like opening an ORG chunk are left out of it', () => {
  const s = words('وقعت شركة نورتاك اتفاقا مع حركة الفجر الجديد');
  const t = ['O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG'];
  trimHeads(s, t);
  assert.deepEqual(t, ['O', 'O', 'B-ORG', 'O', 'O', 'O', 'B-ORG', 'I-ORG']);
  // Other heads (جامعة, حزب, …) stay in the name.
  const s2 = words('أعلنت جامعة الوادي');
  const t2 = ['O', 'B-ORG', 'I-ORG'];
  trimHeads(s2, t2);
  assert.deepEqual(t2, ['O', 'B-ORG', 'I-ORG']);
});

// A small word list standing in for the model's Brown table and name parts (match forms).
const brown = new Map([
  ['تبعد', '111100001'],
  ['يغادر', '111100011'],
  ['اشرف', '11111001'],
  ['تامر', '0010111100'],
  ['موناكو', '001111101'],
  ['ليون', '001111101'],
  ['وليد', '001011111'],
  ['المساواه', '0011010'],
  ['والمساواه', '0011010'],
]);
const lex: RuleLexicon = {
  cluster: (f) => brown.get(f),
  namePart: (f) => (f === 'وليد' ? 1 : 0),
};

test('verbs: a prefixed verb opening or closing a PERS chunk is left out', () => {
  const s = words('وقال الطبيب إن الإصابة ستبعد رامي عن الملاعب');
  const t = ['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS', 'O', 'O'];
  trimVerbs(s, t, undefined, lex);
  assert.deepEqual(t, ['O', 'O', 'O', 'O', 'O', 'B-PERS', 'O', 'O']);
  // At the end, with a conjunction: «[نادر سليم ويغادر]».
  const s2 = words('وصل نادر سليم ويغادر غدا');
  const t2 = ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O'];
  trimVerbs(s2, t2, undefined, lex);
  assert.deepEqual(t2, ['O', 'B-PERS', 'I-PERS', 'O', 'O']);
  // A past form in a verb cluster is a name too («أشرف»); a name that starts like a verb but is
  // not in a verb cluster stays («تامر»); a one-word chunk is never emptied; no table, no change.
  for (const [line, tags] of [
    ['قال أشرف سالم', ['O', 'B-PERS', 'I-PERS']],
    ['قال تامر سالم', ['O', 'B-PERS', 'I-PERS']],
    ['قال ستبعد', ['O', 'B-PERS']],
  ] as const) {
    const tt = [...tags];
    trimVerbs(words(line), tt, undefined, lex);
    assert.deepEqual(tt, tags, line);
  }
  const t3 = ['O', 'O', 'O', 'O', 'B-PERS', 'I-PERS', 'O', 'O'];
  trimVerbs(s, t3);
  assert.equal(t3[4], 'B-PERS');
});

test('split: «X وY» read as one chunk is two when the و-word is known only without و', () => {
  const s = words('بين أرسنال وموناكو أمس');
  const t = ['O', 'B-ORG', 'I-ORG', 'O'];
  splitConjoined(s, t, undefined, lex);
  assert.deepEqual(t, ['O', 'B-ORG', 'B-ORG', 'O']);
  // «وليد» and «والمساواة» are known as written: the chunk stays whole.
  for (const [line, tags] of [
    ['قال سامي وليد', ['O', 'B-PERS', 'I-PERS']],
    ['حركة العدل والمساواة', ['B-ORG', 'I-ORG', 'I-ORG']],
  ] as const) {
    const tt = [...tags];
    splitConjoined(words(line), tt, undefined, lex);
    assert.deepEqual(tt, tags, line);
  }
});

test('listed: a place before «( COUNTRY )» in a results line is the club', () => {
  const s = words('ليون ( فرنسا ) - ميلان ( إيطاليا ) 2 - 1');
  const t = ['B-LOC', 'O', 'B-LOC', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O', 'O', 'O'];
  tagListedClubs(s, t);
  assert.deepEqual(t, ['B-ORG', 'O', 'B-LOC', 'O', 'O', 'B-ORG', 'O', 'B-LOC', 'O', 'O', 'O', 'O']);
  // A city with its country in running text stays a place.
  const s2 = words('عقد المؤتمر في ليون ( فرنسا ) أمس');
  const t2 = ['O', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O'];
  tagListedClubs(s2, t2);
  assert.deepEqual(t2, ['O', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O']);
});

test('applyRules runs every rule over every sentence', () => {
  const doc = [words('شاهدنا برنامج « نجوم الغد »'), words('وصل مروان جابر')];
  const tags = [O(doc[0]!), ['O', 'B-PERS', 'B-PERS']];
  applyRules(doc, tags);
  assert.deepEqual(tags, [
    ['O', 'O', 'O', 'B-MISC', 'I-MISC', 'O'],
    ['O', 'B-PERS', 'I-PERS'],
  ]);
});

test('applyRules: only the rules named; an unknown name is an error', () => {
  const doc = [words('شاهدنا برنامج « نجوم الغد »'), words('وصل مروان جابر')];
  const tags = [O(doc[0]!), ['O', 'B-PERS', 'B-PERS']];
  applyRules(doc, tags, ['people']);
  assert.deepEqual(tags, [O(doc[0]!), ['O', 'B-PERS', 'I-PERS']]);
  assert.throws(() => applyRules(doc, tags, ['nosuchrule']), /unknown tagger rule: nosuchrule/);
});

test('tagDocument applies the rules its model header names, before propagation', () => {
  const groups = ['word', 'affix', 'clitic', 'shape', 'context'] as const;
  const w = train({ sentences: toySentences(), groups, epochs: 2, seed: 5 });
  const doc = [words('عرضت القناة برنامج « سهرة الخميس » أمس'), words('وأعاد الجمهور سهرة الخميس')];
  const plain = new TaggerModel(headerFor(w, { groups, meta: {} }), w.hashes, w.weights);
  const before = plain.tagDocument(doc);
  assert.notDeepEqual(before[0]!.slice(4, 6), ['B-MISC', 'I-MISC']);
  const header = headerFor(w, { groups, meta: {} });
  header.rules = ['titles'];
  header.propagateWindow = 20;
  const ruled = new TaggerModel(header, w.hashes, w.weights).tagDocument(doc);
  assert.deepEqual(ruled[0]!.slice(4, 6), ['B-MISC', 'I-MISC']);
  // The title found by the rule is propagated to its bare occurrence.
  assert.deepEqual(ruled[1]!.slice(2, 4), ['B-MISC', 'I-MISC']);
});
