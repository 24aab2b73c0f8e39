/**
 * The end of an article: a byline on the last line (in Latin script, or a few Arabic words
 * after a sentence: `isArabicByline`), a bare number (a
 * page or view counter like `44`), «اقرأ المزيد» and the related headlines after it.
 * These are trailing matter, never a section's content.
 */
import { foldText } from './fold.ts';

export interface LineInfo {
  start: number;
  end: number;
  /** Trimmed original text of the line. */
  trimmed: string;
  /** The line's folded text, when the caller has it (saves folding again). */
  folded?: { text: string };
}

export interface Endings {
  /** Index of the first line that is no longer content (lines.length when none). */
  contentEnd: number;
  /** Every other non-empty line from `contentEnd` on is trailing matter. */
  byline?: number;
}

const MARKERS =
  /^(?:اقرا المزيد|اقرا ايضا|اقرا كذلك|اخبار ذات صله|مواضيع ذات صله|اخبار متعلقه|المزيد من الاخبار|الاكثر قراءه|شاهد ايضا|للمزيد)/u;
const BARE_NUMBER = /^\p{Nd}{1,7}$/u;
/** A date or time stamp line (2025/10/01, 14:30, 01-10-2025). */
const STAMP = /^\p{Nd}[\p{Nd}\s/:.,-]{0,24}$/u;
const LATIN_BYLINE = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}.'’ -]{1,79}$/u;

export function isBareNumber(s: string): boolean {
  return BARE_NUMBER.test(s);
}

/** A bare number, or a date/time stamp: trailing matter at the end of an article. */
export function isCounterOrStamp(s: string): boolean {
  return BARE_NUMBER.test(s) || STAMP.test(s);
}

/**
 * An Arabic byline or credit on an article's last line: 1–5 words of letters — a name
 * («هاجر النوالي»), an office («مكتب خبر التجريبي»), a source («المصدر : وات», «-رويترز-») —
 * with no digits, no sentence punctuation and no colon at its end (that line opens a list),
 * after a line that ends a sentence (so the last item of a list is not taken for one) —
 * or wholly in parentheses («(وكالة الأنباء الكويتية)»), after anything.
 */
export function isArabicByline(s: string, before: string | undefined): boolean {
  // «(وكالة الأنباء الكويتية)»: a credit in parentheses is one after a list too.
  const paren = /^\(([^()]+)\)$/u.exec(s.trim());
  if (!paren && (!before || !/[.!؟?…»"”]$/u.test(before.trim()))) return false;
  const core = (paren ? paren[1]! : s).replace(/^[-–—]\s*|\s*[-–—]$/gu, '').trim();
  if (!/^[\p{L}\p{M}\u0640][\p{L}\p{M}\u0640 :]*[\p{L}\p{M}]$/u.test(core)) return false;
  if (!/\p{Script=Arabic}/u.test(core) || /\p{Script=Latin}/u.test(core)) return false;
  const words = core.replace(/:/gu, ' ').split(/\s+/u).filter(Boolean);
  return words.length >= 1 && words.length <= 5;
}

export function isLatinByline(s: string): boolean {
  if (!LATIN_BYLINE.test(s)) return false;
  const words = s.split(/\s+/).filter(Boolean);
  return words.length >= 1 && words.length <= 6;
}

/** `s` is the line; `folded` its folded form when already known. */
export function isMarker(s: string, folded?: string): boolean {
  return MARKERS.test((folded ?? foldText(s)).replace(/^[^\p{L}]+/u, '').replace(/\s+/g, ' '));
}

/** A related headline: Arabic, short, not ending like a sentence. */
function isHeadlineLike(s: string): boolean {
  return /\p{Script=Arabic}/u.test(s) && s.split(/\s+/).length <= 20 && !/[.!:؛]$/.test(s);
}

/**
 * Find the endings among `lines[from..]` (`from`: the first line that may be an ending —
 * after the last label, or after the lead of an unlabelled article).
 */
export function findEndings(lines: readonly LineInfo[], from: number): Endings {
  let cut = lines.length;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trimmed && isMarker(line.trimmed, line.folded?.text)) {
      cut = i;
      break;
    }
  }

  const nonEmpty: number[] = [];
  for (let i = Math.max(from, 0); i < cut; i++) if (lines[i]!.trimmed) nonEmpty.push(i);
  let contentEnd = cut;
  let byline: number | undefined;
  // Walk back over the last few lines: numbers are trailing; the last Latin line is the
  // byline when everything after it is numbers or headlines.
  const tail: number[] = [];
  for (let k = nonEmpty.length - 1; k >= 0 && nonEmpty.length - k <= 6; k--) {
    const i = nonEmpty[k]!;
    const s = lines[i]!.trimmed;
    if (isLatinByline(s)) {
      byline = i;
      break;
    }
    // An Arabic byline: the last line, or followed by counters and stamps only.
    let before: string | undefined;
    for (let b = i - 1; b >= 0 && before === undefined; b--)
      if (lines[b]!.trimmed) before = lines[b]!.trimmed;
    if (tail.every((t) => isCounterOrStamp(lines[t]!.trimmed)) && isArabicByline(s, before)) {
      byline = i;
      break;
    }
    tail.push(i);
  }
  if (byline !== undefined) {
    const after = tail.map((i) => lines[i]!.trimmed);
    if (!after.every((s) => isCounterOrStamp(s) || isHeadlineLike(s))) byline = undefined;
  }
  if (byline !== undefined) {
    contentEnd = byline;
    for (let k = nonEmpty.indexOf(byline) - 1; k >= 0; k--) {
      const i = nonEmpty[k]!;
      if (!isCounterOrStamp(lines[i]!.trimmed)) break;
      contentEnd = i;
    }
  } else {
    // no byline: only bare numbers at the very end are trailing
    for (let k = nonEmpty.length - 1; k >= 0; k--) {
      const i = nonEmpty[k]!;
      if (!isCounterOrStamp(lines[i]!.trimmed)) break;
      contentEnd = i;
    }
  }
  return { contentEnd: Math.min(contentEnd, cut), ...(byline !== undefined ? { byline } : {}) };
}
