/**
 * sentences(text): sentence spans `{start, end}` (offsets into `text`, white space trimmed
 * out, never empty, in order, never overlapping).
 *
 * A sentence ends:
 * - at a line break — in these articles a line is a paragraph, so a single newline ends
 *   a sentence as a blank line does;
 * - after `.` `؟` `?` `!` `؛` (with any closing quotes or brackets right after them),
 *   unless the mark is inside «…», “…” or "…" (quotes are closed at the end of the line
 *   at the latest, so an unbalanced quote cannot swallow the article).
 *
 * A dot does not end a sentence:
 * - between two digits (12.5, 1.000.000);
 * - when a Latin letter or a digit follows it directly (khabar.org, U.S.A, v2.1);
 * - in a run of dots (an ellipsis «...»);
 * - after an abbreviation: a single Arabic letter (د. ، م. ، ص. ، أ., also after و: وم.) or a single Latin
 *   letter (initials), or a common Latin abbreviation (Mr., Dr., Prof., Inc., …);
 * - inside a URL.
 * When a closing quote follows a dot inside the quote («… انتهى.» ثم), the sentence ends
 * after the closing quote (not after ؟ or !: «ارحل!» is often quoted inside a sentence).
 */
import * as chars from './chars.ts';
import * as tok from './tokenize.ts';

// local copies: imported bindings are read through getters when transpiled
const C_ARABIC = chars.C_ARABIC;
const C_DIGIT = chars.C_DIGIT;
const C_FORMAT = chars.C_FORMAT;
const C_LETTER = chars.C_LETTER;
const C_MARK = chars.C_MARK;
const C_SPACE = chars.C_SPACE;
const scanUrl = tok.scanUrl;
const urlPrefixLength = tok.urlPrefixLength;

export interface SentenceSpan {
  start: number;
  end: number;
}

const LATIN_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'corp',
  'vs',
  'gen',
  'gov',
  'sen',
  'rep',
  'col',
  'lt',
  'sgt',
  'capt',
  'no',
  'vol',
  'pp',
  'fig',
  'approx',
  'dept',
  'est',
]);

function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029 || c === 0x0b || c === 0x0c;
}

function isTerminator(c: number): boolean {
  // . ! ? ؟ ؛
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x061b;
}

function isCloser(c: number): boolean {
  // ) ] » ” " ’ '
  return c === 0x29 || c === 0x5d || c === 0xbb || c === 0x201d || c === 0x22 || c === 0x2019 || c === 0x27;
}

/** Splits `text` into sentence spans (see the module comment). Linear time. */
export function sentences(text: string): SentenceSpan[] {
  const cls = chars.charClasses();
  const n = text.length;
  const out: SentenceSpan[] = [];
  const emit = (s: number, e: number) => {
    while (s < e && isBlank(cls[text.charCodeAt(s)]!)) s++;
    while (e > s && isBlank(cls[text.charCodeAt(e - 1)]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  };
  let segStart = 0;
  let depth = 0; // «…» and “…”
  let dq = false; // "…"
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLineBreak(c)) {
      emit(segStart, i);
      segStart = i + 1;
      depth = 0;
      dq = false;
      i++;
      continue;
    }
    if (c === 0xab || c === 0x201c) {
      depth++;
      i++;
      continue;
    }
    if (c === 0xbb || c === 0x201d || c === 0x22) {
      let closed = false;
      if (c === 0x22) {
        dq = !dq;
        closed = !dq;
      } else if (depth > 0) {
        depth--;
        closed = true;
      }
      i++;
      if (closed && depth === 0 && !dq && endsWithTerminator(text, i - 1, cls)) {
        while (i < n && isCloser(text.charCodeAt(i))) i++;
        emit(segStart, i);
        segStart = i;
      }
      continue;
    }
    if (cls[c] === C_LETTER && (i === 0 || cls[text.charCodeAt(i - 1)] !== C_LETTER)) {
      const prefix = urlPrefixLength(text, i);
      if (prefix > 0) {
        i = Math.max(i + 1, scanUrl(text, i + prefix, cls));
        continue;
      }
    }
    if (depth > 0 || dq || !isTerminator(c) || (c === 0x2e && !isSentenceDot(text, i, cls))) {
      i++;
      continue;
    }
    i++;
    while (i < n && isTerminator(text.charCodeAt(i))) i++;
    while (i < n && isCloser(text.charCodeAt(i)) && text.charCodeAt(i) !== 0x22) i++;
    emit(segStart, i);
    segStart = i;
  }
  emit(segStart, n);
  return out;
}

function isBlank(k: number): boolean {
  return k === C_SPACE || k === C_FORMAT;
}

/** Whether the last non-blank character before the quote at `q` ends a sentence. */
function endsWithTerminator(text: string, q: number, cls: Uint8Array): boolean {
  let j = q - 1;
  while (j >= 0 && isBlank(cls[text.charCodeAt(j)]!)) j--;
  if (j < 0) return false;
  // only a dot: «…؟» and «…!» are often quoted inside a running sentence
  return text.charCodeAt(j) === 0x2e && isSentenceDot(text, j, cls);
}

function isSentenceDot(text: string, i: number, cls: Uint8Array): boolean {
  const n = text.length;
  const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
  const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
  if (prev === 0x2e || next === 0x2e) return false; // ellipsis
  const nk = i + 1 < n ? cls[next]! : C_SPACE;
  if (nk === C_DIGIT || nk === C_LETTER) return false;
  const pk = i > 0 ? cls[prev]! : C_SPACE;
  if (pk === C_DIGIT) return true;
  if (pk !== C_ARABIC && pk !== C_LETTER && pk !== C_MARK) return true;
  // the word before the dot
  let w = i - 1;
  let letters = 0;
  const script = pk === C_LETTER ? C_LETTER : C_ARABIC;
  while (w >= 0) {
    const k = cls[text.charCodeAt(w)]!;
    if (k === C_MARK) {
      w--;
      continue;
    }
    if (k !== script) break;
    if (script === C_LETTER || isArabicLetterProper(text.charCodeAt(w))) letters++;
    w--;
  }
  const before = w >= 0 ? cls[text.charCodeAt(w)]! : C_SPACE;
  if (before === C_ARABIC || before === C_LETTER || before === C_DIGIT) return true;
  if (letters <= 1) return false;
  if (script === C_ARABIC && letters === 2 && text.charCodeAt(w + 1) === 0x0648) return false; // وم.
  if (script === C_LETTER) return !LATIN_ABBREVIATIONS.has(text.slice(w + 1, i).toLowerCase());
  return true;
}

/** An Arabic letter that counts (not tatweel, not a combining mark). */
function isArabicLetterProper(c: number): boolean {
  return c !== 0x0640 && LETTER.test(String.fromCharCode(c));
}

const LETTER = /^\p{L}$/u;
