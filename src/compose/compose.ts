/**
 * compose(text): a Brief drafted from an article that has no template — extractive:
 * every block is a sentence of the source with its span. Sections: a headline-like lead,
 * why it matters, the big picture, what they say (attributed statements with their
 * speakers), 3–6 key points (MMR, most important first), a deeper look.
 */
import { CANONICAL_LABELS } from '../brief/render.ts';
import {
  BRIEF_SCHEMA,
  type Analysis,
  type Block,
  type Brief,
  type Section,
  type SectionKind,
} from '../model.ts';
import { summarizeLearned } from './learned.ts';
import { DEFAULT_WEIGHTS, type Ranked, type RankWeights, rankUnits, selectMmr } from './rank.ts';
import { packSummary, type Unit, splitUnits } from './units.ts';

export interface ComposeOptions {
  /** Entities and events of the article (raise the weight of sentences dense in them). */
  analysis?: Analysis;
  /** Key points to draft (3–6; default 5). */
  maxKeyPoints?: number;
  /** Word budget of the key points (default 120). */
  keyPointWords?: number;
}

const ATTRIBUTION =
  /(?:^|\s)[وف]?(?:قال|قالت|اكد|اكدت|اوضح|اوضحت|صرح|صرحت|اضاف|اضافت|اشار|اشارت|شدد|شددت|اعرب|اعربت|حذر|حذرت|دعا|دعت|اعلن|اعلنت|لفت|لفتت|نفي|نفت)(?:\s|$)/u;
const WHY = /(?:^|\s)(?:ياتي|تاتي|اهميه|في ظل|وسط|بهدف|مما يعني|ما يعني|في وقت|يعد|تعد|يمثل|تمثل)(?:\s|$)/u;
const DEEPER =
  /(?:^|\s)(?:منذ|يعكس|تعكس|يذكر|يشار|سابقا|خلال السنوات|تاريخ|تاريخيا|في السابق|العام الماضي|الماضيه)(?:\s|$)/u;

const block = (u: Unit): Block => ({ text: u.text, span: [u.start, u.end] });

function section(kind: SectionKind, units: Unit[], asItems = false): Section | undefined {
  if (units.length === 0) return undefined;
  const blocks = units.map(block);
  return {
    kind,
    label: CANONICAL_LABELS[kind],
    paragraphs: asItems ? [] : blocks,
    items: asItems ? blocks : [],
    span: [Math.min(...units.map((u) => u.start)), Math.max(...units.map((u) => u.end))],
  };
}

function speakerOf(u: Unit, analysis?: Analysis): string | undefined {
  if (!analysis) return undefined;
  const inUnit = analysis.mentions.filter(
    (m) =>
      m.span[0] >= u.start &&
      m.span[1] <= u.end &&
      (m.type === 'PERS' || m.type === 'ORG' || m.type === 'POST'),
  );
  const first = inUnit[0];
  if (!first) return undefined;
  const ent = first.entityId ? analysis.entities.find((e) => e.id === first.entityId) : undefined;
  return ent?.names.ar ?? first.text;
}

const byPosition = (a: Unit, b: Unit) => a.start - b.start;

export function compose(text: string, opts: ComposeOptions = {}): Brief {
  const units = splitUnits(text);
  const ranked = rankUnits(units, opts.analysis ? { analysis: opts.analysis } : {});
  const used = new Set<number>();
  const take = (r: Ranked | Unit | undefined): Unit | undefined => {
    if (!r) return undefined;
    const u = 'unit' in r ? r.unit : r;
    used.add(u.index);
    return u;
  };
  const byScore = [...ranked].sort((a, b) => b.score - a.score || a.unit.index - b.unit.index);
  const firstUnused = (pred: (u: Unit) => boolean, from = 0) =>
    ranked.find((r) => r.unit.index >= from && !used.has(r.unit.index) && pred(r.unit));
  const bestUnused = () => byScore.find((r) => !used.has(r.unit.index));

  const lead = take(ranked[0]);
  const matchText = (u: Unit) => ` ${u.words.join(' ')} `;
  const why = take(firstUnused((u) => WHY.test(matchText(u))) ?? bestUnused());
  const says = ranked
    .filter((r) => !used.has(r.unit.index) && ATTRIBUTION.test(matchText(r.unit)))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((r) => take(r)!)
    .sort(byPosition);
  const picture: Unit[] = [];
  for (let i = 0; i < 3; i++) {
    const u = take(bestUnused());
    if (u) picture.push(u);
  }
  const half = Math.floor(units.length / 2);
  const deeper = take(firstUnused((u) => DEEPER.test(matchText(u)), half) ?? bestUnused());
  const maxKp = Math.min(6, Math.max(3, opts.maxKeyPoints ?? 5));
  // Key points restate the article's most important sentences (not only the leftovers),
  // so they select over every sentence but the lead.
  const keyPoints = selectMmr(ranked, {
    maxWords: opts.keyPointWords ?? 120,
    maxUnits: maxKp,
    exclude: new Set(lead ? [lead.index] : []),
  }).map((r) => r.unit);

  const sections = [
    why ? section('why_it_matters', [why]) : undefined,
    section('big_picture', picture.sort(byPosition)),
    says.length > 0
      ? { ...section('what_they_say', says)!, ...speakerField(says, opts.analysis) }
      : undefined,
    section('key_points', keyPoints, true),
    deeper ? section('deeper_look', [deeper]) : undefined,
  ].filter((s): s is Section => s !== undefined);

  return {
    schema: BRIEF_SCHEMA,
    origin: 'composed',
    lead: lead ? [block(lead)] : [],
    sections,
    body: [],
    trailing: [],
    messages:
      units.length < 3
        ? [
            {
              ruleId: 'compose/short-article',
              severity: 'info',
              reason: `the article has ${units.length} sentence(s): the composed brief repeats most of it`,
            },
          ]
        : [],
  };
}

function speakerField(says: Unit[], analysis?: Analysis): { speaker?: string } {
  const names = [...new Set(says.map((u) => speakerOf(u, analysis)).filter((s): s is string => !!s))];
  return names.length > 0 ? { speaker: names.join('، ') } : {};
}

/**
 * An extractive summary of at most `maxWords` words. By default the learned scorer
 * (./learned.ts, cross-validated on EASC dev: about LEAD-N level, above the hand-weighted
 * ranking); with `weights`, the hand-weighted ranking with MMR selection, the budget left
 * filled with the opening words of the best remaining sentence.
 */
export function summarize(text: string, maxWords: number, weights?: RankWeights): string {
  if (!weights) return summarizeLearned(text, maxWords);
  return summarizeMmr(text, maxWords, weights);
}

/** The hand-weighted ranking with MMR selection (the default before the learned scorer). */
export function summarizeMmr(text: string, maxWords: number, weights: RankWeights = DEFAULT_WEIGHTS): string {
  const units = splitUnits(text);
  const ranked = rankUnits(units, { weights });
  const picked = selectMmr(ranked, { maxWords, lambda: weights.lambda });
  return fill(
    picked.map((r) => r.unit),
    maxWords,
    ranked,
  );
}

/** LEAD-N: the first sentences up to `maxWords` words, the last one cut to fit. */
export function leadSummary(text: string, maxWords: number): string {
  const units = splitUnits(text);
  return fill(
    [],
    maxWords,
    units.map((unit) => ({ unit, score: -unit.index, vec: new Map() })),
  );
}

function fill(picked: Unit[], maxWords: number, order: Ranked[]): string {
  const chosen = new Set(picked.map((u) => u.index));
  const rest = [...order]
    .sort((a, b) => b.score - a.score)
    .filter((r) => !chosen.has(r.unit.index))
    .map((r) => r.unit);
  return packSummary([...picked, ...rest], maxWords);
}
