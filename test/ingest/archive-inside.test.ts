import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';
import { arabicArticle } from './fixtures.ts';

async function ingest(args: string[], env: NodeJS.ProcessEnv = {}) {
  const { ctx, out, err } = fakeContext(env);
  const code = await main(['ingest', ...args, '--json'], ctx);
  assert.equal(code, 0, err());
  return {
    summary: JSON.parse(out()) as { inserted: number; unchanged: number; quarantined: number },
    err: err(),
  };
}

test('ingest of a folder that holds the archive (--db inside it): the archive files are skipped with one line, not quarantined', async () => {
  const news = join(tempDir('khabar-own-archive-'), 'news');
  mkdirSync(news);
  writeFileSync(join(news, 'a.txt'), arabicArticle(901, 5));
  writeFileSync(join(news, 'b.txt'), arabicArticle(902, 5));
  const db = join(news, 'khabar.db');
  const first = await ingest([news, '--db', db]);
  assert.equal(first.summary.inserted, 2);
  assert.equal(first.summary.quarantined, 0, first.err);
  const lines = first.err.split('\n').filter((l) => l.includes("archive's own"));
  assert.equal(lines.length, 1, first.err);
  assert.match(lines[0]!, /khabar\.db/);
  // a second run finds the archive (and its -wal/-shm if any) there already: still nothing quarantined
  const again = await ingest([news, '--db', db]);
  assert.deepEqual(
    [again.summary.inserted, again.summary.unchanged, again.summary.quarantined],
    [0, 2, 0],
    again.err,
  );
  assert.match(again.err, /skipped the archive's own files? in .*: khabar\.db/);
});

test('ingest of a tree that holds the default data folder: the archive files are skipped, in Arabic too', async () => {
  const home = tempDir('khabar-own-default-');
  writeFileSync(join(home, 'a.txt'), arabicArticle(903, 5));
  const env = { XDG_DATA_HOME: join(home, 'data') };
  const first = await ingest([home, '--lang', 'ar'], env);
  assert.equal(first.summary.inserted, 1);
  const again = await ingest([home, '--lang', 'ar'], env);
  assert.equal(again.summary.quarantined, 0, again.err);
  assert.match(again.err, /من ملفات الأرشيف نفسه: .*khabar\.db/);
});
