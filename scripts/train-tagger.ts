/**
 * Trains the NER tagger: `npm run train:tagger` (or `node --import tsx scripts/train-tagger.ts`).
 *
 * Reads ../shared/data/anercorp/train.txt (CC BY-SA 4.0) and, for word clusters, the
 * unlabelled ../shared/data/ant/ant.jsonl; writes models/ner-tagger.bin (and a
 * cluster cache in the temp folder). Scores dev.txt after training when it is present.
 *
 * Options: --epochs N (10), --seed N (13), --seeds N (3 runs with seeds seed…seed+N-1, weights averaged), --min-count N, --groups a,b,c (feature groups),
 * --with a,b (add groups to the defaults), --without a,b (drop groups), --brown PATH (Brown clusters for the
 * `brown` and `cue` groups; data/clusters/ant-brown.tsv, built by npm run build:clusters), --out PATH, --no-dev, --reuse-clusters (read the
 * cache, --cluster-cache PATH, instead of rebuilding it), --train PATH, --dev PATH, --ant PATH,
 * --limit N (first N training sentences only), --no-save, --actors (add UniversalPetrarch actor
 * names to the name lists), --pa C (passive-aggressive steps), --dropout P, --word-dropout P,
 * --entity-dropout P (identity features of entity tokens only),
 * --o-penalty a,b,c (candidates; default: a grid chosen on dev), --every-epoch (dev F1 per epoch),
 * --doc-window N (20: sentences before and after that the `doc` features look at), --doc-folds K
 * (5: folds for the out-of-fold first-pass tags of the training set), --doc-dropout P (0.5),
 * --no-type-bias (only the O penalty is chosen on dev), --word-table N (40000: frequent words whose
 * scores are stored in the model; 0 = none), --stem-k a,b,c (64,256,1024: flat k-means sizes for the
 * opt-in `stemcluster` group), --stem-contexts N (1000), --crf (a linear-chain CRF trained with
 * AdaGrad instead of the averaged perceptron; --eta X (0.1), --l2 X (1), --crf-average (average the
 * weights over the steps; needs --l2 0), --prune X (drop rows whose weights are all below X),
 * --perceptron-folds (the doc features' fold models stay perceptrons), --bias-unit X (step of the
 * O-penalty and type-bias grids; 0.25 with --crf, else 1)), --bilou (BILOU tags instead of BIO; with 17 tags use
 * --word-table 12000 to stay under 20 MB), --repair-gold (BIO: stray I-X in the gold read as B-X,
 * as BILOU and the CRF always do).
 *
 * --vec-dims N (40: dimensions of the opt-in `vec` group's binarized ANT word vectors).
 *
 * --propagate N (default: the doc window, 20; 0 = off): `tagDocument` tags an untagged occurrence
 * of a name it read within N sentences the same way (src/analyze/tagger/propagate.ts).
 *
 * --rules a,b (default: DEFAULT_RULES of src/analyze/tagger/rules.ts, those the held-out guard
 * bench/ner-heldout.ts kept; none = off): rules over the tagger's reading that `tagDocument` applies
 * before propagating; on before the O penalty and type biases are chosen.
 *
 * Groups on by default: all but lexicon, quote, ctxaffix, repeat, stemcluster, antlex, vec and
 * docctx, which are implemented but gave no dev gain beyond noise (bench/RESULTS.md, section ner);
 * add them with --with. brown, cue and namepart are on (together +1.05 dev F1, paired over three
 * seeds; their tagging cost was cut in rounds nerfast and ner7).
 *
 * --margin X, --margin-miss Y: loss-augmented perceptron (Hamming cost X per wrong token, Y more for O
 * on an entity token). --bag-without GROUPS, --bag-seeds N, --bag-weight λ: feature bagging (models
 * without GROUPS averaged into the weights with weight λ/(1+λ)). The `namepart` group reads the UniversalPetrarch actor
 * dictionary (../shared/data/petrarch-ar/actor_dict_ar_v4.txt, MIT; --actors PATH) and keeps its
 * name parts in the model.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AntCounts, antSentences } from '../src/analyze/tagger/antlex.ts';
import { readBrown } from '../src/analyze/tagger/brown.ts';
import {
  buildBinaryVectors,
  buildClusters,
  readClusters,
  writeClusters,
} from '../src/analyze/tagger/clusters.ts';
import { readConll, scoreNer } from '../src/analyze/tagger/conll.ts';
import {
  namePartsFromPetrarch,
  phrasesFromGazetteerJsonl,
  phrasesFromPetrarchActors,
} from '../src/analyze/tagger/gazetteer.ts';
import { docFeatures, FEATURE_GROUPS, type FeatureGroup } from '../src/analyze/tagger/features.ts';
import { saveModel, TaggerModel } from '../src/analyze/tagger/model.ts';
import { DEFAULT_RULES, RULE_NAMES, type RuleName } from '../src/analyze/tagger/rules.ts';
import {
  averageWeights,
  combineWeights,
  headerFor,
  type TrainedWeights,
  train,
} from '../src/analyze/tagger/train.ts';
import { flag, option } from './args.ts';

const root = resolve(new URL('..', import.meta.url).pathname);

const trainPath = option('train') ?? resolve(root, '../shared/data/anercorp/train.txt');
const devPath = option('dev') ?? resolve(root, '../shared/data/anercorp/dev.txt');
const antPath = option('ant') ?? resolve(root, '../shared/data/ant/ant.jsonl');
const out = option('out') ?? resolve(root, 'models/ner-tagger.bin');
const clusterFile = option('cluster-cache') ?? join(tmpdir(), 'khabar-ant-clusters.tsv');
const epochs = Number(option('epochs') ?? 10);
const seed = Number(option('seed') ?? 13);
const minCount = Number(option('min-count') ?? 1);
const dropout = Number(option('dropout') ?? 0);
const wordDropout = Number(option('word-dropout') ?? 0);
const entityDropout = Number(option('entity-dropout') ?? 0);
const paC = Number(option('pa') ?? 0);
// Loss-augmented perceptron (--margin X: Hamming cost per wrong token; --margin-miss Y: extra cost of O on a gold entity token).
const margin = Number(option('margin') ?? 0);
const marginMiss = Number(option('margin-miss') ?? 0);
// Feature bagging: --bag-without GROUPS, --bag-seeds N (default: --seeds), --bag-weight λ (1).
const bagWithout = (option('bag-without') ?? '').split(',').filter(Boolean);
const bagSeeds = Number(option('bag-seeds') ?? option('seeds') ?? 3);
const bagWeight = Number(option('bag-weight') ?? 1);
const marginOpts = {
  ...(margin > 0 ? { margin } : {}),
  ...(marginMiss > 0 ? { marginMiss } : {}),
};
// --crf: a linear-chain CRF (AdaGrad, L2) instead of the averaged perceptron.
const crf = flag('crf')
  ? {
      eta: Number(option('eta') ?? 0.1),
      l2: Number(option('l2') ?? 1),
      prune: Number(option('prune') ?? 0),
      average: flag('crf-average'),
    }
  : undefined;
// BIO by default: BILOU (--bilou) looked +1.4 on one seed without doc features but was −1.6 with the
// full recipe (3 seeds, doc features); see bench/RESULTS.md, section ner.
const scheme = flag('bilou') ? ('bilou' as const) : undefined;
/** Step of the O-penalty and type-bias grids (CRF weights are on a smaller scale than the perceptron's). */
const biasUnit = Number(option('bias-unit') ?? (crf ? 0.25 : 1));
const without = new Set((option('without') ?? '').split(',').filter(Boolean));
// The out-of-fold lexicon and the quote-position groups did not help on dev (see
// bench/RESULTS.md, section ner), so they are off by default.
const OFF = new Set(['lexicon', 'quote', 'ctxaffix', 'repeat', 'stemcluster', 'antlex', 'vec', 'docctx']);
const DEFAULT_GROUPS = FEATURE_GROUPS.filter((g) => !OFF.has(g));
const groups = [
  ...((option('groups')?.split(',') ?? [...DEFAULT_GROUPS]) as FeatureGroup[]),
  ...((option('with')?.split(',').filter(Boolean) ?? []) as FeatureGroup[]),
].filter((g, i, all) => !without.has(g) && all.indexOf(g) === i);
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
const limit = option('limit');
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
    writeFileSync(clusterFile, writeClusters(clusters));
    console.log(`clusters: ${clusters.size} words in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
  } else {
    console.error(`${antPath}: not found; training without clusters`);
  }
}

// Flat clusters of proclitic-stripped stems (group `stemcluster`), cached beside the others.
let stemClusters: Map<string, readonly number[]> | undefined;
if (groups.includes('stemcluster')) {
  const file = `${clusterFile.replace(/\.tsv$/, '')}-stems.tsv`;
  const ks = (option('stem-k') ?? '64,256,1024').split(',').map(Number);
  const tc = performance.now();
  if (flag('reuse-clusters') && existsSync(file)) {
    stemClusters = readClusters(readFileSync(file, 'utf8'));
    console.log(`stem clusters: ${stemClusters.size} stems read from ${file}`);
  } else if (existsSync(antPath)) {
    stemClusters = buildClusters({
      antJsonl: readFileSync(antPath, 'utf8'),
      extraSentences: sentences.map((s) => s.tokens),
      seed,
      form: 'stem',
      flat: ks,
      contexts: Number(option('stem-contexts') ?? 1000),
      log: (l) => console.log(`stem clusters: ${l}`),
    });
    writeFileSync(file, writeClusters(stemClusters));
    console.log(
      `stem clusters: ${stemClusters.size} stems in ${((performance.now() - tc) / 1000).toFixed(1)} s`,
    );
  } else console.error(`${antPath}: not found; training without stem clusters`);
}

// Brown-style clusters (groups `brown` and `cue`), built by `npm run build:clusters` and committed.
let brown: Map<string, string> | undefined;
let brownSha256: string | undefined;
if (groups.includes('brown') || groups.includes('cue')) {
  const file = option('brown') ?? resolve(root, 'data/clusters/ant-brown.tsv');
  if (!existsSync(file)) {
    console.error(`${file}: not found; build it with npm run build:clusters (or pass --brown PATH)`);
    process.exit(2);
  }
  const text = readFileSync(file, 'utf8');
  brownSha256 = createHash('sha256').update(text).digest('hex');
  brown = readBrown(text, file);
  console.log(`brown: ${brown.size} words from ${file}`);
}

let gazetteer: Map<string, string> | undefined;
/** The model depends on the gazetteer file's content: its hash is kept in the model's meta. */
let gazetteerSha256: string | undefined;
const gazPath = option('gazetteer') ?? resolve(root, 'data/gazetteer/gazetteer.jsonl');
const actorsPath = option('actors') ?? resolve(root, '../shared/data/petrarch-ar/actor_dict_ar_v4.txt');
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
// Group `namepart`: first names, surnames and inner name parts from the UniversalPetrarch actor dictionary (MIT).
let nameParts: Map<string, number> | undefined;
let namePartsSha256: string | undefined;
if (groups.includes('namepart')) {
  if (!existsSync(actorsPath)) {
    console.error(
      `${actorsPath}: not found; the namepart group needs the UniversalPetrarch actor dictionary (or pass --actors PATH)`,
    );
    process.exit(2);
  }
  const text = readFileSync(actorsPath, 'utf8');
  namePartsSha256 = createHash('sha256').update(text).digest('hex');
  nameParts = namePartsFromPetrarch(text);
  console.log(`namepart: ${nameParts.size} name parts from ${actorsPath}`);
}
// Group `vec`: binarized PPMI-SVD vectors of ANT words, cached beside the clusters.
let vectors: Map<string, readonly number[]> | undefined;
if (groups.includes('vec')) {
  const dims = Number(option('vec-dims') ?? 40);
  const file = `${clusterFile.replace(/\.tsv$/, '')}-vec${dims}.tsv`;
  const tc = performance.now();
  if (flag('reuse-clusters') && existsSync(file)) {
    vectors = readClusters(readFileSync(file, 'utf8'));
    console.log(`vec: ${vectors.size} words read from ${file}`);
  } else if (existsSync(antPath)) {
    vectors = buildBinaryVectors({
      antJsonl: readFileSync(antPath, 'utf8'),
      extraSentences: sentences.map((s) => s.tokens),
      seed,
      dims,
      log: (l) => console.log(`vec: ${l}`),
    });
    writeFileSync(file, writeClusters(vectors));
    console.log(`vec: ${vectors.size} words in ${((performance.now() - tc) / 1000).toFixed(1)} s`);
  } else {
    console.error(`${antPath}: not found; the vec group needs the ANT corpus`);
    process.exit(2);
  }
}
const res: {
  clusters?: Map<string, readonly number[]>;
  stemClusters?: Map<string, readonly number[]>;
  brown?: Map<string, string>;
  nameParts?: Map<string, number>;
  vectors?: Map<string, readonly number[]>;
  gazetteer?: Map<string, string>;
  antLexicon?: Map<string, string>;
} = {
  ...(clusters ? { clusters } : {}),
  ...(brown ? { brown } : {}),
  ...(nameParts ? { nameParts } : {}),
  ...(vectors ? { vectors } : {}),
  ...(stemClusters ? { stemClusters } : {}),
  ...(gazetteer ? { gazetteer } : {}),
};

const dev = existsSync(devPath) && !flag('no-dev') ? readConll(readFileSync(devPath, 'utf8')).sentences : [];
const evalDev = (model: TaggerModel) => {
  const pred = model.tagDocument(dev.map((s) => s.tokens));
  return scoreNer(
    dev.map((s) => s.tags),
    pred,
  );
};
const docWindow = Number(option('doc-window') ?? 20);
const docDropout = Number(option('doc-dropout') ?? 0.5);
const meta = {
  epochs,
  seed,
  seeds: Number(option('seeds') ?? 3),
  minCount,
  dropout,
  wordDropout,
  ...(entityDropout ? { entityDropout } : {}),
  paC,
  ...marginOpts,
  ...(bagWithout.length ? { bagWithout, bagSeeds, bagWeight } : {}),
  ...(crf ? { crf, biasUnit } : {}),
  ...(scheme ? { scheme } : {}),
  trainSentences: sentences.length,
  ...(groups.includes('doc') ? { docWindow, docDropout } : {}),
  gazetteerSha256: gazetteerSha256 ?? null,
  ...(brownSha256 ? { brownSha256 } : {}),
  ...(namePartsSha256 ? { namePartsSha256 } : {}),
};
const tt = performance.now();
const seeds = Number(option('seeds') ?? 3);
// Non-local features: first-pass tags of each training sentence come from a model that did
// not see it (K contiguous folds), as the first pass at tagging time has not seen the text.
let docFeats: Uint32Array[][] | undefined;
const oof: string[][] = new Array(sentences.length);
// Group `antlex`: the fold models also tag the ANT corpus (see src/analyze/tagger/antlex.ts).
let antLexicons: Map<string, string>[] | undefined;
let antLexicon: Map<string, string> | undefined;
const antSents =
  groups.includes('antlex') && existsSync(antPath) ? antSentences(readFileSync(antPath, 'utf8')) : [];
if (groups.includes('antlex') && antSents.length === 0) {
  console.error(`${antPath}: not found or empty; the antlex group needs the ANT corpus`);
  process.exit(2);
}
if (groups.includes('doc') || groups.includes('antlex')) {
  const folds = Number(option('doc-folds') ?? 5);
  const baseGroups = groups.filter((g) => g !== 'doc' && g !== 'repeat' && g !== 'antlex' && g !== 'docctx');
  const allCounts = new AntCounts();
  if (antSents.length) antLexicons = [];
  const foldOf = (i: number) => Math.floor((i * folds) / sentences.length);
  for (let f = 0; f < folds; f++) {
    const w = train({
      sentences: sentences.filter((_, i) => foldOf(i) !== f),
      groups: baseGroups,
      ...res,
      epochs,
      seed,
      minCount,
      ...marginOpts,
      ...(crf && !flag('perceptron-folds') ? { crf } : {}),
      ...(scheme ? { scheme } : {}),
    });
    const m = new TaggerModel(headerFor(w, { groups: baseGroups, ...res, meta: {} }), w.hashes, w.weights);
    sentences.forEach((s, i) => {
      if (foldOf(i) === f) oof[i] = m.tag(s.tokens);
    });
    console.log(`doc: fold ${f + 1}/${folds} tagged`);
    if (antLexicons) {
      const counts = new AntCounts();
      for (const s of antSents) {
        const t = m.tag(s);
        counts.add(s, t);
        allCounts.add(s, t);
      }
      antLexicons.push(counts.labels());
      console.log(`antlex: fold ${f + 1}/${folds}: ${antLexicons[f]!.size} stems labelled`);
    }
  }
  if (antLexicons) {
    antLexicon = allCounts.labels(2, folds);
    res.antLexicon = antLexicon;
    console.log(`antlex: ${antLexicon.size} stems labelled from ${antSents.length} ANT sentences`);
  }
}
if (groups.includes('doc')) {
  docFeats = docFeatures(
    sentences.map((s) => s.tokens),
    oof,
    docWindow,
    { repeat: groups.includes('repeat'), context: groups.includes('docctx') },
  );
}
// What every training run shares (the full runs and the bagged ones below).
const common = {
  sentences,
  ...res,
  epochs,
  minCount,
  dropout,
  wordDropout,
  entityDropout,
  paC,
  ...marginOpts,
  ...(scheme ? { scheme } : {}),
  ...(flag('repair-gold') ? { repairGold: true } : {}),
  ...(docFeats ? { docFeats, docDropout } : {}),
};
const runs: TrainedWeights[] = [];
for (let r = 0; r < seeds; r++) {
  runs.push(
    train({
      ...common,
      groups,
      seed: seed + r,
      ...(crf ? { crf } : {}),
      ...(antLexicons ? { antLexicons } : {}),
      log: (l) => console.log(l),
      ...(dev.length && flag('every-epoch')
        ? {
            onEpoch: (e, w) => {
              const m = new TaggerModel(
                headerFor(w, { groups, ...res, docWindow, meta }),
                w.hashes,
                w.weights,
              );
              console.log(`  epoch ${e}: dev micro F1 ${(100 * evalDev(m).micro.f1).toFixed(2)}`);
            },
          }
        : {}),
    }),
  );
}
// Feature bagging (--bag-without a,b): models trained without the word's identity groups are
// added to the full ones' weights (λ = --bag-weight), so unseen words are scored by features
// that were not left undertrained by the identity features (Sutton et al., 2006).
let trained = averageWeights(runs);
if (bagWithout.length) {
  const bagGroups = groups.filter((g) => !bagWithout.includes(g));
  const bagRuns: TrainedWeights[] = [];
  for (let r = 0; r < bagSeeds; r++) {
    bagRuns.push(
      train({
        ...common,
        groups: bagGroups,
        seed: seed + 100 + r,
        log: (l) => console.log(`bag: ${l}`),
      }),
    );
  }
  trained = combineWeights(
    [trained, averageWeights(bagRuns)],
    [1 / (1 + bagWeight), bagWeight / (1 + bagWeight)],
  );
  console.log(`bag: ${bagSeeds} runs without ${bagWithout.join(',')}, weight ${bagWeight}`);
}
const header = headerFor(trained, { groups, ...res, docWindow, meta });
// Label propagation at tagging time (src/analyze/tagger/propagate.ts), on before the O penalty
// and type biases are chosen: --propagate N sentences (default: the doc window), 0 = off.
const propagate = Number(option('propagate') ?? (groups.includes('doc') ? docWindow : 0));
if (propagate > 0) header.propagateWindow = propagate;
// Rules over the tagger's reading, before propagation (src/analyze/tagger/rules.ts), also on
// before the grid: --rules a,b (default: all), --rules none = off.
const ruleOpt = option('rules') ?? DEFAULT_RULES.join(',');
const rules = ruleOpt === 'none' ? [] : ruleOpt.split(',').filter(Boolean);
for (const r of rules) {
  if (!(RULE_NAMES as string[]).includes(r)) {
    console.error(`--rules: unknown rule ${r} (known: ${RULE_NAMES.join(', ')}, or none)`);
    process.exit(2);
  }
}
if (rules.length) header.rules = rules as RuleName[];
const model = new TaggerModel(header, trained.hashes, trained.weights);
// Settings chosen on dev: a penalty on O that trades precision for recall, then (unless
// --no-type-bias) a bias per entity type, by coordinate ascent over a small grid.
const penalties = (option('o-penalty') ?? (dev.length ? '0,2,4,6,8,10,12,15' : '0'))
  .split(',')
  .map((v) => Number(v) * biasUnit);
const typeBias: Record<string, number> = {};
let oPenalty = penalties[0] ?? 0;
if (penalties.length > 1) {
  let bestF = -1;
  for (const p of penalties) {
    model.setBias(p, typeBias);
    const f1 = evalDev(model).micro.f1;
    console.log(`  O penalty ${p}: dev micro F1 ${(100 * f1).toFixed(2)}`);
    if (f1 > bestF + 1e-9) {
      bestF = f1;
      oPenalty = p;
    }
  }
  if (!flag('no-type-bias')) {
    const types = [...new Set(header.tags.filter((t) => t !== 'O').map((t) => t.slice(2)))];
    for (let round = 0; round < 2; round++) {
      for (const ty of types) {
        const keep = typeBias[ty] ?? 0;
        let best = keep;
        for (const b0 of [-6, -4, -2, 0, 2, 4, 6, 8]) {
          const b = b0 * biasUnit;
          if (b === keep) continue;
          model.setBias(oPenalty, { ...typeBias, [ty]: b });
          const f1 = evalDev(model).micro.f1;
          if (f1 > bestF + 1e-9) {
            bestF = f1;
            best = b;
          }
        }
        if (best !== 0) typeBias[ty] = best;
        else delete typeBias[ty];
        console.log(`  type bias ${ty} ${best}: dev micro F1 ${(100 * bestF).toFixed(2)}`);
      }
    }
  }
}
header.oPenalty = oPenalty;
if (Object.keys(typeBias).length) header.typeBias = typeBias;
model.setBias(oPenalty, typeBias);
console.log(`O penalty: ${header.oPenalty}; type biases: ${JSON.stringify(typeBias)}`);
const trainSeconds = (performance.now() - t0) / 1000;
console.log(
  `perceptron: ${((performance.now() - tt) / 1000).toFixed(1)} s; rows kept ${trained.hashes.length}`,
);
// Speed: the scores of the most frequent words (training tokens and ANT) are stored in the
// model, so tagging does not compute their features again (the same scores, rounded to float32).
const tableSize = Number(option('word-table') ?? 40000);
let wordScores: Float32Array | undefined;
if (tableSize > 0) {
  const counts = new Map<string, number>();
  const count = (w: string) => counts.set(w, (counts.get(w) ?? 0) + 1);
  for (const s of sentences) for (const w of s.tokens) count(w);
  if (existsSync(antPath)) {
    for (const line of readFileSync(antPath, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as { title?: unknown; text?: unknown };
      for (const f of [rec.title, rec.text]) {
        if (typeof f === 'string') for (const w of f.match(/[\p{L}\p{M}\p{Nd}]+/gu) ?? []) count(w);
      }
    }
  }
  const words = [...counts.entries()]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, tableSize)
    .map(([w]) => w);
  wordScores = model.wordScores(words);
  header.wordTable = words;
  console.log(`word table: ${words.length} words`);
}
let shipped = model;
if (!flag('no-save')) {
  const bytes = saveModel(out, header, trained.hashes, trained.weights, wordScores);
  console.log(`model: ${out} (${(bytes / 1e6).toFixed(2)} MB)`);
  shipped = TaggerModel.load(out);
}
const cpu = process.cpuUsage();
console.log(
  `training time (total): ${trainSeconds.toFixed(1)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU` +
    ` (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
if (dev.length) {
  // The model as saved (with its word table), not the one in memory.
  const s = evalDev(shipped);
  const f = (x: number) => (100 * x).toFixed(2);
  console.log(`dev micro: P ${f(s.micro.p)} R ${f(s.micro.r)} F1 ${f(s.micro.f1)}`);
  for (const [t, v] of Object.entries(s.perType))
    console.log(`  ${t}: P ${f(v.p)} R ${f(v.r)} F1 ${f(v.f1)} (gold ${v.gold}, pred ${v.pred})`);
}
