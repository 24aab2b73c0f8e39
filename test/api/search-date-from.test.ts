/**
 * polish15: search hits say where their date came from, as the reader does (b8be202) — the
 * web app marks a date read from the article's own text «(من النص)» in the results too.
 * Every sentence here is written for the test.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';
import { tempDir } from '../helpers.ts';

const BODY = 'وقال مدير المهرجان إن عروض المسرح ستتواصل طوال الأسبوع المقبل.';

test('search hits give publishedFrom: text for a date read from the dateline, source for a given one, none when undated', async () => {
  const store = await openStore(join(tempDir('khabar-hit-date-'), 'a.db'));
  const app = createApp({ store, token: 'secret', cache: false });
  const put = async (body: Record<string, string>) => {
    const res = await app.request('/api/ingest', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret' },
    });
    assert.equal(res.status, 201, await res.clone().text());
  };
  await put({
    text: `صفاقس، الأحد 9 نوفمبر 2025 (خاص) - انطلق مهرجان المسرح الصيفي بعرض للأطفال.\n\n${BODY}`,
  });
  await put({ text: `انطلقت أيام المسرح المدرسي بمشاركة عشر فرق.\n\n${BODY}`, published: '2025-10-20' });
  await put({ text: `افتتحت دار الثقافة معرضا لملصقات المسرح القديمة.\n\n${BODY}` });
  try {
    for (const sort of ['relevance', 'date']) {
      const res = await app.request(`/api/search?q=${encodeURIComponent('المسرح')}&sort=${sort}`);
      assert.equal(res.status, 200);
      const found = (await res.json()) as {
        hits: Array<{ published?: string; publishedFrom?: string; lead?: string }>;
      };
      assert.equal(found.hits.length, 3, sort);
      const by = (word: string) => found.hits.find((h) => h.lead?.includes(word));
      assert.deepEqual([by('مهرجان')?.published, by('مهرجان')?.publishedFrom], ['2025-11-09', 'text'], sort);
      assert.deepEqual(
        [by('المدرسي')?.published, by('المدرسي')?.publishedFrom],
        ['2025-10-20', 'source'],
        sort,
      );
      assert.deepEqual([by('معرضا')?.published, by('معرضا')?.publishedFrom], [undefined, undefined], sort);
    }
  } finally {
    await store.close();
  }
});
