/**
 * The held-out guard for the NER tagger's rules (bench/ner-heldout.ts): folds of the training
 * set and the per-rule accounting of a model's reading of a held-out fold.
 *
 * Folds: ANERcorp's train.txt marks no document boundaries (no -DOCSTART-, no title lines), so a
 * fold is a contiguous block of sentences in file order — neighbouring sentences mostly come
 * from the same article, and a block keeps an article (and its repeated names) on one side.
 * With k folds over n sentences, fold f holds sentences [⌊f·n/k⌋, ⌊(f+1)·n/k⌋). Its model
 * trains on the others in rotated order, those after the fold first, then those before it
 * (fold k−1's model reads sentences 0… in file order, as `--limit` does).
 */
import { type Chunk, chunks, type NerScore, scoreNer } from '../analyze/tagger/conll.ts';
import { propagateLabels } from '../analyze/tagger/propagate.ts';
import {
  applyRules,
  RULE_NAMES as RULE_ORDER,
  type RuleLexicon,
  type RuleName,
} from '../analyze/tagger/rules.ts';

/** [start, end) of every fold: k contiguous blocks of n sentences, sizes differing by at most one. */
export function foldBlocks(n: number, k: number): [number, number][] {
  if (!Number.isInteger(k) || k < 2) throw new Error(`folds: k must be an integer ≥ 2 (got ${k})`);
  if (n < k) throw new Error(`folds: ${n} sentences cannot make ${k} folds`);
  const out: [number, number][] = [];
  for (let f = 0; f < k; f++) out.push([Math.floor((f * n) / k), Math.floor(((f + 1) * n) / k)]);
  return out;
}

/** The training sentences of fold [start, end)'s model, in the order it reads them: after the fold, then before it. */
export function trainingOrder(n: number, start: number, end: number): number[] {
  const out: number[] = [];
  for (let i = end; i < n; i++) out.push(i);
  for (let i = 0; i < start; i++) out.push(i);
  return out;
}

/**
 * Which folds are scored when only `count` of k are asked for: the last, then the first (round
 * ner9's A and B), then the middle ones in order.
 */
export function foldsToScore(k: number, count: number): number[] {
  const order = [k - 1, 0];
  for (let f = 1; f < k - 1; f++) order.push(f);
  return order.slice(0, Math.max(1, Math.min(count, k)));
}

export interface RuleLine {
  rule: RuleName;
  /** Sentences whose tags this rule changed when all rules ran (in RULES' order). */
  sentences: number;
  /** Tokens whose tag it changed there. */
  tokens: number;
  /** F1 (micro, 0–1) of all rules minus the F1 of all rules but this one. */
  dropDelta: number;
  /** F1 of this rule alone minus the F1 of no rule. */
  aloneDelta: number;
}

export interface Accounting {
  /** No rule, without and with propagation. */
  none: NerScore;
  nonePropagated: NerScore;
  /** All the rules, without and with propagation. */
  all: NerScore;
  allPropagated: NerScore;
  perRule: RuleLine[];
}

const copy = (tags: readonly (readonly string[])[]) => tags.map((t) => [...t]);

/**
 * Scores the tagger's own reading of a held-out document (`raw`: its tags with no rule and no
 * propagation) with and without the rules, the way `tagDocument` applies them (rules, then
 * propagation within `window` sentences; 0 = none), and accounts for each rule: how often it
 * fires among all of them, and its F1 delta alone and left out (the deltas with propagation
 * when `window` > 0).
 */
export function ruleAccounting(opts: {
  sents: readonly (readonly string[])[];
  gold: readonly (readonly string[])[];
  raw: readonly (readonly string[])[];
  rules: readonly RuleName[];
  lexicon?: RuleLexicon;
  window: number;
}): Accounting {
  const { sents, gold, raw, rules, lexicon, window } = opts;
  const run = (names: readonly RuleName[], propagate: boolean): NerScore => {
    const t = applyRules(sents, copy(raw), names, lexicon);
    if (propagate && window > 0) propagateLabels(sents, t, window);
    return scoreNer(gold, t);
  };
  const prop = window > 0;
  const all = run(rules, false);
  const allPropagated = run(rules, true);
  const none = run([], false);
  const nonePropagated = run([], true);
  const base = prop ? allPropagated : all;
  const base0 = prop ? nonePropagated : none;
  // Firings: the rules one after the other, as applyRules orders them.
  const fired = new Map<RuleName, { sentences: number; tokens: number }>();
  const cur = copy(raw);
  const ordered = rules.slice();
  ordered.sort((a, b) => RULE_ORDER.indexOf(a) - RULE_ORDER.indexOf(b));
  for (const r of ordered) {
    const before = copy(cur);
    applyRules(sents, cur, [r], lexicon);
    let s = 0;
    let tok = 0;
    for (let i = 0; i < cur.length; i++) {
      let changed = 0;
      for (let j = 0; j < cur[i]!.length; j++) if (cur[i]![j] !== before[i]![j]) changed++;
      if (changed) s++;
      tok += changed;
    }
    fired.set(r, { sentences: s, tokens: tok });
  }
  const perRule = ordered.map((r) => ({
    rule: r,
    ...fired.get(r)!,
    dropDelta:
      base.micro.f1 -
      run(
        rules.filter((x) => x !== r),
        prop,
      ).micro.f1,
    aloneDelta: run([r], prop).micro.f1 - base0.micro.f1,
  }));
  return { none, nonePropagated, all, allPropagated, perRule };
}

/** The chunks of gold and predicted tags that differ, for a listing of a rule's effect. */
export function chunkDiff(
  gold: readonly string[],
  pred: readonly string[],
): { missed: Chunk[]; spurious: Chunk[] } {
  const key = (c: Chunk) => `${c.type}:${c.start}:${c.end}`;
  const g = chunks(gold);
  const p = chunks(pred);
  const gk = new Set(g.map(key));
  const pk = new Set(p.map(key));
  return { missed: g.filter((c) => !pk.has(key(c))), spurious: p.filter((c) => !gk.has(key(c))) };
}
