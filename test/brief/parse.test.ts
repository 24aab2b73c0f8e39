import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { describe, it, test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';
import { briefDocument } from '../../src/brief/render.ts';
import { decode } from '../../src/ingest/decode.ts';

const root = new URL('../../', import.meta.url);
const shared = new URL('../shared/', root);
const seedPath = new URL('seeds/000_abf55f7c1628d6cc.txt', shared);
const seedGold = new URL('eval/seed.gold.json', shared);
const fixtures = new URL('fixtures/briefs/', root);

interface GoldBrief {
  source: string;
  dateline: string;
  lead_starts: string;
  sections: Array<{ kind: string; label: string; paragraphs?: number; items?: number; starts: string }>;
  byline: string;
}

test('the seed parses to exactly the brief of seed.gold.json', (t) => {
  if (!existsSync(seedPath) || !existsSync(seedGold)) {
    t.skip('../shared/ is absent (the seed and its gold live there)');
    return;
  }
  const text = readFileSync(seedPath, 'utf8');
  const gold = (JSON.parse(readFileSync(seedGold, 'utf8')) as { brief: GoldBrief }).brief;
  const b = parseBrief(text);
  assert.equal(b.origin, 'labelled');
  assert.equal(b.source, gold.source);
  assert.equal(b.dateline?.text, gold.dateline);
  assert.equal(b.lead.length, 1);
  assert.ok(b.lead[0]!.text.startsWith(gold.lead_starts));
  assert.deepEqual(
    b.sections.map((s) => ({
      kind: s.kind,
      label: s.label,
      ...(s.items.length ? { items: s.items.length } : { paragraphs: s.paragraphs.length }),
      starts: (s.items[0] ?? s.paragraphs[0])!.text.slice(
        0,
        gold.sections.find((g) => g.kind === s.kind)?.starts.length,
      ),
    })),
    gold.sections.map(({ kind, label, paragraphs, items, starts }) => ({
      kind,
      label,
      ...(items !== undefined ? { items } : { paragraphs }),
      starts,
    })),
  );
  assert.equal(b.byline?.text, gold.byline);
  assert.deepEqual(b.trailing, []);
  assert.deepEqual(b.body, []);
  // spans point back into the original text
  for (const s of b.sections) {
    for (const blk of [...s.paragraphs]) assert.equal(text.slice(blk.span[0], blk.span[1]), blk.text);
    assert.equal(text.slice(s.labelSpan![0], s.labelSpan![1]).replace(/[):؟\s]+$/u, ''), s.label);
  }
});

const names = existsSync(fixtures)
  ? readdirSync(fixtures)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => f.slice(0, -4))
      .sort()
  : [];

test('there is a golden fixture for each variant (at least 15)', () => {
  assert.ok(names.length >= 15, `only ${names.length} fixtures`);
});

for (const name of names) {
  test(`golden: fixtures/briefs/${name}`, () => {
    const text = decode(readFileSync(new URL(`${name}.txt`, fixtures)), name).text;
    const got = JSON.parse(JSON.stringify(briefDocument(parseBrief(text))));
    const expectedPath = new URL(`${name}.expected.json`, fixtures);
    if (process.env.UPDATE_GOLDEN === '1') {
      writeFileSync(expectedPath, `${JSON.stringify(got, null, 2)}\n`);
      return;
    }
    assert.ok(
      existsSync(expectedPath),
      `${name}.expected.json is missing: run with UPDATE_GOLDEN=1 and review it`,
    );
    assert.deepEqual(got, JSON.parse(readFileSync(expectedPath, 'utf8')));
  });
}

test('unlabelled text: lead = first paragraph, body = the rest, marked unlabelled', () => {
  const text = 'الفقرة الأولى من الخبر.\n\nالفقرة الثانية.\nالفقرة الثالثة.';
  const b = parseBrief(text);
  assert.equal(b.origin, 'unlabelled');
  assert.deepEqual(
    b.lead.map((x) => x.text),
    ['الفقرة الأولى من الخبر.'],
  );
  assert.deepEqual(
    b.body.map((x) => x.text),
    ['الفقرة الثانية.', 'الفقرة الثالثة.'],
  );
  assert.equal(b.messages[0]?.ruleId, 'brief/unlabelled');
});

test('colons that are not labels stay text; «(سانا):» is lead', () => {
  const text = [
    'حلب (سانا): افتتح مصنع جديد للأدوية في المدينة.',
    'أهمية الخبر: يغطي المصنع حاجة المحافظة.',
    'ماذا يقولون:',
    'وزير الصناعة:',
    'سنفتتح مصانع أخرى قريبًا.',
    'النقاط الرئيسية:',
    'الطاقة: مئة ألف عبوة يوميًا',
    'الخلاصة: مصنع جديد',
  ].join('\n');
  const b = parseBrief(text);
  assert.deepEqual(
    b.sections.map((s) => s.kind),
    ['why_it_matters', 'what_they_say', 'key_points'],
  );
  assert.equal(b.lead[0]!.text, 'حلب (سانا): افتتح مصنع جديد للأدوية في المدينة.');
  assert.equal(b.sections[1]!.paragraphs.length, 2);
  assert.equal(b.sections[2]!.items.length, 2);
});

test('a generic editorial label with ":" is a section of kind other outside lists', () => {
  const b = parseBrief('أهمية الخبر) نص.\nالسياق: نص السياق.\nخلفية) نص الخلفية.');
  assert.deepEqual(
    b.sections.map((s) => [s.kind, s.label]),
    [
      ['why_it_matters', 'أهمية الخبر'],
      ['other', 'السياق'],
      ['other', 'خلفية'],
    ],
  );
});

test("other outlets' labels for the template's sections are known labels («لماذا يهم:», «في الصورة الأوسع:», «ما أهمية ذلك؟»)", () => {
  const b = parseBrief(
    'الخبر.\nلماذا يهم: نص.\nفي الصورة الأوسع: نص.\nأبرز النقاط:\n- أ\n- ب\nالتفاصيل: نص.\nما أهمية ذلك؟\nنص.\nالصورة الكبرى) نص.\nأهم النقاط\n• ج',
  );
  assert.equal(b.origin, 'labelled');
  assert.deepEqual(
    b.sections.map((s) => [s.kind, s.label]),
    [
      ['why_it_matters', 'لماذا يهم'],
      ['big_picture', 'في الصورة الأوسع'],
      ['key_points', 'أبرز النقاط'],
      ['details', 'التفاصيل'],
      ['why_it_matters', 'ما أهمية ذلك'],
      ['big_picture', 'الصورة الكبرى'],
      ['key_points', 'أهم النقاط'],
    ],
  );
  // in prose, without its mark at the start of a line, it is no label
  assert.equal(parseBrief('قال الوزير لماذا يهم هذا الاتفاق.').origin, 'unlabelled');
});

test('in a list, an editorial label alone on its line opens a section; «key: value» stays an item', () => {
  const b = parseBrief('الخبر.\nأبرز النقاط\n• أ\nالمدة: ستة أشهر\nماذا بعد؟\n1. ب\n2. ج');
  assert.deepEqual(
    b.sections.map((s) => [s.label, s.items.map((i) => i.text)]),
    [
      ['أبرز النقاط', ['أ', 'المدة: ستة أشهر']],
      ['ماذا بعد', ['ب', 'ج']],
    ],
  );
});

test('a credit in parentheses on the last line is the byline, after a list too', () => {
  const b = parseBrief('الخبر.\nأبرز النقاط\n- أ\n- ب\n(وكالة الأنباء الكويتية)');
  assert.equal(b.byline?.text, '(وكالة الأنباء الكويتية)');
  assert.deepEqual(
    b.sections[0]!.items.map((i) => i.text),
    ['أ', 'ب'],
  );
  // a parenthesis with digits or punctuation is not a credit
  assert.equal(parseBrief('الخبر.\nأبرز النقاط\n- أ\n(انظر الجدول 2)').byline, undefined);
});

test('the dateline keeps offsets into the original text even with harakat and Persian letters', () => {
  const text = 'مقدمة.\nإیرانُ برس - إیران:أهمیة الخبر) النص.';
  const b = parseBrief(text);
  assert.equal(b.dateline?.text, 'إیرانُ برس - إیران');
  assert.equal(text.slice(b.dateline!.span[0], b.dateline!.span[1]), 'إیرانُ برس - إیران:');
  assert.equal(b.source, 'إیرانُ برس');
  assert.equal(b.sections[0]?.kind, 'why_it_matters');
  assert.equal(b.sections[0]?.paragraphs[0]?.text, 'النص.');
});

test('an empty section is reported as a warning message', () => {
  const b = parseBrief('أهمية الخبر: نص.\nنظرة أعمق:');
  assert.equal(b.sections[1]?.paragraphs.length, 0);
  assert.ok(b.messages.some((m) => m.ruleId === 'brief/empty-section' && m.severity === 'warning'));
});

test('a known region wins over a later colon; «إیران پرس» with Persian پ is a dateline', () => {
  const a = parseBrief('إيران برس - إيران قال عراقجي: المفاوضات مستمرة.\nأهمية الخبر) نص.');
  assert.equal(a.dateline?.text, 'إيران برس - إيران');
  assert.equal(a.lead[0]?.text, 'قال عراقجي: المفاوضات مستمرة.');
  const b = parseBrief('إیران پرس - أفريقيا: خبر.\nأهمية الخبر) نص.');
  assert.equal(b.dateline?.text, 'إیران پرس - أفريقيا');
  assert.equal(b.source, 'إیران پرس');
});

test('after «اقرأ المزيد», a headline that looks like a label is trailing, not a section', () => {
  const b = parseBrief('أهمية الخبر) نص.\nnima rahimi\n2025/11/03\nاقرأ المزيد\nأهمية الخبر: عنوان آخر');
  assert.deepEqual(
    b.sections.map((s) => s.kind),
    ['why_it_matters'],
  );
  assert.equal(b.byline?.text, 'nima rahimi');
  assert.deepEqual(
    b.trailing.map((t) => t.text),
    ['2025/11/03', 'اقرأ المزيد', 'أهمية الخبر: عنوان آخر'],
  );
});

test('labels glued to the previous text of their line are cut out (text joined from HTML)', () => {
  const text =
    'مقدمة الخبر.\nإيران برس - إيران: أهمية الخبر) نص أول.الصورة العامة) نص ثان المشتركةنظرة أعمق) نص ثالث. النقاط الرئيسية: بند';
  const b = parseBrief(text);
  assert.equal(b.dateline?.text, 'إيران برس - إيران');
  assert.deepEqual(
    b.sections.map((s) => [s.kind, (s.paragraphs[0] ?? s.items[0])?.text]),
    [
      ['why_it_matters', 'نص أول.'],
      ['big_picture', 'نص ثان المشتركة'],
      ['deeper_look', 'نص ثالث.'],
      ['key_points', 'بند'],
    ],
  );
  // a label mentioned inside a sentence without its mark is not cut
  assert.equal(parseBrief('قال إن أهمية الخبر كبيرة.').origin, 'unlabelled');
});

test('a place or an agency credit before a label on one line is the dateline, then the section', () => {
  const text =
    'افتتحت الحكومة جسرا جديدا فوق النهر صباح اليوم.\n' +
    'طهران - أهمية الخبر: يختصر الجسر الطريق بين الضفتين.\n' +
    '(وكالة الواحة) – الصورة العامة: تحدّث البلاد طرقها منذ سنوات.';
  const b = parseBrief(text);
  assert.equal(b.origin, 'labelled');
  assert.equal(b.dateline?.text, 'طهران');
  assert.equal(text.slice(b.dateline!.span[0], b.dateline!.span[1]), 'طهران -');
  assert.equal(b.source, undefined, 'a city is not an outlet');
  assert.deepEqual(
    b.sections.map((s) => [s.kind, s.label, s.paragraphs.map((p) => p.text)]),
    [
      ['why_it_matters', 'أهمية الخبر', ['يختصر الجسر الطريق بين الضفتين.']],
      ['big_picture', 'الصورة العامة', ['تحدّث البلاد طرقها منذ سنوات.']],
    ],
  );
  // The second credit is no second dateline: it stays with its label's span (nothing dropped).
  const big = b.sections[1]!;
  assert.equal(text.slice(big.labelSpan![0], big.labelSpan![1]), '(وكالة الواحة) – الصورة العامة:');
  assert.deepEqual(
    b.lead.map((l) => l.text),
    ['افتتحت الحكومة جسرا جديدا فوق النهر صباح اليوم.'],
  );
});

test('an agency credit in parentheses, or a city and its agency, before the first label is the dateline', () => {
  const a = parseBrief('مقدمة قصيرة.\n(وكالة الواحة) – الصورة العامة: نص الصورة.\nأهمية الخبر: نص.');
  assert.equal(a.dateline?.text, '(وكالة الواحة)');
  assert.deepEqual(
    a.sections.map((s) => [s.kind, s.paragraphs[0]?.text]),
    [
      ['big_picture', 'نص الصورة.'],
      ['why_it_matters', 'نص.'],
    ],
  );
  const b = parseBrief('مقدمة قصيرة.\nمدينة النخيل (الواحة) — نظرة أعمق: نص أعمق.');
  assert.equal(b.dateline?.text, 'مدينة النخيل (الواحة)');
  assert.equal(b.sections[0]?.kind, 'deeper_look');
  assert.equal(b.sections[0]?.paragraphs[0]?.text, 'نص أعمق.');
});

test('a place and a dash before a sentence that is no label: no label (ingdef4: a known city is the dateline)', () => {
  const a = parseBrief('بيروت - قال الوزير: ستفتح المدارس غدا.\nوأضاف أن الطرق آمنة.');
  assert.equal(a.origin, 'unlabelled');
  assert.equal(a.dateline?.text, 'بيروت');
  assert.equal(a.lead[0]?.text, 'قال الوزير: ستفتح المدارس غدا.');
  const s = parseBrief('سامي الخطيب - قال الوزير: ستفتح المدارس غدا.\nوأضاف أن الطرق آمنة.');
  assert.equal(s.dateline, undefined);
  assert.equal(s.lead[0]?.text, 'سامي الخطيب - قال الوزير: ستفتح المدارس غدا.');
  const b = parseBrief('أهمية الخبر: نص.\nالنقاط الرئيسية:\n- القاهرة - بند أول\n- بند ثان');
  assert.deepEqual(
    b.sections[1]?.items.map((i) => i.text),
    ['القاهرة - بند أول', 'بند ثان'],
  );
});

test('a place, a dash, a region or «خاص» and a colon before a label: the dateline, even when the label would be cut off as glued', () => {
  const a = parseBrief('مقدمة الخبر.\nالرباط - خاص: أهمية الخبر) نص الأهمية.\nالصورة العامة) نص الصورة.');
  assert.equal(a.dateline?.text, 'الرباط - خاص');
  assert.deepEqual(
    a.lead.map((l) => l.text),
    ['مقدمة الخبر.'],
  );
  assert.deepEqual(
    a.sections.map((s) => [s.kind, s.paragraphs[0]?.text]),
    [
      ['why_it_matters', 'نص الأهمية.'],
      ['big_picture', 'نص الصورة.'],
    ],
  );
  const b = parseBrief('مقدمة الخبر.\nصحيفة الواحة - الشرق الأوسط: أهمية الخبر: نص الأهمية.');
  assert.equal(b.dateline?.text, 'صحيفة الواحة - الشرق الأوسط');
  assert.equal(b.sections[0]?.paragraphs[0]?.text, 'نص الأهمية.');
  // After the first label, a credit before a label with «)» stays with that label.
  const text = 'أهمية الخبر: نص.\n(وكالة الواحة) – الصورة العامة) نص الصورة.';
  const c = parseBrief(text);
  assert.deepEqual(
    c.sections.map((s) => [s.kind, s.paragraphs[0]?.text]),
    [
      ['why_it_matters', 'نص.'],
      ['big_picture', 'نص الصورة.'],
    ],
  );
  const big = c.sections[1]!;
  assert.equal(text.slice(big.labelSpan![0], big.labelSpan![1]), '(وكالة الواحة) – الصورة العامة)');
});

describe('an Arabic byline on the last line (own writing)', () => {
  const article = (ending: string) =>
    [
      'افتتحت البلدية أمس حديقة عامة جديدة في وسط المدينة.',
      '',
      'أهمية الخبر) تأتي الحديقة ضمن خطة لزيادة المساحات الخضراء.',
      '',
      'النقاط الرئيسية)',
      'مساحة عشرة آلاف متر مربع',
      'ملعب للأطفال',
      '',
      'نظرة أعمق) يرى سكان الحي أن الحديقة ستخفف الازدحام في الساحات القريبة.',
      '',
      ending,
    ].join('\n');

  for (const byline of ['مكتب الأخبار المحلي', 'سلمى الحداد', 'المصدر : وكالة الأنباء', '-رويترز-']) {
    it(`«${byline}» after the last sentence is the byline, not a paragraph`, () => {
      const b = parseBrief(article(byline));
      assert.equal(b.byline?.text, byline);
      const deeper = b.sections.find((s) => s.kind === 'deeper_look')!;
      assert.equal(deeper.paragraphs.length, 1);
    });
  }

  it('not a byline: the last item of a list, a line that opens a list, a short sentence', () => {
    // the article ends with its key points: the last item stays an item
    const list = parseBrief(article('').replace(/\n\nنظرة أعمق\).*$/su, ''));
    assert.equal(list.byline, undefined);
    assert.equal(list.sections.find((s) => s.kind === 'key_points')?.items.length, 2);
    for (const ending of [
      'وفيما يلي نص البيان :',
      'وقد حضر الافتتاح عدد كبير من سكان الحي والمدن المجاورة',
      'عام 2025',
    ]) {
      const b = parseBrief(article(ending));
      assert.equal(b.byline, undefined, ending);
    }
  });
});
