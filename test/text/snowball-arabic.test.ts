import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ArabicStemmer } from '../../src/text/snowball-arabic.ts';

const require = createRequire(import.meta.url);
const pkg = (
  require('snowball-stemmers') as { newStemmer(l: string): { stem(w: string): string } }
).newStemmer('arabic');
const pairsFile = fileURLToPath(new URL('../../../shared/data/stemmer/snowball-arabic.tsv', import.meta.url));

function disagreements(words: Iterable<string>): { total: number; wrong: string[] } {
  const port = new ArabicStemmer();
  let total = 0;
  const wrong: string[] = [];
  for (const w of words) {
    total++;
    const want = pkg.stem(w);
    const got = port.stem(w);
    if (got !== want) wrong.push(`${JSON.stringify(w)} → ${got} (package: ${want})`);
  }
  return { total, wrong };
}

test('the port stems as the snowball-stemmers package on words of our own and on their edge cases', () => {
  const words = [
    'الاستراتيجية',
    'استراتيجيات',
    'والاستراتيجيات',
    'الحكومة',
    'حكومته',
    'كتابهم',
    'سيكتبون',
    'ستكتبين',
    'يستخدمون',
    'بالمدرسة',
    'للمدارس',
    'فالمعلمون',
    'وافق',
    'فاز',
    'بالباب',
    'ككتاب',
    'ببيت',
    'أأمن',
    'مستشفى',
    'رئيس',
    'مسؤول',
    'سماء',
    'ﻻعب',
    'الْمَدْرَسَةُ',
    'تونس،',
    'كتبتموه',
    'قالوا',
    '٢٠٢٥',
    'ab',
    '',
    'ا',
  ];
  const { total, wrong } = disagreements(words);
  assert.equal(total, words.length);
  assert.deepEqual(wrong, []);
});

test('the port stems as the package on 30,000 random strings of Arabic letters, marks, punctuation and forms', () => {
  const alpha = 'اأإآءؤئبتثجحخدذرزسشصضطظعغفقكلمنهوىيةًٌٍَُِّْـ،؛؟!.:٠١٢ﻻﻷﺍﺑﻲﺔ ab1';
  let seed = 7;
  const rnd = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const words: string[] = [];
  for (let n = 0; n < 30_000; n++) {
    let s = rnd() < 0.5 ? 'ال' : rnd() < 0.3 ? 'وبال' : '';
    const len = 1 + Math.floor(rnd() * 9);
    for (let i = 0; i < len; i++) s += alpha[Math.floor(rnd() * alpha.length)];
    words.push(s);
  }
  const { wrong } = disagreements(words);
  assert.equal(wrong.length, 0, `${wrong.length} disagree:\n${wrong.slice(0, 20).join('\n')}`);
});

test('the port stems as the package on every other word of shared/data/stemmer/snowball-arabic.tsv with ال (test/text/stem.test.ts checks the bare words against libstemmer)', (t) => {
  if (!existsSync(pairsFile)) {
    t.skip(`${pairsFile} is absent (shared/ is not beside the repo)`);
    return;
  }
  const words: string[] = [];
  let n = 0;
  for (const line of readFileSync(pairsFile, 'utf8').split('\n')) {
    if (!line || line.startsWith('#')) continue;
    if (n++ % 2 === 0) words.push(`ال${line.slice(0, line.indexOf('\t'))}`);
  }
  const { total, wrong } = disagreements(words);
  assert.equal(total, 104_504 / 2);
  assert.equal(wrong.length, 0, `${wrong.length} of ${total} disagree:\n${wrong.slice(0, 20).join('\n')}`);
});
