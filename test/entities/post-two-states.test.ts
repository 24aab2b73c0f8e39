import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';

// Two posts side by side are one person's («نائب رئيس الوزراء وزير الخارجية الباكستاني …») —
// unless each names its own state: then they are two people (the host and the guest). Issue #3;
// sentences and names invented for this test.
const holders = (text: string) => {
  const r = findEntities(text);
  return r.entities
    .filter((e) => e.type === 'PERS')
    .map((e) => ({ name: e.names.ar, country: e.country, post: e.post?.en }));
};

test('a post of one state right after a post of another: the name holds only its own post', () => {
  assert.deepEqual(holders('استقبل الملك المغربي الرئيس الفنلندي أولي كاركاينن في الرباط اليوم.'), [
    { name: 'أولي كاركاينن', country: 'FIN', post: 'President' },
  ]);
  assert.deepEqual(holders('التقى الرئيس التونسي رئيس الوزراء المالطي جوزيف بورغ في قرطاج.'), [
    { name: 'جوزيف بورغ', country: 'MLT', post: 'Prime Minister' },
  ]);
});

test('two posts in a row with one state between them: still one person with both posts', () => {
  const [p] = holders('استقبل نائب رئيس الوزراء وزير الخارجية الباكستاني إسحاق دار السفير الإيراني.');
  assert.equal(p?.name, 'إسحاق دار');
  assert.equal(p?.country, 'PAK');
  assert.match(p?.post ?? '', /Deputy Prime Minister; Minister of Foreign Affairs/);
});
