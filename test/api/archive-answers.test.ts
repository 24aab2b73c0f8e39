/**
 * Answers that looked like results and were none, on a real SQLite archive (the example
 * articles, our own fictional writing): a search query that is only an operator or a sign
 * listed the whole archive with no note; relations of an actor the archive does not know
 * answered an empty list, as for a quiet actor; a feed with no matching brief was dated
 * 1970-01-01. The CLI shares the first two.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Hono } from 'hono';
import { createApp } from '../../src/api/app.ts';
import { main } from '../../src/cli/main.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const ARABIC = /\p{Script=Arabic}/u;

describe('api and CLI: answers that are no results say why', () => {
  let store: Store;
  let app: Hono;
  let db = '';

  before(async () => {
    db = join(tempDir('khabar-answers-'), 'a.db');
    store = await openStore(db);
    app = createApp({ store, token: 't', cache: false });
    const res = await app.request('/api/ingest', {
      method: 'POST',
      body: readFileSync(join(root, 'examples/articles.jsonl'), 'utf8'),
      headers: { 'Content-Type': 'application/x-ndjson', Authorization: 'Bearer t' },
    });
    assert.equal(res.status, 201);
  });
  after(async () => {
    await store.close();
  });

  async function problem(url: string, status: number) {
    const res = await app.request(url);
    assert.equal(res.status, status, `${url}: ${await res.clone().text()}`);
    return (await res.json()) as { type: string; detail: string };
  }

  test('a query of operators or signs only is a 400 naming it, in English and Arabic', async () => {
    for (const q of ['AND', 'OR', 'NOT', '*', '"', '""', '-*', '( )', 'OR NOT', '!!!']) {
      const en = await problem(`/api/search?q=${encodeURIComponent(q)}&lang=en`, 400);
      assert.equal(en.type, 'urn:khabar:problem:bad_query', q);
      assert.ok(en.detail.includes(`the query «${q}» has nothing to search for`), en.detail);
      assert.match(en.detail, /Write a word, a phrase or a filter/u, en.detail);
      const ar = await problem(`/api/search?q=${encodeURIComponent(q)}&lang=ar`, 400);
      assert.ok(ar.detail.includes(`الاستعلام «${q}» ليس فيه ما يُبحث عنه`), ar.detail);
      assert.doesNotMatch(ar.detail, /nothing to search|Write a word/u, ar.detail);
    }
    // Browsing stays: an empty query, and an operator beside a filter, list what the filter keeps.
    for (const url of [
      '/api/search?q=',
      '/api/search',
      '/api/search?q=AND%20country:IRN',
      '/api/search?q=*&country=IRN',
    ])
      assert.equal((await app.request(url)).status, 200, url);
  });

  test('khabar search with a query of operators only says so, in Arabic with --lang ar', async () => {
    const en = fakeContext();
    assert.equal(await main(['search', 'OR', '--db', db], en.ctx), 2);
    assert.match(en.err(), /the query «OR» has nothing to search for/u, en.err());
    assert.equal(en.out(), '', 'no list of the whole archive');
    const ar = fakeContext();
    assert.equal(await main(['search', '*', '--db', db, '--lang', 'ar'], ar.ctx), 2);
    assert.match(ar.err(), /الاستعلام «\*» ليس فيه ما يُبحث عنه/u, ar.err());
  });

  test('relations of an actor the archive does not know are a 404 naming it; a known one out of range stays an empty list', async () => {
    for (const level of ['country', 'actor']) {
      const p = await problem(`/api/relations?level=${level}&actor=nobody`, 404);
      assert.equal(p.type, 'urn:khabar:problem:actor_not_found');
      assert.match(p.detail, /^actor nobody: no event or entity of the archive names it/u, p.detail);
      const ar = await problem(`/api/relations?level=${level}&actor=nobody&lang=ar`, 404);
      assert.match(ar.detail, /^الفاعل nobody: لا يسمّيه حدث ولا كيان في الأرشيف/u, ar.detail);
    }
    // A country the gazetteer knows, with no event in the range or none in the archive (Brazil):
    // nothing to say but the empty list.
    for (const url of ['/api/relations?actor=IRN&from=1990&to=1990', '/api/relations?actor=BRA']) {
      const quiet = await app.request(url);
      assert.equal(quiet.status, 200, url);
      assert.deepEqual(((await quiet.json()) as { dyads: unknown[] }).dyads, [], url);
    }
    // A known actor (an entity id the dyads name) answers its dyads.
    const all = (await (await app.request('/api/relations?level=actor')).json()) as {
      dyads: Array<{ source: string }>;
    };
    const known = all.dyads.find((d) => d.source.includes(':'))?.source;
    assert.ok(known, 'an actor-level dyad names an entity');
    const mine = await app.request(`/api/relations?level=actor&actor=${encodeURIComponent(known)}`);
    assert.equal(mine.status, 200);
    assert.ok(((await mine.json()) as { dyads: unknown[] }).dyads.length > 0);
  });

  test('events of an actor or an article the archive does not hold are a 404 naming it; a quiet known one stays an empty page', async () => {
    const actor = await problem('/api/events?actor=nobody', 404);
    assert.equal(actor.type, 'urn:khabar:problem:actor_not_found');
    assert.match(actor.detail, /^actor nobody: no event or entity of the archive names it/u, actor.detail);
    const ar = await problem('/api/events?actor=nobody&lang=ar', 404);
    assert.match(ar.detail, /^الفاعل nobody: لا يسمّيه حدث ولا كيان في الأرشيف/u, ar.detail);
    const article = await problem('/api/events?articleId=nope', 404);
    assert.equal(article.type, 'urn:khabar:problem:not-found');
    assert.match(article.detail, /nope/u, article.detail);
    // Known ones with nothing to show under the other filters: an empty page, no problem.
    const list = (await (await app.request('/api/articles?limit=1')).json()) as {
      items: Array<{ id: string }>;
    };
    const id = list.items[0]?.id;
    assert.ok(id, 'the archive lists an article');
    const all = (await (await app.request('/api/events?limit=100')).json()) as {
      items: Array<{ source: Array<{ entityId?: string }> }>;
    };
    const known = all.items.flatMap((e) => e.source).find((a) => a.entityId)?.entityId;
    assert.ok(known, 'an event names an entity');
    for (const url of [
      `/api/events?articleId=${encodeURIComponent(id)}&from=1990-01-01&to=1990-01-02`,
      `/api/events?actor=${encodeURIComponent(known)}&from=1990-01-01&to=1990-01-02`,
      '/api/events?actor=BRA',
    ]) {
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
      assert.equal(((await res.json()) as { total: number }).total, 0, url);
    }
  });

  test('khabar relations --actor of no actor of the archive says so; an unknown country code is named', async () => {
    const en = fakeContext();
    assert.equal(await main(['relations', '--db', db, '--actor', 'nobody'], en.ctx), 2);
    assert.match(en.err(), /actor nobody: no event or entity of the archive names it/u, en.err());
    const ar = fakeContext();
    assert.equal(await main(['relations', '--db', db, '--actor', 'nobody', '--lang', 'ar'], ar.ctx), 2);
    assert.match(ar.err(), /الفاعل nobody: لا يسمّيه حدث ولا كيان في الأرشيف/u, ar.err());
    const zzz = fakeContext();
    assert.equal(await main(['relations', '--db', db, '--actor', 'ZZZ', '--lang', 'ar'], zzz.ctx), 2);
    assert.match(zzz.err(), /--actor: ZZZ ليس بلدًا يعرفه khabar/u, zzz.err());
  });

  test('a feed with no matching brief is dated by the archive’s newest article, not 1970', async () => {
    const xml = await (await app.request(`/api/feeds/briefs.atom?q=${encodeURIComponent('زمبابوي')}`)).text();
    assert.equal((xml.match(/<entry>/gu) ?? []).length, 0);
    const updated = /<feed[^>]*>[\s\S]*?<updated>([^<]+)<\/updated>/u.exec(xml)?.[1] ?? '';
    const full = await (await app.request('/api/feeds/briefs.atom')).text();
    const newest = /<feed[^>]*>[\s\S]*?<updated>([^<]+)<\/updated>/u.exec(full)?.[1] ?? '';
    assert.ok(newest.startsWith('2025-'), `the full feed's date: ${newest}`);
    assert.equal(updated, newest);
    // lang names the errors' language, as on the other routes (it was an unknown parameter).
    assert.equal((await app.request('/api/feeds/briefs.atom?lang=ar')).status, 200);
    const bad = await problem('/api/feeds/briefs.atom?limit=0&lang=ar', 400);
    assert.match(bad.detail, ARABIC, bad.detail);
  });

  test('an empty archive’s feed is dated now', async () => {
    const empty = await openStore(join(tempDir('khabar-answers-empty-'), 'e.db'));
    try {
      const t0 = Date.now();
      const xml = await (await createApp({ store: empty }).request('/api/feeds/briefs.atom')).text();
      const updated = Date.parse(/<updated>([^<]+)<\/updated>/u.exec(xml)?.[1] ?? '');
      assert.ok(updated >= t0 - 1000 && updated <= Date.now() + 1000, xml);
    } finally {
      await empty.close();
    }
  });
});
