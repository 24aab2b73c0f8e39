/**
 * `khabar eval briefs --data DIR`: a folder of `NAME.txt` articles beside
 * `NAME.gold.json` ({dateline?, byline?, sections: [{kind, items?, paragraphs?}]}).
 * See ../shared/eval/README.md. Per article: the section kinds in the same order with
 * the same item (and paragraph) counts where gold gives them, and dateline and byline
 * equal after whitespace normalization where gold gives them (`null` in gold: none
 * expected) — all of these hold = parsed exactly. Section precision/recall come from a
 * longest-common-subsequence alignment of predicted and gold sections, a pair matching
 * when the kind and the counts gold gives agree.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseBrief } from '../brief/parse.ts';
import { type GoldWant, fail } from '../errors.ts';
import { decode } from '../ingest/decode.ts';
import type { Brief, Section } from '../model.ts';
import type { EvalReport, EvalTask } from './task.ts';

interface GoldSection {
  kind: string;
  items?: number;
  paragraphs?: number;
}

interface Gold {
  dateline?: string | null;
  byline?: string | null;
  sections: GoldSection[];
}

interface Failure {
  file: string;
  got: string[];
  want: string[];
  dateline?: { got: string | null; want: string | null };
  byline?: { got: string | null; want: string | null };
}

/** Whitespace normalization: invisible controls removed, runs of spaces collapsed, trimmed. */
export function normalizeWhitespace(s: string): string {
  return s
    .replace(/[\u200B-\u200F\u061C\u2066-\u2069\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function readGold(raw: unknown, file: string): Gold {
  const bad = (field: string, want: GoldWant) => fail('EVAL_GOLD_SHAPE', file, field, want);
  if (typeof raw !== 'object' || raw === null) throw bad('', 'a JSON object');
  let g = raw as Record<string, unknown>;
  // a richer gold (like seed.gold.json) keeps the brief under "brief"
  if (!('sections' in g) && typeof g.brief === 'object' && g.brief !== null)
    g = g.brief as Record<string, unknown>;
  const sections = g.sections ?? [];
  if (!Array.isArray(sections)) throw bad('"sections"', 'a list');
  const out: Gold = {
    sections: sections.map((s, i) => {
      if (typeof s === 'string') return { kind: s };
      if (typeof s !== 'object' || s === null || typeof (s as GoldSection).kind !== 'string')
        throw bad(`"sections" #${i + 1}`, 'a section kind, or an object with a "kind"');
      const { kind, items, paragraphs } = s as GoldSection;
      return {
        kind,
        ...(typeof items === 'number' ? { items } : {}),
        ...(typeof paragraphs === 'number' ? { paragraphs } : {}),
      };
    }),
  };
  for (const key of ['dateline', 'byline'] as const) {
    if (key in g) {
      const v = g[key];
      if (v !== null && typeof v !== 'string') throw bad(`"${key}"`, 'a string or null');
      out[key] = v as string | null;
    }
  }
  return out;
}

function matches(p: Section, g: GoldSection): boolean {
  return (
    p.kind === g.kind &&
    (g.items === undefined || p.items.length === g.items) &&
    (g.paragraphs === undefined || p.paragraphs.length === g.paragraphs)
  );
}

function lcs(pred: readonly Section[], gold: readonly GoldSection[]): number {
  const row = new Array<number>(gold.length + 1).fill(0);
  for (const p of pred) {
    let diag = 0;
    for (let j = 1; j <= gold.length; j++) {
      const up = row[j]!;
      row[j] = matches(p, gold[j - 1]!) ? diag + 1 : Math.max(row[j]!, row[j - 1]!);
      diag = up;
    }
  }
  return row[gold.length]!;
}

function describeGold(g: GoldSection): string {
  const parts = [g.kind];
  if (g.items !== undefined) parts.push(`items=${g.items}`);
  if (g.paragraphs !== undefined) parts.push(`paragraphs=${g.paragraphs}`);
  return parts.join(' ');
}

function describePred(p: Section, like?: GoldSection): string {
  const parts: string[] = [p.kind];
  if (like && like.kind === p.kind) {
    if (like.items !== undefined) parts.push(`items=${p.items.length}`);
    if (like.paragraphs !== undefined) parts.push(`paragraphs=${p.paragraphs.length}`);
  } else {
    if (p.items.length) parts.push(`items=${p.items.length}`);
    if (p.paragraphs.length) parts.push(`paragraphs=${p.paragraphs.length}`);
  }
  return parts.join(' ');
}

function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

const r3 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

export async function evaluateBriefs(dir: string): Promise<EvalReport> {
  const info = await stat(dir);
  if (!info.isDirectory())
    throw fail(
      'USAGE',
      `khabar eval briefs needs a folder of NAME.txt + NAME.gold.json files, and ${dir} is a file`,
    );
  const names = (await readdir(dir)).filter((f) => f.endsWith('.txt')).sort();
  let articles = 0;
  let exact = 0;
  let skipped = 0;
  let tp = 0;
  let predTotal = 0;
  let goldTotal = 0;
  const dl = { right: 0, total: 0 };
  const bl = { right: 0, total: 0 };
  const failures: Failure[] = [];
  let parseMs = 0;
  for (const name of names) {
    const stem = name.slice(0, -4);
    const goldPath = join(dir, `${stem}.gold.json`);
    let goldRaw: string;
    try {
      goldRaw = await readFile(goldPath, 'utf8');
    } catch {
      skipped++;
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(goldRaw);
    } catch (err) {
      throw fail('EVAL_GOLD_NOT_JSON', goldPath, (err as Error).message);
    }
    const gold = readGold(parsed, goldPath);
    const text = decode(await readFile(join(dir, name)), name).text;
    const t0 = performance.now();
    const brief: Brief = parseBrief(text);
    parseMs += performance.now() - t0;
    articles++;

    const pred = brief.sections;
    const common = lcs(pred, gold.sections);
    tp += common;
    predTotal += pred.length;
    goldTotal += gold.sections.length;
    let ok = pred.length === gold.sections.length && common === pred.length;
    const failure: Failure = {
      file: basename(name),
      got: pred.map((p, i) => describePred(p, gold.sections[i])),
      want: gold.sections.map(describeGold),
    };
    for (const [key, acc, got] of [
      ['dateline', dl, brief.dateline?.text],
      ['byline', bl, brief.byline?.text],
    ] as const) {
      if (gold[key] === undefined) continue;
      acc.total++;
      const want = gold[key] ?? null;
      const have = got === undefined ? null : normalizeWhitespace(got);
      const right = want === null ? have === null : have === normalizeWhitespace(want);
      if (right) acc.right++;
      else {
        ok = false;
        failure[key] = { got: have, want };
      }
    }
    if (ok) exact++;
    else failures.push(failure);
  }
  if (articles === 0)
    throw fail(
      'USAGE',
      `${dir} has no NAME.txt with a NAME.gold.json beside it (${names.length} .txt files found)`,
    );

  const p = ratio(tp, predTotal) ?? (goldTotal === 0 ? 1 : 0);
  const r = ratio(tp, goldTotal) ?? (predTotal === 0 ? 1 : 0);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const json = {
    task: 'briefs',
    articles,
    exact: r3(exact / articles),
    exact_count: exact,
    sections: { p: r3(p), r: r3(r), f1: r3(f1), gold: goldTotal, pred: predTotal, matched: tp },
    dateline_acc: r3(ratio(dl.right, dl.total)),
    byline_acc: r3(ratio(bl.right, bl.total)),
    skipped_no_gold: skipped,
    articles_per_s: parseMs > 0 ? Math.round((articles / parseMs) * 1000) : null,
    failures,
  };
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const lines = [
    `briefs: ${articles} articles in ${dir}${skipped ? ` (${skipped} .txt without gold skipped)` : ''}`,
    `  parsed exactly     ${pct(exact / articles)} (${exact}/${articles})`,
    `  sections P/R/F1    ${pct(p)} / ${pct(r)} / ${pct(f1)}  (gold ${goldTotal}, predicted ${predTotal}, matched ${tp})`,
    `  dateline accuracy  ${pct(ratio(dl.right, dl.total))} (${dl.right}/${dl.total})`,
    `  byline accuracy    ${pct(ratio(bl.right, bl.total))} (${bl.right}/${bl.total})`,
  ];
  if (failures.length) {
    lines.push('', 'failures:');
    for (const f of failures) {
      lines.push(`  ${f.file}`, `    want: ${f.want.join(' | ') || '(no sections)'}`);
      lines.push(`    got:  ${f.got.join(' | ') || '(no sections)'}`);
      if (f.dateline)
        lines.push(
          `    dateline: got ${JSON.stringify(f.dateline.got)}, want ${JSON.stringify(f.dateline.want)}`,
        );
      if (f.byline)
        lines.push(`    byline: got ${JSON.stringify(f.byline.got)}, want ${JSON.stringify(f.byline.want)}`);
    }
  }
  return { json, table: lines.join('\n') };
}

export const task: EvalTask = {
  summary: 'brief parsing on a folder of NAME.txt + NAME.gold.json: share parsed exactly, section P/R/F1',
  evaluate: (opts) => evaluateBriefs(opts.data),
};
