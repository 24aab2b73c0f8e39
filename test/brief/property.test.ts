import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseBrief } from '../../src/brief/parse.ts';
import type { Block, Brief, Span } from '../../src/model.ts';

/** Every leaf part of a brief with its span. */
function parts(b: Brief): Array<{ what: string; span: Span; text?: string }> {
  const out: Array<{ what: string; span: Span; text?: string }> = [];
  const add = (what: string, blk: Block, exact = true) =>
    out.push({ what, span: blk.span, ...(exact ? { text: blk.text } : {}) });
  if (b.dateline) add('dateline', b.dateline, false);
  for (const x of b.lead) add('lead', x);
  for (const s of b.sections) {
    if (s.labelSpan) out.push({ what: `label ${s.kind}`, span: s.labelSpan });
    for (const x of s.paragraphs) add('paragraph', x);
    for (const x of s.items) add('item', x, false);
  }
  for (const x of b.body) add('body', x);
  if (b.byline) add('byline', b.byline);
  for (const x of b.trailing) add('trailing', x);
  return out;
}

/** No text lost: each non-whitespace character is in exactly one part; texts are original slices. */
function checkCoverage(text: string): void {
  const b = parseBrief(text);
  const owner = new Array<string | undefined>(text.length);
  for (const p of parts(b)) {
    const [s, e] = p.span;
    assert.ok(0 <= s && s < e && e <= text.length, `${p.what} span [${s}, ${e}) out of range`);
    for (let i = s; i < e; i++) {
      assert.equal(owner[i], undefined, `char ${i} in both ${owner[i]} and ${p.what}`);
      owner[i] = p.what;
    }
    if (p.text !== undefined)
      assert.equal(p.text, text.slice(s, e), `${p.what} text is not the original slice`);
  }
  for (let i = 0; i < text.length; i++) {
    if (/\S/.test(text[i]!)) assert.ok(owner[i] !== undefined, `char ${i} (${JSON.stringify(text[i])}) lost`);
  }
  for (const s of b.sections) {
    assert.ok(s.span[0] <= s.labelSpan![0] && s.span[1] >= s.labelSpan![1]);
    for (const x of [...s.paragraphs, ...s.items])
      assert.ok(s.span[0] <= x.span[0] && x.span[1] <= s.span[1]);
  }
}

const FRAGMENTS = [
  'أهمية الخبر',
  'أهـمية الخَبر',
  'الصورة العامة',
  'النقاط الرئيسية',
  'النقاط الرئیسیة',
  'نظرة أعمق',
  'ماذا يقولون',
  'ماذا يقول',
  'ما يقوله',
  'خلفية',
  'ماذا بعد',
  'إيران برس',
  'إیران برس',
  ' - ',
  '-',
  'إيران',
  'أفريقيا',
  'الشرق الأوسط',
  'لبنان',
  'عراقجي',
  'وزارة الصحة اللبنانية',
  '(سانا)',
  'اقرأ المزيد',
  '44',
  '٤٤',
  'manouchehr mahdavi',
  'كلمة',
  'قال الوزير إن',
  ':',
  ')',
  '(',
  '؟',
  '?',
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u2028',
  '- ',
  '• ',
  '1. ',
  '\u200f',
  '\u200b',
  '\ufeff',
  'ـ',
  'َ',
  '\u00a0',
  '«',
  '»',
];

test('parseBrief never throws and loses no character on arbitrary strings', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => checkCoverage(s)),
    { numRuns: 400 },
  );
});

test('parseBrief never throws and loses no character on strings of template fragments', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((a) => a.join('')),
      (s) => checkCoverage(s),
    ),
    { numRuns: 1500 },
  );
});

test('coverage holds on hand-picked edge cases', () => {
  for (const s of [
    '',
    ' ',
    '\n\n',
    'إيران برس - أفريقياأهمية الخبر:',
    'إيران برس - ',
    'إيران برس -:',
    '\u200fإيران برس - إيران: أهمية الخبر) نص',
    'أهمية الخبر)',
    ')',
    'ما يقوله :',
    'لبنان- إیران برس:\nأهمية الخبر:\n- \n44\nmanouchehr mahdavi\nاقرأ المزيد\nعنوان',
  ]) {
    checkCoverage(s);
  }
});

/** The structure a gold file scores: kinds, counts, dateline, byline. */
function shape(b: Brief): string {
  return JSON.stringify([
    b.origin,
    b.dateline?.text,
    b.byline?.text,
    b.lead.length,
    b.sections.map((s) => [s.kind, s.label, s.paragraphs.length, s.items.length]),
    b.trailing.length,
  ]);
}

test('metamorphic: CRLF line ends and extra blank lines do not change a fixture’s structure', async () => {
  const { readFileSync, readdirSync, existsSync } = await import('node:fs');
  const dir = new URL('../../fixtures/briefs/', import.meta.url);
  if (!existsSync(dir)) return;
  const texts = readdirSync(dir)
    .filter((f) => f.endsWith('.txt') && !f.includes('1256'))
    .map((f) => readFileSync(new URL(f, dir), 'utf8'));
  for (const text of texts) {
    const want = shape(parseBrief(text));
    assert.equal(shape(parseBrief(text.replace(/\r?\n/g, '\r\n'))), want);
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('\n', '\n \n', '\n\t\n\n'), { minLength: 1, maxLength: 60 }),
        (seps) => {
          let k = 0;
          const spaced = text.replace(/\r?\n/g, (nl) => nl + (seps[k++ % seps.length] ?? ''));
          assert.equal(shape(parseBrief(spaced)), want);
        },
      ),
      { numRuns: 20 },
    );
  }
});
