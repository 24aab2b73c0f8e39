/** Tracking parameters (utm_*, fbclid …) are no part of an article's url or id (ingleft). */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildArticle } from '../../src/ingest/article.ts';
import { articleId, canonicalUrl, withoutTracking } from '../../src/ingest/ids.ts';
import { openSource } from '../../src/ingest/sources/index.ts';
import { runIngest } from '../../src/jobs/runner.ts';
import { openStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers.ts';
import { arabicArticle } from './fixtures.ts';

test('withoutTracking drops campaign tags and click ids, keeps the parameters that name the page as written', () => {
  const base = 'https://news.example/article';
  assert.equal(withoutTracking(`${base}?utm_source=tw&utm_medium=social`), base);
  assert.equal(withoutTracking(`${base}?id=123&utm_campaign=x&fbclid=Ab1`), `${base}?id=123`);
  assert.equal(withoutTracking(`${base}?p=45&gclid=1&mc_cid=2&mc_eid=3&ocid=4&at_medium=5`), `${base}?p=45`);
  assert.equal(withoutTracking(`${base}?UTM_Source=a&q=%D8%AE%D8%A8%D8%B1`), `${base}?q=%D8%AE%D8%A8%D8%B1`);
  assert.equal(withoutTracking(`${base}?utm_source=a#part`), `${base}#part`);
  // nothing to drop: the url as given, byte for byte (existing ids do not change)
  for (const u of [`${base}?q=a+b&&x=1`, `${base}?id=1&utmx=2`, `${base}?source=rss`, base, 'not a url'])
    assert.equal(withoutTracking(u), u);
  assert.equal(canonicalUrl(`${base}/?id=7&utm_term=t`), `${base}/?id=7`);
  assert.equal(
    articleId({ outlet: 'x', url: `${base}?id=7&utm_term=t`, text: '' }),
    articleId({ outlet: 'x', url: `${base}?id=7`, text: '' }),
  );
  assert.notEqual(
    articleId({ outlet: 'x', url: `${base}?id=7`, text: '' }),
    articleId({ outlet: 'x', url: `${base}?id=8`, text: '' }),
  );
});

test("a page's canonical url and a record's url are stored without their tracking parameters", () => {
  const html = `<html><head><title>خبر</title><link rel="canonical" href="https://news.example/a/9?utm_source=rss&amp;id=9"></head><body><article>${arabicArticle(
    7101,
    3,
  )
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  const page = buildArticle({ source: 'https://news.example/a/9', format: 'html', html: true, text: html });
  assert.ok(page.kind === 'article');
  assert.equal(page.article.url, 'https://news.example/a/9?id=9');
  const rec = buildArticle({
    source: 'x.jsonl:1',
    format: 'jsonl',
    text: arabicArticle(7102, 2),
    meta: { url: 'https://news.example/b?fbclid=IwAR0&utm_medium=social' },
  });
  assert.ok(rec.kind === 'article');
  assert.equal(rec.article.url, 'https://news.example/b');
});

test('the same record reached by a link with utm tags and one without is one article: the second read changes nothing', async () => {
  const dir = tempDir('khabar-tracking-');
  const text = arabicArticle(7103, 3);
  const line = (url: string) => JSON.stringify({ url, outlet: 'صحيفة المثال', text });
  writeFileSync(join(dir, 'a.jsonl'), `${line('https://news.example/story?id=5&utm_source=newsletter')}\n`);
  writeFileSync(join(dir, 'b.jsonl'), `${line('https://news.example/story?id=5')}\n`);
  const store = await openStore(join(dir, 'k.db'));
  try {
    const first = await runIngest({ store, items: openSource(join(dir, 'a.jsonl')) });
    const second = await runIngest({ store, items: openSource(join(dir, 'b.jsonl')) });
    assert.deepEqual([first.inserted, second.unchanged, second.inserted, second.duplicates], [1, 1, 0, 0]);
    const st = await store.stats();
    assert.deepEqual([st.articles, st.duplicates], [1, 0]);
    const { items } = await store.list();
    assert.equal(items[0]!.url, 'https://news.example/story?id=5');
  } finally {
    await store.close();
  }
});
