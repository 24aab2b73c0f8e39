/**
 * Attempts to compose above LEAD-N on EASC (issue #7), each scored like `khabar eval compose`
 * (unstemmed ROUGE F1, best reference, every summary exactly the budget) and, when trained,
 * cross-validated leave-one-category-out exactly as src/compose/train.ts does (the weights
 * scoring an article never saw its category). Beside each row: the mean per-article
 * difference from LEAD-N in ROUGE-1 with its standard error (paired over articles), and how
 * many articles came out better / worse — a difference within about two standard errors is
 * not evidence of a gain.
 *
 *   node --import tsx bench/compose-attempts.ts [FILE.jsonl]
 * Skips with a reason when ../shared is absent and no file is given. Figures:
 * bench/RESULTS.md ## compose.
 */
import { leadSummary } from '../src/compose/compose.ts';
import { dot } from '../src/compose/features.ts';
import { cosine, rankUnits } from '../src/compose/rank.ts';
import { bestOf } from '../src/compose/rouge.ts';
import { examplesOf, train } from '../src/compose/train.ts';
import { packSummary, splitUnits, type Unit, wordsOf } from '../src/compose/units.ts';
import { composeBenchFile } from './compose-file.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/compose-attempts.ts [FILE.jsonl]', [], []);

const args = process.argv.slice(2);
const file = composeBenchFile(args);

const cpu0 = process.cpuUsage();
const data = examplesOf(file).map((e) => {
  const units = splitUnits(e.article);
  return { ...e, units, ranked: rankUnits(units) };
});
type Item = (typeof data)[number];
const groups = [...new Set(data.map((e) => e.group))];

interface Row {
  name: string;
  r1: number[];
  r2: number[];
}
const rows: Row[] = [];
const score = (name: string, summary: (e: Item, i: number) => string): Row => {
  const row: Row = { name, r1: [], r2: [] };
  data.forEach((e, i) => {
    const s = bestOf(wordsOf(summary(e, i)), e.refs);
    row.r1.push(s.rouge1);
    row.r2.push(s.rouge2);
  });
  rows.push(row);
  return row;
};
const byScore = (e: Item, s: readonly number[]): Unit[] =>
  e.units
    .map((u, k) => ({ u, s: s[k]! }))
    .sort((a, b) => b.s - a.s || a.u.index - b.u.index)
    .map((x) => x.u);

/** Leave-one-category-out: per-sentence scores of every article from weights that never saw its category. */
function crossValidated(x: number[][][], y: number[][] = data.map((e) => e.y)): number[][] {
  const out: number[][] = new Array(data.length);
  for (const g of groups) {
    const w = train(data.flatMap((e, i) => (e.group === g ? [] : [{ ...e, x: x[i]!, y: y[i]! }])));
    data.forEach((e, i) => {
      if (e.group === g) out[i] = x[i]!.map((row) => dot(w, row));
    });
  }
  return out;
}

// Extra sentence features (tried on top of the 14 of src/compose/features.ts).
const QUOTE = /[«»"“”]/u;
const REPORT =
  /(?:^|\s)[وف]?(?:قال|قالت|اكد|اكدت|اوضح|اوضحت|صرح|اضاف|اضافت|اشار|اشارت|شدد|حذر|دعا|اعلن|اعلنت)(?:\s|$)/u;
/** Words before the sentence, as a share of the budget (≤ 2): "would LEAD-N take it?". */
const before = (e: Item) => {
  let seen = 0;
  return e.units.map((u) => {
    const f = Math.min(2, seen / Math.max(1, e.budget));
    seen += u.words.length;
    return f;
  });
};
const surface = (e: Item) =>
  e.units.map((u) => [
    QUOTE.test(u.text) ? 1 : 0,
    REPORT.test(` ${u.words.join(' ')} `) ? 1 : 0,
    /^[وف]/u.test(u.words[0] ?? '') ? 1 : 0,
    u.text.includes('(') ? 1 : 0,
    /[?؟]/u.test(u.text) ? 1 : 0,
  ]);
/** LexRank over the stem TF-IDF vectors (cosine graph, damping 0.85), mean 1 per article. */
const lexRank = (e: Item) => {
  const n = e.ranked.length;
  const m = e.ranked.map((a, i) => e.ranked.map((b, j) => (i === j ? 0 : cosine(a.vec, b.vec))));
  const sums = m.map((r) => r.reduce((a, b) => a + b, 0) || 1);
  let r = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < 50; it++)
    r = r.map((_, j) => 0.15 / n + 0.85 * m.reduce((a, row, i) => a + (row[j]! / sums[i]!) * r[i]!, 0));
  return r.map((x) => Math.min(3, x * n));
};
const extend = (more: (e: Item) => number[][]) =>
  data.map((e) => {
    const extra = more(e);
    return e.x.map((row, k) => [...row, ...extra[k]!]);
  });

const lead = score('LEAD-N', (e) => leadSummary(e.article, e.budget));
const base = crossValidated(data.map((e) => e.x));
score('learned scorer (14 features), cross-validated', (e, i) => packSummary(byScore(e, base[i]!), e.budget));
const cum = crossValidated(extend((e) => before(e).map((b) => [b])));
score('+ words before the sentence / budget', (e, i) => packSummary(byScore(e, cum[i]!), e.budget));
const ext = extend((e) => {
  const b = before(e);
  return surface(e).map((s, k) => [...s, b[k]!]);
});
const surf = crossValidated(ext);
score('+ quotes, reporting verb, و/ف-initial, brackets, question', (e, i) =>
  packSummary(byScore(e, surf[i]!), e.budget),
);
const lex = crossValidated(extend((e) => lexRank(e).map((x) => [x])));
score('14 features + LexRank over stems', (e, i) => packSummary(byScore(e, lex[i]!), e.budget));
// Label: share of the distinct references holding ≥ 50% of the sentence's words (instead of
// the mean share of its words).
const selLabels = data.map((e) => {
  const sets = [...new Set(e.refs.map((r) => r.join(' ')))].map((r) => new Set(r.split(' ')));
  return e.units.map(
    (u) =>
      sets.filter((s) => u.words.filter((w) => s.has(w)).length >= 0.5 * u.words.length).length / sets.length,
  );
});
const sel = crossValidated(ext, selLabels);
score('same features, label = share of references selecting it', (e, i) =>
  packSummary(byScore(e, sel[i]!), e.budget),
);

// Per-article gate between LEAD-N and the learned scorer: ridge regression (λ = 0.1·n) of the
// ROUGE-1 difference on article features, trained leave-one-category-out.
const learnedRow = rows[1]!;
const articleFeatures = (e: Item): number[] => {
  const n = e.units.length;
  const words = e.units.reduce((a, u) => a + u.words.length, 0);
  const centroid = new Map<string, number>();
  for (const r of e.ranked) for (const [k, x] of r.vec) centroid.set(k, (centroid.get(k) ?? 0) + x);
  const para0 = e.units
    .filter((u) => u.paragraph === e.units[0]!.paragraph)
    .reduce((a, u) => a + u.words.length, 0);
  return [
    Math.log(n),
    Math.log(words),
    e.budget / words,
    Math.min(2, e.units[0]!.words.length / e.budget),
    Math.min(3, para0 / e.budget),
    Math.log(e.units[n - 1]!.paragraph + 1),
    ((e.article.match(/[«»"“”]/gu) ?? []).length / words) * 100,
    (e.units.flatMap((u) => u.words).filter((w) => /\d/u.test(w)).length / words) * 10,
    cosine(e.ranked[0]!.vec, centroid),
    words / n / 30,
  ];
};
const af = data.map(articleFeatures);
const dims = af[0]!.length;
for (let k = 0; k < dims; k++) {
  const col = af.map((r) => r[k]!);
  const mean = col.reduce((a, b) => a + b, 0) / col.length;
  const sd = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length) || 1;
  for (const r of af) r[k] = (r[k]! - mean) / sd;
}
const X = af.map((r) => [1, ...r]);
function ridge(rowsX: number[][], y: number[], lambda: number): number[] {
  const d = rowsX[0]!.length;
  const a = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d + 1 }, (_, j) =>
      j === d
        ? rowsX.reduce((s, r, k) => s + r[i]! * y[k]!, 0)
        : rowsX.reduce((s, r) => s + r[i]! * r[j]!, 0) + (i === j ? lambda : 0),
    ),
  );
  for (let c = 0; c < d; c++) {
    const p = a.reduce((best, r, i) => (i >= c && Math.abs(r[c]!) > Math.abs(a[best]![c]!) ? i : best), c);
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let i = 0; i < d; i++) {
      if (i === c) continue;
      const f = a[i]![c]! / a[c]![c]!;
      for (let j = c; j <= d; j++) a[i]![j]! -= f * a[c]![j]!;
    }
  }
  return a.map((r, i) => r[d]! / r[i]!);
}
const gain = data.map((_, i) => learnedRow.r1[i]! - lead.r1[i]!);
const gate = new Array<boolean>(data.length).fill(false);
for (const g of groups) {
  const tr = data.map((_, i) => i).filter((i) => data[i]!.group !== g);
  const w = ridge(
    tr.map((i) => X[i]!),
    tr.map((i) => gain[i]!),
    0.1 * tr.length,
  );
  data.forEach((e, i) => {
    if (e.group === g) gate[i] = dot(w, X[i]!) > 0;
  });
}
score(`gate LEAD-N / learned (learned for ${gate.filter(Boolean).length} articles)`, (e, i) =>
  gate[i] ? packSummary(byScore(e, base[i]!), e.budget) : leadSummary(e.article, e.budget),
);
const oracle: Row = {
  name: 'gate oracle (better of the two per article; reads the references)',
  r1: lead.r1.map((x, i) => Math.max(x, learnedRow.r1[i]!)),
  r2: lead.r2.map((x, i) => (lead.r1[i]! >= learnedRow.r1[i]! ? x : learnedRow.r2[i]!)),
};
rows.push(oracle);

// Budget use: in document order, a sentence that does not fit whole is replaced by the next
// one if that one fits whole (look-ahead 1; longer look-aheads were worse); or LEAD-N's whole
// sentences, then the best-scored remaining sentence (learned, cross-validated) in the cut slot.
const lookAhead = (e: Item): string => {
  const rest = [...e.units];
  const parts: Unit[] = [];
  let words = 0;
  while (words < e.budget && rest.length > 0) {
    const room = e.budget - words;
    let k = 0;
    if (rest[0]!.words.length > room && rest[1] && rest[1].words.length <= room) k = 1;
    const [u] = rest.splice(k, 1);
    parts.push(u!);
    words += Math.min(room, u!.words.length);
  }
  return packSummary(parts, e.budget);
};
score('document order, next sentence instead of a cut one when it fits whole', lookAhead);
score("LEAD-N's whole sentences, then the best-scored other sentence", (e, i) => {
  const head: Unit[] = [];
  let words = 0;
  for (const u of e.units) {
    if (words + u.words.length > e.budget) break;
    head.push(u);
    words += u.words.length;
  }
  const taken = new Set(head.map((u) => u.index));
  const rest = byScore(e, base[i]!).filter((u) => !taken.has(u.index));
  return packSummary([...head, ...rest], e.budget);
});

// Trimming: bracketed asides «( … )» removed from every sentence.
const trimmed = (e: Item): Unit[] =>
  e.units.map((u) => {
    const words = wordsOf(u.text.replace(/\s*\([^()]{1,120}\)/gu, ''));
    return words.length > 0 ? { ...u, words, text: u.text.replace(/\s*\([^()]{1,120}\)/gu, '') } : u;
  });
score('document order, bracketed asides removed', (e) => packSummary(trimmed(e), e.budget));
score('learned, bracketed asides removed', (e, i) => {
  const t = trimmed(e);
  return packSummary(
    byScore(e, base[i]!).map((u) => t[u.index]!),
    e.budget,
  );
});

// Position alone: LEAD-N without its sentence k (k = 1–3), and document order from sentence k.
for (const k of [1, 2, 3])
  score(`document order without sentence ${k} (it goes last)`, (e) =>
    packSummary([...e.units.filter((u) => u.index !== k), ...e.units.filter((u) => u.index === k)], e.budget),
  );
for (const k of [1, 2, 3])
  score(`document order from sentence ${k} (the opening goes last)`, (e) =>
    packSummary([...e.units.slice(k), ...e.units.slice(0, k)], e.budget),
  );

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const pct = (x: number) => (100 * x).toFixed(2);
const cpu = process.cpuUsage(cpu0);
console.log(
  `${data.length} articles, ${groups.length} categories; unstemmed F1 %; Δ = mean per-article ROUGE-1 difference from LEAD-N ± its standard error`,
);
console.log('| summary | ROUGE-1 | ROUGE-2 | Δ ROUGE-1 ± s.e. | better / worse |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) {
  const d = r.r1.map((x, i) => x - lead.r1[i]!);
  const m = mean(d);
  const se = Math.sqrt(mean(d.map((x) => (x - m) ** 2)) / d.length);
  const better = d.filter((x) => x > 1e-12).length;
  const worse = d.filter((x) => x < -1e-12).length;
  console.log(
    `| ${r.name} | ${pct(mean(r.r1))} | ${pct(mean(r.r2))} | ${r === lead ? '—' : `${m >= 0 ? '+' : ''}${pct(m)} ± ${pct(se)}`} | ${r === lead ? '—' : `${better} / ${worse}`} |`,
  );
}
console.log(`CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
