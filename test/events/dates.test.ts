import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { daysBetween, findDates, hijriToGregorian, publishedRef } from '../../src/analyze/dates.ts';

const pub = { published: '2025-09-30' }; // a Tuesday
const one = (text: string, opts = pub) => findDates(text, opts)[0];

test('relative days against the publication date', () => {
  assert.equal(one('اليوم')?.value, '2025-09-30');
  assert.equal(one('اليوم الثلاثاء')?.value, '2025-09-30');
  assert.equal(one('اليوم الثلاثاء')?.expression, 'اليوم الثلاثاء');
  assert.equal(one('أمس')?.value, '2025-09-29');
  assert.equal(one('أول أمس')?.value, '2025-09-28');
  assert.equal(one('غدًا')?.value, '2025-10-01');
  assert.equal(one('مساء أمس')?.value, '2025-09-29');
  assert.equal(one('الثلاثاء الماضي')?.value, '2025-09-23');
  assert.equal(one('الخميس المقبل')?.value, '2025-10-02');
  assert.equal(one('يوم الأحد')?.value, '2025-09-28');
  assert.equal(one('ليل السبت')?.value, '2025-09-27');
});

test('weeks, months and years', () => {
  assert.deepEqual([one('الشهر الماضي')?.value, one('الشهر الماضي')?.precision], ['2025-08', 'month']);
  assert.equal(one('الشهر المقبل')?.value, '2025-10');
  assert.deepEqual([one('العام الماضي')?.value, one('العام الماضي')?.precision], ['2024', 'year']);
  assert.equal(one('السنة المقبلة')?.value, '2026');
  assert.equal(one('الأسبوع المقبل')?.value, '2025-10');
  assert.equal(one('في عام 2019')?.value, '2019');
});

test('absolute dates with both month systems', () => {
  assert.deepEqual([one('23 يونيو 2025')?.value, one('23 يونيو 2025')?.precision], ['2025-06-23', 'day']);
  assert.equal(one('23 حزيران')?.value, '2025-06-23');
  assert.equal(one('في 5 كانون الثاني 2024')?.value, '2024-01-05');
  assert.equal(one('تشرين الأول 2023')?.value, '2023-10');
  assert.equal(
    one('1 تشرين الثاني')?.value,
    '2024-11-01',
    'a day far after publication falls in the year before',
  );
  assert.equal(one('١٤ أيلول ٢٠٢٥')?.value, '2025-09-14');
  assert.equal(one('2025-06-23')?.value, '2025-06-23');
  assert.equal(one('23/6/2025')?.value, '2025-06-23');
  assert.equal(one('مارست الضغوط'), undefined, 'a month name inside a word is no date');
});

test('Hijri dates convert with the Umm al-Qura calendar', () => {
  const d = one('12 ربيع الأول 1447 هـ');
  assert.equal(d?.hijri, '1447-03-12');
  assert.equal(d?.value, '2025-09-04');
  assert.equal(hijriToGregorian(1446, 9, 1)?.toISOString().slice(0, 10), '2025-03-01');
  assert.equal(hijriToGregorian(1447, 1, 1)?.toISOString().slice(0, 10), '2025-06-26');
});

test('durations', () => {
  assert.equal(one('الحرب التي استمرت 12 يومًا')?.durationDays, 12);
  assert.equal(one('استمرت خمسة أيام')?.durationDays, 5);
  assert.equal(one('دام أكثر من عامين')?.durationDays, 730);
  assert.equal(one('لمدة أسبوعين')?.durationDays, 14);
});

test('without a publication date, relative expressions stay unresolved', () => {
  const d = findDates('اليوم الثلاثاء', {})[0];
  assert.equal(d?.precision, 'unknown');
  assert.equal(d?.value, undefined);
});

test("publication date from metadata only (the dateline is anchorDate's: test/events/undated.test.ts)", () => {
  assert.equal(publishedRef({ published: '2025-09-30T10:00:00+03:30' })?.value, '2025-09-30');
  assert.equal(publishedRef({ published: '2025-09-30', from: 'text' })?.from, 'text');
  assert.equal(publishedRef({}), undefined);
  assert.equal(daysBetween('2025-09-01', '2025-09-30'), 29);
});

test('every date keeps a span whose text is its expression (property)', () => {
  const parts = [
    'اليوم',
    'أمس',
    'الثلاثاء الماضي',
    '23 يونيو 2025',
    'العام الماضي',
    'استمرت 12 يومًا',
    'قال',
    'الوزير',
    '،',
    '5 رجب 1446 هـ',
    'غدًا',
  ];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 12 }), (ps) => {
      const text = ps.join(' ');
      for (const d of findDates(text, pub)) {
        assert.ok(d.span);
        assert.equal(text.slice(d.span[0], d.span[1]), d.expression);
      }
    }),
    { numRuns: 200 },
  );
});

test('a weekday and then its date are one date: that day, not the weekday before publication', () => {
  const p = { published: '2026-11-28' };
  const one = (text: string) => findDates(text, p).map((d) => [d.expression, d.value, d.hijri]);
  assert.deepEqual(one('سيستقبل يوم الاثنين 30 نوفمبر 2026 نظيره'), [
    ['30 نوفمبر 2026', '2026-11-30', undefined],
  ]);
  assert.deepEqual(one('بحث اليوم الثلاثاء، 24 نوفمبر 2026 الملف'), [
    ['24 نوفمبر 2026', '2026-11-24', undefined],
  ]);
  // a weekday and a date further on stay two
  assert.deepEqual(one('وصل يوم الخميس وغادر في 30 نوفمبر 2026'), [
    ['يوم الخميس', '2026-11-26', undefined],
    ['30 نوفمبر 2026', '2026-11-30', undefined],
  ]);
});

test('a Hijri date «الموافق» a Gregorian one is one date: the Gregorian day as written, the Hijri beside it', () => {
  const got = findDates('استقبل يوم الأربعاء 16 جمادى الآخرة 1448 هـ الموافق 25 نوفمبر 2026 م وزير', {
    published: '2026-11-28',
  });
  assert.equal(got.length, 1);
  assert.equal(got[0]!.expression, '16 جمادى الآخرة 1448 هـ الموافق 25 نوفمبر 2026');
  assert.equal(got[0]!.value, '2026-11-25');
  assert.equal(got[0]!.hijri, '1448-06-16');
});

test('Maghrebi month names: «نونبر», «دجنبر», «جويلية», «ماي», «غشت»', () => {
  const v = (text: string) => findDates(text).map((d) => d.value);
  assert.deepEqual(v('يوم 30 نونبر 2026'), ['2026-11-30']);
  assert.deepEqual(v('في 2 دجنبر 2026'), ['2026-12-02']);
  assert.deepEqual(v('منذ 14 جويلية 2025'), ['2025-07-14']);
  assert.deepEqual(v('في 3 ماي 2024 وفي 20 غشت 2024'), ['2024-05-03', '2024-08-20']);
  assert.deepEqual(v('شتنبر 2023'), ['2023-09']);
  // a bare month name without a day or a year is no date
  assert.deepEqual(v('قالت ماي إن'), []);
});

test('a day in ordinal words before its month: «الثالث من تشرين الأول», «الخامس عشر من كانون الأول المقبل»', () => {
  const p = { published: '2026-11-28' };
  const v = (text: string, opts: { published?: string } = p) =>
    findDates(text, opts).map((d) => [d.expression, d.value ?? d.precision]);
  assert.deepEqual(v('أدانت في الثالث من تشرين الأول قصفا'), [['الثالث من تشرين الأول', '2026-10-03']]);
  assert.deepEqual(v('سيزور في الخامس عشر من كانون الأول المقبل'), [
    ['الخامس عشر من كانون الأول المقبل', '2026-12-15'],
  ]);
  assert.deepEqual(v('في الخامس والعشرين من ديسمبر الماضي'), [
    ['الخامس والعشرين من ديسمبر الماضي', '2025-12-25'],
  ]);
  assert.deepEqual(v('في العاشر من الشهر الجاري'), [['العاشر من الشهر الجاري', '2026-11-10']]);
  assert.deepEqual(v('في الحادي والعشرين من الشهر الماضي'), [
    ['الحادي والعشرين من الشهر الماضي', '2026-10-21'],
  ]);
  assert.deepEqual(v('في الثاني عشر من شهر أكتوبر 2025'), [['الثاني عشر من شهر أكتوبر 2025', '2025-10-12']]);
  // no publication date and no year: found, not resolved
  assert.deepEqual(v('في الأول من نوفمبر', {}), [['الأول من نوفمبر', 'unknown']]);
  // not a date: an ordinal of something else, a day the month has not
  assert.deepEqual(v('هو الثاني من نوعه في المنطقة'), []);
  assert.deepEqual(v('في الحادي والثلاثين من نوفمبر'), []);
});
