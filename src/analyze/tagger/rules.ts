/**
 * Rules over the tagger's reading of a document, applied by `tagDocument` before label
 * propagation (so what they find spreads like what the tagger read) for a model whose header
 * names them (`rules`). Each fixes a kind of error of the ANERcorp dev analysis, and each was
 * also measured on held-out parts of the training set (bench/RESULTS.md, section ner, round
 * ner9):
 * - teams: the word after «فريق»/«نادي» that has the article, read O, is a team (ORG), with a
 *   nisba adjective after it («فريق المولودية الوجدية»);
 * - titles: the words between quotes right after a title word («برنامج», «بعنوان», «فيلم», …;
 *   at most one word between) are a MISC name: «برنامج « ليالي القمر »»;
 * - venues: a name right after «ملعب»/«استاد» (or between quotes there) is MISC: the ground,
 *   not the club or the city it is named after;
 * - clubs: a place read as LOC right before a masculine demonym («هامبورغ الألماني»; the city
 *   takes the feminine one) is the club, ORG;
 * - people: two PERS chunks side by side are one person unless the second starts with the
 *   conjunction و («عبدالرحيم | محمد حسين» → one);
 * - posts: a title or post that opens a PERS chunk is left out of it («[الحارس X]» → X), one
 *   inside ends it;
 * - heads: «شركة», «حركة», «صحيفة», «قناة», «وكالة» opening an ORG chunk are left out of it
 *   (ANERcorp's usual reading: «شركة [موتورولا]», «حركة [حماس]»).
 * Round nerguard (judged on held-out folds of train first, bench/ner-heldout.ts, then dev):
 * - listed: a place before «( COUNTRY )» in a results line is the club (ORG);
 * - split: «[X وY]» read as one chunk is two when the و-word is known (Brown table) only without و;
 * - verbs (candidate, not in DEFAULT_RULES: it never fired on the held-out folds): a verb with an
 *   imperfect or future prefix at the edge of a PERS chunk is left out («[ستبعد إيتو]»).
 * Those that read the model's word lists get them through a `RuleLexicon`. BIO tags are changed
 * in place.
 */
import { chunks } from './conll.ts';
import { matchForm } from './normalize.ts';

/** Match forms of a list of words (the lists below are written as usual and normalized here). */
const keys = (words: string) => words.split(' ').map(matchForm);

/** Words after which the next word, with the article, names a team. */
const TEAM_WORDS = keys('فريق فريقي نادي');
/** Words after which a quoted name is the title of a work or programme. */
const TITLE_WORDS = keys(
  'برنامج البرنامج برنامجه برنامجها برامج بعنوان عنوان عنوانه فيلم الفيلم فيلمه مسلسل المسلسل مسلسله ' +
    'كتاب الكتاب كتابه رواية الرواية روايته مسرحية المسرحية مسرحيته ألبوم الألبوم ألبومه أغنية الأغنية ' +
    'أغنيته قصيدة القصيدة',
);
/** Words after which a name is a ground: MISC in ANERcorp. */
const VENUE_WORDS = keys('ملعب الملعب استاد الاستاد ستاد');
/** Heads that ANERcorp mostly keeps out of the organisation's name. */
const OUTER_HEADS = keys('شركة الشركة حركة صحيفة قناة وكالة');
/** Titles and posts that ANERcorp keeps out of a person's name. */
const POSTS = keys(
  'رئيس الرئيس رئيسة الرئيسة وزير الوزير وزيرة الوزيرة السيد السيدة الشيخ الملك الملكة الأمير أميرة الأميرة ' +
    'الدكتور الدكتورة المستشار السفير سفير الجنرال اللواء العقيد العميد الفريق المشير النائب نائب المدرب مدرب ' +
    'اللاعب لاعب الفنان الفنانة الكاتب الشاعر الأستاذ المهندس المحامي القاضي المتحدث الناطق مدير المدير ' +
    'البابا الإمام المرشد قائد القائد زعيم الزعيم المبعوث المندوب حاكم الحاكم المطرب المطربة الممثل الممثلة ' +
    'المخرج النجم الحارس المهاجم الصحفي نظيره عاهل العاهل سمو فخامة',
);
/** Masculine demonyms: after a place name they make it a club («ليون الفرنسي»). */
const DEMONYMS = keys(
  'الفرنسي الألماني الإنجليزي الإنكليزي البريطاني الإسباني الإيطالي البرتغالي الهولندي البلجيكي الروسي ' +
    'الأوكراني اليوناني التركي السويسري النمساوي السويدي النرويجي الدنماركي الاسكتلندي الإسكتلندي ' +
    'الأيرلندي الإيرلندي البولندي التشيكي الروماني البلغاري الصربي الكرواتي المجري الأميركي الأمريكي ' +
    'البرازيلي الأرجنتيني المكسيكي الياباني الصيني الكوري الأسترالي المصري السعودي القطري الإماراتي ' +
    'الكويتي البحريني العماني الأردني اللبناني السوري العراقي التونسي الجزائري المغربي الليبي السوداني ' +
    'اليمني الإيراني',
);

// Kinds of cue words: the first four also after one proclitic («ببرنامج», «لفريق»), the
// others only as written.
const TEAM = 1;
const TITLE = 2;
const VENUE = 4;
const HEAD = 8;
const POST = 16;
const DEMONYM = 32;
const WITH_CLITIC = TEAM | TITLE | VENUE | HEAD;
const PROCLITICS = ['و', 'ب', 'ل', 'ف', 'وب', 'ول', 'فب', 'فل'];
const KIND = new Map<string, number>();
for (const [list, kind] of [
  [TEAM_WORDS, TEAM],
  [TITLE_WORDS, TITLE],
  [VENUE_WORDS, VENUE],
  [OUTER_HEADS, HEAD],
  [POSTS, POST],
  [DEMONYMS, DEMONYM],
] as const) {
  for (const w of list) KIND.set(w, (KIND.get(w) ?? 0) | kind);
}

/** Whether a phrase (match forms joined by spaces) is a known place. */
export type Places = (phrase: string) => boolean;

/** What the rules may ask of the model's word lists (all optional: a rule without its list does nothing). */
export interface RuleLexicon {
  isPlace?: Places;
  /** The Brown cluster (bit string) of a match form, from the model's `brown` table. */
  cluster?: (form: string) => string | undefined;
  /** Name-part bits of a match form (NAME_FIRST 1, NAME_LAST 2, NAME_INNER 4), from the model's `nameParts`. */
  namePart?: (form: string) => number;
}

/** A sentence's tokens as the rules read them: cue kinds, and match forms on demand. */
export interface Words {
  kinds: Uint8Array;
  form(i: number): string;
}

/** Token → cue kinds (bounded: cleared when it grows large). */
const TOKEN_KINDS = new Map<string, number>();

function kindOf(token: string): number {
  let k = TOKEN_KINDS.get(token);
  if (k !== undefined) return k;
  const w = matchForm(token);
  k = KIND.get(w) ?? 0;
  const c = w[0];
  if (c === 'و' || c === 'ب' || c === 'ل' || c === 'ف') {
    for (const p of PROCLITICS) {
      if (w.startsWith(p)) k |= (KIND.get(w.slice(p.length)) ?? 0) & WITH_CLITIC;
    }
  }
  if (TOKEN_KINDS.size >= 100_000) TOKEN_KINDS.clear();
  TOKEN_KINDS.set(token, k);
  return k;
}

/** The cue kinds of a sentence's tokens (and their match forms, computed when asked for). */
export function readWords(toks: readonly string[]): Words {
  const kinds = new Uint8Array(toks.length);
  for (let i = 0; i < toks.length; i++) kinds[i] = kindOf(toks[i]!);
  return { kinds, form: (i) => matchForm(toks[i]!) };
}

const OPEN = new Set(['«', '"', '“', "''", "'"]);
const CLOSE = new Set(['»', '"', '”', "''", "'"]);
/** Words a title between quotes may have at most. */
const TITLE_MAX = 6;

/** Tags [start, end) as one chunk of `type`; a chunk that went on past `end` starts again after it. */
function put(t: string[], start: number, end: number, type: string): void {
  t[start] = `B-${type}`;
  for (let k = start + 1; k < end; k++) t[k] = `I-${type}`;
  if (t[end]?.startsWith('I-')) t[end] = `B-${t[end]!.slice(2)}`;
}

/** The closing quote of the quoted words that open at i (1 to TITLE_MAX of them), or -1. */
function quoted(toks: readonly string[], i: number): number {
  if (!OPEN.has(toks[i]!)) return -1;
  for (let j = i + 1; j < toks.length && j <= i + 1 + TITLE_MAX; j++) {
    if (CLOSE.has(toks[j]!)) return j > i + 1 ? j : -1;
    if (OPEN.has(toks[j]!)) return -1;
  }
  return -1;
}

/** Teams: «فريق الوحدة» read O → ORG (and a nisba adjective after the name). */
export function tagTeams(toks: readonly string[], t: string[], w = readWords(toks)): void {
  for (let i = 0; i < toks.length - 1; i++) {
    if (!(w.kinds[i]! & TEAM) || t[i] !== 'O' || t[i + 1] !== 'O') continue;
    const name = w.form(i + 1);
    // «فريق الرئيس»: a post is no team.
    if (!name.startsWith('ال') || name.length < 4 || w.kinds[i + 1]! & POST) continue;
    let end = i + 2;
    const a = end < toks.length ? w.form(end) : undefined;
    if (
      a !== undefined &&
      t[end] === 'O' &&
      a.startsWith('ال') &&
      (a.endsWith('ي') || a.endsWith('يه')) &&
      !(w.kinds[end]! & DEMONYM)
    )
      end++;
    if (t[end]?.startsWith('I-')) continue;
    put(t, i + 1, end, 'ORG');
  }
}

/** Titles: «برنامج [جديد] « X Y »» → X Y is MISC. */
export function tagTitles(toks: readonly string[], t: string[], w = readWords(toks)): void {
  for (let i = 0; i < toks.length - 2; i++) {
    if (!(w.kinds[i]! & TITLE)) continue;
    let close = quoted(toks, i + 1);
    let open = i + 1;
    if (close < 0 && !OPEN.has(toks[i + 1]!)) {
      open = i + 2;
      close = quoted(toks, open);
    }
    if (close < 0) continue;
    put(t, open + 1, close, 'MISC');
    i = close;
  }
}

/**
 * Venues: «ملعب X» / «استاد " X "» → X is MISC: the quoted words, or a chunk read right after
 * the word unless it is a place the name list knows («استاد القاهرة»: the city stays LOC).
 */
export function tagVenues(
  toks: readonly string[],
  t: string[],
  w = readWords(toks),
  lex: RuleLexicon = {},
): void {
  const places = lex.isPlace;
  for (let i = 0; i < toks.length - 1; i++) {
    if (!(w.kinds[i]! & VENUE)) continue;
    const close = quoted(toks, i + 1);
    if (close >= 0) {
      put(t, i + 2, close, 'MISC');
      i = close;
      continue;
    }
    if (!t[i + 1]!.startsWith('B-')) continue;
    let end = i + 2;
    while (t[end]?.startsWith('I-')) end++;
    if (
      places?.(
        toks
          .slice(i + 1, end)
          .map(matchForm)
          .join(' '),
      )
    )
      continue;
    put(t, i + 1, end, 'MISC');
  }
}

/** Clubs: a LOC chunk right before a masculine demonym → ORG. */
export function tagClubs(toks: readonly string[], t: string[], w = readWords(toks)): void {
  for (const c of chunks(t)) {
    if (c.type !== 'LOC' || c.end >= toks.length || t[c.end] !== 'O') continue;
    if (w.kinds[c.end]! & DEMONYM) put(t, c.start, c.end, 'ORG');
  }
}

/** People: PERS chunks side by side are one, unless the second starts with و. */
export function joinPeople(toks: readonly string[], t: string[]): void {
  const cs = chunks(t);
  for (let k = 1; k < cs.length; k++) {
    const a = cs[k - 1]!;
    const b = cs[k]!;
    if (a.type !== 'PERS' || b.type !== 'PERS' || a.end !== b.start) continue;
    if (toks[b.start]!.startsWith('و')) continue;
    t[b.start] = 'I-PERS';
  }
}

/** People: a title or post that opens a PERS chunk is left out; one inside it ends the name. */
export function trimPosts(toks: readonly string[], t: string[], w = readWords(toks)): void {
  for (const c of chunks(t)) {
    if (c.type !== 'PERS') continue;
    let start = c.start;
    if (c.end - start > 1 && w.kinds[start]! & POST) {
      t[start] = 'O';
      start++;
      t[start] = 'B-PERS';
    }
    for (let i = start + 1; i < c.end; i++) {
      if (!(w.kinds[i]! & POST)) continue;
      for (let k = i; k < c.end; k++) t[k] = 'O';
      break;
    }
  }
}

/** Organisations: an outer head («شركة», «حركة», …) that opens an ORG chunk of two words or more is left out. */
export function trimHeads(toks: readonly string[], t: string[], w = readWords(toks)): void {
  for (const c of chunks(t)) {
    if (c.type !== 'ORG' || c.end - c.start < 2 || !(w.kinds[c.start]! & HEAD)) continue;
    t[c.start] = 'O';
    t[c.start + 1] = 'B-ORG';
  }
}

/** Brown clusters of ANT whose words are verbs and predicates («يكون», «تبعد», «أكد», «قائلا»). */
const VERB_CLUSTER = '1111';
/** A form without one conjunction و/ف in front. */
const noConj = (f: string) => (f.length > 3 && (f[0] === 'و' || f[0] === 'ف') ? f.slice(1) : f);
const IMPERFECT = new Set(['ي', 'ت', 'ن']);

/**
 * Whether a token is a verb with an imperfect or future prefix («ستبعد», «وسيترأس», «يلتقي»): its
 * form (without a conjunction, and without the future «س») is in a verb cluster of the model's Brown
 * table and starts with ي/ت/ن (or س and one of them). Past forms are left alone: «أشرف», «صادق»,
 * «طالب» are verbs there too, and names.
 */
function isPrefixedVerb(token: string, cluster: (form: string) => string | undefined): boolean {
  const f = noConj(matchForm(token));
  if (f.length < 4) return false;
  const future = f[0] === 'س' && IMPERFECT.has(f[1]!);
  if (!future && !IMPERFECT.has(f[0]!)) return false;
  if (cluster(f)?.startsWith(VERB_CLUSTER)) return true;
  return future && f.length >= 5 && cluster(f.slice(1))?.startsWith(VERB_CLUSTER) === true;
}

/** Verbs: a prefixed verb that opens or closes a PERS chunk of two words or more is left out of it («[ستبعد إيتو]» → «ستبعد [إيتو]»). */
export function trimVerbs(toks: readonly string[], t: string[], _w?: Words, lex: RuleLexicon = {}): void {
  const cluster = lex.cluster;
  if (!cluster) return;
  for (const c of chunks(t)) {
    if (c.type !== 'PERS' || c.end - c.start < 2) continue;
    let { start, end } = c;
    if (isPrefixedVerb(toks[start]!, cluster)) {
      t[start] = 'O';
      start++;
      t[start] = 'B-PERS';
    }
    if (end - start >= 2 && isPrefixedVerb(toks[end - 1]!, cluster)) {
      end--;
      t[end] = 'O';
    }
  }
}

/**
 * Two names joined by و: inside a chunk, a word that starts with و, which the Brown table does not
 * know as written but knows without the و, opens a new chunk of the same type («[أرسنال وموناكو]» →
 * «[أرسنال] [وموناكو]»). A name written with و («وليد», «وائل») or a phrase whose و-word is common
 * («العدل والمساواة») is known as written and stays whole.
 */
export function splitConjoined(
  toks: readonly string[],
  t: string[],
  w = readWords(toks),
  lex: RuleLexicon = {},
): void {
  const cluster = lex.cluster;
  if (!cluster) return;
  for (const c of chunks(t)) {
    // Titles of works join words with و freely («الحرب والسلام»).
    if (c.type === 'MISC') continue;
    for (let i = c.start + 1; i < c.end; i++) {
      const f = w.form(i);
      if (f[0] !== 'و' || f.length < 4) continue;
      if (cluster(f) !== undefined || cluster(f.slice(1)) === undefined) continue;
      if (lex.namePart && lex.namePart(f) !== 0) continue;
      t[i] = `B-${c.type}`;
    }
  }
}

/** Country names in brackets after a club in a results list: «ليون ( فرنسا ) صفر». */
const RESULT_MARKS = new Set(['-', '–', '_', 'ـ', ':']);

/**
 * Clubs in results lists: a LOC chunk right before «( X )» where X is read as a place, in a line of
 * results (a dash or a score right after the bracket, or a dash, a colon or another bracket right
 * before the name) → ORG: «ليون ( فرنسا ) - ميلان ( إيطاليا )».
 */
export function tagListedClubs(toks: readonly string[], t: string[]): void {
  for (const c of chunks(t)) {
    if (c.type !== 'LOC' || toks[c.end] !== '(' || !t[c.end + 1]?.startsWith('B-')) continue;
    let j = c.end + 2;
    while (t[j]?.startsWith('I-')) j++;
    if (toks[j] !== ')' || t[c.end + 1] !== 'B-LOC') continue;
    const after = toks[j + 1];
    const before = c.start > 0 ? toks[c.start - 1]! : '';
    const list =
      (after !== undefined && (RESULT_MARKS.has(after) || /^\p{Nd}+$/u.test(after) || after === 'صفر')) ||
      RESULT_MARKS.has(before) ||
      before === ')';
    if (list) put(t, c.start, c.end, 'ORG');
  }
}

/** The rules by name, in the order `applyRules` runs them. */
export const RULES = {
  teams: tagTeams,
  titles: tagTitles,
  venues: tagVenues,
  clubs: tagClubs,
  listed: tagListedClubs,
  people: joinPeople,
  posts: trimPosts,
  verbs: trimVerbs,
  heads: trimHeads,
  split: splitConjoined,
} as const;
export type RuleName = keyof typeof RULES;
export const RULE_NAMES = Object.keys(RULES) as RuleName[];
/**
 * The rules a model gets when none are named (`scripts/train-tagger.ts`, `applyRules`): those
 * kept by the held-out guard (bench/ner-heldout.ts; bench/RESULTS.md, section ner). The others are
 * candidates, run only by name.
 */
export const DEFAULT_RULES: RuleName[] = [
  'teams',
  'titles',
  'venues',
  'clubs',
  'listed',
  'people',
  'posts',
  'heads',
  'split',
];

/**
 * Applies the named rules (default DEFAULT_RULES), in RULES' order, to every sentence; tags changed in
 * place. `lex` gives the rules the model's word lists (the venues rule asks which names are places).
 */
export function applyRules(
  sents: readonly (readonly string[])[],
  tags: string[][],
  names: readonly string[] = DEFAULT_RULES,
  lex: RuleLexicon = {},
): string[][] {
  for (const n of names) if (!(n in RULES)) throw new Error(`unknown tagger rule: ${n}`);
  const on = RULE_NAMES.filter((n) => names.includes(n));
  for (let s = 0; s < sents.length; s++) {
    const toks = sents[s]!;
    if (toks.length === 0) continue;
    const w = readWords(toks);
    const t = tags[s]!;
    let read = false;
    for (let i = 0; i < t.length && !read; i++) read = t[i] !== 'O';
    let cues = false;
    for (let i = 0; i < t.length && !cues; i++) cues = w.kinds[i] !== 0;
    // Every rule needs a cue word or a chunk read.
    if (!read && !cues) continue;
    for (const n of on) RULES[n](toks, tags[s]!, w, lex);
  }
  return tags;
}
