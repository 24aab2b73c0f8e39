/**
 * Label recognition for the "smart brevity" template. Works on a folded line (see
 * fold.ts) from a given position; the caller maps offsets back to the original text.
 *
 * A label is: at the start of a line (or right after the dateline), a known label or a
 * short phrase of 1–4 Arabic words, then a closing mark `:` `)` `؟` (spaces allowed
 * before it) — or a known label alone on its line. Known labels always count; an
 * unknown phrase counts only with `)` (the template's own mark), or with `:`/`؟` when it
 * uses an editorial word (خلفية، السياق، بالأرقام، ماذا بعد…). Speaker lines
 * («عراقجي:»), `key: value` items, «(سانا):» and headlines with colons fail these tests.
 */
import type { SectionKind } from '../model.ts';

export interface LabelMatch {
  kind: SectionKind;
  /** `known`: one of the template's labels; `generic`: another short phrase. */
  source: 'known' | 'generic';
  /** Folded offsets [start, end) of the label words (without the mark). */
  wordsStart: number;
  wordsEnd: number;
  /** Folded offset just after the closing mark (or after the words when there is none). */
  end: number;
  mark: ':' | ')' | '؟' | '-' | '';
  /** Folded offsets of the speaker in «ما يقوله X» / «ماذا يقول X». */
  speaker?: readonly [number, number];
}

const KNOWN: ReadonlyArray<readonly [string, SectionKind]> = [
  ['اهميه الخبر', 'why_it_matters'],
  ['الصوره العامه', 'big_picture'],
  ['ماذا يقولون', 'what_they_say'],
  ['ماذا قالوا', 'what_they_say'],
  ['النقاط الرييسيه', 'key_points'],
  ['نظره اعمق', 'deeper_look'],
  ['احدث المعلومات', 'latest'],
  ['تفاصيل الخبر', 'details'],
  // Variants other outlets write for the same sections (folded: «ما أهمية ذلك» → «ما اهميه ذلك»).
  ['لماذا يهم', 'why_it_matters'],
  ['لماذا يهمك', 'why_it_matters'],
  ['لماذا هذا مهم', 'why_it_matters'],
  ['ما اهميه ذلك', 'why_it_matters'],
  ['ما اهميه الخبر', 'why_it_matters'],
  ['في الصوره الاوسع', 'big_picture'],
  ['الصوره الاوسع', 'big_picture'],
  ['الصوره الكبيره', 'big_picture'],
  ['الصوره الكبري', 'big_picture'],
  ['الصوره الاكبر', 'big_picture'],
  ['ما يجب معرفته', 'key_points'],
  ['ما تحتاج معرفته', 'key_points'],
  ['ما يجب ان تعرفه', 'key_points'],
  ['ما تحتاج ان تعرفه', 'key_points'],
  ['بين السطور', 'deeper_look'],
  ['في العمق', 'deeper_look'],
  ['ابرز النقاط', 'key_points'],
  ['اهم النقاط', 'key_points'],
  ['التفاصيل', 'details'],
];

const KIND_BY_LABEL = new Map(KNOWN.map(([label, kind]) => [label, kind]));

const WORD = '[^\\s:)؟?(،,.«»"\'\\[\\]*-]+';
const WORDS = `${WORD}(?:[ \\t]+${WORD}){0,3}`;
const SPEAKER = `${WORD}(?:[ \\t]+${WORD}){0,5}`;
/** Decoration before a known label: a bullet, an emoji, an opening quote or `**`. */
const DECOR = '(?:[^\\p{L}\\p{N}\\s):؟?]{1,3}[ \\t]*)?';
/** After a known label: closing quote or `**`, then a mark (a dash too), maybe doubled («):»), or the end of the line. */
const KNOWN_MARK = '[ \\t]*[»"\'”*]*[ \\t]*(?:([:)؟?-])(?:[ \\t]*[:)])?[»"\'”*]*|$)';
const KNOWN_ALT = KNOWN.map(([l]) => l.replaceAll(' ', '[ \\t]+')).join('|');
const KNOWN_WORDS = `(?:(${KNOWN_ALT})|ماذا[ \\t]+يقول(?:[ \\t]+(${SPEAKER}))?|ما[ \\t]+يقوله[ \\t]+(${SPEAKER}))`;

/** Known labels, at a position (sticky). Groups: 1 label words, 2 known, 3 speaker (يقول), 4 speaker (يقوله), 5 mark. */
const KNOWN_AT = new RegExp(`[ \\t]*${DECOR}(${KNOWN_WORDS})${KNOWN_MARK}`, 'uyd');
/** The same, anywhere in a string, with a mark required (used to split glued datelines). */
export const KNOWN_ANYWHERE = new RegExp(
  `(?:${KNOWN_ALT}|ماذا[ \\t]+يقول(?:[ \\t]+${WORDS})?|ما[ \\t]+يقوله[ \\t]+${WORDS})[ \\t]*[:)؟?]`,
  'u',
);
/**
 * A known label run into the previous text of its line (text joined from HTML): before
 * `)` anywhere, even glued to the previous word («…المشتركةالصورة العامة)»); before `:` or
 * `؟` only after the end of a sentence («…الإقليمية. أهمية الخبر:»).
 */
export const KNOWN_MIDLINE = new RegExp(
  `(?<=[\\p{L}\\p{M}\\p{N}.!؟?»"”…،:])[ \\t]*(?=(?:${KNOWN_ALT})[ \\t]*\\))|(?<=[.!؟?»"”…])[ \\t]*(?=(?:${KNOWN_ALT})[ \\t]*[:؟?])`,
  'gu',
);
/** A short phrase then a mark (sticky). Groups: 1 words, 2 mark. */
const GENERIC_AT = new RegExp(`[ \\t]*(${WORDS})[ \\t]*([:)؟?])`, 'uy');

const ARABIC_WORD = /^[\p{Script=Arabic}\p{M}\u0640]+$/u;
const ORDINALS = new Set([
  'اولا',
  'ثانيا',
  'ثالثا',
  'رابعا',
  'خامسا',
  'سادسا',
  'سابعا',
  'ثامنا',
  'تاسعا',
  'عاشرا',
  'اخيرا',
]);

/** Editorial words that let an unknown phrase ending in `:` or `؟` be a label. */
const EDITORIAL = new Set([
  'خلفيه',
  'الخلفيه',
  'السياق',
  'سياق',
  'الخلاصه',
  'خلاصه',
  'باختصار',
  'بالارقام',
  'الارقام',
  'ارقام',
  'ردود',
  'التالي',
  'بعد',
  'لماذا',
  'ماذا',
  'كيف',
  'التفاصيل',
  'الحصيله',
  'المشهد',
  'الجديد',
  'ابرز',
  'اهم',
  'المواقف',
  'القصه',
  'الاطار',
  'التحليل',
  'تحليل',
  'ملخص',
  'الملخص',
  'الدلالات',
  'دلالات',
  'السوال',
  'الاسيله',
  'المستقبل',
  'التوقعات',
  'الافاق',
  'افاق',
]);

/** Verbs that open a quotation, not a section: «وقال الوزير:», «أضاف البيان:». */
const SAYING = /^[وف]?(?:قال|قالت|اضاف|اضافت|اكد|اكدت|اوضح|اوضحت|ذكر|ذكرت|تابع|تابعت|جاء|ورد|نص|يقول|تقول)$/;

/** Whether a phrase before «:» opens a quotation («وقال الوزير») or starts with a conjunction. */
const saying = (words: readonly string[]) => /^[وف]/.test(words[0]!) || words.some((w) => SAYING.test(w));

function normMark(m: string | undefined): LabelMatch['mark'] {
  if (m === ':' || m === ')' || m === '-') return m;
  if (m === '؟' || m === '?') return '؟';
  return '';
}

/** Try a known label at folded position `pos` of `line`. */
export function matchKnownLabel(line: string, pos: number): LabelMatch | undefined {
  KNOWN_AT.lastIndex = pos;
  const m = KNOWN_AT.exec(line);
  if (!m?.indices) return undefined;
  const [wordsStart, wordsEnd] = m.indices[1]!;
  const mark = normMark(m[5]);
  let kind: SectionKind = 'what_they_say';
  if (m[2] !== undefined) kind = KIND_BY_LABEL.get(m[2].replace(/[ \t]+/g, ' ')) ?? 'other';
  const out: LabelMatch = { kind, source: 'known', wordsStart, wordsEnd, end: pos + m[0].length, mark };
  const sp = m.indices[3] ?? m.indices[4];
  if (sp) {
    const words = line.slice(sp[0], sp[1]).split(/[ \t]+/);
    if (!words.every((w) => ARABIC_WORD.test(w))) return undefined;
    out.speaker = sp;
  }
  return out;
}

/** Try an unknown short phrase + mark at `pos`; the caller decides whether the context allows it. */
export function matchGenericLabel(line: string, pos: number, listHead = false): LabelMatch | undefined {
  GENERIC_AT.lastIndex = pos;
  const m = GENERIC_AT.exec(line);
  if (!m) return undefined;
  const phrase = m[1]!;
  const words = phrase.split(/[ \t]+/);
  if (!words.every((w) => ARABIC_WORD.test(w))) return undefined;
  if (phrase.length < 3) return undefined;
  const mark = normMark(m[2]);
  if (mark === ')') {
    if (words.length === 1 && ORDINALS.has(words[0]!)) return undefined;
  } else if (
    // («الصورة الأكبر:» alone on its line with a list under it: a label whatever its words)
    !(listHead && mark === ':' && line.slice(pos + m[0].length).trim() === '' && !saying(words)) &&
    !words.some((w) => EDITORIAL.has(w) || EDITORIAL.has(w.replace(/^[وفب]/, '')))
  ) {
    return undefined;
  }
  const wordsStart = pos + (m[0].length - m[0].trimStart().length);
  return {
    kind: 'other',
    source: 'generic',
    wordsStart,
    wordsEnd: wordsStart + phrase.length,
    end: pos + m[0].length,
    mark,
  };
}
