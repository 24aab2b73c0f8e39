/**
 * How far the native ranking (`khabar_bm25`, native/khabar_rank.c: document frequencies
 * counted over at most KHABAR_RANK_DF_CAP rows per phrase) moves the results from FTS5's
 * bm25 (every row counted), on the 200 bench queries (bench/search-corpus.ts), over an
 * archive bench/search.ts or bench/search-bulk.ts built.
 *
 *   node --import tsx bench/search-rank-overlap.ts --db /tmp/search1m/search-1000000.db [--limit 10]
 *
 * Both stores rank the same candidates (the newest KHABAR_RANK_WINDOW matches); per query:
 * overlap = |top-k native ∩ top-k bm25| / |top-k bm25|, and whether the two lists are equal
 * in order. Also the CPU ms of the two per search (median, p95) in this process.
 */
import { loadavg } from 'node:os';
import { openStore } from '../src/store/index.ts';
import { RANK_DF_CAP, RANK_EXTENSION } from '../src/store/sqlite.ts';
import type { Store } from '../src/store/store.ts';
import { antAvailable, benchQueries, loadAnt, percentile } from './search-corpus.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/search-rank-overlap.ts', ['db', 'limit'], []);

function arg(name: string, dflt: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
}
const file = arg('db', '/tmp/search1m/search-1000000.db');
const limit = Number(arg('limit', '10'));
if (!antAvailable()) {
  console.log('bench/search-rank-overlap: ../shared/data/ant/ant.jsonl is absent; nothing to measure.');
  process.exit(0);
}
const queries = benchQueries(loadAnt());

async function open(native: boolean): Promise<Store> {
  const before = process.env.KHABAR_NATIVE_RANK;
  process.env.KHABAR_NATIVE_RANK = native ? 'on' : 'off';
  try {
    return await openStore(file, { reindex: false });
  } finally {
    if (before === undefined) delete process.env.KHABAR_NATIVE_RANK;
    else process.env.KHABAR_NATIVE_RANK = before;
  }
}

async function run(store: Store): Promise<{ ids: string[][]; cpu: number[] }> {
  const ids: string[][] = [];
  const cpu: number[] = [];
  for (const q of queries) await store.search({ q: q.q, limit });
  for (const q of queries) {
    const c = process.cpuUsage();
    const r = await store.search({ q: q.q, limit });
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
    ids.push(r.hits.map((h) => h.id));
  }
  return { ids, cpu };
}

const exact = await open(false);
const native = await open(true);
console.log(
  `rank overlap: ${file}, ${queries.length} queries, top ${limit}, df cap ${RANK_DF_CAP} (${RANK_EXTENSION}); load ${loadavg()[0]!.toFixed(1)}`,
);
const a = await run(exact);
const b = await run(native);
let sum = 0;
let counted = 0;
let same = 0;
const byKind = new Map<string, { sum: number; n: number; same: number; total: number }>();
for (let i = 0; i < queries.length; i++) {
  const x = a.ids[i]!;
  const y = new Set(b.ids[i]!);
  const k = byKind.get(queries[i]!.kind) ?? { sum: 0, n: 0, same: 0, total: 0 };
  k.total++;
  const eq = x.length === b.ids[i]!.length && x.every((id, j) => b.ids[i]![j] === id);
  if (eq) {
    same++;
    k.same++;
  }
  if (x.length) {
    const o = x.filter((id) => y.has(id)).length / x.length;
    sum += o;
    counted++;
    k.sum += o;
    k.n++;
  }
  byKind.set(queries[i]!.kind, k);
}
const med = (xs: number[]) =>
  percentile(
    [...xs].sort((p, q) => p - q),
    50,
  ).toFixed(2);
const p95 = (xs: number[]) =>
  percentile(
    [...xs].sort((p, q) => p - q),
    95,
  ).toFixed(2);
console.log(
  `  mean top-${limit} overlap ${((100 * sum) / Math.max(1, counted)).toFixed(1)}% over ${counted} queries with hits; ` +
    `identical lists ${same}/${queries.length}`,
);
console.log(
  `  by kind: ${[...byKind.entries()]
    .map(
      ([kind, k]) => `${kind} ${((100 * k.sum) / Math.max(1, k.n)).toFixed(1)}% (${k.same}/${k.total} same)`,
    )
    .join(', ')}`,
);
console.log(
  `  CPU ms per search: bm25 p50 ${med(a.cpu)} p95 ${p95(a.cpu)}; native p50 ${med(b.cpu)} p95 ${p95(b.cpu)}`,
);
await exact.close();
await native.close();
