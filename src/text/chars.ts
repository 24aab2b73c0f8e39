/**
 * Character classes for the scanners (tokenize, sentences), one byte per UTF-16 unit,
 * built once from Unicode properties (`\p{…}` with the `u` flag), never from
 * hand-written ranges.
 */

export const C_OTHER = 0;
/** White space (`\s`: spaces, tabs, newlines, NBSP, …). */
export const C_SPACE = 1;
/** A letter of the Arabic script (tatweel included) or an Arabic combining mark. */
export const C_ARABIC = 2;
/** Any other combining mark (stays with the letter before it). */
export const C_MARK = 3;
/** A decimal digit of any script (0–9, ٠–٩, ۰–۹, …). */
export const C_DIGIT = 4;
/** A letter of another script (Latin mostly). */
export const C_LETTER = 5;
/** An invisible format character (ZWNJ, ZWJ, bidi marks, …). */
export const C_FORMAT = 6;
/** The first half of a surrogate pair. */
export const C_HIGH = 7;

let table: Uint8Array | undefined;
let bmp: string | undefined;

/**
 * Every BMP code unit in order (`s.charCodeAt(c) === c`), surrogates replaced by spaces:
 * a string to scan with `\p{…}` regexes to build per-unit tables.
 */
export function bmpString(): string {
  if (bmp !== undefined) return bmp;
  const units = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) units[c] = c >= 0xd800 && c <= 0xdfff ? 0x20 : c;
  bmp = new TextDecoder('utf-16le').decode(units);
  return bmp;
}

/**
 * The class of every UTF-16 unit. Built once, with one global regex scan per class over a
 * string of the whole BMP (later classes do not overwrite earlier ones).
 */
export function charClasses(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  const all = bmpString();
  const done = new Uint8Array(0x10000);
  const mark = (re: RegExp, k: number) => {
    for (const m of all.matchAll(re)) {
      for (let c = m.index; c < m.index + m[0].length; c++) {
        if (done[c]) continue;
        t[c] = k;
        done[c] = 1;
      }
    }
  };
  mark(/\s+/gu, C_SPACE);
  mark(/\p{Nd}+/gu, C_DIGIT);
  mark(/(?:(?=[\p{L}\p{M}])\p{scx=Arabic})+/gu, C_ARABIC);
  mark(/\p{M}+/gu, C_MARK);
  mark(/\p{L}+/gu, C_LETTER);
  mark(/\p{Cf}+/gu, C_FORMAT);
  for (let c = 0xd800; c <= 0xdbff; c++) t[c] = C_HIGH;
  for (let c = 0xdc00; c <= 0xdfff; c++) t[c] = C_OTHER;
  table = t;
  return t;
}
