import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tokenize } from '../../src/text/index.ts';

const kinds = (s: string) => tokenize(s).map((t) => `${t.kind}:${t.text}`);

test('Arabic punctuation marks are their own tokens', () => {
  assert.deepEqual(kinds('نعم، لا؛ لماذا؟'), [
    'word:نعم',
    'punctuation:،',
    'word:لا',
    'punctuation:؛',
    'word:لماذا',
    'punctuation:؟',
  ]);
});

test('harakat and tatweel stay inside words; the surface is unchanged', () => {
  const t = tokenize('أكَّدَ الوزيـــرُ');
  assert.deepEqual(
    t.map((x) => x.text),
    ['أكَّدَ', 'الوزيـــرُ'],
  );
  assert.deepEqual(
    t.map((x) => [x.start, x.end]),
    [
      [0, 6],
      [7, 17],
    ],
  );
});

test('numbers with decimal and thousands separators, in any digits', () => {
  assert.deepEqual(kinds('بلغ 12.5 و1,000 و١٢٫٥ يوم 29/11/2026 الساعة 10:30.'), [
    'word:بلغ',
    'number:12.5',
    'word:و',
    'number:1,000',
    'word:و',
    'number:١٢٫٥',
    'word:يوم',
    'number:29/11/2026',
    'word:الساعة',
    'number:10:30',
    'punctuation:.',
  ]);
});

test('a number at the end of a clause leaves the comma and the dot out', () => {
  assert.deepEqual(kinds('عام 2026, ثم 3.'), [
    'word:عام',
    'number:2026',
    'punctuation:,',
    'word:ثم',
    'number:3',
    'punctuation:.',
  ]);
});

test('urls, hashtags (Arabic too) and mentions', () => {
  assert.deepEqual(kinds('راجع https://example.org/ar/خبر?id=7، و www.khabar.test. #غزة_الآن @khabar_ar'), [
    'word:راجع',
    'url:https://example.org/ar/خبر?id=7',
    'punctuation:،',
    'word:و',
    'url:www.khabar.test',
    'punctuation:.',
    'hashtag:#غزة_الآن',
    'mention:@khabar_ar',
  ]);
});

test('a bare # or an @ glued to a word is punctuation', () => {
  assert.deepEqual(kinds('# x@y'), ['punctuation:#', 'latin:x', 'punctuation:@', 'latin:y']);
});

test('latin words keep inner hyphens and apostrophes', () => {
  assert.deepEqual(kinds("طائرة F-35 وO'Neil..."), [
    'word:طائرة',
    'latin:F-35',
    'word:و',
    "latin:O'Neil",
    'punctuation:...',
  ]);
});

test('a ZWNJ inside a word stays in it; bidi marks between words are skipped', () => {
  assert.deepEqual(kinds('می\u200Cخواهم \u200Fنعم\u200F'), ['word:می\u200Cخواهم', 'word:نعم']);
});

test('a surrogate pair is one token', () => {
  assert.deepEqual(kinds('رائع😀!'), ['word:رائع', 'punctuation:😀', 'punctuation:!']);
});
