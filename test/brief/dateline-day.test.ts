/**
 * walk3: a first line «غزة - الثلاثاء 1 ديسمبر 2026» — a place and a day — is the brief's
 * dateline, not its lead; a place and words that are no date stay text. Our own sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';

const LEAD = 'قالت مصادر محلية إن قصفا استهدف أطراف المدينة فجر اليوم دون أن يسفر عن إصابات.';
const BODY = 'وأضافت المصادر أن فرق الدفاع المدني تعمل على رفع الأنقاض من الشوارع.';

test('«مكان - الثلاثاء 1 ديسمبر 2026» alone on its line is the dateline; the next line is the lead', () => {
  for (const line of [
    'غزة - الثلاثاء 1 ديسمبر 2026',
    'الخرطوم - الأحد 29 نوفمبر 2026',
    'عدن - 30 نوفمبر 2026',
  ]) {
    const b = parseBrief(`${line}\n\n${LEAD}\n\n${BODY}`);
    assert.equal(b.dateline?.text, line, line);
    assert.equal(b.lead[0]?.text, LEAD, line);
  }
});

test('a place and words that are no day, or a weekday that does not fit the date, stay the lead', () => {
  for (const line of ['غزة - الحرب مستمرة', 'غزة - الأربعاء 1 ديسمبر 2026']) {
    const b = parseBrief(`${line}\n\n${LEAD}`);
    assert.equal(b.dateline, undefined, line);
    assert.equal(b.lead[0]?.text, line, line);
  }
});
