/**
 * A trained tagger model: hashed feature weights per tag, tag-transition weights, and
 * the resources its features need (clusters, lexicon). Decoding is Viterbi over BIO
 * with the impossible transitions (I-X not after B-X / I-X) forbidden.
 *
 * File format (little-endian): "KHBRTAG1", uint32 header length, UTF-8 JSON header,
 * padding to 4 bytes, uint32 feature hashes[rows], float32 weights[rows × tags].
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { FeatureExtractor, type FeatureGroup } from './features.ts';
import { PhraseGazetteer } from './gazetteer.ts';

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
  /** Name-list snapshot: phrase (match forms) → label. */
  gazetteer?: Record<string, string>;
  trainedOn: string;
  notice: string;
  meta: Record<string, unknown>;
}

const MAGIC = 'KHBRTAG1';
const NEG = -1e30;

/** Allowed[prev+1][cur]: BIO constraints. */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const n = tags.length;
  const ok = new Uint8Array((n + 1) * n);
  for (let p = -1; p < n; p++) {
    for (let c = 0; c < n; c++) {
      const cur = tags[c]!;
      let allowed = true;
      if (cur.startsWith('I-')) {
        const prev = p < 0 ? 'O' : tags[p]!;
        allowed = prev.length > 2 && prev.slice(2) === cur.slice(2);
      }
      ok[(p + 1) * n + c] = allowed ? 1 : 0;
    }
  }
  return ok;
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
}): Int32Array {
  const { emissions, length: len, tags: n, transitions, allowed } = opts;
  const best = new Int32Array(len);
  if (len === 0) return best;
  const score = new Float64Array(len * n);
  const back = new Int32Array(len * n);
  for (let c = 0; c < n; c++) {
    score[c] = allowed[c] ? emissions[c]! + transitions[c]! : NEG;
  }
  for (let i = 1; i < len; i++) {
    for (let c = 0; c < n; c++) {
      let bs = NEG;
      let bp = 0;
      for (let p = 0; p < n; p++) {
        const k = (p + 1) * n + c;
        if (!allowed[k]) continue;
        const s = score[(i - 1) * n + p]! + transitions[k]!;
        if (s > bs) {
          bs = s;
          bp = p;
        }
      }
      score[i * n + c] = bs + emissions[i * n + c]!;
      back[i * n + c] = bp;
    }
  }
  let bt = 0;
  let bs = NEG;
  for (let c = 0; c < n; c++) {
    const s = score[(len - 1) * n + c]!;
    if (s > bs) {
      bs = s;
      bt = c;
    }
  }
  for (let i = len - 1; i >= 0; i--) {
    best[i] = bt;
    bt = back[i * n + bt]!;
  }
  return best;
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

  constructor(header: ModelHeader, hashes: Uint32Array, weights: Float32Array) {
    this.header = header;
    this.n = header.tags.length;
    this.oPenalty = header.oPenalty ?? 0;
    this.table = new WeightTable(hashes, weights, this.n);
    this.allowed = allowedTransitions(header.tags);
    const clusters = new Map<string, readonly number[]>(Object.entries(header.clusters));
    const lexicon = new Map<string, string>(Object.entries(header.lexicon));
    this.extractor = new FeatureExtractor({
      groups: header.groups,
      resources: {
        clusters,
        lexicon,
        ...(header.gazetteer ? { gazetteer: new PhraseGazetteer(header.gazetteer) } : {}),
      },
    });
  }

  /** The summed weights of a word's own features (cached per word by the extractor). */
  private readonly ownScore = (own: Uint32Array): Float64Array => {
    const n = this.n;
    const out = new Float64Array(n);
    const w = this.table.w;
    for (let k = 0; k < own.length; k++) {
      const o = this.table.find(own[k]!);
      if (o < 0) continue;
      for (let t = 0; t < n; t++) out[t]! += w[o + t]!;
    }
    return out;
  };

  /** BIO tags for one sentence's tokens. */
  tag(tokens: readonly string[]): string[] {
    const n = this.n;
    const len = tokens.length;
    if (len === 0) return [];
    const { feats, offsets, ownScores } = this.extractor.extract(tokens, { ownScore: this.ownScore });
    const em = new Float64Array(len * n);
    const w = this.table.w;
    const table = this.table;
    for (let i = 0; i < len; i++) {
      const base = i * n;
      const own = ownScores![i]!;
      for (let t = 0; t < n; t++) em[base + t] = own[t]!;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const o = table.find(feats[k]!);
        if (o < 0) continue;
        for (let t = 0; t < n; t++) em[base + t]! += w[o + t]!;
      }
      em[base]! -= this.oPenalty;
    }
    const best = viterbi({
      emissions: em,
      length: len,
      tags: n,
      transitions: this.header.transitions,
      allowed: this.allowed,
    });
    return Array.from(best, (t) => this.header.tags[t]!);
  }

  static fromBuffer(buf: Buffer): TaggerModel {
    if (buf.length < 12 || buf.toString('latin1', 0, 8) !== MAGIC) {
      throw new Error('not a khabar tagger model (bad magic)');
    }
    const hlen = buf.readUInt32LE(8);
    const header = JSON.parse(buf.toString('utf8', 12, 12 + hlen)) as ModelHeader;
    let off = 12 + hlen;
    off += (4 - (off % 4)) % 4;
    const rows = header.rows;
    const n = header.tags.length;
    const need = off + rows * 4 + rows * n * 4;
    if (buf.length < need) throw new Error(`tagger model is truncated (${buf.length} < ${need} bytes)`);
    const copy = new Uint8Array(buf.buffer, buf.byteOffset + off, rows * 4 + rows * n * 4).slice();
    const hashes = new Uint32Array(copy.buffer, 0, rows);
    const weights = new Float32Array(copy.buffer, rows * 4, rows * n);
    return new TaggerModel(header, hashes, weights);
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
): number {
  const h = Buffer.from(JSON.stringify(header), 'utf8');
  const pre = 12 + h.length;
  const pad = (4 - (pre % 4)) % 4;
  const buf = Buffer.alloc(pre + pad + hashes.byteLength + weights.byteLength);
  buf.write(MAGIC, 0, 'latin1');
  buf.writeUInt32LE(h.length, 8);
  h.copy(buf, 12);
  Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength).copy(buf, pre + pad);
  Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).copy(
    buf,
    pre + pad + hashes.byteLength,
  );
  writeFileSync(path, buf);
  return buf.length;
}
