/** A credit line opening an article («بقلم …», «كتب: …») is its byline, not its lead. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';

const BODY =
  'التقى وزير الخارجية الأردني اليوم في مسقط نظيره العماني، وبحث الجانبان تعزيز العلاقات الثنائية.\n\n' +
  'وأشار الوزير العماني إلى أن بلاده تتطلع إلى توسيع التبادل التجاري.';

test('«بقلم X», «كتب: X», «إعداد - X» on the first line are the byline; the lead is the first paragraph', () => {
  for (const credit of ['بقلم سارة الخطيب', 'كتب: محمد علي حسن', 'إعداد - منى حسن', 'كتبت ليلى يوسف']) {
    const text = `${credit}\n\n${BODY}`;
    const b = parseBrief(text);
    assert.equal(b.byline?.text, credit, credit);
    assert.deepEqual(b.byline?.span, [0, credit.length]);
    assert.match(b.lead[0]!.text, /^التقى وزير الخارجية الأردني/u, credit);
    assert.equal(b.body.length, 1, credit);
  }
});

test('after a dateline line, the credit on the next line is the byline', () => {
  const b = parseBrief(`عمان - وكالة الأنباء\nبقلم سارة الخطيب\n\n${BODY}`);
  assert.equal(b.byline?.text, 'بقلم سارة الخطيب');
  assert.match(b.lead[0]!.text, /^التقى/u);
});

test('a sentence opening with «كتبت» or a long «بقلم» line is no credit; a closing byline stays the byline', () => {
  const sentence = parseBrief(`كتبت الصحيفة افتتاحية طويلة عن الانتخابات\n\n${BODY}`);
  assert.equal(sentence.byline, undefined);
  assert.match(sentence.lead[0]!.text, /^كتبت الصحيفة/u);
  const numbers = parseBrief(`بقلم 3 كتاب من المركز\n\n${BODY}`);
  assert.equal(numbers.byline, undefined);
  const both = parseBrief(`بقلم سارة الخطيب\n\n${BODY}\n\nمنى حسن`);
  assert.equal(both.byline?.text, 'منى حسن');
  assert.equal(both.trailing[0]?.text, 'بقلم سارة الخطيب');
  assert.match(both.lead[0]!.text, /^التقى/u);
});

test('a drafted brief and a search snippet leave the credit out (withoutTemplate)', async () => {
  const { compose } = await import('../../src/compose/compose.ts');
  const { withoutTemplate } = await import('../../src/brief/template.ts');
  const text = `بقلم سارة الخطيب\n\n${BODY}`;
  const drafted = compose(text);
  assert.match(drafted.lead[0]!.text, /^التقى وزير الخارجية/u);
  const blanked = withoutTemplate(text);
  assert.equal(blanked.length, text.length);
  assert.doesNotMatch(blanked, /بقلم/u);
});
