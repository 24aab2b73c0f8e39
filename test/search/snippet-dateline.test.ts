/**
 * polish14: a search snippet leaves out the dateline of an article not written in the template
 * too: «الإسكندرية - خاص - أعلنت …» opened the snippet, and where the window started inside a
 * dateline the snippet began «ص) - افتتحت …». Our own sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildArticle } from '../../src/ingest/article.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { openStore } from '../../src/store/index.ts';

const LEAD =
  'افتتحت البلدية سوقا جديدا للحرفيين في المدينة العتيقة بعد أشغال دامت سنتين كاملتين وبتمويل من صندوق التنمية المحلية.';
const BODY = 'وقال رئيس البلدية إن الأشغال ستنتهي قبل حلول الصيف المقبل.';

test('snippets of untemplated articles start past their dateline', async () => {
  const store = await openStore(':memory:');
  try {
    for (const [i, opening] of ['الإسكندرية - خاص - ', 'تونس، الثلاثاء 11 نوفمبر 2025 (خاص) - '].entries()) {
      const built = buildArticle({ text: `${opening}${LEAD}\n\n${BODY}`, source: `t${i}`, format: 'text' });
      assert.equal(built.kind, 'article');
      if (built.kind === 'article') await store.put(processArticle(built.article));
    }
    const r = await store.search({ q: 'للحرفيين', limit: 10 });
    assert.equal(r.hits.length, 2);
    for (const h of r.hits) {
      assert.ok(h.snippet?.startsWith('افتتحت البلدية'), h.snippet);
      assert.doesNotMatch(h.snippet ?? '', /خاص|الإسكندرية|نوفمبر/u);
    }
  } finally {
    await store.close();
  }
});
