/**
 * `khabar … | head`: when the reader closes the pipe early, the command stops quietly with
 * exit code 0 — no unhandled EPIPE and no stack trace on the terminal.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;

test('khabar events on a long article, its reader gone after the first line: exit 0, nothing on stderr', async () => {
  const dir = tempDir('khabar-pipe-');
  const file = join(dir, 'long.txt');
  // Many events: enough output to overflow the pipe's buffer after the reader has left.
  const sentence =
    'واستقبل وزير الخارجية المصري نظيره الأردني في القاهرة، وبحث الجانبان التعاون بين البلدين.';
  writeFileSync(file, Array.from({ length: 1500 }, () => sentence).join('\n'));
  const child = spawn(process.execPath, ['bin/khabar.js', 'events', file, '--published', '2026-12-01'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
  });
  let firstLine = '';
  child.stdout.setEncoding('utf8').once('data', (d: string) => {
    firstLine = d.split('\n')[0]!;
    child.stdout.destroy(); // as `head -1` does after its line
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  assert.match(firstLine, /CONSULT|Egypt/u, 'the first line was an event');
  assert.equal(stderr, '', 'no EPIPE trace');
  assert.equal(code, 0);
});
