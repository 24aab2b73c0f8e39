import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { createStemmer, stem } from '../../src/text/index.ts';

const pairsFile = fileURLToPath(new URL('../../../shared/data/stemmer/snowball-arabic.tsv', import.meta.url));

test('agrees with libstemmer 2.2.0 on every pair of shared/data/stemmer/snowball-arabic.tsv', (t) => {
  if (!existsSync(pairsFile)) {
    t.skip(`${pairsFile} is absent (shared/ is not beside the repo): cannot check Snowball agreement`);
    return;
  }
  const stemmer = createStemmer({ cacheSize: 0 });
  let total = 0;
  const wrong: string[] = [];
  for (const line of readFileSync(pairsFile, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    const word = line.slice(0, tab);
    const expected = line.slice(tab + 1);
    total++;
    const got = stemmer.stem(word);
    if (got !== expected && wrong.length < 20) wrong.push(`${word} → ${got} (want ${expected})`);
    else if (got !== expected) wrong.push('');
  }
  assert.equal(total, 104_504, 'the pairs file changed size');
  assert.equal(wrong.length, 0, `${wrong.length} of ${total} disagree:\n${wrong.filter(Boolean).join('\n')}`);
});

test('punctuation is kept as libstemmer 2.2.0 keeps it (the old generated stemmer deleted it)', () => {
  const s = createStemmer({ cacheSize: 0 });
  assert.equal(s.stem('تونس،'), 'تونس،');
  assert.equal(s.stem('؟'), '؟');
  assert.equal(s.stem('الحكومة'), 'حكوم');
  // private-use characters that are not our placeholders pass through
  assert.equal(s.stem('\uE100'), '\uE100');
});

test('the cache is bounded and returns the same stems', () => {
  const s = createStemmer({ cacheSize: 3 });
  const words = ['المدارس', 'الحكومة', 'والرئيس', 'كتابهم', 'المدارس', 'الحكومة'];
  const plain = createStemmer({ cacheSize: 0 });
  for (const w of words) assert.equal(s.stem(w), plain.stem(w));
  assert.ok(s.cached <= 3);
  assert.equal(stem('الحكومة'), plain.stem('الحكومة'));
});
