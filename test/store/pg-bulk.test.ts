/**
 * bench/search-pg-bulk.ts: a PostgreSQL schema loaded from a SQLite archive holds the rows
 * the PostgreSQL store writes for the same articles (mentions, events and entities
 * included), and answers the same — loaded as a prefix first (`--limit`), then resumed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { openStore } from '../../src/store/index.ts';
import type { SearchResponse, Store } from '../../src/store/store.ts';
import { pgSkipReason, PG_URL as url } from '../pg.ts';
import { makeDoc } from './fixtures.ts';
import { loadArchive } from './suite.ts';

const why = await pgSkipReason('the PostgreSQL bulk-load test');

const tag = randomBytes(6).toString('hex');
const [putSchema, bulkSchema] = [`khabar_test_put_${tag}`, `khabar_test_bulk_${tag}`];
/** COPY's separators and escapes in stored text (written for this test). */
const ODD = makeDoc({
  id: 't-copy-escapes',
  outlet: 'نشرة\tالاختبار',
  published: '2025-11-20T10:00:00+03:00',
  title: 'عنوان فيه \\ شرطة مائلة',
  text: 'سطر أول عن الميناء\tوالجمارك.\r\nسطر ثان فيه \\N و\\t حرفيا عن الميناء.',
});
const QUERIES = [
  'الاستراتيجية',
  'إيران',
  'Larijani',
  '"وزير الخارجية"',
  'country:IRN',
  'type:CONSULT',
  'الميناء',
  'section:key_points',
];

function load(dir: string, ...extra: string[]): void {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'bench/search-pg-bulk.ts',
      '--size',
      '7',
      '--dir',
      dir,
      '--pg',
      url,
      '--schema',
      bulkSchema,
      '--check',
      '1',
      ...extra,
    ],
    { cwd: new URL('../..', import.meta.url).pathname, encoding: 'utf8' },
  );
  assert.equal(r.status, 0, `bench/search-pg-bulk.ts failed:\n${r.stdout}\n${r.stderr}`);
}

describe('bench/search-pg-bulk.ts', { skip: why ?? false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-pg-bulk-'));
  let put: Store;
  let bulk: Store;
  let client: pg.Client;
  before(async () => {
    const lite = await openStore(join(dir, 'search-7.db'));
    put = await openStore(url, { schema: putSchema });
    for (const s of [lite, put]) {
      await loadArchive(s);
      await s.put(ODD);
    }
    await lite.close();
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });
  after(async () => {
    await put?.close();
    await bulk?.close();
    rmSync(dir, { recursive: true, force: true });
    for (const s of [putSchema, bulkSchema]) await client?.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client?.end();
  });

  const count = async (schema: string, t: string) =>
    Number((await client.query(`SELECT COUNT(*) AS n FROM ${schema}.${t}`)).rows[0].n);

  it('loads a prefix with --limit, then resumes after it', async () => {
    load(dir, '--limit', '3');
    assert.equal(await count(bulkSchema, 'articles'), 3);
    assert.equal(await count(bulkSchema, 'article_search'), 3);
    load(dir);
    assert.equal(await count(bulkSchema, 'articles'), await count(putSchema, 'articles'));
    // The indexes dropped for the load are back, the GIN ones included.
    const ix = async (s: string) =>
      (await client.query('SELECT indexdef FROM pg_indexes WHERE schemaname = $1', [s])).rows
        .map((r) => String(r.indexdef).replace(s, ''))
        .sort();
    assert.deepEqual(await ix(bulkSchema), await ix(putSchema));
  });

  it('holds the rows the store writes (every table but khabar_migrations)', async () => {
    const tables = (
      await client.query(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
        [putSchema],
      )
    ).rows.map((r) => String(r.t));
    assert.ok(tables.includes('article_search') && tables.includes('entities'));
    const rows = (schema: string, t: string) =>
      client
        .query(`SELECT r::text AS r FROM ${schema}.${t} r ORDER BY 1`)
        .then((x) => x.rows.map((r) => String(r.r)));
    for (const t of tables.filter((x) => x !== 'khabar_migrations')) {
      assert.deepEqual(await rows(bulkSchema, t), await rows(putSchema, t), t);
    }
    for (const t of ['mentions', 'events', 'entities', 'sections'])
      assert.ok((await count(bulkSchema, t)) > 0, t);
  });

  it('answers the same searches, and later writes get new ids', async () => {
    bulk = await openStore(url, { schema: bulkSchema });
    const strip = (r: SearchResponse) => ({ ...r, tookMs: 0 });
    for (const q of QUERIES) {
      for (const extra of [{}, { sort: 'date' as const }, { facets: true }]) {
        const [a, b] = [
          await put.search({ q, limit: 20, ...extra }),
          await bulk.search({ q, limit: 20, ...extra }),
        ];
        assert.deepEqual(strip(b), strip(a), `«${q}» ${JSON.stringify(extra)}`);
      }
    }
    assert.equal((await bulk.search({ q: 'الميناء' })).hits[0]?.id, 't-copy-escapes');
    assert.deepEqual(await bulk.get('t-copy-escapes'), ODD);
    const next = makeDoc({ id: 't-after-load', text: 'خبر جديد بعد التحميل عن الميناء.' });
    for (const s of [put, bulk]) assert.equal((await s.put(next)).status, 'inserted');
    const rid = (schema: string) =>
      client
        .query(`SELECT rid FROM ${schema}.articles WHERE id = 't-after-load'`)
        .then((r) => String(r.rows[0].rid));
    assert.equal(await rid(bulkSchema), await rid(putSchema));
  });
});
