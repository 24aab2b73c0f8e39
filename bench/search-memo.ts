/**
 * The store's `articleRows` with the search analyzer memoized per sentence, for the bulk
 * loaders' worker threads (bench/search-bulk-worker.ts, bench/search-pg-bulk-worker.ts): the
 * generated bench texts are recombined ANT sentences, so each sentence is analyzed once for
 * the whole build. The memo cuts a text at the places the generator joins sentences (after
 * . ! ؟ ? and a space, at line breaks) and concatenates the pieces' terms with their offsets
 * shifted; the analyzer gives no term across white space, so the terms are those of
 * `analyzeText`. That is checked, not assumed: `memoRows(doc, true)` also derives the rows
 * with the plain `articleRows` and throws when the two differ.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ProcessedArticle } from '../src/model.ts';
import { analyzeText, type Term } from '../src/search/analyze.ts';
import { type ArticleRows, articleRows } from '../src/store/rows.ts';

const MEMO_MAX = 600_000;
const memo = new Map<string, Term[]>();

function piece(out: Term[], text: string, off: number): void {
  if (!text) return;
  let terms = memo.get(text);
  if (!terms) {
    terms = analyzeText(text);
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(text, terms);
  }
  for (const t of terms) out.push({ ...t, start: t.start + off, end: t.end + off });
}

/** `analyzeText`, memoized per sentence (see the module comment). */
export function memoAnalyze(text: string): Term[] {
  const out: Term[] = [];
  const cut = /(?<=[.!؟?])\s+|\n+/gu;
  let at = 0;
  for (const m of text.matchAll(cut)) {
    piece(out, text.slice(at, m.index), at);
    at = m.index + m[0].length;
  }
  piece(out, text.slice(at), at);
  return out;
}

/** `articleRows(doc, memoAnalyze)`; with `check`, compared with the plain `articleRows` (throws if they differ). */
export function memoRows(doc: ProcessedArticle, check: boolean): ArticleRows {
  const r = articleRows(doc, memoAnalyze);
  if (check && !isDeepStrictEqual(r, articleRows(doc))) {
    throw new Error(`the memoized rows of ${doc.article.id} differ from articleRows`);
  }
  return r;
}
