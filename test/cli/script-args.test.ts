/** scripts/args.ts: the `--name VALUE` options and `--name` flags of the scripts and benchmarks. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { flag, option } from '../../scripts/args.ts';

const root = new URL('../../', import.meta.url).pathname;

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

test('checkArgs: --help prints the options and exits 0 before any work; an unknown option exits 2', () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'bench/search-pg-gen.ts', ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, KHABAR_TEST_PG: 'postgres://nobody@127.0.0.1:1/none' },
    });
  const help = run('--help');
  assert.equal(help.status, 0, help.stderr);
  assert.match(
    help.stdout,
    /usage: node --import tsx bench\/search-pg-gen\.ts .*\[--size V\].*\[--index-connections V\]/u,
  );
  const typo = run('--sise', '100');
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /bench\/search-pg-gen\.ts: unknown option --sise\nusage:/u);
});
