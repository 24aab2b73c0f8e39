/**
 * Experiment (issue #3, round nerneural): trains the dense window tagger of
 * src/analyze/tagger/neural.ts on ../shared/data/anercorp/train.txt and scores it on dev,
 * alone and added to the committed linear model's emissions (weights λ from --lambda).
 * Writes no model: `node --import tsx scripts/train-neural.ts [options]`.
 *
 * Options: --epochs N (6), --seed N (13), --dim N (48), --hidden N (128), --window N (2), --slots 1|3 (1),
 * --bits N (18), --lr X (0.05), --dropout X (0.2), --word-dropout X (0.1), --vec-dims N (40; 0 = no
 * dense ANT vectors), --no-clusters, --no-gazetteer, --limit N (first N training sentences),
 * --lambda a,b,c (2,4,6,8,10,14), --model PATH (linear model; default the committed one),
 * --cache PREFIX (cluster / vector cache files; default TMPDIR/khabar-neural), --save-dev PATH (the last
 * epoch's dev log-probabilities, float64, for scripts/ensemble-neural.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  buildClusters,
  buildDenseVectors,
  readClusters,
  writeClusters,
} from '../src/analyze/tagger/clusters.ts';
import { readConll, scoreNer } from '../src/analyze/tagger/conll.ts';
import { PhraseGazetteer, phrasesFromGazetteerJsonl } from '../src/analyze/tagger/gazetteer.ts';
import { DEFAULT_MODEL_PATH, loadTagger } from '../src/analyze/tagger/index.ts';
import { type DenseVectors, type NeuralResources, trainWindowNet } from '../src/analyze/tagger/neural.ts';
import { flag, option } from './args.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
const trainPath = resolve(root, '../shared/data/anercorp/train.txt');
const devPath = resolve(root, '../shared/data/anercorp/dev.txt');
const antPath = resolve(root, '../shared/data/ant/ant.jsonl');
for (const p of [trainPath, devPath, antPath]) {
  if (!existsSync(p)) {
    console.error(`${p}: not found; this experiment needs ../shared/data (anercorp, ant).`);
    process.exit(2);
  }
}
const cache = option('cache') ?? join(tmpdir(), 'khabar-neural');
const seed = Number(option('seed') ?? 13);
const t0 = performance.now();
const cpuNow = () => {
  const c = process.cpuUsage();
  return ((c.user + c.system) / 1e6).toFixed(1);
};

const train = readConll(readFileSync(trainPath, 'utf8')).sentences.slice(0, Number(option('limit') ?? 1e9));
const dev = readConll(readFileSync(devPath, 'utf8')).sentences;
const res: NeuralResources = {};
if (!flag('no-gazetteer')) {
  res.gazetteer = new PhraseGazetteer(
    phrasesFromGazetteerJsonl(readFileSync(resolve(root, 'data/gazetteer/gazetteer.jsonl'), 'utf8')),
  );
}
const antText = () => readFileSync(antPath, 'utf8');
if (!flag('no-clusters')) {
  const file = `${cache}-clusters.tsv`;
  let clusters: Map<string, readonly number[]>;
  if (existsSync(file)) clusters = readClusters(readFileSync(file, 'utf8'));
  else {
    clusters = buildClusters({ antJsonl: antText(), extraSentences: train.map((s) => s.tokens), seed: 13 });
    writeFileSync(file, writeClusters(clusters));
  }
  res.clusters = clusters;
  console.log(`clusters: ${clusters.size} words (cpu ${cpuNow()} s)`);
}
const vecDims = Number(option('vec-dims') ?? 40);
if (vecDims > 0) {
  const file = `${cache}-dense${vecDims}.tsv`;
  let vocab: string[];
  let data: Float32Array;
  if (existsSync(file)) {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    vocab = [];
    data = new Float32Array(lines.length * vecDims);
    lines.forEach((l, i) => {
      const [w, v] = l.split('\t');
      vocab.push(w!);
      v!.split(' ').forEach((x, d) => {
        data[i * vecDims + d] = Number(x);
      });
    });
  } else {
    const dv = buildDenseVectors({
      antJsonl: antText(),
      extraSentences: train.map((s) => s.tokens),
      seed: 13,
      dims: vecDims,
    });
    vocab = dv.vocab;
    // Each vector scaled to unit length (the SVD scale varies a lot with frequency).
    data = new Float32Array(vocab.length * vecDims);
    for (let w = 0; w < vocab.length; w++) {
      let norm = 0;
      for (let d = 0; d < vecDims; d++) norm += dv.vec[w * vecDims + d]! ** 2;
      const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
      for (let d = 0; d < vecDims; d++) data[w * vecDims + d] = dv.vec[w * vecDims + d]! * inv;
    }
    writeFileSync(
      file,
      vocab
        .map(
          (w, i) =>
            `${w}\t${Array.from(data.subarray(i * vecDims, (i + 1) * vecDims), (x) => x.toFixed(5)).join(' ')}\n`,
        )
        .join(''),
    );
  }
  const vectors: DenseVectors = { index: new Map(vocab.map((w, i) => [w, i])), data, dims: vecDims };
  res.vectors = vectors;
  console.log(`dense vectors: ${vocab.length} words × ${vecDims} (cpu ${cpuNow()} s)`);
}

const linear = loadTagger(option('model') ?? DEFAULT_MODEL_PATH);
const tags = linear.header.tags;
const gold = dev.map((s) => s.tags);
const f2 = (x: number) => (100 * x).toFixed(2);
const lambdas = (option('lambda') ?? '2,4,6,8,10,14').split(',').map(Number);
const base = scoreNer(gold, linear.tagDocument(dev.map((s) => s.tokens)));
console.log(`linear model alone: dev micro F1 ${f2(base.micro.f1)}`);
const epochs = Number(option('epochs') ?? 6);
const tt = performance.now();
const devFlat = (net: { logProbs(t: readonly string[]): Float64Array }): Float64Array => {
  const lp = dev.map((s) => net.logProbs(s.tokens));
  const flat = new Float64Array(lp.reduce((a, x) => a + x.length, 0));
  let o = 0;
  for (const x of lp) {
    flat.set(x, o);
    o += x.length;
  }
  return flat;
};
const net = trainWindowNet(
  train,
  {
    tags,
    seed,
    epochs,
    ...(option('dim') ? { dim: Number(option('dim')) } : {}),
    ...(option('slots') ? { slots: Number(option('slots')) } : {}),
    ...(option('hidden') ? { hidden: Number(option('hidden')) } : {}),
    ...(option('window') ? { window: Number(option('window')) } : {}),
    ...(option('bits') ? { bucketBits: Number(option('bits')) } : {}),
    ...(option('lr') ? { lr: Number(option('lr')) } : {}),
    ...(option('dropout') ? { dropout: Number(option('dropout')) } : {}),
    ...(option('word-dropout') ? { wordDropout: Number(option('word-dropout')) } : {}),
    onEpoch: (e, net, loss) => {
      const alone = scoreNer(
        gold,
        dev.map((s) => net.tag(s.tokens)),
      );
      const flat = devFlat(net);
      const ens = lambdas.map((l) => {
        const s = scoreNer(
          gold,
          linear.tagDocument(
            dev.map((x) => x.tokens),
            flat.map((v) => l * v),
          ),
        );
        return `λ${l} ${f2(s.micro.f1)}`;
      });
      const pt = Object.entries(alone.perType)
        .map(([t, v]) => `${t} ${f2(v.f1)}`)
        .join(' ');
      console.log(
        `epoch ${e}: loss ${(loss / 1000).toFixed(1)}k; alone ${f2(alone.micro.f1)} (${pt}); ensemble ${ens.join(', ')}` +
          ` [${((performance.now() - tt) / 1000).toFixed(0)} s wall, cpu ${cpuNow()} s, load ${loadavg()[0]!.toFixed(1)}]`,
      );
    },
  },
  res,
);
// The dev log-probabilities of the last epoch (float64, dev tokens × tags in the linear model's tag order), to combine seeds later.
const saveDev = option('save-dev');
if (saveDev) writeFileSync(saveDev, Buffer.from(devFlat(net).buffer));
console.log(
  `total: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ${cpuNow()} s CPU (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
