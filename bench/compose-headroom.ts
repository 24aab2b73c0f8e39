/**
 * Where ROUGE on EASC leaves room above LEAD-N, and how the references were stored.
 * Every row is a summary of exactly the budget (the mean reference length, in the words
 * `khabar eval compose` counts), scored like the eval (unstemmed F1, best reference):
 *
 * - LEAD-N; sentences in random order (mean of 10 shuffles), and the same with the first
 *   sentence kept first — what position alone is worth;
 * - the label oracle: sentences by their true label (mean share of their words found in the
 *   references — what the learned scorer is trained to predict);
 * - the metric oracle: sentences added greedily while the eval's own score rises — an upper
 *   bound for any sentence selector (it reads the references: not a system);
 * - how the references were stored: sentences cut at 254–255 characters, line breaks deleted
 *   without a space (two words glued into one token), and LEAD-N formatted the same way.
 *
 *   node --import tsx bench/compose-headroom.ts [FILE.jsonl] [--json]
 * Skips with a reason when ../shared is absent and no file is given.
 */
import { readFileSync } from 'node:fs';
import { leadSummary } from '../src/compose/compose.ts';
import { bestOf } from '../src/compose/rouge.ts';
import { packSummary, splitUnits, type Unit, wordsOf } from '../src/compose/units.ts';
import { composeBenchFile } from './compose-file.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/compose-headroom.ts [FILE.jsonl]', [], ['json']);

const args = process.argv.slice(2);
const file = composeBenchFile(args);
const items = readFileSync(file, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { article: string; summaries: string[] });

/** EASC's stored sentence: line breaks deleted, cut at 255 characters. */
const CAP = 255;
const stored = (s: string) => s.replace(/\n/gu, '').slice(0, CAP);

let seed = 7;
const random = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const shuffled = <T>(xs: T[]): T[] => {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
};

const rows = {
  lead: { r1: 0, r2: 0 },
  random: { r1: 0, r2: 0 },
  randomFirst: { r1: 0, r2: 0 },
  labelOracle: { r1: 0, r2: 0 },
  metricOracle: { r1: 0, r2: 0 },
  leadStored: { r1: 0, r2: 0 },
};
let refSentences = 0;
let refCut = 0;
let refTokens = 0;
let refGlued = 0;

const add = (row: { r1: number; r2: number }, summary: string, refs: string[][], w = 1) => {
  const s = bestOf(wordsOf(summary), refs);
  row.r1 += (w * s.rouge1) / items.length;
  row.r2 += (w * s.rouge2) / items.length;
};

for (const it of items) {
  const refs = it.summaries.map(wordsOf);
  const n = Math.round(refs.reduce((a, r) => a + r.length, 0) / refs.length);
  const units = splitUnits(it.article);
  add(rows.lead, leadSummary(it.article, n), refs);
  for (let k = 0; k < 10; k++) {
    add(rows.random, packSummary(shuffled(units), n), refs, 0.1);
    add(rows.randomFirst, packSummary([units[0]!, ...shuffled(units.slice(1))], n), refs, 0.1);
  }
  const sets = refs.map((r) => new Set(r));
  const label = (u: Unit) =>
    sets.reduce((a, s) => a + u.words.filter((w) => s.has(w)).length / u.words.length, 0) / sets.length;
  add(
    rows.labelOracle,
    packSummary(
      [...units].sort((a, b) => label(b) - label(a) || a.index - b.index),
      n,
    ),
    refs,
  );
  const chosen: Unit[] = [];
  let bestScore = 0;
  for (;;) {
    let pick: Unit | undefined;
    for (const u of units) {
      if (chosen.includes(u)) continue;
      const s = bestOf(wordsOf(packSummary([...chosen, u], n)), refs).rouge1;
      if (s > bestScore) {
        bestScore = s;
        pick = u;
      }
    }
    if (!pick) break;
    chosen.push(pick);
  }
  add(rows.metricOracle, packSummary(chosen, n), refs);
  const storedUnits = units.map((u) => {
    const text = stored(u.text);
    return { ...u, text, words: wordsOf(text) };
  });
  add(rows.leadStored, packSummary(storedUnits, n), refs);
  // How the references were stored.
  const articleWords = new Set(wordsOf(it.article));
  for (const s of it.summaries) {
    for (const part of s.split(/(?<=\.)\s+/u)) {
      refSentences++;
      if ((part.length === CAP || part.length === CAP + 1) && part.endsWith('.')) refCut++;
    }
    for (const w of wordsOf(s)) {
      refTokens++;
      if (!articleWords.has(w)) refGlued++;
    }
  }
}

const pct = (x: number) => (100 * x).toFixed(2);
const json = {
  file: file.split('/').pop(),
  articles: items.length,
  rows: Object.fromEntries(
    Object.entries(rows).map(([k, v]) => [k, { rouge1: pct(v.r1), rouge2: pct(v.r2) }]),
  ),
  references: {
    sentences: refSentences,
    cutAt255: refCut,
    tokens: refTokens,
    notInArticle: refGlued,
  },
};
if (args.includes('--json')) console.log(JSON.stringify(json));
else {
  const label: Record<keyof typeof rows, string> = {
    lead: 'LEAD-N',
    random: 'random sentence order (10 shuffles)',
    randomFirst: 'first sentence, then random order',
    labelOracle: 'label oracle (true mean share)',
    metricOracle: 'metric oracle (greedy on ROUGE-1)',
    leadStored: 'LEAD-N as EASC stored sentences',
  };
  console.log(
    `${items.length} articles (${json.file}); unstemmed F1 %, best reference, budget = mean reference length`,
  );
  for (const [k, v] of Object.entries(rows))
    console.log(`${label[k as keyof typeof rows].padEnd(40)} R1 ${pct(v.r1)}  R2 ${pct(v.r2)}`);
  console.log(
    `references: ${refCut} of ${refSentences} sentences cut at ${CAP - 1}–${CAP} characters (then «.»); ` +
      `${refGlued} of ${refTokens} tokens (${pct(refGlued / refTokens)}%) are not words of the article (mostly two words glued where a line broke)`,
  );
}
