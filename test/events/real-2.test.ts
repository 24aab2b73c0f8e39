import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { materialize, readAnt, SETS, type SetName, select } from '../../scripts/gold-from-ant.ts';
import { matchForm } from '../../src/text/normalize.ts';
import {
  antPath,
  checkCountsRow,
  checkEvent,
  type Ev,
  goldDir,
  haveAnt,
  noAnt,
  refLines,
} from './ant-refs.ts';

// The second to ninth rounds of real-news events gold (ANT leads 41–120, 121–160, 201–240, 241–280,
// 281–320, 321–360, 361–400 and 401–440 of the sample rule's shuffled order, docs/eval.md, data/gold/events/ant-real-2.md,
// ant-real-3.md, ant-real-4.md, ant-real-5.md, ant-real-6.md, ant-real-7.md, ant-real-8.md and ant-real-9.md): the refs hold no text; with ../shared present they are materialized,
// every excerpt's hash checked, and every event checked valid for the scorer.
const ROUNDS: Array<{ set: SetName; file: string; count: number }> = [
  { set: 'real-dev-2', file: 'ant-real-dev-2.ref.jsonl', count: 40 },
  { set: 'real-heldout-2', file: 'ant-real-heldout-2.ref.jsonl', count: 40 },
  { set: 'real-heldout-3', file: 'ant-real-heldout-3.ref.jsonl', count: 40 },
  { set: 'real-heldout-4', file: 'ant-real-heldout-4.ref.jsonl', count: 40 },
  { set: 'real-heldout-5', file: 'ant-real-heldout-5.ref.jsonl', count: 40 },
  { set: 'real-heldout-6', file: 'ant-real-heldout-6.ref.jsonl', count: 40 },
  { set: 'real-heldout-7', file: 'ant-real-heldout-7.ref.jsonl', count: 40 },
  { set: 'real-heldout-8', file: 'ant-real-heldout-8.ref.jsonl', count: 40 },
  { set: 'real-heldout-9', file: 'ant-real-heldout-9.ref.jsonl', count: 40 },
];
/** The blind rounds whose triggers are copied exactly from the lead (not only word by word). */
const EXACT = new Set<SetName>([
  'real-heldout-3',
  'real-heldout-4',
  'real-heldout-5',
  'real-heldout-6',
  'real-heldout-7',
  'real-heldout-8',
  'real-heldout-9',
]);
const lines = (file: string) => refLines(file);

test('second- to ninth-round refs carry no news text, only ids, ranges, hashes and events with short triggers', () => {
  for (const { file, count } of ROUNDS) {
    const refs = lines(file);
    assert.equal(refs.length, count, file);
    assert.equal(new Set(refs.map((r) => r.id)).size, count, `${file}: ids are not unique`);
    for (const r of refs) {
      assert.equal(r.text, undefined, `${r.id}: a ref line must not hold the text`);
      assert.match(String(r.ant), /^JA-/, r.id);
      assert.match(String(r.sha), /^[0-9a-f]{16}$/, r.id);
      assert.match(String(r.published), /^\d{4}-\d\d-\d\d$/, r.id);
      for (const e of r.events) {
        const trig = String(e.trigger ?? '');
        assert.ok(trig.split(/\s+/).length <= 4, `${r.id}: trigger «${trig}» is longer than a few words`);
      }
    }
  }
});

test('real-heldout-3: the counts row of ant-real-3.md is the file’s', () => {
  checkCountsRow('ant-real-3.md', 'real-heldout-3', lines('ant-real-heldout-3.ref.jsonl'));
});

test('real-heldout-4: the counts row of ant-real-4.md is the file’s', () => {
  checkCountsRow('ant-real-4.md', 'real-heldout-4', lines('ant-real-heldout-4.ref.jsonl'));
});

test('real-heldout-5: the counts row of ant-real-5.md is the file’s', () => {
  checkCountsRow('ant-real-5.md', 'real-heldout-5', lines('ant-real-heldout-5.ref.jsonl'));
});

test('real-heldout-6: the counts row of ant-real-6.md is the file’s', () => {
  checkCountsRow('ant-real-6.md', 'real-heldout-6', lines('ant-real-heldout-6.ref.jsonl'));
});

test('real-heldout-7: the counts row of ant-real-7.md is the file’s', () => {
  checkCountsRow('ant-real-7.md', 'real-heldout-7', lines('ant-real-heldout-7.ref.jsonl'));
});

test('real-heldout-8: the counts row of ant-real-8.md is the file’s', () => {
  checkCountsRow('ant-real-8.md', 'real-heldout-8', lines('ant-real-heldout-8.ref.jsonl'));
});

test('real-heldout-9: the counts row of ant-real-9.md is the file’s', () => {
  checkCountsRow('ant-real-9.md', 'real-heldout-9', lines('ant-real-heldout-9.ref.jsonl'));
});

test('second- to ninth-round refs: the sample rule’s items (41–80 real-dev-2, 81–120 real-heldout-2, 121–160 real-heldout-3, 201–240 real-heldout-4, 241–280 real-heldout-5, 281–320 real-heldout-6, 321–360 real-heldout-7, 361–400 real-heldout-8, 401–440 real-heldout-9), materialized with every sha matching, valid for the scorer', {
  skip: !haveAnt && noAnt,
}, () => {
  const ant = readAnt(antPath);
  // the first round is unchanged by the extension of the rule
  const first = select(ant).map((s) => s.ant);
  const firstRefs = ['ant-real-dev.ref.jsonl', 'ant-real-heldout.ref.jsonl'].flatMap((f) =>
    lines(f).map((r) => r.ant),
  );
  assert.deepEqual(first, firstRefs);
  for (const { set, file, count } of ROUNDS) {
    const refs = lines(file);
    const picked = select(ant, [set]);
    assert.equal(picked.length, SETS[set][1] - SETS[set][0] + 1);
    assert.equal(picked.length, count);
    assert.deepEqual(
      refs.map((r) => [r.ant, r.range]),
      picked.map((p) => [p.ant, p.range]),
      `${file}: not the sample rule's items ${SETS[set].join('–')} in order`,
    );
    // materialize throws naming the line on a hash mismatch
    const out = materialize(join(goldDir, file), ant).trim().split('\n');
    assert.equal(out.length, count);
    for (const line of out) {
      const o = JSON.parse(line) as { id: string; text: string; events: Ev[] };
      const text = matchForm(o.text);
      o.events.forEach((e, k) => {
        const at = `${file} ${o.id} event ${k + 1} (${e.type})`;
        if (EXACT.has(set))
          assert.ok(
            o.text.includes(String(e.trigger)),
            `${at}: trigger «${e.trigger}» is not copied exactly from the text`,
          );
        checkEvent(at, e, text);
      });
    }
  }
});
