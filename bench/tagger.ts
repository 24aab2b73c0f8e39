/**
 * Tagger benchmark: model size, load time, tokens/s on one core (cold: a freshly loaded
 * model, so every word's features are computed; warm: the same text again). Times are CPU
 * time of this process, since the machine is shared.
 * Run: node --import tsx bench/tagger.ts [--model PATH] [--data PATH]
 * Reads ../shared/data/anercorp/dev.txt (tokens only) when present.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { readConll } from '../src/analyze/tagger/conll.ts';
import { DEFAULT_MODEL_PATH } from '../src/analyze/tagger/index.ts';
import { TaggerModel } from '../src/analyze/tagger/model.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (n: string) => {
  const i = args.indexOf(`--${n}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const modelPath = opt('model') ?? DEFAULT_MODEL_PATH;
const dataPath = opt('data') ?? resolve(root, '../shared/data/anercorp/dev.txt');
if (!existsSync(dataPath)) {
  console.log(`skipped: ${dataPath} is absent (the benchmark tags the ANERcorp dev tokens)`);
  process.exit(0);
}
const sentences = readConll(readFileSync(dataPath, 'utf8')).sentences.map((s) => s.tokens);
const tokens = sentences.reduce((a, s) => a + s.length, 0);

/** CPU seconds (user + system) of this process: on a shared machine wall time measures the neighbours. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const size = statSync(modelPath).size;
const loads: number[] = [];
let model: TaggerModel | undefined;
for (let i = 0; i < 5; i++) {
  const t0 = cpu();
  model = TaggerModel.load(modelPath);
  loads.push((cpu() - t0) * 1000);
}
loads.sort((a, b) => a - b);

const run = (m: TaggerModel) => {
  const t0 = cpu();
  for (const s of sentences) m.tag(s);
  return cpu() - t0;
};
// JIT warm-up on a throwaway model, then: cold = a fresh model (no word cached yet),
// warm = the same model on the same text again (every word cached).
run(TaggerModel.load(modelPath));
const colds: number[] = [];
let warmModel = model!;
for (let i = 0; i < 3; i++) {
  warmModel = TaggerModel.load(modelPath);
  colds.push(tokens / run(warmModel));
}
const warms: number[] = [];
for (let i = 0; i < 3; i++) warms.push(tokens / run(warmModel));
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`model: ${modelPath}`);
console.log(`model size: ${(size / 1e6).toFixed(2)} MB`);
console.log(`model load: ${loads[0]!.toFixed(0)} ms CPU (best of 5), ${loads[2]!.toFixed(0)} ms (median)`);
console.log(`data: ${dataPath}, ${sentences.length} sentences, ${tokens} tokens, one sentence at a time`);
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} (times are CPU time of this process)`,
);
console.log(`tokens/s cold words (fresh model, JIT warmed up): ${Math.round(med(colds))} (median of 3)`);
console.log(`tokens/s warm (same text again): ${Math.round(med(warms))} (median of 3)`);
