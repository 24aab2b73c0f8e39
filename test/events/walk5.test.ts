// walk5 (lead, seventeenth session): talks in Doha written for this test. In «وقال المتحدث باسم
// وزارة الخارجية القطرية ماجد الأنصاري إن …» the verb's nearest cue is the noun «المتحدث», and the
// spokesman's mention starts on it: the speaker was taken from the article's topic (Hamas).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pipelineEvents } from './pipeline.ts';

test('«وقال المتحدث باسم الخارجية … ماجد الأنصاري إن …»: the spokesman is the speaker', () => {
  const es = pipelineEvents(
    'أعلنت حركة حماس قبول المقترح. وقال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن الوسطاء "يعملون على تقريب وجهات النظر".',
    '2026-12-02',
  );
  const said = es.filter((e) => e.attribution?.verb === 'المتحدث');
  assert.ok(said.length > 0, JSON.stringify(es.map((e) => [e.type, e.attribution])));
  for (const e of said) assert.equal(e.attribution?.speaker?.entityId, 'person:majid-al-ansari');
});

test('«استمرارها يهدد الاتفاق برمته», «يهدد الاستقرار»: a thing put at risk is no threat; «هدد … إيران بعقوبات» is', () => {
  for (const text of [
    'وطالبت حركة حماس الوسطاء بالضغط على إسرائيل، محذرة من أن استمرار الخروقات يهدد الاتفاق برمته.',
    'وقال الوزير إن التصعيد يهدد الاستقرار في المنطقة.',
  ]) {
    const es = pipelineEvents(text, '2026-12-02');
    assert.ok(
      !es.some((e) => e.type === 'THREATEN'),
      JSON.stringify(es.map((e) => [e.type, e.trigger.text])),
    );
  }
  const threat = pipelineEvents('وهدد الرئيس الأمريكي إيران بعقوبات جديدة.', '2026-12-02');
  assert.ok(threat.some((e) => e.type === 'THREATEN' && e.target.some((a) => a.country === 'IRN')));
});

// A Libyan story written for walk5.
test('«…، داعيًا البعثة الأممية إلى التدخل»: the participle is the main subject’s act; the mission is called on', () => {
  const es = pipelineEvents(
    'اتهم رئيس الحكومة الليبية عبد الحميد الدبيبة مجلس النواب بعرقلة الانتخابات، داعيا البعثة الأممية إلى التدخل.',
    '2026-12-01',
  );
  const call = es.find((e) => e.type === 'REQUEST');
  assert.ok(call, JSON.stringify(es.map((e) => e.type)));
  assert.deepEqual(
    call.source.map((a) => a.entityId),
    ['person:abdul-hamid-al-dabiba'],
  );
  assert.deepEqual(
    call.target.map((a) => a.name),
    ['United Nations'],
  );
});

test('«وردّ رئيس مجلس النواب عقيلة صالح في بيان بأن …، مطالبًا …»: who is named before «في بيان» speaks', () => {
  const es = pipelineEvents(
    'وردّ رئيس مجلس النواب الليبي عقيلة صالح في بيان بأن الحكومة منتهية الولاية، مطالبا بتشكيل حكومة موحدة.',
    '2026-12-01',
  );
  const call = es.find((e) => e.type === 'REQUEST');
  assert.ok(call, JSON.stringify(es.map((e) => e.type)));
  assert.equal(call.attribution?.speaker?.name, 'Aqila Salih');
  assert.deepEqual(
    call.source.map((a) => a.name),
    ['Aqila Salih'],
  );
});

test('«اشتباكات مسلحة بين فصيلين متنافسين»: the two factions are armed groups, not civilians', () => {
  const es = pipelineEvents(
    'وشهدت العاصمة الليبية الأسبوع الماضي اشتباكات مسلحة بين فصيلين متنافسين أسفرت عن مقتل أربعة أشخاص.',
    '2026-12-01',
  );
  const clash = es.find((e) => e.type === 'ASSAULT');
  assert.ok(clash, JSON.stringify(es.map((e) => e.type)));
  assert.ok(
    clash.source.some((a) => a.sector === 'REB'),
    JSON.stringify(clash.source),
  );
});

// An Egyptian–Sudanese meeting written for walk5: the lead's meeting was merged into «لجنة … تجتمع
// كل ثلاثة أشهر» (a committee's habit) and took Addis Ababa, the next summit's city, for its place;
// «أعلن الوزيران الاتفاق على تشكيل لجنة» was folded into an agreement wished for a sentence earlier.
const CAIRO =
  'القاهرة - استقبل وزير الخارجية المصري بدر عبد العاطي، اليوم الأحد، نظيره السوداني علي يوسف، حيث بحث الجانبان الأزمة الإنسانية في السودان.\n\n' +
  'وقال عبد العاطي إن مصر لن تقبل بأي إجراءات أحادية، مشددا على ضرورة التوصل إلى اتفاق ملزم بشأن سد النهضة الإثيوبي.\n\n' +
  'وأعلن الوزيران الاتفاق على تشكيل لجنة فنية مشتركة تجتمع كل ثلاثة أشهر لتنسيق المواقف.\n\n' +
  'ويأتي اللقاء قبل أيام من قمة الاتحاد الأفريقي المقرر عقدها في أديس أبابا الشهر المقبل.';

test('the lead’s meeting stands, with no place taken from a matter discussed or from the next summit', () => {
  const es = pipelineEvents(CAIRO, '2026-11-29');
  const meets = es.filter((e) => e.type === 'CONSULT');
  assert.equal(meets.length, 1, JSON.stringify(meets.map((e) => e.trigger.text)));
  assert.equal(meets[0]!.trigger.text, 'استقبل');
  assert.deepEqual(
    meets[0]!.target.map((a) => a.country),
    ['SDN'],
  );
  assert.equal(meets[0]!.location, undefined);
});

test('«أعلن الوزيران الاتفاق على تشكيل لجنة» is an agreement of its own, of the two sides', () => {
  const es = pipelineEvents(CAIRO, '2026-11-29');
  const agreed = es.find((e) => e.type === 'AGREE' && e.trigger.text === 'الاتفاق');
  assert.ok(agreed, JSON.stringify(es.map((e) => [e.type, e.trigger.text])));
  assert.deepEqual([...new Set(agreed.source.map((a) => a.country))].sort(), ['EGY', 'SDN']);
});

// A Syrian car bomb written for walk5.
test('«انفجار سيارة مفخخة في مدينة منبج بريف حلب»: one bombing, in Aleppo’s countryside — Aleppo is no target', () => {
  const es = pipelineEvents(
    'قُتل ثلاثة مدنيين جراء انفجار سيارة مفخخة في مدينة منبج بريف حلب الشرقي.',
    '2026-11-29',
  );
  assert.equal(es.length, 1, JSON.stringify(es.map((e) => [e.type, e.trigger.text])));
  assert.equal(es[0]!.location, 'حلب');
  assert.deepEqual(es[0]!.source, []);
  assert.equal(es[0]!.modality, 'happened');
});

test('«سجلت المدينة خمسة تفجيرات»: a place that saw the acts did none; «وشهد الجانبان توقيع اتفاقية» keeps its sides', () => {
  const es = pipelineEvents(
    'وأدانت وزارة الخارجية السورية التفجير. وتشهد منبج توترا أمنيا، إذ سجلت المدينة خمسة تفجيرات مماثلة خلال الأشهر الستة الماضية.',
    '2026-11-29',
  );
  const past = es.find((e) => e.trigger.text === 'تفجيرات');
  assert.ok(past, JSON.stringify(es.map((e) => e.trigger.text)));
  assert.deepEqual(past.source, []);
  const signed = pipelineEvents(
    'استقبل الرئيس المصري الرئيس التركي في القاهرة، وشهد الرئيسان توقيع اتفاقية للتعاون في مجال الطاقة.',
    '2026-11-29',
  ).find((e) => e.type === 'AGREE');
  assert.ok(signed && signed.source.length > 0, JSON.stringify(signed));
});

test('«مشددًا على ضرورة التوصل إلى اتفاق»: an agreement called necessary is intended, not made', () => {
  const es = pipelineEvents(
    'وقال وزير الخارجية المصري إن بلاده لن تقبل بأي إجراءات أحادية، مشددا على ضرورة التوصل إلى اتفاق ملزم مع إثيوبيا.',
    '2026-11-29',
  );
  const agree = es.find((e) => e.type === 'AGREE');
  assert.ok(agree, JSON.stringify(es.map((e) => e.type)));
  assert.equal(agree.modality, 'intended');
});

test('«بشأن المرحلة الثانية من الاتفاق», «بنود الاتفاق»: a part of an agreement named is no agreement', () => {
  for (const text of [
    'وقال المتحدث باسم الخارجية القطرية إن الوسطاء يعملون على تقريب وجهات النظر بشأن المرحلة الثانية من الاتفاق.',
    'واتهمت الحركة إسرائيل بعدم الالتزام ببنود الاتفاق.',
  ]) {
    const es = pipelineEvents(text, '2026-12-02');
    assert.ok(!es.some((e) => e.type === 'AGREE'), `${text}: ${JSON.stringify(es.map((e) => e.type))}`);
  }
  // an agreement told stays one
  const made = pipelineEvents('وقّع البلدان الاتفاق في الدوحة أمس.', '2026-12-02');
  assert.ok(made.some((e) => e.type === 'AGREE'));
});

// An oil story written for walk5.
test('«قبل اجتماع أوبك+ المقبل» is still to come (intended, not recalled); «حتى نهاية … العام المقبل» dates no act', () => {
  const next = pipelineEvents(
    'وقال المحلل إن السعودية تسعى إلى استعادة حصتها السوقية قبل اجتماع أوبك+ المقبل.',
    '2026-11-30',
  ).find((e) => e.type === 'CONSULT');
  assert.ok(next);
  assert.equal(next.background, false);
  assert.equal(next.modality, 'intended');
  const agreed = pipelineEvents(
    'وكان تحالف أوبك+ قد اتفق في اجتماعه الأخير على تمديد التخفيضات الطوعية حتى نهاية الربع الأول من العام المقبل.',
    '2026-11-30',
  ).find((e) => e.type === 'AGREE');
  assert.ok(agreed);
  assert.equal(agreed.date, undefined, JSON.stringify(agreed.date));
  assert.equal(agreed.background, true);
});

test('«لبحث المرحلة الثانية من اتفاق وقف إطلاق النار»: the ceasefire an agreement names is no new one', () => {
  const es = pipelineEvents(
    'كشفت مصادر أن الدوحة ستستضيف جولة مفاوضات جديدة بين حماس وإسرائيل لبحث المرحلة الثانية من اتفاق وقف إطلاق النار في قطاع غزة.',
    '2026-12-02',
  );
  assert.ok(es.length > 0);
  assert.ok(!es.some((e) => e.type === 'AGREE'), JSON.stringify(es.map((e) => [e.type, e.trigger.text])));
  // a ceasefire agreed stays one
  const agreed = pipelineEvents('وأعلنت حماس وإسرائيل وقف إطلاق النار في قطاع غزة اليوم.', '2026-12-02');
  assert.ok(
    agreed.some((e) => e.type === 'AGREE'),
    JSON.stringify(agreed.map((e) => e.type)),
  );
});

test('«قتل مستوطنون فلسطينيًا» (verb first): the settlers killed, the Palestinian was killed; «قُتل ثلاثة مدنيين» stays passive', () => {
  const [kill] = pipelineEvents('قتل مستوطنون فلسطينيا في قرية قرب رام الله.', '2026-12-02');
  assert.ok(kill);
  assert.deepEqual(
    kill.source.map((a) => [a.country, a.sector]),
    [['ISR', 'CVL']],
  );
  assert.deepEqual(
    kill.target.map((a) => [a.country, a.sector]),
    [['PSE', 'CVL']],
  );
  const [passive] = pipelineEvents('قُتل ثلاثة مدنيين في غارة على المدينة.', '2026-12-02');
  assert.ok(passive);
  assert.deepEqual(passive.source, []);
  assert.ok(passive.target.some((a) => a.sector === 'CVL'));
});

test('«وقالت الجماعة …» after «جماعة الحوثي»: the bare noun is of the group’s state, not of the USA it threatens', () => {
  const es = pipelineEvents(
    'وقالت جماعة الحوثي إنها استهدفت سفينة. وقالت الجماعة في بيان إنها ستواصل عملياتها، متوعدة بالرد على أي هجوم أمريكي.',
    '2026-12-02',
  );
  const threat = es.find((e) => e.type === 'THREATEN');
  assert.ok(threat, JSON.stringify(es.map((e) => e.type)));
  assert.deepEqual(
    threat.source.map((a) => [a.country, a.sector]),
    [['YEM', 'REB']],
  );
});
