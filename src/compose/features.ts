/**
 * Sentence features for the learned scorer (src/compose/weights.json, trained by
 * src/compose/train.ts on EASC dev): position, paragraph start, length, centrality over
 * stems, similarity to the first sentence, numbers, a named-word proxy. Cheap: computed
 * from the units and their TF-IDF vectors only (no analysis), so compose stays fast.
 */
import { cosine, type Ranked } from './rank.ts';
import type { Unit } from './units.ts';

export const FEATURE_NAMES = [
  'bias',
  'first',
  'rel_pos',
  'inv_sqrt_pos',
  'para_initial',
  'para_rel',
  'len_rel',
  'short',
  'long',
  'centroid',
  'sim_first',
  'numbers',
  'sim_next_prev',
  'first_in_para_index',
] as const;

const NUMBER = /\d/u;

export function featuresOf(ranked: Ranked[]): number[][] {
  const n = ranked.length;
  const centroid = new Map<string, number>();
  for (const r of ranked) for (const [k, x] of r.vec) centroid.set(k, (centroid.get(k) ?? 0) + x);
  const first = ranked[0]?.vec ?? new Map<string, number>();
  const units: Unit[] = ranked.map((r) => r.unit);
  const meanLen = units.reduce((a, u) => a + u.words.length, 0) / Math.max(1, n);
  const paragraphs = (units[n - 1]?.paragraph ?? 0) + 1;
  let paraStart = 0;
  return ranked.map((r, i) => {
    const u = r.unit;
    const prev = units[i - 1];
    const initial = i === 0 || prev?.paragraph !== u.paragraph;
    if (initial) paraStart = i;
    const len = u.words.length;
    const numbers = u.words.filter((w) => NUMBER.test(w)).length;
    const neighbours =
      ((ranked[i - 1] ? cosine(r.vec, ranked[i - 1]!.vec) : 0) +
        (ranked[i + 1] ? cosine(r.vec, ranked[i + 1]!.vec) : 0)) /
      2;
    return [
      1,
      i === 0 ? 1 : 0,
      n <= 1 ? 0 : i / (n - 1),
      1 / Math.sqrt(1 + i),
      initial ? 1 : 0,
      paragraphs <= 1 ? 0 : u.paragraph / (paragraphs - 1),
      Math.min(2, len / Math.max(1, meanLen)),
      len < 6 ? 1 : 0,
      len > 40 ? 1 : 0,
      cosine(r.vec, centroid),
      i === 0 ? 1 : cosine(r.vec, first),
      Math.min(1, numbers / 3),
      neighbours,
      Math.min(1, (i - paraStart) / 4),
    ];
  });
}

export function dot(w: readonly number[], x: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < x.length; k++) s += (w[k] ?? 0) * x[k]!;
  return s;
}
