/**
 * bench/search-pg-gen.ts: a PostgreSQL bench schema loaded straight from the corpus generator
 * holds the rows of the two-step path (bench/search-bulk.ts's SQLite archive, then
 * bench/search-pg-bulk.ts) for the same documents — loaded in two runs (the second resumes
 * after the first's documents, across an exact duplicate of an article the first stored).
 * Needs PostgreSQL and the ANT corpus (../shared); skips without them.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { antAvailable } from '../../bench/search-corpus.ts';
import { pgSkipReason, PG_URL as url } from '../pg.ts';

const why = antAvailable()
  ? await pgSkipReason('the PostgreSQL generator-load test')
  : '../shared/data/ant/ant.jsonl is absent (the bench corpus is made from it)';

const tag = randomBytes(6).toString('hex');
const [twoSchema, genSchema] = [`khabar_test_two_${tag}`, `khabar_test_gen_${tag}`];
/** Documents 0–39: ANT's first 40 articles, of which document 24 repeats the text of document 13. */
const SIZE = 40;

function bench(script: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${script}`, ...args], {
    cwd: new URL('../..', import.meta.url).pathname,
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, `bench/${script} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

describe('bench/search-pg-gen.ts', { skip: why ?? false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-pg-gen-'));
  let client: pg.Client;
  before(async () => {
    client = new pg.Client({ connectionString: url });
    await client.connect();
    bench('search-bulk.ts', '--size', String(SIZE), '--dir', dir, '--check', '1');
    bench('search-pg-bulk.ts', '--size', String(SIZE), '--dir', dir, '--pg', url, '--schema', twoSchema);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const s of [twoSchema, genSchema]) await client?.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await client?.end();
  });

  const count = async (schema: string, t: string) =>
    Number((await client.query(`SELECT COUNT(*) AS n FROM ${schema}.${t}`)).rows[0].n);

  it('loads documents 0–19, then resumes with 20–39', async () => {
    const gen = (size: number, ...more: string[]) =>
      bench(
        'search-pg-gen.ts',
        '--size',
        String(size),
        '--pg',
        url,
        '--schema',
        genSchema,
        '--check',
        '1',
        ...more,
      );
    assert.match(gen(20), /documents 0–19 .*\(maintenance_work_mem 512MB\)/u);
    assert.equal(await count(genSchema, 'articles'), 20);
    assert.equal(await count(genSchema, 'duplicates'), 0);
    // The second run builds the indexes with the maintenance_work_mem it is given.
    assert.match(
      gen(SIZE, '--maintenance-work-mem', '100MB'),
      /documents 20–39 .*\(maintenance_work_mem 100MB\)/u,
    );
    assert.equal((await count(genSchema, 'articles')) + (await count(genSchema, 'duplicates')), SIZE);
    assert.ok((await count(genSchema, 'duplicates')) > 0, 'an exact duplicate among the 40');
  });

  it('holds the rows of the two-step load, table by table, and the same indexes', async () => {
    const tables = (
      await client.query(
        "SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
        [twoSchema],
      )
    ).rows.map((r) => String(r.t));
    assert.ok(tables.includes('article_search') && tables.includes('dedup_bands'));
    const rows = (schema: string, t: string) =>
      client
        .query(`SELECT r::text AS r FROM ${schema}.${t} r ORDER BY 1`)
        .then((x) => x.rows.map((r) => String(r.r)));
    for (const t of tables.filter((x) => x !== 'khabar_migrations')) {
      assert.deepEqual(await rows(genSchema, t), await rows(twoSchema, t), t);
    }
    for (const t of ['articles', 'article_search', 'sections', 'facets', 'dedup_bands', 'duplicates'])
      assert.ok((await count(genSchema, t)) > 0, t);
    const ix = async (s: string) =>
      (await client.query('SELECT indexdef FROM pg_indexes WHERE schemaname = $1', [s])).rows
        .map((r) => String(r.indexdef).replace(s, ''))
        .sort();
    assert.deepEqual(await ix(genSchema), await ix(twoSchema));
    // The sequences are past the loaded ids: the next article gets the next rid.
    const next = async (s: string) =>
      String((await client.query(`SELECT nextval('${s}.articles_rid_seq') AS n`)).rows[0].n);
    assert.equal(await next(genSchema), await next(twoSchema));
  });
});
