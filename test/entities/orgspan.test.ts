import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holder, run, show } from './analyst.ts';

// Organization spans, names after a post and a comma, three-word names, and places named
// after someone (what an analyst saw on Tunisian news). Every sentence here is written for
// this test; the people named are invented.

const orgs = (text: string) =>
  run(text)
    .mentions.filter((m) => m.type === 'ORG')
    .map((m) => m.text);

test('an organization named by its head, adjectives and a «لـ» genitive is read whole', () => {
  const cases: [string, string][] = [
    ['أعلنت المنظمة العالمية للسياحة أن عدد الزوار ارتفع هذا العام.', 'المنظمة العالمية للسياحة'],
    ['وشاركت الجامعة التونسية للجمباز في البطولة العربية بعشرة رياضيين.', 'الجامعة التونسية للجمباز'],
    ['ونشر مركز البحوث العسكرية تقريرا جديدا حول الأمن في الساحل.', 'مركز البحوث العسكرية'],
    ['نظمت الهيئة الوطنية للسلامة الصحية يوما دراسيا بالعاصمة.', 'الهيئة الوطنية للسلامة الصحية'],
    ['وأصدرت الهيئة الوطنية لمكافحة الفساد تقريرها السنوي.', 'الهيئة الوطنية لمكافحة الفساد'],
    // A head in construct with two nouns joined by «و».
    ['وعقدت هيئة الحقوق والحريات جلستها الأولى أمس.', 'هيئة الحقوق والحريات'],
  ];
  for (const [text, name] of cases) assert.ok(orgs(text).includes(name), `${text}: ${show(orgs(text))}`);
});

test('a bare generic phrase is no organization of its own, but refers back to the one named in full', () => {
  const alone = run('وقالت المنظمة العالمية إن الأرقام مشجعة.');
  assert.deepEqual(
    alone.entities.filter((e) => e.type === 'ORG').map((e) => e.names.ar),
    [],
    show(alone.mentions),
  );
  const r = run(
    'أعلنت المنظمة العالمية للسياحة أن عدد الزوار ارتفع. وقالت المنظمة العالمية إن الأرقام مشجعة.',
  );
  const ids = r.mentions.filter((m) => m.type === 'ORG').map((m) => m.entityId);
  assert.equal(ids.length, 2, show(r.mentions));
  assert.equal(new Set(ids).size, 1, show(r.mentions));
  assert.deepEqual(
    r.entities.filter((e) => e.type === 'ORG').map((e) => e.names.ar),
    ['المنظمة العالمية للسياحة'],
  );
});

test('an organization stops where the name of the person after it begins', () => {
  const text = 'قال رئيس اللجنة الأولمبية رياض بوسنينة يسير الاجتماع المقبل في العاصمة.';
  const r = run(text);
  for (const m of r.mentions.filter((x) => x.type === 'ORG'))
    assert.ok(!m.text.includes('رياض'), `an organization swallowed the person: ${show(m.text)}`);
  const { e } = holder(text, 'رياض بوسنينة');
  assert.equal(e?.post?.ar, 'رئيس اللجنة الأولمبية', show(e));
});

test('a person set apart after a post and a comma, though no list knows the name', () => {
  const cases: [string, string, string][] = [
    ['قال وزير الدفاع الوطني، فرحات الزغلامي إن الحدود آمنة.', 'فرحات الزغلامي', 'وزير الدفاع الوطني'],
    ['قالت وزيرة الصحة، سنية بلحاج العلوي إن المستشفيات جاهزة.', 'سنية بلحاج العلوي', 'وزيرة الصحة'],
  ];
  for (const [text, name, post] of cases) {
    const { e, people } = holder(text, name);
    assert.ok(e, `${text}: no «${name}» among ${show(people)}`);
    assert.equal(e.post?.ar, post, show(e.post));
  }
  // A clause after the comma is no name.
  for (const text of [
    'قال وزير الدفاع الوطني، مضيفا أن الحدود آمنة.',
    'قال وزير الدفاع الوطني، يوم الاثنين، إن الحدود آمنة.',
  ]) {
    const people = run(text).entities.filter((e) => e.type === 'PERS');
    assert.deepEqual(people, [], `${text}: ${show(people)}`);
  }
});

test('a given name and two surnames with the article are one person, and the two surnames refer to it', () => {
  const text =
    'أكدت وزيرة الثقافة ليلى الحمروني الدريدي أن المهرجان ناجح. وأضافت الحمروني الدريدي أن الجمهور حضر.';
  const r = run(text);
  const people = r.entities.filter((e) => e.type === 'PERS');
  assert.deepEqual(
    people.map((e) => e.names.ar),
    ['ليلى الحمروني الدريدي'],
    show(people),
  );
  const named = r.mentions.filter((m) => m.type === 'PERS');
  assert.deepEqual(
    named.map((m) => m.text),
    ['ليلى الحمروني الدريدي', 'الحمروني الدريدي'],
  );
  assert.equal(people[0]!.post?.ar, 'وزيرة الثقافة');
});

test('a hospital named after someone is no mention of that person; its director still is a person', () => {
  const r = run('نقل المصاب إلى المستشفى الجهوي حسان الورتاني بمدينة قصر هلال لتلقي العلاج.');
  const people = r.mentions.filter((m) => m.type === 'PERS').map((m) => m.text);
  assert.deepEqual(people, [], show(people));
  const { e } = holder('وقال مدير المستشفى الجهوي كمال الورغي إن الحالة مستقرة.', 'كمال الورغي');
  assert.equal(e?.post?.ar, 'مدير المستشفى الجهوي', show(e));
});
