// Event-coding defects of round evdef2: the door open «أمام المفاوضات», an embassy of no named state
// attacked in datelined copy, the hurt of «أصيب … في القصف», correction notes, «إذا ما». Sentences
// are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes as codes, onlyEvent as one, pipelineEvents, actorStates as states } from './pipeline.ts';

const events = (text: string, published = '2025-11-07'): EventRecord[] => pipelineEvents(text, published);
const types = (es: EventRecord[]) => es.map((e) => e.type);

test('«الباب لم يغلق أمام المفاوضات», «الأبواب مفتوحة أمام التوصل إلى اتفاق»: no talks, no agreement', () => {
  for (const text of [
    'وأكد المتحدث أن الباب لم يغلق أمام المفاوضات مع الجانب الأمريكي.',
    'الدوحة - قالت قطر إنها تبقي الباب مفتوحا أمام استئناف الحوار مع إيران.',
    'القاهرة - قال الوزير إن الأبواب مفتوحة أمام التوصل إلى اتفاق.',
  ])
    assert.deepEqual(types(events(text)), [], text);
  // talks held before the press are talks
  assert.deepEqual(types(events('الدوحة - بدأت المفاوضات أمام وسائل الإعلام يوم الأحد.')), ['CONSULT']);
});

test('an embassy attacked with no state named has no target — never the dateline’s state', () => {
  const es = events('بيروت - أدانت الخارجية الهجوم على السفارة يوم الاثنين.');
  assert.deepEqual(one(es, 'ASSAULT').target, [], JSON.stringify(one(es, 'ASSAULT').target));
  assert.deepEqual(states(one(es, 'ACCUSE').source), ['LBN']);
  const raid = one(events('بيروت - اقتحم محتجون القنصلية يوم الاثنين.'), 'COERCE');
  assert.deepEqual(raid.target, [], JSON.stringify(raid.target));
  // the embassy's state when it is named
  for (const text of [
    'بيروت - أدانت الخارجية اللبنانية الهجوم على السفارة الكويتية في بغداد.',
    'بيروت - أدانت الخارجية اللبنانية الهجوم على سفارة الكويت في بغداد.',
  ])
    assert.deepEqual(codes(one(events(text), 'ASSAULT').target), ['KWT/GOV'], text);
});

test('«أصيب ثلاثة مواطنين في القصف»: the hurt are the target, the attacker (if named) the source', () => {
  const shelled = one(events('بيروت - أصيب ثلاثة مواطنين في القصف.'), 'ASSAULT');
  assert.deepEqual(shelled.source, [], JSON.stringify(shelled.source));
  assert.deepEqual(codes(shelled.target), ['LBN/CVL']);
  const israeli = one(events('أصيب ثلاثة مواطنين بجروح في القصف الإسرائيلي على بلدة في الجنوب.'), 'ASSAULT');
  assert.deepEqual(states(israeli.source), ['ISR']);
  assert.ok(
    israeli.target.every((a) => a.sector === 'CVL'),
    JSON.stringify(israeli.target),
  );
  const soldiers = one(events('أصيب ثلاثة جنود إسرائيليين في هجوم على موقع عسكري.'), 'ASSAULT');
  assert.deepEqual(soldiers.source, [], JSON.stringify(soldiers.source));
  assert.deepEqual(codes(soldiers.target), ['ISR/MIL']);
  // the ones who report the toll do not strike
  const told = one(events('غزة - قالت وزارة الصحة إن ثلاثة أصيبوا جراء الغارة.'), 'ASSAULT');
  assert.deepEqual(told.source, [], JSON.stringify(told.source));
});

test('a correction note («تصحيح: ورد في نسخة سابقة …») is no event', () => {
  assert.deepEqual(
    types(
      events('تصحيح: ورد في نسخة سابقة من هذا الخبر أن مصر والسودان وقعتا اتفاقا، والصحيح أنهما لم توقعا.'),
    ),
    [],
  );
  const es = events(
    'القاهرة - التقى الرئيس المصري نظيره السوداني يوم الأحد.\nتصحيح: ورد في نسخة سابقة من هذا الخبر أن البلدين وقعا اتفاقا لتقاسم المياه. والصحيح أن الرئيسين اتفقا على مواصلة المشاورات.',
  );
  assert.deepEqual(types(es), ['CONSULT']);
  assert.deepEqual(
    types(
      events(
        'القاهرة - التقى الرئيس المصري نظيره السوداني يوم الأحد.\n(تصويب) - نُشر في نسخة سابقة أن الجيش قصف القرية.',
      ),
    ),
    ['CONSULT'],
  );
  // «تصحيح» as a word of the story is no note
  assert.deepEqual(types(events('القاهرة - وقعت مصر والسودان اتفاقا لتصحيح مسار التعاون يوم الأحد.')), [
    'AGREE',
  ]);
});

test('«إذا ما فرضت واشنطن عقوبات»: conditional, not denied', () => {
  for (const text of [
    'إذا ما فرضت واشنطن عقوبات على طهران فستنهار المفاوضات.',
    'طهران - قال الوزير إنه إذا ما فرضت واشنطن عقوبات جديدة على بلاده فإنها سترد.',
  ]) {
    const sanction = one(events(text), 'SANCTION');
    assert.equal(sanction.modality, 'conditional', text);
    assert.equal(sanction.negated, false, text);
  }
  assert.equal(one(events('ما فرضت واشنطن عقوبات على طهران.'), 'SANCTION').modality, 'denied');
  assert.equal(
    one(events('لو قررت الحكومة المصرية فرض عقوبات على الشركات فإن الأسعار سترتفع.'), 'SANCTION').modality,
    'conditional',
  );
});

test('«أمس الخميس» is that Thursday, not the day before publication nor the announcement’s «اليوم»', () => {
  // copy dated Saturday, or Thursday by UTC while it is Friday where it was written
  for (const published of ['2025-11-07', '2025-11-08', '2025-11-06T22:30:00Z']) {
    const killed = one(events('غزة - قُتل خمسة أشخاص أمس الخميس في قصف على مخيم.', published), 'ASSAULT');
    assert.equal(killed.date?.value, '2025-11-06', published);
  }
  // the ministry announced today what happened yesterday
  const announced = one(events('غزة - أعلنت وزارة الصحة اليوم مقتل خمسة أشخاص أمس الخميس.'), 'ASSAULT');
  assert.equal(announced.date?.value, '2025-11-06', JSON.stringify(announced.date));
  // with no date of its own the nominal keeps the one before it
  const today = one(events('غزة - أعلنت وزارة الصحة اليوم مقتل خمسة أشخاص.'), 'ASSAULT');
  assert.equal(today.date?.value, '2025-11-07');
});

test('«شن الجيش الإسرائيلي غارات جوية على …»: one ASSAULT airstrike by Israel, not a bare «شن» attack', () => {
  for (const text of [
    'شنّ الجيش الإسرائيلي غاراتٍ جويةً على بلدات في جنوب لبنان.',
    'بيروت - شنّ الجيش الإسرائيلي غارات جوية، فجر اليوم، على بلدات جنوبية.',
    'يشن الجيش الإسرائيلي منذ أيام غارات جوية على القطاع.',
  ]) {
    const es = events(text);
    assert.equal(es.length, 1, `${text}: ${JSON.stringify(es.map((e) => [e.type, e.mode, e.trigger.text]))}`);
    assert.equal(es[0]!.type, 'ASSAULT');
    assert.equal(es[0]!.mode, 'airstrike', text);
    assert.deepEqual(codes(es[0]!.source), ['ISR/MIL'], text);
  }
  // «شن حملة اعتقالات» is the arrests, no attack
  assert.deepEqual(types(events('شن الجيش حملة اعتقالات واسعة في المدينة.')), ['COERCE']);
  // a «بـ» phrase between the verb and what it wages is not what it wages: the army's operations
  // stay the army's
  const waged = events('ويشن الجيش، مدعوما بضربات جوية أمريكية، عمليات عسكرية ضد معاقل المسلحين منذ أشهر.');
  assert.ok(
    waged.some((e) => e.type === 'ASSAULT' && codes(e.source).join() === '-/MIL'),
    JSON.stringify(waged.map((e) => [e.type, e.mode, e.trigger.text, codes(e.source)])),
  );
});

test('«قرر الاتحاد الأوروبي رفع العقوبات الأممية»: the one who decides lifts them, «الأممية» is whose they are', () => {
  for (const text of [
    'بروكسل - قرر الاتحاد الأوروبي رفع العقوبات الأممية عن سوريا.',
    'بروكسل - الاتحاد الأوروبي قرر رفع العقوبات الأممية عن سوريا.',
  ]) {
    const lifted = one(events(text), 'CONCEDE');
    assert.deepEqual(
      lifted.source.map((a) => a.entityId),
      ['org:eu'],
      `${text}: ${JSON.stringify(lifted.source)}`,
    );
    assert.deepEqual(states(lifted.target), ['SYR'], JSON.stringify(lifted.target));
  }
  const snapback = one(
    events('طهران - أعادت بريطانيا وفرنسا وألمانيا فرض العقوبات الأممية على إيران.'),
    'SANCTION',
  );
  assert.deepEqual(states(snapback.source), ['DEU', 'FRA', 'GBR'], JSON.stringify(snapback.source));
  assert.deepEqual(states(snapback.target), ['IRN']);
  // the ambassador's state after «طرد السفير» stays the target
  assert.deepEqual(states(one(events('القاهرة - قررت مصر طرد السفير الإسرائيلي.'), 'SANCTION').target), [
    'ISR',
  ]);
});

test('«وأضاف كريم بنعلي أنه …»: a new speaker named after the verb is the source, not the one before', () => {
  const es = events(
    'القاهرة - قال وزير الخارجية المصري إن بلاده تدين الهجوم. وأضاف كريم بنعلي أنه يدعم الاتفاق.',
  );
  const backs = one(es, 'SUPPORT');
  assert.deepEqual(
    backs.source.map((a) => a.entityId),
    ['person:karim-banali'],
    JSON.stringify(backs.source),
  );
  assert.equal(backs.attribution?.speaker?.entityId, 'person:karim-banali');
  const visit = one(events('باريس - وأضافت ماري دوبوا أنها ستزور الجزائر الأسبوع المقبل.'), 'CONSULT');
  assert.deepEqual(
    visit.source.map((a) => a.entityId),
    ['person:mari-dubwa'],
    JSON.stringify(visit.source),
  );
  // «وأضاف أن …» with no name continues the speaker before
  const same = events('القاهرة - قال وزير الخارجية المصري إن بلاده تدين الهجوم، وأضاف أنه يدعم الاتفاق.');
  assert.deepEqual(states(one(same, 'SUPPORT').source), ['EGY']);
});

test('«قال الوزير إنه التقى الرئيس السوداني»: «إنه» is the subject, the one after the verb its object', () => {
  const met = one(
    events('القاهرة - قال وزير الخارجية المصري إنه التقى الرئيس السوداني يوم الأحد.'),
    'CONSULT',
  );
  assert.deepEqual(states(met.source), ['EGY'], JSON.stringify(met.source));
  assert.deepEqual(states(met.target), ['SDN'], JSON.stringify(met.target));
  for (const text of [
    'القاهرة - قال وزير الخارجية المصري إنه سيزور الخرطوم الأسبوع المقبل.',
    'القاهرة - قالت وزيرة التخطيط المصرية إنها ستزور الخرطوم الأسبوع المقبل.',
  ]) {
    const visit = one(events(text), 'CONSULT');
    assert.deepEqual(states(visit.source), ['EGY'], `${text}: ${JSON.stringify(visit.source)}`);
    assert.deepEqual(states(visit.target), ['SDN'], text);
    assert.equal(visit.modality, 'intended');
  }
  // «إن» with no pronoun: the subject is after it
  const said = one(
    events('القاهرة - قال الوزير إن الرئيس السوداني التقى نظيره المصري يوم الأحد.'),
    'CONSULT',
  );
  assert.deepEqual(states(said.source), ['SDN'], JSON.stringify(said.source));
});

test('«أوبك+», «تحالف أوبك+», «"أوبك+"»: OPEC is the source, not the Riyadh-datelined state before it', () => {
  const opec = (es: EventRecord[], type: string) => one(es, type).source.map((a) => a.entityId);
  for (const text of [
    'الرياض - قالت السعودية إنها تدعم استقرار السوق. واتفقت «أوبك+» على خفض الإنتاج.',
    'الرياض - اتفق تحالف أوبك+ على زيادة الإنتاج.',
    'فيينا - اتفقت دول أوبك+ على خفض الإنتاج يوم الأحد.',
    'الرياض - اتفقت "أوبك+" على خفض الإنتاج.',
  ])
    assert.deepEqual(opec(events(text), 'AGREE'), ['org:opec'], text);
  const welcomed = events('الرياض - رحبت السعودية بالاتفاق. ورحب تحالف أوبك+ بالقرار.').filter(
    (e) => e.type === 'SUPPORT',
  );
  assert.deepEqual(
    welcomed.map((e) => [e.source.map((a) => a.entityId ?? a.country), e.target.map((a) => a.entityId)]),
    [
      [['country:SAU'], []],
      [['org:opec'], []],
    ],
  );
  // nor OPEC welcoming itself
  const own = one(events('الرياض - رحبت «أوبك+» بالاتفاق.'), 'SUPPORT');
  assert.deepEqual(
    own.source.map((a) => a.entityId),
    ['org:opec'],
  );
  assert.deepEqual(own.target, []);
});

test('«إن خمسة أشخاص قُتلوا أمس»: the people before a verb of killing with no object were killed', () => {
  for (const text of [
    'غزة - قالت الوزارة اليوم إن خمسة أشخاص قُتلوا أمس الخميس.',
    'بيروت - قالت مصادر إن خمسة أشخاص قتلوا أمس الخميس في غارة.',
  ]) {
    const killed = one(events(text), 'ASSAULT');
    assert.deepEqual(killed.source, [], `${text}: ${JSON.stringify(killed.source)}`);
    assert.ok(
      killed.target.length > 0 && killed.target.every((a) => a.sector === 'CVL'),
      JSON.stringify(killed.target),
    );
  }
  // with an object after the verb, the ones before it killed
  const armed = one(events('قالت الشرطة إن المسلحين قتلوا خمسة مدنيين.'), 'ASSAULT');
  assert.deepEqual(codes(armed.source), ['-/REB']);
});
