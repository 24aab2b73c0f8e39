/** `khabar ingest --queue`: the CLI side of enqueueing (kept here so ingest.ts stays small). */
import type { CliContext } from '../cli/context.ts';
import { write } from '../cli/context.ts';
import { KhabarError } from '../errors.ts';
import type { IngestItem } from '../ingest/article.ts';
import { createLogger } from '../ops/log.ts';
import { resolveDb } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { IngestQueue, enqueueItems, requirePostgres } from './queue.ts';

export async function enqueueToQueue(opts: {
  store: Store;
  items: AsyncIterable<IngestItem>;
  signal: AbortSignal;
  ctx: CliContext;
  db?: string;
  json: boolean;
}): Promise<number> {
  const url = resolveDb(opts.db, opts.ctx.env);
  try {
    requirePostgres(url);
  } catch (err) {
    throw new KhabarError('QUEUE_NEEDS_POSTGRES', `khabar ingest --queue: ${(err as Error).message}`);
  }
  const log = createLogger({ stream: opts.ctx.stderr, base: { service: 'enqueue', pid: process.pid } });
  let queue: IngestQueue;
  try {
    queue = await IngestQueue.open({ url, env: opts.ctx.env, log });
  } catch (err) {
    throw new KhabarError('QUEUE_OPEN', `cannot open the queue at ${url} (${(err as Error).message})`);
  }
  try {
    const s = await enqueueItems({ queue, store: opts.store, items: opts.items, signal: opts.signal });
    if (opts.json) write(opts.ctx.stdout, JSON.stringify(s));
    else {
      const lines = [
        `queued ${s.queued} articles in ${(s.elapsedMs / 1000).toFixed(1)} s for \`khabar worker\``,
        `  already queued     ${String(s.alreadyQueued).padStart(8)}`,
        `  quarantined        ${String(s.quarantined).padStart(8)}`,
      ];
      for (const [rule, n] of Object.entries(s.reasons))
        lines.push(`    ${rule.padEnd(24)} ${String(n).padStart(6)}`);
      if (s.skipped) lines.push(`  not modified       ${String(s.skipped).padStart(8)}`);
      write(opts.ctx.stdout, lines.join('\n'));
    }
    return 0;
  } finally {
    await queue.close().catch(() => undefined);
  }
}
