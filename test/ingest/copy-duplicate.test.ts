import assert from 'node:assert/strict';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
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
  moved: number;
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

test('a file renamed or moved to another folder and ingested again is «moved» (its path updated), not a duplicate of itself', async () => {
  const dir = tempDir('khabar-moved-cli-');
  const news = join(dir, 'news');
  mkdirSync(join(news, '2025'), { recursive: true });
  writeFileSync(join(news, 'draft.txt'), arabicArticle(913, 4));
  const db = join(dir, 'k.db');
  assert.deepEqual(pick(await ingest([news, '--db', db])), [1, 0, 0]);
  renameSync(join(news, 'draft.txt'), join(news, '2025', 'final.txt'));
  const moved = await ingest([news, '--db', db]);
  assert.deepEqual([...pick(moved), moved.moved], [0, 0, 0, 1]);
  // the table says so
  const { ctx, out, err } = fakeContext();
  assert.equal(await main(['ingest', news, '--db', db], ctx), 0, err());
  assert.doesNotMatch(out(), /moved/u, 'read again from its new path: unchanged, nothing moved');
  renameSync(join(news, '2025', 'final.txt'), join(news, 'final.txt'));
  const t = fakeContext();
  assert.equal(await main(['ingest', news, '--db', db], t.ctx), 0, t.err());
  assert.match(t.out(), /moved\s+1/u);
  const store = await openStore(db);
  try {
    const s = await store.stats();
    assert.deepEqual([s.articles, s.duplicates], [1, 0]);
    const doc = (await store.list()).items[0];
    const prov = (await store.get(doc!.id))?.article.provenance;
    assert.equal(prov?.source, join(news, 'final.txt'));
    assert.deepEqual(prov?.movedFrom, [join(news, 'draft.txt'), join(news, '2025', 'final.txt')]);
  } finally {
    await store.close();
  }
});
