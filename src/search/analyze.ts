/**
 * The search analyzer: one function for documents and queries, so both sides produce the
 * same terms. Each word of the text gives four terms, kept in separate index columns so an
 * exact form ranks above a looser match:
 *
 * - `form`  the match-normalized word (harakat, tatweel and bidi controls removed; أ إ آ ٱ → ا,
 *           ى → ي, ة → ه, ؤ → و, ئ → ي, Persian ی/ک → ي/ك; Latin lower-cased, accents dropped)
 * - `bare`  the form with its proclitics removed (و ف ب ك ل, ال بال كال وال فال لل), by src/text's
 *           clitic analysis, when at least three letters are left (see `stripProclitics`)
 * - `stem`  a Snowball Arabic stem of the definite form «ال + bare», match-normalized; giving
 *           Snowball the definite form makes it take the noun path, so «استراتيجيات»,
 *           «الاستراتيجية» and «استراتيجي» share one stem
 * - `latin` a consonant key for transliteration (src/text/transliterate `latinKey`; Latin
 *           query words and Arabic words share it: «Larijani» and «لاريجاني» → `lrjn`)
 * - `loan`  a loanword key (`loanKey`): the bare form with the letters writers swap for a
 *           foreign sound folded (ج غ ك ق گ for /g/, ف ڤ, ب پ, ج چ), so «جوتيريش» and
 *           «غوتيريش», «جوجل» and «غوغل» meet; only for words that look foreign (not a
 *           three-letter root, not a common Arabic derived pattern), empty otherwise. Kept in
 *           the `latin` column (an `x` starts it; latin keys never hold an x).
 *
 * Offsets are UTF-16 offsets into the analyzed text, for snippets and highlights.
 */
import { analyzeCliticsUncached, matchForm, stem, tokenize } from '../text/index.ts';
import { latinKey as textLatinKey } from '../text/transliterate.ts';

/**
 * Bump when the terms a word gives change (or a store's index format does): stores compare
 * it with the version their index was built with and rebuild the index when it differs.
 */
export const ANALYZER_VERSION = 6;

export interface Term {
  start: number;
  end: number;
  /** Match-normalized surface form (src/text `matchForm`). */
  form: string;
  /** Proclitic-stripped form (equal to `form` when nothing was stripped). */
  bare: string;
  /** Search stem (Arabic words); the form itself for Latin words and numbers. */
  stem: string;
  /** Consonant key for transliteration matching; empty when the word has none. */
  latin: string;
  /** Loanword key (`loanKey`) of an Arabic word that looks foreign; empty otherwise. */
  loan: string;
  /** `arabic`, `latin` (other scripts count as latin) or `number`. */
  script: 'arabic' | 'latin' | 'number';
}

type WordTerms = Omit<Term, 'start' | 'end'>;

const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /\p{L}/u;
/** Index terms hold letters and digits only (FTS5 splits on anything else). */
const NON_TERM = /[^\p{L}\p{N}]/gu;

const FORM_CACHE = new Map<string, string>();

/** `matchWord` without its cache: for `wordTerms`, whose own cache already keeps the result. */
const formOf = (word: string) => matchForm(word).replace(NON_TERM, '');

/** The match-normalized form of one word (the same folding the index uses), cached. */
export function matchWord(word: string): string {
  let f = FORM_CACHE.get(word);
  if (f === undefined) {
    f = formOf(word);
    if (FORM_CACHE.size >= 300_000) FORM_CACHE.clear();
    FORM_CACHE.set(word, f);
  }
  return f;
}

/**
 * The proclitic-stripped form of an Arabic word: the most plausible of src/text's clitic
 * readings that removes proclitics only (pronoun suffixes are left to the stemmer, since
 * «وزيره»/«وزيرة» fold together under match normalization), keeping at least 3 letters.
 */
export function stripProclitics(display: string): string {
  // Uncached: `analyzeWord` keeps the result of every word it strips.
  const readings = analyzeCliticsUncached(display).filter((c) => !c.enclitic && [...c.base].length >= 3);
  const first = readings[0];
  if (!first) return display;
  if (first.proclitics.length > 0) return first.base;
  // The unsplit reading ranks first for words starting with و/ف («وزير»); a و/ف before an
  // alef or hamza seat is taken as the conjunction («وإيران», «فأكد»). That also splits a few
  // words that start so (واحد، وافق): their exact form still ranks them first.
  // Likewise ب/ل/ك before a written hamza seat («لإيران», «بأمن», «كأن»): the hamza starts
  // the next word.
  const conj = readings.find(
    (c) =>
      c.proclitics.length === 1 &&
      (((c.proclitics[0] === 'و' || c.proclitics[0] === 'ف') && /^[اأإآ]/u.test(c.base)) ||
        (['ب', 'ل', 'ك'].includes(c.proclitics[0]!) && /^[أإآ]/u.test(c.base))),
  );
  return conj ? conj.base : display;
}

/**
 * Search stem of a proclitic-stripped Arabic word: Snowball (src/text `stem`) of its
 * definite form, hamza seats folded, then match-normalized. Giving Snowball «ال + word»
 * sends it down the noun path, so «استراتيجيات», «الاستراتيجية» and «استراتيجي» share a stem.
 */
export function searchStem(bareDisplay: string): string {
  // ؤ/ئ → ء: writers disagree on the seat («مسئول»/«مسؤول»); ة and ى stay, Snowball needs them.
  let seated = bareDisplay.replace(/[أإآٱ]/gu, 'ا').replace(/[ؤئ]/gu, 'ء');
  // The alef of an indefinite accusative («تقريرًا», «استراتيجيًا») once the tanween is gone:
  // Snowball keeps it. Dropped for the stem only (so «سوريا» stems like «سوري», a fair match).
  if (seated.length >= 4 && /[^اوى]ا$/u.test(seated)) seated = seated.slice(0, -1);
  // A final ه written for ة («حكومه»): Snowball strips ة but keeps this ه; as ة it strips it
  // (and a pronoun ه, «كتابه», ends the same way: «كتاب»).
  else if (seated.length >= 4 && seated.endsWith('ه')) seated = `${seated.slice(0, -1)}ة`;
  const definite = seated.startsWith('ال') ? seated : `ال${seated}`;
  const s = formOf(stem(definite));
  return s.length < 2 ? formOf(bareDisplay) : s;
}

const LATIN_CACHE = new Map<string, string>();
/** Consonant key of one word (src/text `latinKey`, the same the entities use), cached. */
export function latinKey(word: string): string {
  let k = LATIN_CACHE.get(word);
  if (k === undefined) {
    k = textLatinKey(word).replace(NON_TERM, '');
    if (LATIN_CACHE.size > 200_000) LATIN_CACHE.clear();
    LATIN_CACHE.set(word, k);
  }
  return k;
}

/**
 * One ASCII letter or digit per Arabic letter (match-normalized forms), the letters writers
 * swap for a foreign sound sharing one: /g/ is «ج» in Egypt, «غ» in the Levant and the Gulf,
 * «ق» or «ك» elsewhere (and «گ» in Persian spelling); /v/ is «ف» or «ڤ», /p/ «ب» or «پ», /tʃ/
 * «تش» or «چ» (only the single letter folds). ى is already ي in a match form.
 */
const LOAN_CODE: Record<string, string> = {
  ا: 'a',
  ء: '1',
  ب: 'b',
  پ: 'b',
  ت: 't',
  ث: '2',
  ج: 'g',
  چ: 'g',
  ح: '3',
  خ: '4',
  د: 'd',
  ذ: '5',
  ر: 'r',
  ز: 'z',
  ژ: 'z',
  س: 's',
  ش: 'c',
  ص: '6',
  ض: '7',
  ط: '8',
  ظ: '9',
  ع: 'e',
  غ: 'g',
  ف: 'f',
  ڤ: 'f',
  ق: 'g',
  ك: 'g',
  گ: 'g',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  و: 'w',
  ي: 'y',
};
const LOAN_LETTER = /[جچغقكگفڤبپژ]/u;
/** A 4-letter word C(و|ي)CC, the shape of «جوجل», «بيتر» (فوعل/فيعل are rare Arabic patterns). */
const LOAN_FOUR = /^[^اويهمتنء][وي][^اويه][^اويه]$/u;
/** Arabic morphology a loanword seldom has: feminine/plural endings, derived-noun and verb prefixes. */
const NATIVE_ENDING = /(?:ه|ات|ون)$/u;
const NATIVE_START = /^(?:م|ت|ي|ن|است|ان|ال)/u;
/** أفعال («اشكال», «الغاء») and فعيلا («غريبا»). */
const NATIVE_SHAPE = /^ا..ا.$|^..ي.ا$/u;

/**
 * The loanword key of a match-normalized Arabic word, or '' when the word does not look
 * like a loanword or has none of the swapped letters. A word of 4 letters must have the
 * shape C(و|ي)CC; a longer one a long vowel inside and none of NATIVE_ENDING, NATIVE_START,
 * NATIVE_SHAPE; shorter words are Arabic roots. On 4,000 ANT articles this leaves «قال»,
 * «جمال», «غرب», «جيش», «قوات» without a key (bench/RESULTS.md, ## search).
 */
export function loanKey(form: string): string {
  if (!LOAN_LETTER.test(form)) return '';
  const letters = [...form];
  const n = letters.length;
  if (n < 4) return '';
  if (n === 4) {
    if (!LOAN_FOUR.test(form)) return '';
  } else {
    if (NATIVE_ENDING.test(form) || NATIVE_START.test(form) || NATIVE_SHAPE.test(form)) return '';
    if (!letters.slice(1, -1).some((c) => c === 'ا' || c === 'و' || c === 'ي')) return '';
  }
  let key = 'x';
  for (const ch of letters) {
    const c = LOAN_CODE[ch];
    if (c === undefined) return '';
    key += c;
  }
  return key;
}

/**
 * The loanword key of two words written apart («فولكس فاجن») as one («فولكسفاغن»), when the
 * first has a key of its own and the second one of the swapped letters; '' otherwise.
 */
export function loanPairKey(
  a: Pick<Term, 'bare' | 'loan' | 'script'>,
  b: Pick<Term, 'form' | 'script'>,
): string {
  if (!a.loan || a.script !== 'arabic' || b.script !== 'arabic' || !LOAN_LETTER.test(b.form)) return '';
  return loanKey(a.bare + b.form);
}

const CACHE = new Map<string, WordTerms | null>();
const CACHE_MAX = 300_000;

// Computed once per distinct word (CACHE below keeps the result), so the intermediate forms
// are not cached: they would hold a second entry for every word and stem.
function wordTerms(word: string): WordTerms | null {
  const form = formOf(word);
  if (!form) return null;
  if (ARABIC.test(form)) {
    const display = word.replace(/[\p{M}\u0640\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E\uFEFF]/gu, '');
    const bareDisplay = stripProclitics(display);
    const bare = formOf(bareDisplay) || form;
    return {
      form,
      bare,
      stem: searchStem(bareDisplay),
      latin: latinKey(bare),
      loan: loanKey(bare),
      script: 'arabic',
    };
  }
  if (!LETTER.test(form)) return { form, bare: form, stem: form, latin: '', loan: '', script: 'number' };
  return { form, bare: form, stem: form, latin: latinKey(form), loan: '', script: 'latin' };
}

/** The terms of one word (`wordTerms`), computed on its first sight and cached; null when it gives none. */
function cachedTerms(word: string): WordTerms | null {
  let w = CACHE.get(word);
  if (w === undefined) {
    w = wordTerms(word);
    if (CACHE.size >= CACHE_MAX) CACHE.clear();
    CACHE.set(word, w);
  }
  return w;
}

/** Analyzes one word (already cut out of its text). Returns undefined for an empty word. */
export function analyzeWord(word: string, start = 0): Term | undefined {
  const w = cachedTerms(word);
  if (!w) return undefined;
  return {
    start,
    end: start + word.length,
    form: w.form,
    bare: w.bare,
    stem: w.stem,
    latin: w.latin,
    loan: w.loan,
    script: w.script,
  };
}

/** A word of a text as the analyzer cuts it: the surface and where it starts. */
export interface Word {
  word: string;
  start: number;
}

/**
 * The words of a text (src/text `tokenize`), as the analyzer sees them: Latin words joined
 * by `-` give one word per part; `#`/`@` are dropped from hashtags and mentions; URLs and
 * punctuation give none.
 */
export function words(text: string): Word[] {
  const out: Word[] = [];
  eachWord(text, (word, start) => {
    out.push({ word, start });
  });
  return out;
}

/** `words(text)` one word at a time, without building the list. */
export function eachWord(text: string, fn: (word: string, start: number) => void): void {
  for (const tok of tokenize(text)) {
    switch (tok.kind) {
      case 'word':
      case 'number':
        fn(tok.text, tok.start);
        break;
      case 'hashtag':
      case 'mention':
        if (tok.text.length > 1) fn(tok.text.slice(1), tok.start + 1);
        break;
      case 'latin': {
        let at = tok.start;
        for (const part of tok.text.split('-')) {
          if (part) fn(part, at);
          at += part.length + 1;
        }
        break;
      }
      default:
    }
  }
}

/** Analyzes a text into terms with offsets. The same for documents and queries. */
export function analyzeText(text: string): Term[] {
  const out: Term[] = [];
  for (const w of words(text)) {
    const t = analyzeWord(w.word, w.start);
    if (t) out.push(t);
  }
  return out;
}

/** The analyzed text of a document as index columns (space-joined terms, one per word). */
export interface IndexedText {
  forms: string;
  bare: string;
  stems: string;
  /** Distinct latin keys and loanword keys, of words and of word pairs (no positions needed). */
  latin: string;
  /** Articles only: outlet and publication-day terms (./filter-terms.ts). */
  meta?: string;
}

export function indexColumns(terms: readonly Term[]): IndexedText {
  const cols = new Columns();
  for (const t of terms) cols.push(t, t.start, t.end);
  return cols.columns();
}

/**
 * The index columns, one word's terms at a time in text order — behind `indexColumns` and
 * `IndexBuilder`, so both give the same columns. Besides each word's keys, a word joined to
 * the previous one by at most one character (and after it: a new text restarts its offsets)
 * adds the pair's loanword key («فولكس فاجن» also as «فولكسفاغن»), right after the previous
 * word's keys.
 */
class Columns {
  private readonly forms: string[] = [];
  private readonly bare: string[] = [];
  private readonly stems: string[] = [];
  private readonly latin = new Set<string>();
  private prev: WordTerms | undefined;
  private prevEnd = 0;

  push(w: WordTerms, start: number, end: number): void {
    this.forms.push(w.form);
    this.bare.push(w.bare);
    this.stems.push(w.stem);
    const p = this.prev;
    if (p?.loan && start >= this.prevEnd && start - this.prevEnd <= 1) {
      const pair = loanPairKey(p, w);
      if (pair) this.latin.add(pair);
    }
    if (w.latin.length >= 2) this.latin.add(w.latin);
    if (w.loan) this.latin.add(w.loan);
    this.prev = w;
    this.prevEnd = end;
  }

  /** The next word starts a new text: no pair with the word before. */
  restart(): void {
    this.prev = undefined;
  }

  get size(): number {
    return this.forms.length;
  }

  formsFrom(from: number): string {
    return (from === 0 ? this.forms : this.forms.slice(from)).join(' ');
  }

  /**
   * The columns; `tail`, when given, is `formsFrom(from)` (already joined): the forms column
   * is made from it and the forms before `from` rather than joined again — the same string.
   */
  columns(from = 0, tail?: string): IndexedText {
    let forms: string;
    if (tail === undefined) forms = this.forms.join(' ');
    else if (from === 0) forms = tail;
    else {
      const head = this.forms.slice(0, from).join(' ');
      forms = from < this.forms.length ? `${head} ${tail}` : head;
    }
    return {
      forms,
      bare: this.bare.join(' '),
      stems: this.stems.join(' '),
      latin: [...this.latin].join(' '),
    };
  }
}

/**
 * Index columns built straight from texts, without a `Term` per word: `add` each text in
 * order, then `columns()` equals `indexColumns` of the texts' `analyzeText` terms, one list
 * after the other (the store's write path: an article's title and body, a section).
 */
export class IndexBuilder {
  private readonly cols = new Columns();
  private readonly addWord = (word: string, start: number) => {
    const w = cachedTerms(word);
    if (w) this.cols.push(w, start, start + word.length);
  };

  /** Appends the terms of `text`. */
  add(text: string): this {
    this.cols.restart();
    eachWord(text, this.addWord);
    return this;
  }

  /** Terms added so far. */
  get size(): number {
    return this.cols.size;
  }

  /** The forms of the terms from the `from`-th on, space-joined (a text's forms: its exact-duplicate key). */
  formsFrom(from: number): string {
    return this.cols.formsFrom(from);
  }

  columns(): IndexedText {
    return this.cols.columns();
  }

  /**
   * `columns()` and `formsFrom(from)` together, each forms joined once (the store's article
   * row: the body's forms are its exact-duplicate key, the title's and body's its forms column).
   */
  columnsAndForms(from: number): { columns: IndexedText; forms: string } {
    const forms = this.cols.formsFrom(from);
    return { columns: this.cols.columns(from, forms), forms };
  }
}
