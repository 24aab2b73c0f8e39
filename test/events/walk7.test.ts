// walk7 (lead, nineteenth session): six articles written for this walk — Sudan's talks in Jeddah,
// Lebanon electing a president, Morocco summoning Algeria's ambassador, Turkish strikes in northern
// Iraq, OPEC+ extending its cut, a Kuwaiti court jailing a former MP — read as an analyst reads events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pipelineEvents } from './pipeline.ts';

const brief = (es: ReturnType<typeof pipelineEvents>) =>
  JSON.stringify(es.map((e) => [e.type, e.mode, e.source, e.target, e.negated, e.modality]));
const ids = (as: { entityId?: string; country?: string }[]) => as.map((a) => a.entityId ?? a.country).sort();

const STRIKES = `أنقرة (الأناضول)

أعلنت وزارة الدفاع التركية، الجمعة، تحييد 14 عنصرا من حزب العمال الكردستاني في غارات جوية على مواقع في شمال العراق.

وقال وزير الدفاع يشار غولر إن العمليات "ستستمر حتى القضاء على آخر إرهابي". وأدانت حكومة إقليم كردستان العراق الغارات، معتبرة أنها "انتهاك لسيادة العراق".
`;

test('«وأدانت حكومة إقليم كردستان العراق الغارات»: the regional government condemns the strikes’ announcer, not the reverse', () => {
  const es = pipelineEvents(STRIKES, '2026-11-28');
  const condemn = es.find((e) => e.type === 'ACCUSE');
  assert.ok(condemn, brief(es));
  assert.deepEqual(ids(condemn.source), ['org:krg'], brief(es));
  assert.deepEqual(ids(condemn.target), ['org:ministry-of-defence-tur'], brief(es));
  // «تحييد 14 عنصرا من حزب العمال» is the strike’s toll: the PKK’s fighters are hit, not Iraq’s civilians
  const strike = es.find((e) => e.type === 'ASSAULT');
  assert.ok(strike, brief(es));
  assert.deepEqual(
    strike.target.map((a) => `${a.country}/${a.sector}`),
    ['TUR/REB'],
    brief(es),
  );
  assert.ok(!strike.target.some((a) => a.sector === 'CVL'), brief(es));
});

test('«وردت الخارجية الجزائرية ببيان اتهمت فيه الرباط»: who answers by a statement accuses; the name after «فيه» is accused', () => {
  const es = pipelineEvents(
    'الرباط - وقال الناطق باسم الحكومة إن المغرب "لن يقبل المساس بوحدته الترابية". وردت الخارجية الجزائرية ببيان اتهمت فيه الرباط بـ"التصعيد".',
    '2026-12-02',
  );
  const accuse = es.find((e) => e.type === 'ACCUSE');
  assert.ok(accuse, brief(es));
  assert.deepEqual(ids(accuse.source), ['org:ministry-of-foreign-affairs-dza'], brief(es));
  assert.equal(accuse.target[0]?.country, 'MAR', brief(es));
  // an issued statement still names its issuer as before
  const issued = pipelineEvents(
    'وأصدرت الخارجية الجزائرية بيانا اتهمت فيه الرباط بالتصعيد.',
    '2026-12-02',
  ).find((e) => e.type === 'ACCUSE');
  assert.deepEqual(ids(issued?.source ?? []), ['org:ministry-of-foreign-affairs-dza']);
});

test('«إعادة إعمار ما دمرته الحرب»: a «ما» whose verb carries the pronoun pointing back to it is relative, no negation', () => {
  const es = pipelineEvents(
    'بيروت - وتعهد الرئيس بإطلاق ورشة لإعادة إعمار ما دمرته الحرب الإسرائيلية في الجنوب.',
    '2026-12-02',
  );
  const war = es.find((e) => e.type === 'ASSAULT');
  assert.ok(war, brief(es));
  assert.equal(war.negated, false, brief(es));
  // a negating «ما» before a verb stays a negation
  const neg = pipelineEvents('وقال المتحدث إن الجيش ما قصف المدينة.', '2026-12-02').find(
    (e) => e.type === 'ASSAULT',
  );
  assert.equal(neg?.negated, true);
});

test('«ودعت السلطات إلى "الإفراج فورًا" عن …»: a release asked for in quotes is the call’s content, no release done', () => {
  const es = pipelineEvents(
    'الكويت (كونا) - وانتقدت منظمة العفو الدولية الحكم، ودعت السلطات الكويتية إلى "الإفراج فورا" عن النائب السابق.',
    '2026-12-02',
  );
  assert.ok(!es.some((e) => e.type === 'CONCEDE'), brief(es));
  const call = es.find((e) => e.type === 'REQUEST');
  assert.deepEqual(ids(call?.source ?? []), ['org:amnesty'], brief(es));
});

const TALKS =
  'جدة - استأنف وفدا الجيش السوداني وقوات الدعم السريع، اليوم الاثنين، محادثات غير مباشرة في مدينة جدة برعاية سعودية أمريكية، بهدف التوصل إلى هدنة إنسانية تسمح بإيصال المساعدات إلى الخرطوم ودارفور.';

test('«برعاية سعودية أمريكية»: both sponsors mediate; neither is a party to the talks; aid a truce would allow is not yet given', () => {
  const es = pipelineEvents(TALKS, '2026-12-01');
  const talks = es.find((e) => e.type === 'CONSULT' && e.mode !== 'mediate');
  assert.ok(talks, brief(es));
  assert.deepEqual(ids(talks.source), ['org:army-sdn', 'org:rsf'], brief(es));
  assert.ok(talks.reciprocal);
  const mediate = es.find((e) => e.mode === 'mediate');
  assert.deepEqual(ids(mediate?.source ?? []), ['country:SAU', 'country:USA'], brief(es));
  assert.deepEqual(ids(mediate?.target ?? []), ['org:army-sdn', 'org:rsf'], brief(es));
  assert.ok(!es.some((e) => e.source.some((a) => a.country === 'USA') && e.mode !== 'mediate'), brief(es));
  const aid = es.find((e) => e.type === 'AID');
  if (aid) assert.equal(aid.modality, 'intended', brief(es));
});

test('«تعهد عون»: a three-letter surname after a verb of pledging is the president named before, not the last person named', () => {
  const es = pipelineEvents(
    'بيروت - انتخب مجلس النواب قائد الجيش العماد جوزيف عون رئيسا للجمهورية. وأعلنت الرئاسة الفرنسية أن الرئيس إيمانويل ماكرون سيزور بيروت. وفي أول خطاب له، تعهد عون بحصر السلاح بيد الدولة.',
    '2026-12-02',
  );
  const pledge = es.find((e) => e.type === 'AGREE' && e.mode === 'commit');
  assert.ok(pledge, brief(es));
  assert.deepEqual(ids(pledge.source), ['person:joseph-aoun'], brief(es));
});

test('«وهنأ بري الرئيس المنتخب، فيما رحبت فرنسا بالانتخاب»: a reaction beside another reacts to the same thing, not to the other', () => {
  const es = pipelineEvents(
    'بيروت - وهنأ رئيس مجلس النواب نبيه بري الرئيس المنتخب، فيما رحبت فرنسا والولايات المتحدة بالانتخاب.',
    '2026-12-02',
  );
  const welcome = es.find((e) => e.mode === 'welcome');
  assert.ok(welcome, brief(es));
  assert.ok(!welcome.target.some((a) => a.entityId === 'person:nabih-berri'), brief(es));
  // parallel condemnations of one attack both target the attacker
  const two = pipelineEvents('وأدانت مصر الهجوم الإسرائيلي على المدينة، كما أدانته السعودية.', '2026-12-02');
  const condemns = two.filter((e) => e.type === 'ACCUSE');
  assert.equal(condemns.length, 2, brief(two));
  for (const c of condemns) assert.deepEqual(ids(c.target), ['country:ISR'], brief(two));
});

test('«بسجن النائب السابق …»: a former office holder is no recalled act; the sentence is today’s news and the criticism targets the court', () => {
  const es = pipelineEvents(
    'الكويت (كونا) - أصدرت محكمة التمييز الكويتية، اليوم الأربعاء، حكما نهائيا بسجن النائب السابق بدر الداهوم ثلاث سنوات. وانتقدت منظمة العفو الدولية الحكم.',
    '2026-12-02',
  );
  const sentence = es.find((e) => e.type === 'COERCE');
  assert.ok(sentence, brief(es));
  assert.equal(sentence.background, false, brief(es));
  const criticize = es.find((e) => e.type === 'ACCUSE');
  assert.deepEqual(
    criticize?.target.map((a) => `${a.country}/${a.sector}`),
    ['KWT/JUD'],
    brief(es),
  );
  // «الهجوم السابق» is still a recalled act
  const past = pipelineEvents('وأدانت مصر الهجوم السابق على المدينة.', '2026-12-02').find(
    (e) => e.type === 'ASSAULT',
  );
  assert.equal(past?.background, true);
});

test('«وردت القوات الأمريكية والبريطانية بشن غارات على مواقع للحوثيين»: strikes answering the Houthis’ attack on a ship are another event', () => {
  const es = pipelineEvents(
    'صنعاء - أعلنت جماعة الحوثي، مساء الأحد، استهداف سفينة تجارية في البحر الأحمر بصاروخين.\n\nوردت القوات الأمريكية والبريطانية بشن غارات على مواقع للحوثيين في محافظة الحديدة.',
    '2026-11-30',
  );
  const attacks = es.filter((e) => e.type === 'ASSAULT');
  assert.equal(attacks.length, 2, brief(es));
  const ship = attacks.find((e) => e.source.some((a) => a.entityId === 'org:houthis'));
  assert.ok(ship, brief(es));
  assert.deepEqual(
    ship.target.map((a) => a.sector),
    ['BUS'],
    brief(es),
  );
  const strikes = attacks.find((e) => e !== ship);
  assert.deepEqual(ids(strikes?.source ?? []), ['GBR', 'USA'], brief(es));
  assert.deepEqual(ids(strikes?.target ?? []), ['org:houthis'], brief(es));
  // «استهدفت سفينة تجارية» after its subject: the ship is struck, never the one striking
  const verb = pipelineEvents(
    'وقال المتحدث إن القوات البحرية للجماعة استهدفت سفينة تجارية في خليج عدن.',
    '2026-11-30',
  );
  assert.ok(!verb.some((e) => e.source.some((a) => a.sector === 'BUS')), brief(verb));
});

test('«الدول الأوروبية الثلاث»: the three European states named before, not the United States beside them; «العقوبات الأممية» no target', () => {
  const es = pipelineEvents(
    'طهران - وحذرت الولايات المتحدة وفرنسا وبريطانيا وألمانيا من أن طهران "تواصل تخصيب اليورانيوم".\n\nوهددت الدول الأوروبية الثلاث بتفعيل آلية إعادة فرض العقوبات الأممية إذا لم تلتزم إيران بتعهداتها.',
    '2026-12-03',
  );
  const threat = es.find((e) => e.type === 'THREATEN');
  assert.ok(threat, brief(es));
  assert.deepEqual(ids(threat.source), ['DEU', 'FRA', 'GBR'], brief(es));
  assert.deepEqual(
    threat.target.map((a) => a.country),
    ['IRN'],
    brief(es),
  );
});

test('«ودعت بعثة الأمم المتحدة للدعم في ليبيا جميع الأطراف»: a mission of the UN calls; the UN is not the one called on', () => {
  const es = pipelineEvents(
    'طرابلس - ودعت بعثة الأمم المتحدة للدعم في ليبيا جميع الأطراف إلى وقف فوري لإطلاق النار.',
    '2026-12-03',
  );
  const call = es.find((e) => e.type === 'REQUEST');
  assert.ok(call, brief(es));
  assert.deepEqual(ids(call.source), ['org:un'], brief(es));
  assert.ok(!call.target.some((a) => a.entityId === 'org:un'), brief(es));
});

test('«التعاون مع الوكالة» after «الوكالة الدولية للطاقة الذرية»: the IAEA, not a news agency; «وبريطانيا» has no «بـ»', () => {
  const es = pipelineEvents(
    'طهران - أعلن رئيس منظمة الطاقة الذرية الإيرانية أن بلاده ستسمح لمفتشي الوكالة الدولية للطاقة الذرية بزيارة منشأة فوردو. وقال إن التعاون مع الوكالة "مستمر".',
    '2026-12-03',
  );
  assert.ok(!es.some((e) => [...e.source, ...e.target].some((a) => a.sector === 'MED')), brief(es));
  const coop = es.find((e) => e.type === 'COOPERATE');
  if (coop) assert.deepEqual(ids(coop.target), ['org:iaea'], brief(es));
  const uk = pipelineEvents('وأدانت فرنسا وبريطانيا الهجوم على السفارة.', '2026-12-03').find(
    (e) => e.type === 'ACCUSE',
  );
  assert.deepEqual(ids(uk?.source ?? []), ['country:FRA', 'country:GBR']);
});
