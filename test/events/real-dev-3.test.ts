import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { materialize, readAnt, SETS, select } from '../../scripts/gold-from-ant.ts';
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

// The third round's tuning set of real-news events gold (ANT leads 161–200 of the sample rule's
// shuffled order, data/gold/events/ant-real-3.md): the ref holds no text; with ../shared present it is
// materialized, every excerpt's hash checked, and every event checked valid for the scorer.
const FILE = 'ant-real-dev-3.ref.jsonl';
const COUNT = 40;
const refPath = join(goldDir, FILE);
const refs = () => refLines(FILE);

test('real-dev-3 ref carries no news text, only ids, ranges, hashes and events with short triggers', () => {
  const rs = refs();
  assert.equal(rs.length, COUNT);
  assert.equal(new Set(rs.map((r) => r.id)).size, COUNT, 'ids are not unique');
  assert.deepEqual(SETS['real-dev-3'], [161, 200]);
  for (const r of rs) {
    assert.equal(r.text, undefined, `${r.id}: a ref line must not hold the text`);
    assert.match(r.id, /^ant-dev-3-\d+$/);
    assert.match(String(r.ant), /^JA-/, r.id);
    assert.match(String(r.sha), /^[0-9a-f]{16}$/, r.id);
    assert.match(String(r.published), /^\d{4}-\d\d-\d\d$/, r.id);
    for (const e of r.events) {
      const trig = String(e.trigger ?? '');
      assert.ok(trig.trim(), `${r.id}: an event without a trigger`);
      assert.ok(trig.split(/\s+/).length <= 4, `${r.id}: trigger «${trig}» is longer than a few words`);
    }
  }
});

test('real-dev-3: the counts table of ant-real-3.md is the file’s', () => {
  checkCountsRow('ant-real-3.md', 'real-dev-3', refs());
});

test('real-dev-3: the sample rule’s items 161–200, none of an earlier set, materialized with every sha matching, valid for the scorer', {
  skip: !haveAnt && noAnt,
}, () => {
  const ant = readAnt(antPath);
  const rs = refs();
  const picked = select(ant, ['real-dev-3']);
  assert.equal(picked.length, COUNT);
  assert.deepEqual(
    rs.map((r) => [r.ant, r.range]),
    picked.map((p) => [p.ant, p.range]),
    `${FILE}: not the sample rule's items 161–200 in order`,
  );
  assert.deepEqual(
    rs.map((r) => r.id),
    picked.map((p) => `ant-dev-3-${p.n}`),
  );
  const earlier = new Set(
    select(
      ant,
      (Object.keys(SETS) as Array<keyof typeof SETS>).filter((s) => s !== 'real-dev-3'),
    ).map((p) => p.ant),
  );
  for (const r of rs) assert.ok(!earlier.has(String(r.ant)), `${r.id}: in an earlier set`);
  // materialize throws naming the line on a hash mismatch
  const out = materialize(refPath, ant).trim().split('\n');
  assert.equal(out.length, COUNT);
  for (const line of out) {
    const o = JSON.parse(line) as { id: string; text: string; outlet?: string; events: Ev[] };
    assert.ok(o.text.length >= 60 && o.text.length <= 600, `${o.id}: lead length`);
    const text = matchForm(o.text);
    for (const [k, e] of o.events.entries())
      checkEvent(`${FILE} ${o.id} event ${k + 1} (${e.type})`, e, text);
  }
});
