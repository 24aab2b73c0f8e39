/**
 * sentences(text): sentence spans `{start, end}` (offsets into `text`, white space trimmed
 * out, never empty, in order, never overlapping).
 *
 * A sentence ends:
 * - at a line break — in these articles a line is a paragraph, so a single newline ends
 *   a sentence as a blank line does;
 * - after `.` `؟` `?` `!` `؛` `۔` (with any closing quotes or brackets right after them),
 *   unless the mark is inside a quotation «…», “…” (or ”…“) or "…". Quotation marks are
 *   paired within their line first; a mark left unpaired (a stray or unclosed quote) is
 *   not a quotation, so it cannot swallow the sentences after it.
 *
 * A dot does not end a sentence:
 * - between two digits (12.5, 1.000.000), or after a list number opening a line or
 *   following a sentence end («… انتهى. 2. …»);
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
const { C_ARABIC, C_DIGIT, C_FORMAT, C_LETTER, C_MARK, C_SPACE } = chars;
const { scanUrl, urlPrefixLength } = tok;

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
  // . ! ? ؟ ؛ ۔ (Urdu full stop)
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x061f || c === 0x061b || c === 0x06d4;
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
  const pairs = new Map<number, number>();
  let lineStart = 0;
  while (lineStart <= n) {
    pairs.clear();
    const lineEnd = matchQuotes(text, lineStart, cls, pairs);
    let segStart = lineStart;
    let i = lineStart;
    while (i < lineEnd) {
      const c = text.charCodeAt(i);
      const close = pairs.size > 0 && quoteGroup(c) !== 0 ? pairs.get(i) : undefined;
      if (close !== undefined) {
        // a quotation: never split inside; a dot just before its closing mark ends the sentence
        i = close + 1;
        if (endsWithDot(text, close, cls)) {
          while (i < lineEnd && isCloser(text.charCodeAt(i)) && !pairs.has(i)) i++;
          emit(segStart, i);
          segStart = i;
        }
        continue;
      }
      if (cls[c] === C_LETTER && (i === lineStart || cls[text.charCodeAt(i - 1)] !== C_LETTER)) {
        const prefix = urlPrefixLength(text, i);
        if (prefix > 0) {
          i = Math.max(i + 1, Math.min(lineEnd, scanUrl(text, i + prefix, cls)));
          continue;
        }
      }
      if (!isTerminator(c) || (c === 0x2e && !isSentenceDot(text, i, cls))) {
        i++;
        continue;
      }
      i++;
      while (i < lineEnd && isTerminator(text.charCodeAt(i))) i++;
      while (
        i < lineEnd &&
        isCloser(text.charCodeAt(i)) &&
        !pairs.has(i) &&
        closesHere(text, i, lineEnd, cls)
      )
        i++;
      emit(segStart, i);
      segStart = i;
    }
    emit(segStart, lineEnd);
    lineStart = lineEnd + 1;
  }
  return out;
}

/** How a straight or curly quote at `i` can act: 1 opens, 2 closes, 3 either, 0 neither. */
function flank(text: string, i: number, from: number, to: number, cls: Uint8Array): number {
  const pk = i > from ? cls[text.charCodeAt(i - 1)]! : C_SPACE;
  const nk = i + 1 < to ? cls[text.charCodeAt(i + 1)]! : C_SPACE;
  const prevBlank = isBlank(pk);
  const nextBlank = isBlank(nk);
  const prevWord = isWordClass(pk);
  const nextWord = isWordClass(nk);
  const opens = !nextBlank && (prevBlank || !prevWord);
  const closes = !prevBlank && (nextBlank || !nextWord);
  if (opens || closes) return (opens ? 1 : 0) | (closes ? 2 : 0);
  return prevWord && nextWord ? 3 : 0;
}

function isWordClass(k: number): boolean {
  return k === C_ARABIC || k === C_LETTER || k === C_DIGIT || k === C_MARK;
}

/** Whether the closer-like mark at `i` (after a terminator) closes rather than opens. */
function closesHere(text: string, i: number, lineEnd: number, cls: Uint8Array): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x22 && c !== 0x201d && c !== 0x201c) return true;
  return (flank(text, i, 0, lineEnd, cls) & 2) !== 0;
}

/** Quote group: « » pair strictly; “ ” „ pair with each other either way; " with ". */
function quoteGroup(c: number): number {
  if (c === 0xab || c === 0xbb) return 1;
  if (c === 0x201c || c === 0x201d || c === 0x201e) return 2;
  if (c === 0x22) return 3;
  return 0;
}

const MAX_QUOTE_SEARCH = 8;

/**
 * Pairs the quotation marks of the line starting at `from` into `pairs` (opener → closer)
 * and returns where the line ends. « opens and » closes; straight and curly quotes open or
 * close by what stands around them (an opener is followed by text, a closer follows text).
 * Marks left unpaired — a stray quote, a quote cut at the end of the line — are not quotes
 * at all, so they cannot swallow the sentences after them. Linear: a closer looks at most a
 * few openers down the stack.
 */
function matchQuotes(text: string, from: number, cls: Uint8Array, pairs: Map<number, number>): number {
  const n = text.length;
  let to = from;
  while (to < n) {
    const c = text.charCodeAt(to);
    if (c > 0xbb && c < 0x2028)
      to++; // Arabic and most letters: neither quote nor break
    else if (isLineBreak(c)) break;
    else to++;
  }
  const stack: number[] = [];
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xbb && c < 0x201c) continue;
    const group = quoteGroup(c);
    if (group === 0) continue;
    const role = group === 1 ? (c === 0xab ? 1 : 2) : flank(text, i, from, to, cls);
    if (role & 2) {
      let k = stack.length - 1;
      const stop = Math.max(0, stack.length - MAX_QUOTE_SEARCH);
      while (k >= stop && quoteGroup(text.charCodeAt(stack[k]!)) !== group) k--;
      if (k >= stop && k >= 0) {
        pairs.set(stack[k]!, i);
        stack.length = k; // openers above it were never closed
        continue;
      }
    }
    if (role & 1) stack.push(i);
  }
  return to;
}

function isBlank(k: number): boolean {
  return k === C_SPACE || k === C_FORMAT;
}

/** Whether the last non-blank character before the quote at `q` is a sentence-ending dot. */
function endsWithDot(text: string, q: number, cls: Uint8Array): boolean {
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
  if (pk === C_DIGIT) return !isListNumber(text, i - 1, cls);
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
  // Latin letters spelled in Arabic («بي. بي. سي.», «سي. إن. إن.»): inside such a chain a
  // dot ends nothing, the last one included (acronyms mostly stand mid-sentence)
  if (letters <= 4 && LETTER_NAMES.has(bareWord(text, w + 1, i)))
    return !(LETTER_NAMES.has(nextArabicWord(text, i + 1, cls)) || followsSpelledLetter(text, w, cls));
  return true;
}

/** Whether the digits ending at `k` are a list number opening a line or a sentence («2. …»). */
function isListNumber(text: string, k: number, cls: Uint8Array): boolean {
  const end = k;
  while (k >= 0 && cls[text.charCodeAt(k)] === C_DIGIT) k--;
  if (end - k > 3) return false;
  while (k >= 0 && isBlank(cls[text.charCodeAt(k)]!) && !isLineBreak(text.charCodeAt(k))) k--;
  while (k >= 0 && isCloser(text.charCodeAt(k))) k--;
  return k < 0 || isLineBreak(text.charCodeAt(k)) || isTerminator(text.charCodeAt(k));
}

/** Whether `text` before offset `w` (inclusive) ends with a spelled letter and its dot. */
function followsSpelledLetter(text: string, w: number, cls: Uint8Array): boolean {
  let k = w;
  while (k >= 0 && isBlank(cls[text.charCodeAt(k)]!) && !isLineBreak(text.charCodeAt(k))) k--;
  if (k < 0 || text.charCodeAt(k) !== 0x2e) return false;
  const end = k;
  k--;
  while (
    k >= 0 &&
    end - k <= 12 &&
    (cls[text.charCodeAt(k)] === C_ARABIC || cls[text.charCodeAt(k)] === C_MARK)
  )
    k--;
  return LETTER_NAMES.has(bareWord(text, k + 1, end));
}

/** Latin letter names as written in Arabic (hamza forms and bare alef both). */
const LETTER_NAMES = new Set(
  'بي تي سي دي إي اي إف اف جي إتش اتش آي جاي كي كاي إل إم ام إن ان أو او كيو آر ار إس اس يو في دبليو إكس اكس واي زد زي إيه ايه'.split(
    ' ',
  ),
);

/** `text.slice(from, to)` without combining marks and tatweel. */
function bareWord(text: string, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x0640 && isArabicLetterProper(c)) out += text[k];
  }
  return out;
}

/** The Arabic word after white space from `i` (marks removed), or ''. */
function nextArabicWord(text: string, i: number, cls: Uint8Array): string {
  const n = text.length;
  while (i < n && isBlank(cls[text.charCodeAt(i)]!) && !isLineBreak(text.charCodeAt(i))) i++;
  let j = i;
  while (j < n && j - i < 12 && (cls[text.charCodeAt(j)] === C_ARABIC || cls[text.charCodeAt(j)] === C_MARK))
    j++;
  return bareWord(text, i, j);
}

/** An Arabic letter that counts (not tatweel, not a combining mark). */
function isArabicLetterProper(c: number): boolean {
  return c !== 0x0640 && LETTER.test(String.fromCharCode(c));
}

const LETTER = /^\p{L}$/u;
