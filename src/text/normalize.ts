/**
 * Arabic normalization with an offset map back to the input.
 *
 * Two strengths:
 *
 * - `display` — what a reader should see, nothing a reader would miss:
 *   - drops tatweel (U+0640), soft hyphen (U+00AD), word joiner (U+2060), zero-width and
 *     bidi controls (U+200B–U+200F, U+061C, U+202A–U+202E, U+2066–U+2069) and the BOM /
 *     zero-width no-break space (U+FEFF);
 *   - folds Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFE) with NFKC, one
 *     character at a time (so lam-alef ligatures ﻻ ﻷ ﻹ ﻵ become two letters, ﷲ becomes
 *     «الله»), then applies the other folds to the result;
 *   - Persian ی (U+06CC) → ي and ک (U+06A9) → ك (Iranian outlets write Arabic with them);
 *   - Arabic-Indic digits ٠–٩ and Eastern (Persian) digits ۰–۹ → ASCII 0–9, together with
 *     the Arabic decimal separator ٫ → `.`, thousands separator ٬ → `,` and percent ٪ → `%`;
 *   - a doubled single quote (’’ or ‘‘ or ’‘ or ‘’, as some outlets write «…» in right-to-left
 *     text: ’’كلام‘‘) → one plain `"`. We choose the plain quote rather than « or »
 *     because which of the pair opens depends on the writer's keyboard and direction: `"`
 *     is right either way. A lone ‘ or ’ is kept.
 * - `match` — for lookups and comparison: everything `display` does, and also
 *   - strips harakat and other Arabic combining marks (tashkeel U+064B–U+065F, superscript
 *     alef U+0670, Quranic annotation marks U+0610–U+061A, U+06D6–U+06ED, U+08D3–U+08FF:
 *     every `\p{M}` character whose script extensions include Arabic);
 *   - folds hamza/madda/wasla alef forms أ إ آ ٱ (and the wavy-hamza alefs ٲ ٳ) → ا;
 *   - alef maqsura ى → ي, and yeh with hamza ئ → ي (the seat of the hamza, as Snowball
 *     and most Arabic search engines do);
 *   - teh marbuta ة → ه, and the heh variants ۀ ھ ہ → ه;
 *   - waw with hamza ؤ → و.
 *
 * Both strengths are idempotent: normalize(normalize(x).text).text === normalize(x).text.
 * Linear time, table driven: no allocation per character.
 */
import type { Span } from '../model.ts';
import { bmpString } from './chars.ts';

export type Strength = 'display' | 'match';

export interface NormalizeOptions {
  /** Default `display`. */
  strength?: Strength;
}

const DROP = -1;
const EXPAND = -2;
const QUOTE = -3;

interface Tables {
  /** For each UTF-16 code unit: the replacement unit, DROP, EXPAND or QUOTE. */
  single: Int32Array;
  /** Multi-unit replacements (presentation forms), by code unit. */
  expand: Map<number, Uint16Array>;
}

const DISPLAY_DROP: ReadonlyArray<readonly [number, number]> = [
  [0x0640, 0x0640],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2060],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
];

const MATCH_FOLD: ReadonlyArray<readonly [number, number]> = [
  [0x0622, 0x0627], // آ
  [0x0623, 0x0627], // أ
  [0x0625, 0x0627], // إ
  [0x0671, 0x0627], // ٱ
  [0x0672, 0x0627], // ٲ
  [0x0673, 0x0627], // ٳ
  [0x0649, 0x064a], // ى
  [0x0626, 0x064a], // ئ
  [0x0629, 0x0647], // ة
  [0x06c0, 0x0647], // ۀ
  [0x06be, 0x0647], // ھ (heh doachashmee, typed for ه on some keyboards)
  [0x06c1, 0x0647], // ہ (heh goal)
  [0x0624, 0x0648], // ؤ
];

/** Arabic combining marks (harakat, Quranic marks): runs of them, for a scan of the BMP. */
const ARABIC_MARKS = /(?:(?=\p{M})\p{scx=Arabic})+/gu;

function buildTables(strength: Strength): Tables {
  const single = new Int32Array(0x10000);
  const expand = new Map<number, Uint16Array>();
  for (let c = 0; c < 0x10000; c++) single[c] = c;
  for (const [a, b] of DISPLAY_DROP) for (let c = a; c <= b; c++) single[c] = DROP;
  single[0x06cc] = 0x064a; // ی
  single[0x06a9] = 0x0643; // ک
  for (let d = 0; d < 10; d++) {
    single[0x0660 + d] = 0x30 + d;
    single[0x06f0 + d] = 0x30 + d;
  }
  single[0x066b] = 0x2e; // ٫
  single[0x066c] = 0x2c; // ٬
  single[0x066a] = 0x25; // ٪
  if (strength === 'match') {
    for (const [a, b] of MATCH_FOLD) single[a] = b;
    const all = bmpString();
    for (const m of all.matchAll(ARABIC_MARKS))
      for (let c = m.index; c < m.index + m[0].length; c++) single[c] = DROP;
  }
  single[0x2018] = QUOTE;
  single[0x2019] = QUOTE;
  for (let c = 0xfb50; c <= 0xfefe; c++) {
    if (c > 0xfdff && c < 0xfe70) continue; // not presentation forms
    const nfkc = String.fromCharCode(c).normalize('NFKC');
    if (nfkc.length === 1 && nfkc.charCodeAt(0) === c) continue; // no compatibility mapping
    const units: number[] = [];
    for (let k = 0; k < nfkc.length; k++) {
      const f = single[nfkc.charCodeAt(k)]!;
      if (f >= 0) units.push(f);
      else if (f === QUOTE) units.push(nfkc.charCodeAt(k));
      // DROP: nothing; EXPAND cannot occur (NFKC output is never a presentation form)
    }
    if (units.length === 0) single[c] = DROP;
    else if (units.length === 1) single[c] = units[0]!;
    else {
      single[c] = EXPAND;
      expand.set(c, Uint16Array.from(units));
    }
  }
  return { single, expand };
}

let displayTables: Tables | undefined;
let matchTables: Tables | undefined;

function tables(strength: Strength): Tables {
  if (strength === 'match') {
    matchTables ??= buildTables('match');
    return matchTables;
  }
  displayTables ??= buildTables('display');
  return displayTables;
}

/** The result of `normalize`: the text, and the way back to the input. */
export class Normalized {
  /** The normalized text. */
  readonly text: string;
  /** The input, as given. */
  readonly source: string;
  /**
   * `map[i]` is the offset in `source` of the character that produced output character
   * `i`; `map[text.length] === source.length`. Non-decreasing; an expansion (ﻻ → لا)
   * gives several output characters the same source offset.
   */
  readonly map: Int32Array;

  constructor(text: string, source: string, map: Int32Array) {
    this.text = text;
    this.source = source;
    this.map = map;
  }

  /** Offset in `source` where output offset `i` (0 ≤ i ≤ text.length) starts. */
  sourceOffset(i: number): number {
    if (i < 0 || i > this.text.length) throw new RangeError(`offset ${i} outside 0..${this.text.length}`);
    return this.map[i]!;
  }

  /**
   * Maps an output span `[start, end)` to the source span that produced exactly those
   * characters (characters dropped just before or after the span are left out; those
   * dropped inside it are included).
   */
  toSource(span: Span): Span {
    const [start, end] = span;
    const s = this.sourceOffset(start);
    if (end <= start) return [s, s];
    const last = this.map[end - 1];
    if (last === undefined || end > this.text.length)
      throw new RangeError(`offset ${end} outside 0..${this.text.length}`);
    return [s, this.sourceEnd(last, end - 1)];
  }

  /** End (exclusive) in `source` of the unit at source offset `at` that produced output char `i`. */
  private sourceEnd(at: number, i: number): number {
    const src = this.source.charCodeAt(at);
    if (this.text.charCodeAt(i) === 0x22 && (src === 0x2018 || src === 0x2019)) {
      // a merged quote pair: runs to the second quote (only dropped characters between)
      for (let k = at + 1; k < this.source.length; k++) {
        const c = this.source.charCodeAt(k);
        if (c === 0x2018 || c === 0x2019) return k + 1;
      }
    }
    return at + 1;
  }
}

let decoder: TextDecoder | undefined;

/** `String.prototype.isWellFormed` (Node 20 has it; the ES2023 lib typings do not). */
function isWellFormed(text: string): boolean {
  const native = (text as unknown as { isWellFormed?: () => boolean }).isWellFormed;
  if (native) return native.call(text);
  return !/\p{Surrogate}/u.test(text);
}

/** Builds a string from UTF-16 units without a per-character allocation. */
function unitsToString(units: Uint16Array, length: number, wellFormed: boolean): string {
  if (length === 0) return '';
  if (wellFormed) {
    decoder ??= new TextDecoder('utf-16le');
    return decoder.decode(units.subarray(0, length));
  }
  // lone surrogates: TextDecoder would replace them, so copy them as they are
  const parts: string[] = [];
  for (let i = 0; i < length; i += 4096)
    parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 4096)) as never));
  return parts.join('');
}

/**
 * Normalizes `text` (see the module comment for what each strength does) and returns the
 * normalized text with a map from its offsets back to `text`.
 */
export function normalize(text: string, options: NormalizeOptions = {}): Normalized {
  const { single, expand } = tables(options.strength ?? 'display');
  const n = text.length;
  // Room for the output: the input length, grown before an expansion (ﷺ → 18 letters)
  // could leave too little for the rest of the input copied one to one.
  let cap = n + 16;
  let out = outputBuffer(cap);
  let map = new Int32Array(cap + 1);
  let o = 0;
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    const r = single[c]!;
    if (r === c) {
      out[o] = c;
      map[o++] = i;
      continue;
    }
    if (r >= 0) {
      out[o] = r;
      map[o++] = i;
      changed = true;
    } else if (r === DROP) {
      changed = true;
    } else if (r === QUOTE) {
      const prev = o > 0 ? out[o - 1] : 0;
      if (prev === 0x2018 || prev === 0x2019) {
        out[o - 1] = 0x22;
        changed = true;
      } else {
        out[o] = c;
        map[o++] = i;
      }
    } else {
      const units = expand.get(c)!;
      const need = o + units.length + (n - i) + 1;
      if (need > cap) {
        cap = Math.max(need + 64, cap * 2);
        const o2 = outputBuffer(cap, out, o);
        out = o2;
        const m2 = new Int32Array(cap + 1);
        m2.set(map.subarray(0, o));
        map = m2;
      }
      for (let k = 0; k < units.length; k++) {
        out[o] = units[k]!;
        map[o++] = i;
      }
      changed = true;
    }
  }
  map[o] = n;
  const result = changed ? unitsToString(out, o, isWellFormed(text)) : text;
  return new Normalized(result, text, map.subarray(0, o + 1));
}

/** Output units are decoded into a string at once, so one scratch buffer serves every call. */
let scratch = new Uint16Array(4096);
/** Texts longer than this get a buffer of their own (not kept after the call). */
const SCRATCH_MAX = 1 << 20;

/** A buffer of at least `size` units, holding the first `keep` units of `old` if given. */
function outputBuffer(size: number, old?: Uint16Array, keep = 0): Uint16Array {
  let buf: Uint16Array;
  if (size <= scratch.length) buf = scratch;
  else if (size <= SCRATCH_MAX) {
    scratch = new Uint16Array(Math.max(size, scratch.length * 2));
    buf = scratch;
  } else buf = new Uint16Array(size);
  if (old && old !== buf && keep > 0) buf.set(old.subarray(0, keep));
  return buf;
}

/**
 * The match form of a word or phrase (`normalize(text, {strength: 'match'}).text`), without
 * the offset map. Use it for every dictionary lookup and comparison.
 */
export function matchForm(text: string): string {
  return fold(text, 'match');
}

/** The display form of a string, without the offset map. */
export function displayForm(text: string): string {
  return fold(text, 'display');
}

function fold(text: string, strength: Strength): string {
  const { single } = tables(strength);
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (single[c] !== c) break;
    i++;
  }
  if (i === n) return text;
  if (n > 256) return normalize(text, { strength }).text;
  const { expand } = tables(strength);
  const units: number[] = [];
  for (let k = 0; k < i; k++) units.push(text.charCodeAt(k));
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const r = single[c]!;
    if (r >= 0) units.push(r);
    else if (r === QUOTE) {
      const prev = units.length > 0 ? units[units.length - 1] : 0;
      if (prev === 0x2018 || prev === 0x2019) units[units.length - 1] = 0x22;
      else units.push(c);
    } else if (r === EXPAND) for (const u of expand.get(c)!) units.push(u);
  }
  return String.fromCharCode(...units);
}
