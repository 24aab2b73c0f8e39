/**
 * Brown-style hierarchical word clusters from unlabelled text (`npm run build:clusters`,
 * scripts/build-clusters.ts; used by the tagger's `brown` feature group).
 *
 * The objective is Brown et al.'s (1992): the likelihood of a class bigram model, i.e. the
 * mutual information between the classes of adjacent tokens. It is optimised in two steps,
 * both deterministic (no random numbers; every tie goes to the lower index):
 *
 * 1. **Exchange** (Kneser & Ney 1993; Martin, Liermann & Ney 1998): every word starts in
 *    class `rank mod K` (rank by frequency); each iteration moves each word, most frequent
 *    first, to the class that most increases Σ N(c,d) log N(c,d) − Σ N(c·) log N(c·) −
 *    Σ N(·d) log N(·d) over the class bigram counts N.
 * 2. **Agglomeration** (Brown's merge step): the K classes are merged two at a time, always
 *    the pair whose merge loses the least mutual information, until one is left; the merge
 *    tree gives every class a bit string (first merged → 0, second → 1), and a word's
 *    cluster at any granularity is a prefix of its class's bit string.
 *
 * Words are match forms (normalize.ts), made clitic-aware by `clusterTokens`: a proclitic
 * (و ف, ب ل ك) is split off as its own token («و+», «ب+») when the form without it is the
 * more frequent word in the corpus («وإيران» → و+ إيران; «وزير» and «لبنان» stay whole).
 */
import { matchForm, stripProclitics } from './normalize.ts';

/** A word's candidate forms, least stripped first: the match form, without the conjunction, without conjunction and preposition (the article ال kept). */
export function cliticCandidates(n: string): { forms: string[]; clitics: string[] } {
  const { stem, clitics } = stripProclitics(n);
  if (!clitics) return { forms: [n], clitics: [] };
  let r = clitics;
  const conj = r.startsWith('c');
  if (conj) r = r.slice(1);
  const article = r.endsWith('al');
  if (article) r = r.slice(0, -2).replace('+', '');
  const prep = r === 'l' ? 'ل' : r;
  const core = (article ? 'ال' : '') + stem;
  const forms = [n];
  const cl: string[] = [];
  if (conj) {
    cl.push(`${n[0]}+`);
    const noConj = n.slice(1);
    if (noConj !== core) forms.push(noConj);
  }
  if (prep) cl.push(`${prep}+`);
  if (core !== forms[forms.length - 1]) forms.push(core);
  return { forms, clitics: cl };
}

/**
 * The tokens a match form stands for in the clustering corpus: the candidate form (see
 * `cliticCandidates`) that `count` says is the most frequent word (ties: the less stripped),
 * preceded by the proclitics it leaves out.
 */
export function clusterTokens(n: string, count: (w: string) => number): string[] {
  const { forms, clitics } = cliticCandidates(n);
  if (forms.length === 1) return forms;
  let best = 0;
  let bc = count(forms[0]!);
  for (let k = 1; k < forms.length; k++) {
    const c = count(forms[k]!);
    if (c > bc) {
      bc = c;
      best = k;
    }
  }
  if (best === 0) return [n];
  // Form k leaves out the first k proclitics (one form per proclitic).
  return [...clitics.slice(0, best), forms[best]!];
}

/** The cluster bit string of a word (any form): of its first candidate form the clusters know. */
export function brownPathOf(word: string, paths: ReadonlyMap<string, string>): string | undefined {
  const { forms } = cliticCandidates(matchForm(word));
  for (const f of forms) {
    const p = paths.get(f);
    if (p !== undefined) return p;
  }
  return undefined;
}

export interface BrownOptions {
  /** Number of classes (leaves of the tree). */
  classes: number;
  /** Words seen fewer times share one "rare" token and get no cluster. */
  minCount?: number;
  /** Exchange iterations at most (stops earlier when fewer than 0.1% of the words move). */
  iterations?: number;
  log?: (line: string) => void;
}

export interface BrownResult {
  /** word → bit string, for every word seen at least `minCount` times. */
  paths: Map<string, string>;
  counts: Map<string, number>;
  /** Mutual information (nats) between adjacent classes, after the exchange step. */
  mi: number;
}

const BOUNDARY = '<s>';
const RARE = '<rare>';

/** Brown-style clusters of the tokens of `sentences` (already in their final forms). */
export function brownClusters(sentences: readonly (readonly string[])[], opts: BrownOptions): BrownResult {
  const log = opts.log ?? (() => {});
  const K = opts.classes;
  const minCount = opts.minCount ?? 3;
  const freq = new Map<string, number>();
  for (const s of sentences) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  freq.delete(BOUNDARY);
  freq.delete(RARE);
  const byFreq = [...freq.entries()]
    .filter(([, c]) => c >= minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  // Id 0: sentence boundary, 1: rare words; then the vocabulary by frequency.
  const words = [BOUNDARY, RARE, ...byFreq.map(([w]) => w)];
  const V = words.length;
  if (K < 2 || K > V)
    throw new Error(`brownClusters: ${K} classes for ${V} words (need 2 ≤ classes ≤ words)`);
  const id = new Map(words.map((w, i) => [w, i]));
  // Bigrams (with a boundary token between sentences) as sorted pair codes.
  let nTok = 1;
  for (const s of sentences) nTok += s.length + 1;
  const codes = new Float64Array(nTok - 1);
  let prev = 0;
  let k0 = 0;
  for (const s of sentences) {
    for (const w of s) {
      const cur = id.get(w) ?? 1;
      codes[k0++] = prev * V + cur;
      prev = cur;
    }
    codes[k0++] = prev * V;
    prev = 0;
  }
  codes.sort();
  // Successor lists (CSR by first word) and predecessor lists (CSR by second word).
  const pairsA: number[] = [];
  const pairsB: number[] = [];
  const pairsN: number[] = [];
  for (let k = 0; k < codes.length; k++) {
    const c = codes[k]!;
    const last = pairsN.length - 1;
    if (last >= 0 && pairsA[last]! * V + pairsB[last]! === c) pairsN[last]!++;
    else {
      pairsA.push(Math.floor(c / V));
      pairsB.push(c % V);
      pairsN.push(1);
    }
  }
  const P = pairsN.length;
  const succStart = new Int32Array(V + 1);
  const predStart = new Int32Array(V + 1);
  for (let k = 0; k < P; k++) {
    succStart[pairsA[k]! + 1]!++;
    predStart[pairsB[k]! + 1]!++;
  }
  for (let v = 0; v < V; v++) {
    succStart[v + 1]! += succStart[v]!;
    predStart[v + 1]! += predStart[v]!;
  }
  const succW = new Int32Array(P);
  const succN = new Float64Array(P);
  const predW = new Int32Array(P);
  const predN = new Float64Array(P);
  const fillS = succStart.slice(0, V);
  const fillP = predStart.slice(0, V);
  for (let k = 0; k < P; k++) {
    const a = pairsA[k]!;
    const b = pairsB[k]!;
    succW[fillS[a]!] = b;
    succN[fillS[a]!++] = pairsN[k]!;
    predW[fillP[b]!] = a;
    predN[fillP[b]!++] = pairsN[k]!;
  }
  const total = codes.length;
  log(`${sentences.length} sentences, ${total} bigrams (${P} distinct), ${V - 2} words, ${K} classes`);

  // 1. Exchange.
  const cls = new Int32Array(V);
  for (let v = 0; v < V; v++) cls[v] = v % K;
  const N = new Float64Array(K * K);
  const Nl = new Float64Array(K);
  const Nr = new Float64Array(K);
  for (let k = 0; k < P; k++) {
    const a = cls[pairsA[k]!]!;
    const b = cls[pairsB[k]!]!;
    N[a * K + b]! += pairsN[k]!;
    Nl[a]! += pairsN[k]!;
    Nr[b]! += pairsN[k]!;
  }
  const xlx = (x: number) => (x > 0 ? x * Math.log(x) : 0);
  const R = new Float64Array(K);
  const L = new Float64Array(K);
  const rT = new Int32Array(K);
  const lT = new Int32Array(K);
  const iterations = opts.iterations ?? 15;
  for (let it = 0; it < iterations; it++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      const a = cls[w]!;
      // Counts of w's successors and predecessors by class (w itself apart).
      let nr = 0;
      let nl = 0;
      let self = 0;
      let nR = 0;
      let nL = 0;
      let left = 0;
      let right = 0;
      for (let e = succStart[w]!; e < succStart[w + 1]!; e++) {
        const v = succW[e]!;
        left += succN[e]!;
        if (v === w) {
          self = succN[e]!;
          continue;
        }
        const d = cls[v]!;
        if (R[d] === 0) rT[nR++] = d;
        R[d]! += succN[e]!;
      }
      for (let e = predStart[w]!; e < predStart[w + 1]!; e++) {
        const u = predW[e]!;
        right += predN[e]!;
        if (u === w) continue;
        const c = cls[u]!;
        if (L[c] === 0) lT[nL++] = c;
        L[c]! += predN[e]!;
      }
      nl = left;
      nr = right;
      // Take w out of class a.
      for (let j = 0; j < nR; j++) N[a * K + rT[j]!]! -= R[rT[j]!]!;
      for (let j = 0; j < nL; j++) N[lT[j]! * K + a]! -= L[lT[j]!]!;
      N[a * K + a]! -= self;
      Nl[a]! -= nl;
      Nr[a]! -= nr;
      // The class it adds the most to.
      let best = a;
      let bestGain = -Infinity;
      for (let k = 0; k < K; k++) {
        let g = 0;
        const row = k * K;
        for (let j = 0; j < nR; j++) {
          const d = rT[j]!;
          if (d === k) continue;
          const x = N[row + d]!;
          g += xlx(x + R[d]!) - xlx(x);
        }
        for (let j = 0; j < nL; j++) {
          const c = lT[j]!;
          if (c === k) continue;
          const x = N[c * K + k]!;
          g += xlx(x + L[c]!) - xlx(x);
        }
        const kk = N[row + k]!;
        g += xlx(kk + R[k]! + L[k]! + self) - xlx(kk);
        g -= xlx(Nl[k]! + nl) - xlx(Nl[k]!) + xlx(Nr[k]! + nr) - xlx(Nr[k]!);
        if (g > bestGain + 1e-9 || (Math.abs(g - bestGain) <= 1e-9 && k === a)) {
          bestGain = g;
          best = k;
        }
      }
      for (let j = 0; j < nR; j++) N[best * K + rT[j]!]! += R[rT[j]!]!;
      for (let j = 0; j < nL; j++) N[lT[j]! * K + best]! += L[lT[j]!]!;
      N[best * K + best]! += self;
      Nl[best]! += nl;
      Nr[best]! += nr;
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
      for (let j = 0; j < nR; j++) R[rT[j]!] = 0;
      for (let j = 0; j < nL; j++) L[lT[j]!] = 0;
    }
    log(
      `exchange iteration ${it + 1}: ${moved} words moved, MI ${mutualInformation(N, Nl, Nr, K, total).toFixed(4)}`,
    );
    if (moved < V / 1000) break;
  }
  const mi = mutualInformation(N, Nl, Nr, K, total);

  // 2. Agglomeration of the K classes (Brown's merge step with cached losses).
  const codesOf = mergeTree(N, Nl, Nr, K, total);
  const paths = new Map<string, string>();
  const counts = new Map<string, number>();
  for (let v = 2; v < V; v++) {
    paths.set(words[v]!, codesOf[cls[v]!]!);
    counts.set(words[v]!, freq.get(words[v]!)!);
  }
  return { paths, counts, mi };
}

function mutualInformation(
  N: Float64Array,
  Nl: Float64Array,
  Nr: Float64Array,
  K: number,
  total: number,
): number {
  let s = 0;
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) {
      const x = N[a * K + b]!;
      if (x > 0) s += (x / total) * Math.log((x * total) / (Nl[a]! * Nr[b]!));
    }
  }
  return s;
}

/**
 * Brown's agglomerative step over K classes with bigram counts N: merges the pair that
 * loses the least mutual information until one cluster is left; returns each class's bit
 * string. The loss of every pair is kept in a table and updated in O(1) per pair after a
 * merge (only the terms of the two merged classes change), so the whole step is O(K³).
 */
export function mergeTree(
  N0: Float64Array,
  Nl0: Float64Array,
  Nr0: Float64Array,
  K: number,
  total: number,
): string[] {
  const p = Float64Array.from(N0, (x) => x / total);
  const pl = Float64Array.from(Nl0, (x) => x / total);
  const pr = Float64Array.from(Nr0, (x) => x / total);
  const q = (pxy: number, l: number, r: number) => (pxy > 0 ? pxy * Math.log(pxy / (l * r)) : 0);
  const active = new Uint8Array(K).fill(1);
  // Contribution of a third cluster x to the loss of merging c and d.
  const f = (c: number, d: number, x: number) =>
    q(p[c * K + x]!, pl[c]!, pr[x]!) +
    q(p[d * K + x]!, pl[d]!, pr[x]!) +
    q(p[x * K + c]!, pl[x]!, pr[c]!) +
    q(p[x * K + d]!, pl[x]!, pr[d]!) -
    q(p[c * K + x]! + p[d * K + x]!, pl[c]! + pl[d]!, pr[x]!) -
    q(p[x * K + c]! + p[x * K + d]!, pl[x]!, pr[c]! + pr[d]!);
  const core = (c: number, d: number) =>
    q(p[c * K + c]!, pl[c]!, pr[c]!) +
    q(p[c * K + d]!, pl[c]!, pr[d]!) +
    q(p[d * K + c]!, pl[d]!, pr[c]!) +
    q(p[d * K + d]!, pl[d]!, pr[d]!) -
    q(p[c * K + c]! + p[c * K + d]! + p[d * K + c]! + p[d * K + d]!, pl[c]! + pl[d]!, pr[c]! + pr[d]!);
  const full = (c: number, d: number) => {
    let s = core(c, d);
    for (let x = 0; x < K; x++) if (active[x] && x !== c && x !== d) s += f(c, d, x);
    return s;
  };
  const loss = new Float64Array(K * K);
  for (let c = 0; c < K; c++) for (let d = c + 1; d < K; d++) loss[c * K + d] = full(c, d);
  const code: string[] = Array.from({ length: K }, () => '');
  // Members of each current cluster (classes), to prefix their codes when merged.
  const members: number[][] = Array.from({ length: K }, (_, i) => [i]);
  for (let step = 0; step < K - 1; step++) {
    let a = -1;
    let b = -1;
    let best = Infinity;
    for (let c = 0; c < K; c++) {
      if (!active[c]) continue;
      for (let d = c + 1; d < K; d++) {
        if (!active[d]) continue;
        const l = loss[c * K + d]!;
        if (l < best - 1e-15) {
          best = l;
          a = c;
          b = d;
        }
      }
    }
    // Bits are prepended: the earlier-merged clusters' bits sit deeper in the string.
    for (const m of members[a]!) code[m] = `0${code[m]}`;
    for (const m of members[b]!) code[m] = `1${code[m]}`;
    members[a] = [...members[a]!, ...members[b]!];
    members[b] = [];
    // Remove the terms of a and b from every other pair's loss, merge, add the new cluster's.
    for (let c = 0; c < K; c++) {
      if (!active[c] || c === a || c === b) continue;
      for (let d = c + 1; d < K; d++) {
        if (!active[d] || d === a || d === b) continue;
        loss[c * K + d]! -= f(c, d, a) + f(c, d, b);
      }
    }
    for (let x = 0; x < K; x++) {
      p[a * K + x]! += p[b * K + x]!;
      p[b * K + x] = 0;
    }
    for (let x = 0; x < K; x++) {
      p[x * K + a]! += p[x * K + b]!;
      p[x * K + b] = 0;
    }
    pl[a]! += pl[b]!;
    pr[a]! += pr[b]!;
    pl[b] = 0;
    pr[b] = 0;
    active[b] = 0;
    for (let c = 0; c < K; c++) {
      if (!active[c] || c === a) continue;
      for (let d = c + 1; d < K; d++) {
        if (!active[d] || d === a) continue;
        loss[c * K + d]! += f(c, d, a);
      }
    }
    for (let x = 0; x < K; x++) {
      if (!active[x] || x === a) continue;
      const [c, d] = x < a ? [x, a] : [a, x];
      loss[c * K + d] = full(c, d);
    }
  }
  return code;
}

/** The cluster file: one line per word, «bits<TAB>word<TAB>count» (the format of Liang's wcluster), `#` lines are comments. */
export function writeBrown(res: BrownResult, header: readonly string[]): string {
  let out = header.map((l) => `# ${l}\n`).join('');
  const rows = [...res.paths.entries()].sort((x, y) => (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  for (const [w, bits] of rows) out += `${bits}\t${w}\t${res.counts.get(w) ?? 0}\n`;
  return out;
}

/** Reads a cluster file written by `writeBrown`; `name` is used in error messages. */
export function readBrown(text: string, name: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line || line.startsWith('#')) continue;
    const [bits, w] = line.split('\t');
    if (!bits || !w || !/^[01]+$/.test(bits)) {
      throw new Error(
        `${name}:${i + 1}: not «bits<TAB>word<TAB>count»; rebuild it with npm run build:clusters`,
      );
    }
    out.set(w, bits);
  }
  return out;
}
