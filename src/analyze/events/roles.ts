/**
 * Who did it to whom: the source and target of a trigger from the actor mentions around it.
 * Arabic puts the subject after the verb (VSO) or before it (SVO); objects follow, bare or
 * with «على، ضد، مع، إلى، بـ، لـ»; «من قبل/من جانب» names a passive's agent; «الذي شنه X»
 * a nominal's; «بين X و Y» and «الطرفان/الجانبان/البلدين» make reciprocal pairs.
 */
import type { Actor, PloverType } from '../../model.ts';
import { type ActorMention, fromAir, isCapital, stateless } from './actors.ts';
import type { TriggerHit } from './triggers.ts';
import type { Tok } from './text.ts';
import { BIT, is } from './words.ts';

/** Types whose «بين X و Y» or compound subject makes the event reciprocal. */
const RECIPROCAL_TYPES = new Set<PloverType>(['AGREE', 'CONSULT', 'COOPERATE']);
const TARGET_PREPS = new Set(['علي', 'ضد', 'مع', 'الي', 'ب', 'ل', 'عن', 'لدي', 'تجاه', 'نحو', 'باتجاه']);
const LOCATION_PREPS = new Set(['في', 'من', 'قرب']);
const PLACE_NOUNS = new Set(['قصر', 'مقر', 'مبني', 'مكتب']);
/** Where a place lies from a town: «شمال رام الله», «جنوبي بيروت», «محيط الخرطوم». */
const SIDE_OF = /^(?:[وف])?(?:ب|في)?(?:شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي|محيط|اطراف)$/;
/** A noun that introduces a place name: «بمدينة برلين», «في العاصمة الرياض», «بريف حلب». */
const PLACE_NAME_NOUN = /^(?:و)?(?:ب|في)?(?:مدينه|المدينه|العاصمه|بلده|ولايه|محافظه|اقليم|ريف|ضواحي|قريه)$/;
/** An inset of place or time between commas: «، في مقر الوزارة بالرياض اليوم،», «، صباح الخميس،». */
const INSET_START =
  /^(?:في|ب\S+|خلال|عقب|امس|اليوم|يوم|صباح|مساء|ظهر|فجر|عشيه|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه)$/;

/** «برصاص X», «بنيران X», «بقذيفة X»: X's fire, the one who shot. */
const BY_FIRE = /^(?:[وف])?ب(?:رصاص|رصاصه|نيران|قذيفه|قذايف|صاروخ|صواريخ|غاره|غارات|قصف)$/;

/** A sea, a gulf, a strait or a coast named after a town or a state: «خليج عدن», «قبالة سواحل اليمن». */
const SEA = /^(?:[وف])?(?:ب|في)?(?:ال)?(?:خليج|مضيق|بحر|سواحل|ساحل|قباله|مياه)$/;

/** A word of time, or a comma, right before a place: «اليوم الأربعاء بالرباط». */
const TIME_OR_COMMA =
  /^(?:[،,]|امس|اليوم|غدا|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|الماضي|الماضيه|الجاري|صباح|مساء)$/;

/** Numbers and the signs of a date given twice («15 جمادى الآخرة 1448 هـ الموافق 25 نوفمبر 2026 م»): no length of an inset. */
const DATE_FILLER = /^(?:\d+|ه|م|الموافق)$/;

/**
 * The mention opening the clause after the one right after `clause`, when that one is an inset (it
 * starts with a word of place or time, holds no trigger and no bare actor) closed by a comma.
 */
function afterInset(toks: Tok[], clause: number, mentions: ActorMention[]): ActorMention | undefined {
  // a comma opens each clause: «، في مقر الوزارة اليوم» is clause + 1, «، وزير …» clause + 2
  let k = toks.findIndex((t) => t.clause === clause + 1);
  if (k < 0 || !/^[،,]$/.test(toks[k]!.raw) || !INSET_START.test(toks[k + 1]?.n ?? '')) return undefined;
  const start = ++k;
  let filler = 0;
  while (k < toks.length && toks[k]!.clause === clause + 1) {
    if (toks[k]!.punct || is(toks[k], BIT.trigger)) return undefined;
    if (DATE_FILLER.test(toks[k]!.n)) filler++;
    k++;
  }
  if (k - start - filler > 8 || !/^[،,]$/.test(toks[k]?.raw ?? '') || toks[k]!.clause !== clause + 2)
    return undefined;
  if (mentions.some((m) => m.i >= start && m.i < k && !m.prep && !isLocation(m, toks))) return undefined;
  return mentions.find((m) => m.i === k + 1);
}

/** Words that may stand between a verb and its subject: pronoun-prepositions, time words, numbers, titles and honorifics («صاحب السمو»، «فخامة»، «معالي»). */
/** An opening quote mark. */
const OPEN_QUOTE = /^[«"“]$/;
/** A quote mark, opening or closing. */
const QUOTE_MARK = /^[«»"“”]$/;
/** Head nouns of a body of states before its name: «تحالف أوبك+», «مجموعة العشرين», «دول الخليج». */
const BODY_HEAD = /^(?:ال)?(?:تحالف|مجموعه|منظمه|تكتل|دول|مجلس)$/;
/** t opens the name of the mention after it: a quote mark, or a body's head noun before an international body. */
const namesBody = (t: Tok, next: ActorMention | undefined): boolean =>
  next !== undefined &&
  !next.prep &&
  (OPEN_QUOTE.test(t.raw) || (BODY_HEAD.test(t.n) && next.actors.every((a) => a.sector === 'IGO')));

const SKIPPABLE =
  /^(?:و)?(?:بها|به|بهم|لها|له|لهم|عليها|عليه|خلالها|خلاله|عنه|عنها|منها|منه|فيها|فيه|قد|ايضا|امس|اليوم|غدا|رسميا|\d+|عشرات|ميات|الاف|ثلاثه|اربعه|خمسه|سته|سبعه|ثمانيه|تسعه|عشره|اثنين|اثنان|عده|السيد|سيد|الدكتور|الشيخ|صاحب|السمو|الجلاله|الملكي|حضره|فخامه|معالي|سعاده|سماحه|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|صباح|مساء|ظهر|عشيه|صبيحه|فجر|ليله|الماضي|الماضيه|المنقضي|الجاري)$/;

/**
 * The article's running state, as the sentence loop keeps it: `processSentence` replaces
 * `topic` and `pair` after each event, and the next event of the same sentence must see the
 * new values («التقى فيدان … نظيره الإيراني، وأكد الوزيران رفضهما …»: «الوزيران» are the pair the
 * meeting just set). Roles read them through this object at the moment they need them, never
 * from a copy taken earlier, so one context object may serve a whole sentence.
 */
export interface ArticleState {
  /** Actors the article is about right now (last event's source). */
  topic: Actor[];
  /** The pair «الطرفان» refers to. */
  pair: Actor[];
}

/**
 * What roles are read from. Everything but `state` is fixed for one sentence; `prev` and
 * `prevMain` are the events before the trigger in the same sentence, and are left out on
 * purpose when the roles of an act named inside another event are computed (the condemned
 * attack does not inherit the condemner as its source).
 */
export interface RoleContext {
  toks: Tok[];
  mentions: ActorMention[];
  hits: TriggerHit[];
  /** The sentence's speaker (subject of «قال/أكد/…» before the trigger), when any. */
  speakerFor: (head: number) => { actors: Actor[]; verb: string; i: number } | undefined;
  /** The article state, read live (see ArticleState). */
  state: ArticleState;
  /** The previous event of the sentence, if any. */
  prev?: Roles | undefined;
  /** The previous event of the sentence outside relative clauses, if any. */
  prevMain?: Roles | undefined;
}

export interface Roles {
  source: Actor[];
  target: Actor[];
  reciprocal: boolean;
  /** Source came from the sentence itself (not the topic or the speaker). */
  explicitSource: boolean;
  /** The source is a nominal's agent adjective («الهجوم الإسرائيلي»): an act named, not the topic. */
  adjectival?: boolean | undefined;
  /** The mention used as source (index into mentions), for coordination chains. */
  sourceMention?: ActorMention | undefined;
  /** Where it happened: the place named after «في/قرب» in the trigger's clause, as written. */
  location?: string | undefined;
}

/** Two sides, each with its state or its own name, not the same twice (by state with `states`). */
const twoSides = (as: Actor[], states: boolean): boolean =>
  as.length >= 2 &&
  as.every((a) => a.country || a.entityId) &&
  new Set(as.map((a) => (states ? a.country : (a.entityId ?? `${a.country}/${a.sector}`)))).size >= 2;
/** «الوفدان»: the two delegations the entities stage found named, over the last meeting's sides. */
const DELEGATIONS = /^(?:[وف])?(?:ل)?(?:ال)?(?:وفدين|وفدان)$/;
/** «البلدين», «الدولتان»: two states, never two bodies of one. */
const TWO_STATES = /^(?:[وف])?(?:ب|ل)?(?:ال)?(?:بلدين|بلدان|دولتين|دولتان)$/;

function resolve(m: ActorMention, ctx: RoleContext, speaker: Actor[]): Actor[] {
  if (m.kind === 'recip') {
    // the sides of the last meeting, unless they do not make two sides («التقى وفد مصري … وفدًا
    // قطريًا برئاسة رئيس الوزراء»: one side without its state; «قوات البلدين» after a meeting of one
    // state's government and army) and the words' own two do
    const pair = ctx.state.pair;
    const word = ctx.toks[m.i]?.n ?? '';
    const states = TWO_STATES.test(word);
    const own =
      twoSides(m.actors, states) && (pair.length < 2 || !twoSides(pair, states) || DELEGATIONS.test(word));
    const sides = own ? m.actors : pair.length >= 2 ? pair : m.actors;
    // (two sides told apart by their names only — «استقبل رئيس الوزراء وزير الدفاع»: two posts of one
    // government — keep them: bare, they would be one side twice)
    const bare = sides.map(stripName);
    return sides === pair && twoSides(pair, false) && !twoSides(bare, false) ? pair : bare;
  }
  if (m.kind === 'pronoun') {
    const c = (speaker[0] ?? ctx.state.topic[0])?.country;
    // «أعلنت وزيرة الخارجية … أن بلادها»: a state we cannot name yet (the place may tell)
    return c ? [{ country: c, sector: 'GOV' }] : speaker.length ? [{ sector: 'GOV' }] : [];
  }
  return m.actors;
}

/** The actors of each mention in turn, in one new array (a loop: flatMap allocates per mention). */
function resolveAll(ms: readonly ActorMention[], ctx: RoleContext, speaker: Actor[]): Actor[] {
  const out: Actor[] = [];
  for (const m of ms) for (const a of resolve(m, ctx, speaker)) out.push(a);
  return out;
}

const NO_ACTORS: ReadonlySet<Actor> = new Set();
const NO_MENTIONS: readonly ActorMention[] = [];

const withoutCountry = (a: Actor): Actor => (a.sector ? { sector: a.sector } : {});

const stripName = (a: Actor): Actor => {
  const out: Actor = {};
  if (a.country) out.country = a.country;
  if (a.sector) out.sector = a.sector;
  return out;
};

/** The mention and those coordinated with it by «و»: «أنقرة وأثينا», «الحكومة اليمنية والحوثيون». */
function withCoordinated(m: ActorMention, ctx: RoleContext): ActorMention[] {
  const out = [m];
  let first = m;
  while (first.conj ?? ctx.toks[first.i]!.n.startsWith('و')) {
    const prev = ctx.mentions.find((x) => x.j === first.i);
    if (!prev) break;
    out.unshift(prev);
    first = prev;
  }
  let cur = m;
  for (;;) {
    const next = ctx.mentions.find((x) => x.i === cur.j);
    if (!next || !(next.conj ?? ctx.toks[next.i]!.n.startsWith('و'))) break;
    out.push(next);
    cur = next;
  }
  return out;
}

/**
 * Whether each mention names a place (asked many times per sentence: kept per mention). Mentions
 * are made per sentence and the answer depends only on the sentence's tokens, so the cache
 * cannot carry anything from one sentence to the next.
 */
const locations = new Map<ActorMention, boolean>();
/** The sentence (its token list) the answers in `locations` are of; emptied when another comes. */
let locationsOf: Tok[] | undefined;

function isLocation(m: ActorMention, toks: Tok[]): boolean {
  // (a Map emptied per sentence, not a WeakMap: a WeakMap grew with every mention until the next
  // collection, and its inserts cost more than the answer)
  if (toks !== locationsOf) {
    locations.clear();
    locationsOf = toks;
  }
  let v = locations.get(m);
  if (v === undefined) {
    v = locationOf(m, toks);
    locations.set(m, v);
  }
  return v;
}

/** Goods a state buys from another: «على واردات الصلب والألمنيوم من الولايات المتحدة». */
const IMPORTS =
  /^(?:[وف])?(?:ب|ل)?(?:ال)?(?:واردات|وارداتها|وارداته|مستوردات|استيراد|توريد|السلع|سلع|المنتجات|منتجات|البضايع|بضايع)$/;

/** «من X» after goods bought (up to five words back): X is whose goods they are, not a place. */
function importsFrom(m: ActorMention, toks: Tok[]): boolean {
  return m.prep === 'من' && toks.slice(Math.max(0, m.i - 6), m.i).some((t) => IMPORTS.test(t.n));
}

/**
 * The mention ends in the nominative plural «ـون» and an accusative follows it: an indefinite
 * («ـًا», «ـا»), or the sound plural «ـين» of an actor named right after («قتل مسلحون مدنيين»).
 */
export function activeKiller(m: ActorMention, toks: Tok[], mentions: ActorMention[] = []): boolean {
  const last = toks[m.j - 1];
  const next = toks[m.j];
  return (
    last !== undefined &&
    /ون$/.test(last.n) &&
    next !== undefined &&
    !next.punct &&
    (/\u064b/.test(next.raw) ||
      /[^و]ا$/.test(next.n) ||
      (/ين$/.test(next.n) && mentions.some((x) => x.i === m.j && !x.prep && x.actors.length))) &&
    !/^(?:ال|و|في|من|علي|الي|خلال|امس|اليوم)/.test(next.n)
  );
}

/** Verbs a place is the subject of when acts happen in it: «شهدت», «سجلت», «عرفت». */
const WITNESS = /^(?:[وف])?(?:شهد|شهدت|تشهد|يشهد|سجل|سجلت|يسجل|تسجل|عرفت|عرف|تعرف|يعرف)$/;

/** A place named by a common noun («المدينة», «المنطقة», «البلاد»). */
const PLACE_WORD =
  /^(?:ال)?(?:مدينه|منطقه|مناطق|بلاد|عاصمه|بلده|قريه|محافظه|ولايه|مخيم|مدن|ضاحيه|اقليم|حي|شوارع)$/;

/** The nominal `hit` is the object of a verb of witnessing up to four words back, in its clause. */
function witnessed(hit: TriggerHit, ctx: RoleContext): boolean {
  const { toks } = ctx;
  for (let k = hit.head - 1; k >= Math.max(0, hit.head - 5); k--) {
    const t = toks[k]!;
    if (t.punct || (k < hit.head - 1 && is(t, BIT.trigger))) return false;
    if (WITNESS.test(t.n)) {
      // a place saw them — named between («سجلت المدينة», «شهدت العاصمة الليبية»); people who
      // witness a signing are its sides («وشهد الجانبان توقيع اتفاقية», «وشهد جلالته والضيف …»)
      const between = ctx.mentions.filter((m) => m.i > k && m.j <= hit.head);
      return (
        between.every((m) => ['country', 'capital', 'demonym', 'region'].includes(m.kind)) &&
        (between.length > 0 || toks.slice(k + 1, hit.head).some((x) => PLACE_WORD.test(x.n)))
      );
    }
  }
  return false;
}

/** «قبل أيام من», «بعد ساعات من», «قبل يومين من»: what follows is another event, a time mark. */
const RELATIVE_SPAN = /^(?:قبل|بعد)$/;
const SPAN_UNIT =
  /^(?:ايام|يوم|يومين|ساعات|ساعه|ساعتين|اسابيع|اسبوع|اسبوعين|اشهر|شهر|شهرين|سنوات|عام|عامين|دقايق)$/;

/** A «قبل/بعد + a span + من» between `a` and `b`: the words after it tell what the event is dated by. */
function relativeTimeBetween(toks: Tok[], a: number, b: number): boolean {
  for (let k = Math.min(a, b) + 1; k < Math.max(a, b) - 1; k++)
    if (RELATIVE_SPAN.test(toks[k]!.n) && toks.slice(k + 1, k + 4).some((t) => SPAN_UNIT.test(t.n)))
      return toks.slice(k + 2, k + 5).some((t) => t.n === 'من');
  return false;
}

/** Nouns of a matter discussed («الأزمة في السودان», «تطورات الأوضاع في غزة»). */
const TOPIC_NOUN = /^(?:[وف])?(?:ب|ل)?(?:ال)?(?:ازمه|ملف|اوضاع|وضع|تطورات|مستجدات|حرب|صراع|نزاع|قضيه|ازمات)$/;

/**
 * «بحث الجانبان … الأزمة الإنسانية في السودان»: a place after a matter's noun (up to one adjective
 * between) is where the matter is, not where the event is.
 */
function topicPlace(m: ActorMention, toks: Tok[]): boolean {
  if (m.prep !== 'في') return false;
  // (the preposition is a word of its own: «الأزمة الإنسانية في السودان» is four words)
  const back = toks[m.i - 1]?.n === 'في' ? 1 : 0;
  return toks.slice(Math.max(0, m.i - back - 2), m.i - back).some((t) => TOPIC_NOUN.test(t.n));
}

function locationOf(m: ActorMention, toks: Tok[]): boolean {
  if (importsFrom(m, toks)) return false;
  if (m.prep && LOCATION_PREPS.has(m.prep)) return true;
  // «وحدات الحرس الوطني بولاية صفاقس»: a province or a town named with «بـ» on its place noun is where
  if (m.prep === 'ب' && PLACE_NAME_NOUN.test(toks[m.i]!.n) && /^(?:و)?ب/.test(toks[m.i]!.n)) return true;
  if (m.prep === 'من قبل') return false; // «من جانب سيول» is an agent, not «من جنوب لبنان»
  // «استقبل الوزير، اليوم الأربعاء بالرباط، نظيره …», «، بالرباط،»: a state or capital with بـ after a word of
  // time or opening an inset is where («أشاد بالرياض», after a verb, is whom)
  if (
    m.prep === 'ب' &&
    (m.kind === 'capital' || m.kind === 'country') &&
    toks[m.i - 1] &&
    TIME_OR_COMMA.test(toks[m.i - 1]!.n)
  )
    return true;
  // «في العاصمة التونسية», «في جنوب لبنان»: a preposition one plain word back
  const back = toks[m.i - 2];
  if (
    (m.kind === 'demonym' || m.kind === 'country' || m.kind === 'capital') &&
    back &&
    LOCATION_PREPS.has(back.n) &&
    // «في قصف روسي»: the word between is an act, the demonym its agent
    !is(toks[m.i - 1], BIT.trigger)
  ) {
    return true;
  }
  // «بمدينة برلين», «في العاصمة برلين»: a place noun right before a place name
  const noun = toks[m.i - 1];
  // «قرية ترمسعيا شمال رام الله»: a place named by where it lies from a town
  if ((m.kind === 'capital' || m.kind === 'country') && noun && SIDE_OF.test(noun.n)) return true;
  if ((m.kind === 'capital' || m.kind === 'country') && noun && PLACE_NAME_NOUN.test(noun.n)) return true;
  // «إلى العاصمة الأردنية»: the adjective of a place noun after «إلى» names where one goes
  if (
    m.kind === 'demonym' &&
    noun &&
    PLACE_NAME_NOUN.test(noun.n) &&
    (back?.n === 'الي' || noun.prep === 'الي')
  )
    return true;
  // «إلى العاصمة الأردنية عمّان», «في العاصمة المصرية القاهرة»: with the state's adjective between
  if (
    (m.kind === 'capital' || m.kind === 'country') &&
    back &&
    PLACE_NAME_NOUN.test(back.n) &&
    is(noun, BIT.actor)
  )
    return true;
  // «في قصر الإليزيه», «في مقر الحكومة», «بمقر البلدية»: a building named by who sits in it
  if (noun?.prep === 'ب' && PLACE_NOUNS.has(noun.n.slice(1))) return true;
  return Boolean(back && noun && LOCATION_PREPS.has(back.n) && PLACE_NOUNS.has(noun.n));
}

/**
 * Where an event happened is a place: a state, a capital or a town named after «في/قرب/من», not a
 * body or a post read after «في» («بقصر الحكومة», «نواب في مجلس الأمة»).
 */
function isPlace(m: ActorMention, toks: Tok[]): boolean {
  return (m.kind === 'country' || m.kind === 'capital' || m.kind === 'demonym') && isLocation(m, toks);
}

/** The place as written, with the place noun its adjective qualifies: «العاصمة المصرية», not «المصرية». */
function placeText(m: ActorMention, toks: Tok[]): string {
  const noun = toks[m.i - 1];
  // («في خليج عدن»: the gulf, not the town)
  const i =
    (m.kind === 'demonym' && noun && PLACE_NAME_NOUN.test(noun.n)) || (noun && SEA.test(noun.n))
      ? m.i - 1
      : m.i;
  let text = '';
  for (let k = i; k < m.j; k++) text += k > i ? ` ${toks[k]!.raw}` : toks[k]!.raw;
  // («بالعاصمة»: the clitic preposition is not part of the place)
  return i < m.i || m.prep === 'ب' || m.prep === 'ل' ? text.replace(/^(?:و|ف)?(?:ب|في|ل)?(?=ال)/u, '') : text;
}

/**
 * «يزور الوزير الخرطوم، حيث سيلتقي نظيره»: a verb after «حيث» whose nearest bare mention before is
 * a state or a capital — the place «حيث» points to, no subject; the clause's subject carries over.
 */
function placeBeforeWhere(head: number, ctx: RoleContext): boolean {
  if (ctx.toks[head - 1]?.n !== 'حيث') return false;
  for (let q = ctx.mentions.length - 1; q >= 0; q--) {
    const m = ctx.mentions[q]!;
    if (m.j > head || m.prep) continue;
    return m.kind === 'country' || m.kind === 'capital';
  }
  return false;
}

/** The mention sits on the phrase's last word (a slot of the trigger, not a word in its gap). */
function inPhraseSlot(m: ActorMention, hit: TriggerHit): boolean {
  return m.j === hit.j;
}

function hitBetween(ctx: RoleContext, a: number, b: number, self: TriggerHit): boolean {
  return ctx.hits.some((h) => h !== self && h.head > a && h.head < b);
}

/** «حسب رويترز», «وفق ما نقلته وكالة …», «نقلا عن …»: who reports it, never a target. */
const ACCORDING_TO = /^(?:و)?(?:حسب|بحسب|وفق|وفقا|طبقا|نقلا|نقلته|اوردته|ذكرته|افادت|اكدته)$/;
const reported = (m: ActorMention, toks: Tok[]) =>
  ACCORDING_TO.test(toks[m.i - 1]?.n ?? '') ||
  ACCORDING_TO.test(toks[m.i - 2]?.n ?? '') ||
  (toks[m.i - 2]?.n === 'ما' && ACCORDING_TO.test(toks[m.i - 3]?.n ?? ''));

/** A verb whose ending carries its plural subject («طالبوا», «يطالبون»): the mention after is its object. */
function pluralVerb(hit: TriggerHit, toks: Tok[]): boolean {
  if (hit.entry.kind !== 'verb') return false;
  const forms = hit.entry.slots[0] ?? [];
  const c = toks[hit.head]!.cands.find((x) => forms.includes(x));
  return c !== undefined && /(?:وا|ون)$/.test(c) && c.length > 4;
}

/** «خلالها»: "during it", pointing back to the noun before the verb. */
const DURING = /^(?:خلالها|خلاله)$/;

/** «تعرض/تعرضت لـ»: to undergo (an attack, a raid). */
/** Modes whose masdar takes the one it happens to as its genitive («اعتقال X», «اختطاف X»). */
const PATIENT_MODES = new Set(['arrest', 'detain', 'abduct', 'expel']);
/** Masdars heading a phrase with an object of their own («تعليق مشاركة», «تسليم مطلوبين»). */
const MASDAR_HEAD = /^(?:[وف])?(?:[بل])?(?:ال)?(?:تعليق|تسليم|تجميد|اغلاق|ادراج|افتتاح|فتح)$/;
/** «تمّ/يتمّ/سيتمّ» + masdar: the passive of Maghrebi and wire Arabic. */
const PASSIVE_AUX = /^(?:[وف])?(?:تم|يتم|سيتم|وقع)$/;
const UNDERGO = /^(?:و)?(?:تعرض|تعرضت|تعرضوا|تعرضا|يتعرض|تتعرض|يتعرضون)$/;

/** Verbs of being hurt or killed, in the passive or intransitive: «أصيب», «جُرح», «استشهد», «لقي (حتفه)». */
const HURT =
  /^(?:[وف])?(?:اصيب|اصيبت|اصيبا|اصيبوا|جرح|جرحت|جرحوا|استشهد|استشهدت|استشهدوا|توفي|توفيت|لقي|لقيت|لقوا)$/;
/** What a harm is suffered in or from: «في القصف», «جراء الغارة», «إثر هجوم», «خلال اشتباكات». */
const HURT_IN = /^(?:[وف])?(?:في|جراء|اثر|خلال|بسبب)$/;

/**
 * For «أصيب ثلاثة مواطنين في القصف», «المواطنون أصيبوا جراء الغارة»: the ones hurt or killed in
 * the nominal act (named between the verb and the act, or right before the verb) are its target,
 * never its doer.
 */
function hurtIn(hit: TriggerHit, ctx: RoleContext): ActorMention | undefined {
  const verb = hurtVerb(hit, ctx);
  if (verb < 0) return undefined;
  const { mentions } = ctx;
  return mentions.find((m) => m.i > verb && m.j <= hit.head) ?? mentions.find((m) => m.j === verb);
}

/**
 * The civilians before a verb of killing are its victims: a people's sector, and no bare mention
 * (an object: «مستوطنين قتلوا فلسطينيًا») in the two words after the verb.
 */
function killedSubject(m: ActorMention, hit: TriggerHit, ctx: RoleContext): boolean {
  const { toks, mentions } = ctx;
  if (hit.entry.kind !== 'verb' || !m.actors.length || !m.actors.every((a) => a.sector === 'CVL'))
    return false;
  const clause = toks[hit.head]!.clause;
  return !mentions.some((x) => x.i >= hit.j && x.i <= hit.j + 1 && toks[x.i]!.clause === clause && !x.prep);
}

/** The verb of being hurt a nominal act is what was suffered in («أصيبوا جراء الغارة»), else -1. */
function hurtVerb(hit: TriggerHit, ctx: RoleContext): number {
  const { toks } = ctx;
  if (!HURT_IN.test(toks[hit.head - 1]?.n ?? '') && toks[hit.head]!.prep !== 'ب') return -1;
  const clause = toks[hit.head]!.clause;
  const verb = toks.findLastIndex(
    (t, k) => k < hit.head && hit.head - k <= 8 && t.clause === clause && HURT.test(t.n),
  );
  if (verb < 0 || ctx.hits.some((h) => h !== hit && h.head > verb && h.head < hit.head)) return -1;
  return verb;
}

/** For «X تعرض لهجوم»: the mention that underwent the nominal act (its subject, or the place). */
function undergoer(hit: TriggerHit, ctx: RoleContext): ActorMention | undefined {
  const { toks, mentions } = ctx;
  const hurt = hurtIn(hit, ctx);
  if (hurt) return hurt;
  if (toks[hit.head]!.prep !== 'ل' && toks[hit.head - 1]?.n !== 'الي') return undefined;
  const clause = toks[hit.head]!.clause;
  const verb = toks.findLastIndex((t, k) => k < hit.head && t.clause === clause && UNDERGO.test(t.n));
  if (verb < 0) return undefined;
  return (
    mentions.find((m) => m.i > verb && m.j <= hit.head) ?? [...mentions].reverse().find((m) => m.j <= verb)
  );
}

/** Verbs of a relative clause whose object is the one the act hits: «التي طالت», «الذي استهدف». */
const PATIENT_VERB = /^(?:طال|طالت|طاولت|استهدف|استهدفت|يستهدف|تستهدف|اودي|اودت|راح|خلف|خلفت|اسفر|اسفرت)$/;

/**
 * A nominal's relative clause whose verb names the doer after it: «الهجوم الذي شنه مسلحون», «غارة
 * شنتها طائرات», «زيارة أجراها مبعوث», «التماسًا قدّمه الحزب», «إضراب دعا إليه الاتحاد».
 */
const RELATIVE_AGENT =
  /^(?:الذي|التي|شن|شنت|شنه|شنها|شنتها|نفذ|نفذت|نفذه|نفذها|نظمه|نظمها|نظمته|نظمتها|اجراه|اجراها|اجرته|اجرتها|اجروها|اداها|ادتها|قدمه|قدمها|قدمته|قدمتها|تقدم|تقدمت|دعا|دعت|اطلقه|اطلقها|اطلقته|اطلقتها)/;

/** Types whose phrase ends on the one the act is done to: «طرد السفير», «فرّق المتظاهرين». */
const DONE_TO = new Set(['SANCTION', 'COERCE']);

/** Last slots of a phrase that end it with a preposition: what follows is the object. */
const PREP_END = /^(?:مع|جانب|بجانب|خلف|علي|عن)$/;

/**
 * Verbs that only carry a nominal act: «شن هجومًا», «نفذ ضربات», «أقدم على قصف», «قام بعملية»; and a
 * response carried by «بـ» in a finite verb («في هجوم ردت عليه إسرائيل بقصف مدفعي»: the responder shells;
 * not «رد» nor «ردًا», also the noun and the adverbial «ردًا على» — what answers is named after them).
 */
const LIGHT_VERB =
  /^(?:و)?(?:ردت|ردوا|يرد|ترد|يردون|شن|شنت|شنوا|شنا|يشن|تشن|يشنون|نفذ|نفذت|نفذوا|نفذا|ينفذ|تنفذ|ينفذون|اقدم|اقدمت|اقدموا|قام|قامت|قاموا|يقوم|تقوم|تولي|تولت|تولوا|يتولي|تتولي|تمكن|تمكنت|تمكنوا|يتمكن|تتمكن|عمد|عمدت|عمدوا)$/;

/** The subject of a light verb (or of `verbs`) just before a nominal trigger (between them, else before the verb). */
function lightVerbSubject(hit: TriggerHit, ctx: RoleContext, verbs = LIGHT_VERB): ActorMention | undefined {
  const { toks, mentions } = ctx;
  const clause = toks[hit.head]!.clause;
  for (let l = hit.head - 1; l >= Math.max(0, hit.head - 6); l--) {
    const t = toks[l]!;
    if (t.punct || t.clause !== clause) return undefined;
    if (!verbs.test(t.n)) continue;
    const between = mentions.find((m) => m.i > l && m.j <= hit.head && !m.prep && !isLocation(m, toks));
    if (between) return between;
    for (let q = mentions.length - 1; q >= 0; q--) {
      const m = mentions[q]!;
      if (m.j > l || m.prep || isLocation(m, toks)) continue;
      return toks[m.i]!.clause === clause ? m : undefined;
    }
    return undefined;
  }
  return undefined;
}

/** «أنه/إنها/بأنهم …»: «أن» carrying the subject of the clause it opens as a pronoun. */
const THAT_PRONOUN = /^(?:[وف])?(?:ب|ل)?ان(?:ه|ها|هم|هما|هن|نا|ني)$/;

/**
 * «قال الوزير إنه التقى الرئيس السوداني», «وأضافت أنها ستزور الخرطوم»: a verb right after «أنه»
 * (particles «قد/لم/لن/سوف» between) has that pronoun as its subject; the mention after the verb
 * is its object, not a VSO subject.
 */
function pronounSubject(hit: TriggerHit, toks: Tok[]): boolean {
  if (hit.entry.kind === 'noun' || hit.entry.flags.has('nominal')) return false;
  let k = hit.head - 1;
  while (k >= 0 && hit.head - k <= 3 && PRE_VERB.test(toks[k]!.n)) k--;
  return THAT_PRONOUN.test(toks[k]?.n ?? '');
}

/** Verbs whose subject does the act of the masdar they take: «قرر/أعاد/بدأ/قررت … فرض …». */
const DECIDE =
  /^(?:[وف])?(?:قرر|قررت|قرروا|قررا|يقرر|تقرر|اعاد|اعادت|اعادوا|يعيد|تعيد|بدا|بدات|بداوا|يبدا|تبدا|باشر|باشرت|يباشر|تباشر|واصل|واصلت|يواصل|تواصل|استانف|استانفت|يستانف|تستانف)$/;

/**
 * The subject of a deciding verb right before a masdar phrase («قرر الاتحاد الأوروبي رفع …»,
 * «الاتحاد الأوروبي قرر رفع …», «أعادت بريطانيا وفرنسا فرض …»), found as a light verb's is.
 */
const deciderSubject = (hit: TriggerHit, ctx: RoleContext): ActorMention | undefined =>
  lightVerbSubject(hit, ctx, DECIDE);

/** Nouns whose genitive is an act they report on, not an act of the sentence's subject: «لضحايا الهجوم». */
const TOLL_OF =
  /^(?:[وف])?(?:ب|ل)?(?:ال)?(?:ضحايا|قتلي|جرحي|مصابي|حصيله|ذكري|اثار|تداعيات|عواقب|صور|فيديو|تفاصيل|منفذي|منفذ)$/;

/** The verb opens a relative clause: «الذي/التي» right before it (time words between). */
function relativeVerb(hit: TriggerHit, toks: Tok[]): boolean {
  for (let k = hit.head - 1; k >= Math.max(0, hit.head - 3); k--) {
    const t = toks[k]!;
    if (/^(?:الذي|التي|الذين|اللذين|اللتين|اللذان|اللتان)$/.test(t.n)) return true;
    if (t.punct || !SKIPPABLE.test(t.n)) return false;
  }
  return false;
}

/**
 * «الرئيس التونسي، الذي دعا الحكومة إلى …», «بالمبعوث الأمريكي الذي التقى …»: a relative clause's
 * verb with no object pronoun on it has the antecedent — the mention right before the relative
 * pronoun (a comma between) — as its subject, and the mention after it is its object. With an
 * object pronoun («الاتفاق الذي وقعه الوزير», «الدعوة التي وجهتها الحكومة») the relative pronoun is
 * the object and the name after the verb its subject (the VSO reading, left to the caller).
 */
function relativeSubject(hit: TriggerHit, ctx: RoleContext): ActorMention | undefined {
  const { toks, mentions } = ctx;
  if (hit.entry.kind !== 'verb') return undefined;
  let r = -1;
  for (let k = hit.head - 1; k >= Math.max(0, hit.head - 3); k--) {
    const t = toks[k]!;
    if (RELATIVE_PRONOUN.test(t.n)) {
      r = k;
      break;
    }
    if (t.punct || !SKIPPABLE.test(t.n)) return undefined;
  }
  if (r < 0) return undefined;
  // the object pronoun: the verb as written is no form of the trigger, it is one bare of the suffix
  const n = toks[hit.head]!.n;
  if (!hit.entry.slots[0]!.includes(n) && /(?:هما|هم|ها|ه)$/.test(n)) return undefined;
  const end = /^[،,]$/.test(toks[r - 1]?.raw ?? '') ? r - 1 : r;
  const m = mentions.find((x) => x.j === end);
  if (!m || m.kind === 'recip' || m.kind === 'pronoun' || m.weapon || isLocation(m, toks)) return undefined;
  return m;
}

/** Verbs built «V someone بـ/إلى/على something»: accuse, demand, urge, call, threaten. */
const OBJECT_FRAME = new Set<PloverType>(['ACCUSE', 'REQUEST', 'THREATEN']);

/**
 * A coordinated verb («…، واتهمت إسرائيل بانتهاك») whose clause follows a main verb with a
 * subject of its own: the bare mention after it, followed by بـ/إلى/على, is its object.
 */
function objectFrame(hit: TriggerHit, m: ActorMention, ctx: RoleContext): boolean {
  const { toks } = ctx;
  if (!OBJECT_FRAME.has(hit.entry.type) || hit.entry.kind !== 'verb' || m.prep) return false;
  if (!toks[hit.head]!.n.startsWith('و') || m.i !== hit.j) return false;
  const before = ctx.prevMain ?? ctx.prev;
  if (!before?.source.length) return false;
  const next = toks[m.j];
  if (!next || next.punct) return false;
  // («واتهمت نيامي بـ"مصادرة …"»: a «بـ» written apart before a quote)
  return next.prep === 'ب' || /^(?:ب|الي|علي)$/.test(next.n);
}

/** A word with the article, a clitic conjunction or preposition before it allowed. */
const DEFINITE_WORD = /^(?:[وف])?(?:[بلك])?ال/;
/** «جميع الأطراف»: the sides of a conflict, of the place it is in. */
const PARTIES = /^(?:ال)?(?:اطراف|طرفين|طرفان)$/;
/** Bodies of states called on with no name: «المجتمع الدولي», «الدول المانحة», «الحلفاء الغربيين». */
const STATES_CALLED = /^(?:ال)?(?:مجتمع|دول|مانحين|حلفاء|اسره)$/;

/** Words of time between a verb and its object: «دعت اليوم …». */
const TIME_WORD =
  /^(?:امس|اليوم|غدا|السبت|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|الماضي|الماضيه|الجاري|صباح|مساء|يوم)$/;

/**
 * A request's object slot, from `from` to the «إلى/بـ» of what is asked, holds a noun phrase that is
 * no actor («المجتمع الدولي», «الدول المانحة»), and the first mention after the verb is past it,
 * inside what is asked: the one called on is unnamed.
 */
function calledOnUnnamed(
  toks: Tok[],
  from: number,
  first: ActorMention,
  mentions: ActorMention[],
  object: boolean,
): boolean {
  let k = from;
  while (k < first.i && !(toks[k]!.n === 'الي' || toks[k]!.prep === 'ب')) k++;
  if (k >= first.i || k === from || k - from > 4) return false;
  // («داعيةً جميع الأطراف إلى …»: the parties are the place's, left to the place)
  if (toks.slice(from, k).some((t) => PARTIES.test(t.n))) return false;
  if (!object && !STATES_CALLED.test(toks[from]!.n)) return false;
  return toks.slice(from, k).every(
    (t) =>
      !t.punct &&
      !t.prep &&
      // («وطالبت واشنطن وسان سالفادور», «وطالب نواب يمينيون»: more of the subject, not its object)
      !/^و|ون$/.test(t.n) &&
      !TIME_WORD.test(t.n) &&
      !/^(?:في|من|علي|عن|مع|خلال|الي)$/.test(t.n) &&
      !mentions.some((m) => m.i <= t.i && t.i < m.j),
  );
}

type Gender = 'm' | 'f' | undefined;

const disagrees = (a: Gender, b: Gender) => a !== undefined && b !== undefined && a !== b;

/** The gender of a finite verb trigger as written (3rd person), when its form shows it. */
export function verbGender(hit: TriggerHit, toks: Tok[]): Gender {
  if (hit.entry.kind !== 'verb') return undefined;
  const forms = hit.entry.slots[0] ?? [];
  const t = toks[hit.head]!;
  let c = t.cands.find((x) => forms.includes(x));
  if (!c) return undefined;
  if (/^[وف]/.test(c) && forms.includes(c.slice(1))) c = c.slice(1); // «وحث!» listed literally

  if (/^ي/.test(c) && forms.includes(`ت${c.slice(1)}`)) return 'm';
  if (/^ت/.test(c) && forms.includes(`ي${c.slice(1)}`) && !/(?:ون|ان|وا|ين)$/.test(c)) return 'f';
  if (c.endsWith('ت') && forms.includes(c.slice(0, -1))) return 'f';
  if (c.endsWith('ت') && c.length > 2 && forms.includes(`${c.slice(0, -1)}ا`)) return 'f'; // دعت / دعا
  if (forms.includes(`${c}ت`)) return 'm';
  if (c.endsWith('ا') && forms.includes(`${c.slice(0, -1)}ت`)) return 'm'; // دعا / دعت
  return undefined;
}

/** States named as masculine in news Arabic («أعلن العراق», «أكد لبنان»): no agreement test. */
const MASCULINE_STATES = new Set(['IRQ', 'JOR', 'LBN', 'SDN', 'SSD', 'MAR', 'YEM', 'BHR']);
/** Bodies whose name is masculine («مجلس الأمن», «الاتحاد الأوروبي», «حزب الله»). */
const MASCULINE_BODY = /^(?:[وف])?(?:ب|ل)?(?:ال)?(?:مجلس|اتحاد|حزب|حلف|جيش|برلمان|صندوق|بنك|تنظيم|كونغرس)$/;

/** Grammatical gender of an actor mention, when it is clear: states and capitals are feminine. */
function mentionGender(m: ActorMention, toks: Tok[]): Gender {
  const first = toks[m.i]!.n;
  if (m.kind === 'capital') return 'f';
  if (m.kind === 'country') {
    if (m.noun) return toks[m.i]!.raw.endsWith('ة') ? 'f' : 'm';
    if (/^(?:[وف])?(?:ال)?(?:احتلال|كيان|نظام)/.test(first)) return undefined;
    const c = m.actors[0]?.country;
    return c && !MASCULINE_STATES.has(c) && m.actors[0]?.sector !== 'REB' ? 'f' : undefined;
  }
  if (m.kind === 'group') {
    if (MASCULINE_BODY.test(first)) return 'm';
    if (toks[m.i]!.raw.endsWith('ة')) return 'f';
  }
  return undefined;
}

/** Sectors that march, strike and sit in: civilians, unions, the opposition, parties, NGOs. */
const MARCHERS = new Set(['CVL', 'LAB', 'OPP', 'PTY', 'NGO', 'EDU', 'REL']);

/** Reactions whose object may be an act named by a noun: «أدان الهجوم», «رحب بالاتفاق». */
const REACTIONS = new Set<PloverType>(['SUPPORT', 'ACCUSE', 'REJECT']);
/** Words before a nominal that make it a circumstance, not an object: «في اتصال هاتفي». */
const CIRCUMSTANCE = /^(?:و)?(?:في|خلال|اثناء|عقب|بعد|قبل|اثر|اثناء|اعقاب|اطار)$/;

/**
 * The nominal is the object of the reaction just before it («أدانت حركة حماس، في بيان، القصف»,
 * «ندد حزب الله بالهجوم», «أعرب عن ترحيبه بالإفراج»): only the reaction's subject, a
 * parenthetical between commas and at most two other words stand between them.
 */
/** Kept per hit: hits are made per sentence, and the answer depends only on the sentence's tokens, mentions and hits. */
const reactionObjects = new Map<TriggerHit, boolean>();
/** The sentence (its token list) the answers in `reactionObjects` are of; emptied when another comes. */
let reactionObjectsOf: Tok[] | undefined;

export function reactionObject(hit: TriggerHit, ctx: RoleContext): boolean {
  if (ctx.toks !== reactionObjectsOf) {
    reactionObjects.clear();
    reactionObjectsOf = ctx.toks;
  }
  let v = reactionObjects.get(hit);
  if (v === undefined) {
    v = isReactionObject(hit, ctx);
    reactionObjects.set(hit, v);
  }
  return v;
}

function isReactionObject(hit: TriggerHit, ctx: RoleContext): boolean {
  const { toks } = ctx;
  const head = hit.head;
  let before: TriggerHit | undefined;
  for (const h of ctx.hits) if (h !== hit && h.head < head && (!before || h.head > before.head)) before = h;
  if (!before || !REACTIONS.has(before.entry.type) || before.j > head) return false;
  if (CIRCUMSTANCE.test(toks[head - 1]?.n ?? '')) return false;
  const p = toks[head]!.prep;
  if (p && p !== 'ب' && p !== 'ل') return false;
  let words = 0;
  let paren = false;
  for (let k = before.j; k < head; k++) {
    const t = toks[k]!;
    if (t.raw === '،' || t.raw === ',') {
      paren = !paren;
      continue;
    }
    // («رحبت «أوبك+» بالاتفاق»: the quotes around a name)
    if (QUOTE_MARK.test(t.raw) && ctx.mentions.some((m) => !m.prep && (m.i === k + 1 || m.j === k))) continue;
    if (t.punct) return false;
    if (paren) continue;
    if (ctx.mentions.some((m) => m.i <= k && k < m.j && !m.prep)) continue;
    if (++words > 2) return false;
  }
  return !paren;
}

/** Speech acts a circumstantial participle makes («مشيدًا», «متهمًا», «داعيًا», «مهددًا», «رافضًا»). */
const SAYING = new Set<PloverType>(['SUPPORT', 'ACCUSE', 'REQUEST', 'THREATEN', 'REJECT']);

/** Acts done to people by a state's organs: arresting, holding, expelling, releasing. */
const SEIZE_MODES = new Set(['arrest', 'detain', 'abduct', 'expel', 'release']);
/** Sectors that never seize or release anyone: civilians, the press, schools, unions, NGOs, clergy. */
const SEIZED = new Set(['CVL', 'MED', 'EDU', 'LAB', 'NGO', 'REL']);

/** The mention after a verb of seizing or releasing is its object: only people of a sector that seizes no one. */
function seizedAfter(hit: TriggerHit, m: ActorMention): boolean {
  return (
    (hit.entry.type === 'COERCE' || hit.entry.type === 'CONCEDE') &&
    SEIZE_MODES.has(hit.entry.mode) &&
    m.actors.length > 0 &&
    m.actors.every((a) => a.sector !== undefined && SEIZED.has(a.sector))
  );
}

/** «باسم» (on behalf of, in the name of) right before a mention. */
const ON_BEHALF = /^(?:[وف])?باسم$/;

/** A group named by its adjective, one word in «-ي/-ية/-يا»: «هجومًا حوثيًا», «الهجمات الحوثية». */
function groupAdjective(m: ActorMention, toks: Tok[]): boolean {
  return m.kind === 'group' && m.j === m.i + 1 && /(?:ي|يه|يا)$/.test(toks[m.i]!.n);
}

/**
 * «أدانت لبنان قصفًا إسرائيليًا»: a verb form read with an indefinite accusative ending («قصفا»,
 * the dual «they two shelled») right before an accusative adjective of a state or group is the
 * masdar, the act named, and the adjective its agent — not a verb with «لبنان» as its subject.
 */
function accusativeMasdar(hit: TriggerHit, ctx: RoleContext): boolean {
  const { toks, mentions } = ctx;
  // (an attack only: «رفض طلبًا فيتناميًا» keeps the request's verb reading, its target the rejecter)
  if (hit.entry.type !== 'ASSAULT' || hit.entry.kind !== 'verb' || hit.j !== hit.head + 1) return false;
  const t = toks[hit.head]!;
  // («قتلوا فلسطينيًا»: a plural verb's «ـوا» is no accusative ending)
  if (t.prep || /^[وف]/.test(t.n) || !/[^ا]ا$/.test(t.n) || t.n.endsWith('وا')) return false;
  const m = mentions.find((x) => x.i === hit.j);
  return (
    m !== undefined &&
    !m.prep &&
    (m.kind === 'demonym' || groupAdjective(m, toks)) &&
    /يا$/.test(toks[m.j - 1]!.n)
  );
}

/** A nominal's agent adjective: a demonym right after it, past at most two adjectives. */
function agentAdjective(hit: TriggerHit, ctx: RoleContext): ActorMention | undefined {
  const { toks, mentions } = ctx;
  // «اعتقال قيادي تونسي», «بطرد تونسي»: after an indefinite masdar of seizing someone the demonym
  // is the one seized; only a definite adjective on a definite masdar is its agent («الاعتقالات الإسرائيلية»)
  const patient = PATIENT_MODES.has(hit.entry.mode);
  if (patient && !/^(?:[وف])?(?:ب|ل)?ال/.test(toks[hit.head]!.n)) return undefined;
  for (let k = hit.j; k < Math.min(toks.length, hit.j + 3); k++) {
    const m = mentions.find((x) => x.i === k);
    if (m) {
      if (!(m.kind === 'demonym' || groupAdjective(m, toks)) || m.prep || m.actors.length !== 1)
        return undefined;
      if (patient && (m.i !== hit.j || !toks[m.i]!.n.startsWith('ال'))) return undefined;
      // «المحادثات الإيرانية الأمريكية»: two sides, not one agent
      const next = mentions.find((x) => x.i === m.j);
      if (next?.kind === 'demonym') return undefined;
      return m;
    }
    const t = toks[k]!;
    if (t.punct || t.prep || is(t, BIT.trigger) || !/^ال|[يه]$/.test(t.n)) return undefined;
    if (/^(?:الذي|التي|الذين)$/.test(t.n)) return undefined;
  }
  return undefined;
}

/** Going, readiness and invitations a purpose masdar («للقاء», «لزيارة») follows. */
const GOING_TO =
  /^(?:[وف])?(?:توجه|توجهت|يتوجه|تتوجه|سيتوجه|ستتوجه|وصل|وصلت|يصل|تصل|سافر|سافرت|يسافر|تسافر|غادر|غادرت|يغادر|تغادر|حل|حلت|يحل|انتقل|انتقلت|ذهب|ذهبت|يستعد|تستعد|استعداد|استعداده|استعدادها|استعدادهم|مستعد|مستعده|دعوه|دعوته|دعوتها|دعا|دعت|يدعو|تدعو)$/;

/** Particles between an SVO subject and its verb: «الحكومة لن تلتقي», «إيران قد ترد». */
const PRE_VERB = /^(?:لن|لم|لا|قد|سوف|لقد|ما|ف?سوف)$/;

/**
 * SVO: a bare mention right before a finite verb (particles «لن/لم/لا/قد» between) is its
 * subject — «الحكومة لن تلتقي وفد المعارضة»: the government meets, the delegation is met. Not
 * after «و» on the verb (a coordinated verb keeps the subject before it), not a place, not a
 * mention the verb's gender rules out.
 */
function subjectBefore(hit: TriggerHit, ctx: RoleContext): ActorMention | undefined {
  const { toks, mentions } = ctx;
  const head = hit.head;
  if (hit.entry.kind === 'noun' || hit.entry.flags.has('participle')) return undefined;
  const issuer = statementIssuer(toks, mentions, head);
  if (issuer) return issuer;
  const antecedent = relativeSubject(hit, ctx);
  if (antecedent) return antecedent;
  if (hit.entry.kind !== 'verb' || /^[وف]/.test(toks[head]!.n)) return pluperfectSubject(hit, ctx);
  let k = head - 1;
  while (k >= 0 && head - k <= 2 && PRE_VERB.test(toks[k]!.n)) k--;
  const m = mentions.find((x) => x.j === k + 1);
  if (
    !m ||
    m.prep ||
    m.kind === 'recip' ||
    m.counterpart ||
    m.weapon ||
    isLocation(m, toks) ||
    toks[m.i]!.clause !== toks[head]!.clause ||
    disagrees(verbGender(hit, toks), mentionGender(m, toks))
  )
    return m?.kind === 'recip' ? undefined : pluperfectSubject(hit, ctx);
  return m;
}

/** «فيه/فيها» after a verb: the relative clause of a statement («بيانًا أكد فيه …»). */
const IN_IT = /^(?:فيه|فيها|فيهما|خلاله|خلالها)$/;
/** A statement issued: «بيان», «بلاغ», «رسالة», «مذكرة», «تقرير», «كلمة» (and their accusative). */
const STATEMENT =
  /^(?:[وف])?(?:ال)?(?:بيان|بيانا|بلاغ|بلاغا|رساله|مذكره|تقرير|تقريرا|تصريح|تصريحا|كلمه|خطاب|خطابا|برقيه|مراسله|نداء|بيانات|بلاغات)$/;
/** A statement a verb is done by: «ردت … ببيان», «خرج … بتصريح». */
const BY_STATEMENT = /^(?:[وف])?ب(?:بيان|رساله|تصريح|تصريحات|كلمه|خطاب|تغريده|مذكره)$/;
/** Verbs that issue a statement: «أصدر», «نشر», «وجّه», «أرسل», «ألقى», «وزّع». */
const ISSUE =
  /^(?:[وف])?(?:قد)?(?:اصدر|اصدرت|اصدرا|اصدرتا|اصدروا|يصدر|تصدر|نشر|نشرت|نشروا|وجه|وجهت|وجهوا|ارسل|ارسلت|القي|القت|وزع|وزعت|اذاع|اذاعت)$/;
/** What may stand between the issuing verb and the statement, or between it and its relative clause. */
const STATEMENT_FILLER = /^(?:و)?(?:قد|الذي|التي|الذين)$/;

/**
 * «أصدر الحزب بيانًا، تلقت إذاعة موزاييك نسخة منه، أكد فيه تأييده …», «أصدرت الوزارة بلاغًا
 * نشرته وكالة الأنباء دعت فيه …»: the one speaking in a statement («… فيه») is who issued it —
 * the subject of «أصدر» (after it, or before it: «الحزب الذي أصدر بيانًا»), not the outlet named
 * nearer. `k` is the verb right before «فيه»; undefined when no issued statement is found.
 */
export function statementIssuer(toks: Tok[], mentions: ActorMention[], k: number): ActorMention | undefined {
  if (!IN_IT.test(toks[k + 1]?.n ?? '')) return undefined;
  let st = -1;
  for (let q = k - 1; q >= 0 && k - q <= 14; q--) {
    const t = toks[q]!;
    if (t.punct && !/^[،,"“”«»()-]$/.test(t.raw)) return undefined;
    if (STATEMENT.test(t.n) || BY_STATEMENT.test(t.n)) {
      st = q;
      break;
    }
  }
  if (st < 0) return undefined;
  const bareOne = (m: ActorMention | undefined) =>
    m && !m.prep && !m.weapon && !isLocation(m, toks) ? m : undefined;
  // «وردت الخارجية الجزائرية ببيان اتهمت فيه الرباط …»: who answered by a statement, the
  // name nearest before it in its clause
  if (BY_STATEMENT.test(toks[st]!.n)) {
    for (let q = st - 1; q >= 0 && st - q <= 8; q--) {
      if (toks[q]!.punct && !/^[،,]$/.test(toks[q]!.raw)) break;
      const m = bareOne(mentions.find((x) => x.j === q + 1 && x.i <= q));
      if (m) return m;
    }
    return undefined;
  }
  let issue = -1;
  for (let q = st - 1; q >= 0 && st - q <= 8; q--) {
    const t = toks[q]!;
    if (t.punct && !/^[،,]$/.test(t.raw)) break;
    if (ISSUE.test(t.n)) {
      issue = q;
      break;
    }
  }
  if (issue < 0) return undefined;
  // VSO: the first bare name between the verb and the statement
  const after = bareOne(mentions.find((m) => m.i > issue && m.j <= st));
  if (after) return after;
  // SVO, or a relative clause's antecedent: the name right before the verb («قد», «الذي», a comma between)
  let q = issue - 1;
  while (q >= 0 && (STATEMENT_FILLER.test(toks[q]!.n) || /^[،,]$/.test(toks[q]!.raw))) q--;
  return bareOne(mentions.find((m) => m.j === q + 1));
}

/** «كان/كانت» of the pluperfect «كان X قد فعل», by the gender it shows. */
const KANA = /^(?:[وف])?(?:كان|كانت|كانوا|كانا|كانتا)$/;
const RELATIVE_PRONOUN = /^(?:الذي|التي|الذين|اللذان|اللتان)$/;
/** The furthest «كان» of a pluperfect may stand before «قد»: an apposition between commas, a title. */
const KANA_SPAN = 16;

/**
 * The pluperfect «وكان وزير الخارجية قد التقى نظيره …», «وكانت السلطات السورية قد سلمت الجانب
 * العراقي … مطلوبًا», «وكان كولي، زعيم حزب …، قد أُوقف»: the subject is the name that opens right
 * after «كان», whatever stands between it and «قد» (an apposition, a title) — for a phrase trigger
 * too, whose gap may hold its object.
 */
function pluperfectSubject(hit: TriggerHit, ctx: RoleContext): ActorMention | undefined {
  const { toks, mentions } = ctx;
  const head = hit.head;
  if (toks[head - 1]?.n !== 'قد') return undefined;
  let kana = -1;
  for (let k = head - 2; k >= 0 && head - k <= KANA_SPAN; k--) {
    const t = toks[k]!;
    if (t.punct && !/^[،,"“”«»()-]$/.test(t.raw)) return undefined;
    if (KANA.test(t.n)) {
      kana = k;
      break;
    }
    // another verb between is another clause's — unless it is a relative clause on the subject
    // («وكان الوزير، الذي زار عمّان الأسبوع الماضي، قد التقى …»)
    if (ctx.hits.some((h) => h.head === k) && !RELATIVE_PRONOUN.test(toks[k - 1]?.n ?? '')) return undefined;
  }
  if (kana < 0) return undefined;
  let m = mentions.find((x) => x.i === kana + 1 && x.j < head);
  // («وكانت قوات الجيش الليبي قد قصفت»: a sector noun's genitive that names the body is the subject)
  const named = m && mentions.find((x) => x.i === m!.j && x.j < head && !x.prep);
  if (named && !m!.actors.some((a) => a.entityId) && named.actors.some((a) => a.entityId)) m = named;
  // («وكان رئيسا وزراء البلدين قد التقيا»: the two named by «البلدين» are the subject)
  if (mentions.some((x) => x.kind === 'recip' && x.i > kana && x.j <= head)) return undefined;
  if (!m || m.prep || m.kind === 'recip' || m.counterpart || m.weapon || isLocation(m, toks))
    return undefined;
  const kanaGender: Gender = /كان(?:ت|تا)$/.test(toks[kana]!.n)
    ? 'f'
    : /كان$/.test(toks[kana]!.n)
      ? 'm'
      : undefined;
  if (disagrees(kanaGender, mentionGender(m, toks))) return undefined;
  return m;
}

/**
 * «أدانت ألمانيا الهجوم، وقدمت النمسا مساعدات إنسانية»: a nominal that is the first trigger of a
 * later clause, after a verb with its own subject, belongs to that subject — not to the event
 * of the clause before. The subject is a bare mention of the clause, at most three words in,
 * after at least one word (the verb).
 */
function ownClauseSubject(hit: TriggerHit, ctx: RoleContext): ActorMention | undefined {
  const { toks, mentions } = ctx;
  const head = hit.head;
  const clause = toks[head]!.clause;
  if (ctx.hits.some((h) => h !== hit && h.head < head && toks[h.head]!.clause === clause)) return undefined;
  const start = toks.findIndex((t) => t.clause === clause && !t.punct);
  if (start <= 0) return undefined;
  const m = mentions.find(
    (x) => x.i > start && x.i <= start + 3 && x.j <= head && toks[x.i]!.clause === clause,
  );
  if (!m || m.prep || m.kind === 'recip' || m.counterpart || isLocation(m, toks)) return undefined;
  return m;
}

/**
 * «أفرجت السلطات عن صحفيين كانوا محتجزين لديها», «مواطن كان معتقلًا منذ …»: a passive participle of
 * holding someone (flag `held`) has the one held before it, and the captor after «لدى» or, with
 * none named, the source of the act just before it in the sentence (the release); never the held.
 */
function heldRoles(hit: TriggerHit, ctx: RoleContext): Roles | undefined {
  if (!hit.entry.flags.has('held')) return undefined;
  const { toks, mentions } = ctx;
  const speaker = ctx.speakerFor(hit.head)?.actors ?? [];
  let held: ActorMention | undefined;
  for (const m of mentions) if (m.j <= hit.head && !isLocation(m, toks) && m.kind !== 'pronoun') held = m;
  const by = mentions.find(
    (m) =>
      m.i >= hit.j - 1 &&
      m.i <= hit.j + 1 &&
      m.prep === 'لدي' &&
      toks[m.i]!.clause === toks[hit.head]!.clause,
  );
  const target = held ? resolveAll(withCoordinated(held, ctx), ctx, speaker) : [];
  const source = by
    ? resolve(by, ctx, speaker)
    : (ctx.prev?.source ?? []).filter((a) => !target.some((t) => t === a));
  return {
    source,
    target,
    reciprocal: false,
    explicitSource: by !== undefined,
    adjectival: undefined,
    sourceMention: by,
    location: undefined,
  };
}

/** «تدهور العلاقات بين البلدين»: the relations between two sides are what an act is about, not whom it is aimed at. */
const RELATIONS_BEFORE = /^[وبل]?(?:ال)?علاق(?:ات|ه)$/;

/** «بمشاركة»: after a joint act's noun, who takes part in it («مناورات … بمشاركة قوات من …»). */
const PARTAKING = /^و?بمشاركه$/;

export function assignRoles(hit: TriggerHit, ctx: RoleContext): Roles {
  const held = heldRoles(hit, ctx);
  if (held) return held;
  const { toks, mentions } = ctx;
  const head = hit.head;
  const clause = toks[head]!.clause;
  const type = hit.entry.type;
  const flags = hit.entry.flags;
  const speaker = ctx.speakerFor(head);
  let source: Actor[] = [];
  let target: Actor[] = [];
  let reciprocal = false;
  let explicitSource = false;
  let srcMention: ActorMention | undefined;
  /** The source and target are the two parties of the event before (an agreement signed at it). */
  let twoParties = false;
  let noAgent = false;
  let relClause = false;
  /** The source is a light verb's subject («نظمت النقابة وقفة»): the nominal's own agent. */
  let ownAgent = false;
  const after = mentions.filter((m) => m.i >= hit.i + 1 && toks[m.i]!.clause === clause);
  const nextHit = ctx.hits.find((h) => h.head > head && toks[h.head]!.clause === clause);
  const inScope = (m: ActorMention) => !nextHit || m.i < nextHit.head || m.prep === 'من قبل';

  // «بين X و Y» right after the trigger
  let bein = after.find((m) => m.prep === 'بين' && inScope(m));
  // «مناورات … بمشاركة قوات من مصر والسعودية والإمارات»: who takes part are the sides, as «بين»
  // names them; forces named before the states make the states' armies the sides
  let forces = false;
  if (!bein && PARTAKING.test(toks[hit.j - 1]?.n ?? '')) {
    const first = after.find(
      (m) =>
        m.i <= hit.j + 5 &&
        inScope(m) &&
        m.actors.some((a) => a.country) &&
        m.actors.every((a) => !a.entityId?.startsWith('person:')),
    );
    if (first && !toks.slice(hit.j, first.i).some((t) => t.punct)) {
      bein = first;
      // («بمشاركة نحو 140 طائرة من أستراليا», «بمشاركة قوات من مصر»: what comes from a state is its force)
      forces =
        first.prep === 'من' ||
        after.some((m) => m.i < first.i && m.actors.length === 1 && m.actors[0]!.sector === 'MIL');
    }
  }
  // (the «بين» mention and those coordinated with it, once: the place test below reads them too)
  const beinGroup = bein ? withCoordinated(bein, ctx) : NO_MENTIONS;
  const beinPair = bein
    ? resolveAll(beinGroup, ctx, speaker?.actors ?? []).map((a) =>
        forces && a.country ? { country: a.country, sector: 'MIL' } : a,
      )
    : [];

  // passive agent «من قبل X» / «من جانب X»
  // («استشهد شاب برصاص الاحتلال», «قتل بنيران قوات …»: whose bullets or fire killed is the agent)
  const agentCand = flags.has('governs')
    ? undefined
    : after.find(
        // («وردّ الجيش بغارات بطائرات مسيرة»: a «بـ» of its own is the means, not the genitive)
        (m) =>
          m.prep === 'من قبل' ||
          (hit.entry.type === 'ASSAULT' && !m.prep && BY_FIRE.test(toks[m.i - 1]?.n ?? '')),
      );
  const agent = agentCand && !hitBetween(ctx, head, agentCand.i, hit) ? agentCand : undefined;

  // subject after the trigger (VSO), skipping pronoun-prepositions: «رحبت بها باريس»;
  // a nominal's subject is only a genitive right after it («هجوم الجيش»)
  const accMasdar = accusativeMasdar(hit, ctx);
  const nominal = hit.entry.kind === 'noun' || flags.has('nominal') || accMasdar;
  let subjAfter: ActorMention | undefined;
  let victim: ActorMention | undefined;
  // «تم إيقاف X»: a masdar after «تمّ» is a passive, the genitive after it is the one it happens to
  // «إيقاف شخص», «اعتقال الصحفي»: after a masdar of seizing someone the genitive is the one seized
  const passive =
    nominal &&
    (PASSIVE_AUX.test(toks[head - 1]?.n ?? '') ||
      (hit.entry.kind === 'noun' && PATIENT_MODES.has(hit.entry.mode)));
  let svo = accMasdar ? undefined : subjectBefore(hit, ctx);
  // «قالت الوزارة إن خمسة أشخاص قُتلوا أمس»: civilians right before a verb of killing with no one
  // named after it were killed (the passive, written without its vowels); no one named kills them
  const killedBefore = svo !== undefined && flags.has('victim') && killedSubject(svo, hit, ctx);
  if (killedBefore) {
    victim = svo;
    svo = undefined;
  }
  const gapped = hit.entry.slots.some((x) => x[0] === '*');
  // «ستقف إلى جانب الشعب», «أثنى على الوزير»: after a phrase ending in a preposition comes its object
  const prepEnd = hit.entry.kind === 'phrase' && hit.entry.slots.at(-1)!.some((f) => PREP_END.test(f));
  // «توجه إلى برلين للقاء المستشارة», «دعوته لزيارة تونس»: after a meeting or a visit masdar of
  // purpose the genitive is who is met or visited; the one who goes is the clause's subject
  const purpose =
    type === 'CONSULT' &&
    (hit.entry.mode === 'meet' || hit.entry.mode === 'visit') &&
    hit.entry.kind === 'noun' &&
    toks[head]!.prep === 'ل' &&
    hit.entry.slots[0]!.includes(toks[head]!.n.slice(1)) &&
    // (after going, readiness or an invitation; «اليوم الأول لزيارة الرئيس» is the visit's own day)
    toks.slice(Math.max(0, head - 8), head).some((t) => GOING_TO.test(t.n));
  // «قرر الاتحاد الأوروبي رفع العقوبات الأممية عن سوريا»: the phrase's head is the masdar a deciding
  // verb takes, and that verb's subject lifts them; the adjective after the phrase's object
  // («الأممية») says whose sanctions they are, it does not lift them
  const decider = hit.entry.kind === 'phrase' ? deciderSubject(hit, ctx) : undefined;
  if (
    !purpose &&
    !svo &&
    !decider &&
    !pronounSubject(hit, toks) &&
    !pluralVerb(hit, toks) &&
    !flags.has('participle') &&
    !(hit.entry.kind === 'phrase' && flags.has('nominal')) &&
    !passive &&
    // «ستقف إلى جانب الشعب», «أثنى على الوزير»: after a phrase ending in a preposition comes its object
    !(hit.entry.kind === 'phrase' && !gapped && prepEnd)
  ) {
    const from = hit.entry.kind === 'phrase' && !gapped ? hit.j : head + 1;
    // a gapped one has its subject in the gap («تضامنت النقابات مع …»), never after it
    const to = prepEnd ? hit.j - 1 : hit.j + 3;
    // «تعليق مشاركة النيجر», «تسليم مطلوبين»: after a phrase headed by a masdar, the genitive
    // of its object is whose it is, not who acts
    const masdarHead = gapped && hit.entry.kind === 'phrase' && MASDAR_HEAD.test(toks[head]!.n);
    for (let k = from; k < toks.length && k <= to; k++) {
      if (nominal && k > hit.j) break;
      if (masdarHead && k >= hit.j) break;
      const m = mentions.find((x) => x.i === k);
      // «أطلقوا صاروخًا»: the weapon a phrase names is its object, not its subject
      if (m?.weapon && hit.entry.kind === 'phrase' && m.i < hit.j) continue;
      // «الوزير لن يلتقي نظيره الإثيوبي»: a counterpart after the verb is its object
      if (m?.counterpart) break;
      // «طرد السفير الإثيوبي», «فرّقت المتظاهرين»: in a sanction or a coercion, a mention that opens
      // on the phrase's last word names the one the act is done to (the ambassador of Ethiopia),
      // not who does it (in «حشد قواتها», «خرج المحتجون» that word names the doers)
      if (m && gapped && hit.entry.kind === 'phrase' && m.i === hit.j - 1 && DONE_TO.has(hit.entry.type))
        break;
      if (m) {
        // «وطالب موسكو»: a masculine verb's subject is not a state; «ودعت مجلس الأمن»: nor a feminine verb's a masculine body
        if (hit.entry.kind === 'verb' && disagrees(verbGender(hit, toks), mentionGender(m, toks))) break;
        // «وأدانت الوزارة الغارات، واتهمت إسرائيل بانتهاك …»: a coordinated «V X بـ/إلى/على …» keeps
        // the subject before, X is the one accused, asked or threatened
        if (objectFrame(hit, m, ctx)) break;
        // «اعتقلت ثمانية مواطنين», «أوقفت 23 شخصًا»: civilians after a verb of seizing or releasing
        // are the ones seized, never who seizes; the verb's subject is before it or carried over
        if (hit.entry.kind === 'verb' && seizedAfter(hit, m)) break;
        const objectCase = m.kind === 'recip' && /ين$/.test(toks[m.i]!.n);
        if (!m.prep && !isLocation(m, toks) && !objectCase && m.kind !== 'demonym') {
          // «قتل مستوطنون فلسطينيًا»: a nominative plural («ـون») before an accusative («ـًا») is the
          // active verb's subject, not the passive's victim («قُتل ثلاثة مدنيين»)
          // («استهداف طائرات إسرائيلية مستودعًا»: aircraft of a state after a masdar are who strikes)
          if (
            flags.has('victim') &&
            !activeKiller(m, toks, mentions) &&
            !(hit.entry.kind === 'noun' && flags.has('target') && m.actors.some((a) => a.sector === 'MIL'))
          )
            victim = m;
          // «استهدفت سفينة تجارية»: a merchant ship or a tanker is struck, it strikes no one
          else if (type === 'ASSAULT' && m.actors.length > 0 && m.actors.every((a) => a.sector === 'BUS'))
            victim = m;
          else subjAfter = m;
        }
        break;
      }
      const t = toks[k]!;
      // «اتفقت «أوبك+» على …», «رحب تحالف أوبك+ بـ…»: an opening quote, or the head noun of a body
      // of states, right before the name the subject is named by
      if (
        namesBody(
          t,
          mentions.find((x) => x.i === k + 1),
        )
      )
        continue;
      if (t.punct) break;
      // «في زيارة يلتقي خلالها الرئيس»: a clause on the noun before; its subject is the visitor
      if (k === hit.j && DURING.test(t.n) && ctx.hits.some((h) => h !== hit && h.j === hit.head)) break;
      if (k >= hit.j && !SKIPPABLE.test(t.n)) break;
    }
  }
  // a nominal's agent adjective: «الهجوم الإسرائيلي», «الغارات الجوية الإسرائيلية», «قصف روسي»
  let adjectival = false;
  // (not a circumstantial participle's: «داعيًا البعثة الأممية إلى …» — the mission is the one called on)
  if (!subjAfter && nominal && !decider && !flags.has('participle')) {
    subjAfter = agentAdjective(hit, ctx);
    adjectival = subjAfter !== undefined;
  }
  // a nominal's relative clause: «الهجوم الذي شنه مسلحون», «غارة شنتها طائرات إسرائيلية»
  if (!subjAfter && hit.entry.kind !== 'verb') {
    for (let k = hit.j; k < Math.min(toks.length, hit.j + 4); k++) {
      const m = mentions.find((x) => x.i === k && !x.prep);
      if (
        m &&
        toks.slice(hit.j, k).some((t) => !t.punct && RELATIVE_AGENT.test(t.n)) &&
        // «الإيقافات التي طالت رجال أعمال», «الهجوم الذي استهدف …»: the mention after these verbs is the one hit
        !toks.slice(hit.j, k).some((t) => PATIENT_VERB.test(t.n))
      ) {
        subjAfter = m;
        break;
      }
      if (toks[k]?.punct) break;
    }
  }

  // «تعرضت قاعدة في غرب العراق لهجوم صاروخي»: who underwent it is the target; the attacker is
  // named only by an agent or a relative clause («لهجوم شنه مسلحون»)
  const suffered = nominal ? undergoer(hit, ctx) : undefined;
  if (suffered) {
    target = resolve(suffered, ctx, speaker?.actors ?? []).map(stripName);
    const by = agent ?? subjAfter;
    if (by) {
      source = resolve(by, ctx, speaker?.actors ?? []);
      explicitSource = true;
      srcMention = by;
    }
  } else if (bein && beinPair.length >= 2 && (RECIPROCAL_TYPES.has(type) || flags.has('recip'))) {
    source = beinPair;
    target = beinPair;
    reciprocal = true;
    explicitSource = true;
  } else {
    const clauseSubj = nominal && ctx.prev && !agent && !subjAfter ? ownClauseSubject(hit, ctx) : undefined;
    if (agent) {
      srcMention = agent;
    } else if (subjAfter) {
      srcMention = subjAfter;
    } else if (svo) {
      srcMention = svo;
    } else if (flags.has('participle') && (ctx.prevMain ?? ctx.prev)) {
      // «هددت الحكومة بطرد السفير، محذرةً فرنسا من …»: an adverbial participle's subject is the
      // main clause's — not the last name before it («السفير»), not an act that clause names
      source = (ctx.prevMain ?? ctx.prev)!.source;
    } else if (decider) {
      srcMention = decider;
      ownAgent = true;
    } else if (nominal && reactionObject(hit, ctx)) {
      // «أدانت السعودية الهجوم الذي استهدف مسجدًا»: the condemned act is not the condemner's;
      // with no agent of its own it has no source
      noAgent = true;
    } else if (
      killedBefore ||
      (nominal && hurtVerb(hit, ctx) >= 0) ||
      // «أصيب ثلاثة مواطنين بالرصاص الحي»: the one hurt is no agent, nor who is named before
      (hit.entry.kind === 'phrase' && flags.has('victim') && HURT.test(toks[head]!.n))
    ) {
      // «قالت الوزارة إن ثلاثة أصيبوا جراء الغارة»: an act the hurt suffered, with no agent of its
      // own, has no source (not the speaker, not the ones hurt)
      noAgent = true;
    } else if (nominal && witnessed(hit, ctx)) {
      // «سجلت المدينة خمسة تفجيرات», «شهدت المنطقة اشتباكات»: a place that saw the acts did none
      noAgent = true;
    } else if (nominal && lightVerbSubject(hit, ctx)) {
      // «أقدمت قواته على قصف جوي», «نفذت طائرات أمريكية ضربات»: the light verb's subject did it
      srcMention = lightVerbSubject(hit, ctx);
      ownAgent = true;
    } else if (clauseSubj) {
      srcMention = clauseSubj;
    } else if (nominal && ctx.prev) {
      // «في اتصال هاتفي» after «هنأ X Y»: a nominal with no actors of its own belongs to the sentence's event;
      // «وجرى خلال اللقاء التوقيع على اتفاقية»: an agreement signed at a meeting binds both sides
      if (type === 'AGREE' && !ctx.prev.reciprocal && ctx.prev.target.length) {
        source = dedupe([...ctx.prev.source, ...ctx.prev.target]);
        target = source;
        reciprocal = true;
        twoParties = true;
      } else {
        source = ctx.prev.source;
        // «مطالبةً المجتمع الدولي بالتحرك»: a participle is an act of its own, with its own object
        // only a nominal of circumstance («في اتصال هاتفي», «خلال اللقاء») shares the event's target
        // (or an act of the same kind recalled beside it: «قصفت … بعد أسبوع من الهجوم الذي …»)
        const prevHit = ctx.hits.findLast((h) => h !== hit && h.head < head);
        if (
          !ctx.prev.reciprocal &&
          !flags.has('participle') &&
          (CIRCUMSTANCE.test(toks[head - 1]?.n ?? '') || prevHit?.entry.type === type)
        )
          target = ctx.prev.target;
      }
    } else if (
      (ctx.prevMain ?? ctx.prev) &&
      (toks[head]!.n.startsWith('و') ||
        /^(?:كما|ثم)$/.test(toks[head - 1]?.n ?? '') ||
        placeBeforeWhere(head, ctx)) &&
      !nominal
    ) {
      // «…، وتوعدت …»: a coordinated verb keeps the subject of the verb before it — the main
      // clause's, not a relative clause's («رحبت الجامعة بالاتفاق الذي وقعه X، ودعت …»)
      const before = (ctx.prevMain ?? ctx.prev)!;
      source = before.source;
      explicitSource = before.explicitSource;
    } else if (hit.entry.kind === 'verb' && relativeVerb(hit, toks)) {
      // «ضحايا الهجوم الذي استهدف مصلين»: a relative clause's verb with no subject after it is the
      // antecedent's act; a mention before the relative pronoun is not its subject
      relClause = true;
    } else {
      // subject before the trigger: nearest bare mention, not across another trigger for nominals;
      // none for a nominal that is the genitive of its toll or its images («ضحايا الهجوم»)
      for (let q = nominal && TOLL_OF.test(toks[head - 1]?.n ?? '') ? -1 : mentions.length - 1; q >= 0; q--) {
        const m = mentions[q]!;
        if (m.j > head) continue;
        if (m.prep || isLocation(m, toks)) continue;
        if (nominal && hitBetween(ctx, m.j - 1, head, hit)) break;
        // a «بلاده» with no speaker nor topic to say whose is no subject: the mention before it is
        // («نوّه وزير الخارجية الإيراني بالتعاون بين تونس وبلاده … خلال اللقاء»)
        if (m.kind === 'pronoun' && !resolve(m, ctx, speaker?.actors ?? []).length) continue;
        // «أعلنت وزارة الصحة مقتل خمسة أشخاص»: who reports a toll or an attack (no armed body) does
        // not kill; with no doer of its own the attack has no source
        if (nominal && type === 'ASSAULT' && reports(m, toks)) {
          noAgent = true;
          break;
        }
        srcMention = m;
        break;
      }
    }
    if ((flags.has('speech') || (flags.has('participle') && SAYING.has(type))) && speaker) {
      // «أعلن الوزير أن طهران أفرجت عن …، مشيدًا بالوساطة»: a participle of saying after reported
      // words is the reporter's, not the reported act's doer; a mention after it is its object
      // («مثمنةً الدور الذي أدته الولايات المتحدة»)
      if (!flags.has('speech') && srcMention && srcMention.i > head) srcMention = undefined;
      source = speaker.actors;
      explicitSource = true;
    } else if (srcMention) {
      const group = withCoordinated(srcMention, ctx);
      source = resolveAll(group, ctx, speaker?.actors ?? []);
      explicitSource =
        srcMention.kind !== 'recip' &&
        srcMention.kind !== 'pronoun' &&
        !(nominal && srcMention.j <= head && srcMention !== agent);
      if (srcMention.kind === 'recip' || group.length > 1 || (source.length > 1 && flags.has('recip'))) {
        if (RECIPROCAL_TYPES.has(type) || flags.has('recip')) reciprocal = true;
      }
    } else if (source.length || noAgent || relClause) {
      // kept from the coordinated verb, an act named by a reaction or suffered by the hurt with no
      // agent of its own, or a relative clause's verb
    } else if (nominal && type === 'ASSAULT' && speaker && counts(speaker.actors, toks, speaker.i, head)) {
      // «أعلنت وزارة الصحة مقتل خمسة … في غارة»: the strike a ministry (no armed body) tells of is
      // not its own, nor the topic's
    } else if (speaker) {
      source = speaker.actors;
    } else {
      source = ctx.state.topic;
    }
    // target: first bare or object-preposition mention after the trigger (and after the subject)
    const from =
      srcMention && srcMention === subjAfter && srcMention.i > head
        ? withCoordinated(srcMention, ctx).at(-1)!.j
        : hit.i + 1;
    const objs = mentions.filter(
      (m) =>
        m.i >= from &&
        m !== srcMention &&
        !m.weapon &&
        // «استدعت الجزائر سفيرها لدى فرنسا»: a word of the phrase itself is not its target
        !(
          hit.entry.kind === 'phrase' &&
          m.i > hit.head &&
          m.i < hit.j &&
          m !== subjAfter &&
          inPhraseSlot(m, hit)
        ) &&
        (m.prep !== 'من قبل' || flags.has('governs')) &&
        toks[m.i]!.clause === clause &&
        inScope(m) &&
        !reported(m, toks) &&
        // «قرر الاتحاد الأوروبي رفع العقوبات الأممية»: whose sanctions they are is no target
        !(decider && m.i === hit.j && groupAdjective(m, toks) && m.actors.every((a) => a.sector === 'IGO')) &&
        // («هددت بإعادة فرض العقوبات الأممية إذا لم تلتزم إيران»: nor anywhere after «العقوبات»)
        !(
          groupAdjective(m, toks) &&
          m.actors.every((a) => a.sector === 'IGO') &&
          /^(?:ال)?عقوبات$/.test(toks[m.i - 1]?.n ?? '')
        ) &&
        // «رحبت فرنسا باسم الحكومة بـ…»: who one acts on behalf of is no target
        !ON_BEHALF.test(toks[m.i - 1]?.n ?? '') &&
        // «توعدت بالرد على أي استفزاز من جانب سيول»: under a speech act the agent is the one aimed at
        (!m.prep ||
          TARGET_PREPS.has(m.prep) ||
          importsFrom(m, toks) ||
          (m.prep === 'بين' &&
            !(RELATIONS_BEFORE.test(toks[m.i - 2]?.n ?? '') && !RECIPROCAL_TYPES.has(type))) ||
          (m.prep === 'من قبل' && flags.has('governs'))) &&
        !isLocation(m, toks),
    );
    // «داعيةً المجتمع الدولي إلى دعم جهود الحكومة»: the one called on is the noun before «إلى/بـ»,
    // no actor we know; whom the call is about is no target
    // (the slot is the object only past the verb's own subject, after a participle, or when it names a
    // body of states: «وطالبت نقابة سائقي الحافلات بـ…» is a subject the lexicons do not know)
    if (
      objs[0] &&
      type === 'REQUEST' &&
      calledOnUnnamed(
        toks,
        Math.max(from, hit.j),
        objs[0],
        mentions,
        flags.has('participle') ||
          Boolean(
            srcMention &&
              srcMention === subjAfter &&
              srcMention.i > head &&
              // («طالبت نقابة سائقي الحافلات بـ…»: a common noun with no article governs the words after it)
              (srcMention.kind !== 'sector' || DEFINITE_WORD.test(toks[srcMention.j - 1]!.n)),
          ),
      )
    )
      objs.length = 0;
    // «وطالبت النقابة الوطنية للمزارعين الحكومة بـ…»: a «لـ» phrase right before a bare mention is
    // the genitive of the name before it (the farmers' union), the bare mention the object
    if (objs[0]?.prep === 'ل' && objs[1] && objs[1].i === objs[0].j && !objs[1].prep) objs.shift();
    // «استقبل الأمير …، في مقر الوزارة اليوم، وزير الخارجية التشادي»: a verb with no object in its
    // clause takes the mention that opens the clause after an inset of place or time between commas
    if (!objs.length && hit.entry.kind === 'verb' && !flags.has('speech')) {
      const m = afterInset(toks, clause, mentions);
      if (m && m !== srcMention && !m.weapon && !m.prep && !isLocation(m, toks)) objs.push(m);
    }
    // «زوّدت روسيا سوريا بالأسلحة», «تزويد المتمردين بالأسلحة»: a verb of giving has its recipient
    // in the gap, right before what is given (after the subject, if the subject is there too)
    const recipient = flags.has('dative')
      ? [...mentions]
          .reverse()
          .find((m) => m.i > head && m.j < hit.j && !m.weapon && toks[m.i]!.clause === clause)
      : undefined;
    // («حمّلت كابل مسؤولية …»: a speech act whose one mention in the gap is its subject keeps it)
    if (recipient && (recipient !== srcMention || (hit.entry.kind === 'phrase' && !flags.has('governs')))) {
      target = resolveAll(withCoordinated(recipient, ctx), ctx, speaker?.actors ?? []);
      if (recipient === srcMention) {
        source = speaker?.actors ?? [];
        explicitSource = false;
      }
    } else if (flags.has('speech')) {
      // «أن إيران تُعد دولة صديقة»: the praised one stands before the phrase
      const before = [...mentions].reverse().find((m) => m.j <= head && toks[m.i]!.clause === clause);
      if (before) target = resolve(before, ctx, speaker?.actors ?? []);
    } else if (objs[0]) {
      target = resolveAll(withCoordinated(objs[0], ctx), ctx, speaker?.actors ?? []);
    } else if (victim) {
      target = resolve(victim, ctx, speaker?.actors ?? []);
    } else if (!target.length && hit.entry.mode === 'occupy') {
      // «استعادت القوات السيطرة على مدينة سرت من تنظيم داعش»: the ground is taken from whoever
      // «من» names; a town taken is not its people
      const from = mentions.find(
        (m) =>
          m.i >= hit.j &&
          m.prep === 'من' &&
          toks[m.i]!.clause === clause &&
          m.actors.some((a) => a.sector) &&
          inScope(m),
      );
      if (from) target = resolve(from, ctx, speaker?.actors ?? []);
    } else if (!target.length) {
      // («سفينة في خليج عدن»: a sea named after a town is not the town's people)
      const loc = mentions.find(
        (m) =>
          m.i > head &&
          toks[m.i]!.clause === clause &&
          isLocation(m, toks) &&
          inScope(m) &&
          !SEA.test(toks[m.i - 1]?.n ?? ''),
      );
      if (loc && ['ASSAULT', 'COERCE', 'REQUEST', 'MOBILIZE', 'AID', 'RETREAT'].includes(type))
        target = resolve(loc, ctx, speaker?.actors ?? []).map(
          // «غارات على بلدات في جنوب لبنان»: who is struck in a place is its people, not its government
          // (a body after «من» is no place: «مقتل خمسة من حرس الحدود» keeps its border guards)
          type === 'ASSAULT' && isPlace(loc, toks) ? placePeople : stripName,
        );
    }
    // «طردت لاتفيا دبلوماسيين روسيين، متهمة إياهما بـ…»: «إيّاه» after the trigger is the one the act
    // before was done to
    if (!target.length && /^ايا(?:ه|ها|هما|هم|هن)$/.test(toks[head + 1]?.n ?? '')) {
      if (ctx.prev?.target.length) target = ctx.prev.target;
      else {
        // «قالت الوزارة إن الحكومة الإسبانية "تخلت عن …"، محملة إياها مسؤولية …»: with no act
        // before, the one named last before the participle (not its own subject) is meant
        const keysOf = new Set(source.map((a) => a.entityId ?? `${a.country}/${a.sector}`));
        const before = [...mentions]
          .reverse()
          .find(
            (m) =>
              m.j <= head &&
              m.actors.length > 0 &&
              m.kind !== 'recip' &&
              !isLocation(m, toks) &&
              !m.actors.some((a) => keysOf.has(a.entityId ?? `${a.country}/${a.sector}`)),
          );
        if (before) target = resolve(before, ctx, speaker?.actors ?? []);
      }
    }
    // «قالت القناة إنها لتظاهرة في لندن ضد …»: a march with no agent of its own is not the act of
    // the speaker, the topic or an earlier actor (a channel, a ministry) unless they are of a sector
    // that marches; it is civilians' (of the place, below)
    if (
      nominal &&
      type === 'PROTEST' &&
      !ownAgent &&
      srcMention !== agent &&
      srcMention !== subjAfter &&
      !source.some((a) => MARCHERS.has(a.sector ?? ''))
    ) {
      source = [{ sector: 'CVL' }];
      explicitSource = false;
    }
    if (reciprocal) {
      // «… على اتفاقية بين البلديتين»: a countryless object of a sector the sides already have is
      // the same two sides, not a third
      const both = dedupe([
        ...source,
        ...target.filter((t) => t.country || !t.sector || !source.some((s) => s.sector === t.sector)),
      ]);
      source = both;
      target = both;
    } else if (flags.has('recip') && target.length && source.length && RECIPROCAL_TYPES.has(type)) {
      // «اتفق X مع Y»
      const both = dedupe([...source, ...target]);
      source = both;
      target = both;
      reciprocal = true;
    } else if (flags.has('recip') && !RECIPROCAL_TYPES.has(type)) {
      // «معارك مع قوات الدعم السريع», «اشتباكات قبلية», «تبادل الأسرى»: the word itself is mutual;
      // whoever is named on either side is on both
      const both = dedupe([...source, ...target]);
      source = both;
      target = both;
      reciprocal = true;
    }
  }
  // «غارة على خان يونس»: a town or a region struck stands for its people, not for itself
  if (type === 'ASSAULT' && !reciprocal) target = target.map((a) => (townOrRegion(a) ? placePeople(a) : a));
  // one named actor is not both sides of a one-way act: the source was guessed, the target is named
  if (!reciprocal && source.some((a) => a.entityId && target.some((t) => t.entityId === a.entityId)))
    source = source.filter((a) => !a.entityId || !target.some((t) => t.entityId === a.entityId));
  // «الحكومة الكولومبية وجماعة جيش التحرير»: countryless sides of a pair named with one state are of it
  // (not the two sides «الجانبان» stand for, nor the two parties of the event before: a countryless
  // side was told apart from the other, not as of its state)
  if (srcMention?.kind !== 'recip' && !twoParties) {
    source = sameState(source);
    target = sameState(target);
  }
  // countryless actors take the country of the place named in the sentence
  const place = mentions.find((m) => isLocation(m, toks) && m.actors[0]?.country);
  // a counterpart («نظيره») is of another country: not the place's, not the source's
  const counterparts = mentions.some((m) => m.counterpart)
    ? new Set(mentions.filter((m) => m.counterpart).flatMap((m) => m.actors))
    : NO_ACTORS;
  // a counterpart with its own demonym («نظيره السوداني») keeps its state whatever the source's
  const namedCounterparts = mentions.some((m) => m.counterpart && m.j - m.i > 1)
    ? new Set(mentions.filter((m) => m.counterpart && m.j - m.i > 1).flatMap((m) => m.actors))
    : NO_ACTORS;
  // («قصفت الطائرات مواقع في عدن»: planes, drones or missiles of no named state are not of the
  // place they strike)
  // (nor of the dateline or the home country: events.ts reads the mark)
  if (type === 'ASSAULT' && srcMention && !reciprocal && fromAbove(srcMention, toks))
    for (const a of source) if (!a.country && srcMention.actors.includes(a)) fromAir.add(a);
  const fill = (a: Actor): Actor =>
    a.country || !place || stateless(a) || counterparts.has(a) || fromAir.has(a)
      ? a
      : { ...a, country: place.actors[0]!.country! };
  // a person named with no state nor office, the other side of the place's own state, came from
  // elsewhere («التقى محمد مصطفى بوزير الخارجية القطري في الدوحة»: no Qatari meets Qatar)
  // («هاجمت طائرات مسيرة مواقع للجيش السوداني في دارفور»: the drones are not the Sudanese army
  // attacking itself — the place fills no attacker into the very actor it attacks)
  const visitor = (other: Actor[]) => (a: Actor) =>
    !a.country &&
    place &&
    ((!a.sector && other.some((o) => o.country === place.actors[0]!.country)) ||
      (a.sector &&
        type === 'ASSAULT' &&
        !reciprocal &&
        other.some((o) => o.country === place.actors[0]!.country && o.sector === a.sector)))
      ? a
      : fill(a);
  const before = source;
  source = source.map(visitor(target));
  target = target.map(visitor(before));
  // a march or a strike with no one named: the place's civilians («خرجت مسيرة في الرباط»)
  if (type === 'PROTEST' && !source.length && place)
    source = [{ country: place.actors[0]!.country!, sector: 'CVL' }];
  if (counterparts.size && !reciprocal)
    target = target.map((a) =>
      counterparts.has(a) &&
      !namedCounterparts.has(a) &&
      a.country &&
      source.some((s) => s.country === a.country)
        ? withoutCountry(a)
        : a,
    );
  // (not the place of another act of the same kind told between: «ويأتي اللقاء قبل أيام من قمة … في
  // أديس أبابا» — Addis Ababa is the summit's)
  // (nor a side of a joint act: «بمشاركة قوات من مصر» names who takes part, not where)
  // (a list of two or three, no Set built per trigger)
  const own = (m: ActorMention) =>
    !beinGroup.includes(m) &&
    !topicPlace(m, toks) &&
    !relativeTimeBetween(toks, head, m.i) &&
    !ctx.hits.some(
      (h) =>
        h !== hit && h.entry.type === type && h.head > Math.min(head, m.i) && h.head < Math.max(head, m.i),
    );
  const where =
    mentions.find((m) => m.i > head && toks[m.i]!.clause === clause && isPlace(m, toks) && own(m)) ??
    mentions.find((m) => toks[m.i]!.clause === clause && isPlace(m, toks) && own(m));
  const location = where ? placeText(where, toks) : undefined;
  // ground is taken from an armed side, never from the people of the town taken
  if (hit.entry.mode === 'occupy') target = target.filter((a) => a.sector !== 'CVL');
  return {
    source,
    target,
    reciprocal,
    explicitSource,
    // every field spelled out, undefined when absent: one shape for every Roles (a shape per
    // combination made the callers polymorphic and deoptimized processSentence)
    adjectival: adjectival && srcMention === subjAfter ? true : undefined,
    sourceMention: srcMention,
    location: location || undefined,
  };
}

/** The people of a place's state («Lebanon» → Lebanese civilians); a place of no state stays as it is. */
const placePeople = (a: Actor): Actor => (a.country ? { country: a.country, sector: 'CVL' } : stripName(a));

/** A town or a region of the gazetteer (not a state, not a capital, which stand for the state). */
const townOrRegion = (a: Actor): boolean =>
  Boolean(a.country && a.entityId && /^(?:city|region):/.test(a.entityId) && !isCapital(a.entityId));

/** Verbs of reporting a toll or an act: «أعلنت», «أفادت», «ذكرت», «نعت», «وثّقت». */
const REPORT_VERB =
  /^(?:[وف])?(?:اعلن|اعلنت|اعلنوا|افاد|افادت|ذكر|ذكرت|اكد|اكدت|نعي|نعت|اورد|اوردت|وثق|وثقت|احصي|احصت|رصد|رصدت|سجل|سجلت)$/;
/** Bodies that count the dead and never strike: the press, NGOs, international bodies, health services. */
const COUNTERS = new Set(['MED', 'NGO', 'IGO', 'HLH']);
/** Words of a health service: «وزارة الصحة», «مصادر طبية», «الإسعاف», «المستشفى». */
const HEALTH = /^(?:[وف])?(?:ال)?(?:صحه|صحيه|طبيه|طبي|اسعاف|مستشفي|مستشفيات)$/;

/** Who only tells of a toll: a health service, the press, an NGO or an international body. */
function counts(actors: Actor[], toks: Tok[], i: number, j: number): boolean {
  if (actors.length && actors.every((a) => COUNTERS.has(a.sector ?? ''))) return true;
  for (let k = i; k < j; k++) if (HEALTH.test(toks[k]!.n)) return true;
  return false;
}

/** «أعلنت وزارة الصحة …»: the subject of a verb of reporting, right after it, who only tells of a toll. */
function reports(m: ActorMention, toks: Tok[]): boolean {
  // («وزارة الصحة»: the lexicon's mention may stop at «وزارة»; its genitive is the word after)
  return (
    REPORT_VERB.test(toks[m.i - 1]?.n ?? '') && counts(m.actors, toks, m.i, Math.min(toks.length, m.j + 1))
  );
}

/** Words of what strikes from the air: planes, helicopters, drones, missiles («سلاح الجو»). */
const AIR =
  /^(?:[وف])?(?:ال)?(?:طايره|طايرات|طايرتين|طايرتان|مقاتلات|مقاتلتين|مقاتلتان|قاذفات|قاذفتين|مروحيات|مروحيتين|مروحيتان|مسيره|مسيرات|مسيرتين|جو)$/;

/** A mention of planes, drones or missiles with no state of its own («الطائرات», «طائرة مسيرة»). */
function fromAbove(m: ActorMention, toks: Tok[]): boolean {
  if (m.actors.some((a) => a.country)) return false;
  if (m.weapon) return true;
  for (let k = m.i; k < m.j; k++) if (AIR.test(toks[k]!.n)) return true;
  return false;
}

/** Actors named together with exactly one state: the countryless ones (not IGOs) are of that state. */
function sameState(actors: Actor[]): Actor[] {
  if (actors.length < 2) return actors;
  // (loops, not a Set of a flatMap: this runs twice for every trigger)
  let c: string | undefined;
  let countryless = false;
  for (const a of actors) {
    if (!a.country) countryless = true;
    else if (c === undefined) c = a.country;
    else if (a.country !== c) return actors;
  }
  if (c === undefined || !countryless) return actors;
  return actors.map((a) => (a.country || stateless(a) ? a : { ...a, country: c }));
}

/**
 * The actors once each; a bare state actor («Morocco/Government») beside a named one of the same
 * country and sector («Morocco/Government (Minister of Foreign Affairs)») is that one, not another.
 */
export function dedupe(actors: Actor[]): Actor[] {
  const out: Actor[] = [];
  for (const a of actors) if (!out.some((o) => sameActor(o, a))) out.push(a);
  return out.filter((a) => a.name || !a.country || !out.some((o) => o.name && sameSide(o, a)));
}

/** Same country and sector (an absent field equals an empty one). */
function sameSide(a: Actor, b: Actor): boolean {
  return (a.country ?? '') === (b.country ?? '') && (a.sector ?? '') === (b.sector ?? '');
}

/** Same country, sector and name (an absent field equals an empty one). */
function sameActor(a: Actor, b: Actor): boolean {
  return (
    (a.country ?? '') === (b.country ?? '') &&
    (a.sector ?? '') === (b.sector ?? '') &&
    (a.name ?? '') === (b.name ?? '')
  );
}
