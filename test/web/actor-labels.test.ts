/**
 * Labels said once (webfix2): an actor's country and sector are left out where its name already
 * says them (the event panel read «الحكومة اللبنانية (لبنان) حكومة» and «فرنسا (فرنسا) حكومة»), and
 * a negative score is isolated left to right (an Arabic line showed «10-»).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../../src/model.ts';
import { actorLabel, actorParts } from '../../web/src/components/EventDetail.tsx';
import { says, score } from '../../web/src/labels.ts';

const names = new Map([
  ['org:government-lbn', { ar: 'الحكومة اللبنانية', aliases: [] }],
  ['country:FRA', { ar: 'فرنسا', aliases: [] }],
  ['person:sudani', { ar: 'محمد شياع السوداني', aliases: [] }],
  ['post:minister-of-foreign-affairs-irq', { ar: 'وزير الخارجية العراقي', aliases: [] }],
  ['org:un', { ar: 'الأمم المتحدة', aliases: [] }],
]);
const label = (a: Actor) => actorLabel(a, names);

test('a name that says its country and sector is shown alone', () => {
  assert.equal(label({ entityId: 'org:government-lbn', country: 'LBN', sector: 'GOV' }), 'الحكومة اللبنانية');
  assert.equal(label({ entityId: 'country:FRA', country: 'FRA', sector: 'GOV' }), 'فرنسا');
  assert.equal(
    label({ entityId: 'post:minister-of-foreign-affairs-irq', country: 'IRQ', sector: 'GOV' }),
    'وزير الخارجية العراقي',
  );
});

test('what the name does not say is still shown', () => {
  assert.equal(
    label({ entityId: 'person:sudani', country: 'IRQ', sector: 'GOV' }),
    'محمد شياع السوداني (العراق، حكومة)',
  );
  assert.equal(label({ entityId: 'country:FRA', country: 'FRA', sector: 'MIL' }), 'فرنسا (جيش)');
  // no name: the country stands for it, the sector after it; nothing but a sector: the sector,
  // a state's with its country unknown said (a bare «شرطة» reads as the reader's own police)
  assert.equal(label({ country: 'LBN', sector: 'GOV' }), 'لبنان (حكومة)');
  assert.equal(label({ sector: 'COP' }), 'شرطة (بلد غير معروف)');
  assert.equal(label({ sector: 'CVL' }), 'مدنيون');
});

test("an organization's sector is a description in parentheses, not words run on after its name", () => {
  // the panel read «مجلس الأمن منظمة حكومية دولية», as if the sector were part of the name
  const unsc = { entityId: 'org:unsc', sector: 'IGO' };
  const withUnsc = new Map([...names, ['org:unsc', { ar: 'مجلس الأمن', aliases: [] }]]);
  assert.equal(actorLabel(unsc, withUnsc), 'مجلس الأمن (منظمة دولية)');
  assert.deepEqual(actorParts(unsc, withUnsc), { name: 'مجلس الأمن', note: 'منظمة دولية' });
  assert.equal(label({ entityId: 'org:un', sector: 'IGO' }), 'الأمم المتحدة (منظمة دولية)');
});

test('says: a country by its name or adjective, hamza or not; three letters at least', () => {
  assert.ok(says('وزير الخارجية الأردني', 'الأردن'));
  assert.ok(says('الحكومة الاردنية', 'الأردن'), 'bare alef in the text');
  assert.ok(says('الجيش السوري', 'سوريا'));
  assert.ok(says('Government of Lebanon', 'Lebanon'));
  assert.ok(says('الحكومة اللبنانية', 'حكومة'));
  assert.ok(!says('وزير الخارجية', 'مصر'));
  assert.ok(!says('أيمن الصفدي', 'الأردن'));
  assert.ok(!says('مجلس الأمن', 'الأم'), 'a stem under three letters says nothing');
});

test('a negative score is one left-to-right run; a positive one is bare', () => {
  assert.match(score(-10), /^\u2066.*-10\u2069$/u);
  assert.match(score(-4.56), /^\u2066.*-4\.6\u2069$/u);
  assert.equal(score(4.5), '4.5');
  assert.equal(score(-0.01), '0', 'rounded to zero: no minus');
});
