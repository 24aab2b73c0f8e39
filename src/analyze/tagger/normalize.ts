/**
 * The tagger's own word normalization. It is frozen with the model: the features a
 * model was trained on must be computed identically at run time, so this module does
 * not follow changes in src/text (retrain the model if you change anything here).
 */

const MARKS = /[\p{M}\u0640]/gu; // combining marks (harakat, shadda, …) and tatweel
const ARABIC = /\p{Script=Arabic}/u;
const LATIN = /\p{Script=Latin}/u;
const DIGIT = /\p{Nd}/u;

/** Match form: no marks or tatweel; alef variants → ا, ى → ي, ة → ه, ؤ → و, ئ → ي; digits → ASCII. */
export function matchForm(word: string): string {
  let s = word.normalize('NFC').replace(MARKS, '');
  let out = '';
  for (const ch of s) {
    switch (ch) {
      case 'أ':
      case 'إ':
      case 'آ':
      case 'ٱ':
        out += 'ا';
        break;
      case 'ى':
        out += 'ي';
        break;
      case 'ة':
        out += 'ه';
        break;
      case 'ؤ':
        out += 'و';
        break;
      case 'ئ':
        out += 'ي';
        break;
      default: {
        const c = ch.codePointAt(0)!;
        if (c >= 0x660 && c <= 0x669) out += String.fromCharCode(c - 0x660 + 48);
        else if (c >= 0x6f0 && c <= 0x6f9) out += String.fromCharCode(c - 0x6f0 + 48);
        else out += ch.toLowerCase();
      }
    }
  }
  s = out;
  return s;
}

/** A coarse shape: a = Arabic letter, L = Latin, 0 = digit, other characters kept; runs collapsed. */
export function shape(word: string): string {
  let out = '';
  let last = '';
  for (const ch of word) {
    const k = ARABIC.test(ch) ? 'a' : LATIN.test(ch) ? 'L' : DIGIT.test(ch) ? '0' : ch;
    if (k !== last) out += k;
    last = k;
  }
  return out.length > 6 ? out.slice(0, 6) : out;
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
