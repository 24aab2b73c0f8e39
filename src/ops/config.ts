/**
 * Every environment variable khabar reads, in one table (docs/config.md is this table in
 * prose; a test keeps the two in step), and typed readers for the queue and worker ones.
 */

export interface Setting {
  name: string;
  /** The default, as text ('' when there is none). */
  default: string;
  /** Commands or parts that read it. */
  usedBy: string;
  description: string;
}

export const SETTINGS: readonly Setting[] = [
  {
    name: 'KHABAR_DB',
    default: '$XDG_DATA_HOME/khabar/khabar.db',
    usedBy: 'every command with --db; worker, serve',
    description:
      'The archive: a SQLite file path, or a postgres://user@host:port/db URL (add ?schema=NAME for a schema). --db wins over it.',
  },
  {
    name: 'KHABAR_TOKEN',
    default: '',
    usedBy: 'serve',
    description:
      'Bearer token that enables POST /api/ingest; unset, ingest through the API is refused (403).',
  },
  {
    name: 'PORT',
    default: '8080',
    usedBy: 'start',
    description: 'Port of `khabar start` when --port is not given (`khabar serve` takes --port).',
  },
  {
    name: 'XDG_DATA_HOME',
    default: '~/.local/share',
    usedBy: 'every command',
    description: 'Base folder of the default SQLite archive (khabar/khabar.db under it).',
  },
  {
    name: 'HOME',
    default: '',
    usedBy: 'every command',
    description: 'Used for the data folder when XDG_DATA_HOME is unset.',
  },
  {
    name: 'KHABAR_RANK_WINDOW',
    default: '500',
    usedBy: 'search (store)',
    description: 'How many best full-text matches are ranked exactly before paging.',
  },
  {
    name: 'KHABAR_NATIVE_RANK',
    default: 'on',
    usedBy: 'search (SQLite store)',
    description:
      '`off` ranks with FTS5 bm25 even when the native khabar_bm25 (npm run build:native) is built.',
  },
  {
    name: 'KHABAR_RANK_DF_CAP',
    default: '2000',
    usedBy: 'search (SQLite store)',
    description:
      'khabar_bm25 counts at most this many articles per query phrase for its IDF and estimates beyond.',
  },
  {
    name: 'KHABAR_TOTAL_CAP',
    default: '10000',
    usedBy: 'search (store)',
    description:
      'A search counts its matches exactly up to this many; beyond, the total reads "more than N".',
  },
  {
    name: 'KHABAR_HEAP_GROWTH',
    default: '20',
    usedBy: 'ingest, import, worker',
    description:
      'Percent the V8 heap may grow before a collection during ingest (bounds peak memory); off keeps V8 default.',
  },
  {
    name: 'KHABAR_OPT_BYTECODE_LIMIT',
    default: '4096',
    usedBy: 'ingest, import, worker',
    description:
      'Longest function (bytes of bytecode) V8 optimizes during ingest; longer ones cost 60-80 MB to compile (bounds peak memory) and were compiled again and again (CPU); off keeps V8 default.',
  },
  {
    name: 'KHABAR_LLM_URL',
    default: '',
    usedBy: 'compose --llm',
    description:
      'OpenAI-compatible chat endpoint (base URL or …/chat/completions) that writes composed briefs; unset, compose is extractive only.',
  },
  {
    name: 'KHABAR_LLM_MODEL',
    default: 'default',
    usedBy: 'compose --llm',
    description: 'Model name sent to KHABAR_LLM_URL.',
  },
  {
    name: 'KHABAR_LLM_KEY',
    default: '',
    usedBy: 'compose --llm',
    description: 'Bearer token for KHABAR_LLM_URL (optional).',
  },
  {
    name: 'KHABAR_LLM_TIMEOUT_MS',
    default: '30000',
    usedBy: 'compose --llm',
    description: 'Whole-request timeout of the model call; on timeout the extractive brief is used.',
  },
  {
    name: 'KHABAR_LOG_LEVEL',
    default: 'info',
    usedBy: 'worker, ingest --queue',
    description: 'Lowest level of the JSON log lines written to stderr: debug, info, warn or error.',
  },
  {
    name: 'KHABAR_QUEUE_SCHEMA',
    default: 'khabar_queue',
    usedBy: 'worker, ingest --queue, status',
    description: 'PostgreSQL schema of the pg-boss job queue (created on first use).',
  },
  {
    name: 'KHABAR_WORKER_CONCURRENCY',
    default: '2',
    usedBy: 'worker',
    description:
      'Jobs one worker process handles at a time (--concurrency wins). Analysis is CPU-bound: run one worker process per core rather than raising this.',
  },
  {
    name: 'KHABAR_JOB_TIMEOUT',
    default: '300',
    usedBy: 'ingest --queue',
    description:
      'Seconds a job may stay active; a job held by a worker that died returns to the queue after this (then is retried).',
  },
  {
    name: 'KHABAR_JOB_RETRIES',
    default: '5',
    usedBy: 'ingest --queue',
    description: 'Retries of a failing job before it goes to the dead-letter queue (khabar status lists it).',
  },
  {
    name: 'KHABAR_JOB_RETRY_DELAY',
    default: '10',
    usedBy: 'ingest --queue',
    description:
      'Seconds before the first retry; each later retry waits about twice as long (exponential backoff).',
  },
  {
    name: 'KHABAR_QUEUE_MAINTENANCE',
    default: '60',
    usedBy: 'worker',
    description:
      'Seconds between queue maintenance runs (expiring jobs of dead workers, dead-lettering, archiving); one worker runs it at a time.',
  },
  {
    name: 'KHABAR_SHUTDOWN_TIMEOUT',
    default: '30',
    usedBy: 'worker',
    description:
      'On SIGTERM/SIGINT, seconds to let in-flight jobs finish; jobs still running then are handed back to the queue.',
  },
  {
    name: 'KHABAR_TEST_PG',
    default: 'postgres://postgres@127.0.0.1:5432/test',
    usedBy: 'tests, scripts/reliability',
    description:
      'PostgreSQL used by the tests and the reliability scripts (each run makes its own schemas and drops them).',
  },
  {
    name: 'CI',
    default: '',
    usedBy: 'tests',
    description: 'When set, PostgreSQL tests fail instead of skipping if the server is unreachable.',
  },
];

function numberFrom(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name}="${raw}" is not a number ≥ ${min}`);
  return n;
}

export interface QueueSettings {
  schema: string;
  jobTimeoutSeconds: number;
  retryLimit: number;
  retryDelaySeconds: number;
  maintenanceSeconds: number;
}

export function queueSettings(env: NodeJS.ProcessEnv = process.env): QueueSettings {
  const schema = env.KHABAR_QUEUE_SCHEMA?.trim() || 'khabar_queue';
  if (!/^[a-z_][a-z0-9_]*$/u.test(schema))
    throw new Error(`KHABAR_QUEUE_SCHEMA="${schema}" must be lower-case letters, digits and _`);
  return {
    schema,
    jobTimeoutSeconds: numberFrom(env, 'KHABAR_JOB_TIMEOUT', 300, 1),
    retryLimit: Math.round(numberFrom(env, 'KHABAR_JOB_RETRIES', 5, 0)),
    retryDelaySeconds: numberFrom(env, 'KHABAR_JOB_RETRY_DELAY', 10, 1),
    maintenanceSeconds: numberFrom(env, 'KHABAR_QUEUE_MAINTENANCE', 60, 1),
  };
}

export function workerSettings(env: NodeJS.ProcessEnv = process.env): {
  concurrency: number;
  shutdownTimeoutSeconds: number;
} {
  return {
    concurrency: Math.max(1, Math.round(numberFrom(env, 'KHABAR_WORKER_CONCURRENCY', 2, 1))),
    shutdownTimeoutSeconds: numberFrom(env, 'KHABAR_SHUTDOWN_TIMEOUT', 30, 0),
  };
}
