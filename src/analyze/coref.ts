/**
 * Coreference inside one article:
 * - a surname alone refers to the full person named in the article («لاريجاني» → علي لاريجاني);
 * - a post without a name refers to the person last named with that post («وزير الداخلية
 *   الباكستاني» later, or «الوزير» alone → the last minister);
 * - «الطرفان», «الجانبان» → the two delegations just named with their state, body or head
 *   («وفد مصري … وفد قطري»), else the two people (or states) just named; «الوفدان» → the two
 *   delegations only; «البلدين» → the two states the passage is about (the two most mentioned
 *   among those named in the last sentences);
 * - a group acting as one side: «الوفد», «البعثة» → the state, body or person the nearest
 *   delegation (mission) was named with («وفد باكستاني برئاسة …», «وفد من حركة حماس»);
 *   «الجانب الإيراني» → Iran; «الطرف الآخر» → the one of the two parties just named that the
 *   sentence has not named yet.
 */
import type { Entity, Mention } from '../model.ts';
import {
  DELEGATION_PAIR,
  GROUP_HEADS,
  GROUP_OF,
  LEADER_CUES,
  OTHER_WORDS,
  PAIR_WORDS,
  SIDE_WORDS,
  TWO_COUNTRIES,
} from './gazetteer/lexicon.ts';
import { foreignEvidence } from './gazetteer/evidence.ts';
import { type Tok, keyOf, surfaceOffset } from './gazetteer/tokens.ts';

export interface CorefInput {
  text: string;
  toks: Tok[];
  /** Sentence number of each token. */
  sentence: Int32Array;
  mentions: Mention[];
  entities: Map<string, Entity>;
  /** Token index of each mention's first token (parallel to `mentions`). */
  firstTok: number[];
}

function covered(mentions: Mention[], length: number): (start: number, end: number) => boolean {
  const marks = new Uint8Array(length + 1);
  for (const m of mentions) marks.fill(1, m.span[0], m.span[1]);
  return (start, end) => {
    for (let k = start; k < end; k++) if (marks[k]) return true;
    return false;
  };
}

/** Surnames → full persons. Returns new mentions (with their token index). */
export function surnames(input: CorefInput): { mentions: Mention[]; firstTok: number[] } {
  const bySurname = new Map<string, string | null>();
  // Three-letter surnames («ماي», «دار», «بري»): also words, so they refer back only where a
  // name stands — see `subjectSlot`.
  const byShort = new Map<string, string | null>();
  const put = (map: Map<string, string | null>, key: string, id: string) => {
    const prev = map.get(key);
    map.set(key, prev === undefined || prev === id ? id : null);
  };
  for (const e of input.entities.values()) {
    if (e.type !== 'PERS') continue;
    for (const name of [e.names.ar, ...e.names.aliases]) {
      const words = name.split(/\s+/).filter((w) => w.length > 0);
      if (words.length < 2) continue;
      const key = surnameKey(words[words.length - 1]!);
      // Short words and ال-words («الورد», «السوداني») are too often common nouns or
      // adjectives: only well-known people (from the list) refer back by them. A name written
      // with «أل» («ألباريس», «ألفاريز») is a foreign name, not the article, which has no hamza.
      // A surname with the article the tagger's frequent-word table does not know («الداهوم»,
      // «الحلبوسي») is a family name, not a common word: it refers back too.
      const last = words[words.length - 1]!;
      if (key.startsWith('ال') && !last.startsWith('أل') && !e.names.en && foreignEvidence().known(last))
        continue;
      if (key.length === 3) put(byShort, key, e.id);
      if (key.length < 4) continue;
      put(bySurname, key, e.id);
    }
  }
  const out: Mention[] = [];
  const outTok: number[] = [];
  if (bySurname.size === 0 && byShort.size === 0) return { mentions: out, firstTok: outTok };
  const isCovered = covered(input.mentions, input.text.length);
  for (const t of input.toks) {
    if (!t.arabic) continue;
    for (const r of t.info.readings) {
      const id =
        bySurname.get(r.key) ??
        (r.strip === 0 && subjectSlot(input.toks, t.i) ? byShort.get(r.key) : undefined);
      if (!id) continue;
      const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
      if (isCovered(start, t.end)) break;
      out.push({
        span: [start, t.end],
        text: input.text.slice(start, t.end),
        type: 'PERS',
        entityId: id,
        role: 'coref',
        via: 'coref',
        confidence: 0.8,
      });
      outTok.push(t.i);
      break;
    }
  }
  return { mentions: out, firstTok: outTok };
}

/** Verbs of saying whose subject usually follows them («وأضافت ماي أن …»). */
const SAY_VERBS = new Set(
  `قال قالت أكد أكدت أعلن أعلنت صرح صرحت أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت تابع تابعت
   اعتبر اعتبرت شدد شددت أعرب أعربت رحب رحبت دعا دعت طالب طالبت لفت لفتت تعهد تعهدت وعد وعدت
   حذر حذرت نفى نفت اتهم اتهمت انتقد انتقدت هنأ هنأت أدان أدانت رفض رفضت`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => keyOf(w)),
);

/**
 * Whether the word at `i` stands where a name does in news prose: the subject right after a
 * verb of saying («وأضاف دار أن …») — not the head of a construct («قالت دار الإفتاء»).
 */
function subjectSlot(toks: Tok[], i: number): boolean {
  const before = toks[i - 1];
  if (!before?.arabic || !before.info.readings.some((r) => SAY_VERBS.has(r.key))) return false;
  const after = toks[i + 1];
  return !(after?.arabic && !after.punct && after.key.startsWith('ال'));
}

function surnameKey(word: string): string {
  return keyOf(word);
}

const COUNTRY_ROLES = new Set(['name', 'demonym', 'metonym', 'alias']);

/**
 * «البنك المركزي» after (or before) «البنك المركزي التونسي» in the same article: an
 * organization the tagger found, whose name is the start of exactly one other
 * organization's name, is that organization (its mentions are relinked as coreference).
 */
export function shortOrgs(mentions: Mention[], entities: Map<string, Entity>): void {
  const key = (ar: string) => ar.split(/\s+/).map(keyOf).join(' ');
  const orgs = [...entities.values()].filter((e) => e.type === 'ORG');
  if (orgs.length < 2) return;
  const full = orgs.map((e) => ({ id: e.id, k: key(e.names.ar) }));
  for (const e of orgs) {
    const own = mentions.filter((m) => m.entityId === e.id);
    if (own.length === 0 || own.some((m) => m.via !== 'tagger')) continue;
    const k = key(e.names.ar);
    const longer = full.filter((f) => f.id !== e.id && f.k.startsWith(`${k} `));
    if (longer.length !== 1) continue;
    for (const m of own) {
      m.entityId = longer[0]!.id;
      m.role = 'coref';
      m.via = 'coref';
    }
  }
}

/** The mentions in token order, and the parties an anaphor at a token may stand for. */
interface Parties {
  order: { m: Mention; tok: number }[];
  /** Index in `order` of the first mention at or after token `tok`. */
  before(tok: number): number;
  /** The two states the passage is about (the two most mentioned among those named in the last sentences). */
  twoCountries(tok: number): string[];
  /** The two people (or posts) last named before `tok`, in order of mention. */
  twoPeople(tok: number): string[];
  /** The same with bodies too (a party, a union, a movement): the two sides «الطرف الآخر» may mean. */
  twoBodies(tok: number): string[];
  /** «الدولتان الخليجيتان الكويت وسلطنة عمان»: two states named right after, joined by و. */
  twoAfter(tok: number): string[];
}

function parties(input: CorefInput): Parties {
  const order = input.mentions.map((m, k) => ({ m, tok: input.firstTok[k]! })).sort((a, b) => a.tok - b.tok);
  const countryCount = new Map<string, number>();
  const firstSeen = new Map<string, number>();
  for (const { m, tok } of order) {
    if (m.entityId?.startsWith('country:') && COUNTRY_ROLES.has(m.role)) {
      countryCount.set(m.entityId, (countryCount.get(m.entityId) ?? 0) + 1);
      if (!firstSeen.has(m.entityId)) firstSeen.set(m.entityId, tok);
    }
  }
  const before = (tok: number): number => {
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order[mid]!.tok < tok) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const twoCountries = (tok: number): string[] => {
    const sent = input.sentence[tok]!;
    const recent = new Set<string>();
    for (let k = before(tok) - 1; k >= 0; k--) {
      const { m, tok: mt } = order[k]!;
      if (input.sentence[mt]! < sent - 3) break;
      if (m.entityId?.startsWith('country:') && COUNTRY_ROLES.has(m.role)) recent.add(m.entityId);
    }
    return [...recent]
      .sort((a, b) => (countryCount.get(b) ?? 0) - (countryCount.get(a) ?? 0))
      .slice(0, 2)
      .sort((a, b) => (firstSeen.get(a) ?? 0) - (firstSeen.get(b) ?? 0));
  };
  const lastTwo = (tok: number, bodies: boolean): string[] => {
    const sent = input.sentence[tok]!;
    const seen: string[] = [];
    for (let k = before(tok) - 1; k >= 0; k--) {
      const { m, tok: mt } = order[k]!;
      if (input.sentence[mt]! < sent - 4) break;
      const id = m.entityId;
      if (!id || !(id.startsWith('person:') || id.startsWith('post:') || (bodies && m.type === 'ORG')))
        continue;
      if (!seen.includes(id)) seen.push(id);
      if (seen.length === 2) break;
    }
    return seen.reverse();
  };
  const twoPeople = (tok: number) => lastTwo(tok, false);
  const twoBodies = (tok: number) => lastTwo(tok, true);
  const twoAfter = (tok: number): string[] => {
    const got: string[] = [];
    let lastTok = tok;
    for (let k = before(tok + 1); k < order.length && got.length < 2; k++) {
      const { m, tok: mt } = order[k]!;
      if (mt > lastTok + 3) break;
      const id = m.entityId;
      if (!id?.startsWith('country:') || !COUNTRY_ROLES.has(m.role)) continue;
      if (got.length === 1 && !input.toks[mt]?.key.startsWith('و')) break;
      if (!got.includes(id)) got.push(id);
      lastTok = mt;
    }
    return got.length === 2 ? got : [];
  };
  return { order, before, twoCountries, twoPeople, twoBodies, twoAfter };
}

/** «الطرفان», «الجانبان», «الوفدان», «البلدين» → mentions standing for two entities. */
export function pairs(input: CorefInput): { mentions: Mention[]; firstTok: number[] } {
  const out: Mention[] = [];
  const outTok: number[] = [];
  const { twoCountries, twoPeople, twoAfter } = parties(input);
  const twoGroups = delegations(input);
  for (const t of input.toks) {
    if (!t.arabic) continue;
    for (const r of t.info.readings) {
      const groupPair = DELEGATION_PAIR.has(r.key);
      const people = PAIR_WORDS.has(r.key);
      const states = TWO_COUNTRIES.has(r.key);
      if (!people && !states && !groupPair) continue;
      const sides = groupPair || people ? twoGroups(t.i) : [];
      let ids = sides.length ? sides.map((m) => m.entityId!) : people ? twoPeople(t.i) : twoAfter(t.i);
      let type: Mention['type'] = sides.length ? sides[0]!.type : people ? 'PERS' : 'LOC';
      if (groupPair && !sides.length) break;
      if (ids.length < 2) {
        ids = twoCountries(t.i);
        type = 'LOC';
      }
      if (ids.length === 2) {
        const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
        out.push({
          span: [start, t.end],
          text: input.text.slice(start, t.end),
          type,
          entityId: ids[0]!,
          entityIds: ids,
          role: 'coref',
          via: 'coref',
          confidence: 0.7,
        });
        outTok.push(t.i);
      }
      break;
    }
  }
  return { mentions: out, firstTok: outTok };
}

/**
 * The two delegations last named with their own state, body or head («وفد مصري … وفدًا قطريًا»,
 * «بين وفد من حركة حماس ووفد من حركة فتح») within `GROUP_REACH` sentences before a token, as
 * the mentions they were named with — none unless they are two different sides.
 */
function delegations(input: CorefInput): (tok: number) => Mention[] {
  const at = mentionsByTok(input);
  const named: { tok: number; m: Mention }[] = [];
  for (const t of input.toks) {
    if (!t.arabic || !t.info.readings.some((r) => GROUP_HEADS.get(r.key) === 'وفد')) continue;
    const m = groupQualifier(input, at, t.i);
    if (m?.entityId) named.push({ tok: t.i, m });
  }
  return (tok) => {
    const sent = input.sentence[tok]!;
    const two: Mention[] = [];
    for (let k = named.length - 1; k >= 0 && two.length < 2; k--) {
      const g = named[k]!;
      if (g.tok >= tok) continue;
      if (sent - input.sentence[g.tok]! > GROUP_REACH) break;
      if (!two.some((m) => m.entityId === g.m.entityId)) two.push(g.m);
    }
    return two.length === 2 ? two.reverse() : [];
  };
}

/** How far back (in sentences) «الوفد» looks for the delegation it refers to. */
const GROUP_REACH = 5;
/** How many words after «وفد» its state, body or head may stand («وفد رفيع المستوى من حركة حماس»). */
const QUALIFIER_REACH = 6;
/** «تنسحب إلى الجانب السوداني»: a side one goes to is a side of a border, a place. */
const TOWARDS = new Set(['الي', 'نحو', 'عبر'].map(keyOf));
/** Words after which a delegation's name has ended. */
const GROUP_ENDS = new Set(
  ['الي', 'علي', 'في', 'مع', 'منذ', 'خلال', 'الذي', 'التي', 'حيث', 'ان', 'لدي'].map(keyOf),
);

/** The mentions starting at each token. */
function mentionsByTok(input: CorefInput): Map<number, Mention[]> {
  const at = new Map<number, Mention[]>();
  input.mentions.forEach((m, k) => {
    const tok = input.firstTok[k]!;
    const list = at.get(tok);
    if (list) list.push(m);
    else at.set(tok, [m]);
  });
  return at;
}

const isState = (m: Mention) => !!m.entityId?.startsWith('country:') && COUNTRY_ROLES.has(m.role);
const isPerson = (m: Mention) => !!m.entityId && (m.type === 'PERS' || m.type === 'POST');

/**
 * Whom the group noun at `h` («وفد», «الوفد») is named with, in its own sentence: a demonym or a
 * state («وفد باكستاني», «وفد من مصر»), a body («وفد حماس», «وفد من حركة حماس»), else the one
 * heading it («وفد برئاسة وزير الخارجية إسحاق دار»). Not a place it goes to («وفد إلى طهران»).
 */
function groupQualifier(input: CorefInput, at: Map<number, Mention[]>, h: number): Mention | undefined {
  const { toks, sentence } = input;
  let led = false;
  let head: Mention | undefined;
  for (let k = h + 1; k <= h + QUALIFIER_REACH && k < toks.length; k++) {
    const t = toks[k]!;
    if (sentence[k] !== sentence[h]) break;
    if (t.punct) {
      if (t.text === '،' || t.text === ',') continue;
      break;
    }
    const after = GROUP_OF.has(toks[k - 1]!.key) || k === h + 1;
    for (const m of at.get(k) ?? []) {
      if (!m.entityId) continue;
      if (isState(m) && (m.role === 'demonym' || after)) return m;
      if (m.type === 'ORG' && after) return m;
      if (led && isPerson(m)) head ??= m;
    }
    if (head) return head;
    if (t.info.readings.some((r) => LEADER_CUES.has(r.key))) led = true;
    // «وصل وفد إلى طهران», «ورحب الوفد بالمبادرة القطرية»: the rest is no longer the delegation's name
    else if ((at.has(k) && !led) || endsGroupName(t)) break;
  }
  return head;
}

/** A preposition, or a word carrying بـ/لـ/كـ: what follows is not a delegation's name («وفد إلى …»). */
function endsGroupName(t: Tok): boolean {
  if (GROUP_ENDS.has(t.key)) return true;
  return t.info.readings.some((r) => r.strip > 0 && /^[بلك]/u.test(t.key.slice(r.strip - 1)));
}

/** A coreference mention of the word `t` (its clitics left out) standing for `m`'s entity. */
function corefOf(
  input: CorefInput,
  t: Tok,
  strip: number,
  end: number,
  m: Mention,
  confidence: number,
): Mention {
  const start = t.start + (strip > 0 ? surfaceOffset(t.text, strip) : 0);
  return {
    span: [start, end],
    text: input.text.slice(start, end),
    type: m.type === 'POST' ? 'PERS' : m.type,
    entityId: m.entityId!,
    role: 'coref',
    via: 'coref',
    confidence,
  };
}

/**
 * Groups acting as one side (see the file's comment): «الوفد» and «البعثة» with no name of their
 * own → the nearest delegation (mission) named with a state, a body or a head within
 * `GROUP_REACH` sentences (an unnamed «وفد» in between is another delegation: none then);
 * «الجانب/الطرف» + a demonym → that state; «الطرف/الجانب الآخر» → the other of the two parties
 * «الطرفان» would stand for, when the sentence has named one of them before it.
 */
export function groups(input: CorefInput): { mentions: Mention[]; firstTok: number[] } {
  const out: Mention[] = [];
  const outTok: number[] = [];
  const at = mentionsByTok(input);
  const isCovered = covered(input.mentions, input.text.length);
  let found: Parties | undefined;
  let twoGroups: ((tok: number) => Mention[]) | undefined;
  /** Per head noun: the delegation last named, and its sentence. */
  const last = new Map<string, { m: Mention; sent: number } | undefined>();
  const { toks, sentence } = input;
  for (const t of toks) {
    if (!t.arabic) continue;
    for (const r of t.info.readings) {
      const group = GROUP_HEADS.get(r.key);
      const side = SIDE_WORDS.has(r.key);
      if (!group && !side) continue;
      const next = toks[t.i + 1];
      if (group) {
        const own = groupQualifier(input, at, t.i);
        const definite = r.key.startsWith('ال');
        if (own) last.set(group, { m: own, sent: sentence[t.i]! });
        else if (!definite) last.set(group, undefined);
        else if (!at.has(t.i + 1) && !isCovered(t.start, t.end)) {
          const ante = last.get(group);
          if (ante && sentence[t.i]! - ante.sent <= GROUP_REACH) {
            out.push(corefOf(input, t, r.strip, t.end, ante.m, 0.6));
            outTok.push(t.i);
          }
        }
      } else if (next && !isCovered(t.start, t.end) && !TOWARDS.has(toks[t.i - 1]?.key ?? '')) {
        const demonym = (at.get(next.i) ?? []).find((m) => isState(m) && m.role === 'demonym');
        if (demonym) {
          out.push(corefOf(input, t, r.strip, next.end, demonym, 0.7));
          outTok.push(t.i);
        } else if (OTHER_WORDS.has(next.key)) {
          found ??= parties(input);
          twoGroups ??= delegations(input);
          const other = otherParty(input, found, twoGroups(t.i), t.i);
          if (other) {
            out.push(corefOf(input, t, r.strip, next.end, other, 0.6));
            outTok.push(t.i);
          }
        }
      }
      break;
    }
  }
  return { mentions: out, firstTok: outTok };
}

/**
 * «الطرف الآخر» at token `i`: of the two parties «الطرفان» would stand for there (the two
 * delegations just named, else two people, two states, or two bodies — «الحكومة» and «الاتحاد
 * العام التونسي للشغل»), the one its sentence has not named before it while it has named the
 * other; else undefined.
 */
function otherParty(input: CorefInput, found: Parties, groups: Mention[], i: number): Mention | undefined {
  const sent = input.sentence[i]!;
  const sides = [
    groups.map((m) => m.entityId!),
    found.twoPeople(i),
    found.twoCountries(i),
    found.twoBodies(i),
  ];
  for (const two of sides) {
    if (two.length !== 2) continue;
    const named = new Set<string>();
    for (let k = found.before(i) - 1; k >= 0; k--) {
      const { m, tok } = found.order[k]!;
      if (input.sentence[tok] !== sent) break;
      if (m.entityId) named.add(m.entityId);
    }
    const left = two.filter((id) => !named.has(id));
    if (left.length !== 1) continue;
    return found.order.findLast(({ m, tok }) => tok < i && m.entityId === left[0])?.m;
  }
  return undefined;
}
