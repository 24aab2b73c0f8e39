/** A feed teaser stored partial, as the CLI shows it: `status` counts it, `show` says why (ingleft). */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { articleId } from '../../src/ingest/ids.ts';
import { runCli, tempDir } from '../helpers.ts';

test('ingest stores a teaser whose page is missing (exit 0, nothing quarantined); status counts it partial; show says why', async () => {
  const server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const dir = tempDir('khabar-teaser-cli-');
    const feed = join(dir, 'feed.xml');
    writeFileSync(
      feed,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>صحيفة المثال</title><item><title>افتتاح جسر جديد</title><link>${base}/n/7</link><guid>g7</guid><description>افتتح رئيس الوزراء جسرا جديدا يربط ضفتي النهر في العاصمة صباح اليوم.</description></item></channel></rss>`,
    );
    const db = join(dir, 'k.db');
    const ingest = JSON.parse(await runCli(['ingest', feed, '--db', db, '--json', '--quiet'])) as {
      inserted: number;
      quarantined: number;
      warnings: Record<string, number>;
    };
    assert.deepEqual([ingest.inserted, ingest.quarantined], [1, 0]);
    assert.deepEqual(ingest.warnings, { 'feed/teaser-only': 1 });
    const status = await runCli(['status', '--db', db, '--lang', 'en']);
    assert.match(status, /^ {2}articles +1$/mu);
    assert.match(status, /^ {2}partial +1 {3}\(feed teasers: their pages could not be fetched yet/mu);
    const id = articleId({ outlet: 'صحيفة المثال', url: `${base}/n/7`, text: '' });
    const shown = await runCli(['show', id, '--db', db, '--lang', 'en']);
    assert.match(
      shown,
      /^- partial: a feed item's teaser \(its title and own text only\): its page could not be fetched — .*HTTP 404/mu,
    );
    assert.match(shown, /جسرا جديدا/u);
  } finally {
    server.close();
  }
});
