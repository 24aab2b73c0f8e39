/**
 * The store's share of ingest, alone: the first N ANT articles (default 3,000) are processed
 * once (brief + analysis), then written into fresh SQLite archives `--reps` times (default 3)
 * under a group commit as `khabar ingest` does. Two CPU figures per rep:
 *
 * - rows: `articleRows` (search analyzer, hashes, document JSON, near-duplicate rows),
 *   first rep on cold analyzer caches as in a fresh ingest;
 * - sql:  the writes of those rows (`putRows` in the group's transactions, COMMITs included).
 *
 *   node --import tsx bench/ingest-store.ts [--corpus PATH] [--n 3000] [--reps 3] [--group N] [--statements] [--json]
 *
 * `--group N`: commit every N puts (no time bound) instead of the store's default group. The
 * default (1,000 puts or 1 s of CPU) writes groups of ~500 here, where the SQL is all the work;
 * in a full ingest 1 s of CPU holds only ~40–100 articles (the analysis takes most of it), and
 * each commit has a cost of its own (the WAL pages, one full-text segment): `--group 60` is
 * closer to what `khabar ingest` writes.
 * `--statements`: also counts the SQL statements by text and the process CPU spent inside each
 * (better-sqlite3's run/get/all/exec wrapped; `process.cpuUsage` around each call adds ~3 µs).
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
import { checkArgs, option } from '../scripts/args.ts';

checkArgs('bench/ingest-store.ts', ['corpus', 'n', 'reps', 'group'], ['statements', 'json']);

const args = process.argv.slice(2);
const corpus = option('corpus') ?? new URL('../../shared/data/ant/ant.jsonl', import.meta.url).pathname;
if (!existsSync(corpus)) {
  console.log(`skip: ${corpus} is absent (the ANT corpus lives in ../shared/data/ant/; pass --corpus PATH)`);
  process.exit(0);
}
const n = Number(option('n') ?? 3000);
const reps = Number(option('reps') ?? 3);
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

/** SQL text → calls and CPU ms inside them (`--statements`), summed over every rep. */
const statements = new Map<string, { n: number; ms: number }>();
if (args.includes('--statements')) {
  const { default: Database } = await import('better-sqlite3');
  const probe = new Database(':memory:');
  const count = (key: string, t: number) => {
    const s = statements.get(key) ?? { n: 0, ms: 0 };
    s.n++;
    s.ms += cpuMs() - t;
    statements.set(key, s);
  };
  const stmtProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  for (const m of ['run', 'get', 'all'] as const) {
    const orig = stmtProto[m] as (...a: unknown[]) => unknown;
    stmtProto[m] = function (this: { source: string }, ...a: unknown[]) {
      const t = cpuMs();
      try {
        return orig.apply(this, a);
      } finally {
        count(`${m} ${this.source.replace(/\s+/gu, ' ').slice(0, 100)}`, t);
      }
    };
  }
  const dbProto = Object.getPrototypeOf(probe) as Record<string, unknown>;
  const exec = dbProto.exec as (sql: string) => unknown;
  dbProto.exec = function (this: unknown, sql: string) {
    const t = cpuMs();
    try {
      return exec.call(this, sql);
    } finally {
      count(`exec ${sql.slice(0, 40)}`, t);
    }
  };
  probe.close();
}
const group = option('group') ? Number(option('group')) : undefined;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const runs: Array<{ rowsMs: number; sqlMs: number; dbKb: number; load: number }> = [];
for (let rep = 0; rep < reps; rep++) {
  const tmp = mkdtempSync(join(tmpdir(), 'khabar-bench-store-'));
  const path = join(tmp, 'archive.db');
  const store = (await openStore(path)) as unknown as SqlStore;
  statements.clear(); // the last rep's statements only (the same writes each rep)
  let t = cpuMs();
  const rows: ArticleRows[] = docs.map((d) => articleRows(d));
  const rowsMs = cpuMs() - t;
  t = cpuMs();
  const end = store.groupCommits(group ? { tx: group, ms: 1e9 } : undefined);
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
  ...(group ? { group } : {}),
  ...(statements.size
    ? {
        statementsPerArticle:
          Math.round(([...statements.values()].reduce((a, s) => a + s.n, 0) / docs.length) * 10) / 10,
        statements: [...statements]
          .sort((a, b) => b[1].ms - a[1].ms)
          .slice(0, 25)
          .map(([sql, s]) => ({
            sql,
            perArticle: Math.round((s.n / docs.length) * 100) / 100,
            msPerArticle: Math.round((s.ms / docs.length) * 1000) / 1000,
          })),
      }
    : {}),
};
console.log(JSON.stringify(result, null, args.includes('--json') ? 0 : 1));
