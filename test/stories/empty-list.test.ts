/**
 * polish14: `khabar stories` on an archive whose articles are all of different events said
 * «no stories (the archive has no articles)» — of an archive with articles. It now says how
 * many articles there are and that --all lists the single-article stories. Our own sentences.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from '../helpers.ts';

test('stories on an archive with articles and no story of two says so, in English and in Arabic', async () => {
  const dir = tempDir('khabar-stories-empty-');
  const db = join(dir, 'a.db');
  const lines = [
    {
      id: 's1',
      outlet: 'صحيفة المثال',
      published: '2025-11-02',
      text: 'افتتحت البلدية حديقة عامة جديدة في حي الزيتون.\n\nوقال رئيس البلدية إن الحديقة مفتوحة للجميع.',
    },
    {
      id: 's2',
      outlet: 'صحيفة المثال',
      published: '2025-11-09',
      text: 'فاز فريق المدينة بكأس البطولة المحلية لكرة السلة بعد مباراة نهائية مثيرة.\n\nواحتفل المشجعون في الساحة الكبرى.',
    },
  ];
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  await runCli(['ingest', file, '--db', db, '--quiet']);
  const en = (await runCli(['stories', '--db', db, '--lang', 'en'])).trim();
  assert.equal(
    en,
    "no story with more than one article among the archive's 2 articles (--all lists single-article stories too)",
  );
  const ar = (await runCli(['stories', '--db', db, '--lang', 'ar'])).trim();
  assert.doesNotMatch(ar, /بلا أخبار/u);
  assert.equal(ar, 'لا قصة تجمع أكثر من خبر، وفي الأرشيف خبران (--all يسرد القصص ذات الخبر الواحد أيضًا)');
  assert.match(await runCli(['stories', '--db', db, '--all']), /^story:/u);
});
