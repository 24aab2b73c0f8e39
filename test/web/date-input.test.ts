/**
 * The date boxes' reading of what is typed (web/src/dateInput.ts): the boxes were the browser's
 * `<input type=date>`, which showed an Arabic reader «mm/dd/yyyy»; they are text now, year
 * first as the API takes it, and accept what Arabic newsrooms write (Arabic-Indic digits, the
 * day first with the year last) — never month first.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rangeReversed, readDate } from '../../web/src/dateInput.ts';

test('a full date is sent as the native box sent it: yyyy-mm-dd', () => {
  assert.deepEqual(readDate('2025-10-31'), { value: '2025-10-31' });
  assert.deepEqual(readDate('  2025/1/5 '), { value: '2025-01-05' });
  assert.deepEqual(readDate('2025.10.31'), { value: '2025-10-31' });
  assert.deepEqual(readDate(''), { value: '' }, 'an emptied box removes the filter');
  assert.deepEqual(readDate('   '), { value: '' });
});

test('Arabic-Indic and Persian digits, the Arabic date separator, bidi marks', () => {
  assert.deepEqual(readDate('٢٠٢٥-١٠-٣١'), { value: '2025-10-31' });
  assert.deepEqual(readDate('۲۰۲۵/۰۳/۰۹'), { value: '2025-03-09' });
  assert.deepEqual(readDate('٣١؍١٠؍٢٠٢٥'), { value: '2025-10-31' });
  assert.deepEqual(readDate('\u200f2025-10-31\u200e'), { value: '2025-10-31' });
});

test('day first with the year last (31/10/2025) — the order an Arabic reader writes', () => {
  assert.deepEqual(readDate('31/10/2025'), { value: '2025-10-31' });
  assert.deepEqual(readDate('5-3-2025'), { value: '2025-03-05' }, '5 March, not May 3');
  assert.deepEqual(readDate('10/2025'), { value: '2025-10' });
});

test('a year, or a year and month, in a day box: sent as written (the API takes them)', () => {
  assert.deepEqual(readDate('2025'), { value: '2025' });
  assert.deepEqual(readDate('2025-7'), { value: '2025-07' });
});

test('not a date: refused with the reason, nothing to send', () => {
  for (const bad of ['garbage', '10/31/2025x', '2025-10-31-1', '31 أكتوبر', '202-10-01', '12345'])
    assert.deepEqual(readDate(bad), { error: 'format' }, bad);
  assert.deepEqual(readDate('10/31/2025'), { error: 'calendar' }, 'month first reads as month 31');
  assert.deepEqual(readDate('2025-02-30'), { error: 'calendar' });
  assert.deepEqual(readDate('2025-13'), { error: 'calendar' });
  assert.deepEqual(readDate('2024-02-29'), { value: '2024-02-29' }, 'a leap day');
  assert.deepEqual(readDate('2025-02-29'), { error: 'calendar' });
});

test('a month box takes a year and month only', () => {
  assert.deepEqual(readDate('2025-10', 'month'), { value: '2025-10' });
  assert.deepEqual(readDate('١٠/٢٠٢٥', 'month'), { value: '2025-10' });
  assert.deepEqual(readDate('', 'month'), { value: '' });
  assert.deepEqual(readDate('2025-10-31', 'month'), { error: 'format' });
  assert.deepEqual(readDate('2025', 'month'), { error: 'format' });
});

test('a range whose start is after its end is told apart from an empty one', () => {
  assert.equal(rangeReversed('2025-11-01', '2025-10-31'), true);
  assert.equal(rangeReversed('2025-11', '2025-10'), true);
  assert.equal(rangeReversed('2026', '2025-12-31'), true);
  assert.equal(rangeReversed('2025-10-31', '2025-10'), false, '2025-10 runs to the 31st');
  assert.equal(rangeReversed('2025-10-01', '2025-10-01'), false);
  assert.equal(rangeReversed('2025-10-01', undefined), false);
  assert.equal(rangeReversed('garbage', '2025-10-01'), false, 'a refused value is said elsewhere');
});
