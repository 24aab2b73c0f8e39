/**
 * Experiment (issue #3, round nerneural): the committed linear tagger plus λ × the mean of
 * window-network dev log-probabilities saved by `scripts/train-neural.ts --save-dev PATH`
 * (one file per seed), over a grid of λ and of changes to the linear model's O penalty.
 * `node --import tsx scripts/ensemble-neural.ts --lambda 1,2,3,4,6 --o-shift -4,-2,0,2,4 FILE…`
 * Prints dev micro F1 for each setting (both chosen on dev: read the best as fitted to dev).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readConll, scoreNer } from '../src/analyze/tagger/conll.ts';
import { DEFAULT_MODEL_PATH, loadTagger } from '../src/analyze/tagger/index.ts';
import { option } from './args.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const files = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1]!.startsWith('--')));
const devPath = resolve(root, '../shared/data/anercorp/dev.txt');
if (!existsSync(devPath) || files.length === 0) {
  console.error(`usage: ensemble-neural.ts [--lambda …] [--o-shift …] FILE… (needs ${devPath})`);
  process.exit(2);
}
const dev = readConll(readFileSync(devPath, 'utf8')).sentences;
const linear = loadTagger(option('model') ?? DEFAULT_MODEL_PATH);
const n = linear.header.tags.length;
const K = dev.reduce((a, s) => a + s.tokens.length, 0);
const mean = new Float64Array(K * n);
for (const f of files) {
  const buf = readFileSync(f);
  const v = new Float64Array(buf.buffer, buf.byteOffset, buf.byteLength / 8);
  if (v.length !== K * n) {
    console.error(
      `${f}: ${v.length} values, expected ${K} dev tokens × ${n} tags; was it saved on this dev file?`,
    );
    process.exit(2);
  }
  for (let i = 0; i < v.length; i++) mean[i]! += v[i]! / files.length;
}
const gold = dev.map((s) => s.tags);
const sents = dev.map((s) => s.tokens);
const o0 = linear.header.oPenalty ?? 0;
const tb = linear.header.typeBias ?? {};
const f2 = (x: number) => (100 * x).toFixed(2);
const alone = scoreNer(gold, linear.tagDocument(sents)).micro.f1;
console.log(`linear alone ${f2(alone)}; ${files.length} network file(s)`);
const lambdas = (option('lambda') ?? '1,2,3,4,6').split(',').map(Number);
const shifts = (option('o-shift') ?? '-4,-2,0,2,4').split(',').map(Number);
let best = { f1: -1, l: 0, s: 0 };
for (const l of lambdas) {
  const extra = mean.map((x) => l * x);
  const row: string[] = [];
  for (const s of shifts) {
    linear.setBias(o0 + s, tb);
    const sc = scoreNer(gold, linear.tagDocument(sents, extra));
    row.push(`O${s >= 0 ? '+' : ''}${s} ${f2(sc.micro.f1)}`);
    if (sc.micro.f1 > best.f1) best = { f1: sc.micro.f1, l, s };
  }
  console.log(`λ${l}: ${row.join(', ')}`);
}
linear.setBias(o0 + best.s, tb);
const sc = scoreNer(
  gold,
  linear.tagDocument(
    sents,
    mean.map((x) => best.l * x),
  ),
);
console.log(
  `best: λ${best.l} O shift ${best.s}: micro P ${f2(sc.micro.p)} R ${f2(sc.micro.r)} F1 ${f2(sc.micro.f1)}; ` +
    Object.entries(sc.perType)
      .map(([t, v]) => `${t} ${f2(v.f1)}`)
      .join(' '),
);
