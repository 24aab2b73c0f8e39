/**
 * Corpus and queries for the search benchmarks (bench/search.ts, bench/search-compare.ts).
 *
 * Documents: the ANT corpus (../shared/data/ant/ant.jsonl, 10,161 Tunisian news articles,
 * Apache-2.0) as is for the first 10,161 (their `DD/MM/YYYY` dates read as the ingest reads them,
 * `isoTime`: day first); beyond that, synthetic articles recombined from ANT
 * text: article i (i ≥ 10,161) takes 6–14 sentences drawn (seeded PRNG, seed = i) from three
 * random ANT articles, the title of a fourth, an outlet «Jawhara FM / <category>» of the
 * first, and a publication date spread over 2012–2025. The words and their frequencies stay
 * those of real Arabic news; the documents differ from each other.
 * Bench documents skip the analysis stages (empty mentions/events; an unlabelled brief with
 * one block per paragraph): search speed depends on the text index, not on the analysis.
 *
 * Queries (200, seeded): words drawn from the ANT vocabulary (surface forms of Arabic words
 * of ≥ 3 letters in the first 3,000 articles) in frequency bands — 50 single frequent words
 * (top 200), 40 single mid-frequency words (rank 200–5,000), 30 rare words (seen 2–5 times),
 * 30 two-word AND queries, 15 phrases (adjacent word pairs from the text), 10 OR queries,
 * 10 prefix queries (the first 3–4 letters of a mid-frequency word + `*`), 5 NOT queries,
 * 10 queries with a filter (`outlet:` or `from:`/`to:`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isoTime } from '../src/ingest/article.ts';
import { BRIEF_SCHEMA, type Block, type ProcessedArticle } from '../src/model.ts';
import { tokenize } from '../src/text/index.ts';
import { mulberry32 } from '../src/text/random.ts';

export const ANT_PATH = new URL('../../shared/data/ant/ant.jsonl', import.meta.url);

export interface AntArticle {
  id: string;
  title: string;
  text: string;
  source: string;
  category: string;
  published: string;
}

export function antAvailable(): boolean {
  return existsSync(ANT_PATH);
}

export function loadAnt(): AntArticle[] {
  return readFileSync(ANT_PATH, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as AntArticle)
    .filter((a) => a.text && a.text.trim().length > 0);
}

/** The shared seeded PRNG (src/text/random.ts). */
export const prng = mulberry32;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!؟?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

export function doc(a: {
  id: string;
  title?: string;
  text: string;
  outlet?: string;
  published?: string | undefined;
}): ProcessedArticle {
  const body: Block[] = [];
  for (const m of a.text.matchAll(/[^\n]+/gu)) {
    if (m[0].trim()) body.push({ text: m[0], span: [m.index, m.index + m[0].length] });
  }
  return {
    article: {
      id: a.id,
      language: 'ar',
      text: a.text,
      ...(a.title ? { title: a.title } : {}),
      ...(a.outlet ? { outlet: a.outlet } : {}),
      ...(a.published ? { published: a.published } : {}),
      provenance: { source: 'bench', format: 'jsonl', ingestedAt: '2026-01-01T00:00:00.000Z' },
      warnings: [],
    },
    brief: {
      schema: BRIEF_SCHEMA,
      origin: 'unlabelled',
      lead: body.slice(0, 1),
      sections: [],
      body: body.slice(1),
      trailing: [],
      messages: [],
    },
    analysis: { mentions: [], entities: [], events: [], dates: [], messages: [] },
  };
}

/** Document i of the benchmark corpus (see the module comment). */
export function corpusDoc(ant: AntArticle[], i: number, sentencePools?: string[][]): ProcessedArticle {
  if (i < ant.length) {
    const a = ant[i]!;
    return doc({
      id: a.id,
      title: a.title,
      text: a.text,
      outlet: `${a.source} / ${a.category}`,
      // As the ingest reads it (day first: 02/05/2016 → 2016-05-02), not the raw DD/MM/YYYY.
      published: isoTime(a.published),
    });
  }
  const r = prng(i + 1);
  const pools = sentencePools ?? [];
  const from = [0, 1, 2].map(() => Math.floor(r() * ant.length));
  const sentences: string[] = [];
  const n = 6 + Math.floor(r() * 9);
  for (let k = 0; k < n; k++) {
    const j = pick(r, from);
    const pool = pools[j] ?? sentencesOf(ant[j]!.text);
    if (pool.length) sentences.push(pick(r, pool));
  }
  const paras: string[] = [];
  for (let k = 0; k < sentences.length; k += 3) paras.push(sentences.slice(k, k + 3).join(' '));
  const base = ant[from[0]!]!;
  const day = new Date(Date.UTC(2012, 0, 1) + Math.floor(r() * 14 * 365) * 86400000);
  return doc({
    id: `syn-${i}`,
    title: ant[Math.floor(r() * ant.length)]!.title,
    text: paras.join('\n'),
    outlet: `${base.source} / ${base.category}`,
    published: `${day.toISOString().slice(0, 10)}T12:00:00+01:00`,
  });
}

export function sentencePools(ant: AntArticle[]): string[][] {
  return ant.map((a) => sentencesOf(a.text));
}

export interface BenchQuery {
  q: string;
  kind: string;
}

/** The 200 benchmark queries (see the module comment). */
export function benchQueries(ant: AntArticle[], seed = 42): BenchQuery[] {
  const r = prng(seed);
  const freq = new Map<string, number>();
  const bigrams: string[] = [];
  for (const a of ant.slice(0, 3000)) {
    let prev: string | undefined;
    for (const t of tokenize(a.text)) {
      if (t.kind !== 'word' || [...t.text].length < 3) {
        prev = undefined;
        continue;
      }
      freq.set(t.text, (freq.get(t.text) ?? 0) + 1);
      if (prev && r() < 0.01) bigrams.push(`${prev} ${t.text}`);
      prev = t.text;
    }
  }
  const ranked = [...freq.entries()].sort((x, y) => y[1] - x[1]).map(([w]) => w);
  const frequent = ranked.slice(0, 200);
  const mid = ranked.slice(200, 5000);
  const rare = ranked.filter((w) => {
    const f = freq.get(w)!;
    return f >= 2 && f <= 5;
  });
  const outlets = [...new Set(ant.map((a) => `${a.source} / ${a.category}`))];
  const qs: BenchQuery[] = [];
  const add = (kind: string, n: number, make: () => string) => {
    for (let i = 0; i < n; i++) qs.push({ kind, q: make() });
  };
  add('frequent', 50, () => pick(r, frequent));
  add('mid', 40, () => pick(r, mid));
  add('rare', 30, () => pick(r, rare));
  add('and', 30, () => `${pick(r, mid)} ${pick(r, frequent)}`);
  add('phrase', 15, () => `"${pick(r, bigrams)}"`);
  add('or', 10, () => `${pick(r, mid)} OR ${pick(r, mid)}`);
  add('prefix', 10, () => {
    const w = [...pick(r, mid)];
    return `${w.slice(0, 3 + Math.floor(r() * 2)).join('')}*`;
  });
  add('not', 5, () => `${pick(r, frequent)} -${pick(r, mid)}`);
  add('filter', 10, () =>
    r() < 0.5
      ? `${pick(r, mid)} outlet:"${pick(r, outlets)}"`
      : `${pick(r, frequent)} from:2016-01 to:2016-06`,
  );
  return qs;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}
