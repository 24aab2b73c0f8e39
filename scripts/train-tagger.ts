/**
 * Trains the NER tagger: `npm run train:tagger` (or `node --import tsx scripts/train-tagger.ts`).
 *
 * Reads ../shared/data/anercorp/train.txt (CC BY-SA 4.0) and, for word clusters, the
 * unlabelled ../shared/data/ant/ant.jsonl; writes models/ner-tagger.bin (and a
 * cluster cache in the temp folder). Scores dev.txt after training when it is present.
 *
 * Options: --epochs N (10), --seed N (13), --seeds N (3 runs with seeds seed…seed+N-1, weights averaged), --min-count N, --groups a,b,c (feature groups),
 * --without a,b (drop groups), --out PATH, --no-dev, --reuse-clusters (read the
 * cache, --cluster-cache PATH, instead of rebuilding it), --train PATH, --dev PATH, --ant PATH,
 * --limit N (first N training sentences only), --no-save, --actors (add UniversalPetrarch actor
 * names to the name lists), --pa C (passive-aggressive steps), --dropout P, --word-dropout P,
 * --o-penalty a,b,c (candidates; default: a grid chosen on dev), --every-epoch (dev F1 per epoch).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildClusters, readClusters, writeClusters } from '../src/analyze/tagger/clusters.ts';
import { readConll, scoreNer } from '../src/analyze/tagger/conll.ts';
import { phrasesFromGazetteerJsonl, phrasesFromPetrarchActors } from '../src/analyze/tagger/gazetteer.ts';
import { FEATURE_GROUPS, type FeatureGroup } from '../src/analyze/tagger/features.ts';
import { saveModel, TaggerModel } from '../src/analyze/tagger/model.ts';
import { averageWeights, headerFor, type TrainedWeights, train } from '../src/analyze/tagger/train.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const flag = (name: string) => args.includes(`--${name}`);

const trainPath = opt('train') ?? resolve(root, '../shared/data/anercorp/train.txt');
const devPath = opt('dev') ?? resolve(root, '../shared/data/anercorp/dev.txt');
const antPath = opt('ant') ?? resolve(root, '../shared/data/ant/ant.jsonl');
const out = opt('out') ?? resolve(root, 'models/ner-tagger.bin');
const clusterFile = opt('cluster-cache') ?? join(tmpdir(), 'khabar-ant-clusters.tsv');
const epochs = Number(opt('epochs') ?? 10);
const seed = Number(opt('seed') ?? 13);
const minCount = Number(opt('min-count') ?? 1);
const dropout = Number(opt('dropout') ?? 0);
const wordDropout = Number(opt('word-dropout') ?? 0);
const paC = Number(opt('pa') ?? 0);
const without = new Set((opt('without') ?? '').split(',').filter(Boolean));
// The out-of-fold lexicon and the quote-position groups did not help on dev (see
// bench/RESULTS.md, section ner), so they are off by default.
const DEFAULT_GROUPS = FEATURE_GROUPS.filter((g) => g !== 'lexicon' && g !== 'quote');
const groups = ((opt('groups')?.split(',') ?? [...DEFAULT_GROUPS]) as FeatureGroup[]).filter(
  (g) => !without.has(g),
);
for (const g of groups) {
  if (!(FEATURE_GROUPS as readonly string[]).includes(g)) {
    console.error(`unknown feature group "${g}" (known: ${FEATURE_GROUPS.join(', ')})`);
    process.exit(2);
  }
}
if (!existsSync(trainPath)) {
  console.error(
    `${trainPath}: not found. The training data lives in ../shared/data/anercorp/ (or pass --train PATH).`,
  );
  process.exit(2);
}

const t0 = performance.now();
const { sentences: all, problems } = readConll(readFileSync(trainPath, 'utf8'));
if (problems.length) console.error(`${trainPath}: ${problems.length} malformed lines skipped`);
const limit = opt('limit');
const sentences = limit ? all.slice(0, Number(limit)) : all;
console.log(
  `train: ${sentences.length} sentences, ${sentences.reduce((a, s) => a + s.tokens.length, 0)} tokens`,
);

let clusters: Map<string, readonly number[]> | undefined;
const needClusters = groups.includes('cluster') || groups.includes('ctxcluster');
if (needClusters) {
  const tc = performance.now();
  if (flag('reuse-clusters') && existsSync(clusterFile)) {
    clusters = readClusters(readFileSync(clusterFile, 'utf8'));
    console.log(`clusters: ${clusters.size} words read from ${clusterFile}`);
  } else if (existsSync(antPath)) {
    clusters = buildClusters({
      antJsonl: readFileSync(antPath, 'utf8'),
      extraSentences: sentences.map((s) => s.tokens),
      seed,
      log: (l) => console.log(`clusters: ${l}`),
    });
    if (!flag('no-save')) writeFileSync(clusterFile, writeClusters(clusters));
    console.log(`clusters: ${clusters.size} words in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
  } else {
    console.error(`${antPath}: not found; training without clusters`);
  }
}

let gazetteer: Map<string, string> | undefined;
/** The model depends on the gazetteer file's content: its hash is kept in the model's meta. */
let gazetteerSha256: string | undefined;
const gazPath = opt('gazetteer') ?? resolve(root, 'data/gazetteer/gazetteer.jsonl');
const actorsPath = opt('actors') ?? resolve(root, '../shared/data/petrarch-ar/actor_dict_ar_v4.txt');
if (groups.includes('gazetteer')) {
  if (existsSync(gazPath)) {
    const text = readFileSync(gazPath, 'utf8');
    gazetteerSha256 = createHash('sha256').update(text).digest('hex');
    gazetteer = phrasesFromGazetteerJsonl(text);
    console.log(`gazetteer: ${gazetteer.size} phrases from ${gazPath}`);
  } else console.error(`${gazPath}: not found; training without khabar's name lists`);
  // Opt-in: the UniversalPetrarch actor names gave +0.1 dev F1 (PERS up, ORG down): not used by default.
  if (flag('actors') && existsSync(actorsPath)) {
    const actors = phrasesFromPetrarchActors(readFileSync(actorsPath, 'utf8'));
    gazetteer ??= new Map();
    let added = 0;
    for (const [k, v] of actors) {
      if (!gazetteer.has(k)) {
        gazetteer.set(k, v);
        added++;
      }
    }
    console.log(`gazetteer: ${added} actor phrases from ${actorsPath}`);
  }
}
const res = { ...(clusters ? { clusters } : {}), ...(gazetteer ? { gazetteer } : {}) };

const dev = existsSync(devPath) && !flag('no-dev') ? readConll(readFileSync(devPath, 'utf8')).sentences : [];
const evalDev = (model: TaggerModel) => {
  const pred = dev.map((s) => model.tag(s.tokens));
  return scoreNer(
    dev.map((s) => s.tags),
    pred,
  );
};
const meta = {
  epochs,
  seed,
  seeds: Number(opt('seeds') ?? 3),
  minCount,
  dropout,
  wordDropout,
  paC,
  trainSentences: sentences.length,
  gazetteerSha256: gazetteerSha256 ?? null,
};
const tt = performance.now();
const seeds = Number(opt('seeds') ?? 3);
const runs: TrainedWeights[] = [];
for (let r = 0; r < seeds; r++) {
  runs.push(
    train({
      sentences,
      groups,
      ...res,
      epochs,
      seed: seed + r,
      minCount,
      dropout,
      wordDropout,
      paC,
      log: (l) => console.log(l),
      ...(dev.length && flag('every-epoch')
        ? {
            onEpoch: (e, w) => {
              const m = new TaggerModel(headerFor(w, { groups, ...res, meta }), w.hashes, w.weights);
              console.log(`  epoch ${e}: dev micro F1 ${(100 * evalDev(m).micro.f1).toFixed(2)}`);
            },
          }
        : {}),
    }),
  );
}
const trained = averageWeights(runs);
const header = headerFor(trained, { groups, ...res, meta });
const model = new TaggerModel(header, trained.hashes, trained.weights);
// The one setting chosen on dev: a penalty on O that trades precision for recall.
const penalties = (opt('o-penalty') ?? (dev.length ? '0,2,4,6,8,10,12,15' : '0')).split(',').map(Number);
if (penalties.length > 1) {
  let bestF = -1;
  let bestP = 0;
  for (const p of penalties) {
    model.oPenalty = p;
    const f1 = evalDev(model).micro.f1;
    console.log(`  O penalty ${p}: dev micro F1 ${(100 * f1).toFixed(2)}`);
    if (f1 > bestF + 1e-9) {
      bestF = f1;
      bestP = p;
    }
  }
  model.oPenalty = bestP;
}
header.oPenalty = penalties.length > 1 ? model.oPenalty : (penalties[0] ?? 0);
model.oPenalty = header.oPenalty;
console.log(`O penalty: ${header.oPenalty}`);
const trainSeconds = (performance.now() - t0) / 1000;
console.log(
  `perceptron: ${((performance.now() - tt) / 1000).toFixed(1)} s; rows kept ${trained.hashes.length}`,
);
if (!flag('no-save')) {
  const bytes = saveModel(out, header, trained.hashes, trained.weights);
  console.log(`model: ${out} (${(bytes / 1e6).toFixed(2)} MB)`);
}
const cpu = process.cpuUsage();
console.log(
  `training time (total): ${trainSeconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU` +
    ` (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
if (dev.length) {
  const s = evalDev(model);
  const f = (x: number) => (100 * x).toFixed(2);
  console.log(`dev micro: P ${f(s.micro.p)} R ${f(s.micro.r)} F1 ${f(s.micro.f1)}`);
  for (const [t, v] of Object.entries(s.perType))
    console.log(`  ${t}: P ${f(v.p)} R ${f(v.r)} F1 ${f(v.f1)} (gold ${v.gold}, pred ${v.pred})`);
}
