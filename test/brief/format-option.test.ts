import assert from 'node:assert/strict';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext } from '../helpers.ts';

const article = new URL('../../examples/article.txt', import.meta.url).pathname;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const { ctx, out, err } = fakeContext();
  const code = await main(args, ctx);
  return { code, out: out(), err: err() };
}

/** What kind of document a brief printed: json, md or html. */
function kind(out: string): string {
  if (out.trimStart().startsWith('{')) return JSON.parse(out).schema ? 'json' : 'json?';
  if (/^<!doctype html>/i.test(out.trimStart())) return 'html';
  if (/^#|\n## /u.test(out)) return 'md';
  return 'other';
}

test('brief and compose take --format the same ways and print the same kind (default JSON)', async () => {
  const cases: Array<[string[], string]> = [
    [[], 'json'],
    [['--format', 'md'], 'md'],
    [['--format=md'], 'md'],
    [['-f', 'markdown'], 'md'],
    [['--format=html'], 'html'],
    [['--format', 'json'], 'json'],
  ];
  for (const [opts, want] of cases)
    for (const cmd of ['brief', 'compose']) {
      const r = await run([cmd, article, ...opts]);
      assert.equal(r.code, 0, `${cmd} ${opts.join(' ')}: ${r.err}`);
      assert.equal(kind(r.out), want, `${cmd} ${opts.join(' ')}`);
    }
  for (const cmd of ['brief', 'compose']) {
    const r = await run([cmd, article, '--format=pdf']);
    assert.equal(r.code, 2, cmd);
    assert.match(r.err, /--format.*"pdf" is not one of json, md, html/);
  }
});
