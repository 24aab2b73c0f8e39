/**
 * The web app as a newsroom reader meets it on a phone (390×844, webdef), in a real browser, on
 * our own article (test/web/newsroom.txt): a header of one line that still offers every section
 * to the keyboard, a story's date range that does not break at its dash, and an organization's
 * sector said as a description in parentheses («مجلس الأمن (منظمة دولية)»), not run on after its
 * name («مجلس الأمن منظمة حكومية دولية»).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkip } from './chromium.ts';
import { startWeb, type WebHarness } from './harness.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A synthetic /api/stories answer: one story over two days from outlets with long names. */
const STORIES = JSON.stringify({
  articles: 3,
  total: 1,
  items: [
    {
      id: 'st-water',
      title: 'الأردن يطالب مجلس الأمن بجلسة طارئة بشأن أزمة المياه',
      articles: ['a1', 'a2', 'a3'],
      outlets: ['صحيفة الوادي الجديد', 'شبكة الأنباء الإقليمية'],
      first: '2026-12-01',
      last: '2026-12-03',
    },
  ],
});

describe('the web app for a newsroom reader on a phone', { skip: chromiumSkip }, () => {
  let web: WebHarness;
  let page: Page;
  let id = '';

  before(async () => {
    web = await startWeb({ name: 'newsroom', token: 'newsroom-test-token', locale: 'ar' });
    page = web.page;
    await page.setViewportSize({ width: 390, height: 844 });
    const text = readFileSync(join(root, 'test/web/newsroom.txt'), 'utf8');
    const record = {
      text,
      title: 'الأردن يطالب مجلس الأمن بجلسة طارئة',
      outlet: 'صحيفة الوادي',
      published: '2026-12-03',
    };
    id = (await web.ingest(`${JSON.stringify(record)}\n`, 'application/x-ndjson'))[0]!.id!;
  });

  after(async () => {
    await web?.close();
  });

  test('the header is one line of 64 px at most, every section still reached by Tab', async () => {
    await web.open('#/search');
    // the ingest link is there (the harness gives a token): five sections and the switch
    await page.waitForSelector('.top nav a[href="#/ingest"]');
    await web.shot('newsroom-phone-header');
    const height = await page.locator('header.top').evaluate((h) => h.getBoundingClientRect().height);
    assert.ok(height <= 64, `the header is ${Math.round(height)} px tall`);
    assert.equal(await page.getAttribute('.top nav', 'aria-label'), 'الأقسام');
    // Tab from the top of the page: the skip link, the brand, each section in order, the switch
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const reached: string[] = [];
    for (let k = 0; k < 8; k++) {
      await page.keyboard.press('Tab');
      const at = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const r = el.getBoundingClientRect();
        const nav = el.closest('nav')?.getBoundingClientRect();
        // a focused link is scrolled into the nav's box and the screen's
        const seen =
          r.left >= -1 &&
          r.right <= innerWidth + 1 &&
          (!nav || (r.left >= nav.left - 1 && r.right <= nav.right + 1));
        return `${el.getAttribute('href') ?? el.className}${seen ? '' : ' (out of view)'}`;
      });
      reached.push(at);
    }
    assert.deepEqual(reached, [
      '#main',
      '#/',
      '#/search',
      '#/timeline',
      '#/stories',
      '#/relations',
      '#/ingest',
      'lang-switch',
    ]);
  });

  test("a story's date range stays on one line, its first day on the right", async () => {
    await page.route('**/api/stories*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: STORIES }),
    );
    try {
      await web.open('#/stories');
      const meta = page.locator('.story-item .meta');
      await meta.waitFor();
      await web.shot('newsroom-phone-stories');
      // the two days and the dash between them, measured on the text itself
      const [first, dash, last] = (await meta.evaluate((p) => {
        const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
        const rects: DOMRect[] = [];
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const s = n.textContent ?? '';
          for (const word of ['1 ديسمبر', '–', '3 ديسمبر']) {
            const i = s.indexOf(word);
            if (i < 0) continue;
            const r = document.createRange();
            r.setStart(n, i);
            r.setEnd(n, i + word.length);
            rects.push(r.getBoundingClientRect());
          }
        }
        return rects.map((r) => ({ top: Math.round(r.top), left: r.left, right: r.right }));
      })) as Array<{ top: number; left: number; right: number }>;
      assert.ok(first && dash && last, 'the range is shown');
      assert.deepEqual([dash.top, last.top], [first.top, first.top], 'the range on one line');
      assert.ok(first.left > dash.right && dash.left > last.right, 'read right to left: 1 – 3');
    } finally {
      await page.unroute('**/api/stories*');
    }
  });

  test("an organization's sector is a muted description after its name, in the panel and on its page", async () => {
    await web.open(`#/article/${id}`);
    const btn = page.locator('.event-btn[data-event]').first();
    await btn.click();
    const panel = page.locator('.event-detail');
    await panel.waitFor();
    await web.shot('newsroom-phone-event');
    const target = panel.locator('dd').nth(1);
    assert.equal((await target.textContent())?.trim(), 'مجلس الأمن (منظمة دولية)');
    // the link is the name alone; the description is outside it, muted
    assert.equal(await target.locator('a').textContent(), 'مجلس الأمن');
    assert.equal(await target.locator('.actor-note').textContent(), ' (منظمة دولية)');
    await web.open('#/entity/org:unsc');
    const meta = page.locator('.entity header .meta');
    await meta.waitFor();
    assert.equal(await meta.textContent(), 'منظمة دولية', 'not «منظمة · منظمة دولية»');
  });

  test("an actor's page on a phone: its months chart scrolls in its own box, its events count says how many are listed, its dates are not cut", async () => {
    // two years of months: the chart was drawn 720 px wide and the page scrolled sideways to 770 px
    const timeline = Array.from({ length: 24 }, (_, i) => ({
      period: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      events: (i % 5) + 1,
    }));
    await page.route(/\/api\/entities\//, async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      // the page shows the latest events only: the API says how many there are in all
      route.fulfill({ response: res, json: { ...body, timeline, eventsTotal: body.events.length + 101 } });
    });
    try {
      // from another page: the last test left the app on this one, and the same hash fetches nothing
      await web.open('#/search');
      await web.open('#/entity/org:unsc');
      await page.waitForSelector('.bars svg');
      const [pageWidth, chart, labelPx] = await page.evaluate(() => {
        const svg = document.querySelector('.bars svg') as SVGSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [
          document.documentElement.scrollWidth,
          (svg.parentElement as HTMLElement).scrollWidth > (svg.parentElement as HTMLElement).clientWidth,
          scale * Number.parseFloat(getComputedStyle(svg.querySelector('text.tick')!).fontSize),
        ];
      });
      assert.equal(pageWidth, 390, 'the page is as wide as the phone');
      assert.equal(chart, true, 'the chart scrolls sideways in its box');
      assert.ok((labelPx as number) >= 11, `its month names drawn at ${labelPx} px`);
      // «(102)» over the one event listed read as all of them
      assert.match((await page.textContent('#ev-h')) ?? '', /\(1 من 102\)/);
      // a date in words is one run (a story's article list showed «6 نوفمبر» / «2016» a line apart)
      // Each event's line is narrowed to end 40 % into its date; the date goes on to the next line
      // whole (its boxes — one per direction run — all on one line), it is not cut at a space.
      const dates = await page.locator('.entity ol.events li').evaluateAll((lis) =>
        lis.map((li) => {
          const time = li.querySelector('time')!;
          const all = document.createRange();
          all.selectNodeContents(li);
          const line = all.getBoundingClientRect().width;
          const date = time.getBoundingClientRect().width;
          Object.assign((li as HTMLElement).style, {
            boxSizing: 'content-box',
            padding: '0',
            width: `${line - 0.4 * date}px`,
          });
          return [time.textContent, new Set([...time.getClientRects()].map((r) => Math.round(r.top))).size];
        }),
      );
      assert.ok(dates.length > 0, 'the event is dated');
      for (const [text, lines] of dates) assert.equal(lines, 1, `«${text}» on ${lines} lines`);
    } finally {
      await page.unroute(/\/api\/entities\//);
    }
  });

  test("an actor's page lists its events page by page, each page a link to share", async () => {
    // the page listed the newest 50 events and no way to the older ones
    const asked: string[] = [];
    let one: unknown;
    await page.route(/\/api\/entities\//, async (route) => {
      const url = new URL(route.request().url());
      asked.push(url.search);
      const res = await route.fetch({ url: `${url.origin}${url.pathname}` });
      const body = await res.json();
      one ??= body.events[0];
      // 120 events in all: this page's, numbered from its offset
      const offset = Number(url.searchParams.get('eventsOffset') ?? 0);
      const size = Number(url.searchParams.get('events'));
      const events = Array.from({ length: Math.max(0, Math.min(size, 120 - offset)) }, (_, i) => ({
        ...(one as object),
        id: `ev-${offset + i + 1}`,
      }));
      route.fulfill({ response: res, json: { ...body, events, eventsTotal: 120, eventsOffset: offset } });
    });
    try {
      await web.open('#/search');
      await web.open('#/entity/org:unsc');
      await page.waitForSelector('.entity nav.pager');
      assert.match((await page.textContent('#ev-h')) ?? '', /\(50 من 120\)/);
      const next = page.locator('.entity nav.pager a', { hasText: 'التالي' });
      assert.equal(await next.getAttribute('href'), '#/entity/org%3Aunsc?page=2');
      await next.click();
      await page.waitForFunction(() => document.querySelector('#ev-h')?.textContent?.includes('51–100'));
      // (asked for, whatever came after it: under load a late repeat of the first page's request
      // can land after this one — the heading above says which page is shown)
      assert.ok(
        asked.some((q) => /eventsOffset=50/.test(q)),
        asked.join(' '),
      );
      assert.equal(await page.locator('.entity ol.events li').count(), 50);
      assert.equal(
        await page.locator('.entity nav.pager a', { hasText: 'السابق' }).getAttribute('href'),
        '#/entity/org%3Aunsc',
      );
      await web.open('#/entity/org:unsc?page=3');
      await page.waitForFunction(() => document.querySelector('#ev-h')?.textContent?.includes('101–120'));
      assert.equal(await page.locator('.entity ol.events li').count(), 20);
      assert.equal(
        await page.locator('.entity nav.pager a', { hasText: 'التالي' }).count(),
        0,
        'the last page',
      );
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth),
        390,
        'no sideways scroll',
      );
    } finally {
      await page.unroute(/\/api\/entities\//);
    }
    assert.deepEqual(web.errors, []);
  });

  test('the timeline filters by actor and by country, in its address, from the box or from an actor’s page', async () => {
    // the timeline had no actor filter: an analyst could not follow one actor's events over time
    const asked: string[] = [];
    const onRequest = (r: { url(): string }) => {
      if (r.url().includes('/api/events')) asked.push(decodeURIComponent(new URL(r.url()).search));
    };
    page.on('request', onRequest);
    try {
      await web.open('#/search');
      await web.open('#/entity/org:unsc');
      const link = page.locator('a.entity-timeline');
      assert.equal(await link.getAttribute('href'), '#/timeline?actor=org%3Aunsc');
      await link.click();
      await page.waitForSelector('.timeline p.meta');
      assert.equal(await page.inputValue('input[name=actor]'), 'org:unsc');
      assert.ok(
        asked.some((q) => q.includes('actor=org:unsc')),
        asked.join(' '),
      );
      const all = (await page.textContent('.timeline p.meta')) ?? '';
      assert.doesNotMatch(all, /^0/, 'the actor has events');
      // a country typed by its name: in the address, sent to the API, shown back in the box
      await page.fill('input[name=country]', 'الأردن');
      await page.press('input[name=country]', 'Enter');
      await page.waitForFunction(() => location.hash.includes('country='));
      assert.match(
        decodeURIComponent(await page.evaluate(() => location.hash)),
        /actor=org:unsc&country=الأردن/,
      );
      await page.waitForFunction(
        () => (document.querySelector('input[name=country]') as HTMLInputElement).value === 'الأردن',
      );
      assert.ok(
        asked.some((q) => q.includes('actor=org:unsc') && q.includes('country=الأردن')),
        asked.join(' '),
      );
      // the actor cleared: every actor of the country
      await page.fill('input[name=actor]', '');
      await page.press('input[name=actor]', 'Enter');
      await page.waitForFunction(() => !location.hash.includes('actor='));
      assert.equal(
        await page.evaluate(() => document.documentElement.scrollWidth),
        390,
        'no sideways scroll',
      );
    } finally {
      page.off('request', onRequest);
    }
    assert.deepEqual(web.errors, []);
  });

  test('an actor known only by country and sector reads «مصر (حكومة)» in the relations table, as the API labels it', async () => {
    const body = JSON.stringify({
      level: 'actor',
      total: 1,
      // labelled as the API labels them
      nodes: [
        { id: 'EGY/GOV', label: 'مصر (حكومة)' },
        { id: '---/IGO', label: 'منظمة دولية' },
        // a country the web's own table lacks: the API's words are shown as they are
        { id: 'ESP/GOV', label: 'إسبانيا (حكومة)' },
        // no label (an older server): the same words made from the web's tables
        { id: '---/GOV' },
      ],
      dyads: [
        {
          level: 'actor',
          source: 'EGY/GOV',
          target: '---/IGO',
          counts: { REQUEST: 1 },
          total: 2,
          score: -1,
          periods: [],
        },
        {
          level: 'actor',
          source: 'ESP/GOV',
          target: '---/GOV',
          counts: { ACCUSE: 1 },
          total: 1,
          score: -3,
          periods: [],
        },
      ],
    });
    await page.route('**/api/relations?*', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    try {
      await web.open('#/relations?level=actor&to=2031-01');
      const rows = page.locator('table.dyads tbody tr');
      await rows.nth(1).waitFor();
      const cells = (i: number) =>
        rows
          .nth(i)
          .locator('td')
          .evaluateAll((tds) => tds.slice(0, 2).map((td) => td.textContent));
      assert.deepEqual(await cells(0), ['مصر (حكومة)', 'منظمة دولية']);
      // a government of no known country is not a bare «حكومة»
      assert.deepEqual(await cells(1), ['إسبانيا (حكومة)', 'حكومة (بلد غير معروف)']);
    } finally {
      await page.unroute('**/api/relations?*');
    }
    assert.deepEqual(web.errors, []);
  });
});
