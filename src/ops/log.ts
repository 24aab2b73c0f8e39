/**
 * Structured JSON logs: one line per event on a stream (stderr by default) with `level`,
 * `time` (ISO), `msg` and the event's fields. `KHABAR_LOG_LEVEL` (debug|info|warn|error)
 * sets the threshold. Errors in fields become `{name, message}` so a line is always JSON.
 */
import type { Writable } from 'node:stream';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export type Fields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: Fields): Logger;
}

export interface LoggerOptions {
  stream?: Writable;
  level?: LogLevel;
  /** Fields on every line (e.g. `{ service: 'worker', pid }`). */
  base?: Fields;
  /** Clock, for tests. */
  now?: () => Date;
}

export function parseLevel(v: string | undefined): LogLevel {
  return v && v in RANK ? (v as LogLevel) : 'info';
}

function plain(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message };
  if (typeof value === 'bigint') return value.toString();
  return value;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const stream = opts.stream ?? process.stderr;
  const min = RANK[opts.level ?? parseLevel(process.env.KHABAR_LOG_LEVEL)];
  const now = opts.now ?? (() => new Date());
  const base = opts.base ?? {};
  const emit = (level: LogLevel, msg: string, fields?: Fields) => {
    if (RANK[level] < min) return;
    const line: Fields = { level, time: now().toISOString(), msg, ...base };
    if (fields) for (const [k, v] of Object.entries(fields)) line[k] = plain(v);
    let text: string;
    try {
      text = JSON.stringify(line);
    } catch {
      text = JSON.stringify({ level, time: line.time, msg, note: 'fields not serializable' });
    }
    stream.write(`${text}\n`);
  };
  const make = (extra: Fields): Logger => {
    const merged = (f?: Fields) => (f ? { ...extra, ...f } : extra);
    return {
      debug: (m, f) => emit('debug', m, merged(f)),
      info: (m, f) => emit('info', m, merged(f)),
      warn: (m, f) => emit('warn', m, merged(f)),
      error: (m, f) => emit('error', m, merged(f)),
      child: (f) => make({ ...extra, ...f }),
    };
  };
  return make({});
}
