/**
 * walk5 (lead, seventeenth session): a brief posted with emoji — labels in bold behind an emoji,
 * key points numbered with keycap digits «1️⃣ 2️⃣ 3️⃣». The keycaps are list marks, not text of the
 * point. Our own sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';

test('key points numbered «1️⃣ 2️⃣ … 🔟» lose their keycaps; a number in the text stays', () => {
  const b = parseBrief(
    'بحث الوزيران اليوم مشروع خط النفط.\n\n**📌 أهمية الخبر:**\nيعيد اللقاء إحياء مشروع متعثر.\n\n' +
      '**🔑 النقاط الرئيسية:**\n1️⃣ اتفق الجانبان على تشكيل فريق فني.\n2⃣ أكد الوزير دعم بلاده.\n🔟 تبلغ الكلفة 9 مليارات دولار.',
  );
  const kp = b.sections.find((s) => s.kind === 'key_points');
  assert.deepEqual(
    kp?.items.map((i) => i.text),
    ['اتفق الجانبان على تشكيل فريق فني.', 'أكد الوزير دعم بلاده.', 'تبلغ الكلفة 9 مليارات دولار.'],
  );
  assert.equal(
    b.sections.find((s) => s.kind === 'why_it_matters')?.paragraphs[0]?.text,
    'يعيد اللقاء إحياء مشروع متعثر.',
  );
});
