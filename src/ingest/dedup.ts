/**
 * Exact and near-duplicate detection for ingest.
 *
 * - **Exact**: a 64-bit hash of the match-normalized word sequence (diacritics, tatweel,
 *   alef/yeh/teh-marbuta variants and punctuation do not count).
 * - **Near**: MinHash over word 3-shingles (K = 64 hash functions, each a murmur3
 *   finalizer of the shingle hash xor a seed), with LSH on the first 32 values as 8 bands
 *   of 4 rows. A band collision makes a candidate; it is confirmed when the Jaccard
 *   similarity estimated from all 64 values (kept as 8-bit "b-bit" minima, 64 bytes an
 *   article) is at least `threshold` (default 0.6). The chance that a pair with true
 *   similarity J becomes a candidate is 1-(1-J^4)^8: 0.67 at J=0.6, 0.89 at 0.7,
 *   0.985 at 0.8, ≥ 0.9998 at 0.9; unrelated news (J ≈ 0.02) collides ~1e-6 a pair.
 *
 * The index is in memory and compact (about 200 bytes an article); the runner warms
 * it from the archive on start so duplicates are found across runs.
 */
import { U32MultiMap } from './u32map.ts';

export const SHINGLE = 3;
export const NUM_HASHES = 64;
export const BANDS = 8;
export const ROWS = 4;
export const DEFAULT_THRESHOLD = 0.6;

export interface Fingerprint {
  /** 64-bit hash of the normalized word sequence, as 16 hex digits. */
  hash: string;
  hashHi: number;
  hashLo: number;
  /** MinHash signature (NUM_HASHES values). */
  sig: Uint32Array;
  /** Normalized words: too few make near-duplicate matching meaningless. */
  words: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ئ: 'ي',
  ک: 'ك',
  ی: 'ي',
};
const FOLDABLE = /[\p{M}\u0640أإآٱىةؤئکی]/gu;
/** Arabic presentation forms, which only NFKC turns back into letters. */
const PRESENTATION = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** Words in match form: no diacritics or tatweel; alef, yeh, teh marbuta folded; lower case. */
export function dedupWords(text: string): string[] {
  const base = PRESENTATION.test(text) ? text.normalize('NFKC') : text;
  const folded = base.replace(FOLDABLE, (c) => FOLD[c] ?? '').toLowerCase();
  return folded.match(WORD) ?? [];
}

function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SEEDS = Uint32Array.from({ length: NUM_HASHES }, (_, i) => fmix32(0x9e3779b9 + i * 0x632be5ab));

export function fingerprint(text: string): Fingerprint {
  const words = dedupWords(text);
  const joined = words.join(' ');
  const hashHi = fnv1a(joined);
  const hashLo = fnv1a(joined, 0x6b43a9b5);
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const k = words.length >= SHINGLE ? SHINGLE : Math.max(1, words.length);
  for (let i = 0; i + k <= words.length; i++) {
    let h = 0x811c9dc5;
    for (let j = i; j < i + k; j++) h = fnv1a(words[j]!, Math.imul(h ^ 0x20, 0x01000193));
    for (let s = 0; s < NUM_HASHES; s++) {
      const v = fmix32(h ^ SEEDS[s]!);
      if (v < sig[s]!) sig[s] = v;
    }
  }
  const hash = hashHi.toString(16).padStart(8, '0') + hashLo.toString(16).padStart(8, '0');
  return { hash, hashHi, hashLo, sig, words: words.length };
}

/** Jaccard similarity estimated from two full signatures. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

function bandKey(sig: Uint32Array, band: number): number {
  let h = fmix32(band + 1);
  for (let r = 0; r < ROWS; r++) h = fmix32(h ^ sig[band * ROWS + r]!);
  return h;
}

export type DedupVerdict =
  | { kind: 'new' }
  /** The same words under the same id: already stored, nothing to do. */
  | { kind: 'same' }
  | { kind: 'duplicate'; of: string }
  | { kind: 'near-duplicate'; of: string; similarity: number };

export interface DedupIndexOptions {
  /** Estimated Jaccard similarity at or above which two articles are near-duplicates. */
  threshold?: number;
  /** Fewer normalized words than this are never matched as near-duplicates. */
  minWords?: number;
}

export class DedupIndex {
  readonly threshold: number;
  readonly minWords: number;
  private ids: string[] = [];
  private lo = new Uint32Array(1024);
  /** 8-bit minima (b-bit MinHash), NUM_HASHES bytes an article. */
  private small = new Uint8Array(1024 * NUM_HASHES);
  private exact = new U32MultiMap();
  private bands = new U32MultiMap();

  constructor(opts: DedupIndexOptions = {}) {
    this.threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    this.minWords = opts.minWords ?? 20;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Approximate bytes held (typed arrays; ids counted at 2 bytes a character + 40). */
  get bytes(): number {
    let idBytes = 0;
    for (const id of this.ids) idBytes += 40 + 2 * id.length;
    return this.lo.byteLength + this.small.byteLength + this.exact.bytes + this.bands.bytes + idBytes;
  }

  /** b-bit estimate: P(low 8 bits equal) = J + (1-J)/256. */
  private similarity(doc: number, sig: Uint32Array): number {
    let same = 0;
    const base = doc * NUM_HASHES;
    for (let i = 0; i < NUM_HASHES; i++) if (this.small[base + i] === (sig[i]! & 0xff)) same++;
    const p = same / NUM_HASHES;
    return Math.max(0, (p - 1 / 256) / (1 - 1 / 256));
  }

  /** What `fp` is relative to the archive so far (`self`: an id to ignore, e.g. its own). */
  check(fp: Fingerprint, self?: string): DedupVerdict {
    let exactOther: string | undefined;
    for (const doc of this.exact.get(fp.hashHi)) {
      if (this.lo[doc] !== fp.hashLo) continue;
      if (self !== undefined && this.ids[doc] === self) return { kind: 'same' };
      exactOther ??= this.ids[doc];
    }
    if (exactOther !== undefined) return { kind: 'duplicate', of: exactOther };
    if (fp.words < this.minWords) return { kind: 'new' };
    let best = -1;
    let bestSim = 0;
    const seen = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      for (const doc of this.bands.get(bandKey(fp.sig, b))) {
        if (seen.has(doc) || this.ids[doc] === self) continue;
        seen.add(doc);
        const s = this.similarity(doc, fp.sig);
        if (s > bestSim) {
          bestSim = s;
          best = doc;
        }
      }
    }
    if (best >= 0 && bestSim >= this.threshold)
      return { kind: 'near-duplicate', of: this.ids[best]!, similarity: Math.round(bestSim * 1000) / 1000 };
    return { kind: 'new' };
  }

  /** Remembers an article; call once per stored article. */
  add(id: string, fp: Fingerprint): void {
    const doc = this.ids.length;
    if (doc >= this.lo.length) {
      const lo = new Uint32Array(this.lo.length * 2);
      lo.set(this.lo);
      this.lo = lo;
      const small = new Uint8Array(this.small.length * 2);
      small.set(this.small);
      this.small = small;
    }
    this.ids.push(id);
    this.lo[doc] = fp.hashLo;
    for (let i = 0; i < NUM_HASHES; i++) this.small[doc * NUM_HASHES + i] = fp.sig[i]! & 0xff;
    this.exact.add(fp.hashHi, doc);
    if (fp.words >= this.minWords) for (let b = 0; b < BANDS; b++) this.bands.add(bandKey(fp.sig, b), doc);
  }
}
