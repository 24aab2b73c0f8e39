/**
 * Relations: events add up to dyads — ordered actor pairs, at country level or actor level —
 * with counts by PLOVER type and a cooperation–conflict score per period. The weights are
 * Goldstein-like, one per type (docs/events.md); modality scales them (intended ×0.5,
 * conditional ×0.25) and denied/negated events are left out of counts and scores. Pure.
 */
import type { Actor, Dyad, DyadPeriod, EventRecord, PloverType } from '../model.ts';

/** Cooperation (+) to conflict (−) weight of each PLOVER type, in [−10, 10]. */
export const WEIGHTS: Readonly<Record<PloverType, number>> = {
  AGREE: 6,
  CONSULT: 2,
  SUPPORT: 4,
  COOPERATE: 6,
  AID: 7,
  CONCEDE: 5,
  RETREAT: 3,
  REQUEST: 1,
  ACCUSE: -3,
  REJECT: -4,
  PROTEST: -5,
  THREATEN: -6,
  SANCTION: -7,
  MOBILIZE: -5,
  COERCE: -8,
  ASSAULT: -10,
};

/** How much of its type's weight an event carries: 0 when denied or negated. */
export const MODALITY_FACTOR: Readonly<Record<EventRecord['modality'], number>> = {
  happened: 1,
  intended: 0.5,
  conditional: 0.25,
  denied: 0,
};

export function eventWeight(e: Pick<EventRecord, 'type' | 'modality' | 'negated'>): number {
  if (e.negated) return 0;
  return WEIGHTS[e.type] * MODALITY_FACTOR[e.modality];
}

export type DyadLevel = 'country' | 'actor';
export type PeriodUnit = 'day' | 'month' | 'year' | 'all';

export interface DyadOptions {
  /** `country` (ISO3 pairs, the default) or `actor` (entity id, or country/sector). */
  level?: DyadLevel;
  /** Period key of the per-period scores; default `month`. */
  period?: PeriodUnit;
  /**
   * Only the pairs of these actors (an `actor` filter): a pair counts when one of its sides is
   * the key of an actor of that event this accepts — not the pairs of two other actors of the
   * same event («A and B struck C» asked for A gives A→C, not B→C).
   */
  only?: (a: Actor) => boolean;
}

export type DatedEvent = EventRecord & { published?: string };

function actorKey(a: Actor, level: DyadLevel): string | undefined {
  if (level === 'country') return a.country;
  if (a.entityId) return a.entityId;
  if (a.country || a.sector) return [a.country ?? '---', a.sector].filter(Boolean).join('/');
  return a.name;
}

/** The period an event falls in: its own date when it has one, else the article's publication. */
export function periodOf(e: DatedEvent, unit: PeriodUnit): string {
  if (unit === 'all') return 'all';
  const own = e.date?.value && e.date.precision !== 'unknown' ? e.date.value : undefined;
  const v = own ?? (e.background ? undefined : e.published);
  if (!v) return 'unknown';
  const len = unit === 'day' ? 10 : unit === 'month' ? 7 : 4;
  return v.length >= len ? v.slice(0, len) : v;
}

/**
 * Ordered pairs an event adds: source × target; a reciprocal event adds both directions between
 * all its sides, those of its target list included («اتفق X مع Y» may list Y only as a target).
 */
export function pairsOf(
  e: EventRecord,
  level: DyadLevel,
  only?: (a: Actor) => boolean,
): Array<[string, string]> {
  const keys = (xs: EventRecord['source']) => [
    ...new Set(xs.map((a) => actorKey(a, level)).filter((x): x is string => !!x)),
  ];
  const src = e.reciprocal ? keys([...e.source, ...e.target]) : keys(e.source);
  const tgt = e.reciprocal ? src : keys(e.target);
  const mine = only ? new Set(keys([...e.source, ...e.target].filter(only))) : undefined;
  const out: Array<[string, string]> = [];
  for (const s of src)
    for (const t of tgt) if (s !== t && (!mine || mine.has(s) || mine.has(t))) out.push([s, t]);
  return out;
}

interface Acc {
  counts: Partial<Record<PloverType, number>>;
  total: number;
  sum: number;
  periods: Map<string, { events: number; sum: number }>;
}

export function dyads(events: DatedEvent[], opts: DyadOptions = {}): Dyad[] {
  const level = opts.level ?? 'country';
  const unit = opts.period ?? 'month';
  const acc = new Map<string, Acc>();
  for (const e of events) {
    if (e.negated || e.modality === 'denied') continue;
    const w = eventWeight(e);
    const period = periodOf(e, unit);
    for (const [s, t] of pairsOf(e, level, opts.only)) {
      const k = `${s}\u0000${t}`;
      let a = acc.get(k);
      if (!a) {
        a = { counts: {}, total: 0, sum: 0, periods: new Map() };
        acc.set(k, a);
      }
      a.counts[e.type] = (a.counts[e.type] ?? 0) + 1;
      a.total++;
      a.sum += w;
      const p = a.periods.get(period) ?? { events: 0, sum: 0 };
      p.events++;
      p.sum += w;
      a.periods.set(period, p);
    }
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  const out: Dyad[] = [];
  for (const [k, a] of acc) {
    const [source, target] = k.split('\u0000') as [string, string];
    const periods: DyadPeriod[] = [...a.periods]
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([period, p]) => ({ period, events: p.events, score: round(p.sum / p.events) }));
    out.push({
      level,
      source,
      target,
      counts: a.counts,
      total: a.total,
      score: round(a.sum / a.total),
      periods,
    });
  }
  return out.sort((x, y) => y.total - x.total || (x.source + x.target < y.source + y.target ? -1 : 1));
}
