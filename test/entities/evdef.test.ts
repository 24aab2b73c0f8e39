// Entity defects of round evdef: a person's given name «عبد + X» with the surname after it, and
// «طرابلس اللبنانية» (Lebanon's Tripoli, not Libya's). Sentences are our own; the people invented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from './analyst.ts';

/** The PERS mentions of a text, as written. */
const people = (text: string, tagger: 'off' | 'auto' = 'off') =>
  run(text, tagger)
    .mentions.filter((m) => m.type === 'PERS')
    .map((m) => m.text);

test('«عبد + X» is one given name: the surname after it stays in the name (the grammar, no tagger)', () => {
  // main cut these to «عبد الحميد», «عبد الله», «عبد اللطيف»: the surname counted as a third word
  assert.deepEqual(people('وأكد عبد الحميد الدبيبة أن الوضع مستقر.'), ['عبد الحميد الدبيبة']);
  assert.deepEqual(people('وصرح عبد الله الخالد للصحفيين.'), ['عبد الله الخالد']);
  assert.deepEqual(people('قال الوزير إن عبد اللطيف الحمد وصل.'), ['عبد اللطيف الحمد']);
  // a plain given name keeps its limits, and «عبد» alone with a name after it is not cut
  assert.deepEqual(people('وأكد محمد الدبيبة أن الوضع مستقر.'), ['محمد الدبيبة']);
  assert.deepEqual(people('وقال عبد الرحمن إن الاتفاق مهم.'), ['عبد الرحمن']);
  // with the tagger as the pipeline runs it
  assert.deepEqual(people('وأكد عبد الحميد الدبيبة أن الوضع مستقر.', 'auto'), ['عبد الحميد الدبيبة']);
});

test('«طرابلس اللبنانية» is Lebanon’s Tripoli; a bare «طرابلس» stays Libya’s capital', () => {
  const lb = run('وقعت اشتباكات في طرابلس اللبنانية يوم الأحد.').mentions.find((m) => m.type === 'LOC');
  assert.equal(lb?.text, 'طرابلس اللبنانية');
  assert.equal(lb?.entityId, 'city:lbn-tripoli');
  const ly = run('وصل الوفد إلى طرابلس يوم الأحد.').mentions.find((m) => m.type === 'LOC');
  assert.equal(ly?.entityId, 'city:lby-tripoli');
});
