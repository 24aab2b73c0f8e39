/**
 * A trained tagger model: hashed feature weights per tag, tag-transition weights, and
 * the resources its features need (clusters, lexicon). Decoding is Viterbi over BIO
 * with the impossible transitions (I-X not after B-X / I-X) forbidden.
 *
 * File format (little-endian): "KHBRTAG1", uint32 header length, UTF-8 JSON header,
 * padding to 4 bytes, uint32 feature hashes[rows], float32 weights[rows × tags].
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { docFeaturesFlat, FeatureExtractor, type FeatureGroup, type WordTable } from './features.ts';
import { PhraseGazetteer } from './gazetteer.ts';
import { propagateLabels } from './propagate.ts';
import { applyRules, type RuleLexicon, type RuleName } from './rules.ts';

export interface ModelHeader {
  version: 1;
  tags: string[];
  groups: FeatureGroup[];
  rows: number;
  /** transitions[(prev+1) * tags + cur]; prev = -1 is the sentence start. */
  transitions: number[];
  /** Cluster ids per match form, coarse to fine: { word: [c1, c2, …] }. */
  clusters: Record<string, number[]>;
  lexicon: Record<string, string>;
  /** Subtracted from the score of O at every token (> 0 trades precision for recall); chosen on dev. */
  oPenalty?: number;
  /** Added to the scores of B-X and I-X at every token, per type X (chosen on dev, like oPenalty). */
  typeBias?: Record<string, number>;
  /** With the `doc` group: sentences before and after whose first-pass tags feed the second pass. */
  docWindow?: number;
  /**
   * Sentences before and after to which `tagDocument` propagates the names it read (see
   * propagate.ts); absent: no propagation.
   */
  propagateWindow?: number;
  /**
   * Rules over the tagger's reading that `tagDocument` applies before propagating (see
   * rules.ts), by name; absent: none.
   */
  rules?: RuleName[];
  /** Flat cluster ids per proclitic-stripped stem (group `stemcluster`). */
  stemClusters?: Record<string, number[]>;
  /** Match form → Brown cluster bit string (groups `brown` and `cue`; data/clusters/ant-brown.tsv at training time). */
  brown?: Record<string, string>;
  /** Match form → name-part bits (group `namepart`; from the UniversalPetrarch actor dictionary at training time). */
  nameParts?: Record<string, number>;
  /** Match form → binarized ANT word-vector codes (group `vec`). */
  vectors?: Record<string, number[]>;
  /** Stem → label from tagging the ANT corpus (group `antlex`). */
  antLexicon?: Record<string, string>;
  /** Name-list snapshot: phrase (match forms) → label. */
  gazetteer?: Record<string, string>;
  /**
   * Frequent words whose scores were computed when the model was saved (one row each of
   * float32 after the weights: own score, then as a neighbour at offsets -2, -1, +1, +2);
   * a speed-up only, the same scores the features give.
   */
  wordTable?: string[];
  trainedOn: string;
  notice: string;
  meta: Record<string, unknown>;
}

const MAGIC = 'KHBRTAG1';
const NEG = -1e30;
/** Tokens up to which `tagDocument` keeps its work arrays between calls. */
const WORK_KEPT = 1 << 16;
/** Doc feature hashes whose weight offsets `secondPass` keeps between calls. */
const DOC_OFFSETS_KEPT = 1 << 16;

/** True when the tag set is BILOU (has L- or U- tags) rather than BIO. */
export function isBilou(tags: readonly string[]): boolean {
  return tags.some((t) => t.startsWith('L-') || t.startsWith('U-'));
}

/**
 * Allowed[prev+1][cur]. BIO: I-X only after B-X or I-X. BILOU: I-X and L-X only after B-X
 * or I-X; O, B-X and U-X only where no entity is open (at the start, after O, L-* or U-*).
 */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const n = tags.length;
  const bilou = isBilou(tags);
  const ok = new Uint8Array((n + 1) * n);
  for (let p = -1; p < n; p++) {
    const prev = p < 0 ? 'O' : tags[p]!;
    const open = bilou && (prev.startsWith('B-') || prev.startsWith('I-'));
    for (let c = 0; c < n; c++) {
      const cur = tags[c]!;
      let allowed = true;
      if (cur.startsWith('I-') || (bilou && cur.startsWith('L-'))) {
        allowed = bilou
          ? open && prev.slice(2) === cur.slice(2)
          : prev.length > 2 && prev.slice(2) === cur.slice(2);
      } else if (open) allowed = false;
      ok[(p + 1) * n + c] = allowed ? 1 : 0;
    }
  }
  return ok;
}

/** Tags a sentence may end with: all (BIO), or none that leaves an entity open (BILOU: not B-* or I-*). */
export function endAllowed(tags: readonly string[]): Uint8Array {
  const bilou = isBilou(tags);
  return Uint8Array.from(tags, (t) => (bilou && (t.startsWith('B-') || t.startsWith('I-')) ? 0 : 1));
}

/**
 * BIO tags with every stray I-X (not after B-X or I-X) read as B-X, as conlleval reads it:
 * the same chunks, and a sequence the constrained decoders can produce.
 */
export function repairBio(tags: readonly string[]): string[] {
  return tags.map((t, i) => {
    if (!t.startsWith('I-')) return t;
    const prev = i > 0 ? tags[i - 1]! : 'O';
    return prev !== 'O' && prev.slice(2) === t.slice(2) ? t : `B-${t.slice(2)}`;
  });
}

/** BIO tags as BILOU (after `repairBio`): a one-token entity is U-X, the last token of a longer one L-X. */
export function toBilou(bio: readonly string[]): string[] {
  const tags = repairBio(bio);
  return tags.map((t, i) => {
    if (t === 'O') return t;
    const next = tags[i + 1];
    const continues = next?.startsWith('I-') === true && next.slice(2) === t.slice(2);
    if (t.startsWith('B-')) return continues ? t : `U-${t.slice(2)}`;
    return continues ? t : `L-${t.slice(2)}`;
  });
}

/** The BIO name of each tag (BILOU: L-X → I-X, U-X → B-X; BIO tags unchanged). */
export function bioNames(tags: readonly string[]): string[] {
  return tags.map((t) =>
    t.startsWith('L-') ? `I-${t.slice(2)}` : t.startsWith('U-') ? `B-${t.slice(2)}` : t,
  );
}

/** Scores for each token and tag, from any weight lookup. */
export type Emission = (feats: Uint32Array, from: number, to: number, out: Float64Array, at: number) => void;

/** Viterbi over emissions[i*n + t] + transitions; returns tag indices. */
export function viterbi(opts: {
  emissions: Float64Array;
  length: number;
  tags: number;
  transitions: ArrayLike<number>;
  allowed: Uint8Array;
  /** Tags allowed last (default: all). */
  end?: Uint8Array;
}): Int32Array {
  const best = new Int32Array(opts.length);
  new Decoder(opts.tags, opts.transitions, opts.allowed, opts.end).decode(
    opts.emissions,
    0,
    opts.length,
    best,
    0,
  );
  return best;
}

/**
 * Viterbi with its work arrays kept between sentences and, per tag, the list of tags
 * allowed before it (in index order, so ties resolve exactly as a full scan would).
 */
export class Decoder {
  private readonly n: number;
  private readonly start: Float64Array;
  /** The previous tags allowed before tag c are prev[first[c]] … prev[first[c+1]-1], ascending; cost[k] is the transition's weight. */
  private readonly first: Int32Array;
  private readonly prev: Int32Array;
  private readonly cost: Float64Array;
  private score = new Float64Array(0);
  private back = new Int32Array(0);
  /** Tags allowed last; undefined = all. */
  private readonly end: Uint8Array | undefined;

  constructor(n: number, transitions: ArrayLike<number>, allowed: Uint8Array, end?: Uint8Array) {
    this.n = n;
    this.end = end?.every((v) => v === 1) ? undefined : end;
    this.start = Float64Array.from({ length: n }, (_, c) => (allowed[c] ? transitions[c]! : Number.NaN));
    const first: number[] = [0];
    const prev: number[] = [];
    const cost: number[] = [];
    for (let c = 0; c < n; c++) {
      for (let p = 0; p < n; p++) {
        const k = (p + 1) * n + c;
        if (!allowed[k]) continue;
        prev.push(p);
        cost.push(transitions[k]!);
      }
      first.push(prev.length);
    }
    this.first = Int32Array.from(first);
    this.prev = Int32Array.from(prev);
    this.cost = Float64Array.from(cost);
  }

  /** Best tags of the `len` tokens whose emissions start at `em[from]`, written to `out[at …]`. */
  decode(em: Float64Array, from: number, len: number, out: Int32Array, at: number): void {
    if (len === 0) return;
    const n = this.n;
    if (this.score.length < len * n) {
      this.score = new Float64Array(len * n * 2);
      this.back = new Int32Array(len * n * 2);
    }
    const score = this.score;
    const back = this.back;
    const first = this.first;
    const prev = this.prev;
    const cost = this.cost;
    for (let c = 0; c < n; c++) {
      const st = this.start[c]!;
      score[c] = Number.isNaN(st) ? NEG : em[from + c]! + st;
    }
    for (let i = 1; i < len; i++) {
      const row = i * n;
      const prow = row - n;
      const erow = from + row;
      for (let c = 0; c < n; c++) {
        let bs = NEG;
        let bp = 0;
        const end = first[c + 1]!;
        for (let q = first[c]!; q < end; q++) {
          const p = prev[q]!;
          const s = score[prow + p]! + cost[q]!;
          if (s > bs) {
            bs = s;
            bp = p;
          }
        }
        score[row + c] = bs + em[erow + c]!;
        back[row + c] = bp;
      }
    }
    let bt = 0;
    let bs = NEG;
    const last = (len - 1) * n;
    const end = this.end;
    for (let c = 0; c < n; c++) {
      if (end !== undefined && end[c] === 0) continue;
      const s = score[last + c]!;
      if (s > bs) {
        bs = s;
        bt = c;
      }
    }
    for (let i = len - 1; i >= 0; i--) {
      out[at + i] = bt;
      bt = back[i * n + bt]!;
    }
  }
}

/**
 * An open-addressing table from feature hash to its tag weights, stored inline (one
 * slot = the hash and its weights), so a lookup touches one cache line, not three.
 */
class WeightTable {
  private readonly keys: Uint32Array;
  readonly w: Float32Array;
  private readonly mask: number;
  private readonly stride: number;
  /** One bit per present hash (a small filter that answers most misses without touching the table). */
  private readonly bits: Uint32Array;
  private readonly bitShift: number;
  constructor(hashes: Uint32Array, weights: Float32Array, n: number) {
    let size = 1;
    while (size < hashes.length * 2) size <<= 1;
    let nbits = 1 << 16;
    while (nbits < hashes.length * 16) nbits <<= 1;
    this.bits = new Uint32Array(nbits >>> 5);
    this.bitShift = 32 - Math.log2(nbits);
    for (const h0 of hashes) {
      const b = (h0 || 0xffffffff) >>> this.bitShift;
      this.bits[b >>> 5]! |= 1 << (b & 31);
    }
    this.stride = n + 1;
    const buf = new ArrayBuffer(size * this.stride * 4);
    this.keys = new Uint32Array(buf);
    this.w = new Float32Array(buf);
    this.mask = size - 1;
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! || 0xffffffff; // 0 marks an empty slot
      let s = Math.imul(h, 0x9e3779b1) >>> 0;
      for (;;) {
        s &= this.mask;
        const o = s * this.stride;
        if (this.keys[o] === 0) {
          this.keys[o] = h;
          for (let t = 0; t < n; t++) this.w[o + 1 + t] = weights[r * n + t]!;
          break;
        }
        s++;
      }
    }
  }
  /** Offset of the weights of feature `h` in `w`, or -1. */
  find(h0: number): number {
    const h = h0 || 0xffffffff;
    const b = h >>> this.bitShift;
    if ((this.bits[b >>> 5]! & (1 << (b & 31))) === 0) return -1;
    let s = Math.imul(h, 0x9e3779b1) >>> 0;
    for (;;) {
      s &= this.mask;
      const o = s * this.stride;
      const k = this.keys[o]!;
      if (k === h) return o + 1;
      if (k === 0) return -1;
      s++;
    }
  }
}

export class TaggerModel {
  readonly header: ModelHeader;
  readonly extractor: FeatureExtractor;
  private readonly table: WeightTable;
  private readonly allowed: Uint8Array;
  private readonly n: number;
  /** See ModelHeader.oPenalty. */
  oPenalty: number;
  /** Per tag: -oPenalty for O, typeBias[X] for B-X and I-X (see ModelHeader). */
  private bias!: Float64Array;
  private hasBias = false;
  private readonly decoder: Decoder;
  /** The BIO name of each tag (what `tag` and `tagDocument` return). */
  private readonly outNames: string[];
  /** With the `doc` group: entity types (0 = O, then in tag order) and the type of each tag. */
  private readonly doc: boolean;
  private readonly typeNames: string[] = ['O'];
  private readonly typeOfTag: Int32Array;

  constructor(header: ModelHeader, hashes: Uint32Array, weights: Float32Array, wordScores?: Float32Array) {
    this.header = header;
    this.n = header.tags.length;
    let wordTable: WordTable | undefined;
    if (header.wordTable && wordScores) {
      wordTable = {
        index: new Map(header.wordTable.map((w, i) => [w, i])),
        scores: Float64Array.from(wordScores),
        n: this.n,
      };
    }
    this.oPenalty = header.oPenalty ?? 0;
    this.setBias(this.oPenalty, header.typeBias ?? {});
    this.table = new WeightTable(hashes, weights, this.n);
    this.allowed = allowedTransitions(header.tags);
    this.decoder = new Decoder(this.n, header.transitions, this.allowed, endAllowed(header.tags));
    this.outNames = bioNames(header.tags);
    this.doc = header.groups.includes('doc');
    this.typeOfTag = Int32Array.from(header.tags, (t) => {
      if (t === 'O') return 0;
      const i = this.typeNames.indexOf(t.slice(2));
      return i >= 0 ? i : this.typeNames.push(t.slice(2)) - 1;
    });
    const clusters = new Map<string, readonly number[]>(Object.entries(header.clusters));
    const lexicon = new Map<string, string>(Object.entries(header.lexicon));
    this.extractor = new FeatureExtractor({
      groups: header.groups,
      resources: {
        clusters,
        lexicon,
        ...(header.gazetteer ? { gazetteer: new PhraseGazetteer(header.gazetteer) } : {}),
        ...(header.antLexicon ? { antLexicon: new Map(Object.entries(header.antLexicon)) } : {}),
        ...(header.brown ? { brown: new Map(Object.entries(header.brown)) } : {}),
        ...(header.nameParts ? { nameParts: new Map(Object.entries(header.nameParts)) } : {}),
        ...(header.vectors
          ? { vectors: new Map<string, readonly number[]>(Object.entries(header.vectors)) }
          : {}),
        ...(header.stemClusters
          ? { stemClusters: new Map<string, readonly number[]>(Object.entries(header.stemClusters)) }
          : {}),
      },
      ...(wordTable ? { wordTable } : {}),
    });
  }

  /** Sets the O penalty and the per-type biases (see ModelHeader); the header is not changed. */
  setBias(oPenalty: number, typeBias: Record<string, number>): void {
    this.oPenalty = oPenalty;
    this.bias = Float64Array.from(this.header.tags, (t) =>
      t === 'O' ? -oPenalty : (typeBias[t.slice(2)] ?? 0),
    );
    this.hasBias = this.bias.some((b) => b !== 0);
  }

  /** Emission scores (tokens × tags) of one sentence's own features, O penalty and type biases included. */
  emissions(tokens: readonly string[]): Float64Array {
    const em = new Float64Array(tokens.length * this.n);
    this.emissionsInto(tokens, em, 0);
    return em;
  }

  /** `emissions(tokens)` written into `em[at …]`. */
  private emissionsInto(tokens: readonly string[], em: Float64Array, at: number, keys?: string[]): void {
    const n = this.n;
    this.extractor.scoreInto(tokens, this.table, n, em, at, keys, this.hasBias ? this.bias : undefined);
  }

  /**
   * Rows for a word table (see ModelHeader.wordTable): each word's own score and its
   * scores as a neighbour, computed by this model's features and weights.
   */
  wordScores(words: readonly string[]): Float32Array {
    const n = this.n;
    const out = new Float32Array(words.length * 5 * n);
    words.forEach((w, i) => {
      out.set(this.extractor.wordScores(w, this.table, n), i * 5 * n);
    });
    return out;
  }

  /** The same emissions as `emissions`, summed feature by feature from `extract` (slower; for tests; not with a word table). */
  emissionsReference(tokens: readonly string[]): Float64Array {
    const n = this.n;
    const { feats, offsets } = this.extractor.extract(tokens);
    const em = new Float64Array(tokens.length * n);
    const w = this.table.w;
    for (let i = 0; i < tokens.length; i++) {
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const o = this.table.find(feats[k]!);
        if (o < 0) continue;
        for (let t = 0; t < n; t++) em[i * n + t]! += w[o + t]!;
      }
      for (let t = 0; t < n; t++) em[i * n + t]! += this.bias[t]!;
    }
    return em;
  }

  /** BIO tags for one sentence's tokens (a document of one sentence for the `doc` features). */
  tag(tokens: readonly string[]): string[] {
    if (tokens.length === 0) return [];
    return this.tagDocument([tokens])[0]!;
  }

  /** Work arrays of `tagDocument`, kept between calls (grown as needed). */
  private docEm = new Float64Array(0);
  private docBest = new Int32Array(0);
  private docSentOf = new Int32Array(0);
  private docTypes = new Int32Array(0);
  /** Weight offsets of the doc feature hashes (a handful of distinct ones), looked up once. */
  private readonly docOffsets = new Map<number, number>();

  /** Whether the model's name list has the phrase (match forms joined by spaces) as a place (the rules' `places`). */
  readonly isPlace = (phrase: string): boolean => {
    const g = this.header.gazetteer;
    return g !== undefined && Object.hasOwn(g, phrase) && g[phrase]!.startsWith('LOC');
  };

  /** The model's word lists as the rules read them: places, Brown clusters, name parts. */
  readonly ruleLexicon: RuleLexicon = {
    isPlace: this.isPlace,
    cluster: (form) => {
      const b = this.header.brown;
      return b !== undefined && Object.hasOwn(b, form) ? b[form] : undefined;
    },
    namePart: (form) => {
      const p = this.header.nameParts;
      return p !== undefined && Object.hasOwn(p, form) ? p[form]! : 0;
    },
  };

  /**
   * BIO tags for a document's sentences, in order. With the `doc` group, two passes: the
   * first tags every sentence alone, the second adds what the first said about the same
   * words in the sentences around (header.docWindow before and after). `extra`, when given,
   * is added to the emissions of both passes (tokens of all sentences end to end × tags, in
   * this model's tag order): another tagger's scores for an ensemble.
   */
  tagDocument(sents: readonly (readonly string[])[], extra?: ArrayLike<number>): string[][] {
    const n = this.n;
    let K = 0;
    for (const t of sents) K += t.length;
    if (this.docBest.length < K) {
      // Kept for the next documents up to 64k tokens; a longer one gets arrays of its own.
      const size = K > WORK_KEPT ? K : Math.min(WORK_KEPT, Math.max(K, 2 * this.docBest.length, 1024));
      const em = new Float64Array(size * n);
      const bestArr = new Int32Array(size);
      const sentOf = new Int32Array(size);
      const types = new Int32Array(size);
      if (K > WORK_KEPT) return this.tagDocumentWith(sents, K, em, bestArr, sentOf, types, extra);
      this.docEm = em;
      this.docBest = bestArr;
      this.docSentOf = sentOf;
      this.docTypes = types;
    }
    return this.tagDocumentWith(sents, K, this.docEm, this.docBest, this.docSentOf, this.docTypes, extra);
  }

  private tagDocumentWith(
    sents: readonly (readonly string[])[],
    K: number,
    em: Float64Array,
    best: Int32Array,
    sentOf: Int32Array,
    types: Int32Array,
    extra?: ArrayLike<number>,
  ): string[][] {
    const n = this.n;
    if (extra !== undefined && extra.length !== K * n) {
      throw new Error(`extra scores: ${extra.length} values, expected ${K} tokens × ${n} tags`);
    }
    // First pass: every sentence alone; the emissions of all sentences kept end to end
    // (and, for the second pass, the docKey of every token).
    const keys: string[] | undefined = this.doc ? [] : undefined;
    let k = 0;
    for (let s = 0; s < sents.length; s++) {
      const toks = sents[s]!;
      if (toks.length === 0) continue;
      this.emissionsInto(toks, em, k * n, keys);
      if (extra !== undefined) for (let j = k * n; j < (k + toks.length) * n; j++) em[j]! += extra[j]!;
      this.decoder.decode(em, k * n, toks.length, best, k);
      k += toks.length;
    }
    if (keys) this.secondPass(sents, K, keys, em, best, sentOf, types);
    const tags = this.outNames;
    const out: string[][] = new Array(sents.length);
    k = 0;
    for (let s = 0; s < sents.length; s++) {
      const len = sents[s]!.length;
      const names: string[] = new Array(len);
      for (let i = 0; i < len; i++) names[i] = tags[best[k + i]!]!;
      out[s] = names;
      k += len;
    }
    const rules = this.header.rules;
    if (rules !== undefined && rules.length > 0) applyRules(sents, out, rules, this.ruleLexicon);
    const w = this.header.propagateWindow;
    return w !== undefined && w > 0 ? propagateLabels(sents, out, w) : out;
  }

  /** The `doc` pass of `tagDocument`: adds the doc features to the kept emissions and re-decodes the sentences they change. */
  private secondPass(
    sents: readonly (readonly string[])[],
    K: number,
    keys: string[],
    em: Float64Array,
    best: Int32Array,
    sentOf: Int32Array,
    types: Int32Array,
  ): void {
    const n = this.n;
    const typeOfTag = this.typeOfTag;
    let k = 0;
    for (let s = 0; s < sents.length; s++) {
      const toks = sents[s]!;
      for (let i = 0; i < toks.length; i++, k++) {
        sentOf[k] = s;
        types[k] = typeOfTag[best[k]!]!;
      }
    }
    const extra = docFeaturesFlat(
      keys,
      sentOf.subarray(0, K),
      types.subarray(0, K),
      this.typeNames,
      this.header.docWindow ?? 0,
      { repeat: this.header.groups.includes('repeat'), context: this.header.groups.includes('docctx') },
    );
    const w = this.table.w;
    const offsets = extra.offsets;
    const hashes = extra.hashes;
    k = 0;
    for (let s = 0; s < sents.length; s++) {
      const len = sents[s]!.length;
      let changed = false;
      for (let i = 0; i < len; i++, k++) {
        const base = k * n;
        for (let j = offsets[k]!; j < offsets[k + 1]!; j++) {
          const h = hashes[j]!;
          let o = this.docOffsets.get(h);
          if (o === undefined) {
            o = this.table.find(h);
            // A handful of distinct doc hashes, or (group `docctx`) one per context word: bounded.
            if (this.docOffsets.size < DOC_OFFSETS_KEPT) this.docOffsets.set(h, o);
          }
          if (o < 0) continue;
          changed = true;
          for (let t = 0; t < n; t++) em[base + t]! += w[o + t]!;
        }
      }
      if (changed) this.decoder.decode(em, (k - len) * n, len, best, k - len);
    }
  }

  static fromBuffer(buf: Buffer, opts: { wordTable?: boolean } = {}): TaggerModel {
    if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) {
      throw new Error('not a khabar tagger model (bad magic)');
    }
    const hlen = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as ModelHeader;
    let off = 12 + hlen;
    off += (4 - (off % 4)) % 4;
    const rows = header.rows;
    const n = header.tags.length;
    const words = header.wordTable?.length ?? 0;
    const tableBytes = words * 5 * n * 4;
    const need = off + rows * 4 + rows * n * 4 + tableBytes;
    if (buf.length < need) throw new Error(`tagger model is truncated (${buf.length} < ${need} bytes)`);
    const copy = new Uint8Array(
      buf.buffer,
      buf.byteOffset + off,
      rows * 4 + rows * n * 4 + tableBytes,
    ).slice();
    const hashes = new Uint32Array(copy.buffer, 0, rows);
    const weights = new Float32Array(copy.buffer, rows * 4, rows * n);
    const wordScores = words
      ? new Float32Array(copy.buffer, rows * 4 + rows * n * 4, words * 5 * n)
      : undefined;
    if (opts.wordTable === false) {
      const { wordTable: _, ...rest } = header;
      return new TaggerModel(rest, hashes, weights);
    }
    return new TaggerModel(header, hashes, weights, wordScores);
  }

  static load(path: string): TaggerModel {
    return TaggerModel.fromBuffer(readFileSync(path));
  }
}

export function saveModel(
  path: string,
  header: ModelHeader,
  hashes: Uint32Array,
  weights: Float32Array,
  /** Rows of the header's word table, when it has one. */
  wordScores?: Float32Array,
): number {
  const want = (header.wordTable?.length ?? 0) * 5 * header.tags.length;
  if ((wordScores?.length ?? 0) !== want) {
    throw new Error(`saveModel: the word table needs ${want} scores, got ${wordScores?.length ?? 0}`);
  }
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const pre = 12 + h.length;
  const pad = (4 - (pre % 4)) % 4;
  const tableBytes = wordScores?.byteLength ?? 0;
  const buf = Buffer.alloc(pre + pad + hashes.byteLength + weights.byteLength + tableBytes);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(h.length, 8);
  h.copy(buf, 12);
  Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength).copy(buf, pre + pad);
  Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).copy(
    buf,
    pre + pad + hashes.byteLength,
  );
  if (wordScores) {
    Buffer.from(wordScores.buffer, wordScores.byteOffset, wordScores.byteLength).copy(
      buf,
      pre + pad + hashes.byteLength + weights.byteLength,
    );
  }
  writeFileSync(path, buf);
  return buf.length;
}
