/** `khabar ingest --queue`: the CLI side of enqueueing (kept here so ingest.ts stays small). */
import type { CliContext } from '../cli/context.ts';
import { write } from '../cli/context.ts';
import { countBlocks, tr } from '../cli/lang.ts';
import { KhabarError } from '../errors.ts';
import { countedNoun } from '../i18n/counted.ts';
import type { Lang } from '../i18n/glossary.ts';
import type { IngestItem } from '../ingest/article.ts';
import { createLogger } from '../ops/log.ts';
import { resolveDb } from '../store/index.ts';
import type { Store } from '../store/store.ts';
import { type EnqueueSummary, IngestQueue, enqueueItems, requirePostgres } from './queue.ts';

export async function enqueueToQueue(opts: {
  store: Store;
  items: AsyncIterable<IngestItem>;
  signal: AbortSignal;
  ctx: CliContext;
  db?: string;
  lang?: Lang;
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
    else write(opts.ctx.stdout, queueSummaryTable(s, opts.lang ?? 'en'));
    return 0;
  } finally {
    await queue.close().catch(() => undefined);
  }
}

/**
 * The `ingest --queue` summary: its counts and the quarantine rules under them in one column,
 * the same table as the plain ingest's (countBlocks; the rules stood 6 places further right).
 */
export function queueSummaryTable(s: EnqueueSummary, lang: Lang = 'en'): string {
  const secs = (s.elapsedMs / 1000).toFixed(1);
  return [
    tr(
      lang,
      `queued ${countedNoun(s.queued, 'article', 'en')} in ${secs} s for \`khabar worker\``,
      `أُدرج ${countedNoun(s.queued, 'article', 'ar')} في الطابور في ${secs} ث لـ \`khabar worker\``,
    ),
    ...countBlocks(
      [
        { row: ['already queued', 'في الطابور من قبل', s.alreadyQueued] },
        { row: ['quarantined', 'محجور', s.quarantined], rules: s.reasons },
        { row: ['not modified', 'لم يتغيّر', s.skipped], show: s.skipped > 0 },
      ],
      lang,
    ),
  ].join('\n');
}
