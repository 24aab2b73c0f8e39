/**
 * The queue worker: `concurrency` loops, each fetching one ingest job at a time from the
 * queue, running the pipeline (dedup check, brief, analysis) and `store.put`, then marking
 * the job complete. A throwing job is failed back to the queue (retry with backoff, then
 * dead-letter); a lost database is waited out with backoff — the jobs this worker held
 * expire and are retried, and `put` being idempotent makes the second delivery harmless.
 * On abort (SIGTERM/SIGINT) the loops stop fetching and finish the job in hand.
 */
import { analyze } from '../analyze/index.ts';
import { parseBrief } from '../brief/parse.ts';
import { DedupIndex, fingerprint } from '../ingest/dedup.ts';
import type { Article, ProcessedArticle } from '../model.ts';
import type { Logger } from '../ops/log.ts';
import { articlesIngested, jobsFailed, stageSeconds } from '../ops/metrics.ts';
import type { PutResult, Store } from '../store/store.ts';
import { isStdin } from './quarantine.ts';
import type { IngestJob, IngestQueue } from './queue.ts';
import { fromElsewhere, placed, recordElsewhere, warmDedup, wholeStored } from './runner.ts';

export type WorkerStage = 'dedup' | 'brief' | 'analyze' | 'store' | 'queue';

export interface WorkerSummary {
  /** Jobs completed (stored, or found already stored). */
  done: number;
  /** Jobs that threw and were handed back to the queue. */
  failed: number;
  /** Quarantine entries taken out: a job's input, refused by an earlier read, stored now. */
  unquarantined: number;
  /**
   * Inputs quarantined by the worker (`queue/job-failed`): a job failed its last attempt, or
   * failed while its input was in the quarantine (the worker's reason replaced the earlier one).
   */
  quarantined: number;
  results: Record<PutResult['status'], number>;
  /** Milliseconds spent in each stage (queue: fetch + complete round trips). */
  stageMs: Record<WorkerStage, number>;
  /**
   * This process's CPU milliseconds in each stage (the database's own work in `store` and
   * `queue` is not in it; with concurrency > 1, overlapping stages share it).
   */
  stageCpuMs: Record<WorkerStage, number>;
  elapsedMs: number;
  /** CPU time (user + system) of this process over the run, in milliseconds. */
  cpuMs: number;
  /** Jobs still in hand when the worker stopped (only after a shutdown timeout). */
  abandoned: string[];
}

export interface WorkerOptions {
  store: Store;
  queue: IngestQueue;
  /** Jobs in flight at once (default 1). */
  concurrency?: number;
  log: Logger;
  signal: AbortSignal;
  /** Stop when nothing is queued or active (scripts, tests). */
  drain?: boolean;
  /** Milliseconds between polls of an empty queue (default 500). */
  pollMs?: number;
  /** Replace the pipeline (tests); defaults to brief + analysis. */
  process?: (article: Article) => ProcessedArticle;
  /** Called after each completed job (tests, scripts). */
  onDone?: (job: IngestJob, result: PutResult) => void;
  /** Near-duplicate index; warmed from the store when not given. */
  dedup?: DedupIndex;
  /** Filled with the ids of the jobs in hand (so a shutdown timeout can hand them back). */
  inHand?: Set<string>;
}

const now = () => performance.now();

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function isArticle(a: unknown): a is Article {
  const x = a as Partial<Article> | null;
  return !!x && typeof x.id === 'string' && typeof x.text === 'string' && typeof x.provenance === 'object';
}

/** Rule of the quarantine entries the worker writes (src/i18n/reasons.ts explains it in Arabic). */
export const JOB_FAILED = 'queue/job-failed';

/**
 * A failed job's input in the quarantine, when the worker gives up on it (its last attempt) or
 * when it was there already (enqueued `quarantined`): its entries replaced by one with this
 * failure — the reason an earlier read refused it for is no longer what is wrong. Returns
 * whether it wrote one. A job whose data is not an article names no input: nothing written.
 */
async function requarantine(store: Store, job: IngestJob, err: unknown): Promise<boolean> {
  const article = job.data?.article;
  if (!isArticle(article)) return false;
  const last =
    job.retryCount !== undefined && job.retryLimit !== undefined && job.retryCount >= job.retryLimit;
  if (!last && !job.data.quarantined) return false;
  const attempts = (job.retryCount ?? 0) + 1;
  const message = err instanceof Error ? err.message : String(err);
  const next = last
    ? 'the job is in the dead-letter list (`khabar status`); fix the input and run `khabar ingest --queue` on it again'
    : 'the job will be retried';
  await store.quarantine(
    {
      source: article.provenance.source,
      ruleId: JOB_FAILED,
      reason: `${article.provenance.source}: the worker could not store article ${article.id} (attempt ${attempts}): ${message}; ${next}`,
      at: new Date().toISOString(),
    },
    { replace: !isStdin(article.provenance.source) },
  );
  return true;
}

export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  const t0 = now();
  const cpu0 = process.cpuUsage();
  const { store, queue, log, signal } = opts;
  const summary: WorkerSummary = {
    done: 0,
    failed: 0,
    unquarantined: 0,
    quarantined: 0,
    results: { inserted: 0, updated: 0, unchanged: 0, moved: 0, duplicate: 0, 'near-duplicate': 0 },
    stageMs: { dedup: 0, brief: 0, analyze: 0, store: 0, queue: 0 },
    stageCpuMs: { dedup: 0, brief: 0, analyze: 0, store: 0, queue: 0 },
    elapsedMs: 0,
    cpuMs: 0,
    abandoned: [],
  };
  const dedup = opts.dedup ?? (await warmDedup(store, new DedupIndex()));
  const inHand = opts.inHand ?? new Set<string>();
  const pollMs = opts.pollMs ?? 500;
  const timed = <T>(stage: WorkerStage, fn: () => T): T => {
    const t = now();
    const c = process.cpuUsage();
    const finish = () => {
      const ms = now() - t;
      summary.stageMs[stage] += ms;
      const cpu = process.cpuUsage(c);
      summary.stageCpuMs[stage] += (cpu.user + cpu.system) / 1000;
      stageSeconds.observe({ stage }, ms / 1000);
    };
    const out = fn();
    if (out instanceof Promise) return out.finally(finish) as T;
    finish();
    return out;
  };

  async function handle(job: IngestJob): Promise<void> {
    inHand.add(job.id);
    try {
      const article = job.data?.article;
      if (!isArticle(article)) throw new Error('job data is not an article (needs id, text, provenance)');
      const fp = timed('dedup', () => fingerprint(article.text));
      const verdict = timed('dedup', () => dedup.check(fp, article.id));
      let result: PutResult;
      // a feed teaser whose page the archive holds already: not stored over it
      const whole = article.partial ? await timed('dedup', () => wholeStored(store, article)) : undefined;
      // the same text from another source: its file moved, or a copy under another path
      const other =
        !whole && verdict.kind === 'same'
          ? await timed('dedup', () => fromElsewhere(store, article))
          : undefined;
      if (whole) result = { id: whole, status: 'unchanged' };
      else if (other) result = await timed('store', () => recordElsewhere(store, article, other));
      else if (verdict.kind === 'same') result = { id: article.id, status: 'unchanged' };
      else {
        let doc: ProcessedArticle;
        if (opts.process) doc = timed('analyze', () => opts.process!(article));
        else {
          const brief = timed('brief', () => parseBrief(article.text));
          doc = { article, brief, analysis: timed('analyze', () => analyze(article, brief)) };
        }
        result = await timed('store', () =>
          store.put(doc, {
            ...(verdict.kind === 'near-duplicate' ? { nearDuplicateOf: verdict.of } : {}),
            // The store files the article under this fingerprint rather than computing it again.
            ...(doc.article.text === article.text ? { fingerprint: fp } : {}),
          }),
        );
        if (result.status !== 'duplicate') dedup.add(article.id, fp);
      }
      // an edited file: its earlier article superseded (Store.place)
      result = await timed('store', () => placed(store, article, result));
      // refused by an earlier read, stored now: out of the quarantine (kept there until now)
      if (job.data.quarantined && store.unquarantine)
        summary.unquarantined += await timed('store', () => store.unquarantine!(article.provenance.source));
      await timed('queue', () => queue.complete(job.id, { status: result.status }));
      summary.done++;
      summary.results[result.status]++;
      articlesIngested.inc({ status: result.status });
      log.debug('job done', { job: job.id, article: article.id, status: result.status });
      opts.onDone?.(job, result);
    } catch (err) {
      summary.failed++;
      jobsFailed.inc();
      log.warn('job failed', { job: job.id, err });
      try {
        if (await requarantine(store, job, err)) summary.quarantined++;
      } catch (err2) {
        log.warn('could not quarantine the failed job', { job: job.id, err: err2 });
      }
      try {
        await queue.fail(job.id, err);
      } catch (err2) {
        log.warn('could not hand the job back; it will expire and be retried', { job: job.id, err: err2 });
      }
    } finally {
      inHand.delete(job.id);
    }
  }

  async function loop(slot: number): Promise<void> {
    let backoff = 250;
    while (!signal.aborted) {
      let jobs: IngestJob[];
      try {
        jobs = await timed('queue', () => queue.fetch(1));
        backoff = 250;
      } catch (err) {
        log.warn('queue unreachable; retrying', { slot, err, retryInMs: backoff });
        await sleep(backoff, signal);
        backoff = Math.min(backoff * 2, 10_000);
        continue;
      }
      if (jobs.length === 0) {
        if (opts.drain) {
          try {
            const c = await queue.counts();
            if (c.queued === 0 && c.active === 0 && inHand.size === 0) return;
          } catch {
            // unreachable: the next fetch reports it
          }
        }
        await sleep(pollMs, signal);
        continue;
      }
      for (const job of jobs) await handle(job);
    }
  }

  const n = Math.max(1, opts.concurrency ?? 1);
  log.info('worker started', { concurrency: n, warmed: dedup.size, drain: Boolean(opts.drain) });
  await Promise.all(Array.from({ length: n }, (_, i) => loop(i)));
  summary.abandoned = [...inHand];
  summary.elapsedMs = now() - t0;
  const cpu = process.cpuUsage(cpu0);
  summary.cpuMs = (cpu.user + cpu.system) / 1000;
  return summary;
}
