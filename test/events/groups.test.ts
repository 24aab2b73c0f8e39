// A group acting as one side — «الوفد», «البعثة», «الجانب الإيراني», «الطرف الآخر» — is the state,
// body or person it was named with (src/analyze/coref.ts `groups`), and the events take it as
// their source or target like any named actor (worktree evfix). Sentences are our own writing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';
import { extractEvents } from '../../src/analyze/events.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import type { EventRecord, Mention } from '../../src/model.ts';

function analyse(text: string): { mentions: Mention[]; events: EventRecord[] } {
  const brief = parseBrief(text);
  const ent = findEntities(text, { brief });
  const { events } = extractEvents({
    text,
    brief,
    mentions: ent.mentions,
    entities: ent.entities,
    published: '2026-03-04',
  });
  return { mentions: ent.mentions, events };
}
const one = (es: EventRecord[], type: string): EventRecord => {
  const found = es.filter((e) => e.type === type);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(es.map((e) => e.type))}`);
  return found[0]!;
};
const countries = (as: EventRecord['source']) => [...new Set(as.map((a) => a.country ?? '-'))].sort();
const ids = (as: EventRecord['source']) => as.map((a) => a.entityId ?? '-').sort();
const corefOf = (ms: Mention[], words: string) => ms.find((m) => m.role === 'coref' && m.text === words);

test('«ودعا الوفد إلى …» after «وفد باكستاني برئاسة …»: Pakistan calls, not a countryless government', () => {
  const text =
    'وصل إلى طهران أمس وفد باكستاني برئاسة وزير الخارجية إسحاق دار. ودعا الوفد إلى تعزيز التعاون التجاري بين البلدين.';
  const { mentions, events } = analyse(text);
  assert.equal(corefOf(mentions, 'الوفد')?.entityId, 'country:PAK', 'the delegation is named with its state');
  const call = one(events, 'REQUEST');
  assert.deepEqual(countries(call.source), ['PAK']);
  assert.deepEqual(call.target, [], '«الوفد» is the one calling (a masculine noun, a masculine verb)');
});

test('a delegation named by its head only is that person; «بالمبادرة القطرية» does not name it', () => {
  const text =
    'وصل إلى الدوحة وفد برئاسة وزير الخارجية الباكستاني إسحاق دار. ورحب الوفد بالمبادرة القطرية لوقف التصعيد.';
  const { mentions, events } = analyse(text);
  assert.equal(corefOf(mentions, 'الوفد')?.entityId, 'person:ishaq-dar');
  const welcome = one(events, 'SUPPORT');
  assert.deepEqual(ids(welcome.source), ['person:ishaq-dar']);
  assert.deepEqual(countries(welcome.source), ['PAK']);
});

test('«وفد من حركة حماس» and «بعثة صندوق النقد الدولي»: the body the group comes from', () => {
  const hamas = analyse(
    'وصل إلى القاهرة وفد من حركة حماس برئاسة خليل الحية. وأكد الوفد رفضه لأي تهجير للسكان.',
  );
  assert.deepEqual(ids(one(hamas.events, 'REJECT').source), ['org:hamas']);
  const imf = analyse('وصلت بعثة صندوق النقد الدولي إلى تونس أمس. وطالبت البعثة الحكومة بخفض دعم المحروقات.');
  assert.equal(corefOf(imf.mentions, 'البعثة')?.entityId, 'org:imf');
  assert.deepEqual(ids(one(imf.events, 'REQUEST').source), ['org:imf']);
});

test('«وأشاد الجانب الإيراني بمواقف باكستان»: Iran praises Pakistan (not Pakistan’s guest praising Iran)', () => {
  const text =
    'التقى وزير الخارجية الإيراني عباس عراقجي وفدا باكستانيا في طهران. وأشاد الجانب الإيراني بمواقف باكستان.';
  const { mentions, events } = analyse(text);
  assert.equal(corefOf(mentions, 'الجانب الإيراني')?.entityId, 'country:IRN');
  const praise = one(events, 'SUPPORT');
  assert.deepEqual(countries(praise.source), ['IRN']);
  assert.deepEqual(countries(praise.target), ['PAK']);
});

test('«الطرف الآخر» is the other of the two just named, the one the sentence has not named', () => {
  const text =
    'التقى وزير الخارجية الإيراني عباس عراقجي نظيره الباكستاني إسحاق دار في طهران. واتهم عراقجي الطرف الآخر بالمماطلة في تنفيذ الاتفاق.';
  const { mentions, events } = analyse(text);
  assert.equal(corefOf(mentions, 'الطرف الآخر')?.entityId, 'person:ishaq-dar');
  const accuse = one(events, 'ACCUSE');
  assert.deepEqual(ids(accuse.source), ['person:abbas-araghchi']);
  assert.deepEqual(ids(accuse.target), ['person:ishaq-dar']);
});

test('no antecedent guessed: an unnamed delegation in between, a side of a border, a lone «الطرف الآخر»', () => {
  // a new delegation with no state between them: «الوفد» is that one, whose state is not said
  const between = analyse(
    'وصل إلى طهران أمس وفد باكستاني. وفي سياق آخر وصل وفد إلى بغداد صباح اليوم. ودعا الوفد إلى تعزيز التعاون.',
  );
  assert.equal(corefOf(between.mentions, 'الوفد'), undefined);
  assert.ok(!one(between.events, 'REQUEST').source.some((a) => a.country === 'PAK'));
  // «تنسحب إلى الجانب السوداني»: a side one goes to is a place
  const border = analyse('توغلت مجموعة مسلحة في الأراضي التشادية قبل أن تنسحب إلى الجانب السوداني.');
  assert.equal(corefOf(border.mentions, 'الجانب السوداني'), undefined);
  // nobody of the two named in its sentence: which one is «the other» is not known
  const lone = analyse('التقى عراقجي نظيره الباكستاني إسحاق دار في طهران. وأكد الطرف الآخر أهمية الحوار.');
  assert.equal(corefOf(lone.mentions, 'الطرف الآخر'), undefined);
});
