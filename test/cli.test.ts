import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeContext } from './helpers.ts';
import { main } from '../src/cli/main.ts';

test('unknown command names itself and says what to do', async () => {
  const { ctx, err } = fakeContext();
  const code = await main(['no-such-command'], ctx);
  assert.equal(code, 2);
  assert.match(err(), /unknown command "no-such-command".*khabar help/);
});

test('help lists commands', async () => {
  const { ctx, out } = fakeContext();
  assert.equal(await main(['help'], ctx), 0);
  assert.match(out(), /Commands:/);
});
