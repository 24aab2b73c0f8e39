/**
 * Which FTS5 prefix indexes (`prefix='…'`) to build: the index size and write cost of each
 * option against the CPU time of prefix queries, on the first N documents of the search
 * benchmark corpus (bench/search-corpus.ts), in memory.
 *
 *   node --import tsx bench/search-prefix.ts [--docs 10000]
 *
 * Queries: the 10 prefix queries of the 200-query set (3–4 letters) and four short ones
 * (`ال*`, `الم*`, `وال*`, `ا*`). Each is timed as the store runs it: the count (at most
 * 10,001 matches) and the 500 newest matches; the first run warms up.
 */
import Database from 'better-sqlite3';
import { compileQuery, fts5 } from '../src/search/compile.ts';
import { parseQuery } from '../src/search/query.ts';
import { articleRows } from '../src/store/rows.ts';
import type { IndexedText } from '../src/search/analyze.ts';
import { antAvailable, benchQueries, corpusDoc, loadAnt, sentencePools } from './search-corpus.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-prefix.ts', ['docs'], []);

const i = process.argv.indexOf('--docs');
const N = i >= 0 ? Number(process.argv[i + 1]) : 10_000;
if (!antAvailable()) {
  console.log('bench/search-prefix: ../shared/data/ant/ant.jsonl is absent; nothing to measure.');
  process.exit(0);
}
const ant = loadAnt();
const pools = sentencePools(ant);
const docs: IndexedText[] = [];
for (let k = 0; k < N; k++) docs.push(articleRows(corpusDoc(ant, k, pools)).index);
const qs = [
  ...benchQueries(ant)
    .filter((q) => q.kind === 'prefix')
    .map((q) => q.q),
  'ال*',
  'الم*',
  'وال*',
  'ا*',
];
const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

for (const opt of ['', "prefix='3'", "prefix='3 4'", "prefix='2 3 4'", "prefix='2 3 4 5'"]) {
  const db = new Database(':memory:');
  db.exec(
    `CREATE VIRTUAL TABLE f USING fts5(forms, bare, stems, latin, content='', contentless_delete=1,
     tokenize='unicode61 remove_diacritics 0'${opt ? `, ${opt}` : ''})`,
  );
  const ins = db.prepare('INSERT INTO f(rowid, forms, bare, stems, latin) VALUES (?, ?, ?, ?, ?)');
  const c0 = process.cpuUsage();
  db.transaction(() => {
    for (const [k, c] of docs.entries()) ins.run(k + 1, c.forms, c.bare, c.stems, c.latin);
  })();
  db.exec("INSERT INTO f(f) VALUES ('optimize')");
  const write = cpuMs(process.cpuUsage(c0)) / N;
  const size = (db.prepare('SELECT SUM(length(block)) AS n FROM f_data').get() as { n: number }).n;
  const count = db.prepare('SELECT COUNT(*) AS n FROM (SELECT rowid FROM f WHERE f MATCH ? LIMIT 10001)');
  const newest = db.prepare('SELECT rowid FROM f WHERE f MATCH ? ORDER BY rowid DESC LIMIT 500');
  const out: string[] = [];
  for (const q of qs) {
    // A one-letter prefix is written by hand: the store reads it as a word (with a warning).
    const m =
      [...q].length === 2
        ? fts5.or([fts5.term('forms', q[0]!, true), fts5.term('bare', q[0]!, true)])
        : compileQuery(parseQuery(q).node, fts5).match!;
    count.get(m);
    const c = process.cpuUsage();
    const n = (count.get(m) as { n: number }).n;
    newest.all(m);
    out.push(`${q} ${n} ${cpuMs(process.cpuUsage(c)).toFixed(1)}`);
  }
  db.close();
  console.log(
    `${opt || 'no prefix index'}: ${(size / 2 ** 20).toFixed(1)} MB (${(size / N).toFixed(0)} B/doc), ` +
      `write ${write.toFixed(3)} ms CPU/doc\n  query matches CPU-ms: ${out.join(' | ')}`,
  );
}
