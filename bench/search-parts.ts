/**
 * Parts of the SQLite query path on raw SQL, for a few queries (median of 5, CPU ms): the
 * count (≤ 10,001 matches), the relevance window (the newest 500 matches scored) with FTS5's
 * bm25 and with the native khabar_bm25 (native/khabar_rank.c), and the newest 10,001 rids
 * that facets read. Opens the archive read-only (it may be one a build is still writing).
 *
 *   node --import tsx bench/search-parts.ts ARCHIVE.db ['في|تونس|"في إطار"|الا*|وزير الداخلية']
 */
import Database from 'better-sqlite3';
import { compileQuery, fts5 } from '../src/search/compile.ts';
import { parseQuery } from '../src/search/query.ts';
import { RANK_EXTENSION } from '../src/store/sqlite.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-parts.ts ARCHIVE.db [QUERY|QUERY…]', [], []);

const file = process.argv[2];
if (!file) {
  console.error('usage: bench/search-parts.ts ARCHIVE.db [QUERY|QUERY…]');
  process.exit(1);
}
const db = new Database(file, { readonly: true });
db.loadExtension(RANK_EXTENSION);
const W = '10.0, 5.0, 2.0, 1.0, 0.0';
const n = (db.prepare('SELECT MAX(rowid) AS n FROM articles_fts').get() as { n: number }).n;
console.log(`${file}: highest rowid ${n}`);
const cpu = (f: () => unknown) => {
  const runs: number[] = [];
  for (let k = 0; k < 5; k++) {
    const c = process.cpuUsage();
    f();
    const d = process.cpuUsage(c);
    runs.push((d.user + d.system) / 1000);
  }
  runs.sort((a, b) => a - b);
  return runs[2]!.toFixed(2);
};
for (const q of (process.argv[3] ?? 'في|تونس|"في إطار"|الا*|وزير الداخلية').split('|')) {
  const m = compileQuery(parseQuery(q).node, fts5).match!;
  const count = db
    .prepare('SELECT COUNT(*) FROM (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT 10001)')
    .pluck();
  const window = (score: string) =>
    db.prepare(
      `SELECT rowid, ${score} s FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 500`,
    );
  const bm25 = window(`bm25(articles_fts, ${W})`);
  const native = window(`khabar_bm25(articles_fts, ${n}, 2000, ${W})`);
  const facets = db
    .prepare(
      'SELECT rid FROM (SELECT rowid AS rid FROM articles_fts WHERE articles_fts MATCH ?) m ORDER BY rid DESC LIMIT 10001',
    )
    .pluck();
  console.log(
    `${q.padEnd(14)} count ${count.get(m)}: ${cpu(() => count.get(m))} | window bm25 ${cpu(() => bm25.all(m))}` +
      ` | khabar_bm25 ${cpu(() => native.all(m))} | facet rids ${cpu(() => facets.all(m))}`,
  );
}
