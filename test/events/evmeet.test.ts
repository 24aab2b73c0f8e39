// Event-coding defects seen on real news (worktree evmeet): hypotheticals («لو/لولا» and the «لـ»
// answer past a comma) told as happened, and the head of a delegation («وفد مصري برئاسة وزير
// الخارجية») given the meeting place's state. Sentences are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { onlyEvent as one, pipelineEvents, actorStates as states } from './pipeline.ts';

const events = (text: string): EventRecord[] => pipelineEvents(text, '2025-11-04');

test('«لو … ، لـ + perfect»: the condition and its answer past the comma are conditional, not happened', () => {
  const es = events('القاهرة - لو أن الجيش المصري هاجم المدينة، لفرضت الولايات المتحدة عقوبات على مصر.');
  assert.equal(one(es, 'ASSAULT').modality, 'conditional', 'the condition');
  assert.equal(one(es, 'SANCTION').modality, 'conditional', 'the answer');
  const said = events(
    'تونس - وقال النائب إنه لو كان رئيسا للجمهورية بدلا من الرئيس الحالي، لقام باستدعاء السفير الفرنسي ودعوة الدول العربية إلى سحب سفرائها.',
  );
  assert.equal(one(said, 'SANCTION').modality, 'conditional', 'the answer «لقام باستدعاء»');
  assert.equal(one(said, 'REQUEST').modality, 'conditional', 'what is joined to the answer');
});

test('«لولا»: the answer ends the scope', () => {
  // («لولا X» asserts X: the mediation happened — test/events/entev.test.ts)
  const es = events(
    'غزة - لولا وساطة قطر لهاجم الجيش الإسرائيلي مدينة رفح. وفرضت الولايات المتحدة عقوبات على روسيا.',
  );
  assert.equal(one(es, 'ASSAULT').modality, 'conditional');
  assert.equal(one(es, 'SANCTION').modality, 'happened', 'the next sentence is no hypothetical');
  const after = events(
    'لندن - لو أن الحكومة، التي يرأسها رئيس الوزراء، وقعت الاتفاق مع تركيا، لانسحبت القوات الروسية من ليبيا، فيما فرضت الولايات المتحدة عقوبات على روسيا.',
  );
  assert.equal(one(after, 'AGREE').modality, 'conditional', 'the condition, past a relative clause');
  assert.equal(one(after, 'SANCTION').modality, 'happened', 'a clause after the answer');
  const plain = events('طهران - فرضت الولايات المتحدة عقوبات على إيران، لكن طهران استدعت السفير السويسري.');
  assert.equal(one(plain, 'SANCTION', 'فرضت').modality, 'happened');
  assert.equal(one(plain, 'SANCTION', 'استدعت').modality, 'happened', '«لكن» opens no answer');
  const lula = events(
    'برازيليا - وفرض الرئيس البرازيلي لولا دا سيلفا عقوبات على فنزويلا واستدعى السفير الفنزويلي.',
  );
  assert.ok(
    lula.filter((e) => e.type === 'SANCTION').every((e) => e.modality === 'happened'),
    `Lula is no «لولا»: ${JSON.stringify(lula.map((e) => [e.type, e.modality]))}`,
  );
  assert.ok(lula.some((e) => e.type === 'SANCTION'));
});

test('«عقد وفد مصري برئاسة وزير الخارجية اجتماعا مع وفد قطري في الدوحة»: EGY meets QAT', () => {
  const met = one(
    events('الدوحة - عقد وفد مصري برئاسة وزير الخارجية اجتماعا مع وفد قطري في الدوحة أمس.'),
    'CONSULT',
  );
  assert.deepEqual(states(met.source), ['EGY'], 'the head of the Egyptian delegation, not of the host');
  assert.deepEqual(states(met.target), ['QAT']);
  const from = one(
    events('الدوحة - عقد وفد من مصر برئاسة وزير الخارجية اجتماعا مع وفد قطري في الدوحة.'),
    'CONSULT',
  );
  assert.deepEqual(states(from.source), ['EGY']);
  assert.deepEqual(states(from.target), ['QAT']);
  // the head and the government he serves in are the delegation's side, not the one met
  const talks = one(
    events(
      'بيشاور - وجاء القرار عقب محادثات أجراها وفد أفغاني برئاسة وزير التجارة في حكومة طالبان مع مسؤولين باكستانيين في بيشاور.',
    ),
    'CONSULT',
  );
  assert.deepEqual(states(talks.source), ['AFG']);
  assert.deepEqual(states(talks.target), ['PAK']);
  const peer = one(
    events('القاهرة - عقد وزير الدفاع التونسي اجتماعا مع نظيره الجزائري في القاهرة.'),
    'CONSULT',
  );
  assert.deepEqual(states(peer.source), ['TUN']);
  assert.deepEqual(states(peer.target), ['DZA']);
});
