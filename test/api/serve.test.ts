/** `khabar serve`: options are checked, and a real process serves the API and stops cleanly. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;

test('serve refuses bad options with a usage error', async () => {
  for (const argv of [
    ['serve', '--port', 'abc'],
    ['serve', '--port', '70000'],
    ['serve', '--bogus'],
    ['serve', '--cache-ttl', '-1'],
    ['serve', '--port'],
  ]) {
    const { ctx, err } = fakeContext();
    assert.equal(await main(argv, ctx), 2, argv.join(' '));
    // «khabar: …», or a usage error naming the command once: «khabar serve: …».
    assert.match(err(), /^khabar( serve)?: /);
  }
});

test('serve on an address this machine does not have says which option to change, not a stack trace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-serve-host-'));
  try {
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine.
    const { ctx, err } = fakeContext();
    const code = await main(
      ['serve', '--host', '192.0.2.1', '--port', '0', '--db', join(dir, 'a.db'), '--web', dir],
      ctx,
    );
    assert.equal(code, 2, err());
    assert.match(
      err(),
      /^khabar: option --host: 192\.0\.2\.1 is no address of this machine; use 127\.0\.0\.1/mu,
    );
    assert.doesNotMatch(err(), /EADDRNOTAVAIL|at Server/u);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('serve listens, answers /api/health and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-serve-'));
  try {
    const child = spawn(
      process.execPath,
      [join(root, 'bin/khabar.js'), 'serve', '--port', '0', '--db', join(dir, 'a.db'), '--web', dir],
      { cwd: root, env: { ...process.env, KHABAR_TOKEN: 'tok' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
        const m = /serving (http:\/\/127\.0\.0\.1:\d+)\/.*ingest enabled/.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
    });
    const health = (await (await fetch(`${base}/api/health`)).json()) as { status: string; ingest: boolean };
    assert.deepEqual([health.status, health.ingest], ['ok', true]);
    // A new archive (a mistyped --db makes one) is said to be empty, with what to run.
    assert.match(
      err,
      /khabar: the archive at .*a\.db is empty: add articles with `khabar ingest FILE --db …`/u,
    );
    // --web points at a folder without index.html: the app says how to build it.
    const page = await fetch(`${base}/`);
    assert.equal(page.status, 503);
    assert.match(await page.text(), /npm run build:web/);
    const code = await new Promise<number | null>((resolve) => {
      child.once('exit', resolve);
      child.kill('SIGTERM');
    });
    assert.equal(code, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
