// Event-coding defects of round evdef5, as an analyst sees them: a condemnation absorbed into an
// accusation, «تصفه» aimed at the wrong actor, an arrested party member, a frozen import trade,
// «الجانبان» of stateless actors, «شمال مالي», striking doctors, M23, a suspended agreement.
// Sentences and articles are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes as codes, onlyEvent as one, pipelineEvents } from './pipeline.ts';

const events = (text: string, published = '2026-12-03'): EventRecord[] => pipelineEvents(text, published);
const show = (es: EventRecord[]) =>
  JSON.stringify(es.map((e) => [e.type, e.mode, e.trigger.text, codes(e.source), codes(e.target)]));
const ids = (as: EventRecord['source']) =>
  as.map((a) => a.entityId ?? `${a.country ?? '-'}/${a.sector ?? '-'}`);

const SHELLING = `غارات تركية على قرى في دهوك

بغداد - قصفت طائرات تركية اليوم قرى في محافظة دهوك شمالي العراق. وتتهم بغداد أنقرة بانتهاك سيادة العراق.

النقاط الرئيسية:
- ندد الرئيس العراقي عبد اللطيف رشيد بالقصف التركي على قرى دهوك.
- طالبت بغداد بسحب القوات التركية.
`;

test('a key point «ندد الرئيس … بالقصف» is its own condemnation, not the accusation «وتتهم بغداد أنقرة»', () => {
  const text = SHELLING;
  const es = events(text);
  const condemn = one(es, 'ACCUSE', 'ندد');
  assert.deepEqual(ids(condemn.source), ['person:abdul-latif-rashid'], show(es));
  const accuse = one(es, 'ACCUSE', 'تتهم');
  assert.ok(
    !accuse.evidence.some(([a]) => text.slice(a).startsWith('- ندد')),
    'the condemnation is no evidence of the accusation',
  );
  // a condemnation retold as a condemnation is still one event
  const retold = events(
    'بغداد - ندد الرئيس العراقي عبد اللطيف رشيد اليوم بالقصف التركي على قرى في دهوك.\n\nالنقاط الرئيسية:\n- أدان الرئيس العراقي القصف التركي على قرى دهوك.\n',
  ).filter((e) => e.type === 'ACCUSE');
  assert.equal(retold.length, 1, show(retold));
  assert.equal(retold[0]!.evidence.length, 2);
});

test('«وتصفه المعارضة بأنه انقلاب» after a rejection: the decision’s owner is the target, not the union', () => {
  for (const text of [
    'تونس - أعلن الاتحاد العام التونسي للشغل رفضه قرار الرئيس قيس سعيد حل البرلمان. وتصفه المعارضة بأنه انقلاب على الدستور.',
    'تونس - أعلن الاتحاد العام التونسي للشغل رفضه قرار الرئيس قيس سعيد حل البرلمان. وتصف المعارضة القرار بأنه انقلاب على الدستور.',
  ]) {
    const es = events(text);
    const called = one(es, 'ACCUSE');
    assert.deepEqual(ids(called.target), ['person:kais-saied'], show(es));
  }
  // the act told before is the president's own: he is still the one judged
  const own = one(
    events('قرر الرئيس قيس سعيد تجميد عمل البرلمان. وتصفه المعارضة بأنه انقلاب على الدستور.'),
    'ACCUSE',
  );
  assert.deepEqual(ids(own.target), ['person:kais-saied']);
});

test('«القيادي في حركة النهضة علي العريض» arrested: the person is the target, of his party’s state and sector', () => {
  for (const [text, who] of [
    ['تونس - اعتقلت قوات الأمن التونسية اليوم القيادي في حزب النهضة علي العريض.', 'person:ali-larayedh'],
    ['تونس - اعتقلت الشرطة القيادي في حركة النهضة علي العريض من منزله.', 'person:ali-larayedh'],
    // a member the gazetteer does not know, named by name only
    ['تونس - اعتقلت الشرطة اليوم القيادي في حركة النهضة سمير الورتاني.', 'person:samir-al-wartani'],
  ] as const) {
    const es = events(text);
    const arrest = one(es, 'COERCE');
    assert.deepEqual(ids(arrest.target), [who], show(es));
    assert.deepEqual(codes(arrest.target), ['TUN/PTY']);
  }
  // a member with no name after him still stands for his party
  const bare = one(events('تونس - اعتقلت الشرطة قياديا في حركة النهضة.'), 'COERCE');
  assert.deepEqual(codes(bare.target), ['TUN/PTY']);
});

test('«وجمدت الحكومة عمليات الاستيراد منها»: an economic sanction against the state «ها» stands for', () => {
  for (const text of [
    'الجزائر - تصاعدت الأزمة بين الجزائر وإسبانيا. وجمدت الحكومة الجزائرية عمليات الاستيراد منها.',
    'تصاعدت الأزمة الدبلوماسية بين الجزائر وإسبانيا بعد تغيير مدريد موقفها. وجمدت الحكومة عمليات الاستيراد منها.',
    // named: «الاستيراد من إسبانيا» is whose goods they are, not where it happened
    'الجزائر - جمدت الحكومة الجزائرية الاستيراد من إسبانيا.',
  ]) {
    const es = events(text);
    const frozen = one(es, 'SANCTION');
    assert.equal(frozen.mode, 'suspend_trade', show(es));
    assert.deepEqual(codes(frozen.target), ['ESP/GOV'], show(es));
  }
});

test('«وبحث الجانبان …» after a head meeting whose sides have no state: those two sides, not one state twice', () => {
  // a delegation of an international body is that body's side
  const au = events(
    'القاهرة - استقبل رئيس الوزراء المصري وفدا من الاتحاد الأفريقي برئاسة رئيس المفوضية. وبحث الجانبان سبل التعاون.',
  );
  const met = one(au, 'CONSULT', 'استقبل');
  assert.deepEqual(ids(met.target), ['org:african-union'], show(au));
  const talks = one(au, 'CONSULT', 'بحث');
  assert.deepEqual(codes(talks.source), ['-/IGO', 'EGY/GOV'], show(au));
  assert.ok(talks.reciprocal);
  assert.deepEqual(ids(one(events('استقبل رئيس الوزراء المصري وفد صندوق النقد الدولي.'), 'CONSULT').target), [
    'org:imf',
  ]);
  // two posts of one government, named with no state: two sides, still
  const posts = events('بغداد - استقبل رئيس الوزراء وزير الدفاع. وبحث الجانبان سبل التعاون.');
  const both = one(posts, 'CONSULT', 'بحث');
  assert.deepEqual(ids(both.source).sort(), ['post:minister-of-defence', 'post:prime-minister'], show(posts));
});

test('«في شمال مالي»: the region gives Mali as the country of countryless actors', () => {
  const attack = one(events('هاجم مسلحون قاعدة للجيش في شمال مالي.'), 'ASSAULT');
  assert.deepEqual(codes(attack.source), ['MLI/REB']);
  assert.deepEqual(codes(attack.target), ['MLI/MIL']);
  const toll = one(events('قتل عشرة جنود في هجوم في شمالي مالي.'), 'ASSAULT');
  assert.deepEqual(codes(toll.target), ['MLI/MIL']);
  // «مالي» alone is also «financial»: no country from «دعم مالي»
  const aid = events('قدمت الحكومة دعما ماليا للمزارعين في الجنوب.');
  assert.ok(!aid.some((e) => [...e.source, ...e.target].some((a) => a.country === 'MLI')), show(aid));
});

test('«أضرب الأطباء في …»: a strike by doctors is PROTEST by civilians of the article’s country', () => {
  const strike = one(
    events('الخرطوم - أضرب الأطباء في المستشفيات الحكومية اليوم للمطالبة بصرف رواتبهم.'),
    'PROTEST',
  );
  assert.equal(strike.mode, 'strike');
  assert.deepEqual(codes(strike.source), ['SDN/CVL']);
  const nurses = one(events('بيروت - نفذ الأطباء والممرضون إضرابا عن العمل.'), 'PROTEST');
  assert.deepEqual(codes(nurses.source), ['LBN/CVL']);
  // no dateline, no place: civilians of no state known, still the strikers
  const bare = one(events('أضرب الأطباء في مستشفيات العاصمة.'), 'PROTEST');
  assert.deepEqual(codes(bare.source), ['-/CVL']);
});

test('«حركة إم 23» (M23) is a rebel group of DR Congo, in its Arabic spellings', () => {
  for (const text of [
    'هاجم متمردو إم 23 مواقع للجيش الكونغولي قرب غوما.',
    'هاجمت حركة إم 23 مواقع للجيش الكونغولي قرب غوما.',
    'هاجمت حركة 23 مارس مواقع للجيش الكونغولي قرب غوما.',
    'هاجمت حركة ام 23 مواقع للجيش الكونغولي قرب غوما.',
  ]) {
    const es = events(text);
    const attack = one(es, 'ASSAULT');
    assert.deepEqual(ids(attack.source), ['org:m23'], `${text} ${show(es)}`);
    assert.deepEqual(codes(attack.source), ['COD/REB']);
  }
});

test('a suspended agreement «علقت … الاتفاقية مع X» has X as its target', () => {
  for (const [text, target] of [
    ['علّقت الحكومة المالية العمل بالاتفاقية الموقعة مع الجزائر عام 2015.', 'DZA/GOV'],
    ['قررت الحكومة تعليق الاتفاقية المبرمة مع المغرب.', 'MAR/GOV'],
    ['علقت تركيا اتفاقية إعادة قبول المهاجرين مع الاتحاد الأوروبي.', '-/IGO'],
    ['علقت روسيا العمل بالاتفاقية مع الولايات المتحدة.', 'USA/GOV'],
  ] as const) {
    const es = events(text);
    const suspended = one(es, 'SANCTION');
    assert.equal(suspended.mode, 'suspend', show(es));
    assert.deepEqual(codes(suspended.target), [target], `${text} ${show(es)}`);
    // the agreement named is between the two parties, not one state with itself
    const deal = es.find((e) => e.type === 'AGREE');
    if (deal) assert.ok(new Set(codes(deal.source)).size >= 2, show(es));
  }
});
