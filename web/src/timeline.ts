/**
 * Where the timeline puts each event, and how long its axis is. The axis spans the events
 * dated to a day or a month (or, undated, by their article's day); an event dated by a year
 * only («عام 1937», «العام الماضي») is drawn over that year where the year meets the axis, and
 * otherwise listed beside the chart rather than stretching the axis over decades for one dot.
 * A day or month far from all the others (a recalled «ديسمبر 1992» among this week's events)
 * is set aside the same way (see `fence`).
 */
import type { StoredEvent } from './api.ts';

const DAY = 86_400_000;

export type TimeKind = 'day' | 'month' | 'year' | 'article';

export interface Placed {
  e: StoredEvent;
  /** Where the dot is drawn (ms since the epoch, UTC). */
  t: number;
  kind: TimeKind;
  /** A year-only event: the part of its year that lies on the axis (drawn as a band). */
  span?: [number, number];
}

export interface TimelineLayout {
  /** The axis' ends; equal when every drawn event is on one day. */
  min: number;
  max: number;
  onAxis: Placed[];
  /** Dated, but too far from the rest to draw (oldest first). */
  outside: Placed[];
  undated: StoredEvent[];
}

const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

/** The event's own date (day, mid-month, mid-year), else its article's day; undefined when neither. */
export function eventTime(
  e: StoredEvent,
): { t: number; kind: TimeKind; from?: number; to?: number } | undefined {
  const v = e.date?.value;
  if (v && /^\d{4}$/.test(v)) {
    const from = utc(`${v}-01-01`);
    const to = utc(`${Number(v) + 1}-01-01`) - DAY;
    return Number.isNaN(from) ? undefined : { t: utc(`${v}-07-01`), kind: 'year', from, to };
  }
  if (v && /^\d{4}-\d{2}$/.test(v)) {
    const t = utc(`${v}-15`);
    return Number.isNaN(t) ? undefined : { t, kind: 'month' };
  }
  if (v && /^\d{4}-\d{2}-\d{2}/.test(v)) {
    const t = utc(v.slice(0, 10));
    if (!Number.isNaN(t)) return { t, kind: 'day' };
  }
  const p = e.published;
  if (p && /^\d{4}-\d{2}-\d{2}/.test(p)) {
    const t = utc(p.slice(0, 10));
    if (!Number.isNaN(t)) return { t, kind: 'article' };
  }
  return undefined;
}

/**
 * The range a day- or month-dated event may lie in and still set the axis: the middle 90 %
 * of them (by count) widened by its own length (at least 31 days) on each side. Two bursts
 * of news years apart both stay; one recalled date decades before the rest does not.
 */
export function fence(times: number[]): [number, number] {
  const s = [...times].sort((a, b) => a - b);
  const n = s.length;
  const lo = s[Math.floor(0.05 * (n - 1))]!;
  const hi = s[Math.ceil(0.95 * (n - 1))]!;
  const w = Math.max(hi - lo, 31 * DAY);
  return [lo - w, hi + w];
}

export function layoutTimeline(events: StoredEvent[]): TimelineLayout {
  const undated: StoredEvent[] = [];
  const fine: Placed[] = [];
  const years: Array<Placed & { from: number; to: number }> = [];
  for (const e of events) {
    const at = eventTime(e);
    if (!at) undated.push(e);
    else if (at.kind === 'year') years.push({ e, t: at.t, kind: 'year', from: at.from!, to: at.to! });
    else fine.push({ e, t: at.t, kind: at.kind });
  }
  const outside: Placed[] = [];
  let onAxis: Placed[] = fine;
  if (fine.length) {
    const [lo, hi] = fence(fine.map((p) => p.t));
    onAxis = fine.filter((p) => p.t >= lo && p.t <= hi);
    outside.push(...fine.filter((p) => p.t < lo || p.t > hi));
  }
  let min = Math.min(...onAxis.map((p) => p.t));
  let max = Math.max(...onAxis.map((p) => p.t));
  if (!onAxis.length && years.length) {
    // Only year-dated events: the axis runs over their years.
    min = Math.min(...years.map((y) => y.from));
    max = Math.max(...years.map((y) => y.to));
  }
  for (const y of years) {
    const a = Math.max(y.from, min);
    const b = Math.min(y.to, max);
    if (a > b) outside.push({ e: y.e, t: y.t, kind: 'year' });
    else onAxis.push({ e: y.e, t: (a + b) / 2, kind: 'year', span: [a, b] });
  }
  outside.sort((a, b) => a.t - b.t);
  return { min, max, onAxis, outside, undated };
}
