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

test('a published date written in Arabic words is read; one that is no date is dropped with a warning naming it', () => {
  const build = (published: string) =>
    buildArticle({
      source: 'dates.jsonl:2',
      format: 'jsonl',
      text: 'افتتحت وزارة النقل جسرًا جديدًا فوق النهر يربط ضفتي المدينة بعد عامين من الأشغال.',
      meta: { published },
    });
  const art = (published: string) => {
    const item = build(published);
    assert.equal(item.kind, 'article');
    return item.kind === 'article' ? item.article : undefined;
  };
  assert.equal(art('الأحد 2 مارس 2025')?.published, '2025-03-02');
  assert.equal(art('الثلاثاء، 14 أكتوبر/تشرين الأول 2025 - 10:30')?.published, '2025-10-14');
  assert.equal(art('5 ربيع الأول 1447 هـ')?.published, '2025-08-28');
  // Not 1 January: Date.parse reads «مارس 2025» as a bare year.
  assert.equal(art('مارس 2025')?.published, '2025-03');
  assert.equal(art('12/2015')?.published, '2015-12');
  assert.deepEqual(art('2025-03-02')?.warnings, []);
  for (const bad of ['not a date', '31/02/2015', '2015-13-01', 'أمس']) {
    const a = art(bad);
    assert.equal(a?.published, undefined, bad);
    const w = a?.warnings.find((m) => m.ruleId === 'ingest/unread-date');
    assert.ok(w, `a warning for ${bad}`);
    assert.equal(w.severity, 'warning');
    assert.ok(
      w.reason.startsWith(`dates.jsonl:2: the published date ${JSON.stringify(bad)} is not a date`),
      w.reason,
    );
  }
});
