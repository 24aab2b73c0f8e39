// Event-coding defects of round evdef4: who is welcomed, a body holding its own meeting, the party
// called on, a lone soldier, marches with no addressee, an emir's «بلاده» — and what walking short
// articles of our own turned up. Sentences are our own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes as codes, onlyEvent as one, pipelineEvents } from './pipeline.ts';

const events = (text: string, published = '2025-11-09'): EventRecord[] => pipelineEvents(text, published);
const show = (as: EventRecord['source']) => JSON.stringify(as);
const ids = (as: EventRecord['source']) =>
  as.map((a) => a.entityId ?? `${a.country ?? '-'}/${a.sector ?? '-'}`);

test('«وأكد الأمير خلال اللقاء دعم بلاده»: the emir is not his own target', () => {
  const es = events(
    'الدوحة - التقى أمير قطر الشيخ تميم بن حمد آل ثاني اليوم وزير الخارجية الأمريكي. وأكد الأمير خلال اللقاء دعم بلاده للجهود الدبلوماسية.',
  );
  // «أمير قطر الشيخ تميم …»: the title between the post and the name is one actor, the host
  const met = one(es, 'CONSULT');
  assert.deepEqual(ids(met.source), ['person:tamim-bin-hamad']);
  assert.deepEqual(codes(met.target), ['USA/GOV']);
  // the bare «الأمير» is the emir named before; the support names no one else
  const support = one(es, 'SUPPORT');
  assert.deepEqual(ids(support.source), ['person:tamim-bin-hamad']);
  assert.deepEqual(support.target, [], show(support.target));
  // no dateline: the same
  const plain = one(
    events(
      'استقبل أمير قطر الشيخ تميم بن حمد آل ثاني الرئيس الفرنسي في الدوحة يوم الاثنين. وأكد الأمير خلال اللقاء دعم بلاده لجهود السلام.',
    ),
    'SUPPORT',
  );
  assert.deepEqual(ids(plain.source), ['person:tamim-bin-hamad']);
  assert.deepEqual(plain.target, [], show(plain.target));
  // two emirs met: a bare «الأمير» may be either, neither is its target
  const two = one(
    events('استقبل أمير قطر أمير الكويت في الدوحة. وأكد الأمير خلال اللقاء دعم بلاده لجهود السلام.'),
    'SUPPORT',
  );
  assert.deepEqual(two.target, [], show(two.target));
  // the support of the emir's country for another state still has that state as its target
  const lebanon = one(
    events(
      'الدوحة - استقبل أمير قطر الشيخ تميم بن حمد آل ثاني اليوم الرئيس اللبناني جوزيف عون. وأكد الأمير خلال اللقاء دعم بلاده لاستقرار لبنان.',
    ),
    'SUPPORT',
  );
  assert.deepEqual(codes(lebanon.target), ['LBN/GOV']);
});

test('«قتل مسلحون جنديًا في هجوم»: the gunmen kill, the lone soldier is the target', () => {
  const killed = one(events('مقديشو - قتل مسلحون جنديًا في هجوم على نقطة تفتيش يوم الثلاثاء.'), 'ASSAULT');
  assert.deepEqual(codes(killed.source), ['SOM/REB']);
  assert.deepEqual(codes(killed.target), ['SOM/MIL']);
  // no place to give his state: a soldier of an unknown country
  const anywhere = one(events('قتل مسلحون جنديًا في هجوم على نقطة تفتيش.'), 'ASSAULT');
  assert.deepEqual(codes(anywhere.source), ['-/REB']);
  assert.deepEqual(codes(anywhere.target), ['-/MIL']);
  // «قتل مسلحون مدنيين»: the sound plural «ـين» after the nominative is the object too
  const civilians = one(events('قتل مسلحون مدنيين في هجوم على قرية.'), 'ASSAULT');
  assert.deepEqual(codes(civilians.source), ['-/REB']);
  assert.deepEqual(codes(civilians.target), ['-/CVL']);
  // the passive toll of an attack is still the attack's
  const toll = one(events('قتل ثلاثة مدنيين في غارة إسرائيلية.'), 'ASSAULT');
  assert.deepEqual(codes(toll.target), ['-/CVL']);
  assert.deepEqual(toll.trigger.text, 'غارة');
  // a number counts soldiers sent, no target
  const sent = one(events('نشرت الحكومة 150 جنديًا في المدينة.'), 'MOBILIZE');
  assert.deepEqual(sent.target, [], show(sent.target));
});
