import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holder, run, show, type Tagger } from './analyst.ts';

// entdef3 (helper, eighteenth session): names and posts an analyst sees cut or unread.
// Sentences written for this test; the people are invented.

const people = (text: string, tagger: Tagger) =>
  run(text, tagger)
    .mentions.filter((m) => m.type === 'PERS')
    .map((m) => m.text);

for (const tagger of ['off', 'auto'] as const) {
  test(`a surname in «وال» after a post is the name's («مايك والتز»), «والدفاع» stays a conjunction (tagger ${tagger})`, () => {
    const { e, people: ps } = holder(
      'وقال مستشار الأمن القومي الأمريكي مايك والتز إن واشنطن تراقب الوضع.',
      'مايك والتز',
      tagger,
    );
    assert.ok(e, show(ps));
    assert.equal(e.post?.en, 'National Security Adviser');
    assert.equal(e.post?.country, 'USA');
    // a listed given name before it, with no post
    assert.deepEqual(people('وصرح جون والاس للصحفيين بأن المفاوضات مستمرة.', tagger), ['جون والاس']);
    // «و» + a definite word after a post or a name is the conjunction
    const r = run('التقى وزير الخارجية والدفاع الوفد الزائر.', tagger);
    assert.equal(r.entities.find((x) => x.type === 'POST')?.names.ar, 'وزير الخارجية والدفاع');
    assert.deepEqual(people('واستقبل الرئيس محمد علي والوفد المرافق له في القصر.', tagger), ['محمد علي']);
  });

  test(`three- and four-part names closed by an «ال» family name are whole (tagger ${tagger})`, () => {
    assert.deepEqual(people('وقال رجل الأعمال أحمد جابر العيدان إن السوق تتعافى.', tagger), [
      'أحمد جابر العيدان',
    ]);
    assert.deepEqual(people('وأكد فهد ناصر راشد المهيري أن المشروع سيكتمل قريبا.', tagger), [
      'فهد ناصر راشد المهيري',
    ]);
    // a rare family name the tagger reads as O after the name it reads, after a post
    const { e } = holder(
      'أعلن وزير النفط الكويتي الدكتور عادل سعود المطوع أن الإنتاج سيرتفع.',
      'عادل سعود المطوع',
      tagger,
    );
    assert.equal(e?.post?.en, 'Minister of Oil');
    // the sentence going on after a name is no family name («… الوفد», «… الاثنين»)
    assert.deepEqual(people('واستقبل خالد سعيد الوفد في مكتبه.', tagger), ['خالد سعيد']);
  });
}

for (const tagger of ['off', 'auto'] as const) {
  test(`«رئيسها التنفيذي»: the office of the organization named before, held by the name after it (tagger ${tagger})`, () => {
    const { e, people: ps } = holder(
      'أعلنت شركة الراية للاستثمار أرباحا قياسية. وقال رئيسها التنفيذي خالد منصور الهاجري إن النتائج فاقت التوقعات.',
      'خالد منصور الهاجري',
      tagger,
    );
    assert.ok(e, show(ps));
    assert.equal(e.post?.ar, 'رئيسها التنفيذي');
    assert.equal(e.post?.en, 'Chief Executive of the Al-Raya Investment Company');
    assert.equal(e.post?.sector, 'BUS');
    // a listed corporation gives its country; «ه» refers to a masculine noun («البنك»), not the
    // feminine one named after it
    const kw = holder(
      'وقعت مؤسسة البترول الكويتية اتفاقا مع مصرف الأمان للتمويل. وقال مديره العام فهد سالم العتيبي إن التمويل جاهز.',
      'فهد سالم العتيبي',
      tagger,
    );
    assert.equal(kw.e?.post?.en, 'Director General of the Al-Aman Finance Bank', show(kw.people));
    const kpc = holder(
      'أعلنت مؤسسة البترول الكويتية خطة جديدة. وقال رئيس مجلس إدارتها الشيخ نواف سعود الصباح إن الخطة طموحة.',
      'نواف سعود الصباح',
      tagger,
    );
    assert.equal(kpc.e?.post?.en, 'Chairman of the Kuwait Petroleum Corporation', show(kpc.people));
    assert.equal(kpc.e?.post?.country, 'KWT');
  });
}

test('organizations no list knows: an English name from the head, the field and the proper name, else the Arabic', () => {
  const orgs = (text: string) =>
    run(text)
      .entities.filter((x) => x.type === 'ORG')
      .map((x) => x.names.en);
  assert.deepEqual(orgs('وقعت شركة النخبة للمقاولات العامة عقدا مع مؤسسة الرواد للتقنية.'), [
    'Al-Nakhba General Contracting Company',
    'Al-Rawad Technology Corporation',
  ]);
  assert.deepEqual(orgs('وأعلنت الهيئة الوطنية لمكافحة الفساد فتح تحقيق.'), [
    'National Anti-Corruption Authority',
  ]);
  assert.deepEqual(orgs('وأصدر مركز البحوث العسكرية تقريرا.'), ['Military Research Center']);
  assert.deepEqual(orgs('أعلنت الشركة التونسية للكهرباء والغاز زيادة الإنتاج.'), [
    'Tunisia Electricity and Gas Company',
  ]);
  // a field no list knows: the Arabic, not «Sharka … Lalmaqaulat»
  assert.deepEqual(orgs('وأعلنت شركة الواحة للمفروشات عن افتتاح فرع جديد.'), ['شركة الواحة للمفروشات']);
  // «البنك التجاري لتحقيق النجاح»: a purpose, no company's field
  assert.deepEqual(orgs('ويسعى البنك التجاري لتحقيق النجاح في السوق.'), []);
});
