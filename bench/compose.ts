/**
 * Compose speed on one core, CPU time (process.cpuUsage, the machine is shared):
 * `summarize` (the eval path) and `compose` (the brief, without analysis) over the EASC
 * dev articles, best of 3 rounds after a warm-up.
 *   node --import tsx bench/compose.ts [FILE.jsonl] [--json]
 * Skips with a reason when ../shared is absent and no file is given.
 */
import { readFileSync } from 'node:fs';
import { compose, summarize } from '../src/compose/compose.ts';
import { composeBenchFile } from './compose-file.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/compose.ts [FILE.jsonl]', [], ['json']);

const args = process.argv.slice(2);
const file = composeBenchFile(args);
const articles = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { article: string }).article);

function cpu(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1e6;
}

function best(fn: () => void): number {
  fn(); // warm-up (stemmer cache, JIT)
  return Math.min(cpu(fn), cpu(fn), cpu(fn));
}

const words = articles.map((a) => a.split(/\s+/u).length);
const sumS = best(() => {
  articles.forEach((a, i) => {
    summarize(a, Math.max(20, Math.round(words[i]! / 3)));
  });
});
const compS = best(() => {
  for (const a of articles) compose(a);
});
const out = {
  file,
  articles: articles.length,
  mean_words: Math.round(words.reduce((a, b) => a + b, 0) / words.length),
  summarize_articles_per_cpu_s: Math.round(articles.length / sumS),
  compose_articles_per_cpu_s: Math.round(articles.length / compS),
};
if (args.includes('--json')) console.log(JSON.stringify(out));
else {
  console.log(`${out.articles} articles, mean ${out.mean_words} words (${file})`);
  console.log(`summarize: ${out.summarize_articles_per_cpu_s} articles per CPU second`);
  console.log(`compose (brief, no analysis): ${out.compose_articles_per_cpu_s} articles per CPU second`);
}
