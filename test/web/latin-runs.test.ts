/**
 * The left-to-right runs isolated in the API's Arabic error details (web/src/latinRuns.ts, used
 * by components/Status.tsx): a route, an id, a value as given — with its numbers and without the
 * Arabic sentence's punctuation or a bracket opened in the Arabic text.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinRuns } from '../../web/src/latinRuns.ts';

const runs = (text: string) => latinRuns(text).flatMap((p) => (typeof p === 'string' ? [] : [p.latin]));

test('a standard with its number is one run: «ISO 3166-1», not «ISO» and a reordered «1-3166»', () => {
  assert.deepEqual(runs('أعطِ رمز ISO 3166-1 من ثلاثة أحرف'), ['ISO 3166-1']);
});

test('a bracket opened in the Arabic text stays out of the run: «(إيران، Iran).»', () => {
  const text = 'أو اسمًا بالإنجليزية (إيران، Iran).';
  assert.deepEqual(runs(text), ['Iran']);
  assert.equal(latinRuns(text).at(-1), ').', 'the bracket and the full stop close the Arabic sentence');
  assert.deepEqual(runs('رمز من ثلاثة أحرف (IRN) أو اسم'), ['(IRN)'], 'a bracket pair inside the run stays');
  assert.deepEqual(runs('(GET /api/articles، ثم غيرها)'), ['GET /api/articles']);
});

test('routes, ids and dates after Arabic letters; the sentence’s own punctuation stays outside', () => {
  assert.deepEqual(runs('اسرد الموجود بـGET /api/articles أو /api/entities.'), [
    'GET /api/articles',
    '/api/entities',
  ]);
  assert.deepEqual(runs('لا كيان بالمعرّف "person:nobody". تحقّق'), ['"person:nobody"']);
  assert.deepEqual(runs('التاريخ 2025-13-45 غير صالح'), ['2025-13-45'], 'a date is isolated too');
  assert.deepEqual(runs('وُجد 12 خبرًا'), [], 'a lone number needs no isolation');
});

test('the text is kept whole, in order', () => {
  const text = 'ZZZ ليس بلدًا يعرفه khabar: أعطِ رمز ISO 3166-1 من ثلاثة أحرف (IRN) أو (إيران، Iran).';
  assert.equal(
    latinRuns(text)
      .map((p) => (typeof p === 'string' ? p : p.latin))
      .join(''),
    text,
  );
});
