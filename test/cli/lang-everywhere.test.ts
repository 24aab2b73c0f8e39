import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext } from '../helpers.ts';

const article = new URL('../../examples/article.txt', import.meta.url).pathname;

async function run(args: string[]) {
  const { ctx, out, err } = fakeContext();
  const code = await main(args, ctx);
  return { code, out: out(), err: err() };
}

test('brief and compose take --lang (it was «not an option»); a bad value is an error naming --lang', async () => {
  for (const cmd of ['brief', 'compose'])
    for (const lang of [['--lang', 'ar'], ['--lang=en']]) {
      const r = await run([cmd, article, ...lang, '--format', 'md']);
      assert.equal(r.code, 0, `${cmd} ${lang.join(' ')}: ${r.err}`);
      assert.match(r.out, /\S/u);
    }
  const bad = await run(['brief', article, '--lang', 'fr']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--lang.*needs ar or en \(got "fr"\)/);
});

test('serve and start take --lang: the error is the next mistake, in the language asked for', async () => {
  const serve = await run(['serve', '--lang', 'en', '--port', 'x']);
  assert.equal(serve.code, 2, serve.err);
  assert.match(serve.err, /--port/);
  assert.doesNotMatch(serve.err, /--lang/);
  const start = await run(['start', '--lang=en', '--db']);
  assert.equal(start.code, 2, start.err);
  assert.match(start.err, /--db.*needs a value/);
  const ar = await run(['serve', '--port', 'x', '--lang', 'ar']);
  assert.equal(ar.code, 2);
  assert.match(ar.err, /[\u0600-\u06ff]/u, 'the error line is Arabic');
});

test('no command refuses --lang as an unknown argument', async () => {
  const names = readdirSync(new URL('../../src/cli/commands/', import.meta.url))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3));
  assert.ok(names.length > 10);
  for (const name of names) {
    // a missing input or a usage error is expected; a complaint about --lang is not
    const r = await run([name, '--lang', 'en', '--no-such-option-here']);
    assert.doesNotMatch(r.err, /(?:option|argument) "?--lang\b/, `${name}: ${r.err}`);
  }
});
