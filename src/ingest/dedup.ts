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
 * it from the archive on start so duplicates are found across runs. The archive also keeps
 * each article's band keys and 8-bit minima (`bandKeys`, `smallSignature`), so a store
 * shared by several processes (queue workers on PostgreSQL) finds near-duplicates stored
 * by the others.
 */
import { LETTER_FOLD } from '../text/letter-fold.ts';
import { U32MultiMap } from './u32map.ts';

export const SHINGLE = 3;
export const NUM_HASHES = 64;
export const BANDS = 8;
export const ROWS = 4;
export const DEFAULT_THRESHOLD = 0.6;
/** Fewer normalized words than this are never matched as near-duplicates. */
export const DEFAULT_MIN_WORDS = 20;

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

/** The letter folds and the Persian keheh and yeh; marks and tatweel (not in it) are dropped. */
const FOLD: Record<string, string> = { ...LETTER_FOLD, ک: 'ك', ی: 'ي' };
const FOLDABLE = /[\p{M}\u0640أإآٱىةؤئکی]/gu;
/** Arabic presentation forms, which only NFKC turns back into letters. */
const PRESENTATION = /[\uFB50-\uFDFF\uFE70-\uFEFF]/u;

/** `dedupWords` by its definition: folds, lower-cases and cuts the whole text with regexes. */
function dedupWordsByRegex(text: string): string[] {
  const base = PRESENTATION.test(text) ? text.normalize('NFKC') : text;
  const folded = base.replace(FOLDABLE, (c) => FOLD[c] ?? '').toLowerCase();
  return folded.match(WORD) ?? [];
}

/**
 * What `dedupWords` does with each UTF-16 code unit below FAST_LIMIT (Basic Latin to
 * General Punctuation, Arabic included): the code unit it becomes in a word (folded and
 * lower-cased), or SEPARATOR (ends a word), DROP (removed: marks, tatweel) or SLOW (its
 * lower case is not one context-free code unit, as «İ» or «Σ»: the text takes the regex path).
 */
const FAST_LIMIT = 0x2100;
const SEPARATOR = -1;
const DROP = -2;
const SLOW = -3;
let fastTable: Int32Array | undefined;
function buildFastTable(): Int32Array {
  const table = new Int32Array(FAST_LIMIT);
  const foldable = new RegExp(FOLDABLE.source, 'u');
  const word = new RegExp(`^${WORD.source}$`, 'u');
  for (let c = 0; c < FAST_LIMIT; c++) {
    const ch = String.fromCharCode(c);
    const folded = foldable.test(ch) ? (FOLD[ch] ?? '') : ch;
    if (folded === '') table[c] = DROP;
    else if (folded === '\u03A3' || folded.toLowerCase().length !== 1) table[c] = SLOW;
    else {
      const lower = folded.toLowerCase();
      table[c] = word.test(lower) ? lower.charCodeAt(0) : SEPARATOR;
    }
  }
  return table;
}

/**
 * Words in match form: no diacritics or tatweel; alef, yeh, teh marbuta folded; lower case.
 * One pass over the code units through a table (the same words as the regex definition,
 * `dedupWordsByRegex`, which a text with any code unit beyond the table still takes).
 */
export function dedupWords(text: string): string[] {
  fastTable ??= buildFastTable();
  const table = fastTable;
  const out: string[] = [];
  let word = '';
  /** Start of a run of code units that stay as they are, not yet added to `word`. */
  let run = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const m = c < FAST_LIMIT ? table[c]! : SLOW;
    if (m === c) {
      if (run < 0) run = i;
      continue;
    }
    if (m === SLOW) return dedupWordsByRegex(text);
    if (run >= 0) {
      word += text.slice(run, i);
      run = -1;
    }
    if (m >= 0) word += String.fromCharCode(m);
    else if (m === SEPARATOR && word !== '') {
      out.push(word);
      word = '';
    }
  }
  if (run >= 0) word += text.slice(run);
  if (word !== '') out.push(word);
  return out;
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

/**
 * The keys under which the archive files an article for near-duplicate lookup (the store's
 * `dedup_bands`): one a band, `band * 2^32 + bandKey`, so keys of different bands never
 * meet. Empty when the text is too short to match (`minWords`).
 */
export function bandKeys(fp: Fingerprint, minWords = DEFAULT_MIN_WORDS): number[] {
  if (fp.words < minWords) return [];
  return Array.from({ length: BANDS }, (_, b) => b * 2 ** 32 + bandKey(fp.sig, b));
}

/** The 8-bit minima of a signature (b-bit MinHash): what the index and the archive keep. */
export function smallSignature(sig: Uint32Array): Uint8Array {
  const out = new Uint8Array(NUM_HASHES);
  for (let i = 0; i < NUM_HASHES; i++) out[i] = sig[i]! & 0xff;
  return out;
}

/**
 * Jaccard similarity estimated from kept 8-bit minima (`small[at … at + NUM_HASHES)`) and a
 * full signature: P(low 8 bits equal) = J + (1-J)/256.
 */
export function bbitSimilarity(small: Uint8Array, at: number, sig: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (small[at + i] === (sig[i]! & 0xff)) same++;
  const p = same / NUM_HASHES;
  return Math.max(0, (p - 1 / 256) / (1 - 1 / 256));
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

/** Article ids by position: 16-hex-digit ids (khabar's own) packed in 8 bytes, others kept as strings. */
class IdTable {
  private packed = new Uint32Array(2048);
  private other = new Map<number, string>();
  length = 0;

  get bytes(): number {
    let b = this.packed.byteLength;
    for (const id of this.other.values()) b += 60 + 2 * id.length;
    return b;
  }

  push(id: string): void {
    const i = this.length++;
    if (2 * i + 2 > this.packed.length) {
      const next = new Uint32Array(Math.ceil(this.packed.length * 1.5) + 2);
      next.set(this.packed);
      this.packed = next;
    }
    if (/^[0-9a-f]{16}$/.test(id)) {
      this.packed[2 * i] = Number.parseInt(id.slice(0, 8), 16);
      this.packed[2 * i + 1] = Number.parseInt(id.slice(8), 16);
    } else this.other.set(i, id);
  }

  get(i: number): string {
    const o = this.other.get(i);
    if (o !== undefined) return o;
    return (
      this.packed[2 * i]!.toString(16).padStart(8, '0') +
      this.packed[2 * i + 1]!.toString(16).padStart(8, '0')
    );
  }
}

/**
 * LSH band table: entry `doc * BANDS + band` holds the band key and the next entry of its
 * bucket's chain, so the article is the entry's position (8 bytes an entry, no value
 * array); buckets are rehashed from the stored keys as the table grows.
 */
class BandTable {
  private keys = new Uint32Array(1024 * BANDS);
  private next = new Int32Array(1024 * BANDS).fill(-1);
  private heads = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private linked = 0;

  get bytes(): number {
    return this.keys.byteLength + this.next.byteLength + this.heads.byteLength;
  }

  private static bucket(key: number, mask: number): number {
    return fmix32(key) & mask;
  }

  add(doc: number, band: number, key: number): void {
    const e = doc * BANDS + band;
    if (e >= this.keys.length) {
      const cap = Math.max(e + BANDS, Math.ceil(this.keys.length * 1.5));
      const keys = new Uint32Array(cap);
      keys.set(this.keys);
      this.keys = keys;
      const next = new Int32Array(cap).fill(-1);
      next.set(this.next);
      this.next = next;
    }
    if (++this.linked > 2 * (this.mask + 1)) this.rehash();
    this.keys[e] = key;
    const b = BandTable.bucket(key, this.mask);
    this.next[e] = this.heads[b]!;
    this.heads[b] = e;
  }

  private rehash(): void {
    const size = (this.mask + 1) * 2;
    const heads = new Int32Array(size).fill(-1);
    const mask = size - 1;
    // Relink every entry that is in a chain (reachable from the old heads).
    for (let h = 0; h <= this.mask; h++) {
      let e = this.heads[h]!;
      while (e >= 0) {
        const after = this.next[e]!;
        const b = BandTable.bucket(this.keys[e]!, mask);
        this.next[e] = heads[b]!;
        heads[b] = e;
        e = after;
      }
    }
    this.heads = heads;
    this.mask = mask;
  }

  /** Articles with `key` in `band`. */
  *docs(band: number, key: number): Generator<number> {
    for (let e = this.heads[BandTable.bucket(key, this.mask)]!; e >= 0; e = this.next[e]!) {
      if (this.keys[e] === key && e % BANDS === band) yield Math.floor(e / BANDS);
    }
  }
}

export class DedupIndex {
  readonly threshold: number;
  readonly minWords: number;
  private ids = new IdTable();
  private lo = new Uint32Array(1024);
  /** 8-bit minima (b-bit MinHash), NUM_HASHES bytes an article. */
  private small = new Uint8Array(1024 * NUM_HASHES);
  private exact = new U32MultiMap();
  private bands = new BandTable();

  constructor(opts: DedupIndexOptions = {}) {
    this.threshold = opts.threshold ?? DEFAULT_THRESHOLD;
    this.minWords = opts.minWords ?? DEFAULT_MIN_WORDS;
  }

  get size(): number {
    return this.ids.length;
  }

  /** Bytes held by the index. */
  get bytes(): number {
    return this.lo.byteLength + this.small.byteLength + this.exact.bytes + this.bands.bytes + this.ids.bytes;
  }

  private similarity(doc: number, sig: Uint32Array): number {
    return bbitSimilarity(this.small, doc * NUM_HASHES, sig);
  }

  /** What `fp` is relative to the archive so far (`self`: the article's own id). */
  check(fp: Fingerprint, self?: string): DedupVerdict {
    let exactOther: string | undefined;
    for (const doc of this.exact.get(fp.hashHi)) {
      if (this.lo[doc] !== fp.hashLo) continue;
      const id = this.ids.get(doc);
      if (self !== undefined && id === self) return { kind: 'same' };
      exactOther ??= id;
    }
    if (exactOther !== undefined) return { kind: 'duplicate', of: exactOther };
    if (fp.words < this.minWords) return { kind: 'new' };
    let best = -1;
    let bestSim = 0;
    const seen = new Set<number>();
    for (let b = 0; b < BANDS; b++) {
      for (const doc of this.bands.docs(b, bandKey(fp.sig, b))) {
        if (seen.has(doc)) continue;
        seen.add(doc);
        if (self !== undefined && this.ids.get(doc) === self) continue;
        const s = this.similarity(doc, fp.sig);
        if (s > bestSim) {
          bestSim = s;
          best = doc;
        }
      }
    }
    if (best >= 0 && bestSim >= this.threshold)
      return {
        kind: 'near-duplicate',
        of: this.ids.get(best),
        similarity: Math.round(bestSim * 1000) / 1000,
      };
    return { kind: 'new' };
  }

  /** Remembers an article; call once per stored article. */
  add(id: string, fp: Fingerprint): void {
    const doc = this.ids.length;
    if (doc >= this.lo.length) {
      const cap = Math.ceil(this.lo.length * 1.5);
      const lo = new Uint32Array(cap);
      lo.set(this.lo);
      this.lo = lo;
      const small = new Uint8Array(cap * NUM_HASHES);
      small.set(this.small);
      this.small = small;
    }
    this.ids.push(id);
    this.lo[doc] = fp.hashLo;
    for (let i = 0; i < NUM_HASHES; i++) this.small[doc * NUM_HASHES + i] = fp.sig[i]! & 0xff;
    this.exact.add(fp.hashHi, doc);
    if (fp.words >= this.minWords) for (let b = 0; b < BANDS; b++) this.bands.add(doc, b, bandKey(fp.sig, b));
  }
}
