import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Entity, Mention } from '../../src/model.ts';
import { findEntities, mergeOneWordNames } from '../../src/analyze/entities.ts';
import { tokenize } from '../../src/analyze/gazetteer/tokens.ts';

// Coreference of people the tagger reads only in part (issue #3). The sentences are written for
// this test; the people are invented. `tagger: 'off'`: the post grammar alone finds the people,
// so these rules do not depend on what a trained model reads.
const show = (x: unknown) => JSON.stringify(x);
const off = (text: string) => findEntities(text, { tagger: 'off' });
const pers = (r: ReturnType<typeof off>) =>
  r.mentions.filter((m) => m.type === 'PERS').map((m): [string, string] => [m.text, m.entityId ?? '']);

test('a three-letter surname refers back as the subject of a verb of saying, nowhere else', () => {
  const r = off(
    'قال وزير الثقافة الأردني سامي دار إن المعرض سيفتح غدا. وأضاف دار أن الكتب وصلت إلى دار الثقافة.',
  );
  const got = pers(r);
  assert.deepEqual(
    got.map(([t]) => t),
    ['سامي دار', 'دار'],
    show(got),
  );
  assert.equal(new Set(got.map(([, id]) => id)).size, 1, show(got));
  // The same word as a noun: after a preposition, or as the head of a construct after the verb.
  const noun = off(
    'قال وزير الثقافة الأردني سامي دار إن المعرض سيفتح غدا. وتحدث عن دار إن كانت جاهزة. وقالت دار الإفتاء إن العيد الأحد.',
  );
  assert.deepEqual(
    pers(noun).map(([t]) => t),
    ['سامي دار'],
    show(pers(noun)),
  );
});

test('a person read by a first name only is the one person named in full with it', () => {
  const r = off(
    'زارت وزيرة الصحة المغربية فاطمة تونس. وقالت وزيرة الصحة المغربية فاطمة العلوي إن الزيارة ناجحة.',
  );
  const people = r.entities.filter((e) => e.type === 'PERS');
  assert.deepEqual(
    people.map((e) => e.names.ar),
    ['فاطمة العلوي'],
    show(people),
  );
  assert.equal(pers(r).length, 2, show(pers(r)));
});

/** Mentions and people as the entity layer leaves them before coreference. */
function setup(text: string, names: [string, Entity][]) {
  const toks = tokenize(text);
  const byId = new Map<string, Entity>();
  const mentions: Mention[] = [];
  for (const [written, e] of names) {
    if (!byId.has(e.id)) byId.set(e.id, e);
    let from = 0;
    for (const m of mentions) if (m.text === written) from = m.span[1];
    const start = text.indexOf(written, from);
    mentions.push({
      span: [start, start + written.length],
      text: written,
      type: 'PERS',
      entityId: e.id,
      role: 'name',
      via: 'post',
      confidence: 0.7,
    });
  }
  return { toks, byId, mentions };
}
const person = (id: string, ar: string, post?: string): Entity => ({
  id,
  type: 'PERS',
  names: { ar, aliases: [] },
  ...(post ? { post: { ar: post, en: post, country: 'GHA', sector: 'GOV' } } : {}),
});

test('a name cut after its first word is re-joined over the next word when that spells the full name', () => {
  const text = 'استقبل الرئيس كوامي أسنتي الوفد. وقال الرئيس كوامي أسانتي إن اللقاء مثمر.';
  const one = person('person:kwami', 'كوامي', 'President');
  const full = person('person:kwami-asanti', 'كوامي أسانتي', 'President');
  const { toks, byId, mentions } = setup(text, [
    ['كوامي', one],
    ['كوامي أسانتي', full],
  ]);
  mergeOneWordNames(text, toks, mentions, byId, () => false);
  assert.deepEqual(
    mentions.map((m) => [m.text, m.entityId]),
    [
      ['كوامي أسنتي', 'person:kwami-asanti'],
      ['كوامي أسانتي', 'person:kwami-asanti'],
    ],
  );
  assert.deepEqual(full.names.aliases, ['كوامي أسنتي']);

  // A next word that is no spelling of the name stays out; the first name still links.
  const text2 = 'استقبل الرئيس كوامي الوفد. وقال الرئيس كوامي أسانتيه إن اللقاء مثمر.';
  const s2 = setup(text2, [
    ['كوامي', person('person:kwami', 'كوامي', 'President')],
    ['كوامي أسانتيه', person('person:kwami-asantih', 'كوامي أسانتيه', 'President')],
  ]);
  mergeOneWordNames(text2, s2.toks, s2.mentions, s2.byId, () => false);
  assert.deepEqual(
    s2.mentions.map((m) => [m.text, m.entityId]),
    [
      ['كوامي', 'person:kwami-asantih'],
      ['كوامي أسانتيه', 'person:kwami-asantih'],
    ],
  );
});

test('a one-word name stays apart when two people share it, or when the posts differ', () => {
  const text = 'قال كوامي إن الوفد وصل. والتقى كوامي أسانتيه وكوامي منساه.';
  const s = setup(text, [
    ['كوامي', person('person:kwami', 'كوامي')],
    ['كوامي أسانتيه', person('person:kwami-asantih', 'كوامي أسانتيه')],
    ['كوامي منساه', person('person:kwami-mansah', 'كوامي منساه')],
  ]);
  mergeOneWordNames(text, s.toks, s.mentions, s.byId, () => false);
  assert.equal(s.mentions[0]!.entityId, 'person:kwami');

  const text2 = 'قال الوزير كوامي إن الوفد وصل. وقال الرئيس كوامي أسانتيه إن اللقاء مثمر.';
  const s2 = setup(text2, [
    ['كوامي', person('person:kwami', 'كوامي', 'Minister')],
    ['كوامي أسانتيه', person('person:kwami-asantih', 'كوامي أسانتيه', 'President')],
  ]);
  mergeOneWordNames(text2, s2.toks, s2.mentions, s2.byId, () => false);
  assert.equal(s2.mentions[0]!.entityId, 'person:kwami');
});
