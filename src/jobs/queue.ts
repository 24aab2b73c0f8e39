/**
 * The durable ingest queue: pg-boss (v10) in its own PostgreSQL schema. `khabar ingest
 * --queue` sends one job per article (data: the `Article`), keyed by the article id and its
 * source so a re-enqueue while the job waits is a no-op; `khabar worker` fetches, processes and stores.
 * Delivery is at-least-once: a job whose worker died expires and is retried; the store's
 * `put` is idempotent by article id, so a second delivery stores nothing twice. A job that
 * keeps failing goes, after its retries with exponential backoff, to the dead-letter queue.
 */
import pg from 'pg';
import PgBoss from 'pg-boss';
import { fail } from '../errors.ts';
import type { IngestItem } from '../ingest/article.ts';
import type { Article } from '../model.ts';
import { type QueueSettings, queueSettings } from '../ops/config.ts';
import type { Logger } from '../ops/log.ts';
import { articlesRejected, queueDepth } from '../ops/metrics.ts';
import { isPostgresUrl } from '../store/index.ts';
import { QuarantineLedger, type QuarantineStore } from './quarantine.ts';

export const INGEST_QUEUE = 'khabar-ingest';

/** The key that makes a second enqueue of the same input a no-op while its job waits. */
export const singletonKey = (article: Article): string => `${article.id} ${article.provenance.source}`;
export const DEAD_QUEUE = 'khabar-ingest-dead';

export interface IngestJobData {
  article: Article;
  /**
   * The input was in the quarantine when it was enqueued: its entries stay there until the
   * worker stores the article (then they go) or gives up on it (then the worker's reason
   * replaces them). Until 3 Dec they were taken out at enqueue, before anything was decided.
   */
  quarantined?: true;
}

export interface IngestJob {
  id: string;
  data: IngestJobData;
  /** Earlier attempts at this job (0 on the first), and how many retries it may have. */
  retryCount?: number;
  retryLimit?: number;
}

export interface QueueCounts {
  /** Waiting to be fetched (new or waiting for a retry). */
  queued: number;
  active: number;
  completed: number;
  /** Gave up after its retries (a copy is in the dead-letter queue). */
  failed: number;
  /** Jobs in the dead-letter queue. */
  dead: number;
}

export interface DeadLetter {
  jobId: string;
  articleId: string;
  source: string;
  /** Last error message. */
  error: string;
  at: string;
}

export interface OpenQueueOptions {
  /** postgres://… (a `?schema=` parameter is the store's and is dropped here). */
  url: string;
  /** Overrides of the environment's settings (`KHABAR_QUEUE_SCHEMA`, `KHABAR_JOB_*`). */
  settings?: Partial<QueueSettings>;
  env?: NodeJS.ProcessEnv;
  /** Run queue maintenance (expire jobs of dead workers, dead-letter) in this process. Workers do. */
  supervise?: boolean;
  /** Pool size (default 4). */
  max?: number;
  log?: Logger;
}

/** The URL without the store's `schema` parameter (pg would pass it to the server). */
export function queueUrl(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('schema');
  return u.toString();
}

export class IngestQueue {
  private constructor(
    readonly boss: PgBoss,
    readonly settings: QueueSettings,
  ) {}

  static async open(opts: OpenQueueOptions): Promise<IngestQueue> {
    const settings = { ...queueSettings(opts.env ?? process.env), ...opts.settings };
    const boss = new PgBoss({
      connectionString: queueUrl(opts.url),
      schema: settings.schema,
      max: opts.max ?? 4,
      application_name: 'khabar',
      supervise: opts.supervise ?? false,
      schedule: false,
      migrate: true,
      maintenanceIntervalSeconds: settings.maintenanceSeconds,
      monitorStateIntervalSeconds: Math.max(settings.maintenanceSeconds, 10),
    });
    // Without a listener pg-boss's 'error' events (a lost connection) would crash the process.
    boss.on('error', (err) => opts.log?.warn('queue error', { err }));
    await boss.start();
    const q = new IngestQueue(boss, settings);
    await q.ensureQueues();
    return q;
  }

  private async ensureQueues(): Promise<void> {
    const s = this.settings;
    for (const [name, options] of [
      [DEAD_QUEUE, { name: DEAD_QUEUE, policy: 'standard' }],
      [
        INGEST_QUEUE,
        {
          name: INGEST_QUEUE,
          policy: 'short',
          retryLimit: s.retryLimit,
          retryDelay: s.retryDelaySeconds,
          retryBackoff: true,
          expireInSeconds: s.jobTimeoutSeconds,
          deadLetter: DEAD_QUEUE,
        },
      ],
    ] as const) {
      if (await this.boss.getQueue(name)) continue;
      try {
        await this.boss.createQueue(name, options);
      } catch (err) {
        // Another process created it between the check and here.
        if (!(await this.boss.getQueue(name))) throw err;
      }
    }
  }

  /**
   * Enqueues one article; `false` when a job for the same article id read from the same
   * source is already waiting (singleton key), so running the same `ingest --queue` twice
   * does not queue it twice. The source is part of the key: a copy of a file under another
   * path has the same id (the text's) and must reach the worker to be linked as a duplicate
   * — keyed by id alone it was counted «already queued» and never recorded.
   */
  async enqueue(article: Article, opts: { quarantined?: boolean } = {}): Promise<boolean> {
    const s = this.settings;
    const data: IngestJobData = opts.quarantined ? { article, quarantined: true } : { article };
    const id = await this.boss.send(INGEST_QUEUE, data, {
      singletonKey: singletonKey(article),
      retryLimit: s.retryLimit,
      retryDelay: s.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: s.jobTimeoutSeconds,
      deadLetter: DEAD_QUEUE,
    });
    return id !== null;
  }

  /** Up to `n` jobs, now marked active (this worker holds them until complete/fail/expiry). */
  async fetch(n = 1): Promise<IngestJob[]> {
    const jobs = await this.boss.fetch<IngestJobData>(INGEST_QUEUE, { batchSize: n, includeMetadata: true });
    return jobs.map((j) => ({ id: j.id, data: j.data, retryCount: j.retryCount, retryLimit: j.retryLimit }));
  }

  async complete(id: string, output?: Record<string, unknown>): Promise<void> {
    if (output) await this.boss.complete(INGEST_QUEUE, id, output);
    else await this.boss.complete(INGEST_QUEUE, id);
  }

  /** Marks the job failed with the error: retried later with backoff, or dead-lettered. */
  async fail(id: string, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    await this.boss.fail(INGEST_QUEUE, id, { message });
  }

  private sql(text: string, values: unknown[] = []): Promise<{ rows: Array<Record<string, unknown>> }> {
    return this.boss.getDb().executeSql(text, values);
  }

  /** Jobs by state; also sets the `khabar_queue_depth` gauge. */
  counts(): Promise<QueueCounts> {
    return readCounts(this.sql.bind(this), this.settings.schema);
  }

  /** The dead-letter list, newest first. */
  deadLetters(limit = 20): Promise<{ total: number; items: DeadLetter[] }> {
    return readDeadLetters(this.sql.bind(this), this.settings.schema, limit);
  }

  /** Runs maintenance now (expire timed-out jobs → retry or dead-letter). Tests and scripts. */
  async maintain(): Promise<void> {
    await this.boss.maintain();
  }

  /** Stops pg-boss (its maintenance timers and pool). */
  async close(): Promise<void> {
    await this.boss.stop({ graceful: false, wait: true, timeout: 5000 });
  }
}

/** Throws QUEUE_NEEDS_POSTGRES, naming `command`, unless `url` is a PostgreSQL one: the queue lives there. */
export function requirePostgres(url: string, command: string): void {
  if (!isPostgresUrl(url)) throw fail('QUEUE_NEEDS_POSTGRES', url, command);
}

export interface EnqueueSummary {
  seen: number;
  /** New jobs. */
  queued: number;
  /** Articles whose job was already waiting (same id). */
  alreadyQueued: number;
  quarantined: number;
  /**
   * Articles queued whose input is in the quarantine (refused by an earlier run): their entries
   * stay until the worker stores them (then they leave it) or gives up (its reason replaces them).
   */
  fromQuarantine: number;
  skipped: number;
  reasons: Record<string, number>;
  elapsedMs: number;
}

/**
 * `ingest --queue`: each article from the sources becomes a job; refused inputs go to the
 * store's quarantine at once (nothing to process), once for an input and rule, as the direct
 * ingest does; an input quarantined before that reads now is queued marked so (`quarantined`):
 * the worker takes it out of the quarantine once stored; unchanged feeds are counted.
 */
export async function enqueueItems(opts: {
  queue: IngestQueue;
  store: QuarantineStore;
  items: AsyncIterable<IngestItem>;
  signal?: AbortSignal;
  onProgress?: (s: EnqueueSummary) => void;
}): Promise<EnqueueSummary> {
  const t0 = performance.now();
  const s: EnqueueSummary = {
    seen: 0,
    queued: 0,
    alreadyQueued: 0,
    quarantined: 0,
    fromQuarantine: 0,
    skipped: 0,
    reasons: {},
    elapsedMs: 0,
  };
  const ledger = await QuarantineLedger.open(opts.store);
  for await (const item of opts.items) {
    if (opts.signal?.aborted) break;
    s.seen++;
    if (item.kind === 'article') {
      const quarantined = ledger.holds(item.article.provenance.source);
      if (await opts.queue.enqueue(item.article, { quarantined })) {
        s.queued++;
        if (quarantined) s.fromQuarantine++;
      } else s.alreadyQueued++;
    } else if (item.kind === 'rejected') {
      s.quarantined++;
      s.reasons[item.entry.ruleId] = (s.reasons[item.entry.ruleId] ?? 0) + 1;
      articlesRejected.inc({ rule: item.entry.ruleId });
      await ledger.add(item.entry);
    } else s.skipped++;
    s.elapsedMs = performance.now() - t0;
    opts.onProgress?.(s);
  }
  s.elapsedMs = performance.now() - t0;
  return s;
}

type Sql = (text: string, values?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }>;

async function readCounts(sql: Sql, schema: string): Promise<QueueCounts> {
  const { rows } = await sql(
    `SELECT name, state::text AS state, count(*)::int AS n FROM ${schema}.job
     WHERE name IN ($1, $2) GROUP BY name, state`,
    [INGEST_QUEUE, DEAD_QUEUE],
  );
  const c: QueueCounts = { queued: 0, active: 0, completed: 0, failed: 0, dead: 0 };
  for (const r of rows) {
    const n = Number(r.n);
    if (r.name === DEAD_QUEUE) {
      if (r.state !== 'completed' && r.state !== 'cancelled') c.dead += n;
    } else if (r.state === 'created' || r.state === 'retry') c.queued += n;
    else if (r.state === 'active') c.active += n;
    else if (r.state === 'completed') c.completed += n;
    else if (r.state === 'failed') c.failed += n;
  }
  for (const [state, n] of Object.entries(c)) queueDepth.set({ state }, n);
  return c;
}

async function readDeadLetters(
  sql: Sql,
  schema: string,
  limit: number,
): Promise<{ total: number; items: DeadLetter[] }> {
  const total = await sql(
    `SELECT count(*)::int AS n FROM ${schema}.job WHERE name = $1 AND state < 'completed'`,
    [DEAD_QUEUE],
  );
  const { rows } = await sql(
    `SELECT id::text AS id, data->'article'->>'id' AS article, data->'article'->'provenance'->>'source' AS source,
            output, created_on FROM ${schema}.job WHERE name = $1 AND state < 'completed'
     ORDER BY created_on DESC LIMIT $2`,
    [DEAD_QUEUE, limit],
  );
  return {
    total: Number(total.rows[0]?.n ?? 0),
    items: rows.map((r) => {
      const out = r.output as { message?: string; value?: { message?: string } } | null;
      return {
        jobId: String(r.id),
        articleId: String(r.article ?? ''),
        source: String(r.source ?? ''),
        error: out?.message ?? out?.value?.message ?? '',
        at: new Date(r.created_on as string).toISOString(),
      };
    }),
  };
}

export interface QueueStatus {
  schema: string;
  counts: QueueCounts;
  dead: { total: number; items: DeadLetter[] };
}

/**
 * The queue as `khabar status` shows it, read without starting pg-boss (nothing is created):
 * `undefined` when the queue schema does not exist (the queue was never used).
 */
export async function queueStatus(
  url: string,
  opts: { env?: NodeJS.ProcessEnv; limit?: number } = {},
): Promise<QueueStatus | undefined> {
  const { schema } = queueSettings(opts.env ?? process.env);
  const client = new pg.Client({ connectionString: queueUrl(url), connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const sql: Sql = (text, values = []) => client.query(text, values);
    const exists = await sql(
      "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'job'",
      [schema],
    );
    if (exists.rows.length === 0) return undefined;
    return {
      schema,
      counts: await readCounts(sql, schema),
      dead: await readDeadLetters(sql, schema, opts.limit ?? 20),
    };
  } finally {
    await client.end().catch(() => undefined);
  }
}
