/**
 * Speed of parseBrief. Run: node --import tsx bench/brief.ts [--quick]
 *
 * Prints, in CPU seconds of this process (the machine is shared; wall time is not meaningful):
 * - the seed (../shared/seeds/000_…txt) parsed again and again: articles/s and MB/s;
 * - every ANT article (../shared/data/ant/ant.jsonl, the `text` field; unlabelled news,
 *   so the parser looks for labels and finds none): articles/s and MB/s;
 * - every EASC article (../shared/data/easc/easc-dev.jsonl, `article`; unlabelled);
 * - our own fixtures (fixtures/briefs/*.txt, labelled, every variant): articles/s;
 * The "sections found" column doubles as a false-label count for ANT and EASC.
 * - linearity: one text made of the seed repeated to ~1, 4 and 16 MB: MB/s for each,
 *   which should stay flat.
 * MB = 10^6 bytes of UTF-8 input.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBrief } from '../src/brief/parse.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/brief.ts', [], ['quick']);

const quick = process.argv.includes('--quick');
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const seedPath = here('../../shared/seeds/000_abf55f7c1628d6cc.txt');
const antPath = here('../../shared/data/ant/ant.jsonl');
const eascPath = here('../../shared/data/easc/easc-dev.jsonl');
const fixturesDir = here('../fixtures/briefs/');
const MB = 1e6;

function cpu(fn: () => void): number {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}
function best(runs: number, fn: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) min = Math.min(min, cpu(fn));
  return min;
}
const bytes = (texts: readonly string[]) => texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
const rows: string[][] = [];
function report(name: string, texts: readonly string[], runs: number): void {
  let sections = 0;
  for (const t of texts) sections += parseBrief(t).sections.length; // warm-up, and a check it does work
  const s = best(runs, () => {
    for (const t of texts) parseBrief(t);
  });
  rows.push([
    name,
    String(texts.length),
    (bytes(texts) / MB).toFixed(2),
    Math.round(texts.length / s).toLocaleString('en-US'),
    (bytes(texts) / MB / s).toFixed(1),
    String(sections),
  ]);
}

if (existsSync(seedPath)) {
  const seed = readFileSync(seedPath, 'utf8');
  report('seed × 2000', new Array(quick ? 200 : 2000).fill(seed), 3);
} else console.log(`skipped seed: ${seedPath} is absent (shared/ is not beside the repo)`);

if (existsSync(antPath)) {
  const texts: string[] = [];
  for (const line of readFileSync(antPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { text?: unknown };
    if (typeof rec.text === 'string') texts.push(rec.text);
  }
  report('ANT articles', quick ? texts.slice(0, 1000) : texts, quick ? 1 : 3);
} else console.log(`skipped ANT: ${antPath} is absent (shared/ is not beside the repo)`);

if (existsSync(eascPath)) {
  const texts: string[] = [];
  for (const line of readFileSync(eascPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { article?: unknown };
    if (typeof rec.article === 'string') texts.push(rec.article);
  }
  report('EASC articles', texts, 3);
} else console.log(`skipped EASC: ${eascPath} is absent (shared/ is not beside the repo)`);

if (existsSync(fixturesDir)) {
  const texts = readdirSync(fixturesDir)
    .filter((f) => f.endsWith('.txt') && !f.includes('1256'))
    .map((f) => readFileSync(`${fixturesDir}${f}`, 'utf8'));
  report(`fixtures × 100`, Array.from({ length: 100 }, () => texts).flat(), 3);
}

console.log('parseBrief throughput (CPU time, best of runs; Node', process.version, ')');
console.log(['input', 'articles', 'MB', 'articles/s', 'MB/s', 'sections found'].join(' | '));
for (const r of rows) console.log(r.join(' | '));

if (existsSync(seedPath)) {
  const seed = readFileSync(seedPath, 'utf8');
  const unit = Buffer.byteLength(seed, 'utf8');
  console.log('\nlinearity: one text of the seed repeated (MB/s should stay flat)');
  for (const mb of quick ? [1, 4] : [1, 4, 16]) {
    const big = new Array(Math.ceil((mb * MB) / unit)).fill(seed).join('\n');
    const s = best(quick ? 1 : 2, () => parseBrief(big));
    console.log(
      `  ${(Buffer.byteLength(big, 'utf8') / MB).toFixed(1)} MB: ${(Buffer.byteLength(big, 'utf8') / MB / s).toFixed(1)} MB/s`,
    );
  }
}
