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
 * starts at 0.5; the article is worth 1, و 0.4, ف ب ل 0.3 and ك 0 (many words start with
 * these letters), a one-letter pronoun 0.4 and a longer pronoun 0.8; a bare form shorter
 * than three letters costs 1, and so does a bare form still starting with ال when a pronoun
 * was removed (a noun with the article takes none) or when a proclitic was removed and
 * stripping that ال too was possible; ties go to the longer bare form. So «والرئيس» →
 * رئيس first, «كتابهم» → كتاب first, «وزير» → وزير first, «والد» → والد first (never «د»).
 * A pronoun after ت also yields the form with ة restored (حكومته → حكومة, ranked above
 * حكومت).
 */
import { displayForm, matchForm } from './normalize.ts';

export interface CliticAnalysis {
  /** The bare form: letters as written (display form, harakat and tatweel removed). */
  base: string;
  /** `matchForm(base)`: use it for lookups. */
  key: string;
  /** Proclitics removed, outermost first (e.g. `['و', 'ال']`); empty for none. */
  proclitics: string[];
  /** Pronoun removed from the end, or `''`. */
  enclitic: string;
  /** Plausibility score (higher first); see the module comment. */
  score: number;
}

interface Affix {
  form: string;
  parts: string[];
  weight: number;
  article: boolean;
}

const ONE = 0.4;
/** Weight of each proclitic: many common words start with ك, ب, ل or ف themselves. */
const PROCLITIC_WEIGHT: Record<string, number> = { ال: 1, و: 0.4, ف: 0.3, ب: 0.3, ل: 0.3, ك: 0 };

function proclitic(form: string, parts: string[]): Affix {
  const article = parts.includes('ال');
  const weight = parts.reduce((w, p) => w + (PROCLITIC_WEIGHT[p] ?? 0), 0);
  return { form, parts, weight, article };
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
const MARKS = /\p{M}/gu;

/** The word as letters only: display-normalized, harakat removed. */
export function bareLetters(word: string): string {
  return displayForm(word).replace(MARKS, '');
}

/** Candidate bare forms of an Arabic word, most plausible first (see the module comment). */
export function analyzeClitics(word: string): CliticAnalysis[] {
  const plain = bareLetters(word);
  if (plain.length === 0) return [];
  const found = new Map<string, CliticAnalysis>();
  const add = (base: string, pro: Affix, enclitic: string, score: number) => {
    const prior = found.get(base);
    if (prior && prior.score >= score) return;
    found.set(base, { base, key: matchForm(base), proclitics: pro.parts, enclitic, score });
  };
  for (const pro of PROCLITICS) {
    if (!plain.startsWith(pro.form)) continue;
    for (const enc of ENCLITICS) {
      if (enc.form && pro.article) continue; // a noun with the article takes no pronoun
      if (!plain.endsWith(enc.form)) continue;
      const base = plain.slice(pro.form.length, plain.length - enc.form.length);
      if (base.length < MIN_BASE) continue;
      let score = pro.weight + enc.weight + (pro.form === '' && enc.form === '' ? 0.5 : 0);
      if (base.length < 3) score -= 1;
      if (
        base.startsWith('ال') &&
        !pro.article &&
        (enc.form !== '' || (pro.form !== '' && base.length - 2 >= MIN_BASE))
      )
        score -= 1;
      if (enc.form && base.endsWith('ت')) add(`${base.slice(0, -1)}ة`, pro, enc.form, score + 0.2);
      add(base, pro, enc.form, score);
    }
  }
  return [...found.values()].sort((a, b) => b.score - a.score || b.base.length - a.base.length);
}
