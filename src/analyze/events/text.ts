/**
 * The events stage's view of the text: match-normalized word tokens with offsets, their
 * clitic-stripped candidate forms, and clause boundaries. Kept small and fast (the stage
 * must run ≥ 500 articles/s); the fold agrees with `matchForm` in src/text on Arabic text
 * (harakat dropped, أإآٱٲٳ→ا, ى/ئ→ي, ة/ۀ/ھ/ہ→ه, ؤ→و, Persian ی/ک, Arabic-Indic digits;
 * test/text/match-form-lists.test.ts checks it).
 */
import { LETTER_FOLD } from '../../text/letter-fold.ts';

const MARKS = /[\p{M}\u0640]/gu;
const FOLD: Record<string, string> = {
  ...LETTER_FOLD,
  ی: 'ي',
  ک: 'ك',
  // as matchForm does: the wavy-hamza alefs, and the heh variants typed for ه on some keyboards
  ٲ: 'ا',
  ٳ: 'ا',
  ھ: 'ه',
  ۀ: 'ه',
  ہ: 'ه',
};
const FOLD_RE = /[أإآٱىئةؤیک٠-٩۰-۹ٲٳھۀہ]/g;

/** Match-normalize a word or phrase. Idempotent. */
export function norm(s: string): string {
  return s.replace(MARKS, '').replace(FOLD_RE, (c) => {
    const f = FOLD[c];
    if (f) return f;
    const code = c.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

export interface Tok {
  /** Index in the sentence's token list. */
  i: number;
  start: number;
  end: number;
  raw: string;
  /** Match-normalized surface. */
  n: string;
  /** Candidate bare forms: the surface and clitic-stripped variants. */
  cands: string[];
  /** The proclitic preposition the word carries (ب, ل, ك), if any. */
  prep: string | undefined;
  /** True for punctuation. */
  punct: boolean;
  /** Clause number within the sentence. */
  clause: number;
  /** Word begins with the future prefix س (سيستقبل، ستنشر). */
  future: boolean;
  /** The analysis shared by every occurrence of the word (words.ts keeps its word classes here). */
  w: WordInfo;
}

const SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه'];

function addStripped(out: Set<string>, w: string, marbuta = false): void {
  if (w.length < 2) return;
  out.add(w);
  for (const s of SUFFIXES) {
    if (marbuta && s === 'ه') continue;
    if (w.length - s.length >= 2 && w.endsWith(s)) {
      const stem = w.slice(0, -s.length);
      out.add(stem);
      // a feminine noun's ة is written ت before a pronoun: «زيارته» → «زياره», «مطالبتها» → «مطالبه»
      if (stem.length >= 4 && stem.endsWith('ت') && !stem.endsWith('ات')) out.add(`${stem.slice(0, -1)}ه`);
    }
  }
  // accusative tanween written as alef: هجوما → هجوم, اتصالا → اتصال
  if (w.length >= 4 && w.endsWith('ا')) out.add(w.slice(0, -1));
}

/** Clitic-stripped candidate forms of a normalized word, most literal first. */
export function candidates(n: string, marbuta = false): { cands: string[]; prep?: string; future: boolean } {
  const out = new Set<string>();
  let prep: string | undefined;
  let future = false;
  addStripped(out, n, marbuta);
  const bases: string[] = [n];
  if ((n.startsWith('و') || n.startsWith('ف')) && n.length > 3) bases.push(n.slice(1));
  for (const b of [...bases]) {
    if (b.startsWith('لل') && b.length > 3) {
      bases.push(`ال${b.slice(2)}`);
      // «للقاء», «لليبيا»: لـ before a word that starts with ل is written the same way
      bases.push(b.slice(1));
      prep ??= 'ل';
    } else if ((b.startsWith('ب') || b.startsWith('ل') || b.startsWith('ك')) && b.length > 3) {
      bases.push(b.slice(1));
      prep ??= b[0];
    }
  }
  for (const b of [...bases]) {
    if (b.startsWith('ال') && b.length > 3) bases.push(b.slice(2));
    if (b.startsWith('س') && b.length > 3 && 'يتنا'.includes(b[1]!)) {
      bases.push(b.slice(1));
      future = true;
    }
  }
  for (const b of bases) addStripped(out, b, marbuta);
  return { cands: [...out], ...(prep ? { prep } : {}), future };
}

/** What is known of a written word, whatever sentence it is in (cached per surface form). */
export interface WordInfo {
  n: string;
  cands: string[];
  prep: string | undefined;
  future: boolean;
  clauseWord: boolean;
  /** Word classes as bits, filled in by words.ts on first use (−1 until then). */
  bits: number;
  /** The trigger forms the word starts (words.ts). */
  triggerForms: import('./words.ts').TriggerForm[] | undefined;
  /** The actor forms the word starts (words.ts). */
  actorForms: import('./words.ts').ActorForm[] | undefined;
  /** The context the word names (words.ts). */
  context: string | undefined;
  /** The places of places.tsv the word's candidate forms start, in candidate order (places.ts). */
  places: unknown[][] | undefined;
  /** Word tests (words.ts `wordTest`) answered so far, one bit each, and those that held. */
  tested: number;
  held: number;
  /** The surface form (the cache's key). */
  raw: string;
}

function newWordInfo(raw: string): WordInfo {
  const n = norm(raw);
  const bare = n.startsWith('و') && n.length > 3 ? n.slice(1) : n;
  const c = candidates(n, raw.endsWith('ة'));
  return {
    n,
    cands: c.cands,
    prep: c.prep,
    future: c.future,
    clauseWord: CLAUSE_WORDS.has(bare) || CLAUSE_WORDS.has(n),
    bits: -1,
    triggerForms: undefined,
    actorForms: undefined,
    context: undefined,
    places: undefined,
    tested: 0,
    held: 0,
    raw,
  };
}

/**
 * Words repeat across articles: their analysis is cached (bounded), in an open-addressing table
 * keyed by a hash the tokenizer computes while it scans the word. A hit compares the text in
 * place with the cached surface form: no string is cut out of the text and hashed again, and a
 * probe reads one typed array before it touches a word (a Map of freshly sliced strings was
 * 12–14 % of the stage's CPU on ANT articles, most of it cache misses in the Map).
 */
const WORD_CACHE_MAX = 200_000;
/**
 * Open addressing, linear probes: slot s holds the word's hash (31 bits) at 2s and its analysis at
 * 2s + 1, side by side, so a probe touches one place before the word itself. The table doubles
 * when half full: it stays small (and in cache) while few words are known.
 */
let table: Array<number | WordInfo | undefined> = [];
let mask = 0;
let count = 0;
/** An empty table of 4,096 slots: at the start, and when the cache reaches its bound. */
function resetTable(): void {
  table = new Array(2 * 4096).fill(undefined);
  mask = 4096 - 1;
  count = 0;
}
resetTable();

/** The cached analysis of `text[i, j)` whose hash (`hashStep` over its code units) is `h`. */
function wordAt(text: string, i: number, j: number, h: number): WordInfo {
  const len = j - i;
  const key = h & 0x3fffffff;
  let s = key & mask;
  for (;;) {
    const w = table[2 * s + 1] as WordInfo | undefined;
    if (w === undefined) break;
    if (table[2 * s] === key) {
      const raw = w.raw;
      if (raw.length === len) {
        let q = 0;
        while (q < len && raw.charCodeAt(q) === text.charCodeAt(i + q)) q++;
        if (q === len) return w;
      }
    }
    s = (s + 1) & mask;
  }
  const w = newWordInfo(text.slice(i, j));
  if (count >= WORD_CACHE_MAX) resetTable();
  else if (2 * (count + 1) > mask + 1) grow();
  put(key, w);
  count++;
  return w;
}

function put(key: number, w: WordInfo): void {
  let s = key & mask;
  while (table[2 * s + 1] !== undefined) s = (s + 1) & mask;
  table[2 * s] = key;
  table[2 * s + 1] = w;
}

function grow(): void {
  const old = table;
  table = new Array(2 * 2 * (mask + 1)).fill(undefined);
  mask = 2 * (mask + 1) - 1;
  for (let s = 0; s < old.length; s += 2)
    if (old[s + 1] !== undefined) put(old[s] as number, old[s + 1] as WordInfo);
}

/** FNV-1a, one UTF-16 code unit at a time. */
const hashStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const HASH_SEED = 0x811c9dc5 | 0;

const CLAUSE_PUNCT = new Set([
  '،',
  ',',
  '؛',
  ';',
  ':',
  '.',
  '!',
  '?',
  '؟',
  '«',
  '»',
  '"',
  '(',
  ')',
  '-',
  '–',
  '—',
]);
const CLAUSE_WORDS = new Set(['فيما', 'بينما', 'حين', 'كما', 'لكن', 'غير', 'بيد', 'رغم']);

const OTHER_WORD = /[\p{L}\p{M}\p{N}]/u;

/** Word character: Arabic letters, marks and digits by range, ASCII alphanumerics, else \p{L}\p{M}\p{N}. */
function isWordChar(c: number, ch: string): boolean {
  if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
  if (c >= 0x0621 && c <= 0x065f) return c !== 0x061f;
  if ((c >= 0x0660 && c <= 0x0669) || (c >= 0x0670 && c <= 0x06d3) || (c >= 0x06f0 && c <= 0x06f9))
    return true;
  if (c === 0x060c || c === 0x061b || c === 0x061f || c === 0x066a || c === 0x066b || c === 0x066c)
    return false;
  if (c === 0x0020 || c === 0x00a0 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029)
    return false;
  return OTHER_WORD.test(ch);
}

const isSpace = (c: number) =>
  c === 0x20 ||
  (c >= 0x09 && c <= 0x0d) ||
  c === 0xa0 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x3000 ||
  c === 0xfeff;

const NONE: string[] = [];
/** Punctuation marks share one analysis: no candidate forms, no word classes. */
const PUNCT: WordInfo = {
  n: '',
  cands: NONE,
  prep: undefined,
  future: false,
  clauseWord: false,
  bits: 0,
  triggerForms: [],
  actorForms: [],
  context: undefined,
  places: [],
  tested: 0,
  held: 0,
  raw: '',
};

/** Tokens of `text[start, end)` with offsets into the whole text. */
export function tokenizeSpan(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  let clause = 0;
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    // «أوبك+»: a plus sign closing a name (right after a letter) is part of it, no punctuation
    // between the name and what follows
    if (c === 0x2b && i > start && isWordChar(text.charCodeAt(i - 1), text[i - 1]!)) {
      i++;
      continue;
    }
    if (!isWordChar(c, text[i]!)) {
      // one punctuation mark (a surrogate pair stays whole)
      const len = c >= 0xd800 && c <= 0xdbff && i + 1 < end ? 2 : 1;
      const raw = text.slice(i, i + len);
      if (len === 2 && OTHER_WORD.test(raw)) {
        // an astral letter: fall through as a word below
      } else {
        if (CLAUSE_PUNCT.has(raw)) clause++;
        out.push({
          i: out.length,
          start: i,
          end: i + len,
          raw,
          n: raw,
          cands: NONE,
          prep: undefined,
          punct: true,
          clause,
          future: false,
          w: PUNCT,
        });
        i += len;
        continue;
      }
    }
    let j = i + 1;
    let h = hashStep(HASH_SEED, c);
    while (j < end) {
      const d = text.charCodeAt(j);
      if (isSpace(d) || !isWordChar(d, text[j]!)) break;
      h = hashStep(h, d);
      j++;
    }
    const w = wordAt(text, i, j, h);
    if (w.clauseWord) clause++;
    out.push({
      i: out.length,
      start: i,
      end: j,
      raw: w.raw,
      n: w.n,
      cands: w.cands,
      prep: w.prep,
      punct: false,
      clause,
      future: w.future,
      w,
    });
    i = j;
  }
  // «غير أن …» ("however") opens a clause; «المحادثات غير المباشرة بين …», «غير مبرر» do not
  for (const t of out) {
    if (t.punct || !t.w.clauseWord || (t.n !== 'غير' && t.n !== 'وغير')) continue;
    if (/^(?:ان|انه|انها|انهم)$/.test(out[t.i + 1]?.n ?? '')) continue;
    for (let q = t.i; q < out.length; q++) out[q]!.clause--;
  }
  return out;
}

export interface SentenceSpan {
  start: number;
  end: number;
}

/** Sentence spans: split at . ! ? ؟ and line breaks (key points are one a line). */
export function sentenceSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const re = /[^.!?؟\n]+[.!?؟]*/g;
  for (const m of text.matchAll(re)) {
    const s = m[0];
    if (!/[\p{L}]/u.test(s)) continue;
    const lead = s.length - s.trimStart().length;
    out.push({ start: m.index + lead, end: m.index + s.trimEnd().length });
  }
  return out;
}

/** True when token `t` has form `f` among its candidates. */
export function has(t: Tok | undefined, f: string): boolean {
  return t !== undefined && !t.punct && t.cands.includes(f);
}
