import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { chunks, readConll, scoreNer } from '../../src/analyze/tagger/conll.ts';

test('chunks: B-I spans, entity at sentence end', () => {
  assert.deepEqual(chunks(['B-PERS', 'I-PERS', 'O', 'B-LOC']), [
    { type: 'PERS', start: 0, end: 2 },
    { type: 'LOC', start: 3, end: 4 },
  ]);
});

test('chunks: I- without B- opens a chunk (conlleval)', () => {
  assert.deepEqual(chunks(['O', 'I-ORG', 'I-ORG']), [{ type: 'ORG', start: 1, end: 3 }]);
  assert.deepEqual(chunks(['I-LOC']), [{ type: 'LOC', start: 0, end: 1 }]);
});

test('chunks: a type change mid-span splits it; B- after I- of the same type splits too', () => {
  assert.deepEqual(chunks(['B-ORG', 'I-LOC', 'I-LOC']), [
    { type: 'ORG', start: 0, end: 1 },
    { type: 'LOC', start: 1, end: 3 },
  ]);
  assert.deepEqual(chunks(['B-PERS', 'I-PERS', 'B-PERS']), [
    { type: 'PERS', start: 0, end: 2 },
    { type: 'PERS', start: 2, end: 3 },
  ]);
});

test('scoreNer: type and both boundaries must match', () => {
  const gold = [['B-PERS', 'I-PERS', 'O', 'B-LOC', 'O']];
  const pred = [['B-PERS', 'O', 'O', 'B-ORG', 'O']];
  const s = scoreNer(gold, pred);
  assert.equal(s.micro.gold, 2);
  assert.equal(s.micro.pred, 2);
  assert.equal(s.micro.correct, 0);
  assert.equal(s.micro.f1, 0);
  assert.equal(s.perType.ORG!.pred, 1);
  assert.equal(s.perType.ORG!.gold, 0);
});

test('scoreNer: micro and per type figures', () => {
  const gold = [
    ['B-PERS', 'I-PERS', 'O', 'B-LOC'],
    ['B-ORG', 'I-ORG', 'I-ORG', 'O'],
  ];
  const pred = [
    ['B-PERS', 'I-PERS', 'O', 'B-LOC'],
    ['B-ORG', 'I-ORG', 'O', 'B-MISC'],
  ];
  const s = scoreNer(gold, pred);
  assert.equal(s.micro.correct, 2);
  assert.equal(s.micro.p, 2 / 4);
  assert.equal(s.micro.r, 2 / 3);
  assert.ok(Math.abs(s.micro.f1 - (2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3)) < 1e-12);
  assert.equal(s.perType.PERS!.f1, 1);
  assert.equal(s.perType.ORG!.r, 0);
  assert.equal(s.perType.MISC!.p, 0);
  assert.equal(s.tokens, 8);
});

test('scoreNer: perfect prediction scores 1 (property)', () => {
  const tag = fc.constantFrom('O', 'B-PERS', 'I-PERS', 'B-LOC', 'I-LOC', 'I-ORG');
  fc.assert(
    fc.property(
      fc.array(fc.array(tag, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 6 }),
      (sents) => {
        const s = scoreNer(sents, sents);
        const n = sents.reduce((a, x) => a + chunks(x).length, 0);
        assert.equal(s.micro.gold, n);
        assert.equal(s.micro.correct, n);
        if (n > 0) assert.equal(s.micro.f1, 1);
        // chunks never overlap and cover only tagged tokens
        for (const x of sents) {
          let last = 0;
          for (const c of chunks(x)) {
            assert.ok(c.start >= last && c.end > c.start);
            last = c.end;
            for (let i = c.start; i < c.end; i++) assert.notEqual(x[i], 'O');
          }
        }
      },
    ),
  );
});

test('readConll: sentences split on blank lines; malformed lines reported', () => {
  const { sentences, problems } = readConll('محمد B-PERS\nقال O\n\n\nفي O\nbad\nمصر B-LOC\nx Q-1\n');
  assert.equal(sentences.length, 2);
  assert.deepEqual(sentences[0], { tokens: ['محمد', 'قال'], tags: ['B-PERS', 'O'] });
  assert.deepEqual(sentences[1]!.tags, ['O', 'B-LOC']);
  assert.deepEqual(
    problems.map((p) => p.line),
    [6, 8],
  );
});
