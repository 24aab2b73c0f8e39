/**
 * ROUGE-N and ROUGE-L F1 over token lists (Lin 2004): clipped n-gram overlap, and the
 * longest common subsequence. Tokens come from khabar's normalizer (see units.wordsOf),
 * optionally stemmed by the caller.
 */
export interface Prf {
  p: number;
  r: number;
  f1: number;
}

const f = (overlap: number, cand: number, ref: number): Prf => {
  const p = cand === 0 ? 0 : overlap / cand;
  const r = ref === 0 ? 0 : overlap / ref;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
};

function ngrams(tokens: string[], n: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const g = tokens.slice(i, i + n).join('\u0001');
    m.set(g, (m.get(g) ?? 0) + 1);
  }
  return m;
}

export function rougeN(candidate: string[], reference: string[], n: number): Prf {
  const c = ngrams(candidate, n);
  const r = ngrams(reference, n);
  let overlap = 0;
  for (const [g, k] of c) overlap += Math.min(k, r.get(g) ?? 0);
  return f(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** LCS length in O(n·m) time and O(m) memory. */
export function lcs(a: string[], b: string[]): number {
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

export function rougeL(candidate: string[], reference: string[]): Prf {
  return f(lcs(candidate, reference), candidate.length, reference.length);
}

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/** F1 against several references: the best reference for each measure. */
export function bestOf(candidate: string[], references: string[][]): RougeScores {
  let rouge1 = 0;
  let rouge2 = 0;
  let rl = 0;
  for (const ref of references) {
    rouge1 = Math.max(rouge1, rougeN(candidate, ref, 1).f1);
    rouge2 = Math.max(rouge2, rougeN(candidate, ref, 2).f1);
    rl = Math.max(rl, rougeL(candidate, ref).f1);
  }
  return { rouge1, rouge2, rougeL: rl };
}
