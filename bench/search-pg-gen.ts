/**
 * Bulk load of a PostgreSQL benchmark schema straight from the bench corpus — the schema
 * bench/search-bulk.ts (SQLite archive) followed by bench/search-pg-bulk.ts would make, without
 * the SQLite archive in between: at 1,000,000 articles that archive costs as much CPU as the
 * PostgreSQL load itself, and the load then analyses every document a second time.
 *
 *   node --import tsx bench/search-pg-gen.ts [--size 1000000]
 *        [--pg postgres://postgres@127.0.0.1:5432/test] [--schema khabar_bench_<size>]
 *        [--stop-file PATH] [--workers 2] [--batch 1000] [--check 1000]
 *        [--maintenance-work-mem 512MB] [--index-connections 1]
 *
 * Fills schema `khabar_bench_<size>` (what `bench/search.ts --backends postgres --sizes <size>
 * --no-build` measures) with documents 0 … size-1 of bench/search-corpus.ts:
 *
 * - the schema is made by opening the PostgreSQL store (its migrations, its khabar_meta);
 * - `--workers` threads (bench/search-pg-gen-worker.ts) make the documents and their rows with
 *   the store's `articleRows` (the analyzer memoized per sentence, checked against the plain
 *   one every `--check` documents) and `tsvectorLiteral`, as COPY text;
 * - this thread numbers them in order as bench/search-bulk.ts does: a document whose text hash
 *   was seen is an exact duplicate (a `duplicates` row linking it to the first), any other gets
 *   the next rid (and its sections the next sids); near-duplicates are not looked up;
 * - each batch of `--batch` documents is one transaction of `COPY … FROM STDIN` per table;
 * - the secondary indexes are dropped during the load and created after it, the sequences
 *   set, ANALYZE — as bench/search-pg-bulk.ts does (the same khabar_meta key keeps the
 *   dropped indexes, so a load stopped by either script is finished by either); the index
 *   builds run with `--maintenance-work-mem` (a PostgreSQL setting, 512MB by default), on
 *   `--index-connections` connections side by side (each server process builds one index at a time).
 *
 * The same rows as the two-step path: test/store/pg-gen.test.ts, and `bench/search-pg-same.ts`
 * (MD5 of every table's rows) on 2,000 documents (bench/RESULTS.md). `--stop-file PATH` stops
 * after the batch during which PATH appears, leaving a complete, indexed, smaller schema; run
 * again, a load resumes after the documents already in the schema (articles + duplicates).
 * The PostgreSQL server's CPU for the load (this connection's backend, from /proc) is printed
 * beside this process's.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { openStore } from '../src/store/index.ts';
import { antAvailable } from './search-corpus.ts';
import { copyIn } from './search-pg-copy.ts';
import { connectLoader, cpuSince, dropIndexes, finishLoad } from './search-pg-load.ts';
import {
  type Fields,
  GEN_TABLES,
  HOLE,
  type PgGenJob,
  type PgGenReply,
  type PgGenSetup,
} from './search-pg-gen-worker.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-pg-gen.ts', [
  'size',
  'pg',
  'schema',
  'stop-file',
  'workers',
  'batch',
  'check',
  'maintenance-work-mem',
  'index-connections',
]);

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}
const size = Number(arg('size', '1000000'));
const pgUrl = arg('pg', process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test');
const schema = arg('schema', `khabar_bench_${size}`);
const stopFile = arg('stop-file', '');
const workers = Math.max(1, Number(arg('workers', '2')));
const BATCH = Number(arg('batch', '1000'));
const CHECK = Number(arg('check', '1000'));
const maintenanceWorkMem = arg('maintenance-work-mem', '512MB');
const indexConnections = Math.max(1, Number(arg('index-connections', '1')));
/** Tables the load touches (their secondary indexes are dropped meanwhile); the others stay empty. */
const LOADED = [...GEN_TABLES, 'duplicates'];
const EMPTY = ['mentions', 'events', 'event_actors', 'entities', 'entity_keys', 'quarantine'];

if (!antAvailable()) {
  console.log('bench/search-pg-gen: ../shared/data/ant/ant.jsonl is absent; nothing to load.');
  process.exit(0);
}

const t0 = performance.now();
const c0 = process.cpuUsage();
// The schema, by the store's migrations (and its khabar_meta: analyzer version, dedup done).
await (await openStore(pgUrl, { schema })).close();

const { client, q, serverCpu } = await connectLoader(pgUrl, schema, maintenanceWorkMem);
/** CPU seconds of this process so far (every thread). */
const cpuSecs = () => cpuSince(c0);

const cols: PgGenSetup['cols'] = {};
for (const t of LOADED) {
  cols[t] = (
    await q<{ c: string }>(
      'SELECT column_name AS c FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position',
      [schema, t],
    )
  ).map((r) => r.c);
}
for (const t of EMPTY) {
  if ((await q(`SELECT 1 FROM ${t} LIMIT 1`)).length) {
    throw new Error(`bench/search-pg-gen: ${schema}.${t} has rows; this loader fills bench documents only`);
  }
}

// Secondary indexes of the loaded tables: dropped for the load, kept in khabar_meta until created again.
const indexes = await dropIndexes(q, schema, LOADED);

// Resume: every document loaded is an article or a duplicate (each batch commits both).
const byText = new Map<string, string>();
for (const r of await client
  .query({ text: 'SELECT text_hash, id FROM articles ORDER BY rid', rowMode: 'array' })
  .then((x) => x.rows as Array<[string, string]>)) {
  if (!byText.has(r[0])) byText.set(r[0], r[1]);
}
const num = async (sql: string) => Number((await q<{ n: string | null }>(sql))[0]!.n ?? 0);
let rid = await num('SELECT MAX(rid) AS n FROM articles');
let sid = await num('SELECT MAX(sid) AS n FROM sections');
const have =
  (await num('SELECT COUNT(*) AS n FROM articles')) + (await num('SELECT COUNT(*) AS n FROM duplicates'));
console.log(
  `bench/search-pg-gen: documents ${have}–${size - 1} → schema ${schema} ` +
    `(maintenance_work_mem ${(await q<{ m: string }>("SELECT current_setting('maintenance_work_mem') AS m"))[0]!.m})`,
);

const tsxApi = import.meta.resolve('tsx/esm/api');
const workerFile = new URL('./search-pg-gen-worker.ts', import.meta.url).href;
const setup: PgGenSetup = { cols };
const pool = Array.from({ length: workers }, () => {
  // Worker threads do not get tsx's loader from --import: the worker registers it itself.
  const w = new Worker(
    `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(workerFile)}))`,
    { eval: true, workerData: setup },
  );
  const waiting: Array<{ resolve: (r: PgGenReply) => void; reject: (e: unknown) => void }> = [];
  w.on('message', (r: PgGenReply) => waiting.shift()?.resolve(r));
  w.on('error', (err) => {
    for (const p of waiting.splice(0)) p.reject(err);
  });
  return { w, waiting };
});
const batches = Math.max(0, Math.ceil((size - have) / BATCH));
const ask = (j: number): Promise<PgGenReply> => {
  const job: PgGenJob = { from: have + j * BATCH, to: Math.min(size, have + (j + 1) * BATCH), check: CHECK };
  const { w, waiting } = pool[j % pool.length]!;
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    w.postMessage(job);
  });
};

/** A row's COPY line with its holes filled. */
const line = (f: Fields, r: number, s: number, first = '') =>
  `${f.map((x) => (x === HOLE.rid ? r : x === HOLE.sid ? s : x === HOLE.first ? first : x)).join('\t')}\n`;

const ahead = new Map<number, Promise<PgGenReply>>();
for (let j = 0; j < Math.min(batches, 2 * pool.length); j++) ahead.set(j, ask(j));
let stored = 0;
let duplicates = 0;
let docs = have;
try {
  for (let j = 0; j < batches; j++) {
    const reply = await ahead.get(j)!;
    ahead.delete(j);
    if (reply.error) throw new Error(`bench/search-pg-gen: ${reply.error}`);
    if (j + 2 * pool.length < batches) ahead.set(j + 2 * pool.length, ask(j + 2 * pool.length));
    const out: Record<string, string[]> = Object.fromEntries(LOADED.map((t) => [t, []]));
    for (const d of reply.docs!) {
      const first = byText.get(d.textHash);
      if (first) {
        out.duplicates!.push(line(d.duplicate, 0, 0, first));
        duplicates++;
        continue;
      }
      byText.set(d.textHash, d.id);
      rid++;
      stored++;
      for (const [t, rows] of Object.entries(d.rows)) {
        for (const f of rows) out[t]!.push(line(f, rid, t === 'sections' ? ++sid : 0));
      }
    }
    await q('BEGIN');
    for (const t of LOADED) {
      if (out[t]!.length)
        await copyIn(client, `COPY ${t} (${cols[t]!.join(', ')}) FROM STDIN`, out[t]!.join(''));
    }
    await q('COMMIT');
    docs += reply.docs!.length;
    const stop = stopFile !== '' && existsSync(stopFile);
    if (j % 10 === 9 || j === batches - 1 || stop) {
      const secs = (performance.now() - t0) / 1000;
      console.log(
        `  ${docs.toLocaleString('en')}/${size.toLocaleString('en')} documents: ${stored.toLocaleString('en')} articles now, ` +
          `${(stored / secs).toFixed(0)} articles/s, ${secs.toFixed(0)} s; CPU: this process ${cpuSecs().toFixed(0)} s, ` +
          `its PostgreSQL backend ${serverCpu().toFixed(0)} s; load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    if (stop) {
      console.log(`  ${stopFile} exists: stopping after document ${docs - 1}`);
      break;
    }
  }
} finally {
  await Promise.all(pool.map((p) => p.w.terminate()));
}
const loadSecs = (performance.now() - t0) / 1000;

const extra = await Promise.all(
  Array.from({ length: indexConnections - 1 }, () => connectLoader(pgUrl, schema, maintenanceWorkMem)),
);
const { indexSecs, analyzeSecs, bytes, count } = await finishLoad(
  q,
  schema,
  indexes,
  extra.map((l) => l.q),
);
const server = serverCpu() + extra.reduce((sum, l) => sum + l.serverCpu(), 0);
await Promise.all([client, ...extra.map((l) => l.client)].map((c) => c.end()));
const secs = (performance.now() - t0) / 1000;
console.log(
  `loaded schema ${schema}: ${count.toLocaleString('en')} articles (${stored.toLocaleString('en')} now; ` +
    `+${duplicates} exact duplicates linked now) in ${secs.toFixed(0)} s (load ${loadSecs.toFixed(0)} s, indexes ` +
    `${indexSecs.toFixed(0)} s, ANALYZE ${analyzeSecs.toFixed(0)} s); this process ${cpuSecs().toFixed(0)} s CPU ` +
    `(main thread and workers), its PostgreSQL backends ${server.toFixed(0)} s CPU; ${(bytes / 2 ** 20).toFixed(0)} MB; ` +
    `load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
);
