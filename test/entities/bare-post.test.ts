import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsPost, run, show } from './analyst.ts';

// A bare post («الرئيس», «الوزير»: a reference back) right before another post and a name is
// another person — the subject of «استقبل/التقى», the one met after it (worktree entev). Every
// sentence here is written for this test; the people named are invented or public office holders.

test('«استقبل الرئيس رئيس الحكومة X»: X holds the second post only', () => {
  holdsPost('تونس - استقبل الرئيس رئيس الحكومة يوسف الشاهد بقصر قرطاج.', 'يوسف الشاهد', {
    ar: 'رئيس الحكومة',
    en: 'Prime Minister',
  });
  holdsPost('تونس - التقى الوزير السفير الفرنسي جان لوك مارتان بمقر الوزارة.', 'جان لوك مارتان', {
    en: 'Ambassador',
    country: 'FRA',
  });
  // the bare post is no mention of X's
  const { mentions } = run('تونس - استقبل الرئيس رئيس الحكومة يوسف الشاهد بقصر قرطاج.');
  const his = mentions.filter((m) => m.entityId === 'person:youssef-chahed');
  assert.ok(his.length >= 2, show(mentions));
  assert.ok(
    his.every((m) => m.text !== 'الرئيس'),
    show(his),
  );
});

test('two posts of one person, neither bare, still chain: «نائب رئيس الوزراء وزير الخارجية …»', () => {
  holdsPost(
    'إسلام آباد - وقال نائب رئيس الوزراء وزير الخارجية الباكستاني إسحاق دار إن المحادثات بناءة.',
    'إسحاق دار',
    {
      country: 'PAK',
      en: 'Deputy Prime Minister; Minister of Foreign Affairs',
    },
  );
});
