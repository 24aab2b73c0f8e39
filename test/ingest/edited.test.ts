/**
 * A text file edited in place and ingested again: the file's article is the edited one. The
 * earlier version is kept, linked to it as superseded, reachable (`khabar show`, API, export) and counted by
 * `khabar status`; lists, search and feeds show the current version only. It was a second
 * article (ids come from the words), the old text shown as if current. Sentences are our own.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { main } from '../../src/cli/main.ts';
import { articleId } from '../../src/ingest/ids.ts';
import { openStore } from '../../src/store/index.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const BEFORE =
  'افتتحت بلدية وادي الريحان صباح اليوم سوقا أسبوعية جديدة للمزارعين في ساحة البلدة القديمة، وقال رئيس البلدية إن السوق ستفتح كل يوم خميس.';
const AFTER =
  'افتتحت بلدية وادي الريحان صباح اليوم سوقا أسبوعية جديدة للمزارعين في ساحة البلدة القديمة، وقال رئيس البلدية إن السوق ستفتح كل يوم سبت بدل الخميس بطلب من التجار.';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const f = fakeContext();
  const code = await main(args, f.ctx);
  return { code, out: f.out(), err: f.err() };
}

test('khabar ingest of an edited text file: the edited text is its article, the earlier one superseded and kept', async () => {
  const dir = tempDir('khabar-edited-cli-');
  const file = join(dir, 'a.txt');
  const db = join(dir, 'k.db');
  const ingest = async () => {
    const r = await run(['ingest', file, '--db', db, '--json']);
    assert.equal(r.code, 0, r.err);
    return JSON.parse(r.out) as Record<string, number>;
  };
  writeFileSync(file, BEFORE);
  assert.equal((await ingest()).inserted, 1);
  writeFileSync(file, AFTER);
  const edited = await ingest();
  // was: inserted 1 (a near-duplicate), two articles
  assert.deepEqual([edited.updated, edited.inserted, edited.nearDuplicates], [1, 0, 0]);
  const [oldId, newId] = [articleId({ text: BEFORE }), articleId({ text: AFTER })];

  const status = await run(['status', '--db', db, '--json']);
  const stats = (JSON.parse(status.out) as { stats: { articles: number; superseded: number } }).stats;
  assert.deepEqual([stats.articles, stats.superseded], [1, 1]);
  assert.match((await run(['status', '--db', db])).out, /superseded\s+1/u);

  // unchanged again: nothing changes
  const again = await ingest();
  assert.deepEqual([again.unchanged, again.updated, again.inserted], [1, 0, 0]);

  // export: the current article, then the earlier version as a `version` record
  const exp = await run(['export', '--db', db]);
  const recs = exp.out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { record?: string; article?: { id: string; superseded?: unknown } });
  assert.deepEqual(
    recs.filter((r) => !r.record).map((r) => r.article?.id),
    [newId],
  );
  const version = recs.find((r) => r.record === 'version');
  assert.equal(version?.article?.id, oldId);
  assert.equal((version?.article?.superseded as { supersededBy?: string } | undefined)?.supersededBy, newId);

  // khabar show: the earlier version, and the current one naming it
  const shown = await run(['show', oldId, '--db', db, '--lang', 'en']);
  assert.equal(shown.code, 0, shown.err);
  assert.ok(shown.out.includes(`- superseded by: ${newId} (`), shown.out);
  assert.ok(shown.out.includes('كل يوم خميس'), shown.out);
  const current = await run(['show', newId, '--db', db, '--lang', 'en']);
  assert.ok(current.out.includes(`- earlier versions: ${oldId}`), current.out);

  const store = await openStore(db);
  try {
    const app = createApp({ store, version: 't', cache: false });
    const get = async (path: string) => {
      const res = await app.request(path);
      assert.equal(res.status, 200, path);
      return (await res.json()) as Record<string, unknown>;
    };
    const list = (await get('/api/articles')) as { total: number; items: Array<{ id: string }> };
    assert.deepEqual(
      list.items.map((i) => i.id),
      [newId],
    );
    const found = (await get(`/api/search?q=${encodeURIComponent('السبت')}`)) as { total: number };
    assert.equal(found.total, 1);
    const gone = (await get(`/api/search?q=${encodeURIComponent('"كل يوم خميس"')}`)) as { total: number };
    assert.equal(gone.total, 0);
    const feed = (await get('/api/feeds/briefs.json')) as { items: Array<{ id: string }> };
    assert.equal(feed.items.length, 1);
    assert.ok(feed.items[0]!.id.includes(newId), feed.items[0]!.id);
    const view = (await get(`/api/articles/${newId}`)) as { versions?: Array<{ id: string }> };
    assert.deepEqual(
      view.versions?.map((v) => v.id),
      [oldId],
    );
    const earlier = (await get(`/api/articles/${oldId}`)) as {
      article: { text: string; superseded?: { supersededBy: string } };
    };
    assert.equal(earlier.article.text, BEFORE);
    assert.equal(earlier.article.superseded?.supersededBy, newId);
  } finally {
    await store.close();
  }
});
