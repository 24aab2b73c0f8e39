/**
 * The search analyzer's per-word work on real text: every distinct word of ANT
 * (../shared/data/ant/ant.jsonl, title and text) and EASC (../shared/data/easc/easc-dev.jsonl,
 * title and article), as `eachWord` cuts them. Run: node --import tsx bench/terms.ts
 *
 * Prints:
 * - a SHA-256 of the terms of every distinct word (form, bare, stem, latin, loan, script,
 *   sorted by word): two versions of the analyzer give the same terms for every word of the
 *   two corpora exactly when they print the same digest (run this file on both);
 * - in CPU time of this process: the first sight of every distinct ANT word (`analyzeWord` with
 *   empty caches, in the order the words first appear: what an ingest pays once per word,
 *   JIT warm-up included), then of the EASC words ANT lacks (the same work on warm code),
 *   the same words again (cached), every word token of ANT again (the per-article lookups),
 *   and the index columns of every ANT article (`IndexBuilder`, title and text, warm);
 * - the parts of a first sight, each on its own distinct inputs without caches: the clitic
 *   readings (`stripProclitics`), the Snowball stem of the definite form, the Latin key.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { analyzeWord, eachWord, IndexBuilder, stripProclitics } from '../src/search/analyze.ts';
import { createStemmer, matchForm } from '../src/text/index.ts';
import { latinKey } from '../src/text/transliterate.ts';

const antPath = fileURLToPath(new URL('../../shared/data/ant/ant.jsonl', import.meta.url));
const eascPath = fileURLToPath(new URL('../../shared/data/easc/easc-dev.jsonl', import.meta.url));
if (!existsSync(antPath) || !existsSync(eascPath)) {
  console.log(`skipped: ${antPath} or ${eascPath} is absent (shared/ is not beside the repo)`);
  process.exit(0);
}

const cpu = (fn: () => void): number => {
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

const antTexts: string[] = [];
const eascTexts: string[] = [];
for (const [path, into, fields] of [
  [antPath, antTexts, ['title', 'text']],
  [eascPath, eascTexts, ['title', 'article']],
] as const) {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as Record<string, unknown>;
    for (const f of fields) if (typeof rec[f] === 'string' && rec[f]) into.push(rec[f] as string);
  }
}
const seen = new Set<string>();
let antTokens = 0;
for (const t of antTexts)
  eachWord(t, (w) => {
    antTokens++;
    seen.add(w);
  });
const antDistinct = seen.size;
for (const t of eascTexts) eachWord(t, (w) => seen.add(w));
const distinct = [...seen];

let sink = 0;
const antWords = distinct.slice(0, antDistinct);
const eascOnly = distinct.slice(antDistinct);
const first = cpu(() => {
  for (const w of antWords) sink += analyzeWord(w)?.form.length ?? 0;
});
const firstWarm = cpu(() => {
  for (const w of eascOnly) sink += analyzeWord(w)?.form.length ?? 0;
});
const again = cpu(() => {
  for (const w of distinct) sink += analyzeWord(w)?.form.length ?? 0;
});
const tokens = cpu(() => {
  for (const t of antTexts) eachWord(t, (w) => (sink += analyzeWord(w)?.form.length ?? 0));
});
let articles = 0;
const columns = cpu(() => {
  const ant = readFileSync(antPath, 'utf8').split('\n');
  for (const line of ant) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as { title?: string; text?: string };
    articles++;
    const b = new IndexBuilder();
    if (rec.title) b.add(rec.title);
    b.add(rec.text ?? '');
    sink += b.columns().forms.length;
  }
});

// identity: the terms of every distinct word
const hash = createHash('sha256');
for (const w of [...distinct].sort()) {
  const t = analyzeWord(w);
  hash.update(
    t ? `${w}\t${t.form}\t${t.bare}\t${t.stem}\t${t.latin}\t${t.loan}\t${t.script}\n` : `${w}\t-\n`,
  );
}
const digest = hash.digest('hex');

// the parts, each without caches, on the distinct inputs a first sight gives them
const ARABIC = /\p{Script=Arabic}/u;
const NON_TERM = /[^\p{L}\p{N}]/gu;
const displays = distinct
  .filter((w) => ARABIC.test(matchForm(w).replace(NON_TERM, '')))
  .map((w) => w.replace(/[\p{M}\u0640\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E\uFEFF]/gu, ''));
const bares: string[] = [];
const clitics = cpu(() => {
  for (const d of displays) bares.push(stripProclitics(d));
});
const definite = [...new Set(bares.map((b) => (b.startsWith('ال') ? b : `ال${b}`)))];
const raw = createStemmer({ cacheSize: 0 });
const stems = cpu(() => {
  for (const d of definite) sink += raw.stem(d).length;
});
const bareForms = [...new Set(bares.map((b) => matchForm(b).replace(NON_TERM, '')))];
const keys = cpu(() => {
  for (const b of bareForms) sink += latinKey(b).length;
});

const us = (s: number, n: number) => ((s / n) * 1e6).toFixed(2);
const rows: [string, number, number][] = [
  ['first sight of each distinct ANT word (analyzeWord, empty caches, cold code)', antWords.length, first],
  ['first sight of the EASC words ANT lacks (code warm by then)', eascOnly.length, firstWarm],
  ['the same words again (cached)', distinct.length, again],
  ['every ANT word token (cached)', antTokens, tokens],
  ['index columns of every ANT article (IndexBuilder, warm; JSON parse included)', articles, columns],
  ['part: clitic readings (stripProclitics, Arabic words)', displays.length, clitics],
  ['part: Snowball stem of the definite form, no cache', definite.length, stems],
  ['part: Latin key (src/text latinKey) of the bare form, no cache', bareForms.length, keys],
];
console.log(
  `ANT ${antTokens.toLocaleString('en')} word tokens, ${antDistinct.toLocaleString('en')} distinct; with EASC ${distinct.length.toLocaleString('en')} distinct words; Node ${process.version}`,
);
console.log(`terms digest (sha256 of every distinct word's terms): ${digest}\n`);
console.log('| step | items | CPU s | µs an item |');
console.log('| --- | --- | --- | --- |');
for (const [name, n, s] of rows)
  console.log(`| ${name} | ${n.toLocaleString('en')} | ${s.toFixed(3)} | ${us(s, n)} |`);
if (sink === -1) console.log('');
