/**
 * The API on the real SQLite store: the project's example articles go in through
 * POST /api/ingest (JSONL), then every read route answers from what the pipeline stored.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';

const root = new URL('../../', import.meta.url).pathname;

describe('api on SQLite', () => {
  let store: Store;
  let app: Hono;
  let dir = '';
  let ids: string[] = [];
  const get = async <T>(url: string): Promise<T> => {
    const res = await app.request(url);
    assert.equal(res.status, 200, `${url}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'khabar-api-sqlite-'));
    store = await openStore(join(dir, 'a.db'));
    app = createApp({ store, token: 't' });
    const res = await app.request('/api/ingest', {
      method: 'POST',
      body: readFileSync(join(root, 'examples/articles.jsonl'), 'utf8'),
      headers: { 'Content-Type': 'application/x-ndjson', Authorization: 'Bearer t' },
    });
    assert.equal(res.status, 201);
    const items = ((await res.json()) as { items: Array<{ id?: string; error?: string }> }).items;
    assert.equal(items.length, 12);
    assert.deepEqual(
      items.filter((i) => i.error),
      [],
    );
    ids = items.map((i) => i.id!);
  });

  after(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('list and read back every ingested article', async () => {
    const list = await get<{ total: number; items: Array<{ id: string }> }>('/api/articles?limit=100');
    assert.ok(list.total >= new Set(ids).size);
    for (const id of ids)
      assert.ok(
        list.items.some((a) => a.id === id),
        `${id} listed`,
      );
    const one = await get<{ article: { id: string; text: string }; brief: { sections: unknown[] } }>(
      `/api/articles/${ids[0]}`,
    );
    assert.equal(one.article.id, ids[0]);
    assert.ok(one.article.text.length > 100);
  });

  test('search with a filter and facets', async () => {
    const r = await get<{
      total: number;
      hits: Array<{ id: string; highlights: unknown[] }>;
      facets: { outlets: unknown[] };
    }>(`/api/search?q=${encodeURIComponent('النيل')}&facets=true`);
    assert.ok(r.total >= 1);
    assert.ok(r.hits[0]!.highlights.length >= 1);
    assert.ok(r.facets.outlets.length >= 1);
    // Not asked, not given: no facets (empty lists would read "nothing to refine by").
    const bare = await get<object>(`/api/search?q=${encodeURIComponent('النيل')}&facets=false`);
    assert.ok(!('facets' in bare), 'facets=false: no facets key');
    const none = await get<{ total: number }>(
      `/api/search?q=${encodeURIComponent('النيل')}&outlet=${encodeURIComponent('لا يوجد')}`,
    );
    assert.equal(none.total, 0);
  });

  test('a query that cannot be searched as asked is a 400 problem+json naming it', async () => {
    const bad = async (query: string, detail: RegExp, type = 'urn:khabar:problem:bad_query') => {
      const res = await app.request(`/api/search?${query}`);
      assert.equal(res.status, 400, query);
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      const body = (await res.json()) as { type: string; status: number; detail: string };
      assert.deepEqual([body.type, body.status], [type, 400], query);
      assert.match(body.detail, detail, query);
    };
    const q = (s: string) => `q=${encodeURIComponent(s)}`;
    await bad(
      q('النيل from:2017-13'),
      /from:2017-13 is not a date: 13 is not a month \(01–12\); write from:YYYY/,
    );
    await bad(q('NOT النيل'), /only excludes \(NOT, -\): a NOT needs something to search for beside it/);
    await bad(q('النيل country:Atlantis'), /country:Atlantis is not a country khabar knows/);
    await bad(q('النيل country:مصرر'), /did you mean مصر \(EGY\)\?/);
    await bad(q('النيل type:CONSULTS'), /type:CONSULTS is not a PLOVER event type: .*did you mean CONSULT\?/);
    await bad(
      `${q('النيل')}&section=keypoints`,
      /section:keypoints is not a section kind: .*did you mean key_points\?/,
    );
    // Parameters apart from q: an unknown code, a month 13 (the schema's country and date checks)
    await bad(
      `${q('النيل')}&country=XYZ`,
      /country: XYZ is not a country khabar knows/,
      'urn:khabar:problem:validation',
    );
    await bad(
      `${q('النيل')}&from=2017-13`,
      /from: "2017-13": not a date: 13 is not a month \(01–12\)/,
      'urn:khabar:problem:validation',
    );
    // Beside a word or a filter, a NOT narrows the search.
    const narrowed = await get<{ total: number }>(`/api/search?${q('NOT النيل from:2000')}`);
    const all = await get<{ total: number }>('/api/articles?limit=1');
    const nile = await get<{ total: number }>(`/api/search?${q('النيل')}`);
    assert.equal(narrowed.total, all.total - nile.total);
  });

  test('a catalogue error is said in the language the request names (?lang=, Accept-Language), else in English', async () => {
    const url = `/api/search?q=${encodeURIComponent('NOT النيل')}`;
    const ask = async (query: string, headers: Record<string, string> = {}) => {
      const res = await app.request(`${url}${query}`, { headers });
      assert.equal(res.status, 400);
      const body = (await res.json()) as { type: string; detail: string };
      assert.equal(body.type, 'urn:khabar:problem:bad_query');
      return { detail: body.detail, language: res.headers.get('content-language') };
    };
    const english = await ask('');
    assert.match(english.detail, /^search query: the query only excludes/u);
    assert.equal(english.language, null);
    for (const [query, headers] of [
      ['&lang=ar', {}],
      ['', { 'Accept-Language': 'ar-EG,en;q=0.5' }],
      ['&lang=ar', { 'Accept-Language': 'en' }],
    ] as const) {
      const ar = await ask(query, headers);
      assert.match(ar.detail, /^استعلام البحث: .*انظر docs\/search\.md للغة الاستعلام\.$/u, query);
      assert.ok(ar.detail.includes('الاستعلام يستبعد فقط (NOT، -)'), ar.detail);
      assert.doesNotMatch(ar.detail, /only excludes/u);
      assert.equal(ar.language, 'ar');
    }
    const en = await ask('&lang=en', { 'Accept-Language': 'ar' });
    assert.equal(en.detail, english.detail);
    assert.equal(en.language, 'en');
  });

  test('ingest runs the dedup of the ingest runner: a re-published copy is a near-duplicate', async () => {
    const first = JSON.parse(readFileSync(join(root, 'examples/articles.jsonl'), 'utf8').split('\n')[0]!) as {
      text: string;
    };
    const copy = `${first.text}\n\nأعادت نشر هذا الخبر صحيفة أخرى.`;
    const res = await app.request('/api/ingest', {
      method: 'POST',
      body: copy,
      headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer t' },
    });
    const item = ((await res.json()) as { items: Array<{ status?: string; duplicateOf?: string }> })
      .items[0]!;
    assert.equal(item.status, 'near-duplicate');
    assert.equal(item.duplicateOf, ids[0]);
    const again = await app.request('/api/ingest', {
      method: 'POST',
      body: copy,
      headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer t' },
    });
    assert.equal(
      ((await again.json()) as { items: Array<{ status?: string }> }).items[0]!.status,
      'unchanged',
    );
  });

  test('a country’s page and relations count the events of every actor of that country', async () => {
    type Rel = { dyads: Array<{ source: string; target: string; total: number; score: number }> };
    const irn = await get<{
      eventsTotal: number;
      events: unknown[];
      partners: Array<{ id: string; events: number; label?: string }>;
      timeline: Array<{ period: string; events: number }>;
    }>('/api/entities/country:IRN');
    assert.ok(irn.eventsTotal > 0);
    const partners = irn.partners.map((p) => p.id);
    for (const c of ['OMN', 'PAK', 'USA']) assert.ok(partners.includes(c), `${c} in ${partners}`);
    assert.ok(
      irn.partners.every((p) => p.label),
      'partners are named',
    );
    assert.equal(
      irn.timeline.reduce((n, p) => n + p.events, 0),
      irn.eventsTotal,
      'each event once on the timeline',
    );
    const rel = await get<Rel>('/api/relations?level=country&actor=IRN');
    assert.ok(rel.dyads.length > 0);
    assert.ok(rel.dyads.every((d) => d.source === 'IRN' || d.target === 'IRN'));
    assert.deepEqual(await get<Rel>('/api/relations?level=country&actor=country:IRN'), rel);
    const every = await get<Rel>('/api/relations?level=country&limit=500');
    for (const d of rel.dyads) {
      const same = every.dyads.find((x) => x.source === d.source && x.target === d.target);
      assert.equal(same?.total, d.total, `${d.source}>${d.target}`);
      assert.equal(same?.score, d.score, `${d.source}>${d.target}`);
    }
  });

  test('an entity’s events come in pages: events=N from eventsOffset, until eventsTotal', async () => {
    type Page = {
      eventsTotal: number;
      eventsOffset: number;
      events: Array<{ articleId: string; id: string }>;
    };
    const key = (e: { articleId: string; id: string }) => `${e.articleId}#${e.id}`;
    const all = await get<Page>('/api/entities/country:IRN?events=100');
    assert.ok(all.eventsTotal >= 3, `IRN has ${all.eventsTotal} events`);
    assert.equal(all.eventsOffset, 0);
    // the page showed the newest 50 and no way to the rest: page through them two at a time
    const paged: string[] = [];
    for (let offset = 0; offset < all.eventsTotal; offset += 2) {
      const page = await get<Page>(`/api/entities/country:IRN?events=2&eventsOffset=${offset}`);
      assert.equal(page.eventsOffset, offset);
      assert.equal(page.eventsTotal, all.eventsTotal);
      paged.push(...page.events.map(key));
    }
    assert.deepEqual(paged, all.events.map(key), 'the pages, in order, are all its events once');
    const past = await get<Page>(`/api/entities/country:IRN?eventsOffset=${all.eventsTotal}`);
    assert.deepEqual(past.events, []);
    const bad = await app.request('/api/entities/country:IRN?eventsOffset=-1');
    assert.equal(bad.status, 400);
  });

  test('past the events an entity page reads (its cap), a page of them comes from the store, in order', async () => {
    type Page = {
      eventsTotal: number;
      events: Array<{ articleId: string; id: string }>;
      timeline: Array<{ events: number }>;
      partners: Array<{ events: number }>;
    };
    const key = (e: { articleId: string; id: string }) => `${e.articleId}#${e.id}`;
    const all = await get<Page>('/api/entities/country:IRN?events=100');
    assert.ok(all.eventsTotal >= 6, `IRN has ${all.eventsTotal} events`);
    // The page reads the newest 20,000 events (ENTITY_EVENT_CAP); here 3, so that pages past
    // them are read with their own store query — a path no archive of the tests reached.
    const capped = createApp({ store, cache: false, entityEventCap: 3 });
    const page = async (q: string) => {
      const res = await capped.request(`/api/entities/country:IRN?${q}`);
      assert.equal(res.status, 200, await res.clone().text());
      return (await res.json()) as Page;
    };
    const paged: string[] = [];
    for (let offset = 0; offset < all.eventsTotal; offset += 2) {
      const p = await page(`events=2&eventsOffset=${offset}`);
      assert.equal(p.eventsTotal, all.eventsTotal, 'the total counts them all, not the cap');
      assert.equal(p.events.length, Math.min(2, all.eventsTotal - offset), `offset ${offset}`);
      paged.push(...p.events.map(key));
    }
    assert.deepEqual(
      paged,
      all.events.map(key),
      'within and past the cap, the pages are its events once, in order',
    );
    // The month bars count the newest 3 only (what was read), the total all of them.
    const first = await page('events=2');
    assert.equal(
      first.timeline.reduce((n, b) => n + b.events, 0),
      3,
    );
    assert.deepEqual((await page(`eventsOffset=${all.eventsTotal}`)).events, []);
  });

  test('entities, events, relations and feeds answer from the store', async () => {
    const ents = await get<{ total: number; items: Array<{ entity: { id: string } }> }>(
      '/api/entities?limit=100',
    );
    assert.ok(ents.total > 0);
    const one = await get<{ entity: { id: string }; partners: unknown[]; timeline: unknown[] }>(
      `/api/entities/${encodeURIComponent(ents.items[0]!.entity.id)}`,
    );
    assert.equal(one.entity.id, ents.items[0]!.entity.id);
    const events = await get<{ total: number; items: Array<{ articleId: string }> }>('/api/events?limit=100');
    assert.ok(events.total > 0, 'the examples report events');
    const rel = await get<{ dyads: Array<{ source: string; target: string; total: number }> }>(
      '/api/relations',
    );
    assert.ok(rel.dyads.length > 0);
    assert.ok(
      rel.dyads.every((d, i, a) => i === 0 || a[i - 1]!.total >= d.total),
      'most active first',
    );
    const atom = await (await app.request('/api/feeds/briefs.atom?limit=5')).text();
    assert.equal((atom.match(/<entry>/g) ?? []).length, 5);
  });
});
