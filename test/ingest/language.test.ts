import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { letterCounts } from '../../src/ingest/language.ts';

// What detectLanguage counted with one regex pass each before the one-pass counter.
const REGEXES = {
  letters: /\p{L}/gu,
  arabic: /(?=\p{Script=Arabic})\p{L}/gu,
  persian: /[پچژگ]/gu,
  urdu: /[ٹڈڑںے]/gu,
  kurdish: /[ێۆڕڵە]/gu,
  signs: /[ةى]|(?<![\p{L}\p{M}])ال/gu,
};
const count = (text: string, re: RegExp) => {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text)) n++;
  return n;
};
const expected = (text: string) =>
  Object.fromEntries(Object.entries(REGEXES).map(([k, re]) => [k, count(text, re)]));

test('letterCounts: the same counts as the per-class regexes', () => {
  const texts = [
    'أعلنت الحكومة الليبية أمس عن خطة لإعادة الإعمار في المدن الساحلية.',
    'الال والبيت كالبيت للمدرسة',
    'اَلْكِتَابُ الجديد',
    'ـال ال٠ال',
    'وزیر امور خارجه گفت که گفتگوها با هیئت پاکستانی بسیار مثبت بود.',
    'وزیر خارجہ نے کہا کہ پاکستان اور ایران کے درمیان تجارت بڑھانے پر بات چیت ہوئی ہے۔',
    'وەزیری دارایی دەڵێت مووچە بۆ ئەم مانگە دابەش دەکرێت.',
    'The minister said الاتفاق will be signed.',
    '𝐀ال \u{1EE00}ال \uD800ال \uDC00ال',
    'مستشفى الشفاء، مدرسة البنات',
    '',
  ];
  for (const t of texts) assert.deepEqual({ ...letterCounts(t) }, expected(t), t);
});

test('letterCounts: the same counts on the ANT corpus', (t) => {
  const path = new URL('../../../shared/data/ant/ant.jsonl', import.meta.url).pathname;
  if (!existsSync(path)) {
    t.skip(`${path} is absent (the ANT corpus lives in ../shared/data/ant/)`);
    return;
  }
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(0, 2000);
  for (const line of lines) {
    const text = String((JSON.parse(line) as { text?: string }).text ?? '').slice(0, 4000);
    assert.deepEqual({ ...letterCounts(text) }, expected(text));
  }
});
