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
