import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  brownClusters,
  brownPathOf,
  clusterTokens,
  mergeTree,
  readBrown,
  writeBrown,
} from '../../src/analyze/tagger/brown.ts';
import { headerFor, train } from '../../src/analyze/tagger/train.ts';
import { TaggerModel } from '../../src/analyze/tagger/model.ts';
import { matchForm } from '../../src/analyze/tagger/normalize.ts';
import { mulberry32 } from '../../src/text/random.ts';

test('clusterTokens: a proclitic is split off only when the bare form is the more frequent word', () => {
  const counts = new Map([
    ['ايران', 50],
    ['وايران', 2],
    ['وزير', 40],
    ['زير', 1],
    ['لبنان', 30],
    ['بنان', 1],
    ['الرييس', 60],
    ['بالرييس', 3],
  ]);
  const c = (w: string) => counts.get(w) ?? 0;
  const t = (w: string) => clusterTokens(matchForm(w), c);
  assert.deepEqual(t('وإيران'), ['و+', 'ايران']);
  assert.deepEqual(t('وزير'), ['وزير']);
  assert.deepEqual(t('لبنان'), ['لبنان']);
  // Conjunction and preposition: the middle form wins over the bare one («بنان» is rare).
  assert.deepEqual(t('ولبنان'), ['و+', 'لبنان']);
  assert.deepEqual(t('بالرئيس'), ['ب+', 'الرييس']);
  assert.deepEqual(t('وبالرئيس'), ['و+', 'ب+', 'الرييس']);
  // Unknown everywhere: kept whole.
  assert.deepEqual(t('وسلتيك'), ['وسلتيك']);
  // Lookup: the first candidate form the clusters know.
  const paths = new Map([
    ['ايران', '0101'],
    ['وزير', '11'],
  ]);
  assert.equal(brownPathOf('وإيران', paths), '0101');
  assert.equal(brownPathOf('ولإيران', paths), '0101');
  assert.equal(brownPathOf('وزير', paths), '11');
  assert.equal(brownPathOf('سلتيك', paths), undefined);
});

/** Mutual information of adjacent classes for a K×K count table. */
function mi(N: Float64Array, K: number): number {
  let total = 0;
  const l = new Float64Array(K);
  const r = new Float64Array(K);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) {
      total += N[a * K + b]!;
      l[a]! += N[a * K + b]!;
      r[b]! += N[a * K + b]!;
    }
  }
  let s = 0;
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) {
      const x = N[a * K + b]!;
      if (x > 0) s += (x / total) * Math.log((x * total) / (l[a]! * r[b]!));
    }
  }
  return s;
}

/** The same merges done the slow way: at each step, recompute the MI of every possible merge. */
function naiveTree(N0: Float64Array, K: number): string[] {
  let groups = Array.from({ length: K }, (_, i) => [i]);
  const code = Array.from({ length: K }, () => '');
  const table = (gs: number[][]) => {
    const G = gs.length;
    const out = new Float64Array(G * G);
    gs.forEach((ga, i) => {
      gs.forEach((gb, j) => {
        for (const a of ga) for (const b of gb) out[i * G + j]! += N0[a * K + b]!;
      });
    });
    return out;
  };
  while (groups.length > 1) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let i = 0; i < groups.length; i++) {
      for (let j = i + 1; j < groups.length; j++) {
        const merged = groups.filter((_, k) => k !== j).map((g, k) => (k === i ? [...g, ...groups[j]!] : g));
        const v = mi(table(merged), merged.length);
        if (v > best + 1e-12) {
          best = v;
          bi = i;
          bj = j;
        }
      }
    }
    for (const m of groups[bi]!) code[m] = `0${code[m]}`;
    for (const m of groups[bj]!) code[m] = `1${code[m]}`;
    groups = groups.filter((_, k) => k !== bj).map((g, k) => (k === bi ? [...g, ...groups[bj]!] : g));
  }
  return code;
}

test('mergeTree: the cached-loss merges are the ones recomputing the mutual information picks', () => {
  const rnd = mulberry32(5);
  for (const K of [3, 5, 8]) {
    for (let rep = 0; rep < 4; rep++) {
      const N = new Float64Array(K * K);
      for (let k = 0; k < K * K; k++) N[k] = rnd() < 0.3 ? 0 : Math.floor(rnd() * 50);
      const l = new Float64Array(K);
      const r = new Float64Array(K);
      let total = 0;
      for (let a = 0; a < K; a++) {
        for (let b = 0; b < K; b++) {
          l[a]! += N[a * K + b]!;
          r[b]! += N[a * K + b]!;
          total += N[a * K + b]!;
        }
      }
      const fast = mergeTree(N, l, r, K, total);
      assert.deepEqual(fast, naiveTree(N, K), `K ${K}, rep ${rep}`);
      // Every class gets a distinct bit string of K-1 merges.
      assert.equal(new Set(fast).size, K);
    }
  }
});

test('brownClusters: words of the same distribution share a cluster; deterministic; file round trip', () => {
  const nouns = ['قط', 'كلب', 'حصان', 'جمل', 'اسد'];
  const verbs = ['ركض', 'نام', 'اكل', 'قفز'];
  const sents: string[][] = [];
  for (const n of nouns) for (const v of verbs) for (const d of ['هذا', 'ذلك']) sents.push([d, n, v]);
  const run = () => brownClusters(sents, { classes: 4, minCount: 1 });
  const res = run();
  const cls = (w: string) => res.paths.get(w)!;
  for (const n of nouns) assert.equal(cls(n), cls(nouns[0]!), n);
  for (const v of verbs) assert.equal(cls(v), cls(verbs[0]!), v);
  assert.notEqual(cls('قط'), cls('ركض'));
  assert.notEqual(cls('هذا'), cls('قط'));
  assert.ok(res.mi > 0);
  assert.deepEqual([...run().paths], [...res.paths]);
  const text = writeBrown(res, ['test']);
  assert.deepEqual(readBrown(text, 'x.tsv'), res.paths);
  assert.throws(() => readBrown('01\tقط\t3\nnot a line\n', 'x.tsv'), /x\.tsv:2: .*build:clusters/);
  assert.throws(() => brownClusters(sents, { classes: 400 }), /400 classes/);
});

test('brown and cue groups: fast scoring equals summing every feature; the clusters travel in the header', () => {
  const groups = ['word', 'context', 'gazetteer', 'brown', 'cue'] as const;
  const brown = new Map([
    ['محمد', '0010'],
    ['سالم', '00110'],
    ['احمد', '0011'],
    ['تونس', '1001'],
    ['القاهره', '10010'],
    ['قال', '0111'],
    ['الوزير', '01100'],
    ['وزاره', '11100'],
  ]);
  const gazetteer = new Map([['تونس', 'LOC:country:name']]);
  const sentences = [
    ['قال O', 'الوزير O', 'محمد B-PERS', 'سالم I-PERS', 'في O', 'تونس B-LOC'],
    ['أعلنت O', 'وزارة B-ORG', 'الصحة I-ORG', 'في O', 'القاهرة B-LOC'],
    ['التقى O', 'الرئيس O', 'أحمد B-PERS', 'بنظيره O', 'في O', 'وتونس B-LOC'],
  ].map((lines) => ({
    tokens: lines.map((l) => l.split(' ')[0]!),
    tags: lines.map((l) => l.split(' ')[1]!),
  }));
  const w = train({ sentences, groups, brown, gazetteer, epochs: 3, seed: 7 });
  const header = headerFor(w, { groups, brown, gazetteer, meta: {} });
  assert.equal(header.brown?.محمد, '0010');
  const model = new TaggerModel(header, w.hashes, w.weights);
  for (const s of [...sentences.map((m) => m.tokens), 'قال السيد سالم كمال في لتونس'.split(' ')]) {
    const fast = model.emissions(s);
    const ref = model.emissionsReference(s);
    fast.forEach((v, i) => {
      assert.ok(Math.abs(v - ref[i]!) < 1e-9, `${s.join(' ')}: ${v} vs ${ref[i]}`);
    });
  }
  // The features change the scores: without the clusters the same weights score differently.
  const noBrown = new TaggerModel({ ...header, brown: {} }, w.hashes, w.weights);
  assert.notDeepEqual(noBrown.emissions(sentences[0]!.tokens), model.emissions(sentences[0]!.tokens));
});
