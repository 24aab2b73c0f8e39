/**
 * An HTML page whose main text opens with a line that is only a date (<p class="date">, <time>,
 * «الثلاثاء 1 ديسمبر 2026»): the page's date when it gives none better, never the text's first
 * paragraph — the brief's lead (ingdef).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';
import { main } from '../../src/cli/main.ts';
import { buildArticle } from '../../src/ingest/article.ts';
import { articleDate, dateOnlyLine } from '../../src/ingest/text-date.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const STORY = [
  'افتتحت بلدية الزرقاء صباح اليوم مكتبة عامة جديدة تضم أكثر من عشرين ألف كتاب، وقاعة للمطالعة تتسع لمئة قارئ.',
  'وقال رئيس البلدية إن المكتبة ستفتح أبوابها يوميا حتى التاسعة مساء، وإن الدخول إليها مجاني للطلاب.',
  'وأضاف أن البلدية تخطط لافتتاح مكتبتين أخريين في الأحياء الشرقية خلال العام المقبل.',
];
const page = (top: string, head = '') =>
  `<html lang="ar"><head><title>افتتاح مكتبة عامة في الزرقاء</title>${head}</head><body><article><h1>افتتاح مكتبة عامة في الزرقاء</h1>${top}${STORY.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;

const build = (html: string) => {
  const r = buildArticle({ source: '/news/library.html', format: 'html', html: true, text: html });
  assert.ok(r.kind === 'article', JSON.stringify(r));
  return r.article;
};

test('a date paragraph, <time> or <span class="date"> opening the page dates it and leaves the text', () => {
  for (const top of [
    '<p class="date">الثلاثاء 1 ديسمبر 2026</p>',
    '<div><time>1 ديسمبر 2026</time></div>',
    '<div class="meta"><span class="date">الثلاثاء، 1 ديسمبر 2026 - 10:30</span></div>',
    '<p>نُشر في: 2026/12/01</p>',
    '<p>آخر تحديث: ١ ديسمبر ٢٠٢٦</p>',
    '<p>بقلم: سارة الخطيب</p><p class="date">الثلاثاء 1 ديسمبر 2026</p>',
  ]) {
    const a = build(page(top));
    assert.equal(a.text, STORY.join('\n\n'), top);
    assert.equal(a.published, '2026-12-01', top);
    assert.equal(parseBrief(a.text).lead[0]?.text, STORY[0], top);
  }
});

test("the page's own date (meta, JSON-LD) wins over its date line; the line still leaves the text", () => {
  const a = build(
    page(
      '<p class="date">الثلاثاء 1 ديسمبر 2026</p>',
      '<meta property="article:published_time" content="2026-11-30T21:00:00Z">',
    ),
  );
  assert.equal(a.published, '2026-11-30T21:00:00Z');
  assert.equal(a.text, STORY.join('\n\n'));
});

test('a line that says more than a date stays: a dateline, a headline with a date, a weekday the date is not', () => {
  for (const line of [
    'الزرقاء - 1 ديسمبر 2026',
    'البلدية تحدد 5 مارس 2027 موعدا لافتتاح المكتبة الثانية',
    'الأربعاء 1 ديسمبر 2026',
  ])
    assert.equal(dateOnlyLine(line), undefined, line);
  const a = build(page('<p>البلدية تحدد 5 مارس 2027 موعدا لافتتاح المكتبة الثانية</p>'));
  assert.ok(a.text.startsWith('البلدية تحدد 5 مارس 2027'), a.text.slice(0, 40));
});

test("khabar brief PAGE.html: the lead is the story, the date line is the article's date", async () => {
  const dir = tempDir('khabar-date-line-');
  const path = join(dir, 'library.html');
  writeFileSync(path, page('<p class="date">الثلاثاء 1 ديسمبر 2026</p>'));
  const { ctx, out } = fakeContext();
  assert.equal(await main(['brief', path], ctx), 0);
  const doc = JSON.parse(out());
  assert.equal(doc.lead[0].text, STORY[0]);
  assert.equal(doc.article.published, '2026-12-01');
});

// ingdef2: a text file opening with its date, as a page can
test('a .txt whose first line is only a date («الثلاثاء 1 ديسمبر 2026», «2026-12-01») is dated by it, and the line is not the lead', () => {
  const text = (top: string) =>
    buildArticle({
      source: '/news/library.txt',
      format: 'text',
      bytes: new TextEncoder().encode(`${top}\n\n${STORY.join('\n\n')}\n`),
    });
  for (const top of ['الثلاثاء 1 ديسمبر 2026', '2026-12-01', 'بقلم: سارة الخطيب\nالثلاثاء 1 ديسمبر 2026']) {
    const r = text(top);
    assert.ok(r.kind === 'article', JSON.stringify(r));
    const a = r.article;
    assert.equal(a.text, STORY.join('\n\n'), top);
    assert.equal(parseBrief(a.text).lead[0]?.text, STORY[0], top);
    assert.equal(a.published, '2026-12-01', top);
    // dated by its own text (the reader's «from the text»), the line named though no longer in it
    const note = a.warnings.find((w) => w.ruleId === 'ingest/date-from-text');
    assert.ok(note, top);
    assert.equal(note.span, undefined);
    assert.match(note.reason, /الثلاثاء 1 ديسمبر 2026|2026-12-01/u);
    assert.equal(articleDate(a)?.from, 'text');
  }
  const credited = text('بقلم: سارة الخطيب\nالثلاثاء 1 ديسمبر 2026');
  assert.equal(credited.kind === 'article' && credited.article.byline, 'سارة الخطيب');
  // a date given with the record wins; the date line still leaves the text
  const given = buildArticle({
    source: 'dump.jsonl:1',
    format: 'jsonl',
    text: `1 ديسمبر 2026\n\n${STORY.join('\n\n')}`,
    meta: { published: '2026-11-30' },
  });
  assert.ok(given.kind === 'article');
  assert.equal(given.article.published, '2026-11-30');
  assert.equal(given.article.text, STORY.join('\n\n'));
  // a first line that says more than a date stays the lead
  const headline = text('البلدية تحدد 5 مارس 2027 موعدا لافتتاح المكتبة الثانية');
  assert.ok(headline.kind === 'article');
  assert.ok(headline.article.text.startsWith('البلدية تحدد 5 مارس 2027'));
});
