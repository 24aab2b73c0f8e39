/**
 * What a newsroom walk of the web app found unreadable (webreview), in a real browser:
 * the chosen event's words in the reader were white on peach (1.33:1) and its «AGREE» code grey
 * on blue (1.15:1); an Arabic API detail showed «ISO 1-3166» and «(إيران، (Iran». Our own example
 * article (test/web/example.txt).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { chromiumSkip } from './chromium.ts';
import { startWeb, type WebHarness } from './harness.ts';

/**
 * WCAG contrast of an element's text colour on the first opaque background at or above it. A
 * string: the test runner's compiler names inner functions with a helper the page does not have.
 */
const CONTRAST = `(node) => {
  const rgb = (s) => (s.match(/[\\d.]+/g) ?? []).map(Number);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const x = v / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const fg = rgb(getComputedStyle(node).color);
  let bg = [255, 255, 255];
  for (let e = node; e; e = e.parentElement) {
    const c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) {
      bg = c;
      break;
    }
  }
  const [a, b] = [lum(fg), lum(bg)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}`;
const contrast = (el: Locator): Promise<number> =>
  // biome-ignore lint/security/noGlobalEval: our own constant above, run in the page
  el.evaluate((node, src) => globalThis.eval(src)(node) as number, CONTRAST);

describe('webreview: contrast and bidi in Chromium', { skip: chromiumSkip }, () => {
  let web: WebHarness;
  let page: Page;
  let id = '';

  before(async () => {
    web = await startWeb({ name: 'web-review', token: 'review-token', locale: 'ar' });
    page = web.page;
    const text = readFileSync(new URL('./example.txt', import.meta.url), 'utf8');
    id = (await web.ingest(text, 'text/plain; charset=utf-8'))[0]!.id!;
  });

  after(async () => {
    await web?.close();
  });

  test('the chosen event stays readable: its words in the text and its code in the list', async () => {
    await web.open(`#/article/${id}`);
    await page.locator('.event-btn').first().click();
    await page.locator('.event-detail').waitFor();
    const words = page.locator('article button.ev[aria-pressed="true"]');
    assert.ok((await words.count()) >= 1, 'the event’s words are marked in the text');
    for (const w of await words.all()) {
      const c = await contrast(w);
      assert.ok(c >= 4.5, `«${await w.textContent()}» in the text: contrast ${c.toFixed(2)}:1`);
    }
    const code = page.locator('.event-btn[aria-pressed="true"] .code');
    const c = await contrast(code);
    assert.ok(c >= 4.5, `the chosen event's code «${await code.textContent()}»: contrast ${c.toFixed(2)}:1`);
  });

  test('an Arabic API detail keeps «ISO 3166-1» whole and the brackets around «إيران، Iran»', async () => {
    const before = web.errors.length;
    await web.open('#/search?country=ZZZ');
    const detail = page.locator('main [role="alert"] .detail');
    await detail.waitFor();
    const ltr = await detail.locator('bdi[dir="ltr"]').allTextContents();
    assert.ok(ltr.includes('ISO 3166-1'), ltr.join(' | '));
    assert.ok(ltr.includes('Iran'), ltr.join(' | '));
    assert.ok(!ltr.some((x) => x.endsWith(')') && !x.includes('(')), `a bracket alone in a run: ${ltr}`);
    // The 400s of the refused filter (hits, facets) are expected here only.
    const logged = web.errors.slice(before);
    assert.ok(
      logged.every((e) => /status of 400/u.test(e)),
      logged.join('\n'),
    );
    web.errors.splice(before);
  });

  test('a country’s page calls it a country, not a place (the tagger’s LOC)', async () => {
    const art = (await (await fetch(`${web.base}/api/articles/${id}`)).json()) as {
      entities: Array<{ id: string }>;
    };
    const country = art.entities.find((e) => e.id.startsWith('country:'));
    assert.ok(country, 'the example names a country');
    await web.open(`#/entity/${country.id}`);
    await page.waitForSelector('.entity header .meta');
    assert.match((await page.locator('.entity header .meta').textContent()) ?? '', /^دولة/u);
  });

  test('no page errors, no failed or external requests', () => {
    assert.deepEqual(web.errors, []);
  });
});
