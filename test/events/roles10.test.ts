// Who did what to whom, round 10 (issue #4): actor and role defects, on our own invented
// sentences run through the whole pipeline. Each test fails on the code before its change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes, pipelineEvents } from './pipeline.ts';

const PUB = '2026-03-04';
const ofType = (text: string, type: string, mode?: string): EventRecord => {
  const e = pipelineEvents(text, PUB).find((x) => x.type === type && (!mode || x.mode === mode));
  assert.ok(e, `no ${type}${mode ? `/${mode}` : ''} in «${text}»`);
  return e;
};

test('a Syrian countryside place is Syria; a name two states share reads as the article’s state', () => {
  // «ريف القنيطرة» is Syria's Quneitra, not Kenitra in Morocco
  const raid = ofType('قصفت طائرات حربية بلدة في ريف القنيطرة أمس.', 'ASSAULT');
  assert.deepEqual(actorCodes(raid.target), ['SYR/CVL']);
  // a foreign force arresting people in a Syrian countryside: the people are Syria's
  const arrest = ofType('دخلت قوة إسرائيلية قرية في ريف القنيطرة واعتقلت شابين.', 'COERCE');
  assert.deepEqual(actorCodes(arrest.source), ['ISR/MIL']);
  assert.deepEqual(actorCodes(arrest.target), ['SYR/CVL']);
  // the bare name in an article about Morocco stays the Moroccan town
  const held = ofType('أوقفت الشرطة المغربية خمسة أشخاص في القنيطرة بتهمة السرقة.', 'COERCE');
  assert.deepEqual(actorCodes(held.source), ['MAR/COP']);
  assert.deepEqual(actorCodes(held.target), ['MAR/CVL']);
});

test('the ones held in a passive participle of detention are its target, not its source', () => {
  const a = ofType('أفرجت السلطات الإيرانية عن ثلاثة صيادين هنود كانوا محتجزين لديها منذ شهرين.', 'COERCE');
  assert.deepEqual(actorCodes(a.source), ['IRN/GOV']);
  assert.deepEqual(actorCodes(a.target), ['IND/CVL']);
  const b = ofType('أطلقت فنزويلا سراح أربعة مواطنين كولومبيين كانوا محتجزين في سجونها.', 'COERCE');
  assert.deepEqual(actorCodes(b.source), ['VEN/GOV']);
  assert.deepEqual(actorCodes(b.target), ['COL/CVL']);
  // the captor named after «لدى»
  const c = ofType('قال الصحفي الأمريكي الذي كان معتقلا لدى الحوثيين إنه بخير.', 'COERCE');
  assert.ok(
    actorCodes(c.source).every((x) => x.startsWith('YEM/')),
    actorCodes(c.source).join(' '),
  );
  assert.deepEqual(actorCodes(c.target), ['USA/CVL']);
});

test('air defences and a force named with a demonym are that state’s military', () => {
  const down = ofType('أسقطت الدفاعات الأوكرانية مقاتلة روسية فوق خاركيف.', 'ASSAULT');
  assert.deepEqual(actorCodes(down.source), ['UKR/MIL']);
  assert.deepEqual(actorCodes(down.target), ['RUS/MIL']);
  const raid = ofType('توغلت قوة تركية في قرية حدودية شمال العراق.', 'ASSAULT');
  assert.deepEqual(actorCodes(raid.source), ['TUR/MIL']);
  // «بكل قوة» names no one
  const threat = ofType('هدد وزير الدفاع الباكستاني بالرد بكل قوة على أي هجوم.', 'THREATEN');
  assert.deepEqual(actorCodes(threat.source), ['PAK/GOV']);
});

test('an official of an international body acts for it, not for the state of its seat', () => {
  // the Arab League sits in Cairo: its assistant secretary-general is not Egypt's
  const call = ofType(
    'ودعا الأمين العام المساعد للجامعة العربية حسام زكي في القاهرة إلى وقف القتال في السودان.',
    'REQUEST',
  );
  assert.deepEqual(actorCodes(call.source), ['-/IGO']);
  const blame = ofType(
    'وأدان المتحدث باسم الأمين العام للأمم المتحدة في نيويورك الهجوم على القافلة.',
    'ACCUSE',
  );
  assert.deepEqual(actorCodes(blame.source), ['-/IGO']);
  // the post named bare later in the article is still the body's (not the dateline's state)
  const later = pipelineEvents(
    'القاهرة - رحب الأمين العام لجامعة الدول العربية بالاتفاق بين البلدين. ودعا الأمين العام الطرفين إلى ضبط النفس.',
    PUB,
  ).filter((e) => e.type === 'REQUEST');
  assert.ok(later.length > 0, 'no REQUEST');
  assert.deepEqual(actorCodes(later[0]!.source), ['-/IGO']);
  // a state's envoy to the body stays the state's
  const envoy = ofType('وقال مندوب الأردن لدى الجامعة العربية إن عمّان ترفض القرار.', 'REJECT');
  assert.ok(actorCodes(envoy.source).includes('JOR/GOV'), actorCodes(envoy.source).join(' '));
});

test('a counterpart named with a demonym keeps its state; «حيث» after a place carries the subject over', () => {
  const text = 'يزور وزير الخارجية المصري الخرطوم غدا، حيث سيلتقي نظيره السوداني.';
  const meets = pipelineEvents(text, PUB).filter((e) => e.type === 'CONSULT');
  assert.ok(meets.length > 0);
  for (const meet of meets) {
    // (the meeting is the visitor's; the Sudanese counterpart is not stripped of his state)
    assert.deepEqual(actorCodes(meet.source), ['EGY/GOV']);
    assert.deepEqual(actorCodes(meet.target), ['SDN/GOV']);
  }
  // the attack after «حيث» is still the armed group's (the nearest subject is no place)
  const raid = ofType(
    'أعلنت الحكومة النيجرية نشر قوات إضافية بعد توغل جماعة مسلحة في إقليم تيلابيري، حيث هاجمت مركزا للشرطة.',
    'ASSAULT',
    'attack',
  );
  assert.ok(!actorCodes(raid.source).includes('NER/GOV'), actorCodes(raid.source).join(' '));
});

test('members of parliament and a parliament named by its name are the legislature', () => {
  const no = ofType('ورفض نواب في مجلس الأمة الكويتي مشروع القانون.', 'REJECT');
  assert.deepEqual(actorCodes(no.source), ['KWT/LEG']);
  const ask = ofType('وطالب نواب من المعارضة الأردنية الحكومة بالاستقالة.', 'REQUEST');
  assert.ok(
    actorCodes(ask.source).every((x) => x.endsWith('/LEG') || x.endsWith('/OPP')),
    actorCodes(ask.source).join(' '),
  );
  assert.ok(actorCodes(ask.source).length > 0);
  // deputies of a post are not members of parliament
  const back = ofType('أكد نواب رئيس الوزراء العراقي دعمهم للخطة.', 'SUPPORT');
  assert.ok(!actorCodes(back.source).some((x) => x.endsWith('/LEG')), actorCodes(back.source).join(' '));
});

test('the place of an event is a place: not a body after «في», and a capital’s adjective with its noun', () => {
  const no = ofType('ورفض نواب في مجلس الأمة الكويتي مشروع القانون.', 'REJECT');
  assert.equal(no.location, undefined);
  const meet = ofType('عقد رئيس الحكومة التونسية اجتماعا بقصر الحكومة مع وفد من المحتجين.', 'CONSULT');
  assert.notEqual(meet.location, 'الحكومة');
  const talks = ofType('التقى وزير الخارجية الأردني نظيره الليبي في العاصمة المصرية.', 'CONSULT');
  assert.equal(talks.location, 'العاصمة المصرية');
});

test('a bare «المملكة» is the one kingdom the article has named', () => {
  const text =
    'زار وزير الخارجية الإيراني المملكة العربية السعودية أمس. وأشاد الوزير بدور المملكة في تسهيل رحلات الحجاج.';
  const praise = pipelineEvents(text, PUB).filter((e) => e.type === 'SUPPORT');
  assert.ok(praise.length > 0, 'no SUPPORT');
  assert.deepEqual(actorCodes(praise.at(-1)!.target), ['SAU/GOV']);
});

test('a strike or a march with no one named is aimed at its state’s government; an arrest of no actor, at its people', () => {
  const strike = ofType(
    'دخل المعلمون في مدينة الناصرية العراقية في إضراب مفتوح احتجاجا على تأخر رواتبهم.',
    'PROTEST',
  );
  assert.ok(
    actorCodes(strike.source).every((x) => x.startsWith('IRQ/')),
    actorCodes(strike.source).join(' '),
  );
  assert.deepEqual(actorCodes(strike.target), ['IRQ/GOV']);
  // a march at an embassy is not aimed at the marchers' own government
  const embassy = ofType('تظاهر مئات الجزائريين أمام السفارة الفرنسية.', 'PROTEST');
  assert.ok(!actorCodes(embassy.target).includes('DZA/GOV'), actorCodes(embassy.target).join(' '));
  const held = ofType('اعتقلت الشرطة الإسرائيلية أكثر من عشرين شخصا للاشتباه في إشعال الحرائق.', 'COERCE');
  assert.deepEqual(actorCodes(held.target), ['ISR/CVL']);
  // a protest whose target is named keeps it
  const named = ofType('تظاهر مئات الطلاب الكينيين أمام السفارة الأمريكية احتجاجا على القرار.', 'PROTEST');
  assert.ok(!actorCodes(named.target).includes('KEN/GOV'), actorCodes(named.target).join(' '));
});

test('«إيّاه» after a participle is the one the act before was done to', () => {
  const blame = ofType('طردت لاتفيا دبلوماسيين روسيين اثنين، متهمة إياهما بالتجسس.', 'ACCUSE');
  assert.deepEqual(actorCodes(blame.source), ['LVA/GOV']);
  assert.deepEqual(actorCodes(blame.target), ['RUS/GOV']);
  // «الشؤون الداخلية» are internal affairs, not the interior ministry
  const meddling = ofType(
    'طردت الحكومة الصربية سفيرا كرواتيا، متهمة إياه بالتدخل في الشؤون الداخلية للبلاد.',
    'ACCUSE',
  );
  assert.deepEqual(actorCodes(meddling.target), ['HRV/GOV']);
});

test('workers named by their trade in a construct and seamen are civilians', () => {
  const strike = ofType('أضرب معلمو محافظة ذي قار العراقية عن الدوام احتجاجا على تأخر الرواتب.', 'PROTEST');
  assert.deepEqual(actorCodes(strike.source), ['IRQ/CVL']);
  const sit = ofType('نفذ عدد من البحارة وقفة احتجاجية أمام مقر الولاية في صفاقس.', 'PROTEST');
  assert.deepEqual(actorCodes(sit.source), ['TUN/CVL']);
});

test('a condemnation of an act told just before is aimed at the act’s doer, not at its own side', () => {
  const text =
    'قصفت مدفعية إثيوبية قرية حدودية في شرق السودان، فيما أدانت وزارة الخارجية السودانية "الاعتداء" بأشد العبارات.';
  const blame = ofType(text, 'ACCUSE');
  assert.deepEqual(actorCodes(blame.source), ['SDN/GOV']);
  assert.ok(
    actorCodes(blame.target).length > 0 && actorCodes(blame.target).every((x) => x.startsWith('ETH/')),
    actorCodes(blame.target).join(' '),
  );
});
