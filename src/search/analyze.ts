/**
 * The search analyzer: one function for documents and queries, so both sides produce the
 * same terms. Each word of the text gives four terms, kept in separate index columns so an
 * exact form ranks above a looser match:
 *
 * - `form`  the match-normalized word (harakat, tatweel and bidi controls removed; أ إ آ ٱ → ا,
 *           ى → ي, ة → ه, ؤ → و, ئ → ي, Persian ی/ک → ي/ك; Latin lower-cased, accents dropped)
 * - `bare`  the form with its proclitics removed (و ف, ال بال كال وال فال لل), when enough of
 *           the word is left (see `stripProclitics`)
 * - `stem`  a Snowball Arabic stem of the definite form «ال + bare», match-normalized; giving
 *           Snowball the definite form makes it take the noun path, so «استراتيجيات»,
 *           «الاستراتيجية» and «استراتيجي» share one stem
 * - `latin` a consonant key for transliteration (Latin query words and Arabic words share it:
 *           «Larijani» and «لاريجاني» → `lrjn`)
 *
 * Offsets are UTF-16 offsets into the analyzed text, for snippets and highlights.
 */
import { createRequire } from 'node:module';
import { latinKey } from './latin.ts';

export interface Term {
  start: number;
  end: number;
  /** Match-normalized surface form. */
  form: string;
  /** Proclitic-stripped form (equal to `form` when nothing was stripped). */
  bare: string;
  /** Search stem (Arabic words); the form itself for Latin words and numbers. */
  stem: string;
  /** Consonant key for transliteration matching; empty when the word has none. */
  latin: string;
  /** `arabic`, `latin` (other scripts count as latin) or `number`. */
  script: 'arabic' | 'latin' | 'number';
}

// A word: letters/digits with joined marks, tatweel and zero-width (non-)joiners inside.
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200C\u200D]*/gu;
const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;
const MARKS = /[\p{M}\u0640\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E\uFEFF]/gu;
const PRESENTATION = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;

const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  ی: 'ي',
  ې: 'ي',
  ک: 'ك',
  ڪ: 'ك',
};
const FOLD_RE = /[أإآٱىةؤئیېکڪ٠-٩۰-۹]/gu;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
  if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
  return FOLD[c] ?? c;
}

/** Display cleanup of one word: presentation forms folded, marks/tatweel/controls removed. */
function displayWord(word: string): string {
  let w = PRESENTATION.test(word) ? word.normalize('NFKC') : word;
  if (!ARABIC.test(w)) w = w.normalize('NFD');
  return w.replace(MARKS, '');
}

/** Match normalization of one already display-cleaned word. */
function matchFold(w: string): string {
  return w.replace(FOLD_RE, foldChar).toLowerCase();
}

/** The match-normalized form of one word (the same folding the index uses). */
export function matchWord(word: string): string {
  return matchFold(displayWord(word));
}

const letters = (s: string) => [...s].length;

/**
 * Removes proclitics from a display-form Arabic word: conjunction و/ف, then the article in
 * its forms (ال، بال، كال، لل). A single و/ف is removed only before an alef or hamza-seat
 * letter («وإيران» → «إيران») or before the article, so «وزارة» and «فرنسا» stay whole.
 * At least three letters must remain.
 */
export function stripProclitics(w: string): string {
  let rest = w;
  if (/^[وف]/u.test(rest)) {
    const after = rest.slice(1);
    if (letters(after) >= 3 && /^(?:[اأإآ]|لل|بال|كال)/u.test(after)) rest = after;
  }
  const m = /^(?:بال|كال|ال|لل)/u.exec(rest);
  if (m && letters(rest) - letters(m[0]) >= 3) rest = rest.slice(m[0].length);
  return rest;
}

const snowball = createRequire(import.meta.url)('snowball-stemmers') as {
  newStemmer(lang: string): { stem(word: string): string };
};
const stemmer = snowball.newStemmer('arabic');
const STEM_CACHE = new Map<string, string>();
const STEM_CACHE_MAX = 200_000;

/** Search stem of a display-form, proclitic-stripped Arabic word (cached). */
export function searchStem(bareDisplay: string): string {
  let s = STEM_CACHE.get(bareDisplay);
  if (s === undefined) {
    // Hamza seats folded first and ؤ/ئ → ء (writers disagree on the seat: «مسئول»/«مسؤول»); ة and ى kept,
    // Snowball needs them to find suffixes.
    const seated = bareDisplay.replace(/[أإآٱ]/gu, 'ا').replace(/[ؤئ]/gu, 'ء');
    const definite = seated.startsWith('ال') ? seated : `ال${seated}`;
    s = matchFold(stemmer.stem(definite));
    if (s.length < 2) s = matchFold(bareDisplay);
    if (STEM_CACHE.size >= STEM_CACHE_MAX) STEM_CACHE.clear();
    STEM_CACHE.set(bareDisplay, s);
  }
  return s;
}

/** Analyzes one word (already cut out of its text). Returns undefined for an empty word. */
export function analyzeWord(word: string, start = 0): Term | undefined {
  const display = displayWord(word);
  if (!display) return undefined;
  const form = matchFold(display);
  const end = start + word.length;
  if (ARABIC.test(display)) {
    const bareDisplay = stripProclitics(display);
    const bare = matchFold(bareDisplay);
    return { start, end, form, bare, stem: searchStem(bareDisplay), latin: latinKey(bare), script: 'arabic' };
  }
  if (!LETTER.test(display)) return { start, end, form, bare: form, stem: form, latin: '', script: 'number' };
  return { start, end, form, bare: form, stem: form, latin: latinKey(form), script: 'latin' };
}

/** Analyzes a text into terms with offsets. The same for documents and queries. */
export function analyzeText(text: string): Term[] {
  const out: Term[] = [];
  for (const m of text.matchAll(WORD)) {
    const t = analyzeWord(m[0], m.index);
    if (t) out.push(t);
  }
  return out;
}

/** The analyzed text of a document as index columns (space-joined terms, one per word). */
export interface IndexedText {
  forms: string;
  bare: string;
  stems: string;
  /** Distinct latin keys (no positions needed). */
  latin: string;
}

export function indexColumns(terms: readonly Term[]): IndexedText {
  const forms: string[] = [];
  const bare: string[] = [];
  const stems: string[] = [];
  const latin = new Set<string>();
  for (const t of terms) {
    forms.push(t.form);
    bare.push(t.bare);
    stems.push(t.stem);
    if (t.latin.length >= 2) latin.add(t.latin);
  }
  return {
    forms: forms.join(' '),
    bare: bare.join(' '),
    stems: stems.join(' '),
    latin: [...latin].join(' '),
  };
}
