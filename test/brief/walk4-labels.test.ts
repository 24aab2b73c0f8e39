/**
 * walk4 (lead, sixteenth session): Axios-style labels other outlets write — «الصورة الأكبر»,
 * «ما يجب معرفته», «بين السطور» — and any short phrase alone on its line with «:» and a list under
 * it, in an article that has known labels. A quotation opened with «:» stays text. Our own sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';

const HEAD =
  'مسقط تستضيف جولة محادثات جديدة\n\nأعلنت الخارجية العمانية أن مسقط ستستضيف جولة محادثات الأسبوع المقبل.\n\n';

test('«الصورة الأكبر», «ما يجب معرفته», «بين السطور» are the template’s sections', () => {
  const b = parseBrief(
    `${HEAD}لماذا يهم:\nتأتي الجولة بعد توقف طويل.\n\nالصورة الأكبر:\n• تتوسط عمان منذ سنوات.\n\nما يجب معرفته:\n1. سيترأس الوزير وفد بلاده.\n2. لم يعلن الطرف الآخر وفده.\n\nبين السطور:\nيرى مراقبون أن الجولة اختبار للنوايا.`,
  );
  assert.deepEqual(
    b.sections.map((s) => [s.kind, s.label]),
    [
      ['why_it_matters', 'لماذا يهم'],
      ['big_picture', 'الصورة الأكبر'],
      ['key_points', 'ما يجب معرفته'],
      ['deeper_look', 'بين السطور'],
    ],
  );
  assert.deepEqual(
    b.sections[2]!.items.map((i) => i.text),
    ['سيترأس الوزير وفد بلاده.', 'لم يعلن الطرف الآخر وفده.'],
  );
});

test('a short phrase alone with «:» over a list is a section; «وقال الوزير:» over a list is not', () => {
  const b = parseBrief(
    `${HEAD}أهمية الخبر:\nتأتي الجولة بعد توقف طويل.\n\nما الذي تغير:\n• وسيط جديد.\n• جدول أقصر.\n\nوقال الوزير:\n• نريد اتفاقا عادلا.`,
  );
  assert.deepEqual(
    b.sections.map((s) => s.label),
    ['أهمية الخبر', 'ما الذي تغير'],
  );
  // the quotation stays in the section before it: its opening line as text, its list as items
  assert.deepEqual(
    b.sections[1]!.paragraphs.map((p) => p.text),
    ['وقال الوزير:'],
  );
  assert.deepEqual(
    b.sections[1]!.items.map((p) => p.text),
    ['وسيط جديد.', 'جدول أقصر.', 'نريد اتفاقا عادلا.'],
  );
  // with no list under it, the phrase stays text
  const c = parseBrief(
    `${HEAD}أهمية الخبر:\nتأتي الجولة بعد توقف طويل.\n\nما الذي تغير:\nوسيط جديد وجدول أقصر.`,
  );
  assert.deepEqual(
    c.sections.map((s) => s.label),
    ['أهمية الخبر'],
  );
});
