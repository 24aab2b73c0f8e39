// Event-coding defects of round evdef3: who did what to whom as an analyst reads it — a quoted
// description, the ministry that reports a toll, settlers, towns struck, protesters who raid,
// planes of no state, a lone soldier, the wounded child, an embassy abroad. Sentences are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes as codes, onlyEvent as one, pipelineEvents, actorStates as states } from './pipeline.ts';

const events = (text: string, published = '2025-11-07'): EventRecord[] => pipelineEvents(text, published);
const show = (as: EventRecord['source']) => JSON.stringify(as);

test('«توعد … بالرد على ما وصفه بـ"العدوان الأمريكي"»: the quoted description keeps its state as the target', () => {
  for (const [text, source, target] of [
    ['توعد الحرس الثوري الإيراني بالرد على ما وصفه بـ"العدوان الأمريكي" على منشآته.', 'IRN', 'USA'],
    ['وتوعدت طهران بالرد على ما سمته بـ«الاعتداء الإسرائيلي» على أراضيها.', 'IRN', 'ISR'],
  ] as const) {
    const threat = one(events(text), 'THREATEN');
    assert.deepEqual(states(threat.source), [source], text);
    assert.deepEqual(states(threat.target), [target], `${text} ${show(threat.target)}`);
  }
  // «واتهمت X بـ"…"»: a «بـ» written apart before the quote still makes X the one accused
  const accused = one(
    events('رفضت الحكومة الغابونية قرار المحكمة، واتهمت غينيا الاستوائية بـ"تزوير" الوثائق.'),
    'ACCUSE',
  );
  assert.deepEqual(states(accused.source), ['GAB']);
  assert.deepEqual(states(accused.target), ['GNQ']);
});

test('«اقتحم محتجون السفارة الأمريكية»: the protesters raid, the embassy is raided', () => {
  const raid = one(events('اقتحم محتجون السفارة الأمريكية في بغداد.'), 'COERCE');
  assert.deepEqual(codes(raid.source), ['IRQ/CVL']);
  assert.deepEqual(codes(raid.target), ['USA/GOV']);
  const marchers = one(events('اقتحم متظاهرون غاضبون مقر البرلمان في بغداد.'), 'COERCE');
  assert.deepEqual(codes(marchers.source), ['IRQ/CVL']);
  // a consulate of no state named is still no target (evdef2), the raiders are still civilians
  const consulate = one(events('بيروت - اقتحم محتجون القنصلية يوم الاثنين.'), 'COERCE');
  assert.deepEqual(consulate.target, [], show(consulate.target));
  assert.deepEqual(
    consulate.source.map((a) => a.sector),
    ['CVL'],
  );
});

test('«هاجم مسلحون السفارة الأمريكية في بغداد»: the embassy is the USA’s, the gunmen are not American', () => {
  const attack = one(events('هاجم مسلحون السفارة الأمريكية في بغداد.'), 'ASSAULT');
  assert.deepEqual(codes(attack.target), ['USA/GOV']);
  assert.deepEqual(codes(attack.source), ['IRQ/REB']);
  // a noun with its nūn governs no genitive; «مسلحو الحركة» does
  const shelled = one(events('قصفت فصائل مسلحة السفارة الأمريكية في بغداد.'), 'ASSAULT');
  assert.deepEqual(codes(shelled.target), ['USA/GOV']);
});

test('«قصفت الطائرات مواقع في عدن»: planes of no named state take no country from the place or the dateline', () => {
  const planes = one(events('قصفت الطائرات مواقع في عدن.'), 'ASSAULT');
  assert.deepEqual(codes(planes.source), ['-/MIL']);
  const drone = one(events('عدن - استهدفت طائرة مسيرة مواقع في المدينة يوم الأحد.'), 'ASSAULT');
  assert.deepEqual(codes(drone.source), ['-/MIL'], show(drone.source));
  // named planes keep their state; an army on the ground still takes the place's
  const israeli = one(events('قصفت الطائرات الإسرائيلية مواقع في غزة.'), 'ASSAULT');
  assert.deepEqual(codes(israeli.source), ['ISR/MIL']);
  // «ردّ الجيش بغارات بطائرات مسيرة»: the army strikes with its drones (the «بـ» of the means is no agent)
  const army = one(
    events('واغادوغو - ردّ الجيش بغارات بطائرات مسيرة على مواقع للجماعة في الغابات المجاورة.'),
    'ASSAULT',
  );
  assert.deepEqual(codes(army.source), ['BFA/MIL']);
});

test('«طالبت النقابة الوطنية للمزارعين الحكومة»: the government is asked, not the farmers', () => {
  const asked = one(
    events('باريس - طالبت النقابة الوطنية للمزارعين الحكومة بالتصويت ضد الاتفاق.'),
    'REQUEST',
  );
  assert.deepEqual(codes(asked.target), ['FRA/GOV']);
});

test('«أعلنت الحكومة تأميم منجم …»: a nationalization is a seizure', () => {
  const seized = one(
    events('نيامي - أعلنت الحكومة النيجرية تأميم منجم لليورانيوم تديره شركة فرنسية.'),
    'COERCE',
  );
  assert.equal(seized.mode, 'seize');
  assert.deepEqual(states(seized.source), ['NER']);
});

test('«قتل جندي إسرائيلي»: a soldier (or an officer) of a state is of its army, not a civilian', () => {
  for (const text of ['قتل جندي إسرائيلي في جنين.', 'قتل جندي إسرائيلي.'])
    assert.deepEqual(codes(one(events(text), 'ASSAULT').target), ['ISR/MIL'], text);
  const hurt = one(events('أصيب ضابط أمريكي في هجوم بطائرة مسيرة.'), 'ASSAULT');
  assert.deepEqual(codes(hurt.target), ['USA/MIL']);
  assert.deepEqual(hurt.source, [], show(hurt.source));
});

test('«أصيب طفل برصاص الجيش الإسرائيلي»: an assault, the army its source, the child (a civilian) its target', () => {
  const shot = one(events('أصيب طفل برصاص الجيش الإسرائيلي قرب جنين.'), 'ASSAULT');
  assert.deepEqual(codes(shot.source), ['ISR/MIL']);
  assert.deepEqual(codes(shot.target), ['PSE/CVL']);
  // no one named: no source (not the dateline's town)
  const unnamed = one(events('جنين - أصيب ثلاثة مواطنين بالرصاص الحي فجر اليوم.'), 'ASSAULT');
  assert.deepEqual(unnamed.source, [], show(unnamed.source));
  assert.deepEqual(codes(unnamed.target), ['PSE/CVL']);
  // hurt during a raid: the raiders fired
  const raid = events(
    'جنين - أصيب ثلاثة مواطنين بالرصاص الحي، فجر اليوم الأربعاء، خلال اقتحام قوات الاحتلال الإسرائيلي مدينة جنين.',
  );
  assert.deepEqual(codes(one(raid, 'ASSAULT').source), ['ISR/MIL']);
  assert.deepEqual(codes(one(raid, 'ASSAULT').target), ['PSE/CVL']);
});

test('a vaccination campaign «تستهدف مليون طفل» and a visit to kindergartens are no events', () => {
  const es = events(
    'عمّان - أطلقت وزارة الصحة حملة وطنية للتطعيم تستهدف نحو مليون طفل. وقال الوزير إن الفرق الميدانية ستزور المدارس ورياض الأطفال.',
  );
  assert.deepEqual(
    es.map((e) => e.type),
    [],
  );
  // a military campaign still attacks
  assert.deepEqual(
    events('شنت القوات حملة عسكرية تستهدف مسلحين في الجبال.').map((e) => e.type),
    ['ASSAULT'],
  );
});

test('«أعلنت وزارة الصحة مقتل خمسة أشخاص في غارة»: the ministry reports, it does not kill', () => {
  for (const text of [
    'أعلنت وزارة الصحة مقتل خمسة أشخاص.',
    'أعلنت وزارة الصحة مقتل خمسة أشخاص في غارة.',
    'أعلنت وزارة الصحة اللبنانية مقتل خمسة أشخاص وإصابة عشرة آخرين في غارة على بلدة في الجنوب.',
  ]) {
    const es = events(text).filter((e) => e.type === 'ASSAULT');
    assert.equal(es.length, 1, text);
    assert.deepEqual(es[0]!.source, [], `${text} ${show(es[0]!.source)}`);
    assert.ok(
      es[0]!.target.every((a) => a.sector === 'CVL'),
      `${text} ${show(es[0]!.target)}`,
    );
  }
  // the dead are not who struck either; a strike named with its agent keeps it
  const gaza = one(events('أعلنت وزارة الصحة في غزة مقتل خمسة أشخاص في غارة على خان يونس.'), 'ASSAULT');
  assert.deepEqual(gaza.source, [], show(gaza.source));
  assert.deepEqual(codes(gaza.target), ['PSE/CVL']);
  const israeli = one(
    events('أعلنت وزارة الصحة مقتل خمسة أشخاص في غارة إسرائيلية على منزل في خان يونس.'),
    'ASSAULT',
  );
  assert.deepEqual(states(israeli.source), ['ISR']);
  // an interior ministry that announces militants killed did the killing (its forces)
  const raid = one(events('أعلنت وزارة الداخلية السعودية مقتل إرهابيين في مداهمة بالرياض.'), 'ASSAULT');
  assert.deepEqual(states(raid.source), ['SAU']);
});

test('«مستوطنين قتلوا فلسطينيًا»: settlers are Israeli civilians, the dead Palestinian the target', () => {
  for (const text of [
    'قالت الشرطة إن مستوطنين قتلوا فلسطينيًا قرب نابلس.',
    'مستوطنين قتلوا فلسطينيًا قرب رام الله.',
  ]) {
    const killed = one(events(text), 'ASSAULT');
    assert.deepEqual(codes(killed.source), ['ISR/CVL'], `${text} ${show(killed.source)}`);
    assert.deepEqual(codes(killed.target), ['PSE/CVL'], text);
  }
  const village = one(
    events('رام الله - هاجم مستوطنون، فجر اليوم الجمعة، قرية ترمسعيا شمال رام الله.'),
    'ASSAULT',
  );
  assert.deepEqual(codes(village.source), ['ISR/CVL']);
  assert.deepEqual(codes(village.target), ['PSE/CVL']);
});

test('«غارات على بلدات في جنوب لبنان»: towns struck are their people, not the state’s government', () => {
  const towns = one(events('شنت إسرائيل غارات على بلدات في جنوب لبنان يوم الثلاثاء.'), 'ASSAULT');
  assert.deepEqual(codes(towns.source), ['ISR/MIL']);
  assert.deepEqual(codes(towns.target), ['LBN/CVL']);
  const town = one(events('قصفت المدفعية الإسرائيلية خان يونس.'), 'ASSAULT');
  assert.deepEqual(codes(town.target), ['PSE/CVL']);
  // a body after «من» is no place: the border guards stay police
  const guards = one(events('قتل خمسة من حرس الحدود الإيرانيين قرب الحدود.'), 'ASSAULT');
  assert.deepEqual(codes(guards.target), ['IRN/COP']);
});

test('«إذا أوقفت طهران تخصيب اليورانيوم» stops an activity, no arrest; «الغاز المسيل للدموع» is no energy', () => {
  assert.deepEqual(
    events('وقالت الخارجية الأمريكية إنها مستعدة للعودة إلى الحوار إذا أوقفت طهران تخصيب اليورانيوم.').map(
      (e) => e.type,
    ),
    [],
  );
  assert.deepEqual(codes(one(events('أوقفت الشرطة ثلاثة أشخاص في الخرطوم.'), 'COERCE').target), ['SDN/CVL']);
  const gas = one(events('أطلقت قوات الأمن الغاز المسيل للدموع لتفريق المحتجين في الخرطوم.'), 'COERCE');
  assert.deepEqual(gas.contexts, []);
});

test('«دمرت منصات لإطلاق الصواريخ كانت تستعد لاستهداف سفن»: launch pads and a readiness are no attacks', () => {
  assert.deepEqual(
    events(
      'وأعلنت القيادة المركزية الأمريكية أن قواتها دمرت منصات لإطلاق الصواريخ كانت تستعد لاستهداف سفن تجارية.',
    ).map((e) => e.type),
    [],
  );
  assert.deepEqual(
    events('أطلق الحوثيون صواريخ على سفينة أمريكية في البحر الأحمر.').map((e) => e.type),
    ['ASSAULT'],
  );
});
