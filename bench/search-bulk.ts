/**
 * Bulk build of a large benchmark archive (SQLite) — 1,000,000 articles in minutes, not hours.
 *
 *   node --import tsx bench/search-bulk.ts [--size 1000000] [--dir /tmp/search1m]
 *        [--workers 2] [--batch 2000] [--commit 20000] [--check 500] [--hash 67108864] [--force]
 *        [--no-optimize] [--optimize-only]
 *
 * SIGTERM/SIGINT are meant to stop it after the current batch with a complete (smaller)
 * archive, but under `node --import tsx` the handler did not run (29 Nov): a killed build
 * leaves an archive without its secondary indexes. Build the size wanted with --size.
 *
 * Writes `<dir>/search-<size>.db`, the file bench/search.ts reads (`--dir <dir> --sizes <size>
 * --no-build`). The documents are those of bench/search-corpus.ts (`corpusDoc`: the 10,161
 * ANT articles, then articles recombined from ANT sentences with new ids, dates spread over
 * 2012–2025 and the outlets of ANT); the rows are the store's own (`articleRows`, with the
 * analyzer memoized per sentence in the workers, checked against the plain one every
 * `--check` documents: bench/search-bulk-worker.ts). What differs from `putMany`:
 *
 * - the schema is made by opening the store (the same migrations), then this script writes
 *   the same tables with plain INSERTs in transactions of `--commit` articles (WAL,
 *   synchronous off), FTS5's `hashsize` raised to `--hash` bytes during the load (fewer, larger
 *   segments to merge; set back to the default 1 MiB after), and the secondary indexes (articles, sections, facets, dedup_bands) dropped during the
 *   load and created again after it with their own CREATE statements; the full-text tables
 *   get the same rows;
 * - at the end, FTS5's `optimize` merges each full-text index into one segment (the 1M load
 *   left 11); `--no-optimize` skips it, `--optimize-only` runs only it on an existing archive;
 * - exact duplicates are found in memory (text hash) and linked in `duplicates` as `put` does;
 *   **near-duplicates are not looked up** (search does not read the links; their rows —
 *   `dedup_sigs`, `dedup_bands` — are written as `put` writes them);
 * - bench documents have no analysis (no mentions, events, entities): a document with any
 *   stops the build rather than being stored without them.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { openStore } from '../src/store/index.ts';
import { articleValues } from '../src/store/sql-store.ts';
import type { ArticleRows } from '../src/store/rows.ts';
import { antAvailable } from './search-corpus.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs(
  'bench/search-bulk.ts',
  ['batch', 'check', 'commit', 'dir', 'hash', 'progress', 'size', 'workers'],
  ['force', 'no-optimize', 'optimize-only'],
);

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}
const size = Number(arg('size', '1000000'));
const dir = arg('dir', '/tmp/search1m');
const workers = Math.max(1, Number(arg('workers', '2')));
const BATCH = Number(arg('batch', '2000'));
const COMMIT = Number(arg('commit', '20000'));
const CHECK = Number(arg('check', '500'));
const PROGRESS = Number(arg('progress', '50000'));
/** FTS5 `hashsize` during the load (bytes of pending terms before a segment is written). */
const HASH = Number(arg('hash', String(64 * 2 ** 20)));
const file = join(dir, `search-${size}.db`);
/** FTS5 `optimize` at the end (merge each full-text index into one segment); --no-optimize skips it. */
const OPTIMIZE = !process.argv.includes('--no-optimize');

/** FTS5's `optimize` on both full-text tables: one b-tree segment each (fewer seeks per term). */
function optimize(db: Database.Database): number {
  const t = performance.now();
  for (const t of ['articles_fts', 'sections_fts']) db.exec(`INSERT INTO ${t}(${t}) VALUES ('optimize')`);
  return (performance.now() - t) / 1000;
}

if (process.argv.includes('--optimize-only')) {
  // An archive built before (e.g. with --no-optimize): only the optimize step.
  const db = new Database(file, { fileMustExist: true });
  const c = process.cpuUsage();
  const secs = optimize(db);
  db.close();
  const cpu = process.cpuUsage(c);
  console.log(
    `optimized ${file} in ${secs.toFixed(0)} s, ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU; ` +
      `${(statSync(file).size / 2 ** 20).toFixed(0)} MB; load average ${loadavg()[0]!.toFixed(1)}`,
  );
  process.exit(0);
}

if (!antAvailable()) {
  console.log('bench/search-bulk: ../shared/data/ant/ant.jsonl is absent; nothing to build.');
  process.exit(0);
}
if (existsSync(file)) {
  if (!process.argv.includes('--force')) {
    console.error(`bench/search-bulk: ${file} exists; --force rebuilds it from scratch.`);
    process.exit(1);
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
}

const t0 = performance.now();
const c0 = process.cpuUsage();
// The schema, by the store's migrations (and its khabar_meta: analyzer version, dedup done).
await (await openStore(file)).close();

const db = new Database(file);
db.pragma('synchronous = OFF');
db.pragma('cache_size = -400000');
db.pragma('temp_store = MEMORY');
const indexes = db
  .prepare(
    `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
     AND tbl_name IN ('articles', 'sections', 'facets', 'dedup_bands')`,
  )
  .all() as Array<{ name: string; sql: string }>;
for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`);
// Larger in-memory term buffers for the load: fewer, larger level-0 segments to merge. Set
// back to FTS5's default after the load.
for (const t of ['articles_fts', 'sections_fts'])
  db.prepare(`INSERT INTO ${t}(${t}, rank) VALUES ('hashsize', ${Math.floor(HASH)})`).run();

const st = {
  article: db.prepare(
    `INSERT INTO articles (rid, outlet, url, title, published, day, sort_key, language, lead, text_hash,
     content_hash, doc, ingested_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  duplicate: db.prepare(
    `INSERT INTO duplicates (id, duplicate_of, kind, outlet, url, title, published, at)
     VALUES (?, ?, 'exact', ?, ?, ?, ?, ?)`,
  ),
  sig: db.prepare('INSERT INTO dedup_sigs (rid, minhash) VALUES (?, ?)'),
  band: db.prepare('INSERT INTO dedup_bands (key, rid) VALUES (?, ?) ON CONFLICT DO NOTHING'),
  section: db.prepare(
    `INSERT INTO sections (sid, rid, ord, kind, label, speaker, text, start_off, end_off)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ),
  facet: db.prepare('INSERT INTO facets (rid, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING'),
  fts: db.prepare(
    'INSERT INTO articles_fts(rowid, forms, bare, stems, latin, meta) VALUES (?, ?, ?, ?, ?, ?)',
  ),
  sectionFts: db.prepare('INSERT INTO sections_fts(rowid, forms, bare, stems, latin) VALUES (?, ?, ?, ?, ?)'),
};

let rid = 0;
let sid = 0;
let duplicates = 0;
/** Text hash → id of the first article stored with it. */
const byText = new Map<string, string>();

function write(r: ArticleRows): void {
  if (r.mentions.length || r.events.length || r.entities.length) {
    throw new Error(`bench/search-bulk: document ${r.id} has analysis rows; this loader writes none`);
  }
  const first = byText.get(r.textHash);
  if (first) {
    st.duplicate.run(r.id, first, r.outlet, r.url, r.title, r.published, r.ingestedAt);
    duplicates++;
    return;
  }
  byText.set(r.textHash, r.id);
  rid++;
  st.article.run(rid, ...articleValues(r), r.id);
  st.sig.run(rid, r.dedup.minhash);
  for (const k of r.dedup.bands) st.band.run(k, rid);
  for (const s of r.sections) {
    sid++;
    st.section.run(sid, rid, s.ord, s.kind, s.label, s.speaker, s.text, s.start, s.end);
    st.sectionFts.run(sid, s.index.forms, s.index.bare, s.index.stems, s.index.latin);
  }
  for (const f of r.facets) st.facet.run(rid, f.kind, f.value);
  st.fts.run(rid, r.index.forms, r.index.bare, r.index.stems, r.index.latin, r.index.meta ?? '');
}

const tsxApi = import.meta.resolve('tsx/esm/api');
const workerFile = new URL('./search-bulk-worker.ts', import.meta.url).href;
type Reply = { rows?: ArticleRows[]; error?: string };
const pool = Array.from({ length: workers }, () => {
  // Worker threads do not get tsx's loader from --import: the worker registers it itself.
  const w = new Worker(
    `import(${JSON.stringify(tsxApi)}).then((m) => m.tsImport(${JSON.stringify(workerFile)}, ${JSON.stringify(workerFile)}))`,
    { eval: true },
  );
  const waiting: Array<{ resolve: (r: Reply) => void; reject: (e: unknown) => void }> = [];
  w.on('message', (r: Reply) => waiting.shift()?.resolve(r));
  w.on('error', (err) => {
    for (const p of waiting.splice(0)) p.reject(err);
  });
  return { w, waiting };
});
const ask = (j: number): Promise<Reply> => {
  const from = j * BATCH;
  const { w, waiting } = pool[j % pool.length]!;
  return new Promise((resolve, reject) => {
    waiting.push({ resolve, reject });
    w.postMessage({ from, to: Math.min(size, from + BATCH), check: CHECK });
  });
};

const batches = Math.ceil(size / BATCH);
/** SIGTERM/SIGINT: stop after the current batch, commit, create the indexes: a smaller archive. */
let stop = false;
for (const sig of ['SIGTERM', 'SIGINT'] as const) process.on(sig, () => (stop = true));
const ahead = new Map<number, Promise<Reply>>();
for (let j = 0; j < Math.min(batches, 2 * pool.length); j++) ahead.set(j, ask(j));
let writeCpu = 0;
try {
  db.exec('BEGIN');
  let inTx = 0;
  for (let j = 0; j < batches && !stop; j++) {
    const reply = await ahead.get(j)!;
    ahead.delete(j);
    if (reply.error) throw new Error(`bench/search-bulk: ${reply.error}`);
    if (j + 2 * pool.length < batches) ahead.set(j + 2 * pool.length, ask(j + 2 * pool.length));
    const c = process.cpuUsage();
    for (const r of reply.rows!) write(r);
    inTx += reply.rows!.length;
    if (inTx >= COMMIT) {
      db.exec('COMMIT');
      db.exec('BEGIN');
      inTx = 0;
    }
    const d = process.cpuUsage(c);
    writeCpu += (d.user + d.system) / 1000;
    const done = Math.min(size, (j + 1) * BATCH);
    if (done % PROGRESS === 0 || j === batches - 1 || stop) {
      const secs = (performance.now() - t0) / 1000;
      console.log(
        `  ${done.toLocaleString('en')}/${size.toLocaleString('en')}: ${(done / secs).toFixed(0)} articles/s, ` +
          `writes ${(writeCpu / done).toFixed(2)} ms CPU/article, ${secs.toFixed(0)} s, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
  }
  db.exec('COMMIT');
} finally {
  await Promise.all(pool.map((p) => p.w.terminate()));
}
const loaded = (performance.now() - t0) / 1000;
// FTS5's default again (1 MiB; the config row stays, with the default value).
for (const t of ['articles_fts', 'sections_fts'])
  db.exec(`INSERT INTO ${t}(${t}, rank) VALUES ('hashsize', 1048576)`);
for (const ix of indexes) db.exec(ix.sql);
const indexed = (performance.now() - t0) / 1000;
const optimized = OPTIMIZE ? optimize(db) : 0;
db.pragma('journal_mode = WAL');
db.close();
const secs = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(c0);
console.log(
  `built ${file}: ${rid.toLocaleString('en')} articles (+${duplicates} exact duplicates linked) in ${secs.toFixed(0)} s ` +
    `(load ${loaded.toFixed(0)} s, indexes ${(indexed - loaded).toFixed(0)} s, optimize ${optimized.toFixed(0)} s); main thread ${((cpu.user + cpu.system) / 1e6).toFixed(0)} s CPU; ` +
    `${(statSync(file).size / 2 ** 20).toFixed(0)} MB; load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
);
