import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeClitics } from '../../src/text/index.ts';

const first = (w: string) => analyzeClitics(w)[0]?.base;
const bases = (w: string) => analyzeClitics(w).map((a) => a.base);

test('strips conjunction, preposition and article to the bare noun first', () => {
  assert.equal(first('والرئيس'), 'رئيس');
  assert.equal(first('بالمدرسة'), 'مدرسة');
  assert.equal(first('للحكومة'), 'حكومة');
  assert.equal(first('وبالاتفاق'), 'اتفاق');
});

test('strips attached pronouns and restores teh marbuta', () => {
  assert.equal(first('كتابهم'), 'كتاب');
  assert.equal(first('حكومته'), 'حكومة');
  assert.ok(bases('وزيرها').includes('وزير'));
});

test('never strips to a one-letter base; a real word comes first', () => {
  assert.equal(first('والد'), 'والد');
  assert.ok(!bases('والد').includes('د'));
  assert.equal(first('وزير'), 'وزير');
  assert.equal(first('الله'), 'الله');
  for (const a of analyzeClitics('وله')) assert.ok(a.base.length >= 2);
});

test('one-letter clitics alone never outweigh the unsplit word', () => {
  assert.equal(first('ولاية'), 'ولاية');
  assert.equal(first('فيفري'), 'فيفري');
  assert.equal(first('وقال'), 'وقال');
  assert.ok(bases('وقال').includes('قال'));
});

test('relative pronouns and الله keep their ال', () => {
  assert.equal(first('الذين'), 'الذين');
  assert.equal(first('والتي'), 'التي');
  assert.equal(first('والله'), 'الله');
});

test('analysis ignores harakat and tatweel and gives match keys', () => {
  const a = analyzeClitics('وَالرَّئِيـسُ');
  assert.equal(a[0]?.base, 'رئيس');
  assert.equal(a[0]?.key, 'رييس');
  assert.deepEqual(a[0]?.proclitics, ['و', 'ال']);
  assert.equal(a[0]?.enclitic, '');
});

test('the unsplit word is always a candidate', () => {
  for (const w of ['وقال', 'لبنان', 'كتب', 'فيه']) assert.ok(bases(w).includes(w), w);
  assert.deepEqual(analyzeClitics('ـــ'), []);
  assert.deepEqual(
    analyzeClitics('وَ').map((a) => a.base),
    ['و'],
  );
});

test('readings are frozen and stable across calls (they are cached)', () => {
  const a = analyzeClitics('بالحكومة');
  const b = analyzeClitics('بالحكومة');
  assert.deepEqual(a, b);
  assert.ok(Object.isFrozen(a) && Object.isFrozen(a[0]));
  assert.throws(() => (a as unknown as unknown[]).push(1), TypeError);
});
