import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { isBlind, parseArgs, TUNING_SETS } from '../../bench/events-gold.ts';
import { task } from '../../src/eval/events.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('events-gold: blind set names are refused without --blind, before anything is read', () => {
  assert.equal(isBlind('heldout-15'), true);
  assert.equal(isBlind('ant-real-heldout-10'), true);
  assert.equal(TUNING_SETS.some(isBlind), false);
  assert.equal(TUNING_SETS.length, 27);
  assert.throws(() => parseArgs(['--sets', 'dev,heldout-15']), /heldout-15 is a blind set/);
  assert.throws(() => parseArgs(['--sets', 'ant-real-heldout-10']), /only the lead scores it, with --blind/);
  assert.deepEqual(parseArgs(['--sets', 'heldout-15', '--blind']).sets, ['heldout-15']);
  assert.throws(() => parseArgs(['--bogus']), /unknown argument/);
  assert.throws(() => parseArgs(['--sets']), /--sets needs a value/);
});

test('events-gold --json gives the figures of khabar eval events --exhaustive for a set', async () => {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/events-gold.ts', '--sets', 'heldout-2', '--json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as {
    sets: Record<string, { gold: number; found: number; pred: number; source_acc: number }>;
    total: { sets: number; gold: number; found: number };
  };
  const { json } = await task.evaluate({
    data: join(root, 'data/gold/events/heldout-2.jsonl'),
    flags: { exhaustive: true },
  });
  const o = json.overall as { gold: number; found: number; pred: number; actor_acc: number };
  const got = out.sets['heldout-2']!;
  assert.deepEqual([got.gold, got.found, got.pred, got.source_acc], [o.gold, o.found, o.pred, o.actor_acc]);
  assert.deepEqual([out.total.sets, out.total.gold, out.total.found], [1, o.gold, o.found]);
});
