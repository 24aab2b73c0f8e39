/**
 * stem(word): the Snowball Arabic stem, for search only (never stem names for display or
 * for entity lookups — use `matchForm` and `analyzeClitics` there).
 *
 * Uses the `snowball-stemmers` package (a JavaScript port of Snowball). Its Arabic stemmer
 * was generated from an older `arabic.sbl` whose `Normalize_pre` deleted punctuation
 * (! " % * , . / : ; ? \ ، ؛ ؟ ٪ ٫ ٬). Snowball 2.1+ (libstemmer 2.2.0, which PostgreSQL and
 * `data/stemmer/snowball-arabic.tsv` use) keeps them as ordinary characters; that changes
 * both the output and the length conditions («فلسطين؛» → «لسطين؛»). We make the package
 * agree by swapping those characters for private-use placeholders that no rule of the
 * stemmer matches, stemming, and swapping them back: 104,504 of 104,504 pairs agree (see
 * test/text/stem.test.ts).
 */
import { createRequire } from 'node:module';

interface SnowballModule {
  newStemmer(language: string): { stem(word: string): string };
}

const require = createRequire(import.meta.url);

/** Characters the old generated stemmer deletes and libstemmer 2.2.0 keeps. */
const PROTECTED = '!"%*,./:;?\\\u060C\u061B\u061F\u066A\u066B\u066C';
const PLACEHOLDER_BASE = 0xe000;
const protectIndex = new Int16Array(0x10000).fill(-1);
for (let k = 0; k < PROTECTED.length; k++) protectIndex[PROTECTED.charCodeAt(k)] = k;

function swap(word: string, toPlaceholder: boolean): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    let r = -1;
    if (toPlaceholder) {
      const k = protectIndex[c]!;
      if (k >= 0) r = PLACEHOLDER_BASE + k;
    } else if (c >= PLACEHOLDER_BASE && c < PLACEHOLDER_BASE + PROTECTED.length) {
      r = PROTECTED.charCodeAt(c - PLACEHOLDER_BASE);
    }
    if (r >= 0) {
      out += word.slice(last, i) + String.fromCharCode(r);
      last = i + 1;
    }
  }
  return last === 0 ? word : out + word.slice(last);
}

/** Whether `word` has a protected character (and no private-use character that would clash). */
function needsProtection(word: string): boolean {
  let found = false;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (protectIndex[c]! >= 0) found = true;
    else if (c >= PLACEHOLDER_BASE && c < PLACEHOLDER_BASE + PROTECTED.length) return false;
  }
  return found;
}

export interface StemmerOptions {
  /** Most words kept in the cache (oldest evicted first). Default 100,000; 0 disables it. */
  cacheSize?: number;
}

export interface Stemmer {
  stem(word: string): string;
  /** Words currently cached. */
  readonly cached: number;
}

/** A Snowball Arabic stemmer with its own bounded cache. */
export function createStemmer(options: StemmerOptions = {}): Stemmer {
  const limit = options.cacheSize ?? 100_000;
  const snowball = (require('snowball-stemmers') as SnowballModule).newStemmer('arabic');
  const raw = (word: string): string => {
    if (!needsProtection(word)) return snowball.stem(word);
    return swap(snowball.stem(swap(word, true)), false);
  };
  if (limit <= 0) return { stem: raw, cached: 0 };
  const cache = new Map<string, string>();
  return {
    stem(word: string): string {
      const hit = cache.get(word);
      if (hit !== undefined) return hit;
      const s = raw(word);
      if (cache.size >= limit) cache.delete(cache.keys().next().value!);
      cache.set(word, s);
      return s;
    },
    get cached() {
      return cache.size;
    },
  };
}

let shared: Stemmer | undefined;

/** The Snowball Arabic stem of `word` (libstemmer 2.2.0 behaviour), through a shared cache. */
export function stem(word: string): string {
  shared ??= createStemmer();
  return shared.stem(word);
}
