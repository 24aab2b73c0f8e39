/** An HTML page opening with a credit line: the byline, not the first paragraph of the stored text (ingleft). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';
import { buildArticle } from '../../src/ingest/article.ts';
import { arabicArticle } from './fixtures.ts';

const page = (first: string, head = '') =>
  `<html><head><title>عنوان الخبر</title>${head}</head><body><article><h1>عنوان الخبر</h1><p>${first}</p>${arabicArticle(
    7201,
    3,
  )
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;

const build = (html: string) => {
  const r = buildArticle({ source: '/news/a.html', format: 'html', html: true, text: html });
  assert.ok(r.kind === 'article', JSON.stringify(r));
  return r.article;
};

test('a first paragraph «بقلم: …», «كتب: …» or «إعداد - …» leaves the text and is the byline', () => {
  for (const [line, name] of [
    ['بقلم: سارة الخطيب', 'سارة الخطيب'],
    ['كتب: محمد علي', 'محمد علي'],
    ['إعداد - منى حسن', 'منى حسن'],
    ['بقلم سارة الخطيب', 'سارة الخطيب'],
  ] as const) {
    const a = build(page(line));
    assert.equal(a.text, arabicArticle(7201, 3), line);
    assert.equal(a.byline, name, line);
    // the brief has no credit to blank now, and its first paragraph is the story's
    const brief = parseBrief(a.text);
    assert.equal(brief.byline, undefined, line);
    assert.ok(!a.text.includes(line), line);
  }
});

test("the page's own author stays the byline; the credit line still leaves the text", () => {
  const a = build(page('كتب: محمد علي', '<meta name="author" content="مراسل الصحيفة">'));
  assert.equal(a.byline, 'مراسل الصحيفة');
  assert.equal(a.text, arabicArticle(7201, 3));
});

test('a first paragraph that only starts like a credit stays: a sentence («كتبت الصحيفة …»), digits, a long line', () => {
  // (ingdef3: «كتب: محمد علي - 11 نوفمبر 2025», a credit and its date, is the page's
  // publication line now — byline and date — test/ingest/publication-line.test.ts)
  for (const line of [
    'كتبت الصحيفة افتتاحية طويلة عن أزمة المياه في المنطقة',
    'كتب: محمد علي - 11 نوفمبر 2025 في القاهرة',
    'إعداد الموازنة العامة للدولة تأخر هذا العام كثيرا',
  ]) {
    const a = build(page(line));
    assert.ok(a.text.startsWith(line), line);
    assert.equal(a.byline, undefined, line);
  }
});

// ingdef2: a WordPress byline and an interview's credit
test('a WordPress byline «بواسطة <a>سارة علي</a>» gives the byline «سارة علي», in the page head or as its first paragraph', () => {
  const wp = build(
    page(arabicArticle(7201, 1), '').replace(
      '<h1>عنوان الخبر</h1>',
      '<h1>عنوان الخبر</h1><div class="entry-meta"><span class="byline">بواسطة <span class="author vcard"><a class="url fn n" href="/author/sara/">سارة علي</a></span></span></div>',
    ),
  );
  assert.equal(wp.byline, 'سارة علي');
  assert.ok(!wp.text.includes('بواسطة'));
  const first = build(page('بواسطة <a href="/author/sara/">سارة علي</a>'));
  assert.equal(first.byline, 'سارة علي');
  assert.equal(first.text, arabicArticle(7201, 3));
  // a feed's dc:creator or a JSONL byline given so
  const given = buildArticle({
    source: 'feed.xml#1',
    format: 'feed',
    text: arabicArticle(7201, 3),
    meta: { byline: 'بواسطة سارة علي' },
  });
  assert.ok(given.kind === 'article');
  assert.equal(given.article.byline, 'سارة علي');
});

test('an interview credit «أجرت الحوار: …», «حاورها: …» is the byline, not the first paragraph', () => {
  for (const [line, name] of [
    ['أجرت الحوار: ليلى حسن', 'ليلى حسن'],
    ['أجرى اللقاء - خالد منصور', 'خالد منصور'],
    ['حاورها: سامي يوسف', 'سامي يوسف'],
    ['حاوره – نادر الكردي', 'نادر الكردي'],
  ] as const) {
    const a = build(page(line));
    assert.equal(a.byline, name, line);
    assert.equal(a.text, arabicArticle(7201, 3), line);
    assert.equal(parseBrief(`${line}\n\n${arabicArticle(7201, 3)}`).byline?.text, line, line);
  }
  // sentences that open so stay
  for (const line of [
    'حاورها المذيع طويلا عن خطتها للموسم المقبل',
    'بواسطة طائرات مسيرة استهدفت القوات مواقع عدة',
    'بواسطة الوسطاء.',
  ]) {
    const a = build(page(line));
    assert.ok(a.text.startsWith(line), line);
    assert.equal(a.byline, undefined, line);
  }
});
