/**
 * The held-out guard of the NER tagger's rules (issue #3): models trained by the repo's trainer
 * on the training set without one fold, scored on that fold with and without the rules and
 * label propagation, per label and per rule.
 *
 * Folds (src/eval/ner-heldout.ts): train.txt has no document marks, so fold f of k is the
 * contiguous block of sentences [⌊f·n/k⌋, ⌊(f+1)·n/k⌋) in file order; its model trains on the
 * rest, the sentences after the block first, then those before it. By default k = 5 and two folds
 * are scored, the last and the first (round ner9's A and B); --folds N scores N of them (last,
 * first, then the middle ones), --k K changes the cut.
 *
 * Each model is trained by `scripts/train-tagger.ts --train FOLDFILE --out M --cluster-cache C
 * --rules R` (clusters rebuilt on its own sentences; O penalty and type biases chosen on dev as
 * for the committed model, with R on: by default the rules the committed model's header names).
 * Models are cached under $TMPDIR/khabar-ner-heldout/<key>/ where the key hashes the fold cut,
 * R, train.txt, dev.txt and the files that make the weights (the trainer, features, training,
 * clusters, name lists) — not the tagging code (model.ts, rules.ts, propagate.ts): a rerun after
 * changing a rule re-scores without retraining (the cached model's O penalty and biases were
 * chosen on dev with the tagging code as it was; --retrain to train again). ~65 s CPU per model with the
 * 80 % of train (a few minutes wall on a loaded machine).
 *
 * Run: node --import tsx bench/ner-heldout.ts [--k 5] [--folds 2] [--rules a,b|all (scored; default
 * DEFAULT_RULES of rules.ts, all = the candidates too)] [--train-rules a,b|none] [--no-propagate] [--json] [--retrain] [--list RULE]
 * (--list prints the held-out sentences RULE changes, with gold and predicted chunks), --dev (dev
 * scored with each fold's model too), --committed (only dev, with the committed model: no training),
 * --train PATH / --dev-file PATH (ANERcorp's train.txt / dev.txt by default; --dev is the flag above).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chunks, type NerScore, readConll } from '../src/analyze/tagger/conll.ts';
import { DEFAULT_MODEL_PATH } from '../src/analyze/tagger/index.ts';
import { TaggerModel } from '../src/analyze/tagger/model.ts';
import { applyRules, DEFAULT_RULES, RULE_NAMES, type RuleName } from '../src/analyze/tagger/rules.ts';
import { foldBlocks, foldsToScore, ruleAccounting, trainingOrder } from '../src/eval/ner-heldout.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs(
  'bench/ner-heldout.ts',
  ['dev-file', 'folds', 'json-out', 'k', 'list', 'rules', 'train', 'train-rules'],
  ['committed', 'dev', 'json', 'no-propagate', 'retrain'],
);

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (n: string) => {
  const i = args.indexOf(`--${n}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (n: string) => args.includes(`--${n}`);

const trainPath = opt('train') ?? resolve(root, '../shared/data/anercorp/train.txt');
const devPath = opt('dev-file') ?? resolve(root, '../shared/data/anercorp/dev.txt');
if (!existsSync(trainPath)) {
  console.log(`skipped: ${trainPath} is absent`);
  process.exit(0);
}
const k = Number(opt('k') ?? 5);
const nFolds = Number(opt('folds') ?? 2);
const parseRules = (s: string): RuleName[] => {
  if (s === 'none') return [];
  if (s === 'all') return [...RULE_NAMES];
  const out = s.split(',').filter(Boolean);
  for (const r of out) {
    if (!(RULE_NAMES as string[]).includes(r)) {
      console.error(`unknown rule ${r} (known: ${RULE_NAMES.join(', ')})`);
      process.exit(2);
    }
  }
  return out as RuleName[];
};
const scored = parseRules(opt('rules') ?? DEFAULT_RULES.join(','));
const committed = TaggerModel.load(DEFAULT_MODEL_PATH);
const trainRules = parseRules(opt('train-rules') ?? (committed.header.rules ?? []).join(','));
const window = flag('no-propagate') ? 0 : (committed.header.propagateWindow ?? 0);

const trainText = readFileSync(trainPath, 'utf8');
const { sentences } = readConll(trainText);
const n = sentences.length;
const blocks = foldBlocks(n, k);

// What makes a fold model's weights and biases (see the header comment).
const WEIGHT_FILES = [
  'scripts/train-tagger.ts',
  'src/analyze/tagger/train.ts',
  'src/analyze/tagger/features.ts',
  'src/analyze/tagger/clusters.ts',
  'src/analyze/tagger/brown.ts',
  'src/analyze/tagger/gazetteer.ts',
  'src/analyze/tagger/normalize.ts',
  'src/analyze/tagger/conll.ts',
  'src/analyze/tagger/antlex.ts',
  'data/gazetteer/gazetteer.jsonl',
  'data/clusters/ant-brown.tsv',
];
const trainerHash = createHash('sha256');
for (const f of WEIGHT_FILES) {
  const p = resolve(root, f);
  trainerHash.update(`${f}\0`);
  if (existsSync(p)) trainerHash.update(readFileSync(p));
}
trainerHash.update(trainText);
if (existsSync(devPath)) trainerHash.update(readFileSync(devPath));
const trainer = trainerHash.digest('hex').slice(0, 12);
const cacheRoot = join(tmpdir(), 'khabar-ner-heldout');

const conll = (idx: readonly number[]) =>
  `${idx
    .map((i) => sentences[i]!.tokens.map((t, j) => `${t} ${sentences[i]!.tags[j]}`).join('\n'))
    .join('\n\n')}\n`;

function foldModel(f: number): { model: TaggerModel; dir: string; trained: boolean } {
  const [start, end] = blocks[f]!;
  const key = `k${k}-f${f}-${trainer}-${trainRules.join('+') || 'none'}`;
  const dir = join(cacheRoot, key);
  const file = join(dir, 'model.bin');
  if (existsSync(file) && !flag('retrain')) return { model: TaggerModel.load(file), dir, trained: false };
  mkdirSync(dir, { recursive: true });
  const trainFile = join(dir, 'train.txt');
  writeFileSync(trainFile, conll(trainingOrder(n, start, end)));
  console.error(
    `fold ${f}: training on ${n - (end - start)} sentences (held out ${start}–${end - 1}) → ${dir}`,
  );
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      resolve(root, 'scripts/train-tagger.ts'),
      '--train',
      trainFile,
      '--dev',
      devPath,
      '--out',
      file,
      '--cluster-cache',
      join(dir, 'clusters.tsv'),
      '--rules',
      trainRules.join(',') || 'none',
    ],
    { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  writeFileSync(join(dir, 'train.log'), `${r.stdout}\n${r.stderr}`);
  if (r.status !== 0 || !existsSync(file)) {
    console.error(r.stderr);
    throw new Error(`fold ${f}: the trainer failed (log in ${dir}/train.log)`);
  }
  return { model: TaggerModel.load(file), dir, trained: true };
}

/** The tagger's reading with no rule and no propagation. */
function rawTags(model: TaggerModel, sents: readonly (readonly string[])[]): string[][] {
  const h = model.header;
  const keep = { rules: h.rules, propagateWindow: h.propagateWindow };
  delete h.rules;
  delete h.propagateWindow;
  try {
    return model.tagDocument(sents);
  } finally {
    if (keep.rules !== undefined) h.rules = keep.rules;
    if (keep.propagateWindow !== undefined) h.propagateWindow = keep.propagateWindow;
  }
}

const pct = (x: number) => (100 * x).toFixed(2);
const sd = (x: number) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(2)}`;
const line = (label: string, s: NerScore) =>
  `${label.padEnd(22)} P ${pct(s.micro.p)} R ${pct(s.micro.r)} F1 ${pct(s.micro.f1)}  ` +
  Object.entries(s.perType)
    .map(([t, v]) => `${t} ${pct(v.f1)}`)
    .join('  ');

interface FoldResult {
  fold: number;
  heldOut: [number, number];
  model: string;
  trainedNow: boolean;
  scores: Record<string, { p: number; r: number; f1: number; perType: Record<string, number> }>;
  perRule: { rule: string; sentences: number; tokens: number; aloneDelta: number; dropDelta: number }[];
}
const results: FoldResult[] = [];
const devSents = existsSync(devPath) ? readConll(readFileSync(devPath, 'utf8')).sentences : [];

const evaluate = (
  label: string,
  sents: readonly (readonly string[])[],
  gold: string[][],
  model: TaggerModel,
) => {
  const raw = rawTags(model, sents);
  const acc = ruleAccounting({ sents, gold, raw, rules: scored, lexicon: model.ruleLexicon, window });
  console.log(`\n${label}`);
  console.log(line('no rule', acc.none));
  if (window) console.log(line('no rule + propagation', acc.nonePropagated));
  console.log(line('rules', acc.all));
  if (window) console.log(line('rules + propagation', acc.allPropagated));
  console.log(
    `  rule      sentences tokens  alone Δ   left-out Δ   (F1 points${window ? ', with propagation' : ''})`,
  );
  for (const r of acc.perRule) {
    console.log(
      `  ${r.rule.padEnd(9)} ${String(r.sentences).padStart(9)} ${String(r.tokens).padStart(6)}  ${sd(r.aloneDelta).padStart(7)}  ${sd(r.dropDelta).padStart(10)}`,
    );
  }
  const sc = (s: NerScore) => ({
    p: s.micro.p,
    r: s.micro.r,
    f1: s.micro.f1,
    perType: Object.fromEntries(Object.entries(s.perType).map(([t, v]) => [t, v.f1])),
  });
  return {
    raw,
    scores: {
      none: sc(acc.none),
      nonePropagated: sc(acc.nonePropagated),
      rules: sc(acc.all),
      rulesPropagated: sc(acc.allPropagated),
    },
    perRule: acc.perRule,
  };
};

const listRule = opt('list') as RuleName | undefined;
const c0 = process.cpuUsage();
console.log(
  `ner-heldout: ${n} training sentences, k = ${k}, folds ${foldsToScore(k, nFolds).join(', ')}; trainer ${trainer};` +
    ` models trained with rules [${trainRules.join(', ')}]; scored rules [${scored.join(', ')}];` +
    ` propagation ${window ? `±${window} sentences` : 'off'}; load average ${loadavg()[0]!.toFixed(1)}`,
);
// --committed: dev with the committed model only (no fold, no training): the same accounting.
if (flag('committed')) {
  evaluate(
    `dev with the committed model (${DEFAULT_MODEL_PATH})`,
    devSents.map((s) => s.tokens),
    devSents.map((s) => s.tags),
    committed,
  );
  process.exit(0);
}
for (const f of foldsToScore(k, nFolds)) {
  const [start, end] = blocks[f]!;
  const { model, dir, trained } = foldModel(f);
  const held = sentences.slice(start, end);
  const sents = held.map((s) => s.tokens);
  const gold = held.map((s) => s.tags);
  const r = evaluate(
    `fold ${f} (sentences ${start}–${end - 1}, ${held.length} sentences, as one document; model ${dir}${trained ? ', trained now' : ', cached'})`,
    sents,
    gold,
    model,
  );
  results.push({
    fold: f,
    heldOut: [start, end],
    model: dir,
    trainedNow: trained,
    scores: r.scores,
    perRule: r.perRule,
  });
  if (devSents.length && flag('dev')) {
    evaluate(
      `dev with fold ${f}'s model`,
      devSents.map((s) => s.tokens),
      devSents.map((s) => s.tags),
      model,
    );
  }
  if (listRule) {
    const before = r.raw.map((t) => [...t]);
    const after = applyRules(sents, r.raw, [listRule], model.ruleLexicon);
    for (let s = 0; s < sents.length; s++) {
      if (before[s]!.join() === after[s]!.join()) continue;
      const show = (t: readonly string[]) =>
        chunks(t)
          .map((c) => `[${sents[s]!.slice(c.start, c.end).join(' ')}]${c.type}`)
          .join(' ');
      console.log(`  ${start + s}: ${sents[s]!.join(' ')}`);
      console.log(`     gold   ${show(gold[s]!)}`);
      console.log(`     before ${show(before[s]!)}`);
      console.log(`     after  ${show(after[s]!)}`);
    }
  }
}
if (results.length > 1) {
  const mean = (g: (r: FoldResult) => number) => results.reduce((a, r) => a + g(r), 0) / results.length;
  console.log(`\nmean over ${results.length} folds`);
  const key = window ? 'Propagated' : '';
  console.log(
    `  no rule F1 ${pct(mean((r) => r.scores[`none${key}`]!.f1))}  rules F1 ${pct(mean((r) => r.scores[`rules${key}`]!.f1))}` +
      `  Δ ${sd(mean((r) => r.scores[`rules${key}`]!.f1 - r.scores[`none${key}`]!.f1))}`,
  );
  for (const rule of scored) {
    const rows = results.map((r) => r.perRule.find((x) => x.rule === rule)!);
    console.log(
      `  ${rule.padEnd(9)} fires in ${rows.map((x) => x.sentences).join(' / ')} sentences; alone Δ ${rows.map((x) => sd(x.aloneDelta)).join(' / ')}; left-out Δ ${rows.map((x) => sd(x.dropDelta)).join(' / ')}`,
    );
  }
}
const cpu = process.cpuUsage(c0);
console.log(
  `\nCPU of this process ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (training runs in child processes); load average ${loadavg()[0]!.toFixed(1)}`,
);
if (flag('json')) writeFileSync(opt('json-out') ?? '/dev/stdout', `${JSON.stringify(results, null, 1)}\n`);
