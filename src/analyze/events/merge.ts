/**
 * Restatements are one event: the lead, «الصورة العامة», «النقاط الرئيسية» and «نظرة أعمق»
 * retell the same meeting or agreement. Candidates merge (1) within a sentence when they share
 * type and actors, (2) when a definite nominal with no actors of its own («اللقاء», «الانسحاب»)
 * points back to an event of its type, and (3) when a sentence in a restating block matches an
 * event of the narrative by type, actors and contexts. Evidence spans accumulate.
 */
import type { Actor, EventRecord } from '../../model.ts';
import { dedupe } from './roles.ts';
import type { Candidate } from './sentence.ts';

const RESTATING = new Set(['why_it_matters', 'key_points', 'deeper_look']);
const DISTINCT_MODES = new Set(['SANCTION', 'COERCE', 'PROTEST', 'MOBILIZE']);

const keyOf = (a: Actor) => a.country ?? a.sector ?? a.name ?? '?';
const keys = (as: Actor[]) => new Set(as.map(keyOf));

function overlap(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
}

/** Whether two lists of actors share a key (what `overlap(keys(x), keys(y)) > 0` says, with no sets). */
function shareKey(x: Actor[], y: Actor[]): boolean {
  for (const a of x) {
    const k = keyOf(a);
    for (const b of y) if (keyOf(b) === k) return true;
  }
  return false;
}

/**
 * «أعلن الحوثيون استهداف سفينة … وردت القوات الأمريكية بغارات على مواقع للحوثيين»: the one struck
 * striking back is another event, whoever names the source — two one-sided acts whose sources
 * differ, one's source the other's target.
 */
function reversed(a: Candidate, b: Candidate): boolean {
  const ra = a.record;
  const rb = b.record;
  return (
    !ra.reciprocal &&
    !rb.reciprocal &&
    ra.source.length > 0 &&
    rb.source.length > 0 &&
    !shareKey(ra.source, rb.source) &&
    (shareKey(ra.source, rb.target) || shareKey(rb.source, ra.target))
  );
}

function compatible(a: Candidate, b: Candidate): boolean {
  const ra = a.record;
  const rb = b.record;
  const both = (x: Actor[], y: Actor[]) => !x.length || !y.length || shareKey(x, y);
  if (reversed(a, b)) return false;
  const src = !a.explicitSource || !b.explicitSource || both(ra.source, rb.source);
  return src && both(ra.target, rb.target);
}

/** `x`, a post or a bare state's sector, as the one named person of its state and sector in `others`. */
function named(x: Actor, others: Actor[]): Actor {
  if (x.entityId?.startsWith('person:') || !x.country || !x.sector) return x;
  if (x.entityId && !x.entityId.startsWith('post:')) return x;
  const people = others.filter(
    (o) => o.entityId?.startsWith('person:') && o.country === x.country && o.sector === x.sector,
  );
  return people.length === 1 ? people[0]! : x;
}

function absorb(into: Candidate, from: Candidate): void {
  const a = into.record;
  const b = from.record;
  a.evidence = [
    ...a.evidence,
    ...b.evidence.filter((s) => !a.evidence.some((e) => e[0] === s[0] && e[1] === s[1])),
  ];
  for (const c of b.contexts) if (!a.contexts.includes(c)) a.contexts.push(c);
  // (the two sides of a reciprocal act stay its source: «اتفق الجانبان …» then «تعهدت تركيا …» in
  // the same key points does not make Türkiye agree with itself)
  const sides = a.reciprocal && !b.reciprocal && a.source.length >= 2;
  if (!sides && ((!into.explicitSource && from.explicitSource) || (!a.source.length && b.source.length))) {
    a.source = b.source;
    into.explicitSource = from.explicitSource;
  }
  if (!a.target.length && b.target.length) a.target = b.target;
  // a post told first (a headline's «وزير الخارجية التركي») is the person the retelling names
  // («… هاكان فيدان»): one person of that state and sector among the other's sides
  a.source = a.source.map((x) => named(x, b.source));
  a.target = a.target.map((x) => named(x, b.target));
  // a directed act (a host receives a guest) told again as the two sides' («وبحث الجانبان»)
  // keeps its direction: the restatement names no one else
  const directed =
    into.explicitSource &&
    a.source.length > 0 &&
    a.target.length > 0 &&
    !shareKey(a.source, a.target) &&
    [...keys([...b.source, ...b.target])].every((k) => keys([...a.source, ...a.target]).has(k));
  if (b.reciprocal && !a.reciprocal && from.explicitSource && !directed) {
    a.reciprocal = true;
    a.source = dedupe([...a.source, ...b.source]);
  }
  // the two sides' act («بحث الجانبان») told first as a meeting of two named people keeps the
  // people: their sides are the pair's
  else if (a.reciprocal && !b.reciprocal && b.source.length && b.target.length) {
    const sides = keys(a.source);
    if ([...keys([...b.source, ...b.target])].every((k) => sides.has(k)))
      a.source = dedupe([...a.source, ...b.source, ...b.target]);
  }
  if (a.reciprocal) a.target = a.source;
  if (!a.date && b.date) a.date = b.date;
  if (!a.location && b.location) a.location = b.location;
  if (!a.attribution && b.attribution) a.attribution = b.attribution;
  // (rounded where it is made: 0.82 + 0.02 is 0.8400000000000001 in floating point)
  a.confidence = Math.min(0.99, Math.round((Math.max(a.confidence, b.confidence) + 0.02) * 100) / 100);
}

const words = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/**
 * The event whose sentence holds all the words of c's sentence (at least three) in a row: c's
 * sentence is a piece of that one, where c's trigger was no event of its own.
 */
function repeats(text: string, c: Candidate, events: Candidate[]): Candidate | undefined {
  const [s0, s1] = c.record.evidence[0]!;
  const own = words(text.slice(s0, s1));
  if (own.split(' ').length < 3) return undefined;
  return events.find((o) => {
    const [o0, o1] = o.record.evidence[0]!;
    return o1 - o0 > s1 - s0 && ` ${words(text.slice(o0, o1))} `.includes(` ${own} `);
  });
}

function addEvidence(into: Candidate, from: Candidate): void {
  const a = into.record;
  for (const s of from.record.evidence)
    if (!a.evidence.some((e) => e[0] === s[0] && e[1] === s[1])) a.evidence.push(s);
}

/**
 * Two verbs of a sentence, each with its own subject, told on different days: two events —
 * «وكان الوزير، الذي زار عمّان الأسبوع الماضي، قد التقى نظيره الأردني» (the visit is last week's).
 */
function twoDated(a: Candidate, b: Candidate): boolean {
  return (
    a.entry.kind === 'verb' &&
    b.entry.kind === 'verb' &&
    a.explicitSource &&
    b.explicitSource &&
    (a.record.date?.value ?? '') !== (b.record.date?.value ?? '')
  );
}

/** Modes that are never a retelling of another mode of their type: a mediation is not the talks it
 * brokers; ground taken is not the fighting it came after («استعاد السيطرة … بعد معارك»). */
const APART = new Set(['mediate', 'occupy']);

/** The type, with the modes of APART kept apart from the rest of it. */
const kindOf = (c: Candidate) =>
  APART.has(c.record.mode ?? '') ? `${c.record.type}:${c.record.mode}` : c.record.type;

/**
 * Whether a restating `c` may retell `p` by kind: a condemnation («ندد الرئيس بالقصف») retold in the
 * key points is not the accusation the narrative tells («وتتهم بغداد أنقرة بانتهاك سيادتها») —
 * what one side condemns and what it accuses another of are two acts, often of two speakers.
 */
const ACCUSATION = 'accuse';
function retells(p: Candidate, c: Candidate): boolean {
  if (kindOf(p) !== kindOf(c)) return false;
  if (p.record.type !== 'ACCUSE' || !p.record.mode || !c.record.mode) return true;
  return (p.record.mode === ACCUSATION) === (c.record.mode === ACCUSATION);
}

/**
 * `text` (the article) lets a restating sentence that repeats words of a sentence already coded
 * («لجنة فنية مشتركة تجتمع كل ثلاثة أشهر» out of «اتفق الوزيران على تشكيل لجنة فنية مشتركة
 * تجتمع كل ثلاثة أشهر») be evidence of that sentence's event, not an event of its own.
 */
export function mergeCandidates(cands: Candidate[], text?: string): Candidate[] {
  // 1. within a sentence
  const stage1: Candidate[] = [];
  const bySentence = new Map<number, Candidate[]>();
  for (const c of cands) {
    const bucket = bySentence.get(c.sentence) ?? [];
    const same = bucket.find(
      (o) =>
        o.sentence === c.sentence &&
        // (a mediation is not the talks it brokers, nor ground taken the fighting before it)
        kindOf(o) === kindOf(c) &&
        // (the toll of an attack told in the past is that attack's: «… القصف الذي … أسفر عن مقتل»)
        (o.record.background === c.record.background ||
          (c.record.type === 'ASSAULT' && c.record.mode === 'kill') ||
          // «اقتحام قوات … مدينة جنين … عقب مداهمة منازل»: a raid recalled beside a raid of the same
          // sentence is that raid's search of the houses, one operation
          (c.record.mode === 'raid' && o.record.mode === 'raid' && !o.record.background)) &&
        (o.record.mode === c.record.mode || !DISTINCT_MODES.has(c.record.type)) &&
        // «اتفقا على فتح الحدود، لكنهما لم يتفقا على موعد …»: what was done and what was not are two
        o.record.negated === c.record.negated &&
        !twoDated(o, c) &&
        (compatible(o, c) || o.record.mode === 'discuss' || c.record.mode === 'discuss'),
    );
    if (same) absorb(same, c);
    else {
      stage1.push(c);
      bucket.push(c);
      bySentence.set(c.sentence, bucket);
    }
  }
  // 2. anaphoric nominals and 3. restating blocks
  const primary: Candidate[] = [];
  const restating: Candidate[] = [];
  // the lead restates the narrative when there is one (a labelled brief's «الصورة العامة»);
  // a story told in the lead alone is its own narrative
  const narrative = stage1.some((c) => c.block !== 'lead' && !RESTATING.has(c.block));
  const restatingBlocks = narrative ? new Set([...RESTATING, 'lead']) : RESTATING;
  const lastOfType = new Map<string, Candidate>();
  // (the last of a restating block: «يأتي اللقاء …» after a lead that tells the meeting)
  const lastRestating = new Map<string, Candidate>();
  for (const c of stage1) {
    if (c.anaphoric && !c.record.background) {
      // «جهود الوساطة» is not the meeting before it, nor «المحادثات» the mediation before them
      const prev = lastOfType.get(kindOf(c)) ?? lastRestating.get(kindOf(c));
      if (prev) {
        absorb(prev, c);
        // the narrative pointing back to the lead's event («وتبنت الحركة الهجوم») tells it: the
        // lead's event is the narrative's, not a restatement of another one
        if (!lastOfType.has(kindOf(c)) && !restatingBlocks.has(c.block)) {
          restating.splice(restating.indexOf(prev), 1);
          lastRestating.delete(kindOf(c));
          primary.push(prev);
          lastOfType.set(kindOf(c), prev);
        }
        continue;
      }
    }
    if (restatingBlocks.has(c.block)) {
      restating.push(c);
      lastRestating.set(kindOf(c), c);
    } else {
      primary.push(c);
      lastOfType.set(kindOf(c), c);
    }
  }
  const out = [...primary];
  const all = (x: Candidate) => keys([...x.record.source, ...x.record.target]);
  for (const c of restating) {
    let best: Candidate | undefined;
    let score = -1;
    for (const p of primary) {
      if (p.record.type !== c.record.type) continue;
      if (!retells(p, c)) continue;
      // a lead retells the news, not the background the story recalls; nor does a key point
      // when the background is dated apart («اتفق الجانبان على تشكيل فريق فني» is today's,
      // «وقّع البلدان العام الماضي اتفاقًا» last year's; an undated «الحرب» retold is that war)
      if (
        p.record.background !== c.record.background &&
        (c.block === 'lead' || (p.record.date?.value ?? '') !== (c.record.date?.value ?? ''))
      )
        continue;
      if (c.explicitSource ? !compatible(p, c) : all(c).size && overlap(all(p), all(c)) === 0) continue;
      if (reversed(p, c)) continue;
      const s =
        overlap(new Set(p.record.contexts), new Set(c.record.contexts)) +
        overlap(
          keys([...p.record.source, ...p.record.target]),
          keys([...c.record.source, ...c.record.target]),
        );
      if (s > score) {
        score = s;
        best = p;
      }
    }
    if (best) absorb(best, c);
    else {
      // a piece of a sentence already coded (a key point cut out of it) is that sentence's evidence
      const repeated = text ? repeats(text, c, out) : undefined;
      // a restating block's own event may still restate another restating event
      const prev = out.find(
        (o) =>
          retells(o, c) &&
          restatingBlocks.has(o.block) &&
          // (or one that names only that event's sides: «لقاء بين وزيري خارجية عمان وإيران»)
          (compatible(o, c) || (all(c).size > 0 && [...all(c)].every((k) => all(o).has(k)))),
      );
      if (repeated) addEvidence(repeated, c);
      else if (prev) absorb(prev, c);
      else out.push(c);
    }
  }
  return out.sort((a, b) => a.record.evidence[0]![0] - b.record.evidence[0]![0]);
}

export type { EventRecord };
