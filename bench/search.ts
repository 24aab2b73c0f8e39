/**
 * Search latency over 200 varied queries (bench/search-corpus.ts says how the queries and
 * the synthetic articles are made), at several archive sizes, on SQLite and PostgreSQL.
 *
 *   node --import tsx bench/search.ts [--sizes 10000,100000] [--backends sqlite,postgres]
 *        [--dir /tmp/khabar-bench] [--pg postgres://postgres@127.0.0.1:5432/test] [--passes 3]
 *        [--keep-index]
 *
 * Archives are built once per size (SQLite file in --dir, PostgreSQL schema
 * khabar_bench_<size>) with batched transactions of 500 articles, without the analysis
 * stages, and reused by later runs (an archive built by an older analyzer version is
 * re-indexed when opened, as any store is). Each query runs once to warm up, then --passes
 * times; the figures are per search call (limit 10, relevance order, no facets), then with
 * --sort date, then with facets: wall-clock time, and the CPU time the process spent (the
 * machine is shared; CPU time is what one search costs when it has a core to itself).
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import type { SqlStore } from '../src/store/sql-store.ts';
import type { SearchRequest, Store } from '../src/store/store.ts';
import {
  antAvailable,
  type BenchQuery,
  benchQueries,
  corpusDoc,
  loadAnt,
  percentile,
  sentencePools,
} from './search-corpus.ts';

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

const sizes = arg('sizes', '10000').split(',').map(Number);
const backends = arg('backends', 'sqlite').split(',');
const dir = arg('dir', '/tmp/khabar-bench');
const pgUrl = arg('pg', process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
const passes = Number(arg('passes', '3'));
/** --keep-index: measure a reused archive as indexed, even by an older analyzer version. */
const reindex = !process.argv.includes('--keep-index');

if (!antAvailable()) {
  console.log('bench/search: ../shared/data/ant/ant.jsonl is absent; nothing to measure.');
  process.exit(0);
}

const ant = loadAnt();
const pools = sentencePools(ant);
const queries = benchQueries(ant);

async function build(store: Store, size: number): Promise<void> {
  const have = (await store.stats()).articles;
  if (have >= size) {
    console.log(`  reusing ${have} articles`);
    return;
  }
  const t0 = performance.now();
  const batch = 500;
  for (let i = have; i < size; i += batch) {
    const docs = [];
    for (let k = i; k < Math.min(size, i + batch); k++) docs.push(corpusDoc(ant, k, pools));
    await (store as SqlStore).putMany(docs);
    if ((i / batch) % 20 === 0 && i > have) {
      const rate = ((i - have) / (performance.now() - t0)) * 1000;
      process.stdout.write(`\r  built ${i}/${size} (${rate.toFixed(0)} articles/s)   `);
    }
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `\r  built ${size - have} articles in ${s.toFixed(0)} s (${((size - have) / s).toFixed(0)} articles/s)`,
  );
}

interface Times {
  /** Wall-clock ms per search. */
  wall: number[];
  /** CPU ms this process spent per search (user + system): less sensitive to other load. */
  cpu: number[];
}

/** One search; retried when PostgreSQL drops the connection (the shared server restarts). */
async function once(store: Store, req: SearchRequest): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await store.search(req);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (
        attempt >= 5 ||
        !(
          code === '57P01' ||
          code === 'ECONNREFUSED' ||
          code === 'ECONNRESET' ||
          /terminat/i.test(String(err))
        )
      )
        throw err;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
}

async function time(store: Store, qs: BenchQuery[], extra: Partial<SearchRequest>): Promise<Times> {
  for (const q of qs) await once(store, { q: q.q, limit: 10, ...extra });
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let p = 0; p < passes; p++) {
    for (const q of qs) {
      const c = process.cpuUsage();
      const t = performance.now();
      await once(store, { q: q.q, limit: 10, ...extra });
      wall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const stats = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(2).padStart(7)}  p95 ${percentile(xs, 95).toFixed(2).padStart(7)}  p99 ${percentile(
    xs,
    99,
  )
    .toFixed(2)
    .padStart(7)}  mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2).padStart(7)}`;
const row = (label: string, t: Times) =>
  `  ${label.padEnd(20)} wall ms: ${stats(t.wall)}   | cpu ms: ${stats(t.cpu)}`;

async function sizeOf(backend: string, size: number, store: Store): Promise<string> {
  if (backend === 'sqlite') {
    const f = join(dir, `search-${size}.db`);
    let bytes = statSync(f).size;
    if (existsSync(`${f}-wal`)) bytes += statSync(`${f}-wal`).size;
    return `${(bytes / 2 ** 20).toFixed(0)} MB`;
  }
  void store;
  const c = new pg.Client({ connectionString: pgUrl });
  await c.connect();
  const r = await c.query(
    `SELECT SUM(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind = 'r'`,
    [`khabar_bench_${size}`],
  );
  await c.end();
  return `${(Number(r.rows[0].n) / 2 ** 20).toFixed(0)} MB`;
}

console.log(`search bench: ${queries.length} queries × ${passes} passes; node ${process.version}`);
for (const backend of backends) {
  for (const size of sizes) {
    console.log(`\n${backend}, ${size.toLocaleString('en')} articles`);
    mkdirSync(dir, { recursive: true });
    const store =
      backend === 'sqlite'
        ? await openStore(join(dir, `search-${size}.db`), { reindex })
        : await openStore(pgUrl, { schema: `khabar_bench_${size}`, reindex });
    try {
      await build(store, size);
      console.log(
        `  load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
      console.log(`  archive size ${await sizeOf(backend, size, store)}`);
      const plain = await time(store, queries, {});
      console.log(row('relevance, limit 10', plain));
      console.log(row('sort date, limit 10', await time(store, queries, { sort: 'date' })));
      console.log(row('with facets', await time(store, queries, { facets: true })));
      const byKind = new Map<string, number[]>();
      for (const q of queries) {
        const xs = (await time(store, [q], {})).wall;
        byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ...xs]);
      }
      console.log(
        `  p95 by kind (relevance): ${[...byKind.entries()]
          .map(
            ([k, xs]) =>
              `${k} ${percentile(
                xs.sort((a, b) => a - b),
                95,
              ).toFixed(1)}`,
          )
          .join(', ')} ms`,
      );
    } finally {
      await store.close();
    }
  }
}
