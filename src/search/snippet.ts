/**
 * Snippets: the window of the article with the most query words, cut at word boundaries,
 * with highlight spans (offsets into the snippet). Computed from the article text with the
 * same analyzer, so SQLite and PostgreSQL give the same snippet.
 *
 * Only words that can match are analyzed in full: a word whose match form holds neither a
 * query word's bare form nor its stem (ء standing for the و/ي seat the form has) cannot
 * match it, and stems and bare forms are pieces of the form they come from.
 */
import { analyzeWord, matchWord, type Term, words } from './analyze.ts';
import type { HighlightTerm } from './compile.ts';

export interface Snippet {
  snippet: string;
  highlights: Array<readonly [number, number]>;
}

const isArabic = (s: string) => /\p{Script=Arabic}/u.test(s);

function hits(t: Term, q: readonly HighlightTerm[]): boolean {
  for (const h of q) {
    if (h.prefix) {
      if (t.form.startsWith(h.form) || t.bare.startsWith(h.bare)) return true;
    } else if (t.form === h.form || t.bare === h.bare || (t.script === 'arabic' && t.stem === h.stem))
      return true;
    // A Latin query word matches Arabic words by their latin key.
    else if (h.latin.length >= 2 && t.script === 'arabic' && !isArabic(h.form) && t.latin === h.latin)
      return true;
    // A loanword in another spelling («غوغل» for «جوجل»).
    else if (h.loan && t.loan === h.loan) return true;
  }
  return false;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/** A cheap test on a word's match form: false means it cannot match any query word. */
function prefilter(q: readonly HighlightTerm[]): (form: string) => boolean {
  if (q.some((h) => h.latin.length >= 2 && !isArabic(h.form))) return () => true;
  const parts = new Set<string>();
  for (const h of q) {
    parts.add(escapeRegExp(h.bare));
    parts.add(escapeRegExp(h.form));
    if (!h.prefix) parts.add(escapeRegExp(h.stem).replace(/ء/gu, '[ءوياأإ]'));
    if (h.loan) parts.add(loanPattern(h.bare));
  }
  const re = new RegExp([...parts].filter(Boolean).join('|'), 'u');
  return (form) => re.test(form);
}

/** The letters analyze.ts `loanKey` folds together, as regular-expression classes. */
const LOAN_CLASSES = ['جچغقكگ', 'فڤ', 'بپ', 'زژ'];

/** A pattern for the other spellings of a loanword's bare form. */
function loanPattern(bare: string): string {
  return [...bare]
    .map((ch) => {
      const cls = LOAN_CLASSES.find((c) => c.includes(ch));
      return cls ? `[${cls}]` : escapeRegExp(ch);
    })
    .join('');
}

const MAX_WORDS = 3000;

export function makeSnippet(
  text: string,
  q: readonly HighlightTerm[],
  opts: { words?: number } = {},
): Snippet {
  const width = opts.words ?? 28;
  const ws = words(text).slice(0, MAX_WORDS);
  if (ws.length === 0) return { snippet: text.slice(0, 200), highlights: [] };
  const may = q.length ? prefilter(q) : () => false;
  const marked = ws.map((w) => {
    if (!q.length || !may(matchWord(w.word))) return false;
    const t = analyzeWord(w.word, w.start);
    return t ? hits(t, q) : false;
  });
  // Best window: most hits, earliest on ties.
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < ws.length; i++) {
    if (marked[i]) count++;
    if (i >= width && marked[i - width]) count--;
    const start = Math.max(0, i - width + 1);
    if (count > bestCount) {
      bestCount = count;
      best = start;
    }
  }
  // Start a few words before the first hit of the window, for context.
  const firstHit = marked.indexOf(true, best);
  if (firstHit >= 0 && firstHit - best > 4) best = Math.max(0, firstHit - 4);
  const last = Math.min(ws.length - 1, best + width - 1);
  let from = best === 0 ? 0 : ws[best]!.start;
  // Begin at the start of the line holding the first word when it is close.
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  if (from - lineStart < 30) from = lineStart;
  const lastWord = ws[last]!;
  const to =
    last === ws.length - 1 && ws.length < MAX_WORDS ? text.length : lastWord.start + lastWord.word.length;
  const body = text.slice(from, to).trim().replace(/\s+/gu, ' ');
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  // Whitespace runs were collapsed: find each word again in the snippet, in order.
  const highlights: Array<readonly [number, number]> = [];
  let cursor = 0;
  for (let i = best; i <= last; i++) {
    const w = ws[i]!;
    const at = body.indexOf(w.word, cursor);
    if (at < 0) continue;
    cursor = at + w.word.length;
    if (marked[i]) highlights.push([prefix.length + at, prefix.length + at + w.word.length]);
  }
  return { snippet: prefix + body + suffix, highlights };
}
