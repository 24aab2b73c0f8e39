/**
 * The token view the entities stage works on: words and punctuation with offsets into the
 * original text, each word with its match form (src/text `matchForm`) and the clitic
 * readings used for gazetteer lookups («وإيران» → إيران, «للسعودية» → السعودية).
 */
import { matchForm } from '../../text/normalize.ts';

export interface Tok {
  /** Index in the token array. */
  i: number;
  start: number;
  end: number;
  text: string;
  /** Match form (no harakat, folded hamza/alef/teh marbuta). */
  key: string;
  /** Contains Arabic letters. */
  arabic: boolean;
  /** A single punctuation or symbol character. */
  punct: boolean;
  /** What is known about this surface form (shared by every token of the same text). */
  info: WordInfo;
}

/** Per surface form: computed once, shared by all its tokens. */
export interface WordInfo {
  key: string;
  arabic: boolean;
  punct: boolean;
  /** Clitic readings of `key` (see `readings`). */
  readings: Reading[];
  /** Cached answer of the entities stage's «can anything start here?» (undefined: not asked yet). */
  starts?: boolean | undefined;
  /** Cached answer of «does this word announce a name?» (`nameCue`; undefined: not asked yet). */
  cue?: boolean | undefined;
}

/** A clitic reading of a word: the remaining key, and how many letters were stripped. */
export interface Reading {
  key: string;
  /** Letters of the match form removed at the front (و ف ب ك ل, لل). */
  strip: number;
}

const WORD = /[\p{L}\p{M}\p{N}_\u0640\u200c\u200d]+|[^\s]/gu;
const ARABIC = /\p{Script=Arabic}/u;
const LETTER = /[\p{L}\p{N}]/u;

const keyCache = new Map<string, string>();

export function keyOf(word: string): string {
  let k = keyCache.get(word);
  if (k === undefined) {
    k = computeKey(word);
    if (keyCache.size > 200_000) keyCache.clear();
    keyCache.set(word, k);
  }
  return k;
}

function computeKey(word: string): string {
  return matchForm(word).replace(/\u0640/g, '');
}

const infoCache = new Map<string, WordInfo>();

function infoOf(t: string): WordInfo {
  let info = infoCache.get(t);
  if (info === undefined) {
    const punct = t.length === 1 && !LETTER.test(t);
    // Not through `keyOf`'s cache: `infoCache` keeps this key already (one Map entry a
    // distinct token fewer for the GC to mark; the key is the same).
    const key = punct ? t : (keyCache.get(t) ?? computeKey(t));
    const arabic = !punct && ARABIC.test(t);
    // Every field set here (the cached answers too), so all infos share one shape.
    info = {
      key,
      arabic,
      punct,
      readings: arabic ? readings(key) : [{ key, strip: 0 }],
      starts: undefined,
      cue: undefined,
    };
    if (infoCache.size > 200_000) infoCache.clear();
    infoCache.set(t, info);
  }
  return info;
}

export function tokenize(text: string): Tok[] {
  const out: Tok[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    const t = m[0];
    const info = infoOf(t);
    out.push({
      i: out.length,
      start: m.index,
      end: m.index + t.length,
      text: t,
      key: info.key,
      arabic: info.arabic,
      punct: info.punct,
      info,
    });
  }
  return out;
}

const MIN_REST = 3;

/**
 * The readings of an Arabic word's match form, unstripped first: conjunction و/ف, then
 * preposition ب/ك/ل, and لل (ل + ال with the alef dropped) read back as ال.
 */
const readingCache = new Map<string, Reading[]>();

export function readings(key: string): Reading[] {
  let r = readingCache.get(key);
  if (r === undefined) {
    r = computeReadings(key);
    if (readingCache.size > 200_000) readingCache.clear();
    readingCache.set(key, r);
  }
  return r;
}

function computeReadings(key: string): Reading[] {
  const out: Reading[] = [{ key, strip: 0 }];
  const bases: Reading[] = [{ key, strip: 0 }];
  const c0 = key.charAt(0);
  if ((c0 === 'و' || c0 === 'ف') && key.length - 1 >= MIN_REST) {
    const r = { key: key.slice(1), strip: 1 };
    out.push(r);
    bases.push(r);
  }
  for (const b of bases) {
    const c = b.key.charAt(0);
    if (b.key.startsWith('لل') && b.key.length - 2 >= MIN_REST - 1) {
      // The second ل is the article's: keep it in the span («لأمم المتحدة» of «للأمم المتحدة»).
      out.push({ key: `ال${b.key.slice(2)}`, strip: b.strip + 1 });
    }
    if ((c === 'ب' || c === 'ك' || c === 'ل') && b.key.length - 1 >= MIN_REST) {
      out.push({ key: b.key.slice(1), strip: b.strip + 1 });
    }
  }
  return out;
}

/** Offset in `surface` after its first `letters` letters (and the marks that follow them). */
export function surfaceOffset(surface: string, letters: number): number {
  let seen = 0;
  let i = 0;
  while (i < surface.length && seen < letters) {
    const ch = surface.charAt(i);
    if (!/[\p{M}\u0640]/u.test(ch)) seen++;
    i++;
  }
  while (i < surface.length && /[\p{M}\u0640]/u.test(surface.charAt(i))) i++;
  return i;
}
