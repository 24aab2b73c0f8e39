/**
 * The queue worker's duplicate-copy branch: an article already stored (a text file, its id
 * made from its words) arriving again from another path is linked as an exact duplicate
 * under its path's id, not stored twice and not counted «unchanged»; once the original's
 * file is gone, the copy read again is the article moved. Against the local
 * PostgreSQL, in a schema of its own dropped after; skips when PostgreSQL is unreachable,
 * except under CI.
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { analyze } from '../../src/analyze/index.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import { main } from '../../src/cli/main.ts';
import type { IngestItem } from '../../src/ingest/article.ts';
import { articleId } from '../../src/ingest/ids.ts';
import { openSource } from '../../src/ingest/sources/index.ts';
import { IngestQueue, enqueueItems } from '../../src/jobs/queue.ts';
import { runWorker } from '../../src/jobs/worker.ts';
import type { Article } from '../../src/model.ts';
import { createLogger } from '../../src/ops/log.ts';
import { openStore } from '../../src/store/index.ts';
import type { PutResult } from '../../src/store/store.ts';
import { fakeContext, tempDir } from '../helpers.ts';
import { arabicArticle } from '../ingest/fixtures.ts';
import { dropSchemas, freshName, pgSkipReason, sql, storeUrl } from '../pg.ts';

const why = await pgSkipReason('the worker duplicate-copy test');
const schemas: string[] = [];
after(async () => {
  if (!why) await dropSchemas(schemas);
});

const quiet = createLogger({ level: 'error' });

/** A store schema and a queue schema of their own (dropped after the tests). */
function freshSchemas(prefix: string): {
  storeSchema: string;
  url: string;
  env: { KHABAR_QUEUE_SCHEMA: string };
} {
  const storeSchema = freshName(prefix);
  const queueSchema = freshName(`${prefix}q`);
  schemas.push(storeSchema, queueSchema);
  return { storeSchema, url: storeUrl(storeSchema), env: { KHABAR_QUEUE_SCHEMA: queueSchema } };
}

/** The one article `path` reads as (a text file). */
async function read(path: string): Promise<Article> {
  const items: IngestItem[] = [];
  for await (const item of openSource(path)) items.push(item);
  assert.equal(items.length, 1);
  const item = items[0]!;
  assert.equal(item.kind, 'article', JSON.stringify(item));
  return (item as Extract<IngestItem, { kind: 'article' }>).article;
}

test('a worker links a second copy of a stored file (another path) as an exact duplicate, once', {
  skip: why ?? false,
  timeout: 120_000,
}, async () => {
  const dir = tempDir('khabar-worker-copy-');
  mkdirSync(join(dir, 'copies'));
  const text = arabicArticle(4242, 4);
  const original = join(dir, 'a.txt');
  const copyPath = join(dir, 'copies', 'a.txt');
  writeFileSync(original, text);
  writeFileSync(copyPath, text);
  const a = await read(original);
  const copy = await read(copyPath);
  assert.equal(copy.id, a.id, 'without a URL the id is the text’s: the copy has the original’s id');

  const { storeSchema, url, env } = freshSchemas('kj_copy');
  const store = await openStore(url);
  const queue = await IngestQueue.open({ url, env });
  const ctl = new AbortController();
  const drain = async () => {
    const results: PutResult[] = [];
    const s = await runWorker({
      store,
      queue,
      log: quiet,
      signal: ctl.signal,
      drain: true,
      pollMs: 50,
      onDone: (_job, r) => results.push(r),
    });
    assert.equal(s.failed, 0);
    return results;
  };
  try {
    assert.equal(await queue.enqueue(a), true);
    assert.deepEqual(await drain(), [{ id: a.id, status: 'inserted' }]);

    const linkId = articleId({ key: copyPath, text });
    assert.notEqual(linkId, a.id);
    assert.equal(await queue.enqueue(copy), true);
    assert.deepEqual(await drain(), [{ id: linkId, status: 'duplicate', duplicateOf: a.id }]);
    // delivered again (at-least-once): the same link, not a second one
    assert.equal(await queue.enqueue(copy), true);
    assert.deepEqual(await drain(), [{ id: linkId, status: 'duplicate', duplicateOf: a.id }]);
    // the original's own path again: unchanged
    assert.equal(await queue.enqueue(a), true);
    assert.deepEqual(await drain(), [{ id: a.id, status: 'unchanged' }]);

    const s = await store.stats();
    assert.deepEqual([s.articles, s.duplicates], [1, 1]);
    const links = await sql<{ id: string; duplicate_of: string; kind: string }>(
      `SELECT id, duplicate_of, kind FROM ${storeSchema}.duplicates`,
    );
    assert.deepEqual(links, [{ id: linkId, duplicate_of: a.id, kind: 'exact' }]);
    assert.equal(
      (await store.get(a.id))?.article.provenance.source,
      original,
      'the stored article keeps its path',
    );

    // the original's file removed: the copy is the article moved there, its link dropped
    rmSync(original);
    assert.equal(await queue.enqueue(copy), true);
    assert.deepEqual(await drain(), [{ id: a.id, status: 'moved' }]);
    const moved = await store.get(a.id);
    assert.equal(moved?.article.provenance.source, copyPath);
    assert.deepEqual(moved?.article.provenance.movedFrom, [original]);
    const after = await store.stats();
    assert.deepEqual([after.articles, after.duplicates], [1, 0]);
  } finally {
    await queue.close();
    await store.close();
  }
});

test('khabar ingest --queue of a folder holding a file and its copy queues both; the worker links the copy', {
  skip: why ?? false,
  timeout: 120_000,
}, async () => {
  const dir = tempDir('khabar-queue-copy-');
  mkdirSync(join(dir, 'copies'));
  const text = arabicArticle(4343, 3);
  writeFileSync(join(dir, 'a.txt'), text);
  writeFileSync(join(dir, 'copies', 'a.txt'), text);
  const { url, env } = freshSchemas('kj_qcopy');
  const store = await openStore(url);
  const queue = await IngestQueue.open({ url, env });
  try {
    // both jobs wait at once: keyed by id alone, the copy was «already queued» and never linked
    const first = await enqueueItems({ queue, store, items: openSource(dir) });
    assert.deepEqual([first.queued, first.alreadyQueued], [2, 0]);
    const again = await enqueueItems({ queue, store, items: openSource(dir) });
    assert.deepEqual([again.queued, again.alreadyQueued], [0, 2], 'the same inputs again: no second job');
    const statuses: string[] = [];
    await runWorker({
      store,
      queue,
      log: quiet,
      signal: new AbortController().signal,
      drain: true,
      pollMs: 50,
      onDone: (_job, r) => statuses.push(r.status),
    });
    assert.deepEqual(statuses.sort(), ['duplicate', 'inserted']);
    const s = await store.stats();
    assert.deepEqual([s.articles, s.duplicates], [1, 1]);
  } finally {
    await queue.close();
    await store.close();
  }
});

test('khabar ingest --queue exits 3 when inputs were quarantined, 0 when all were queued', {
  skip: why ?? false,
  timeout: 120_000,
}, async () => {
  const dir = tempDir('khabar-queue-exit-');
  writeFileSync(join(dir, 'a.txt'), arabicArticle(4444, 2));
  const { url, env } = freshSchemas('kj_qexit');
  const enqueue = async () => {
    const f = fakeContext(env);
    const code = await main(['ingest', '--queue', '--json', '--quiet', dir, '--db', url], f.ctx);
    return { code, summary: JSON.parse(f.out()) as { queued: number; quarantined: number }, err: f.err() };
  };
  const clean = await enqueue();
  assert.equal(clean.code, 0, clean.err);
  assert.equal(clean.summary.queued, 1);
  writeFileSync(join(dir, 'empty.txt'), '');
  const refused = await enqueue();
  assert.equal(refused.code, 3, refused.err);
  assert.equal(refused.summary.quarantined, 1);
});

// ingdef4: `--queue` left a quarantined input in the quarantine after it read fine, and put it
// there once more on every run that refused it; the direct ingest does neither.
// ingdef5: …but it took the input out at enqueue, before the worker had stored anything: the
// entry now stays until the worker stores the article (then it goes), or the worker gives up
// (then the worker's reason replaces the earlier one).
test('khabar ingest --queue: an input refused again is quarantined once; corrected, it leaves the quarantine once stored', {
  skip: why ?? false,
  timeout: 120_000,
}, async () => {
  const dir = tempDir('khabar-queue-unq-');
  const file = join(dir, 'feed.jsonl');
  const line = (i: number) => JSON.stringify({ id: `q${i}`, text: arabicArticle(4500 + i, 2) });
  writeFileSync(file, `${line(0)}\n{"id": "q1", "text": \n`);
  const fresh = freshSchemas('kj_qunq');
  const url = fresh.url;
  // One retry, a second after: the worker's first failure and its last.
  const env = { ...fresh.env, KHABAR_JOB_RETRIES: '1', KHABAR_JOB_RETRY_DELAY: '1' };
  const enqueue = async () => {
    const f = fakeContext(env);
    const code = await main(['ingest', '--queue', '--json', '--quiet', file, '--db', url], f.ctx);
    const summary = JSON.parse(f.out()) as { queued: number; quarantined: number; fromQuarantine: number };
    return { code, summary, err: f.err() };
  };
  const quarantine = async () => {
    const store = await openStore(url);
    try {
      return (await store.quarantined()).items.map((e) => [e.source, e.ruleId]);
    } finally {
      await store.close();
    }
  };
  /** A worker draining the queue; `fail`: the line whose article the analysis fails on. */
  const work = async (opts: { fail?: string } = {}) => {
    const store = await openStore(url);
    const queue = await IngestQueue.open({ url, env });
    try {
      return await runWorker({
        store,
        queue,
        log: quiet,
        signal: new AbortController().signal,
        drain: true,
        pollMs: 50,
        ...(opts.fail
          ? {
              process: (a: Article) => {
                if (a.provenance.source.endsWith(`:${opts.fail}`))
                  throw new Error('the analysis ran out of memory');
                return { article: a, brief: parseBrief(a.text), analysis: analyze(a, parseBrief(a.text)) };
              },
            }
          : {}),
      });
    } finally {
      await queue.close();
      await store.close();
    }
  };
  const first = await enqueue();
  assert.equal(first.code, 3, first.err);
  const refused = [`${file}:2`, 'ingest/bad-json'];
  assert.deepEqual(await quarantine(), [refused]);
  const again = await enqueue();
  assert.equal(again.summary.quarantined, 1);
  assert.deepEqual(await quarantine(), [refused], 'refused again: one entry still');
  writeFileSync(file, `${line(0)}\n${line(1)}\n`);
  const fixed = await enqueue();
  assert.equal(fixed.code, 0, fixed.err);
  assert.deepEqual([fixed.summary.quarantined, fixed.summary.fromQuarantine], [0, 1]);
  assert.deepEqual(await quarantine(), [refused], 'queued, not yet stored: the entry stays');
  // The worker fails on it, then gives up (its retry fails too): the worker's reason replaces the read's.
  const gaveUp = await work({ fail: '2' });
  assert.deepEqual([gaveUp.results.inserted, gaveUp.failed, gaveUp.quarantined], [1, 2, 2]);
  assert.deepEqual(await quarantine(), [[`${file}:2`, 'queue/job-failed']]);
  {
    const store = await openStore(url);
    try {
      const [entry] = (await store.quarantined()).items;
      assert.match(
        entry!.reason,
        /could not store article .* \(attempt 2\): .*ran out of memory.*dead-letter.*khabar ingest --queue/u,
      );
    } finally {
      await store.close();
    }
  }
  // Queued once more, stored this time: out of the quarantine.
  const requeued = await enqueue();
  assert.deepEqual([requeued.summary.queued, requeued.summary.fromQuarantine], [2, 1]);
  const w = await work();
  assert.deepEqual([w.results.inserted, w.results.unchanged, w.unquarantined], [1, 1, 1]);
  assert.deepEqual(await quarantine(), []);
  const text = fakeContext(env);
  writeFileSync(file, `${line(0)}\n{"id": "q1", "text": \n`);
  await main(['ingest', '--queue', '--quiet', file, '--db', url], text.ctx);
  writeFileSync(file, `${line(0)}\n${line(1)}\n`);
  const shown = fakeContext(env);
  await main(['ingest', '--queue', '--quiet', file, '--db', url], shown.ctx);
  assert.match(shown.out(), /queued from quarantine\s+1/u);
});
