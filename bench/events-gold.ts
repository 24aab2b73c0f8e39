/**
 * Every events tuning set scored in one command, with the scorer of `khabar eval events
 * --exhaustive` (src/eval/events.ts, called in this process): our own gold sets
 * (data/gold/events/NAME.jsonl) and the ANT real-news refs (data/gold/events/ant-NAME.ref.jsonl,
 * materialized from ../shared/data/ant/ant.jsonl into a temporary folder, removed at the end).
 *
 *   node --import tsx bench/events-gold.ts [--sets a,b,…] [--json] [--keep DIR] [--blind]
 *
 * A table per set (gold, found, recall, predicted, precision, source and target accuracy, the
 * reciprocal and background flags right / scored) and the total over the sets scored; `--json`
 * prints one JSON object instead ({sets: {name: figures}, total, skipped}). `--sets` takes the
 * names of the table (dev, heldout-3, ant-real-dev-3, …). `--keep DIR` writes the materialized ANT
 * sets there instead of a temporary folder (for listings). A set whose name holds `heldout-15` or
 * `real-heldout-10` is blind: refused unless `--blind` is given (the lead scores those). ANT sets
 * are skipped, with the reason, when ../shared's corpus is absent; the total then says so.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { task } from '../src/eval/events.ts';
import { DEFAULT_ANT, materialize, readAnt } from '../scripts/gold-from-ant.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const GOLD = join(ROOT, 'data/gold/events');

/** The tuning sets, in the order of bench/RESULTS.md. */
export const TUNING_SETS = [
  'dev',
  'heldout',
  ...Array.from({ length: 13 }, (_, k) => `heldout-${k + 2}`),
  'ant-real-dev',
  'ant-real-heldout',
  'ant-real-dev-2',
  'ant-real-heldout-2',
  'ant-real-dev-3',
  'ant-real-heldout-3',
  'ant-real-heldout-4',
  'ant-real-heldout-5',
  'ant-real-heldout-6',
  'ant-real-heldout-7',
  'ant-real-heldout-8',
  'ant-real-heldout-9',
];

/** Names of blind sets (never tuned on): scored only with `--blind`. */
const BLIND = [/heldout-15/u, /real-heldout-10/u];
export const isBlind = (name: string): boolean => BLIND.some((r) => r.test(name));

interface Args {
  sets: string[];
  json: boolean;
  blind: boolean;
  keep?: string;
}

export function parseArgs(argv: string[]): Args {
  const out: Args = { sets: TUNING_SETS, json: false, blind: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') out.json = true;
    else if (a === '--blind') out.blind = true;
    else if (a === '--sets' || a === '--keep') {
      const v = argv[++i];
      if (!v || v.startsWith('--')) throw new Error(`events-gold: ${a} needs a value.`);
      if (a === '--keep') out.keep = resolve(v);
      else
        out.sets = v
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
    } else
      throw new Error(
        `events-gold: unknown argument «${a}»; use [--sets a,b] [--json] [--keep DIR] [--blind].`,
      );
  }
  if (out.sets.length === 0) throw new Error('events-gold: --sets names no set.');
  const blind = out.sets.filter(isBlind);
  if (blind.length && !out.blind)
    throw new Error(
      `events-gold: ${blind.join(', ')} ${blind.length > 1 ? 'are blind sets' : 'is a blind set'} (never tuned on); ` +
        'only the lead scores it, with --blind.',
    );
  return out;
}

interface SetFigures {
  texts: number;
  gold: number;
  found: number;
  recall: number;
  pred: number;
  precision: number;
  source_found: number;
  source_scored: number;
  source_acc: number;
  target_found: number;
  target_scored: number;
  target_acc: number;
  reciprocal: [number, number];
  background: [number, number];
}

const ratio = (a: number, b: number) => (b ? Number((a / b).toFixed(4)) : 0);

type Overall = {
  gold: number;
  found: number;
  pred: number;
  actor_found: number;
  actor_scored: number;
  target_found: number;
  target_scored: number;
};
type Attr = { right: number; scored: number } | undefined;

async function scoreFile(path: string): Promise<SetFigures> {
  const { json } = await task.evaluate({ data: path, flags: { exhaustive: true } });
  const o = json.overall as Overall;
  const attrs = json.attributes as Record<string, Attr>;
  const pair = (a: Attr): [number, number] => (a ? [a.right, a.scored] : [0, 0]);
  return figures({
    texts: json.texts as number,
    gold: o.gold,
    found: o.found,
    pred: o.pred,
    source_found: o.actor_found,
    source_scored: o.actor_scored,
    target_found: o.target_found,
    target_scored: o.target_scored,
    reciprocal: pair(attrs.reciprocal),
    background: pair(attrs.background),
  });
}

function figures(x: Omit<SetFigures, 'recall' | 'precision' | 'source_acc' | 'target_acc'>): SetFigures {
  return {
    ...x,
    recall: ratio(x.found, x.gold),
    precision: ratio(x.found, x.pred),
    source_acc: ratio(x.source_found, x.source_scored),
    target_acc: ratio(x.target_found, x.target_scored),
  };
}

function total(all: SetFigures[]): SetFigures {
  const sum = (k: keyof SetFigures) => all.reduce((s, f) => s + (f[k] as number), 0);
  const sumPair = (k: 'reciprocal' | 'background'): [number, number] => [
    all.reduce((s, f) => s + f[k][0], 0),
    all.reduce((s, f) => s + f[k][1], 0),
  ];
  return figures({
    texts: sum('texts'),
    gold: sum('gold'),
    found: sum('found'),
    pred: sum('pred'),
    source_found: sum('source_found'),
    source_scored: sum('source_scored'),
    target_found: sum('target_found'),
    target_scored: sum('target_scored'),
    reciprocal: sumPair('reciprocal'),
    background: sumPair('background'),
  });
}

async function main(argv: string[]): Promise<void> {
  const args = parseArgs(argv);
  const results: Record<string, SetFigures> = {};
  const skipped: Record<string, string> = {};
  const needsAnt = args.sets.some((s) => s.startsWith('ant-'));
  const antMissing = needsAnt && !existsSync(DEFAULT_ANT);
  const ant = needsAnt && !antMissing ? readAnt(DEFAULT_ANT) : undefined;
  const dir = args.keep ?? (needsAnt && ant ? mkdtempSync(join(tmpdir(), 'events-gold-')) : undefined);
  if (args.keep) mkdirSync(args.keep, { recursive: true });
  try {
    for (const name of args.sets) {
      let path: string;
      if (name.startsWith('ant-')) {
        const ref = join(GOLD, `${name}.ref.jsonl`);
        if (!existsSync(ref)) throw new Error(`events-gold: no ref file ${ref} for set «${name}».`);
        if (!ant || !dir) {
          skipped[name] =
            `the ANT corpus is not at ${DEFAULT_ANT} (../shared absent): the real-news text cannot be materialized`;
          continue;
        }
        path = join(dir, `${name}.jsonl`);
        writeFileSync(path, materialize(ref, ant));
      } else {
        path = join(GOLD, `${name}.jsonl`);
        if (!existsSync(path)) throw new Error(`events-gold: no gold file ${path} for set «${name}».`);
      }
      results[name] = await scoreFile(path);
      if (!args.json) process.stderr.write(`events-gold: ${name} scored\n`);
    }
  } finally {
    if (dir && !args.keep) rmSync(dir, { recursive: true, force: true });
  }
  const scored = Object.values(results);
  const tot = total(scored);
  if (args.json) {
    console.log(JSON.stringify({ sets: results, total: { sets: scored.length, ...tot }, skipped }));
    return;
  }
  const pct = (x: number) => (x * 100).toFixed(2);
  const frac = ([a, b]: [number, number]) => (b ? `${a}/${b}` : '–');
  const head = [
    'set',
    'texts',
    'gold',
    'found',
    'recall',
    'pred',
    'precision',
    'source',
    'target',
    'recip',
    'backgr',
  ];
  const row = (name: string, f: SetFigures) => [
    name,
    String(f.texts),
    String(f.gold),
    String(f.found),
    pct(f.recall),
    String(f.pred),
    pct(f.precision),
    pct(f.source_acc),
    pct(f.target_acc),
    frac(f.reciprocal),
    frac(f.background),
  ];
  const rows = [
    head,
    ...Object.entries(results).map(([n, f]) => row(n, f)),
    row(`total (${scored.length} sets)`, tot),
  ];
  const width = head.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  for (const r of rows)
    console.log(r.map((v, c) => (c === 0 ? v.padEnd(width[c]!) : v.padStart(width[c]!))).join('  '));
  console.log(
    '\nrecall = found/gold, precision = found/pred (exhaustive gold); source/target = share of found events whose gold actor (annotated) is among the system’s; recip/backgr = flag right/scored on found events where gold gives it.',
  );
  for (const [n, why] of Object.entries(skipped)) console.log(`skipped ${n}: ${why}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    console.error((e as Error).message);
    process.exit(1);
  });
}
