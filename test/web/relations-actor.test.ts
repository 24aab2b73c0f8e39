/**
 * uidef3: the relations page as an analyst uses it, in a real browser, on the example archive
 * (examples/articles.jsonl, written for khabar). An actor keyed by its country and sector
 * («OMN/GOV», no entity of its own) linked to #/entity/OMN%2FGOV and a sector of no known
 * country («---/GOV») to #/entity/---%2FGOV — pages that said «no entity with this id»; now
 * the first leads to its country, the second is not a link. One actor's relations
 * (`?actor=`, the entity page's «its relations») list only the pairs that include it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { actorPageId } from '../../web/src/labels.ts';
import { levelChange } from '../../web/src/pages/Relations.tsx';
import { chromiumSkip } from './chromium.ts';
import { startWeb, type WebHarness } from './harness.ts';

const root = new URL('../../', import.meta.url).pathname;

test('which page a dyad end leads to, and an actor kept across levels', () => {
  assert.equal(actorPageId('OMN'), 'country:OMN');
  assert.equal(actorPageId('OMN/GOV'), 'country:OMN');
  assert.equal(actorPageId('---/GOV'), undefined);
  assert.equal(actorPageId('person:badr-al-busidi'), 'person:badr-al-busidi');
  assert.equal(actorPageId('مسلحون مجهولون'), undefined);
  assert.deepEqual(levelChange('OMN', 'actor'), { level: 'actor', actor: 'country:OMN' });
  assert.deepEqual(levelChange('country:OMN', 'country'), { level: 'country', actor: 'OMN' });
  assert.deepEqual(levelChange('person:x', 'country'), { level: 'country' });
  assert.deepEqual(levelChange(undefined, 'actor'), { level: 'actor' });
});

describe('the relations page for an analyst', { skip: chromiumSkip }, () => {
  let web: WebHarness;
  let page: Page;

  before(async () => {
    web = await startWeb({ name: 'relations-actor', token: 'relations-actor-token', locale: 'ar' });
    page = web.page;
    await web.ingest(readFileSync(join(root, 'examples/articles.jsonl'), 'utf8'), 'application/x-ndjson');
  });

  after(async () => {
    await web?.close();
  });

  /** The rows' dyads and the links of their cells. */
  const table = () =>
    page.$$eval('table.dyads tbody tr', (rows) =>
      rows.map((r) => ({
        dyad: r.getAttribute('data-dyad') ?? '',
        links: [...r.querySelectorAll('td a')].map((a) => a.getAttribute('href') ?? ''),
        cells: [...r.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent ?? ''),
      })),
    );

  /** Waits (5 s at most) until the table lists only pairs of `key`: the answer asked for is shown. */
  const onlyRowsOf = (key: string) =>
    page.waitForFunction(
      (k) => {
        const rows = [...document.querySelectorAll('table.dyads tbody tr')];
        return (
          rows.length > 0 && rows.every((r) => (r.getAttribute('data-dyad') ?? '').split('-').includes(k))
        );
      },
      key,
      { timeout: 5000 },
    );

  test('every dyad end links to a page that exists; a state sector of no country is not a link', async () => {
    await web.open('#/relations?level=actor');
    await page.waitForSelector('table.dyads tbody tr');
    const rows = await table();
    const links = new Set(rows.flatMap((r) => r.links));
    assert.ok(links.size > 5);
    for (const l of links) {
      const id = decodeURIComponent(/^#\/entity\/(.+)$/.exec(l)?.[1] ?? '');
      const res = await fetch(`${web.base}/api/entities/${encodeURIComponent(id)}`);
      assert.equal(res.status, 200, `${l} leads to no page`);
    }
    const coded = rows.find((r) => /(^|-)[A-Z]{3}\/[A-Z]{3}/.test(r.dyad));
    assert.ok(coded, 'an actor keyed by country and sector');
    const unknown = rows.find((r) => r.dyad.startsWith('---/GOV-'));
    assert.ok(unknown, 'a government of no known country');
    assert.ok(!unknown.links.some((l) => l.includes('---')), unknown.links.join());
  });

  test("one actor's relations: only its pairs, named above, with a way back to all", async () => {
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/relations?') && r.url().includes('actor='),
    );
    await web.open(`#/relations?level=actor&actor=${encodeURIComponent('country:OMN')}`);
    await answered;
    await page.waitForSelector('.actor-filter');
    await onlyRowsOf('country:OMN');
    const rows = await table();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.ok(r.dyad.split('-').includes('country:OMN'), r.dyad);
    assert.match((await page.locator('.actor-filter').textContent()) ?? '', /^علاقات عمان/u);
    await page.click('.actor-filter a');
    await page.waitForFunction(() => location.hash === '#/relations?level=actor');
    await page.waitForFunction(
      (n) => document.querySelectorAll('table.dyads tbody tr').length > n,
      rows.length,
    );
  });

  test("an entity page leads to its relations, and so do the country's", async () => {
    await web.open(`#/entity/${encodeURIComponent('country:OMN')}`);
    const link = page.locator('a.entity-relations');
    assert.equal(await link.getAttribute('href'), '#/relations?level=country&actor=OMN');
    const answered = page.waitForResponse(
      (r) => r.url().includes('/api/relations?') && r.url().includes('actor='),
    );
    await link.click();
    await answered;
    await page.waitForSelector('.actor-filter');
    await onlyRowsOf('OMN');
    const rows = await table();
    assert.ok(rows.length > 0);
    for (const r of rows) assert.ok(r.dyad.split('-').includes('OMN'), r.dyad);
    await web.shot('relations-actor-oman');
    assert.deepEqual(web.errors, []);
  });

  test('an actor nobody is called is said so, not «nothing has this link»', async () => {
    await web.open(`#/relations?level=actor&actor=${encodeURIComponent('زيد الخيالي')}`);
    const said = page.locator('.relations p.error');
    await said.waitFor();
    assert.equal(await said.textContent(), 'لا فاعل في الأرشيف باسم «زيد الخيالي»: لا علاقات له.');
    // the browser logs the API's 404 itself
    const logged = web.errors.filter((e) => /status of 404/u.test(e));
    assert.equal(logged.length, 1, web.errors.join('\n'));
    web.errors.splice(web.errors.indexOf(logged[0]!), 1);
    assert.deepEqual(web.errors, []);
  });
});
