/**
 * Queue throughput with 1 and 2 worker processes on this machine: N synthetic articles
 * enqueued, W workers started with --drain, articles/s from the first worker start to the
 * last exit, and the share of worker time in each stage (from the workers' --json
 * summaries). Fresh PostgreSQL schemas per run (KHABAR_TEST_PG).
 *
 *   node --import tsx scripts/reliability/throughput.ts [--articles 200] [--workers 1,2]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshName, sql, storeUrl } from '../../test/jobs/pg.ts';
import { syntheticJsonl } from './corpus.ts';
import { khabar } from './proc.ts';

const args = process.argv.slice(2);
const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const N = Number(opt('--articles') ?? 200);
const counts = (opt('--workers') ?? '1,2').split(',').map(Number);
const tmp = mkdtempSync(join(tmpdir(), 'khabar-tp-'));
const file = join(tmp, 'a.jsonl');
writeFileSync(file, syntheticJsonl(N, 21));

const results = [];
for (const W of counts) {
  const store = freshName('kj_tp');
  const queue = freshName('kj_tpq');
  const db = storeUrl(store);
  const env = { KHABAR_QUEUE_SCHEMA: queue };
  const enq = khabar(['ingest', '--queue', '--quiet', '--json', '--db', db, file], env);
  if ((await enq.exited).code !== 0) throw new Error(enq.err());
  const t0 = performance.now();
  const ws = Array.from({ length: W }, () =>
    khabar(['worker', '--db', db, '--concurrency', '1', '--drain', '--json'], env),
  );
  await Promise.all(ws.map((w) => w.exited));
  const wallMs = performance.now() - t0;
  const summaries = ws.map((w) => JSON.parse(w.out().trim().split('\n').pop() ?? '{}'));
  const stageMs: Record<string, number> = {};
  for (const s of summaries)
    for (const [k, v] of Object.entries(s.stageMs as Record<string, number>))
      stageMs[k] = (stageMs[k] ?? 0) + v;
  const busy = Object.values(stageMs).reduce((a, b) => a + b, 0);
  const workMs = Math.max(...summaries.map((s) => s.elapsedMs as number));
  const stored = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${store}.articles`))[0]!.n);
  const row = {
    workers: W,
    articles: N,
    stored,
    perWorker: summaries.map((s) => s.done),
    wallSeconds: +(wallMs / 1000).toFixed(1),
    articlesPerSecondWall: +(N / (wallMs / 1000)).toFixed(2),
    articlesPerSecondWorking: +(N / (workMs / 1000)).toFixed(2),
    stageShare: Object.fromEntries(
      Object.entries(stageMs).map(([k, v]) => [k, +((100 * v) / busy).toFixed(1)]),
    ),
  };
  results.push(row);
  console.log(
    `${W} worker(s): ${N} articles in ${row.wallSeconds} s wall (${row.articlesPerSecondWall}/s; ${row.articlesPerSecondWorking}/s after start-up), per worker ${row.perWorker.join('+')}, stages % ${JSON.stringify(row.stageShare)}`,
  );
  await dropSchemas([store, queue]);
}
console.log(JSON.stringify(results));
rmSync(tmp, { recursive: true, force: true });
