/**
 * «أكد الوزير X، خلال لقائه نظيره Y …» then «بحث الجانبان …»: the two sides are the meeting's,
 * though its subject came from the verb of saying — no event with neither source nor target.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorStates, pipelineEvents } from './pipeline.ts';

// Our own article in the brief template.
const TEXT = [
  'أكد وزير الخارجية المغربي، ناصر بوريطة، خلال لقائه نظيره الموريتاني في الرباط اليوم الخميس، أن بلاده حريصة على تطوير العلاقات بين البلدين.',
  '',
  'الصورة العامة:',
  'بحث الجانبان سبل توسيع التبادل التجاري بين البلدين وربط الطرق البرية.',
  '',
  'وأشاد الوزير الموريتاني بالدعم المغربي لمشاريع التنمية.',
].join('\n');

test('«بحث الجانبان» after a meeting told through a verb of saying: the two sides, with their people', () => {
  const events = pipelineEvents(TEXT, '2025-11-06');
  const consult = events.filter((e) => e.type === 'CONSULT');
  assert.ok(consult.length >= 1, JSON.stringify(events.map((e) => e.type)));
  for (const e of consult) {
    assert.ok(e.source.length > 0 && e.target.length > 0, `CONSULT «${e.trigger.text}» has both sides`);
    assert.deepEqual(actorStates([...e.source, ...e.target]), ['MAR', 'MRT'], `«${e.trigger.text}»`);
  }
  const discussed = consult.find((e) =>
    e.evidence.some(([a, b]) => TEXT.slice(a, b).startsWith('بحث الجانبان')),
  );
  assert.ok(discussed, 'the discussion is told as a CONSULT');
  assert.ok(
    discussed.source.some((a) => a.name && a.country === 'MAR'),
    `the Moroccan minister is named among the sides: ${JSON.stringify(discussed.source)}`,
  );
  assert.equal(
    events.some((e) => !e.source.length && !e.target.length),
    false,
    'no event without actors',
  );
});
