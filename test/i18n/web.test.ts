/**
 * The interface language switch in a real browser (Debian's Chromium via playwright-core):
 * Arabic RTL by default, English LTR after the switch, remembered across a reload, and the
 * article text always Arabic right-to-left.
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
import { labelsIn, PLOVER_LABELS } from '../../src/i18n/codes.ts';

const PLOVER_EN: Record<string, string> = labelsIn(PLOVER_LABELS, 'en');

const root = new URL('../../', import.meta.url).pathname;
const TOKEN = 'i18n-test-token';

const skip = chromiumSkip;

describe('web app in two languages', { skip }, () => {
  let store: Store;
  let server: ReturnType<typeof serve>;
  let base = '';
  let ctx: BrowserContext;
  let page: Page;
  let tmp = '';
  let id = '';

  before(async () => {
    buildWeb();
    tmp = mkdtempSync(join(tmpdir(), 'khabar-i18n-web-'));
    store = await openStore(join(tmp, 'archive.db'));
    const app = createApp({ store, token: TOKEN, webRoot: DIST, version: 'test' });
    server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const res = await fetch(`${base}/api/ingest`, {
      method: 'POST',
      body: readFileSync(join(root, 'test/web/example.txt'), 'utf8'),
      headers: { 'Content-Type': 'text/plain; charset=utf-8', Authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(res.status, 201);
    id = ((await res.json()) as { items: { id: string }[] }).items[0]!.id;
    ctx = await launchChromium(join(tmp, 'profile'), 'en-US');
    page = ctx.pages()[0] ?? (await ctx.newPage());
  });

  after(async () => {
    await ctx?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await store?.close();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  const html = async () => [await page.getAttribute('html', 'lang'), await page.getAttribute('html', 'dir')];

  test('Arabic by default; the switch turns the interface English, left-to-right, and is remembered', async () => {
    await page.goto(`${base}/`);
    await page.waitForSelector('nav a');
    assert.deepEqual(await html(), ['ar', 'rtl']);
    assert.equal(await page.textContent('nav a[href="#/search"]'), 'البحث');
    await page.click('button.lang-switch');
    assert.deepEqual(await html(), ['en', 'ltr']);
    assert.equal(await page.textContent('nav a[href="#/search"]'), 'Search');
    await page.reload();
    await page.waitForSelector('nav a');
    assert.deepEqual(await html(), ['en', 'ltr']);
    assert.equal(await page.textContent('nav a[href="#/timeline"]'), 'Timeline');
  });

  test('the article text stays Arabic right-to-left in the English interface', async () => {
    await page.goto(`${base}/#/article/${id}`);
    await page.waitForSelector('article .lead');
    assert.deepEqual(await html(), ['en', 'ltr']);
    assert.equal(await page.getAttribute('article', 'lang'), 'ar');
    assert.equal(await page.getAttribute('article', 'dir'), 'rtl');
    assert.equal(
      await page.evaluate(() => getComputedStyle(document.querySelector('article .lead')!).direction),
      'rtl',
    );
    assert.equal(await page.textContent('#people-h'), 'People');
    mkdirSync(join(root, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(root, 'test-artifacts', 'i18n-article-en.png'), fullPage: false });
    const names = await page.$$eval('.people li > a', (as) => as.map((a) => a.textContent ?? ''));
    assert.ok(names.length > 0, 'the example names people');
    for (const n of names) assert.doesNotMatch(n, /\p{Script=Arabic}/u, `English or Latin name: ${n}`);
    // Event types in English beside their codes; the trigger words stay Arabic.
    const first = (await page.textContent('.events .event-btn')) ?? '';
    const code = /[A-Z]+/.exec(first)?.[0] ?? '';
    assert.ok(PLOVER_EN[code], `an event code in «${first}»`);
    assert.ok(first.includes(PLOVER_EN[code]!), `English label in «${first}»`);
    await page.click('button.lang-switch');
    assert.deepEqual(await html(), ['ar', 'rtl']);
    assert.ok(!((await page.textContent('.events .event-btn')) ?? '').includes(PLOVER_EN[code]!));
    assert.equal(await page.evaluate(() => localStorage.getItem('khabar.lang')), 'ar');
  });

  test('a post in English keeps its country, as the Arabic does: entity page and reader (polish12)', async () => {
    const view = (await (await fetch(`${base}/api/articles/${id}`)).json()) as {
      entities: Array<{ id: string; post?: { ar: string; en?: string; country?: string } }>;
    };
    const person = view.entities.find((e) => e.post?.en && e.post.country === 'TUN');
    assert.ok(person, 'the example names a Tunisian minister with an English gloss');
    const post = person.post!;
    assert.doesNotMatch(post.en!, /Tunisia/, 'the stored gloss lacks the country');
    await page.goto(`${base}/#/entity/${encodeURIComponent(person.id)}`);
    await page.evaluate(() => localStorage.setItem('khabar.lang', 'en'));
    await page.reload();
    await page.waitForSelector('dd.post');
    assert.equal((await page.textContent('dd.post'))?.trim(), `${post.en} of Tunisia ${post.ar}`);
    await page.goto(`${base}/#/article/${id}`);
    await page.waitForSelector('.people .post');
    assert.equal(await page.textContent('.people .post'), `${post.en} of Tunisia`);
    await page.click('button.lang-switch');
    await page.goto(`${base}/#/entity/${encodeURIComponent(person.id)}`);
    await page.waitForSelector('dd.post bdi');
    assert.equal(await page.textContent('dd.post bdi'), `(${post.en} of Tunisia)`);
    assert.match((await page.textContent('dd.post')) ?? '', new RegExp(`^${post.ar} `));
  });
});
