/**
 * The tagger's own word normalization. It is frozen with the model: the features a
 * model was trained on must be computed identically at run time, so this module does
 * not follow changes in src/text (retrain the model if you change anything here). The
 * letter folds it shares (src/text/letter-fold.ts) are frozen for the same reason.
 */
import { LETTER_FOLD } from '../../text/letter-fold.ts';

const MARKS = /[\p{M}\u0640]/gu; // combining marks (harakat, shadda, …) and tatweel
const MARK = /\p{M}/u;
const TATWEEL = /\u0640/g;
const ARABIC = /\p{Script=Arabic}/u;

/** The letter folds and the Arabic-Indic digits → ASCII. */
const FOLD: Record<string, string> = { ...LETTER_FOLD };
for (let d = 0; d <= 9; d++) {
  FOLD[String.fromCharCode(0x660 + d)] = String(d);
  FOLD[String.fromCharCode(0x6f0 + d)] = String(d);
}
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/** Match form: no marks or tatweel; alef variants → ا, ى → ي, ة → ه, ؤ → و, ئ → ي; digits → ASCII. */
export function matchForm(word: string): string {
  // Fast path, same result: one pass over the code units when the word has no combining
  // mark (those need NFC) and no character whose lower case is longer.
  let changed = false;
  for (let i = 0; i < word.length; i++) {
    const k = kindOf(word.charCodeAt(i));
    if (k === K_SLOW) return matchFormSlow(word);
    if (k !== K_KEEP) changed = true;
  }
  if (!changed) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    const k = KIND[c]!;
    if (k === K_KEEP) out += word[i];
    else if (k === K_MAP) out += MAPPED[c];
  }
  return out;
}

function matchFormSlow(word: string): string {
  // NFC only changes text that has combining marks; most words have none.
  const s = MARK.test(word) ? word.normalize('NFC').replace(MARKS, '') : word.replace(TATWEEL, '');
  return s.replace(FOLDABLE, (c) => FOLD[c]!).toLowerCase();
}

// Per UTF-16 code unit, decided once: kept, dropped (tatweel), mapped to MAPPED[c] (folded
// or lower-cased), or slow (a mark, a surrogate, or a lower case of another length).
const K_UNSET = 0;
const K_KEEP = 1;
const K_DROP = 2;
const K_MAP = 3;
const K_SLOW = 4;
const KIND = new Uint8Array(65536);
const MAPPED: string[] = [];
function kindOf(c: number): number {
  let k = KIND[c]!;
  if (k !== K_UNSET) return k;
  const ch = String.fromCharCode(c);
  // Capital sigma: its lower case depends on the position in the word.
  if ((c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 || MARK.test(ch)) k = K_SLOW;
  else if (c === 0x640) k = K_DROP;
  else {
    const m = (FOLD[ch] ?? ch).toLowerCase();
    if (m.length !== 1) k = K_SLOW;
    else if (m === ch) k = K_KEEP;
    else {
      k = K_MAP;
      MAPPED[c] = m;
    }
  }
  KIND[c] = k;
  return k;
}

// Character classes for shapes, decided once per UTF-16 code unit with Unicode properties.
const CLASS = new Uint8Array(65536); // 0 = not yet decided, 1 = Arabic/mark, 2 = Latin, 3 = digit, 4 = other
const SHAPE_CHAR = ['', 'a', 'L', '0'];
function classOf(code: number): number {
  let c = CLASS[code]!;
  if (c === 0) {
    const ch = String.fromCharCode(code);
    c = /[\p{Script=Arabic}\p{M}]/u.test(ch)
      ? 1
      : /\p{Script=Latin}/u.test(ch)
        ? 2
        : /\p{Nd}/u.test(ch)
          ? 3
          : 4;
    CLASS[code] = c;
  }
  return c;
}

/** A coarse shape: a = Arabic letters, L = Latin, 0 = digits, other characters kept; runs collapsed. */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < word.length && out.length < 6; i++) {
    const code = word.charCodeAt(i);
    const c = code >= 0xd800 && code <= 0xdfff ? 4 : classOf(code);
    const k = c === 4 ? word[i]! : SHAPE_CHAR[c]!;
    if (k !== last) out += k;
    last = k;
  }
  return out;
}

const CONJ = ['و', 'ف'];
const PREP = ['ب', 'ل', 'ك'];

/** The word with a leading conjunction (و، ف) removed when enough remains (match form in, match form out). */
export function stripConjunction(n: string): string {
  if (n.length >= 4 && CONJ.includes(n[0]!)) return n.slice(1);
  return n;
}

/**
 * Proclitics removed: conjunction, preposition (ب ل ك) and the article ال (لل → ل + ال).
 * Returns the stem and which proclitics were taken (e.g. "و+ب+ال").
 */
export function stripProclitics(n: string): { stem: string; clitics: string } {
  let s = stripConjunction(n);
  let clitics = s === n ? '' : 'c';
  if (s.length >= 5 && s.startsWith('لل')) return { stem: s.slice(2), clitics: `${clitics}l+al` };
  if (s.length >= 5 && PREP.includes(s[0]!) && s[1] === 'ا' && s[2] === 'ل') {
    return { stem: s.slice(3), clitics: `${clitics}${s[0]}+al` };
  }
  if (s.length >= 5 && s.startsWith('ال')) return { stem: s.slice(2), clitics: `${clitics}al` };
  if (s.length >= 4 && PREP.includes(s[0]!)) {
    clitics += s[0];
    s = s.slice(1);
  }
  return { stem: s, clitics };
}

const SUFFIXES = ['يين', 'يون', 'يه', 'ات', 'ين', 'ون', 'هم', 'ها', 'ي', 'ه'];

/** The stem without one common suffix (nisba, plural, pronoun) when enough remains. */
export function stripSuffix(stem: string): string {
  for (const s of SUFFIXES)
    if (stem.length - s.length >= 3 && stem.endsWith(s)) return stem.slice(0, -s.length);
  return stem;
}

export function isArabicWord(word: string): boolean {
  return ARABIC.test(word);
}
