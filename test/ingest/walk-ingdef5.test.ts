/**
 * ingdef5's walk: `khabar ingest` over a folder of seven inputs written for it
 * (fixtures/walk-ingdef5: a windows-1256 text, a UTF-16 text with BOM, an HTML page with a
 * byline and a published time, a JSONL file with one broken line, an RSS feed with one item
 * lacking text and link, a Persian article, a text opening with its headline), then `status`
 * and `export` read as a demanding user: what is stored, from which encoding, what is
 * quarantined and whether each reason names the input and says what to do.
 */
import assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/walk-ingdef5');

test('walk: seven messy inputs — stored with their encodings and page metadata, the rest quarantined with what to do', {
  timeout: 180_000,
}, async () => {
  const dir = tempDir('khabar-walk5-');
  const inputs = join(dir, 'in');
  cpSync(FIXTURES, inputs, { recursive: true });
  const db = join(dir, 'a.db');
  const ing = fakeContext();
  assert.equal(await main(['ingest', inputs, '--db', db, '--json', '--quiet'], ing.ctx), 3, ing.err());
  const s = JSON.parse(ing.out());
  assert.deepEqual([s.seen, s.inserted, s.quarantined], [10, 7, 3]);
  assert.deepEqual(s.reasons, { 'ingest/no-text': 1, 'ingest/not-arabic': 1, 'ingest/bad-json': 1 });

  const st = fakeContext();
  assert.equal(await main(['status', '--db', db, '--json'], st.ctx), 0, st.err());
  const status = JSON.parse(st.out());
  const reason = (suffix: string) =>
    status.quarantine.items.find((q: { source: string }) => q.source.endsWith(suffix))?.reason ?? '';
  assert.match(
    reason('wire.jsonl:2'),
    /wire\.jsonl:2: not valid JSON .*correct this line and read the input again/u,
  );
  assert.match(reason('tehran-fa.txt'), /tehran-fa\.txt: written in Persian \(fa\), not Arabic/u);
  assert.match(
    reason('feed.xml#feed-item-2'),
    /feed\.xml#feed-item-2: feed item «عنوان بلا نص ولا رابط» has no content and no link .*read the feed again/u,
  );

  const ex = fakeContext();
  assert.equal(await main(['export', '--db', db], ex.ctx), 0, ex.err());
  const articles = ex
    .out()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .filter((r) => r.article)
    .map((r) => r.article);
  const by = (file: string) => articles.find((a) => a.provenance.source.endsWith(file));
  assert.equal(by('amman-1256.txt')?.provenance.encoding, 'windows-1256');
  assert.ok(by('amman-1256.txt')?.text.includes('محطة جديدة لتحلية المياه'));
  assert.equal(by('baghdad-utf16.txt')?.provenance.encoding, 'utf-16le');
  assert.ok(by('baghdad-utf16.txt')?.text.includes('شارع المتنبي'));
  const page = by('tunis-page.html');
  assert.deepEqual(
    [page?.title, page?.byline, page?.published, page?.outlet],
    ['تونس تطلق خطا بحريا جديدا إلى مرسيليا', 'ليلى بن عمر', '2026-11-28T09:30:00+01:00', 'صحيفة الساحل'],
  );
  assert.ok(!page?.text.includes('جميع الحقوق محفوظة'), 'the footer is not the story');
  assert.equal(by('wire.jsonl:3')?.title, 'قطر تستضيف مؤتمرا للأمن الغذائي');
  assert.equal(by('feed.xml#feed-item-1')?.title, 'البحرين تفتتح جسرا جديدا يربط جزيرتين');
  assert.equal(by('tehran-fa.txt'), undefined);
});
