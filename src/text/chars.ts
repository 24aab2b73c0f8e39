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

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdbff) return C_HIGH;
  if (c >= 0xdc00 && c <= 0xdfff) return C_OTHER;
  const s = String.fromCharCode(c);
  if (/\s/u.test(s)) return C_SPACE;
  if (/\p{Nd}/u.test(s)) return C_DIGIT;
  if (/\p{scx=Arabic}/u.test(s) && /[\p{L}\p{M}]/u.test(s)) return C_ARABIC;
  if (/\p{M}/u.test(s)) return C_MARK;
  if (/\p{L}/u.test(s)) return C_LETTER;
  if (/\p{Cf}/u.test(s)) return C_FORMAT;
  return C_OTHER;
}

/** The class of every UTF-16 unit. */
export function charClasses(): Uint8Array {
  if (table) return table;
  const t = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = classify(c);
  table = t;
  return t;
}
