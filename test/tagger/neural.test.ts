import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildBinaryVectors, buildDenseVectors } from '../../src/analyze/tagger/clusters.ts';
import { PhraseGazetteer } from '../../src/analyze/tagger/gazetteer.ts';
import { TaggerModel } from '../../src/analyze/tagger/model.ts';
import { tokenFeatures, trainWindowNet } from '../../src/analyze/tagger/neural.ts';
import { matchForm } from '../../src/analyze/tagger/normalize.ts';
import { headerFor, train } from '../../src/analyze/tagger/train.ts';
import { toySentences } from './toy.ts';

// Sentences written for these tests (./toy.ts).
const mine = toySentences()
  // The first token of the first sentence is O in fact: fix the toy tag.
  .map((s, i) => (i === 0 ? { ...s, tags: ['O', ...s.tags.slice(1)] } : s));
const TAGS = ['O', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC', 'B-ORG', 'I-ORG', 'B-PERS', 'I-PERS'];

test('neural: token features share character n-grams across clitics; gazetteer and slots', () => {
  const gaz = new PhraseGazetteer(new Map([[matchForm('تونس'), 'LOC:country:name']]));
  const a = tokenFeatures(['وتونس'], { gazetteer: gaz }, 18);
  const b = tokenFeatures(['تونس'], { gazetteer: gaz }, 18);
  const c = tokenFeatures(['تونس'], {}, 18);
  const setOf = (f: ReturnType<typeof tokenFeatures>) => new Set(f.ids);
  // Same stem: the stem identity and all its character 3-grams are shared.
  const shared = [...setOf(a)].filter((x) => setOf(b).has(x)).length;
  assert.ok(shared >= 5, `only ${shared} shared features`);
  // The gazetteer adds list features (slot 2) that the bare token lacks.
  assert.ok(b.ids.length > c.ids.length);
  const lists = (f: ReturnType<typeof tokenFeatures>) => [...f.slots].filter((x) => x === 2).length;
  assert.equal(lists(b), lists(c) + 2);
  assert.equal(b.identity[0], 2);
  assert.equal(b.slots[0], 0);
  assert.equal(b.slots[1], 0);
  for (const id of b.ids) assert.ok(id >= 0 && id < 1 << 18);
});

test('neural: training is deterministic and learns its data (mean and slot representations)', () => {
  const vocab = ['تونس', 'المغرب', 'القاهره', 'الجزائر', 'الرباط'];
  const vectors = {
    index: new Map(vocab.map((w, i) => [w, i])),
    data: Float32Array.from({ length: vocab.length * 4 }, (_, i) => ((i * 7) % 5) / 5 - 0.4),
    dims: 4,
  };
  for (const slots of [1, 3]) {
    const run = () =>
      trainWindowNet(
        mine,
        {
          tags: TAGS,
          seed: 3,
          epochs: 40,
          bucketBits: 12,
          dim: 16,
          hidden: 32,
          slots,
          dropout: 0,
          wordDropout: 0,
        },
        { vectors },
      );
    const a = run();
    const b = run();
    assert.deepEqual(a.W1, b.W1);
    assert.deepEqual(a.logProbs(mine[2]!.tokens), b.logProbs(mine[2]!.tokens));
    for (const s of mine) assert.deepEqual(a.tag(s.tokens), s.tags, `slots ${slots}`);
    // Log-probabilities: each row sums to 1.
    const lp = a.logProbs(mine[0]!.tokens);
    for (let i = 0; i < mine[0]!.tokens.length; i++) {
      let z = 0;
      for (let t = 0; t < TAGS.length; t++) z += Math.exp(lp[i * TAGS.length + t]!);
      assert.ok(Math.abs(z - 1) < 1e-6);
    }
  }
  assert.throws(
    () => trainWindowNet([{ tokens: ['x'], tags: ['B-XYZ'] }], { tags: TAGS, seed: 1, epochs: 1 }, {}),
    /B-XYZ/,
  );
});

test('tagDocument with extra scores: zeros change nothing, strong scores win, a wrong length is an error', () => {
  const groups = ['word', 'affix', 'clitic', 'context', 'bigram'] as const;
  const w = train({ sentences: mine, groups, epochs: 5, seed: 5 });
  const model = new TaggerModel(headerFor(w, { groups, meta: {} }), w.hashes, w.weights);
  const sents = mine.map((s) => s.tokens);
  const K = sents.reduce((a, s) => a + s.length, 0);
  const n = model.header.tags.length;
  const plain = model.tagDocument(sents);
  assert.deepEqual(model.tagDocument(sents, new Float64Array(K * n)), plain);
  // A large score on B-LOC for the first token of every sentence (and O elsewhere).
  const bLoc = model.header.tags.indexOf('B-LOC');
  const o = model.header.tags.indexOf('O');
  const extra = new Float64Array(K * n);
  let k = 0;
  for (const s of sents) {
    for (let i = 0; i < s.length; i++, k++) extra[k * n + (i === 0 ? bLoc : o)] = 1e4;
  }
  for (const tags of model.tagDocument(sents, extra)) {
    assert.deepEqual(tags, ['B-LOC', ...new Array(tags.length - 1).fill('O')]);
  }
  assert.throws(() => model.tagDocument(sents, new Float64Array(3)), /extra scores: 3 values, expected/);
});

test('dense vectors: the binarized codes are read from them (same signs as the dense values)', () => {
  const ant = [
    JSON.stringify({ text: 'زار الوزير تونس ثم الجزائر. وصل الوفد إلى المغرب ثم تونس.' }),
    JSON.stringify({ text: 'قال الوزير إن تونس والمغرب والجزائر ستتعاون. زار الرئيس القاهرة ثم تونس.' }),
    JSON.stringify({ text: 'زار الرئيس المغرب ثم الجزائر. قال الرئيس إن الوفد وصل إلى تونس.' }),
  ].join('\n');
  const opts = { antJsonl: ant, seed: 3, minCount: 1, contexts: 20, dims: 4 };
  const dense = buildDenseVectors(opts);
  const bin = buildBinaryVectors(opts);
  assert.equal(dense.vec.length, dense.vocab.length * 4);
  assert.deepEqual([...bin.keys()], dense.vocab);
  dense.vocab.forEach((word, w) => {
    for (const code of bin.get(word)!) {
      const v = dense.vec[w * 4 + (code >> 1)]!;
      assert.ok(code % 2 === 0 ? v > 0 : v < 0, `${word} code ${code} value ${v}`);
    }
  });
});
