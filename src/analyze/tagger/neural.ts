/**
 * A small dense window tagger (Collobert et al. 2011 style), in plain TypeScript over
 * Float32Array: each token is the mean of hashed feature embeddings (match form, stem,
 * affixes, character 3-grams of the stem, shape, gazetteer label, cluster ids: fastText-like,
 * so unseen names still get a vector) next to a fixed dense word vector (PPMI-SVD of ANT, see
 * clusters.ts `buildDenseVectors`); the ±window tokens' vectors are concatenated, one ReLU
 * hidden layer, a softmax over the tags. Trained per token (cross-entropy, AdaGrad, seeded);
 * decoded with constrained Viterbi over its log-probabilities, alone or added to another
 * tagger's emission scores (`TaggerModel.tagDocument(…, extra)`).
 *
 * Experimental (issue #3, round nerneural): not part of the committed model; see
 * bench/RESULTS.md, section ner.
 */
import { mulberry32 } from '../../text/random.ts';
import { hashString } from './features.ts';
import type { PhraseGazetteer } from './gazetteer.ts';
import { allowedTransitions, Decoder } from './model.ts';
import { matchForm, shape, stripProclitics } from './normalize.ts';

export interface DenseVectors {
  index: Map<string, number>;
  /** index → row of `dims` values. */
  data: Float32Array;
  dims: number;
}

export interface NeuralResources {
  gazetteer?: PhraseGazetteer;
  clusters?: ReadonlyMap<string, readonly number[]>;
  vectors?: DenseVectors;
}

export interface NeuralOptions {
  tags: readonly string[];
  /** Width of the hashed embedding (default 48). */
  dim?: number;
  hidden?: number;
  /** Tokens on each side (default 2). */
  window?: number;
  /** log2 of the hashed embedding rows (default 18). */
  bucketBits?: number;
  seed: number;
  /** AdaGrad learning rate (default 0.05). */
  lr?: number;
  /** 1: a token is the mean of all its feature embeddings; 3: identity, sub-word and list features averaged apart and concatenated (default 1). */
  slots?: number;
  /** Dropout on the hidden layer while training (default 0.2). */
  dropout?: number;
  /** Each token's own identity features (match form, stem) hidden with this probability (default 0.1). */
  wordDropout?: number;
}

const BOS = 0x5f3759df;
const EOS = 0x1badb002;

/** Hashed feature ids of each token of a sentence (the first `identity[i]` of each are its identity features). */
export function tokenFeatures(
  tokens: readonly string[],
  res: NeuralResources,
  bits: number,
): { ids: Int32Array; slots: Uint8Array; offsets: Int32Array; identity: Uint8Array; vec: Int32Array } {
  const mask = (1 << bits) - 1;
  const ids: number[] = [];
  const slots: number[] = [];
  let slot = 0;
  const offsets = new Int32Array(tokens.length + 1);
  const identity = new Uint8Array(tokens.length);
  const vec = new Int32Array(tokens.length).fill(-1);
  const norms = tokens.map(matchForm);
  const gaz = res.gazetteer?.match(norms);
  const add = (seed: number, s: string) => {
    ids.push(hashString(seed, s) & mask);
    slots.push(slot);
  };
  for (let i = 0; i < tokens.length; i++) {
    offsets[i] = ids.length;
    const n = norms[i]!;
    const { stem, clitics } = stripProclitics(n);
    slot = 0;
    add(1, n);
    add(2, stem);
    identity[i] = 2;
    slot = 1;
    add(3, clitics);
    add(4, shape(tokens[i]!));
    for (let k = 1; k <= 3 && k < stem.length; k++) {
      add(10 + k, stem.slice(0, k));
      add(20 + k, stem.slice(-k));
    }
    const padded = `<${stem}>`;
    for (let k = 0; k + 3 <= padded.length; k++) add(30, padded.slice(k, k + 3));
    slot = 2;
    const g = gaz?.[i];
    if (g !== undefined) {
      add(40, g);
      add(41, g.slice(0, g.indexOf(':') < 0 ? g.length : g.indexOf(':')));
    }
    const cl = res.clusters?.get(n) ?? res.clusters?.get(stem);
    if (cl) for (let lvl = 0; lvl < cl.length; lvl++) add(50 + lvl, String(cl[lvl]));
    else add(49, '');
    if (res.vectors) {
      const v = res.vectors.index.get(n) ?? res.vectors.index.get(stem);
      if (v !== undefined) vec[i] = v;
    }
  }
  offsets[tokens.length] = ids.length;
  return { ids: Int32Array.from(ids), slots: Uint8Array.from(slots), offsets, identity, vec };
}

export class WindowNet {
  readonly tags: readonly string[];
  readonly D: number;
  readonly S: number;
  readonly P: number;
  readonly Q: number;
  readonly H: number;
  readonly T: number;
  readonly win: number;
  readonly bits: number;
  readonly E: Float32Array;
  readonly W1: Float32Array;
  readonly b1: Float32Array;
  readonly W2: Float32Array;
  readonly b2: Float32Array;
  private readonly gE: Float32Array;
  private readonly gW1: Float32Array;
  private readonly gb1: Float32Array;
  private readonly gW2: Float32Array;
  private readonly gb2: Float32Array;
  private readonly rnd: () => number;
  private readonly lr: number;
  private readonly dropout: number;
  private readonly wordDropout: number;
  private readonly decoder: Decoder;
  private readonly bos: number;
  private readonly eos: number;

  constructor(
    opts: NeuralOptions,
    readonly res: NeuralResources,
  ) {
    this.tags = opts.tags;
    this.D = opts.dim ?? 48;
    this.S = opts.slots ?? 1;
    this.P = res.vectors ? res.vectors.dims + 1 : 0;
    this.Q = this.S * this.D + this.P;
    this.H = opts.hidden ?? 128;
    this.T = opts.tags.length;
    this.win = opts.window ?? 2;
    this.bits = opts.bucketBits ?? 18;
    this.lr = opts.lr ?? 0.05;
    this.dropout = opts.dropout ?? 0.2;
    this.wordDropout = opts.wordDropout ?? 0.1;
    this.rnd = mulberry32(opts.seed);
    const rows = 1 << this.bits;
    const IN = (2 * this.win + 1) * this.Q;
    const uni = (a: Float32Array, s: number) => {
      for (let i = 0; i < a.length; i++) a[i] = (2 * this.rnd() - 1) * s;
      return a;
    };
    this.E = uni(new Float32Array(rows * this.D), 0.1);
    this.W1 = uni(new Float32Array(this.H * IN), Math.sqrt(6 / (IN + this.H)));
    this.b1 = new Float32Array(this.H).fill(0.01);
    this.W2 = uni(new Float32Array(this.T * this.H), Math.sqrt(6 / (this.H + this.T)));
    this.b2 = new Float32Array(this.T);
    this.gE = new Float32Array(rows * this.D).fill(1e-6);
    this.gW1 = new Float32Array(this.W1.length).fill(1e-6);
    this.gb1 = new Float32Array(this.H).fill(1e-6);
    this.gW2 = new Float32Array(this.W2.length).fill(1e-6);
    this.gb2 = new Float32Array(this.T).fill(1e-6);
    const mask = rows - 1;
    this.bos = BOS & mask;
    this.eos = EOS & mask;
    const trans = new Float64Array((this.T + 1) * this.T);
    const allowed = allowedTransitions(this.tags);
    this.decoder = new Decoder(this.T, trans, allowed);
  }

  /** Token vectors R (L × Q) of a sentence; with `train`, identity features may be dropped (returned per token). */
  private represent(
    f: ReturnType<typeof tokenFeatures>,
    L: number,
    train: boolean,
  ): { R: Float32Array; skip: Uint8Array; counts: Float32Array } {
    const { D, Q, P, S } = this;
    const R = new Float32Array(L * Q);
    const skip = new Uint8Array(L);
    const counts = new Float32Array(L * S);
    for (let i = 0; i < L; i++) {
      let from = f.offsets[i]!;
      const to = f.offsets[i + 1]!;
      if (train && this.wordDropout > 0 && this.rnd() < this.wordDropout) {
        from += f.identity[i]!;
        skip[i] = f.identity[i]!;
      }
      const o = i * Q;
      for (let k = from; k < to; k++) {
        const e = f.ids[k]! * D;
        const sl = S === 1 ? 0 : f.slots[k]!;
        counts[i * S + sl]!++;
        const so = o + sl * D;
        for (let d = 0; d < D; d++) R[so + d]! += this.E[e + d]!;
      }
      for (let sl = 0; sl < S; sl++) {
        const c = counts[i * S + sl]!;
        if (c > 1) for (let d = 0; d < D; d++) R[o + sl * D + d]! /= c;
      }
      if (P > 0) {
        const v = f.vec[i]!;
        if (v >= 0) {
          const vd = this.res.vectors!.data;
          const dims = P - 1;
          const vo = o + S * D;
          for (let d = 0; d < dims; d++) R[vo + d] = vd[v * dims + d]!;
          R[vo + dims] = 1;
        }
      }
    }
    return { R, skip, counts };
  }

  /** Log-probabilities (L × T) of one sentence. */
  logProbs(tokens: readonly string[]): Float64Array {
    const L = tokens.length;
    const out = new Float64Array(L * this.T);
    if (L === 0) return out;
    const f = tokenFeatures(tokens, this.res, this.bits);
    const { R } = this.represent(f, L, false);
    const h = new Float32Array(this.H);
    for (let i = 0; i < L; i++) this.forwardToken(R, L, i, h, out, i * this.T);
    return out;
  }

  /** h = relu(W1 x + b1); out[at…] = log softmax(W2 h + b2). */
  private forwardToken(
    R: Float32Array,
    L: number,
    i: number,
    h: Float32Array,
    out: Float64Array,
    at: number,
  ) {
    const { H, Q, T, win, D } = this;
    const IN = (2 * win + 1) * Q;
    const W1 = this.W1;
    const Eb = this.bos * D;
    const Ee = this.eos * D;
    for (let u = 0; u < H; u++) {
      let s = this.b1[u]!;
      const wo = u * IN;
      for (let p = -win; p <= win; p++) {
        const j = i + p;
        const base = wo + (p + win) * Q;
        if (j >= 0 && j < L) {
          const ro = j * Q;
          for (let q = 0; q < Q; q++) s += W1[base + q]! * R[ro + q]!;
        } else {
          const e = j < 0 ? Eb : Ee;
          for (let q = 0; q < D; q++) s += W1[base + q]! * this.E[e + q]!;
        }
      }
      h[u] = Math.max(s, 0);
    }
    let max = -Infinity;
    for (let t = 0; t < T; t++) {
      let s = this.b2[t]!;
      for (let u = 0; u < H; u++) s += this.W2[t * H + u]! * h[u]!;
      out[at + t] = s;
      if (s > max) max = s;
    }
    let z = 0;
    for (let t = 0; t < T; t++) z += Math.exp(out[at + t]! - max);
    const lz = max + Math.log(z);
    for (let t = 0; t < T; t++) out[at + t]! -= lz;
  }

  /** One AdaGrad step on a sentence (gold tag indices); returns its summed cross-entropy. */
  trainSentence(tokens: readonly string[], gold: readonly number[]): number {
    const L = tokens.length;
    if (L === 0) return 0;
    const { H, Q, T, win, D } = this;
    const IN = (2 * win + 1) * Q;
    const f = tokenFeatures(tokens, this.res, this.bits);
    const { R, skip, counts } = this.represent(f, L, true);
    const S = this.S;
    const dR = new Float32Array(L * Q);
    const dW1 = new Float32Array(this.W1.length);
    const db1 = new Float32Array(H);
    const dW2 = new Float32Array(this.W2.length);
    const db2 = new Float32Array(T);
    const dPad = new Float32Array(2 * D);
    const h = new Float32Array(H);
    const dh = new Float32Array(H);
    const lp = new Float64Array(T);
    const keep = 1 - this.dropout;
    let loss = 0;
    for (let i = 0; i < L; i++) {
      this.forwardToken(R, L, i, h, lp, 0);
      // Inverted dropout on the hidden layer (the forward pass above had none: recompute the output).
      if (this.dropout > 0) {
        for (let u = 0; u < H; u++) h[u] = this.rnd() < keep ? h[u]! / keep : 0;
        let max = -Infinity;
        for (let t = 0; t < T; t++) {
          let s = this.b2[t]!;
          for (let u = 0; u < H; u++) s += this.W2[t * H + u]! * h[u]!;
          lp[t] = s;
          if (s > max) max = s;
        }
        let z = 0;
        for (let t = 0; t < T; t++) z += Math.exp(lp[t]! - max);
        const lz = max + Math.log(z);
        for (let t = 0; t < T; t++) lp[t]! -= lz;
      }
      const g = gold[i]!;
      loss -= lp[g]!;
      dh.fill(0);
      for (let t = 0; t < T; t++) {
        const d = Math.exp(lp[t]!) - (t === g ? 1 : 0);
        db2[t]! += d;
        for (let u = 0; u < H; u++) {
          dW2[t * H + u]! += d * h[u]!;
          dh[u]! += d * this.W2[t * H + u]!;
        }
      }
      for (let u = 0; u < H; u++) {
        if (h[u]! <= 0) continue;
        const d = this.dropout > 0 ? dh[u]! / keep : dh[u]!;
        db1[u]! += d;
        const wo = u * IN;
        for (let p = -win; p <= win; p++) {
          const j = i + p;
          const base = wo + (p + win) * Q;
          if (j >= 0 && j < L) {
            const ro = j * Q;
            for (let q = 0; q < Q; q++) {
              dW1[base + q]! += d * R[ro + q]!;
              dR[ro + q]! += d * this.W1[base + q]!;
            }
          } else {
            const e = (j < 0 ? this.bos : this.eos) * D;
            const po = j < 0 ? 0 : D;
            for (let q = 0; q < D; q++) {
              dW1[base + q]! += d * this.E[e + q]!;
              dPad[po + q]! += d * this.W1[base + q]!;
            }
          }
        }
      }
    }
    const lr = this.lr;
    const step = (w: Float32Array, gsum: Float32Array, gr: Float32Array) => {
      for (let k = 0; k < w.length; k++) {
        const gk = gr[k]!;
        if (gk === 0) continue;
        gsum[k]! += gk * gk;
        w[k]! -= (lr * gk) / Math.sqrt(gsum[k]!);
      }
    };
    step(this.W1, this.gW1, dW1);
    step(this.b1, this.gb1, db1);
    step(this.W2, this.gW2, dW2);
    step(this.b2, this.gb2, db2);
    // Embedding rows: each feature of token i gets dR[i][0..D) / count (features repeated in a sentence add up).
    const stepRow = (row: number, grad: Float32Array, go: number, scale: number) => {
      const e = row * D;
      for (let d = 0; d < D; d++) {
        const gk = grad[go + d]! * scale;
        if (gk === 0) continue;
        this.gE[e + d]! += gk * gk;
        this.E[e + d]! -= (lr * gk) / Math.sqrt(this.gE[e + d]!);
      }
    };
    for (let i = 0; i < L; i++) {
      const from = f.offsets[i]! + skip[i]!;
      const to = f.offsets[i + 1]!;
      for (let k = from; k < to; k++) {
        const sl = S === 1 ? 0 : f.slots[k]!;
        stepRow(f.ids[k]!, dR, i * Q + sl * D, 1 / counts[i * S + sl]!);
      }
    }
    stepRow(this.bos, dPad, 0, 1);
    stepRow(this.eos, dPad, D, 1);
    return loss;
  }

  /** Tags of one sentence by constrained Viterbi over the log-probabilities. */
  tag(tokens: readonly string[]): string[] {
    const L = tokens.length;
    if (L === 0) return [];
    const lp = this.logProbs(tokens);
    const best = new Int32Array(L);
    this.decoder.decode(lp, 0, L, best, 0);
    return Array.from(best, (t) => this.tags[t]!);
  }
}

/** Trains a window network for `epochs` passes over the sentences (seeded shuffles); `onEpoch` after each. */
export function trainWindowNet(
  sentences: readonly { tokens: readonly string[]; tags: readonly string[] }[],
  opts: NeuralOptions & { epochs: number; onEpoch?: (epoch: number, net: WindowNet, loss: number) => void },
  res: NeuralResources,
): WindowNet {
  const net = new WindowNet(opts, res);
  const tagIdx = new Map(opts.tags.map((t, i) => [t, i]));
  const gold = sentences.map((s) =>
    s.tags.map((t) => {
      const k = tagIdx.get(t);
      if (k === undefined) throw new Error(`tag "${t}" is not in the tag set ${opts.tags.join(' ')}`);
      return k;
    }),
  );
  const rnd = mulberry32(opts.seed ^ 0x9e3779b9);
  const order = sentences.map((_, i) => i);
  for (let e = 1; e <= opts.epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const i of order) loss += net.trainSentence(sentences[i]!.tokens, gold[i]!);
    opts.onEpoch?.(e, net, loss);
  }
  return net;
}
