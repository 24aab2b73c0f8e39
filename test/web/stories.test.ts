/**
 * The stories pages in Chromium: the list, one story with its outlets side by side (the
 * terms each uses for Israel, what each reports and omits), keyboard navigation, the
 * English interface, and hostile outlet/title text that must stay text. Articles come from
 * fixtures/stories/stories.jsonl (invented for khabar) through POST /api/ingest.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkip } from './chromium.ts';
import { startWeb, type WebHarness } from './harness.ts';

const root = new URL('../../', import.meta.url).pathname;
const TOKEN = 'stories-test-token';

interface Fixture {
  id: string;
  outlet: string;
  title: string;
  published: string;
  text: string;
  url: string;
  story: string;
}

describe('stories pages in Chromium', { skip: chromiumSkip }, () => {
  let web: WebHarness;
  let page: Page;
  let base = '';
  /** fixture id → archive id */
  const ids = new Map<string, string>();

  before(async () => {
    web = await startWeb({ name: 'stories-web', token: TOKEN, locale: 'ar' });
    ({ page, base } = web);
    // Two stories of the fixture (s02: an air strike told by three outlets with different
    // terms for Israel; s01: a visit) and a hostile pair written here.
    const fixtures = readFileSync(join(root, 'fixtures/stories/stories.jsonl'), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Fixture)
      .filter((f) => f.story === 's01' || f.story === 's02');
    const hostileText =
      'أعلنت وزارة الصحة في مدينة الزرقاء افتتاح مستشفى جديد للأطفال يضم مئتي سرير. وقال وزير الصحة إن المستشفى سيخدم سكان المحافظة.';
    const hostile = [
      {
        title: 'مستشفى الزرقاء <img src=x onerror="window.__pwned=1">',
        outlet: '<script>window.__pwned=2</script>',
        published: '2025-04-01',
        text: hostileText,
      },
      {
        title: 'افتتاح مستشفى للأطفال في الزرقاء',
        outlet: 'alwadi',
        published: '2025-04-02',
        text: `${hostileText} وأضاف أن العمل فيه يبدأ الشهر المقبل.`,
      },
    ];
    const lines = [
      ...fixtures.map((f) => ({
        title: f.title,
        outlet: f.outlet,
        published: f.published,
        text: f.text,
        url: f.url,
      })),
      ...hostile,
    ];
    const items = await web.ingest(lines.map((l) => JSON.stringify(l)).join('\n'), 'application/x-ndjson');
    fixtures.forEach((f, i) => {
      assert.ok(items[i]?.id, `fixture ${f.id} stored: ${items[i]?.error ?? ''}`);
      ids.set(f.id, items[i]!.id!);
    });
  });

  after(async () => {
    await web?.close();
  });

  test('the list shows each multi-outlet story once, with its outlets', async () => {
    await page.goto(`${base}/#/stories`);
    await page.waitForSelector('.story-item');
    const api = (await (await fetch(`${base}/api/stories`)).json()) as {
      items: Array<{ id: string; title: string; outlets: string[]; articles: string[] }>;
    };
    const titles = await page.locator('.story-item h2').allInnerTexts();
    assert.deepEqual(
      titles,
      api.items.map((s) => s.title),
    );
    // s01 (3 articles), s02 (3 articles) and the hospital pair: three stories.
    assert.equal(api.items.length, 3, JSON.stringify(api.items.map((s) => s.articles)));
    const strike = api.items.find((s) => s.articles.includes(ids.get('s02a')!));
    assert.ok(strike, 'the air-strike story is listed');
    assert.deepEqual([...strike.articles].sort(), ['s02a', 's02b', 's02c'].map((x) => ids.get(x)!).sort());
    assert.equal(await page.getAttribute('nav a[href="#/stories"]', 'aria-current'), 'page');
    await web.shot('stories-list');
  });

  test('keyboard: Tab reaches a story link and Enter opens the side-by-side comparison', async () => {
    await web.open('#/stories');
    await page.waitForSelector('.story-item a');
    let reached = '';
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const a = document.activeElement;
        return a instanceof HTMLAnchorElement && a.closest('.story-item') ? a.getAttribute('href')! : '';
      });
    }
    assert.match(reached, /^#\/stories\/story%3A/u, 'a story link takes focus');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.notEqual(outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.outlet-card');
    assert.ok(page.url().endsWith(reached), 'Enter followed the focused link');
  });

  test('one story: the outlets side by side, with the terms each uses for Israel', async () => {
    await page.goto(`${base}/#/stories/${encodeURIComponent(ids.get('s02b')!)}`);
    await page.waitForSelector('.outlet-card');
    const api = (await (await fetch(`${base}/api/stories/${ids.get('s02b')}`)).json()) as {
      comparison: {
        outlets: Array<{
          outlet: string;
          omits: unknown[];
          quotes: Array<{ text: string }>;
          unquoted: string[];
        }>;
      };
    };
    const cards = await page.locator('.outlet-card h3').allInnerTexts();
    assert.deepEqual(
      cards,
      api.comparison.outlets.map((o) => o.outlet),
    );
    assert.deepEqual([...cards].sort(), ['alfajr', 'almadar', 'arraseef']);
    // Side by side: the cards share a row on a desktop-wide screen.
    const tops = await page
      .locator('.outlet-card')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
    assert.equal(new Set(tops.map((t) => Math.round(t))).size, 1, 'cards in one row');
    // The terms table: Israel's row holds each outlet's own term, the loaded ones marked.
    const row = page.locator('table.terms tbody tr', { hasText: 'إسرائيل' }).first();
    const rowText = (await row.textContent()) ?? '';
    for (const term of ['الكيان الصهيوني', 'الاحتلال الإسرائيلي']) assert.ok(rowText.includes(term), term);
    const loaded = await row.locator('mark.framing').allInnerTexts();
    assert.ok(
      loaded.some((x) => x.includes('الكيان الصهيوني')),
      `«الكيان الصهيوني» marked as a loaded term: ${loaded}`,
    );
    assert.ok(!loaded.some((x) => /^إسرائيل/u.test(x)), 'the neutral name is not marked');
    // Columns follow the outlets of the header.
    const headers = await page.locator('table.terms thead th').allInnerTexts();
    assert.deepEqual(headers.slice(1), cards);
    // What each outlet reports, omits and quotes, as the API says.
    assert.ok(
      api.comparison.outlets.some((o) => o.unquoted.length > 0),
      'some outlet leaves out a speaker the others quote',
    );
    for (const [i, o] of api.comparison.outlets.entries()) {
      const card = page.locator('.outlet-card').nth(i);
      assert.equal(await card.locator('.story-omits li').count(), o.omits.length, `${o.outlet} omits`);
      const quotes = await card.locator('.story-quotes q').allInnerTexts();
      assert.deepEqual(
        quotes,
        o.quotes.map((q) => q.text),
      );
      const unquoted = (await card.locator('.story-unquoted').allTextContents()).join(' ');
      for (const sp of o.unquoted) assert.ok(unquoted.includes(sp), `${o.outlet} does not quote ${sp}`);
    }
    // Who did it to whom: the arrow points from the actor to the other party in the reading
    // direction. A «→» in Arabic pointed back at the actor (webreview).
    const lines = await page.locator('.story-events li').allTextContents();
    assert.ok(lines.length > 0 && lines.every((l) => l.includes('←') && !l.includes('→')), lines.join(' | '));
    // Each card links its articles by title.
    const links = await page.locator('.outlet-card a[href^="#/article/"]').allTextContents();
    assert.ok(links.includes('مجزرة جديدة للكيان الصهيوني في النصيرات'), links.join(' | '));
    await web.shot('story-compare');
  });

  test('English interface: headings switch, article text stays Arabic', async () => {
    await page.goto(`${base}/#/stories/${encodeURIComponent(ids.get('s02a')!)}`);
    await page.waitForSelector('.outlet-card');
    await page.click('button.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    // The switch reloads the story with English names: wait until it is on the page again.
    await page.waitForSelector('.story h2');
    await page.waitForSelector('.outlet-card');
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
    const h2 = await page.locator('.story h2').allInnerTexts();
    assert.deepEqual(h2, ['Terms: what each outlet calls the same actors', 'The outlets side by side']);
    assert.equal(await page.locator('nav a[href="#/stories"]').textContent(), 'Stories');
    assert.equal(await page.getAttribute('.story h1 bdi', 'lang'), 'ar');
    // Actors by their English names; the outlets' own terms stay Arabic.
    const actors = await page.locator('table.terms tbody th').allTextContents();
    assert.ok(actors.includes('Israel') && actors.includes('Gaza Strip'), actors.join(' | '));
    const israel = page.locator('table.terms tbody tr', { hasText: 'Israel' }).first();
    assert.match((await israel.textContent()) ?? '', /الكيان الصهيوني/u);
    assert.match((await page.locator('.story-events').first().textContent()) ?? '', /Israel/u);
    assert.match((await page.locator('.story-events li').first().textContent()) ?? '', /→/u);
    // The list in English: the outlets of a story are separated by «, », not the Arabic «،».
    await page.goto(`${base}/#/stories`);
    await page.waitForSelector('.story-item .meta');
    const metas = await page.locator('.story-item .meta').allInnerTexts();
    const three = metas.find((m) => /3 outlets/u.test(m));
    assert.ok(three, metas.join(' | '));
    assert.doesNotMatch(three, /،/u);
    assert.match(three, /outlets: [^,]+, [^,]+, /u);
    await page.click('button.lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'ar');
    assert.equal(await page.locator('nav a[href="#/stories"]').textContent(), 'القصص');
  });

  test('hostile outlet and title stay text', async () => {
    await page.goto(`${base}/#/stories`);
    await page.waitForSelector('.story-item');
    const item = page.locator('.story-item', { hasText: 'الزرقاء' });
    assert.equal(await item.count(), 1, 'the hospital story is listed');
    assert.match((await item.textContent()) ?? '', /<script>window\.__pwned=2<\/script>/u);
    await item.locator('a').click();
    await page.waitForSelector('.outlet-card');
    assert.ok(
      (await page.locator('.outlet-card h3').allInnerTexts()).includes('<script>window.__pwned=2</script>'),
      'the outlet name shown as text',
    );
    assert.equal(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), undefined);
    assert.equal(await page.locator('.story img, .stories img').count(), 0);
  });

  test('an unknown story says so', async () => {
    await page.goto(`${base}/#/stories/${encodeURIComponent('story:nope')}`);
    const alert = await page.waitForSelector('.story [role="alert"]');
    assert.match((await alert.textContent()) ?? '', /nope/u);
    // The browser logs the 404 of that request: expected here, and only here.
    const notFound = web.errors.filter((e) => /status of 404/u.test(e));
    assert.equal(notFound.length, 1, web.errors.join('\n'));
    web.errors.splice(web.errors.indexOf(notFound[0]!), 1);
  });

  // polish9: the list's count said «2 stories · 19 articles» where the two stories held 5 and
  // the other 14 articles stood alone (the API's `articles` is every article clustered).
  test('the count gives the articles of the stories listed, and the archive’s when they differ', async () => {
    await page.goto(`${base}/#/stories`);
    await page.waitForSelector('.story-item');
    const alone = await web.ingest(
      JSON.stringify({
        title: 'مهرجان للتمور في واحة سيوة',
        outlet: 'alwadi',
        published: '2025-06-01',
        text: 'افتتحت محافظة مطروح مهرجانًا سنويًا للتمور في واحة سيوة بمشاركة مئة وعشرين مزارعًا، وعرض المزارعون أصنافًا نادرة من التمر والزيتون.',
      }),
      'application/x-ndjson',
    );
    assert.ok(alone[0]?.id, alone[0]?.error);
    await page.goto(`${base}/#/`);
    await page.goto(`${base}/#/stories`);
    await page.waitForSelector('.story-item');
    assert.equal(await page.locator('.story-item').count(), 3);
    const count = async () => ((await page.locator('.stories p.count').textContent()) ?? '').trim();
    await page.waitForFunction(() =>
      /\(/u.test(document.querySelector('.stories p.count')?.textContent ?? ''),
    );
    assert.match(await count(), /^3 قصص · 8 أخبار \(من 9 في الأرشيف\)$/u);
    // With the single-article stories shown, the two numbers are one.
    await page.goto(`${base}/#/stories?all=1`);
    await page.waitForSelector('.story-item >> nth=3');
    assert.match(await count(), /^4 قصص · 9 أخبار$/u);
  });

  test('no page errors, no external requests', () => {
    assert.deepEqual(web.errors, []);
  });
});
