/**
 * Tagger benchmark: model size, load time, tokens/s on one core. Times are CPU time of this
 * process (the machine is shared). Every run tags a text as documents, as `khabar eval ner`
 * and the entities stage do (a model with `doc` features makes a second pass).
 *
 * - cold: a freshly loaded model (no word seen by the process yet; the JIT warmed up on
 *   another instance) tags the ANERcorp dev tokens in file order;
 * - cold, no word table: the same, ignoring the model's precomputed scores of frequent words;
 * - warm: the same model on the same text again (every word cached);
 * - stream: a fresh model tags ANT articles one after the other (each article a document),
 *   the steady state of a news pipeline;
 * - out of domain: a fresh model tags the EASC articles (Wikipedia and newspapers the word
 *   table was not built from).
 *
 * Run: node --import tsx bench/tagger.ts [--model PATH] [--data PATH] [--ant-articles N] [--reps N (default 5)]
 * Reads ../shared/data/anercorp/dev.txt, ../shared/data/ant/ant.jsonl and
 * ../shared/data/easc/easc-dev.jsonl when present.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { readConll } from '../src/analyze/tagger/conll.ts';
import { DEFAULT_MODEL_PATH } from '../src/analyze/tagger/index.ts';
import { TaggerModel } from '../src/analyze/tagger/model.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/tagger.ts', ['model', 'data', 'ant-articles', 'reps'], []);

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (n: string) => {
  const i = args.indexOf(`--${n}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const modelPath = opt('model') ?? DEFAULT_MODEL_PATH;
const dataPath = opt('data') ?? resolve(root, '../shared/data/anercorp/dev.txt');
const antPath = resolve(root, '../shared/data/ant/ant.jsonl');
const eascPath = resolve(root, '../shared/data/easc/easc-dev.jsonl');
if (!existsSync(dataPath)) {
  console.log(`skipped: ${dataPath} is absent (the benchmark tags the ANERcorp dev tokens)`);
  process.exit(0);
}
const dev = readConll(readFileSync(dataPath, 'utf8')).sentences.map((s) => s.tokens);
const count = (doc: string[][]) => doc.reduce((a, s) => a + s.length, 0);

/** Sentences of plain text: split at . ! ? ؟ and line ends; tokens are letter/digit runs and single other characters. */
const sentencesOf = (text: string): string[][] =>
  text
    .split(/[.!?؟\n]+/u)
    .map((s) => s.match(/[\p{L}\p{M}\p{Nd}]+|[^\s\p{L}\p{M}\p{Nd}]/gu) ?? [])
    .filter((s) => s.length > 0);
const articles = (path: string, field: string, limit: number): string[][][] => {
  if (!existsSync(path)) return [];
  const out: string[][][] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || out.length >= limit) continue;
    const rec = JSON.parse(line) as Record<string, unknown>;
    if (typeof rec[field] === 'string') out.push(sentencesOf(rec[field] as string));
  }
  return out;
};
const ant = articles(antPath, 'text', Number(opt('ant-articles') ?? 3000));
const easc = articles(eascPath, 'article', Infinity);

/** CPU seconds (user + system) of this process: on a shared machine wall time measures the neighbours. */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const buf = readFileSync(modelPath);
const size = statSync(modelPath).size;
const loads: number[] = [];
for (let i = 0; i < 5; i++) {
  const t0 = cpu();
  TaggerModel.load(modelPath);
  loads.push((cpu() - t0) * 1000);
}
loads.sort((a, b) => a - b);

/** Tokens per CPU second tagging `docs` (each a list of sentences) with `m`. */
const rate = (m: TaggerModel, docs: string[][][]) => {
  const t0 = cpu();
  for (const d of docs) m.tagDocument(d);
  return docs.reduce((a, d) => a + count(d), 0) / (cpu() - t0);
};
const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fresh = (wordTable = true) => TaggerModel.fromBuffer(buf, { wordTable });
// JIT warm-up on throwaway models.
rate(fresh(), [dev]);
rate(fresh(false), [dev]);
// Repetitions: on a shared machine one short run measures the neighbours as much as us.
const reps = Number(opt('reps') ?? 5);
const colds: number[] = [];
const coldsNoTable: number[] = [];
const warms: number[] = [];
for (let i = 0; i < reps; i++) {
  const m = fresh();
  colds.push(rate(m, [dev]));
  warms.push(rate(m, [dev]));
  coldsNoTable.push(rate(fresh(false), [dev]));
}
const m0 = fresh();
const table = new Set(m0.header.wordTable ?? []);
const inTable = (docs: string[][][]) => {
  let n = 0;
  let hit = 0;
  for (const d of docs) {
    for (const s of d) {
      for (const w of s) {
        n++;
        if (table.has(w)) hit++;
      }
    }
  }
  return n ? `${((100 * hit) / n).toFixed(1)}% of tokens in the word table` : 'absent';
};
const streams: number[] = [];
const oods: number[] = [];
for (let i = 0; i < reps; i++) {
  if (ant.length) streams.push(rate(fresh(), ant));
  if (easc.length) oods.push(rate(fresh(), easc));
}
const streamed = ant.length ? med(streams) : 0;
const ood = easc.length ? med(oods) : 0;

console.log(`model: ${modelPath}`);
console.log(
  `model size: ${(size / 1e6).toFixed(2)} MB (${m0.header.rows} feature rows, word table of ${table.size} words)`,
);
console.log(`model load: ${loads[0]!.toFixed(0)} ms CPU (best of 5), ${loads[2]!.toFixed(0)} ms (median)`);
console.log(
  `load average: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(
      ' ',
    )} (speeds are tokens per CPU second of this process, median of ${reps} runs; a fresh model for every cold, stream and out-of-domain run)`,
);
console.log(`dev: ${dataPath}, ${dev.length} sentences, ${count(dev)} tokens, ${inTable([dev])}`);
console.log(`  cold (fresh model): ${Math.round(med(colds))} tokens/s`);
console.log(`  cold, word table ignored: ${Math.round(med(coldsNoTable))} tokens/s`);
console.log(`  warm (same text again): ${Math.round(med(warms))} tokens/s`);
if (ant.length) {
  console.log(
    `stream: ${ant.length} ANT articles, ${count(ant.flat())} tokens, ${inTable(ant)}: ${Math.round(streamed)} tokens/s`,
  );
} else console.log(`stream: skipped (${antPath} absent)`);
if (easc.length) {
  console.log(
    `out of domain: ${easc.length} EASC articles, ${count(easc.flat())} tokens, ${inTable(easc)}: ${Math.round(ood)} tokens/s`,
  );
} else console.log(`out of domain: skipped (${eascPath} absent)`);
