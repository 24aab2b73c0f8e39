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
  /**
   * Items a second now (`createProgress`: over the last `RATE_WINDOW_MS`); the average since
   * the start when absent.
   */
  rate?: number;
}

/**
 * The rate a live line shows is that of the last 10 seconds, not the average since the start:
 * on standard input or a URL — no total, so the rate is what a user watches — the average
 * counted the seconds before the first article (loading the models: «1 0.2/s» while 5 a
 * second went by), and with `--follow` it fell poll after poll while nothing came in
 * («3 0.2/s» after a minute, «0.0/s» hours later, as if the ingest crawled); now it says 0/s
 * when nothing came in those 10 seconds, and the ETA of a known total follows the pace.
 */
export const RATE_WINDOW_MS = 10_000;

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
  const rate = state.rate ?? (state.elapsedMs > 0 ? (state.done * 1000) / state.elapsedMs : 0);
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
  /** (elapsed, done) at each update: the first is the newest at least RATE_WINDOW_MS old. */
  const samples: Array<readonly [number, number]> = [];
  const recentRate = (state: ProgressState): number | undefined => {
    samples.push([state.elapsedMs, state.done]);
    while (samples.length > 2 && state.elapsedMs - samples[1]![0] >= RATE_WINDOW_MS) samples.shift();
    const [t0, d0] = samples[0]!;
    const dt = state.elapsedMs - t0;
    // Under a second since the first update: too few to tell, the average since the start.
    return dt >= 1000 ? ((state.done - d0) * 1000) / dt : undefined;
  };
  return {
    update(state) {
      const rate = state.rate ?? recentRate(state);
      const line =
        label +
        progressLine(
          rate === undefined ? state : { ...state, rate },
          state.total ?? opts.total,
          24,
          opts.lang,
        );
      if (opts.isTTY) {
        // A terminal that reports no size (0 columns: `script`, some containers) is no 20-column one:
        // the line was cut to «ingest: 1 0.2/s elap».
        const columns = (opts.stream as Writable & { columns?: number }).columns;
        const cols = columns && columns > 0 ? columns : 100;
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
