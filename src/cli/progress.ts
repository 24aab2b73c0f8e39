/**
 * Progress for long commands: on a terminal, one redrawn line with a bar (when the total
 * is known), count, rate and ETA; otherwise a plain log line every few seconds, so logs
 * stay readable in files and CI.
 */
import type { Writable } from 'node:stream';
import type { Lang } from '../i18n/glossary.ts';

export interface ProgressOptions {
  stream: Writable;
  isTTY: boolean;
  /** Expected number of items, when known (enables the bar and the ETA). */
  total?: number;
  label?: string;
  /** Milliseconds between plain log lines (default 5000). */
  logEveryMs?: number;
  /** The words of the line (default English): «/ث», «المتبقي», «مضى» in Arabic. */
  lang?: Lang;
}

export interface ProgressState {
  done: number;
  elapsedMs: number;
  /** Extra counters shown after the rate (`new 12 dup 1 …`). */
  detail?: string;
  /** The expected number of items now, when it changed since the start (a feed read). */
  total?: number;
}

export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '?';
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

/** The text of one progress report (also used for log lines). */
export function progressLine(state: ProgressState, total?: number, width = 24, lang: Lang = 'en'): string {
  const ar = lang === 'ar';
  const rate = state.elapsedMs > 0 ? (state.done * 1000) / state.elapsedMs : 0;
  const parts: string[] = [];
  // The total is an estimate (a feed in a folder counts as one file): once passed, the count alone.
  if (total && total > 0 && state.done <= total) {
    const frac = Math.min(1, state.done / total);
    const filled = Math.round(frac * width);
    parts.push(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`);
    parts.push(`${state.done}/${total}`);
    parts.push(`${Math.floor(frac * 100)}%`);
  } else parts.push(String(state.done));
  parts.push(`${rate.toFixed(rate < 10 ? 1 : 0)}/${ar ? 'ث' : 's'}`);
  if (total && total > state.done && rate > 0)
    parts.push(`${ar ? 'المتبقي' : 'ETA'} ${formatDuration(((total - state.done) / rate) * 1000)}`);
  else parts.push(`${ar ? 'مضى' : 'elapsed'} ${formatDuration(state.elapsedMs)}`);
  if (state.detail) parts.push(`| ${state.detail}`);
  return parts.join(' ');
}

export interface Progress {
  update(state: ProgressState): void;
  /** Clears the live line (terminal) before the summary is printed. */
  done(state?: ProgressState): void;
}

export function createProgress(opts: ProgressOptions): Progress {
  const label = opts.label ? `${opts.label}: ` : '';
  const every = opts.logEveryMs ?? 5000;
  // The first log line after `every`, not at the first item: a run shorter than that logs one
  // line, at its end (a one-file ingest printed the same line twice).
  let lastLog = 0;
  let drawn = false;
  return {
    update(state) {
      const line = label + progressLine(state, state.total ?? opts.total, 24, opts.lang);
      if (opts.isTTY) {
        const cols = (opts.stream as Writable & { columns?: number }).columns ?? 100;
        opts.stream.write(`\r\x1b[2K${line.slice(0, Math.max(20, cols - 1))}`);
        drawn = true;
      } else if (state.elapsedMs - lastLog >= every) {
        lastLog = state.elapsedMs;
        opts.stream.write(`${line}\n`);
      }
    },
    done(state) {
      if (opts.isTTY) {
        if (drawn) opts.stream.write('\r\x1b[2K');
      } else if (state)
        opts.stream.write(`${label}${progressLine(state, state.total ?? opts.total, 24, opts.lang)}\n`);
    },
  };
}
