import assert from 'node:assert/strict';
import { test } from 'node:test';
import { foldBlocks, foldsToScore, ruleAccounting, trainingOrder } from '../../src/eval/ner-heldout.ts';

// Sentences written for this test.
const words = (s: string) => s.split(' ');
const O = (s: readonly string[]) => s.map(() => 'O');

test('folds: contiguous blocks covering every sentence once, sizes within one', () => {
  assert.deepEqual(foldBlocks(10, 5), [
    [0, 2],
    [2, 4],
    [4, 6],
    [6, 8],
    [8, 10],
  ]);
  // ANERcorp's train: 3,575 sentences, the last fifth is round ner9's held-out A (2,860–3,574).
  const b = foldBlocks(3575, 5);
  assert.deepEqual(b[4], [2860, 3575]);
  assert.deepEqual(b[0], [0, 715]);
  for (const [n, k] of [
    [11, 3],
    [7, 2],
    [100, 7],
  ] as const) {
    const blocks = foldBlocks(n, k);
    assert.equal(blocks.length, k);
    assert.equal(blocks[0]![0], 0);
    assert.equal(blocks.at(-1)![1], n);
    for (let f = 1; f < k; f++) assert.equal(blocks[f]![0], blocks[f - 1]![1]);
    const sizes = blocks.map(([s, e]) => e - s);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1);
  }
  assert.throws(() => foldBlocks(3, 5));
  assert.throws(() => foldBlocks(10, 1));
});

test('folds: the model trains on the rest, after the fold first; scored folds last, first, middle', () => {
  assert.deepEqual(trainingOrder(6, 2, 4), [4, 5, 0, 1]);
  assert.deepEqual(trainingOrder(6, 4, 6), [0, 1, 2, 3]);
  assert.deepEqual(trainingOrder(6, 0, 2), [2, 3, 4, 5]);
  assert.deepEqual(foldsToScore(5, 2), [4, 0]);
  assert.deepEqual(foldsToScore(5, 9), [4, 0, 1, 2, 3]);
  assert.deepEqual(foldsToScore(3, 1), [2]);
});

test('accounting: each rule fires where its cue is, and its F1 deltas alone and left out', () => {
  const sents = [
    words('فاز فريق الوحدة على ضيفه'),
    words('قال الحارس سامي يوسف إن المباراة صعبة'),
    words('وصل الوزير إلى عمان أمس'),
  ];
  const gold = [
    ['O', 'O', 'B-ORG', 'O', 'O'],
    ['O', 'O', 'B-PERS', 'I-PERS', 'O', 'O', 'O'],
    ['O', 'O', 'O', 'B-LOC', 'O'],
  ];
  // The tagger's own reading: the team missed, the post inside the person, the city right.
  const raw = [O(sents[0]!), ['O', 'B-PERS', 'I-PERS', 'I-PERS', 'O', 'O', 'O'], [...gold[2]!]];
  const acc = ruleAccounting({ sents, gold, raw, rules: ['teams', 'posts', 'heads'], window: 0 });
  // No rule: 1 of 3 right (the city), 2 predicted → P 1/2, R 1/3, F1 0.4; all: 3 of 3.
  assert.ok(Math.abs(acc.none.micro.f1 - 0.4) < 1e-9);
  assert.equal(acc.all.micro.f1, 1);
  const by = Object.fromEntries(acc.perRule.map((r) => [r.rule, r]));
  assert.equal(by.teams!.sentences, 1);
  assert.equal(by.teams!.tokens, 1);
  assert.equal(by.posts!.sentences, 1);
  assert.equal(by.posts!.tokens, 2); // الحارس → O, سامي → B-PERS
  assert.equal(by.heads!.sentences, 0);
  assert.equal(by.heads!.dropDelta, 0);
  assert.equal(by.heads!.aloneDelta, 0);
  // teams alone: 2 right of 3 predicted, 3 gold → F1 2/3; posts alone: 2 right of 2 → F1 0.8.
  // Left out: all but teams is posts alone, all but posts is teams alone.
  assert.ok(Math.abs(by.teams!.aloneDelta - (2 / 3 - 0.4)) < 1e-9);
  assert.ok(Math.abs(by.posts!.aloneDelta - (0.8 - 0.4)) < 1e-9);
  assert.ok(Math.abs(by.teams!.dropDelta - (1 - 0.8)) < 1e-9);
  assert.ok(Math.abs(by.posts!.dropDelta - (1 - 2 / 3)) < 1e-9);
  // The rules never change the tags they were given.
  assert.deepEqual(raw[0], O(sents[0]!));
});

test('accounting: a rule that hurts has a negative delta; propagation counts when asked', () => {
  const sents = [words('التقى سامي يوسف ليلى أمس'), words('ثم عاد سامي يوسف')];
  // Two people side by side, the second without و: the people rule joins them (wrongly here).
  const gold = [
    ['O', 'B-PERS', 'I-PERS', 'B-PERS', 'O'],
    ['O', 'O', 'B-PERS', 'I-PERS'],
  ];
  const raw = [[...gold[0]!], O(sents[1]!)];
  const plain = ruleAccounting({ sents, gold, raw, rules: ['people'], window: 0 });
  assert.equal(plain.perRule[0]!.sentences, 1);
  assert.ok(plain.perRule[0]!.aloneDelta < 0);
  assert.equal(plain.perRule[0]!.aloneDelta, plain.perRule[0]!.dropDelta);
  // Propagation fills «سامي يوسف» in the second sentence from the first.
  const prop = ruleAccounting({ sents, gold, raw, rules: ['people'], window: 20 });
  assert.equal(prop.nonePropagated.micro.f1, 1);
  assert.ok(prop.none.micro.f1 < 1);
});
