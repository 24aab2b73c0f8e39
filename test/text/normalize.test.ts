import assert from 'node:assert/strict';
import { test } from 'node:test';
import { displayForm, matchForm, normalize } from '../../src/text/index.ts';

test('display drops tatweel and invisible controls, keeps harakat', () => {
  const src = 'الحكـــومة\u200F تُعلن\u200B\u2066 القرار\uFEFF';
  const n = normalize(src);
  assert.equal(n.text, 'الحكومة تُعلن القرار');
});

test('display folds presentation forms, lam-alef ligatures, Persian letters and digits', () => {
  assert.equal(displayForm('\uFEFB \uFEF7\uFE8E'), 'لا لأا'); // ﻻ ﻷ + final alef form
  assert.equal(displayForm('\uFDF2'), 'الله');
  assert.equal(displayForm('ایران کشور'), 'ايران كشور');
  assert.equal(displayForm('١٢٫٥ و ۲۰۲۶ و ٣٬٠٠٠ و ٪'), '12.5 و 2026 و 3,000 و %');
});

test('display turns a doubled single quote into a plain quote, keeps a lone one', () => {
  assert.equal(displayForm('قال ’’سنعود‘‘ غدا'), 'قال "سنعود" غدا');
  assert.equal(displayForm('‘‘نعم’’'), '"نعم"');
  assert.equal(displayForm('l’hôtel'), 'l’hôtel');
  // pairs joined across a dropped character still merge (idempotence)
  assert.equal(displayForm('’\u200B’'), '"');
});

test('match strips harakat and folds alef, yeh, teh marbuta, hamza seats', () => {
  assert.equal(matchForm('أَكَّدَ'), 'اكد');
  assert.equal(matchForm('إيران وآسيا وٱلقدس'), 'ايران واسيا والقدس');
  assert.equal(matchForm('مستشفى المدينة'), 'مستشفي المدينه');
  assert.equal(matchForm('مؤتمر رئيس'), 'موتمر رييس');
  assert.equal(matchForm('قرآنٌ'), 'قران');
  assert.equal(matchForm('ی'), 'ي');
});

test('matchForm returns the same string object when nothing changes', () => {
  const w = 'كتاب';
  assert.equal(matchForm(w), w);
});

test('offset map points back to the source, with an entry for the end', () => {
  const src = 'مـرحباً \uFEFB';
  const n = normalize(src, { strength: 'match' });
  assert.equal(n.text, 'مرحبا لا');
  assert.equal(n.map.length, n.text.length + 1);
  assert.equal(n.map[n.text.length], src.length);
  // «مرحبا» maps to the source word with its tatweel and tanween inside
  assert.deepEqual(n.toSource([0, 5]), [0, 6]);
  assert.equal(src.slice(...n.toSource([0, 5])), 'مـرحبا');
  // both letters of the expanded ligature map to the ligature
  assert.deepEqual(n.toSource([6, 8]), [8, 9]);
  assert.deepEqual(n.toSource([7, 8]), [8, 9]);
  assert.deepEqual(n.toSource([3, 3]), [n.map[3], n.map[3]]);
  assert.throws(() => n.toSource([0, 99]), RangeError);
});

test('a merged quote pair maps back to both quotes', () => {
  const src = 'قال ’’نعم‘‘';
  const n = normalize(src);
  assert.equal(n.text, 'قال "نعم"');
  assert.equal(src.slice(...n.toSource([4, n.text.length])), '’’نعم‘‘');
});

test('lone surrogates survive normalization unchanged', () => {
  const src = 'ـأ\uD800ب';
  assert.equal(normalize(src).text, 'أ\uD800ب');
});

test('normalize is idempotent on a mixed sample', () => {
  const src = 'ﷺ ﹰ ’’’ ۀ ﻹ ئ ـ ١';
  for (const strength of ['display', 'match'] as const) {
    const once = normalize(src, { strength }).text;
    assert.equal(normalize(once, { strength }).text, once);
  }
});

test('regression: many expansions early do not lose the end of the text', () => {
  // ﷲ → «الله» (3 more units each): the output outgrows the input length
  const src = `${'\uFDF2'.repeat(6)}${'ا'.repeat(100)}`;
  const n = normalize(src);
  assert.equal(n.text, `${'الله'.repeat(6)}${'ا'.repeat(100)}`);
  assert.equal(n.map[n.text.length], src.length);
  const big = `${'\uFDFA'.repeat(3000)}${'ب'.repeat(300_000)}`;
  assert.equal(normalize(big, { strength: 'match' }).text.length, 18 * 3000 + 300_000);
});
