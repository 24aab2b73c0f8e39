/**
 * Feed items read from their link (ingdef): a page that is fetched but is no article keeps the
 * item's teaser, partial; a teaser under five words with no page is quarantined with its reason;
 * with `--follow`, a failed page fetch is tried again after 1, 2, 4 and 8 polls (five fetches at
 * most), then the item is quarantined (or its teaser kept) with the failure as its reason.
 */
import assert from 'node:assert/strict';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { IngestItem } from '../../src/ingest/article.ts';
import { MAX_ITEM_FETCHES, feedSource } from '../../src/ingest/sources/feed.ts';
import { arabicArticle } from './fixtures.ts';

let base = '';
let polls = 0;
/** Path → the feed polls (1 first) at which it was requested. */
const asked: Record<string, number[]> = {};
let items: string[] = [];

const ARTICLE = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>خبر الصفحة</title></head><body><article><h1>خبر الصفحة</h1>${arabicArticle(
  7,
)
  .split('\n\n')
  .map((p) => `<p>${p}</p>`)
  .join('')}</article></body></html>`;
/** A page with no article: its menu only. */
const MENU =
  '<!doctype html><html lang="ar"><head><title>الرئيسية</title></head><body><nav><a href="/">الرئيسية</a> <a href="/s">رياضة</a> <a href="/c">اتصل بنا</a></nav></body></html>';

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  if (url === '/feed') {
    polls++;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>نشرة المثال</title>${items.join('')}</channel></rss>`,
    );
    return;
  }
  asked[url] = [...(asked[url] ?? []), polls];
  if (url === '/menu') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(MENU);
  } else if (url === '/flaky' && asked[url]!.length >= 3) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ARTICLE);
  } else if (url === '/flaky' || url === '/dead') {
    res.writeHead(503);
    res.end();
  } else {
    res.writeHead(404);
    res.end();
  }
}

const server = createServer(handle);
before(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

const item = (guid: string, path: string, teaser: string) =>
  `<item><title>عنوان ${guid}</title><link>${base}${path}</link><guid>${guid}</guid><description>${teaser}</description></item>`;

test('a page that is no article keeps the teaser, partial (ingest/not-a-page); a teaser under 5 words with no page is quarantined', async () => {
  items = [
    item('menu-long', '/menu', 'افتتحت البلدية حديقة عامة جديدة وسط المدينة صباح اليوم'),
    item('menu-short', '/menu', 'حديقة جديدة'),
    item('gone-short', '/gone', 'افتتاح حديقة عامة'),
    item('gone-long', '/gone', 'افتتحت البلدية حديقة عامة جديدة وسط المدينة صباح اليوم'),
  ];
  const got: IngestItem[] = [];
  for await (const it of feedSource({ location: `${base}/feed` })) got.push(it);
  const [menuLong, menuShort, goneShort, goneLong] = got;
  assert.ok(menuLong?.kind === 'article', JSON.stringify(menuLong));
  assert.equal(menuLong.article.partial, 'teaser');
  assert.match(menuLong.article.text, /حديقة عامة جديدة/u);
  const warning = menuLong.article.warnings.find((w) => w.ruleId === 'feed/teaser-only')?.reason ?? '';
  assert.match(warning, /page was read but is not the article \(ingest\/no-text: .*no article body/u);
  for (const [x, cause] of [
    [menuShort, /not the article/u],
    [goneShort, /HTTP 404/u],
  ] as const) {
    assert.ok(x?.kind === 'rejected', JSON.stringify(x));
    assert.equal(x.entry.ruleId, 'ingest/teaser-too-short');
    assert.match(x.entry.reason, cause);
    assert.match(x.entry.reason, /own text is [23] words/u);
  }
  assert.ok(goneLong?.kind === 'article' && goneLong.article.partial === 'teaser');
  assert.equal(got.length, 4);
});

test('--follow: a failed page fetch is tried again after 1, 2, 4, 8 polls, at most 5 fetches, then quarantined with its reason', async () => {
  polls = 0;
  for (const k of Object.keys(asked)) delete asked[k];
  items = [item('flaky', '/flaky', 'انقطاع الكهرباء'), item('dead', '/dead', 'انقطاع الماء')];
  const controller = new AbortController();
  const got: Array<{ poll: number; it: IngestItem }> = [];
  let done = 0;
  for await (const it of feedSource({
    location: `${base}/feed`,
    follow: true,
    intervalMs: 5,
    signal: controller.signal,
    onPoll: () => {
      if (++done === 20) controller.abort();
    },
  }))
    got.push({ poll: polls, it });
  assert.equal(MAX_ITEM_FETCHES, 5);
  assert.deepEqual(asked['/dead'], [1, 2, 4, 8, 16], 'fetched at polls 1, 2, 4, 8, 16; not after');
  assert.deepEqual(asked['/flaky'], [1, 2, 4], 'fetched until its page answered');
  assert.equal(got.length, 2, 'nothing is yielded while a fetch waits for its retry');
  const flaky = got.find((g) => g.it.kind === 'article');
  assert.ok(flaky?.it.kind === 'article');
  assert.equal(flaky.poll, 4);
  assert.equal(flaky.it.article.text, arabicArticle(7));
  assert.equal(flaky.it.article.partial, undefined);
  const dead = got.find((g) => g.it.kind === 'rejected');
  assert.ok(dead?.it.kind === 'rejected');
  assert.equal(dead.poll, 16);
  assert.equal(dead.it.entry.ruleId, 'ingest/teaser-too-short');
  assert.match(dead.it.entry.reason, /HTTP 503.*tried 5 times over 16 polls of the feed, then given up/u);
});
