/**
 * Dyads for the store: ordered actor pairs with event counts by type and a score per month.
 * Until the events module's `dyads()` (src/analyze/relations.ts) lands, this computes them
 * with a Goldstein-like weight per PLOVER type; denied or negated events are not counted.
 */
import type { Dyad, DyadPeriod, PloverType } from '../model.ts';
import type { StoredEvent } from './store.ts';

const WEIGHT: Record<PloverType, number> = {
  AGREE: 6,
  CONSULT: 2,
  SUPPORT: 4,
  CONCEDE: 5,
  COOPERATE: 6,
  AID: 7,
  RETREAT: 3,
  REQUEST: 1,
  ACCUSE: -3,
  REJECT: -4,
  THREATEN: -6,
  PROTEST: -5,
  SANCTION: -7,
  MOBILIZE: -5,
  COERCE: -8,
  ASSAULT: -10,
};

export function dyadsOf(events: StoredEvent[], opts: { level: 'country' | 'actor' }): Dyad[] {
  const key = (a: StoredEvent['source'][number]) =>
    opts.level === 'country' ? a.country : (a.entityId ?? a.name ?? a.country);
  const acc = new Map<
    string,
    { dyad: Dyad; sum: number; periods: Map<string, { n: number; sum: number }> }
  >();
  for (const ev of events) {
    if (ev.negated || ev.modality === 'denied') continue;
    const period = (ev.date?.value ?? ev.published ?? '').slice(0, 7) || 'unknown';
    const pairs = new Set<string>();
    for (const s of ev.source) {
      for (const t of ev.target) {
        const a = key(s);
        const b = key(t);
        if (a && b && a !== b) pairs.add(`${a}\u0000${b}`);
      }
    }
    for (const p of pairs) {
      const [source, target] = p.split('\u0000') as [string, string];
      let d = acc.get(p);
      if (!d) {
        d = {
          dyad: { level: opts.level, source, target, counts: {}, total: 0, score: 0, periods: [] },
          sum: 0,
          periods: new Map(),
        };
        acc.set(p, d);
      }
      d.dyad.counts[ev.type] = (d.dyad.counts[ev.type] ?? 0) + 1;
      d.dyad.total++;
      d.sum += WEIGHT[ev.type];
      const per = d.periods.get(period) ?? { n: 0, sum: 0 };
      per.n++;
      per.sum += WEIGHT[ev.type];
      d.periods.set(period, per);
    }
  }
  return [...acc.values()]
    .map(({ dyad, sum, periods }) => {
      const ps: DyadPeriod[] = [...periods.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, v]) => ({ period, events: v.n, score: v.sum / v.n }));
      return { ...dyad, score: sum / dyad.total, periods: ps };
    })
    .sort(
      (a, b) => b.total - a.total || a.source.localeCompare(b.source) || a.target.localeCompare(b.target),
    );
}
