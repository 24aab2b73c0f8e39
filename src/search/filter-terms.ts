/**
 * `outlet:` and `from:`/`to:` as full-text terms. Each article's index gets a `meta` column
 * of a few terms — its outlet (`o` + 16 hex digits of the outlet's SHA-1) and its publication
 * day at three grains (`y2016`, `m201601`, `d20160115`) — so a query with these filters is
 * one full-text expression the engine intersects with the words (FTS5 and GIN skip through
 * the lists), instead of a set of rids read from the articles table and tested per match
 * (seconds on PostgreSQL; linear in the matches on SQLite).
 *
 * A date range becomes the fewest terms that cover it exactly: whole years, then whole
 * months, then days at the edges (`from:2015-11-20 to:2017-02` → d20151120 … d20151130,
 * m201512, y2016, m201701, m201702).
 */
import { createHash } from 'node:crypto';

/** A publication day `YYYY-MM-DD` that is a calendar date (month 01–12, day 01–31), or null. */
export function calendarDay(day: string | null | undefined): string | null {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day) : null;
  if (!m) return null;
  const month = Number(m[2]);
  const d = Number(m[3]);
  return month >= 1 && month <= 12 && d >= 1 && d <= 31 ? day! : null;
}

export function outletTerm(outlet: string): string {
  return `o${createHash('sha1').update(outlet).digest('hex').slice(0, 16)}`;
}

/** The `meta` terms of an article (space-joined, as the index columns are). */
export function metaTerms(outlet: string | null | undefined, day: string | null | undefined): string {
  const out: string[] = [];
  if (outlet) out.push(outletTerm(outlet));
  const d = calendarDay(day);
  if (d) {
    const digits = d.replace(/-/gu, '');
    out.push(`y${digits.slice(0, 4)}`, `m${digits.slice(0, 6)}`, `d${digits}`);
  }
  return out.join(' ');
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * The terms covering every calendar day from `lo` to `hi` (both `YYYY-MM-DD`, inclusive), or
 * undefined when more than `max` would be needed (the caller filters another way).
 */
export function dateRangeTerms(lo: string, hi: string, max = 120): string[] | undefined {
  const out: string[] = [];
  let [y, m, d] = lo.split('-').map(Number) as [number, number, number];
  const key = () => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  while (key() <= hi) {
    if (out.length >= max) return undefined;
    if (m === 1 && d === 1 && `${pad(y, 4)}-12-31` <= hi) {
      out.push(`y${pad(y, 4)}`);
      y++;
    } else if (d === 1 && `${pad(y, 4)}-${pad(m)}-31` <= hi) {
      out.push(`m${pad(y, 4)}${pad(m)}`);
      if (++m > 12) {
        m = 1;
        y++;
      }
    } else {
      out.push(`d${pad(y, 4)}${pad(m)}${pad(d)}`);
      // Days 29–31 that a month lacks never occur in an index: no harm in asking for them.
      if (++d > 31) {
        d = 1;
        if (++m > 12) {
          m = 1;
          y++;
        }
      }
    }
  }
  return out;
}
