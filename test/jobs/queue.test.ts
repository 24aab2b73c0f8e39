/**
 * The queue in-process against PostgreSQL: idempotent enqueue, at-least-once delivery that
 * stores nothing twice, retries then the dead-letter list. Skips when PostgreSQL is
 * unreachable, except under CI.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DEAD_QUEUE, INGEST_QUEUE, IngestQueue, queueStatus } from '../../src/jobs/queue.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { warmDedup } from '../../src/jobs/runner.ts';
import { runWorker } from '../../src/jobs/worker.ts';
import type { Article } from '../../src/model.ts';
import { createLogger } from '../../src/ops/log.ts';
import { openStore } from '../../src/store/index.ts';
import type { PutResult } from '../../src/store/store.ts';
import { syntheticArticle } from '../../scripts/reliability/corpus.ts';
import { dropSchemas, freshName, pgSkipReason, sql, storeUrl } from '../pg.ts';

const why = await pgSkipReason('the queue test');
const schemas: string[] = [];
after(async () => {
  if (!why) await dropSchemas(schemas);
});

const quiet = createLogger({ level: 'error' });

function article(i: number): Article {
  const a = syntheticArticle(i, 3);
  return {
    id: a.id,
    text: a.text,
    title: a.title,
    language: 'ar',
    provenance: { source: `test:${i}`, format: 'jsonl', ingestedAt: '2025-01-01T00:00:00Z' },
  } as unknown as Article;
}

test('enqueue is idempotent; a redelivered article is not stored twice; a bad job is dead-lettered', {
  skip: why ?? false,
  timeout: 120_000,
}, async () => {
  const storeSchema = freshName('kj_q');
  const queueSchema = freshName('kj_qq');
  schemas.push(storeSchema, queueSchema);
  const url = storeUrl(storeSchema);
  const env = { KHABAR_QUEUE_SCHEMA: queueSchema };
  const store = await openStore(url);
  const queue = await IngestQueue.open({
    url,
    env,
    supervise: true,
    settings: { retryLimit: 1, retryDelaySeconds: 1, maintenanceSeconds: 1 },
  });
  try {
    const a = article(1);
    assert.equal(await queue.enqueue(a), true);
    assert.equal(await queue.enqueue(a), false, 'same article id while waiting: no second job');
    await queue.boss.send(
      INGEST_QUEUE,
      { article: { id: 'broken' } },
      { retryLimit: 1, retryDelay: 1, deadLetter: DEAD_QUEUE },
    );
    const ctl = new AbortController();
    const first = await runWorker({ store, queue, log: quiet, signal: ctl.signal, drain: true, pollMs: 100 });
    assert.equal(first.results.inserted, 1);
    assert.equal(first.failed, 2, 'the broken job ran twice (one retry)');

    // At-least-once: the same article delivered again finds itself stored.
    assert.equal(await queue.enqueue(a), true, 'after completion a new job may be queued');
    const second = await runWorker({
      store,
      queue,
      log: quiet,
      signal: ctl.signal,
      drain: true,
      pollMs: 100,
    });
    assert.equal(second.results.inserted, 0);
    assert.equal(second.done, 1);
    assert.equal((await store.stats()).articles, 1);

    const status = await queueStatus(url, { env });
    assert.ok(status);
    assert.equal(status.counts.dead, 1);
    assert.equal(status.counts.failed, 1);
    assert.equal(status.dead.items[0]!.articleId, 'broken');
    assert.match(status.dead.items[0]!.error, /not an article/u);
    assert.equal(await queueStatus(url, { env: { KHABAR_QUEUE_SCHEMA: freshName('kj_none') } }), undefined);
  } finally {
    await queue.close();
    await store.close();
  }
});

/** `a` re-published with a word changed and a sentence added: a near-duplicate, not an exact one. */
function republished(a: Article, id: string): Article {
  return {
    ...a,
    id,
    text: `${a.text.replace('بحسب', 'وفق')}\n\nوأعادت الصحيفة نشر الخبر نقلا عن مراسلها.`,
    provenance: { ...a.provenance, source: `test:${id}` },
  };
}

test('two workers on one PostgreSQL: a near-duplicate is linked to an original the other worker stored', {
  skip: why ?? false,
  timeout: 120_000,
}, async () => {
  const storeSchema = freshName('kj_nd');
  const queueSchema = freshName('kj_ndq');
  schemas.push(storeSchema, queueSchema);
  const url = storeUrl(storeSchema);
  const env = { KHABAR_QUEUE_SCHEMA: queueSchema };
  // Two stores (two connection pools), as two worker processes would have.
  const storeA = await openStore(url);
  const storeB = await openStore(url);
  const queue = await IngestQueue.open({ url, env });
  try {
    // Worker B starts first: its in-memory index is warmed from an empty archive.
    const indexB = await warmDedup(storeB);
    const x = article(7);
    const y = republished(x, 'republished-7');
    await queue.enqueue(x);
    const ctl = new AbortController();
    const a = await runWorker({
      store: storeA,
      queue,
      log: quiet,
      signal: ctl.signal,
      drain: true,
      pollMs: 50,
    });
    assert.equal(a.results.inserted, 1);
    assert.equal(indexB.size, 0, 'worker B has not seen the original');
    await queue.enqueue(y);
    const results: PutResult[] = [];
    const b = await runWorker({
      store: storeB,
      queue,
      log: quiet,
      signal: ctl.signal,
      drain: true,
      pollMs: 50,
      dedup: indexB,
      onDone: (_job, r) => results.push(r),
    });
    assert.equal(b.done, 1);
    assert.deepEqual(results, [{ id: y.id, status: 'near-duplicate', duplicateOf: x.id }]);
    const link = await sql<{ duplicate_of: string; kind: string }>(
      `SELECT duplicate_of, kind FROM ${storeSchema}.duplicates WHERE id = $1`,
      [y.id],
    );
    assert.deepEqual(link, [{ duplicate_of: x.id, kind: 'near' }]);
  } finally {
    await queue.close();
    await storeA.close();
    await storeB.close();
  }
});

test('two writers storing an original and its near-duplicate at the same moment: one is linked to the other', {
  skip: why ?? false,
  timeout: 120_000,
}, async () => {
  const storeSchema = freshName('kj_race');
  schemas.push(storeSchema);
  const url = storeUrl(storeSchema);
  const storeA = await openStore(url);
  const storeB = await openStore(url);
  try {
    for (let i = 0; i < 6; i++) {
      const x = article(100 + i);
      const y = republished(x, `republished-${100 + i}`);
      const [rx, ry] = await Promise.all([storeA.put(processArticle(x)), storeB.put(processArticle(y))]);
      const statuses = [rx.status, ry.status].sort();
      assert.deepEqual(statuses, ['inserted', 'near-duplicate'], `pair ${i}: ${JSON.stringify([rx, ry])}`);
      const linked = rx.status === 'near-duplicate' ? rx : ry;
      assert.equal(linked.duplicateOf, linked === rx ? y.id : x.id);
    }
    // The same text under two ids at the same moment: stored once.
    const z = article(200);
    const [r1, r2] = await Promise.all([
      storeA.put(processArticle(z)),
      storeB.put(processArticle({ ...z, id: 'copy-200' })),
    ]);
    assert.deepEqual([r1.status, r2.status].sort(), ['duplicate', 'inserted']);
    assert.equal((await storeA.stats()).articles, 13);
  } finally {
    await storeA.close();
    await storeB.close();
  }
});
