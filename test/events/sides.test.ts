// «الطرفان/الجانبان» after a visit named by a noun, and «وأضاف أن X …» (worktree sides, 2026-11-30):
// two defects an analyst saw, pinned by sentences of our own writing, run through the whole pipeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes, pipelineEvents } from './pipeline.ts';

const events = (text: string, published = '2026-05-12'): EventRecord[] =>
  pipelineEvents(text, published, '2026-05-12T00:00:00Z');

const code = actorCodes;
const show = (es: EventRecord[]) =>
  JSON.stringify(
    es.map((e) => [e.type, e.trigger.text, code(e.source), code(e.target), e.attribution?.speaker?.country]),
  );

test('«الجانبان» after a meeting told by a verb still resolve (no change)', () => {
  // own sentence
  const es = events(
    'استقبل وزير الخارجية المصري نظيره الأردني في القاهرة. وبحث الجانبان سبل تعزيز العلاقات.',
  );
  const talk = es.find((e) => e.trigger.text.includes('بحث'));
  assert.ok(talk, show(es));
  assert.deepEqual(code(talk.source), ['EGY/GOV', 'JOR/GOV'], show(es));
});

test('«وأضاف أن الأردن يدعم …»: the speaker is the one before, the state after «أن» is the doer', () => {
  // own sentences: the speaker of «وأضاف» is named in the sentence before, not after «أن»
  for (const text of [
    'قال وزير الخارجية المصري إن بلاده ترفض التصعيد. وأضاف أن الأردن يدعم جهود التهدئة في المنطقة.',
    'قال وزير الخارجية المصري إن السعودية تدعم الحل السياسي. وأضاف أن الأردن يدعم جهود التهدئة.',
    'أكد وزير الخارجية المصري أن الاجتماع كان مثمرا. وأضاف أن الأردن يدعم جهود التهدئة.',
  ]) {
    const es = events(text);
    const jor = es.find((e) => e.type === 'SUPPORT' && code(e.source).includes('JOR/GOV'));
    assert.ok(jor, show(es));
    assert.equal(jor.attribution?.verb, 'وأضاف', show(es));
    assert.equal(jor.attribution?.speaker?.country, 'EGY', show(es));
  }
});

test('«وأضاف الوزير أن …»: a speaker named after the verb is still the speaker', () => {
  // own sentence
  const es = events(
    'قال الرئيس الفرنسي إن الحوار ضروري. وأضاف وزير الخارجية الإيطالي أن الأردن يدعم جهود التهدئة.',
  );
  const jor = es.find((e) => e.type === 'SUPPORT' && code(e.source).includes('JOR/GOV'));
  assert.ok(jor, show(es));
  assert.equal(jor.attribution?.speaker?.country, 'ITA', show(es));
});
