/**
 * Two more attempts at composing above LEAD-N on EASC (issue #7), scored like
 * `khabar eval compose` (unstemmed ROUGE F1, best reference, every summary exactly the
 * budget), with the paired per-article ROUGE-1 difference from LEAD-N ± its standard error:
 *
 * - sentence compression: every sentence longer than W counted words is cut at its last clause
 *   boundary («،» «؛» «,» «:» or before a «و»-initial word) within the first W words, then
 *   LEAD-N order. Applied to all sentences, to those longer than 255 characters only, and to
 *   those of at most 255 characters only — EASC stored its reference sentences cut at 255
 *   characters (bench/compose-headroom.ts), so the split tells a real gain from that quirk;
 * - concept coverage (Gillick & Favre style, greedy): concepts are adjacent content-stem
 *   bigrams weighted by the number of sentences holding them; sentences are added by new
 *   concept weight per word, damped by 1 / (1 + p·position), first sentence forced or not.
 *
 * Nothing is trained: no cross-validation needed, but every parameter below was varied on these
 * same articles, so the best row of each family is an optimistic figure.
 *
 *   node --import tsx bench/compose-compression.ts [FILE.jsonl]
 * Skips with a reason when ../shared is absent and no file is given.
 */
import { readFileSync } from 'node:fs';
import { STOP } from '../src/compose/rank.ts';
import { bestOf } from '../src/compose/rouge.ts';
import { headWords, packSummary, splitUnits, type Unit, wordsOf } from '../src/compose/units.ts';
import { composeBenchFile } from './compose-file.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/compose-compression.ts [FILE.jsonl]', [], []);

const args = process.argv.slice(2);
const file = composeBenchFile(args);
const items = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { article: string; summaries: string[] })
  .map((it) => {
    const refs = it.summaries.map(wordsOf);
    const n = Math.round(refs.reduce((a, r) => a + r.length, 0) / refs.length);
    return { refs, n, units: splitUnits(it.article) };
  });
type Item = (typeof items)[number];

const rows: { name: string; r1: number[]; r2: number[] }[] = [];
const run = (name: string, summary: (it: Item) => string) => {
  const row = { name, r1: [] as number[], r2: [] as number[] };
  for (const it of items) {
    const s = bestOf(wordsOf(summary(it)), it.refs);
    row.r1.push(s.rouge1);
    row.r2.push(s.rouge2);
  }
  rows.push(row);
};

const BOUNDARY = /[،,؛:]\s|\s(?=و)/gu;
/** The sentence cut at its last clause boundary within the first `w` words (kept whole if none). */
function clauseCut(text: string, w: number): string {
  if (wordsOf(text).length <= w) return text;
  const head = headWords(text, w);
  let cut = -1;
  for (const m of head.matchAll(BOUNDARY))
    if (wordsOf(text.slice(0, m.index)).length >= Math.min(8, w / 2)) cut = m.index;
  return cut < 0 ? text : text.slice(0, cut);
}
const compressed = (it: Item, t: (u: Unit) => string) =>
  packSummary(
    it.units.map((u) => {
      const text = t(u);
      return { ...u, text, words: wordsOf(text) };
    }),
    it.n,
  );

function coverage(it: Item, forceFirst: boolean, p: number): string {
  const cs = it.units.map((u) => {
    const s = u.stems.filter((x) => !STOP.has(x));
    const c = new Set<string>();
    for (let i = 0; i + 1 < s.length; i++) c.add(`${s[i]} ${s[i + 1]}`);
    return c;
  });
  const df = new Map<string, number>();
  for (const c of cs) for (const x of c) df.set(x, (df.get(x) ?? 0) + 1);
  const covered = new Set<string>();
  const chosen: Unit[] = [];
  const used = new Set<number>();
  let words = 0;
  const take = (i: number) => {
    chosen.push(it.units[i]!);
    used.add(i);
    words += it.units[i]!.words.length;
    for (const x of cs[i]!) covered.add(x);
  };
  if (forceFirst && it.units.length > 0) take(0);
  while (words < it.n && used.size < it.units.length) {
    let best = -1;
    let bestValue = -1;
    it.units.forEach((u, i) => {
      if (used.has(i)) return;
      let gain = 1e-6;
      for (const x of cs[i]!) if (!covered.has(x)) gain += df.get(x)!;
      const value = (gain / Math.min(u.words.length, it.n - words)) * (1 / (1 + p * i));
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    });
    take(best);
  }
  return packSummary(chosen, it.n);
}

const cpu0 = process.cpuUsage();
run('LEAD-N', (it) => packSummary(it.units, it.n));
for (const w of [35, 40, 45, 50, 60]) {
  run(`compress at W=${w}, every sentence`, (it) => compressed(it, (u) => clauseCut(u.text, w)));
  run(`compress at W=${w}, sentences > 255 chars only`, (it) =>
    compressed(it, (u) => (u.text.length > 255 ? clauseCut(u.text, w) : u.text)),
  );
  run(`compress at W=${w}, sentences ≤ 255 chars only`, (it) =>
    compressed(it, (u) => (u.text.length <= 255 ? clauseCut(u.text, w) : u.text)),
  );
}
for (const forceFirst of [true, false])
  for (const p of [0, 0.5, 2])
    run(`bigram coverage, first ${forceFirst ? 'forced' : 'free'}, p=${p}`, (it) =>
      coverage(it, forceFirst, p),
    );
const cpu = process.cpuUsage(cpu0);

const lead = rows[0]!;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number) => (100 * x).toFixed(2);
console.log(`${items.length} articles; unstemmed F1 %, best reference, budget = mean reference length`);
for (const row of rows) {
  const d = row.r1.map((x, i) => x - lead.r1[i]!);
  const md = mean(d);
  const se = Math.sqrt(d.reduce((a, x) => a + (x - md) ** 2, 0) / (d.length - 1) / d.length);
  const better = d.filter((x) => x > 1e-9).length;
  const worse = d.filter((x) => x < -1e-9).length;
  console.log(
    `${row.name.padEnd(48)} R1 ${pct(mean(row.r1))}  R2 ${pct(mean(row.r2))}` +
      (row === lead ? '' : `  Δ ${md >= 0 ? '+' : ''}${pct(md)} ± ${pct(se)}  ${better}/${worse}`),
  );
}
console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
