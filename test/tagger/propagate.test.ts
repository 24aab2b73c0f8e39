import assert from 'node:assert/strict';
import { test } from 'node:test';
import { propagateLabels } from '../../src/analyze/tagger/propagate.ts';

// Sentences written for this test.
const doc = [
  'أعلن البنك الوطني للتنمية أرباحه'.split(' '),
  'وقال مدير البنك الوطني للتنمية إن الأرباح زادت'.split(' '),
  'وتحدث سليم عن البنك الوطني للتنمية'.split(' '),
  'كلام عام بلا أسماء'.split(' '),
  'وقال سليم إن البنك الوطني سيتوسع'.split(' '),
];
const O = (s: readonly string[]) => s.map(() => 'O');

test('a name read once is read the same in its untagged occurrences nearby', () => {
  const tags = doc.map(O);
  tags[0] = ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'];
  tags[2] = ['O', 'B-PERS', 'O', 'O', 'O', 'O'];
  const out = propagateLabels(doc, tags, 20);
  assert.deepEqual(out[1], ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O']);
  assert.deepEqual(out[2], ['O', 'B-PERS', 'O', 'B-ORG', 'I-ORG', 'I-ORG']);
  // «البنك الوطني» alone is no occurrence of «البنك الوطني للتنمية»; «سليم» is.
  assert.deepEqual(out[4], ['O', 'B-PERS', 'O', 'O', 'O', 'O']);
});

test('filling stays inside the window, and filled names do not fill further', () => {
  const tags = doc.map(O);
  tags[0] = ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'];
  const out = propagateLabels(doc, tags, 1);
  assert.deepEqual(out[1], ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O']);
  // Sentence 2 is two sentences away from sentence 0, one from the filled sentence 1.
  assert.deepEqual(out[2], O(doc[2]!));
});

test('a name read in full is the name where the tagger read a part of it, or split it', () => {
  const tags = doc.map(O);
  tags[0] = ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'];
  tags[1] = ['O', 'O', 'B-LOC', 'I-LOC', 'O', 'O', 'O', 'O'];
  tags[2] = ['O', 'O', 'O', 'B-ORG', 'B-LOC', 'I-LOC'];
  // A chunk that runs past the occurrence's edge is left alone.
  tags[4] = ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O', 'O'];
  const out = propagateLabels(doc, tags, 20);
  assert.deepEqual(out[1], ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O']);
  assert.deepEqual(out[2], ['O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG']);
  assert.deepEqual(out[4], ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O', 'O']);
});

test('a name read with several types takes the type most of its readings nearby have; a tie stays', () => {
  const sents = [
    ['زار', 'سليم', 'تونس'],
    ['ثم', 'غادر', 'سليم'],
    ['وعاد', 'سليم'],
    ['قال', 'سليم'],
  ];
  const tags = [
    ['O', 'B-PERS', 'B-LOC'],
    ['O', 'O', 'B-PERS'],
    ['O', 'B-LOC'],
    ['O', 'O'],
  ];
  const out = propagateLabels(sents, tags, 20);
  assert.deepEqual(out[2], ['O', 'B-PERS']);
  assert.deepEqual(out[3], ['O', 'B-PERS']);
  const tie = propagateLabels([['سليم', 'و', 'سليم']], [['B-PERS', 'O', 'B-LOC']], 20);
  assert.deepEqual(tie[0], ['B-PERS', 'O', 'B-LOC']);
});
