/**
 * What a reader types in a date box, read as the API's `from`/`to` value. The boxes were
 * `<input type=date|month>`, which draw the browser locale's form: an Arabic reader saw
 * «mm/dd/yyyy» (or «---------- ----» for a month) and had to type month before day. The boxes are
 * text now, year first as the API takes it (2025-10-31), and this reads what people write:
 *
 * - Western, Arabic-Indic (٢٠٢٥) or Persian (۲۰۲۵) digits;
 * - `-`, `/` or `.` between the parts (also the Arabic date separator ؍ and spaces);
 * - year first (2025-10-31, 2025-10, 2025), or day first with the year last (31/10/2025, the
 *   order Arabic newsrooms write — never month first);
 * - for a month box: 2025-10 or 10/2025.
 *
 * The value is the same string the native box sent for a full date (`2025-10-31`); a year or
 * a year and month in a day box is sent as written (the API takes `YYYY` and `YYYY-MM` too).
 */

export type DateKind = 'day' | 'month';

export type DateRead = { value: string } | { error: 'format' | 'calendar' };

const DIGITS: Record<string, string> = {};
for (let i = 0; i < 10; i++) {
  DIGITS[String.fromCharCode(0x660 + i)] = String(i); // ٠–٩
  DIGITS[String.fromCharCode(0x6f0 + i)] = String(i); // ۰–۹
}

/** Western digits and `-` between the parts; bidi marks and stray spaces gone. */
function plain(text: string): string {
  return text
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (d) => DIGITS[d] ?? d)
    .replace(/[\u200e\u200f\u061c\u2066-\u2069\u202a-\u202e]/gu, '')
    .trim()
    .replace(/\s*[-/.\u060d\u2010-\u2015\u2212]\s*|\s+/gu, '-');
}

const pad = (s: string) => s.padStart(2, '0');

function valid(y: number, m?: number, d?: number): boolean {
  if (y < 1000 || y > 9999) return false;
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  // Day 0 of the next month is the last day of this one (UTC: no time zone shifts it).
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d >= 1 && d <= last;
}

/** Empty text is `{ value: '' }`: the filter is removed. */
export function readDate(text: string, kind: DateKind = 'day'): DateRead {
  const s = plain(text);
  if (s === '') return { value: '' };
  const yearFirst = /^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$/u.exec(s);
  const yearLast = yearFirst ? null : /^(?:(\d{1,2})-)?(\d{1,2})-(\d{4})$/u.exec(s);
  if (!yearFirst && !yearLast) return { error: 'format' };
  const [y, m, d] = yearFirst
    ? [yearFirst[1], yearFirst[2], yearFirst[3]]
    : [yearLast?.[3], yearLast?.[2], yearLast?.[1]];
  if (kind === 'month' && (d !== undefined || m === undefined)) return { error: 'format' };
  if (!valid(Number(y), m === undefined ? undefined : Number(m), d === undefined ? undefined : Number(d)))
    return { error: 'calendar' };
  return {
    value: [y, m, d]
      .filter((x): x is string => x !== undefined)
      .map((x, i) => (i ? pad(x) : x))
      .join('-'),
  };
}

/**
 * True when a `from` starts after a `to` ends (2025-11-01 to 2025-10-31; `2025-10` ends on the
 * 31st): such a range finds nothing, and the page says why instead of «no results».
 */
export function rangeReversed(from: string | undefined, to: string | undefined): boolean {
  const a = from ? readDate(from) : undefined;
  const b = to ? readDate(to) : undefined;
  if (!a || !b || !('value' in a) || !('value' in b) || !a.value || !b.value) return false;
  const start = `${a.value}-01-01`.slice(0, 10);
  const end = (
    b.value.length === 4 ? `${b.value}-12-31` : b.value.length === 7 ? `${b.value}-31` : b.value
  ).slice(0, 10);
  return start > end;
}
