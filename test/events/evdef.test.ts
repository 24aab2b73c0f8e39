// Event-coding defects of round evdef: deadlines taken as the event's date, «أوائل الشهر», the
// condemned act's adjective-demonym agent («قصفًا إسرائيليًا», «هجومًا حوثيًا»), «هاجم» + an
// abstract object, the attendees of a meeting, «الباب لم يغلق», reciprocal agreements, a
// ministry's state, the UN envoy, «باسم», an attacker filled into its own target. Sentences are
// our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes as codes, onlyEvent as one, pipelineEvents, actorStates as states } from './pipeline.ts';

const events = (text: string): EventRecord[] => pipelineEvents(text, '2025-11-04');
const types = (es: EventRecord[]) => es.map((e) => e.type);

test('a deadline or a horizon («بحلول عام 2030», «في أفق عام 2035», «حتى عام 2028») is no event date', () => {
  for (const text of [
    'القاهرة - وقعت مصر والسعودية اتفاقا لخفض الانبعاثات بحلول عام 2030.',
    'الرباط - وقع المغرب وفرنسا اتفاقا لتحلية المياه في أفق عام 2035.',
    'عمان - وقع الأردن اتفاقا مع العراق يمتد حتى عام 2028.',
  ]) {
    const agree = one(events(text), 'AGREE');
    assert.equal(agree.date?.value, undefined, `${text}: ${JSON.stringify(agree.date)}`);
    assert.equal(agree.modality, 'happened', text);
  }
  // the act's own date is still read beside the deadline
  const dated = one(
    events('القاهرة - وقعت مصر والسعودية يوم الاثنين اتفاقا لخفض الانبعاثات بحلول عام 2030.'),
    'AGREE',
  );
  assert.equal(dated.date?.value, '2025-11-03');
});

test('«أوائل/اوائل الشهر», «أواخر الشهر الماضي»: the month named', () => {
  const at = (text: string) => one(events(text), 'CONSULT').date;
  assert.equal(at('القاهرة - زار الرئيس المصري الرياض اوائل الشهر.')?.value, '2025-11');
  assert.equal(at('القاهرة - زار الرئيس المصري الرياض أوائل الشهر.')?.expression, 'أوائل الشهر');
  assert.equal(at('القاهرة - يزور الرئيس المصري الرياض أوائل الشهر المقبل.')?.value, '2025-12');
  assert.equal(at('القاهرة - زار الرئيس المصري الرياض أواخر الشهر الماضي.')?.value, '2025-10');
});

test('«أدانت لبنان قصفًا إسرائيليًا»: ACCUSE Lebanon → Israel, ASSAULT by Israel; «هجومًا حوثيًا» too', () => {
  const es = events('بيروت - أدانت لبنان قصفا إسرائيليا استهدف قرية في الجنوب يوم الثلاثاء.');
  const accuse = one(es, 'ACCUSE');
  assert.deepEqual(states(accuse.source), ['LBN']);
  assert.deepEqual(states(accuse.target), ['ISR'], JSON.stringify(accuse.target));
  const shelling = one(es, 'ASSAULT');
  assert.deepEqual(states(shelling.source), ['ISR'], JSON.stringify(shelling.source));
  assert.ok(!shelling.target.some((a) => a.country === 'ISR'), JSON.stringify(shelling.target));
  const houthi = events('الرياض - أدانت السعودية هجوما حوثيا على ميناء جازان يوم الجمعة.');
  assert.deepEqual(codes(one(houthi, 'ACCUSE').target), ['YEM/REB']);
  assert.deepEqual(codes(one(houthi, 'ASSAULT').source), ['YEM/REB']);
  assert.deepEqual(codes(one(events('القاهرة - أدانت مصر الهجمات الحوثية على السفن.'), 'ASSAULT').source), [
    'YEM/REB',
  ]);
  // a request so read keeps its verb reading: the one who rejects it is the one asked
  const req = one(events('بنوم بنه - رفض رئيس الوزراء الكمبودي طلبا فيتناميا بوقف المشروع.'), 'REQUEST');
  assert.deepEqual(states(req.target), ['KHM'], JSON.stringify(req.target));
});

test('«هاجم» a policy, a decision, a stance is ACCUSE (criticism), not ASSAULT', () => {
  const policy = events('عمان - هاجم وزير الخارجية الأردني سياسة الحكومة الإسرائيلية يوم الاثنين.');
  assert.deepEqual(types(policy), ['ACCUSE']);
  assert.equal(policy[0]!.mode, 'criticize');
  assert.deepEqual(states(policy[0]!.target), ['ISR']);
  assert.deepEqual(types(events('القاهرة - هاجم الرئيس المصري قرار الحكومة الإثيوبية بملء السد.')), [
    'ACCUSE',
  ]);
  // positions of an army («مواقع») are attacked with arms
  assert.deepEqual(types(events('القاهرة - هاجمت قوات الجيش مواقع المسلحين في سيناء.')), ['ASSAULT']);
});

test('«وحضر اللقاء …»: the attendees of a meeting make no second meeting', () => {
  const es = events(
    'القاهرة - التقى الرئيس المصري ملك الأردن في القاهرة يوم الأحد. وحضر اللقاء وزير الخارجية المصري ورئيس المخابرات الأردنية.',
  );
  assert.deepEqual(types(es), ['CONSULT']);
});

test('«الباب لم يغلق», «لم تغلق الباب أمام …» is no closure (COERCE); «باب المندب» closed still is', () => {
  for (const text of [
    'الدوحة - قال وزير الخارجية القطري إن الباب لم يغلق أمام المفاوضات مع إيران.',
    'الدوحة - قالت قطر إنها لم تغلق الباب أمام الحوار مع إيران.',
  ])
    assert.ok(!types(events(text)).includes('COERCE'), `${text}: ${types(events(text))}`);
  assert.deepEqual(types(events('صنعاء - أغلق الحوثيون باب المندب أمام السفن الإسرائيلية يوم الاثنين.')), [
    'COERCE',
  ]);
});

test('«اتفقا», «اتفق الجانبان»: AGREE reciprocal, both sides source and target', () => {
  for (const text of [
    'القاهرة - اتفقا الرئيس المصري ونظيره التونسي يوم الاثنين على تعزيز التعاون.',
    'القاهرة - التقى وزير الخارجية المصري نظيره الأردني يوم الاثنين، واتفق الجانبان على تعزيز التعاون التجاري.',
  ]) {
    const agree = one(events(text), 'AGREE');
    assert.equal(agree.reciprocal, true, text);
    assert.equal(states(agree.source).length, 2, JSON.stringify(agree.source));
    assert.deepEqual(states(agree.source), states(agree.target));
  }
});

test('«قالت الخارجية الإيرانية إن الوزير سيزور …»: the ministry’s state is the source', () => {
  assert.deepEqual(
    states(
      one(events('طهران - قالت الخارجية الإيرانية إن الوزير سيزور بغداد الأسبوع المقبل.'), 'CONSULT').source,
    ),
    ['IRN'],
  );
  assert.deepEqual(
    states(
      one(events('القاهرة - قالت الخارجية المصرية في بيان إن الوزير سيزور الخرطوم يوم الاثنين.'), 'CONSULT')
        .source,
    ),
    ['EGY'],
  );
});

test('the UN envoy to Libya is the UN; «باسم الحكومة» is no target; «مقترحًا أمميًا» is the UN’s', () => {
  const met = one(
    events('طرابلس - التقى المبعوث الأممي إلى ليبيا رئيس المجلس الرئاسي في طرابلس يوم الأحد.'),
    'CONSULT',
  );
  assert.deepEqual(codes(met.source), ['-/IGO'], JSON.stringify(met.source));
  assert.deepEqual(states(met.target), ['LBY']);
  const welcome = one(events('باريس - رحبت فرنسا باسم الحكومة بالاتفاق.'), 'SUPPORT');
  assert.ok(!welcome.target.some((a) => a.country === 'FRA'), JSON.stringify(welcome.target));
  const reject = one(
    events('طبرق - ورفض مجلس النواب مقترحا أمميا لتشكيل حكومة جديدة يوم الاثنين.'),
    'REJECT',
  );
  assert.deepEqual(codes(reject.target), ['-/IGO'], JSON.stringify(reject.target));
});

test('«هاجمت طائرات مسيرة مواقع للجيش السوداني»: the attacker is not the army it attacks', () => {
  for (const text of [
    'الخرطوم - هاجمت طائرات مسيرة مواقع للجيش السوداني في دارفور يوم الاثنين.',
    'هاجمت طائرات مسيرة مواقع للجيش السوداني في دارفور يوم الاثنين.',
  ]) {
    const attack = one(events(text), 'ASSAULT');
    assert.deepEqual(codes(attack.target), ['SDN/MIL']);
    assert.deepEqual(codes(attack.source), ['-/MIL'], `${text}: ${JSON.stringify(attack.source)}`);
  }
});

test('«طرابلس اللبنانية»: clashes there are Lebanon’s', () => {
  const fight = one(events('بيروت - وقعت اشتباكات في طرابلس اللبنانية يوم الأحد بين مسلحين.'), 'ASSAULT');
  assert.deepEqual(states(fight.source), ['LBN'], JSON.stringify(fight.source));
});
