/**
 * Word classes of the events lexicons, computed once per distinct word and kept on its shared
 * `WordInfo` (text.ts caches one per surface form): which cue lists a word belongs to, whether
 * it can start a trigger or an actor phrase, its context. The stage asks these questions of
 * every token many times, so each answer is a bit test instead of a scan of candidate forms.
 */
import { type ActorEntry, cueSet, lexicon, type TriggerEntry } from './lexicon.ts';
import type { Tok, WordInfo } from './text.ts';

/** Cue lists of data/events/cues.tsv tested per word. */
const CUE_NAMES = [
  'commitment',
  'topic',
  'block_before',
  'negation',
  'denial',
  'intent',
  'conditional',
  'attribution',
  'background_after',
  'background_before',
  'background_relative',
  'background_past_verb',
  'pluperfect',
  'positive',
  'negative',
  'reciprocal',
  'adverbial_protest',
] as const;

/** «وصف X بأنه …» (praise when a positive adjective follows). */
const DESCRIBE = new Set(['وصف', 'وصفت', 'وصفا', 'وصفوا', 'يصف', 'تصف', 'واصفا', 'واصفه']);
/**
 * «بلاده»: the speaker's country; «بلادنا», «حكومتنا» in the words a speaker is quoted saying, his
 * own. («حكومته» is left to the sector noun's owner: as a pronoun of the speaker it took the
 * topic's state where the subject was no speaker, and lost named sources — bench/RESULTS.md.)
 */
const PRONOUNS = new Set(['بلاده', 'بلادها', 'بلادهم', 'بلادنا', 'حكومتنا']);
/** Nouns whose qualifiers name a topic, not a field of cooperation («القضايا الإقليمية والأمنية»). */
const TOPIC_NOUNS = /^(?:القضايا|قضايا|المسايل|الملفات|التحديات|تحديات|المعادلات)$/;

const OTHER = ['describe', 'pronoun', 'topic_noun', 'trigger', 'actor'] as const;
type WordClass = (typeof CUE_NAMES)[number] | (typeof OTHER)[number];

/** One bit per word class. */
export const BIT = Object.fromEntries([...CUE_NAMES, ...OTHER].map((n, k) => [n, 1 << k])) as Record<
  WordClass,
  number
>;

/** A trigger candidate form of a word: the entries it starts and whether it is the definite noun. */
export interface TriggerForm {
  form: string;
  entries: TriggerEntry[];
  /** The form came from stripping the article («البحث» → «بحث»): never a verb. */
  definite: boolean;
}

/** An actor candidate form of a word: the actor phrases it starts (longest first). */
export interface ActorForm {
  form: string;
  entries: ActorEntry[];
}

let sets: Array<Set<string>> | undefined;

/** Actor kinds that are proper names. */
const NAMES = new Set(['country', 'capital']);

function classify(w: WordInfo): void {
  const lx = lexicon();
  sets ??= CUE_NAMES.map((n) => cueSet(n));
  let b = 0;
  for (let k = 0; k < sets.length; k++) if (w.cands.some((c) => sets![k]!.has(c))) b |= 1 << k;
  if (w.cands.some((c) => DESCRIBE.has(c))) b |= BIT.describe;
  if (w.cands.some((c) => PRONOUNS.has(c))) b |= BIT.pronoun;
  if (w.cands.some((c) => TOPIC_NOUNS.test(c))) b |= BIT.topic_noun;
  const actors: ActorForm[] = [];
  const bare = /^[وف]/.test(w.n) && w.n.length > 3 ? w.n.slice(1) : w.n;
  for (const c of w.cands) {
    let entries = lx.actorsByFirst.get(c);
    // a country or a capital named without the article never takes one: «ألباريس» is the Spanish
    // minister Albares, not «باريس»; «المصر» is no word («العراق», «القدس» are listed with theirs)
    if (entries && /^(?:[بلك]?ال|لل)/.test(bare) && bare.replace(/^(?:[بلك]?ال|لل)/, '') === c)
      entries = entries.filter((e) => !NAMES.has(e.kind) || e.tokens[0]!.startsWith('ال'));
    if (entries?.length) actors.push({ form: c, entries });
  }
  if (actors.length) b |= BIT.actor;
  w.actorForms = actors;
  const trig: TriggerForm[] = [];
  for (const c of w.cands) {
    const entries = lx.byFirst.get(c);
    if (!entries) continue;
    const definite = ['ال', 'لل', 'بال', 'كال'].some(
      (a) => bare.startsWith(a + c.replace(/^ال/, '')) && !bare.startsWith(c),
    );
    trig.push({ form: c, entries, definite });
  }
  if (trig.length) b |= BIT.trigger;
  w.triggerForms = trig;
  w.context = w.cands.map((c) => lx.contexts.get(c)).find((x) => x);
  w.bits = b;
}

/** The word classes of a token as bits (0 for punctuation and absent tokens). */
export function bits(t: Tok | undefined): number {
  if (t === undefined || t.punct) return 0;
  const w = t.w;
  if (w.bits < 0) classify(w);
  return w.bits;
}

/** Whether the token belongs to any of the classes in `mask`. */
export function is(t: Tok | undefined, mask: number): boolean {
  return (bits(t) & mask) !== 0;
}

/** The trigger entries the token's candidate forms start, in candidate order. */
export function triggerForms(t: Tok): TriggerForm[] {
  bits(t);
  return t.w.triggerForms ?? [];
}

/** The actor phrases the token's candidate forms start, in candidate order. */
export function actorForms(t: Tok): ActorForm[] {
  bits(t);
  return t.w.actorForms ?? [];
}

/** The context (security, economic, …) the word names, if any. */
export function contextOf(t: Tok): string | undefined {
  bits(t);
  return t.w.context;
}

let tests = 0;

/**
 * A test of a token's word answered once per distinct word and kept on its `WordInfo`: for the
 * tests the stage runs on every token of every sentence, whether it has a trigger or not
 * («المفروض», «وقّع», «دعم», «احتجاجًا», …). `test` sees the token's normalized form and candidate
 * forms, which are its word's; punctuation (one shared `WordInfo`) is tested as it is, each time.
 */
function perWord(test: (n: string, cands: string[]) => boolean): (t: Tok) => boolean {
  if (tests >= 31) throw new Error('words: at most 31 per-word tests');
  const bit = 1 << tests++;
  return (t) => {
    if (t.punct) return test(t.n, t.cands);
    const w = t.w;
    if (w.tested & bit) return (w.held & bit) !== 0;
    const v = test(w.n, w.cands);
    w.tested |= bit;
    if (v) w.held |= bit;
    return v;
  };
}

/** `re.test(t.n)`, answered once per word; `re` must be neither global nor sticky (no `lastIndex` state). */
export function wordTest(re: RegExp): (t: Tok) => boolean {
  if (re.global || re.sticky) throw new Error(`wordTest: ${re} keeps state between tests`);
  return perWord((n) => re.test(n));
}

/** `t.cands.includes(form)`, answered once per word. */
export function wordHas(form: string): (t: Tok) => boolean {
  return perWord((_, cands) => cands.includes(form));
}
