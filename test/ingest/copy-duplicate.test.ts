import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { openSource } from '../../src/ingest/sources/index.ts';
import { runIngest, warmDedup } from '../../src/jobs/runner.ts';
import { openStore } from '../../src/store/index.ts';
import { fakeContext, tempDir } from '../helpers.ts';
import { arabicArticle } from './fixtures.ts';

interface Counts {
  inserted: number;
  unchanged: number;
  duplicates: number;
}
const pick = (c: Counts) => [c.inserted, c.unchanged, c.duplicates];

async function ingest(args: string[]): Promise<Counts> {
  const { ctx, out, err } = fakeContext();
  assert.equal(await main(['ingest', ...args, '--json'], ctx), 0, err());
  return JSON.parse(out()) as Counts;
}

test('a second copy of a file under another path is a duplicate (linked once), not «unchanged»; the same file again is unchanged', async () => {
  const dir = tempDir('khabar-copy-dup-');
  const news = join(dir, 'news');
  mkdirSync(join(news, 'copies'), { recursive: true });
  writeFileSync(join(news, 'a.txt'), arabicArticle(911, 5));
  writeFileSync(join(news, 'copies', 'a.txt'), arabicArticle(911, 5));
  const db = join(dir, 'k.db');
  assert.deepEqual(pick(await ingest([news, '--db', db])), [1, 0, 1]);
  // re-run: the original is the same source seen again, the copy is still a copy
  assert.deepEqual(pick(await ingest([news, '--db', db])), [0, 1, 1]);
  const store = await openStore(db);
  try {
    const s = await store.stats();
    assert.deepEqual([s.articles, s.duplicates], [1, 1]);
    // the in-memory dedup index (the API server's) counts it the same way
    const dedup = await warmDedup(store);
    const run = await runIngest({ store, dedup, items: openSource(news) });
    assert.deepEqual(pick(run), [0, 1, 1]);
    assert.equal((await store.stats()).duplicates, 1);
  } finally {
    await store.close();
  }
});
