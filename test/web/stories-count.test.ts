import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Story, StoryList } from '../../web/src/api.ts';
import { setLang } from '../../web/src/i18n.ts';
import { bothWays, storiesCount } from '../../web/src/pages/Stories.tsx';

const story = (id: string, articles: number): Story =>
  ({
    id,
    articles: Array.from({ length: articles }, (_, i) => `${id}-${i}`),
    outlets: ['x'],
  }) as unknown as Story;

test('the stories page says what `khabar stories` says of an archive with articles and no story of two, in both languages', () => {
  // A stand-in for the browser's document; localStorage is absent (setLang tolerates it).
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  g.document = { documentElement: {} };
  try {
    const singles: StoryList = { articles: 5, total: 0, items: [] };
    const empty: StoryList = { articles: 0, total: 0, items: [] };
    const some: StoryList = { articles: 12, total: 2, items: [story('a', 3), story('b', 2)] };
    setLang('ar');
    assert.equal(
      storiesCount(singles, false),
      'لا قصة تجمع أكثر من خبر، وفي الأرشيف 5 أخبار («أظهر القصص ذات الخبر الواحد أيضًا» يسردها)',
    );
    assert.equal(storiesCount(empty, false), 'لا قصص (الأرشيف بلا أخبار)');
    assert.equal(storiesCount(some, false), 'قصتان · 5 أخبار (من 12 في الأرشيف)');
    setLang('en');
    assert.equal(
      storiesCount(singles, false),
      "No story with more than one article among the archive's 5 articles («Also show single-article stories» lists them)",
    );
    assert.equal(storiesCount(empty, true), 'No stories (the archive has no articles)');
    assert.equal(storiesCount(some, false), '2 stories · 5 articles (of 12 in the archive)');
  } finally {
    setLang('ar');
    g.document = saved;
  }
});

test('an event of two sides both ways is said once, «A ↔ B», on a story page (it read «A، B ← A، B»)', () => {
  assert.deepEqual(bothWays({ source: ['person:a', 'person:b'], target: ['person:b', 'person:a'] }), [
    'person:a',
    'person:b',
  ]);
  assert.equal(bothWays({ source: ['country:OMN'], target: ['country:IRN'] }), undefined);
  assert.equal(bothWays({ source: ['country:OMN', 'country:IRN'], target: ['country:IRN'] }), undefined);
  assert.equal(bothWays({ source: ['country:OMN'], target: ['country:OMN'] }), undefined);
});
