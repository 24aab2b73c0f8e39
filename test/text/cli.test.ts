import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-text-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = join(dir, 'a.txt');
writeFileSync(file, 'أكَّد الوزيـــرُ، في بيان ﻻ لَبس فيه، أن العدد بلغ ١٢٫٥ ألفًا.\n');

test('khabar normalize prints the display form, --match the match form', async () => {
  const d = fakeContext();
  assert.equal(await main(['normalize', file], d.ctx), 0);
  assert.equal(d.out(), 'أكَّد الوزيرُ، في بيان لا لَبس فيه، أن العدد بلغ 12.5 ألفًا.\n');
  const m = fakeContext();
  assert.equal(await main(['normalize', '--match', file], m.ctx), 0);
  assert.equal(m.out(), 'اكد الوزير، في بيان لا لبس فيه، ان العدد بلغ 12.5 الفا.\n');
});

test('khabar tokens prints offsets, kinds and clitic candidates', async () => {
  const d = fakeContext();
  assert.equal(await main(['tokens', file], d.ctx), 0);
  const lines = d.out().trim().split('\n');
  assert.equal(lines[0], '0\t5\tword\tأكَّد\tأكد');
  assert.ok(lines.includes('16\t17\tpunctuation\t،'));
  assert.match(lines[1]!, /^6\t16\tword\tالوزيـــرُ\tوزير \| /);
});

test('khabar tokens --json gives spans that slice the input', async () => {
  const d = fakeContext();
  assert.equal(await main(['tokens', '--json', file], d.ctx), 0);
  const rows = JSON.parse(d.out()) as {
    start: number;
    end: number;
    kind: string;
    text: string;
    clitics?: unknown[];
  }[];
  const text = 'أكَّد الوزيـــرُ، في بيان ﻻ لَبس فيه، أن العدد بلغ ١٢٫٥ ألفًا.\n';
  for (const r of rows) assert.equal(text.slice(r.start, r.end), r.text);
  assert.ok(rows.find((r) => r.kind === 'number' && r.text === '١٢٫٥'));
  assert.ok(rows.filter((r) => r.kind === 'word').every((r) => Array.isArray(r.clitics)));
});

test('errors name the input and say what to do', async () => {
  const missing = fakeContext();
  assert.equal(await main(['tokens', join(dir, 'nope.txt')], missing.ctx), 2);
  assert.match(missing.err(), /nope\.txt: no such file/);
  const bad = fakeContext();
  assert.equal(await main(['normalize', '--strong', file], bad.ctx), 2);
  assert.match(bad.err(), /--strong/);
  const none = fakeContext();
  assert.equal(await main(['tokens'], none.ctx), 2);
  assert.match(none.err(), /needs one FILE/);
});
