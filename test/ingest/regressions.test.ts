import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildArticle } from '../../src/ingest/article.ts';
import { MAX_HTML_DEPTH, htmlDepth } from '../../src/ingest/html.ts';

test('htmlDepth counts element nesting, not void or auto-closed tags', () => {
  assert.equal(htmlDepth('<html><body><div><p>نص<p>نص<br><img src=x></div></body></html>'), 3);
  assert.equal(htmlDepth('<div><div/></div>'), 1);
  assert.equal(htmlDepth('no tags < at all >'), 0);
});

test('deeply nested HTML is quarantined before parsing (regression: 100,000 nested divs hung ingest)', () => {
  const n = 100_000;
  const html = `<html><body>${'<div>'.repeat(n)}نص عربي${'</div>'.repeat(n)}</body></html>`;
  assert.ok(htmlDepth(html) > MAX_HTML_DEPTH);
  const r = buildArticle({ source: 'deep.html', format: 'html', html: true, text: html }, {});
  assert.equal(r.kind, 'rejected');
  if (r.kind === 'rejected') assert.equal(r.entry.ruleId, 'ingest/html-too-deep');
});

test('a feed with no items yet reads as empty, not unreadable (regression: fuzzing found a TypeError)', async () => {
  const { parseFeed } = await import('../../src/ingest/sources/feed.ts');
  assert.deepEqual(parseFeed('<rss version="2.0"><channel><title>x</title></channel></rss>').items, []);
  assert.deepEqual(parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>').items, []);
  assert.throws(() => parseFeed('<html><body>not a feed</body></html>'));
});
