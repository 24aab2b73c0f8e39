// walk7 (lead, nineteenth session): names and posts of six articles written for this walk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { run } from './analyst.ts';

test('«بدر الداهوم … الداهوم»: a family name with the article no frequent word spells refers back; «السوداني» still does not', () => {
  const r = run(
    'أصدرت المحكمة حكما بسجن النائب السابق بدر الداهوم ثلاث سنوات. ودعت المنظمة إلى الإفراج عن الداهوم.',
  );
  const badr = r.entities.find((e) => e.names.ar === 'بدر الداهوم');
  assert.ok(badr, JSON.stringify(r.entities.map((e) => e.names.ar)));
  const refs = r.mentions.filter((m) => m.entityId === badr.id).map((m) => m.text);
  assert.deepEqual(refs, ['بدر الداهوم', 'الداهوم']);
  // a common adjective as a surname refers back no more than before
  const s = run('التقى الرئيس عمر السوداني الوفد. وقال الوزير السوداني إن الزيارة مهمة.');
  const omar = s.entities.find((e) => e.names.ar === 'عمر السوداني');
  if (omar) assert.equal(s.mentions.filter((m) => m.entityId === omar.id).length, 1);
});

test('«تعهد عون», «هنأ بري»: three-letter surnames after verbs of pledging and congratulating refer back', () => {
  const r = run(
    'انتخب البرلمان جوزيف عون رئيسا. وهنأ رئيس مجلس النواب نبيه بري الرئيس المنتخب. وفي خطابه، تعهد عون بحصر السلاح.',
  );
  const refs = r.mentions.filter((m) => m.entityId === 'person:joseph-aoun').map((m) => m.text);
  assert.deepEqual(refs, ['جوزيف عون', 'عون']);
  // «وصل عون إنساني» is aid arriving, not the president: no verb of saying or pledging before it
  const aid = run('انتخب البرلمان جوزيف عون رئيسا. ووصل عون إنساني إلى الجنوب.');
  assert.equal(aid.mentions.filter((m) => m.entityId === 'person:joseph-aoun').length, 1);
});

test('a bare «الرئيس» is a president, never the speaker of parliament named before as «رئيس مجلس النواب»', () => {
  const r = run('وهنأ رئيس مجلس النواب نبيه بري الرئيس المنتخب.');
  const berri = r.entities.find((e) => e.id === 'person:nabih-berri');
  assert.ok(berri, JSON.stringify(r.entities.map((e) => e.id)));
  assert.equal(berri.names.en, 'Nabih Berri');
  const linked = r.mentions.filter((m) => m.entityId === berri.id).map((m) => m.text);
  assert.ok(!linked.includes('الرئيس'), JSON.stringify(linked));
  // a bare «الرئيس» after a named president still refers back to him
  const p = run('استقبل الرئيس الفرنسي إيمانويل ماكرون الوفد. وأكد الرئيس دعم بلاده.');
  const mac = p.mentions.filter((m) => m.entityId === 'person:emmanuel-macron').map((m) => m.text);
  assert.ok(mac.includes('الرئيس'), JSON.stringify(mac));
});

test('«يشار غولر», «حكومة إقليم كردستان العراق»: Türkiye’s defence minister and the Kurdistan Regional Government are known', () => {
  const r = run(
    'وقال وزير الدفاع التركي يشار غولر إن العمليات ستستمر. وأدانت حكومة إقليم كردستان العراق الغارات.',
  );
  const guler = r.entities.find((e) => e.id === 'person:yasar-guler');
  assert.ok(guler, JSON.stringify(r.entities.map((e) => e.id)));
  assert.equal(guler.names.en, 'Yaşar Güler');
  const krg = r.entities.find((e) => e.id === 'org:krg');
  assert.equal(krg?.country, 'IRQ');
  assert.equal(krg?.sector, 'GOV');
});

test('«المبعوث الأمريكي الخاص إلى السودان توم بيرييلو»: an English given name the tagger misses opens the envoy’s name', () => {
  const r = run(
    'من جهته، دعا المبعوث الأمريكي الخاص إلى السودان توم بيرييلو الطرفين إلى الالتزام بحماية المدنيين.',
  );
  const tom = r.entities.find((e) => e.id === 'person:tom-perriello');
  assert.ok(tom, JSON.stringify(r.entities.map((e) => e.id)));
  assert.equal(tom.names.en, 'Tom Perriello');
  assert.equal(tom.country, 'USA');
});
