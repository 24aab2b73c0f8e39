/**
 * The publication date an article's own text gives when its source gave none: a dateline
 * («طهران، الثلاثاء 11 نوفمبر 2025 (خاص) - …»), a date line at the top («نُشر في 2025/11/11»,
 * «الأربعاء 12 نوفمبر 2025»), «اليوم الأربعاء 12 نوفمبر 2025» in the first lines, or a byline
 * at the end («بقلم: … - 11 نوفمبر 2025»). A date must stand where a dateline or byline puts
 * it — at the start of its line, after at most a place, a name or «نُشر في» closed by a comma
 * or a dash, and a weekday; and end its line or run into the dateline's credit and dash —
 * so a date inside a sentence or a headline («الحكومة تحدد 5 مارس 2026 موعدا …») is no
 * article date. Relative words («اليوم الثلاثاء») have no anchor here and date nothing.
 */
import { findDates } from '../analyze/dates.ts';
import { creditName } from '../brief/credit.ts';
import type { Article, DateRef, Span } from '../model.ts';
import { matchForm } from '../text/index.ts';

export interface TextDate {
  /** `YYYY-MM-DD`. */
  day: string;
  /** Offsets into the text, or undefined when it came from `byline` (not in the text). */
  span?: Span;
  expression: string;
  where: 'dateline' | 'byline';
}

const DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;
/** Arabic-Indic digits as ASCII: one code unit each, so offsets hold. */
export function latinDigits(s: string): string {
  return s.replace(DIGITS, (d) => String((d.codePointAt(0)! - 0x0660) % 0x90));
}
const WEEKDAY = '(?:يوم\\s+)?(?:ال)?(?:احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)';
const MARKER = '(?:تاريخ\\s+النشر|نشر(?:\\s+(?:في|بتاريخ|يوم))?|بتاريخ|صدر\\s+في)';
const WORD = '[^\\s\\d،,.:;؛!؟?()\\[\\]«»"\\-–—|]+';
const NAME = `${WORD}\\s*:?(?:\\s+${WORD}){0,3}\\s*(?:\\(${WORD}(?:\\s+${WORD}){0,3}\\))?`;
const beforeRe = (closed: string) =>
  new RegExp(`^[\\s|]*(?:${MARKER}\\s*:?\\s*)?(?:${closed})?(?:${WEEKDAY}\\s*[،,]?\\s*)?$`, 'u');
/**
 * What may stand before the date on its line: «نُشر في», a place, a name or a credit (one to
 * four words, «(خاص)» after them) closed by a comma, a dash or a colon, a weekday.
 */
const BEFORE = beforeRe(`${NAME}\\s*[،,:\\-–—|]\\s*`);
/** «القاهرة في 3 أكتوبر 2025 (خاص) -»: a place and «في» — only where a dash follows (see AFTER_DASH). */
const BEFORE_FI = beforeRe(`${NAME}\\s+في\\s*`);
/** «… اليوم الأربعاء 12 نوفمبر 2025»: today, named. */
const TODAY_BEFORE = new RegExp(`(?:^|\\s)اليوم\\s*[،,]?\\s*(?:${WEEKDAY}\\s*[،,]?\\s*)?$`, 'u');
/**
 * What may follow it: a time, a second calendar's date («الموافق …»), a credit in parentheses,
 * then the end of the line, or a dash or a bar (the dateline goes on into the lead).
 */
const afterRe = (end: string) =>
  new RegExp(
    '^\\s*(?:م(?![\\p{L}]))?\\s*(?:[،,]?\\s*الموافق[^\\-–—|\\n]{1,40}?)?' +
      '(?:[،,\\-–—|]?\\s*(?:الساعه\\s*)?\\d{1,2}:\\d{2}(?::\\d{2})?\\s*(?:[صم]|[AaPp][Mm])?)?' +
      `\\s*(?:\\([^()\\n]{1,40}\\))?\\s*(?:${end})`,
    'u',
  );
const AFTER = afterRe('$|[\\-–—|]');
const AFTER_DASH = afterRe('[\\-–—]');
/** «طهران - 30 سبتمبر 2025: التقى …»: a colon closes the dateline — only after a place and a dash or comma. */
const AFTER_COLON = afterRe(':');
const PLACE_BEFORE = new RegExp(`^[\\s|]*${NAME}\\s*[،,\\-–—]\\s*(?:${WEEKDAY}\\s*[،,]?\\s*)?$`, 'u');
/** Year first, as «نُشر في 2025/11/11» (findDates reads day first). */
const YEAR_FIRST = /(?<!\d)(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?!\d)/gu;

/** `YYYY-MM-DD` for a year, month and day of the calendar, else undefined («31/02», month 13). */
export function validDay(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1000) return undefined;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Day dates in a line, as [day, start, end] (line offsets), in order. */
function daysIn(line: string): Array<[string, number, number]> {
  const out: Array<[string, number, number]> = [];
  const ascii = latinDigits(line);
  for (const d of findDates(ascii))
    if (d.span && d.value && d.precision === 'day' && !d.durationDays && /^\d{4}-\d{2}-\d{2}$/u.test(d.value))
      out.push([d.value, d.span[0], d.span[1]]);
  for (const m of ascii.matchAll(YEAR_FIRST)) {
    const day = validDay(Number(m[1]), Number(m[3]), Number(m[4]));
    const s = m.index;
    const e = s + m[0].length;
    if (day && !out.some(([, a, b]) => s < b && e > a)) out.push([day, s, e]);
  }
  return out.sort((a, b) => a[1] - b[1]);
}

const WEEKDAY_AT_END = /(احد|اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت)\s*[،,]?\s*$/u;
const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  احد: 0,
  اثنين: 1,
  ثلاثاء: 2,
  اربعاء: 3,
  خميس: 4,
  جمعه: 5,
  سبت: 6,
};

/** False when the weekday named before the date is not that date's («اليوم الأحد 12 مارس 2016», a Saturday): a mistyped year. */
function weekdayAgrees(before: string, day: string): boolean {
  const w = WEEKDAY_AT_END.exec(before);
  return !w || new Date(`${day}T00:00:00Z`).getUTCDay() === WEEKDAY_NUMBER[w[1]!];
}

/** The first date in `line` standing as a dateline's or a byline's date (see the file's comment). */
function lineDate(line: string, today: boolean): [string, number, number] | undefined {
  for (const hit of daysIn(line)) {
    // The match form (harakat dropped, alef forms, ى and ة folded), as the patterns are written.
    const before = matchForm(latinDigits(line.slice(0, hit[1])));
    const after = matchForm(line.slice(hit[2]));
    if (!weekdayAgrees(before, hit[0])) continue;
    if (BEFORE.test(before) && AFTER.test(after)) return hit;
    if (BEFORE_FI.test(before) && AFTER_DASH.test(after)) return hit;
    if (PLACE_BEFORE.test(before) && AFTER_COLON.test(after)) return hit;
    if (today && TODAY_BEFORE.test(before)) return hit;
  }
  return undefined;
}

/** Before a date that stands alone on its line: «نُشر في», «آخر تحديث», a weekday, nothing else. */
const ONLY_BEFORE = new RegExp(
  `^[\\s|]*(?:(?:${MARKER}|(?:اخر\\s+)?تحديث)\\s*:?\\s*)?(?:${WEEKDAY}\\s*[،,]?\\s*)?$`,
  'u',
);
const ONLY_AFTER = afterRe('$');

/**
 * The day a line gives when it is only a date («الثلاثاء 1 ديسمبر 2026», «نُشر في 2026/12/01 -
 * 10:30», «آخر تحديث: 1 ديسمبر 2026») — a page's date paragraph (<p class="date">, <time>) that
 * its main text keeps at the top. Undefined when the line says anything else.
 */
export function dateOnlyLine(line: string): string | undefined {
  return line.length > 80 ? undefined : dateAlone(line, daysIn(line));
}

/** `dateOnlyLine` over the line's days (`daysIn`), found once by a caller that reads them too. */
function dateAlone(line: string, days: Array<[string, number, number]>): string | undefined {
  if (days.length !== 1) return undefined;
  const [day, start, end] = days[0]!;
  const before = matchForm(latinDigits(line.slice(0, start)));
  if (!ONLY_BEFORE.test(before) || !weekdayAgrees(before, day)) return undefined;
  return ONLY_AFTER.test(matchForm(line.slice(end))) ? day : undefined;
}

/** What a page's publication line gives: its credit's name, its day (from «آخر تحديث»: `updated`). */
export interface PublicationLine {
  name?: string;
  day?: string;
  updated?: boolean;
}

/** Words between a credit and its date («… في», «بتاريخ», «يوم», a weekday), in match form. */
const JOINERS = new Set(
  'في بتاريخ تاريخ يوم احد الاحد اثنين الاثنين ثلاثاء الثلاثاء اربعاء الاربعاء خميس الخميس جمعه الجمعه سبت السبت'.split(
    ' ',
  ),
);
/** The publishing verb before a credit («نُشر بواسطة …», «تم النشر بواسطة …»), in match form. */
const PUBLISHED_BY = new Set(['نشر', 'تم', 'النشر']);
const SEPARATORS_END = /[\s،,:|\-–—•·/]+$/u;
const SEPARATORS_START = /^[\s،,:|\-–—•·/]+/u;

/** The name of a credit, the publishing verb before it allowed («نشر بواسطة سارة علي»). */
function creditOf(s: string): string | undefined {
  let t = s.trim();
  for (let m = /^(\S+)\s+/u.exec(t); m && PUBLISHED_BY.has(matchForm(m[1]!)); m = /^(\S+)\s+/u.exec(t))
    t = t.slice(m[0].length);
  return t === s.trim() || /^(?:بواسطه|بقلم)/u.test(matchForm(t)) ? creditName(t) : undefined;
}

/** `s` without the separators and joining words at its end («سارة علي في» → «سارة علي»). */
function withoutJoiners(s: string): string {
  let t = s.replace(SEPARATORS_END, '');
  for (let m = /(\S+)$/u.exec(t); m && JOINERS.has(matchForm(m[1]!)); m = /(\S+)$/u.exec(t))
    t = t.slice(0, m.index).replace(SEPARATORS_END, '');
  return t;
}

/**
 * A line that only says who published the page and when: a date alone (`dateOnlyLine`: «نُشر
 * في 3 ديسمبر 2026», «آخر تحديث: 3 ديسمبر 2026»), a credit alone («بقلم: سارة الخطيب», «نشر
 * بواسطة سارة الخطيب»), or both — «نشر بواسطة سارة الخطيب في 3 ديسمبر 2026», «بقلم: سارة
 * الخطيب | الخميس 3 ديسمبر 2026 - 10:30», «3 ديسمبر 2026 - بقلم سارة الخطيب». A page prints it
 * above or below its story (WordPress's «entry-meta»); it is no part of the story. Undefined
 * when the line says anything else.
 */
export function publicationLine(line: string): PublicationLine | undefined {
  const t = line.trim();
  if (!t || t.length > 120) return undefined;
  const name = creditOf(t);
  if (name !== undefined) return { name };
  const days = daysIn(t);
  if (days.length !== 1) return undefined;
  const day = t.length <= 80 ? dateAlone(t, days) : undefined;
  if (day !== undefined) return /^(?:اخر\s+)?تحديث/u.test(matchForm(t)) ? { day, updated: true } : { day };
  const [d, start, end] = days[0]!;
  const before = matchForm(latinDigits(t.slice(0, start)));
  // a credit, then its date (a time may follow it)
  if (ONLY_AFTER.test(matchForm(t.slice(end))) && weekdayAgrees(before, d)) {
    const n = creditOf(withoutJoiners(t.slice(0, start)));
    if (n !== undefined) return { name: n, day: d };
  }
  // the date, then its credit, a separator between them
  if (ONLY_BEFORE.test(before) && weekdayAgrees(before, d)) {
    const rest = t.slice(end);
    const after = rest.replace(SEPARATORS_START, '');
    const n = after !== rest ? creditOf(after) : undefined;
    if (n !== undefined) return { name: n, day: d };
  }
  return undefined;
}

const HEAD_LINES = 3;
const TAIL_LINES = 2;
/** Longer lines are read only up to here: a dateline is at the start of its line. */
const HEAD_CHARS = 300;
/** A byline at the end is short. */
const TAIL_CHARS = 120;

/**
 * The date the text gives for itself (see the file's comment): among its first three lines, then
 * `byline` (an HTML page's), then its last two lines. Undefined when none stands so.
 */
export function dateFromText(text: string, byline?: string): TextDate | undefined {
  const lines: Array<[number, number]> = [];
  const re = /[^\n]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text))
    if (m[0].trim()) lines.push([m.index, m.index + m[0].length]);
  const found = (start: number, end: number, where: TextDate['where']): TextDate | undefined => {
    const line = text.slice(start, end);
    const hit = lineDate(line, where === 'dateline');
    if (!hit) return undefined;
    const span: Span = [start + hit[1], start + hit[2]];
    return { day: hit[0], span, expression: text.slice(span[0], span[1]), where };
  };
  for (const [s, e] of lines.slice(0, HEAD_LINES)) {
    const d = found(s, Math.min(e, s + HEAD_CHARS), 'dateline');
    if (d) return d;
  }
  if (byline?.trim() && byline.length <= TAIL_CHARS) {
    const hit = lineDate(byline, false);
    if (hit) return { day: hit[0], expression: byline.slice(hit[1], hit[2]), where: 'byline' };
  }
  for (const [s, e] of lines.slice(Math.max(HEAD_LINES, lines.length - TAIL_LINES))) {
    if (e - s > TAIL_CHARS) continue;
    const d = found(s, e, 'byline');
    if (d) return d;
  }
  return undefined;
}

/** The info message that says an article was dated by its own text (see buildArticle). */
export const DATE_FROM_TEXT = 'ingest/date-from-text';

/** An article's one publication date, as the reader, the search hits and the facets use it. */
export interface ArticleDate extends DateRef {
  /** `source`: given with the article (JSONL, feed, HTML, --published); `text`: read from its dateline or byline. */
  from: 'source' | 'text';
}

/**
 * The article's publication date — `article.published`, the one search filters, sorts and
 * counts by — with where it came from, and the Hijri date as written when the text's date was
 * Hijri (found among the analysis's `dates` at the same place). Undefined when the article has
 * none: a looser date the analysis may read near the top is no publication date.
 */
export function articleDate(
  article: Pick<Article, 'published' | 'warnings'>,
  dates: readonly DateRef[] = [],
): ArticleDate | undefined {
  const value = article.published;
  if (!value) return undefined;
  const note = article.warnings.find((w) => w.ruleId === DATE_FROM_TEXT);
  const day = value.slice(0, 10);
  const at = note?.span;
  const hijri = note
    ? dates.find(
        (d) => d.hijri && d.value === day && (!at || !d.span || (d.span[0] < at[1] && at[0] < d.span[1])),
      )?.hijri
    : undefined;
  return {
    value,
    precision: /^\d{4}-\d{2}-\d{2}/.test(value) ? 'day' : /^\d{4}-\d{2}$/.test(value) ? 'month' : 'year',
    ...(hijri ? { hijri } : {}),
    from: note ? 'text' : 'source',
  };
}
