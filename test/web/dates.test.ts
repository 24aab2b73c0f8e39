/**
 * The date boxes in a real browser (components/DateInput.tsx): in the Arabic interface the
 * search, timeline and relations boxes were `<input type=date|month>`, which Chromium drew as
 * «mm/dd/yyyy» and «---------- ----» — an Arabic reader had to type month before day. They are
 * text boxes now, year first, in the order the interface spells out («سنة-شهر-يوم»); Arabic-Indic
 * digits and a day-first date are read; a wrong date is said in the box and not sent. The API
 * still gets `from=2025-10-01` as before. Our own example articles (fictional).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { chromiumSkip } from './chromium.ts';
import { startWeb, type WebHarness } from './harness.ts';

const ARTICLES = [
  {
    title: 'افتتاح جسر جديد فوق النهر في المدينة',
    outlet: 'صحيفة المثال',
    published: '2025-10-05',
    text: 'افتتح وزير النقل المصري الجسر الجديد فوق النهر صباح الأحد. وقال الوزير إن الجسر يختصر الطريق بين ضفتي المدينة. ووقّعت مصر والسودان اتفاقًا لصيانة الجسور المشتركة.',
  },
  {
    title: 'معرض للكتاب يستقبل الزوار في العاصمة',
    outlet: 'شبكة المثال الإخبارية',
    published: '2025-11-20',
    text: 'استقبل معرض الكتاب في العاصمة آلاف الزوار في يومه الأول. ورحّبت الأردن بمشاركة دور نشر من قطر في المعرض.',
  },
];

describe('date boxes in Chromium', { skip: chromiumSkip }, () => {
  let web: WebHarness;
  let page: Page;
  /** The `from`/`to` of every /api request the page made since the last call. */
  let sent: Array<{ path: string; from: string | null; to: string | null }> = [];

  before(async () => {
    web = await startWeb({ name: 'web-dates', token: 'dates-token', locale: 'en-US' });
    page = web.page;
    await web.ingest(ARTICLES.map((a) => JSON.stringify(a)).join('\n'), 'application/x-ndjson');
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.pathname.startsWith('/api/') && u.pathname !== '/api/health')
        sent.push({ path: u.pathname, from: u.searchParams.get('from'), to: u.searchParams.get('to') });
    });
  });

  after(async () => {
    await web?.close();
  });

  const params = () => new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
  const box = (label: string) => page.getByRole('textbox', { name: label, exact: true });

  test('Arabic search: the boxes read «سنة-شهر-يوم», not the browser’s mm/dd/yyyy; what is typed reaches the API as yyyy-mm-dd', async () => {
    // The browser's locale is en-US: the native box drew mm/dd/yyyy under the Arabic interface.
    await web.open('#/search?q=' + encodeURIComponent('المعرض'));
    const from = box('من');
    const to = box('إلى');
    assert.equal(await from.getAttribute('type'), 'text', 'not the native date box');
    assert.equal(await from.getAttribute('placeholder'), 'سنة-شهر-يوم');
    assert.equal(await page.locator('main input[type="date"], main input[type="month"]').count(), 0);
    // The placeholder reads right to left (year first in Arabic), the digits left to right.
    assert.equal(await from.evaluate((e) => getComputedStyle(e).direction), 'rtl');
    await from.fill('٢٠٢٥-١٠-٠١');
    assert.equal(await from.evaluate((e) => getComputedStyle(e).direction), 'ltr');
    sent = [];
    await from.press('Tab');
    await page.waitForFunction(() => location.hash.includes('from='));
    assert.equal(params().get('from'), '2025-10-01');
    await page.waitForSelector('#hits-h');
    // (the heading may still be the unfiltered search's: wait for the request itself, up to 10 s —
    // under load it was sent after the check and counted in the next test as sent after a mistake)
    const filtered = () => sent.some((s) => s.path === '/api/search' && s.from === '2025-10-01');
    for (let k = 0; k < 100 && !filtered(); k++) await page.waitForTimeout(100);
    assert.ok(filtered(), JSON.stringify(sent));
    assert.equal(await from.inputValue(), '2025-10-01', 'the box shows the date as sent');
    // Day first, year last (the Arabic order), then Enter: the form sends both boxes.
    await to.fill('31/12/2025');
    await to.press('Enter');
    await page.waitForFunction(() => location.hash.includes('to='));
    assert.equal(params().get('to'), '2025-12-31');
    assert.equal(params().get('from'), '2025-10-01');
    // The chips give the dates in words: the bare 2025-10-01 read «01-10-2025» in Arabic.
    const chips = (await page.locator('.active-filters').textContent()) ?? '';
    assert.match(chips, /من: 1 أكتوبر 2025/u, chips);
    assert.match(chips, /إلى: 31 ديسمبر 2025/u, chips);
    await page.locator('.hit').first().waitFor();
  });

  test('a wrong date is said in the box, in Arabic, and nothing is sent', async () => {
    await web.open('#/search?q=' + encodeURIComponent('المعرض') + '&from=2025-10-01');
    // (the page's own search with the good date must be sent before the count starts: under load
    // it was still on its way when `sent` was emptied, and was counted as sent after the mistake)
    await page.waitForLoadState('networkidle');
    const from = box('من');
    sent = [];
    await from.fill('10/31/2025'); // month first: there is no month 31
    await from.press('Tab');
    const error = page.locator('.date-field [role="alert"]');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /لا يوجد هذا اليوم في التقويم/u);
    assert.equal(await from.getAttribute('aria-invalid'), 'true');
    await from.fill('أمس');
    await from.press('Enter');
    assert.match((await error.textContent()) ?? '', /ليس تاريخًا: اكتب السنة ثم الشهر ثم اليوم بالأرقام/u);
    await page.waitForTimeout(300);
    assert.equal(params().get('from'), '2025-10-01', 'the address keeps the last good date');
    assert.deepEqual(sent, [], 'no request with the wrong date');
    // Emptying the box removes the filter.
    await from.fill('');
    await from.press('Tab');
    await page.waitForFunction(() => !location.hash.includes('from='));
    assert.equal(await error.count(), 0, 'the message goes with the mistake');
  });

  test('a start after the end: the page says so, not just «no results»', async () => {
    await web.open('#/search?q=' + encodeURIComponent('المعرض') + '&from=2025-12-01&to=2025-10-01');
    const said = page.locator('.hits-wrap p.muted');
    await said.waitFor();
    assert.match((await said.textContent()) ?? '', /تاريخ «من» بعد تاريخ «إلى»/u);
    await web.open('#/timeline?from=2025-12-01&to=2025-10-01');
    await page.waitForSelector('.timeline p.muted');
    assert.match((await page.locator('.timeline p.muted').textContent()) ?? '', /بدّل التاريخين/u);
  });

  test('the month facet filters on its month: «أكتوبر 2025» in the chips, not «31 أكتوبر» past its end', async () => {
    await web.open('#/search?q=' + encodeURIComponent('الجسر'));
    await page.locator('.facets button', { hasText: 'أكتوبر 2025' }).click();
    await page.waitForFunction(() => location.hash.includes('from='));
    assert.equal(params().get('from'), '2025-10');
    assert.equal(params().get('to'), '2025-10');
    assert.match((await page.locator('.active-filters').textContent()) ?? '', /إلى: أكتوبر 2025/u);
    assert.equal(await box('إلى').inputValue(), '2025-10');
    await page.locator('.hit').first().waitFor();
  });

  test('timeline and relations: the same boxes; relations takes a month', async () => {
    await web.open('#/timeline');
    await box('من').fill('2025-11-01');
    await box('من').press('Enter');
    await page.waitForFunction(() => location.hash.includes('from=2025-11-01'));
    await web.open('#/relations');
    const month = box('من الشهر');
    assert.equal(await month.getAttribute('placeholder'), 'سنة-شهر');
    await month.fill('2025-10-05');
    await month.press('Tab');
    assert.match(
      (await page.locator('.date-field [role="alert"]').textContent()) ?? '',
      /ليس شهرًا: اكتب السنة ثم الشهر بالأرقام/u,
    );
    await month.fill('١٠/٢٠٢٥');
    await month.press('Tab');
    await page.waitForFunction(() => location.hash.includes('from=2025-10'));
    assert.equal(await month.inputValue(), '2025-10');
  });

  test('English interface: yyyy-mm-dd, left to right', async () => {
    await page.evaluate(() => localStorage.setItem('khabar.lang', 'en'));
    await web.open('#/search');
    await page.reload();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await box('From').getAttribute('placeholder'), 'yyyy-mm-dd');
    assert.equal(await box('From').evaluate((e) => getComputedStyle(e).direction), 'ltr');
    await page.evaluate(() => localStorage.removeItem('khabar.lang'));
  });

  test('no page errors, no failed or external requests', () => {
    assert.deepEqual(web.errors, []);
  });
});
