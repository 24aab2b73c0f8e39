/**
 * Dates in Arabic news: the publication date (metadata or text), relative expressions
 * resolved against it (اليوم، أمس، أول أمس، غدًا، «اليوم الثلاثاء»، «الثلاثاء الماضي»، الأسبوع
 * الماضي/المقبل، الشهر الماضي/المقبل، العام الماضي), absolute dates with both month systems
 * (23 يونيو 2025، 23 حزيران، كانون الثاني، تشرين الأول), Hijri dates (… هـ, converted with
 * Intl's islamic-umalqura calendar) and durations («استمرت 12 يومًا»). Every DateRef keeps
 * its expression, span and precision. Pure.
 */
import type { DateRef, Span } from '../model.ts';
import { LETTER_FOLD } from '../text/letter-fold.ts';

/** The match fold of U+0600–U+06FF: 0 drops the unit (marks, tatweel), else the folded unit. */
const ARABIC_FOLD = (() => {
  const t = new Uint16Array(0x100);
  for (let k = 0; k < 0x100; k++) {
    const c = 0x0600 + k;
    const ch = String.fromCharCode(c);
    const mark =
      (c >= 0x064b && c <= 0x065f) ||
      c === 0x0670 ||
      c === 0x0640 ||
      (c >= 0x0610 && c <= 0x061a) ||
      (c >= 0x06d6 && c <= 0x06ed);
    let f = (LETTER_FOLD[ch] ?? ch).charCodeAt(0);
    if (c >= 0x0660 && c <= 0x0669) f = 0x30 + c - 0x0660;
    else if (c >= 0x06f0 && c <= 0x06f9) f = 0x30 + c - 0x06f0;
    else if (c === 0x0671) f = 0x0627;
    else if (c === 0x06cc) f = 0x064a;
    else if (c === 0x06a9) f = 0x0643;
    t[k] = mark ? 0 : f;
  }
  return t;
})();

/** UTF-16 decoding of the fold buffer, kept whole (a leading U+FEFF stays); little-endian hosts only. */
const UTF16 =
  new Uint8Array(new Uint16Array([1]).buffer)[0] === 1
    ? new TextDecoder('utf-16le', { ignoreBOM: true })
    : undefined;

/** Match-normalized text with a map from each normalized offset to the original one. */
export function normWithMap(text: string): { n: string; map: Int32Array } {
  const map = new Int32Array(text.length + 1);
  const out = new Uint16Array(text.length);
  let len = 0;
  let surrogates = false;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
    else if (code >= 0x0600 && code <= 0x06ff) {
      code = ARABIC_FOLD[code - 0x0600]!;
      if (code === 0) continue;
    } else if (code >= 0x08d3 && code <= 0x08ff) continue;
    map[len] = i;
    out[len++] = code;
  }
  map[len] = text.length;
  let n = '';
  if (!surrogates && UTF16) n = UTF16.decode(out.subarray(0, len));
  // a lone surrogate would become U+FFFD in the decoder: then the string is built unit by unit
  else
    for (let k = 0; k < len; k += 8192) n += String.fromCharCode(...out.subarray(k, Math.min(len, k + 8192)));
  return { n, map: map.subarray(0, len + 1) };
}

const GREG: Record<string, number> = {
  يناير: 1,
  'كانون الثاني': 1,
  فبراير: 2,
  شباط: 2,
  مارس: 3,
  اذار: 3,
  ابريل: 4,
  نيسان: 4,
  مايو: 5,
  ايار: 5,
  يونيو: 6,
  يونيه: 6,
  حزيران: 6,
  يوليو: 7,
  يوليه: 7,
  تموز: 7,
  اغسطس: 8,
  اب: 8,
  سبتمبر: 9,
  ايلول: 9,
  اكتوبر: 10,
  'تشرين الاول': 10,
  نوفمبر: 11,
  'تشرين الثاني': 11,
  ديسمبر: 12,
  'كانون الاول': 12,
  // Morocco's (ماي، يوليوز، غشت، شتنبر، نونبر، دجنبر) and Tunisia's and Algeria's (جانفي، فيفري،
  // أفريل، جوان، جويلية، أوت) names; the rest are shared with the list above
  جانفي: 1,
  فيفري: 2,
  افريل: 4,
  ماي: 5,
  جوان: 6,
  جويليه: 7,
  يوليوز: 7,
  اوت: 8,
  غشت: 8,
  شتنبر: 9,
  نونبر: 11,
  دجنبر: 12,
};
const HIJRI: Record<string, number> = {
  محرم: 1,
  صفر: 2,
  'ربيع الاول': 3,
  'ربيع الثاني': 4,
  'ربيع الاخر': 4,
  'جمادي الاولي': 5,
  'جمادي الاول': 5,
  'جمادي الاخره': 6,
  'جمادي الثانيه': 6,
  رجب: 7,
  شعبان: 8,
  رمضان: 9,
  شوال: 10,
  'ذو القعده': 11,
  'ذي القعده': 11,
  'ذو الحجه': 12,
  'ذي الحجه': 12,
};
const WEEKDAYS: Record<string, number> = {
  الاحد: 0,
  الاثنين: 1,
  الثلاثاء: 2,
  الاربعاء: 3,
  الخميس: 4,
  الجمعه: 5,
  السبت: 6,
};
const NUMBER_WORDS: Record<string, number> = {
  واحد: 1,
  اثنين: 2,
  اثنان: 2,
  ثلاثه: 3,
  ثلاث: 3,
  اربعه: 4,
  اربع: 4,
  خمسه: 5,
  خمس: 5,
  سته: 6,
  ست: 6,
  سبعه: 7,
  سبع: 7,
  ثمانيه: 8,
  ثماني: 8,
  تسعه: 9,
  تسع: 9,
  عشره: 10,
  عشر: 10,
};
const UNIT_DAYS: Record<string, number> = {
  يوما: 1,
  يوم: 1,
  ايام: 1,
  اسبوعا: 7,
  اسبوع: 7,
  اسابيع: 7,
  شهرا: 30,
  شهر: 30,
  اشهر: 30,
  شهور: 30,
  عاما: 365,
  عام: 365,
  اعوام: 365,
  سنه: 365,
  سنوات: 365,
};
const DUALS: Record<string, number> = { يومين: 2, اسبوعين: 14, شهرين: 60, عامين: 730, سنتين: 730 };

/** Ordinal days in words, folded: «الثالث» 3, «الحادي عشر» 11, «الخامس والعشرين» 25, «الثلاثين» 30. */
const ORDINAL_DAYS: Record<string, number> = (() => {
  const units = ['الاول', 'الثاني', 'الثالث', 'الرابع', 'الخامس', 'السادس', 'السابع', 'الثامن', 'التاسع'];
  const out: Record<string, number> = { العاشر: 10, العشرين: 20, الثلاثين: 30 };
  units.forEach((u, i) => {
    out[u] = i + 1;
    if (i > 0) out[`${u} عشر`] = i + 11;
    if (i > 0) out[`${u} والعشرين`] = i + 21;
  });
  for (const one of ['الحادي', 'الواحد']) {
    out[`${one} والعشرين`] = 21;
    out[`${one} والثلاثين`] = 31;
  }
  out['الحادي عشر'] = 11;
  return out;
})();

const alt = (o: Record<string, number>) =>
  Object.keys(o)
    .sort((a, b) => b.length - a.length)
    .join('|');

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Parse `published` (ISO date or date-time) to a UTC date at midnight. */
export function parsePublished(published: string | undefined): Date | undefined {
  if (!published) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return undefined;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? undefined : d;
}

const addDays = (d: Date, n: number) => new Date(d.getTime() + n * 86400000);

/** Hijri (Umm al-Qura) → Gregorian, searched with Intl around the arithmetic estimate. */
export function hijriToGregorian(y: number, m: number, d: number): Date | undefined {
  const fmt = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura', {
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    timeZone: 'UTC',
  });
  // tabular estimate: Julian day of 1 Muharram 1 AH is 1948439.5
  const jd = Math.floor((11 * y + 3) / 30) + 354 * y + 30 * m - Math.floor((m - 1) / 2) + d + 1948440 - 385;
  const est = new Date((jd - 2440587.5) * 86400000);
  for (let off = 0; off <= 6; off++) {
    for (const s of off ? [off, -off] : [0]) {
      const g = addDays(est, s);
      const parts = fmt.formatToParts(g);
      const get = (t: string) => Number(parts.find((p) => p.type === t)?.value.replace(/\D/g, ''));
      if (get('year') === y && get('month') === m && get('day') === d)
        return new Date(Date.UTC(g.getUTCFullYear(), g.getUTCMonth(), g.getUTCDate()));
    }
  }
  return undefined;
}

function numberOf(s: string): number | undefined {
  if (/^\d+$/.test(s)) return Number(s);
  return NUMBER_WORDS[s];
}

interface Found {
  ref: DateRef;
  ns: number;
  ne: number;
  /** A weekday («يوم الاثنين», «اليوم الثلاثاء»), which a date right after it names. */
  weekday?: boolean;
}

/** Between a weekday and its date: spaces or a comma. */
const WEEKDAY_GAP = /^[\s،,]*$/u;
/** Between a Hijri date and the Gregorian one it equals: «… هـ الموافق 25 نوفمبر», «… هـ (الموافق …», «… هـ / …». */
const EQUALS_GAP = /^[\s،,(/-]*(?:الموافق(?:\s+ل)?|[/(])[\s(]*$/u;

/**
 * One date, not two, where the text names it twice: a weekday and then the date («يوم الاثنين
 * 30 نوفمبر 2026» is that Monday, not the Monday before the publication: the weekday is dropped), and a Hijri date then
 * «الموافق» a Gregorian one (the Gregorian day, as written, is the value; the Hijri stays beside it,
 * as the two may be a day apart by sighting).
 */
function joinNamedTwice(found: Found[], n: string, text: string, map: ArrayLike<number>): Found[] {
  const sorted = found.sort((a, b) => a.ns - b.ns);
  const out: Found[] = [];
  for (let i = 0; i < sorted.length; i++) {
    let a = sorted[i]!;
    // «يوم الأربعاء 18 جمادى الآخرة 1448 هـ الموافق 25 نوفمبر 2026»: three into one
    for (let b = sorted[i + 1]; b?.ref.value && b.ref.precision === 'day' && !b.weekday; b = sorted[i + 1]) {
      const gap = n.slice(a.ne, b.ns);
      const joined = (x: Found, y: Found, ref: DateRef): Found => ({
        ns: x.ns,
        ne: y.ne,
        ref: { ...ref, expression: text.slice(map[x.ns]!, map[y.ne]!), span: [map[x.ns]!, map[y.ne]!] },
      });
      // the weekday's own words are left out of the date's, which a dateline reader matches
      if (a.weekday && WEEKDAY_GAP.test(gap)) a = b;
      else if (a.ref.hijri && !b.ref.hijri && EQUALS_GAP.test(gap))
        a = joined(a, b, { ...b.ref, hijri: a.ref.hijri });
      else break;
      i++;
    }
    out.push(a);
  }
  return out;
}

export interface DateOptions {
  /** The day relative expressions are resolved against; without it they keep no value. */
  published?: string;
  /** Where `published` came from: `text` marks every date worked out from it (`DateRef.from`). */
  from?: 'source' | 'text';
}

/**
 * The publication date given with the article as a DateRef, else undefined. No date is guessed
 * from the text here: a date in its first lines may be any date the story names (see
 * `anchorDate` in src/analyze/events.ts for the dateline's).
 */
export function publishedRef(opts: DateOptions = {}): DateRef | undefined {
  const p = parsePublished(opts.published);
  if (!p) return undefined;
  const ref: DateRef = { value: iso(p), precision: 'day', expression: opts.published! };
  if (opts.from) ref.from = opts.from;
  return ref;
}

// A «no letter before» lookbehind at the head of a pattern is tested by V8 at every position of
// the text, and \p{L} is slow to test: the patterns are written without it, and `scan` checks it
// only where the rest matched — the same matches, in the same order, as the pattern with it.
const E = '(?![\\p{L}])';
const gm = alt(GREG);
const units = alt(UNIT_DAYS);
const days = alt(WEEKDAYS);
const RE_HIJRI = new RegExp(`(?<!\\d)(\\d{1,2})\\s+(${alt(HIJRI)})\\s+(\\d{3,4})\\s*(?:ه${E})`, 'gu');
const RE_DAY = new RegExp(
  `(?:(?:فجر|صباح|ظهر|عصر|مساء|ليل|ليله)\\s+)?(اول امس|امس|اليوم|غدا|الليله الماضيه)(?:\\s+(${days}))?${E}`,
  'gu',
);
const RE_WEEKDAY = new RegExp(
  `(?:(?:يوم|ليل|ليله|صباح|مساء|فجر)\\s+)?(${days})(?:\\s+(الماضي|المقبل|القادم))?${E}`,
  'gu',
);
const RE_PERIOD = new RegExp(
  `(الاسبوع|الشهر|العام|السنه)\\s+(الماضي|الماضيه|المقبل|المقبله|القادم|القادمه|المنصرم|الحالي|الجاري)${E}`,
  'gu',
);
// «23 يونيو» (day before the month) or a month name with no letter before it (checked in scan
// when the day group is empty)
const RE_GREG = new RegExp(
  `(?:(?<!\\d)(\\d{1,2})\\s+|)(?:(${gm})(?![\\p{L}])\\s*[(/]?\\s*(?:(?:${gm})(?![\\p{L}]))?\\s*[)/]?\\s*)(?:(?:من\\s+)?(?:عام|سنه)?\\s*(\\d{4}))?`,
  'gu',
);
// «الثالث من تشرين الأول», «الخامس عشر من كانون الأول المقبل», «العاشر من الشهر الجاري»
const RE_ORDINAL = new RegExp(
  `(${alt(ORDINAL_DAYS).replace(/ /g, '\\s+')})\\s+من\\s+(?:شهر\\s+)?(?:(${gm})(?![\\p{L}])(?:\\s*[(/]\\s*(?:${gm})(?![\\p{L}])\\s*[)/]?)?|الشهر\\s+(الجاري|الحالي|الماضي|المنصرم|المقبل|القادم)(?![\\p{L}]))` +
    `(?:\\s*(?:من\\s+)?(?:عام|سنه)?\\s*(\\d{4})(?!\\d))?(?:\\s+(الماضي|المنصرم|المقبل|القادم|الجاري|الحالي)(?![\\p{L}]))?`,
  'gu',
);
const RE_DURATION = new RegExp(
  `(?:(?:استمرت|استمر|دامت|دام|تستمر|يستمر|لمده|علي مدي|طوال)\\s+(?:اكثر من\\s+|نحو\\s+|قرابه\\s+)?)(?:(\\d+|${alt(NUMBER_WORDS)})\\s+(${units})|(${alt(DUALS)}))${E}`,
  'gu',
);
// «أوائل الشهر», «اوائل الشهر المقبل», «أواخر الشهر الماضي», «منتصف الشهر الجاري»: a part of a
// month, the month it names (the current one when none follows)
const RE_PART_OF_MONTH = new RegExp(
  `(?:اوايل|اواخر|اواسط|مطلع|منتصف)\\s+الشهر(?:\\s+(الماضي|المنصرم|المقبل|القادم|الحالي|الجاري))?${E}`,
  'gu',
);
const RE_YEAR = /(?:عام|سنه|العام)\s+(\d{4})(?!\d)/gu;
const NO_LETTER_BEFORE = /(?<![\p{L}])/uy;

/** Matches of `re` (global) whose start passes `ok` — as `re` with that test at its head would give. */
function* scan(
  re: RegExp,
  n: string,
  ok: (m: RegExpExecArray) => boolean = (m) => noLetterBefore(n, m.index),
): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(n); m; m = re.exec(n)) {
    if (ok(m)) yield m;
    // the head test failed: the pattern tries again from the next position
    else re.lastIndex = m.index + 1;
  }
}

function noLetterBefore(n: string, at: number): boolean {
  NO_LETTER_BEFORE.lastIndex = at;
  return NO_LETTER_BEFORE.test(n);
}

/** Every date expression in `text`, resolved against `published` when it is relative. */
export function findDates(text: string, opts: DateOptions = {}): DateRef[] {
  const { n, map } = normWithMap(text);
  const pub = parsePublished(opts.published);
  const found: Found[] = [];
  const span = (ns: number, ne: number): Span => [map[ns]!, map[ne]!];
  let weekday = false;
  const add = (ns: number, ne: number, ref: Omit<DateRef, 'span' | 'expression'>) => {
    if (found.some((f) => ns < f.ne && ne > f.ns)) return;
    const f: Found = {
      ns,
      ne,
      ref: { ...ref, expression: text.slice(map[ns]!, map[ne]!), span: span(ns, ne) },
    };
    if (weekday) f.weekday = true;
    found.push(f);
  };
  /** A date whose value was worked out from `published` (relative, or a day and month with its year). */
  const fromText = opts.from === 'text' && pub !== undefined;
  const addResolved = (ns: number, ne: number, ref: Omit<DateRef, 'span' | 'expression'>) =>
    add(ns, ne, fromText && ref.value ? { ...ref, from: 'text' } : ref);
  // Hijri: 5 ربيع الاول 1447 هـ
  for (const m of n.matchAll(RE_HIJRI)) {
    const y = Number(m[3]);
    const mo = HIJRI[m[2]!]!;
    const d = Number(m[1]);
    const g = hijriToGregorian(y, mo, d);
    add(m.index, m.index + m[0].length, {
      ...(g ? { value: iso(g), precision: 'day' as const } : { precision: 'unknown' as const }),
      hijri: `${y}-${pad(mo)}-${pad(d)}`,
    });
  }
  // Ordinal days: «الثالث من تشرين الأول», «الخامس عشر من كانون الأول المقبل» (before the
  // Gregorian scan: «تشرين الأول 2026» alone would be taken as a month)
  for (const m of scan(RE_ORDINAL, n)) {
    const d = ORDINAL_DAYS[m[1]!.replace(/\s+/gu, ' ')]!;
    const end = m.index + m[0].length;
    const year = m[4] ? Number(m[4]) : undefined;
    const rel = m[3] ?? m[5];
    const dir = !rel ? 0 : /الماضي|المنصرم/u.test(rel) ? -1 : /المقبل|القادم/u.test(rel) ? 1 : 0;
    let mo: number;
    let y: number;
    if (m[2]) {
      mo = GREG[m[2]]!;
      if (year === undefined && !pub) {
        add(m.index, end, { precision: 'unknown' });
        continue;
      }
      y = year ?? pub!.getUTCFullYear();
      if (year === undefined) {
        const t = Date.UTC(y, mo - 1, d);
        if (dir > 0 && t <= pub!.getTime()) y += 1;
        else if (dir < 0 && t >= pub!.getTime()) y -= 1;
        else if (dir === 0 && t > pub!.getTime() + 30 * 86400000) y -= 1;
      }
    } else {
      if (!pub) {
        add(m.index, end, { precision: 'unknown' });
        continue;
      }
      const first = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + dir, 1));
      mo = first.getUTCMonth() + 1;
      y = first.getUTCFullYear();
    }
    if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) continue; // «الحادي والثلاثين من نوفمبر»
    (year !== undefined ? add : addResolved)(m.index, end, {
      value: `${y}-${pad(mo)}-${pad(d)}`,
      precision: 'day',
    });
  }
  // Gregorian: 23 يونيو 2025 / 23 حزيران / يونيو 2025 / (كانون الثاني) يناير 2025
  for (const m of scan(RE_GREG, n, (m) => m[1] !== undefined || noLetterBefore(n, m.index))) {
    const mo = GREG[m[2]!]!;
    const d = m[1] ? Number(m[1]) : undefined;
    let y = m[3] ? Number(m[3]) : pub?.getUTCFullYear();
    if (!d && !m[3]) continue; // a bare month name is too ambiguous (اب، ايار as words)
    if (y === undefined) {
      add(m.index, m.index + m[0].trimEnd().length, { precision: 'unknown' });
      continue;
    }
    if (!m[3] && pub && d && Date.UTC(y, mo - 1, d) > pub.getTime() + 30 * 86400000) y -= 1;
    const end = m.index + m[0].trimEnd().length;
    const put = m[3] ? add : addResolved;
    if (d) put(m.index, end, { value: `${y}-${pad(mo)}-${pad(d)}`, precision: 'day' });
    else put(m.index, end, { value: `${y}-${pad(mo)}`, precision: 'month' });
  }
  // numeric dates 2025-06-23, 23/6/2025
  for (const m of n.matchAll(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g))
    add(m.index, m.index + m[0].length, { value: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' });
  for (const m of n.matchAll(/(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?![\d/])/g))
    add(m.index, m.index + m[0].length, {
      value: `${m[3]}-${pad(Number(m[2]))}-${pad(Number(m[1]))}`,
      precision: 'day',
    });
  // durations: استمرت 12 يومًا، لمدة خمسة أيام، دام أكثر من عامين
  for (const m of scan(RE_DURATION, n)) {
    const days = m[3] ? DUALS[m[3]]! : (numberOf(m[1]!) ?? 0) * UNIT_DAYS[m[2]!]!;
    add(m.index, m.index + m[0].length, { precision: 'unknown', durationDays: days });
  }
  // relative expressions
  const rel = (ns: number, ne: number, d: Date | undefined, precision: DateRef['precision']) => {
    if (!d) return add(ns, ne, { precision: 'unknown' });
    const value =
      precision === 'year' ? String(d.getUTCFullYear()) : precision === 'month' ? iso(d).slice(0, 7) : iso(d);
    addResolved(ns, ne, { value, precision });
  };
  weekday = true;
  for (const m of scan(RE_DAY, n)) {
    const k = m[1]!;
    let off = k === 'اليوم' ? 0 : k === 'امس' || k === 'الليله الماضيه' ? -1 : k === 'اول امس' ? -2 : 1;
    // «أمس الخميس» in copy dated Saturday (written the day before, or dated by another time zone):
    // the weekday named, the one nearest the day the words give — for «اليوم» and «أمس» at most a
    // day later and up to five days earlier: news tells what has happened, and copy filed on
    // Sunday and dated the Thursday after is far likelier than one dated three days before its
    // own «اليوم الأحد»
    if (pub && m[2]) {
      const shift = (WEEKDAYS[m[2]]! - ((pub.getUTCDay() + off + 7) % 7) + 7) % 7;
      off += off >= 1 ? ((shift + 3) % 7) - 3 : ((shift + 5) % 7) - 5;
    }
    rel(m.index, m.index + m[0].length, pub && addDays(pub, off), 'day');
  }
  for (const m of scan(RE_WEEKDAY, n)) {
    const wd = WEEKDAYS[m[1]!]!;
    if (!pub) {
      add(m.index, m.index + m[0].length, { precision: 'unknown' });
      continue;
    }
    const cur = pub.getUTCDay();
    let off: number;
    if (m[2] === 'المقبل' || m[2] === 'القادم') off = (wd - cur + 7) % 7 || 7;
    else if (m[2] === 'الماضي') off = -((cur - wd + 7) % 7 || 7);
    else off = -((cur - wd + 7) % 7);
    rel(m.index, m.index + m[0].length, addDays(pub, off), 'day');
  }
  weekday = false;
  for (const m of scan(RE_PART_OF_MONTH, n)) {
    const dir = !m[1] ? 0 : /الماضي|المنصرم/.test(m[1]) ? -1 : /المقبل|القادم/.test(m[1]) ? 1 : 0;
    const d = pub && new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + dir, 1));
    rel(m.index, m.index + m[0].length, d, 'month');
  }
  for (const m of scan(RE_PERIOD, n)) {
    if (!pub) {
      add(m.index, m.index + m[0].length, { precision: 'unknown' });
      continue;
    }
    const dir = /الماضي|المنصرم/.test(m[2]!) ? -1 : /الحالي|الجاري/.test(m[2]!) ? 0 : 1;
    if (m[1] === 'الاسبوع') rel(m.index, m.index + m[0].length, addDays(pub, 7 * dir), 'month');
    else if (m[1] === 'الشهر') {
      const d = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + dir, 1));
      rel(m.index, m.index + m[0].length, d, 'month');
    } else rel(m.index, m.index + m[0].length, new Date(Date.UTC(pub.getUTCFullYear() + dir, 0, 1)), 'year');
  }
  for (const m of scan(RE_YEAR, n)) add(m.index, m.index + m[0].length, { value: m[1]!, precision: 'year' });
  return joinNamedTwice(found, n, text, map).map((f) => f.ref);
}

/** Days between two ISO dates (b − a), or undefined. */
export function daysBetween(a: string | undefined, b: string | undefined): number | undefined {
  if (!a || !b) return undefined;
  const pa = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(a);
  const pb = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(b);
  if (!pa || !pb) return undefined;
  const t = (m: RegExpExecArray) => Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  return Math.round((t(pb) - t(pa)) / 86400000);
}
