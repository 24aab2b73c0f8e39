// Who did it to whom, round 9 (issue #4): sectors of states named as actors, on our own invented
// sentences run through the whole pipeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes, pipelineEvents } from './pipeline.ts';

const PUB = '2026-03-04';
const ofType = (text: string, type: string): EventRecord => {
  const e = pipelineEvents(text, PUB).find((x) => x.type === type);
  assert.ok(e, `no ${type} in «${text}»`);
  return e;
};

test('a state or a capital on the other side of a diplomatic act is its government', () => {
  // a demonym that qualifies a demand: the state that demands
  const reject = ofType('رفض الرئيس الكيني مطالب أمريكية بفتح قاعدة جديدة.', 'REJECT');
  assert.deepEqual(actorCodes(reject.target), ['USA/GOV']);
  // a capital called on
  const request = ofType('انتقد رئيس الوزراء الأرميني القرار، داعيا باكو إلى استئناف المفاوضات.', 'REQUEST');
  assert.ok(actorCodes(request.target).includes('AZE/GOV'), actorCodes(request.target).join(' '));
  // a state condemned by name
  const accuse = ofType('نددت وزارة الخارجية المصرية اليوم بقرار إثيوبيا ملء السد.', 'ACCUSE');
  assert.ok(actorCodes(accuse.target).includes('ETH/GOV'), actorCodes(accuse.target).join(' '));
});

test('states named in a joint military exercise or a deployment act through their armies', () => {
  const drill = ofType('أجرت سفن حربية مصرية ويونانية مناورات بحرية مشتركة في البحر المتوسط.', 'COOPERATE');
  assert.deepEqual(actorCodes(drill.source), ['EGY/MIL', 'GRC/MIL']);
});

test('a state that attacks acts through its army', () => {
  const attack = ofType('قصفت تركيا مواقع في شمال العراق أمس.', 'ASSAULT');
  assert.deepEqual(actorCodes(attack.source), ['TUR/MIL']);
});

test('a demonym in the masculine plural names people, not their state', () => {
  const killed = ofType('قتل ثلاثة صيادين مصريين في هجوم قرب الحدود.', 'ASSAULT');
  assert.deepEqual(actorCodes(killed.target), ['EGY/CVL']);
  const rally = ofType('فرقت الشرطة الإيطالية العمال التونسيين تجمعوا أمام السفارة.', 'PROTEST');
  assert.deepEqual(actorCodes(rally.source), ['TUN/CVL']);
  // diplomats and soldiers named by their trade keep their state's organ
  const expel = ofType('طردت بولندا اليوم دبلوماسيين بيلاروسيين اثنين.', 'SANCTION');
  assert.deepEqual(actorCodes(expel.target), ['BLR/GOV']);
  const freed = ofType('أفرجت السلطات المالية عن جنديين نيجريين.', 'CONCEDE');
  assert.deepEqual(actorCodes(freed.target), ['NER/MIL']);
  // a demand by a state, in the feminine singular, stays the state's
  const demand = ofType('رفض الرئيس الكيني مطالب صومالية بفتح المعبر.', 'REJECT');
  assert.deepEqual(actorCodes(demand.target), ['SOM/GOV']);
});

test('actors whose sector is known do not change', () => {
  const visit = ofType('استقبل الرئيس التونسي وزير الخارجية الإيطالي في قصر قرطاج.', 'CONSULT');
  assert.deepEqual(actorCodes(visit.source), ['TUN/GOV']);
  assert.deepEqual(actorCodes(visit.target), ['ITA/GOV']);
  const army = ofType('هاجم الجيش السوداني مواقع لقوات الدعم السريع.', 'ASSAULT');
  assert.deepEqual(actorCodes(army.source), ['SDN/MIL']);
});

test('a sector noun with the article takes no state after it as its genitive', () => {
  // the state after «الوزارة» is the one asked, not the ministry's country
  const asked = ofType('وطالبت الوزارة أنقرة بسحب قواتها من الأراضي العراقية.', 'REQUEST');
  assert.deepEqual(actorCodes(asked.target), ['TUR/GOV']);
  assert.ok(!asked.source.some((a) => a.country === 'TUR'), actorCodes(asked.source).join(' '));
  // without the article the state is the noun's own
  const forces = ofType('هاجمت قوات روسيا مواقع في شرق البلاد.', 'ASSAULT');
  assert.deepEqual(actorCodes(forces.source), ['RUS/MIL']);
});

test('terrorist groups, separatists and military units named by a common noun have their sector', () => {
  const ambush = ofType('تعرضت دورية للجيش لهجوم من قبل مجموعة إرهابية قرب الحدود.', 'ASSAULT');
  assert.deepEqual(actorCodes(ambush.source), ['-/REB']);
  const units = ofType('تمكنت الوحدات العسكرية من القضاء على عنصر إرهابي في الجبل.', 'ASSAULT');
  assert.deepEqual(actorCodes(units.source), ['-/MIL']);
  assert.deepEqual(actorCodes(units.target), ['-/REB']);
});

test('armed groups and people who act inside one state, named with no country, are of the state their act is done to', () => {
  const ambush = ofType('قتل ثلاثة جنود تشاديين في هجوم شنته جماعة مسلحة على نقطة حدودية.', 'ASSAULT');
  assert.deepEqual(actorCodes(ambush.target), ['TCD/MIL']);
  assert.deepEqual(actorCodes(ambush.source), ['TCD/REB']);
  // an act on two states' forces tells no one state the rebels are of
  const blame = ofType('اتهم المتمردون الجيش النيجري والقوات الفرنسية بقصف قرية.', 'ACCUSE');
  assert.deepEqual(actorCodes(blame.target), ['FRA/MIL', 'NER/MIL']);
  assert.deepEqual(actorCodes(blame.source), ['-/REB']);
});

test('the people an attack, an arrest or a release is done to, named by a demonym, are civilians', () => {
  const freed = ofType('أفرجت السلطات الليبية عن صياد تونسي كانت قد احتجزته قرب الحدود.', 'CONCEDE');
  assert.deepEqual(actorCodes(freed.target), ['TUN/CVL']);
  const hit = ofType('هاجمت سفينة حربية قارب صيد فيتناميًا قرب الجزر.', 'ASSAULT');
  assert.deepEqual(actorCodes(hit.target), ['VNM/CVL']);
  // a state's capital attacked stays what it was
  const capital = ofType('قصفت طائرات روسية كييف فجر اليوم.', 'ASSAULT');
  assert.ok(!capital.target.some((a) => a.sector === 'CVL'), actorCodes(capital.target).join(' '));
});
