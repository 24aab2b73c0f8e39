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

// A Red Sea story written for this test: drones read as marches, a channel named «المسيرة», a danger
// described read as a threat, the one blamed read as the blamer, a ship struck read as no attack,
// and the Gulf of Aden read as the town of Aden.

test('«مسيّرات» with a shadda, drones listed with missiles and «قناة المسيرة» are no marches', () => {
  for (const text of [
    'قالت القيادة الأمريكية إن الضربات دمرت منصات إطلاق صواريخ ومسيّرات.',
    'دمرت الضربات منصات إطلاق مسيرات وصواريخ.',
    'وأفادت قناة المسيرة التابعة للجماعة بسقوط جرحى.',
  ]) {
    const es = pipelineEvents(text, '2026-12-03');
    assert.ok(!es.some((e) => e.type === 'PROTEST'), `${text} ${JSON.stringify(es.map((e) => e.type))}`);
  }
  // a march is still a march
  const march = pipelineEvents('خرجت مسيرات حاشدة في صنعاء تنديدا بالغارات.', '2026-12-03');
  assert.ok(march.some((e) => e.type === 'PROTEST'));
});

test('«كانت تشكل تهديدًا للملاحة» describes a danger; «وجّه تهديدًا» is a threat', () => {
  const posed = pipelineEvents('دمرت الضربات منصات كانت تشكل تهديدا للملاحة.', '2026-12-03');
  assert.ok(!posed.some((e) => e.type === 'THREATEN'), JSON.stringify(posed.map((e) => e.type)));
  const made = pipelineEvents('ووجه وزير الدفاع الإسرائيلي تهديدا مباشرا لإيران.', '2026-12-03');
  assert.ok(made.some((e) => e.type === 'THREATEN'));
});

test('«…، محمّلة الجماعة مسؤولية …»: the participle blames the one after it; the clause subject blames', () => {
  const es = pipelineEvents(
    'ونددت الحكومة اليمنية بالهجمات على السفن، محملة جماعة الحوثي مسؤولية تدهور الأوضاع الإنسانية.',
    '2026-12-03',
  );
  const blames = es.filter((e) => e.type === 'ACCUSE');
  assert.ok(blames.length > 0);
  for (const e of blames) {
    assert.deepEqual(actorCodes(e.source), ['YEM/GOV'], JSON.stringify(e));
    assert.ok(!actorCodes(e.source).includes('YEM/REB'));
  }
  assert.ok(blames.some((e) => actorCodes(e.target).includes('YEM/REB')));
});

test('«استهدف الحوثيون سفينة تجارية في خليج عدن»: an attack on a ship at sea, not on Aden', () => {
  const es = pipelineEvents('استهدف الحوثيون سفينة تجارية في خليج عدن.', '2026-12-03');
  const attack = onlyEvent(es, 'ASSAULT');
  assert.deepEqual(actorCodes(attack.source), ['YEM/REB']);
  // (the merchant ship is what is struck — walk7: a business target, as the gold codes it — not Aden)
  assert.deepEqual(
    attack.target.map((a) => a.sector),
    ['BUS'],
  );
  assert.equal(attack.location, 'خليج عدن');
  // «استهدف» with no armed agent and no one named still aims, it does not attack
  assert.deepEqual(pipelineEvents('استهدف البرنامج الحكومي مواقع سياحية.', '2026-12-03'), []);
});

test('«استشهد شاب برصاص الاحتلال»: whose bullets or fire killed is the source, never the target', () => {
  for (const text of [
    'استشهد شاب برصاص الاحتلال في جنين.',
    'قتل شاب برصاص قوات الاحتلال الإسرائيلي.',
    'أعلنت مصادر طبية مقتل شاب برصاص الاحتلال.',
  ]) {
    const kill = onlyEvent(pipelineEvents(text, '2026-12-03'), 'ASSAULT');
    assert.deepEqual(actorStates(kill.source), ['ISR'], text);
    assert.ok(!actorStates(kill.target).includes('ISR'), `${text} ${JSON.stringify(kill.target)}`);
  }
  const fire = onlyEvent(
    pipelineEvents('قتل جندي إسرائيلي بنيران مسلحين فلسطينيين.', '2026-12-03'),
    'ASSAULT',
  );
  assert.deepEqual(actorStates(fire.source), ['PSE']);
});
