/**
 * Actor mentions in a sentence: from the entities stage (mentions linked to entities with a
 * country and sector) and, where it found nothing, from the events lexicons — countries,
 * capitals (metonyms for their state), demonyms, named groups, sector nouns and posts
 * («وزير الخارجية الأردني» → JOR GOV, «القوات البحرية السعودية والمصرية» → SAU MIL + EGY MIL),
 * names introduced beside a post («…الإيراني، علي لاريجاني،»), reciprocal anaphors
 * («الطرفان») and «بلاده».
 */
import type { Actor, Entity, Mention } from '../../model.ts';
import { gazetteer } from '../gazetteer/index.ts';
import { type ActorEntry, lexicon } from './lexicon.ts';
import { placeAt } from './places.ts';
import { type Tok, has } from './text.ts';
import { actorForms, BIT, bits, is, triggerForms } from './words.ts';

export type MentionKind =
  | 'country'
  | 'capital'
  | 'demonym'
  | 'group'
  | 'sector'
  | 'person'
  | 'name'
  | 'recip'
  | 'pronoun'
  /** A region of the entities stage («المغرب العربي»): takes its words, never an actor. */
  | 'region';

export interface ActorMention {
  /** Token range [i, j) in the sentence. */
  i: number;
  j: number;
  actors: Actor[];
  kind: MentionKind;
  /** The entities stage's mention of a post («رئيس الحكومة [يوسف الشاهد]»), not of a name. */
  post?: boolean;
  /** Preposition governing the mention (proclitic or the word before). */
  prep?: string;
  /** Sector head form, for «الجيش» → the army named earlier. */
  head?: string;
  /** The first word carries a proclitic preposition (بـ، لـ، كـ) outside the name. */
  clitic?: boolean;
  /** A sector noun with a possessive pronoun («قواتها», «طائراته»): it belongs to an actor named before. */
  possessive?: boolean;
  /** A weapon («طائرة مسيرة إسرائيلية», «صواريخ»): it may act, it is never the target. */
  weapon?: boolean;
  /** «نظيره (اليوناني)»: another country's holder of the post, never the actor's own country. */
  counterpart?: boolean;
  /** The first word carries the conjunction و («وإيران»), not a word that starts with و («وزير»). */
  conj?: boolean;
  /** The country was not written but remembered from the same head earlier in the article. */
  remembered?: boolean;
  /**
   * A state named by a common noun standing for it (the entities stage's coreference: «الوفد»,
   * «الجانب الإيراني»): the noun's grammatical gender is the mention's, not the state's.
   */
  noun?: boolean;
}

const PREPS = new Set([
  'علي',
  'ضد',
  'مع',
  'الي',
  'في',
  'من',
  'عن',
  'بين',
  'لدي',
  'تجاه',
  'نحو',
  'قرب',
  'باتجاه',
]);

/** Memory across sentences of one article: names beside posts, sector heads seen with a country. */
export interface ActorMemory {
  names: Map<string, Actor>;
  /** First word of a remembered name → its words and actor. */
  nameIndex: Map<string, Array<{ parts: string[]; actor: Actor }>>;
  heads: Map<string, string>;
  /** Kingdoms the article has named so far, for a bare «المملكة». */
  kingdoms: Set<string>;
  /** A post's first word → the international body it was named with («الأمين العام لجامعة …»). */
  igoPosts: Map<string, Actor[]>;
  /** A post's first word → the one holder of a state it was named with («أمير قطر الشيخ تميم»); null once two were. */
  statePosts: Map<string, Actor | null>;
  /** A body's head noun → the international body it was named with («تحالف أوبك+» → OPEC). */
  bodies: Map<string, Actor[]>;
  /** The states the article has named so far, in order, for «الدول الأوروبية الثلاث». */
  states: string[];
}

export function newMemory(): ActorMemory {
  return {
    names: new Map(),
    nameIndex: new Map(),
    heads: new Map(),
    kingdoms: new Set(),
    igoPosts: new Map(),
    statePosts: new Map(),
    bodies: new Map(),
    states: [],
  };
}

/** A body one is a member of: a group, or a parliament named by a sector noun. */
const body = (m: ActorMention) =>
  m.kind === 'group' || (m.kind === 'sector' && m.actors[0]?.sector === 'LEG');

/** «التدخل في الشؤون الداخلية»: internal affairs, not the interior ministry. */
function internalAffairs(m: ActorMention, toks: Tok[]): boolean {
  return m.j - m.i === 1 && /^(?:ال)?داخليه$/.test(toks[m.i]!.n) && AFFAIRS.test(toks[m.i - 1]?.n ?? '');
}

/** Head nouns of a body of states: «تحالف أوبك+», «منظمة الصحة العالمية», «حلف الناتو». */
const BODY_NOUN = /^(?:[وف])?(?:[بل])?(?:ال)?(تحالف|منظمه|مجموعه|تكتل|حلف|وكاله)$/;

/** The international bodies a sentence names after (or with) a head noun, kept for a later bare «التحالف». */
function recordBodies(toks: Tok[], ms: ActorMention[], memory: ActorMemory): void {
  for (const m of ms) {
    if (m.kind !== 'group' || !m.actors.length || !m.actors.every((a) => a.sector === 'IGO')) continue;
    const head = BODY_NOUN.exec(toks[m.i - 1]?.n ?? '') ?? BODY_NOUN.exec(toks[m.i]!.n);
    if (head) memory.bodies.set(head[1]!, m.actors);
  }
}

/**
 * «عقد التحالف اجتماعه الدوري» after «تحالف أوبك+»: the bare head noun with the article (no
 * adjective after it: «التحالف الدولي» is another) is the body named with it before.
 */
function namedBody(toks: Tok[], i: number, memory: ActorMemory): ActorMention | undefined {
  const t = toks[i]!;
  const head = BODY_NOUN.exec(t.n);
  if (!head || !/^(?:[وف])?(?:[بل])?ال/.test(t.n)) return undefined;
  const actors = memory.bodies.get(head[1]!);
  const next = toks[i + 1];
  if (!actors || (next && !next.punct && /^(?:ال|لل)/.test(next.n))) return undefined;
  return { i, j: i + 1, actors, kind: 'group' };
}

/** The kingdoms a sentence's mentions name, kept for a later bare «المملكة». */
function recordKingdoms(ms: ActorMention[], memory: ActorMemory): void {
  for (const m of ms)
    for (const a of m.actors) {
      if (a.country && KINGDOMS.has(a.country)) memory.kingdoms.add(a.country);
      if (m.kind === 'country' && a.country && a.sector === 'GOV' && !memory.states.includes(a.country))
        memory.states.push(a.country);
    }
}

/** States of Europe (ISO 3166 alpha-3), for «الدول الأوروبية» among the states an article named. */
const EUROPE = new Set(
  `ALB AND AUT BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GRC HRV HUN IRL ISL ITA LIE LTU LUX LVA
   MCO MDA MKD MLT MNE NLD NOR POL PRT ROU SMR SRB SVK SVN SWE UKR VAT`.split(/\s+/),
);
/** «الدول الأوروبية», «الدول الأوروبية الثلاث»: the European states named before (as many as the count says). */
const STATES_NOUN = /^(?:[وف])?(?:ال)?دول$/;
const EUROPEAN = /^(?:ال)?اوروبيه$/;
const HOW_MANY: Record<string, number> = {
  الثلاث: 3,
  الثلاثه: 3,
  الاربع: 4,
  الاربعه: 4,
  الخمس: 5,
  الخمسه: 5,
};

function namedEuropeans(toks: Tok[], i: number, memory: ActorMemory): ActorMention | undefined {
  if (!STATES_NOUN.test(toks[i]!.n) || !EUROPEAN.test(toks[i + 1]?.n ?? '')) return undefined;
  const europe = memory.states.filter((c) => EUROPE.has(c));
  const count = HOW_MANY[toks[i + 2]?.n ?? ''];
  if (europe.length < 2 || (count !== undefined && count !== europe.length)) return undefined;
  return {
    i,
    j: i + (count !== undefined ? 3 : 2),
    actors: europe.map((country) => ({ country, sector: 'GOV' })),
    kind: 'group',
  };
}

/** States news Arabic calls «المملكة» once named: Saudi Arabia, Morocco, Jordan, Bahrain. */
const KINGDOMS = new Set(['SAU', 'MAR', 'JOR', 'BHR']);

/**
 * «أعرب عن شكره للمملكة», «دور المملكة في …»: a bare «المملكة» (no name after it) is the one kingdom
 * the article has named (before it, in this sentence or an earlier one), its government.
 */
function kingdom(toks: Tok[], i: number, memory: ActorMemory): ActorMention | undefined {
  const t = toks[i]!;
  if (!t.cands.includes('المملكه') || memory.kingdoms.size !== 1) return undefined;
  const [country] = memory.kingdoms;
  return { i, j: i + 1, actors: [{ country: country!, sector: 'GOV' }], kind: 'country' };
}

function remember(memory: ActorMemory, name: string, actor: Actor): void {
  memory.names.set(name, actor);
  const parts = name.split(' ');
  const list = (memory.nameIndex.get(parts[0]!) ?? []).filter((x) => x.parts.join(' ') !== name);
  list.push({ parts, actor });
  list.sort((a, b) => b.parts.length - a.parts.length);
  memory.nameIndex.set(parts[0]!, list);
}

function matchEntry(toks: Tok[], i: number, e: ActorEntry): boolean {
  for (let k = 1; k < e.tokens.length; k++) {
    const t = toks[i + k];
    if (!t || t.punct || !t.cands.includes(e.tokens[k]!)) return false;
  }
  return true;
}

interface Raw {
  i: number;
  j: number;
  e: ActorEntry;
  /** The candidate form of the first word that matched. */
  c: string;
}

function rawMatches(toks: Tok[]): Raw[] {
  const out: Raw[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    let best: Raw | undefined;
    // («الجيشان الكونغولي والأوغندي», «الوزيران المصري والسوداني»: a dual sector noun is an anaphor
    // of the two sides named before, unless its demonyms follow it — then it names them)
    const b = bits(t);
    if ((b & BIT.actor) !== 0 && ((b & BIT.reciprocal) === 0 || is(toks[i + 1], BIT.actor))) {
      for (const { form: c, entries } of actorForms(t)) {
        for (const e of entries) {
          if (best && best.j - best.i >= e.tokens.length) continue;
          if (matchEntry(toks, i, e)) best = { i, j: i + e.tokens.length, e, c };
        }
      }
    }
    if (best) {
      out.push(best);
      i = best.j;
    } else i++;
  }
  return out;
}

/** A member of a party or a body: «القيادي في», «عضو ب». */
const MEMBER = /^(?:[وف])?(?:ال)?(?:قيادي|قياديه|عضو|العضو|ناشط|ناشطه|منخرط|نايب|نايبه|نواب|اعضاء)$/;

/** «نظيره، ونظيرته، بنظيره، نظيريه»: the counterpart words. */
const COUNTERPART = /^[وف]?[بل]?نظير(?:ه|ها|ته|تها|يه|يها|اه|تاه)$/;

const QUANT = /^(?:\d+|عشرات|ميات|الاف|الاف|ثلاثه|ثلاث|خمس|خمسه|اربع|اربعه|عده|بعض|جميع|كل|اثنين|اثنان)$/;

/** Nouns of number a «من» phrase makes an actor of: «عدد من الأهالي». */
const PARTITIVE = /^(?:[وف])?(?:عدد|عددا|مجموعه|جمع|جمعا|الاف|ميات|عشرات|بعض|عديد|العديد|حشد|حشود|مجموعات)$/;

/**
 * A body's mission or office, whose genitive it is: «بعثة», «مكتب», «مفوضية» (a delegation read as
 * a sector noun, «وفد الاتحاد الأفريقي», is joined to its body in `mergeAppositions`).
 */
const MISSION = /^(?:[وف])?(?:ب|ل)?(?:ال)?(?:بعثه|مكتب|مفوضيه|ممثليه)$/;

/** A reporter of an outlet spoken to: «لمراسل», «لمبعوثة» (not «أفاد مراسل …», who reports). */
const REPORTER =
  /^(?:[وف])?(?:ل|ب)(?:ال|ل)?(?:مراسل|مراسله|مراسلي|مبعوث|مبعوثه|موفد|موفده|ميكروفون|ميكرفون)$/;

/** A reporter word right before token `i`, past an opening quotation mark («لمراسل "الجوهرة أف أم"»). */
function reporterBefore(toks: Tok[], i: number): boolean {
  let k = i - 1;
  if (toks[k]?.punct && /^["“«]$/.test(toks[k]!.raw)) k--;
  return REPORTER.test(toks[k]?.n ?? '');
}

/**
 * What cites an outlet as the one told: «في تصريح لـ», «في تصريح خص به», «في حوار مع», «على
 * أمواج», «أدلى به لـ».
 */
const CITING =
  /^(?:[وف])?(?:ب|ل|في)?(?:ال)?(?:تصريح|تصريحات|تصريحه|تصريحها|حوار|حواره|حوارها|حديث|حديثه|حديثها|مقابله|اتصال|مداخله|امواج|خص|خصت|ادلي|ادلت)$/;
/** Small words between the citing word and the outlet («خص به», «في حوار مع»). */
const CITING_LINK = /^(?:به|بها|له|لها|مع|عبر|علي|الي)$/;

/** An outlet cited as the one told at token `i` (a quotation mark and a link word between allowed). */
function citedBefore(toks: Tok[], i: number): boolean {
  let k = i - 1;
  if (toks[k]?.punct && /^["“«]$/.test(toks[k]!.raw)) k--;
  if (CITING_LINK.test(toks[k]?.n ?? '')) k--;
  return CITING.test(toks[k]?.n ?? '');
}

function prepOf(toks: Tok[], i: number, clitic: boolean): string | undefined {
  const t = toks[i];
  if (!t) return undefined;
  if (t.prep && clitic) return t.prep;
  let k = i - 1;
  while (k >= 0 && !toks[k]!.punct && QUANT.test(toks[k]!.n)) k--;
  const prev = toks[k];
  if (prev && !prev.punct) {
    if (prev.prep && QUANT.test(prev.n.slice(1))) return prev.prep;
    const p =
      prev.n.startsWith('و') && prev.n.length > 2 && PREPS.has(prev.n.slice(1)) ? prev.n.slice(1) : prev.n;
    if (PREPS.has(p)) return p;
    // «من قبل», «من جانب», Maghrebi «من طرف»
    if ((p === 'قبل' || p === 'جانب' || p === 'يد' || p === 'طرف') && toks[k - 1]?.n === 'من')
      return 'من قبل';
  }
  return undefined;
}

function entityActor(m: Mention, byId: Map<string, Entity>): Actor | undefined {
  const e = m.entityId ? byId.get(m.entityId) : undefined;
  if (!e) return undefined;
  const country = e.country ?? e.post?.country;
  const sector = e.sector ?? e.post?.sector;
  if (!country && !sector) return undefined;
  // (fields set one by one, in this order: conditional spreads are runtime copies)
  const a: Actor = { entityId: e.id };
  if (e.names.en || e.names.latin || e.names.ar) a.name = e.names.en ?? e.names.latin ?? e.names.ar;
  if (country) a.country = country;
  if (sector) a.sector = sector;
  return a;
}

export interface ActorOptions {
  mentions: Mention[];
  entities: Entity[];
  /** The entities by id, built once per article. */
  entityIndex?: Map<string, Entity>;
  memory: ActorMemory;
}

/** Masculine singular demonyms that are common nouns: «البوركيني» (the burkini), not a Burkinabe. */
/** «الشؤون», «شؤونها»: affairs, before «الداخلية» (internal). */
const AFFAIRS = /^(?:[وفبل])?(?:ال)?شوون(?:ها|ه|هم|هما)?$/;
const NOT_DEMONYM = /^(?:[وفبل])?(?:ال|لل)?بوركيني$/;
/** Place nouns before a capital that keep it a place: «العاصمة السويدية ستوكهولم», «مدينة باريس». */
const CAPITAL_NOUN = /^(?:[وفبل])?(?:ال|لل)?(?:عاصمه|مدينه|ضواحي|شوارع|وسط|قلب|محيط)$/;
/** Plants a demonym names a kind of: «القنب الهندي», «الجوز الهندي». */
const PLANT = /^(?:[وفبل])?(?:ال|لل)?(?:قنب|جوز)$/;

/**
 * Events named after a place: «أيام قرطاج», «مهرجان القاهرة», «معرض الجزائر الدولي», «أسبوع
 * باريس للموضة», «جائزة قطر»: the place right after is the event's name, not the place acting.
 */
const NAMED_EVENT =
  /^(?:[وفبل])?(?:ال|لل)?(?:ايام|يوم|اسبوع|مهرجان|مهرجانات|معرض|معارض|صالون|جايزه|جوايز|ملتقي|ماراثون|كرنفال|بينالي|ليالي)$/;

/**
 * Regions of several states whose names hold a state's name or demonym: «المغرب العربي» is not
 * Morocco, «أمريكا اللاتينية» not the United States. (Gaza, the West Bank, Kurdistan of Iraq are
 * regions of one state and stay that state's.)
 */
/** An opening quotation mark. */
const QUOTE = /^["«“]$/;
/** Nouns of a kind of organization written before its quoted name: «منظمة "…"», «جمعية «…»». */
const ORG_NOUN = /^(?:[وفبل])?(?:ال|لل)?(?:منظمه|جمعيه|موسسه|هييه|حركه|شركه|جماعه|مجموعه)$/;

const MULTI_STATE = new Set(['region:maghreb', 'region:latin-america', 'region:levant', 'region:arab-world']);

/** Entities-stage mentions of the sentence as actor mentions (posts, people, orgs, places, «الطرفان»). */
function entityMentions(toks: Tok[], opts: ActorOptions, loose: Loose[] = []): ActorMention[] {
  const out: ActorMention[] = [];
  if (!opts.mentions.length || !toks.length) return out;
  const byId = opts.entityIndex ?? new Map(opts.entities.map((e) => [e.id, e] as const));
  const s0 = toks[0]!.start;
  const s1 = toks[toks.length - 1]!.end;
  // «وفدًا برلمانيًا أردنيًا» read as a person's name by the tagger: a "person" whose first word is a
  // sector noun of the events lexicon (a delegation, the army) is that sector; the post linked to it
  // («الرئيس المصري») is a bare post. The lexicon's own mentions stand for both.
  const bogus = new Set<string>();
  for (const m of opts.mentions) {
    // («الوفد» the entities stage linked to the person heading it is that person, not a misread name)
    if (m.type !== 'PERS' || !m.entityId || m.role === 'coref' || m.span[1] <= s0 || m.span[0] >= s1)
      continue;
    const first = toks.find((t) => t.end > m.span[0]);
    if (first && actorForms(first).some((f) => f.entries.some((e) => e.kind === 'sector')))
      bogus.add(m.entityId);
  }
  for (const m of opts.mentions) {
    if (m.span[1] <= s0 || m.span[0] >= s1) continue;
    let i = toks.findIndex((t) => t.end > m.span[0]);
    // «وانتقدت منظمة "أطباء بلا حدود"»: an organization's name quoted after the noun of its kind
    // is named from that noun on (the quote opens no clause of its own between verb and subject)
    if (m.type === 'ORG' && i >= 2 && QUOTE.test(toks[i - 1]!.raw) && ORG_NOUN.test(toks[i - 2]!.n)) i -= 2;
    let j = i;
    while (j < toks.length && toks[j]!.start < m.span[1]) j++;
    if (i < 0 || j <= i) continue;
    if (m.entityId && bogus.has(m.entityId)) continue;
    // «المغرب العربي», «دول المغرب العربي»: a region is no actor, and the state inside its name is
    // not named («المغرب» is not Morocco there)
    if (m.entityId && MULTI_STATE.has(m.entityId)) {
      out.push({ i, j, actors: [], kind: 'region' });
      continue;
    }
    const ids = (m as Mention & { entityIds?: string[] }).entityIds;
    let isRecip = false;
    for (let q = i; q < j; q++) if (is(toks[q], BIT.reciprocal)) isRecip = true;
    if (isRecip || (ids && ids.length > 1)) {
      const actors = (ids ?? [])
        .map((id) => byId.get(id))
        .flatMap((e) => {
          const a = e ? entityActor({ ...m, entityId: e.id }, byId) : undefined;
          return a ? [a] : [];
        });
      out.push({ i, j, actors, kind: 'recip', clitic: m.span[0] > toks[i]!.start });
      continue;
    }
    const actor = entityActor(m, byId);
    if (!actor) {
      // a person the entities stage knows by name only: a post written after the name may say
      // whom he acts for («فيصل بن فرحان وزير الخارجية»)
      const e = m.type === 'PERS' && m.entityId ? byId.get(m.entityId) : undefined;
      if (e) loose.push({ i, j, entityId: e.id, name: e.names.en ?? e.names.latin ?? e.names.ar });
      continue;
    }
    const kind: MentionKind =
      m.role === 'demonym'
        ? 'demonym'
        : m.type === 'PERS' || m.type === 'POST'
          ? 'person'
          : m.type === 'ORG'
            ? 'group'
            : m.role === 'metonym'
              ? 'capital'
              : 'country';
    // a state named as an actor («نددت طهران», «وقع المغرب ومالي») stands for its government; the
    // entities stage types states LOC, so the entity id tells a state from a region or a town
    if (
      kind === 'capital' ||
      (kind === 'country' && (m.type === 'GPE' || m.entityId?.startsWith('country:')))
    )
      actor.sector ??= 'GOV';
    // («وبريطانيا»: only «و» stands before the name — the «ب» is the name's, no preposition)
    const pre = toks[i]!.raw.slice(0, Math.max(0, m.span[0] - toks[i]!.start));
    const clitic = pre.length > 0 && !/^[وف]$/.test(pre);
    const am: ActorMention = {
      i,
      j,
      actors: [actor],
      kind,
      clitic,
      conj: pre.length > 0 && /^[وف]/.test(toks[i]!.n),
    };
    if (m.role === 'coref' && kind === 'country') am.noun = true;
    if (m.role === 'post') am.post = true;
    // «جماعة الحوثي», «حركة حماس»: a named group opening on a sector noun leaves that noun's state,
    // so a later bare «الجماعة» is of it (not of whatever state the sentence names)
    if (kind === 'group' && actor.country && j - i > 1) {
      const head = actorForms(toks[i]!)
        .flatMap((f) => f.entries)
        .find((e) => e.kind === 'sector' && e.tokens.length === 1);
      if (head) opts.memory.heads.set(head.tokens[0]!.replace(/^ال/, ''), actor.country);
    }
    out.push(am);
  }
  return out;
}

/** Actor mentions of one sentence, in token order, non-overlapping. */
export function findActors(toks: Tok[], opts: ActorOptions): ActorMention[] {
  const loose: Loose[] = [];
  const ent = entityMentions(toks, opts, loose);
  // «رئيس الوزراء محمد شياع السوداني»: a post's demonym read inside a person's name the entities
  // stage knows is his family name, not the post's state (Iraq's prime minister, not Sudan's)
  const names = ent.filter(
    (m) => m.kind === 'person' && !m.post && m.actors[0]?.entityId?.startsWith('person:'),
  );
  const lex = lexiconMentions(toks, opts.memory).filter(
    (l) => l.kind !== 'person' || !names.some((e) => e.i > l.i && e.i < l.j && e.j >= l.j),
  );
  // longest first; on a tie the entities stage wins (it knows names and posts)
  const all = [...ent.map((m) => ({ m, pri: 1 })), ...lex.map((m) => ({ m, pri: 0 }))].sort(
    (a, b) => b.m.j - b.m.i - (a.m.j - a.m.i) || b.pri - a.pri || a.m.i - b.m.i,
  );
  const taken = new Uint8Array(toks.length);
  const out: ActorMention[] = [];
  for (const { m } of all) {
    let busy = false;
    for (let q = m.i; q < m.j; q++) if (taken[q]) busy = true;
    if (busy) continue;
    taken.fill(1, m.i, m.j);
    // a region only takes its words away from the lexicon; it is no actor; «البوركيني» is a swimsuit
    // «القنب الهندي» is cannabis, not an Indian actor
    if (
      m.kind !== 'region' &&
      !(m.j - m.i === 1 && NOT_DEMONYM.test(toks[m.i]!.n)) &&
      !(m.kind === 'demonym' && PLANT.test(toks[m.i - 1]?.n ?? '')) &&
      !internalAffairs(m, toks) &&
      !(
        (m.kind === 'country' || m.kind === 'capital') &&
        !m.clitic &&
        NAMED_EVENT.test(toks[m.i - 1]?.n ?? '')
      )
    )
      out.push(m);
  }
  recordKingdoms(out, opts.memory);
  recordBodies(toks, out, opts.memory);
  // «التعاون مع الوكالة» after «الوكالة الدولية للطاقة الذرية»: the bare head is that body, not
  // a news agency
  if (opts.memory.bodies.size)
    for (const m of out) {
      if (m.j - m.i !== 1 || !m.actors.length || !m.actors.every((a) => a.sector === 'MED')) continue;
      const b = namedBody(toks, m.i, opts.memory);
      if (b) m.actors = b.actors;
    }
  // 3. names remembered from posts, reciprocal anaphors, «بلاده», «المملكة», «التحالف»
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (taken[i] || t.punct) continue;
    const k = opts.memory.kingdoms.size ? kingdom(toks, i, opts.memory) : undefined;
    if (k) {
      out.push(k);
      taken[i] = 1;
      continue;
    }
    const eu = opts.memory.states.length > 1 ? namedEuropeans(toks, i, opts.memory) : undefined;
    if (eu && !taken[i + 1]) {
      out.push(eu);
      taken.fill(1, eu.i, eu.j);
      continue;
    }
    if (opts.memory.nameIndex.size) {
      for (const c of t.cands) {
        const list = opts.memory.nameIndex.get(c);
        if (!list) continue;
        const hit = list.find(({ parts }) =>
          parts.every((p, k) => {
            const x = toks[i + k];
            return x !== undefined && !x.punct && !taken[i + k] && (k === 0 || x.cands.includes(p));
          }),
        );
        if (hit) {
          out.push({ i, j: i + hit.parts.length, actors: [hit.actor], kind: 'name' });
          taken.fill(1, i, i + hit.parts.length);
          break;
        }
      }
    }
    if (taken[i]) continue;
    const nb = neighbour(toks, i, out);
    if (nb) {
      out.push(nb);
      taken.fill(1, nb.i, nb.j);
      continue;
    }
    const b = opts.memory.bodies.size ? namedBody(toks, i, opts.memory) : undefined;
    if (b) {
      out.push(b);
      taken[i] = 1;
      continue;
    }
    // «قتل مسلحون جنديًا في هجوم»: one soldier of no state named is a military target all the same
    // (the place, the dateline or the home country may give its state later; «نشر 150 جنديًا»
    // counts what is sent, «جندي إسرائيلي» is the demonym's, below)
    if (LONE_SOLDIER.test(t.n) && !COUNT_BEFORE.test(toks[i - 1]?.n ?? '') && !taken[i + 1]) {
      out.push({ i, j: i + 1, actors: [{ sector: 'MIL' }], kind: 'sector', head: 'جندي' });
      taken[i] = 1;
      continue;
    }
    if (is(t, BIT.reciprocal)) {
      out.push({ i, j: i + 1, actors: [], kind: 'recip' });
      taken[i] = 1;
    } else if (is(t, BIT.pronoun) && (!OUR_COUNTRY.test(t.n) || quoted(toks, i))) {
      out.push({ i, j: i + 1, actors: [], kind: 'pronoun' });
      taken[i] = 1;
    }
  }
  out.sort((a, b) => a.i - b.i);
  const cited = new Set<ActorMention>();
  for (const m of out) {
    if (COUNTERPART.test(toks[m.i]!.n)) m.counterpart = true;
    const p = prepOf(toks, m.i, m.clitic ?? false);
    if (p) m.prep = p;
    // «في تصريح لمراسل الجوهرة أف أم خلال اجتماع …», «لمبعوثة الجوهرة»: the outlet a reporter of
    // which was told something is spoken to, never who acts
    else if (m.actors.length && m.actors.every((a) => a.sector === 'MED') && reporterBefore(toks, m.i))
      m.prep = 'ل';
    // «في تصريح خص به جوهرة أف أم», «على أمواج موزاييك»: the outlet cited as the one told is the
    // news's source, no side of its events (not even the one criticized: «انتقد … قرار النقابة»)
    if (m.actors.length && m.actors.every((a) => a.sector === 'MED') && citedBefore(toks, m.i)) cited.add(m);
    // a capital the entities stage left a place, with no preposition or place noun before it
    // («وهو ما نفته أسمرة», «وكانت طهران قد اعتقلت»), is its state acting
    if (
      !p &&
      m.kind === 'country' &&
      m.actors.length === 1 &&
      !m.actors[0]!.sector &&
      isCapital(m.actors[0]!.entityId) &&
      !CAPITAL_NOUN.test(toks[m.i - 1]?.n ?? '') &&
      !CAPITAL_NOUN.test(toks[m.i - 2]?.n ?? '') &&
      // «هجمات باريس», «اعتداء برلين»: the genitive of an act is where it happened
      !actNoun(toks[m.i - 1])
    )
      m.actors = [{ ...m.actors[0]!, sector: 'GOV' }];
    // «القيادي في حزب آفاق تونس», «عضو بالمكتب السياسي للحزب»: a member acts for the body he belongs to
    // («نواب في مجلس الأمة»: a parliament named by its name, a sector noun of LEG)
    if (body(m) && (p === 'في' || p === 'ب' || p === 'ل')) {
      const k = m.clitic ? m.i - 1 : m.i - 2;
      const member = toks[k];
      if (member && MEMBER.test(member.n) && !out.some((x) => x.i <= k && k < x.j)) {
        m.i = k;
        delete m.prep;
        m.clitic = false;
      }
    }
    // «ودعت بعثة الأمم المتحدة للدعم في ليبيا …», «وفد الاتحاد الأوروبي»: a mission or an office
    // of an international body acts for it — the body named as its genitive is no object
    if (!p && !m.clitic && m.actors.length && m.actors.every((a) => a.sector === 'IGO')) {
      const k = m.i - 1;
      if (MISSION.test(toks[k]?.n ?? '') && !out.some((x) => x.i <= k && k < x.j)) {
        m.i = k;
        const before = prepOf(toks, k, false);
        if (before) m.prep = before;
      }
    }
    // «عدد من الأهالي», «مجموعة من الجمعيات», «آلاف من المحتجين»: the partitive phrase is the actor,
    // bare unless a preposition stands before it
    if (p === 'من' && !m.clitic) {
      const k = m.i - 2;
      const q = toks[k];
      if (q && !q.punct && PARTITIVE.test(q.n) && !out.some((x) => x.i <= k && k < x.j)) {
        m.i = k;
        const before = prepOf(toks, k, false);
        if (before) m.prep = before;
        else delete m.prep;
      }
    }
    // «السائقين الأتراك», «للصحفيين المغاربة»: a demonym in the masculine plural qualifies people
    // (a plural of things takes the feminine singular), not the state
    if (
      m.kind === 'demonym' &&
      m.actors.length === 1 &&
      !m.actors[0]!.sector &&
      PEOPLE_DEMONYM.test(toks[m.j - 1]!.n)
    )
      m.actors = [{ ...m.actors[0]!, sector: 'CVL' }];
    // «قتل جندي إسرائيلي», «أسر ضابطًا روسيًا»: a soldier or an officer of a state is of its army
    // (the sector lexicon leaves the singular out: «نشر 150 جنديًا» counts what is sent)
    if (
      m.kind === 'demonym' &&
      m.actors.length === 1 &&
      !m.actors[0]!.sector &&
      m.actors[0]!.country &&
      SOLDIER.test(toks[m.i - 1]?.n ?? '') &&
      !out.some((x) => x.i <= m.i - 1 && m.i - 1 < x.j)
    ) {
      m.i -= 1;
      m.actors = [{ country: m.actors[0]!.country, sector: 'MIL' }];
      const p = prepOf(toks, m.i, Boolean(toks[m.i]!.prep));
      if (p) m.prep = p;
      else delete m.prep;
    }
    if (m.possessive && m.actors.length === 1 && !m.actors[0]!.country) {
      const owner = [...out].reverse().find((x) => x.j <= m.i && x.actors[0]?.country);
      if (owner) m.actors = [{ ...m.actors[0]!, country: owner.actors[0]!.country! }];
    }
    // «بلدية بن عروس», «الوحدات الأمنية بقفصة»: a countryless sector noun or post right before a
    // province or town of places.tsv is of that place's country, and the place is part of its name
    if (
      (m.kind === 'sector' || m.kind === 'person') &&
      m.actors.length === 1 &&
      (!m.actors[0]!.country || m.remembered)
    ) {
      const p = placeAt(toks, m.j);
      if (p) {
        m.actors = [{ ...m.actors[0]!, country: p.country }];
        if (!out.some((x) => x.i >= m.j && x.i < p.j)) m.j = p.j;
      }
    }
  }
  if (cited.size) out.splice(0, out.length, ...out.filter((m) => !cited.has(m)));
  postOfState(toks, out);
  nameBeforePost(toks, out, loose);
  // a person known by name only right before a post behind «بـ», the one he acts on: an actor
  // of no state («التقى محمد مصطفى بوزير الخارجية القطري»: Mustafa meets Qatar's minister)
  for (const l of loose) {
    const q = out.findIndex((x) => x.i >= l.i);
    const next = out[q];
    // «القيادي في حركة النهضة سمير الورتاني»: a member of a body named by name only (merged with
    // the member phrase in mergeAppositions)
    const at = q < 0 ? out.length : q;
    const member = out[at - 1];
    if (member?.j === l.i && body(member) && MEMBER.test(toks[member.i]!.n)) {
      out.splice(at, 0, { i: l.i, j: l.j, actors: [{ entityId: l.entityId, name: l.name }], kind: 'person' });
      continue;
    }
    if (next?.i !== l.j || next.kind !== 'person' || next.prep !== 'ب' || !next.clitic) continue;
    out.splice(q, 0, { i: l.i, j: l.j, actors: [{ entityId: l.entityId, name: l.name }], kind: 'person' });
  }
  jointSponsors(toks, out);
  learnNames(toks, out, opts.memory);
  const merged = mergeAppositions(toks, out);
  return statePosts(toks, igoPosts(toks, merged, opts.memory), opts.memory);
}

/** A sponsor or a mediation named by its adjectives: «برعاية سعودية أمريكية», «بوساطة قطرية ومصرية». */
const SPONSORED_BY = /^(?:[وف])?(?:ب|ل)?(?:ال)?(?:رعايه|وساطه)$/;

/** Demonyms stacked after a sponsor are one joint sponsor, not a party to what is sponsored. */
function jointSponsors(toks: Tok[], out: ActorMention[]): void {
  for (let q = 0; q < out.length; q++) {
    const m = out[q]!;
    if (m.kind !== 'demonym' || m.prep || !SPONSORED_BY.test(toks[m.i - 1]?.n ?? '')) continue;
    for (let next = out[q + 1]; next?.kind === 'demonym' && next.i === m.j && !next.prep; next = out[q + 1]) {
      m.actors = [...m.actors, ...next.actors];
      m.j = next.j;
      out.splice(q + 1, 1);
    }
  }
}

const postKey = (t: Tok) => t.n.replace(/^[وف]/, '').replace(/^ال/, '');

/**
 * «رحب الأمين العام لجامعة الدول العربية … ودعا الأمين العام البلدين»: a post named once with an
 * international body is that body's when it comes back bare (no body, no state, no genitive after).
 */
function igoPosts(toks: Tok[], ms: ActorMention[], memory: ActorMemory): ActorMention[] {
  for (const m of ms) {
    if (m.kind !== 'person' || !m.actors.length) continue;
    const key = postKey(toks[m.i]!);
    if (m.actors.every((a) => a.sector === 'IGO' && !a.country)) {
      if (m.j - m.i > 1) memory.igoPosts.set(key, m.actors);
      continue;
    }
    const igo = memory.igoPosts.get(key);
    const next = toks[m.j];
    if (
      igo &&
      m.actors.length === 1 &&
      !m.actors[0]!.country &&
      !m.actors[0]!.entityId?.startsWith('person:') &&
      !(next && !next.punct && (next.prep === 'ل' || /^ل/.test(next.n)))
    )
      m.actors = igo;
  }
  return ms;
}

/**
 * «استقبل أمير قطر الشيخ تميم بن حمد … وأكد الأمير خلال اللقاء …»: a state's post named once with
 * its holder is that holder when it comes back bare (one word, no state, no name, no «لـ» after) —
 * not when the article has named holders of that post in two states or two persons in it.
 */
function statePosts(toks: Tok[], ms: ActorMention[], memory: ActorMemory): ActorMention[] {
  for (const m of ms) {
    if (m.kind !== 'person' || m.actors.length !== 1 || m.counterpart) continue;
    const a = m.actors[0]!;
    const key = postKey(toks[m.i]!);
    if (a.country && a.sector === 'GOV' && m.j - m.i > 1) {
      const had = memory.statePosts.get(key);
      const same = had && had.country === a.country && had.entityId === a.entityId;
      memory.statePosts.set(key, had === undefined || same ? a : null);
      continue;
    }
    if (m.j - m.i !== 1 || a.country || a.entityId || a.sector !== 'GOV') continue;
    const held = memory.statePosts.get(key);
    const next = toks[m.j];
    if (held && !(next && !next.punct && (next.prep === 'ل' || /^ل/.test(next.n)))) m.actors = [held];
  }
  return ms;
}

/** A person named by the entities stage with no country or sector of its own. */
interface Loose {
  i: number;
  j: number;
  entityId: string;
  name: string;
}

/** «جمهورية، مملكة، دولة، سلطنة، إمارة» with a preposition or none: a state's style before its name. */
const STATE_STYLE = /^[وف]?(?:[بل]|لل|في)?(?:ال)?(?:جمهوريه|مملكه|دوله|سلطنه|اماره)$/;

/**
 * A post with a long complement and its state after a preposition: «وزير الخارجية والتكامل
 * الأفريقي بجمهورية تشاد», «وزير الدولة للشؤون الخارجية بدولة قطر» — the post is of that state
 * (at most three definite words of complement, no punctuation, no other actor between).
 */
function postOfState(toks: Tok[], out: ActorMention[]): void {
  for (let q = 0; q < out.length; q++) {
    const m = out[q]!;
    if (m.kind !== 'person' || m.actors.length !== 1 || m.actors[0]!.country || m.counterpart) continue;
    const next = out[q + 1];
    if (next?.kind !== 'country' || next.actors.length !== 1 || !next.actors[0]!.country) continue;
    const style = toks[next.i - 1];
    if (!style || next.i - 1 < m.j || next.i - 1 - m.j > 3 || !STATE_STYLE.test(style.n)) continue;
    // the complement is definite words only («والتعاون الدولي», «للشؤون الخارجية»)
    if (toks.slice(m.j, next.i - 1).some((t) => t.punct || !/^و?(?:ال|لل)/.test(t.n))) continue;
    m.actors = [{ ...m.actors[0]!, country: next.actors[0]!.country! }];
    m.j = next.j;
    out.splice(q + 1, 1);
  }
}

/** Nasab words inside a name: «فيصل بن فرحان بن عبدالله», «حمد بن عيسى آل خليفة». */
const NASAB = /^(?:بن|بنت|ابن|ال)$/;

/**
 * A name followed by its post, the honorific style of official copy: «صاحب السمو الأمير فيصل بن
 * فرحان بن عبدالله وزير الخارجية», «الرئيس جون دراماني ماهاما رئيس جمهورية غانا»: the post (a
 * bare post or a post of a state, not another named person) tells whom the named person acts for;
 * a bare title right before the name joins them. A post followed by a name of its own («استقبل
 * الرئيس السيسي وزير الخارجية الأردني أيمن الصفدي») is another person.
 */
function nameBeforePost(toks: Tok[], out: ActorMention[], loose: Loose[]): void {
  const named = (x: ActorMention | undefined) =>
    x?.kind === 'person' && x.actors.length === 1 && Boolean(x.actors[0]!.entityId?.startsWith('person:'));
  const starts = new Set(loose.map((l) => l.i));
  for (const x of out) if (named(x)) starts.add(x.i);
  const people: Array<{ i: number; j: number; actor: Actor; at?: ActorMention }> = [
    ...loose
      .filter((l) => !out.some((x) => x.i < l.j && l.i < x.j))
      .map((l) => ({ i: l.i, j: l.j, actor: { entityId: l.entityId, name: l.name } as Actor })),
    ...out.filter(named).map((x) => ({ i: x.i, j: x.j, actor: x.actors[0]!, at: x })),
  ];
  for (const p of people) {
    let k = p.j;
    while (k + 1 < toks.length && NASAB.test(toks[k]!.n) && !toks[k + 1]!.punct) k += 2;
    if (toks[k]?.raw === '،' || toks[k]?.raw === ',') k++;
    const q = out.findIndex((x) => x.i === k);
    const m = out[q];
    if (m?.kind !== 'person' || m.prep || m.conj || m.counterpart || m.actors.length !== 1) continue;
    const a = m.actors[0]!;
    if (a.entityId?.startsWith('person:') || starts.has(m.j)) continue;
    if (p.actor.country && a.country && p.actor.country !== a.country) continue;
    const actor: Actor = {
      ...p.actor,
      ...(p.actor.country || a.country ? { country: p.actor.country ?? a.country } : {}),
      ...(p.actor.sector || a.sector ? { sector: p.actor.sector ?? a.sector } : {}),
    };
    m.actors = [actor];
    m.i = p.i;
    delete m.post;
    if (p.at) out.splice(out.indexOf(p.at), 1);
  }
  // a bare title right before a named person is his: «الأمير فيصل بن فرحان», «الرئيس جون ماهاما»
  for (let q = out.length - 1; q > 0; q--) {
    const t = out[q - 1]!;
    const m = out[q]!;
    if (m.i !== t.j || m.kind !== 'person' || !m.actors[0]?.entityId?.startsWith('person:')) continue;
    if (t.kind !== 'person' || t.j - t.i !== 1 || t.actors.length !== 1 || t.actors[0]!.entityId) continue;
    if (t.actors[0]!.country || m.prep || m.conj) continue;
    // («استقبل الرئيس رئيس الحكومة يوسف الشاهد»: a bare post before another post is another person)
    if (m.post && !HONORIFIC.test(toks[t.i]!.n)) continue;
    m.i = t.i;
    if (t.prep) m.prep = t.prep;
    if (t.clitic) m.clitic = t.clitic;
    if (t.conj) m.conj = t.conj;
    out.splice(q - 1, 1);
  }
}

/** Titles of rank before a post and a name, one person: «الأمير ولي العهد محمد بن سلمان». */
const HONORIFIC = /^(?:الامير|الاميره|الشيخ|الشيخه|السيد|السيده|الدكتور|الدكتوره)$/;

/**
 * «بلادنا», «حكومتنا» are the speaker's in the words he is quoted saying; in a newsroom's own prose
 * («الأشخاص الذين تسللوا إلى بلادنا») it is the outlet's, and mostly a place, no side.
 */
const OUR_COUNTRY = /^[وفبل]*(?:ل)?(?:بلادنا|حكومتنا)$/;

/** Token `i` stands inside quotation marks opened earlier in the sentence. */
function quoted(toks: Tok[], i: number): boolean {
  let open = false;
  for (let k = 0; k < i; k++) {
    const r = toks[k]!.raw;
    if (r === '"') open = !open;
    else if (r === '«' || r === '“') open = true;
    else if (r === '»' || r === '”') open = false;
  }
  return open;
}

/** «جارتها، جارته، جارة بلاده، الجارة» + a direction: a neighbour named by relation. */
const NEIGHBOUR = /^[وف]?[بل]?(?:ال)?جار(?:ت|ه)(?:ها|ه|هم)?$/;
const OWN_COUNTRY = /^(?:بلاده|بلادها|بلادهم)$/;
const DIRECTION: Record<string, string> = {
  الشماليه: 'north',
  الجنوبيه: 'south',
  الشرقيه: 'east',
  الغربيه: 'west',
};

/**
 * «اتهمت كوريا الجنوبية جارتها الشمالية», «جارة بلاده الشرقية»: the owner is the last state
 * named before in the sentence; the table (data/events/neighbours.tsv) gives the neighbour.
 */
function neighbour(toks: Tok[], i: number, found: ActorMention[]): ActorMention | undefined {
  const t = toks[i]!;
  if (!t.n.includes('جار') || !NEIGHBOUR.test(t.n)) return undefined;
  let k = i + 1;
  if (OWN_COUNTRY.test(toks[k]?.n ?? '')) k++;
  const dir = DIRECTION[toks[k]?.n ?? ''];
  if (!dir) return undefined;
  let owner: string | undefined;
  for (const m of found)
    if (m.j <= i && m.actors.length === 1 && m.actors[0]!.country) owner = m.actors[0]!.country;
  const other = owner ? lexicon().neighbours.get(`${owner}:${dir}`) : undefined;
  if (!other) return undefined;
  return { i, j: k + 1, actors: [{ country: other, sector: 'GOV' }], kind: 'country' };
}

/**
 * A post and its holder's name side by side are one actor: «وزير الخارجية المصري بدر عبد العاطي»,
 * «نظيره اللبناني جوزاف عون» — else the name would read as the next actor (the object of «التقى»).
 */
function mergeAppositions(toks: Tok[], ms: ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  /** Delegations merged with their head (below). */
  const headed = new Set<ActorMention>();
  for (const m of ms) {
    const a = out.at(-1);
    const comma = a && (toks[a.j]?.raw === '،' || toks[a.j]?.raw === ',');
    // a post the lexicons know without its country, then a demonym they do not: «نظيرتها الدنماركية»
    if (
      a &&
      m.i === a.j &&
      a.kind === 'person' &&
      m.kind === 'demonym' &&
      a.actors.length === 1 &&
      !a.actors[0]!.country &&
      m.actors[0]?.country
    ) {
      out[out.length - 1] = { ...a, j: m.j, actors: [{ ...a.actors[0]!, country: m.actors[0].country }] };
      continue;
    }
    // «وفد مصري برئاسة وزير الخارجية»: the countryless head of a delegation named with its state is
    // one side with it, of that state (the place of the meeting gave him the host's: «… اجتماعا مع وفد
    // قطري في الدوحة»; «محادثات أجراها وفد أفغاني برئاسة وزير التجارة مع …» made him the one met)
    if (
      a &&
      m.i === a.j + 1 &&
      HEADED.test(toks[a.j]!.n) &&
      m.actors.length &&
      m.actors.every((x) => !x.country && x.sector !== 'IGO')
    ) {
      const state = delegationState(toks, a);
      if (state) {
        out[out.length - 1] = { ...a, j: m.j, actors: m.actors.map((x) => ({ ...x, country: state })) };
        headed.add(out[out.length - 1]!);
        continue;
      }
    }
    // «وفد مصري برئاسة وزير الخارجية بدر عبد العاطي», «… رئيس الوزراء الشيخ محمد …»: the name after
    // the head's post is the head, of the delegation's state (it was a countryless actor of its own)
    if (
      a &&
      headed.has(a) &&
      (m.i === a.j || (m.i === a.j + 1 && isTitle(toks[a.j]))) &&
      (m.kind === 'person' || m.kind === 'name') &&
      !m.prep &&
      !m.conj &&
      a.actors.length === 1 &&
      m.actors.length === 1 &&
      (!m.actors[0]!.country || m.actors[0]!.country === a.actors[0]!.country) &&
      (sameHolder(a.actors[0]!, m.actors[0]!) ||
        (!a.actors[0]!.entityId && m.actors[0]!.sector === a.actors[0]!.sector))
    ) {
      out[out.length - 1] = { ...a, j: m.j, actors: [{ ...m.actors[0]!, country: a.actors[0]!.country! }] };
      headed.add(out[out.length - 1]!);
      continue;
    }
    // «برئاسة وزير التجارة في حكومة طالبان»: the government the head serves in is his post's
    if (
      a &&
      headed.has(a) &&
      m.i <= a.j + 2 &&
      /^(?:في|من)$/.test(toks[a.j]!.n) &&
      !toks[m.i - 1]!.punct &&
      m.actors.every((x) => !x.country || x.country === a.actors[0]?.country)
    ) {
      out[out.length - 1] = { ...a, j: m.j };
      headed.add(out[out.length - 1]!);
      continue;
    }
    // «وفد الاتحاد الأفريقي», «وفدًا من صندوق النقد الدولي»: a delegation of an international body
    // is that body's side (a countryless government delegation was one side of no state)
    if (
      a &&
      a.kind === 'sector' &&
      a.j - a.i === 1 &&
      DELEGATION.test(toks[a.i]!.n) &&
      m.kind === 'group' &&
      !m.conj &&
      m.actors.length > 0 &&
      m.actors.every((x) => x.sector === 'IGO') &&
      ((m.i === a.j && !m.prep) || (m.i === a.j + 1 && m.prep === 'من' && toks[a.j]!.n === 'من'))
    ) {
      out[out.length - 1] = { ...a, j: m.j, actors: m.actors, kind: 'group' };
      continue;
    }
    // «القيادي في حركة النهضة علي العريض»: the member named right after his body is the actor, of
    // his body's state and sector (his party is his affiliation, not who is arrested or speaks)
    if (
      a &&
      m.i === a.j &&
      body(a) &&
      MEMBER.test(toks[a.i]!.n) &&
      (m.kind === 'person' || m.kind === 'name') &&
      !m.post &&
      !m.prep &&
      !m.conj &&
      a.actors.length === 1 &&
      m.actors.length === 1 &&
      m.actors[0]!.entityId?.startsWith('person:') &&
      (!m.actors[0]!.country || !a.actors[0]!.country || m.actors[0]!.country === a.actors[0]!.country)
    ) {
      const { country, sector } = a.actors[0]!;
      const person = m.actors[0]!;
      out[out.length - 1] = {
        ...m,
        i: a.i,
        ...(a.prep ? { prep: a.prep } : {}),
        actors: [
          {
            ...person,
            ...(!person.country && country ? { country } : {}),
            ...(!person.sector && sector ? { sector } : {}),
          },
        ],
      };
      continue;
    }
    // «نواب رئيس الوزراء» are deputies of a post, not members of parliament
    if (a && a.kind === 'sector' && a.head === 'نواب' && m.kind === 'person' && m.i === a.j && !m.prep) {
      out[out.length - 1] = m;
      continue;
    }
    // a post of no state before an international body («الأمين العام المساعد للجامعة العربية»,
    // «المتحدث باسم الأمين العام للأمم المتحدة», «مبعوث الاتحاد الإفريقي»): the holder acts for the
    // body — not for the state of the place named beside (the Arab League sits in Cairo)
    if (a && a.kind === 'person' && igoPost(toks, a, m)) {
      out[out.length - 1] = { ...a, j: m.j, actors: m.actors };
      continue;
    }
    // two sector nouns in a row name one actor when the first governs the second (no article on
    // it): «جماعة جيش التحرير الوطني» (a group), «قوات الشرطة» — not «اعتقلت الشرطة شخصًا»
    if (
      a &&
      m.i === a.j &&
      a.kind === 'sector' &&
      m.kind === 'sector' &&
      a.j - a.i === 1 &&
      !/^(?:[وف])?(?:[بلك])?ال/.test(toks[a.i]!.n) &&
      !NUNATED.test(toks[a.i]!.n) &&
      !m.prep &&
      !m.conj &&
      !a.weapon &&
      !m.weapon &&
      a.actors.length === 1 &&
      m.actors.length === 1 &&
      !(a.actors[0]!.country && m.actors[0]!.country && a.actors[0]!.country !== m.actors[0]!.country)
    ) {
      const sector = a.actors[0]!.sector === 'REB' ? 'REB' : m.actors[0]!.sector;
      const country = a.actors[0]!.country ?? m.actors[0]!.country;
      out[out.length - 1] = {
        ...a,
        j: m.j,
        actors: [{ ...(country ? { country } : {}), ...(sector ? { sector } : {}) }],
      };
      continue;
    }
    // a sector noun and the state it belongs to: «طائرات الاحتلال الإسرائيلي», «قوات روسيا»;
    // or the town it is of («بلدية صفاقس», the town already read off places.tsv)
    if (
      a &&
      m.i === a.j &&
      a.kind === 'sector' &&
      m.kind === 'country' &&
      !m.prep &&
      !m.conj &&
      // («وطالبت الوزارة أنقرة بـ…»: a noun with the article governs no genitive, the state is the object)
      !DEFINITE.test(toks[a.j - 1]!.n) &&
      !NUNATED.test(toks[a.j - 1]!.n) &&
      a.actors.length === 1 &&
      (!a.actors[0]!.country || a.actors[0]!.country === m.actors[0]?.country) &&
      m.actors.length === 1 &&
      m.actors[0]!.country
    ) {
      out[out.length - 1] = { ...a, j: m.j, actors: [{ ...a.actors[0]!, country: m.actors[0]!.country }] };
      continue;
    }
    // a bare title between post and name: «وزير الخارجية السعودي الأمير فيصل بن فرحان»
    if (
      a &&
      m.i === a.j &&
      a.kind === 'person' &&
      m.kind === 'person' &&
      !m.counterpart &&
      m.j - m.i === 1 &&
      a.actors.length === 1 &&
      m.actors.length === 1 &&
      !m.actors[0]!.entityId &&
      (!m.actors[0]!.country || m.actors[0]!.country === a.actors[0]!.country) &&
      m.actors[0]!.sector === a.actors[0]!.sector
    ) {
      out[out.length - 1] = { ...a, j: m.j };
      continue;
    }
    // («أمير قطر الشيخ تميم بن حمد», «رئيس المجلس العسكري الجنرال …»: a title or a rank between the
    // post and the name of its holder)
    if (
      a &&
      (m.i === a.j || (m.i === a.j + 1 && (comma || isTitle(toks[a.j]) || RANK.test(toks[a.j]!.n)))) &&
      a.kind === 'person' &&
      (m.kind === 'person' || m.kind === 'name') &&
      a.actors.length === 1 &&
      m.actors.length === 1 &&
      !m.prep &&
      !toks[m.i]!.n.startsWith('و') &&
      sameHolder(a.actors[0]!, m.actors[0]!)
    ) {
      out[out.length - 1] = { ...a, j: m.j, actors: m.actors };
      continue;
    }
    out.push(m);
  }
  return out;
}

/**
 * A sound masculine plural with its nūn («مسلحون», «محتجين»): a noun that governs a genitive drops
 * it («مسلحو الحركة»), so the noun after it is another actor — «اقتحم محتجون السفارة», «هاجم مسلحون
 * السفارة الأمريكية»: the embassy is the object, not whose the protesters are.
 */
const NUNATED = /(?:ون|ين)$/;

/** Words between a post and the body it serves: «الأمين العام المساعد لـ…», «الممثل الخاص لـ…». */
const POST_ADJ = /^(?:المساعد|التنفيذي|الخاص|الدايم|الاممي|الاقليمي|الاعلي|السابق)$/;

/** `m`, an international body, is whose post `a` (a post of no state) is: «لـ», or a genitive of a noun with no article. */
function igoPost(toks: Tok[], a: ActorMention, m: ActorMention): boolean {
  if (a.actors.length !== 1 || a.actors[0]!.country || m.conj) return false;
  if (m.kind !== 'group' && m.kind !== 'person') return false;
  if (!m.actors.length || !m.actors.every((x) => x.sector === 'IGO' && !x.country)) return false;
  const gap = m.i - a.j;
  if (gap === 1 ? !POST_ADJ.test(toks[a.j]!.n) : gap !== 0) return false;
  if (m.prep === 'ل') return true;
  return !m.prep && gap === 0 && !DEFINITE.test(toks[a.j - 1]!.n);
}

/** The same entity, or the same country and sector with the second one a named person. */
function sameHolder(a: Actor, b: Actor): boolean {
  if (a.entityId && a.entityId === b.entityId) return true;
  return Boolean(a.country && a.country === b.country && a.sector === b.sector && b.name);
}

/** A word with بـ and the article: «بالمبادرة», «وبالاتفاق». */
const DEFINITE_BI = /^[وف]?بال/;

/** Mentions from the events lexicons: countries, capitals, groups, sector heads with demonyms. */
function lexiconMentions(toks: Tok[], memory: ActorMemory): ActorMention[] {
  const out: ActorMention[] = [];
  const raw = rawMatches(toks);
  const used = new Set<Raw>();
  const push = (r: Raw, m: ActorMention) => {
    const t = toks[r.i]!;
    const w = /^[وف]/.test(t.n) && !t.n.startsWith(r.c) ? t.n.slice(1) : t.n;
    m.clitic = !(w.startsWith(r.c) || w.startsWith(`ال${r.c}`));
    m.conj = /^[وف]/.test(t.n) && !t.n.startsWith(r.c) && !t.n.startsWith(`ال${r.c}`);
    // («سفينتها الحربية»: in a name of two words, the pronoun is on the first)
    const first = toks[r.i]!;
    m.possessive =
      /(?:ه|ها|هم|هما)$/.test(first.n) &&
      !first.raw.endsWith('ة') &&
      first.n !== r.c &&
      (r.j - r.i === 1 || (r.j - r.i === 2 && /^ال/.test(toks[r.i + 1]!.n)));
    if (r.e.weapon) m.weapon = true;
    out.push(m);
  };
  for (let k = 0; k < raw.length; k++) {
    const r = raw[k]!;
    if (used.has(r)) continue;
    const e = r.e;
    if (e.kind === 'sector' || e.kind === 'person') {
      // head + demonym(s) within a short gap: «أمين المجلس الأعلى للأمن القومي الإيراني»
      const dems: Raw[] = [];
      let end = r.j;
      const maxGap = e.kind === 'person' ? 4 : 1;
      for (let q = k + 1; q < raw.length; q++) {
        const d = raw[q]!;
        const gap = toks.slice(end, d.i);
        if (gap.some((t) => t.punct || is(t, BIT.trigger))) break;
        // «رحب الوفد بالمبادرة القطرية»: a word with بـ opens a phrase of its own, no part of the name
        // (a definite one: «برلمانيا» in «وفدا برلمانيا أردنيا» is an adjective)
        if (e.kind === 'sector' && gap.some((t) => t.prep === 'ب' && DEFINITE_BI.test(t.n))) break;
        if (toks.slice(r.j, d.i).length > (dems.length ? 0 : maxGap) && !dems.length) break;
        if (dems.length && gap.length > 0) break;
        if (d.e.kind === 'demonym' || (d.e.kind === 'country' && /يه$/.test(toks[d.i]!.n))) {
          dems.push(d);
          end = d.j;
        } else if (d.e.kind === 'sector' && !dems.length && e.kind === 'person' && toks[d.i]!.prep) continue;
        else break;
      }
      const head = e.tokens[e.tokens.length - 1]!.replace(/^ال/, '');
      if (dems.length) {
        for (let q = k + 1; q < raw.length && raw[q]!.i < end; q++) used.add(raw[q]!);
        const actors = dems.map((d) => ({ country: d.e.country!, sector: e.sector! }));
        memory.heads.set(head, actors[0]!.country!);
        push(r, { i: r.i, j: end, actors, kind: e.kind, head });
        continue;
      }
      // a bare «مسيرة» is a march unless a demonym makes it a drone («مسيرة إسرائيلية»)
      if (e.weapon && r.j - r.i === 1 && is(toks[r.i], BIT.trigger)) continue;
      // «قوة إسرائيلية», «الدفاعات الأوكرانية» are actors; «بكل قوة», «الدفاعات» alone are not
      if (e.qualified) continue;
      const remembered = memory.heads.get(head);
      push(
        r,
        remembered
          ? {
              i: r.i,
              j: r.j,
              actors: [{ country: remembered, sector: e.sector! }],
              kind: e.kind,
              head,
              remembered: true,
            }
          : { i: r.i, j: r.j, actors: [{ sector: e.sector! }], kind: e.kind, head },
      );
      continue;
    }
    // (fields set one by one, in this order: conditional spreads are runtime copies)
    const actor: Actor = {};
    if (e.name) actor.name = e.name;
    if (e.country) actor.country = e.country;
    if (e.sector) actor.sector = e.sector;
    else if (e.kind === 'country' || e.kind === 'capital') actor.sector = 'GOV';
    push(r, { i: r.i, j: r.j, actors: [actor], kind: e.kind });
  }
  return out;
}

const TITLES = new Set(['السيد', 'سيد', 'الدكتور', 'الشيخ']);
/** A military rank before a name: «الجنرال», «الفريق أول», «العماد», «المشير». */
const RANK = /^(?:الجنرال|الفريق|العماد|المشير|اللواء|العقيد)$/;

function isPlainWord(t: Tok | undefined): boolean {
  if (!t || t.punct || /\d/.test(t.n)) return false;
  return !is(t, BIT.actor | BIT.trigger);
}

/** «…الإيراني، علي لاريجاني،» and «السيد علي لاريجاني بوزير…»: a post's holder by name. */
function learnNames(toks: Tok[], ms: ActorMention[], memory: ActorMemory): void {
  for (const m of ms) {
    if (m.kind !== 'person' || m.actors.length !== 1 || !m.actors[0]!.country) continue;
    // («نظيره العراقي فؤاد حسين ملف المياه»: a person the entities stage named has his name; the
    // words after it are the verb's object, not a name to learn)
    if (m.actors[0]!.entityId?.startsWith('person:')) continue;
    let k = m.j;
    if (toks[k]?.raw === '،' || toks[k]?.raw === ',') k++;
    if (TITLES.has(toks[k]?.n ?? '')) k++;
    const start = k;
    while (k < toks.length && k - start < 3 && isPlainWord(toks[k])) k++;
    const n = k - start;
    const after = toks[k];
    if (n < 2 || (after && !after.punct && !has(after, 'ان'))) continue;
    const words = toks.slice(start, k).map((t) => t.n);
    const actor = {
      ...m.actors[0]!,
      name: toks
        .slice(start, k)
        .map((t) => t.raw)
        .join(' '),
    };
    remember(memory, words.join(' '), actor);
    remember(memory, words[words.length - 1]!, actor);
  }
}

/** Learn names from a sentence where a name precedes its post: «السيد علي لاريجاني». */
export function isTitle(t: Tok | undefined): boolean {
  return t !== undefined && TITLES.has(t.n);
}

/** A word that is an act named by a noun and never a verb: «هجمات», «اعتداء». */
function actNoun(t: Tok | undefined): boolean {
  if (!t || !is(t, BIT.trigger)) return false;
  const entries = triggerForms(t).flatMap((f) => f.entries);
  return entries.some((e) => e.kind === 'noun') && !entries.some((e) => e.kind === 'verb');
}

/** A word with the article, after a conjunction or a preposition («والوزارة», «للجيش»). */
const DEFINITE = /^(?:[وف])?(?:[بلك]?ال|لل)/;

/** A demonym in the masculine plural, sound («التونسيين», «مصريون») or broken («الأتراك», «المغاربة»). */
/** «برئاسة», «يترأسه», «يرأسها»: the delegation named before is headed by whom follows. */
const HEADED = /^(?:[وف])?(?:برياسه|برياسته|برياستها|يراسه|يراسها|يتراسه|يتراسها|تراسه|تراسها)$/;
/** «وفد», «الوفد», «وفدا», «بعثة»: a delegation. */
const DELEGATION = /^(?:[وف])?(?:ال)?(?:وفد|وفدا|بعثه)$/;

/**
 * The state of a delegation's mention («وفد مصري», «وفد من مصر», «وفدًا قطريًا»): its one state,
 * when a delegation word opens it or stands right before it.
 */
function delegationState(toks: Tok[], owner: ActorMention): string | undefined {
  const states = new Set(owner.actors.map((a) => a.country));
  if (states.size !== 1) return undefined;
  const [state] = states;
  if (!state) return undefined;
  for (let k = Math.max(0, owner.i - 2); k < owner.j; k++) if (DELEGATION.test(toks[k]!.n)) return state;
  return undefined;
}

/** One soldier or officer: «جندي», «ضابطًا», «عسكري» (a demonym after it names his army). */
const SOLDIER = /^(?:[وف])?(?:[بل])?(?:ال)?(?:جندي|جنديا|ضابط|ضابطا|عسكري|عسكريا|مجند|مجندا)$/;

/** One soldier, not the adjective «عسكري»: «جنديًا», «الضابط», «مجندًا». */
const LONE_SOLDIER = /^(?:[وف])?(?:[بل])?(?:ال)?(?:جندي|جنديا|ضابط|ضابطا|مجند|مجندا)$/;
/** A number before a singular noun counts it: «150 جنديًا», «عشرين ضابطًا», «ألف جندي». */
const COUNT_BEFORE =
  /\d|^(?:[وف])?(?:عشر|عشره|عشرون|عشرين|ثلاثين|ثلاثون|اربعين|اربعون|خمسين|خمسون|ستين|ستون|سبعين|سبعون|ثمانين|ثمانون|تسعين|تسعون|ميه|مايه|مييه|الف|الفا|الفي|الاف|مليون|نحو|قرابه|حوالي)$/;

const PEOPLE_DEMONYM = /(?:يين|يون)$|^[وف]?(?:[بل]|لل)?(?:ال)?(?:اتراك|مغاربه|اكراد|افغان)$/;

/** A state's capital in the gazetteer («city:eri-asmara»). */
export function isCapital(id: string | undefined): boolean {
  if (!id?.startsWith('city:')) return false;
  return gazetteer().byId.get(id)?.kind === 'capital';
}

/**
 * The planes, drones or missiles of no named state an attack is made with («قصفت الطائرات مواقع في
 * عدن»): the place struck, the dateline or the home country does not give them a country — the
 * state that struck is not the one struck. Marked by roles.ts, read by the fills of events.ts.
 */
export const fromAir = new WeakSet<Actor>();

/**
 * An actor no state's: an international organization (IGO), or a non-governmental one the
 * gazetteer knows with no country (Médecins Sans Frontières, the Red Cross, Amnesty, FIFA). The
 * place, dateline or home country of an article never fills in its country: an NGO that works
 * in Lebanon is not Lebanese.
 */
export function stateless(a: Actor): boolean {
  if (a.sector === 'IGO') return true;
  if (a.sector !== 'NGO' || !a.entityId?.startsWith('org:')) return false;
  const e = gazetteer().byId.get(a.entityId);
  return e !== undefined && e.kind === 'org' && !e.country;
}
