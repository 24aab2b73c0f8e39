/**
 * A small match-folding for the brief parser: enough to recognise labels and datelines
 * written with Persian letters, harakat, tatweel or bidi controls, while keeping a map
 * from every folded offset back to the original text. (The text core's `normalize`
 * covers more; the parser only needs this much and must stay fast and dependency-free.)
 */

/** `text` is the folded string; `map[i]` is the input offset of `text[i]`, `map[text.length]` the input length. */
export interface Folded {
  text: string;
  map: number[];
}

/** Dropped: harakat and other combining marks, tatweel, zero-width and bidi controls, BOM. */
const DROP = /[\p{M}\u0640\u200B-\u200F\u061C\u2066-\u2069\uFEFF]/u;

/** Letters folded for matching (Persian ی/ک and ھ, hamza carriers, alef variants, ta marbuta, alef maqsura). */
const FOLD: Readonly<Record<string, string>> = {
  ی: 'ي',
  ى: 'ي',
  ئ: 'ي',
  ک: 'ك',
  ھ: 'ه',
  ة: 'ه',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ؤ: 'و',
  '：': ':',
  '﹕': ':',
  '）': ')',
  '–': '-',
  '—': '-',
  '\u00A0': ' ',
};

/** Fold `input.slice(start, end)`; offsets in `map` are into `input`. */
export function fold(input: string, start = 0, end = input.length): Folded {
  let text = '';
  const map: number[] = [];
  for (let i = start; i < end; i++) {
    const c = input[i]!;
    const code = c.charCodeAt(0);
    // ASCII fast path
    if (code < 0x80) {
      text += c;
      map.push(i);
      continue;
    }
    if (DROP.test(c)) continue;
    text += FOLD[c] ?? c;
    map.push(i);
  }
  map.push(end);
  return { text, map };
}

/** Fold a whole string for comparison (no map). */
export function foldText(s: string): string {
  return fold(s).text;
}
