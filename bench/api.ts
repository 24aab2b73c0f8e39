/**
 * bench/api.ts — the API under load, the web bundle's size, and the web app's load time.
 *
 *   node --import tsx bench/api.ts [--articles 10000] [--duration 20] [--connections 8] [--db PATH]
 *
 * 1. Archive: ANT articles (../shared/data/ant/ant.jsonl, Apache-2.0), then EASC articles
 *    (../shared/data/easc/easc-dev.jsonl) when ANT's distinct articles run out, go through
 *    lineToItem + processArticle + store.put into a SQLite file (bench/out/, reused when it
 *    already holds enough articles) until it holds --articles articles.
 * 2. Load: `khabar serve` on that archive in a child process on 127.0.0.1; this process
 *    keeps --connections keep-alive connections busy with GET /api/search for --duration
 *    seconds (after a 3 s warm-up), drawing queries from a Zipf mix of ANT title words,
 *    and reports requests/s, latency percentiles and the cache hit rate — once with the
 *    API's response cache as deployed (10 s), once without it. Bounded: fixed duration,
 *    fixed concurrency; the client and the server each have one of the two cores.
 *    Also GET /api/entities (first page, a page of people) and one entity, cache off.
 * 3. Bundle: web/dist JS and CSS, raw and gzipped (built first when missing).
 * 4. Load time: Chromium (/usr/bin/chromium) opens the search page with a cold cache and
 *    waits for the first hit; median and worst of 5 loads.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { lineToItem } from '../src/ingest/sources/jsonl.ts';
import { processArticle } from '../src/jobs/pipeline.ts';
import { createApp } from '../src/api/app.ts';
import { openStore } from '../src/store/index.ts';
import { buildWeb, chromiumSkip, launchChromium } from '../test/web/chromium.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/api.ts', ['articles', 'duration', 'connections', 'db'], []);

const root = new URL('..', import.meta.url).pathname;
const ANT = join(root, '../shared/data/ant/ant.jsonl');
/** ANT holds 10,161 lines, of which ~9,960 are distinct Arabic articles; EASC tops it up. */
const EASC = join(root, '../shared/data/easc/easc-dev.jsonl');

function flag(name: string, def: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
}
const target = Number(flag('articles', '10000'));
const duration = Number(flag('duration', '20'));
const connections = Number(flag('connections', '8'));
const db = flag('db', join(root, 'bench/out', `api-${target}.db`));

const STOP = new Set([
  'على',
  'إلى',
  'التي',
  'الذي',
  'بعد',
  'حول',
  'عن',
  'مع',
  'هذا',
  'هذه',
  'بين',
  'خلال',
  'منذ',
  'قبل',
]);

/**
 * The query mix: the 2,000 most frequent Arabic words of ANT titles, drawn with a Zipf
 * law (rank r has weight 1/r) from a fixed-seed generator, so runs are repeatable and a
 * few queries are popular while most are rare — as in real search logs.
 */
function queryMix(n: number): string[] {
  const counts = new Map<string, number>();
  for (const line of readFileSync(ANT, 'utf8').split('\n')) {
    const m = /"title": "((?:[^"\\]|\\.)*)"/.exec(line);
    for (const w of m?.[1]?.match(/\p{Script=Arabic}{3,}/gu) ?? []) {
      if (!STOP.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  const vocab = [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2000)
    .map(([w]) => w);
  const weights = vocab.map((_, r) => 1 / (r + 1));
  const total = weights.reduce((a, b) => a + b, 0);
  let seed = 42;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let x = rand() * total;
    let r = 0;
    while (r < vocab.length - 1 && x > weights[r]!) x -= weights[r++]!;
    out.push(vocab[r]!);
  }
  return out;
}

async function buildArchive(): Promise<{ articles: number; seconds: number; reused: boolean }> {
  mkdirSync(join(root, 'bench/out'), { recursive: true });
  const store = await openStore(db);
  const have = (await store.stats()).articles;
  if (have >= target) {
    await store.close();
    return { articles: have, seconds: 0, reused: true };
  }
  if (!existsSync(ANT))
    throw new Error(`${ANT} is absent: the archive is built from the ANT corpus in ../shared`);
  const t0 = performance.now();
  const ant = readFileSync(ANT, 'utf8').split('\n');
  const easc = existsSync(EASC)
    ? readFileSync(EASC, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => {
          const r = JSON.parse(l) as { title?: string; article: string };
          return JSON.stringify({ title: r.title, text: r.article, outlet: 'EASC' });
        })
    : [];
  const lines = [...ant, ...easc];
  let stored = have;
  for (const [i, line] of lines.entries()) {
    if (stored >= target) break;
    if (!line.trim()) continue;
    const item = lineToItem(
      line,
      i < ant.length ? `ant.jsonl:${i + 1}` : `easc-dev.jsonl:${i - ant.length + 1}`,
      {},
    );
    if (item.kind !== 'article') continue;
    if (have > 0 && (await store.get(item.article.id))) continue; // resuming: already stored
    const r = await store.put(processArticle(item.article));
    if (r.status === 'inserted' || r.status === 'near-duplicate') stored++;
    if (stored % 500 === 0 && r.status === 'inserted') {
      process.stderr.write(
        `  archive: ${stored}/${target} (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
      );
    }
  }
  const articles = (await store.stats()).articles;
  await store.close();
  return { articles, seconds: (performance.now() - t0) / 1000, reused: false };
}

/**
 * Where an uncached search's time goes, in-process and single-threaded (CPU time, so the
 * neighbours matter less): store.search with and without facets, and the whole API request
 * (validation, store, JSON, ETag, gzip) with the response cache off.
 */
async function breakdown(queries: string[]) {
  const store = await openStore(db);
  const app = createApp({ store, cache: false });
  const distinct = [...new Set(queries)].slice(0, 100);
  const cpu = async (f: (q: string) => Promise<unknown>) => {
    for (const q of distinct.slice(0, 10)) await f(q);
    const c0 = process.cpuUsage();
    for (const q of distinct) await f(q);
    const d = process.cpuUsage(c0);
    return (d.user + d.system) / 1000 / distinct.length;
  };
  const out = {
    queries: distinct.length,
    storeFacetsMs: await cpu((q) => store.search({ q, limit: 10, facets: true })),
    storeNoFacetsMs: await cpu((q) => store.search({ q, limit: 10, facets: false })),
    apiRequestMs: await cpu(async (q) => {
      const r = await app.request(`/api/search?q=${encodeURIComponent(q)}&limit=10`, {
        headers: { 'Accept-Encoding': 'gzip' },
      });
      return r.arrayBuffer();
    }),
  };
  // GET /api/entities, the most mentioned first (its counts over the whole archive), and one
  // page of people: the whole API request, cache off, 20 calls each after 2 to warm up.
  const calls = async (path: string) => {
    for (let i = 0; i < 2; i++) await (await app.request(path)).arrayBuffer();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) await (await app.request(path)).arrayBuffer();
    const d = process.cpuUsage(c0);
    return { cpuMs: (d.user + d.system) / 1000 / 20, wallMs: (performance.now() - t0) / 20 };
  };
  const entities = {
    firstPage: await calls('/api/entities?limit=50'),
    people: await calls('/api/entities?type=PERS&limit=50&offset=50'),
    one: await calls('/api/entities/country%3AUSA'),
  };
  await store.close();
  return { ...out, entities };
}

async function startServer(cacheTtl: number): Promise<{ child: ChildProcess; base: string }> {
  const args = ['serve', '--db', db, '--port', '0', '--cache-ttl', String(cacheTtl)];
  const child = spawn(process.execPath, [join(root, 'bin/khabar.js'), ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, KHABAR_TOKEN: '' },
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /serving (http:\/\/[^/\s]+)\//.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`khabar serve exited (${code}): ${out}`)));
  });
  return { child, base };
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number | undefined): number {
  if (!pid || !existsSync(`/proc/${pid}/stat`)) return Number.NaN;
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function load(base: string, seconds: number, queries: string[], record: boolean) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(base);
  const lat: number[] = [];
  let errors = 0;
  let bytes = 0;
  let n = 0;
  let hits = 0;
  const end = performance.now() + seconds * 1000;
  const one = (path: string) =>
    new Promise<void>((resolve) => {
      const t = performance.now();
      const req = request({ agent, hostname, port, path, headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
        res.on('data', (d: Buffer) => {
          bytes += d.length;
        });
        res.on('end', () => {
          if (res.headers['x-cache'] === 'hit') hits++;
          if (res.statusCode !== 200) errors++;
          else if (record) lat.push(performance.now() - t);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async (w: number) => {
    for (let i = w; performance.now() < end; i += connections) {
      const q = queries[i % queries.length]!;
      await one(`/api/search?q=${encodeURIComponent(q)}&limit=10`);
      n++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  lat.sort((a, b) => a - b);
  return {
    requests: n,
    errors,
    rps: n / secs,
    cacheHitRate: hits / Math.max(1, n),
    p50: pct(lat, 50),
    p90: pct(lat, 90),
    p99: pct(lat, 99),
    max: lat.at(-1) ?? Number.NaN,
    kbPerResponse: bytes / Math.max(1, n) / 1024,
  };
}

function bundle() {
  const dist = join(root, 'web/dist/assets');
  if (!existsSync(dist)) {
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    if (r.status !== 0) throw new Error('vite build failed');
  }
  const files = readdirSync(dist).map((f) => {
    const b = readFileSync(join(dist, f));
    return { file: f, raw: b.length, gzip: gzipSync(b).length };
  });
  const js = files.filter((f) => f.file.endsWith('.js'));
  const sum = (xs: typeof files, k: 'raw' | 'gzip') => xs.reduce((a, f) => a + f[k], 0);
  const entry = js.filter((f) => f.file.startsWith('index-'));
  return {
    jsGzipKB: sum(js, 'gzip') / 1024,
    jsRawKB: sum(js, 'raw') / 1024,
    entryJsGzipKB: sum(entry, 'gzip') / 1024,
    lazyJsGzipKB: (sum(js, 'gzip') - sum(entry, 'gzip')) / 1024,
    cssGzipKB:
      sum(
        files.filter((f) => f.file.endsWith('.css')),
        'gzip',
      ) / 1024,
    fontsKB:
      sum(
        files.filter((f) => f.file.endsWith('.woff2')),
        'raw',
      ) / 1024,
  };
}

async function pageLoad(base: string): Promise<{ medianMs: number; worstMs: number } | string> {
  if (chromiumSkip) return `skipped: ${chromiumSkip}`;
  const { mkdtempSync, rmSync } = await import('node:fs');
  const dir = mkdtempSync(join(tmpdir(), 'khabar-bench-chromium-'));
  const ctx = await launchChromium(dir, 'ar');
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const cdp = await ctx.newCDPSession(page);
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    await cdp.send('Network.clearBrowserCache');
    await page.goto('about:blank');
    await page.goto(`${base}/?run=${i}#/search?q=${encodeURIComponent('تونس')}`);
    await page.waitForSelector('.hit');
    // Time from navigation start until the first hit is in the DOM.
    times.push(await page.evaluate(() => performance.now()));
  }
  await ctx.close();
  rmSync(dir, { recursive: true, force: true });
  times.sort((a, b) => a - b);
  return { medianMs: times[2]!, worstMs: times[4]! };
}

// The page-load step and the bundle figures read web/dist: build it when missing or stale.
buildWeb();
const archive = await buildArchive();
console.log(
  `archive: ${archive.articles} articles in ${db}${archive.reused ? ' (reused)' : ` (built in ${archive.seconds.toFixed(0)} s)`}`,
);
const queries = queryMix(100_000);
const f = (x: number) => x.toFixed(1);
const bd = await breakdown(queries);
console.log(
  `uncached search, in-process CPU per query (${bd.queries} distinct queries of the mix): store.search with facets ${f(bd.storeFacetsMs)} ms, without facets ${f(bd.storeNoFacetsMs)} ms; whole API request ${f(bd.apiRequestMs)} ms`,
);
console.log(
  `GET /api/entities, in-process, cache off, per call: first page of 50 ${f(bd.entities.firstPage.cpuMs)} ms CPU (${f(bd.entities.firstPage.wallMs)} ms wall); people, second page ${f(bd.entities.people.cpuMs)} ms CPU (${f(bd.entities.people.wallMs)} ms wall); /api/entities/country:USA ${f(bd.entities.one.cpuMs)} ms CPU (${f(bd.entities.one.wallMs)} ms wall)`,
);
const runs: Record<
  string,
  Awaited<ReturnType<typeof load>> & { serverCpuMsPerRequest: number; loadAvg: number[] }
> = {};
let pl: Awaited<ReturnType<typeof pageLoad>> = 'not measured';
// The 12 most popular queries of the mix: with the cache warm, every answer is a hit, which
// measures the HTTP layer alone (routing, validation, ETag, gzip, sockets) — its ceiling.
const popular = [...new Set(queries)].slice(0, 12);
const scenarios = [
  ['cache 10 s (default), Zipf mix', 10, queries, queries.slice(50_000)],
  ['no cache, Zipf mix', 0, queries, queries.slice(50_000)],
  ['cache warm, 12 popular queries only (HTTP layer ceiling)', 10, popular, popular],
] as const;
for (const [name, ttl, mix, warm] of scenarios) {
  const { child, base } = await startServer(ttl);
  try {
    await load(base, 3, [...warm], false);
    const cpu0 = cpuSeconds(child.pid);
    const load0 = loadavg()[0]!;
    const r = await load(base, duration, [...mix], true);
    const serverCpuMsPerRequest = ((cpuSeconds(child.pid) - cpu0) * 1000) / Math.max(1, r.requests);
    const run = { ...r, serverCpuMsPerRequest, loadAvg: [load0, loadavg()[0]!] };
    runs[name] = run;
    console.log(
      [
        `search, ${name}: ${connections} connections, ${duration} s, gzip, limit=10, facets on`,
        `  requests ${r.requests}  errors ${r.errors}  ${f(r.rps)} req/s  cache hits ${f(100 * r.cacheHitRate)}%`,
        `  latency ms: p50 ${f(r.p50)}  p90 ${f(r.p90)}  p99 ${f(r.p99)}  max ${f(r.max)}  (${f(r.kbPerResponse)} KB/response)`,
        `  server CPU ${serverCpuMsPerRequest.toFixed(2)} ms/request (≈ ${f(1000 / serverCpuMsPerRequest)} req/s on one free core); load average ${f(load0)} → ${f(run.loadAvg[1]!)}`,
      ].join('\n'),
    );
    if (name.startsWith('cache 10 s')) pl = await pageLoad(base);
  } finally {
    child.kill('SIGTERM');
  }
}
const b = bundle();
console.log(
  [
    `web bundle: JS ${f(b.jsGzipKB)} KB gzipped (${f(b.jsRawKB)} KB raw): entry ${f(b.entryJsGzipKB)} KB + lazy graph ${f(b.lazyJsGzipKB)} KB; CSS ${f(b.cssGzipKB)} KB gz; fonts ${f(b.fontsKB)} KB woff2`,
    typeof pl === 'string'
      ? `page load: ${pl}`
      : `page load (cold cache, search page to first hit): median ${f(pl.medianMs)} ms, worst ${f(pl.worstMs)} ms of 5`,
  ].join('\n'),
);
console.log(
  JSON.stringify({
    bench: 'api',
    articles: archive.articles,
    connections,
    duration,
    breakdown: bd,
    search: runs,
    bundle: b,
    pageLoad: pl,
  }),
);
