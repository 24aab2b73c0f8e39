// Word lists written with a hamza seat or ى never matched the match-normalized tokens they are
// compared with (audit of 2026-11-30, worktree hamza; the guard is test/text/match-form-lists.test.ts).
// Each case is a sentence of our own writing that the dead list entry got wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isListing } from '../../src/compose/compose.ts';
import { attributionOf } from '../../src/compose/speakers.ts';
import { splitUnits } from '../../src/compose/units.ts';
import type { EventRecord } from '../../src/model.ts';
import { actorCodes, pipelineEvents } from './pipeline.ts';

const events = (text: string, published = '2026-05-12'): EventRecord[] =>
  pipelineEvents(text, published, '2026-05-12T00:00:00Z');

const code = actorCodes;
const show = (es: EventRecord[]) =>
  JSON.stringify(es.map((e) => [e.type, e.mode, e.trigger.text, code(e.source), code(e.target), e.contexts]));

test('«السائقين» is a crowd: the protest verb after it is theirs (CROWD had «سائقين»)', () => {
  const es = events('فرقت الشرطة الألمانية السائقين الأتراك تجمعوا أمام القنصلية.');
  const p = es.filter((e) => e.type === 'PROTEST');
  assert.equal(p.length, 1, show(es));
  // the Turkish drivers protest, not the German police nor a government
  assert.ok(
    p[0]!.source.some((a) => a.country === 'TUR'),
    show(es),
  );
  assert.ok(!p[0]!.source.some((a) => a.sector === 'GOV' || a.sector === 'COP'), show(es));
});

test('«المسائل» is a topic noun like «القضايا»: its qualifiers are no field of the talks', () => {
  const issues = events('وبحث وزير الخارجية المصري مع نظيره الأردني القضايا الأمنية والاقتصادية.');
  const questions = events('وبحث وزير الخارجية المصري مع نظيره الأردني المسائل الأمنية والاقتصادية.');
  const ctx = (es: EventRecord[]) => es.filter((e) => e.type === 'CONSULT').map((e) => e.contexts);
  assert.equal(ctx(issues).length, 1, show(issues));
  assert.deepEqual(ctx(questions), ctx(issues), `${show(questions)} vs ${show(issues)}`);
});

test('«لوسائل الإعلام» ends a speaker as «لصحيفة» does (TO_MEDIUM had «وسائل»)', () => {
  const t = 'وقال وزير الصحة لوسائل الإعلام إن المستشفى الجديد سيفتح أبوابه الشهر المقبل.';
  const u = splitUnits(t)[0]!;
  assert.equal(attributionOf(u, t)?.subject?.text, 'وزير الصحة');
});

test('a score line with «على» or «لدى» is a sentence, not a listing (SENTENCE_WORDS had ى)', () => {
  const one = (t: string) => isListing(splitUnits(t)[0]!);
  assert.ok(!one('فزنا على الجبل 2 - 1 بجدارة'));
  assert.ok(!one('النتيجة لدى الحكم 1 - 1 رسميا'));
  // still a listing: two names around a score
  assert.ok(one('الساحل 2 - 1 الجبل'));
});
