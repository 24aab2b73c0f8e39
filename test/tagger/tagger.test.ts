import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { buildClusters } from '../../src/analyze/tagger/clusters.ts';
import { PhraseGazetteer, procliticVariants } from '../../src/analyze/tagger/gazetteer.ts';
import { DEFAULT_MODEL_PATH, loadTagger, tag } from '../../src/analyze/tagger/index.ts';
import { TaggerModel } from '../../src/analyze/tagger/model.ts';
import { matchForm, stripProclitics } from '../../src/analyze/tagger/normalize.ts';
import { headerFor, train } from '../../src/analyze/tagger/train.ts';

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
  const m = g.match(['قالت', 'وايران', 'امام', 'للامم', 'المتحده']);
  assert.deepEqual(m, [undefined, 'B|LOC:country:name', undefined, 'B|ORG:org:name', 'I|ORG:org:name']);
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

// A tiny training set written for this test.
const mine = [
  ['زار B-PERS', 'محمد B-PERS', 'سالم I-PERS', 'مدينة O', 'تونس B-LOC', 'أمس O'],
  ['أعلنت O', 'وزارة B-ORG', 'الصحة I-ORG', 'في O', 'تونس B-LOC', 'عن O', 'خطة O'],
  [
    'قال O',
    'أحمد B-PERS',
    'كمال I-PERS',
    'إن O',
    'الاتحاد B-ORG',
    'الأوروبي I-ORG',
    'سيدعم O',
    'المغرب B-LOC',
  ],
  ['التقى O', 'سالم B-PERS', 'بنظيره O', 'في O', 'القاهرة B-LOC', 'لبحث O', 'كأس B-MISC', 'أفريقيا I-MISC'],
  ['وصل O', 'وفد O', 'من O', 'الجزائر B-LOC', 'إلى O', 'الرباط B-LOC'],
].map((lines) => ({ tokens: lines.map((l) => l.split(' ')[0]!), tags: lines.map((l) => l.split(' ')[1]!) }));

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
