/**
 * Trains the learned sentence scorer on a compose JSONL (default ../shared/data/easc/easc-dev.jsonl)
 * and prints cross-validated ROUGE beside LEAD-N: leave-one-category-out (the EASC title
 * without its number, e.g. «health», is the category), then in-sample. With --write, saves
 * the weights trained on all the data to src/compose/weights.json.
 *   node --import tsx src/compose/train.ts [FILE] [--write] [--l2 0.1]
 * Label of a sentence: the mean, over the references, of the share of its words the
 * reference contains. Logistic regression (soft labels), full-batch gradient descent.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { leadSummary } from './compose.ts';
import { dot, FEATURE_NAMES, featuresOf } from './features.ts';
import { summarizeLearned } from './learned.ts';
import { rankUnits } from './rank.ts';
import { bestOf } from './rouge.ts';
import { splitUnits, wordsOf } from './units.ts';

interface Example {
  x: number[][];
  y: number[];
  group: string;
  refs: string[][];
  budget: number;
  article: string;
}

export function examplesOf(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const it = JSON.parse(l) as { article: string; summaries: string[]; title?: string; topic?: unknown };
      const units = splitUnits(it.article);
      const refs = it.summaries.map(wordsOf);
      const sets = refs.map((r) => new Set(r));
      const y = units.map(
        (u) =>
          sets.reduce((a, s) => a + u.words.filter((w) => s.has(w)).length / u.words.length, 0) / sets.length,
      );
      return {
        x: featuresOf(rankUnits(units)),
        y,
        group: (it.title ?? String(it.topic ?? '')).replace(/\s*\(\d+\)\s*$/u, '').toLowerCase(),
        refs,
        budget: Math.round(refs.reduce((a, r) => a + r.length, 0) / refs.length),
        article: it.article,
      };
    });
}

export function train(data: Example[], opts: { l2?: number; epochs?: number; rate?: number } = {}): number[] {
  const l2 = opts.l2 ?? 0.1;
  const d = data[0]?.x[0]?.length ?? FEATURE_NAMES.length;
  const w = new Array<number>(d).fill(0);
  const X = data.flatMap((e) => e.x);
  const Y = data.flatMap((e) => e.y);
  for (let epoch = 0; epoch < (opts.epochs ?? 300); epoch++) {
    const g = new Array<number>(d).fill(0);
    for (let i = 0; i < X.length; i++) {
      const err = 1 / (1 + Math.exp(-dot(w, X[i]!))) - Y[i]!;
      for (let k = 0; k < d; k++) g[k]! += err * X[i]![k]!;
    }
    for (let k = 0; k < d; k++) w[k]! -= (opts.rate ?? 0.5) * (g[k]! / X.length + (k === 0 ? 0 : l2 * w[k]!));
  }
  return w;
}

function rouge(data: Example[], summary: (e: Example) => string): { r1: number; r2: number } {
  let r1 = 0;
  let r2 = 0;
  for (const e of data) {
    const s = bestOf(wordsOf(summary(e)), e.refs);
    r1 += s.rouge1 / data.length;
    r2 += s.rouge2 / data.length;
  }
  return { r1, r2 };
}

const pct = (x: number) => (100 * x).toFixed(2);

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file =
    args.find((a) => !a.startsWith('--') && !/^\d/u.test(a)) ?? '../shared/data/easc/easc-dev.jsonl';
  if (!existsSync(file)) {
    console.log(`skipped: ${file} is absent`);
    process.exit(0);
  }
  const l2i = args.indexOf('--l2');
  const l2 = l2i >= 0 ? Number(args[l2i + 1]) : 0.1;
  const data = examplesOf(file);
  const groups = [...new Set(data.map((e) => e.group))];
  const folds = new Map(
    groups.map((g) => [
      g,
      train(
        data.filter((e) => e.group !== g),
        { l2 },
      ),
    ]),
  );
  const all = train(data, { l2 });
  const cv = rouge(data, (e) => summarizeLearned(e.article, e.budget, folds.get(e.group)));
  const ins = rouge(data, (e) => summarizeLearned(e.article, e.budget, all));
  const lead = rouge(data, (e) => leadSummary(e.article, e.budget));
  console.log(`${data.length} articles, ${groups.length} categories, l2 ${l2}`);
  console.log(`LEAD-N                         R1 ${pct(lead.r1)}  R2 ${pct(lead.r2)}`);
  console.log(`learned, leave-one-category-out R1 ${pct(cv.r1)}  R2 ${pct(cv.r2)}`);
  console.log(`learned, in-sample              R1 ${pct(ins.r1)}  R2 ${pct(ins.r2)}`);
  console.log(FEATURE_NAMES.map((f, k) => `${f}=${all[k]!.toFixed(3)}`).join(' '));
  if (args.includes('--write')) {
    const path = new URL('./weights.json', import.meta.url);
    writeFileSync(
      path,
      `${JSON.stringify({ features: FEATURE_NAMES, weights: all.map((x) => Math.round(x * 1e4) / 1e4), trainedOn: file.split('/').pop(), l2 })}\n`,
    );
    console.log(`wrote ${path.pathname}`);
  }
}
