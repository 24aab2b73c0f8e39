/**
 * Worker thread for bench/search-bulk.ts: makes benchmark documents i ∈ [from, to)
 * (bench/search-corpus.ts `corpusDoc`) and derives the rows the store writes for each with
 * the store's own `articleRows`, given an analyzer memoized per sentence
 * (bench/search-memo.ts): every `check`-th document is also derived with the plain
 * `articleRows` and the two must be equal, else the build stops.
 */
import { parentPort } from 'node:worker_threads';
import type { ArticleRows } from '../src/store/rows.ts';
import { corpusDoc, loadAnt, sentencePools } from './search-corpus.ts';
import { memoRows } from './search-memo.ts';

const ant = loadAnt();
const pools = sentencePools(ant);

parentPort?.on('message', (m: { from: number; to: number; check: number }) => {
  const rows: ArticleRows[] = [];
  for (let i = m.from; i < m.to; i++) {
    const doc = corpusDoc(ant, i, pools);
    try {
      rows.push(memoRows(doc, m.check > 0 && i % m.check === 0));
    } catch (err) {
      parentPort!.postMessage({ error: `document ${i}: ${(err as Error).message}` });
      return;
    }
  }
  parentPort!.postMessage({ rows });
});
