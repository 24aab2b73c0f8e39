/**
 * `khabar eval compose --data PATH [--max-words N] [--json]`: ROUGE-1/2/L F1 of the
 * extractive summary against every reference (best reference per article, averaged),
 * unstemmed and Snowball-stemmed, beside LEAD-N at the same length.
 */
import { readFileSync } from 'node:fs';
import { leadSummary, summarize } from '../compose/compose.ts';
import { bestOf } from '../compose/rouge.ts';
import { wordsOf } from '../compose/units.ts';
import { fail } from '../errors.ts';
import { stem } from '../text/index.ts';
import type { EvalTask } from './task.ts';

interface Item {
  article: string;
  summaries: string[];
}

const KEYS = ['rouge1', 'rouge2', 'rougeL', 'rouge1_stemmed', 'rouge2_stemmed', 'rougeL_stemmed'] as const;
type Figures = Record<(typeof KEYS)[number], number>;

function read(path: string): Item[] {
  const items: Item[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let o: unknown;
      try {
        o = JSON.parse(line);
      } catch (err) {
        throw fail('EVAL_DATA_NOT_JSON', path, i + 1, (err as Error).message);
      }
      const r = o as Partial<Item>;
      if (typeof r.article !== 'string' || !Array.isArray(r.summaries) || r.summaries.length === 0)
        throw fail('EVAL_COMPOSE_FIELDS', path, i + 1);
      items.push({ article: r.article, summaries: r.summaries.filter((s) => typeof s === 'string') });
    });
  return items;
}

function score(candidate: string, refs: string[][]): Figures {
  const c = wordsOf(candidate);
  const plain = bestOf(c, refs);
  const st = bestOf(
    c.map((w) => stem(w)),
    refs.map((r) => r.map((w) => stem(w))),
  );
  return {
    rouge1: plain.rouge1,
    rouge2: plain.rouge2,
    rougeL: plain.rougeL,
    rouge1_stemmed: st.rouge1,
    rouge2_stemmed: st.rouge2,
    rougeL_stemmed: st.rougeL,
  };
}

const zero = (): Figures => Object.fromEntries(KEYS.map((k) => [k, 0])) as Figures;
const round = (x: number) => Math.round(x * 10000) / 10000;

export const task: EvalTask = {
  summary: 'ROUGE of composed summaries vs references, beside LEAD-N',
  async evaluate({ data, flags }) {
    const items = read(data);
    const fixed = flags['max-words'] !== undefined ? Number(flags['max-words']) : undefined;
    if (fixed !== undefined && !(fixed > 0))
      throw fail('BAD_OPTION', '--max-words', `"${flags['max-words']}" is not a positive number`);
    const sys = zero();
    const lead = zero();
    let composeMs = 0;
    for (const it of items) {
      const refs = it.summaries.map(wordsOf);
      const n = fixed ?? Math.round(refs.reduce((a, r) => a + r.length, 0) / refs.length);
      const t = performance.now();
      const summary = summarize(it.article, n);
      composeMs += performance.now() - t;
      const s = score(summary, refs);
      const l = score(leadSummary(it.article, n), refs);
      for (const k of KEYS) {
        sys[k] += s[k] / items.length;
        lead[k] += l[k] / items.length;
      }
    }
    for (const k of KEYS) {
      sys[k] = round(sys[k]);
      lead[k] = round(lead[k]);
    }
    const json = {
      task: 'compose',
      articles: items.length,
      max_words: fixed ?? 'mean reference length',
      system: sys,
      lead,
      articles_per_s: Math.round(items.length / (composeMs / 1000)),
    };
    const pct = (x: number) => (100 * x).toFixed(2).padStart(7);
    const rows = KEYS.map((k) => `${k.padEnd(16)}${pct(sys[k])}${pct(lead[k])}${pct(sys[k] - lead[k])}`);
    const table = [
      `compose: ${items.length} articles, system and LEAD-N both cut to ${fixed !== undefined ? `${fixed} words` : 'the mean reference length'} (words as ROUGE counts them), ${json.articles_per_s} articles/s`,
      `${'F1 (%)'.padEnd(16)} system  LEAD-N   delta`,
      ...rows,
    ].join('\n');
    return { json, table };
  },
};
