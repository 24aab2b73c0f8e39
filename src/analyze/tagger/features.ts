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
] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

export interface FeatureResources {
  /** match form → cluster ids, coarse to fine. */
  clusters?: Map<string, readonly number[]>;
  /** match form → label the training data gave it most (e.g. "B-PERS", "I-ORG", "O"), with a confidence bucket. */
  lexicon?: Map<string, string>;
  /** Name lists matched over the sentence (longest match). */
  gazetteer?: PhraseGazetteer;
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
};

const OFFSETS = [-2, -1, 1, 2] as const;

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
  /** Cached score of `own` under some model (see `extract`'s `ownScore`). */
  score?: Float64Array;
  norm: number;
  stem: number;
  shape: number;
  /** Cluster id hashes, coarse to fine (empty when unknown). */
  cl: number[];
  lex: number;
}

const BOS: WordInfo = {
  own: new Uint32Array(0),
  ident: 0,
  n: '',
  norm: 0xb05,
  stem: 0xb05,
  shape: 0xb05,
  cl: [0xb05],
  lex: 0xb05,
};
const EOS: WordInfo = {
  own: new Uint32Array(0),
  ident: 0,
  n: '',
  norm: 0xe05,
  stem: 0xe05,
  shape: 0xe05,
  cl: [0xe05],
  lex: 0xe05,
};

export class FeatureExtractor {
  readonly groups: ReadonlySet<FeatureGroup>;
  private readonly res: FeatureResources;
  private cache = new Map<string, WordInfo>();
  /** Reused output buffer (copied out per sentence). */
  private buf = new Uint32Array(4096);
  private readonly cacheLimit: number;

  constructor(opts: { groups: readonly FeatureGroup[]; resources?: FeatureResources; cacheLimit?: number }) {
    this.groups = new Set(opts.groups);
    this.res = opts.resources ?? {};
    this.cacheLimit = opts.cacheLimit ?? 200_000;
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
    if (hit) return hit;
    const g = this.groups;
    const n = matchForm(word);
    const { stem, clitics } = stripProclitics(n);
    const f: number[] = [];
    if (g.has('word')) {
      f.push(hashString(T.raw, word), hashString(T.norm, n));
    }
    if (g.has('clitic')) {
      f.push(
        hashString(T.noConj, stripConjunction(n)),
        hashString(T.stem, stem),
        hashString(T.stemNoSuf, stripSuffix(stem)),
      );
    }
    const ident = f.length;
    if (g.has('affix')) {
      const m = `<${n}>`;
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
    const sh = shape(word);
    if (g.has('shape')) {
      f.push(
        hashString(T.shape, sh),
        hashString(T.len, String(Math.min(n.length, 10))),
        hashString(T.arabic, sh.includes('a') ? 'a' : 'n'),
      );
    }
    const clusters = this.clusterOf(n, stem);
    const cl: number[] = [];
    if (clusters) for (let lv = 0; lv < clusters.length; lv++) cl.push(mix(T.cl + lv, clusters[lv]!));
    else cl.push(hashString(T.cl, 'none'));
    if (g.has('cluster')) f.push(...cl);
    let lex = hashString(T.lex, 'none');
    if (this.res.lexicon) {
      const l = this.res.lexicon.get(n) ?? this.res.lexicon.get(`~${stem}`);
      if (l !== undefined) lex = hashString(T.lex, l);
    }
    if (g.has('lexicon')) f.push(lex);
    if (g.has('ngram') && n.length > 3) {
      const m = `<${n}>`;
      for (let k = 0; k + 3 <= m.length; k++) f.push(hashRange(T.ngram, m, k, k + 3));
    }
    const info: WordInfo = {
      own: Uint32Array.from(f),
      ident,
      n,
      norm: hashString(T.norm, n),
      stem: hashString(T.stem, stem),
      shape: hashString(T.shape, sh),
      cl,
      lex,
    };
    if (this.cache.size >= this.cacheLimit) this.cache.clear();
    this.cache.set(word, info);
    return info;
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
    const g = this.groups;
    const len = tokens.length;
    const infos: WordInfo[] = new Array(len);
    let need = 0;
    for (let i = 0; i < len; i++) {
      const w = this.info(tokens[i]!);
      infos[i] = w;
      need += 64 + (opts.ownScore ? 0 : w.own.length);
    }
    if (this.buf.length < need) this.buf = new Uint32Array(Math.max(need, this.buf.length * 2));
    const out = this.buf;
    const ident = opts.identity ? new Uint8Array(need) : undefined;
    let o = 0;
    const at = (i: number): WordInfo => (i < 0 ? BOS : i >= len ? EOS : infos[i]!);
    const offsets = new Uint32Array(len + 1);
    const quotes = g.has('quote') ? quotePositions(tokens) : undefined;
    const gaz =
      g.has('gazetteer') && this.res.gazetteer ? this.res.gazetteer.match(infos.map((x) => x.n)) : undefined;
    const context = g.has('context');
    const bigram = g.has('bigram');
    const ctxcluster = g.has('ctxcluster');
    const lexicon = g.has('lexicon');
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
          out[o++] = hashString(T.gaz + 1, here.slice(0, here.indexOf(':')));
        }
        const prev = gaz[i - 1];
        if (prev !== undefined) out[o++] = hashString(T.gaz + 2, prev);
        const next = gaz[i + 1];
        if (next !== undefined) out[o++] = hashString(T.gaz + 3, next);
      }
    }
    offsets[len] = o;
    const feats = out.slice(0, o);
    if (opts.ownScore) {
      const ownScores: Float64Array[] = new Array(len);
      for (let i = 0; i < len; i++) {
        const w = infos[i]!;
        if (!w.score) w.score = opts.ownScore(w.own);
        ownScores[i] = w.score;
      }
      return { feats, offsets, ownScores };
    }
    if (ident) return { feats, offsets, identity: ident.slice(0, o) };
    return { feats, offsets };
  }
}
