/**
 * Averaged structured perceptron over BIO with Viterbi decoding. Deterministic: a
 * seeded shuffle, a fixed iteration order, no dependence on Map order beyond insertion.
 */
import type { ConllSentence } from './conll.ts';
import { FeatureExtractor, type FeatureGroup, type FeatureResources } from './features.ts';
import { PhraseGazetteer } from './gazetteer.ts';
import { matchForm, stripProclitics } from './normalize.ts';
import { allowedTransitions, endAllowed, type ModelHeader, repairBio, toBilou, viterbi } from './model.ts';
import { mulberry32 } from '../../text/random.ts';

/** Tag order: O first, then B-/I- (BILOU: B-/I-/L-/U-) per type, types sorted. */
export function tagSet(sentences: readonly ConllSentence[]): string[] {
  const types = new Set<string>();
  let bilou = false;
  for (const s of sentences) {
    for (const t of s.tags) {
      if (t === 'O') continue;
      types.add(t.slice(2));
      if (t[0] === 'L' || t[0] === 'U') bilou = true;
    }
  }
  const out = ['O'];
  for (const ty of [...types].sort()) {
    if (bilou) out.push(`B-${ty}`, `I-${ty}`, `L-${ty}`, `U-${ty}`);
    else out.push(`B-${ty}`, `I-${ty}`);
  }
  return out;
}

/**
 * What the given sentences say about each word: its most frequent tag and how sure
 * that is. Only words tagged as (part of) an entity at least once get an entry; their
 * proclitic-stripped stems get one too under "~stem".
 */
export function buildLexicon(sentences: readonly ConllSentence[]): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  const entityWords = new Set<string>();
  const add = (k: string, tag: string) => {
    let m = counts.get(k);
    if (!m) {
      m = new Map();
      counts.set(k, m);
    }
    m.set(tag, (m.get(tag) ?? 0) + 1);
  };
  for (const s of sentences) {
    for (let i = 0; i < s.tokens.length; i++) {
      const n = matchForm(s.tokens[i]!);
      const tag = s.tags[i]!;
      const stem = `~${stripProclitics(n).stem}`;
      add(n, tag);
      add(stem, tag);
      if (tag !== 'O') {
        entityWords.add(n);
        entityWords.add(stem);
      }
    }
  }
  const lex = new Map<string, string>();
  for (const k of [...entityWords].sort()) {
    const m = counts.get(k)!;
    let total = 0;
    let best = 'O';
    let bc = -1;
    for (const [t, c] of [...m.entries()].sort()) {
      total += c;
      if (c > bc) {
        bc = c;
        best = t;
      }
    }
    const share = bc / total;
    const conf = share >= 0.8 ? 'h' : share >= 0.5 ? 'm' : 'l';
    lex.set(k, `${best}:${conf}`);
  }
  return lex;
}

export interface TrainOptions {
  sentences: readonly ConllSentence[];
  groups: readonly FeatureGroup[];
  clusters?: Map<string, readonly number[]>;
  /** Stem → flat cluster ids (group `stemcluster`). */
  stemClusters?: Map<string, readonly number[]>;
  /** Match form → Brown cluster bit string (groups `brown`, `cue`). */
  brown?: ReadonlyMap<string, string>;
  /** Match form → name-part bits (group `namepart`). */
  nameParts?: ReadonlyMap<string, number>;
  /** Match form → binarized vector codes (group `vec`). */
  vectors?: ReadonlyMap<string, readonly number[]>;
  /**
   * Group `antlex`: one ANT label map per contiguous fold of `sentences` (fold f's sentences
   * get `antLexicons[f]`, computed without them).
   */
  antLexicons?: readonly Map<string, string>[];
  /** Name-list phrases (match forms) → label. */
  gazetteer?: Map<string, string>;
  epochs: number;
  seed: number;
  /** Features seen fewer times than this in training are dropped. */
  minCount?: number;
  /** Folds for the out-of-fold lexicon features. */
  folds?: number;
  /** Share of feature occurrences hidden at random in each training step (0 = none). */
  dropout?: number;
  /** > 0: passive-aggressive (PA-I) steps capped at this value instead of perceptron steps of 1. */
  paC?: number;
  /** Chance that a token's identity features (its forms, stems, bigrams) are hidden in a training step. */
  wordDropout?: number;
  /** The same, only for tokens that are part of an entity (names the model must also find from context and affixes). */
  entityDropout?: number;
  /** Non-local (`doc` group) feature hashes per sentence and token, from out-of-fold first-pass tags. */
  docFeats?: readonly (readonly Uint32Array[])[];
  /** Chance that a sentence's doc features are hidden in a training step (the model also runs without them, as the first pass). */
  docDropout?: number;
  /**
   * Train a linear-chain CRF (log-likelihood, forward–backward, AdaGrad steps with L2)
   * instead of the averaged perceptron. Same features, same decoding.
   */
  crf?: CrfOptions;
  /** Tag scheme the model learns (default BIO); BILOU marks single-token entities (U-) and last tokens (L-). */
  scheme?: 'bio' | 'bilou';
  /** BIO: read stray I-X in the gold as B-X (always done for BILOU and the CRF). */
  repairGold?: boolean;
  /**
   * Loss-augmented perceptron: while training, every tag but the gold one gets this much
   * added to its score at each token before decoding, so a sentence is also learned from
   * when the gold path wins by less than this margin per wrong token (0 = the plain perceptron).
   */
  margin?: number;
  /** Added to `margin` for O at the tokens of a gold entity (missing an entity costs more: recall). */
  marginMiss?: number;
  /** Called after each epoch with the averaged model, e.g. to score on dev. */
  onEpoch?: (epoch: number, model: TrainedWeights) => void;
  log?: (line: string) => void;
}

export interface CrfOptions {
  /** AdaGrad base step (default 0.1). */
  eta?: number;
  /** L2 coefficient over the whole training set (objective: loss + l2/2 · |w|²; default 1). */
  l2?: number;
  /** Average the weights over all steps (as the averaged perceptron does; needs l2 = 0). */
  average?: boolean;
  /** Rows whose largest |weight| is below this are dropped from the model (default 0: none). */
  prune?: number;
}

export interface TrainedWeights {
  tags: string[];
  hashes: Uint32Array;
  weights: Float32Array;
  transitions: number[];
  lexicon: Map<string, string>;
}

/** Trains and returns averaged weights (rows with no weight dropped). */
export function train(opts: TrainOptions): TrainedWeights {
  const log = opts.log ?? (() => {});
  // Gold tags as the constrained decoder can produce them (stray I-X read as B-X) for BILOU
  // and the CRF, whose likelihood is undefined for a forbidden path. (The perceptron on BIO
  // keeps the tags as they are, which is what the committed model was trained on.)
  const sents =
    opts.scheme === 'bilou'
      ? opts.sentences.map((s) => ({ tokens: s.tokens, tags: toBilou(s.tags) }))
      : opts.crf || opts.repairGold
        ? opts.sentences.map((s) => ({ tokens: s.tokens, tags: repairBio(s.tags) }))
        : opts.sentences;
  const tags = tagSet(sents);
  const n = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const useLex = opts.groups.includes('lexicon');
  const folds = opts.folds ?? 10;

  // 1. Extract features (out-of-fold lexicon for each sentence when the lexicon is used).
  const extracted: { feats: Uint32Array; offsets: Uint32Array; identity?: Uint8Array }[] = new Array(
    sents.length,
  );
  // Contiguous blocks, so a fold holds whole documents (a name rarely crosses folds).
  const foldOf = (i: number) => Math.floor((i * folds) / sents.length);
  const antFolds = opts.antLexicons?.length ?? 0;
  if (useLex && antFolds) throw new Error('train: the lexicon and antlex groups cannot be combined');
  const passes = useLex ? folds : antFolds || 1;
  const foldOfPass = antFolds ? (i: number) => Math.floor((i * antFolds) / sents.length) : foldOf;
  for (let f = 0; f < passes; f++) {
    const resources: FeatureResources = {};
    if (opts.clusters) resources.clusters = opts.clusters;
    if (opts.stemClusters) resources.stemClusters = opts.stemClusters;
    if (opts.brown) resources.brown = opts.brown;
    if (opts.nameParts) resources.nameParts = opts.nameParts;
    if (opts.vectors) resources.vectors = opts.vectors;
    if (opts.gazetteer) resources.gazetteer = new PhraseGazetteer(opts.gazetteer);
    if (useLex) resources.lexicon = buildLexicon(sents.filter((_, i) => foldOf(i) !== f));
    if (antFolds) resources.antLexicon = opts.antLexicons![f]!;
    const fx = new FeatureExtractor({ groups: opts.groups, resources });
    for (let i = 0; i < sents.length; i++) {
      if (passes > 1 && foldOfPass(i) !== f) continue;
      extracted[i] = fx.extract(sents[i]!.tokens, { identity: true });
    }
  }
  const lexicon = useLex ? buildLexicon(sents) : new Map<string, string>();
  // Doc features go after each token's own ones, marked 2 in `identity` (1 = identity features).
  if (opts.docFeats) {
    for (let si = 0; si < sents.length; si++) {
      const e = extracted[si]!;
      const extra = opts.docFeats[si]!;
      let add = 0;
      for (const f of extra) add += f.length;
      if (add === 0) continue;
      const feats = new Uint32Array(e.feats.length + add);
      const ident = new Uint8Array(e.feats.length + add);
      const offs = new Uint32Array(e.offsets.length);
      let o = 0;
      for (let i = 0; i + 1 < e.offsets.length; i++) {
        offs[i] = o;
        for (let k = e.offsets[i]!; k < e.offsets[i + 1]!; k++) {
          feats[o] = e.feats[k]!;
          ident[o++] = e.identity?.[k] ?? 0;
        }
        for (const h of extra[i]!) {
          feats[o] = h;
          ident[o++] = 2;
        }
      }
      offs[e.offsets.length - 1] = o;
      extracted[si] = { feats, offsets: offs, identity: ident };
    }
  }

  // 2. Count features, keep the frequent ones, map hash → row.
  const minCount = opts.minCount ?? 1;
  const count = new Map<number, number>();
  for (const e of extracted) for (const h of e.feats) count.set(h, (count.get(h) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  const hashList: number[] = [];
  for (const [h, c] of count) {
    if (c >= minCount) {
      rowOf.set(h, hashList.length);
      hashList.push(h);
    }
  }
  log(`features: ${count.size} distinct, ${hashList.length} kept (min count ${minCount})`);
  const data = extracted.map((e, si) => {
    const rows: number[] = [];
    const idents: number[] = [];
    const offs = new Uint32Array(e.offsets.length);
    for (let i = 0; i + 1 < e.offsets.length; i++) {
      offs[i] = rows.length;
      for (let k = e.offsets[i]!; k < e.offsets[i + 1]!; k++) {
        const r = rowOf.get(e.feats[k]!);
        if (r !== undefined) {
          rows.push(r);
          idents.push(e.identity?.[k] ?? 0);
        }
      }
    }
    offs[e.offsets.length - 1] = rows.length;
    const gold = Int32Array.from(sents[si]!.tags, (t) => tagIndex.get(t)!);
    return { rows: Int32Array.from(rows), ident: Uint8Array.from(idents), offs, gold };
  });

  if (opts.crf) return trainCrf(opts, opts.crf, { tags, hashList, data, lexicon });

  // 3. Averaged perceptron.
  const R = hashList.length;
  const w = new Float64Array(R * n);
  const acc = new Float64Array(R * n);
  const tr = new Float64Array((n + 1) * n);
  const trAcc = new Float64Array((n + 1) * n);
  const allowed = allowedTransitions(tags);
  const end = endAllowed(tags);
  let c = 1;
  const dropout = opts.dropout ?? 0;
  const wordDropout = opts.wordDropout ?? 0;
  const entityDropout = opts.entityDropout ?? 0;
  const paC = opts.paC ?? 0;
  const docDropout = opts.docDropout ?? 0;
  const margin = opts.margin ?? 0;
  const marginMiss = opts.marginMiss ?? 0;
  if (margin > 0 || marginMiss > 0) {
    if (paC > 0) throw new Error('train: margin and passive-aggressive steps cannot be combined');
    if (tags[0] !== 'O') throw new Error('train: margin needs O as the first tag');
  }
  const rnd = mulberry32(opts.seed);
  const order = Array.from(sents, (_, i) => i);
  const averaged = (): TrainedWeights => {
    const kept: number[] = [];
    for (let r = 0; r < R; r++) {
      for (let t = 0; t < n; t++) {
        if (Math.abs(w[r * n + t]! - acc[r * n + t]! / c) > 1e-9) {
          kept.push(r);
          break;
        }
      }
    }
    const hashes = new Uint32Array(kept.length);
    const weights = new Float32Array(kept.length * n);
    kept.forEach((r, j) => {
      hashes[j] = hashList[r]!;
      for (let t = 0; t < n; t++) weights[j * n + t] = w[r * n + t]! - acc[r * n + t]! / c;
    });
    const transitions = Array.from(tr, (v, k) => v - trAcc[k]! / c);
    return { tags, hashes, weights, transitions, lexicon };
  };
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let errors = 0;
    let total = 0;
    for (const si of order) {
      const d = data[si]!;
      const len = d.gold.length;
      const em = new Float64Array(len * n);
      let rows = dropout > 0 ? d.rows.map((r) => (rnd() < dropout ? -1 : r)) : d.rows;
      if (wordDropout > 0) {
        if (rows === d.rows) rows = d.rows.slice();
        for (let i = 0; i < len; i++) {
          if (rnd() >= wordDropout) continue;
          for (let k = d.offs[i]!; k < d.offs[i + 1]!; k++) if (d.ident[k] === 1) rows[k] = -1;
        }
      }
      if (entityDropout > 0) {
        for (let i = 0; i < len; i++) {
          if (d.gold[i] === 0 || rnd() >= entityDropout) continue;
          if (rows === d.rows) rows = d.rows.slice();
          for (let k = d.offs[i]!; k < d.offs[i + 1]!; k++) if (d.ident[k] === 1) rows[k] = -1;
        }
      }
      if (docDropout > 0 && rnd() < docDropout) {
        if (rows === d.rows) rows = d.rows.slice();
        for (let k = 0; k < rows.length; k++) if (d.ident[k] === 2) rows[k] = -1;
      }
      for (let i = 0; i < len; i++) {
        for (let k = d.offs[i]!; k < d.offs[i + 1]!; k++) {
          if (rows[k]! < 0) continue;
          const o = rows[k]! * n;
          for (let t = 0; t < n; t++) em[i * n + t]! += w[o + t]!;
        }
      }
      if (margin > 0 || marginMiss > 0) {
        for (let i = 0; i < len; i++) {
          const g = d.gold[i]!;
          for (let t = 0; t < n; t++) if (t !== g) em[i * n + t]! += margin;
          if (g !== 0) em[i * n]! += marginMiss;
        }
      }
      const pred = viterbi({ emissions: em, length: len, tags: n, transitions: tr, allowed, end });
      total += len;
      // Step size: 1 (perceptron) or the passive-aggressive (PA-I) step for this sentence.
      let step = 1;
      if (paC > 0) {
        let margin = 0;
        let loss = 0;
        let normSq = 0;
        for (let i = 0; i < len; i++) {
          const g = d.gold[i]!;
          const p = pred[i]!;
          const gp = i === 0 ? -1 : d.gold[i - 1]!;
          const pp = i === 0 ? -1 : pred[i - 1]!;
          margin += em[i * n + p]! - em[i * n + g]! + tr[(pp + 1) * n + p]! - tr[(gp + 1) * n + g]!;
          if (g !== p) {
            loss++;
            let f = 0;
            for (let k = d.offs[i]!; k < d.offs[i + 1]!; k++) if (rows[k]! >= 0) f++;
            normSq += 2 * f;
          }
          if (g !== p || gp !== pp) normSq += 2;
        }
        step = normSq > 0 ? Math.min(paC, Math.max(0, (margin + loss) / normSq)) : 0;
      }
      for (let i = 0; i < len && step > 0; i++) {
        const g = d.gold[i]!;
        const p = pred[i]!;
        const gp = i === 0 ? -1 : d.gold[i - 1]!;
        const pp = i === 0 ? -1 : pred[i - 1]!;
        if (g !== p) {
          errors++;
          for (let k = d.offs[i]!; k < d.offs[i + 1]!; k++) {
            if (rows[k]! < 0) continue;
            const o = rows[k]! * n;
            w[o + g]! += step;
            acc[o + g]! += c * step;
            w[o + p]! -= step;
            acc[o + p]! -= c * step;
          }
        }
        if (g !== p || gp !== pp) {
          const kg = (gp + 1) * n + g;
          const kp = (pp + 1) * n + p;
          tr[kg]! += step;
          trAcc[kg]! += c * step;
          tr[kp]! -= step;
          trAcc[kp]! -= c * step;
        }
      }
      c++;
    }
    log(`epoch ${epoch}: ${errors} token errors / ${total} (${((100 * errors) / total).toFixed(2)}%)`);
    if (opts.onEpoch) opts.onEpoch(epoch, averaged());
  }
  return averaged();
}

interface Prepared {
  tags: string[];
  hashList: number[];
  data: { rows: Int32Array; ident: Uint8Array; offs: Uint32Array; gold: Int32Array }[];
  lexicon: Map<string, string>;
}

/**
 * Forward–backward of a linear-chain CRF whose forbidden transitions (`allowed`, `end`) have
 * probability 0, in probability space with each position scaled to sum 1 (E = exp(em − row
 * max), M = exp(transitions)); log Z collects the scales. Work arrays are kept between calls.
 */
export class ForwardBackward {
  /** After `run`: the marginal of tag t at token i, mu[i*n + t]. */
  mu = new Float64Array(0);
  /** After `run`: the expected count of each transition, indexed like the transitions. */
  readonly trExp: Float64Array;
  private alpha = new Float64Array(0);
  private beta = new Float64Array(0);
  private E = new Float64Array(0);
  private scale = new Float64Array(0);
  private readonly M: Float64Array;
  constructor(
    private readonly n: number,
    private readonly allowed: Uint8Array,
    private readonly end: Uint8Array,
  ) {
    this.M = new Float64Array((n + 1) * n);
    this.trExp = new Float64Array((n + 1) * n);
  }

  /** log Z of the `len` tokens with emissions em[i*n + t] and transitions tr[(prev+1)*n + t]; fills `mu` and `trExp`. */
  run(em: ArrayLike<number>, len: number, tr: ArrayLike<number>): number {
    const n = this.n;
    const allowed = this.allowed;
    const end = this.end;
    const TN = (n + 1) * n;
    if (this.alpha.length < len * n) {
      this.alpha = new Float64Array(len * n * 2);
      this.beta = new Float64Array(len * n * 2);
      this.E = new Float64Array(len * n * 2);
      this.mu = new Float64Array(len * n * 2);
      this.scale = new Float64Array(len * 2);
    }
    const { alpha, beta, E, scale, M, mu, trExp } = this;
    const NEG_INF = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < TN; k++) M[k] = allowed[k] ? Math.exp(tr[k]!) : 0;
    let logZ = 0;
    for (let i = 0; i < len; i++) {
      const row = i * n;
      let mx = NEG_INF;
      for (let c = 0; c < n; c++) if (em[row + c]! > mx) mx = em[row + c]!;
      for (let c = 0; c < n; c++) E[row + c] = Math.exp(em[row + c]! - mx);
      logZ += mx;
      let z = 0;
      if (i === 0) {
        for (let c = 0; c < n; c++) {
          const v = M[c]! * E[c]!;
          alpha[c] = v;
          z += v;
        }
      } else {
        for (let c = 0; c < n; c++) {
          let v = 0;
          for (let p = 0; p < n; p++) v += alpha[row - n + p]! * M[(p + 1) * n + c]!;
          v *= E[row + c]!;
          alpha[row + c] = v;
          z += v;
        }
      }
      scale[i] = z;
      logZ += Math.log(z);
      for (let c = 0; c < n; c++) alpha[row + c]! /= z;
    }
    const lastRow = (len - 1) * n;
    let zEnd = 0;
    for (let c = 0; c < n; c++) {
      beta[lastRow + c] = end[c]!;
      zEnd += alpha[lastRow + c]! * end[c]!;
    }
    logZ += Math.log(zEnd);
    for (let i = len - 2; i >= 0; i--) {
      const row = i * n;
      const z = scale[i + 1]!;
      for (let p = 0; p < n; p++) {
        let v = 0;
        const mo = (p + 1) * n;
        for (let c = 0; c < n; c++) v += M[mo + c]! * E[row + n + c]! * beta[row + n + c]!;
        beta[row + p] = v / z;
      }
    }
    trExp.fill(0);
    for (let i = 0; i < len; i++) {
      const row = i * n;
      for (let c = 0; c < n; c++) mu[row + c] = (alpha[row + c]! * beta[row + c]!) / zEnd;
      if (i === 0) {
        for (let c = 0; c < n; c++) trExp[c]! += mu[c]!;
        continue;
      }
      const f = 1 / (scale[i]! * zEnd);
      for (let c = 0; c < n; c++) {
        const e = E[row + c]! * beta[row + c]! * f;
        if (e === 0) continue;
        for (let p = 0; p < n; p++) {
          const k = (p + 1) * n + c;
          trExp[k]! += alpha[row - n + p]! * M[k]! * e;
        }
      }
    }
    return logZ;
  }
}

/**
 * Linear-chain CRF over the same rows and BIO constraints as the perceptron (forbidden
 * transitions have probability 0): per sentence, forward–backward gives each token's tag
 * marginals and each transition's expected count; the gradient (expected − observed) is
 * applied with AdaGrad steps. L2 is applied as a proximal step to the rows a sentence
 * touches, and to the other rows lazily (the steps they missed, caught up when next touched
 * and at the end), so the cost per sentence is that of its own features.
 */
function trainCrf(opts: TrainOptions, crf: CrfOptions, prep: Prepared): TrainedWeights {
  const log = opts.log ?? (() => {});
  const { tags, hashList, data, lexicon } = prep;
  const n = tags.length;
  const R = hashList.length;
  const N = data.length;
  const eta = crf.eta ?? 0.1;
  const lambda = (crf.l2 ?? 1) / N;
  const allowed = allowedTransitions(tags);
  const end = endAllowed(tags);
  const TN = (n + 1) * n;
  const w = new Float64Array(R * n);
  const G = new Float64Array(R * n);
  /** Step up to which row r's L2 decay has been applied. */
  const last = new Int32Array(R);
  const tr = new Float64Array(TN);
  const trG = new Float64Array(TN);
  const grad = new Float64Array(R * n);
  const trGrad = new Float64Array(TN);
  const mark = new Int32Array(R).fill(-1);
  let touched = new Int32Array(1024);
  const docDropout = opts.docDropout ?? 0;
  if (opts.margin || opts.marginMiss) throw new Error('train: margin is for the perceptron, not the CRF');
  const rnd = mulberry32(opts.seed);
  const order = Array.from(data, (_, i) => i);
  let maxLen = 1;
  for (const d of data) maxLen = Math.max(maxLen, d.gold.length);
  const em = new Float64Array(maxLen * n);
  const fb = new ForwardBackward(n, allowed, end);
  // Averaging (as the perceptron's): exact only without L2, whose lazy decay it does not track.
  for (const k of ['dropout', 'wordDropout', 'entityDropout', 'paC'] as const) {
    if (opts[k]) throw new Error(`train: ${k} is a perceptron option; the CRF trainer does not use it`);
  }
  const average = crf.average ?? false;
  if (average && lambda !== 0) throw new Error('train: the CRF average needs l2 = 0');
  const acc = average ? new Float64Array(R * n) : undefined;
  const trAcc = average ? new Float64Array(TN) : undefined;
  let c = 1;
  /** Applies row r's pending L2 decay up to step `upTo` (the proximal steps it missed, at its current AdaGrad rates). */
  const catchUp = (r: number, upTo: number) => {
    const k = upTo - last[r]!;
    if (k <= 0 || lambda === 0) return;
    const o = r * n;
    for (let t = 0; t < n; t++) {
      const v = w[o + t]!;
      if (v !== 0) w[o + t] = v * Math.exp(-k * Math.log1p((eta / Math.sqrt(G[o + t]! + 1e-8)) * lambda));
    }
    last[r] = upTo;
  };
  let step = 0;
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      const tmp = order[i]!;
      order[i] = order[j]!;
      order[j] = tmp;
    }
    let nll = 0;
    for (const si of order) {
      const d = data[si]!;
      const len = d.gold.length;
      const hideDoc = docDropout > 0 && rnd() < docDropout;
      // Rows of this sentence: catch up their decay, collect them once.
      let nt = 0;
      for (let k = 0; k < d.rows.length; k++) {
        if (hideDoc && d.ident[k] === 2) continue;
        const r = d.rows[k]!;
        if (mark[r] === step) continue;
        mark[r] = step;
        if (last[r]! < step && lambda !== 0) catchUp(r, step);
        if (nt === touched.length) {
          const bigger = new Int32Array(nt * 2);
          bigger.set(touched);
          touched = bigger;
        }
        touched[nt++] = r;
      }
      // Emissions.
      em.fill(0, 0, len * n);
      for (let i = 0; i < len; i++) {
        for (let k = d.offs[i]!; k < d.offs[i + 1]!; k++) {
          if (hideDoc && d.ident[k] === 2) continue;
          const o = d.rows[k]! * n;
          for (let t = 0; t < n; t++) em[i * n + t]! += w[o + t]!;
        }
      }
      const logZ = fb.run(em, len, tr);
      // Gold path score (for the loss) and gradients: expected − observed.
      let gold = 0;
      for (let i = 0; i < len; i++) {
        const g = d.gold[i]!;
        const gp = i === 0 ? -1 : d.gold[i - 1]!;
        gold += em[i * n + g]! + tr[(gp + 1) * n + g]!;
      }
      nll += logZ - gold;
      trGrad.set(fb.trExp);
      const mu = fb.mu;
      for (let i = 0; i < len; i++) {
        const row = i * n;
        mu[row + d.gold[i]!]! -= 1;
        const gp = i === 0 ? -1 : d.gold[i - 1]!;
        trGrad[(gp + 1) * n + d.gold[i]!]! -= 1;
        for (let k = d.offs[i]!; k < d.offs[i + 1]!; k++) {
          if (hideDoc && d.ident[k] === 2) continue;
          const o = d.rows[k]! * n;
          for (let t = 0; t < n; t++) grad[o + t]! += mu[row + t]!;
        }
      }
      // AdaGrad step with the L2 proximal step, on the touched rows; then the transitions.
      for (let q = 0; q < nt; q++) {
        const o = touched[q]! * n;
        for (let t = 0; t < n; t++) {
          const g = grad[o + t]!;
          grad[o + t] = 0;
          const g2 = G[o + t]! + g * g;
          G[o + t] = g2;
          const a = eta / Math.sqrt(g2 + 1e-8);
          const v = w[o + t]!;
          const nv = (v - a * g) / (1 + a * lambda);
          w[o + t] = nv;
          if (acc) acc[o + t]! += c * (nv - v);
        }
        last[touched[q]!] = step + 1;
      }
      for (let k = 0; k < TN; k++) {
        const g = trGrad[k]!;
        if (g === 0) continue;
        trG[k]! += g * g;
        const dv = (eta / Math.sqrt(trG[k]! + 1e-8)) * g;
        tr[k]! -= dv;
        if (trAcc) trAcc[k]! -= c * dv;
      }
      step++;
      c++;
    }
    log(
      `epoch ${epoch}: crf loss ${nll.toFixed(1)} (per token ${(nll / data.reduce((a, d) => a + d.gold.length, 0)).toFixed(4)})`,
    );
    if (opts.onEpoch) opts.onEpoch(epoch, weightsNow());
  }
  return weightsNow();

  /** The current weights (every row's decay caught up), rows below `prune` dropped. */
  function weightsNow(): TrainedWeights {
    for (let r = 0; r < R; r++) catchUp(r, step);
    // Averaged: w − acc / c is the mean of the weights after every step so far.
    const at = (k: number) => (acc ? w[k]! - acc[k]! / c : w[k]!);
    const prune = crf.prune ?? 0;
    const kept: number[] = [];
    for (let r = 0; r < R; r++) {
      let big = 0;
      for (let t = 0; t < n; t++) big = Math.max(big, Math.abs(at(r * n + t)));
      if (big > prune && big > 0) kept.push(r);
    }
    const hashes = new Uint32Array(kept.length);
    const weights = new Float32Array(kept.length * n);
    kept.forEach((r, j) => {
      hashes[j] = hashList[r]!;
      for (let t = 0; t < n; t++) weights[j * n + t] = at(r * n + t);
    });
    log(`crf: ${kept.length} of ${R} rows kept (prune ${prune})`);
    const transitions = Array.from(tr, (v, k) => (trAcc ? v - trAcc[k]! / c : v));
    return { tags, hashes, weights, transitions, lexicon };
  }
}

export function headerFor(
  t: TrainedWeights,
  opts: {
    groups: readonly FeatureGroup[];
    clusters?: Map<string, readonly number[]>;
    stemClusters?: Map<string, readonly number[]>;
    brown?: ReadonlyMap<string, string>;
    nameParts?: ReadonlyMap<string, number>;
    vectors?: ReadonlyMap<string, readonly number[]>;
    antLexicon?: Map<string, string>;
    gazetteer?: Map<string, string>;
    docWindow?: number;
    meta: Record<string, unknown>;
  },
): ModelHeader {
  return {
    version: 1,
    tags: t.tags,
    groups: [...opts.groups],
    rows: t.hashes.length,
    transitions: t.transitions,
    clusters: Object.fromEntries([...(opts.clusters ?? new Map()).entries()].map(([k, v]) => [k, [...v]])),
    lexicon: Object.fromEntries(t.lexicon),
    ...(opts.gazetteer ? { gazetteer: Object.fromEntries(opts.gazetteer) } : {}),
    ...(opts.antLexicon && opts.groups.includes('antlex')
      ? { antLexicon: Object.fromEntries(opts.antLexicon) }
      : {}),
    ...(opts.stemClusters && opts.groups.includes('stemcluster')
      ? { stemClusters: Object.fromEntries([...opts.stemClusters.entries()].map(([k, v]) => [k, [...v]])) }
      : {}),
    ...(opts.brown && (opts.groups.includes('brown') || opts.groups.includes('cue'))
      ? { brown: Object.fromEntries(opts.brown) }
      : {}),
    ...(opts.nameParts && opts.groups.includes('namepart')
      ? { nameParts: Object.fromEntries(opts.nameParts) }
      : {}),
    ...(opts.vectors && opts.groups.includes('vec')
      ? { vectors: Object.fromEntries([...opts.vectors.entries()].map(([k, v]) => [k, [...v]])) }
      : {}),
    ...(opts.groups.includes('doc') ? { docWindow: opts.docWindow ?? 0 } : {}),
    trainedOn: 'ANERcorp (CAMeL Lab split), train.txt',
    notice:
      'Trained on ANERcorp (Benajiba & Rosso 2008; CAMeL Lab splits, Obeid et al. 2020), licensed CC BY-SA 4.0. ' +
      'This model is a derivative work and is distributed under CC BY-SA 4.0 (share-alike).' +
      (opts.nameParts && opts.groups.includes('namepart')
        ? ' Its name parts (nameParts) come from the UniversalPetrarch Arabic actor dictionary (MIT licence).'
        : ''),
    meta: opts.meta,
  };
}

/**
 * Σ scale(w, i) over the models' rows (the union of their hashes) and transitions: the one merge
 * behind averageWeights and combineWeights. The models share their tags and lexicon.
 */
function mergeWeights(
  list: readonly TrainedWeights[],
  scale: (w: number, i: number) => number,
): TrainedWeights {
  const first = list[0]!;
  const n = first.tags.length;
  const rowOf = new Map<number, number>();
  const hashes: number[] = [];
  for (const t of list) {
    for (const h of t.hashes) {
      if (!rowOf.has(h)) {
        rowOf.set(h, hashes.length);
        hashes.push(h);
      }
    }
  }
  const weights = new Float32Array(hashes.length * n);
  const transitions = new Array<number>(first.transitions.length).fill(0);
  list.forEach((t, i) => {
    t.hashes.forEach((h, j) => {
      const o = rowOf.get(h)! * n;
      for (let k = 0; k < n; k++) weights[o + k]! += scale(t.weights[j * n + k]!, i);
    });
    t.transitions.forEach((v, k) => {
      transitions[k]! += scale(v, i);
    });
  });
  return { tags: first.tags, hashes: Uint32Array.from(hashes), weights, transitions, lexicon: first.lexicon };
}

/** The mean of several trained weight sets (same tags and lexicon; e.g. different shuffling seeds). */
export function averageWeights(list: readonly TrainedWeights[]): TrainedWeights {
  const first = list[0];
  if (!first) throw new Error('averageWeights: nothing to average');
  if (list.length === 1) return first;
  return mergeWeights(list, (w) => w / list.length);
}

/**
 * Σ coef[i] × list[i] over the union of their rows (and transitions): one linear model that
 * scores as the weighted sum of the models' scores (a product of experts, as averaging
 * seeds is). The models must share their tags.
 */
export function combineWeights(list: readonly TrainedWeights[], coef: readonly number[]): TrainedWeights {
  const first = list[0];
  if (!first) throw new Error('combineWeights: nothing to combine');
  if (coef.length !== list.length) throw new Error('combineWeights: one coefficient per model');
  for (const t of list) {
    if (t.tags.join() !== first.tags.join())
      throw new Error('combineWeights: the models have different tags');
  }
  return mergeWeights(list, (w, i) => w * coef[i]!);
}
