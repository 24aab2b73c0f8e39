/** scripts/args.ts: the `--name VALUE` options and `--name` flags of the scripts and benchmarks. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

test('every benchmark that reads its command line checks it (checkArgs or its own parser)', () => {
  const dir = `${root}bench/`;
  const unchecked: string[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const src = readFileSync(`${dir}${name}`, 'utf8');
    const reads = /process\.argv|\b(option|flag)\(/u.test(src);
    const checks = /\bcheckArgs\(/u.test(src) || /unknown argument/u.test(src);
    // A library of another bench (composeBenchFile) is checked by the bench that calls it.
    if (reads && !checks && !/^export function/mu.test(src)) unchecked.push(name);
  }
  assert.deepEqual(unchecked, [], 'these benchmarks read process.argv without refusing an unknown option');
});

test('bench/ingest.ts --help prints its options instead of ingesting ANT', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ingest.ts', '--help'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /usage: node --import tsx bench\/ingest\.ts .*\[--limit V\].*\[--dedup-only\]/u);
  assert.doesNotMatch(r.stderr, /ingest: \d+ items/u);
  const typo = spawnSync(process.execPath, ['--import', 'tsx', 'bench/ingest.ts', '--limt', '10'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(typo.status, 2);
  assert.match(typo.stderr, /unknown option --limt/u);
});
