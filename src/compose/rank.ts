/**
 * Sentence ranking for extractive composition. Arabic-aware features over Snowball
 * stems: centrality (TF-IDF cosine to the document centroid and to the title/first
 * sentence), position, length, entity/event density when an analysis is given, and a
 * maximal-marginal-relevance selection that penalizes redundancy. Weights were chosen on
 * EASC dev (bench/RESULTS.md ## compose) and are fixed here.
 */
import type { Analysis } from '../model.ts';
import type { Unit } from './units.ts';

/** Common function words (match forms): no weight in centrality. */
export const STOP = new Set(
  'في من الي علي عن مع ان او ثم قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين هو هي هم كان كانت بين حتي كما اذا بعد قبل عند كل اي ايضا وقد وفي ومن وان او لها له به بها فيه فيها منذ حيث لكن ولا وهو وهي الا غير عليه عليها اليه الي ب ل و ف ك'.split(
    ' ',
  ),
);

export interface RankWeights {
  centroid: number;
  lead: number;
  position: number;
  length: number;
  density: number;
  /** MMR trade-off: 1 = relevance only, 0 = novelty only. */
  lambda: number;
}

export const DEFAULT_WEIGHTS: RankWeights = {
  centroid: 0.5,
  lead: 0.5,
  position: 4,
  length: 0.1,
  density: 0.15,
  lambda: 0.8,
};

type Vec = Map<string, number>;

function vectors(units: Unit[]): Vec[] {
  const df = new Map<string, number>();
  for (const u of units) for (const s of new Set(u.stems)) if (!STOP.has(s)) df.set(s, (df.get(s) ?? 0) + 1);
  const n = units.length;
  return units.map((u) => {
    const tf = new Map<string, number>();
    for (const s of u.stems) if (!STOP.has(s)) tf.set(s, (tf.get(s) ?? 0) + 1);
    const v: Vec = new Map();
    for (const [s, f] of tf) v.set(s, (1 + Math.log(f)) * Math.log(1 + n / (df.get(s) ?? 1)));
    return v;
  });
}

function norm(v: Vec): number {
  let s = 0;
  for (const x of v.values()) s += x * x;
  return Math.sqrt(s);
}

export function cosine(a: Vec, b: Vec): number {
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = big.get(k);
    if (y) dot += x * y;
  }
  const d = norm(a) * norm(b);
  return d === 0 ? 0 : dot / d;
}

export interface Ranked {
  unit: Unit;
  score: number;
  vec: Vec;
}

/** Scores every unit; returns them in document order with their scores. */
export function rankUnits(
  units: Unit[],
  opts: { analysis?: Analysis; weights?: RankWeights } = {},
): Ranked[] {
  const w = opts.weights ?? DEFAULT_WEIGHTS;
  const vecs = vectors(units);
  const centroid: Vec = new Map();
  for (const v of vecs) for (const [k, x] of v) centroid.set(k, (centroid.get(k) ?? 0) + x);
  const first = vecs[0] ?? new Map();
  const density = new Array<number>(units.length).fill(0);
  if (opts.analysis) {
    const marks = [
      ...opts.analysis.mentions.map((m) => m.span[0]),
      ...opts.analysis.events.flatMap((e) => e.evidence.map((s) => s[0])),
    ];
    units.forEach((u, i) => {
      const hits = marks.filter((p) => p >= u.start && p < u.end).length;
      density[i] = Math.min(1, hits / Math.max(4, u.words.length / 3));
    });
  }
  const lengths = units.map((u) => u.words.length);
  const meanLen = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return units.map((unit, i) => {
    const v = vecs[i]!;
    const pos = 1 / Math.sqrt(1 + i);
    const len = Math.min(1, unit.words.length / Math.max(1, meanLen));
    const score =
      w.centroid * cosine(v, centroid) +
      w.lead * (i === 0 ? 1 : cosine(v, first)) +
      w.position * pos +
      w.length * len -
      (unit.words.length < 4 ? 0.5 : 0) +
      w.density * density[i]!;
    return { unit, score, vec: v };
  });
}

/**
 * Maximal marginal relevance: picks units by score minus redundancy with what is
 * already picked, until `maxWords` is reached (whole units only). Returns the picks in
 * selection order (most important first).
 */
export function selectMmr(
  ranked: Ranked[],
  opts: { maxWords: number; maxUnits?: number; lambda?: number; exclude?: Set<number> },
): Ranked[] {
  const lambda = opts.lambda ?? DEFAULT_WEIGHTS.lambda;
  const top = Math.max(...ranked.map((r) => r.score), 1e-9);
  const picked: Ranked[] = [];
  let words = 0;
  const left = ranked.filter((r) => !opts.exclude?.has(r.unit.index));
  while (left.length > 0 && picked.length < (opts.maxUnits ?? Number.POSITIVE_INFINITY)) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < left.length; i++) {
      const r = left[i]!;
      if (words + r.unit.words.length > opts.maxWords) continue;
      let red = 0;
      for (const p of picked) red = Math.max(red, cosine(r.vec, p.vec));
      const value = lambda * (r.score / top) - (1 - lambda) * red;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    const [r] = left.splice(best, 1);
    picked.push(r!);
    words += r!.unit.words.length;
  }
  return picked;
}
