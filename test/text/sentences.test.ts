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

test('an unbalanced quote is closed at the end of its line', () => {
  assert.deepEqual(split('قال «بلا إغلاق. جملة\nسطر. آخر.'), ['قال «بلا إغلاق. جملة', 'سطر.', 'آخر.']);
});

test('dots in URLs, domains and ellipses do not end a sentence', () => {
  assert.deepEqual(split('زوروا https://a.example/x?y=1. الموقع khabar.org مفيد... جدا.'), [
    'زوروا https://a.example/x?y=1.',
    'الموقع khabar.org مفيد... جدا.',
  ]);
});

test('a dot glued to the next Arabic word still ends the sentence', () => {
  assert.deepEqual(split('انتهى الاجتماع.وبدأ المؤتمر.'), ['انتهى الاجتماع.', 'وبدأ المؤتمر.']);
});

test('empty and blank input give no sentence', () => {
  assert.deepEqual(sentences(''), []);
  assert.deepEqual(sentences(' \n\n \u200F'), []);
});
