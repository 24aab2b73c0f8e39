import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsPost, run, show } from './analyst.ts';

// «الوزير الأول»: the head of government in Algeria (and in Morocco and Tunisia before 2011) — a
// prime minister, not a minister of no portfolio, nor an unresolved bare post (worktree walk).
// Every sentence here is written for this test; the people named are invented or public office holders.

test("«الوزير الأول الجزائري X» is Algeria's prime minister", () => {
  holdsPost(
    'الجزائر - استقبل الوزير الأول الجزائري نذير العرباوي سفير فرنسا بمقر الحكومة.',
    'نذير العرباوي',
    {
      ar: 'الوزير الأول الجزائري',
      en: 'Prime Minister',
      country: 'DZA',
    },
  );
});

test('a bare «الوزير الأول» is a prime minister post, and «نظيره» after it is one too', () => {
  const { mentions, entities } = run(
    'أعلنت رئاسة الحكومة أن الوزير الأول سيستقبل يوم الاثنين نظيره الجزائري.',
  );
  const posts = entities.filter((e) => e.type === 'POST');
  assert.ok(
    posts.some((e) => e.post?.en === 'Prime Minister' && !e.country),
    show(mentions),
  );
  assert.ok(
    posts.some((e) => e.post?.en === 'Prime Minister' && e.country === 'DZA'),
    show(mentions),
  );
});
