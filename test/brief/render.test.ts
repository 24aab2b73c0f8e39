import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';
import { briefDocument, escapeHtml, renderHtml, renderJson, renderMarkdown } from '../../src/brief/render.ts';

const HOSTILE = [
  'إيران برس - إيران: <script>alert("x")</script> مقدمة \'مقتبسة\' & أخرى',
  'أهمية الخبر) <img src=x onerror=alert(1)> "نص" بين علامتي تنصيص',
  'النقاط الرئيسية)',
  '- بند </li><li>مزيف',
  "o'brien <b>bold</b>",
].join('\n');

test('renderHtml: a standalone RTL Arabic page with every text escaped', () => {
  const html = renderHtml(parseBrief(HOSTILE));
  assert.match(html, /^<!doctype html>\n<html lang="ar" dir="rtl">/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /font-family: "Noto Naskh Arabic"/);
  assert.doesNotMatch(html, /<script>/);
  assert.doesNotMatch(html, /<img/);
  assert.doesNotMatch(html, /<b>/);
  assert.doesNotMatch(html, /<\/li><li>مزيف/);
  assert.match(html, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);
  assert.match(html, /&#39;مقتبسة&#39; &amp; أخرى/);
  assert.match(html, /<li>بند &lt;\/li&gt;&lt;li&gt;مزيف<\/li>/);
  assert.match(html, /o&#39;brien &lt;b&gt;bold&lt;\/b&gt;/);
});

test('escapeHtml escapes the five HTML-significant characters', () => {
  assert.equal(
    escapeHtml(`<a href="x" title='y'>&</a>`),
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
});

test('renderJson: the khabar.brief/1 document, brief fields first, parseable back', () => {
  const b = parseBrief('إيران برس - إيران: مقدمة.\nأهمية الخبر) نص.\nNima Rahimi');
  const doc = JSON.parse(renderJson(b)) as Record<string, unknown>;
  assert.equal(doc.schema, 'khabar.brief/1');
  assert.deepEqual(Object.keys(doc).slice(0, 4), ['schema', 'origin', 'source', 'dateline']);
  assert.deepEqual(doc, JSON.parse(JSON.stringify(briefDocument(b))));
  assert.equal((doc.byline as { text: string }).text, 'Nima Rahimi');
  assert.equal(doc.entities, undefined);
});

test('renderMarkdown: headings per section, items as a list, markup in text escaped', () => {
  const md = renderMarkdown(
    parseBrief('مقدمة *مهمة*.\nأهمية الخبر) نص # ليس عنوانًا.\nالنقاط الرئيسية)\n- أول\n- ثان'),
  );
  assert.match(md, /^مقدمة \\\*مهمة\\\*\.\n/);
  assert.match(md, /## أهمية الخبر\n\nنص \\# ليس عنوانًا\./);
  assert.match(md, /## النقاط الرئيسية\n\n- أول\n- ثان\n/);
});

test('renderMarkdown: «|» (a headline «عاجل | …», a site name) is shown as written, not escaped', () => {
  const md = renderMarkdown(parseBrief('عاجل | زلزال بقوة خمس درجات يضرب شمال البلاد.'), {
    title: 'عاجل | زلزال',
  });
  assert.match(md, /^# عاجل \| زلزال\n\nعاجل \| زلزال بقوة/u);
  assert.doesNotMatch(md, /\\\|/u);
});

test('renderMarkdown: a paragraph opening like a list item is escaped as CommonMark escapes it', () => {
  const md = renderMarkdown(parseBrief('مقدمة.\n\n1. أول بند\n\n2) ثان\n\n- ثالث\n\n+ رابع'));
  // «1\.», not «\1.» (a backslash before a digit is shown as it is)
  assert.match(md, /^1\\\. أول بند$/mu);
  assert.match(md, /^2\\\) ثان$/mu);
  assert.match(md, /^\\- ثالث$/mu);
  assert.match(md, /^\\\+ رابع$/mu);
  assert.doesNotMatch(md, /\\\d/u);
});

test('renderHtml: on any text, the only tags are the renderer’s own', async () => {
  const fc = (await import('fast-check')).default;
  const OWN = /^<\/?(?:!doctype|html|head|meta|title|style|body|main|article|section|h2|p|ul|li|aside)[\s>]/;
  fc.assert(
    fc.property(
      fc.array(
        fc.constantFrom('<script>', '</p>', '"', "'", '&', 'أهمية الخبر) ', '\n', 'نص', '<img src=x>', '- '),
        {
          maxLength: 30,
        },
      ),
      (parts) => {
        const html = renderHtml(parseBrief(parts.join('')));
        const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
        for (const m of body.matchAll(/</g)) assert.match(body.slice(m.index, m.index + 12), OWN);
      },
    ),
    { numRuns: 300 },
  );
});

test('renderHtml: the byline takes its direction from its own text (an Arabic credit is right-to-left)', () => {
  const ar = renderHtml(parseBrief('الخبر.\nأهمية الخبر) نص.\n\n(وكالة الأنباء الكويتية)'));
  assert.match(ar, /<p class="byline" dir="auto">\(وكالة الأنباء الكويتية\)<\/p>/u);
  assert.doesNotMatch(ar, /\.byline \{[^}]*direction: ltr/u);
  const latin = renderHtml(parseBrief('الخبر.\nأهمية الخبر) نص.\n\nnima rahimi'));
  assert.match(latin, /<p class="byline" dir="auto">nima rahimi<\/p>/u);
});
