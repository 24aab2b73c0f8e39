/**
 * Soak: `khabar serve` on loopback under a bounded load (C concurrent clients, each
 * looping over a fixed mix of reads and searches) for a duration; RSS and V8 heap of the
 * server sampled every 10 s (heap from /metrics), the server's CPU time and the load
 * average; prints requests, errors, latency percentiles and memory before/after.
 *
 *   node --import tsx scripts/reliability/soak.ts [--minutes 10] [--clients 4] [--db PATH]
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { khabar, sleep } from './proc.ts';

const args = process.argv.slice(2);
const opt = (n: string) => (args.includes(n) ? args[args.indexOf(n) + 1] : undefined);
const minutes = Number(opt('--minutes') ?? 10);
const clients = Number(opt('--clients') ?? 4);
const tmp = mkdtempSync(join(tmpdir(), 'khabar-soak-'));
const db = opt('--db') ?? join(tmp, 'soak.db');
if (!opt('--db')) {
  const r = khabar(['ingest', '--quiet', '--db', db, 'examples/articles.jsonl']);
  await r.exited;
}
const port = 20_000 + Math.floor(Math.random() * 5000);
const server = khabar(['serve', '--port', String(port), '--db', db]);
while (!server.out().includes('serving')) await sleep(100);
const base = `http://127.0.0.1:${port}`;
const rss = () =>
  Number(
    execFileSync('ps', ['-o', 'rss=', '-p', String(server.child.pid)])
      .toString()
      .trim(),
  );
/** The server's CPU seconds so far (utime + stime from /proc; clock ticks of 1/100 s). */
const cpuSeconds = () => {
  const f = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / 100;
};
const heap = async () => {
  const text = await fetch(`${base}/metrics`).then((r) => r.text());
  return Math.round(Number(/^khabar_process_heap_used_bytes (\d+)$/mu.exec(text)?.[1] ?? 0) / 1024);
};
const PATHS = [
  '/api/health',
  '/api/articles?limit=10',
  '/api/search?q=%D9%88%D8%B2%D9%8A%D8%B1',
  '/api/search?q=%D8%A7%D9%84%D8%AD%D9%83%D9%88%D9%85%D8%A9&facets=true',
  '/api/search?q=%22%D9%85%D8%AC%D9%84%D8%B3%20%D8%A7%D9%84%D8%A3%D9%85%D9%86%22',
  '/api/entities?limit=10',
  '/api/events?limit=10',
  '/api/relations',
  '/metrics',
];
// Warm-up, then the baseline.
for (const p of PATHS) await fetch(base + p).then((r) => r.arrayBuffer());
const rssBefore = rss();
const heapBefore = await heap();
const cpuBefore = cpuSeconds();
const loadBefore = loadavg();
/** [seconds, RSS KiB, heap KiB, load average (1 min)] */
const samples: Array<[number, number, number, number]> = [
  [0, rssBefore, heapBefore, +loadBefore[0]!.toFixed(1)],
];
const latencies: number[] = [];
let requests = 0;
let errors = 0;
const statuses = new Map<number, number>();
const end = Date.now() + minutes * 60_000;
const t0 = Date.now();
const sampler = setInterval(async () => {
  const at = Math.round((Date.now() - t0) / 1000);
  samples.push([at, rss(), await heap().catch(() => 0), +loadavg()[0]!.toFixed(1)]);
}, 10_000);
await Promise.all(
  Array.from({ length: clients }, async (_, c) => {
    let i = c;
    while (Date.now() < end) {
      const p = PATHS[i++ % PATHS.length]!;
      // Vary the page so the response cache does not answer everything.
      const url = `${base}${p}${p.includes('?') && !p.startsWith('/api/relations') ? `&offset=${i % 7}` : ''}`;
      const s = performance.now();
      try {
        const r = await fetch(url);
        await r.arrayBuffer();
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status >= 500) errors++;
      } catch {
        errors++;
      }
      latencies.push(performance.now() - s);
      requests++;
    }
  }),
);
clearInterval(sampler);
const rssAfter = rss();
const heapAfter = await heap();
const cpuUsed = cpuSeconds() - cpuBefore;
const loadAfter = loadavg();
latencies.sort((a, b) => a - b);
const pct = (q: number) => +(latencies[Math.floor(q * (latencies.length - 1))] ?? 0).toFixed(1);
server.child.kill('SIGTERM');
const exit = await server.exited;
const result = {
  minutes,
  clients,
  requests,
  requestsPerSecond: +(requests / (minutes * 60)).toFixed(1),
  errors,
  statuses: Object.fromEntries(statuses),
  latencyMs: { p50: pct(0.5), p95: pct(0.95), p99: pct(0.99), max: pct(1) },
  rssKiB: { before: rssBefore, after: rssAfter, max: Math.max(...samples.map((s) => s[1])) },
  heapKiB: { before: heapBefore, after: heapAfter, max: Math.max(...samples.map((s) => s[2])) },
  serverCpuSeconds: +cpuUsed.toFixed(1),
  loadAverage: { before: loadBefore.map((x) => +x.toFixed(1)), after: loadAfter.map((x) => +x.toFixed(1)) },
  samples: { columns: ['seconds', 'rssKiB', 'heapKiB', 'load1'], rows: samples },
  serverExit: exit,
};
console.log(JSON.stringify(result));
rmSync(tmp, { recursive: true, force: true });
process.exit(errors ? 1 : 0);
