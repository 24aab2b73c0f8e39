import assert from 'node:assert/strict';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import type { IngestItem } from '../../src/ingest/article.ts';
import { fetchBytes } from '../../src/ingest/http.ts';
import { feedSource, openSource } from '../../src/ingest/sources/index.ts';
import { arabicArticle } from './fixtures.ts';

const paras = (seed: number) =>
  arabicArticle(seed)
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('');

const PAGE = (
  seed: number,
  title: string,
) => `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title}</title>
<link rel="canonical" href="/story/${seed}"><meta property="og:site_name" content="صحيفة المثال">
<meta property="article:published_time" content="2025-09-30T10:00:00+03:00"><meta name="author" content="مراسل الصحيفة"></head>
<body><nav><a href="/">الرئيسية</a> <a href="/s">رياضة</a></nav><article><h1>${title}</h1>${paras(seed)}</article><footer>جميع الحقوق محفوظة</footer></body></html>`;

let base = '';
const hits: Record<string, number> = {};
const agents: string[] = [];
let feedVersion = 1;

function handle(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? '/';
  hits[url] = (hits[url] ?? 0) + 1;
  agents.push(String(req.headers['user-agent']));
  if (url.startsWith('/page/')) {
    const n = Number(url.slice(6));
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE(n, `خبر رقم ${n}`));
  } else if (url === '/feed') {
    const etag = `"v${feedVersion}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      res.end();
      return;
    }
    const items = [
      `<item><title>خبر كامل</title><link>${base}/full/1</link><guid>full-1</guid><pubDate>Tue, 30 Sep 2025 08:00:00 GMT</pubDate><dc:creator>كاتب أول</dc:creator><content:encoded><![CDATA[${paras(31)}]]></content:encoded></item>`,
      `<item><title>خبر مختصر</title><link>${base}/page/32</link><guid>teaser-32</guid><description>مقدمة قصيرة للخبر…</description></item>`,
      `<item><title>رابط معطل</title><link>${base}/missing</link><guid>broken</guid><description>قصير</description></item>`,
    ];
    if (feedVersion > 1)
      items.push(`<item><title>خبر جديد</title><link>${base}/page/33</link><guid>new-33</guid></item>`);
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
    res.end(
      `<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>موجز المثال</title>${items.join('')}</channel></rss>`,
    );
  } else if (url === '/big-feed') {
    // 40 title-only items whose links all fail: a hostile feed in miniature.
    let items = '';
    for (let i = 0; i < 40; i++)
      items += `<item><title>خبر ${i}</title><link>${base}/dead/${i}</link><guid>big-${i}</guid></item>`;
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>كثير</title>${items}</channel></rss>`);
  } else if (url.startsWith('/loop')) {
    res.writeHead(302, { location: `/loop${Number(url.slice(5) || 0) + 1}` });
    res.end();
  } else if (url === '/redirect-once') {
    res.writeHead(301, { location: '/page/40' });
    res.end();
  } else if (url === '/slow') {
    setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('late');
    }, 1500);
  } else if (url === '/huge') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ا'.repeat(300_000));
  } else {
    res.writeHead(404);
    res.end('not here');
  }
}

const server = createServer(handle);
before(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

async function all(it: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

test('an HTML page by URL: main text, title, byline, published time, canonical url, outlet', async () => {
  const [item] = await all(openSource(`${base}/page/7`));
  assert.equal(item?.kind, 'article');
  const a = item!.kind === 'article' ? item!.article : undefined;
  assert.equal(a?.title, 'خبر رقم 7');
  assert.equal(a?.byline, 'مراسل الصحيفة');
  assert.equal(a?.published, '2025-09-30T10:00:00+03:00');
  assert.equal(a?.url, `${base}/story/7`);
  assert.equal(a?.outlet, 'صحيفة المثال');
  assert.equal(a?.provenance.format, 'html');
  assert.equal(a?.text, arabicArticle(7));
  assert.match(agents.at(-1) ?? '', /^khabar\//);
});

test('fetch limits: redirects bounded, timeout, size limit — failures are values, not throws', async () => {
  const loop = await fetchBytes(`${base}/loop`, { limits: { maxRedirects: 3 } });
  assert.equal(loop.ok, false);
  assert.equal(!loop.ok && loop.ruleId, 'ingest/too-many-redirects');
  const once = await fetchBytes(`${base}/redirect-once`);
  assert.equal(once.ok && once.url, `${base}/page/40`);
  const slow = await fetchBytes(`${base}/slow`, { limits: { timeoutMs: 300 } });
  assert.equal(!slow.ok && slow.ruleId, 'ingest/fetch-timeout');
  const huge = await fetchBytes(`${base}/huge`, { limits: { maxBytes: 100_000 } });
  assert.equal(!huge.ok && huge.ruleId, 'ingest/too-large');
  const missing = await fetchBytes(`${base}/nope`);
  assert.equal(!missing.ok && missing.status, 404);
  // The reasons say what happened in words and what to do, not a bare code.
  assert.match(!missing.ok ? missing.reason : '', /: HTTP 404: the page is not there \(check the URL\)$/);
  const refused = await fetchBytes('http://127.0.0.1:1/x');
  assert.equal(!refused.ok && refused.ruleId, 'ingest/fetch-failed');
  assert.match(!refused.ok ? refused.reason : '', /^http:\/\/127\.0\.0\.1:1\/x: cannot be fetched: /);
  // A port nothing listens on (taken, then freed).
  const spare = createServer();
  await new Promise<void>((r) => spare.listen(0, '127.0.0.1', () => r()));
  const port = (spare.address() as AddressInfo).port;
  await new Promise<void>((r) => spare.close(() => r()));
  const closed = await fetchBytes(`http://127.0.0.1:${port}/x`);
  assert.match(
    !closed.ok ? closed.reason : '',
    /: cannot be fetched: the server refused the connection \(ECONNREFUSED\): check the URL and its port/,
  );
  const badPort = await fetchBytes('http://127.0.0.1:9/x');
  assert.match(
    !badPort.ok ? badPort.reason : '',
    /cannot be fetched: its port is one that fetches refuse \(bad port\)/,
  );
  const items = await all(openSource(`${base}/slow`, { limits: { timeoutMs: 300 } }));
  assert.deepEqual(
    items.map((i) => i.kind === 'rejected' && i.entry.ruleId),
    ['ingest/fetch-timeout'],
  );
});

test('a feed: full content used, teasers fetched, a broken link tried again at later polls; --follow polls with conditional GET', async () => {
  feedVersion = 1;
  const controller = new AbortController();
  const polls: Array<{ status: number; items: number }> = [];
  const got: IngestItem[] = [];
  const run = (async () => {
    for await (const it of feedSource({
      location: `${base}/feed`,
      follow: true,
      intervalMs: 50,
      signal: controller.signal,
      onPoll: (p) => {
        polls.push(p);
        if (polls.length === 2) feedVersion = 2;
        if (polls.length === 4) controller.abort();
      },
    }))
      got.push(it);
  })();
  await run;
  const arts = got.flatMap((x) => (x.kind === 'article' ? [x.article] : []));
  assert.deepEqual(
    arts.map((a) => a.title),
    ['خبر كامل', 'خبر مختصر', 'خبر جديد'],
  );
  assert.equal(arts[0]!.byline, 'كاتب أول');
  assert.equal(arts[0]!.published, '2025-09-30T08:00:00Z');
  assert.equal(arts[0]!.outlet, 'موجز المثال');
  assert.equal(arts[0]!.text, arabicArticle(31));
  assert.equal(arts[1]!.text, arabicArticle(32));
  assert.equal(arts[1]!.url, `${base}/story/32`, "the page's canonical url");
  // the broken link: with --follow, fetched again after 1 poll (and due again after 2 more, past
  // the end here); nothing is stored or quarantined for it meanwhile (test/ingest/feed-retry)
  assert.deepEqual(
    got.filter((x) => x.kind === 'rejected'),
    [],
  );
  assert.equal(hits['/missing'], 2);
  assert.equal(arts[1]!.partial, undefined);
  assert.equal(
    arts[1]!.provenance.link,
    `${base}/page/32`,
    "the item's link, which a teaser would be placed under",
  );
  // poll 1: 200; poll 2: 304; poll 3: 200 with one new item; poll 4: 304
  assert.deepEqual(
    polls.map((p) => p.status),
    [200, 304, 200, 304],
  );
  assert.equal(hits['/page/32'], 1, 'a seen item is not fetched again');
});

test("a feed URL sniffed by openSource and followed: the second poll already asks with the first answer's ETag (it fetched the whole feed again)", async () => {
  feedVersion = 1;
  const controller = new AbortController();
  const polls: number[] = [];
  for await (const _ of openSource(`${base}/feed`, {
    follow: true,
    intervalMs: 50,
    signal: controller.signal,
    onPoll: (p) => {
      polls.push(p.status);
      if (polls.length === 2) controller.abort();
    },
  }));
  assert.deepEqual(polls, [200, 304]);
});

test('a feed with too many items is bounded: the rest refused in one entry; a failing host is not fetched again and again', async () => {
  const got: IngestItem[] = [];
  for await (const it of feedSource({
    location: `${base}/big-feed`,
    limits: { maxFeedItems: 25, maxHostFailures: 3 },
  }))
    got.push(it);
  const rules = got.map((x) => (x.kind === 'rejected' ? x.entry.ruleId : x.kind));
  assert.equal(rules.length, 26, 'one entry for the feed, one for each of the 25 items read');
  assert.equal(rules[0], 'ingest/feed-too-many-items');
  const first = got[0]!;
  assert.ok(first.kind === 'rejected');
  assert.match(first.entry.reason, /lists 40 items; the first 25 were read and 15 were not/);
  assert.equal(first.entry.raw?.split('\n').length, 15, 'the ids of the items not read are kept');
  assert.equal(first.entry.raw?.split('\n')[0], 'big-25');
  assert.deepEqual(rules.slice(1, 4), ['ingest/fetch-failed', 'ingest/fetch-failed', 'ingest/fetch-failed']);
  assert.deepEqual(new Set(rules.slice(4)), new Set(['ingest/host-failing']));
  const fetched = Object.keys(hits).filter((u) => u.startsWith('/dead/'));
  assert.deepEqual(fetched.sort(), ['/dead/0', '/dead/1', '/dead/2']);
  const last = got[25]!;
  assert.ok(last.kind === 'rejected');
  assert.match(last.entry.reason, /not fetched — the last 3 fetches to .* failed \(last: /);
});
