import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { AntCounts, antSentences } from '../../src/analyze/tagger/antlex.ts';
import { buildBinaryVectors, buildClusters } from '../../src/analyze/tagger/clusters.ts';
import {
  NAME_FIRST,
  NAME_INNER,
  NAME_LAST,
  namePartsFromPetrarch,
  PhraseGazetteer,
  procliticVariants,
} from '../../src/analyze/tagger/gazetteer.ts';
import { DEFAULT_MODEL_PATH, loadTagger, tag } from '../../src/analyze/tagger/index.ts';
import {
  docFeatures,
  docFeaturesFlat,
  docKey,
  type FeatureGroup,
  hashString,
  mix,
} from '../../src/analyze/tagger/features.ts';
import {
  allowedTransitions,
  bioNames,
  endAllowed,
  repairBio,
  saveModel,
  TaggerModel,
  toBilou,
  viterbi,
} from '../../src/analyze/tagger/model.ts';
import { matchForm, stripProclitics } from '../../src/analyze/tagger/normalize.ts';
import { mulberry32 } from '../../src/text/random.ts';
import { combineWeights, ForwardBackward, headerFor, train } from '../../src/analyze/tagger/train.ts';
import { toySentences } from './toy.ts';

const words = (s: string) => s.split(' ');

test('matchForm and proclitics', () => {
  assert.equal(matchForm('إِيرانُ'), 'ايران');
  assert.equal(matchForm('مدرسة'), 'مدرسه');
  assert.equal(matchForm('٢٠٢٥'), '2025');
  assert.equal(stripProclitics(matchForm('وبالسعودية')).stem, 'سعوديه');
  assert.equal(stripProclitics(matchForm('للأمم')).stem, 'امم');
  assert.ok(procliticVariants(matchForm('وإيران')).includes('ايران'));
  assert.ok(procliticVariants(matchForm('للمملكة')).includes('المملكه'));
});

test('gazetteer: longest match, clitic-aware on the first word', () => {
  const g = new PhraseGazetteer({
    ايران: 'LOC:country:name',
    'الامم المتحده': 'ORG:org:name',
    الامم: 'X:x:x',
  });
  const norms = ['قالت', 'وايران', 'امام', 'للامم', 'المتحده'];
  const m = g.match(norms);
  assert.deepEqual(m, [undefined, 'B|LOC:country:name', undefined, 'B|ORG:org:name', 'I|ORG:org:name']);
  // The cached starts (what the tagger passes in) are procliticVariants that begin a phrase, in order.
  const firsts = new Set(['ايران', 'الامم']);
  for (const w of [...norms, 'وللامم', 'بالامم', 'كايران', 'فلايران', 'ايرانيه', 'لل', 'و']) {
    assert.deepEqual(
      g.phraseStartsOf(w),
      procliticVariants(w).filter((v) => firsts.has(v)),
      w,
    );
  }
  assert.deepEqual(
    g.match(
      norms,
      norms.map((w) => g.phraseStartsOf(w)),
    ),
    m,
  );
});

test('the committed model loads and tags sensibly', (t) => {
  if (!existsSync(DEFAULT_MODEL_PATH)) {
    t.skip(`${DEFAULT_MODEL_PATH} is absent (run npm run train:tagger)`);
    return;
  }
  // Load time is measured by bench/tagger.ts, not here (a shared machine makes timings flaky).
  const m = loadTagger();
  assert.equal(loadTagger(), m, 'the default model is loaded once');
  assert.ok(m.header.notice.includes('CC BY-SA 4.0'));
  const s1 = words('وقال الرئيس الأمريكي جورج بوش في مؤتمر صحفي في واشنطن إن المحادثات كانت مفيدة .');
  const t1 = tag(s1);
  assert.equal(t1.length, s1.length);
  assert.ok(t1[s1.indexOf('بوش')]!.endsWith('-PERS'), `بوش → ${t1[s1.indexOf('بوش')]}`);
  assert.equal(t1[s1.indexOf('واشنطن')], 'B-LOC');
  assert.equal(t1[s1.indexOf('مؤتمر')], 'O');
  const s2 = words('زار وزير الخارجية المصري القاهرة ثم توجه إلى باريس للقاء مسؤولين في الأمم المتحدة .');
  const t2 = tag(s2);
  assert.equal(t2[s2.indexOf('باريس')], 'B-LOC');
  assert.equal(t2[s2.indexOf('القاهرة')], 'B-LOC');
  assert.equal(t2[s2.indexOf('الأمم')], 'B-ORG');
  assert.equal(t2[s2.indexOf('المتحدة')], 'I-ORG');
  // Valid BIO always; odd input does not throw.
  for (const tags of [t1, t2, tag(['hello', 'world', '123', '!!!', '']), tag(['ال'])]) {
    tags.forEach((x, i) => {
      if (x.startsWith('I-')) assert.ok(i > 0 && tags[i - 1]!.slice(2) === x.slice(2), `bad BIO ${tags}`);
    });
  }
  assert.deepEqual(tag([]), []);
});

// A tiny training set written for these tests (./toy.ts).
const mine = toySentences();

test('training is deterministic (same data, same seed → same weights)', () => {
  const ant = [
    JSON.stringify({ title: 'زيارة', text: 'زار الوزير تونس ثم الجزائر. وصل الوفد إلى المغرب ثم تونس.' }),
    JSON.stringify({ text: 'قال الوزير إن تونس والمغرب والجزائر ستتعاون. زار الرئيس القاهرة.' }),
  ].join('\n');
  const run = () => {
    const clusters = buildClusters({ antJsonl: ant, seed: 3, minCount: 1, branching: [2, 2] });
    const w = train({
      sentences: mine,
      groups: ['word', 'affix', 'clitic', 'context', 'cluster', 'lexicon', 'ngram'],
      clusters,
      epochs: 3,
      seed: 5,
      folds: 2,
    });
    return { clusters, w };
  };
  const a = run();
  const b = run();
  assert.deepEqual([...a.clusters.entries()], [...b.clusters.entries()]);
  assert.deepEqual(a.w.hashes, b.w.hashes);
  assert.deepEqual(a.w.weights, b.w.weights);
  assert.deepEqual(a.w.transitions, b.w.transitions);
  assert.ok(a.w.hashes.length > 0);
  // It learned its training data.
  const model = new TaggerModel(
    headerFor(a.w, {
      groups: ['word', 'affix', 'clitic', 'context', 'cluster', 'lexicon', 'ngram'],
      meta: {},
    }),
    a.w.hashes,
    a.w.weights,
  );
  assert.deepEqual(model.tag(mine[2]!.tokens), mine[2]!.tags);
});

test('fast scoring equals summing every feature; a word table changes no tag', () => {
  const groups = [
    'word',
    'affix',
    'clitic',
    'shape',
    'context',
    'bigram',
    'cluster',
    'ctxcluster',
    'ngram',
    'gazetteer',
    'quote',
  ] as const;
  const ant = JSON.stringify({ text: 'زار الوزير تونس ثم الجزائر. وصل الوفد إلى المغرب ثم تونس.' });
  const clusters = buildClusters({ antJsonl: ant, seed: 3, minCount: 1, branching: [2, 2] });
  const gazetteer = new Map([['تونس', 'LOC:country:name']]);
  const w = train({ sentences: mine, groups, clusters, gazetteer, epochs: 3, seed: 7 });
  const header = headerFor(w, { groups, clusters, gazetteer, meta: {} });
  const plain = new TaggerModel(header, w.hashes, w.weights);
  plain.setBias(3, { MISC: 2 });
  const unseen = words('« زار » سالم تونس ووصل إلى الرباط ثم غادر محمد سالم إلى المغرب .');
  for (const s of [...mine.map((m) => m.tokens), unseen]) {
    // Twice: the second time every word's scores come from the cache.
    for (let r = 0; r < 2; r++) {
      const fast = plain.emissions(s);
      const ref = plain.emissionsReference(s);
      assert.equal(fast.length, ref.length);
      fast.forEach((v, i) => {
        assert.ok(Math.abs(v - ref[i]!) < 1e-9, `${s.join(' ')}: ${v} vs ${ref[i]}`);
      });
    }
  }
  // Saved with a word table (some words precomputed, others not) and loaded back.
  const vocab = ['زار', 'تونس', 'إلى', 'سالم', 'الجزائر'];
  const dir = mkdtempSync(join(tmpdir(), 'khabar-tagger-'));
  try {
    const path = join(dir, 'm.bin');
    const withTable = { ...header, wordTable: vocab, oPenalty: 3, typeBias: { MISC: 2 } };
    saveModel(path, withTable, w.hashes, w.weights, plain.wordScores(vocab));
    assert.throws(() => saveModel(path, withTable, w.hashes, w.weights), /word table needs/);
    const loaded = TaggerModel.load(path);
    assert.deepEqual(loaded.header.wordTable, vocab);
    for (const s of [...mine.map((m) => m.tokens), unseen]) {
      assert.deepEqual(loaded.tag(s), plain.tag(s));
      const a = loaded.emissions(s);
      const b = plain.emissions(s);
      a.forEach((v, i) => {
        assert.ok(Math.abs(v - b[i]!) < 1e-4, `${v} vs ${b[i]}`);
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cached word scores stay right across many words (shared chunks of the feature cache)', () => {
  // Each new word's feature hashes, own scores and neighbour scores are views into shared
  // chunks (features.ts): 3,000 distinct words fill several chunks; a view overlapping
  // another would add one word's weights into another's scores.
  const groups = ['word', 'affix', 'clitic', 'shape', 'context', 'bigram', 'ngram'] as const;
  const w = train({ sentences: mine, groups, epochs: 2, seed: 5 });
  const model = new TaggerModel(headerFor(w, { groups, meta: {} }), w.hashes, w.weights);
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const rnd = mulberry32(11);
  const vocab = Array.from({ length: 3000 }, (_, i) => {
    let s = '';
    for (let k = 0, len = 3 + (i % 6); k < len; k++) s += letters[Math.floor(rnd() * letters.length)];
    return `${s}${i}`;
  });
  const sentences = Array.from({ length: 300 }, (_, i) => vocab.slice(i * 10, i * 10 + 10));
  for (let r = 0; r < 2; r++) {
    for (const s of r === 0 ? sentences : [...sentences].reverse()) {
      const fast = model.emissions(s);
      const ref = model.emissionsReference(s);
      for (let i = 0; i < fast.length; i++) {
        assert.ok(Math.abs(fast[i]! - ref[i]!) < 1e-9, `${s.join(' ')}: ${fast[i]} vs ${ref[i]}`);
      }
    }
  }
});

test('doc features: what a first pass said about the same word in nearby sentences', () => {
  const sents = [
    words('فاز بنفيكا أمس'),
    words('ولعب وبنفيكا لاعب'),
    words('قال بنفيكا'),
    words('في بنفيكا'),
  ];
  const tags = [
    ['O', 'B-ORG', 'O'],
    ['O', 'B-ORG', 'O'],
    ['O', 'O'],
    ['O', 'B-PERS'],
  ];
  const near = docFeatures(sents, tags, 1);
  const far = docFeatures(sents, tags, 10);
  // Sentence 2's «بنفيكا» (tagged O itself) sees sentence 1 (ORG) and 3 (PERS) within 1 sentence.
  const typesOf = (f: Uint32Array) => f.length;
  assert.ok(typesOf(near[2]![1]!) > 0);
  // Sentence 0 sees only sentence 1 (ORG) within one; within ten it also sees PERS and O.
  assert.ok(far[0]![1]!.length > near[0]![1]!.length, 'a wider window sees more types');
  // A word seen once, and punctuation, get nothing; a token never counts itself.
  assert.equal(near[0]![2]!.length, 0);
  assert.deepEqual(docFeatures([words('بنفيكا')], [['B-ORG']], 5), [[new Uint32Array(0)]]);
  assert.equal(docKey('وبنفيكا'), docKey('بنفيكا'));
  assert.equal(docKey('!!'), '');
});

test('doc features equal a direct count of the other occurrences in the window (random texts)', () => {
  // The definition, token by token (quadratic); docFeaturesFlat must give the same hashes in the same order.
  const T_DOC = 220; // the template id of the doc features (fixed: changing it invalidates models)
  const typeNames = ['O', 'LOC', 'MISC', 'ORG', 'PERS'];
  const typeHash = typeNames.map((t) => hashString(T_DOC, t));
  const reference = (keys: string[], sentOf: Int32Array, types: Int32Array, window: number): number[][] =>
    keys.map((key, k) => {
      if (key === '') return [];
      const counts = new Array<number>(typeNames.length).fill(0);
      let all = 0;
      keys.forEach((other, j) => {
        if (j === k || other !== key || Math.abs(sentOf[j]! - sentOf[k]!) > window) return;
        counts[types[j]!]!++;
        all++;
      });
      if (all === 0) return [];
      const ent = all - counts[0]!;
      if (ent === 0) return [hashString(T_DOC + 3, 'allO')];
      let best = 1;
      for (let t = 2; t < typeNames.length; t++) if (counts[t]! > counts[best]!) best = t;
      const out: number[] = [];
      for (let t = 1; t < typeNames.length; t++) if (counts[t]! > 0) out.push(typeHash[t]!);
      out.push(mix(T_DOC + 1, typeHash[best]!), hashString(T_DOC + 2, 2 * ent >= all ? 'mostly' : 'some'));
      return out;
    });
  const rnd = mulberry32(11);
  const vocab = ['', 'a', 'b', 'c', 'd', 'e', 'f'];
  for (let trial = 0; trial < 40; trial++) {
    const K = 1 + Math.floor(rnd() * 60);
    const keys: string[] = [];
    const sentOf = new Int32Array(K);
    const types = new Int32Array(K);
    let s = 0;
    for (let k = 0; k < K; k++) {
      if (rnd() < 0.2) s += 1 + Math.floor(rnd() * 3);
      sentOf[k] = s;
      keys.push(vocab[Math.floor(rnd() * vocab.length)]!);
      types[k] = rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 4);
    }
    for (const window of [0, 1, 4, 100]) {
      const flat = docFeaturesFlat(keys, sentOf, types, typeNames, window);
      const got = keys.map((_, k) => [...flat.hashes.subarray(flat.offsets[k]!, flat.offsets[k + 1]!)]);
      assert.deepEqual(got, reference(keys, sentOf, types, window), `trial ${trial}, window ${window}`);
    }
  }
});

test('repeat features: a word pair that recurs in nearby sentences marks its two words', () => {
  const sents = [
    words('أعلن البنك التجاري أمس'),
    words('وقال إن البنك التجاري ربح'),
    words('في يوم ما'),
    words('ربح البنك الأهلي'),
  ];
  const tags = sents.map((s) => s.map(() => 'O'));
  const plain = docFeatures(sents, tags, 5);
  const rep = docFeatures(sents, tags, 5, { repeat: true });
  // «البنك التجاري» recurs: both of its words get one more feature in both sentences.
  for (const [s, i] of [
    [0, 1],
    [0, 2],
    [1, 2],
    [1, 3],
  ] as const) {
    assert.equal(rep[s]![i]!.length, plain[s]![i]!.length + 1, `sentence ${s} token ${i}`);
  }
  // The first word of the pair and the second get different features.
  assert.notDeepEqual(rep[0]![1]!.slice(-1), rep[0]![2]!.slice(-1));
  // «البنك الأهلي» occurs once; «ربح» is not next to the same word twice; short keys never pair.
  assert.equal(rep[3]![2]!.length, plain[3]![2]!.length);
  assert.equal(rep[3]![0]!.length, plain[3]![0]!.length);
  // Out of the window: nothing.
  const far = docFeatures(sents, tags, 0, { repeat: true });
  assert.equal(far[0]![1]!.length, 0);
});

test('docctx features: the words around the other occurrences of a word in nearby sentences', () => {
  const sents = [
    words('فاز فريق بنفيكا أمس'),
    words('وتعادل بنفيكا مع الفريق'),
    words('في يوم ما'),
    words('قال المدرب'),
  ];
  const tags = sents.map((s) => s.map(() => 'O'));
  const plain = docFeatures(sents, tags, 5);
  const ctx = docFeatures(sents, tags, 5, { context: true });
  // «بنفيكا» (sentence 0) gets the two words around its other occurrence: «وتعادل» → «تعادل» and «مع».
  assert.equal(ctx[0]![2]!.length, plain[0]![2]!.length + 2);
  // and the other way round: «فريق» and «أمس».
  assert.equal(ctx[1]![1]!.length, plain[1]![1]!.length + 2);
  // Before and after are different features: «فريق» before ≠ «فريق» after.
  const before = ctx[1]![1]!.slice(-2);
  const swapped = docFeatures(
    [words('بنفيكا فريق'), words('بنفيكا أمس')],
    [
      ['O', 'O'],
      ['O', 'O'],
    ],
    5,
    {
      context: true,
    },
  );
  assert.notDeepEqual([...swapped[1]![0]!].sort(), [...before].sort());
  // A word seen once, a key under 3 letters and a far occurrence give nothing.
  assert.equal(ctx[0]![3]!.length, plain[0]![3]!.length);
  assert.equal(ctx[1]![3]!.length, plain[1]![3]!.length);
  const far = docFeatures(sents, tags, 0, { context: true });
  assert.equal(far[0]![2]!.length, 0);
  // The flat and per-sentence forms agree, and the result does not depend on anything but the text.
  assert.deepEqual(docFeatures(sents, tags, 5, { context: true }), ctx);
});

test('antlex: labels from what a tagger said about each stem across a corpus', () => {
  const sents = antSentences(
    [
      JSON.stringify({ title: 'فاز سلتيك', text: 'لعب سلتيك أمس. وسلتيك فاز\nقال مدرب لسلتيك' }),
      'not json',
      JSON.stringify({ text: 42 }),
    ].join('\n'),
  );
  assert.deepEqual(sents[0], ['فاز', 'سلتيك']);
  assert.equal(sents.length, 4);
  const counts = new AntCounts();
  for (const s of sents)
    counts.add(
      s,
      s.map((w) => (docKey(w) === docKey('سلتيك') ? 'B-ORG' : 'O')),
    );
  counts.add(['فاز', 'سلتيك'], ['O', 'B-PERS']);
  const labels = counts.labels();
  // 4 of 5 occurrences ORG (share 0.8 → h), 5 occurrences (count bucket 2); «فاز» never an entity.
  assert.equal(labels.get(docKey('سلتيك')), 'ORG:h:2');
  assert.equal(labels.has(docKey('فاز')), false);
  // Counts of several taggings divided by their number.
  assert.equal(counts.labels(1, 5).get(docKey('سلتيك')), 'ORG:h:1');
  assert.equal(counts.labels(10).size, 0);
});

test('opt-in groups (ctxaffix, stemcluster, antlex): fast scoring equals summing every feature', () => {
  const groups = ['word', 'context', 'ctxaffix', 'stemcluster', 'antlex'] as const;
  const ant = JSON.stringify({
    text: 'زار الوزير تونس ثم الجزائر. وصل الوفد إلى المغرب ثم لتونس. زار الرئيس وتونس.',
  });
  const stemClusters = buildClusters({ antJsonl: ant, seed: 3, minCount: 1, form: 'stem', flat: [2, 3] });
  // Stems: «لتونس» and «وتونس» are counted as «تونس»; one id per k.
  assert.equal(stemClusters.has('لتونس'), false);
  assert.equal(stemClusters.get('تونس')!.length, 2);
  const antLexicon = new Map([[docKey('تونس'), 'LOC:h:2']]);
  const w = train({ sentences: mine, groups, stemClusters, antLexicons: [antLexicon], epochs: 3, seed: 7 });
  const header = headerFor(w, { groups, stemClusters, antLexicon, meta: {} });
  assert.ok(header.stemClusters && header.antLexicon);
  const model = new TaggerModel(header, w.hashes, w.weights);
  for (const s of [...mine.map((m) => m.tokens), words('زار سالم تونس ووصل إلى الرباط .')]) {
    const fast = model.emissions(s);
    const ref = model.emissionsReference(s);
    fast.forEach((v, i) => {
      assert.ok(Math.abs(v - ref[i]!) < 1e-9, `${s.join(' ')}: ${v} vs ${ref[i]}`);
    });
  }
});

test('namepart: name parts from dated actor entries, titles and organisation heads left out', () => {
  // Own lines in the dictionary's format: dated entries (people) and coded ones (agents, groups).
  const dict = [
    'سالم_كمال_الحداد_',
    '\t[TUNGOV 20100101-20120101]',
    'الرئيس_منير_بوعزيز_',
    '\t[TUNGOV 20100101-20120101]',
    'وزير_خارجية_تونسي_  [TUNGOV]',
    'حزب_الأمل_',
    '\t[TUNPTY 20100101-20120101]',
    'كمال_',
    '\t[TUNGOV 20100101-20120101]',
  ].join('\n');
  const parts = namePartsFromPetrarch(dict);
  assert.equal(parts.get(matchForm('سالم')), NAME_FIRST);
  assert.equal(parts.get(matchForm('كمال')), NAME_INNER);
  assert.equal(parts.get(matchForm('الحداد')), NAME_LAST);
  // A title opens the entry: not a person's first word; an organisation head likewise; coded
  // entries and single words are not read.
  assert.equal(parts.has(matchForm('منير')), false);
  assert.equal(parts.has(matchForm('الأمل')), false);
  assert.equal(parts.has(matchForm('تونسي')), false);
  assert.deepEqual([...parts.keys()], [...parts.keys()].sort());
});

test('vec: binarized PPMI-SVD vectors are deterministic and separate contexts', () => {
  const text = Array.from({ length: 30 }, (_, i) =>
    i % 2
      ? 'زار الوزير تونس ثم الجزائر. وصل الوفد إلى المغرب ثم ليبيا.'
      : 'قال سالم إن الوفد وصل. أكد منير أن الوزير زار. قال كمال إن الوفد غادر.',
  )
    .map((t) => JSON.stringify({ text: t }))
    .join('\n');
  const a = buildBinaryVectors({ antJsonl: text, seed: 5, dims: 4, minCount: 1 });
  const b = buildBinaryVectors({ antJsonl: text, seed: 5, dims: 4, minCount: 1 });
  assert.deepEqual([...a.entries()], [...b.entries()]);
  for (const codes of a.values()) {
    assert.ok(codes.every((c) => c >= 0 && c < 8));
    // At most one code per dimension (high or low), ascending.
    assert.deepEqual(
      codes.map((c) => c >> 1),
      [...new Set(codes.map((c) => c >> 1))].sort((x, y) => x - y),
    );
  }
  // Words used alike (places after «زار» / «إلى», people after «قال» / «أكد») share more codes with each other than across.
  const shared = (x: string, y: string) => a.get(x)!.filter((c) => a.get(y)!.includes(c)).length;
  assert.ok(shared('سالم', 'كمال') > shared('سالم', 'المغرب'), JSON.stringify([...a]));
});

test('opt-in groups (namepart, vec): fast scoring equals summing every feature', () => {
  const groups = ['word', 'context', 'namepart', 'vec'] as const;
  const nameParts = new Map([
    [matchForm('محمد'), NAME_FIRST],
    [matchForm('سالم'), NAME_LAST],
    [matchForm('كمال'), NAME_LAST | NAME_INNER],
  ]);
  const vectors = new Map<string, readonly number[]>([
    [matchForm('تونس'), [0, 3]],
    [matchForm('المغرب'), [0, 2, 5]],
    [matchForm('أحمد'), [1]],
  ]);
  const w = train({ sentences: mine, groups, nameParts, vectors, epochs: 3, seed: 7 });
  const header = headerFor(w, { groups, nameParts, vectors, meta: {} });
  assert.ok(header.nameParts && header.vectors);
  const model = new TaggerModel(header, w.hashes, w.weights);
  for (const s of [...mine.map((m) => m.tokens), words('زار سالم لتونس ومحمد كمال إلى المغرب .')]) {
    const fast = model.emissions(s);
    const ref = model.emissionsReference(s);
    fast.forEach((v, i) => {
      assert.ok(Math.abs(v - ref[i]!) < 1e-9, `${s.join(' ')}: ${v} vs ${ref[i]}`);
    });
  }
  // The word-table path gives the same tags.
  const path = join(mkdtempSync(join(tmpdir(), 'khabar-np-')), 'm.bin');
  try {
    const vocab = ['تونس', 'سالم', 'محمد', 'كمال', 'لتونس'];
    saveModel(path, { ...header, wordTable: vocab }, w.hashes, w.weights, model.wordScores(vocab));
    const loaded = TaggerModel.load(path);
    assert.deepEqual(loaded.header.wordTable, vocab);
    for (const m of mine) assert.deepEqual(loaded.tag(m.tokens), model.tag(m.tokens));
  } finally {
    rmSync(join(path, '..'), { recursive: true, force: true });
  }
});

/** Every tag sequence of length `len` over `n` tags that the constraints allow. */
function allPaths(n: number, len: number, allowed: Uint8Array, end: Uint8Array): number[][] {
  let paths: number[][] = [[]];
  for (let i = 0; i < len; i++) {
    const next: number[][] = [];
    for (const p of paths) {
      const prev = i === 0 ? -1 : p[i - 1]!;
      for (let c = 0; c < n; c++) if (allowed[(prev + 1) * n + c]) next.push([...p, c]);
    }
    paths = next;
  }
  return paths.filter((p) => end[p[len - 1]!]);
}

test('CRF forward–backward equals enumerating every allowed path (BIO and BILOU)', () => {
  const rnd = mulberry32(11);
  for (const tags of [
    ['O', 'B-LOC', 'I-LOC', 'B-PERS', 'I-PERS'],
    ['O', 'B-LOC', 'I-LOC', 'L-LOC', 'U-LOC', 'B-ORG', 'I-ORG', 'L-ORG', 'U-ORG'],
  ]) {
    const n = tags.length;
    const allowed = allowedTransitions(tags);
    const end = endAllowed(tags);
    const fb = new ForwardBackward(n, allowed, end);
    for (const len of [1, 2, 4]) {
      const em = Array.from({ length: len * n }, () => 6 * rnd() - 3);
      const tr = Array.from({ length: (n + 1) * n }, () => 4 * rnd() - 2);
      const logZ = fb.run(em, len, tr);
      const score = (p: number[]) =>
        p.reduce((a, c, i) => a + em[i * n + c]! + tr[((i === 0 ? -1 : p[i - 1]!) + 1) * n + c]!, 0);
      const paths = allPaths(n, len, allowed, end);
      const Z = paths.reduce((a, p) => a + Math.exp(score(p)), 0);
      assert.ok(
        Math.abs(logZ - Math.log(Z)) < 1e-9,
        `${tags.length} tags, ${len} tokens: ${logZ} vs ${Math.log(Z)}`,
      );
      const mu = new Float64Array(len * n);
      const trExp = new Float64Array((n + 1) * n);
      for (const p of paths) {
        const pr = Math.exp(score(p)) / Z;
        p.forEach((c, i) => {
          mu[i * n + c]! += pr;
          trExp[((i === 0 ? -1 : p[i - 1]!) + 1) * n + c]! += pr;
        });
      }
      for (let k = 0; k < mu.length; k++) {
        assert.ok(Math.abs(mu[k]! - fb.mu[k]!) < 1e-9, `marginal ${k}: ${fb.mu[k]} vs ${mu[k]}`);
      }
      for (let k = 0; k < trExp.length; k++) {
        assert.ok(
          Math.abs(trExp[k]! - fb.trExp[k]!) < 1e-9,
          `transition ${k}: ${fb.trExp[k]} vs ${trExp[k]}`,
        );
      }
      // Viterbi with the same constraints finds the best of the enumerated paths.
      const best = viterbi({
        emissions: Float64Array.from(em),
        length: len,
        tags: n,
        transitions: tr,
        allowed,
        end,
      });
      const top = Math.max(...paths.map(score));
      assert.ok(Math.abs(score([...best]) - top) < 1e-9);
    }
  }
});

test('BILOU: conversion from BIO, constraints, BIO names', () => {
  assert.deepEqual(toBilou(['B-PERS', 'I-PERS', 'I-PERS', 'O', 'B-LOC', 'B-LOC', 'I-LOC', 'B-ORG']), [
    'B-PERS',
    'I-PERS',
    'L-PERS',
    'O',
    'U-LOC',
    'B-LOC',
    'L-LOC',
    'U-ORG',
  ]);
  // conlleval reads a stray I-X as the start of a chunk: it stays a chunk.
  assert.deepEqual(repairBio(['I-LOC', 'I-LOC', 'I-ORG', 'O', 'I-PERS']), [
    'B-LOC',
    'I-LOC',
    'B-ORG',
    'O',
    'B-PERS',
  ]);
  assert.deepEqual(toBilou(['O', 'I-LOC', 'I-ORG', 'I-ORG']), ['O', 'U-LOC', 'B-ORG', 'L-ORG']);
  const tags = ['O', 'B-LOC', 'I-LOC', 'L-LOC', 'U-LOC'];
  const ok = allowedTransitions(tags);
  const at = (p: string | null, c: string) =>
    ok[(p === null ? 0 : tags.indexOf(p) + 1) * 5 + tags.indexOf(c)];
  assert.equal(at(null, 'B-LOC'), 1);
  assert.equal(at(null, 'L-LOC'), 0);
  assert.equal(at('B-LOC', 'O'), 0);
  assert.equal(at('B-LOC', 'L-LOC'), 1);
  assert.equal(at('L-LOC', 'I-LOC'), 0);
  assert.equal(at('U-LOC', 'U-LOC'), 1);
  assert.deepEqual([...endAllowed(tags)], [1, 0, 0, 1, 1]);
  assert.deepEqual(bioNames(tags), ['O', 'B-LOC', 'I-LOC', 'I-LOC', 'B-LOC']);
  // BIO tag sets keep their old constraints (and any last tag).
  assert.deepEqual([...endAllowed(['O', 'B-LOC', 'I-LOC'])], [1, 1, 1]);
});

test('CRF and BILOU training: deterministic, learn their data, tag in BIO', () => {
  const groups = ['word', 'affix', 'clitic', 'context', 'bigram'] as const;
  for (const opts of [
    { crf: { eta: 0.5, l2: 0.1 } },
    { scheme: 'bilou' as const },
    { crf: {}, scheme: 'bilou' as const },
  ]) {
    const run = () => train({ sentences: mine, groups, epochs: 8, seed: 5, ...opts });
    const a = run();
    const b = run();
    assert.deepEqual(a.weights, b.weights);
    assert.deepEqual(a.transitions, b.transitions);
    const model = new TaggerModel(headerFor(a, { groups, meta: {} }), a.hashes, a.weights);
    for (const s of mine) assert.deepEqual(model.tag(s.tokens), s.tags, JSON.stringify(opts));
  }
});

test('margin training: deterministic, learns its data; combineWeights scores as the weighted sum', () => {
  const groups = ['word', 'affix', 'clitic', 'context', 'bigram'] as const;
  const run = () => train({ sentences: mine, groups, epochs: 8, seed: 5, margin: 2, marginMiss: 1 });
  const a = run();
  assert.deepEqual(a.weights, run().weights);
  const plain = train({ sentences: mine, groups, epochs: 8, seed: 5 });
  assert.notDeepEqual(a.weights, plain.weights);
  const model = new TaggerModel(headerFor(a, { groups, meta: {} }), a.hashes, a.weights);
  for (const s of mine) assert.deepEqual(model.tag(s.tokens), s.tags);
  assert.throws(() => train({ sentences: mine, groups, epochs: 1, seed: 5, margin: 1, paC: 1 }), /margin/);
  // Two models with different features (no identity groups in the second) combined: the
  // emissions of the combination are the weighted sums of each model's emissions.
  const fewer = ['affix', 'context'] as const;
  const b = train({ sentences: mine, groups: fewer, epochs: 4, seed: 9 });
  const c = combineWeights([plain, b], [0.75, 0.25]);
  assert.deepEqual(
    c.transitions,
    plain.transitions.map((v, k) => 0.75 * v + 0.25 * b.transitions[k]!),
  );
  const em = (w: typeof c, g: readonly FeatureGroup[]) =>
    new TaggerModel(headerFor(w, { groups: g, meta: {} }), w.hashes, w.weights).emissionsReference(
      mine[2]!.tokens,
    );
  const sum = em(plain, groups).map((v, k) => 0.75 * v + 0.25 * em(b, fewer)[k]!);
  const got = em(c, groups);
  for (let k = 0; k < got.length; k++) assert.ok(Math.abs(got[k]! - sum[k]!) < 1e-4, `emission ${k}`);
  assert.throws(() => combineWeights([plain], [0.5, 0.5]), /coefficient/);
});
