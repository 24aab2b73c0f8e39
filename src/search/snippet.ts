/**
 * Snippets: the window of the article with the most query words, cut at word boundaries,
 * with highlight spans (offsets into the snippet). Computed from the article text with the
 * same analyzer, so SQLite and PostgreSQL give the same snippet.
 */
import { analyzeText, type Term } from './analyze.ts';
import type { HighlightTerm } from './compile.ts';

export interface Snippet {
  snippet: string;
  highlights: Array<readonly [number, number]>;
}

function hits(t: Term, q: readonly HighlightTerm[]): boolean {
  for (const h of q) {
    if (h.prefix) {
      if (t.form.startsWith(h.form) || t.bare.startsWith(h.bare)) return true;
    } else if (t.form === h.form || t.bare === h.bare || (t.script === 'arabic' && t.stem === h.stem))
      return true;
    else if (h.latin.length >= 2 && t.latin === h.latin && t.script !== h2script(h)) return true;
  }
  return false;
}

// A Latin query word matches Arabic words by key (and Latin words by form, above).
function h2script(h: HighlightTerm): 'arabic' | 'latin' {
  return /\p{Script=Arabic}/u.test(h.form) ? 'arabic' : 'latin';
}

export function makeSnippet(
  text: string,
  q: readonly HighlightTerm[],
  opts: { words?: number } = {},
): Snippet {
  const width = opts.words ?? 28;
  const terms = analyzeText(text);
  if (terms.length === 0) return { snippet: text.slice(0, 200), highlights: [] };
  const marked = q.length ? terms.map((t) => hits(t, q)) : terms.map(() => false);
  // Best window: most hits, earliest on ties.
  let best = 0;
  let bestCount = -1;
  let count = 0;
  for (let i = 0; i < terms.length; i++) {
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
  const last = Math.min(terms.length - 1, best + width - 1);
  let from = best === 0 ? 0 : terms[best]!.start;
  // Begin at the start of the line holding the first word when it is close.
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  if (from - lineStart < 30) from = lineStart;
  const to = last === terms.length - 1 ? text.length : terms[last]!.end;
  const raw = text.slice(from, to);
  const body = raw.trim().replace(/\s+/gu, ' ');
  const prefix = from > 0 ? '… ' : '';
  const suffix = to < text.length ? ' …' : '';
  // Map offsets: whitespace runs were collapsed, so rebuild spans by walking the terms.
  const highlights: Array<readonly [number, number]> = [];
  let cursor = 0;
  for (let i = best; i <= last; i++) {
    const t = terms[i]!;
    const word = text.slice(t.start, t.end);
    const at = body.indexOf(word, cursor);
    if (at < 0) continue;
    cursor = at + word.length;
    if (marked[i]) highlights.push([prefix.length + at, prefix.length + at + word.length]);
  }
  return { snippet: prefix + body + suffix, highlights };
}
