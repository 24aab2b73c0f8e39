/**
 * Do two PostgreSQL bench schemas answer the same? The check of bench/search-pg-bulk.ts
 * against an archive built by the store's own writes:
 *
 *   node --import tsx bench/search-pg-same.ts --a khabar_bench_10000 --b khabar_pgbulk_10000
 *        [--pg postgres://postgres@127.0.0.1:5432/test]
 *
 * Runs the 200 bench queries (bench/search-corpus.ts) on both, by relevance, by date and
 * with facets, and compares the ids and order of the top 10, the totals, and the whole
 * response but its timing (scores, snippets, facets); then each table's row count and an
 * MD5 of its rows in a fixed order. Prints every difference; exits 1 when a search differs.
 */
import pg from 'pg';
import { isDeepStrictEqual } from 'node:util';
import { openStore } from '../src/store/index.ts';
import type { SearchRequest, SearchResponse } from '../src/store/store.ts';
import { antAvailable, benchQueries, loadAnt } from './search-corpus.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-pg-same.ts', ['pg', 'a', 'b'], []);

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}
const pgUrl = arg('pg', process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
const schemas = [arg('a', 'khabar_bench_10000'), arg('b', 'khabar_pgbulk_10000')] as const;

if (!antAvailable()) {
  console.log('bench/search-pg-same: ../shared/data/ant/ant.jsonl is absent; no bench queries.');
  process.exit(0);
}
const queries = benchQueries(loadAnt());
// reindex: false — compare the schemas as they are.
const [a, b] = await Promise.all(schemas.map((schema) => openStore(pgUrl, { schema, reindex: false })));
const without = (r: SearchResponse) => ({ ...r, tookMs: 0 });
let differ = 0;
for (const [mode, extra] of [
  ['relevance', {}],
  ['sort date', { sort: 'date' }],
  ['with facets', { facets: true }],
] as Array<[string, Partial<SearchRequest>]>) {
  let ids = 0;
  let totals = 0;
  let whole = 0;
  for (const q of queries) {
    const req: SearchRequest = { q: q.q, limit: 10, ...extra };
    const [ra, rb] = [await a!.search(req), await b!.search(req)];
    const [ia, ib] = [ra.hits.map((h) => h.id), rb.hits.map((h) => h.id)];
    const sameIds = isDeepStrictEqual(ia, ib);
    const sameTotal = ra.total === rb.total && ra.totalExact === rb.totalExact;
    if (sameIds) ids++;
    if (sameTotal) totals++;
    if (isDeepStrictEqual(without(ra), without(rb))) whole++;
    else {
      differ++;
      console.log(
        `  differs (${mode}) «${q.q}»: total ${ra.total} / ${rb.total}` +
          `${sameIds ? ', same top 10' : `; top 10 ${ia.join(' ')} / ${ib.join(' ')}`}`,
      );
    }
  }
  console.log(
    `${mode}: ${ids}/${queries.length} same top-10 ids in order, ${totals}/${queries.length} same totals, ` +
      `${whole}/${queries.length} same whole responses (scores, snippets, facets)`,
  );
}
await Promise.all([a!.close(), b!.close()]);

const client = new pg.Client({ connectionString: pgUrl });
await client.connect();
const tables = (
  await client.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'
     ORDER BY table_name`,
    [schemas[0]],
  )
).rows.map((r) => r.t);
/** Row count and MD5 of the rows of `schema.t` in text order; one connection each (queries in parallel). */
async function hash(schema: string, t: string): Promise<{ n: string; h: string | null }> {
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  try {
    return (
      await c.query<{ n: string; h: string | null }>(
        `SELECT COUNT(*) AS n, md5(string_agg(r::text, E'\\n' ORDER BY r::text)) AS h FROM ${schema}.${t} r`,
      )
    ).rows[0]!;
  } finally {
    await c.end();
  }
}
for (const t of tables) {
  const [x, y] = await Promise.all(schemas.map((s) => hash(s, t)));
  const note = t === 'khabar_migrations' ? ' (applied_at: when each schema was made)' : '';
  console.log(`  table ${t}: ${x!.n} / ${y!.n} rows, ${x!.h === y!.h ? 'same rows' : `rows differ${note}`}`);
}
await client.end();
process.exit(differ ? 1 : 0);
