/**
 * walk4 (lead, sixteenth session, left by ingdef2): a text file whose first line is only a date
 * («الثلاثاء 1 ديسمبر 2026», «2026-12-01») — `khabar brief` took that line for the lead. It is the
 * dateline's date; the next paragraph is the lead. A date later in the text stays text. Our own sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';

const LEAD = 'أعلنت الحكومة اليوم خطة جديدة للنقل العام في العاصمة.';
const BODY = 'وقال الوزير إن الخطة تبدأ الشهر المقبل.';

test('a first line that is only a date is the dateline, not the lead', () => {
  for (const line of ['الثلاثاء 1 ديسمبر 2026', '2026-12-01', '  1 ديسمبر 2026  ']) {
    const b = parseBrief(`${line}\n\n${LEAD}\n\n${BODY}`);
    assert.equal(b.dateline?.text, line.trim(), line);
    assert.equal(b.lead[0]?.text, LEAD, line);
  }
  // a date as the second paragraph is text, and a line with more than a date is the lead
  const later = parseBrief(`${LEAD}\n\nالثلاثاء 1 ديسمبر 2026\n\n${BODY}`);
  assert.equal(later.dateline, undefined);
  assert.equal(later.lead[0]?.text, LEAD);
  const sentence = parseBrief(`الثلاثاء 1 ديسمبر 2026 أعلنت الحكومة خطة.\n\n${BODY}`);
  assert.equal(sentence.dateline, undefined);
});
