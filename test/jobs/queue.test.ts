/**
 * The queue in-process against PostgreSQL: idempotent enqueue, at-least-once delivery that
 * stores nothing twice, retries then the dead-letter list. Skips when PostgreSQL is
 * unreachable, except under CI.
 */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { DEAD_QUEUE, INGEST_QUEUE, IngestQueue, queueStatus } from '../../src/jobs/queue.ts';
import { runWorker } from '../../src/jobs/worker.ts';
import type { Article } from '../../src/model.ts';
import { createLogger } from '../../src/ops/log.ts';
import { openStore } from '../../src/store/index.ts';
import { syntheticArticle } from '../../scripts/reliability/corpus.ts';
import { dropSchemas, freshName, storeUrl, unreachable } from './pg.ts';

const why = await unreachable();
if (why && process.env.CI) throw new Error(`CI must run the queue test: ${why}`);
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
