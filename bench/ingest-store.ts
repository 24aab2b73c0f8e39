/**
 * The store's share of ingest, alone: the first N ANT articles (default 3,000) are processed
 * once (brief + analysis), then written into fresh SQLite archives `--reps` times (default 3)
 * under a group commit as `khabar ingest` does. Two CPU figures per rep:
 *
 * - rows: `articleRows` (search analyzer, hashes, document JSON, near-duplicate rows),
 *   first rep on cold analyzer caches as in a fresh ingest;
 * - sql:  the writes of those rows (`putRows` in the group's transactions, COMMITs included).
 *
 *   node --import tsx bench/ingest-store.ts [--corpus PATH] [--n 3000] [--reps 3] [--json]
 *
 * CPU time (process.cpuUsage) of this process, so the neighbours on a shared machine
 * matter less than for wall time; medians over the reps are printed with each rep.
 */
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { jsonlSource } from '../src/ingest/sources/jsonl.ts';
import { processArticle } from '../src/jobs/pipeline.ts';
import type { ProcessedArticle } from '../src/model.ts';
import { openStore } from '../src/store/index.ts';
import { type ArticleRows, articleRows } from '../src/store/rows.ts';
import type { SqlStore } from '../src/store/sql-store.ts';

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = opt('corpus') ?? new URL('../../shared/data/ant/ant.jsonl', import.meta.url).pathname;
if (!existsSync(corpus)) {
  console.log(`skip: ${corpus} is absent (the ANT corpus lives in ../shared/data/ant/; pass --corpus PATH)`);
  process.exit(0);
}
const n = Number(opt('n') ?? 3000);
const reps = Number(opt('reps') ?? 3);
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

const docs: ProcessedArticle[] = [];
for await (const it of jsonlSource({ stream: createReadStream(corpus), name: corpus })) {
  if (it.kind !== 'article') continue;
  docs.push(processArticle(it.article));
  if (docs.length >= n) break;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: Array<{ rowsMs: number; sqlMs: number; dbKb: number; load: number }> = [];
for (let rep = 0; rep < reps; rep++) {
  const tmp = mkdtempSync(join(tmpdir(), 'khabar-bench-store-'));
  const path = join(tmp, 'archive.db');
  const store = (await openStore(path)) as unknown as SqlStore;
  let t = cpuMs();
  const rows: ArticleRows[] = docs.map((d) => articleRows(d));
  const rowsMs = cpuMs() - t;
  t = cpuMs();
  const end = store.groupCommits();
  for (const r of rows) await store.putArticleRows(r);
  await end();
  const sqlMs = cpuMs() - t;
  await store.close();
  const size = (p: string) => (existsSync(p) ? statSync(p).size : 0);
  runs.push({
    rowsMs,
    sqlMs,
    dbKb: Math.round((size(path) + size(`${path}-wal`)) / 1024),
    load: loadavg()[0]!,
  });
  rmSync(tmp, { recursive: true, force: true });
}
const per = (ms: number) => Math.round((ms / docs.length) * 1000) / 1000;
const result = {
  articles: docs.length,
  rowsMsPerArticle: runs.map((r) => per(r.rowsMs)),
  sqlMsPerArticle: runs.map((r) => per(r.sqlMs)),
  medianRowsMs: per(median(runs.map((r) => r.rowsMs))),
  medianSqlMs: per(median(runs.map((r) => r.sqlMs))),
  archiveKbPerArticle: Math.round((runs[0]!.dbKb / docs.length) * 10) / 10,
  load: runs.map((r) => Math.round(r.load * 10) / 10),
};
console.log(JSON.stringify(result, null, args.includes('--json') ? 0 : 1));
