import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import { createProgress, formatDuration, progressLine } from '../../src/cli/progress.ts';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let s = '';
  stream.on('data', (d) => {
    s += d;
  });
  return { stream, text: () => s };
}

test('progress line: bar, count, percent, rate and ETA when the total is known', () => {
  assert.equal(
    progressLine({ done: 250, elapsedMs: 5000, detail: 'new 250' }, 1000, 10),
    '[###.......] 250/1000 25% 50/s ETA 0:15 | new 250',
  );
  assert.equal(progressLine({ done: 7, elapsedMs: 2000 }), '7 3.5/s elapsed 0:02');
  assert.equal(formatDuration(3_725_000), '1:02:05');
});

test('progress line: past an estimate that was short (a feed in a folder counts as one file), no «11/10»', () => {
  assert.equal(progressLine({ done: 11, elapsedMs: 1000 }, 10, 10), '11 11/s elapsed 0:01');
  assert.equal(
    progressLine({ done: 10, elapsedMs: 1000 }, 10, 10),
    '[##########] 10/10 100% 10/s elapsed 0:01',
  );
});

test('on a terminal the line is redrawn in place; otherwise plain lines, not too often', () => {
  const tty = capture();
  const p = createProgress({ stream: tty.stream, isTTY: true, total: 10, label: 'ingest' });
  p.update({ done: 1, elapsedMs: 100 });
  p.update({ done: 2, elapsedMs: 200 });
  p.done();
  assert.equal((tty.text().match(/\r\x1b\[2K/g) ?? []).length, 3);
  assert.ok(!tty.text().includes('\n'));
  const log = capture();
  const q = createProgress({ stream: log.stream, isTTY: false, label: 'ingest', logEveryMs: 1000 });
  for (let i = 1; i <= 30; i++) q.update({ done: i, elapsedMs: i * 100 });
  q.done({ done: 30, elapsedMs: 3000 });
  const lines = log.text().trim().split('\n');
  assert.equal(lines.length, 4, log.text());
  assert.ok(lines.every((l) => l.startsWith('ingest: ') && !l.includes('\x1b')));
});

test('khabar ingest --lang ar: the progress line is Arabic too (polish14: it stayed English)', async () => {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { main } = await import('../../src/cli/main.ts');
  const { fakeContext, tempDir } = await import('../helpers.ts');
  assert.equal(
    progressLine({ done: 250, elapsedMs: 5000, detail: 'أُضيف 250' }, 1000, 10, 'ar'),
    '[###.......] 250/1000 25% 50/ث المتبقي 0:15 | أُضيف 250',
  );
  const dir = tempDir('khabar-progress-ar-');
  writeFileSync(
    join(dir, 'a.txt'),
    'افتتحت البلدية مكتبة عامة جديدة في حي الياسمين.\n\nوقال رئيس البلدية إن المكتبة تفتح أبوابها كل يوم.',
  );
  const { ctx, err } = fakeContext();
  assert.equal(await main(['ingest', join(dir, 'a.txt'), '--db', join(dir, 'k.db'), '--lang', 'ar'], ctx), 0);
  const line = err().trim().split('\n').at(-1) ?? '';
  assert.match(
    line,
    /^الإدخال: .*1\/1 .*\/ث مضى \d+:\d\d \| أُضيف 1 حُدِّث 0 بلا تغيير 0 مكرَّر 0 شبه مكرَّر 0 محجور 0$/u,
    line,
  );
  assert.doesNotMatch(line, /new|upd|quarantined|elapsed/u);
});

/** The lines a fake terminal was left showing: each redraw's text, in order. */
function drawn(stderr: string): string[] {
  return stderr
    .split('\r\x1b[2K')
    .map((s) => s.trim())
    .filter(Boolean);
}

test('on a terminal the bar ends where the summary does: its total is the items read (non-article files, blank JSONL lines, a feed whose items are fetched, a JSONL file named .txt)', async () => {
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const { createServer } = await import('node:http');
  const { join } = await import('node:path');
  const { main } = await import('../../src/cli/main.ts');
  const { fakeContext, tempDir } = await import('../helpers.ts');
  const { arabicArticle } = await import('./fixtures.ts');
  // pages for the feed's teasers, on loopback
  const server = createServer((req, res) => {
    const n = Number(/\/p(\d+)\.html$/u.exec(req.url ?? '')?.[1] ?? 0);
    if (n === 0) res.writeHead(404).end();
    else
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(
          `<html><head><title>خبر ${n}</title></head><body><article><p>${arabicArticle(970 + n, 3)}</p></article></body></html>`,
        );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const dir = tempDir('khabar-progress-total-');
    const news = join(dir, 'news');
    mkdirSync(join(news, 'sub'), { recursive: true });
    writeFileSync(join(news, 'a.txt'), arabicArticle(981, 3));
    writeFileSync(join(news, 'b.bin'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    writeFileSync(join(news, 'c.txt'), '');
    // 3 records, blank lines between (one quarantine entry) and after
    const rec = (n: number) => JSON.stringify({ text: arabicArticle(990 + n, 2) });
    writeFileSync(join(news, 'd.jsonl'), `${rec(1)}\n\n${rec(2)}\n   \n\n${rec(3)}\n\n\n\n\n`);
    // JSONL by its first bytes, under another name
    writeFileSync(join(news, 'e.txt'), `${rec(4)}\n${rec(5)}`);
    // a feed of four teasers: three fetched, one whose page is missing (404: its two-word teaser quarantined)
    const item = (n: number) =>
      `<item><title>خبر ${n}</title><link>${base}/p${n}.html</link><guid>g${n}</guid><description>موجز ${n}</description></item>`;
    writeFileSync(
      join(news, 'sub', 'feed.xml'),
      `<?xml version="1.0"?><rss version="2.0"><channel><title>صحيفة</title>${[1, 2, 3].map(item).join('')}${item(0)}</channel></rss>`,
    );
    writeFileSync(join(news, '.hidden.txt'), arabicArticle(999, 2));
    const { ctx, out, err } = fakeContext();
    ctx.isTTY = true;
    const code = await main(['ingest', news, '--db', join(dir, 'k.db'), '--json'], ctx);
    const summary = JSON.parse(out()) as { seen: number; inserted: number; quarantined: number };
    assert.equal(code, 3, err());
    // a.txt; b.bin, c.txt refused; d: 3 + its empty lines; e: 2; the feed: 3 pages + the 404's teaser
    // (two words, under five: quarantined, ingest/teaser-too-short)
    assert.deepEqual([summary.seen, summary.inserted, summary.quarantined], [13, 9, 4]);
    const lines = drawn(err());
    assert.ok(lines.length > 0, JSON.stringify(err()));
    const last = lines.at(-1)!;
    // before: a total of 15 (d.jsonl's 10 line ends, e.txt and the feed 1 each): «13/15 86%» at the end
    assert.match(last, /\[#{24}\] 13\/13 100% /u, last);
    for (const l of lines) {
      const m = /\] (\d+)\/(\d+) /u.exec(l);
      assert.ok(m, `every redraw has its bar: ${l}`);
      assert.ok(Number(m[1]) <= Number(m[2]), l);
    }
  } finally {
    server.close();
  }
});

test('not on a terminal, the closing log line gives the count against the same total', async () => {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { main } = await import('../../src/cli/main.ts');
  const { fakeContext, tempDir } = await import('../helpers.ts');
  const { arabicArticle } = await import('./fixtures.ts');
  const dir = tempDir('khabar-progress-log-');
  const rec = (n: number) => JSON.stringify({ text: arabicArticle(1000 + n, 2) });
  writeFileSync(join(dir, 'a.jsonl'), `\n${rec(1)}\n\n${rec(2)}\n\n`);
  const { ctx, err } = fakeContext();
  assert.equal(await main(['ingest', join(dir, 'a.jsonl'), '--db', join(dir, 'k.db')], ctx), 3);
  // two records and one entry for the empty lines before them: 3 items, of 3 — in one line:
  // a run shorter than the log interval logs at its end only (the first item was logged too)
  assert.match(err(), /^ingest: \[#+\] 3\/3 100% [^\n]*\n$/u, err());
});

test('stdout a terminal but stderr redirected: plain log lines, no redraws in the log', async () => {
  const { writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { main } = await import('../../src/cli/main.ts');
  const { fakeContext, tempDir } = await import('../helpers.ts');
  const { arabicArticle } = await import('./fixtures.ts');
  const dir = tempDir('khabar-progress-err-');
  writeFileSync(join(dir, 'a.jsonl'), `${JSON.stringify({ text: arabicArticle(1100, 2) })}\n`);
  const { ctx, err } = fakeContext();
  ctx.isTTY = true; // `khabar ingest … 2> log` typed at a terminal
  ctx.errIsTTY = false;
  assert.equal(await main(['ingest', join(dir, 'a.jsonl'), '--db', join(dir, 'k.db')], ctx), 0, err());
  assert.doesNotMatch(err(), /\r/u, JSON.stringify(err()));
  assert.match(err(), /^ingest: \[#+\] 1\/1 100% [^\n]*\n$/u, err());
  // and the other way round: stderr a terminal, stdout piped — the bar redraws
  const tty = fakeContext();
  tty.ctx.isTTY = false;
  tty.ctx.errIsTTY = true;
  assert.equal(await main(['ingest', join(dir, 'a.jsonl'), '--db', join(dir, 'k2.db')], tty.ctx), 0);
  assert.match(tty.err(), /\r/u, JSON.stringify(tty.err()));
});

test('without a total (standard input, a URL, --follow): count and the rate of the last 10 s; no bar, %, ETA or NaN', () => {
  const tty = capture();
  const p = createProgress({ stream: tty.stream, isTTY: true, label: 'ingest' });
  // The first article after 6 s of start-up (models loading), then 10 a second.
  p.update({ done: 1, elapsedMs: 6000 });
  p.update({ done: 31, elapsedMs: 9000 });
  p.update({ done: 61, elapsedMs: 12000 });
  // --follow: polls that bring nothing (304s) for the next 20 s
  for (let t = 15000; t <= 33000; t += 3000) p.update({ done: 61, elapsedMs: t });
  const lines = drawn(tty.text());
  assert.equal(lines.length, 10);
  // the average since the start said 3.4/s, then 5.1/s, then fell poll after poll (1.8/s at 33 s)
  assert.equal(lines[1], 'ingest: 31 10/s elapsed 0:09');
  assert.equal(lines[2], 'ingest: 61 10/s elapsed 0:12');
  assert.equal(lines.at(-1), 'ingest: 61 0.0/s elapsed 0:33');
  for (const l of lines) assert.doesNotMatch(l, /%|ETA|NaN|Infinity|\[|undefined/u, l);
  // a known total: the ETA follows the pace of the last seconds too
  const bar = capture();
  const q = createProgress({ stream: bar.stream, isTTY: true, total: 1000 });
  q.update({ done: 1, elapsedMs: 6000 });
  q.update({ done: 101, elapsedMs: 16000 });
  assert.equal(drawn(bar.text()).at(-1), `[##${'.'.repeat(22)}] 101/1000 10% 10/s ETA 1:30`);
});

test('a terminal that reports 0 columns (`script`, some containers) gets the whole line, not 20 characters', () => {
  const tty = capture();
  (tty.stream as PassThrough & { columns?: number }).columns = 0;
  const p = createProgress({ stream: tty.stream, isTTY: true, label: 'ingest' });
  p.update({ done: 1, elapsedMs: 6000, detail: 'new 1 upd 0 same 0' });
  assert.equal(drawn(tty.text())[0], 'ingest: 1 0.2/s elapsed 0:06 | new 1 upd 0 same 0');
  // a narrow terminal still cuts it to its width
  const narrow = capture();
  (narrow.stream as PassThrough & { columns?: number }).columns = 30;
  createProgress({ stream: narrow.stream, isTTY: true, label: 'ingest' }).update({
    done: 1,
    elapsedMs: 6000,
  });
  assert.equal(drawn(narrow.text())[0], 'ingest: 1 0.2/s elapsed 0:06');
});
