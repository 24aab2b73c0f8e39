/**
 * Ingest benchmark: a JSONL corpus (default ../shared/data/ant/ant.jsonl, 10,161 ANT
 * articles; or one made by scripts/gen-corpus.ts) through the full pipeline — read +
 * decode + language, dedup, brief, entities, events — into a fresh SQLite archive.
 * Prints articles/s, peak RSS (maxRSS from the kernel, plus sampled RSS over time to show
 * whether memory stays flat) and the share of time in each stage.
 *
 *   node --import tsx bench/ingest.ts [--corpus PATH] [--limit N] [--db PATH] [--json]
 *   taskset -c 0 node --import tsx bench/ingest.ts      # one core
 *   node --import tsx bench/ingest.ts --dedup-only --corpus /tmp/khabar-gen-1m.jsonl
 *   node --import tsx scripts/gen-corpus.ts --n 1000000 --out - | node --import tsx bench/ingest.ts --corpus -
 *   node --expose-gc --import tsx bench/ingest.ts --index-only 1000000
 *
 * `--dedup-only` runs the ingest side alone (read, decode, language, ids, fingerprint,
 * dedup index) without analysis or store: it shows what the ingest machinery itself costs
 * in time and memory at a size (1M) the full pipeline cannot reach in one session.
 * On a shared machine wall time depends on the neighbours: CPU time is printed too.
 *
 * Also printed (Linux): the CPU of the main thread, of the module loader's thread (tsx's hooks,
 * which transpile each module imported during the run) and of the other threads (V8's
 * optimizing compiler and GC workers, libuv's pool) — bench/threads.ts; and articles per CPU-second in
 * windows of 1,000 items — a 10,000-article run is not in a steady state: its first
 * thousands pay for JIT compiles and the first sight of every word (bench/RESULTS.md).
 */
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { findEntities } from '../src/analyze/entities.ts';
import { extractEvents } from '../src/analyze/events.ts';
import { parseBrief } from '../src/brief/parse.ts';
import type { IngestItem } from '../src/ingest/article.ts';
import { jsonlSource } from '../src/ingest/sources/jsonl.ts';
import { runIngest } from '../src/jobs/runner.ts';
import type { Article } from '../src/model.ts';
import { openStore } from '../src/store/index.ts';
import { loaderThread, threadCpuMs } from './threads.ts';
import { checkArgs, option } from '../scripts/args.ts';

checkArgs('bench/ingest.ts', ['corpus', 'limit', 'max-seconds', 'db', 'index-only'], ['dedup-only', 'json']);

const args = process.argv.slice(2);
const corpus = option('corpus') ?? new URL('../../shared/data/ant/ant.jsonl', import.meta.url).pathname;
const limit = Number(option('limit') ?? Number.POSITIVE_INFINITY);
/** `--max-seconds N`: stop reading after N wall seconds (long runs that must end in a session). */
const maxSeconds = Number(option('max-seconds') ?? Number.POSITIVE_INFINITY);
const started = performance.now();
/** `--corpus -`: JSONL from standard input (e.g. piped from scripts/gen-corpus.ts --out -). */
const input = () => (corpus === '-' ? process.stdin : createReadStream(corpus));
if (corpus !== '-' && !existsSync(corpus)) {
  console.log(`skip: ${corpus} is absent (the ANT corpus lives in ../shared/data/ant/; pass --corpus PATH)`);
  process.exit(0);
}
const tmp = mkdtempSync(join(tmpdir(), 'khabar-bench-ingest-'));
const dbPath = option('db') ?? join(tmp, 'archive.db');

async function* limited(items: AsyncIterable<IngestItem>): AsyncGenerator<IngestItem> {
  let n = 0;
  for await (const it of items) {
    if (n++ >= limit || performance.now() - started > maxSeconds * 1000) return;
    yield it;
  }
}

const mb = (b: number) => Math.round(b / 1024 / 1024);
const samples: Array<{ done: number; rssMb: number }> = [];
let done = 0;
const sampler = setInterval(() => samples.push({ done, rssMb: mb(process.memoryUsage().rss) }), 1000);

const cpu0 = process.cpuUsage();
// The loader's thread (tsx) apart from V8's and libuv's: bench/threads.ts.
const loader = await loaderThread();
const threads0 = threadCpuMs(loader);
/** Items per CPU-second in windows of 1,000 items (the first progress call past each thousand). */
const windows: Array<{ upTo: number; perCpuSecond: number }> = [];
let windowAt = { seen: 0, cpuMs: 0 };
/** With `node --expose-gc`, heap use after a full GC every 2,000 items: shows whether live memory grows. */
const gc = (globalThis as { gc?: () => void }).gc;
const heapAfterGc: Array<{ done: number; heapMb: number; externalMb: number }> = [];
if (args.includes('--index-only')) {
  // The dedup index alone at a given size (default 1,000,000), with random signatures:
  // its memory at a scale the full pipeline cannot reach in one session.
  const { DedupIndex, NUM_HASHES } = await import('../src/ingest/dedup.ts');
  const size = Number(option('index-only') ?? 1_000_000);
  const index = new DedupIndex();
  const heap0 = process.memoryUsage();
  const t0 = performance.now();
  let x = 0x12345678;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
  for (let i = 0; i < size; i++) {
    const sig = new Uint32Array(NUM_HASHES);
    for (let k = 0; k < NUM_HASHES; k++) sig[k] = next();
    const hashHi = next();
    const hashLo = next();
    const fp = { hash: '', hashHi, hashLo, sig, words: 300 };
    index.add(`${hashHi.toString(16).padStart(8, '0')}${hashLo.toString(16).padStart(8, '0')}`, fp);
  }
  const t1 = performance.now();
  let checks = 0;
  for (let i = 0; i < 10_000; i++) {
    const sig = new Uint32Array(NUM_HASHES);
    for (let k = 0; k < NUM_HASHES; k++) sig[k] = next();
    if (index.check({ hash: '', hashHi: next(), hashLo: next(), sig, words: 300 }).kind === 'new') checks++;
  }
  const t2 = performance.now();
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  console.log(
    JSON.stringify({
      mode: 'index-only',
      size,
      indexMb: mb(index.bytes),
      bytesPerArticle: Math.round(index.bytes / size),
      heapGrowthMb: mb(m.heapUsed + m.arrayBuffers - heap0.heapUsed - heap0.arrayBuffers),
      rssMb: mb(m.rss),
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      addUsPerArticle: Math.round(((t1 - t0) * 1000) / size),
      checkUs: Math.round(((t2 - t1) * 1000) / 10_000),
      newOf10000RandomChecks: checks,
    }),
  );
  clearInterval(sampler);
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}
if (args.includes('--dedup-only')) {
  const { DedupIndex, fingerprint } = await import('../src/ingest/dedup.ts');
  const index = new DedupIndex();
  const t0 = performance.now();
  const counts = { articles: 0, rejected: 0, near: 0, duplicates: 0 };
  for await (const it of limited(jsonlSource({ stream: input(), name: corpus }))) {
    done++;
    if (it.kind !== 'article') {
      counts.rejected++;
      continue;
    }
    counts.articles++;
    const fp = fingerprint(it.article.text);
    const v = index.check(fp, it.article.id);
    if (v.kind === 'near-duplicate') counts.near++;
    if (v.kind === 'duplicate') counts.duplicates++;
    if (v.kind !== 'duplicate' && v.kind !== 'same') index.add(it.article.id, fp);
    if (done % 100_000 === 0) {
      const c = process.cpuUsage(cpu0);
      console.error(
        `dedup-only: ${done} items, ${Math.round((performance.now() - t0) / 1000)} s wall, ${Math.round((c.user + c.system) / 1e6)} s cpu, rss ${mb(process.memoryUsage().rss)} MB, index ${mb(index.bytes)} MB, near ${counts.near}`,
      );
    }
  }
  clearInterval(sampler);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(cpu0);
  const r = {
    mode: 'dedup-only',
    corpus,
    ...counts,
    seconds: Math.round(ms / 100) / 10,
    cpuSeconds: Math.round((c.user + c.system) / 1e5) / 10,
    articlesPerSecond: Math.round((counts.articles * 1000) / ms),
    articlesPerCpuSecond: Math.round((counts.articles * 1e6) / (c.user + c.system)),
    indexMb: mb(index.bytes),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    rssSamples: samples.filter((_, i) => i % Math.max(1, Math.floor(samples.length / 12)) === 0),
  };
  console.log(JSON.stringify(r, null, args.includes('--json') ? 0 : 1));
  rmSync(tmp, { recursive: true, force: true });
  process.exit(0);
}

/** CPU milliseconds of the process (user + system): stage times that the neighbours do not inflate. */
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};
const store = await openStore(dbPath);
const sample: Article[] = [];
const summary = await runIngest({
  store,
  items: limited(jsonlSource({ stream: input(), name: corpus })),
  stageClock: cpuMs,
  onProgress: (p) => {
    if (Math.floor(p.seen / 1000) > Math.floor(windowAt.seen / 1000)) {
      const c = process.cpuUsage(cpu0);
      const ms = (c.user + c.system) / 1000;
      windows.push({
        upTo: p.seen,
        perCpuSecond: Math.round(((p.seen - windowAt.seen) * 1000) / (ms - windowAt.cpuMs)),
      });
      windowAt = { seen: p.seen, cpuMs: ms };
    }
    const step = gc ? 2000 : 5000;
    if (Math.floor(p.seen / step) > Math.floor(done / step)) {
      gc?.();
      const c = process.cpuUsage(cpu0);
      const m = process.memoryUsage();
      heapAfterGc.push({ done: p.seen, heapMb: mb(m.heapUsed), externalMb: mb(m.external + m.arrayBuffers) });
      console.error(
        `ingest: ${p.seen} items, ${Math.round(p.elapsedMs / 1000)} s wall, ${Math.round((c.user + c.system) / 1e6)} s cpu, rss ${mb(m.rss)} MB (peak ${Math.round(process.resourceUsage().maxRSS / 1024)}), heap ${mb(m.heapUsed)} MB${gc ? ' (after gc)' : ''}, load ${loadavg()[0]!.toFixed(1)}`,
      );
    }
    done = p.seen;
  },
  onItem: (item) => {
    if (item.kind === 'article' && sample.length < 300 && done % 7 === 0) sample.push(item.article);
  },
});
clearInterval(sampler);
const stats = await store.stats();
await store.close();
// The ingest's CPU ends here: the stage split below re-analyzes a sample, which is no ingest work.
const cpu = process.cpuUsage(cpu0);
const threads1 = threadCpuMs(loader);
const threadSeconds =
  threads0 && threads1
    ? {
        main: Math.round((threads1.main - threads0.main) / 100) / 10,
        loader: loader ? Math.round((threads1.loader - threads0.loader) / 100) / 10 : undefined,
        other: Math.round((threads1.other - threads0.other) / 100) / 10,
      }
    : undefined;
const dbBytes = statSync(dbPath).size + (existsSync(`${dbPath}-wal`) ? statSync(`${dbPath}-wal`).size : 0);

// Split the analysis time between entities and events on a sample (same code as analyze()).
const splitCpu0 = cpuMs();
let entMs = 0;
let evMs = 0;
for (const a of sample) {
  const brief = parseBrief(a.text);
  let t = cpuMs();
  const ent = findEntities(a.text, { brief });
  entMs += cpuMs() - t;
  t = cpuMs();
  extractEvents({
    text: a.text,
    brief,
    mentions: ent.mentions,
    entities: ent.entities,
    ...(a.published ? { published: a.published } : {}),
  });
  evMs += cpuMs() - t;
}
/** CPU of this split: not part of the ingest (bench results before 30 Nov counted it, ~1 %). */
const splitCpuSeconds = (cpuMs() - splitCpu0) / 1000;
const entShare = entMs + evMs > 0 ? entMs / (entMs + evMs) : 0.5;
const s = summary.stageMs;
const stages = {
  'read+decode+language': s.read,
  dedup: s.dedup,
  brief: s.brief,
  entities: s.analyze * entShare,
  events: s.analyze * (1 - entShare),
  store: s.store,
};
const total = Object.values(stages).reduce((x, y) => x + y, 0);
const articles =
  summary.inserted + summary.updated + summary.nearDuplicates + summary.duplicates + summary.unchanged;
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
/**
 * What the resident memory is made of at the end (Linux): anonymous (JS heap, malloc: SQLite,
 * the addon, V8's own), file-backed (code, mapped files) and shared (the WAL index), beside
 * the JS heap's committed size and external memory; `{}` where /proc is absent.
 */
function memoryParts(): Record<string, number> {
  const out: Record<string, number> = {};
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    for (const k of ['VmRSS', 'VmHWM', 'RssAnon', 'RssFile', 'RssShmem']) {
      const m = new RegExp(`^${k}:\\s+(\\d+) kB`, 'mu').exec(status);
      if (m) out[k] = Math.round(Number(m[1]) / 1024);
    }
  } catch {
    return out;
  }
  const m = process.memoryUsage();
  out.heapTotal = mb(m.heapTotal);
  out.heapUsed = mb(m.heapUsed);
  out.external = mb(m.external);
  return out;
}
const memory = memoryParts();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const result = {
  corpus,
  items: summary.seen,
  articles,
  inserted: summary.inserted,
  nearDuplicates: summary.nearDuplicates,
  duplicates: summary.duplicates,
  quarantined: summary.quarantined,
  reasons: summary.reasons,
  seconds: Math.round(summary.elapsedMs / 100) / 10,
  articlesPerSecond: Math.round((articles * 1000) / summary.elapsedMs),
  cpuSeconds: Math.round(cpuSeconds * 10) / 10,
  articlesPerCpuSecond: Math.round(articles / cpuSeconds),
  threadCpuSeconds: threadSeconds,
  perCpuSecondBy1000: windows,
  peakRssMb: peakMb,
  memoryAtEndMb: memory,
  rssSamples: samples.filter((_, i) => i % Math.max(1, Math.floor(samples.length / 12)) === 0),
  heapAfterGc,
  stageShare: Object.fromEntries(
    Object.entries(stages).map(([k, v]) => [k, Math.round((v / total) * 1000) / 10]),
  ),
  stageMsPerArticle: Object.fromEntries(
    Object.entries(stages).map(([k, v]) => [k, Math.round((v / articles) * 100) / 100]),
  ),
  splitCpuSeconds: Math.round(splitCpuSeconds * 10) / 10,
  storeArticles: stats.articles,
  dbMb: mb(dbBytes),
  node: process.version,
};
if (args.includes('--json')) console.log(JSON.stringify(result));
else {
  console.log(`corpus        ${result.corpus}`);
  console.log(
    `items         ${result.items} (articles ${result.articles}, quarantined ${result.quarantined} ${JSON.stringify(result.reasons)})`,
  );
  console.log(
    `stored        ${result.storeArticles} (near-duplicates ${result.nearDuplicates}, duplicates ${result.duplicates}); archive ${result.dbMb} MB`,
  );
  console.log(`time          ${result.seconds} s → ${result.articlesPerSecond} articles/s (wall)`);
  console.log(
    `cpu           ${result.cpuSeconds} s → ${result.articlesPerCpuSecond} articles per CPU-second (the stage split's sample after it: ${result.splitCpuSeconds} s, not counted)`,
  );
  if (threadSeconds)
    console.log(
      `threads       main ${threadSeconds.main} s, ${threadSeconds.loader === undefined ? "module loader's thread not found (counted in other threads)" : `module loader (tsx) ${threadSeconds.loader} s`}, other threads ${threadSeconds.other} s of CPU (V8's compiler and GC workers, libuv's pool; threads that ended are not counted) — together about the cpu line`,
    );
  if (windows.length)
    console.log(
      `by 1,000 items ${windows.map((w) => `${w.upTo}:${w.perCpuSecond}`).join(' ')} (items read: items per CPU-second since the previous mark)`,
    );
  console.log(`peak RSS      ${result.peakRssMb} MB (maxRSS)`);
  console.log(
    `memory at end ${Object.entries(memory)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} (MB)`,
  );
  console.log(`RSS over time ${result.rssSamples.map((x) => `${x.done}:${x.rssMb}MB`).join(' ')}`);
  if (heapAfterGc.length)
    console.log(`heap after GC ${heapAfterGc.map((x) => `${x.done}:${x.heapMb}MB`).join(' ')}`);
  console.log(
    'stage share   ' +
      Object.entries(result.stageShare)
        .map(([k, v]) => `${k} ${v}%`)
        .join(', '),
  );
  console.log(
    'CPU ms/article ' +
      Object.entries(result.stageMsPerArticle)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
  );
}
if (!option('db')) rmSync(tmp, { recursive: true, force: true });
if (corpus === '-') process.stdin.destroy();
