/**
 * PostgreSQL restarted while two workers ingest: `pg_ctlcluster 15 main restart` once a
 * share of the articles is stored; the workers must reconnect on their own and, at the
 * end, every article is stored exactly once. Needs root (or the postgres user) and a local
 * cluster. Prints the figures and exits 1 on loss or duplication.
 *
 *   node --import tsx scripts/reliability/pg-restart.ts [--articles 80] [--cluster "15 main"]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropSchemas, freshName, sql, storeUrl } from '../../test/pg.ts';
import { syntheticJsonl } from './corpus.ts';
import { khabar, logLines, sleep } from './proc.ts';

const args = process.argv.slice(2);
const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const N = Number(opt('--articles') ?? 80);
const cluster = (opt('--cluster') ?? '15 main').split(' ');

const store = freshName('kj_pgr');
const queue = freshName('kj_pgrq');
const db = storeUrl(store);
const env = {
  KHABAR_QUEUE_SCHEMA: queue,
  KHABAR_JOB_TIMEOUT: '10',
  KHABAR_QUEUE_MAINTENANCE: '2',
  KHABAR_JOB_RETRY_DELAY: '1',
};
const tmp = mkdtempSync(join(tmpdir(), 'khabar-pgr-'));
const file = join(tmp, 'a.jsonl');
writeFileSync(file, syntheticJsonl(N, 11));

const count = async () => {
  try {
    return Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${store}.articles`))[0]!.n);
  } catch {
    return -1;
  }
};

const enq = khabar(['ingest', '--queue', '--quiet', '--json', '--db', db, file], env);
const e = await enq.exited;
if (e.code !== 0) throw new Error(`enqueue failed: ${enq.err()}`);
const t0 = performance.now();
const workers = [1, 2].map(() => khabar(['worker', '--db', db, '--concurrency', '2'], env));
while ((await count()) < N / 4) await sleep(200);
const before = await count();
const r0 = performance.now();
execFileSync('pg_ctlcluster', [...cluster, 'restart'], { stdio: 'inherit' });
const restartMs = performance.now() - r0;
console.log(
  `restarted PostgreSQL with ${before} of ${N} stored (restart took ${(restartMs / 1000).toFixed(1)} s)`,
);
const deadline = Date.now() + 300_000;
let stored = 0;
while (Date.now() < deadline) {
  stored = await count();
  const pending = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM ${queue}.job WHERE name = 'khabar-ingest' AND state IN ('created','retry','active')`,
  ).catch(() => [{ n: '1' }]);
  if (stored === N && Number(pending[0]!.n) === 0) break;
  await sleep(500);
}
const totalMs = performance.now() - t0;
const alive = workers.map((w) => w.child.exitCode === null && w.child.signalCode === null);

for (const w of workers) w.child.kill('SIGTERM');
await Promise.all(workers.map((w) => w.exited));
const ids = (await sql<{ id: string }>(`SELECT id FROM ${store}.articles`)).map((r) => r.id);
const dup = Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${store}.duplicates`))[0]!.n);
const warns = workers.flatMap((w) => logLines(w.err())).filter((l) => l.level === 'warn');
const byMsg = new Map<string, number>();
for (const w of warns) byMsg.set(String(w.msg), (byMsg.get(String(w.msg)) ?? 0) + 1);
workers.forEach((w, i) => {
  if (!alive[i])
    console.log(`worker ${i + 1} died; last stderr:\n${w.err().split('\n').slice(-15).join('\n')}`);
});
const ok = ids.length === N && new Set(ids).size === N && dup === 0 && alive.every(Boolean);
console.log(
  JSON.stringify({
    articles: N,
    storedBeforeRestart: before,
    restartSeconds: +(restartMs / 1000).toFixed(1),
    stored: ids.length,
    distinct: new Set(ids).size,
    duplicatesRecorded: dup,
    workersAliveAfterRestart: alive,
    totalSeconds: +(totalMs / 1000).toFixed(1),
    workerWarnings: Object.fromEntries(byMsg),
    ok,
  }),
);
await dropSchemas([store, queue]);
rmSync(tmp, { recursive: true, force: true });
process.exit(ok ? 0 : 1);
