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

test('propagation stays inside the window, and never cuts or retypes what the tagger read', () => {
  const tags = doc.map(O);
  tags[0] = ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'];
  tags[2] = ['O', 'O', 'O', 'B-LOC', 'I-LOC', 'O'];
  const out = propagateLabels(doc, tags, 1);
  assert.deepEqual(out[1], ['O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'O']);
  // Sentence 2 is two sentences away from sentence 0; its own (partial) chunk stays as read,
  // and it propagates neither into sentence 1 (tagged there) nor further.
  assert.deepEqual(out[2], ['O', 'O', 'O', 'B-LOC', 'I-LOC', 'O']);
  assert.deepEqual(out[4], O(doc[4]!));
  // Propagated chunks do not propagate further: window 1 from sentence 0 reaches sentence 1 only.
  const chain = doc.map(O);
  chain[0] = ['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'];
  assert.deepEqual(propagateLabels(doc, chain, 1)[2], O(doc[2]!));
});
