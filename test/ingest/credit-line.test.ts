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
  for (const line of [
    'كتبت الصحيفة افتتاحية طويلة عن أزمة المياه في المنطقة',
    'كتب: محمد علي - 11 نوفمبر 2025',
    'إعداد الموازنة العامة للدولة تأخر هذا العام كثيرا',
  ]) {
    const a = build(page(line));
    assert.ok(a.text.startsWith(line), line);
    assert.equal(a.byline, undefined, line);
  }
});
