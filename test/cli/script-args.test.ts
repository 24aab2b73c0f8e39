/** scripts/args.ts: the `--name VALUE` options and `--name` flags of the scripts and benchmarks. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flag, option } from '../../scripts/args.ts';

test('option: the value after --name; undefined when absent or last', () => {
  const args = ['corpus.jsonl', '--limit', '20', '--json', '--out'];
  assert.equal(option('limit', args), '20');
  assert.equal(option('seed', args), undefined);
  assert.equal(option('out', args), undefined, 'an option with nothing after it');
  assert.equal(option('limit', []), undefined);
});

test('flag: whether --name is given', () => {
  const args = ['--no-clusters', '--epochs', '3'];
  assert.equal(flag('no-clusters', args), true);
  assert.equal(flag('no-gazetteer', args), false);
  assert.equal(flag('epochs', args), true);
});
