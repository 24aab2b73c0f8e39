import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sentences } from '../../src/text/index.ts';

const split = (s: string) => sentences(s).map((x) => s.slice(x.start, x.end));

test('ends at . ؟ ! ؛ ? and trims white space', () => {
  assert.deepEqual(split('  وصل الوفد. هل نجح؟ نعم! بدأ الاجتماع؛ ثم انتهى?  '), [
    'وصل الوفد.',
    'هل نجح؟',
    'نعم!',
    'بدأ الاجتماع؛',
    'ثم انتهى?',
  ]);
});

test('a single newline ends a sentence (a line is a paragraph)', () => {
  assert.deepEqual(split('أهمية الخبر: نص بلا نقطة\nسطر ثان\n\nفقرة ثالثة'), [
    'أهمية الخبر: نص بلا نقطة',
    'سطر ثان',
    'فقرة ثالثة',
  ]);
});

test('no split inside decimals, abbreviations or Latin abbreviations', () => {
  assert.deepEqual(split('ارتفع المؤشر 12.5 نقطة. قال د. سامي وم. ليلى ذلك. Mr. Smith agreed. ثم غادر.'), [
    'ارتفع المؤشر 12.5 نقطة.',
    'قال د. سامي وم. ليلى ذلك.',
    'Mr. Smith agreed.',
    'ثم غادر.',
  ]);
});

test('no split inside «…» or "…"; a final mark before the closing quote ends the sentence', () => {
  assert.deepEqual(split('قال: «سنرد. لن نتراجع!» ثم غادر. وأضاف "لا تعليق." وانصرف.'), [
    'قال: «سنرد. لن نتراجع!» ثم غادر.',
    'وأضاف "لا تعليق."',
    'وانصرف.',
  ]);
  assert.deepEqual(split('قال: «انتهى الأمر.» وبدأ غيره.'), ['قال: «انتهى الأمر.»', 'وبدأ غيره.']);
});

test('a quote left open at the end of its line is no quote', () => {
  assert.deepEqual(split('قال «بلا إغلاق. جملة\nسطر. آخر.'), ['قال «بلا إغلاق.', 'جملة', 'سطر.', 'آخر.']);
});

test('a stray straight quote does not swallow the sentences after it', () => {
  // the first " closes nothing (it follows a word and precedes a space): ignored
  assert.deepEqual(split('انتهى العرض" بنجاح. ثم قال بـ"درب التبانة" إنها مجرة. وانتهى.'), [
    'انتهى العرض" بنجاح.',
    'ثم قال بـ"درب التبانة" إنها مجرة.',
    'وانتهى.',
  ]);
});

test('curly quotes pair either way round (”…“ as pasted from right-to-left text)', () => {
  assert.deepEqual(split('قال ”لن نوقع. أبدا“ ثم غادر. وصمت.'), ['قال ”لن نوقع. أبدا“ ثم غادر.', 'وصمت.']);
  assert.deepEqual(split('قال “لن نوقع. أبدا” ثم غادر.'), ['قال “لن نوقع. أبدا” ثم غادر.']);
});

test('dots in URLs, domains and ellipses do not end a sentence', () => {
  assert.deepEqual(split('زوروا https://a.example/x?y=1. الموقع khabar.org مفيد... جدا.'), [
    'زوروا https://a.example/x?y=1.',
    'الموقع khabar.org مفيد... جدا.',
  ]);
});

test('Latin letters spelled in Arabic are abbreviations in a chain', () => {
  assert.deepEqual(split('نقلت بي. بي. سي. الخبر. وأكدت سي. إن. إن. ذلك. قال إن. لا.'), [
    'نقلت بي. بي. سي. الخبر.',
    'وأكدت سي. إن. إن. ذلك.',
    'قال إن.',
    'لا.',
  ]);
});

test('a list number opening a line is not a sentence', () => {
  assert.deepEqual(split('الترتيب:\n1. تونس 9 نقاط\n 2. مصر 7. ثم البقية'), [
    'الترتيب:',
    '1. تونس 9 نقاط',
    '2. مصر 7.',
    'ثم البقية',
  ]);
  assert.deepEqual(split('ست مزايا. 1. السرعة العالية. 2. السعر.'), [
    'ست مزايا.',
    '1. السرعة العالية.',
    '2. السعر.',
  ]);
});

test('a dot glued to the next Arabic word still ends the sentence', () => {
  assert.deepEqual(split('انتهى الاجتماع.وبدأ المؤتمر.'), ['انتهى الاجتماع.', 'وبدأ المؤتمر.']);
});

test('empty and blank input give no sentence', () => {
  assert.deepEqual(sentences(''), []);
  assert.deepEqual(sentences(' \n\n \u200F'), []);
});
