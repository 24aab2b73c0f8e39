/**
 * tokenize(text): tokens with `[start, end)` offsets into the ORIGINAL text
 * (`text.slice(start, end) === token.text`), in order, never overlapping.
 *
 * Every character belongs to a token except white space and invisible format characters
 * (bidi marks, ZWNJ…) that stand between tokens; a format character inside a word (ZWNJ in
 * می‌خواهم) stays in the word.
 *
 * Kinds:
 * - `word`: a run of Arabic-script letters with their harakat and tatweel (the surface is
 *   never changed; see `analyzeClitics` for the bare forms);
 * - `number`: digits of any script, with `.` `,` `٫` `٬` `/` `:` between two digits (12.5,
 *   1,000, ١٢٫٥, 29/11/2026, 10:30);
 * - `latin`: a run of letters of another script (and digits after the first letter), with
 *   `-` `'` `’` between two of them (F-35, O'Neil);
 * - `url`: http://…, https://…, www.… up to white space or a quote mark, trailing
 *   punctuation left out;
 * - `hashtag` / `mention`: `#` / `@` followed by letters, digits, marks or `_` (Arabic too);
 * - `punctuation`: anything else, one character a token (a surrogate pair stays whole; a run
 *   of dots «...» is one token). The Arabic comma, semicolon and question mark (، ؛ ؟) are
 *   punctuation tokens of their own.
 */
import * as chars from './chars.ts';

// local copies: imported bindings are read through getters when transpiled
const { C_ARABIC, C_DIGIT, C_FORMAT, C_HIGH, C_LETTER, C_MARK, C_SPACE } = chars;

export type TokenKind = 'word' | 'number' | 'punctuation' | 'latin' | 'url' | 'hashtag' | 'mention';

export interface Token {
  /** The surface, exactly `text.slice(start, end)`. */
  text: string;
  start: number;
  end: number;
  kind: TokenKind;
}

function isNumberSeparator(c: number): boolean {
  // . , / : ٫ ٬
  return c === 0x2e || c === 0x2c || c === 0x2f || c === 0x3a || c === 0x066b || c === 0x066c;
}

function isLatinJoiner(c: number): boolean {
  return c === 0x2d || c === 0x27 || c === 0x2019;
}

/** Characters that end a URL, and those trimmed from its end. */
const URL_STOP = new Set([0x22, 0x3c, 0x3e, 0xab, 0xbb, 0x201c, 0x201d, 0x60]);
const URL_TRIM = new Set([
  0x2e, 0x2c, 0x3b, 0x3a, 0x21, 0x3f, 0x29, 0x5d, 0x7d, 0x27, 0x2019, 0x060c, 0x061b, 0x061f,
]);

/** Length of a URL prefix (`http://`, `https://`, `www.`) at `i`, or 0. @internal */
export function urlPrefixLength(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x68 || c === 0x48) {
    const head = text.slice(i, i + 8).toLowerCase();
    if (head.startsWith('https://')) return 8;
    if (head.startsWith('http://')) return 7;
  } else if (c === 0x77 || c === 0x57) {
    if (text.slice(i, i + 4).toLowerCase() === 'www.') return 4;
  }
  return 0;
}

/** Splits `text` into tokens (see the module comment). Linear time, one pass. */
export function tokenize(text: string): Token[] {
  const cls = chars.charClasses();
  const n = text.length;
  const tokens: Token[] = [];
  const push = (start: number, end: number, kind: TokenKind) => {
    tokens.push({ text: text.slice(start, end), start, end, kind });
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls[c]!;
    if (k === C_SPACE || k === C_FORMAT) {
      i++;
      continue;
    }
    const start = i;
    if (k === C_ARABIC) {
      i = scanWord(text, i + 1, cls);
      push(start, i, 'word');
      continue;
    }
    if (k === C_DIGIT) {
      i++;
      for (;;) {
        while (i < n && cls[text.charCodeAt(i)] === C_DIGIT) i++;
        if (i + 1 < n && isNumberSeparator(text.charCodeAt(i)) && cls[text.charCodeAt(i + 1)] === C_DIGIT) {
          i += 2;
          continue;
        }
        break;
      }
      push(start, i, 'number');
      continue;
    }
    if (k === C_LETTER) {
      const prefix = urlPrefixLength(text, i);
      if (prefix > 0) {
        const end = scanUrl(text, i + prefix, cls);
        if (end > i + prefix) {
          i = end;
          push(start, i, 'url');
          continue;
        }
      }
      i = scanLatin(text, i + 1, cls);
      push(start, i, 'latin');
      continue;
    }
    if ((c === 0x23 || c === 0x40) && i + 1 < n) {
      const end = scanTag(text, i + 1, cls);
      const prev = i > 0 ? cls[text.charCodeAt(i - 1)]! : C_SPACE;
      const glued = prev === C_ARABIC || prev === C_LETTER || prev === C_DIGIT;
      if (end > i + 1 && !glued) {
        i = end;
        push(start, i, c === 0x23 ? 'hashtag' : 'mention');
        continue;
      }
    }
    if (k === C_HIGH && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      i += d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
    } else if (c === 0x2e) {
      i++;
      while (i < n && text.charCodeAt(i) === 0x2e) i++;
    } else i++;
    // marks after punctuation stay with it
    while (i < n && cls[text.charCodeAt(i)] === C_MARK) i++;
    push(start, i, 'punctuation');
  }
  return tokens;
}

/** End of an Arabic word starting before `i`: letters, marks, and format chars inside. */
function scanWord(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  while (i < n) {
    const k = cls[text.charCodeAt(i)]!;
    if (k === C_ARABIC || k === C_MARK) i++;
    else if (k === C_FORMAT) {
      let j = i + 1;
      while (j < n && cls[text.charCodeAt(j)] === C_FORMAT) j++;
      if (j < n && cls[text.charCodeAt(j)] === C_ARABIC) i = j;
      else break;
    } else break;
  }
  return i;
}

function scanLatin(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  while (i < n) {
    const k = cls[text.charCodeAt(i)]!;
    if (k === C_LETTER || k === C_DIGIT || k === C_MARK) i++;
    else if (isLatinJoiner(text.charCodeAt(i)) && i + 1 < n) {
      const k2 = cls[text.charCodeAt(i + 1)]!;
      if (k2 === C_LETTER || k2 === C_DIGIT) i += 2;
      else break;
    } else break;
  }
  return i;
}

function scanTag(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls[c]!;
    if (k === C_ARABIC || k === C_LETTER || k === C_DIGIT || k === C_MARK || c === 0x5f) i++;
    else if (k === C_FORMAT && i + 1 < n && cls[text.charCodeAt(i + 1)] === C_ARABIC) i++;
    else break;
  }
  return i;
}

/** End of a URL whose prefix ends at `i` (trailing punctuation left out). @internal */
export function scanUrl(text: string, i: number, cls: Uint8Array): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    const k = cls[c]!;
    if (k === C_SPACE || URL_STOP.has(c)) break;
    if (k === C_FORMAT) break;
    i++;
  }
  while (URL_TRIM.has(text.charCodeAt(i - 1))) i--;
  return i;
}
