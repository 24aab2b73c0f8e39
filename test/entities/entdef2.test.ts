import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holder, run, show, type Tagger } from './analyst.ts';

// entdef2 (helper, seventeenth session): defects an analyst sees in names and posts.
// Sentences written for this test.

const people = (text: string, tagger: Tagger) =>
  run(text, tagger)
    .mentions.filter((m) => m.type === 'PERS')
    .map((m) => m.text);

for (const tagger of ['off', 'auto'] as const) {
  test(`a Kuwaiti name closed by «الصباح» is whole, and «الرئيس التنفيذي للمؤسسة» is the corporation's (tagger ${tagger})`, () => {
    const text =
      'أعلنت مؤسسة البترول الكويتية خطة لزيادة الإنتاج. وقال الرئيس التنفيذي للمؤسسة الشيخ نواف سعود الصباح إن الخطة تبدأ العام المقبل.';
    const { e, people: ps } = holder(text, 'نواف سعود الصباح', tagger);
    assert.ok(e, show(ps));
    assert.equal(e.post?.ar, 'الرئيس التنفيذي للمؤسسة');
    assert.equal(e.post?.en, 'Chief Executive of the Kuwait Petroleum Corporation');
    assert.equal(e.post?.country, 'KWT');
    assert.equal(e.post?.sector, 'BUS');
    // the organization named in the post, and the forebears' names with the article
    const after = holder(
      'وقال الشيخ نواف سعود الصباح، الرئيس التنفيذي لمؤسسة البترول الكويتية، إن الطلب قوي. واستقبل الشيخ مشعل الأحمد الجابر الصباح الوفد.',
      'نواف سعود الصباح',
      tagger,
    );
    assert.equal(
      after.e?.post?.en,
      'Chief Executive of the Kuwait Petroleum Corporation',
      show(after.people),
    );
    assert.ok(after.people.includes('مشعل الأحمد الجابر الصباح'), show(after.people));
  });

  test(`compound given names are whole: «نور الدين الطاهري», «صلاح الدين …» (tagger ${tagger})`, () => {
    assert.deepEqual(
      people(
        'وقال نور الدين الطاهري إن الحزب سيشارك في الانتخابات. وصرح صلاح الدين المزوار للصحفيين بأن الاتفاق مهم.',
        tagger,
      ),
      ['نور الدين الطاهري', 'صلاح الدين المزوار'],
    );
    // a governorate named «صلاح الدين» is no person; «عز وجل» is no name
    assert.deepEqual(people('وسقطت قذائف على محافظة صلاح الدين أمس.', tagger), []);
    const ps = people('وقال الإمام إن الله عز وجل رحيم بعباده.', tagger);
    assert.ok(!ps.some((p) => p.startsWith('عز')), show(ps));
  });
}

test('«لناصر بنعيسى»: the preposition is no part of the name the tagger reads', () => {
  assert.deepEqual(people('وقدم الوزير شكره لناصر بنعيسى على جهوده في الوساطة.', 'auto'), ['ناصر بنعيسى']);
  // «لطفي» is a given name itself
  assert.deepEqual(people('وقال لطفي بن عيسى إن الحوار مستمر.', 'auto'), ['لطفي بن عيسى']);
});

test('walk (Gulf, Maghreb): «الشيخ صباح …» is a name, the companies are named, «شركة إيني» is no person', () => {
  const gulf = holder(
    'استقبل ولي العهد الكويتي الشيخ صباح خالد الحمد الصباح وزير الخارجية العماني. وأعلنت شركة نفط الكويت خطة مع شركة تنمية نفط عمان.',
    'صباح خالد الحمد الصباح',
  );
  assert.equal(gulf.e?.post?.en, 'Crown Prince', show(gulf.people));
  const orgs = (text: string) =>
    run(text)
      .mentions.filter((m) => m.type === 'ORG')
      .map((m) => m.entityId);
  assert.deepEqual(orgs('وأعلنت شركة نفط الكويت خطة مع شركة تنمية نفط عمان.'), ['org:koc', 'org:pdo']);
  const r = run('وأعلن الرئيس المدير العام لمجمع سوناطراك توقيع اتفاق مع شركة إيني الإيطالية.');
  assert.ok(!r.mentions.some((m) => m.type === 'PERS'), show(r.mentions.map((m) => m.text)));
  assert.deepEqual(
    r.mentions.filter((m) => m.type === 'ORG').map((m) => m.entityId),
    ['org:sonatrach', 'org:eni'],
  );
});
