/**
 * The learned sentence scorer (logistic regression over src/compose/features.ts), weights
 * in ./weights.json, retrained by `node --import tsx src/compose/train.ts`. Experimental
 * and off by default: under leave-one-category-out cross-validation on EASC dev it does
 * not beat LEAD-N (docs/compose.md, bench/RESULTS.md ## compose).
 */
import { readFileSync } from 'node:fs';
import { dot, FEATURE_NAMES, featuresOf } from './features.ts';
import { type Ranked, rankUnits } from './rank.ts';
import { packSummary, splitUnits } from './units.ts';

export interface LearnedWeights {
  features: string[];
  weights: number[];
}

let cached: number[] | undefined;

export function loadWeights(): number[] {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('./weights.json', import.meta.url), 'utf8')) as LearnedWeights;
  if (raw.features.join() !== FEATURE_NAMES.join())
    throw new Error(
      'src/compose/weights.json was trained on other features: retrain with src/compose/train.ts',
    );
  cached = raw.weights;
  return cached;
}

/** Units in document order, each with the learned score. */
export function learnedRank(ranked: Ranked[], weights: readonly number[] = loadWeights()): Ranked[] {
  const x = featuresOf(ranked);
  return ranked.map((r, i) => ({ ...r, score: dot(weights, x[i]!) }));
}

/**
 * A summary of at most `maxWords` words: the best-scored sentences until the budget is
 * met (the last one cut to fit), in document order.
 */
export function summarizeLearned(text: string, maxWords: number, weights?: readonly number[]): string {
  const ranked = learnedRank(rankUnits(splitUnits(text)), weights);
  const order = [...ranked].sort((a, b) => b.score - a.score || a.unit.index - b.unit.index);
  return packSummary(
    order.map((r) => r.unit),
    maxWords,
  );
}
