// walk4 (lead, sixteenth session): a Moroccan–Spanish meeting written for this test. «ألباريس»
// (the Spanish minister Albares) was read as «ال» + «باريس», France; «اليوم الأربعاء بالرباط» made
// Rabat the one received instead of the counterpart named after the inset.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { actorCodes, actorStates, onlyEvent, pipelineEvents } from './pipeline.ts';

test('a capital never takes the article: «ألباريس» is no «باريس»', () => {
  const es = pipelineEvents(
    'استقبل رئيس الحكومة الإسبانية وزير الخارجية الإسباني ألباريس. وأشاد ألباريس بالتعاون مع المغرب.',
    '2026-12-02',
  );
  for (const e of es) {
    assert.ok(
      !actorStates([...e.source, ...e.target]).includes('FRA'),
      JSON.stringify([e.type, e.source, e.target]),
    );
  }
  // the same capital without the article still is France's
  const paris = onlyEvent(pipelineEvents('أشاد الوزير المغربي بباريس.', '2026-12-02'), 'SUPPORT');
  assert.deepEqual(actorStates(paris.target), ['FRA']);
});

test('«، اليوم الأربعاء بالرباط، نظيره …»: the capital after a word of time is where, the counterpart whom', () => {
  const es = pipelineEvents(
    'استقبل وزير الخارجية المغربي ناصر بوريطة، اليوم الأربعاء بالرباط، نظيره الإسباني خوسيه ألباريس.',
    '2026-12-02',
  );
  const meet = onlyEvent(es, 'CONSULT');
  assert.deepEqual(actorCodes(meet.source), ['MAR/GOV']);
  assert.deepEqual(actorCodes(meet.target), ['ESP/GOV']);
  assert.equal(meet.location, 'الرباط');
  // after a verb, «بالرياض» is whom: praised, not where
  const praise = onlyEvent(pipelineEvents('أشاد وزير الخارجية المغربي بالرياض.', '2026-12-02'), 'SUPPORT');
  assert.deepEqual(actorStates(praise.target), ['SAU']);
});

test('«قبل أيام من اجتماع أوبك+ المقرر»: a scheduled meeting is intended, not recalled', () => {
  const es = pipelineEvents(
    'أعلنت الكويت، اليوم الخميس، رفع إنتاجها النفطي قبل أيام من اجتماع تحالف أوبك+ المقرر في فيينا.',
    '2026-12-03',
  );
  const meet = onlyEvent(es, 'CONSULT');
  assert.equal(meet.modality, 'intended');
  assert.ok(!meet.background);
});
