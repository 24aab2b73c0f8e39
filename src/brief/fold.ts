/**
 * Folding for the brief parser: the text core's match form (src/text: harakat, tatweel,
 * bidi controls dropped; Persian ی/ک, alef forms, ة, ى, ؤ, ئ folded; presentation forms
 * expanded) plus a few one-to-one folds the parser also needs (ھ → ه, پ → ب as in «إیران پرس», full-width colon
 * and parenthesis, en/em dashes → `-`, no-break and other Unicode spaces → space). Keeps a map from every
 * folded offset back to the original text, so labels and datelines written with Persian
 * letters or harakat still match while spans point into the original.
 */
import { normalize } from '../text/index.ts';

/** `text` is the folded string; `map[i]` is the input offset of `text[i]`, `map[text.length]` the end. */
export interface Folded {
  text: string;
  map: ArrayLike<number>;
}

const EXTRA: Readonly<Record<string, string>> = {
  ھ: 'ه',
  پ: 'ب',
  '：': ':',
  '﹕': ':',
  '）': ')',
  '（': '(',
  '–': '-',
  '—': '-',
  '\u00A0': ' ',
};
const EXTRA_RE = /[ھپ：﹕）（–—\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;

/** Fold `input.slice(start, end)`; offsets in `map` are into `input`. */
export function fold(input: string, start = 0, end = input.length): Folded {
  const whole = start === 0 && end === input.length;
  const n = normalize(whole ? input : input.slice(start, end), { strength: 'match' });
  const text = n.text.replace(EXTRA_RE, (c) => EXTRA[c] ?? ' ');
  if (start === 0) return { text, map: n.map };
  const map = new Int32Array(n.map.length);
  for (let i = 0; i < map.length; i++) map[i] = n.map[i]! + start;
  return { text, map };
}

/** Fold a whole string for comparison (no map). */
export function foldText(s: string): string {
  return fold(s).text;
}

/** The fold of any range of a text, sliced from one fold of the whole text. */
export class FoldIndex {
  readonly whole: { text: string; map: Int32Array };
  constructor(input: string) {
    const f = fold(input);
    this.whole = { text: f.text, map: Int32Array.from(f.map) };
  }
  /** First folded offset whose source offset is ≥ `source`. */
  private lower(source: number): number {
    const map = this.whole.map;
    let lo = 0;
    let hi = map.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (map[mid]! < source) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  /** The fold of `input.slice(start, end)` with offsets into `input` (`start`, `end` at character boundaries). */
  range(start: number, end: number): Folded {
    const fs = this.lower(start);
    const fe = Math.max(fs, this.lower(end));
    const map = this.whole.map.slice(fs, fe + 1);
    map[fe - fs] = end;
    return { text: this.whole.text.slice(fs, fe), map };
  }
}
