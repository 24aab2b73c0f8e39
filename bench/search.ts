/**
 * Search latency over 200 varied queries (bench/search-corpus.ts says how the queries and
 * the synthetic articles are made), at several archive sizes, on SQLite and PostgreSQL.
 *
 *   node --import tsx bench/search.ts [--sizes 10000,100000] [--backends sqlite,postgres]
 *        [--dir /tmp/khabar-bench] [--pg postgres://postgres@127.0.0.1:5432/test] [--passes 3]
 *        [--keep-index] [--workers 2] [--build-only | --no-build] [--dump FILE.jsonl]
 *        [--schema khabar_bench_SIZE]
 *
 * Archives are built once per size (SQLite file in --dir, PostgreSQL schema
 * khabar_bench_<size>, or `--schema` with SIZE replaced by the size) with batched transactions of 1,000 articles, without the analysis
 * stages (worker threads derive the rows, this thread writes them; see `build`), and reused
 * by later runs — a stopped build resumes where it stopped (an archive built by an older analyzer version is
 * re-indexed when opened, as any store is). Each query runs once to warm up, then --passes
 * times; the figures are per search call (limit 10, relevance order, no facets), then with
 * --sort date, then with facets: wall-clock time, and the CPU time the process spent (the
 * machine is shared; CPU time is what one search costs when it has a core to itself).
 * `--dump FILE` writes one JSON line per query and order (relevance, date, facets): its total,
 * totalExact, the ids of its first 10 hits, a hash of its facets, and its median CPU ms — to
 * compare two versions of the code on the same archive (the answers) and find the slow ones.
 *
 * On PostgreSQL the client's CPU leaves out the query itself, which the server runs: the
 * store's connections get an `application_name` of this process, and around each timed
 * search the CPU time of those server processes is read (Linux: `/proc/PID/schedstat`, in
 * nanoseconds; the pids from `pg_stat_activity`, read outside the timed window) — printed as
 * `server cpu ms` and, summed with the client's per search, `client+server cpu ms`: what one
 * search costs the machine, the figure to compare with SQLite's in-process CPU. A backend
 * that exits during a search loses its share (the pool keeps its connections while busy).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { openStore } from '../src/store/index.ts';
import type { ArticleRows } from '../src/store/rows.ts';
import type { SqlStore } from '../src/store/sql-store.ts';
import { RANK_DF_CAP, RANK_EXTENSION } from '../src/store/sqlite.ts';
import type { SearchRequest, Store } from '../src/store/store.ts';
import { antAvailable, type BenchQuery, benchQueries, loadAnt, percentile } from './search-corpus.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs(
  'bench/search.ts',
  ['backends', 'dir', 'dump', 'passes', 'pg', 'schema', 'sizes', 'workers'],
  ['build-only', 'keep-index', 'no-build'],
);

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}

const sizes = arg('sizes', '10000').split(',').map(Number);
const backends = arg('backends', 'sqlite').split(',');
const dir = arg('dir', '/tmp/khabar-bench');
const pgUrl = arg('pg', process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
const passes = Number(arg('passes', '3'));
const workers = Number(arg('workers', '2'));
const tsxApi = import.meta.resolve('tsx/esm/api');
/** --build-only: build (or resume) the archives, measure nothing. */
const buildOnly = process.argv.includes('--build-only');
/**
 * --no-build: measure the archive as it is (a build stopped part way: its size is printed),
 * opened read-only on SQLite (an archive needing a migration, or a re-index without
 * --keep-index, is then an error instead of a rewrite).
 */
const noBuild = process.argv.includes('--no-build');
/** --keep-index: measure a reused archive as indexed, even by an older analyzer version. */
const reindex = !process.argv.includes('--keep-index');
const dump = arg('dump', '');
/** PostgreSQL schema of a size (`SIZE` in `--schema` is replaced by it). */
const schemaOf = (size: number) => arg('schema', 'khabar_bench_SIZE').replace('SIZE', String(size));

if (!antAvailable()) {
  console.log('bench/search: ../shared/data/ant/ant.jsonl is absent; nothing to measure.');
  process.exit(0);
}

const ant = loadAnt();
const queries = benchQueries(ant);

/**
 * Stores benchmark documents 0 … size-1 (those not stored yet: a build resumes), in
 * transactions of BATCH. `--workers N` threads (default 2) make the documents and derive
 * their rows (analysis for the index); this thread writes them in order, so the archive is
 * the same whatever N. Exact duplicates the generator happens to make are linked, not stored.
 */
async function build(store: Store, size: number): Promise<void> {
  const st = await store.stats();
  const have = st.articles + st.duplicates;
  if (have >= size) {
    console.log(`  reusing ${st.articles} articles`);
    return;
  }
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const BATCH = 1000;
  const pool = Array.from({ length: Math.max(1, workers) }, () => {
    // Worker threads do not get tsx's loader from --import: the worker registers it itself.
    const file = new URL('./search-corpus-worker.ts', import.meta.url).href;
    const w = new Worker(
      `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(file)}, ${JSON.stringify(file)}))`,
      { eval: true },
    );
    const waiting: Array<{ resolve: (rows: ArticleRows[]) => void; reject: (e: unknown) => void }> = [];
    w.on('message', (rows: ArticleRows[]) => waiting.shift()?.resolve(rows));
    w.on('error', (err) => {
      for (const p of waiting.splice(0)) p.reject(err);
    });
    return { w, waiting };
  });
  const ask = (j: number): Promise<ArticleRows[]> => {
    const from = have + j * BATCH;
    const { w, waiting } = pool[j % pool.length]!;
    return new Promise((resolve, reject) => {
      waiting.push({ resolve, reject });
      w.postMessage({ from, to: Math.min(size, from + BATCH) });
    });
  };
  const batches = Math.ceil((size - have) / BATCH);
  // Two batches in flight per worker while this thread writes.
  const ahead = new Map<number, Promise<ArticleRows[]>>();
  for (let j = 0; j < Math.min(batches, 2 * pool.length); j++) ahead.set(j, ask(j));
  try {
    for (let j = 0; j < batches; j++) {
      const rows = await ahead.get(j)!;
      ahead.delete(j);
      if (j + 2 * pool.length < batches) ahead.set(j + 2 * pool.length, ask(j + 2 * pool.length));
      await (store as SqlStore).putManyRows(rows);
      if (j % 10 === 9 || j === batches - 1) {
        const done = Math.min(size, have + (j + 1) * BATCH) - have;
        const secs = (performance.now() - t0) / 1000;
        const cpu = process.cpuUsage(c0);
        process.stdout.write(
          `  built ${have + done}/${size}: ${(done / secs).toFixed(0)} articles/s, writer thread ${(
            (cpu.user + cpu.system) / 1000 / done
          ).toFixed(2)} ms CPU/article, ${secs.toFixed(0)} s, load ${loadavg()[0]!.toFixed(1)}\n`,
        );
      }
    }
  } finally {
    await Promise.all(pool.map((p) => p.w.terminate()));
  }
  const s = (performance.now() - t0) / 1000;
  console.log(
    `  built ${size - have} articles in ${s.toFixed(0)} s (${((size - have) / s).toFixed(0)} articles/s)`,
  );
}

interface Times {
  /** Wall-clock ms per search. */
  wall: number[];
  /** CPU ms this process spent per search (user + system): less sensitive to other load. */
  cpu: number[];
  /** PostgreSQL: CPU ms of the store's server processes per search (undefined on SQLite). */
  server?: number[];
  /** PostgreSQL: client + server CPU ms of each search. */
  both?: number[];
}

/** `application_name` of this process's store connections (PostgreSQL): finds its server processes. */
const appName = `khabar-search-bench-${process.pid}`;
/** A connection beside the store's, to list the store's server processes. */
let monitor: pg.Client | undefined;

/** Pid → CPU ns so far (`/proc/PID/schedstat`, first field) of the store's server processes. */
async function serverCpu(): Promise<Map<number, number>> {
  const out = new Map<number, number>();
  if (!monitor) return out;
  const r = await monitor.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [appName]);
  for (const { pid } of r.rows as Array<{ pid: number }>) {
    try {
      out.set(pid, Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]));
    } catch {
      // Not on this machine (a remote server) or exited: no figure for it.
    }
  }
  return out;
}

/** CPU ms the server processes spent between two readings (a new process counts whole). */
function serverMs(before: Map<number, number>, after: Map<number, number>): number {
  let ns = 0;
  for (const [pid, t] of after) ns += t - (before.get(pid) ?? 0);
  return ns / 1e6;
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
  const server: number[] = [];
  const both: number[] = [];
  for (let p = 0; p < passes; p++) {
    for (const q of qs) {
      const s0 = monitor ? await serverCpu() : undefined;
      const c = process.cpuUsage();
      const t = performance.now();
      await once(store, { q: q.q, limit: 10, ...extra });
      wall.push(performance.now() - t);
      const d = process.cpuUsage(c);
      const ms = (d.user + d.system) / 1000;
      cpu.push(ms);
      if (s0) {
        const s = serverMs(s0, await serverCpu());
        server.push(s);
        both.push(ms + s);
      }
    }
  }
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return monitor
    ? { wall: sorted(wall), cpu: sorted(cpu), server: sorted(server), both: sorted(both) }
    : { wall: sorted(wall), cpu: sorted(cpu) };
}

const stats = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(2).padStart(7)}  p95 ${percentile(xs, 95).toFixed(2).padStart(7)}  p99 ${percentile(
    xs,
    99,
  )
    .toFixed(2)
    .padStart(7)}  mean ${(xs.reduce((a, b) => a + b, 0) / xs.length).toFixed(2).padStart(7)}`;
const row = (label: string, t: Times) =>
  `  ${label.padEnd(20)} wall ms: ${stats(t.wall)}   | cpu ms: ${stats(t.cpu)}` +
  (t.server && t.both
    ? `\n  ${''.padEnd(20)} server cpu ms: ${stats(t.server)}   | client+server cpu ms: ${stats(t.both)}`
    : '');

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
    [schemaOf(size)],
  );
  await c.end();
  return `${(Number(r.rows[0].n) / 2 ** 20).toFixed(0)} MB`;
}

console.log(`search bench: ${queries.length} queries × ${passes} passes; node ${process.version}`);
console.log(
  `SQLite ranking: ${
    process.env.KHABAR_NATIVE_RANK !== 'off' && existsSync(RANK_EXTENSION)
      ? `khabar_bm25 (${RANK_EXTENSION}, document frequencies counted up to ${RANK_DF_CAP})`
      : 'bm25 (native ranking not built or KHABAR_NATIVE_RANK=off)'
  }`,
);
/** The store's URL with this process's `application_name` (its server processes are found by it). */
function withAppName(url: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', appName);
  return u.toString();
}

for (const backend of backends) {
  for (const size of sizes) {
    console.log(`\n${backend}, ${size.toLocaleString('en')} articles`);
    mkdirSync(dir, { recursive: true });
    const store =
      backend === 'sqlite'
        ? // --no-build opens the file read-only: the bench never writes an archive it only measures.
          await openStore(join(dir, `search-${size}.db`), { reindex, readonly: noBuild })
        : await openStore(withAppName(pgUrl), { schema: schemaOf(size), reindex });
    if (backend === 'postgres') {
      monitor = new pg.Client({ connectionString: pgUrl });
      await monitor.connect();
    }
    try {
      if (!noBuild) await build(store, size);
      if (buildOnly) continue;
      const st = await store.stats();
      console.log(
        `  ${st.articles.toLocaleString('en')} articles (${st.duplicates} exact duplicates linked)`,
      );
      console.log(
        `  load average ${loadavg()
          .map((x) => x.toFixed(1))
          .join(' ')}`,
      );
      console.log(`  archive size ${await sizeOf(backend, size, store)}`);
      if (dump) {
        const lines: string[] = [];
        for (const [order, extra] of [
          ['relevance', {}],
          ['date', { sort: 'date' }],
          ['facets', { facets: true }],
        ] as Array<[string, Partial<SearchRequest>]>) {
          for (const q of queries) {
            const req = { q: q.q, limit: 10, ...extra };
            const r = await store.search(req);
            const t = await time(store, [q], extra);
            lines.push(
              JSON.stringify({
                order,
                kind: q.kind,
                q: q.q,
                total: r.total,
                totalExact: r.totalExact,
                ids: r.hits.map((h) => h.id),
                facets: createHash('sha256')
                  .update(JSON.stringify(r.facets ?? null))
                  .digest('hex')
                  .slice(0, 16),
                cpuMs: Number(percentile(t.cpu, 50).toFixed(2)),
              }),
            );
          }
        }
        writeFileSync(dump, `${lines.join('\n')}\n`);
        console.log(`  wrote ${dump}`);
        continue;
      }
      const plain = await time(store, queries, {});
      console.log(row('relevance, limit 10', plain));
      console.log(row('sort date, limit 10', await time(store, queries, { sort: 'date' })));
      console.log(row('with facets', await time(store, queries, { facets: true })));
      const byKind = new Map<string, Times>();
      for (const q of queries) {
        const t = await time(store, [q], {});
        const k = byKind.get(q.kind) ?? { wall: [], cpu: [], both: [] };
        k.wall.push(...t.wall);
        k.cpu.push(...t.cpu);
        k.both!.push(...(t.both ?? []));
        byKind.set(q.kind, k);
      }
      const p95 = (xs: number[]) =>
        percentile(
          [...xs].sort((a, b) => a - b),
          95,
        ).toFixed(1);
      const kinds = [...byKind.entries()];
      console.log(
        `  p95 wall by kind (relevance): ${kinds.map(([k, t]) => `${k} ${p95(t.wall)}`).join(', ')} ms`,
      );
      console.log(
        `  p95 CPU by kind (relevance): ${kinds.map(([k, t]) => `${k} ${p95(t.cpu)}`).join(', ')} ms`,
      );
      if (monitor) {
        console.log(
          `  p95 client+server CPU by kind (relevance): ${kinds.map(([k, t]) => `${k} ${p95(t.both!)}`).join(', ')} ms`,
        );
      }
      const pcts = (xs: number[]) => {
        const sorted = [...xs].sort((a, b) => a - b);
        return [50, 95, 99].map((q) => percentile(sorted, q).toFixed(1)).join(' / ');
      };
      console.log(
        `  p50 / p95 / p99 ${monitor ? 'client+server ' : ''}CPU by kind (relevance): ${kinds
          .map(([k, t]) => `${k} ${pcts(monitor ? t.both! : t.cpu)}`)
          .join(', ')} ms`,
      );
    } finally {
      await store.close();
      await monitor?.end();
      monitor = undefined;
    }
  }
}
