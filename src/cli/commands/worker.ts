import { createServer, type Server } from 'node:http';
import { fail } from '../../errors.ts';
import { IngestQueue, requirePostgres } from '../../jobs/queue.ts';
import { runWorker } from '../../jobs/worker.ts';
import { workerSettings } from '../../ops/config.ts';
import { createLogger } from '../../ops/log.ts';
import { metrics, PROMETHEUS_CONTENT_TYPE } from '../../ops/metrics.ts';
import { openArchive, resolveDb } from '../../store/index.ts';
import { parseOptions } from '../options.ts';
import { type Command, write } from '../context.ts';

const USAGE = `khabar worker [--db postgres://…] [--concurrency N] [--drain] [--json]

Takes ingest jobs from the PostgreSQL queue (filled by \`khabar ingest --queue\`), runs
brief + analysis on each article and stores it. Run as many workers as you like, on as
many machines, against one database: each job goes to one worker at a time; a job whose
worker dies is retried after KHABAR_JOB_TIMEOUT seconds, and a store write is idempotent
by article id, so nothing is lost or stored twice. Jobs that keep failing go to the
dead-letter list (\`khabar status\`). Logs are JSON lines on stderr.

SIGTERM or SIGINT stops fetching and lets the jobs in hand finish (at most
KHABAR_SHUTDOWN_TIMEOUT seconds; then they are handed back to the queue); a second
signal exits at once (the jobs come back after their timeout).

Options:
  --db URL            the archive and queue: a postgres:// URL; default $KHABAR_DB
  --concurrency N     jobs in flight at once (default $KHABAR_WORKER_CONCURRENCY or 2)
  --drain             exit when nothing is queued or active
  --metrics-port N    serve GET /metrics (Prometheus text; includes the queue depth) and
                      GET /health on 127.0.0.1:N (--metrics-host to change)
  --json              print a summary (counts, time per stage) as JSON on stdout at exit`;

export const command: Command = {
  summary: 'take ingest jobs from the PostgreSQL queue: worker [--db postgres://…] [--concurrency N]',
  usage: USAGE,
  async run(argv, ctx) {
    const v = parseOptions('worker', {
      args: argv,
      options: {
        db: { type: 'string' },
        concurrency: { type: 'string' },
        drain: { type: 'boolean' },
        json: { type: 'boolean' },
        'metrics-port': { type: 'string' },
        'metrics-host': { type: 'string' },
      },
    }).values;
    const url = resolveDb(v.db, ctx.env);
    requirePostgres(url, 'khabar worker');
    let settings: ReturnType<typeof workerSettings>;
    try {
      settings = workerSettings(ctx.env);
    } catch (err) {
      throw fail('BAD_OPTION', 'environment', (err as Error).message);
    }
    const concurrency = v.concurrency === undefined ? settings.concurrency : Number(v.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw fail('BAD_OPTION', '--concurrency', `give a whole number ≥ 1 (got "${v.concurrency}")`);
    const log = createLogger({ stream: ctx.stderr, base: { service: 'worker', pid: process.pid } });
    const store = await openArchive(url, ctx);
    let queue: IngestQueue;
    try {
      queue = await IngestQueue.open({ url, env: ctx.env, supervise: true, max: concurrency + 2, log });
    } catch (err) {
      await store.close();
      throw fail('QUEUE_OPEN', url, (err as Error).message);
    }
    let server: Server | undefined;
    if (v['metrics-port'] !== undefined) {
      const port = Number(v['metrics-port']);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw fail(
          'BAD_OPTION',
          '--metrics-port',
          `must be a whole number 0–65535 (got "${v['metrics-port']}")`,
        );
      server = metricsServer(queue);
      const host = v['metrics-host'] ?? '127.0.0.1';
      await new Promise<void>((resolve) => server!.listen(port, host, resolve));
      log.info('metrics listening', {
        url: `http://${host}:${(server.address() as { port: number }).port}/metrics`,
      });
    }
    const controller = new AbortController();
    const inHand = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    let signals = 0;
    const onSignal = (sig: NodeJS.Signals) => {
      signals++;
      if (signals > 1) {
        log.warn('second signal: exiting now; jobs in hand return after their timeout', { signal: sig });
        process.exit(130);
      }
      log.info('stopping: finishing the jobs in hand', { signal: sig, inHand: inHand.size });
      controller.abort();
      timer = setTimeout(() => {
        log.warn('shutdown timeout: handing jobs back to the queue', { jobs: [...inHand] });
        void Promise.allSettled([...inHand].map((id) => queue.fail(id, new Error('worker shut down')))).then(
          () => process.exit(1),
        );
      }, settings.shutdownTimeoutSeconds * 1000);
      timer.unref();
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
    try {
      const summary = await runWorker({
        store,
        queue,
        concurrency,
        log,
        signal: controller.signal,
        inHand,
        ...(v.drain ? { drain: true } : {}),
      });
      log.info('worker stopped', {
        done: summary.done,
        failed: summary.failed,
        unquarantined: summary.unquarantined,
        quarantined: summary.quarantined,
        results: summary.results,
        stageMs: summary.stageMs,
        elapsedMs: Math.round(summary.elapsedMs),
      });
      if (v.json) write(ctx.stdout, JSON.stringify(summary));
      return 0;
    } finally {
      if (timer) clearTimeout(timer);
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      server?.close();
      await queue.close().catch(() => undefined);
      await store.close().catch(() => undefined);
    }
  },
};

function metricsServer(queue: IngestQueue): Server {
  return createServer((req, res) => {
    if (req.url === '/health') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"ok"}');
      return;
    }
    if (req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    // Read the depth now (the gauge keeps the last value if the database is away).
    queue
      .counts()
      .catch(() => undefined)
      .finally(() => res.writeHead(200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE }).end(metrics.render()));
  });
}
