/**
 * The events stage's view of the text: match-normalized word tokens with offsets, their
 * clitic-stripped candidate forms, and clause boundaries. Kept small and fast (the stage
 * must run ≥ 500 articles/s); the fold agrees with `matchForm` in src/text (harakat
 * dropped, أإآٱ→ا, ى/ئ→ي, ة→ه, ؤ→و, Persian ی/ک, Arabic-Indic digits).
 */

const MARKS = /[\p{M}\u0640]/gu;
const FOLD: Record<string, string> = {
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
  ٱ: 'ا',
  ى: 'ي',
  ئ: 'ي',
  ة: 'ه',
  ؤ: 'و',
  ی: 'ي',
  ک: 'ك',
};
const FOLD_RE = /[أإآٱىئةؤیک٠-٩۰-۹]/g;

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
  prep?: string;
  /** True for punctuation. */
  punct: boolean;
  /** Clause number within the sentence. */
  clause: number;
  /** Word begins with the future prefix س (سيستقبل، ستنشر). */
  future: boolean;
}

const SUFFIXES = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'نا', 'ه'];

function addStripped(out: Set<string>, w: string, marbuta = false): void {
  if (w.length < 2) return;
  out.add(w);
  for (const s of SUFFIXES) {
    if (marbuta && s === 'ه') continue;
    if (w.length - s.length >= 2 && w.endsWith(s)) out.add(w.slice(0, -s.length));
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

const WORD_RE = /[\p{L}\p{M}\p{N}]+|[^\s\p{L}\p{M}\p{N}]/gu;
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

/** Tokens of `text[start, end)` with offsets into the whole text. */
export function tokenizeSpan(text: string, start: number, end: number): Tok[] {
  const out: Tok[] = [];
  const slice = text.slice(start, end);
  let clause = 0;
  for (const m of slice.matchAll(WORD_RE)) {
    const raw = m[0];
    const s = start + m.index;
    const isWord = /[\p{L}\p{N}]/u.test(raw);
    if (!isWord) {
      if (CLAUSE_PUNCT.has(raw)) clause++;
      out.push({
        i: out.length,
        start: s,
        end: s + raw.length,
        raw,
        n: raw,
        cands: [],
        punct: true,
        clause,
        future: false,
      });
      continue;
    }
    const n = norm(raw);
    const bare = n.startsWith('و') && n.length > 3 ? n.slice(1) : n;
    if (CLAUSE_WORDS.has(bare) || CLAUSE_WORDS.has(n)) clause++;
    const c = candidates(n, raw.endsWith('ة'));
    out.push({
      i: out.length,
      start: s,
      end: s + raw.length,
      raw,
      n,
      cands: c.cands,
      ...(c.prep ? { prep: c.prep } : {}),
      punct: false,
      clause,
      future: c.future,
    });
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
