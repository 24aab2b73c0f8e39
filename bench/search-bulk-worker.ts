/**
 * Worker thread for bench/search-bulk.ts: makes benchmark documents i ∈ [from, to)
 * (bench/search-corpus.ts `corpusDoc`) and derives the rows the store writes for each with
 * the store's own `articleRows`, given an analyzer memoized per sentence: the generated
 * texts are recombined ANT sentences, so each sentence is analyzed once for the whole build.
 * The memo cuts a text at the places the generator joins sentences (after . ! ؟ ? and a
 * space, at line breaks) and concatenates the pieces' terms with their offsets shifted; the
 * analyzer gives no term across white space, so the terms are those of `analyzeText`. That
 * is checked, not assumed: every `check`-th document is also derived with the plain
 * `articleRows` and the two must be equal (JSON), else the build stops.
 */
import { isDeepStrictEqual } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { analyzeText, type Term } from '../src/search/analyze.ts';
import { type ArticleRows, articleRows } from '../src/store/rows.ts';
import { corpusDoc, loadAnt, sentencePools } from './search-corpus.ts';

const ant = loadAnt();
const pools = sentencePools(ant);
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

parentPort?.on('message', (m: { from: number; to: number; check: number }) => {
  const rows: ArticleRows[] = [];
  for (let i = m.from; i < m.to; i++) {
    const doc = corpusDoc(ant, i, pools);
    const r = articleRows(doc, memoAnalyze);
    if (m.check > 0 && i % m.check === 0) {
      const plain = articleRows(doc);
      if (!isDeepStrictEqual(r, plain)) {
        parentPort!.postMessage({
          error: `document ${i} (${doc.article.id}): memoized rows differ from articleRows`,
        });
        return;
      }
    }
    rows.push(r);
  }
  parentPort!.postMessage({ rows });
});
