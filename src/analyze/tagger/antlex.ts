/**
 * Group `antlex`: what a first-pass tagger says about a word across the unlabelled ANT
 * corpus (Apache-2.0). The ANT text is tagged by models trained on parts of the training
 * data; for each proclitic-stripped stem the share of its occurrences tagged as each entity
 * type becomes a label such as "ORG:h:2" (type, share bucket, count bucket). Training
 * sentences get the label computed from ANT tagged by a model that did not see them (the
 * same contiguous folds as the `doc` features); the model stores the label computed from
 * the tags of all the fold models together.
 */
import { antFields } from './clusters.ts';
import { docKey } from './features.ts';

const WORD = /[\p{L}\p{M}\p{Nd}]+|[^\s\p{L}\p{M}\p{Nd}]/gu;

/** ANT JSONL → sentences of raw tokens (titles and texts split at line breaks and sentence ends). */
export function antSentences(antJsonl: string, maxTokens = 80): string[][] {
  const out: string[][] = [];
  for (const field of antFields(antJsonl)) {
    for (const para of field.split(/\n+|(?<=[.!?؟])\s+/u)) {
      const toks = para.match(WORD);
      if (!toks || toks.length < 2) continue;
      for (let i = 0; i < toks.length; i += maxTokens) out.push(toks.slice(i, i + maxTokens));
    }
  }
  return out;
}

/** Counts per stem: occurrences, and occurrences tagged as each type (B- or I-). */
export class AntCounts {
  readonly total = new Map<string, number>();
  readonly byType = new Map<string, Map<string, number>>();
  private readonly keys = new Map<string, string>();

  add(tokens: readonly string[], tags: readonly string[]): void {
    for (let i = 0; i < tokens.length; i++) {
      const w = tokens[i]!;
      let k = this.keys.get(w);
      if (k === undefined) {
        k = docKey(w);
        if (this.keys.size < 500_000) this.keys.set(w, k);
      }
      if (k === '') continue;
      this.total.set(k, (this.total.get(k) ?? 0) + 1);
      const t = tags[i]!;
      if (t === 'O') continue;
      let m = this.byType.get(k);
      if (!m) {
        m = new Map();
        this.byType.set(k, m);
      }
      const ty = t.slice(2);
      m.set(ty, (m.get(ty) ?? 0) + 1);
    }
  }

  /**
   * `scale`: the number of taggings added (counts are divided by it).
   * Labels for stems seen at least `minCount` times and tagged as an entity in at least
   * 10% of them: "TYPE:share:count" with share h (≥ 80%), m (≥ 40%) or l, and count
   * bucket 1 (< 5), 2 (< 20) or 3. Sorted by stem.
   */
  labels(minCount = 2, scale = 1): Map<string, string> {
    const out = new Map<string, string>();
    for (const k of [...this.byType.keys()].sort()) {
      const total = (this.total.get(k) ?? 0) / scale;
      if (total < minCount) continue;
      let best = '';
      let bc = 0;
      let ent = 0;
      for (const [ty, c] of [...this.byType.get(k)!.entries()].sort()) {
        ent += c;
        if (c > bc) {
          bc = c;
          best = ty;
        }
      }
      const share = ent / scale / total;
      if (share < 0.1) continue;
      const s = share >= 0.8 ? 'h' : share >= 0.4 ? 'm' : 'l';
      const n = total < 5 ? 1 : total < 20 ? 2 : 3;
      out.set(k, `${best}:${s}:${n}`);
    }
    return out;
  }
}
