// Targets and sources of events on own sentences (issue 4, worktree evtarget): the people a verb of
// arresting or releasing names after it are the ones seized, a countryless target of an act done at
// home is of the state that acts, and a reaction to an act named by a definite noun with no agent of
// its own is aimed at whoever did that act earlier in the article.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractEvents } from '../../src/analyze/events.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import type { EventRecord } from '../../src/model.ts';

function events(text: string, published = '2026-03-04'): EventRecord[] {
  return extractEvents({ text, brief: parseBrief(text), mentions: [], entities: [], published }).events;
}
const side = (as: EventRecord['source']) => as.map((a) => `${a.country ?? '-'}/${a.sector ?? '-'}`).sort();
const byType = (es: EventRecord[], type: string) => es.filter((e) => e.type === type);

test('civilians after a verb of arresting are the ones arrested; the coordinated verb keeps its subject', () => {
  const es = events('فرّقت الشرطة الأرجنتينية المحتجين بخراطيم المياه، واعتقلت عشرين شخصا قرب البرلمان.');
  const arrest = byType(es, 'COERCE').find((e) => e.mode === 'arrest');
  assert.ok(arrest, 'the arrest is found');
  assert.deepEqual(side(arrest.source), ['ARG/COP']);
  assert.deepEqual(side(arrest.target), ['ARG/CVL']);
});

test('a countryless target of a call made at home is of the state that calls', () => {
  const [call] = byType(events('ودعا الجيش اللبناني المواطنين إلى الابتعاد عن الشريط الحدودي.'), 'REQUEST');
  assert.ok(call, 'the call is found');
  assert.deepEqual(side(call.source), ['LBN/MIL']);
  assert.deepEqual(side(call.target), ['LBN/CVL']);
  // an attack by a foreign state is no act at home: its countryless targets are not made its own
  const [attack] = byType(events('قصفت طائرات إسرائيلية تجمعا للمدنيين قرب الحدود.'), 'ASSAULT');
  assert.ok(attack, 'the attack is found');
  assert.ok(!attack.target.some((a) => a.country === 'ISR'), 'the civilians are not made Israeli');
});

test('a reaction to a definite noun of an act told before is aimed at who did that act', () => {
  const es = events(
    'فرضت الولايات المتحدة عقوبات جديدة على شركات إيرانية. ونددت طهران بالعقوبات ووصفتها بأنها ظالمة.',
  );
  const [blame] = byType(es, 'ACCUSE');
  assert.ok(blame, 'the condemnation is found');
  assert.deepEqual(
    side(blame.source).map((s) => s.slice(0, 3)),
    ['IRN'],
  );
  assert.ok(
    blame.target.some((a) => a.country === 'USA'),
    `target ${side(blame.target)}`,
  );
});

test('a participle of saying after reported words is the reporter’s, and the mention after it its object', () => {
  const es = events(
    'أعلن وزير الخارجية الفرنسي أن السلطات الإيرانية أفرجت عن مواطنة فرنسية، مشيدا بالوساطة الفعالة لسلطنة عمان.',
  );
  const [praise] = byType(es, 'SUPPORT');
  assert.ok(praise, 'the praise is found');
  assert.deepEqual(
    side(praise.source).map((s) => s.slice(0, 3)),
    ['FRA'],
  );
  const two = events(
    'أعربت الحكومة الأردنية عن ترحيبها بالهدنة بين البلدين، مثمنة الدور الذي أدته الحكومة المصرية في ذلك.',
  );
  const praised = byType(two, 'SUPPORT').find((e) => e.target.some((a) => a.country === 'EGY'));
  assert.ok(
    praised,
    `the praise of Egypt's role is its own event: ${two.map((e) => `${e.type} ${side(e.source)} → ${side(e.target)}`).join('; ')}`,
  );
  assert.deepEqual(
    side(praised.source).map((s) => s.slice(0, 3)),
    ['JOR'],
  );
});
