/**
 * Feature extraction for the tagger, used identically by training and tagging.
 * Every feature is a 32-bit hash: string features are hashed once per distinct word
 * (cached), context features mix a neighbour's word hash with a template id.
 */
import type { PhraseGazetteer } from './gazetteer.ts';
import { matchForm, shape, stripConjunction, stripProclitics, stripSuffix } from './normalize.ts';

/** Feature groups that can be switched on and off (stored in the model). */
export const FEATURE_GROUPS = [
  'word', // raw form, match form
  'affix', // character prefixes and suffixes 1–4
  'clitic', // clitic-stripped forms
  'shape', // word shape, length, script
  'context', // neighbouring words ±2, their stems
  'bigram', // word pairs around the token
  'cluster', // distributional clusters of the word (several granularities)
  'ctxcluster', // clusters of the neighbours
  'lexicon', // what the training data (out-of-fold) says this word was
  'ngram', // character 3-grams inside the word
  'gazetteer', // membership in name lists (countries, cities, people, organizations), longest match
  'quote', // position inside «…» or "…" (titles of programmes, products, outlets)
  'doc', // non-local: what a first pass tagged the same word as in nearby sentences (two passes)
  'ctxaffix', // stem prefixes and suffixes 1–3 and proclitics of the neighbours ±1
  'repeat', // with `doc`: the word pair it starts or ends recurs in the nearby sentences
  'stemcluster', // flat clusters of the proclitic-stripped stem, of the word and its neighbours ±2
  'antlex', // what a first-pass tagger said about the word's stem across the ANT corpus (word and neighbours ±1)
  'brown', // Brown-style cluster bit-string prefixes of the word, its clitic-stripped stem and the neighbours ±2
  'cue', // a title or verb of saying before/after × the word's Brown cluster; a name-list type × the neighbours' clusters
  'namepart', // the word (clitic-aware) is a known first name / surname / inner name part; same for the neighbours ±1
  'vec', // binarized dimensions of dense ANT word vectors (PPMI-SVD), of the word and its neighbours ±1
  'docctx', // with `doc`: the words before and after the other occurrences of the same word in the nearby sentences (context aggregation)
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export interface FeatureResources {
  /** match form → cluster ids, coarse to fine. */
  clusters?: Map<string, readonly number[]>;
  /** match form → label the training data gave it most (e.g. "B-PERS", "I-ORG", "O"), with a confidence bucket. */
  lexicon?: Map<string, string>;
  /** Name lists matched over the sentence (longest match). */
  gazetteer?: PhraseGazetteer;
  /** Proclitic-stripped stem → flat cluster ids (group `stemcluster`). */
  stemClusters?: Map<string, readonly number[]>;
  /** Proclitic-stripped stem (`docKey`) → label from tagging ANT (group `antlex`, see antlex.ts). */
  antLexicon?: Map<string, string>;
  /** Match form → Brown cluster bit string (groups `brown` and `cue`; see brown.ts). */
  brown?: ReadonlyMap<string, string>;
  /** Match form → name-part bits (NAME_FIRST | NAME_LAST | NAME_INNER; group `namepart`, see gazetteer.ts). */
  nameParts?: ReadonlyMap<string, number>;
  /** Match form → active codes of its binarized word vector (group `vec`; see clusters.ts `buildBinaryVectors`). */
  vectors?: ReadonlyMap<string, readonly number[]>;
}

/** FNV-1a over UTF-16 code units, seeded; then a murmur finalizer. */
export function hashString(seed: number, s: string): number {
  return hashRange(seed, s, 0, s.length);
}

/** `hashString(seed, s.slice(from, to))` without making the slice. */
export function hashRange(seed: number, s: string, from: number, to: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

export function fmix(h0: number): number {
  let h = h0 >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function mix(a: number, b: number): number {
  return fmix(Math.imul(a ^ 0x5bd1e995, 0x27d4eb2d) + b);
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

// Template ids (stable numbers: changing them invalidates a model).
const T = {
  bias: 1,
  raw: 2,
  norm: 3,
  noConj: 4,
  stem: 5,
  stemNoSuf: 6,
  clitics: 7,
  pre: 10, // + length
  suf: 20, // + length
  stemPre: 30,
  stemSuf: 40,
  shape: 50,
  len: 51,
  arabic: 52,
  cl: 60, // + level
  lex: 70,
  lexStem: 71,
  w: 100, // + offset (-2..2 → 98..102)
  st: 110, // stem at offset
  bi: 120,
  ctxCl: 130, // + offset*8 + level
  ctxShape: 160,
  ctxLex: 170,
  ngram: 180,
  gaz: 190,
  quote: 200,
  clBi: 210,
  doc: 220,
  ctxAff: 240, // + offset (-1 → 239, +1 → 241)
  scl: 270, // + level
  ctxScl: 280, // + (offset+2)*8 + level
  antlex: 320, // full label; +1 type only; +5 + offset: type of a neighbour
  br: 330, // + level: Brown prefix of the word
  brStem: 340, // + level: Brown prefix of the proclitic-stripped stem
  ctxBr: 350, // + (offset+2)*8 + level
  brBi: 390, // +0: previous and this word's prefix 6; +1: this and the next
  cue: 400, // +0: cue before × prefix 6; +1: cue after; +2: title two before; +3/+4: name-list type × previous/next word's prefix
  np: 420, // +0: the word's name-part bits; +1: one feature per bit
  ctxNp: 430, // + offset (-1 → 429, +1 → 431): a neighbour's name-part bits
  vec: 440, // a binarized vector code of the word
  ctxVec: 450, // + offset (-1 → 449, +1 → 451): a neighbour's codes
};

/** Lengths of the Brown bit-string prefixes: of the word and its stem, and of the neighbours (±1 all four, ±2 the first two). */
const BROWN_OWN = [4, 6, 10, 14, 20];
const BROWN_CTX = [4, 6, 10, 20];
const BROWN_NONE = hashString(T.br, 'none');
const BROWN_NONE_LIST: readonly number[] = [BROWN_NONE];
/** The hashes of one Brown path's prefixes: as a neighbour (BROWN_CTX), the prefix of 6, as the word itself (BROWN_OWN) and as its stem. */
interface BrownHashes {
  ctx: readonly number[];
  bp: number;
  /** `bp`'s small id in the extractor that made this (`FeatureExtractor.bpId`). */
  bpi: number;
  own: readonly number[];
  stem: readonly number[];
}

/**
 * Name-part bits of the first of `procliticVariants(n)` that `parts` knows (0 when none),
 * in the same order, without building the list.
 */
function namePartBits(n: string, parts: ReadonlyMap<string, number>): number {
  let b = parts.get(n) ?? 0;
  if (b !== 0) return b;
  const c = stripConjunction(n);
  if (c.length >= 2) {
    b = parts.get(c) ?? 0;
    if (b !== 0) return b;
  }
  for (let k = 0; k < 2; k++) {
    const s = k === 0 ? n : c;
    if (s.length < 4) continue;
    if (s.startsWith('لل')) {
      b = parts.get(`ال${s.slice(2)}`) ?? 0;
      if (b !== 0) return b;
    }
    const f = s[0];
    if (f === 'ب' || f === 'ل' || f === 'ك') {
      b = parts.get(s.slice(1)) ?? 0;
      if (b !== 0) return b;
    }
  }
  return 0;
}
/** `cue` classes: 1 a title or post («الرئيس», «وزير», «السيد»), 2 a verb of saying («قال», «أكد»). */
const CUE_TITLE = 1;
const CUE_SAY = 2;
/** Match forms (titles and posts, then verbs of saying). */
const CUE_TITLES =
  'رييس الرييس رييسه الرييسه وزير الوزير وزيره الوزيره السيد السيده الشيخ الملك الملكه الامير ' +
  'اميره الاميره الدكتور الدكتوره د المستشار السفير سفير الجنرال اللواء العقيد العميد الفريق ' +
  'المشير النايب نايب المدرب مدرب اللاعب لاعب الفنان الفنانه الكاتب الشاعر الاستاذ المهندس المحامي ' +
  'القاضي امين الامين المتحدث الناطق مدير المدير البابا الامام المرشد قايد القايد زعيم الزعيم ' +
  'المبعوث المندوب حاكم الحاكم المطرب المطربه الممثل الممثله المخرج النجم الحارس المهاجم الصحفي ' +
  'نظيره ولي عاهل العاهل سمو فخامه الحاج';
const CUE_SAYS =
  'قال قالت يقول تقول قالوا اكد اكدت يوكد توكد اعلن اعلنت يعلن صرح صرحت اوضح اوضحت اضاف اضافت اشار ' +
  'اشارت ذكر ذكرت افاد افادت كشف كشفت نفي نفت شدد شددت دعا دعت اعتبر اعتبرت راي رات اعرب اعربت ' +
  'طالب طالبت';
const CUES = new Map<string, number>([
  ...CUE_TITLES.split(' ').map((w) => [w, CUE_TITLE] as const),
  ...CUE_SAYS.split(' ').map((w) => [w, CUE_SAY] as const),
]);

const OFFSETS = [-2, -1, 1, 2] as const;
/** Shared empty hash list (words of models without the opt-in groups allocate nothing for them). */
const NO_HASHES: number[] = [];
const EMPTY = new Uint32Array(0);
const NO_SCORES = new Float64Array(0);

/**
 * The typed arrays cached on each word (its feature hashes, own scores and neighbour scores)
 * are views into shared chunks: V8 keeps a typed array over 64 bytes outside the JS heap,
 * each with an ArrayBuffer, a backing store and an allocation of its own (~200 bytes of
 * bookkeeping beside the data, three per word). A chunk is freed once no word viewing it is
 * cached. Chunks start zeroed, as a new typed array does. The scores are not even views: a
 * word keeps the chunk and an offset (`WordInfo.sa`/`so`, `ca`/`co`), no object of its own.
 */
const CHUNK = 1 << 15;
let f64Chunk = new Float64Array(0);
let f64At = 0;
/** Reserves `len` zeroed values in the current chunk: they are `f64Chunk[f64Taken …]` (read both right after the call). */
function f64Take(len: number): void {
  if (f64At + len > f64Chunk.length) {
    f64Chunk = new Float64Array(Math.max(CHUNK, len));
    f64At = 0;
  }
  f64Taken = f64At;
  f64At += len;
}
let f64Taken = 0;
let u32Chunk = new Uint32Array(0);
let u32At = 0;
/** `Uint32Array.from(values)` as a view into a shared chunk (see f64Take). */
function u32From(values: readonly number[]): Uint32Array {
  const len = values.length;
  if (len === 0) return EMPTY;
  if (u32At + len > u32Chunk.length) {
    u32Chunk = new Uint32Array(Math.max(CHUNK, len));
    u32At = 0;
  }
  const v = u32Chunk.subarray(u32At, u32At + len);
  u32At += len;
  v.set(values);
  return v;
}
const LEN_HASH = Array.from({ length: 11 }, (_, k) => hashString(T.len, String(k)));
const ARABIC_HASH = hashString(T.arabic, 'a');
const NOT_ARABIC_HASH = hashString(T.arabic, 'n');
const LEX_NONE = hashString(T.lex, 'none');
const CL_NONE = hashString(T.cl, 'none');

const OPEN_QUOTES = new Set(['«', '"', '“', '”', "''", '``']);
const CLOSE_QUOTES = new Set(['»', '"', '“', '”', "''", '``']);

/** Per token: 0 outside quotes, else a bit set: 1 inside, 2 first inside, 4 last inside. */
export function quotePositions(tokens: readonly string[]): Uint8Array {
  const out = new Uint8Array(tokens.length);
  let open = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (open >= 0 && CLOSE_QUOTES.has(t)) {
      if (i - open > 1 && i - open <= 8) {
        for (let k = open + 1; k < i; k++) out[k] = 1;
        out[open + 1]! |= 2;
        out[i - 1]! |= 4;
      }
      open = -1;
    } else if (OPEN_QUOTES.has(t)) open = i;
  }
  return out;
}

interface WordInfo {
  /** Features of the word itself; the first `ident` are its identity (word forms, stems). */
  own: Uint32Array;
  ident: number;
  /** Match form. */
  n: string;
  /** See `docKey`. */
  dk: string;
  /**
   * Cached score of `own` under some model (see `extract`'s `ownScore`): `sa[so …]`, one
   * value per tag; `so` is -1 until scored. An array and an offset rather than a typed-array
   * view of its own: a view is an object of ~90 bytes per word for the GC to mark.
   */
  sa: Float64Array;
  so: number;
  /** Cached scores of this word's features as a neighbour, one row of tags per offset in OFFSETS (see `scoreSentence`): `ca[co …]`, -1 until scored. */
  ca: Float64Array;
  co: number;
  norm: number;
  stem: number;
  shape: number;
  /** Cluster id hashes, coarse to fine (empty when unknown). */
  cl: number[];
  lex: number;
  /** The forms of this word that start a name-list phrase (`PhraseGazetteer.phraseStartsOf`); undefined until needed. */
  gzs: readonly string[] | undefined;
  /** Hashes of the stem's prefixes and suffixes 1–3 and of its proclitics (for `ctxaffix`). */
  aff: number[];
  /** Stem cluster hashes, one per level (for `stemcluster`; empty when none). */
  scl: number[];
  /** Hashes of the ANT label and of its type alone (for `antlex`; 0 when the group is off). */
  al: number;
  alType: number;
  /** Hashes of the Brown prefixes a neighbour contributes (BROWN_CTX lengths; [none] when unknown). */
  brc: readonly number[];
  /** Hash of the Brown prefix of length 6 (for the `brown` bigrams and the `cue` conjunctions). */
  bp: number;
  /** `cue` class of the word (0 none, CUE_TITLE, CUE_SAY). */
  cue: number;
  /**
   * The word's own Brown prefix hashes (group `brown`), which are also in `own` from index
   * `boAt`: those of its path (`bo1`), then of its stem's path (`bo2`). Shared by the words
   * with the same paths, so their scores are summed once per path (`ownScore`).
   */
  bo1: readonly number[];
  bo2: readonly number[];
  boAt: number;
  /** Small id of `bp` in its extractor (`FeatureExtractor.bpId`), for the per-pair caches of `scoreInto`. */
  bpi: number;
  /** Name-part bits (group `namepart`; 0 when none or the group is off). */
  npb: number;
  /** Binarized vector codes (group `vec`; empty when none or the group is off). */
  vc: readonly number[];
}

/** The word before the first (BOS) and after the last (EOS) of a sentence: every hash is `h`. */
function boundary(h: number): WordInfo {
  return {
    own: new Uint32Array(0),
    ident: 0,
    n: '',
    dk: '',
    norm: h,
    stem: h,
    shape: h,
    cl: [h],
    lex: h,
    gzs: [],
    aff: [h],
    scl: [h],
    al: h,
    alType: h,
    brc: [h],
    bp: h,
    cue: 0,
    bpi: 0,
    bo1: [],
    bo2: [],
    boAt: 0,
    npb: 0,
    vc: [],
    sa: NO_SCORES,
    so: -1,
    ca: NO_SCORES,
    co: -1,
  };
}
const BOS = boundary(0xb05);
const EOS = boundary(0xe05);

/**
 * Scores of frequent words computed when the model was saved: for word `index.get(w)` = r,
 * `scores[r*5n … r*5n+5n)` holds the score of its own features (n tags), then what it adds
 * to a token as its neighbour at each offset of OFFSETS (4 × n). A word found here needs
 * no feature hashing or weight lookups of its own the first time it is seen.
 */
export interface WordTable {
  index: Map<string, number>;
  scores: Float64Array;
  /** Tags per row part (n). */
  n: number;
}

/** A model's weights as `scoreSentence` reads them: `find(hash)` is the offset of that feature's tag weights in `w`, or -1. */
export interface WeightLookup {
  find(hash: number): number;
  readonly w: Float32Array;
}

function sumInto(
  hashes: ArrayLike<number>,
  lk: WeightLookup,
  n: number,
  out: Float64Array,
  at: number,
): void {
  sumRange(hashes, 0, hashes.length, lk, n, out, at);
}

/** `sumInto` of `hashes[from … to)`. */
function sumRange(
  hashes: ArrayLike<number>,
  from: number,
  to: number,
  lk: WeightLookup,
  n: number,
  out: Float64Array,
  at: number,
): void {
  const w = lk.w;
  for (let k = from; k < to; k++) {
    const o = lk.find(hashes[k]!);
    if (o < 0) continue;
    for (let t = 0; t < n; t++) out[at + t]! += w[o + t]!;
  }
}

/** Adds the tag weights of feature `h` (if the model has it) to `out[at …]`. */
function addWeights(lk: WeightLookup, h: number, n: number, out: Float64Array, at: number): void {
  const o = lk.find(h);
  if (o < 0) return;
  const w = lk.w;
  for (let t = 0; t < n; t++) out[at + t]! += w[o + t]!;
}

/** Adds `row[from … from+n)` to `out[at … at+n)`. */
function addRow(row: Float64Array, from: number, n: number, out: Float64Array, at: number): void {
  for (let t = 0; t < n; t++) out[at + t]! += row[from + t]!;
}

/** Adds the tag weights at offset `o` of `w` (nothing when o < 0) to `out[at …]`. */
function addAt(o: number, w: Float64Array, n: number, out: Float64Array, at: number): void {
  if (o < 0) return;
  for (let t = 0; t < n; t++) out[at + t]! += w[o + t]!;
}

/** Sizes of `FeatureExtractor.pairFind`'s cache: kinds of pair feature, ids per side. */
const PAIR_KINDS = 5;
const PAIR_IDS = 160;

export class FeatureExtractor {
  readonly groups: ReadonlySet<FeatureGroup>;
  /** Opt-in groups checked once per new word. */
  private readonly ctxaffix: boolean;
  private readonly stemcluster: boolean;
  private readonly antlex: boolean;
  private readonly brown: boolean;
  private readonly cue: boolean;
  private readonly namepart: boolean;
  private readonly vec: boolean;
  /** Groups `context` and `ctxcluster` (read once per new word by `ctxScore`). */
  private readonly context: boolean;
  private readonly ctxcluster: boolean;
  /** `ctxScore`'s list of one offset's hashes, reused. */
  private readonly ctxBuf: number[] = [];
  /** Per-extractor sentence boundaries (their cached scores belong to one model). */
  private readonly bos: WordInfo = { ...BOS };
  private readonly eos: WordInfo = { ...EOS };
  private readonly res: FeatureResources;
  private cache = new Map<string, WordInfo>();
  /** Reused output buffer (copied out per sentence). */
  private buf = new Uint32Array(4096);
  private readonly cacheLimit: number;

  /** Precomputed scores of frequent words (see `WordTable`); only for tagging with the model they came from. */
  private readonly wordTable: WordTable | undefined;

  constructor(opts: {
    groups: readonly FeatureGroup[];
    resources?: FeatureResources;
    cacheLimit?: number;
    wordTable?: WordTable;
  }) {
    this.groups = new Set(opts.groups);
    this.ctxaffix = this.groups.has('ctxaffix');
    this.stemcluster = this.groups.has('stemcluster');
    this.antlex = this.groups.has('antlex');
    this.brown = this.groups.has('brown');
    this.cue = this.groups.has('cue');
    this.namepart = this.groups.has('namepart');
    this.vec = this.groups.has('vec');
    this.context = this.groups.has('context');
    this.ctxcluster = this.groups.has('ctxcluster');
    this.res = opts.resources ?? {};
    this.cacheLimit = opts.cacheLimit ?? 200_000;
    this.wordTable = opts.wordTable;
    this.bos.bpi = this.bpId(BOS.bp);
    this.eos.bpi = this.bpId(EOS.bp);
    this.noneBpi = this.bpId(BROWN_NONE);
    // Every word of the Brown clusters with its path's prefix hashes, one object per path:
    // a new word then needs one lookup per form and none per path.
    const paths = this.res.brown;
    if ((this.brown || this.cue) && paths !== undefined) {
      this.brownWords = new Map();
      for (const [w, path] of paths) this.brownWords.set(w, this.brownHashes(path));
    }
  }

  /** Match form → the prefix hashes of its Brown path (groups `brown` and `cue`). */
  private readonly brownWords: Map<string, BrownHashes> | undefined;
  /** `bpId` of the prefix hash of words without a Brown path. */
  private readonly noneBpi: number;

  /** Ids of the words' Brown prefix-6 hashes (at most 2^7 - 2 prefixes, the none hash, BOS and EOS). */
  private readonly bpIds = new Map<number, number>();

  private bpId(bp: number): number {
    let id = this.bpIds.get(bp);
    if (id === undefined) {
      id = this.bpIds.size;
      this.bpIds.set(bp, id);
    }
    return id;
  }

  /**
   * The tag weights of the `brown` bigram and `cue` features, which depend only on (a cue
   * class or a prefix-6 id, a prefix-6 id): copied, on first use, into one small array
   * (`pairW`, rows of n) so that the few thousand pairs a text uses sit together instead of
   * across the weight table. `pairRows` holds each pair's row start in `pairW`: -2 not yet
   * looked up, -1 not in the model. Kept for one lookup (`pairLk`), as the words' cached
   * scores are. Row 0 is scratch space for pairs whose ids are not small.
   */
  private pairRows = new Int32Array(0);
  private pairW = new Float64Array(0);
  private pairUsed = 0;
  private pairLk: WeightLookup | undefined;

  /** Start in `pairW` of the weights of feature `mix3(seed, ha, hb)` (a, b: ids of ha, hb), or -1 when the model lacks it. */
  private pairRow(
    lk: WeightLookup,
    n: number,
    kind: number,
    a: number,
    b: number,
    seed: number,
    ha: number,
    hb: number,
  ): number {
    if (this.pairLk !== lk) {
      if (this.pairRows.length === 0) this.pairRows = new Int32Array(PAIR_KINDS * PAIR_IDS * PAIR_IDS);
      this.pairRows.fill(-2);
      this.pairW = new Float64Array(64 * n);
      this.pairUsed = n;
      this.pairLk = lk;
    }
    if (a >= PAIR_IDS || b >= PAIR_IDS) {
      const o = lk.find(mix3(seed, ha, hb));
      if (o < 0) return -1;
      for (let t = 0; t < n; t++) this.pairW[t] = lk.w[o + t]!;
      return 0;
    }
    const k = (kind * PAIR_IDS + a) * PAIR_IDS + b;
    let r = this.pairRows[k]!;
    if (r === -2) {
      const o = lk.find(mix3(seed, ha, hb));
      if (o < 0) r = -1;
      else {
        if (this.pairUsed + n > this.pairW.length) {
          const grown = new Float64Array(this.pairW.length * 2);
          grown.set(this.pairW);
          this.pairW = grown;
        }
        r = this.pairUsed;
        const pw = this.pairW;
        for (let t = 0; t < n; t++) pw[r + t] = lk.w[o + t]!;
        this.pairUsed += n;
      }
      this.pairRows[k] = r;
    }
    return r;
  }

  /**
   * Last two code units of the name parts (as `a * 65536 + b`), or undefined when a part is
   * shorter than two: every form `namePartBits` looks up only loses letters at the front, so
   * a word whose ending no part has has no name-part bits.
   */
  private npEnds: Set<number> | undefined | null = null;

  /** `namePartBits(n, nameParts)`, skipping the lookups for words whose ending no name part has. */
  private namePartBitsOf(n: string): number {
    const parts = this.res.nameParts!;
    if (this.npEnds === null) {
      let ends: Set<number> | undefined = new Set<number>();
      for (const k of parts.keys()) {
        if (k.length < 2) {
          ends = undefined;
          break;
        }
        ends.add(k.charCodeAt(k.length - 2) * 65536 + k.charCodeAt(k.length - 1));
      }
      this.npEnds = ends;
    }
    const ends = this.npEnds;
    if (
      ends !== undefined &&
      (n.length < 2 || !ends.has(n.charCodeAt(n.length - 2) * 65536 + n.charCodeAt(n.length - 1)))
    ) {
      return 0;
    }
    return namePartBits(n, parts);
  }

  /** Forget cached words (e.g. after the lexicon changed). */
  clearCache(): void {
    this.cache.clear();
  }

  private clusterOf(n: string, stem: string): readonly number[] | undefined {
    const c = this.res.clusters;
    if (!c) return undefined;
    return c.get(n) ?? c.get(stripConjunction(n)) ?? c.get(stem) ?? c.get(`ال${stem}`);
  }

  private info(word: string): WordInfo {
    const hit = this.cache.get(word);
    return hit !== undefined ? hit : this.newInfo(word);
  }

  /** `info` of a word not in the cache (computed, then cached). */
  private newInfo(word: string): WordInfo {
    const n = matchForm(word);
    const { stem, clitics } = stripProclitics(n);
    const normHash = hashString(T.norm, n);
    const clusters = this.clusterOf(n, stem);
    // Exactly as long as its hashes (an array grown by push keeps room for 17: ~115 bytes a word).
    const cl: number[] = clusters ? clusters.map((c, lv) => mix(T.cl + lv, c)) : [CL_NONE];
    let lex = LEX_NONE;
    if (this.res.lexicon && this.groups.has('lexicon')) {
      const l = this.res.lexicon.get(n) ?? this.res.lexicon.get(`~${stem}`);
      if (l !== undefined) lex = hashString(T.lex, l);
    }
    let scl = NO_HASHES;
    if (this.stemcluster) {
      const ids = this.res.stemClusters?.get(stem);
      scl = ids ? ids.map((id, lv) => mix(T.scl + lv, id)) : [hashString(T.scl, 'none')];
    }
    const dk = n.length >= 2 && LETTER.test(n) ? stem : '';
    let al = 0;
    let alType = 0;
    if (this.antlex) {
      const label = (dk && this.res.antLexicon?.get(dk)) || 'none';
      al = hashString(T.antlex, label);
      alType = hashString(T.antlex + 1, label.slice(0, label.indexOf(':') >>> 0));
    }
    // A word of the word table has its own and neighbour scores precomputed: of the groups
    // below it needs only what tokens read per position (the Brown prefix of 6 and the cue class).
    const row = this.wordTable?.index.get(word);
    const inTable = row !== undefined;
    let brOwn: readonly number[] = NO_HASHES;
    let brOwn2: readonly number[] = NO_HASHES;
    let brc: readonly number[] = NO_HASHES;
    let bp = BROWN_NONE;
    let bpi = this.noneBpi;
    let cue = 0;
    if (this.brown || this.cue) {
      // `cliticCandidates(n)`'s forms in order, without building them all: the match form,
      // then without the conjunction, then the core (article kept); stop at the first path.
      const paths = this.brownWords;
      let path = paths?.get(n);
      cue = CUES.get(n) ?? 0;
      if (path === undefined && clitics !== '') {
        let last = n;
        const conj = clitics.charCodeAt(0) === 99; // 'c'
        const core = clitics.endsWith('al') ? `ال${stem}` : stem;
        if (conj) {
          const noConj = n.slice(1);
          if (noConj !== core) {
            path = paths?.get(noConj);
            if (cue === 0) cue = CUES.get(noConj) ?? 0;
            last = noConj;
          }
        }
        if (path === undefined && core !== last) {
          path = paths?.get(core);
          if (cue === 0) cue = CUES.get(core) ?? 0;
        }
      }
      if (path !== undefined) {
        // The prefix hashes depend on the path only (a few thousand clusters): hashed once per path.
        const ph = path;
        bp = ph.bp;
        bpi = ph.bpi;
        if (!inTable) brc = ph.ctx;
        if (this.brown && !inTable) {
          const stemPath = paths?.get(stem);
          brOwn = ph.own;
          if (stemPath !== undefined) brOwn2 = stemPath.stem;
        }
      } else if (!inTable) {
        brc = BROWN_NONE_LIST;
        if (this.brown) brOwn = BROWN_NONE_LIST;
      }
    }
    let npb = 0;
    if (this.namepart && this.res.nameParts && !inTable) npb = this.namePartBitsOf(n);
    let vc: readonly number[] = NO_HASHES;
    if (this.vec && this.res.vectors && !inTable) {
      const vs = this.res.vectors;
      vc = vs.get(n) ?? vs.get(stripConjunction(n)) ?? vs.get(stem) ?? vs.get(`ال${stem}`) ?? NO_HASHES;
    }
    // One literal for every word (one object shape); a word of the table then takes its
    // scores from the table, any other computes its own features.
    const info: WordInfo = {
      own: EMPTY,
      ident: 0,
      n,
      dk,
      norm: normHash,
      stem: 0,
      shape: 0,
      cl,
      lex,
      gzs: undefined,
      aff: NO_HASHES,
      scl,
      al,
      alType,
      brc,
      bp,
      cue,
      bpi,
      bo1: NO_HASHES,
      bo2: NO_HASHES,
      boAt: 0,
      npb,
      vc,
      sa: NO_SCORES,
      so: -1,
      ca: NO_SCORES,
      co: -1,
    };
    if (inTable) {
      // Stem and shape hashes only feed the neighbour scores, which the table holds.
      const k = this.wordTable!.n;
      info.sa = this.wordTable!.scores;
      info.so = row * 5 * k;
      info.ca = this.wordTable!.scores;
      info.co = row * 5 * k + k;
    } else {
      const stemHash = hashString(T.stem, stem);
      const sh = shape(word);
      const shapeHash = hashString(T.shape, sh);
      // The word's own features: those of `ownFeatures`, then the opt-in groups' (stem clusters,
      // ANT label, Brown prefixes of the word and its stem, name-part bits, vector codes).
      const f = this.ownFeatures(word, n, stem, clitics, sh, normHash, stemHash, shapeHash, cl, lex);
      for (let k = 0; k < scl.length; k++) f.push(scl[k]!);
      if (al) f.push(al, alType);
      const boAt = f.length;
      for (let k = 0; k < brOwn.length; k++) f.push(brOwn[k]!);
      for (let k = 0; k < brOwn2.length; k++) f.push(brOwn2[k]!);
      if (npb !== 0) {
        f.push(mix(T.np, npb));
        for (let b = 1; b <= 4; b <<= 1) if (npb & b) f.push(mix(T.np + 1, b));
      }
      for (let k = 0; k < vc.length; k++) f.push(mix(T.vec, vc[k]!));
      info.own = u32From(f);
      info.stem = stemHash;
      info.shape = shapeHash;
      if (this.ctxaffix) info.aff = affixHashes(stem, clitics);
      if (brOwn.length) {
        info.bo1 = brOwn;
        info.bo2 = brOwn2;
        info.boAt = boAt;
      }
      info.ident = this.identCount;
    }
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(word, info);
    return info;
  }

  /** Prefix hashes of Brown paths (read-only arrays shared by the words with that path). */
  private readonly brownCache = new Map<string, BrownHashes>();

  /** The hashes of `path`'s prefixes a word needs (see `BrownHashes`), computed once per path. */
  private brownHashes(path: string): BrownHashes {
    let h = this.brownCache.get(path);
    if (h === undefined) {
      const ctx = BROWN_CTX.map((len, lv) => hashRange(T.br + lv, path, 0, Math.min(len, path.length)));
      h = {
        ctx,
        bp: ctx[1]!,
        bpi: this.bpId(ctx[1]!),
        own: BROWN_OWN.map((len, lv) => hashRange(T.br + lv, path, 0, Math.min(len, path.length))),
        stem: BROWN_CTX.map((len, lv) => hashRange(T.brStem + lv, path, 0, Math.min(len, path.length))),
      };
      this.brownCache.set(path, h);
    }
    return h;
  }

  /** Scores of Brown prefix hash lists (`WordInfo.bo1`/`bo2` as own features, `brc` as a neighbour's), by list, for `brLk`. */
  private brOwnScores = new Map<readonly number[], Float64Array>();
  private brCtxScores = new Map<readonly number[], Float64Array>();
  private brLk: WeightLookup | undefined;

  /**
   * The summed weights of a list of Brown prefix hashes: as the word's own features (n), or
   * as a neighbour's at each offset of OFFSETS (4 × n, the levels `ctxScore` uses). The
   * lists are shared per path (`brownHashes`), so this is computed once per path and model.
   */
  private brownScore(hs: readonly number[], lk: WeightLookup, n: number, ctx: boolean): Float64Array {
    if (this.brLk !== lk) {
      this.brOwnScores.clear();
      this.brCtxScores.clear();
      this.brLk = lk;
    }
    const cache = ctx ? this.brCtxScores : this.brOwnScores;
    let v = cache.get(hs);
    if (v !== undefined) return v;
    if (!ctx) {
      v = new Float64Array(n);
      sumInto(hs, lk, n, v, 0);
    } else {
      v = new Float64Array(4 * n);
      const one: number[] = [];
      for (let j = 0; j < 4; j++) {
        const d = OFFSETS[j]!;
        const levels = Math.min(hs.length, d === -1 || d === 1 ? 4 : 2);
        one.length = 0;
        for (let lv = 0; lv < levels; lv++) one.push(mix(T.ctxBr + (d + 2) * 8 + lv, hs[lv]!));
        sumInto(one, lk, n, v, j * n);
      }
    }
    cache.set(hs, v);
    return v;
  }

  /** Values in a word's cached own score (`WordInfo.sa`): the tags of the last scoring. */
  private scoreLen = 0;

  /** `ownFeatures`' output list, reused (copied out by `newInfo`). */
  private readonly ownBuf: number[] = [];

  /** Set by `ownFeatures`: how many of the features it returned are the word's identity. */
  private identCount = 0;

  private ownFeatures(
    word: string,
    n: string,
    stem: string,
    clitics: string,
    sh: string,
    normHash: number,
    stemHash: number,
    shapeHash: number,
    cl: readonly number[],
    lex: number,
  ): number[] {
    const g = this.groups;
    const f = this.ownBuf;
    f.length = 0;
    if (g.has('word')) {
      f.push(hashString(T.raw, word), normHash);
    }
    if (g.has('clitic')) {
      f.push(hashString(T.noConj, stripConjunction(n)), stemHash, hashString(T.stemNoSuf, stripSuffix(stem)));
    }
    const ident = f.length;
    const m = `<${n}>`;
    if (g.has('affix')) {
      for (let k = 1; k <= 4 && k < m.length; k++) {
        f.push(hashRange(T.pre + k, m, 0, k + 1), hashRange(T.suf + k, m, m.length - k - 1, m.length));
      }
    }
    if (g.has('clitic')) {
      f.push(hashString(T.clitics, clitics));
      for (let k = 1; k <= 3 && k < stem.length; k++) {
        f.push(
          hashRange(T.stemPre + k, stem, 0, k),
          hashRange(T.stemSuf + k, stem, stem.length - k, stem.length),
        );
      }
    }
    if (g.has('shape')) {
      f.push(shapeHash, LEN_HASH[Math.min(n.length, 10)]!, sh.includes('a') ? ARABIC_HASH : NOT_ARABIC_HASH);
    }
    if (g.has('cluster')) f.push(...cl);
    if (g.has('lexicon')) f.push(lex);
    if (g.has('ngram') && n.length > 3) {
      for (let k = 0; k + 3 <= m.length; k++) f.push(hashRange(T.ngram, m, k, k + 3));
    }
    this.identCount = ident;
    return f;
  }

  /** Scores of the word's own features under `lk` (cached on the word: `x.sa[x.so …]`). */
  private ownScore(x: WordInfo, lk: WeightLookup, n: number): void {
    this.scoreLen = n;
    f64Take(n);
    const v = f64Chunk;
    const o = f64Taken;
    if (x.bo1.length === 0) sumInto(x.own, lk, n, v, o);
    else {
      // The Brown prefixes' part, summed once per path (see `brownScore`).
      const end = x.boAt + x.bo1.length + x.bo2.length;
      sumRange(x.own, 0, x.boAt, lk, n, v, o);
      addRow(this.brownScore(x.bo1, lk, n, false), 0, n, v, o);
      if (x.bo2.length) addRow(this.brownScore(x.bo2, lk, n, false), 0, n, v, o);
      sumRange(x.own, end, x.own.length, lk, n, v, o);
    }
    x.sa = v;
    x.so = o;
  }

  /** What the word adds to a token as its neighbour, one row of n per offset in OFFSETS (cached on the word: `x.ca[x.co …]`). */
  private ctxScore(x: WordInfo, lk: WeightLookup, n: number): void {
    f64Take(4 * n);
    const v = f64Chunk;
    const o = f64Taken;
    const hs = this.ctxBuf;
    const context = this.context;
    const ctxcluster = this.ctxcluster;
    // The Brown prefixes' part, summed once per path (see `brownScore`).
    const b = this.brown ? this.brownScore(x.brc, lk, n, true) : undefined;
    for (let j = 0; j < 4; j++) {
      const d = OFFSETS[j]!;
      hs.length = 0;
      if (context) {
        hs.push(mix(T.w + d, x.norm));
        if (d === -1 || d === 1) hs.push(mix(T.st + d, x.stem), mix(T.ctxShape + d, x.shape));
      }
      if (ctxcluster) {
        for (let lv = 0; lv < x.cl.length; lv++) hs.push(mix(T.ctxCl + (d + 2) * 8 + lv, x.cl[lv]!));
      }
      if (this.ctxaffix && (d === -1 || d === 1)) {
        for (const a of x.aff) hs.push(mix(T.ctxAff + d, a));
      }
      if (this.stemcluster) {
        for (let lv = 0; lv < x.scl.length; lv++) hs.push(mix(T.ctxScl + (d + 2) * 8 + lv, x.scl[lv]!));
      }
      if (this.antlex && (d === -1 || d === 1)) hs.push(mix(T.antlex + 5 + d, x.alType));
      if (b !== undefined) {
        sumInto(hs, lk, n, v, o + j * n);
        hs.length = 0;
        for (let t = 0; t < n; t++) v[o + j * n + t]! += b[j * n + t]!;
      }
      if (this.namepart && x.npb !== 0 && (d === -1 || d === 1)) hs.push(mix(T.ctxNp + d, x.npb));
      if (this.vec && (d === -1 || d === 1)) for (const c of x.vc) hs.push(mix(T.ctxVec + d, c));
      sumInto(hs, lk, n, v, o + j * n);
    }
    x.ca = v;
    x.co = o;
  }

  /** A word's row for a `WordTable`: its own score (n), then its scores as a neighbour (4 × n). */
  wordScores(word: string, lk: WeightLookup, n: number): Float64Array {
    const x = this.info(word);
    const out = new Float64Array(5 * n);
    if (x.so < 0) this.ownScore(x, lk, n);
    if (x.co < 0) this.ctxScore(x, lk, n);
    out.set(x.sa.subarray(x.so, x.so + n), 0);
    out.set(x.ca.subarray(x.co, x.co + 4 * n), n);
    return out;
  }

  /**
   * The emission scores (tokens × `n` tags) of one sentence under `lk`: the same sum as
   * scoring every feature `extract` returns, computed faster (see `scoreInto`).
   */
  scoreSentence(tokens: readonly string[], lk: WeightLookup, n: number): Float64Array {
    const em = new Float64Array(tokens.length * n);
    this.scoreInto(tokens, lk, n, em, 0);
    return em;
  }

  /** Reused per sentence by `scoreInto` (entries past the sentence's length are stale). */
  private infos: WordInfo[] = [];
  private norms: string[] = [];
  private starts: (readonly string[])[] = [];

  /**
   * Writes the emission scores of one sentence under `lk` into `em[at …]` (tokens × `n`
   * tags). What depends on one word only is scored once per distinct word and cached: its
   * own features, and what it adds to the tokens around it as their neighbour at each
   * offset (words ±2, stems, shapes, clusters). Only the features of word pairs, quotes
   * and name-list matches are looked up per token. No closures or per-token allocations:
   * this is the tagger's inner loop.
   */
  scoreInto(
    tokens: readonly string[],
    lk: WeightLookup,
    n: number,
    em: Float64Array,
    at: number,
    /** When given, each token's `docKey` is appended to it. */
    keys?: string[],
    /** When given, added to every token's scores last (one value per tag). */
    tagBias?: Float64Array,
  ): void {
    const g = this.groups;
    const len = tokens.length;
    const infos = this.infos;
    const gazetteer = g.has('gazetteer') ? this.res.gazetteer : undefined;
    const starts = this.starts;
    let anyStart = false;
    for (let i = 0; i < len; i++) {
      const x = this.info(tokens[i]!);
      infos[i] = x;
      if (keys !== undefined) keys.push(x.dk);
      if (gazetteer !== undefined) {
        const st = x.gzs ?? gazetteer.phraseStartsOf(x.n);
        x.gzs = st;
        starts[i] = st;
        if (st.length > 0) anyStart = true;
      }
    }
    const w = lk.w;
    const useCtx =
      g.has('context') ||
      g.has('ctxcluster') ||
      g.has('ctxaffix') ||
      g.has('stemcluster') ||
      g.has('antlex') ||
      this.brown;
    const brown = this.brown;
    const cue = this.cue;
    const bos = this.bos;
    const eos = this.eos;
    const bigram = g.has('bigram');
    const ctxcluster = g.has('ctxcluster');
    const lexicon = g.has('lexicon');
    const quotes = g.has('quote') ? quotePositions(tokens) : undefined;
    let gaz: (string | undefined)[] | undefined;
    if (anyStart) {
      const norms = this.norms;
      norms.length = len;
      for (let i = 0; i < len; i++) norms[i] = infos[i]!.n;
      starts.length = len;
      gaz = gazetteer!.match(norms, starts);
    }
    const bias = lk.find(T.bias);
    for (let i = 0; i < len; i++) {
      const base = at + i * n;
      const x = infos[i]!;
      if (x.so < 0) this.ownScore(x, lk, n);
      const own = x.sa;
      const oo = x.so;
      const p = i > 0 ? infos[i - 1]! : bos;
      const nx = i + 1 < len ? infos[i + 1]! : eos;
      if (useCtx) {
        // Row j of the neighbour at offset OFFSETS[j]: its features as seen from here.
        // One pass per tag, added in the same order as one feature at a time.
        const p2 = i > 1 ? infos[i - 2]! : bos;
        const n2 = i + 2 < len ? infos[i + 2]! : eos;
        if (p2.co < 0) this.ctxScore(p2, lk, n);
        if (p.co < 0) this.ctxScore(p, lk, n);
        if (nx.co < 0) this.ctxScore(nx, lk, n);
        if (n2.co < 0) this.ctxScore(n2, lk, n);
        const v0 = p2.ca;
        const o0 = p2.co;
        const v1 = p.ca;
        const o1 = p.co + n;
        const v2 = nx.ca;
        const o2 = nx.co + 2 * n;
        const v3 = n2.ca;
        const o3 = n2.co + 3 * n;
        if (bias >= 0) {
          for (let t = 0; t < n; t++) {
            em[base + t] =
              own[oo + t]! + w[bias + t]! + v0[o0 + t]! + v1[o1 + t]! + v2[o2 + t]! + v3[o3 + t]!;
          }
        } else {
          for (let t = 0; t < n; t++)
            em[base + t] = own[oo + t]! + v0[o0 + t]! + v1[o1 + t]! + v2[o2 + t]! + v3[o3 + t]!;
        }
      } else {
        for (let t = 0; t < n; t++) em[base + t] = own[oo + t]!;
        if (bias >= 0) for (let t = 0; t < n; t++) em[base + t]! += w[bias + t]!;
      }
      if (bigram) {
        addWeights(lk, mix3(T.bi, p.norm, x.norm), n, em, base);
        addWeights(lk, mix3(T.bi + 1, x.norm, nx.norm), n, em, base);
        addWeights(lk, mix3(T.bi + 2, p.norm, nx.norm), n, em, base);
      }
      if (lexicon) {
        addWeights(lk, mix(T.ctxLex - 1, p.lex), n, em, base);
        addWeights(lk, mix(T.ctxLex + 1, nx.lex), n, em, base);
      }
      if (quotes?.[i]) addWeights(lk, T.quote + quotes[i]!, n, em, base);
      if (ctxcluster && x.cl.length > 0) {
        addWeights(lk, mix3(T.clBi, p.cl[0]!, x.cl[0]!), n, em, base);
        addWeights(lk, mix3(T.clBi + 1, x.cl[0]!, nx.cl[0]!), n, em, base);
      }
      if (gaz) {
        const here = gaz[i];
        if (here !== undefined) {
          addWeights(lk, hashString(T.gaz, here), n, em, base);
          const ty = hashString(T.gaz + 1, here.slice(0, here.indexOf(':')));
          addWeights(lk, ty, n, em, base);
          if (cue) {
            addWeights(lk, mix3(T.cue + 3, ty, p.bp), n, em, base);
            addWeights(lk, mix3(T.cue + 4, ty, nx.bp), n, em, base);
          }
        }
        const prev = gaz[i - 1];
        if (prev !== undefined) addWeights(lk, hashString(T.gaz + 2, prev), n, em, base);
        const next = gaz[i + 1];
        if (next !== undefined) addWeights(lk, hashString(T.gaz + 3, next), n, em, base);
      }
      if (!brown && !cue && tagBias !== undefined) for (let t = 0; t < n; t++) em[base + t]! += tagBias[t]!;
    }
    // The `brown` bigrams, the `cue` conjunctions and the tag bias, last for every token (the
    // same additions in the same order as in one loop): a loop of their own keeps the one
    // above small enough for the compiler to inline its lookups.
    if (brown || cue) this.pairScores(len, lk, n, em, at, tagBias);
  }

  /** The `brown` bigram and `cue` features of every token of the sentence in `this.infos`, then `tagBias`. */
  private pairScores(
    len: number,
    lk: WeightLookup,
    n: number,
    em: Float64Array,
    at: number,
    tagBias: Float64Array | undefined,
  ): void {
    const infos = this.infos;
    const brown = this.brown;
    const cue = this.cue;
    for (let i = 0; i < len; i++) {
      const base = at + i * n;
      const x = infos[i]!;
      const p = i > 0 ? infos[i - 1]! : this.bos;
      const nx = i + 1 < len ? infos[i + 1]! : this.eos;
      if (brown) {
        addAt(this.pairRow(lk, n, 0, p.bpi, x.bpi, T.brBi, p.bp, x.bp), this.pairW, n, em, base);
        addAt(this.pairRow(lk, n, 1, x.bpi, nx.bpi, T.brBi + 1, x.bp, nx.bp), this.pairW, n, em, base);
      }
      if (cue) {
        if (p.cue !== 0)
          addAt(this.pairRow(lk, n, 2, p.cue, x.bpi, T.cue, p.cue, x.bp), this.pairW, n, em, base);
        if (nx.cue !== 0)
          addAt(this.pairRow(lk, n, 3, nx.cue, x.bpi, T.cue + 1, nx.cue, x.bp), this.pairW, n, em, base);
        if (i > 1 && infos[i - 2]!.cue === CUE_TITLE)
          addAt(
            this.pairRow(lk, n, 4, CUE_TITLE, x.bpi, T.cue + 2, CUE_TITLE, x.bp),
            this.pairW,
            n,
            em,
            base,
          );
      }
      if (tagBias !== undefined) for (let t = 0; t < n; t++) em[base + t]! += tagBias[t]!;
    }
  }

  /**
   * Features of every token of one sentence: a flat array and, for token i, its slice
   * `feats[offsets[i]] … feats[offsets[i+1]-1]`.
   */
  extract(
    tokens: readonly string[],
    opts: {
      identity?: boolean;
      /**
       * When given, the word's own features are not returned: they are scored once per
       * distinct word with this function, cached, and returned in `ownScores`.
       */
      ownScore?: (own: Uint32Array) => Float64Array;
    } = {},
  ): { feats: Uint32Array; offsets: Uint32Array; identity?: Uint8Array; ownScores?: Float64Array[] } {
    if (this.wordTable && !opts.ownScore) {
      throw new Error(
        'FeatureExtractor.extract: not available with a word table (its words have no feature list)',
      );
    }
    const g = this.groups;
    const len = tokens.length;
    const infos: WordInfo[] = new Array(len);
    let need = 0;
    for (let i = 0; i < len; i++) {
      const w = this.info(tokens[i]!);
      infos[i] = w;
      need += 128 + (opts.ownScore ? 0 : w.own.length);
    }
    if (this.buf.length < need) this.buf = new Uint32Array(Math.max(need, this.buf.length * 2));
    const out = this.buf;
    const ident = opts.identity ? new Uint8Array(need) : undefined;
    let o = 0;
    const at = (i: number): WordInfo => (i < 0 ? this.bos : i >= len ? this.eos : infos[i]!);
    const offsets = new Uint32Array(len + 1);
    const quotes = g.has('quote') ? quotePositions(tokens) : undefined;
    const gaz =
      g.has('gazetteer') && this.res.gazetteer ? this.res.gazetteer.match(infos.map((x) => x.n)) : undefined;
    const context = g.has('context');
    const bigram = g.has('bigram');
    const ctxcluster = g.has('ctxcluster');
    const lexicon = g.has('lexicon');
    const ctxaffix = g.has('ctxaffix');
    const stemcluster = g.has('stemcluster');
    const antlex = g.has('antlex');
    const brown = this.brown;
    const cue = this.cue;
    const namepart = this.namepart;
    const vec = this.vec;
    for (let i = 0; i < len; i++) {
      offsets[i] = o;
      const w = infos[i]!;
      out[o++] = T.bias;
      if (!opts.ownScore) {
        for (let k = 0; k < w.own.length; k++) {
          if (ident && k < w.ident) ident[o] = 1;
          out[o++] = w.own[k]!;
        }
      }
      if (context) {
        for (let j = 0; j < 4; j++) {
          const d = OFFSETS[j]!;
          const x = at(i + d);
          out[o++] = mix(T.w + d, x.norm);
          if (d === -1 || d === 1) {
            out[o++] = mix(T.st + d, x.stem);
            out[o++] = mix(T.ctxShape + d, x.shape);
          }
        }
      }
      if (bigram) {
        const p = at(i - 1);
        const nx = at(i + 1);
        if (ident) ident[o] = ident[o + 1] = 1;
        out[o++] = mix3(T.bi, p.norm, w.norm);
        out[o++] = mix3(T.bi + 1, w.norm, nx.norm);
        out[o++] = mix3(T.bi + 2, p.norm, nx.norm);
      }
      if (ctxcluster) {
        for (let j = 0; j < 4; j++) {
          const d = OFFSETS[j]!;
          const x = at(i + d);
          for (let lv = 0; lv < x.cl.length; lv++) out[o++] = mix(T.ctxCl + (d + 2) * 8 + lv, x.cl[lv]!);
        }
      }
      if (ctxaffix) {
        for (const d of [-1, 1]) for (const a of at(i + d).aff) out[o++] = mix(T.ctxAff + d, a);
      }
      if (stemcluster || antlex) {
        for (let j = 0; j < 4; j++) {
          const d = OFFSETS[j]!;
          const x = at(i + d);
          if (stemcluster) {
            for (let lv = 0; lv < x.scl.length; lv++) out[o++] = mix(T.ctxScl + (d + 2) * 8 + lv, x.scl[lv]!);
          }
          if (antlex && (d === -1 || d === 1)) out[o++] = mix(T.antlex + 5 + d, x.alType);
        }
      }
      if (brown) {
        for (let j = 0; j < 4; j++) {
          const d = OFFSETS[j]!;
          const x = at(i + d);
          const levels = Math.min(x.brc.length, d === -1 || d === 1 ? 4 : 2);
          for (let lv = 0; lv < levels; lv++) out[o++] = mix(T.ctxBr + (d + 2) * 8 + lv, x.brc[lv]!);
        }
      }
      if (namepart) {
        const p = at(i - 1).npb;
        const nx = at(i + 1).npb;
        if (p !== 0) out[o++] = mix(T.ctxNp - 1, p);
        if (nx !== 0) out[o++] = mix(T.ctxNp + 1, nx);
      }
      if (vec) {
        for (const c of at(i - 1).vc) out[o++] = mix(T.ctxVec - 1, c);
        for (const c of at(i + 1).vc) out[o++] = mix(T.ctxVec + 1, c);
      }
      if (lexicon) {
        out[o++] = mix(T.ctxLex - 1, at(i - 1).lex);
        out[o++] = mix(T.ctxLex + 1, at(i + 1).lex);
      }
      if (quotes?.[i]) out[o++] = T.quote + quotes[i]!;
      if (ctxcluster && w.cl.length > 0) {
        out[o++] = mix3(T.clBi, at(i - 1).cl[0]!, w.cl[0]!);
        out[o++] = mix3(T.clBi + 1, w.cl[0]!, at(i + 1).cl[0]!);
      }
      if (gaz) {
        const here = gaz[i];
        if (here !== undefined) {
          out[o++] = hashString(T.gaz, here);
          const ty = hashString(T.gaz + 1, here.slice(0, here.indexOf(':')));
          out[o++] = ty;
          if (cue) {
            out[o++] = mix3(T.cue + 3, ty, at(i - 1).bp);
            out[o++] = mix3(T.cue + 4, ty, at(i + 1).bp);
          }
        }
        const prev = gaz[i - 1];
        if (prev !== undefined) out[o++] = hashString(T.gaz + 2, prev);
        const next = gaz[i + 1];
        if (next !== undefined) out[o++] = hashString(T.gaz + 3, next);
      }
      if (brown) {
        out[o++] = mix3(T.brBi, at(i - 1).bp, w.bp);
        out[o++] = mix3(T.brBi + 1, w.bp, at(i + 1).bp);
      }
      if (cue) {
        const p = at(i - 1);
        const nx = at(i + 1);
        if (p.cue !== 0) out[o++] = mix3(T.cue, p.cue, w.bp);
        if (nx.cue !== 0) out[o++] = mix3(T.cue + 1, nx.cue, w.bp);
        if (i > 1 && infos[i - 2]!.cue === CUE_TITLE) out[o++] = mix3(T.cue + 2, CUE_TITLE, w.bp);
      }
    }
    offsets[len] = o;
    const feats = out.slice(0, o);
    if (opts.ownScore) {
      const ownScores: Float64Array[] = new Array(len);
      for (let i = 0; i < len; i++) {
        const w = infos[i]!;
        if (w.so < 0) {
          const v = opts.ownScore(w.own);
          w.sa = v;
          w.so = 0;
          this.scoreLen = v.length;
          ownScores[i] = v;
        } else ownScores[i] = w.sa.subarray(w.so, w.so + this.scoreLen);
      }
      return { feats, offsets, ownScores };
    }
    if (ident) return { feats, offsets, identity: ident.slice(0, o) };
    return { feats, offsets };
  }
}

/** Hashes of a stem's prefixes and suffixes 1–3 and of its proclitics (`ctxaffix`). */
function affixHashes(stem: string, clitics: string): number[] {
  const out = [hashString(T.ctxAff, clitics)];
  for (let k = 1; k <= 3 && k < stem.length; k++) {
    out.push(
      hashRange(T.ctxAff + 10 + k, stem, 0, k),
      hashRange(T.ctxAff + 20 + k, stem, stem.length - k, stem.length),
    );
  }
  return out;
}

/** The key under which a word's occurrences are compared across sentences: its match form without proclitics. */
export function docKey(word: string): string {
  return docKeyOf(matchForm(word));
}

const LETTER = /\p{L}/u;

/** `docKey` from a match form. */
function docKeyOf(n: string): string {
  return n.length >= 2 && LETTER.test(n) ? stripProclitics(n).stem : '';
}

/** Doc features of a text as flat arrays over its tokens: token k's are `hashes[offsets[k]] … hashes[offsets[k+1]-1]`. */
export interface FlatDocFeatures {
  offsets: Int32Array;
  hashes: Uint32Array;
}

/**
 * The core of `docFeatures`, over the tokens of a whole text laid end to end: `keys[k]`
 * the token's docKey ('' = none), `sentOf[k]` its sentence, `types[k]` the id of the type
 * the first pass gave it (0 = O) with `typeNames[id]` its name.
 */
export function docFeaturesFlat(
  keys: readonly string[],
  sentOf: Int32Array,
  types: Int32Array,
  typeNames: readonly string[],
  window: number,
  opts: { repeat?: boolean; context?: boolean } = {},
): FlatDocFeatures {
  const K = keys.length;
  const nt = typeNames.length;
  if (nt > 24) throw new Error(`docFeaturesFlat: at most 24 entity types (got ${nt})`);
  // Occurrences per key, in text order: token k is in group gid[k] (-1: no key); the
  // tokens of group g are order[start[g]] … order[start[g+1]-1].
  const groupOf = new Map<string, number>();
  const gid = new Int32Array(K);
  let size = new Int32Array(64);
  for (let k = 0; k < K; k++) {
    const key = keys[k]!;
    if (key === '') {
      gid[k] = -1;
      continue;
    }
    let g = groupOf.get(key);
    if (g === undefined) {
      g = groupOf.size;
      groupOf.set(key, g);
      if (g >= size.length) {
        const bigger = new Int32Array(size.length * 2);
        bigger.set(size);
        size = bigger;
      }
    }
    gid[k] = g;
    size[g]!++;
  }
  const G = groupOf.size;
  const start = new Int32Array(G + 1);
  for (let g = 0; g < G; g++) start[g + 1] = start[g]! + size[g]!;
  const order = new Int32Array(start[G]!);
  const fill = start.slice(0, G);
  for (let k = 0; k < K; k++) {
    const g = gid[k]!;
    if (g >= 0) order[fill[g]!++] = k;
  }
  // Per token, what its features are: 0 none, 1 always O, else 2 + (types seen as a bit
  // mask << 6 | most frequent type << 1 | mostly entities).
  const code = new Int32Array(K);
  let total = 0;
  let prefix = new Int32Array(0);
  for (let g = 0; g < G; g++) {
    const from = start[g]!;
    const m = start[g + 1]! - from;
    if (m < 2) continue;
    // Prefix counts per type over the occurrence list, then a sliding window of sentences.
    if (prefix.length < (m + 1) * nt) prefix = new Int32Array(2 * (m + 1) * nt);
    for (let t = 0; t < nt; t++) prefix[t] = 0;
    for (let j = 0; j < m; j++) {
      for (let t = 0; t < nt; t++) prefix[(j + 1) * nt + t] = prefix[j * nt + t]!;
      prefix[(j + 1) * nt + types[order[from + j]!]!]!++;
    }
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < m; j++) {
      const k = order[from + j]!;
      const s = sentOf[k]!;
      while (sentOf[order[from + lo]!]! < s - window) lo++;
      while (hi < m && sentOf[order[from + hi]!]! <= s + window) hi++;
      let all = 0;
      let ent = 0;
      let best = 0;
      let bestC = 0;
      let mask = 0;
      const self = types[k]!;
      for (let t = 0; t < nt; t++) {
        let c = prefix[hi * nt + t]! - prefix[lo * nt + t]!;
        if (t === self) c--;
        all += c;
        if (t > 0) {
          ent += c;
          if (c > 0) mask |= 1 << t;
          if (c > bestC) {
            bestC = c;
            best = t;
          }
        }
      }
      if (all === 0) continue;
      if (ent === 0) {
        code[k] = 1;
        total += 1;
      } else {
        code[k] = 2 + ((mask << 6) | (best << 1) | (2 * ent >= all ? 1 : 0));
        let bits = 0;
        for (let t = 1; t < nt; t++) if (mask & (1 << t)) bits++;
        total += bits + 2;
      }
    }
  }
  const typeHash = typeNames.map((t) => hashString(T.doc, t));
  const majHash = typeHash.map((h) => mix(T.doc + 1, h));
  const mostly = hashString(T.doc + 2, 'mostly');
  const some = hashString(T.doc + 2, 'some');
  const allO = hashString(T.doc + 3, 'allO');
  // Group `repeat`: extra hashes per token, written after its doc features.
  let rep: (number[] | undefined)[] | undefined = opts.repeat ? new Array(K) : undefined;
  if (rep) total += repeatFeatures(keys, sentOf, window, rep);
  if (opts.context) {
    rep ??= new Array(K);
    total += contextFeatures(keys, sentOf, start, order, gid, window, rep);
  }
  const offsets = new Int32Array(K + 1);
  const hashes = new Uint32Array(total);
  let o = 0;
  for (let k = 0; k < K; k++) {
    offsets[k] = o;
    const c = code[k]!;
    if (c === 1) hashes[o++] = allO;
    else if (c > 1) {
      const v = c - 2;
      const mask = v >>> 6;
      for (let t = 1; t < nt; t++) if (mask & (1 << t)) hashes[o++] = typeHash[t]!;
      hashes[o++] = majHash[(v >>> 1) & 31]!;
      hashes[o++] = v & 1 ? mostly : some;
    }
    const r = rep?.[k];
    if (r) for (const h of r) hashes[o++] = h;
  }
  offsets[K] = o;
  return { offsets, hashes };
}

/** Group `docctx`: most occurrences of one word whose contexts are read (the nearest first); words more frequent in the window are skipped. */
const CONTEXT_MAX_OCC = 12;
const CONTEXT_MAX_OCCURRENCES = 40;

/**
 * Group `docctx` (context aggregation, Ratinov & Roth 2009): for each token whose key has at
 * least 3 letters, the keys of the words just before and just after the other occurrences
 * of the same key in the sentences at most `window` before or after (its own sentence
 * included, itself excluded; at most CONTEXT_MAX_OCC occurrences, the nearest in text order
 * first; none when the key occurs more than CONTEXT_MAX_OCCURRENCES times there, as function
 * words do), each distinct one once. A name seen once after «نادي» and once before «على» gets
 * both contexts at each of its occurrences. Appends to `per`; returns how many hashes it added.
 */
function contextFeatures(
  keys: readonly string[],
  sentOf: Int32Array,
  start: Int32Array,
  order: Int32Array,
  gid: Int32Array,
  window: number,
  per: (number[] | undefined)[],
): number {
  const K = keys.length;
  const hashCache = new Map<string, number>();
  const keyHash = (side: number, key: string): number => {
    const id = `${side}${key}`;
    let h = hashCache.get(id);
    if (h === undefined) {
      h = hashString(T.doc + 6 + side, key);
      hashCache.set(id, h);
    }
    return h;
  };
  let added = 0;
  const seen = new Set<number>();
  const near: number[] = [];
  for (let k = 0; k < K; k++) {
    const g = gid[k]!;
    if (g < 0 || keys[k]!.length < 3) continue;
    const from = start[g]!;
    const to = start[g + 1]!;
    if (to - from < 2) continue;
    const s = sentOf[k]!;
    near.length = 0;
    for (let j = from; j < to; j++) {
      const q = order[j]!;
      if (q === k) continue;
      const d = sentOf[q]! - s;
      if (d < -window || d > window) continue;
      near.push(q);
    }
    if (near.length === 0 || near.length > CONTEXT_MAX_OCCURRENCES) continue;
    near.sort((a, b) => Math.abs(a - k) - Math.abs(b - k) || a - b);
    seen.clear();
    for (let j = 0; j < near.length && j < CONTEXT_MAX_OCC; j++) {
      const q = near[j]!;
      const before = q > 0 && sentOf[q - 1] === sentOf[q] ? keys[q - 1]! : '<s>';
      const after = q + 1 < K && sentOf[q + 1] === sentOf[q] ? keys[q + 1]! : '</s>';
      if (before !== '') seen.add(keyHash(0, before));
      if (after !== '') seen.add(keyHash(1, after));
    }
    if (seen.size === 0) continue;
    let f = per[k];
    if (!f) {
      f = [];
      per[k] = f;
    }
    for (const h of seen) f.push(h);
    added += seen.size;
  }
  return added;
}

const REPEAT_FIRST = [1, 2, 3].map((b) => hashString(T.doc + 4, String(b)));
const REPEAT_SECOND = [1, 2, 3].map((b) => hashString(T.doc + 5, String(b)));

/**
 * Group `repeat`: for each pair of adjacent tokens of one sentence whose keys both have at
 * least 3 letters, how often the same pair occurs in the sentences at most `window` before or
 * after (itself excluded; buckets 1, 2–3, 4+), as a feature of its first and of its second
 * token. Repeated word pairs are often names («البنك التجاري», «بان كي»). Appends to `per`;
 * returns how many hashes it added.
 */
function repeatFeatures(
  keys: readonly string[],
  sentOf: Int32Array,
  window: number,
  per: (number[] | undefined)[],
): number {
  const occ = new Map<string, number[]>();
  for (let k = 0; k + 1 < keys.length; k++) {
    const a = keys[k]!;
    const b = keys[k + 1]!;
    if (a.length < 3 || b.length < 3 || sentOf[k] !== sentOf[k + 1]) continue;
    const pair = `${a} ${b}`;
    const list = occ.get(pair);
    if (list) list.push(k);
    else occ.set(pair, [k]);
  }
  let added = 0;
  for (const list of occ.values()) {
    const m = list.length;
    if (m < 2) continue;
    let lo = 0;
    let hi = 0;
    for (let j = 0; j < m; j++) {
      const s = sentOf[list[j]!]!;
      while (sentOf[list[lo]!]! < s - window) lo++;
      while (hi < m && sentOf[list[hi]!]! <= s + window) hi++;
      const c = hi - lo - 1;
      if (c <= 0) continue;
      const bucket = c === 1 ? 0 : c <= 3 ? 1 : 2;
      const k = list[j]!;
      for (const [at, h] of [
        [k, REPEAT_FIRST[bucket]!],
        [k + 1, REPEAT_SECOND[bucket]!],
      ] as const) {
        const f = per[at];
        if (f) f.push(h);
        else per[at] = [h];
      }
      added += 2;
    }
  }
  return added;
}

/**
 * Non-local features (group `doc`): for each token, what first-pass `tags` said about the
 * same word (same `docKey`) elsewhere in the sentences at most `window` before or after
 * (itself excluded): every entity type it was given, the most frequent one, whether most
 * occurrences were an entity, or that it was always O. Returns, per sentence and token,
 * the feature hashes (often none).
 */
export function docFeatures(
  sents: readonly (readonly string[])[],
  tags: readonly (readonly string[])[],
  window: number,
  opts: { repeat?: boolean; context?: boolean } = {},
): Uint32Array[][] {
  const keyCache = new Map<string, string>();
  // Types in a fixed order (O, then sorted), as the model's tags are: ties for the most
  // frequent type go to the first.
  const found = new Set<string>();
  for (const ts of tags) for (const t of ts) if (t !== 'O') found.add(t.slice(2));
  const typeNames = ['O', ...[...found].sort()];
  const typeIds = new Map(typeNames.map((t, i) => [t, i]));
  const keys: string[] = [];
  const sentOf: number[] = [];
  const types: number[] = [];
  sents.forEach((toks, s) => {
    toks.forEach((w, i) => {
      let k = keyCache.get(w);
      if (k === undefined) {
        k = docKey(w);
        keyCache.set(w, k);
      }
      const tag = tags[s]![i] ?? 'O';
      const id = typeIds.get(tag === 'O' ? 'O' : tag.slice(2)) ?? 0;
      keys.push(k);
      sentOf.push(s);
      types.push(id);
    });
  });
  const flat = docFeaturesFlat(
    keys,
    Int32Array.from(sentOf),
    Int32Array.from(types),
    typeNames,
    window,
    opts,
  );
  let k = 0;
  return sents.map((toks) =>
    toks.map(() => {
      const f = flat.hashes.slice(flat.offsets[k]!, flat.offsets[k + 1]!);
      k++;
      return f;
    }),
  );
}
