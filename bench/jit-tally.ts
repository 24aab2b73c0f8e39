/**
 * What V8's optimizing compiler did in a run: reads the log of `node --trace-opt --trace-deopt`
 * and prints, per function, its TurboFan compiles (first and again), their time as V8 reports it
 * (milliseconds, wall: on a loaded machine only the shares count), and its deoptimizations by
 * reason and bytecode offset. Compiles of a function after its first are what deoptimizations
 * cost the compiler threads.
 *
 *   node --trace-opt --trace-deopt --import tsx bench/ingest.ts --limit 3000 > /tmp/trace.txt
 *   node --import tsx bench/jit-tally.ts /tmp/trace.txt [--top 30]
 *
 * Functions are keyed by name and V8's shared function id (the `sfi`), so two functions of one
 * name are told apart; anonymous functions are one line, "(anonymous)".
 */
import { readFileSync } from 'node:fs';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/jit-tally.ts TRACE.txt', ['top'], []);

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith('--'));
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args[topAt + 1]) : 30;
if (!path || !Number.isInteger(top) || top <= 0) {
  console.error('usage: node --import tsx bench/jit-tally.ts TRACE.txt [--top N]');
  process.exit(2);
}
let text: string;
try {
  text = readFileSync(path, 'utf8');
} catch (e) {
  console.error(`jit-tally: cannot read ${path}: ${(e as Error).message}`);
  process.exit(2);
}

interface Fn {
  name: string;
  compiles: number;
  ms: number;
  againMs: number;
  deopts: number;
  sites: Map<string, number>;
}
const fns = new Map<string, Fn>();
const byName = new Map<string, Fn>();
const fnOf = (name: string, sfi: string): Fn => {
  const key = name ? `${name} ${sfi}` : '(anonymous)';
  let f = fns.get(key);
  if (!f) {
    f = { name: name || '(anonymous)', compiles: 0, ms: 0, againMs: 0, deopts: 0, sites: new Map() };
    fns.set(key, f);
  }
  if (name) byName.set(name, f);
  return f;
};
const COMPILED =
  /completed compiling 0x[0-9a-f]+ <JSFunction ?(\S*) \(sfi = (0x[0-9a-f]+)\)>.*?took ([\d.]+), ([\d.]+), ([\d.]+) ms/;
const DEOPT =
  /bailout \(kind: ([^,]+), reason: ([^)]*)\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction ?(\S*) \(sfi = (0x[0-9a-f]+)\)>.*?bytecode offset (\d+)/;
const reasons = new Map<string, number>();
let compiles = 0;
let totalMs = 0;
let againMs = 0;
let deopts = 0;
for (const line of text.split('\n')) {
  let m = COMPILED.exec(line);
  if (m) {
    const f = fnOf(m[1]!, m[2]!);
    const ms = Number(m[3]) + Number(m[4]) + Number(m[5]);
    if (f.compiles > 0) {
      f.againMs += ms;
      againMs += ms;
    }
    f.compiles++;
    f.ms += ms;
    compiles++;
    totalMs += ms;
    continue;
  }
  m = DEOPT.exec(line);
  if (m) {
    const f = fnOf(m[3]!, m[4]!);
    f.deopts++;
    const site = `${m[2]} @${m[5]}`;
    f.sites.set(site, (f.sites.get(site) ?? 0) + 1);
    reasons.set(m[2]!, (reasons.get(m[2]!) ?? 0) + 1);
    deopts++;
  }
}
if (compiles === 0) {
  console.error(`jit-tally: no "completed compiling" line in ${path} (was it run with --trace-opt?)`);
  process.exit(1);
}
const pct = (x: number) => `${((100 * x) / totalMs).toFixed(1)} %`;
console.log(
  `${compiles} optimizing compiles, ${Math.round(totalMs)} ms; of it compiles of a function again ${Math.round(againMs)} ms (${pct(againMs)}); ${deopts} deoptimizations`,
);
console.log(
  `reasons: ${[...reasons]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8)
    .map(([r, n]) => `${n} ${r}`)
    .join('; ')}`,
);
console.log('share of compile ms, compiles (again ms), deopts: sites');
for (const f of [...fns.values()].sort((a, b) => b.ms - a.ms).slice(0, top)) {
  const sites = [...f.sites]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 4)
    .map(([s, n]) => (n > 1 ? `${s} ×${n}` : s))
    .join('; ');
  console.log(
    `${pct(f.ms).padStart(7)}  ${String(f.compiles).padStart(3)} (${Math.round(f.againMs)} ms)  ${f.name}  ${f.deopts}${sites ? `: ${sites}` : ''}`,
  );
}
