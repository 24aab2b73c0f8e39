// A newsroom editor's walk (worktree walk, 2026-12-02): the date an article writes between a
// meeting's host and its guest — a weekday and a day («، يوم الأربعاء 25 نوفمبر 2026،»), a Hijri
// date «الموافق» a Gregorian one — is an inset: the guest after it is still the one met; and the
// event takes that day. Every sentence here is written for this test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes, pipelineEvents } from './pipeline.ts';

const events = (text: string, published = '2026-11-28'): EventRecord[] =>
  pipelineEvents(text, published, '2026-11-28T00:00:00Z');
const show = (es: EventRecord[]) =>
  JSON.stringify(
    es.map((e) => [e.type, e.trigger.text, actorCodes(e.source), actorCodes(e.target), e.date?.value]),
  );

test('a dated inset between host and guest: the guest is the target, the day the date', () => {
  for (const [text, date, hijri] of [
    [
      'استقبل رئيس مجلس الوزراء المصري مصطفى مدبولي، يوم الأربعاء 25 نوفمبر 2026، وزير الخارجية التركي هاكان فيدان لبحث الاستثمارات.',
      '2026-11-25',
      undefined,
    ],
    [
      'استقبل رئيس مجلس الوزراء المصري مصطفى مدبولي، يوم الأربعاء 15 جمادى الآخرة 1448 هـ الموافق 25 نوفمبر 2026 م، وزير الخارجية التركي هاكان فيدان لبحث الاستثمارات.',
      '2026-11-25',
      '1448-06-15',
    ],
    [
      'استقبل الرئيس التونسي قيس سعيد، يوم الاثنين 30 نونبر 2026، وزير الخارجية الجزائري أحمد عطاف بقصر قرطاج.',
      '2026-11-30',
      undefined,
    ],
  ] as const) {
    const es = events(text);
    const meet = es.find((e) => e.type === 'CONSULT');
    assert.ok(meet, show(es));
    assert.equal(actorCodes(meet.target).length, 1, show(es));
    assert.notEqual(actorCodes(meet.target)[0], actorCodes(meet.source)[0], show(es));
    assert.match(actorCodes(meet.target)[0]!, /^(?:TUR|DZA)\//u, show(es));
    assert.equal(meet.date?.value, date, show(es));
    assert.equal(meet.date?.hijri, hijri, show(es));
  }
});
