import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import type { Mention } from '../../src/model.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const text = 'أكد رئيس الوزراء الباكستاني شهباز شريف أن إسلام آباد تدعم الحوار مع طهران.';

test('khabar entities FILE --json prints every mention with its span', async () => {
  const dir = tempDir('khabar-entities-');
  const file = join(dir, 'a.txt');
  writeFileSync(file, text);
  const { ctx, out } = fakeContext();
  assert.equal(await main(['entities', file, '--json'], ctx), 0);
  const r = JSON.parse(out()) as { mentions: Mention[]; entities: { id: string }[] };
  for (const m of r.mentions) assert.equal(text.slice(m.span[0], m.span[1]), m.text);
  const ids = r.entities.map((e) => e.id).sort();
  // «الحوار مع طهران»: the capital stands for the state.
  assert.deepEqual(ids, ['country:IRN', 'country:PAK', 'person:shehbaz-sharif']);
});

test('khabar entities prints a readable table; a missing file says what to do', async () => {
  const dir = tempDir('khabar-entities-');
  const file = join(dir, 'a.txt');
  writeFileSync(file, text);
  const { ctx, out } = fakeContext();
  assert.equal(await main(['entities', file], ctx), 0);
  assert.match(out(), /person:shehbaz-sharif/);
  assert.match(out(), /Prime Minister/);
  const bad = fakeContext();
  assert.notEqual(await main(['entities', join(dir, 'nope.txt')], bad.ctx), 0);
  assert.match(bad.err(), /no such file/);
});
