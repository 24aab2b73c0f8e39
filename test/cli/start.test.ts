import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const root = new URL('../../', import.meta.url).pathname;

/** Runs `khabar start`, waits until it serves, hands the address to `use`, then stops it. */
async function withStart(db: string, use: (base: string, stderr: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [join(root, 'bin/khabar.js'), 'start', '--port', '0', '--db', db], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /serving (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
  });
  try {
    await use(base, err);
  } finally {
    await new Promise((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
  }
}

test('npm start: the first run builds the archive from the examples, the next reuses it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-start-'));
  const db = join(dir, 'khabar.db');
  try {
    await withStart(db, async (base, stderr) => {
      assert.match(stderr, /new archive/);
      const list = (await (await fetch(`${base}/api/articles`)).json()) as { total: number };
      assert.equal(list.total, 12);
      const rel = (await (await fetch(`${base}/api/relations`)).json()) as { dyads: unknown[] };
      assert.ok(rel.dyads.length > 0, 'the example archive has relations to show');
      assert.equal((await fetch(`${base}/`)).status, 200);
    });
    await withStart(db, async (_base, stderr) => {
      assert.match(stderr, /using the archive .*\(12 articles\)/);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
