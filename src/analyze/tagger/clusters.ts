/**
 * Word clusters from unlabelled news text (ANT corpus, Apache-2.0): left/right
 * co-occurrence counts with the most frequent words, PPMI weighting, then seeded
 * hierarchical spherical k-means over the sparse PPMI rows, so each word
 * gets cluster ids at several granularities (coarse → fine), like Brown-cluster prefixes.
 */
import { matchForm, stripProclitics } from './normalize.ts';
import { mulberry32 } from '../../text/random.ts';

export interface ClusterOptions {
  /** ANT JSONL: one JSON object a line with a `text` (and `title`) field. */
  antJsonl: string;
  /** More tokenized text (e.g. the training sentences), counted too. */
  extraSentences?: readonly (readonly string[])[];
  seed: number;
  /** Words seen fewer times are not clustered. */
  minCount?: number;
  /** Number of frequent words used as contexts. */
  contexts?: number;
  /** Branching per level, coarse to fine. */
  branching?: number[];
  /**
   * 'stem': cluster proclitic-stripped stems (counts of «لسلتيك» and «سلتيك» pooled), with
   * stems as contexts too. Default 'match': whole match forms.
   */
  form?: 'match' | 'stem';
  /** Flat k-means with each of these k over all words (one id per k), instead of the hierarchy of `branching`. */
  flat?: number[];
  log?: (line: string) => void;
}

const WORD = /[\p{L}\p{M}\p{Nd}]+/gu;

/** The title and text of every readable line of an ANT JSONL file (lines that do not parse are skipped). */
export function* antFields(antJsonl: string): Generator<string> {
  for (const line of antJsonl.split('\n')) {
    if (!line.trim()) continue;
    let rec: { text?: unknown; title?: unknown };
    try {
      rec = JSON.parse(line) as { text?: unknown; title?: unknown };
    } catch {
      continue;
    }
    for (const field of [rec.title, rec.text]) if (typeof field === 'string') yield field;
  }
}

function sentencesOf(opts: ClusterOptions): string[][] {
  const out: string[][] = [];
  const cache = new Map<string, string>();
  const norm =
    opts.form === 'stem'
      ? (w: string) => {
          let k = cache.get(w);
          if (k === undefined) {
            k = stripProclitics(matchForm(w)).stem;
            cache.set(w, k);
          }
          return k;
        }
      : matchForm;
  for (const field of antFields(opts.antJsonl)) {
    for (const para of field.split(/[\n.!?؟]+/u)) {
      const toks = para.match(WORD);
      if (toks && toks.length > 1) out.push(toks.map(norm));
    }
  }
  for (const s of opts.extraSentences ?? []) out.push(s.map(norm));
  return out;
}

/** The unit-length PPMI rows of every word seen `minCount` times (vocab by frequency, then by code). */
function ppmiRows(opts: ClusterOptions): { vocab: string[]; X: SparseRows } {
  const log = opts.log ?? (() => {});
  const minCount = opts.minCount ?? 3;
  const C = opts.contexts ?? 1000;
  const sents = sentencesOf(opts);
  const freq = new Map<string, number>();
  let tokens = 0;
  for (const s of sents) {
    for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
    tokens += s.length;
  }
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocab = byFreq.filter(([, c]) => c >= minCount).map(([w]) => w);
  const wIdx = new Map(vocab.map((w, i) => [w, i]));
  const cIdx = new Map(byFreq.slice(0, C).map(([w], i) => [w, i]));
  const V = vocab.length;
  const D = 2 * C;
  log(`${sents.length} sentences, ${tokens} tokens, ${V} words to cluster, ${C} context words`);

  // Co-occurrence: pair codes w*D+c with a weight, sorted and summed.
  const codes: number[] = [];
  const wts: number[] = [];
  for (const s of sents) {
    for (let i = 0; i < s.length; i++) {
      const wi = wIdx.get(s[i]!);
      if (wi === undefined) continue;
      for (const d of [-2, -1, 1, 2]) {
        const ci = cIdx.get(s[i + d] ?? '');
        if (ci === undefined) continue;
        codes.push(wi * D + (d < 0 ? ci : C + ci));
        wts.push(d === -1 || d === 1 ? 1 : 0.5);
      }
    }
  }
  const order = Uint32Array.from(codes, (_, i) => i).sort((a, b) => codes[a]! - codes[b]!);
  const rowW: number[] = [];
  const colC: number[] = [];
  const val: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const code = codes[order[k]!]!;
    const wt = wts[order[k]!]!;
    const last = val.length - 1;
    if (last >= 0 && rowW[last]! * D + colC[last]! === code) val[last]! += wt;
    else {
      rowW.push(Math.floor(code / D));
      colC.push(code % D);
      val.push(wt);
    }
  }
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(D);
  let total = 0;
  for (let k = 0; k < val.length; k++) {
    rowSum[rowW[k]!]! += val[k]!;
    colSum[colC[k]!]! += val[k]!;
    total += val[k]!;
  }
  // Context-distribution smoothing (alpha 0.75).
  let colTotal = 0;
  const colP = new Float64Array(D);
  for (let c = 0; c < D; c++) {
    colP[c] = colSum[c]! ** 0.75;
    colTotal += colP[c]!;
  }
  // PPMI rows (CSR, sorted by word then context), each scaled to unit length.
  const rowStart = new Int32Array(V + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  let k0 = 0;
  for (let w = 0; w < V; w++) {
    rowStart[w] = cols.length;
    while (k0 < val.length && rowW[k0] === w) {
      const c = colC[k0]!;
      const pmi = Math.log((val[k0]! * colTotal) / (rowSum[w]! * colP[c]!));
      if (pmi > 0) {
        cols.push(c);
        vals.push(pmi);
      }
      k0++;
    }
    let norm = 0;
    for (let j = rowStart[w]!; j < vals.length; j++) norm += vals[j]! * vals[j]!;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = rowStart[w]!; j < vals.length; j++) vals[j]! *= inv;
  }
  rowStart[V] = cols.length;
  const X: SparseRows = { rowStart, cols: Int32Array.from(cols), vals: Float32Array.from(vals), dims: D };
  log(`${val.length} co-occurrences, ${cols.length} positive PPMI cells (total weight ${total})`);
  return { vocab, X };
}

export function buildClusters(opts: ClusterOptions): Map<string, readonly number[]> {
  const log = opts.log ?? (() => {});
  const branching = opts.branching ?? [32, 16, 8];
  const rnd = mulberry32(opts.seed);
  const { vocab, X } = ppmiRows(opts);
  const V = vocab.length;
  const ids: number[][] = Array.from({ length: V }, () => []);
  if (opts.flat) {
    const all = Array.from({ length: V }, (_, i) => i);
    for (const k of opts.flat) {
      const assign = kmeans({ X, members: all, k, rnd, iterations: 12 });
      for (let i = 0; i < V; i++) ids[i]!.push(assign[i]!);
      log(`flat k=${k}`);
    }
    const flat = new Map<string, readonly number[]>();
    vocab.forEach((w, i) => {
      flat.set(w, ids[i]!);
    });
    return flat;
  }
  // Hierarchical spherical k-means.
  let groups: number[][] = [Array.from({ length: V }, (_, i) => i)];
  let prefix: number[] = [0];
  for (const k of branching) {
    const nextGroups: number[][] = [];
    const nextPrefix: number[] = [];
    groups.forEach((members, gi) => {
      const assign = kmeans({ X, members, k, rnd, iterations: 12 });
      const parts: number[][] = Array.from({ length: k }, () => []);
      members.forEach((m, j) => {
        parts[assign[j]!]!.push(m);
      });
      parts.forEach((part, pi) => {
        const id = prefix[gi]! * k + pi;
        for (const m of part) ids[m]!.push(id);
        if (part.length > 0) {
          nextGroups.push(part);
          nextPrefix.push(id);
        }
      });
    });
    groups = nextGroups;
    prefix = nextPrefix;
    log(`level k=${k}: ${groups.length} clusters`);
  }
  const out = new Map<string, readonly number[]>();
  vocab.forEach((w, i) => {
    out.set(w, ids[i]!);
  });
  return out;
}

interface SparseRows {
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float32Array;
  dims: number;
}

/** Spherical k-means over unit-length sparse rows; dense centroids. */
function kmeans(opts: {
  X: SparseRows;
  members: number[];
  k: number;
  rnd: () => number;
  iterations: number;
}): Int32Array {
  const { X, members, k, rnd } = opts;
  const D = X.dims;
  const m = members.length;
  const assign = new Int32Array(m);
  if (m <= k) {
    for (let j = 0; j < m; j++) assign[j] = j;
    return assign;
  }
  const cent = new Float32Array(k * D);
  const picked = new Set<number>();
  for (let c = 0; c < k; c++) {
    let j = Math.floor(rnd() * m);
    while (picked.has(j)) j = (j + 1) % m;
    picked.add(j);
    const w = members[j]!;
    for (let e = X.rowStart[w]!; e < X.rowStart[w + 1]!; e++) cent[c * D + X.cols[e]!] = X.vals[e]!;
  }
  for (let it = 0; it < opts.iterations; it++) {
    let changed = 0;
    for (let j = 0; j < m; j++) {
      const w = members[j]!;
      const a = X.rowStart[w]!;
      const b = X.rowStart[w + 1]!;
      let best = 0;
      let bs = -Infinity;
      for (let c = 0; c < k; c++) {
        let s = 0;
        const co = c * D;
        for (let e = a; e < b; e++) s += X.vals[e]! * cent[co + X.cols[e]!]!;
        if (s > bs) {
          bs = s;
          best = c;
        }
      }
      if (assign[j] !== best || it === 0) changed++;
      assign[j] = best;
    }
    cent.fill(0);
    for (let j = 0; j < m; j++) {
      const w = members[j]!;
      const co = assign[j]! * D;
      for (let e = X.rowStart[w]!; e < X.rowStart[w + 1]!; e++) cent[co + X.cols[e]!]! += X.vals[e]!;
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let d = 0; d < D; d++) s += cent[c * D + d]! * cent[c * D + d]!;
      const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
      for (let d = 0; d < D; d++) cent[c * D + d]! *= inv;
    }
    if (changed === 0) break;
  }
  return assign;
}

export function writeClusters(clusters: Map<string, readonly number[]>): string {
  let out = '';
  for (const [w, ids] of clusters) out += `${w}\t${ids.join('\t')}\n`;
  return out;
}

export function readClusters(text: string): Map<string, readonly number[]> {
  const out = new Map<string, readonly number[]>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [w, ...ids] = line.split('\t');
    out.set(w!, ids.map(Number));
  }
  return out;
}

/** Orthonormalizes the k columns of a row-major n×k matrix in place (modified Gram–Schmidt). */
function orthonormalize(Y: Float64Array, n: number, k: number): void {
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < j; i++) {
      let dot = 0;
      for (let r = 0; r < n; r++) dot += Y[r * k + i]! * Y[r * k + j]!;
      for (let r = 0; r < n; r++) Y[r * k + j]! -= dot * Y[r * k + i]!;
    }
    let norm = 0;
    for (let r = 0; r < n; r++) norm += Y[r * k + j]! ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let r = 0; r < n; r++) Y[r * k + j]! *= inv;
  }
}

/** Eigenvectors (columns of the returned row-major k×k matrix) and eigenvalues of a symmetric k×k matrix (cyclic Jacobi). */
function symmetricEigen(A0: Float64Array, k: number): { vectors: Float64Array; values: Float64Array } {
  const A = Float64Array.from(A0);
  const E = new Float64Array(k * k);
  for (let i = 0; i < k; i++) E[i * k + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < k; p++) for (let q = p + 1; q < k; q++) off += A[p * k + q]! ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < k; p++) {
      for (let q = p + 1; q < k; q++) {
        const apq = A[p * k + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (A[q * k + q]! - A[p * k + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let r = 0; r < k; r++) {
          const arp = A[r * k + p]!;
          const arq = A[r * k + q]!;
          A[r * k + p] = c * arp - s * arq;
          A[r * k + q] = s * arp + c * arq;
        }
        for (let r = 0; r < k; r++) {
          const apr = A[p * k + r]!;
          const aqr = A[q * k + r]!;
          A[p * k + r] = c * apr - s * aqr;
          A[q * k + r] = s * apr + c * aqr;
        }
        for (let r = 0; r < k; r++) {
          const erp = E[r * k + p]!;
          const erq = E[r * k + q]!;
          E[r * k + p] = c * erp - s * erq;
          E[r * k + q] = s * erp + c * erq;
        }
      }
    }
  }
  const values = new Float64Array(k);
  for (let i = 0; i < k; i++) values[i] = A[i * k + i]!;
  return { vectors: E, values };
}

/**
 * Dense word vectors from the PPMI rows: a seeded randomized SVD, `dims` leading singular
 * directions, rows scaled by the square roots of the singular values. `vec[w*dims + c]` is
 * word `vocab[w]`'s value on dimension c.
 */
export function buildDenseVectors(opts: ClusterOptions & { dims?: number; powerIterations?: number }): {
  vocab: string[];
  vec: Float64Array;
  dims: number;
} {
  const log = opts.log ?? (() => {});
  const dims = opts.dims ?? 40;
  const k = dims + 10;
  const rnd = mulberry32(opts.seed);
  const { vocab, X } = ppmiRows(opts);
  const V = vocab.length;
  const D = X.dims;
  // Y = X·Ω with a Gaussian Ω (Box–Muller over the seeded generator).
  const omega = new Float64Array(D * k);
  for (let i = 0; i < omega.length; i++) {
    const u = Math.max(rnd(), 1e-12);
    omega[i] = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  }
  const mulX = (B: Float64Array): Float64Array => {
    // X (V×D, sparse) · B (D×k) → V×k
    const out = new Float64Array(V * k);
    for (let w = 0; w < V; w++) {
      for (let e = X.rowStart[w]!; e < X.rowStart[w + 1]!; e++) {
        const v = X.vals[e]!;
        const bo = X.cols[e]! * k;
        const oo = w * k;
        for (let j = 0; j < k; j++) out[oo + j]! += v * B[bo + j]!;
      }
    }
    return out;
  };
  const mulXt = (Q: Float64Array): Float64Array => {
    // Xᵀ (D×V) · Q (V×k) → D×k
    const out = new Float64Array(D * k);
    for (let w = 0; w < V; w++) {
      const qo = w * k;
      for (let e = X.rowStart[w]!; e < X.rowStart[w + 1]!; e++) {
        const v = X.vals[e]!;
        const oo = X.cols[e]! * k;
        for (let j = 0; j < k; j++) out[oo + j]! += v * Q[qo + j]!;
      }
    }
    return out;
  };
  let Q = mulX(omega);
  orthonormalize(Q, V, k);
  for (let it = 0; it < (opts.powerIterations ?? 2); it++) {
    const Z = mulXt(Q);
    orthonormalize(Z, D, k);
    Q = mulX(Z);
    orthonormalize(Q, V, k);
  }
  // B = Qᵀ X (k×D); B Bᵀ = U_B Σ² U_Bᵀ; word vectors = Q U_B Σ^½.
  const Bt = mulXt(Q); // D×k, = Bᵀ
  const G = new Float64Array(k * k);
  for (let d = 0; d < D; d++) {
    for (let i = 0; i < k; i++) {
      const bi = Bt[d * k + i]!;
      if (bi === 0) continue;
      for (let j = 0; j < k; j++) G[i * k + j]! += bi * Bt[d * k + j]!;
    }
  }
  const { vectors: U, values } = symmetricEigen(G, k);
  const order = Array.from({ length: k }, (_, i) => i).sort((a, b) => values[b]! - values[a]! || a - b);
  const top = order.slice(0, dims);
  log(
    `svd: singular values ${top
      .slice(0, 5)
      .map((i) => Math.sqrt(Math.max(values[i]!, 0)).toFixed(2))
      .join(', ')} …`,
  );
  const vec = new Float64Array(V * dims);
  for (let w = 0; w < V; w++) {
    for (let c = 0; c < dims; c++) {
      const col = top[c]!;
      let s = 0;
      for (let j = 0; j < k; j++) s += Q[w * k + j]! * U[j * k + col]!;
      vec[w * dims + c] = s * Math.sqrt(Math.sqrt(Math.max(values[col]!, 0)));
    }
  }
  return { vocab, vec, dims };
}

/**
 * The dense vectors of `buildDenseVectors`, binarized as in Guo et al. (2014): per dimension,
 * a word is "high" when its value is above the mean of the dimension's positive values and
 * "low" when below the mean of its negative values. Returns match form → its active codes
 * (2·dim for high, 2·dim+1 for low), ascending.
 */
export function buildBinaryVectors(
  opts: ClusterOptions & { dims?: number; powerIterations?: number },
): Map<string, readonly number[]> {
  const log = opts.log ?? (() => {});
  const { vocab, vec, dims } = buildDenseVectors(opts);
  const V = vocab.length;
  const out = new Map<string, readonly number[]>();
  const hi = new Float64Array(dims);
  const lo = new Float64Array(dims);
  for (let c = 0; c < dims; c++) {
    let sp = 0;
    let np = 0;
    let sn = 0;
    let nn = 0;
    for (let w = 0; w < V; w++) {
      const v = vec[w * dims + c]!;
      if (v > 0) {
        sp += v;
        np++;
      } else if (v < 0) {
        sn += v;
        nn++;
      }
    }
    hi[c] = np ? sp / np : Infinity;
    lo[c] = nn ? sn / nn : -Infinity;
  }
  let active = 0;
  vocab.forEach((word, w) => {
    const codes: number[] = [];
    for (let c = 0; c < dims; c++) {
      const v = vec[w * dims + c]!;
      if (v > hi[c]!) codes.push(2 * c);
      else if (v < lo[c]!) codes.push(2 * c + 1);
    }
    active += codes.length;
    out.set(word, codes);
  });
  log(
    `binary vectors: ${V} words × ${dims} dims, ${(active / Math.max(V, 1)).toFixed(1)} active codes a word`,
  );
  return out;
}
