/**
 * walk5 (lead, seventeenth session): an oil story written for this test (oil-walk5.txt), with four
 * speakers. «ماذا يقولون» gave two of its three places to the Saudi minister («وقال …», «وأضاف …»)
 * and none to the Iraqi minister's or the analyst's view; the pluperfect background («وكان التحالف
 * قد اتفق …») was a key point and the brief had no «الصورة العامة».
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compose } from '../../src/compose/compose.ts';
import { speakersOf } from '../../src/compose/speakers.ts';
import { splitUnits } from '../../src/compose/units.ts';

const text = readFileSync(new URL('./oil-walk5.txt', import.meta.url), 'utf8');
const section = (kind: string) => {
  const s = compose(text).sections.find((x) => x.kind === kind);
  return s ? [...s.paragraphs, ...s.items] : [];
};

test('«ماذا يقولون» hears each speaker once before any speaker twice', () => {
  const says = section('what_they_say');
  const speakers = says.map((b) => b.speaker);
  assert.equal(says.length, 3);
  assert.equal(new Set(speakers).size, 3, JSON.stringify(speakers));
  assert.ok(
    says.some((b) => b.text.includes('وزير النفط العراقي')),
    'the Iraqi minister is heard',
  );
});

test('the pluperfect background is the big picture, and «وأضاف أن …» is no key point without its speaker', () => {
  const picture = section('big_picture');
  assert.ok(
    picture.some((b) => b.text.startsWith('وكان تحالف أوبك+ قد اتفق')),
    JSON.stringify(picture),
  );
  for (const kind of ['key_points', 'big_picture', 'deeper_look', 'why_it_matters'])
    assert.ok(!section(kind).some((b) => b.text.startsWith('وأضاف أن')), kind);
  assert.ok(section('key_points').length >= 3);
});

// walk6 (lead, eighteenth session): a statement whose subject is a bare body noun after the body was named in full.
test('«وقالت الوزارة في بيان …» after «استدعت وزارة الخارجية الجزائرية …»: the speaker is named in full', () => {
  const text =
    'استدعت وزارة الخارجية الجزائرية يوم الخميس سفيرها لدى إسبانيا للتشاور. وقالت الوزارة في بيان إن الحكومة الإسبانية "تخلت عن التزاماتها". ورحبت الرباط بالموقف الإسباني. ودعت جبهة البوليساريو الأمم المتحدة إلى التدخل.';
  const says = compose(text).sections.find((s) => s.kind === 'what_they_say');
  assert.ok(says, 'a statement is found');
  assert.ok(
    says.paragraphs.some((b) => b.speaker === 'وزارة الخارجية الجزائرية'),
    JSON.stringify(says.paragraphs.map((b) => b.speaker)),
  );
});

test('walk7: «وانتقدت المنظمة الحكم، ودعت السلطات الكويتية إلى …» — the authorities called on are not the speaker', () => {
  const text =
    'أصدرت المحكمة حكما بسجن النائب السابق. وانتقدت منظمة العفو الدولية الحكم، ودعت السلطات الكويتية إلى "الإفراج فورا" عن النائب.';
  const sp = [...speakersOf(splitUnits(text), text).values()];
  assert.ok(!sp.includes('السلطات الكويتية'), JSON.stringify(sp));
  // a call that opens its sentence still names its subject
  const opening = 'ودعت منظمة العفو الدولية السلطات الكويتية إلى الإفراج عن النائب.';
  assert.deepEqual([...speakersOf(splitUnits(opening), opening).values()], ['منظمة العفو الدولية']);
});
