import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articleFromText } from '../../src/brief/article.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import type { Entity } from '../../src/model.ts';
import { laterPost, mergeEntity } from '../../src/store/rows.ts';

// A post is what an article says at its date (issue #3): across articles the stored
// entity keeps the post of the latest article, not the first one seen. Texts written for
// this test.
const person = (post: Entity['post']): Entity => ({
  id: 'person:mohamed-bin-zayed',
  type: 'PERS',
  names: { ar: 'محمد بن زايد', aliases: [] },
  country: 'ARE',
  ...(post ? { post } : {}),
});
const crownPrince = { ar: 'ولي عهد أبو ظبي', en: 'Crown Prince', country: 'ARE', asOf: '2017-05-04' };
const president = { ar: 'رئيس دولة الإمارات', en: 'President', country: 'ARE', asOf: '2023-01-10' };

test('the stored post is the one of the latest article, in whatever order they come', () => {
  assert.equal(mergeEntity(person(crownPrince), person(president)).post?.en, 'President');
  assert.equal(mergeEntity(person(president), person(crownPrince)).post?.en, 'President');
  // A dated post wins over an undated one; with neither dated the stored one stays.
  assert.equal(laterPost({ ar: 'أ' }, crownPrince)?.en, 'Crown Prince');
  assert.equal(laterPost({ ar: 'أ' }, { ar: 'ب' })?.ar, 'أ');
  assert.equal(mergeEntity(person(undefined), person(crownPrince)).post?.en, 'Crown Prince');
  assert.equal(mergeEntity(person(crownPrince), person(undefined)).post?.en, 'Crown Prince');
});

test('an article’s posts carry its date', () => {
  const text = 'استقبل ولي عهد أبو ظبي الشيخ محمد بن زايد وفدا رسميا في قصر الرئاسة يوم الخميس.';
  const p = processArticle(articleFromText({ text, source: 'test', published: '2017-05-04T10:00:00+01:00' }));
  const mbz = p.analysis.entities.find((e) => e.id === 'person:mohamed-bin-zayed');
  assert.equal(mbz?.post?.en, 'Crown Prince');
  assert.equal(mbz?.post?.asOf, '2017-05-04');
});
