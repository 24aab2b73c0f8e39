/**
 * A worker killed with SIGKILL in the middle of a batch, then a fresh worker: every
 * article is in the archive exactly once. Real processes (`khabar ingest --queue`,
 * `khabar worker`) against PostgreSQL in fresh schemas; skips when PostgreSQL is
 * unreachable, except under CI.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { syntheticJsonl } from '../../scripts/reliability/corpus.ts';
import { dropSchemas, freshName, pgSkipReason, sql, storeUrl } from '../pg.ts';

const why = await pgSkipReason('the worker kill test');

const root = new URL('../../', import.meta.url).pathname;
const schemas: string[] = [];
const tmp = mkdtempSync(join(tmpdir(), 'khabar-kill-'));
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  if (!why) await dropSchemas(schemas);
});

function khabar(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(root, 'bin/khabar.js'), ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function exited(
  p: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; err: string }> {
  let err = '';
  p.stderr?.on('data', (d) => {
    err += d;
  });
  p.stdout?.resume();
  return new Promise((resolve) => p.on('exit', (code, signal) => resolve({ code, signal, err })));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('kill -9 mid-batch, restart: every article stored exactly once', {
  skip: why ?? false,
  timeout: 240_000,
}, async () => {
  const N = 30;
  const store = freshName('kj_kill');
  const queue = freshName('kj_killq');
  schemas.push(store, queue);
  const db = storeUrl(store);
  const env = {
    KHABAR_QUEUE_SCHEMA: queue,
    KHABAR_JOB_TIMEOUT: '4',
    KHABAR_QUEUE_MAINTENANCE: '1',
    KHABAR_JOB_RETRY_DELAY: '1',
    KHABAR_LOG_LEVEL: 'info',
  };
  const file = join(tmp, 'articles.jsonl');
  writeFileSync(file, syntheticJsonl(N, 7));

  const enq = await exited(khabar(['ingest', '--queue', '--json', '--quiet', '--db', db, file], env));
  assert.equal(enq.code, 0, enq.err);

  const count = async (t: string) =>
    Number((await sql<{ n: string }>(`SELECT count(*) AS n FROM ${t}`))[0]!.n);

  // First worker: killed once some articles are stored but not all.
  const w1 = khabar(['worker', '--db', db, '--concurrency', '2'], env);
  const w1exit = exited(w1);
  const deadline = Date.now() + 120_000;
  let stored = 0;
  while (Date.now() < deadline) {
    stored = await count(`${store}.articles`).catch(() => 0);
    if (stored >= 5) break;
    await sleep(100);
  }
  assert.ok(stored >= 5 && stored < N, `killed mid-batch (stored ${stored} of ${N})`);
  w1.kill('SIGKILL');
  const r1 = await w1exit;
  assert.equal(r1.signal, 'SIGKILL');
  const active = await count(`${queue}.job WHERE state = 'active'`);
  assert.ok(active >= 1, 'the killed worker held jobs in flight');

  // Second worker drains the queue, including the jobs the dead one held (after they expire).
  const r2 = await exited(khabar(['worker', '--db', db, '--concurrency', '2', '--drain', '--json'], env));
  assert.equal(r2.code, 0, r2.err);

  const ids = (await sql<{ id: string }>(`SELECT id FROM ${store}.articles`)).map((r) => r.id);
  assert.equal(ids.length, N, `every article stored (the dead worker held ${active} jobs)`);
  assert.equal(new Set(ids).size, N, 'no article stored twice');
  assert.equal(await count(`${store}.duplicates`), 0, 'no article recorded as a duplicate of itself');
  const perArticle = await sql<{ n: string }>(
    `SELECT count(*) AS n FROM ${store}.sections GROUP BY rid HAVING count(*) <> count(DISTINCT ord)`,
  );
  assert.equal(perArticle.length, 0, 'no section written twice');
  assert.equal(await count(`${queue}.job WHERE name = 'khabar-ingest' AND state <> 'completed'`), 0);
});
