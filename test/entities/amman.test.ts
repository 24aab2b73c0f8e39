import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';

// «عمان» names Oman, and Amman, the capital of Jordan. Sentences written for this test.
const idsOf = (text: string, surface: string) =>
  findEntities(text, { tagger: 'off' })
    .mentions.filter((m) => m.text === surface)
    .map((m) => m.entityId);

test('«عمان»: Amman next to Jordan, with its shadda, or in an article about Jordan only', () => {
  assert.deepEqual(idsOf('وصل الوفد إلى العاصمة الأردنية عمان أمس للمشاركة في مؤتمر إقليمي.', 'عمان'), [
    'city:jor-amman',
  ]);
  assert.deepEqual(idsOf('عمان (الأردن) - أعلنت الحكومة أمس خطة جديدة.', 'عمان'), ['city:jor-amman']);
  assert.deepEqual(idsOf('وصل الوفد إلى عمّان صباح اليوم.', 'عمّان'), ['city:jor-amman']);
  // Acting, it stands for its state (as any capital does).
  assert.deepEqual(
    idsOf('استضافت عمان أمس اجتماعا، وقال وزير الخارجية الأردني إن بلاده ترحب بالمشاركين.', 'عمان'),
    ['country:JOR'],
  );
});

test('«عمان»: Oman by default, with Omani cues, and in a list of states', () => {
  assert.deepEqual(idsOf('زار الوزير سلطنة عمان أمس، وقال إن عمان شريك مهم.', 'عمان'), ['country:OMN']);
  assert.deepEqual(idsOf('قال مسؤول في عمان إن الاجتماع المقبل سيعقد في مسقط.', 'عمان'), ['country:OMN']);
  assert.deepEqual(idsOf('شاركت السعودية والإمارات وقطر وعمان والأردن في الاجتماع.', 'وعمان'), []);
  const list = findEntities('شاركت السعودية والإمارات وقطر وعمان والأردن في الاجتماع.', { tagger: 'off' });
  assert.ok(list.mentions.some((m) => m.text === 'عمان' && m.entityId === 'country:OMN'));
  assert.ok(!list.mentions.some((m) => m.entityId === 'city:jor-amman'));
});
