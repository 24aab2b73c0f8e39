import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildArticle, isoTime } from '../../src/ingest/article.ts';

test('numeric dates as Arabic outlets print them are read day first and stored as ISO', () => {
  assert.equal(isoTime('25/03/2015'), '2015-03-25');
  assert.equal(isoTime('05/06/2014'), '2014-06-05');
  assert.equal(isoTime('5-6-2014'), '2014-06-05');
  assert.equal(isoTime('25.03.2015 14:30'), '2015-03-25');
  assert.equal(isoTime('١٩/٠٥/٢٠١٤'), '2014-05-19');
  assert.equal(isoTime('۲۵/۰۳/۲۰۱۵'), '2015-03-25');
  assert.equal(isoTime('2015/03/25'), '2015-03-25');
  // Month first only when the first number cannot be a month.
  assert.equal(isoTime('03/25/2015'), '2015-03-25');
});

test('impossible numeric dates and other text are kept as given; ISO and RFC 822 unchanged', () => {
  assert.equal(isoTime('31/02/2015'), '31/02/2015');
  assert.equal(isoTime('25/13/2015'), '25/13/2015');
  assert.equal(isoTime('12/2015'), '12/2015');
  assert.equal(isoTime('2015-03-25T10:00:00+03:00'), '2015-03-25T10:00:00+03:00');
  assert.equal(isoTime('Tue, 10 Jun 2025 08:00:00 GMT'), '2025-06-10T08:00:00Z');
  assert.equal(isoTime('  '), undefined);
});

test('a JSONL record with a day-first date is stored with an ISO published date', () => {
  const item = buildArticle({
    source: 'test.jsonl:1',
    format: 'jsonl',
    text: 'أعلنت بلدية المدينة افتتاح حديقة عامة جديدة في الحي الشمالي يوم الخميس.',
    meta: { published: '19/05/2014' },
  });
  assert.equal(item.kind, 'article');
  assert.equal(item.kind === 'article' ? item.article.published : undefined, '2014-05-19');
});
