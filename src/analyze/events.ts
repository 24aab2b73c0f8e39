/**
 * extractEvents: an analyzed article → PLOVER events with actors, dates and evidence.
 *
 * Per sentence (in brief order: lead, sections, key points, body): trigger lexicon
 * (data/events/triggers.tsv) → type and mode; actors from the entities stage or the events
 * lexicons → source and target; attribution, modality, negation, background, contexts and
 * date; then restatements merge into one event with several evidence spans. See
 * docs/events.md for the rules and src/analyze/events/*.ts for each step.
 */
import type { Actor, Brief, DateRef, Entity, EventRecord, Mention } from '../model.ts';
import { dateFromText } from '../ingest/text-date.ts';
import { matchForm } from '../text/normalize.ts';
import { findDates, publishedRef } from './dates.ts';
import { datelinePlace } from './entities.ts';
import { fromAir, isCapital, newMemory, stateless } from './events/actors.ts';
import { mergeCandidates } from './events/merge.ts';
import { type Candidate, processSentence, type SentenceInput } from './events/sentence.ts';
import { sentenceSpans } from './events/text.ts';

export interface EventInput {
  text: string;
  brief: Brief;
  mentions: Mention[];
  entities: Entity[];
  /** ISO publication date, when known. */
  published?: string;
  /**
   * Where `published` came from: `text` when the ingest read it from the article's dateline or
   * byline (src/ingest/text-date.ts) — the dates worked out from it are marked so (`DateRef.from`).
   */
  publishedFrom?: 'source' | 'text';
  /**
   * The outlet's home country (data/events/outlets.tsv), when known: where countryless domestic
   * actors act if the article names no province or town of its own.
   */
  home?: string;
}

export interface EventResult {
  events: EventRecord[];
  dates: DateRef[];
  published?: DateRef;
}

interface Region {
  start: number;
  end: number;
  block: string;
}

/** The article's text regions in order, each with the brief block kind it belongs to. */
export function regions(text: string, brief: Brief): Region[] {
  const out: Region[] = [];
  for (const b of brief.lead) out.push({ start: b.span[0], end: b.span[1], block: 'lead' });
  for (const s of brief.sections) {
    const blocks = [...s.paragraphs, ...s.items];
    if (blocks.length) for (const b of blocks) out.push({ start: b.span[0], end: b.span[1], block: s.kind });
    else out.push({ start: s.labelSpan ? s.labelSpan[1] : s.span[0], end: s.span[1], block: s.kind });
  }
  for (const b of brief.body) out.push({ start: b.span[0], end: b.span[1], block: 'body' });
  if (!out.length) out.push({ start: 0, end: text.length, block: 'body' });
  out.sort((a, b) => a.start - b.start);
  // drop regions nested in an earlier one
  return out.filter((r, k) => !out.some((o, q) => q < k && o.start <= r.start && o.end >= r.end));
}

/** Up to three words and a dash or an opening parenthesis: what may stand before a credit on its line. */
const CREDIT_BEFORE = /^[^\S\n]*(?:[^\s:،,.؛]+[^\S\n]+){0,3}[-–—(][^\S\n]*$|^[^\S\n]*\(?[^\S\n]*$/u;

/** Sectors of a state's own institutions: a countryless one in datelined copy is the dateline's. */
const STATE_SECTORS = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG']);

/** A colon, a closing parenthesis or a dash right after it. */
const CREDIT_AFTER = /^[^\S\n]*[:)\-–—]/u;

/**
 * A mention of a news outlet (sector MED) written as a dateline credit: at the start of its line
 * after at most a place and a dash («الرياض - واس:», «واس - الرياض:», «(إرنا) –»), and followed by
 * a colon, a parenthesis or a dash.
 */
export function isCredit(text: string, m: Mention, byId: Map<string, Entity>): boolean {
  const e = m.entityId ? byId.get(m.entityId) : undefined;
  if (e?.sector !== 'MED') return false;
  const lineStart = text.lastIndexOf('\n', m.span[0] - 1) + 1;
  if (m.span[0] - lineStart > 40) return false;
  return (
    CREDIT_BEFORE.test(text.slice(lineStart, m.span[0])) &&
    CREDIT_AFTER.test(text.slice(m.span[1], m.span[1] + 4))
  );
}

/**
 * The date «اليوم», «أمس», «الثلاثاء الماضي» are resolved against: the publication date given
 * (marked `from: 'text'` when the ingest read it from the text), else the date the article's own
 * dateline or byline states (`dateFromText`, the ingest's rule: «طهران، الثلاثاء 11 نوفمبر 2025 -»),
 * marked `from: 'text'`; else none — a date somewhere in the first lines («وقعت في 5 مارس 2024 …»)
 * may be any date the story names, and relative dates then keep their words and no value.
 */
export function anchorDate(
  input: Pick<EventInput, 'text' | 'published' | 'publishedFrom'>,
): DateRef | undefined {
  if (input.published) {
    const given = publishedRef({
      published: input.published,
      ...(input.publishedFrom ? { from: input.publishedFrom } : {}),
    });
    if (given) return given;
  }
  const own = dateFromText(input.text);
  return own
    ? { value: own.day, precision: 'day', expression: own.expression, span: own.span!, from: 'text' }
    : undefined;
}

/** An editor's note that opens its paragraph: «تصحيح:», «تصويب -», «استدراك:». */
const CORRECTION_LABEL = /^[^\S\n]*[([]?[^\S\n]*(?:تصحيح|تصويب|استدراك)[^\S\n]*[)\]]?[^\S\n]*[:：\-–—]/u;
/** What such a note says, labelled or not (in match form): «ورد في نسخة سابقة من هذا الخبر …». */
const EARLIER_VERSION = /نسخه\s+سابقه\s+(?:من|ل)/u;

/**
 * The paragraphs (text between line breaks) that are correction notes («تصحيح: ورد في نسخة سابقة
 * من هذا الخبر أن …، والصحيح …»): they open on a correction label or tell of an earlier version of
 * the article. What a note retracts or restates was told (or not) elsewhere; the note itself is
 * no event.
 */
export function correctionNotes(text: string): Array<readonly [number, number]> {
  const out: Array<readonly [number, number]> = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(start, end);
    if (CORRECTION_LABEL.test(line) || EARLIER_VERSION.test(matchForm(line))) out.push([start, end]);
    start = end + 1;
  }
  return out;
}

export function extractEvents(input: EventInput): EventResult {
  const { text } = input;
  const pub = anchorDate(input);
  const anchor = pub?.value;
  const dates = findDates(text, anchor ? { published: anchor, ...(pub.from ? { from: pub.from } : {}) } : {});
  const memory = newMemory();
  const state: SentenceInput['state'] = { topic: [], pair: [], told: [] };
  const cands: Candidate[] = [];
  const entityIndex = new Map(input.entities.map((e) => [e.id, e] as const));
  // A news agency credited in the dateline («الرياض - واس: استقبل …», «(إرنا) – …») reports
  // the article and acts in none of its events.
  // The dateline around the credit («الرياض» in «الرياض - واس:», «واس - الرياض:») is where the
  // article was filed, not an actor either: from the line's start to the colon after the credit
  // (when one closes it within 30 characters), else to the end of the credit.
  const credits = input.mentions.filter((m) => isCredit(text, m, entityIndex));
  const datelines = credits.map((c) => {
    const start = text.lastIndexOf('\n', c.span[0] - 1) + 1;
    const colon = text.slice(c.span[1], c.span[1] + 30).search(/[:\n]/u);
    const end = colon >= 0 && text[c.span[1] + colon] === ':' ? c.span[1] + colon : c.span[1];
    return [start, end] as const;
  });
  // Only places and outlets: a person or a post after the credit («(إرنا) - قال الوزير:») acts.
  const inDateline = (m: Mention) =>
    (m.type === 'LOC' || m.type === 'GPE' || credits.includes(m)) &&
    datelines.some(([a, b]) => m.span[0] >= a && m.span[1] <= b);
  // The dateline place with no credit («بيروت - أعلن …», «باماكو (رويترز) - …»): where the
  // article was filed, no actor; its country is the dateline's.
  const placeLine = datelinePlace(text, input.mentions);
  const placed = [...(placeLine ? [placeLine] : []), ...input.mentions.filter(inDateline)];
  const datelineCountry = placed
    .map((m) => (m.entityId ? entityIndex.get(m.entityId) : undefined))
    .find((e) => e?.type === 'LOC' && e.country)?.country;
  if (datelineCountry) state.dateline = datelineCountry;
  // where the dateline ends: the sentence that holds it starts after it (the lexicons would
  // read its place as an actor again)
  let cut = 0;
  for (const m of placed)
    if (m.role !== 'demonym' && /^[^\n]*$/u.test(text.slice(0, m.span[0]))) cut = Math.max(cut, m.span[1]);
  for (const m of credits) if (/^[^\n]*$/u.test(text.slice(0, m.span[0]))) cut = Math.max(cut, m.span[1]);
  if (cut) cut += /^[\s:)\-–—]*/u.exec(text.slice(cut))![0].length;
  const actorMentions =
    credits.length || placeLine
      ? input.mentions.filter((m) => m !== placeLine && !inDateline(m))
      : input.mentions;
  // mentions and dates sorted by start, looked up per sentence by binary search
  const mentions = [...actorMentions].sort((a, b) => a.span[0] - b.span[0]);
  const longest = mentions.reduce((m, x) => Math.max(m, x.span[1] - x.span[0]), 0);
  const dated = dates.filter((d) => d.span).sort((a, b) => a.span![0] - b.span![0]);
  const lowerBound = <T>(xs: T[], key: (x: T) => number, v: number) => {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (key(xs[mid]!) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const mentionsIn = (s0: number, s1: number) => {
    const out = [];
    for (let k = lowerBound(mentions, (m) => m.span[0], s0 - longest); k < mentions.length; k++) {
      const m = mentions[k]!;
      if (m.span[0] >= s1) break;
      if (m.span[1] > s0) out.push(m);
    }
    return out;
  };
  const datesIn = (s0: number, s1: number) => {
    const out = [];
    for (let k = lowerBound(dated, (d) => d.span![0], s0); k < dated.length; k++) {
      const d = dated[k]!;
      if (d.span![0] >= s1) break;
      if (d.span![1] <= s1) out.push(d);
    }
    return out;
  };
  // one input object for every sentence of the article, moved from sentence to sentence
  const inp: SentenceInput = {
    text,
    start: 0,
    end: 0,
    index: 0,
    block: 'body',
    mentions: actorMentions,
    entities: input.entities,
    entityIndex,
    mentionsIn,
    datesIn,
    memory,
    dates,
    ...(anchor ? { published: anchor } : {}),
    state,
  };
  const notes = correctionNotes(text);
  let index = 0;
  for (const r of regions(text, input.brief)) {
    for (const s of sentenceSpans(text.slice(r.start, r.end))) {
      if (notes.some(([a, b]) => r.start + s.start >= a && r.start + s.start < b)) continue;
      inp.start = r.start + s.start;
      if (inp.start < cut && r.start + s.end > cut) inp.start = cut;
      inp.end = r.start + s.end;
      inp.index = index++;
      inp.block = r.block;
      for (const c of processSentence(inp)) cands.push(c);
    }
  }
  const merged = mergeCandidates(cands, text);
  // the outlet's country only for an article that names no place abroad («بالقدس المحتلة» in a
  // Tunisian outlet's story is not Tunisian news)
  const abroad = (iso?: string) =>
    input.mentions.some((m) => {
      const e = m.entityId ? entityIndex.get(m.entityId) : undefined;
      // a state, a capital or a city of another country; a city of no country (Jerusalem) too
      return e?.type === 'LOC' && (e.country ? e.country !== iso : e.id.startsWith('city:'));
    });
  const home = state.home ?? (input.home && !abroad(input.home) ? input.home : undefined);
  if (home) fillHome(home, merged);
  if (datelineCountry) fillDateline(datelineCountry, merged);
  // (after merging: the merge compares actors by country, and a filled country would join acts
  // done to different people)
  fillTargets(datelineCountry ?? home, merged);
  fillSources(merged);
  fillUnnamedTargets(merged, text);
  fillCondemned(merged);
  fillReciprocal(merged);
  fillStateSectors(merged);
  const events: EventRecord[] = merged.map((c) => ({
    id: `ev-${c.record.trigger.span[0]}-${c.record.type.toLowerCase()}`,
    ...c.record,
  }));
  return { events, dates, ...(pub ? { published: pub } : {}) };
}

/**
 * Countryless actors of a domestic event act in the article's home country: the country of the
 * first province or town it names (data/events/places.tsv, found sentence by sentence), else
 * the outlet's country (data/events/outlets.tsv) —
 * «الوحدات الأمنية بقفصة», «تم إيقاف …» in an article that names Gafsa. Only events none of whose
 * actors has another country, and never an international organization.
 */
function fillHome(home: string, cands: Candidate[]): void {
  const fill = (a: Actor): Actor =>
    a.country || stateless(a) || fromAir.has(a) ? a : { ...a, country: home };
  for (const c of cands) {
    const r = c.record;
    const all = [...r.source, ...r.target];
    if (!all.some((a) => !a.country && !stateless(a))) continue;
    if (all.some((a) => a.country && a.country !== home)) continue;
    r.source = r.source.map(fill);
    r.target = r.target.map(fill);
  }
}

/** One-way acts whose target may be a side of the act's own state: not meetings, agreements, joint acts. */
const TWO_SIDED = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
/** Acts a state's organs or people mostly do to their own: arrest, release, call on, reject, blame, praise. */
const AT_HOME = new Set(['COERCE', 'CONCEDE', 'REQUEST', 'REJECT', 'ACCUSE', 'SUPPORT', 'PROTEST']);

/**
 * The one a one-way act is done to, named with no country («اعتقلت الشرطة 23 شخصًا»، «دعا الجيش
 * المواطنين إلى …»، «طالبت المنظمة السلطات بـ…»), is of the country the article is filed from (its
 * dateline, else its home country), else — for acts done mostly at home: arrests, releases, calls,
 * rejections, blame, praise — of the one state its source acts for: a police force arrests, an army
 * warns, an NGO petitions the authorities where the story happens. Never an
 * international organization, never a side of a meeting or an agreement (a countryless «نظيره» is
 * of another state).
 */
function fillTargets(where: string | undefined, cands: Candidate[]): void {
  for (const c of cands) {
    const r = c.record;
    if (r.reciprocal || TWO_SIDED.has(r.type)) continue;
    if (!r.target.some((a) => !a.country && a.sector && !stateless(a))) continue;
    const states = new Set(r.source.flatMap((a) => (a.country ? [a.country] : [])));
    // (an attack, a sanction, a threat by a foreign state is no act on its own people)
    const country = where ?? (states.size === 1 && AT_HOME.has(r.type) ? [...states][0] : undefined);
    if (!country) continue;
    r.target = r.target.map((a) => (a.country || !a.sector || stateless(a) ? a : { ...a, country }));
  }
}

/** Sectors of people and bodies inside one state: armed groups, civilians, the opposition, parties, unions, schools, firms. */
const DOMESTIC = new Set(['REB', 'CVL', 'OPP', 'PTY', 'LAB', 'EDU', 'BUS']);

/**
 * The ones who act inside a state, named with no country («هجوم شنته جماعة مسلحة» on Malian soldiers,
 * «مقتل إرهابيين» the Saudi interior ministry announces), are of the one state their act is done to
 * or in: the country of the event's targets when they have exactly one. Not a meeting, an
 * agreement or a joint act (two sides), not a reciprocal one.
 */
function fillSources(cands: Candidate[]): void {
  for (const c of cands) {
    const r = c.record;
    if (r.reciprocal || TWO_SIDED.has(r.type) || !r.source.length) continue;
    if (!r.source.every((a) => !a.country && a.sector && DOMESTIC.has(a.sector))) continue;
    const states = new Set(r.target.flatMap((a) => (a.country ? [a.country] : [])));
    if (states.size !== 1) continue;
    const [country] = states;
    r.source = r.source.map((a) => ({ ...a, country: country! }));
  }
}

/** Sectors that march and strike inside their own state (not its organs, not a foreign or international body). */
const PROTESTERS = new Set([
  'CVL',
  'LAB',
  'EDU',
  'OPP',
  'PTY',
  'HLH',
  'BUS',
  'MED',
  'NGO',
  'REL',
  'JUD',
  'LEG',
]);
/** Organs of a state that arrest, hold and disperse people. */
const ORGANS = new Set(['GOV', 'COP', 'MIL', 'JUD', 'SPY']);
/** Coercions done to people, named or not: arrests, detentions, dispersals. */
const PEOPLE_MODES = new Set(['arrest', 'detain', 'crowd_control']);

/**
 * What a march is against or for, said in its sentence: a grievance or a demand («احتجاجًا على …»,
 * «رفضًا لـ…», «مطالبين بـ…», «تنديدًا»), the government, its decision, a law, prices — not a bare
 * «خرج محتجون في شوارع الخرطوم», which names no addressee (a strike, a sit-in or a road block is
 * aimed at the state by its nature, and keeps it).
 */
const AGAINST =
  /احتج|رفض|مطالب|يطالب|تطالب|طالب|ضد|ندد|تنديد|استنكار|اعتراض|حكوم|وزار|سلط|رييس|قرار|قانون|سياس|استقال|اسقاط|النظام|البرلمان|غضب|تردي|ارتفاع|غلاء/u;

/**
 * Acts with one side unnamed whose other side the act itself gives: a strike, a march, a sit-in
 * by people of one state with no one named as its target is aimed at that state's government
 * («أضرب معلمو المحافظة احتجاجًا على تأخر رواتبهم»); an arrest, a detention, a dispersal by one
 * state's organs with no one named is done to its people («أوقفت الشرطة ثلاثة …» when the three are
 * no actor). Not reciprocal acts; only when the side that is named has exactly one state.
 */
function fillUnnamedTargets(cands: Candidate[], text: string): void {
  for (const c of cands) {
    const r = c.record;
    if (r.reciprocal || r.target.length || !r.source.length) continue;
    // («تظاهر مئات الجزائريين أمام السفارة الفرنسية»: a march at an embassy is aimed at its state)
    if (r.type === 'PROTEST' && r.evidence.some(([a, b]) => /سفار|قنصلي/u.test(text.slice(a, b)))) continue;
    const states = new Set(r.source.map((a) => a.country ?? ''));
    if (states.size !== 1 || states.has('')) continue;
    const [country] = states;
    if (
      r.type === 'PROTEST' &&
      r.source.every((a) => a.sector && PROTESTERS.has(a.sector)) &&
      (r.mode !== 'demonstrate' || r.evidence.some(([a, b]) => AGAINST.test(matchForm(text.slice(a, b)))))
    )
      r.target = [{ country: country!, sector: 'GOV' }];
    else if (
      r.type === 'COERCE' &&
      PEOPLE_MODES.has(r.mode ?? '') &&
      r.source.every((a) => a.sector && ORGANS.has(a.sector))
    )
      r.target = [{ country: country!, sector: 'CVL' }];
  }
}

/** Hostile acts a condemnation reacts to. */
const HOSTILE = new Set(['ASSAULT', 'COERCE', 'SANCTION', 'THREATEN', 'MOBILIZE']);

/**
 * «شنت طائرات إسرائيلية غارات …، فيما أدانت الخارجية السورية "الاعتداء"»: a condemnation with no
 * target, or one aimed at its own side, reacts to the hostile act told just before it (in its
 * sentence or the one before): its target is that act's doer of another state. Only when exactly one
 * such act is there to pick from.
 */
function fillCondemned(cands: Candidate[]): void {
  for (const c of cands) {
    const r = c.record;
    if (r.type !== 'ACCUSE' || r.reciprocal || !r.source.length) continue;
    const own = new Set(r.source.map((a) => a.country ?? ''));
    if (r.target.some((a) => !own.has(a.country ?? ''))) continue;
    const doers = new Map<string, Candidate['record']['source']>();
    for (const d of cands) {
      const rd = d.record;
      if (d === c || !HOSTILE.has(rd.type) || rd.negated || rd.reciprocal) continue;
      if (d.sentence !== c.sentence && !(d.sentence === c.sentence - 1)) continue;
      if (d.sentence === c.sentence - 1 && rd.trigger.span[0] > r.trigger.span[0]) continue;
      const other = rd.source.filter((a) => a.country && !own.has(a.country));
      if (other.length) doers.set(rd.trigger.span.join(), other);
    }
    if (doers.size === 1) r.target = [...doers.values()][0]!;
  }
}

/** Acts done together by nature: their sides, once two are named, act on each other. */
const JOINT = new Set(['CONSULT', 'AGREE', 'COOPERATE']);
/** Modes of those types done by one side to another: a pledge, a visit, a host, a mediator, a call. */
const ONE_SIDED_MODES = new Set(['commit', 'visit', 'mediate', 'host', 'call']);
const sideKey = (a: Actor) => `${a.country ?? ''}/${a.sector ?? ''}`;

/**
 * «بعد مفاوضات شاقة» between the two states of the sentence, «اتفقت أنغولا وزامبيا في ختام اجتماع»,
 * «وقّعت بكين مع هونيارا اتفاقًا»: a meeting, an agreement or a joint act with two sides named —
 * both as its source, or one as source and the other as target of an agreement — is reciprocal,
 * each side both source and target (an agreement is made by all its parties). Not a pledge, a visit,
 * a host's or a mediator's part, never an international body standing alone.
 */
function fillReciprocal(cands: Candidate[]): void {
  for (const c of cands) {
    const r = c.record;
    if (r.reciprocal || !JOINT.has(r.type) || ONE_SIDED_MODES.has(r.mode ?? '')) continue;
    const sides = (xs: Actor[]) => new Set(xs.filter((a) => a.country || a.sector).map(sideKey));
    if (!r.target.length && sides(r.source).size >= 2 && r.source.some((a) => a.country)) {
      r.reciprocal = true;
      r.target = r.source;
      continue;
    }
    if (r.type !== 'AGREE' || !r.source.length || !r.target.length) continue;
    const src = new Set(r.source.map((a) => a.country).filter(Boolean));
    const tgt = r.target.map((a) => a.country).filter(Boolean);
    if (!src.size || !tgt.length || tgt.some((x) => src.has(x))) continue;
    if ([...r.source, ...r.target].some((a) => a.sector === 'IGO' || a.sector === 'CVL')) continue;
    const both = [...r.source, ...r.target];
    r.reciprocal = true;
    r.source = both;
    r.target = both;
  }
}

/** Acts a state does through its government: talks, deals, demands, sanctions, blame, protests, refusals, threats, praise, aid. */
const GOVERNMENT_ACTS = new Set([
  'AGREE',
  'CONSULT',
  'REQUEST',
  'SANCTION',
  'ACCUSE',
  'PROTEST',
  'REJECT',
  'THREATEN',
  'SUPPORT',
  'COOPERATE',
  'AID',
]);

/** A state named as an actor: the state's entity, its capital, or a demonym the lexicon read (no entity, no name). */
const isState = (a: Actor): boolean =>
  Boolean(a.country) &&
  !a.sector &&
  (a.entityId === undefined ? !a.name : a.entityId.startsWith('country:') || isCapital(a.entityId));

/** Acts done to people: attacks, arrests and expulsions, releases. */
const HARM = new Set(['ASSAULT', 'COERCE', 'CONCEDE']);

/** The sector a state acts through in an act of this type and mode; undefined when it depends on who is meant. */
function stateSector(type: string, mode: string | undefined): string | undefined {
  if (type === 'MOBILIZE' || (type === 'COOPERATE' && mode === 'military')) return 'MIL';
  if (GOVERNMENT_ACTS.has(type)) return 'GOV';
  return undefined;
}

/**
 * A state named as a side of an event with no sector («رفض مطالب أمريكية», «داعيًا باكو إلى …»,
 * «مناورات مصرية ويونانية مشتركة») acts through its government in diplomatic acts and through its
 * army in joint drills and deployments. Attacks, arrests and releases are left alone: the people
 * named by a demonym there («صيادين مصريين») are no state organ.
 */
function fillStateSectors(cands: Candidate[]): void {
  for (const c of cands) {
    const r = c.record;
    for (const side of ['source', 'target'] as const) {
      // the people an attack, an arrest or a release is done to, named by a demonym («صيادين
      // هنود», «قارب صيد فيتنامي»; a state's name or capital already acts for its government), are civilians
      const people = side === 'target' && HARM.has(r.type);
      const sector = people ? 'CVL' : stateSector(r.type, r.mode);
      const fits = people ? (a: Actor) => isState(a) && !isCapital(a.entityId) : isState;
      if (!sector || !r[side].some(fits)) continue;
      const filled = r[side].map((a) => (fits(a) ? { ...a, sector } : a));
      // one actor per country and sector: the first named
      r[side] = filled.filter(
        (a, k) => !filled.some((b, q) => q < k && b.country === a.country && b.sector === a.sector),
      );
    }
  }
}

/**
 * In copy filed under a dateline («الرياض - واس: استقبل … وزير الخارجية», «بيروت - أعلن وزير
 * المالية»), a source acting for a state's institutions with no country named (a bare post, «الحكومة»,
 * «الجيش») is of the dateline's country: wire copy names the foreign side, not its own.
 */
function fillDateline(country: string, cands: Candidate[]): void {
  for (const c of cands) {
    const r = c.record;
    // «روستنبرغ (جنوب أفريقيا) - … مئات من المضربين تجمعوا»: who protests where the story is filed
    // from, named with no country, is of the dateline's
    if (r.type === 'PROTEST' && !r.source.some((a) => a.country))
      r.source = r.source.map((a) => (a.sector && !stateless(a) ? { ...a, country } : a));
    if (!r.source.some((a) => !a.country && a.sector && STATE_SECTORS.has(a.sector))) continue;
    // (an attack's source not into the very actor of its target: «الخرطوم - هاجمت طائرات مسيرة
    // مواقع للجيش السوداني» is no Sudanese army attacking itself)
    const isTarget = (a: Actor) =>
      r.type === 'ASSAULT' &&
      !r.reciprocal &&
      r.target.some((t) => t.country === country && t.sector === a.sector);
    r.source = r.source.map((a) =>
      !a.country && a.sector && STATE_SECTORS.has(a.sector) && !isTarget(a) && !fromAir.has(a)
        ? { ...a, country }
        : a,
    );
    if (r.reciprocal)
      r.target = r.target.map((a) =>
        !a.country && a.sector && STATE_SECTORS.has(a.sector) ? { ...a, country } : a,
      );
  }
}
