/**
 * Worker thread for bench/search.ts's bulk build: makes benchmark documents i ∈ [from, to)
 * (bench/search-corpus.ts) and derives the rows the store writes for each (`articleRows`,
 * the analysis for the index), so the main thread only runs the SQL writes.
 */
import { parentPort } from 'node:worker_threads';
import { articleRows } from '../src/store/rows.ts';
import { corpusDoc, loadAnt, sentencePools } from './search-corpus.ts';

const ant = loadAnt();
const pools = sentencePools(ant);
parentPort!.on('message', (m: { from: number; to: number }) => {
  const rows = [];
  for (let i = m.from; i < m.to; i++) rows.push(articleRows(corpusDoc(ant, i, pools)));
  parentPort!.postMessage(rows);
});
