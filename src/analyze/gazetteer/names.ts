/**
 * Person names in running text: a run of name words after an honorific, after a post (in
 * apposition, with or without commas), or starting with a known given name. Honorifics
 * are kept out of the name; «سيد» without ال (Syed) is kept in the written name.
 */
import { type Gazetteer, matchAt } from './index.ts';
import {
  ARTICLE_FAMILIES,
  ARTICLE_FOREBEARS,
  ARTICLE_GIVEN,
  COMPOUND_HEADS,
  COMPOUND_TAILS,
  GIVEN_NAMES,
  HONORIFICS,
  lightKey,
  NAME_PART_HONORIFICS,
  NAME_STOP,
  PLACE_GIVEN_NAMES,
} from './lexicon.ts';
import { type Tok, keyOf, readings } from './tokens.ts';
import { ORG_WORDS } from '../orgs.ts';
import { foreignEvidence, foreignSurname } from './evidence.ts';

export interface NameRun {
  /** Tokens read, honorifics included; `start`/`end` span the name only (honorifics excluded). */
  first: number;
  last: number;
  start: number;
  end: number;
  /** Where the name proper starts (after honorifics; «سيد» stays in). */
  nameStart: number;
  /** First token of the name without any honorific, for the canonical name. */
  coreStart: number;
  honorific?: string;
  /** Gazetteer person it matched, if any. */
  knownId?: string;
  confidence: number;
}

export interface NameOptions {
  /** The run follows a post (or precedes one) in apposition. */
  apposition: boolean;
  /** Tags from the trained tagger, aligned with the tokens (when available). */
  tags?: readonly string[] | undefined;
  /** Token keys that may not start or continue a name (post heads). */
  isHead?: (t: Tok) => boolean;
}

/** Words inside names that carry them on to the next word. */
const PARTICLES = new Set(['بن', 'ابن', 'بنت', 'ابو', 'ابي', 'عبد', 'ال', 'اّل', 'ولد'].map(keyOf));

const AYAT = keyOf('آية');
const SABAH = keyOf('صباح');
const SHEIKH = new Set(['الشيخ', 'الشيخة'].map(keyOf));
const PRINCE = new Set(['الأمير', 'الأميرة'].map(keyOf));
const SAHIB = keyOf('صاحب');
const SUMUW = keyOf('السمو');
const ALLAH = keyOf('الله');
const ABD = keyOf('عبد');
const HOJJAT = keyOf('حجة');
const ISLAM = keyOf('الإسلام');

function honorificLen(toks: Tok[], j: number): number {
  const t = toks[j];
  if (!t?.arabic) {
    // «د.» is a word and a full stop.
    if (t && t.key === 'د' && toks[j + 1]?.key === '.') return 2;
    return 0;
  }
  if (
    (t.key === AYAT && toks[j + 1]?.key === ALLAH) ||
    (t.key === HOJJAT && toks[j + 1]?.key === ISLAM) ||
    (t.key === SAHIB && toks[j + 1]?.key === SUMUW)
  )
    return 2;
  if (t.key === 'د' && toks[j + 1]?.key === '.') return 2;
  // «الأمير فيصل بن …»: a prince's title before a given name (alone, «الأمير» is the post).
  if (PRINCE.has(t.key) && toks[j + 1]?.arabic && GIVEN_NAMES.has(lightKey(toks[j + 1]!.text))) return 1;
  return HONORIFICS.has(t.key) || cliticHonorific(t) > 0 ? 1 : 0;
}

/** Letters of clitics before an honorific («بالسيد» → 1), or 0 when the word is none. */
function cliticHonorific(t: Tok): number {
  for (const r of readings(t.key)) if (r.strip > 0 && HONORIFICS.has(r.key)) return r.strip;
  return 0;
}

const SON_OF = new Set(['بن', 'ابن', 'بنت'].map(keyOf));

/** «سلطان بن …», «أمير بن …»: a listed given name that is also a post head, before «بن». */
function givenBeforeBin(toks: Tok[], k: number): boolean {
  const t = toks[k]!;
  const n = toks[k + 1];
  return (
    !t.key.startsWith('ال') && GIVEN_NAMES.has(lightKey(t.text)) && n?.arabic === true && SON_OF.has(n.key)
  );
}

function isNameWord(gaz: Gazetteer, toks: Tok[], k: number, opts: NameOptions): boolean {
  const t = toks[k];
  if (!t?.arabic || t.punct) return false;
  // («الشيخ صباح خالد …»: after «الشيخ» «صباح» is the given name, not the morning)
  if (NAME_STOP.has(lightKey(t.text)) && !(t.key === SABAH && SHEIKH.has(toks[k - 1]?.key ?? '')))
    return false;
  // «بالوفد», «والحكومة»: a preposition or conjunction on an article-word is no name — unless
  // it is a surname in «وال» («مايك والتز») where the tagger reads it in the name, or, untagged,
  // right after a listed given name (`walSurname`).
  if (t.info.readings.some((r) => r.strip > 0 && r.key.startsWith('ال')) && !walSurname(toks, k, opts.tags))
    return false;
  // («سلطان بن سعد المريخي»: a given name that is also a title, followed by «بن», opens the name)
  if (opts.isHead?.(t) && !givenBeforeBin(toks, k)) return false;
  const m = matchAt(gaz, toks, k);
  if (m && m.hits[0]!.entry.kind !== 'person' && m.hits[0]!.entry.kind !== 'city')
    return m.first === m.last && m.strip === 0 && placeGivenName(gaz, toks, k, opts);
  return true;
}

/**
 * «مايك والتز», «جون والاس»: a word in «وال» after a name word that is no «و» + a frequent word
 * (`foreignSurname`), read in the name by the tagger (I-PERS) or right after a listed given name
 * (that the tagger, where it ran, reads as a person). («وزير الخارجية والدفاع», «محمد والوفد» stay apart.)
 */
function walSurname(toks: Tok[], k: number, tags: readonly string[] | undefined): boolean {
  const t = toks[k]!;
  const prev = toks[k - 1];
  if (!t.key.startsWith('وال') || !prev?.arabic || prev.punct || !foreignSurname(t)) return false;
  // (the tagger often leaves such a surname out after a given name it reads: «جون | والاس»)
  const given = GIVEN_NAMES.has(lightKey(prev.text));
  if (tags?.[k]) return tags[k] === 'I-PERS' || (given && tags[k - 1]?.endsWith('PERS') === true);
  return given;
}

/**
 * «أحمد جابر العيدان», «فهد سالم ناصر الشمري»: after the given name (its last token `given`), one or
 * two middle names (a forebear's given name) and a family name with the article — the token of the family name, or
 * undefined. The family name is a word the tagger's frequent-word table does not know, a listed
 * name part or a nisba in «ي» («المهيري»), read in the name by the tagger (I-PERS; or O on a word
 * it does not know, after the name it reads) or, where it did not read the sentence,
 * after a listed given name; not a role («… القيادي»), an organization word or a word that ends
 * names. («… بن سالم الوفد», «محمد علي الرئيس»: the sentence goes on.)
 */
export function familyEnd(
  toks: Tok[],
  given: number,
  tags: readonly string[] | undefined,
): number | undefined {
  for (let j = given + 1; j <= given + 3; j++) {
    const t = toks[j];
    if (!t?.arabic || t.punct || NAME_STOP.has(lightKey(t.text))) return undefined;
    const tag = tags?.[j];
    const article = t.key.startsWith('ال') && !/^[أإآ]/.test(t.text);
    // (the tagger's O on a rare family name after the name it reads, «عادل سعود | المطوع», is
    // no end: the word is no frequent word)
    const rare =
      article &&
      tag === 'O' &&
      tags?.[j - 1]?.endsWith('PERS') === true &&
      (!foreignEvidence().known(t.text) || saidBy(toks, given, j));
    if ((tag === 'O' && !rare) || (tag && tag !== 'O' && !tag.endsWith('PERS'))) return undefined;
    if (!article) {
      // a middle name: a father's or grandfather's given name — listed, a name part of the
      // tagger's lists, or read by the tagger in the name; no clitic («ورجاء»: a second person)
      if (j === given + 3 || PARTICLES.has(t.key) || t.info.readings.some((r) => r.strip > 0))
        return undefined;
      const light = lightKey(t.text);
      const named =
        GIVEN_NAMES.has(light) ||
        ARTICLE_FOREBEARS.has(light) ||
        tag === 'I-PERS' ||
        foreignEvidence().namePart(t.text);
      if (!named) return undefined;
      continue;
    }
    if (j === given + 1 || t.key.length <= 4 || PARTICLES.has(t.key) || ROLE_WORDS.has(t.key))
      return undefined;
    if (ORG_WORDS.has(t.key.slice(2))) return undefined;
    if (!(tag && !rare ? tag === 'I-PERS' : GIVEN_NAMES.has(lightKey(toks[given]!.text)))) return undefined;
    const ev = foreignEvidence();
    return !ev.known(t.text) || ev.namePart(t.text) || t.key.endsWith('ي') || saidBy(toks, given, j)
      ? j
      : undefined;
  }
  return undefined;
}

/** Verbs of saying with no object before «أن»/«إن» («وقال ناصر حمد العذبة إن …»). */
const SAYING = new Set(
  'قال قالت أكد أكدت أضاف أضافت أوضح أوضحت صرح صرحت أشار أشارت ذكر ذكرت تابع تابعت اعتبر اعتبرت'
    .split(' ')
    .map(keyOf),
);
const THAT = new Set(['إن', 'أن', 'إنه', 'أنه', 'إنها', 'أنها'].map(keyOf));

/**
 * «وقال ناصر حمد العذبة إن …»: a word with the article that is also a common word («العذبة»)
 * closing a name of three parts between a verb of saying and «إن»/«أن» — there no object
 * stands between them, so it is the family name («واستقبل خالد سعيد الوفد» stays apart).
 */
function saidBy(toks: Tok[], given: number, j: number): boolean {
  const after = toks[j + 1];
  if (!after?.arabic || !THAT.has(after.key) || j - given < 2) return false;
  for (const b of [toks[given - 1], toks[given - 2]]) {
    if (b?.arabic && b.info.readings.some((r) => SAYING.has(r.key))) return true;
  }
  return false;
}

/**
 * «جورجيا ميلوني»: a given name that is also a place, followed by a surname — a plain word
 * (no ال, no clitic, no place, no post) that the tagger, where it ran, does not read as O.
 */
export function placeGivenName(gaz: Gazetteer, toks: Tok[], k: number, opts: NameOptions): boolean {
  if (!PLACE_GIVEN_NAMES.has(lightKey(toks[k]!.text))) return false;
  const n = toks[k + 1];
  if (!n?.arabic || n.punct || NAME_STOP.has(lightKey(n.text))) return false;
  if (n.key.startsWith('ال') || n.info.readings.some((r) => r.strip > 0 && r.key.startsWith('ال')))
    return false;
  if (opts.isHead?.(n) || matchAt(gaz, toks, k + 1)) return false;
  const tags = opts.tags;
  if (tags?.[k + 1] === 'O' || tags?.[k] === 'O') return false;
  return opts.apposition || tags?.[k] === 'B-PERS' || tags?.[k + 1] === 'I-PERS';
}

/**
 * «ليلى الحمروني الدريدي»: a given name and two surnames with the article (a married woman's
 * two family names, common in Tunisia) — the third word at `k` stays in the name where the
 * tagger reads both surnames in it. Not a participle in «الم…» («… الخزري المضرب»).
 */
export function secondSurname(
  toks: Tok[],
  k: number,
  given: number,
  tags: readonly string[] | undefined,
): boolean {
  const t = toks[k];
  const prev = toks[k - 1];
  return (
    k === given + 2 &&
    tags?.[k] === 'I-PERS' &&
    tags[k - 1]?.endsWith('PERS') === true &&
    t?.arabic === true &&
    prev?.arabic === true &&
    t.key.startsWith('ال') &&
    prev.key.startsWith('ال') &&
    t.key.length > 4 &&
    !PARTICLES.has(t.key) &&
    !t.key.startsWith('الم') &&
    // «الحكمان», «الثمانين»: a dual or a plural is the sentence going on.
    !/(ان|ين|ون)$/.test(t.key) &&
    !ROLE_WORDS.has(t.key) &&
    !ORG_WORDS.has(t.key.slice(2)) &&
    !NAME_STOP.has(lightKey(t.text))
  );
}

/** What follows a name as the person's role, not as a second surname («… القيادي في …»). */
const ROLE_WORDS = new Set(
  `القيادي القيادية الناشط الناشطة اللاعب اللاعبة الحارس الفنان الفنانة الكاتب الكاتبة الشاعر
  الشاعرة الإعلامي الإعلامية الصحفي الصحفية الخبير الخبيرة الباحث الباحثة النائب النائبة الحكم
  الدولي السابق السابقة الأسبق الجديد الجديدة الحالي الحالية الشاب الشابة الطفل الطفلة`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(keyOf),
);

/**
 * «نواف سعود | الصباح», «مشعل | الأحمد الجابر الصباح»: at `k`, forebears' names with the article
 * (a listed given name or forebear after «ال») up to a family name with the article
 * (`ARTICLE_FAMILIES`) — the token of the family name, or undefined.
 */
export function articleFamilyAt(toks: Tok[], k: number): number | undefined {
  for (let j = k; j < k + 4; j++) {
    const t = toks[j];
    if (!t?.arabic || t.punct || !t.key.startsWith('ال')) return undefined;
    if (ARTICLE_FAMILIES.has(t.key)) return j;
    const bare = lightKey(t.text).slice(2);
    if (!GIVEN_NAMES.has(bare) && !ARTICLE_FOREBEARS.has(bare)) return undefined;
  }
  return undefined;
}

/** The token after a name's last word, reading from `coreStart`. */
function extent(
  gaz: Gazetteer,
  toks: Tok[],
  coreStart: number,
  max: number,
  opts: NameOptions,
  tags: readonly string[] | undefined,
  honorific = false,
): number {
  let k = coreStart;
  let carried = 0;
  // «عبد الحميد الدبيبة»: «عبد» and the word after it are one given name, counted as one word
  // (the surname after it was cut off as the sentence going on)
  // (so «نور الدين الطاهري», «صلاح الدين …»: the tail is the given name's second word)
  const given =
    (toks[coreStart]?.key === ABD && toks[coreStart + 1]?.arabic) ||
    (toks[coreStart + 1]?.arabic && COMPOUND_TAILS.has(toks[coreStart + 1]!.key))
      ? coreStart + 1
      : coreStart;
  // «أحمد جابر العيدان»: a family name with the article closing three or four words.
  const fam = familyEnd(toks, given, opts.tags);
  while ((k < coreStart + max + carried || k === fam) && isNameWord(gaz, toks, k, opts)) {
    const family = k > coreStart ? articleFamilyAt(toks, k) : undefined;
    if (family !== undefined) return family + 1;
    // «محمد بن راشد آل مكتوم»: each particle carries the name two words further.
    if (PARTICLES.has(toks[k]!.key)) carried = Math.min(carried + 2, 6);
    const t = toks[k]!;
    // An ال-word can end a name («أحمد الشرع») but not start one; the second half of a
    // compound given name («شكر الدين البعزواي», «نور الدين …») is no surname.
    // («ألفة», «ألبرت»: a hamza on the alef is no article, though the match form drops it.)
    const article =
      t.key.startsWith('ال') &&
      !/^[أإآ]/.test(t.text) &&
      !PARTICLES.has(t.key) &&
      !(k === coreStart + 1 && COMPOUND_TAILS.has(t.key));
    // … except a given name written with it, after a post («الرئيس المنصف المرزوقي»).
    if (article && k === coreStart && !(opts.apposition && ARTICLE_GIVEN.has(t.key))) break;
    // An ال-word ends a name as a nisba («الهاشمي») or right after a first name
    // («أحمد الشرع»); after a longer name it is the sentence going on («… بن سالم الوفد»).
    // («… بن عبد العزيز»: after «عبد», «بن» the ال-word is the name's own.)
    if (
      article &&
      k - given > 1 &&
      !t.key.endsWith('ي') &&
      !ARTICLE_GIVEN.has(t.key) &&
      !PARTICLES.has(toks[k - 1]!.key) &&
      !secondSurname(toks, k, given, tags) &&
      k !== fam
    )
      break;
    // Where the tagger read the sentence, its O ends the name (after the first word).
    // (In apposition, a surname with the article right after a known given name stays:
    // «وزير …، رياض المؤخر».)
    // Nor after an honorific and a known given name: «المشير خليفة حفتر» (the tagger's O on
    // «حفتر» cut it to «خليفة»).
    // A given name written with the article («الهادي», «المنجي») is, after a post, followed
    // by its surname whatever the surname's shape: «وزير الداخلية، الهادي مجدوب» (was «الهادي»).
    const core = toks[coreStart]!;
    const articleGiven = ARTICLE_GIVEN.has(core.key);
    // After a post, a known given name keeps the plain word after it too, though the tagger
    // reads it as O («…، شفيق صرصار إنه» was «شفيق») — not an imperfect verb («… محمد يقول»).
    const surnameAfterGiven =
      (opts.apposition ? article || articleGiven || !/^[يتن]/.test(t.key) : honorific && !article) &&
      k === coreStart + 1 &&
      (GIVEN_NAMES.has(lightKey(core.text)) || articleGiven);
    // So after a post the word after «عبد + X» («وزير الداخلية عبد الوافي لفتيت»: was «عبد الوافي»).
    const surnameAfterAbd =
      (opts.apposition || honorific) &&
      given > coreStart &&
      k === given + 1 &&
      (article || !/^[يتن]/.test(t.key));
    if (
      k > coreStart &&
      k !== fam &&
      tags?.[k] === 'O' &&
      !PARTICLES.has(toks[k - 1]!.key) &&
      !surnameAfterGiven &&
      !surnameAfterAbd
    )
      break;
    // Without commas or the tagger, a name is at most two words after the first unless
    // a particle («بن», «عبد», «أبو») carries it on.
    if (
      !opts.apposition &&
      !tags?.[k] &&
      k - given >= 2 &&
      !PARTICLES.has(toks[k - 1]!.key) &&
      !PARTICLES.has(t.key) &&
      !(fam !== undefined && k <= fam)
    )
      break;
    k++;
    if (
      article &&
      !ARTICLE_GIVEN.has(t.key) &&
      !PARTICLES.has(toks[k - 2]?.key ?? '') &&
      !secondSurname(toks, k, coreStart, tags)
    )
      break;
  }
  return k;
}

/** A person's name starting at token `i` (honorifics allowed first), or undefined. */
export function nameAt(gaz: Gazetteer, toks: Tok[], i: number, opts: NameOptions): NameRun | undefined {
  let j = i;
  let honorific: string | undefined;
  for (let h = honorificLen(toks, j); h > 0; h = honorificLen(toks, j)) {
    honorific = toks
      .slice(j, j + h)
      .map((t) => t.text)
      .join(h === 2 && toks[j + 1]?.key === '.' ? '' : ' ');
    j += h;
  }
  const nameStart = j;
  let coreStart = j;
  if (toks[j]?.arabic && NAME_PART_HONORIFICS.has(toks[j]!.key)) coreStart = j + 1;
  // A known person (gazetteer), written with or without «سيد».
  for (const s of [nameStart, coreStart]) {
    const m = matchAt(gaz, toks, s);
    const e = m?.hits[0]?.entry;
    if (m && e && e.kind === 'person' && m.strip === 0) {
      return {
        first: i,
        last: m.last,
        start: toks[nameStart]!.start,
        end: m.end,
        nameStart,
        coreStart: s === nameStart && coreStart !== nameStart && m.last > coreStart ? coreStart : s,
        ...(honorific ? { honorific } : {}),
        knownId: e.id,
        confidence: 0.95,
      };
    }
  }
  const max = opts.apposition ? 4 : 3;
  // In apposition or after an honorific, closed by a comma («…، رحيم حياة قريشي،»), the
  // commas bound the name;
  // elsewhere the tagger's O (where it read the sentence) and the particles do.
  let run = extent(gaz, toks, coreStart, max, opts, undefined);
  const closedRun = !toks[run]?.arabic || toks[run]!.punct;
  if (!((opts.apposition || honorific) && closedRun))
    run = extent(gaz, toks, coreStart, max, opts, opts.tags, honorific !== undefined);
  const k = run;
  const last = k - 1;
  if (last < coreStart) return undefined;
  const first = toks[coreStart]!;
  const given = givenAt(toks, coreStart) || (opts.apposition === true && ARTICLE_GIVEN.has(first.key));
  const tagged = opts.tags?.[coreStart]?.endsWith('PERS') === true;
  const closed = (() => {
    const n = toks[last + 1];
    return !n || n.punct;
  })();
  const len = last - coreStart + 1;
  let confidence = 0;
  if (given && (len >= 2 || honorific || opts.apposition)) confidence = 0.85;
  else if (tagged) confidence = 0.75;
  // (Not where the tagger read the first word as no name, «… نائب الرئيس سياسة الحكومة.»,
  // unless commas set the name apart: «…، حاتم البلومي،».)
  else if (
    opts.apposition &&
    closed &&
    len >= 2 &&
    (opts.tags?.[coreStart] !== 'O' || toks[i - 1]?.key === '،' || toks[i - 1]?.key === ',')
  )
    confidence = 0.65;
  else if (honorific && len >= 2 && closed) confidence = 0.6;
  if (confidence === 0) return undefined;
  // «وزير البيئة يأذن …»: an imperfect verb after a post is the sentence going on, not a
  // name — a word in ي that no list knows as a given name and the tagger does not vouch for.
  if (first.key.startsWith('ي') && !given && !tagged && !honorific) return undefined;
  return {
    first: i,
    last,
    start: toks[nameStart]!.start,
    end: toks[last]!.end,
    nameStart,
    coreStart,
    ...(honorific ? { honorific } : {}),
    confidence,
  };
}

/**
 * Does a listed given name start at token `i`? One word («ناصر»), or the head of a compound
 * given name before its tail («صلاح الدين», «عز الدين», «سيف الإسلام»).
 */
export function givenAt(toks: Tok[], i: number): boolean {
  const t = toks[i];
  if (!t?.arabic) return false;
  const k = lightKey(t.text);
  if (GIVEN_NAMES.has(k)) return true;
  const n = toks[i + 1];
  return COMPOUND_HEADS.has(k) && n?.arabic === true && COMPOUND_TAILS.has(n.key);
}

/** Is this token an honorific that can open a name? */
export function opensName(toks: Tok[], i: number): boolean {
  return honorificLen(toks, i) > 0;
}
