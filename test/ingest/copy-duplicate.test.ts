import assert from 'node:assert/strict';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PassThrough } from 'node:stream';
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

/** `khabar ingest ARGS --json`, its counts and what the archive says the article's place is. */
async function provenanceOf(db: string, id?: string) {
  const store = await openStore(db);
  try {
    const first = id ?? (await store.list()).items[0]!.id;
    return (await store.get(first))?.article.provenance;
  } finally {
    await store.close();
  }
}

test('moved, not a copy: a file moved while another file took its old path (the old path reads as another article)', async () => {
  const dir = tempDir('khabar-moved-reused-');
  const news = join(dir, 'news');
  mkdirSync(news);
  writeFileSync(join(news, 'a.txt'), arabicArticle(921, 4));
  const db = join(dir, 'k.db');
  assert.deepEqual(pick(await ingest([news, '--db', db])), [1, 0, 0]);
  const store = await openStore(db);
  const id = (await store.list()).items[0]!.id;
  await store.close();
  // a.txt becomes z.txt, and a new article is written as a.txt: read first (sorted), then z.txt
  renameSync(join(news, 'a.txt'), join(news, 'z.txt'));
  writeFileSync(join(news, 'a.txt'), arabicArticle(922, 4));
  const run = await ingest([news, '--db', db]);
  assert.deepEqual([...pick(run), run.moved], [1, 0, 0, 1], 'z.txt was counted a copy of itself');
  const prov = await provenanceOf(db, id);
  assert.equal(prov?.source, join(news, 'z.txt'));
  assert.deepEqual(prov?.movedFrom, [join(news, 'a.txt')]);
  // the same again: nothing to do
  const again = await ingest([news, '--db', db]);
  assert.deepEqual([...pick(again), again.moved], [0, 2, 0, 0]);
  // the old path edited (its article no more there) reads the same way: the one at b.txt moved
  renameSync(join(news, 'z.txt'), join(news, 'b.txt'));
  writeFileSync(join(news, 'z.txt'), `${arabicArticle(923, 4)}\n`);
  const edited = await ingest([news, '--db', db]);
  assert.deepEqual([...pick(edited), edited.moved], [1, 1, 0, 1]);
  assert.equal((await provenanceOf(db, id))?.source, join(news, 'b.txt'));
});

test('a copy, not moved: the old path still holds the same words (cp, not mv); moved once the original is gone', async () => {
  const dir = tempDir('khabar-copy-kept-');
  const news = join(dir, 'news');
  mkdirSync(join(news, 'old'), { recursive: true });
  mkdirSync(join(news, 'new'));
  // the copy differs in what does not count: diacritics, punctuation, spacing, a trailing newline
  const text = arabicArticle(931, 4);
  writeFileSync(join(news, 'old', 'a.txt'), text);
  const db = join(dir, 'k.db');
  assert.deepEqual(pick(await ingest([join(news, 'old'), '--db', db])), [1, 0, 0]);
  writeFileSync(join(news, 'new', 'a.txt'), `\n${text.replace(/،/gu, ' ،').replace('وزير', 'وَزير')}\n`);
  const copy = await ingest([join(news, 'new'), '--db', db]);
  assert.deepEqual([...pick(copy), copy.moved], [0, 0, 1, 0]);
  assert.equal((await provenanceOf(db))?.source, join(news, 'old', 'a.txt'));
  rmSync(join(news, 'old', 'a.txt'));
  const moved = await ingest([join(news, 'new'), '--db', db]);
  assert.deepEqual([...pick(moved), moved.moved], [0, 0, 0, 1]);
  assert.equal((await provenanceOf(db))?.source, join(news, 'new', 'a.txt'));
});

test('JSONL: records that moved down the file (a line inserted above) are moved to their new lines, not copies of themselves', async () => {
  const dir = tempDir('khabar-moved-lines-');
  const file = join(dir, 'dump.jsonl');
  const rec = (seed: number, url?: string) =>
    JSON.stringify({ text: arabicArticle(seed, 3), ...(url ? { url } : {}) });
  // two records keyed by their words, one by its url; CRLF line ends, as a Windows editor saves
  const lines = [rec(941), rec(942), rec(943, 'https://news.example/943')];
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  const db = join(dir, 'k.db');
  assert.deepEqual(pick(await ingest([file, '--db', db])), [3, 0, 0]);
  writeFileSync(file, `${[rec(944), ...lines].join('\r\n')}\r\n`);
  const shifted = await ingest([file, '--db', db]);
  // without the check: the two unkeyed records «duplicates» of themselves, the keyed one left at its old line
  assert.deepEqual([...pick(shifted), shifted.moved], [1, 0, 0, 3]);
  const store = await openStore(db);
  try {
    const sources = [];
    for await (const doc of store.iterate()) sources.push(doc.article.provenance.source);
    assert.deepEqual(sources.sort(), [2, 3, 4, 1].map((n) => `${file}:${n}`).sort());
    assert.equal((await store.stats()).duplicates, 0);
  } finally {
    await store.close();
  }
  // the same file again, and a copy of it beside: unchanged, and copies of the unkeyed records
  writeFileSync(join(dir, 'copy.jsonl'), `${lines.join('\n')}\n`);
  const copy = await ingest([file, join(dir, 'copy.jsonl'), '--db', db]);
  assert.deepEqual([...pick(copy), copy.moved], [0, 5, 2, 0]);
});

test('a local feed file copied elsewhere, both still there: its items (keyed by guid) are unchanged, not «moved» (FILE#ITEM was taken for a gone file)', async () => {
  const dir = tempDir('khabar-feed-copy-');
  const db = join(dir, 'k.db');
  const item = (n: number) =>
    `<item><title>خبر ${n}</title><guid isPermaLink="false">item-${n}</guid><description><![CDATA[<p>${arabicArticle(950 + n, 4)}</p>]]></description></item>`;
  const feed = `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>صحيفة</title>${item(1)}${item(2)}</channel></rss>`;
  mkdirSync(join(dir, 'mirror'));
  writeFileSync(join(dir, 'feed.xml'), feed);
  writeFileSync(join(dir, 'mirror', 'feed.xml'), feed);
  assert.deepEqual(pick(await ingest([join(dir, 'feed.xml'), '--db', db])), [2, 0, 0]);
  const mirror = await ingest([join(dir, 'mirror', 'feed.xml'), '--db', db]);
  assert.deepEqual([...pick(mirror), mirror.moved], [0, 2, 0, 0], 'the original feed is still there');
  rmSync(join(dir, 'feed.xml'));
  const gone = await ingest([join(dir, 'mirror', 'feed.xml'), '--db', db]);
  assert.deepEqual([...pick(gone), gone.moved], [0, 0, 0, 2]);
});

test('copies piped in on standard input are each linked: the second no longer replaces the first (both had the link id of «-»)', async () => {
  const dir = tempDir('khabar-stdin-copies-');
  const news = join(dir, 'news');
  mkdirSync(news);
  writeFileSync(join(news, 'a.txt'), arabicArticle(1011, 3));
  writeFileSync(join(news, 'b.txt'), arabicArticle(1012, 3));
  const db = join(dir, 'k.db');
  assert.deepEqual(pick(await ingest([news, '--db', db])), [2, 0, 0]);
  for (const seed of [1011, 1012, 1011]) {
    const { ctx, out, err } = fakeContext();
    (ctx.stdin as PassThrough).end(arabicArticle(seed, 3));
    assert.equal(await main(['ingest', '-', '--db', db, '--json'], ctx), 0, err());
    assert.deepEqual(pick(JSON.parse(out()) as Counts), [0, 0, 1]);
  }
  const store = await openStore(db);
  try {
    // two copies (the third piped in is the first again: linked once)
    assert.equal((await store.stats()).duplicates, 2);
  } finally {
    await store.close();
  }
});
