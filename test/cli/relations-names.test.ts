/** The archive's dyads name every state in Arabic, also one no article names as such. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

test('khabar relations --db: a state known only through its places («قطاع غزة» → PSE) has its Arabic name', async () => {
  const dir = tempDir('khabar-relnames-');
  const db = join(dir, 'k.db');
  const input = join(dir, 'a.jsonl');
  // Our own sentence: Gaza is named, Palestine is not.
  const text = 'شنت طائرات إسرائيلية فجر اليوم الاثنين غارات على مناطق في قطاع غزة، ما أسفر عن سقوط ضحايا.';
  writeFileSync(input, `${JSON.stringify({ id: 'g1', outlet: 'صحيفة', published: '2025-10-20', text })}\n`);
  const ingest = fakeContext({ HOME: dir });
  assert.equal(await main(['ingest', input, '--db', db], ingest.ctx), 0, ingest.err());
  const ar = fakeContext({ HOME: dir });
  assert.equal(await main(['relations', '--db', db, '--lang', 'ar'], ar.ctx), 0, ar.err());
  assert.match(ar.out(), /إسرائيل \[ISR\] → فلسطين \[PSE\]/u);
  const en = fakeContext({ HOME: dir });
  assert.equal(await main(['relations', '--db', db, '--lang', 'en'], en.ctx), 0, en.err());
  assert.match(en.out(), /Israel \[ISR\] → Palestine \[PSE\]/u);
});
