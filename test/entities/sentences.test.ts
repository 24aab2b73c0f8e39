/** Sentences written for these tests: clitics, demonyms, posts before and after names, honorifics, coreference. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findEntities } from '../../src/analyze/entities.ts';
import { BRIEF_SCHEMA, type Brief, type Mention } from '../../src/model.ts';

function ids(text: string): string[] {
  return findEntities(text).mentions.map((m) => `${m.text}→${m.entityId ?? '-'}`);
}

function mention(text: string, surface: string): Mention {
  const m = findEntities(text).mentions.find((x) => x.text === surface);
  assert.ok(m, `no mention «${surface}» in «${text}»`);
  return m;
}

test('clitics are read off the first word and kept out of the span', () => {
  const text = 'تتعاون وإيران مع لباكستان، وبالسعودية، فالعراق، وللسعودية.';
  assert.deepEqual(ids(text), [
    'إيران→country:IRN',
    'باكستان→country:PAK',
    'السعودية→country:SAU',
    'العراق→country:IRQ',
    'لسعودية→country:SAU',
  ]);
});

test('demonyms in their forms name the country', () => {
  const text = 'قال المسؤولون الإيرانيون إن الشركات الإيرانية والتجار الإيرانيين وإيرانيات ومصريان حضروا.';
  const got = findEntities(text).mentions;
  assert.deepEqual(
    got.map((m) => [m.text, m.entityId, m.role]),
    [
      ['الإيرانيون', 'country:IRN', 'demonym'],
      ['الإيرانية', 'country:IRN', 'demonym'],
      ['الإيرانيين', 'country:IRN', 'demonym'],
      ['إيرانيات', 'country:IRN', 'demonym'],
      ['مصريان', 'country:EGY', 'demonym'],
    ],
  );
});

test('a post before a name, without a comma, goes to that person', () => {
  const text = 'وصل وزير الخارجية الإيراني عباس عراقجي إلى الرياض صباح اليوم.';
  const r = findEntities(text);
  const p = r.entities.find((e) => e.id === 'person:abbas-araghchi');
  assert.equal(p?.post?.ar, 'وزير الخارجية الإيراني');
  assert.equal(p?.post?.en, 'Minister of Foreign Affairs');
  assert.equal(p?.country, 'IRN');
  assert.equal(mention(text, 'وزير الخارجية الإيراني').entityId, 'person:abbas-araghchi');
  // «الرياض» after «إلى» is a place, not the Saudi state.
  assert.equal(mention(text, 'الرياض').entityId, 'city:sau-riyadh');
});

test('a post after a name, between commas, goes to that person (a person no list knows)', () => {
  const text = 'قال خالد منصور، وزير المالية المصري، إن الميزانية ستعلن قريبا.';
  const r = findEntities(text);
  const p = r.entities.find((e) => e.type === 'PERS');
  assert.equal(p?.names.ar, 'خالد منصور');
  assert.equal(p?.names.latin, 'Khalid Mansur');
  assert.equal(p?.id, 'person:khalid-mansur');
  assert.equal(p?.post?.en, 'Minister of Finance');
  assert.equal(p?.country, 'EGY');
  assert.equal(p?.sector, 'GOV');
});

test('honorifics stay out of the name; «سيد» without ال stays in the written name', () => {
  const r = findEntities('استقبل الشيخ حمد بن سالم الوفد، وحضر اللقاء الدكتور سامي الهاشمي.');
  assert.deepEqual(
    r.entities.map((e) => e.names.ar),
    ['حمد بن سالم', 'سامي الهاشمي'],
  );
  // The mention's span is the name; the honorific stays outside it.
  assert.equal(r.mentions[0]?.text, 'حمد بن سالم');
  const m = findEntities('التقى صاحب السمو الشيخ محمد بن راشد آل مكتوم بالوفد.').mentions[0];
  assert.equal(m?.text, 'محمد بن راشد آل مكتوم');
  const s = findEntities('التقى الوزير بالسيد سيد كامل حيدر، مستشار الحكومة الباكستانية.');
  const p = s.entities.find((e) => e.type === 'PERS');
  assert.equal(p?.names.ar, 'كامل حيدر');
  assert.ok(p?.names.aliases.includes('سيد كامل حيدر'));
  assert.equal(p?.post?.en, 'Adviser of the Government of Pakistan');
});

test('«على» is never the name «علي»', () => {
  const r = findEntities('أكد على أهمية الحوار وشدد على ضرورة التعاون.');
  assert.equal(r.entities.length, 0);
});

test('a post named again, or «الوزير» alone, refers to the person named with it before', () => {
  const text =
    'التقى وزير الدفاع التركي، كمال أوزتورك، بنظيره في الدوحة. ثم قال الوزير إن المحادثات مثمرة، وأكد وزير الدفاع التركي أن التعاون مستمر.';
  const r = findEntities(text);
  const person = r.entities.find((e) => e.type === 'PERS');
  assert.equal(person?.names.ar, 'كمال أوزتورك');
  assert.equal(mention(text, 'الوزير').entityId, person?.id);
  const posts = r.mentions.filter((m) => m.text === 'وزير الدفاع التركي');
  assert.equal(posts.length, 2);
  for (const m of posts) assert.equal(m.entityId, person?.id);
});

test('«نظيره القطري» is the same post for another country, and is referred back to', () => {
  const text =
    'التقى وزير الدفاع التركي، يشار غولر، بنظيره القطري، خالد العطية، في الدوحة. وبحث الوزير التركي مع نظيره القطري التعاون.';
  const r = findEntities(text);
  const people = r.entities.filter((e) => e.type === 'PERS');
  assert.deepEqual(
    people.map((e) => [e.names.ar, e.post?.en, e.country]),
    [
      ['يشار غولر', 'Minister of Defence', 'TUR'],
      ['خالد العطية', 'Minister of Defence', 'QAT'],
    ],
  );
  // The counterpart's post in words: the first post with the other country's demonym.
  assert.equal(people[1]!.post?.ar, 'وزير الدفاع القطري');
  const posts = r.mentions.filter((m) => m.type === 'POST').map((m) => [m.text, m.entityId]);
  assert.deepEqual(posts, [
    ['وزير الدفاع التركي', people[0]!.id],
    ['نظيره القطري', people[1]!.id],
    ['الوزير التركي', people[0]!.id],
    ['نظيره القطري', people[1]!.id],
  ]);
});

test('more posts: chained posts, offices of organizations, representatives, vice presidents', () => {
  const cases: [string, string, string | undefined][] = [
    [
      'أكد نائب رئيس الوزراء وزير الخارجية الباكستاني إسحاق دار أن الحوار مستمر.',
      'Deputy Prime Minister; Minister of Foreign Affairs',
      'PAK',
    ],
    ['قال رئيس المكتب السياسي لحركة حماس إن الوفد وصل.', 'Head of the Political Bureau of Hamas', 'PSE'],
    ['قال مندوب إيران لدى الأمم المتحدة إن القرار مرفوض.', 'Representative to the United Nations', 'IRN'],
    ['وقال نائب الرئيس الأمريكي إن المحادثات جيدة.', 'Vice President', 'USA'],
    ['قال المرشد الأعلى للثورة الإسلامية آية الله علي خامنئي إن الشعب صامد.', 'Supreme Leader', 'IRN'],
  ];
  for (const [text, en, country] of cases) {
    const r = findEntities(text);
    const first = r.mentions.find((m) => m.type === 'POST');
    const holder = r.entities.find((e) => e.id === first?.entityId);
    assert.equal(holder?.post?.en, en, text);
    assert.equal(holder?.country, country, text);
  }
});

test('a surname alone refers back to the full name', () => {
  const text =
    'صرح سفير باكستان لدى إيران، رحيم حياة قريشي، بأن العلاقات ممتازة. وأضاف قريشي أن الزيارة قريبة.';
  const r = findEntities(text);
  const p = r.entities.find((e) => e.type === 'PERS');
  assert.equal(p?.post?.en, 'Ambassador to Iran');
  assert.equal(p?.country, 'PAK');
  const m = mention(text, 'قريشي');
  assert.equal(m.entityId, p?.id);
  assert.equal(m.role, 'coref');
});

test('a capital stands for its state only as an actor or in «بين … و…»', () => {
  const text = 'أعلنت طهران رفضها للقرار، بينما زار الوفد طهران أمس. وتحسنت العلاقات بين أنقرة والقاهرة.';
  const ms = findEntities(text).mentions;
  assert.deepEqual(
    ms.map((m) => [m.text, m.entityId, m.role]),
    [
      ['طهران', 'country:IRN', 'metonym'],
      ['طهران', 'city:irn-tehran', 'name'],
      ['أنقرة', 'country:TUR', 'metonym'],
      ['القاهرة', 'country:EGY', 'metonym'],
    ],
  );
});

test('loaded aliases keep their framing; an unnamed office holder is still an actor', () => {
  const text =
    'قصف الاحتلال الإسرائيلي مواقع في غزة، وقال المتحدث باسم وزارة الخارجية الإيرانية إن العدوان مرفوض.';
  const r = findEntities(text);
  const a = mention(text, 'الاحتلال الإسرائيلي');
  assert.equal(a.entityId, 'country:ISR');
  assert.equal(a.framing, 'الاحتلال الإسرائيلي');
  const post = mention(text, 'المتحدث باسم وزارة الخارجية الإيرانية');
  const holder = r.entities.find((e) => e.id === post.entityId);
  assert.equal(holder?.type, 'POST');
  assert.equal(holder?.country, 'IRN');
  assert.equal(mention(text, 'وزارة الخارجية الإيرانية').entityId, 'org:ministry-of-foreign-affairs-irn');
});

test('common words that are also place names are not tagged', () => {
  const r = findEntities('ارتفع الدعم المالي على نحو كبير في العين والخبر، وهذا مشهد مؤثر.');
  assert.deepEqual(r.entities, []);
});

test('the outlet the dateline names is a media organization, even when no list knows it', () => {
  const text = 'وكالة النجمة - طهران: قال وزير الخارجية الإيراني إن المحادثات مثمرة.';
  const brief: Brief = {
    schema: BRIEF_SCHEMA,
    origin: 'unlabelled',
    source: 'وكالة النجمة',
    dateline: { text: 'وكالة النجمة - طهران', span: [0, 20] },
    lead: [],
    sections: [],
    body: [],
    trailing: [],
    messages: [],
  };
  const r = findEntities(text, { brief });
  const m = r.mentions.find((x) => x.text === 'وكالة النجمة');
  const e = r.entities.find((x) => x.id === m?.entityId);
  assert.equal(e?.type, 'ORG');
  assert.equal(e?.sector, 'MED');
  assert.equal(
    findEntities(text).mentions.some((x) => x.text === 'وكالة النجمة'),
    false,
  );
});

test('text with no Arabic gives no entities and a warning', () => {
  const r = findEntities('The minister met his counterpart in London on Tuesday.');
  assert.deepEqual(r.mentions, []);
  assert.deepEqual(r.entities, []);
  assert.equal(r.messages[0]?.ruleId, 'entities/no-arabic');
  assert.equal(r.messages[0]?.severity, 'warning');
});

test('property: never throws, spans slice the text, every id is an entity', () => {
  const alphabet = [...'ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأإآءؤئ ،.'].concat([
    ' إيران ',
    ' وزير الداخلية ',
    ' الباكستاني ',
    ' علي ',
    ' السيد ',
    '، ',
    ' الطرفان ',
    ' طهران ',
    'َ',
  ]);
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      const r = findEntities(text);
      const known = new Set(r.entities.map((e) => e.id));
      for (const m of r.mentions) {
        assert.equal(text.slice(m.span[0], m.span[1]), m.text);
        if (m.entityId) assert.ok(known.has(m.entityId), m.entityId);
      }
      const again = findEntities(text);
      assert.deepEqual(again, r);
    }),
    { numRuns: 300 },
  );
});
