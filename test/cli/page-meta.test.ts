/**
 * walk4 (lead, sixteenth session): `khabar brief PAGE.html` and `compose PAGE.html` kept only the
 * page's title and time; its byline, outlet and canonical address — read as ingest reads them —
 * were lost. The page below is our own writing.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const dir = tempDir('khabar-page-meta-');
const page = join(dir, 'page.html');
writeFileSync(
  page,
  `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>الأردن وسوريا يبحثان تأمين الحدود</title>
<meta property="og:site_name" content="صحيفة الأفق">
<meta name="author" content="عمر النعيمي">
<meta property="article:published_time" content="2026-12-02T09:30:00+02:00">
<link rel="canonical" href="https://example.org/news/123">
</head><body><article><h1>الأردن وسوريا يبحثان تأمين الحدود</h1>
<p>عمّان - بحث وزير الخارجية الأردني مع نظيره السوري اليوم الأربعاء سبل تأمين الحدود المشتركة ومكافحة التهريب.</p>
<p>وقال الوزير في مؤتمر صحفي إن البلدين اتفقا على تشكيل لجنة أمنية مشتركة تجتمع كل شهر.</p>
<p>وأضاف أن اللجنة ستعقد أول اجتماع لها في دمشق خلال الأسبوع المقبل.</p>
</article></body></html>`,
);

async function run(args: string[]) {
  const f = fakeContext({ HOME: dir });
  const code = await main(args, f.ctx);
  return { code, out: f.out(), err: f.err() };
}

test('brief of a page: the page’s byline, outlet and address in the JSON, the byline under the Markdown', async () => {
  const json = await run(['brief', page]);
  assert.equal(json.code, 0, json.err);
  const a = JSON.parse(json.out).article;
  assert.equal(a.url, 'https://example.org/news/123');
  assert.equal(a.outlet, 'صحيفة الأفق');
  assert.equal(a.byline, 'عمر النعيمي');
  const md = await run(['brief', page, '--format', 'md']);
  assert.ok(md.out.trimEnd().endsWith('*عمر النعيمي*'), md.out);
  const html = await run(['compose', page, '--format', 'html']);
  assert.match(html.out, /<p class="byline" dir="auto">عمر النعيمي<\/p>/);
});

test('a page’s <time> before the first paragraph and a «كتب:» byline: the date is no part of the lead, the byline is the name', async () => {
  const p2 = join(dir, 'page2.html');
  writeFileSync(
    p2,
    `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>لجنة أمنية مشتركة</title></head><body>
<article><h1>لجنة أمنية مشتركة</h1><div class="byline">كتب: <a href="/author/7">عمر النعيمي</a></div>
<time datetime="2026-12-02T09:30:00+02:00">الأربعاء 2 ديسمبر 2026</time>
<p>عمّان - بحث وزير الخارجية الأردني مع نظيره السوري اليوم الأربعاء سبل تأمين الحدود المشتركة ومكافحة التهريب.</p>
<p>وقال الوزير في مؤتمر صحفي إن البلدين اتفقا على تشكيل لجنة أمنية مشتركة تجتمع كل شهر.</p>
<p>وأضاف أن اللجنة ستعقد أول اجتماع لها في دمشق خلال الأسبوع المقبل.</p></article></body></html>`,
  );
  const r = await run(['brief', p2]);
  assert.equal(r.code, 0, r.err);
  const doc = JSON.parse(r.out);
  // ingdef4: «عمّان -» before the lead is its dateline (a city the gazetteer knows)
  assert.equal(doc.dateline?.text, 'عمّان');
  assert.ok(doc.lead[0].text.startsWith('بحث وزير الخارجية'), doc.lead[0].text);
  assert.equal(doc.article.byline, 'عمر النعيمي');
  assert.equal(doc.article.published?.slice(0, 10), '2026-12-02');
});
