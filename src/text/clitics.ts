/**
 * analyzeClitics(word): the candidate bare forms of an Arabic word, most plausible first.
 *
 * Arabic attaches conjunctions (و ف), prepositions (ب ك ل), the article (ال, and لل for
 * ل + ال) in front of a word and pronouns (ه ها هم هما هن ك كم كن كما ي نا) after it. Without
 * a lexicon the split is ambiguous («وزير» is a word, «وقال» is و + قال), so this returns
 * every split that leaves a bare form of at least two letters, scored, and callers look the
 * candidates up in order. The surface token is never changed.
 *
 * Scoring (a heuristic, documented so callers know what "first" means): the unsplit word
 * scores 0.5; the article adds 1 and a pronoun of two or more letters 0.8 (strong evidence);
 * one-letter clitics (و 0.4, ف ب ل 0.3, ك 0, a one-letter pronoun 0.4) add at most 0.45 all
 * together, so they never outweigh the unsplit word on their own («وزير», «ولاية»,
 * «فيفري» stay whole; «وقال» → وقال, then قال). A bare form shorter than three letters costs
 * 1, and so does one still starting with ال when a pronoun was removed (a noun with the
 * article takes none) or when a proclitic was removed and stripping that ال too was
 * possible. Words whose ال is their own (الذي، التي، الذين، الآن، الله …) gain 1. A pronoun
 * (other than ي) after ت also yields the form with ة restored, 0.2 higher (حكومته → حكومة).
 * Ties go to the longer bare form. The unsplit word is always a candidate.
 */
import { displayForm, matchForm } from './normalize.ts';

/** One reading of a word (frozen: readings are cached and shared). */
export interface CliticAnalysis {
  /** The bare form: letters as written (display form, harakat and tatweel removed). */
  readonly base: string;
  /** `matchForm(base)`: use it for lookups. */
  readonly key: string;
  /** Proclitics removed, outermost first (e.g. `['و', 'ال']`); empty for none. */
  readonly proclitics: readonly string[];
  /** Pronoun removed from the end, or `''`. */
  readonly enclitic: string;
  /** Plausibility score (higher first); see the module comment. */
  readonly score: number;
}

interface Affix {
  form: string;
  parts: readonly string[];
  weight: number;
  article: boolean;
}

const ONE = 0.4;
/** Weight of each proclitic: many common words start with ك, ب, ل or ف themselves. */
const PROCLITIC_WEIGHT: Record<string, number> = { ال: 1, و: 0.4, ف: 0.3, ب: 0.3, ل: 0.3, ك: 0 };

function proclitic(form: string, parts: readonly string[]): Affix {
  const article = parts.includes('ال');
  const weight = parts.reduce((w, p) => w + (PROCLITIC_WEIGHT[p] ?? 0), 0);
  return { form, parts: Object.freeze(parts), weight, article };
}

const PROCLITICS: Affix[] = [
  proclitic('', []),
  ...['و', 'ف', 'ب', 'ك', 'ل'].map((p) => proclitic(p, [p])),
  ...['وب', 'وك', 'ول', 'فب', 'فك', 'فل'].map((p) => proclitic(p, [p[0]!, p[1]!])),
  proclitic('ال', ['ال']),
  ...['وال', 'فال', 'بال', 'كال'].map((p) => proclitic(p, [p[0]!, 'ال'])),
  ...['وبال', 'فبال', 'وكال', 'فكال'].map((p) => proclitic(p, [p[0]!, p[1]!, 'ال'])),
  proclitic('لل', ['ل', 'ال']),
  ...['ولل', 'فلل'].map((p) => proclitic(p, [p[0]!, 'ل', 'ال'])),
];

const ENCLITICS: ReadonlyArray<{ form: string; weight: number }> = [
  { form: '', weight: 0 },
  ...['ه', 'ك', 'ي'].map((form) => ({ form, weight: ONE })),
  ...['ها', 'هم', 'هما', 'هن', 'كم', 'كن', 'كما', 'نا'].map((form) => ({ form, weight: 0.8 })),
];

const MIN_BASE = 2;
/** Score of the unsplit word. */
const SURFACE = 0.5;
/** One-letter clitics together never outweigh the unsplit word («ولاية», «فيفري»). */
const WEAK_CAP = 0.45;
/** Words whose ال belongs to the word (relative pronouns, الآن, الله), in match form. */
const LEXICAL_AL = new Set(
  [
    'الذي',
    'التي',
    'الذين',
    'اللذان',
    'اللتان',
    'اللذين',
    'اللتين',
    'اللواتي',
    'اللاتي',
    'اللائي',
    'الآن',
    'الله',
    'اللهم',
  ].map((w) => matchForm(w)),
);
const MARKS = /\p{M}/gu;

/** The word as letters only: display-normalized, harakat removed. */
export function bareLetters(word: string): string {
  return displayForm(word).replace(MARKS, '');
}

/**
 * Candidate bare forms of an Arabic word, most plausible first (see the module comment).
 * The readings are frozen and cached (up to 100,000 words): do not mutate them.
 */
export function analyzeClitics(word: string): readonly CliticAnalysis[] {
  let readings = cache.get(word);
  if (readings === undefined) {
    readings = analyze(word);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(word, readings);
  }
  return readings;
}

/**
 * `analyzeClitics` without the cache, for a caller that keeps its own result per word (the
 * search analyzer): the readings of every word would otherwise be held twice.
 */
export function analyzeCliticsUncached(word: string): readonly CliticAnalysis[] {
  return cache.get(word) ?? analyze(word);
}

/** Most words whose readings are kept (oldest evicted first). */
const CACHE_SIZE = 100_000;
const cache = new Map<string, readonly CliticAnalysis[]>();

function analyze(word: string): readonly CliticAnalysis[] {
  const plain = bareLetters(word);
  if (plain.length === 0) return [];
  const found = new Map<string, CliticAnalysis>();
  const add = (base: string, key: string, pro: Affix, enclitic: string, score: number) => {
    const prior = found.get(base);
    if (prior && prior.score >= score) return;
    found.set(base, Object.freeze({ base, key, proclitics: pro.parts, enclitic, score }));
  };
  for (const pro of PROCLITICS) {
    if (!plain.startsWith(pro.form)) continue;
    for (const enc of ENCLITICS) {
      if (enc.form && pro.article) continue; // a noun with the article takes no pronoun
      if (!plain.endsWith(enc.form)) continue;
      const base = plain.slice(pro.form.length, plain.length - enc.form.length);
      const unsplit = pro.form === '' && enc.form === '';
      if (base.length < MIN_BASE && !unsplit) continue;
      const strong = (pro.article ? PROCLITIC_WEIGHT.ال! : 0) + (enc.form.length > 1 ? enc.weight : 0);
      const weak =
        pro.weight - (pro.article ? PROCLITIC_WEIGHT.ال! : 0) + (enc.form.length === 1 ? enc.weight : 0);
      let score = (unsplit ? SURFACE : 0) + strong + Math.min(weak, WEAK_CAP);
      if (base.length < 3) score -= 1;
      const key = matchForm(base);
      const lexical = LEXICAL_AL.has(key);
      if (lexical) score += 1;
      else if (
        base.startsWith('ال') &&
        !pro.article &&
        (enc.form !== '' || (pro.form !== '' && base.length - 2 >= MIN_BASE))
      )
        score -= 1;
      if (enc.form && enc.form !== 'ي' && base.endsWith('ت') && base.length >= 3) {
        const restored = `${base.slice(0, -1)}ة`;
        add(restored, matchForm(restored), pro, enc.form, score + 0.2);
      }
      add(base, key, pro, enc.form, score);
    }
  }
  return Object.freeze(
    [...found.values()].sort((a, b) => b.score - a.score || b.base.length - a.base.length),
  );
}
