/**
 * Language identification. Pure.
 *
 * Arabic-script text is decided here, not by a general detector: Persian, Urdu and Sorani
 * Kurdish each have letters Arabic does not use (Persian پ چ ژ گ; Urdu ٹ ڈ ڑ ں ے; Kurdish
 * ێ ۆ ڕ ڵ ە), and Arabic has signs they rarely use (ة, ى, the article ال). Iranian outlets
 * write Arabic with the Persian forms ی and ک, so those two letters say nothing; a few پ/گ in
 * names, or a Kurdish name, say little. So fa/ur/ku win only when their letters are frequent
 * AND Arabic signs are rarer — or, for a
 * Persian text without پچژگ, when Arabic's signs are all but absent from a long text
 * written with ی/ک or the zero-width non-joiner. Other scripts
 * go to `eld` (n-gram detector).
 */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Eld = typeof import('eld/small')['eld'];
type CreateEld = () => { instance: Eld; loadData: (data: unknown) => string };

/**
 * `eld`'s n-gram tables, imported as eld's own JS module (`eld/small`), cost ~43 MB of heap and
 * ~145 MB of resident memory: V8 compiles a 1.6 MB object literal. The same tables read from
 * `data/eld/small.json` (written from eld by `scripts/build-eld-data.ts`) with `JSON.parse` cost
 * ~24 MB of heap and ~45 MB resident (bench/RESULTS.md, "ingest"). They are loaded the first time
 * a text not written in Arabic script is met. eld's detector is built from its
 * `languageDetector.js` (not in its export map, so imported by file path; a few kB). If the JSON
 * is absent or was written from another eld version, `eld/small` is loaded as before.
 */
const eldEntry = fileURLToPath(import.meta.resolve('eld/small'));
const eldSrc = join(dirname(eldEntry), '..');
const ELD_JSON = new URL('../../data/eld/small.json', import.meta.url);
const eldVersion = (createRequire(import.meta.url)(join(eldSrc, '..', 'package.json')) as { version: string })
  .version;
const { createEld } = (await import(pathToFileURL(join(eldSrc, 'languageDetector.js')).href)) as {
  createEld: CreateEld;
};
const canRequireModule = (process.features as { require_module?: boolean }).require_module === true;
/** A Node.js that cannot `require` an ES module and has no usable JSON: loaded now, as before. */
const fallback: Eld | undefined =
  canRequireModule || jsonUsable() ? undefined : (await import('eld/small')).eld;
let eldModel: Eld | undefined = fallback;
/** Where the loaded tables came from (tests). */
let eldSource: 'json' | 'module' | undefined = fallback ? 'module' : undefined;

type EldJson = { eldVersion?: string; ngramsData?: { type?: string } };
/** The JSON tables, if present and written from the installed eld version. */
function readJson(): EldJson | undefined {
  if (!existsSync(ELD_JSON)) return undefined;
  const data = JSON.parse(readFileSync(ELD_JSON, 'utf8')) as EldJson;
  return data.eldVersion === eldVersion ? data : undefined;
}
function jsonUsable(): boolean {
  if (!existsSync(ELD_JSON)) return false;
  // The version is at the start of the file: no need to parse 1.9 MB to check it.
  const fd = openSync(ELD_JSON, 'r');
  try {
    const head = Buffer.alloc(64);
    const n = readSync(fd, head, 0, 64, 0);
    return head.toString('utf8', 0, n).startsWith(`{"eldVersion":${JSON.stringify(eldVersion)},`);
  } finally {
    closeSync(fd);
  }
}

function eld(): Eld {
  if (eldModel) return eldModel;
  const data = readJson();
  if (data?.ngramsData) {
    const { instance, loadData } = createEld();
    if (loadData(data.ngramsData)) {
      eldModel = instance;
      eldSource = 'json';
      return instance;
    }
  }
  eldModel = fallback ?? (createRequire(import.meta.url)(eldEntry) as { eld: Eld }).eld;
  eldSource = 'module';
  return eldModel;
}

/** Where the n-gram tables were loaded from, `undefined` before they are (tests). */
export function languageModelSource(): 'json' | 'module' | undefined {
  return eldSource;
}

/** True once the n-gram detector is loaded (tests: an Arabic text does not load it). */
export function languageModelLoaded(): boolean {
  return eldModel !== undefined;
}

export interface LanguageGuess {
  /** ISO 639-1 (`ar`, `fa`, `ur`, `ku` (Kurdish: Sorani, in Arabic script), `en`, `fr`, …) or `und` when there is too little text. */
  language: string;
  /** In [0, 1]. */
  confidence: number;
}

const PERSIAN_ONLY = /[پچژگ]/u;
const URDU_ONLY = /[ٹڈڑںے]/u;
/**
 * Sorani Kurdish's own letters: ێ ۆ ڕ ڵ and the vowel ە (≈ 8 % of its letters). Not ڤ: Arabic
 * writes it for «v» in names (16 of ANT's 10,161 articles have it), and Kurdish has these anyway.
 */
const KURDISH_ONLY = /[\u06CE\u06C6\u0695\u06B5\u06D5]/u;
/** Persian yeh and kaf, and the zero-width non-joiner Persian writes inside words. */
const PERSIAN_FORMS = /[\u06CC\u06A9\u200C]/u;
const ARABIC_LETTER = /(?=\p{Script=Arabic})\p{L}/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;

// One class per UTF-16 code unit (astral letters are tested one by one): the five counts
// below in a single pass, without a regex match object per letter.
const C_LETTER = 1;
const C_ARABIC = 2;
const C_PERSIAN = 4;
const C_URDU = 8;
const C_KURDISH = 64;
/** ة or ى: an Arabic sign. */
const C_SIGN = 16;
/** A letter or mark: «ال» after one is not the article. */
const C_WORD = 32;
/** Classes of code units seen so far (filled lazily: 255 = not yet classified). */
const classes = new Uint8Array(0x10000).fill(255);
function classOf(ch: string): number {
  let k = 0;
  if (LETTER.test(ch)) k |= C_LETTER | C_WORD;
  else if (MARK.test(ch)) k |= C_WORD;
  if (ARABIC_LETTER.test(ch)) k |= C_ARABIC;
  if (PERSIAN_ONLY.test(ch)) k |= C_PERSIAN;
  if (URDU_ONLY.test(ch)) k |= C_URDU;
  if (KURDISH_ONLY.test(ch)) k |= C_KURDISH;
  if (ch === 'ة' || ch === 'ى') k |= C_SIGN;
  return k;
}

interface Counts {
  letters: number;
  arabic: number;
  persian: number;
  urdu: number;
  kurdish: number;
  /** ة, ى and the article «ال» at the start of a word. */
  signs: number;
}

/** Counts per code point (what `/\p{L}/gu` and friends count, in one pass). */
export function letterCounts(text: string): Counts {
  const n = { letters: 0, arabic: 0, persian: 0, urdu: 0, kurdish: 0, signs: 0 };
  let prevWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let k: number;
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        const ch = text.slice(i, i + 2);
        i++;
        k = classOf(ch);
      } else k = 0;
    } else {
      k = classes[c]!;
      if (k === 255) k = classes[c] = classOf(text[i]!);
    }
    if (k & C_LETTER) n.letters++;
    if (k & C_ARABIC) n.arabic++;
    if (k & C_PERSIAN) n.persian++;
    if (k & C_URDU) n.urdu++;
    if (k & C_KURDISH) n.kurdish++;
    if (k & C_SIGN) n.signs++;
    else if (c === 0x0627 && !prevWord && text.charCodeAt(i + 1) === 0x0644) {
      // «ال» not after a letter or mark; the لام is consumed with it.
      n.signs++;
      n.letters++;
      n.arabic++;
      i++;
      prevWord = true;
      continue;
    }
    prevWord = (k & C_WORD) !== 0;
  }
  return n;
}

/** Guess the language of `text` (the first 20,000 characters are enough). */
export function detectLanguage(text: string): LanguageGuess {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  const counts = letterCounts(sample);
  const letters = counts.letters;
  if (letters < 3) return { language: 'und', confidence: 0 };
  const arabicScript = counts.arabic;
  if (arabicScript / letters >= 0.5) {
    const fa = counts.persian / arabicScript;
    const ur = counts.urdu / arabicScript;
    const ku = counts.kurdish / arabicScript;
    const ar = counts.signs / arabicScript;
    const share = arabicScript / letters;
    // Typical rates per letter: Arabic ة+ى+ال ≈ 0.05–0.09; Persian پچژگ ≈ 0.01–0.03; Urdu ٹڈڑںے ≈ 0.03–0.06;
    // Sorani Kurdish ێۆڕڵە ≈ 0.1–0.15 (and پچژگ too: it is asked first). A Kurdish name or slogan
    // quoted in Arabic («لافتة كتب عليها «بەخێربێن بۆ بەغدا»»: 0.05 against 0.07 signs) has
    // not twice as many of them as the Arabic around it has signs.
    if (ku >= 0.03 && ku > 2 * ar)
      return { language: 'ku', confidence: round(share * Math.min(1, ku / 0.05)) };
    if (ur >= 0.01 && ur > ar / 2)
      return { language: 'ur', confidence: round(share * Math.min(1, ur / 0.03)) };
    if (fa >= 0.006 && fa > ar / 3)
      return { language: 'fa', confidence: round(share * Math.min(1, fa / 0.015)) };
    // Persian without پچژگ («وزارت بهداشت امروز اعلام کرد که …»): a text of 60 letters or more
    // with almost none of Arabic's signs — at least 0.033 a letter in each of ANT's 10,138
    // articles that long — written with Persian ی/ک or the zero-width non-joiner (می‌کند).
    if (arabicScript >= 60 && ar < 0.01 && PERSIAN_FORMS.test(sample))
      return { language: 'fa', confidence: round(share * 0.6) };
    if (letters < 12) return { language: 'ar', confidence: round(share * 0.5) };
    return { language: 'ar', confidence: round(share * Math.min(1, 0.5 + ar * 10)) };
  }
  const r = eld().detect(sample);
  if (!r.language) return { language: 'und', confidence: 0 };
  const scores = r.getScores();
  const top = scores[r.language] ?? 0;
  return {
    language: r.language,
    confidence: round(r.isReliable() ? Math.max(0.5, top) : Math.min(0.49, top)),
  };
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language' });
/** «Kurdish (ku)» for a reason a user reads; the bare code when it has no English name. */
export function languageName(code: string): string {
  let name: string | undefined;
  try {
    name = displayNames.of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code && code !== 'und' ? `${name} (${code})` : code;
}

function round(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100;
}
