/**
 * polish13: «أثمن» is the comparative «more precious» («الماء صار أثمن من الذهب», «أثمن ما
 * يملك») far more often than the first person of ثمّن "to praise"; it was coded SUPPORT. The
 * verb is read where it opens a clause and no «من»/«ما» follows («وقال الوزير: أثمن جهود …»).
 * Our own sentences.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { pipelineEvents } from './pipeline.ts';

const events = (text: string): EventRecord[] => pipelineEvents(text, '2026-03-10');

test('the comparative «أثمن» is no SUPPORT event', () => {
  for (const text of [
    'قال وزير الفلاحة المغربي إن الماء صار أثمن من الذهب في المناطق الجافة من المغرب.',
    'أكد رئيس الوزراء الأردني أن الوقت أثمن ما تملكه الحكومة في مواجهة الأزمة.',
    'وصف الرئيس التونسي الاتفاق مع الجزائر بأنه أثمن هدية للشعبين.',
    'قالت وزارة الثقافة المصرية إن المخطوطات أثمن كنوز المكتبة الوطنية.',
  ]) {
    const got = events(text).filter((e) => /ثمن/u.test(e.trigger.text));
    assert.deepEqual(
      got.map((e) => [e.type, e.trigger.text]),
      [],
      text,
    );
  }
});

test('the verb ثمّن stays SUPPORT, in the third person and in a quoted first person', () => {
  for (const [text, word] of [
    ['وثمّن وزير الخارجية الأردني الدعم السعودي للمملكة خلال لقائه نظيره في عمان.', 'ثمّن'],
    ['وقال وزير الخارجية الأردني: "أثمّن جهود المملكة العربية السعودية في دعم الاستقرار".', 'أثمّن'],
  ] as const) {
    const got = events(text).find((e) => e.trigger.text.includes(word));
    assert.equal(
      got?.type,
      'SUPPORT',
      `${text}: ${JSON.stringify(events(text).map((e) => [e.type, e.trigger.text]))}`,
    );
  }
});
