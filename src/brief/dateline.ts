/**
 * Datelines of the template: «إيران برس - <region>» followed by `:`, ` :` or nothing —
 * on its own line, before lead text, or glued to the first label, even with no space
 * («إيران برس - أفريقياأهمية الخبر:») — and the city-first form «لبنان- إیران برس:».
 * Works on a folded line (fold.ts), so Persian letters and harakat inside still match;
 * returns folded offsets that the caller maps back to the original text.
 */
import { dateOnlyLine } from '../ingest/text-date.ts';
import { foldText } from './fold.ts';
import { KNOWN_ANYWHERE } from './labels.ts';
import { isCityName, opensOnPlace } from './place.ts';

export interface DatelineMatch {
  /** Folded offsets: the dateline words (without the closing colon). */
  start: number;
  textEnd: number;
  /** Folded offset after the dateline and its colon, if any. */
  end: number;
  /** Folded offsets of the outlet's name (none for a city or agency before a label). */
  outlet?: readonly [number, number];
}

export const DEFAULT_OUTLETS: readonly string[] = ['إيران برس'];

const REGIONS = [
  'الشرق الاوسط',
  'اسيا والباسيفيك',
  'اسيا والمحيط الهادي',
  'الاميركيتان',
  'الامريكيتان',
  'الاميركتان',
  'امريكا اللاتينيه',
  'افريقيا',
  'اوروبا',
  'اسيا',
  'ايران',
].map((r) => r.replace(/ /g, '[ \\t]+'));
const REGION_AT = new RegExp(`(?:${REGIONS.join('|')})`, 'y');
const WORD = '[^\\s:()؟?،,.«»"\'-]+';

/**
 * A place or an agency credit, then a dash, before a label on its line: «طهران - أهمية الخبر:»,
 * «(إرنا) – الصورة العامة:», «طهران (إرنا) - …». One to three words, a parenthesis of one to
 * four words, or both. Groups: 1 the words before the dash. Sticky; folded text (dashes are `-`).
 */
const LABEL_DATELINE = new RegExp(
  `[ \\t]*((?:${WORD}(?:[ \\t]+${WORD}){0,2}(?:[ \\t]*\\(${WORD}(?:[ \\t]+${WORD}){0,3}\\))?|\\(${WORD}(?:[ \\t]+${WORD}){0,3}\\)))[ \\t]*-[ \\t]*`,
  'uy',
);

/** After the dash, one to three words and a colon: «الرباط - خاص:», «الأفق نيوز - الشرق الأوسط:». Sticky. */
const AFTER_DASH = new RegExp(`(${WORD}(?:[ \\t]+${WORD}){0,2})[ \\t]*:[ \\t]*`, 'uy');

/**
 * The dateline before a label on the same line (see LABEL_DATELINE), the label right after
 * the dash or after a region and a colon («الرباط - خاص: أهمية الخبر)»); `isLabelAt(line, end)`
 * says whether a label starts there. No outlet: the words may be a city or an agency.
 */
export function matchLabelDateline(
  line: string,
  isLabelAt: (line: string, pos: number) => boolean,
): DatelineMatch | undefined {
  for (const d of labelDatelines(line)) if (isLabelAt(line, d.end)) return d;
  return undefined;
}

/** Whether `text` (folded) is only such a dateline: where a label glued after it may not be cut off. */
export function isLabelDateline(text: string): boolean {
  const end = text.trimEnd().length;
  return labelDatelines(text).some((d) => d.end >= end);
}

function labelDatelines(line: string): DatelineMatch[] {
  LABEL_DATELINE.lastIndex = 0;
  const m = LABEL_DATELINE.exec(line);
  if (!m) return [];
  const start = m[0].length - m[0].trimStart().length;
  const out: DatelineMatch[] = [{ start, textEnd: start + m[1]!.length, end: m[0].length }];
  AFTER_DASH.lastIndex = m[0].length;
  const r = AFTER_DASH.exec(line);
  if (r) out.push({ start, textEnd: m[0].length + r[1]!.length, end: m[0].length + r[0].length });
  return out;
}

const CREDIT = `\\(${WORD}(?:[ \\t]+${WORD}){0,3}\\)`;
/**
 * A line that is only a dateline: a place (one to three words), perhaps a comma and a date
 * («طهران، الثلاثاء 11 نوفمبر 2025»), perhaps a credit in parentheses, then a dash and an agency
 * or a credit, or a closing dash, perhaps a colon: «الرباط - وكالة الساحل للأنباء», «القاهرة (خاص) -»,
 * «عمان - (بترا) -», «دمشق (رويترز)», «الرياض - واس:». Groups: 1 the place part, 2 what follows the dash, 3 a closing dash.
 * Folded text (dashes are `-`, alef forms folded).
 */
const LINE_DATELINE = new RegExp(
  `^[ \\t]*(${WORD}(?:[ \\t]+${WORD}){0,2}(?:[ \\t]*[،,][^-():.؟?!]{0,40}?\\d[^-():.؟?!]{0,20}?)?(?:[ \\t]*${CREDIT})?)` +
    `(?:[ \\t]*-[ \\t]*(${WORD}(?:[ \\t]+${WORD}){0,4}|${CREDIT}))?[ \\t]*(-?)[ \\t]*:?[ \\t]*$`,
  'du',
);
/** Words that make what follows a dateline's dash an agency or a credit, not a second place. */
const AGENCY =
  /^(?:وكاله|وكالات|مراسل|من مراسل|من مبعوث|موفد|خاص|متابعات|الانباء)|للانباء|برس$|نيوز$|رويترز|فرانس برس|الاناضول|اسوشيتد|سبوتنيك|^(?:واس|وام|قنا|كونا|سانا|بترا|واج|ومع|وات|ارنا|واف|بنا|ا ف ب|د ب ا|يو بي اي|ا ب|ا ش ا)$/u;
/** Lines longer than this are no dateline alone. */
const LINE_DATELINE_MAX = 90;

/**
 * A whole (folded) line that is a dateline (see LINE_DATELINE): where a text file opens with
 * «الرباط - وكالة الساحل للأنباء» on its own line, that line is not the lead (nor the title
 * made from it). A place and a place («تونس - الجزائر»), or a place alone, is not one.
 */
export function matchLineDateline(line: string): DatelineMatch | undefined {
  if (line.length > LINE_DATELINE_MAX || !/[-)]/u.test(line)) return undefined;
  const m = LINE_DATELINE.exec(line);
  if (!m) return undefined;
  const after = m[2];
  const credit = /\(([^()]*)\)$/u.exec(m[1]!)?.[1];
  const agency = (s: string) => AGENCY.test(s.replace(/^\(|\)$/gu, '').trim());
  // «غزة - الثلاثاء 1 ديسمبر 2026»: a place and the day, alone on the line, is a dateline too.
  const ok =
    after !== undefined
      ? agency(after) || dateOnlyLine(after) !== undefined
      : m[3] === '-' || (credit !== undefined && agency(credit));
  if (!ok) return undefined;
  const idx = m.indices!;
  const start = idx[1]![0];
  const textEnd = after !== undefined ? idx[2]![1] : idx[1]![1];
  return { start, textEnd, end: line.length };
}

/**
 * A first line that is only a date («الثلاثاء 1 ديسمبر 2026», «2026-12-01»): the dateline's date
 * with no place — `khabar brief FILE.txt` took it for the lead. (Ingest takes it out of the text and
 * dates the article with it; the one-article commands keep the text as it is, offsets included.)
 */
export function matchDateOnlyLine(line: string): DatelineMatch | undefined {
  const t = line.trim();
  if (!t || t.length > LINE_DATELINE_MAX || dateOnlyLine(t) === undefined) return undefined;
  const start = line.indexOf(t);
  return { start, textEnd: start + t.length, end: line.length };
}

/**
 * A dateline at the start of a line, before its first sentence: a place (a comma and a date may
 * follow) and an agency's credit in parentheses, then a dash: «القاهرة (رويترز) - أعلن …»,
 * «طهران، الثلاثاء 11 نوفمبر 2025 (خاص) - …». Without the credit («بيروت - قال الوزير …») it
 * is one only when the place is a city the gazetteer knows (LEAD_DATELINE_PLACE). Groups: 1 the
 * dateline's words, 2 the credit's. Folded text.
 */
const LEAD_DATELINE = new RegExp(
  `^[ \\t]*(${WORD}(?:[ \\t]+${WORD}){0,2}(?:[ \\t]*[،,][^-():.؟?!]{0,40}?\\d[^-():.؟?!]{0,20}?)?[ \\t]*\\((${WORD}(?:[ \\t]+${WORD}){0,3})\\))[ \\t]*-[ \\t]*(?=\\S)`,
  'du',
);

/**
 * The same between dashes: a place of one or two words, a dash, a credit of one word — or of
 * up to three that name an agency — and a second dash, then the lead: «القاهرة - خبر - أعلن …»,
 * «عمان - بترا - …», «الرباط - وكالة الساحل للأنباء - …». Groups: 1 the dateline's words, 2 the
 * credit. Folded text; the dashes stand between spaces (a list item «واضع برامج -تقني - …» is
 * no dateline). A place and a place with no second dash («تونس - الجزائر تتفقان») is text.
 */
const LEAD_DATELINE_DASHES = new RegExp(
  `^[ \\t]*(${WORD}(?:[ \\t]+${WORD})?[ \\t]+-[ \\t]+(${WORD}(?:[ \\t]+${WORD}){0,2}))[ \\t]*-[ \\t]+(?=[^\\s\\d-])`,
  'du',
);

/**
 * A place of one or two words, a dash, an agency's credit of one to three words and a colon,
 * then the lead: «الرياض - واس: استقبل …», «الكويت - كونا: …». Only an agency (AGENCY) after
 * the dash: «تونس - الجزائر: …» stays text. Groups: 1 the dateline's words, 2 the credit.
 */
const LEAD_DATELINE_COLON = new RegExp(
  `^[ \\t]*(${WORD}(?:[ \\t]+${WORD})?[ \\t]+-[ \\t]+(${WORD}(?:[ \\t]+${WORD}){0,2}))[ \\t]*:[ \\t]*(?=\\S)`,
  'du',
);

/**
 * A place of one to three words and a dash, with no credit, then the lead: «عمان - بحث وزيرا …»,
 * «الرباط - أعلنت …». A dateline only when the words are a city or a capital the gazetteer names
 * (place.ts) and what follows the dash is a sentence (five words or more) that opens on no
 * place: «سامي الخطيب - …», «وزارة الصحة - …», «غزة - الحرب مستمرة» and «تونس - الجزائر تتفقان
 * …» stay text. Groups: 1 the place. Folded text.
 */
const LEAD_DATELINE_PLACE = new RegExp(
  `^[ \\t]*(${WORD}(?:[ \\t]+${WORD}){0,2})[ \\t]*-[ \\t]*(?=[^\\s\\d-])`,
  'du',
);

/** Words a lead has after a city's dash at least: fewer are a headline's. */
const LEAD_WORDS = 5;

/** A city's dateline with no credit opening a line (see LEAD_DATELINE_PLACE). */
function matchPlaceDateline(line: string): DatelineMatch | undefined {
  const m = LEAD_DATELINE_PLACE.exec(line);
  if (!m || !isCityName(m[1]!.split(/[ \t]+/u))) return undefined;
  const rest = line.slice(m[0].length);
  // a headline's few words («غزة - الحرب مستمرة»), or a place after the dash: no dateline
  if (rest.trim().split(/\s+/u).length < LEAD_WORDS || opensOnPlace(rest)) return undefined;
  const idx = m.indices!;
  return { start: idx[1]![0], textEnd: idx[1]![1], end: m[0].length };
}

/**
 * A dateline opening a line of text: with an agency's credit (see LEAD_DATELINE,
 * LEAD_DATELINE_COLON, LEAD_DATELINE_DASHES), or a known city's alone (LEAD_DATELINE_PLACE).
 */
export function matchLeadDateline(line: string): DatelineMatch | undefined {
  if (line.includes(')')) {
    const m = LEAD_DATELINE.exec(line);
    if (m && AGENCY.test(m[2]!.trim())) {
      const idx = m.indices!;
      return { start: idx[1]![0], textEnd: idx[1]![1], end: m[0].length };
    }
  }
  const c = LEAD_DATELINE_COLON.exec(line);
  if (c && AGENCY.test(c[2]!.trim())) {
    const idx = c.indices!;
    return { start: idx[1]![0], textEnd: idx[1]![1], end: c[0].length };
  }
  const d = LEAD_DATELINE_DASHES.exec(line);
  const credit = d?.[2]?.trim() ?? '';
  if (!d || (/\s/u.test(credit) && !AGENCY.test(credit))) return matchPlaceDateline(line);
  const idx = d.indices!;
  return { start: idx[1]![0], textEnd: idx[1]![1], end: d[0].length };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface DatelineMatcher {
  match(line: string): DatelineMatch | undefined;
  /** Where a dateline starts in the middle of a folded line, after the end of a sentence. */
  midline: RegExp;
}

/** Build a matcher for the given outlet names (as written; folded here). */
export function datelineMatcher(outlets: readonly string[] = DEFAULT_OUTLETS): DatelineMatcher {
  const alt = outlets
    .map((o) => foldText(o).trim())
    .filter((o) => o.length > 0)
    .map((o) => escapeRegExp(o).replace(/ +/g, '[ \\t]*'))
    .join('|');
  const outletFirst = new RegExp(`^[ \\t]*(${alt})[ \\t]*-[ \\t]*`, 'u');
  const cityFirst = new RegExp(
    `^[ \\t]*${WORD}(?:[ \\t]+${WORD}){0,2}[ \\t]*-[ \\t]*(${alt})[ \\t]*(:?)`,
    'u',
  );
  const outletAlone = new RegExp(`^[ \\t]*(${alt})[ \\t]*:`, 'u');

  const midline = new RegExp(`(?<=[.!؟?»"”…])[ \\t]+(?=(?:${alt})[ \\t]*-)`, 'gu');
  return {
    midline,
    match(line) {
      const city = cityFirst.exec(line);
      if (city) {
        const start = city[0].length - city[0].trimStart().length;
        const outletEnd = city[0].length - (city[2] ? 1 : 0);
        const oEnd = trimEnd(line, start, outletEnd);
        return { start, textEnd: oEnd, end: city[0].length, outlet: [oEnd - city[1]!.length, oEnd] };
      }
      const first = outletFirst.exec(line);
      if (first) {
        const start = first[0].length - first[0].trimStart().length;
        const outlet = [start, start + first[1]!.length] as const;
        const regionStart = first[0].length;
        const regionEnd = findRegionEnd(line, regionStart);
        if (regionEnd === undefined) return undefined;
        const textEnd = trimEnd(line, regionStart, regionEnd);
        if (textEnd === regionStart) return undefined;
        const colon = /^[ \t]*:/.exec(line.slice(regionEnd));
        return { start, textEnd, end: colon ? regionEnd + colon[0].length : textEnd, outlet };
      }
      const alone = outletAlone.exec(line);
      if (alone) {
        const start = alone[0].length - alone[0].trimStart().length;
        const outletEnd = start + alone[1]!.length;
        return { start, textEnd: outletEnd, end: alone[0].length, outlet: [start, outletEnd] };
      }
      return undefined;
    },
  };
}

/**
 * Where the region after «إيران برس -» ends: a known region (unless glued to a label),
 * else a colon or a glued label within a few words, else the whole short line, else the
 * first word.
 */
function findRegionEnd(line: string, from: number): number | undefined {
  const rest = line.slice(from);
  const limit = 40;
  const colon = rest.indexOf(':');
  const label = KNOWN_ANYWHERE.exec(rest);
  const candidates = [colon, label ? label.index : -1].filter((x) => x > 0 && x <= limit);
  const cand = candidates.length > 0 ? Math.min(...candidates) : undefined;
  REGION_AT.lastIndex = 0;
  const region = REGION_AT.exec(rest);
  if (region && !/[\p{L}\p{M}]/u.test(rest[region[0].length] ?? '')) {
    const end = region[0].length;
    // «إيران: …» or «إيران أهمية الخبر)»: the colon or label right after the region
    if (cand !== undefined && cand >= end && !rest.slice(end, cand).trim()) return from + cand;
    return from + end;
  }
  if (cand !== undefined) {
    const words = rest.slice(0, cand).trim().split(/\s+/);
    if (words.length <= 4) return from + cand;
  }
  const words = rest.trim().split(/\s+/);
  if (rest.trim() && words.length <= 4) return from + rest.length;
  const first = /^\S+/.exec(rest);
  return first ? from + first[0].length : undefined;
}

function trimEnd(s: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(s[e - 1]!)) e--;
  return e;
}
