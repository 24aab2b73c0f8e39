/**
 * polish14: one date per article. The reader showed the analysis's looser date (the first full
 * date near the top, even inside a sentence) where the ingest had found none, while search and
 * its facets knew the article as undated: the two disagreed about the same article. The API's
 * article view now gives the article's own date — or none — and says when its text gave it.
 * Every sentence here is written for the test.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { join } from 'node:path';
import { openStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers.ts';

/** The API on a new SQLite archive (its search has the facets). */
async function newApp() {
  const store = await openStore(join(tempDir('khabar-date-'), 'a.db'));
  return createApp({ store, token: 'secret', cache: false });
}

const BODY = 'وقال رئيس البلدية إن الأشغال ستنتهي قبل حلول الصيف المقبل.';

async function ingest(app: ReturnType<typeof createApp>, body: Record<string, string>): Promise<string> {
  const res = await app.request('/api/ingest', {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret' },
  });
  assert.equal(res.status, 201, await res.clone().text());
  return ((await res.json()) as { items: Array<{ id: string }> }).items[0]!.id;
}

type View = {
  article: { published?: string };
  published?: { value?: string; from?: string; hijri?: string };
};
const view = async (app: ReturnType<typeof createApp>, id: string) =>
  (await (await app.request(`/api/articles/${id}`)).json()) as View;
type Found = {
  total: number;
  hits: Array<{ published?: string }>;
  facets?: { months?: Array<{ value: string }> };
};
const search = async (app: ReturnType<typeof createApp>, q: string) =>
  (await (await app.request(`/api/search?q=${encodeURIComponent(q)}`)).json()) as Found;

test('an article with no date: none in the reader, as in search (a date in its first sentence is no publication date)', async () => {
  const app = await newApp();
  const id = await ingest(app, {
    text: `بدأت البلدية يوم 5 مارس 2025 أشغال ترميم السوق القديم في وسط المدينة.\n\n${BODY}`,
  });
  const v = await view(app, id);
  assert.equal(v.article.published, undefined, 'the ingest found no publication date');
  assert.equal(v.published, undefined, 'the reader is given none either');
  const found = await search(app, 'ترميم السوق');
  assert.equal(found.total, 1);
  assert.equal(found.hits[0]?.published, undefined);
  assert.deepEqual(found.facets?.months, []);
});

test("a date read from the dateline: the reader's date is search's, marked as from the text", async () => {
  const app = await newApp();
  const id = await ingest(app, {
    text: `تونس، الثلاثاء 11 نوفمبر 2025 (خاص) - افتتحت البلدية سوقا جديدا للحرفيين.\n\n${BODY}`,
  });
  const v = await view(app, id);
  assert.equal(v.article.published, '2025-11-11');
  assert.equal(v.published?.value, '2025-11-11');
  assert.equal(v.published?.from, 'text');
  const found = await search(app, 'سوقا للحرفيين');
  assert.equal(found.hits[0]?.published, '2025-11-11');
  assert.deepEqual(
    found.facets?.months?.map((m) => m.value),
    ['2025-11'],
  );
});

test('a Hijri dateline keeps its Hijri date; a date given with the article is from its source', async () => {
  const app = await newApp();
  const hijri = await ingest(app, {
    text: `الرياض، 20 جمادى الأولى 1447 هـ (خاص) - دشّنت الجمعية حديقة عامة للأطفال.\n\n${BODY}`,
  });
  const h = await view(app, hijri);
  assert.equal(h.published?.from, 'text');
  assert.equal(h.published?.value, h.article.published);
  assert.equal(h.published?.hijri, '1447-05-20');
  const given = await ingest(app, {
    text: `افتتحت المدرسة مختبرا للعلوم.\n\n${BODY}`,
    published: '2025-10-02',
  });
  const g = await view(app, given);
  assert.equal(g.published?.value, '2025-10-02');
  assert.equal(g.published?.from, 'source');
});
