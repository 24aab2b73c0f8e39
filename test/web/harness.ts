/**
 * The browser tests' common setup: `createApp` over a temp SQLite archive on an ephemeral
 * loopback port, articles posted through POST /api/ingest with the token (as a user's
 * would be), and a fresh Chromium page whose page errors, console errors, dialogs and any
 * request leaving the machine are collected in `errors` (every test file ends by asserting
 * it is empty).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import type { BrowserContext, Page } from 'playwright-core';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { DIST, buildWeb, launchChromium } from './chromium.ts';

export const ARTIFACTS = new URL('../../test-artifacts', import.meta.url).pathname;

export interface WebHarness {
  base: string;
  store: Store;
  ctx: BrowserContext;
  page: Page;
  errors: string[];
  /** POSTs to /api/ingest with the token; asserts 201 and returns the per-item results. */
  ingest(body: string, type: string): Promise<Array<{ id?: string; error?: string }>>;
  /**
   * Goes to `${base}/${to}` (a route hash, `#/…`, or a path with one) and waits until the app
   * has rendered that route: <main data-route> equal to the page's hash, set in the render that
   * puts the route's page in. `goto` alone returns when the URL has changed, before the app has
   * handled it: a `fill` right after it could type into the page being left.
   */
  open(to: string): Promise<void>;
  /** A full-page screenshot in test-artifacts/NAME.png (gitignored). */
  shot(name: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWeb(opts: { name: string; token: string; locale: string }): Promise<WebHarness> {
  buildWeb();
  mkdirSync(ARTIFACTS, { recursive: true });
  const tmp = mkdtempSync(join(tmpdir(), `khabar-${opts.name}-`));
  const store = await openStore(join(tmp, 'archive.db'));
  const app = createApp({ store, token: opts.token, webRoot: DIST, version: 'test' });
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ctx = await launchChromium(join(tmp, 'profile'), opts.locale);
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  // Nothing may leave the machine: every request must go to our server.
  await ctx.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:')) return route.continue();
    errors.push(`external request: ${url}`);
    return route.abort();
  });
  return {
    base,
    store,
    ctx,
    page,
    errors,
    async ingest(body, type) {
      const res = await fetch(`${base}/api/ingest`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': type, Authorization: `Bearer ${opts.token}` },
      });
      assert.equal(res.status, 201, await res.clone().text());
      return ((await res.json()) as { items: Array<{ id?: string; error?: string }> }).items;
    },
    async open(to) {
      if (!/^(?:[^#]*)#\/[^#]*$/u.test(to))
        throw new Error(`open(${JSON.stringify(to)}): not a route hash (#/…)`);
      await page.goto(`${base}/${to}`);
      await page.waitForFunction(
        () => document.querySelector('main')?.dataset.route === (location.hash || '#/'),
      );
    },
    async shot(name) {
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
    },
    async close() {
      await ctx.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page (`page.evaluate(typeAsSearchRenders, [text, settleMs])`): moves to #/search from
 * the page itself and types `text` into the search box at the first task after the app has handled
 * the hash change — the moment a fast user types — then lets what the app deferred run (the next
 * frame and `settleMs` after it). Says what the box holds then and where the focus is.
 */
export async function typeAsSearchRenders([text, settleMs]: [string, number]): Promise<{
  value: string;
  focus: string | undefined;
}> {
  location.hash = '#/search';
  await new Promise((r) => window.addEventListener('hashchange', r, { once: true }));
  // The app has handled the hash change (its render is a microtask): type now.
  await new Promise((r) => setTimeout(r, 0));
  const box = document.getElementById('q') as HTMLInputElement;
  box.focus();
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, settleMs)));
  return { value: box.isConnected ? box.value : '(box replaced)', focus: document.activeElement?.id };
}
