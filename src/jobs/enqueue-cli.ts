/** `khabar ingest --queue`: the CLI side of enqueueing (kept here so ingest.ts stays small). */
import type { CliContext } from '../cli/context.ts';
import { write } from '../cli/context.ts';
import { ingestExitCode, queueSummaryTable } from '../cli/commands/ingest.ts';
import { fail } from '../errors.ts';
import type { Lang } from '../i18n/glossary.ts';
import type { IngestItem } from '../ingest/article.ts';
import { createLogger } from '../ops/log.ts';
import { resolveDb } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { IngestQueue, enqueueItems } from './queue.ts';

export async function enqueueToQueue(opts: {
  store: Store;
  items: AsyncIterable<IngestItem>;
  signal: AbortSignal;
  ctx: CliContext;
  db?: string;
  lang?: Lang;
  json: boolean;
}): Promise<number> {
  // `khabar ingest` has checked that the URL is PostgreSQL's (requirePostgres) before opening the archive.
  const url = resolveDb(opts.db, opts.ctx.env);
  const log = createLogger({ stream: opts.ctx.stderr, base: { service: 'enqueue', pid: process.pid } });
  let queue: IngestQueue;
  try {
    queue = await IngestQueue.open({ url, env: opts.ctx.env, log });
  } catch (err) {
    throw fail('QUEUE_OPEN', url, (err as Error).message);
  }
  try {
    const s = await enqueueItems({ queue, store: opts.store, items: opts.items, signal: opts.signal });
    if (opts.json) write(opts.ctx.stdout, JSON.stringify(s));
    else write(opts.ctx.stdout, queueSummaryTable(s, opts.lang ?? 'en'));
    return ingestExitCode(s);
  } finally {
    await queue.close().catch(() => undefined);
  }
}
