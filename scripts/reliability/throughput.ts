/**
 * Queue throughput with 1 and 2 worker processes on this machine: N synthetic articles
 * enqueued, W workers started with --drain, articles/s from the first worker start to the
 * last exit, the workers' CPU time (process.cpuUsage, so a loaded machine shows as wall
 * time, not as CPU), the load average around the run, and the share of worker time in each
 * stage (from the workers' --json summaries). Fresh PostgreSQL schemas per run
 * (KHABAR_TEST_PG).
 *
 *   node --import tsx scripts/reliability/throughput.ts [--articles 1000] [--workers 1,2]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshName, sql, storeUrl } from '../../test/pg.ts';
import { syntheticJsonl } from './corpus.ts';
import { khabar } from './proc.ts';

const args = process.argv.slice(2);
const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const N = Number(opt('--articles') ?? 1000);
const counts = (opt('--workers') ?? '1,2').split(',').map(Number);
const tmp = mkdtempSync(join(tmpdir(), 'khabar-tp-'));
const file = join(tmp, 'a.jsonl');
writeFileSync(file, syntheticJsonl(N, 21));

const rows = [];
for (const W of counts) {
  const store = freshName('kj_tp');
  const queue = freshName('kj_tpq');
  const db = storeUrl(store);
  const env = { KHABAR_QUEUE_SCHEMA: queue };
  const enq = khabar(['ingest', '--queue', '--quiet', '--json', '--db', db, file], env);
  if ((await enq.exited).code !== 0) throw new Error(enq.err());
  const load0 = loadavg()[0]!;
  const t0 = performance.now();
  const ws = Array.from({ length: W }, () =>
    khabar(['worker', '--db', db, '--concurrency', '1', '--drain', '--json'], env),
  );
  await Promise.all(ws.map((w) => w.exited));
  const wallMs = performance.now() - t0;
  const load1 = loadavg()[0]!;
  const bad = ws.find((w) => w.out().trim() === '');
  if (bad) throw new Error(`a worker printed no summary: ${bad.err().slice(-500)}`);
  const summaries = ws.map((w) => JSON.parse(w.out().trim().split('\n').pop() ?? '{}'));
  const stageMs: Record<string, number> = {};
  for (const s of summaries)
    for (const [k, v] of Object.entries(s.stageMs as Record<string, number>))
      stageMs[k] = (stageMs[k] ?? 0) + v;
  const busy = Object.values(stageMs).reduce((a, b) => a + b, 0);
  const stageCpuMs: Record<string, number> = {};
  for (const s of summaries)
    for (const [k, v] of Object.entries(s.stageCpuMs as Record<string, number>))
      stageCpuMs[k] = (stageCpuMs[k] ?? 0) + v;
  const workMs = Math.max(...summaries.map((s) => s.elapsedMs as number));
  const stored = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${store}.articles`))[0]!.n);
  const cpuMs = summaries.reduce((a, s) => a + (s.cpuMs as number), 0);
  const results = summaries.reduce(
    (acc, s) => {
      for (const [k, v] of Object.entries(s.results as Record<string, number>)) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    },
    {} as Record<string, number>,
  );
  const row = {
    workers: W,
    articles: N,
    stored,
    results,
    perWorker: summaries.map((s) => s.done),
    workerCpuSeconds: +(cpuMs / 1000).toFixed(1),
    workerCpuMsPerArticle: +(cpuMs / N).toFixed(1),
    loadAverage: [+load0.toFixed(1), +load1.toFixed(1)],
    wallSeconds: +(wallMs / 1000).toFixed(1),
    articlesPerSecondWall: +(N / (wallMs / 1000)).toFixed(2),
    articlesPerSecondWorking: +(N / (workMs / 1000)).toFixed(2),
    stageShare: Object.fromEntries(
      Object.entries(stageMs).map(([k, v]) => [k, +((100 * v) / busy).toFixed(1)]),
    ),
    /** Worker CPU milliseconds an article, by stage. */
    stageCpuMsPerArticle: Object.fromEntries(
      Object.entries(stageCpuMs).map(([k, v]) => [k, +(v / N).toFixed(2)]),
    ),
  };
  rows.push(row);
  console.log(
    `${W} worker(s): ${N} articles in ${row.wallSeconds} s wall (${row.articlesPerSecondWall}/s; ${row.articlesPerSecondWorking}/s after start-up), per worker ${row.perWorker.join('+')}, worker CPU ${row.workerCpuSeconds} s (${row.workerCpuMsPerArticle} ms/article), load ${row.loadAverage.join(' → ')}, results ${JSON.stringify(results)}, stages % ${JSON.stringify(row.stageShare)}, worker CPU ms/article by stage ${JSON.stringify(row.stageCpuMsPerArticle)}`,
  );
  await dropSchemas([store, queue]);
}
console.log(JSON.stringify(rows));
rmSync(tmp, { recursive: true, force: true });
