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
