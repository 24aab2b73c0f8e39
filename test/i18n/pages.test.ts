/**
 * Every page of the web app in both interface languages, in Debian's Chromium: in English no
 * text node or label outside Arabic source text (the article element, `.src` runs of titles,
 * snippets, trigger words, Arabic names) may contain Arabic script; in Arabic no English word
 * may appear outside elements marked as English or code. A string left out of web/src/i18n.ts
 * fails the English pass; an English label left in the Arabic interface fails the Arabic pass.
 * Screenshots of every page in both languages are kept in $TMPDIR/khabar-i18n-pages-PID/ (one folder a run: runs from two checkouts at once collided on one).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { DIST, buildWeb, chromiumSkip, launchChromium } from '../web/chromium.ts';

const root = new URL('../../', import.meta.url).pathname;
const TOKEN = 'i18n-pages-token';
const SHOTS = join(tmpdir(), `khabar-i18n-pages-${process.pid}`);

/** Our own article with a Hijri date and no publication date: both dates come from it. */
const HIJRI = `وقّع وزير التجارة المصري ونظيره الأردني في عمّان يوم 5 ربيع الأول 1447 هـ اتفاقًا لتوسيع التبادل التجاري بين البلدين وتسهيل عبور الشاحنات.

أهمية الخبر: يأتي الاتفاق بعد تراجع حجم التجارة بين مصر والأردن خلال العام الماضي.

الصورة العامة: أكد الجانبان أهمية التعاون الاقتصادي في المنطقة.`;

type Mode = 'ar' | 'en';

/**
 * What a page shows that is in the wrong language: text nodes and labels (aria-label, title,
 * placeholder, alt, the document title). Runs in the page, so it is plain JavaScript source
 * (tsx would add helpers the page does not have).
 */
const WRONG_LANGUAGE = `(mode) => {
  const arabic = /\\p{Script=Arabic}/u;
  // An English word: two lower-case Latin letters in a row (codes such as AGREE, IRN are fine).
  const english = /[a-z]{2}/;
  // Arabic text from the articles, or the switch's own label; .query: the reader's own query
  // echoed over the results (as typed in the box, whatever its language).
  const arabicOk = 'article, .src, .lang-switch, textarea, .query';
  // English text in the Arabic interface: codes, marked English, article content, the query.
  const englishOk = 'article, .src, code, .code, [lang="en"], input, textarea, .query';
  const bad = [];
  const langOf = (el) => el.closest('[lang]')?.getAttribute('lang');
  const wrong = (el, text) =>
    mode === 'en'
      ? arabic.test(text) && !(langOf(el) === 'ar' && el.closest(arabicOk))
      : english.test(text) && !el.closest(englishOk);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    const text = n.textContent?.trim() ?? '';
    if (!el || !text || el.closest('script, style, noscript, template')) continue;
    if (wrong(el, text)) bad.push('<' + el.tagName.toLowerCase() + '> ' + text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
      const v = el.getAttribute(a);
      if (v && wrong(el, v)) bad.push('<' + el.tagName.toLowerCase() + ' ' + a + '> ' + v);
    }
  }
  // Only source text may claim lang="ar" in the English interface.
  if (mode === 'en')
    for (const el of document.body.querySelectorAll('[lang="ar"]'))
      if (!el.matches(arabicOk) && !el.closest('article'))
        bad.push('<' + el.tagName.toLowerCase() + ' lang=ar> ' + el.textContent);
  if (mode === 'en' ? arabic.test(document.title) : english.test(document.title))
    bad.push('<title> ' + document.title);
  return bad;
}`;

function wrongLanguage(page: Page, mode: Mode): Promise<string[]> {
  return page.evaluate(`(${WRONG_LANGUAGE})(${JSON.stringify(mode)})`) as Promise<string[]>;
}

describe('every page in both interface languages', { skip: chromiumSkip }, () => {
  let store: Store;
  let empty: Store;
  const servers: Array<ReturnType<typeof serve>> = [];
  let base = '';
  let emptyBase = '';
  let ctx: BrowserContext;
  let page: Page;
  let tmp = '';
  const ids: Record<string, string> = {};
  let eventId = '';
  let hijriEvent = '';
  let person = '';
  let actorLevel = false;

  async function listen(app: ReturnType<typeof createApp>): Promise<string> {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    servers.push(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async function ingest(body: string, type: string): Promise<string[]> {
    const res = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      body,
      headers: { 'Content-Type': type, Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(res.status, 201, await res.clone().text());
    return ((await res.json()) as { items: Array<{ id: string }> }).items.map((i) => i.id);
  }

  before(async () => {
    buildWeb();
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    tmp = mkdtempSync(join(tmpdir(), 'khabar-i18n-pages-'));
    store = await openStore(join(tmp, 'archive.db'));
    empty = await openStore(join(tmp, 'empty.db'));
    base = await listen(createApp({ store, token: TOKEN, webRoot: DIST, version: 'test' }));
    // No token: the ingest page says how to enable it.
    emptyBase = await listen(createApp({ store: empty, webRoot: DIST, version: 'test' }));
    const examples = await ingest(
      readFileSync(join(root, 'examples/articles.jsonl'), 'utf8'),
      'application/x-ndjson',
    );
    ids.first = examples[0]!;
    ids.composed = (await ingest(readFileSync(join(root, 'test/web/example.txt'), 'utf8'), 'text/plain'))[0]!;
    ids.hijri = (await ingest(HIJRI, 'text/plain; charset=utf-8'))[0]!;
    const art = (await (await fetch(`${base}/api/articles/${ids.first}`)).json()) as {
      events: Array<{ id: string }>;
      entities: Array<{ id: string; type: string; names: { en?: string } }>;
    };
    eventId = art.events[0]?.id ?? '';
    person = art.entities.find((e) => e.type === 'PERS' && e.names.en)?.id ?? '';
    const hj = (await (await fetch(`${base}/api/articles/${ids.hijri}`)).json()) as {
      events: Array<{ id: string; date?: { hijri?: string } }>;
    };
    hijriEvent = hj.events.find((e) => e.date?.hijri)?.id ?? '';
    const rel = (await (await fetch(`${base}/api/relations?level=actor`)).json()) as { dyads: unknown[] };
    actorLevel = rel.dyads.length > 0;
    ctx = await launchChromium(join(tmp, 'profile'), 'en-US');
    page = ctx.pages()[0] ?? (await ctx.newPage());
  });

  after(async () => {
    await ctx?.close();
    for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
    await store?.close();
    await empty?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  test('the test archive has what the pages need', () => {
    assert.ok(eventId, 'the first example article has an event');
    assert.ok(person, 'the first example article names a person with an English name');
    assert.ok(hijriEvent, 'the Hijri article has an event dated from its Hijri date');
    assert.ok(actorLevel, 'the examples give actor-level relations');
  });

  /** Every page, with what must be on it before it is read. */
  const pages = (): Array<{ name: string; url: string; ready: string; server?: 'empty' }> => [
    { name: 'home', url: '#/', ready: '.hit' },
    {
      name: 'search',
      url: '#/search?q=%D8%A7%D9%84%D8%AA%D8%B9%D8%A7%D9%88%D9%86',
      ready: '.facets section h2',
    },
    {
      name: 'search-filtered',
      url: '#/search?q=%D9%88%D8%B2%D9%8A%D8%B1&country=IRN&type=CONSULT',
      ready: '.active-filters',
    },
    { name: 'search-page-2', url: '#/search?q=%D9%88%D8%B2%D9%8A%D8%B1&page=2', ready: '.pager' },
    { name: 'search-none', url: '#/search?q=zzqqxx', ready: '.hits-wrap .muted' },
    { name: 'reader-event', url: `#/article/${ids.first}?event=${eventId}`, ready: '.event-detail' },
    { name: 'reader-composed', url: `#/article/${ids.composed}`, ready: 'article .lead' },
    { name: 'reader-hijri', url: `#/article/${ids.hijri}?event=${hijriEvent}`, ready: '.event-detail' },
    { name: 'entity-person', url: `#/entity/${encodeURIComponent(person)}`, ready: '.entity h1' },
    { name: 'entity-country', url: '#/entity/country:IRN', ready: '.entity h1' },
    { name: 'relations', url: '#/relations', ready: 'table.dyads' },
    { name: 'relations-actors', url: '#/relations?level=actor', ready: 'table.dyads' },
    { name: 'relations-empty', url: '#/relations?from=1990-01&to=1990-02', ready: '.relations .muted' },
    { name: 'timeline', url: '#/timeline', ready: 'svg.tl' },
    { name: 'timeline-empty', url: '#/timeline?from=1990-01-01&to=1990-01-02', ready: '.timeline .muted' },
    { name: 'ingest', url: '#/ingest', ready: '.ingest form' },
    { name: 'stories', url: '#/stories?all=1', ready: '.story-list' },
    { name: 'story', url: `#/stories/${ids.first}`, ready: '.outlet-grid' },
    { name: 'not-found', url: '#/article/no-such-article', ready: '.error' },
    { name: 'entity-not-found', url: '#/entity/no-such-entity', ready: '.error' },
    { name: 'empty-archive', url: '#/', ready: '.muted', server: 'empty' },
    { name: 'ingest-disabled', url: '#/ingest', ready: 'main .muted', server: 'empty' },
  ];

  async function visit(p: ReturnType<typeof pages>[number], mode: Mode): Promise<string[]> {
    await page.goto(`${p.server === 'empty' ? emptyBase : base}/${p.url}`);
    // The second server is another origin, with its own remembered language.
    await page.waitForSelector('button.lang-switch');
    if ((await page.getAttribute('html', 'lang')) !== mode) await page.click('button.lang-switch');
    await page.waitForSelector(p.ready, { timeout: 30_000 });
    await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 30_000 });
    assert.equal(await page.getAttribute('html', 'lang'), mode, `${p.name}: <html lang>`);
    await page.screenshot({ path: join(SHOTS, `${mode}-${p.name}.png`), fullPage: true });
    return (await wrongLanguage(page, mode)).map((b) => `${p.name}: ${b}`);
  }

  /** Opens an entity page and waits for its own heading: the app changes pages on a hash change, so the
   * previous entity's heading is still there when the new route starts loading. */
  async function openEntity(id: string): Promise<string> {
    const before = await page.evaluate(() => document.querySelector('.entity h1')?.textContent ?? null);
    await page.goto(`${base}/#/entity/${encodeURIComponent(id)}`);
    await page.waitForFunction(
      (prev) => {
        const h = document.querySelector('.entity h1');
        return h !== null && h.textContent !== prev && !document.querySelector('.loading');
      },
      before,
      { timeout: 30_000 },
    );
    return (await page.textContent('.entity h1'))?.trim() ?? '';
  }

  async function setMode(mode: Mode): Promise<void> {
    await page.goto(`${base}/`);
    await page.waitForSelector('button.lang-switch');
    if ((await page.getAttribute('html', 'lang')) !== mode) await page.click('button.lang-switch');
    assert.equal(await page.getAttribute('html', 'lang'), mode);
  }

  test('English: no Arabic script outside article text and Arabic names, on every page', async () => {
    await setMode('en');
    const bad: string[] = [];
    for (const p of pages()) bad.push(...(await visit(p, 'en')));
    assert.deepEqual(bad, [], `Arabic UI text in the English interface (screenshots in ${SHOTS})`);
  });

  test('Arabic: no English words outside codes and marked English text, on every page', async () => {
    await setMode('ar');
    const bad: string[] = [];
    for (const p of pages()) bad.push(...(await visit(p, 'ar')));
    assert.deepEqual(bad, [], `English UI text in the Arabic interface (screenshots in ${SHOTS})`);
  });

  test('the check fails on a forgotten string', async () => {
    await setMode('en');
    await page.goto(`${base}/#/timeline`);
    await page.waitForSelector('svg.tl');
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'لا أحداث';
      document.querySelector('main')?.append(p);
    });
    assert.deepEqual(await wrongLanguage(page, 'en'), ['<p> لا أحداث']);
  });

  test('English glosses: names, types, countries, sectors and dates in English', async () => {
    await setMode('en');
    assert.doesNotMatch(await openEntity(person), /\p{Script=Arabic}/u);
    // A country's page: its type, not its own name again under the heading.
    assert.equal(await openEntity('country:IRN'), 'Iran');
    assert.doesNotMatch((await page.textContent('.entity header .meta')) ?? '', /Iran/u);
    // A post's page: its country in the heading, as «الوزير السوداني» says it («Minister of Sudan»).
    assert.equal(await openEntity('post:minister-sdn'), 'Minister of Sudan');
    await page.goto(`${base}/#/article/${ids.hijri}?event=${hijriEvent}`);
    await page.waitForSelector('.event-detail');
    const detail = (await page.textContent('.event-detail')) ?? '';
    assert.match(detail, /Agree/);
    // polish9: the place by its English name, as `khabar events --lang en` gives it (it read
    // «Place مسقط» in the English panel).
    const placed = (
      (await (await fetch(`${base}/api/articles/${ids.first}`)).json()) as {
        events: Array<{ id: string; location?: string }>;
      }
    ).events.find((e) => e.location === 'مسقط');
    assert.ok(placed, 'the first example has an event in «مسقط»');
    await page.goto(`${base}/#/article/${ids.first}?event=${placed.id}`);
    await page.waitForSelector('.event-detail .place');
    assert.equal(((await page.textContent('.event-detail .place')) ?? '').trim(), 'Muscat');
    await page.goto(`${base}/#/article/${ids.hijri}?event=${hijriEvent}`);
    await page.waitForSelector('.event-detail');
    assert.match(detail, /Egypt/);
    // Gregorian with the Hijri date the article gave beside it.
    assert.match(
      (await page.textContent('.event-detail .date')) ?? '',
      /28 August 2025 \(5 Rabi al-Awwal 1447 AH\)/,
    );
    // polish14: the article gives that date in its first sentence, no dateline: the ingest did
    // not date it, so search knows no date for it, and the reader shows none either (it showed
    // the analysis's looser date). The event keeps its Hijri date above.
    assert.equal(await page.locator('article header time').count(), 0);
    // The reader's chips: a post keeps its country in English, as the heading and the facets
    // name it («Minister of Trade of Egypt», not two «Minister of Trade» for Egypt and Jordan).
    const posts = await page.locator('.chips a.m-POST').allInnerTexts();
    assert.ok(posts.length >= 2, `post chips: ${posts.join(' | ')}`);
    assert.ok(
      posts.some((p) => / of Egypt$/.test(p)),
      `post chips: ${posts.join(' | ')}`,
    );
    assert.ok(
      posts.some((p) => / of Jordan$/.test(p)),
      `post chips: ${posts.join(' | ')}`,
    );
    assert.equal(new Set(posts).size, posts.length, `post chips told apart: ${posts.join(' | ')}`);
    // polish9: each period of a dyad with its events, as the CLI gives them; the periods add up
    // to the dyad's total (the column gave the scores alone).
    await page.goto(`${base}/#/relations`);
    await page.waitForSelector('table.dyads');
    for (const row of await page.locator('table.dyads tbody tr').all()) {
      const cells = await row.locator('td').allInnerTexts();
      const total = Number(cells[2]);
      const parts = (cells[5] ?? '').split(' · ');
      let sum = 0;
      for (const p of parts) {
        const m = /^.+: -?[\d.]+ \((\d+) events?\)$/u.exec(p.trim());
        assert.ok(m, `period with its events: «${p}»`);
        sum += Number(m[1]);
      }
      assert.equal(sum, total, cells.join(' | '));
    }
    await page.goto(`${base}/#/relations?level=actor`);
    await page.waitForSelector('table.dyads');
    const cells = await page.locator('table.dyads tbody td:first-child a').allInnerTexts();
    assert.ok(cells.length > 0);
    for (const c of cells) assert.doesNotMatch(c, /\p{Script=Arabic}/u, `actor in English: ${c}`);
    // One story: the actors by their English names (or transliterations), the terms as written.
    await page.goto(`${base}/#/stories/${ids.first}`);
    await page.waitForSelector('table.terms');
    const actorsEn = await page.locator('table.terms tbody th[scope="row"]').allInnerTexts();
    assert.ok(actorsEn.length > 0);
    for (const a of actorsEn) assert.doesNotMatch(a, /\p{Script=Arabic}/u, `story actor in English: ${a}`);
    await setMode('ar');
    await page.goto(`${base}/#/article/${ids.hijri}?event=${hijriEvent}`);
    await page.waitForSelector('.event-detail');
    assert.match((await page.textContent('.event-detail .date')) ?? '', /ربيع الأول/);
  });
});
