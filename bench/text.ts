/**
 * Speed of the Arabic text core on the ANT corpus (../shared/data/ant/ant.jsonl, the `text`
 * field of each line). Run: node --import tsx bench/text.ts [--quick]
 *
 * Prints, in CPU time of one core (the machine is shared, wall time is not meaningful):
 * - normalize(match), tokenize, normalize(match)+tokenize, sentences: MB/s, where MB is
 *   10^6 bytes of UTF-8 input, per article (the way the pipeline calls them);
 * - linearity: normalize(match)+tokenize on one text made of the corpus concatenated to
 *   about 3 MB, 12 MB and 48 MB (1×, 4×, 16×): MB/s for each, which should stay flat;
 * - stem: words/s over every word token of the corpus, with a fresh cache (cold: every new
 *   word is stemmed once), then again (warm), and without a cache on the distinct words;
 * - analyzeClitics over every word token, first pass (cold) and again (warm).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeClitics, createStemmer, normalize, sentences, tokenize } from '../src/text/index.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/text.ts', [], ['quick']);

const corpusPath = fileURLToPath(new URL('../../shared/data/ant/ant.jsonl', import.meta.url));
if (!existsSync(corpusPath)) {
  console.log(`skipped: ${corpusPath} is absent (shared/ is not beside the repo)`);
  process.exit(0);
}
const quick = process.argv.includes('--quick');

const texts: string[] = [];
for (const line of readFileSync(corpusPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const rec = JSON.parse(line) as { text?: unknown };
  if (typeof rec.text === 'string' && rec.text.length > 0) texts.push(rec.text);
}
const corpusBytes = texts.reduce((n, t) => n + Buffer.byteLength(t, 'utf8'), 0);
const MB = 1e6;

/**
 * Best of `runs`, in CPU seconds of this process (user + system), not wall time: the
 * machine is shared, and CPU time is what "one core" means. GC helper threads count too,
 * which only makes the figures lower.
 */
function best(runs: number, fn: () => void): number {
  let min = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    min = Math.min(min, (c.user + c.system) / 1e6);
  }
  return min;
}

const rows: string[][] = [];
const row = (...cells: (string | number)[]) => rows.push(cells.map(String));
const runs = quick ? 1 : 3;

// warm-up (JIT, lazily built tables)
for (let k = 0; k < 200 && k < texts.length; k++) tokenize(normalize(texts[k]!, { strength: 'match' }).text);

let sink = 0;
const perArticle = (name: string, fn: (t: string) => number) => {
  const s = best(runs, () => {
    for (const t of texts) sink += fn(t);
  });
  row(name, 'per article', (corpusBytes / MB).toFixed(1), s.toFixed(3), (corpusBytes / MB / s).toFixed(1));
};
perArticle('normalize(match)', (t) => normalize(t, { strength: 'match' }).text.length);
perArticle('normalize(display)', (t) => normalize(t).text.length);
perArticle('tokenize', (t) => tokenize(t).length);
perArticle('normalize(match)+tokenize', (t) => tokenize(normalize(t, { strength: 'match' }).text).length);
perArticle('sentences', (t) => sentences(t).length);

// linearity
const unit: string[] = [];
let unitBytes = 0;
for (const t of texts) {
  if (unitBytes >= 3 * MB) break;
  unit.push(t);
  unitBytes += Buffer.byteLength(t, 'utf8') + 2;
}
const unitText = unit.join('\n\n');
for (const times of quick ? [1, 4] : [1, 4, 16]) {
  const big = Array.from({ length: times }, () => unitText).join('\n\n');
  const bytes = Buffer.byteLength(big, 'utf8');
  const s = best(quick ? 1 : 2, () => {
    sink += tokenize(normalize(big, { strength: 'match' }).text).length;
  });
  row(
    `normalize(match)+tokenize ${times}×`,
    'one text',
    (bytes / MB).toFixed(1),
    s.toFixed(3),
    (bytes / MB / s).toFixed(1),
  );
}

// stem
const words: string[] = [];
for (const t of texts) for (const tok of tokenize(t)) if (tok.kind === 'word') words.push(tok.text);
const distinct = [...new Set(words)];
const cached = createStemmer({ cacheSize: 200_000 });
const cold = best(1, () => {
  for (const w of words) sink += cached.stem(w).length;
});
const warm = best(runs, () => {
  for (const w of words) sink += cached.stem(w).length;
});
const raw = createStemmer({ cacheSize: 0 });
const sample = distinct.slice(0, quick ? 20_000 : 100_000);
const uncached = best(1, () => {
  for (const w of sample) sink += raw.stem(w).length;
});
const clCold = best(1, () => {
  for (const w of words) sink += analyzeClitics(w).length;
});
const clWarm = best(runs, () => {
  for (const w of words) sink += analyzeClitics(w).length;
});
const wps = (n: number, s: number) => Math.round(n / s).toLocaleString('en');
const srows: string[][] = [
  [
    'stem, cache, cold (first pass)',
    words.length.toLocaleString('en'),
    cold.toFixed(3),
    wps(words.length, cold),
  ],
  [
    'stem, cache, warm (second pass)',
    words.length.toLocaleString('en'),
    warm.toFixed(3),
    wps(words.length, warm),
  ],
  [
    'stem, no cache (distinct words)',
    sample.length.toLocaleString('en'),
    uncached.toFixed(3),
    wps(sample.length, uncached),
  ],
  [
    'analyzeClitics, cache, cold',
    words.length.toLocaleString('en'),
    clCold.toFixed(3),
    wps(words.length, clCold),
  ],
  [
    'analyzeClitics, cache, warm',
    words.length.toLocaleString('en'),
    clWarm.toFixed(3),
    wps(words.length, clWarm),
  ],
];

const table = (head: string[], body: string[][]) => {
  const all = [head, ...body];
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(' | ')} |`;
  return [line(head), `| ${w.map((n) => '-'.repeat(n)).join(' | ')} |`, ...body.map(line)].join('\n');
};
console.log(
  `ANT: ${texts.length} articles, ${(corpusBytes / MB).toFixed(1)} MB UTF-8, ${words.length.toLocaleString('en')} word tokens, ${distinct.length.toLocaleString('en')} distinct; Node ${process.version}, best of ${runs}\n`,
);
console.log(table(['step', 'input', 'MB', 'CPU s', 'MB/s'], rows));
console.log('');
console.log(table(['per word', 'words', 'CPU s', 'words/s'], srows));
if (sink === -1) console.log('');
