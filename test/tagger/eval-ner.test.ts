import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_MODEL_PATH } from '../../src/analyze/tagger/index.ts';
import { main } from '../../src/cli/main.ts';
import { fakeContext } from '../helpers.ts';

// A small gold file written for this test (with an extra type, EVT, that the tagger never predicts).
const GOLD = `وصل B-PERS
الرئيس O
إلى O
باريس B-LOC
أمس O
. O

افتتحت O
الأمم B-ORG
المتحدة I-ORG
مؤتمر B-EVT
المناخ I-EVT
في O
القاهرة B-LOC
`;

test('khabar eval ner --json: conlleval figures as fractions, every gold type scored', async (t) => {
  if (!existsSync(DEFAULT_MODEL_PATH)) {
    t.skip('the tagger model is absent');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-'));
  try {
    const file = join(dir, 'gold.conll');
    writeFileSync(file, GOLD);
    const { ctx, out } = fakeContext();
    assert.equal(await main(['eval', 'ner', '--data', file, '--json'], ctx), 0);
    const r = JSON.parse(out()) as {
      task: string;
      micro: { p: number; r: number; f1: number };
      per_type: Record<string, { p: number; r: number; f1: number; gold: number; pred: number }>;
      tokens: number;
      tokens_per_s: number;
      tokens_per_s_second_pass: number;
    };
    assert.equal(r.task, 'ner');
    assert.equal(r.tokens, 13);
    assert.equal(r.per_type.EVT!.gold, 1);
    assert.equal(r.per_type.EVT!.r, 0);
    assert.equal(r.per_type.LOC!.gold, 2);
    for (const v of [r.micro.p, r.micro.r, r.micro.f1]) assert.ok(v >= 0 && v <= 1);
    assert.ok(r.micro.r <= 5 / 6, 'EVT cannot be found');
    assert.ok(r.tokens_per_s > 0);
    assert.ok(r.tokens_per_s_second_pass > 0);

    const table = fakeContext();
    assert.equal(await main(['eval', 'ner', '--data', file], table.ctx), 0);
    assert.match(table.out(), /micro/);
    assert.match(table.out(), /EVT/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('khabar eval ner on a file with no sentences says so', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-ner-'));
  try {
    const file = join(dir, 'empty.conll');
    writeFileSync(file, '\n\n');
    const { ctx, err } = fakeContext();
    const code = await main(['eval', 'ner', '--data', file, '--json'], ctx);
    assert.notEqual(code, 0);
    assert.match(err(), /empty\.conll/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
