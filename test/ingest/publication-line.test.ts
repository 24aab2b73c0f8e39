/**
 * A page's publication line — «نشر بواسطة سامر الخطيب في 3 ديسمبر 2026», «نُشر في …», «آخر
 * تحديث: …» — above or below its story: the byline and the date where the page gives none, and
 * no part of the stored text (ingdef3). Until then a credit with its date stayed in the text
 * (its first paragraph: the brief's lead), and so did any publication line below the story.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildArticle } from '../../src/ingest/article.ts';
import { publicationLine } from '../../src/ingest/text-date.ts';
import { arabicArticle } from './fixtures.ts';

const STORY = arabicArticle(7311, 3);
const page = (opts: { above?: string[]; below?: string[]; head?: string }) =>
  `<html><head><title>عنوان الخبر</title>${opts.head ?? ''}</head><body><article><h1>عنوان الخبر</h1>${[
    ...(opts.above ?? []),
    ...STORY.split('\n\n'),
    ...(opts.below ?? []),
  ]
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;

const build = (html: string) => {
  const r = buildArticle({ source: '/news/p.html', format: 'html', html: true, text: html });
  assert.ok(r.kind === 'article', JSON.stringify(r));
  return r.article;
};

test('«نشر بواسطة فلان في 3 ديسمبر 2026» above or below the story: byline and date, out of the text', () => {
  for (const line of [
    'نشر بواسطة سامر الخطيب في 3 ديسمبر 2026',
    'نُشر بواسطة سامر الخطيب في الخميس 3 ديسمبر 2026 - 10:30',
    'بقلم: سامر الخطيب | 3 ديسمبر 2026',
    'كتب: سامر الخطيب - 3 ديسمبر 2026',
    '3 ديسمبر 2026 - بقلم سامر الخطيب',
  ])
    for (const where of ['above', 'below'] as const) {
      const a = build(page({ [where]: [line] }));
      assert.equal(a.text, STORY, `${where}: ${line}`);
      assert.equal(a.byline, 'سامر الخطيب', `${where}: ${line}`);
      assert.equal(a.published, '2026-12-03', `${where}: ${line}`);
    }
});

test('«نُشر في …», «آخر تحديث: …», «نشر بواسطة …» below the story leave it; the publication day wins over the update', () => {
  const a = build(page({ below: ['نُشر في 3 ديسمبر 2026'] }));
  assert.equal(a.text, STORY);
  assert.equal(a.published, '2026-12-03');
  const u = build(page({ below: ['آخر تحديث: 5 ديسمبر 2026'] }));
  assert.equal(u.text, STORY);
  assert.equal(u.published, '2026-12-05');
  // both, the update first: the page was published on the 3rd
  for (const lines of [
    { above: ['آخر تحديث: 5 ديسمبر 2026', 'نُشر في 3 ديسمبر 2026'] },
    { below: ['آخر تحديث: 5 ديسمبر 2026', 'نُشر في 3 ديسمبر 2026'] },
    { above: ['آخر تحديث: 5 ديسمبر 2026'], below: ['نُشر في 3 ديسمبر 2026'] },
  ]) {
    const b = build(page(lines));
    assert.equal(b.text, STORY, JSON.stringify(lines));
    assert.equal(b.published, '2026-12-03', JSON.stringify(lines));
  }
  const w = build(page({ below: ['نشر بواسطة سامر الخطيب'] }));
  assert.equal(w.text, STORY);
  assert.equal(w.byline, 'سامر الخطيب');
});

/** The page's own author and date, in its <head>. */
const OWN_META =
  '<meta name="author" content="مراسل الصحيفة"><meta property="article:published_time" content="2026-12-01T08:00:00Z">';
/** `a` keeps the page's own author and date (OWN_META), and its text is the story alone. */
const keepsOwn = (a: { text: string; byline?: string; published?: string }) => {
  assert.equal(a.text, STORY);
  assert.equal(a.byline, 'مراسل الصحيفة');
  assert.equal(a.published, '2026-12-01T08:00:00Z');
};

test("the page's own author and date stay; its publication line still leaves the text", () => {
  keepsOwn(build(page({ below: ['نشر بواسطة سامر الخطيب في 3 ديسمبر 2026'], head: OWN_META })));
});

test('a last or first paragraph that is a sentence with a date stays in the text', () => {
  for (const line of [
    'نشر الجيش بيانا في 3 ديسمبر 2026',
    'وقال إن الاجتماع المقبل سيعقد في 3 ديسمبر 2026.',
    'بواسطة طائرة مسيرة في 3 ديسمبر 2026.',
    'نشر بواسطة سامر الخطيب في 3 ديسمبر 2026 ثم حذف بعد ساعة',
  ])
    for (const where of ['above', 'below'] as const) {
      const a = build(page({ [where]: [line] }));
      assert.ok(a.text.includes(line), `${where}: ${line}`);
      assert.equal(a.byline, undefined, `${where}: ${line}`);
    }
});

test('publicationLine reads the credit, the day and whether it is an update', () => {
  assert.deepEqual(publicationLine('نشر بواسطة سامر الخطيب في 3 ديسمبر 2026'), {
    name: 'سامر الخطيب',
    day: '2026-12-03',
  });
  assert.deepEqual(publicationLine('آخر تحديث: 3 ديسمبر 2026'), { day: '2026-12-03', updated: true });
  assert.deepEqual(publicationLine('تم النشر بواسطة سامر الخطيب'), { name: 'سامر الخطيب' });
  // a weekday that is not the date's: a mistyped line, no date
  assert.equal(publicationLine('نشر بواسطة سامر الخطيب يوم الأحد 3 ديسمبر 2026'), undefined);
  assert.equal(publicationLine('نشر سامر الخطيب مقالا'), undefined);
});

test('a text file opening with its publication line is dated and credited by it, the line out of the text', () => {
  const r = buildArticle({
    source: '/news/p.txt',
    format: 'text',
    text: `نشر بواسطة سامر الخطيب في 3 ديسمبر 2026\n\n${STORY}`,
  });
  assert.ok(r.kind === 'article');
  assert.equal(r.article.text, STORY);
  assert.equal(r.article.byline, 'سامر الخطيب');
  assert.equal(r.article.published, '2026-12-03');
  assert.match(
    r.article.warnings.find((w) => w.ruleId === 'ingest/date-from-text')!.reason,
    /dated 2026-12-03 by «نشر بواسطة سامر الخطيب في 3 ديسمبر 2026», a publication line at its top/,
  );
});

// ingdef4: a publication line under the first paragraph (the standfirst) stayed in the text —
// the lead's neighbour in the brief, in search and in the export — and gave neither byline nor date.
const [FIRST, ...REST] = STORY.split('\n\n');
/** The story with `line` as its second paragraph. */
const inner = (line: string, head = '') =>
  build(
    `<html><head><title>عنوان الخبر</title>${head}</head><body><article><h1>عنوان الخبر</h1>${[
      FIRST!,
      line,
      ...REST,
    ]
      .map((p) => `<p>${p}</p>`)
      .join('')}</article></body></html>`,
  );

test('a publication line between the paragraphs: byline and date when the head has none, out of the text', () => {
  for (const [line, byline, day] of <Array<[string, string | undefined, string | undefined]>>[
    ['نشر بواسطة سامر الخطيب في 3 ديسمبر 2026', 'سامر الخطيب', '2026-12-03'],
    ['نُشر في 3 ديسمبر 2026 - 10:30', undefined, '2026-12-03'],
    ['تاريخ النشر: 2026/12/03', undefined, '2026-12-03'],
    ['بقلم: سامر الخطيب', 'سامر الخطيب', undefined],
    ['كتب: سامر الخطيب - 3 ديسمبر 2026', 'سامر الخطيب', '2026-12-03'],
  ]) {
    const a = inner(line);
    assert.equal(a.text, STORY, line);
    assert.equal(a.byline, byline, line);
    assert.equal(a.published, day, line);
  }
  // the page's own date and author stay; the line still leaves the text
  keepsOwn(inner('نشر بواسطة سامر الخطيب في 3 ديسمبر 2026', OWN_META));
});

test('between the paragraphs, a subheading read as a credit, a date alone or a sentence stays in the text', () => {
  for (const line of [
    'تحرير الموصل',
    'متابعة مستمرة',
    'الثلاثاء 1 ديسمبر 2026',
    'نشر الجيش بيانا في 3 ديسمبر 2026',
    'وقال إن الاجتماع المقبل سيعقد في 3 ديسمبر 2026.',
  ]) {
    const a = inner(line);
    assert.ok(a.text.includes(line), line);
    assert.equal(a.byline, undefined, line);
  }
});

test('a text file with a publication line under its first paragraph is dated and credited by it', () => {
  const r = buildArticle({
    source: '/news/q.txt',
    format: 'text',
    text: [FIRST, 'نشر بواسطة سامر الخطيب في 3 ديسمبر 2026', ...REST].join('\n\n'),
  });
  assert.ok(r.kind === 'article');
  assert.equal(r.article.text, STORY);
  assert.equal(r.article.byline, 'سامر الخطيب');
  assert.equal(r.article.published, '2026-12-03');
  assert.match(
    r.article.warnings.find((w) => w.ruleId === 'ingest/date-from-text')!.reason,
    /by «نشر بواسطة سامر الخطيب في 3 ديسمبر 2026», a publication line between its paragraphs/,
  );
});
