/**
 * Bulk load of a PostgreSQL benchmark schema from a SQLite benchmark archive — the same
 * articles, the same rows the PostgreSQL store would hold for them, without `put`'s
 * statement per row.
 *
 *   node --import tsx bench/search-pg-bulk.ts [--size 1000000] [--dir /tmp/search1m]
 *        [--pg postgres://postgres@127.0.0.1:5432/test] [--schema khabar_bench_<size>]
 *        [--limit N] [--stop-file PATH] [--workers 2] [--batch 1000] [--check 1000]
 *
 * Reads `<dir>/search-<size>.db` (bench/search-bulk.ts or bench/search.ts makes it) opened
 * read-only, and fills schema `khabar_bench_<size>`, the one `bench/search.ts --backends
 * postgres --sizes <size> --no-build` measures:
 *
 * - the schema is made by opening the PostgreSQL store (its migrations, its khabar_meta);
 * - the tables keyed by article (articles, sections, facets, dedup_sigs, dedup_bands,
 *   mentions, events, event_actors) are copied in rid order, batches of `--batch` articles,
 *   each batch one transaction of `COPY … FROM STDIN` per table; the PostgreSQL-only columns
 *   (`article_search.tsv`, `sections.tsv`) are made by the store's `articleRows` of the
 *   stored document and `tsvectorLiteral`, in `--workers` threads
 *   (bench/search-pg-bulk-worker.ts, which also checks that each SQLite row is what
 *   `articleRows` makes of the document); duplicates of the loaded articles, entities,
 *   entity_keys and quarantine (whole) are copied after them;
 * - the secondary indexes (GIN included) of those tables are dropped during the load and
 *   created again after it with their own CREATE statements (kept in khabar_meta meanwhile,
 *   so a killed load that is run again still creates them); the serial sequences are set
 *   past the loaded ids; ANALYZE.
 *
 * `--limit N` loads the articles with rid ≤ N only (a prefix of the archive); `--stop-file
 * PATH` stops after the batch during which PATH appears (SIGTERM does not: handlers do not
 * run under `node --import tsx`), leaving a complete, indexed, smaller schema. Run again, a
 * load resumes after the highest rid already in the schema. The PostgreSQL server's CPU
 * for the load (the backend process of this connection, from /proc) is printed beside
 * this process's.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ANALYZER_VERSION } from '../src/search/analyze.ts';
import { openStore } from '../src/store/index.ts';
import { ENTITY_COUNTS_FILL } from '../src/store/db.ts';
import type { PgBulkJob, PgBulkReply, PgBulkSetup } from './search-pg-bulk-worker.ts';
import { copyIn, copyLine } from './search-pg-copy.ts';
import { connectLoader, cpuSince, dropIndexes, finishLoad } from './search-pg-load.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-pg-bulk.ts', [
  'batch',
  'check',
  'dir',
  'limit',
  'pg',
  'schema',
  'size',
  'stop-file',
  'workers',
]);

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}
const size = Number(arg('size', '1000000'));
const dir = arg('dir', '/tmp/search1m');
const pgUrl = arg('pg', process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
const schema = arg('schema', `khabar_bench_${size}`);
const limit = Number(arg('limit', String(Number.MAX_SAFE_INTEGER)));
const stopFile = arg('stop-file', '');
const workers = Math.max(1, Number(arg('workers', '2')));
const BATCH = Number(arg('batch', '1000'));
const CHECK = Number(arg('check', '1000'));
const file = join(dir, `search-${size}.db`);

/** Tables keyed by article rid, in load order (articles first: the worker checks sections against them). */
const RID_TABLES: Array<{ name: string; order: string }> = [
  { name: 'articles', order: 'rid' },
  { name: 'sections', order: 'sid' },
  { name: 'facets', order: 'rid, kind, value' },
  { name: 'dedup_sigs', order: 'rid' },
  { name: 'dedup_bands', order: 'rid, key' },
  { name: 'mentions', order: 'rid, ord' },
  { name: 'events', order: 'rid, ord' },
  { name: 'event_actors', order: 'rid, ord, role' },
];
/** Columns only PostgreSQL has (made by the worker, appended to the COPY). */
const PG_ONLY: Record<string, string[]> = { sections: ['tsv'] };
/** Tables not keyed by rid, copied after the articles. */
const OTHER_TABLES = ['entities', 'entity_keys', 'quarantine'];

if (!existsSync(file)) {
  console.error(
    `bench/search-pg-bulk: ${file} does not exist; build it with bench/search-bulk.ts --size ${size}.`,
  );
  process.exit(1);
}

const t0 = performance.now();
const c0 = process.cpuUsage();
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
const analyzer = sqlite.prepare("SELECT value FROM khabar_meta WHERE key = 'analyzer'").get() as
  | { value: string }
  | undefined;
if (analyzer?.value !== String(ANALYZER_VERSION)) {
  console.error(
    `bench/search-pg-bulk: ${file} was indexed by analyzer version ${analyzer?.value ?? 'none'}, this code is ` +
      `version ${ANALYZER_VERSION}; open it once with the store (it re-indexes) before loading it.`,
  );
  process.exit(1);
}
const sqliteCols = (t: string) =>
  (sqlite.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name);

// The schema, by the store's migrations (and its khabar_meta: analyzer version, dedup done).
await (await openStore(pgUrl, { schema })).close();

const { client, q, serverCpu } = await connectLoader(pgUrl, schema);
/** CPU seconds of this process so far (every thread). */
const cpuSecs = () => cpuSince(c0);

/** The columns a table's COPY names: PostgreSQL's, which SQLite must have (but the PG-only ones). */
async function copyCols(t: string): Promise<string[]> {
  const pgCols = (
    await q<{ c: string }>(
      'SELECT column_name AS c FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
      [schema, t],
    )
  ).map((r) => r.c);
  const have = new Set(sqliteCols(t));
  const only = PG_ONLY[t] ?? [];
  const missing = pgCols.filter((c) => !have.has(c) && !only.includes(c));
  const dropped = [...have].filter((c) => !pgCols.includes(c));
  if (missing.length || dropped.length) {
    throw new Error(
      `bench/search-pg-bulk: table ${t} differs between the stores (PostgreSQL only: ${missing.join(', ') || '—'}; ` +
        `SQLite only: ${dropped.join(', ') || '—'}); this loader knows the schemas of migration 7`,
    );
  }
  return pgCols.filter((c) => !only.includes(c));
}
// One query at a time on the one connection.
const tables: PgBulkSetup['tables'] = [];
for (const t of RID_TABLES) tables.push({ ...t, cols: await copyCols(t.name) });
const otherCols = new Map<string, string[]>();
for (const t of OTHER_TABLES) otherCols.set(t, await copyCols(t));
const dupCols = await copyCols('duplicates');

const copy = (sql: string, data: string) => copyIn(client, sql, data);

// Secondary indexes of the loaded tables: dropped for the load, kept in khabar_meta until created again.
const loaded = [...RID_TABLES.map((t) => t.name), 'article_search', 'duplicates', ...OTHER_TABLES];
const indexes = await dropIndexes(q, schema, loaded);

const total = sqlite.prepare('SELECT COUNT(*) AS n, MAX(rid) AS m FROM articles').get() as {
  n: number;
  m: number;
};
const last = Math.min(limit, total.m ?? 0);
const first = Number((await q<{ m: string | null }>('SELECT MAX(rid) AS m FROM articles'))[0]!.m ?? 0) + 1;
console.log(
  `bench/search-pg-bulk: ${file} (${total.n.toLocaleString('en')} articles) → schema ${schema}: rids ${first}–${last}`,
);

const tsxApi = import.meta.resolve('tsx/esm/api');
const workerFile = new URL('./search-pg-bulk-worker.ts', import.meta.url).href;
const setup: PgBulkSetup = { file, tables };
const pool = Array.from({ length: workers }, () => {
  // Worker threads do not get tsx's loader from --import: the worker registers it itself.
  const w = new Worker(
    `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(workerFile)}))`,
    { eval: true, workerData: setup },
  );
  const waiting: Array<{ resolve: (r: PgBulkReply) => void; reject: (e: unknown) => void }> = [];
  w.on('message', (r: PgBulkReply) => waiting.shift()?.resolve(r));
  w.on('error', (err) => {
    for (const p of waiting.splice(0)) p.reject(err);
  });
  return { w, waiting };
});
const batches = Math.max(0, Math.ceil((last - first + 1) / BATCH));
const ask = (j: number): Promise<PgBulkReply> => {
  const job: PgBulkJob = {
    from: first + j * BATCH,
    to: Math.min(last + 1, first + (j + 1) * BATCH),
    check: CHECK,
  };
  const { w, waiting } = pool[j % pool.length]!;
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    w.postMessage(job);
  });
};

const ahead = new Map<number, Promise<PgBulkReply>>();
for (let j = 0; j < Math.min(batches, 2 * pool.length); j++) ahead.set(j, ask(j));
let done = 0;
let to = first - 1;
try {
  for (let j = 0; j < batches; j++) {
    const reply = await ahead.get(j)!;
    ahead.delete(j);
    if (reply.error) throw new Error(`bench/search-pg-bulk: ${reply.error}`);
    if (j + 2 * pool.length < batches) ahead.set(j + 2 * pool.length, ask(j + 2 * pool.length));
    await q('BEGIN');
    for (const t of [...tables, { name: 'article_search', cols: ['rid', 'tsv'] }]) {
      const data = reply.tables![t.name];
      if (!data) continue;
      const cols = [...t.cols, ...(PG_ONLY[t.name] ?? [])];
      await copy(`COPY ${t.name} (${cols.join(', ')}) FROM STDIN`, data);
    }
    await q('COMMIT');
    done += reply.articles!;
    to = Math.min(last, first + (j + 1) * BATCH - 1);
    const stop = stopFile !== '' && existsSync(stopFile);
    if (j % 10 === 9 || j === batches - 1 || stop) {
      const secs = (performance.now() - t0) / 1000;
      console.log(
        `  rid ${to.toLocaleString('en')}/${last.toLocaleString('en')}: ${done.toLocaleString('en')} articles, ` +
          `${(done / secs).toFixed(0)} articles/s, ${secs.toFixed(0)} s; CPU: this process ${cpuSecs().toFixed(0)} s, ` +
          `its PostgreSQL backend ${serverCpu().toFixed(0)} s; load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    if (stop) {
      console.log(`  ${stopFile} exists: stopping after rid ${to}`);
      break;
    }
  }
} finally {
  await Promise.all(pool.map((p) => p.w.terminate()));
}
const loadSecs = (performance.now() - t0) / 1000;

// Exact duplicates of the articles loaded now (their first copy's rid in first…to).
const dups = sqlite
  .prepare(
    `SELECT ${dupCols.map((c) => `d.${c}`).join(', ')} FROM duplicates d JOIN articles a ON a.id = d.duplicate_of
     WHERE a.rid >= ? AND a.rid <= ? ORDER BY d.id`,
  )
  .raw()
  .all(first, to) as unknown[][];
const copyRows = (rows: unknown[][]) => rows.map(copyLine).join('');
if (dups.length) await copy(`COPY duplicates (${dupCols.join(', ')}) FROM STDIN`, copyRows(dups));
for (const [t, cols] of otherCols) {
  if ((await q(`SELECT 1 FROM ${t} LIMIT 1`)).length) continue;
  const rows = sqlite
    .prepare(`SELECT ${cols.join(', ')} FROM ${t}`)
    .raw()
    .all() as unknown[][];
  if (rows.length) await copy(`COPY ${t} (${cols.join(', ')}) FROM STDIN`, copyRows(rows));
}
// The entities' counts (kept at write time by the store) follow the mentions loaded so far.
await q('DELETE FROM entity_counts');
for (const sql of ENTITY_COUNTS_FILL) await q(sql);
const { indexSecs, analyzeSecs, bytes, count } = await finishLoad(q, schema, indexes);
const server = serverCpu();
await client.end();
const secs = (performance.now() - t0) / 1000;
console.log(
  `loaded schema ${schema}: ${count.toLocaleString('en')} articles (${done.toLocaleString('en')} now, rids ${first}–${to}; ` +
    `+${dups.length} exact duplicates linked) in ${secs.toFixed(0)} s (load ${loadSecs.toFixed(0)} s, indexes ` +
    `${indexSecs.toFixed(0)} s, ANALYZE ${analyzeSecs.toFixed(0)} s); this process ${cpuSecs().toFixed(0)} s CPU ` +
    `(main thread and workers), its PostgreSQL backend ${server.toFixed(0)} s CPU; ${(bytes / 2 ** 20).toFixed(0)} MB; ` +
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
);
