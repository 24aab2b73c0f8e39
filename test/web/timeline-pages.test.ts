/**
 * uidef2: the timeline as an analyst uses it, in Chromium. An actor typed by a name two people
 * share («لاريجاني») shows the events of both with a note whose links narrow to one; a name no
 * one has is said of the actor box (it read «nothing in the archive has this link», as for a
 * broken link); past 100 events the timeline pages (`?page=2` in the address; it drew the newest
 * 100 and no way to the rest); a server that does not answer is said so, with a button that
 * tries again (it read «Failed to fetch»). The list says who did what to whom. Our own articles.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page, Route } from 'playwright-core';
import { chromiumSkip } from './chromium.ts';
import { startWeb, type WebHarness } from './harness.ts';

const ARTICLES = [
  {
    title: 'علي لاريجاني يلتقي وزير الخارجية العماني في مسقط',
    outlet: 'صحيفة المرصد',
    published: '2026-03-02',
    text: 'التقى علي لاريجاني، أمين المجلس الأعلى للأمن القومي الإيراني، وزير الخارجية العماني بدر البوسعيدي في مسقط يوم الاثنين، وبحث الجانبان سبل تعزيز التعاون بين البلدين.\n\nوأدان علي لاريجاني الهجوم على السفارة في بغداد.',
  },
  {
    title: 'صادق لاريجاني ينتقد قرار البرلمان',
    outlet: 'وكالة الضفة',
    published: '2026-03-05',
    text: 'انتقد رئيس مجمع تشخيص مصلحة النظام صادق لاريجاني يوم الخميس قرار البرلمان الإيراني بشأن الموازنة، واتهم النواب بتجاهل مطالب الشارع.',
  },
];

/** `n` made-up events, newest first from 2026-06-30 back one day each, as GET /api/events gives them. */
function fakeEvents(from: number, n: number) {
  return Array.from({ length: n }, (_, i) => {
    const k = from + i;
    const day = new Date(Date.UTC(2026, 5, 30) - k * 86_400_000).toISOString().slice(0, 10);
    return {
      id: `ev-${k}`,
      articleId: `a${k}`,
      type: 'CONSULT',
      contexts: [],
      source: [{ entityId: 'person:x', name: 'X', display: `الفاعل ${k}` }],
      target: [],
      reciprocal: false,
      modality: 'happened',
      negated: false,
      background: false,
      confidence: 0.9,
      trigger: { text: 'التقى', span: [0, 5] },
      evidence: [[0, 5]],
      date: { value: day, precision: 'day' },
      published: day,
    };
  });
}

describe('the timeline in Chromium: actor names, pages, errors', { skip: chromiumSkip }, () => {
  let web: WebHarness;
  let page: Page;

  before(async () => {
    web = await startWeb({ name: 'web-timeline-pages', token: 'tl-token', locale: 'ar' });
    page = web.page;
    const items = await web.ingest(ARTICLES.map((a) => JSON.stringify(a)).join('\n'), 'application/x-ndjson');
    assert.equal(items.filter((i) => i.id).length, 2);
  });

  after(async () => {
    await web?.close();
    assert.deepEqual(web?.errors.filter((e) => !/Failed to load resource/u.test(e)) ?? [], []);
  });

  const hashParams = () => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');

  test('a family name two people share: both their events, and a link to each alone', async () => {
    await web.open(`#/timeline?actor=${encodeURIComponent('لاريجاني')}`);
    const note = page.locator('.notes .ambiguous-actor');
    await note.waitFor();
    assert.match((await note.textContent()) ?? '', /«لاريجاني» اسم لأكثر من فاعل/u);
    const links = note.getByRole('link');
    assert.deepEqual(await links.allInnerTexts(), ['علي لاريجاني', 'صادق لاريجاني']);
    const actors = await page.locator('ol.events .event-actors').allInnerTexts();
    assert.ok(
      actors.some((a) => a.includes('علي لاريجاني')) && actors.some((a) => a.includes('صادق لاريجاني')),
      actors.join(' | '),
    );
    // Keyboard: the link is reached and followed like any link.
    await links.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('actor=person%3Aali-larijani'));
    await page.locator('main .notes').waitFor({ state: 'detached' });
    await page.waitForSelector('ol.events .event-actors');
    const narrowed = await page.locator('ol.events .event-actors').allInnerTexts();
    assert.ok(narrowed.length > 0 && narrowed.every((a) => !a.includes('صادق')), narrowed.join(' | '));
    assert.equal(await page.getByRole('searchbox', { name: 'الفاعل' }).inputValue(), 'person:ali-larijani');
  });

  test('search: the same note, its link puts the one id in place of the shared name', async () => {
    await web.open(`#/search?actor=${encodeURIComponent('لاريجاني')}`);
    const note = page.locator('.notes .ambiguous-actor');
    await note.waitFor();
    assert.equal(await page.locator('ol.hits > li').count(), 2);
    await note.getByRole('link', { name: 'صادق لاريجاني' }).click();
    await page.waitForFunction(() => location.hash.includes('actor=person%3Asadiq-larijani'));
    assert.deepEqual(hashParams().getAll('actor'), ['person:sadiq-larijani']);
    await page.locator('main .notes').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelectorAll('ol.hits > li').length === 1);
  });

  test('the Latin name finds the person too', async () => {
    await web.open('#/timeline?actor=Ali%20Larijani');
    await page.waitForSelector('ol.events .event-actors');
    assert.equal(await page.locator('main .notes').count(), 0, 'one person is called so');
    const actors = await page.locator('ol.events .event-actors').allInnerTexts();
    assert.ok(
      actors.every((a) => a.includes('علي لاريجاني')),
      actors.join(' | '),
    );
  });

  test('a name no one has is said of the actor box, not as a broken link', async () => {
    await web.open(`#/timeline?actor=${encodeURIComponent('زيد الخيالي')}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    assert.match(text, /^لا فاعل في الأرشيف باسم «زيد الخيالي»/u);
    assert.doesNotMatch(text, /لا شيء في الأرشيف بهذا الرابط/u);
    assert.equal(
      await page.getByRole('searchbox', { name: 'الفاعل' }).inputValue(),
      'زيد الخيالي',
      'the box keeps it, to fix',
    );
  });

  test('past 100 events the timeline pages, the page in the address', async () => {
    const asked: string[] = [];
    const fake = async (route: Route) => {
      const u = new URL(route.request().url());
      asked.push(`${u.searchParams.get('offset') ?? '0'}/${u.searchParams.get('limit')}`);
      const offset = Number(u.searchParams.get('offset') ?? 0);
      const items = fakeEvents(offset, Math.max(0, Math.min(100, 230 - offset)));
      await route.fulfill({ json: { total: 230, limit: 100, offset, items } });
    };
    await page.route('**/api/events?*', fake);
    try {
      await web.open('#/timeline?page=2');
      await page.waitForSelector('nav.pager');
      assert.deepEqual(asked, ['100/100']);
      assert.match((await page.locator('main p.meta').first().textContent()) ?? '', /230.*101–200/u);
      assert.equal(await page.locator('main ol.events > li').count(), 100);
      assert.match((await page.locator('nav.pager').textContent()) ?? '', /صفحة 2 من 3/u);
      await page.getByRole('link', { name: 'التالي' }).click();
      await page.waitForFunction(() => location.hash.includes('page=3'));
      await page.waitForFunction(() => document.querySelectorAll('main ol.events > li').length === 30);
      assert.equal(asked.at(-1), '200/100');
      assert.equal(await page.getByRole('link', { name: 'التالي' }).count(), 0, 'no page after the last');
      await page.getByRole('link', { name: 'السابق' }).click();
      await page.waitForFunction(() => location.hash.includes('page=2'));
      // A new filter starts at the first page again.
      await page.getByRole('combobox', { name: 'النوع' }).selectOption('CONSULT');
      await page.waitForFunction(() => location.hash.includes('type=CONSULT'));
      assert.equal(hashParams().get('page'), null);
      await page.waitForFunction(() => document.querySelectorAll('main ol.events > li').length === 100);
      assert.equal(asked.at(-1), '0/100');
      // The first page has no «previous».
      assert.equal(await page.getByRole('link', { name: 'السابق' }).count(), 0);
    } finally {
      await page.unroute('**/api/events?*', fake);
    }
  });

  test('the server not answering is said, and «try again» loads the page once it answers', async () => {
    const down = (route: Route) => route.abort('connectionrefused');
    await page.route('**/api/events?*', down);
    await web.open('#/timeline?from=2026-03');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /تعذّر الاتصال بالخادم: لعله متوقف/u);
    assert.doesNotMatch((await alert.textContent()) ?? '', /Failed to fetch/u);
    await page.unroute('**/api/events?*', down);
    await page.getByRole('button', { name: 'أعد المحاولة' }).click();
    await page.waitForSelector('svg.tl');
    assert.equal(await page.getByRole('alert').count(), 0);
  });
});
