/**
 * `khabar start` and the browser tests build web/dist through one function under one lock
 * (src/ops/web-build.ts): two at once build it once, one after the other, never together.
 * Run on a throwaway checkout whose «vite» only logs when it starts and ends.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;

/** A checkout with web sources and a fake vite that takes `ms` to "build". */
function fakeCheckout(ms: number): string {
  const dir = tempDir('khabar-webbuild-');
  mkdirSync(join(dir, 'web/src'), { recursive: true });
  writeFileSync(join(dir, 'web/index.html'), '<!doctype html>');
  writeFileSync(join(dir, 'web/src/main.ts'), 'export {};');
  mkdirSync(join(dir, 'node_modules/vite/bin'), { recursive: true });
  writeFileSync(
    join(dir, 'node_modules/vite/bin/vite.js'),
    `const fs = require('node:fs');
fs.appendFileSync('build.log', 'start ' + process.ppid + '\\n');
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
fs.mkdirSync('web/dist', { recursive: true });
fs.writeFileSync('web/dist/index.html', 'built');
fs.appendFileSync('build.log', 'end ' + process.ppid + '\\n');
`,
  );
  writeFileSync(join(dir, 'node_modules/vite/package.json'), '{"type":"commonjs"}');
  return dir;
}

/** Runs buildWeb in a separate process on `dir`; resolves to what it printed. */
function build(dir: string, force = false): Promise<string> {
  const code = `const { buildWeb } = await import(${JSON.stringify(join(root, 'src/ops/web-build.ts'))});
const built = buildWeb({ root: ${JSON.stringify(dir)}, ${force ? "force: 'asked for', " : ''}onWait: () => console.log('waited') });
console.log(built ? 'built' : 'fresh');`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.once('exit', (status) =>
      status === 0 ? resolve(out) : reject(new Error(`exit ${status}: ${err}`)),
    );
  });
}

test('two builds of web/dist at once: one builds, the other waits for the lock and finds it fresh', async () => {
  const dir = fakeCheckout(1500);
  const outs = await Promise.all([build(dir), build(dir)]);
  const log = readFileSync(join(dir, 'build.log'), 'utf8').trim().split('\n');
  assert.equal(log.length, 2, `one build: ${log.join(' | ')}`);
  assert.match(log[0]!, /^start /);
  assert.match(log[1]!, /^end /);
  // The other waited for the lock (or, on a slow machine, started after the build): fresh.
  const said = outs.map((o) => o.trim().split('\n').at(-1)).sort();
  assert.deepEqual(said, ['built', 'fresh']);
  // Nothing stale now: a third run builds nothing and leaves no lock behind.
  assert.equal((await build(dir)).trim(), 'fresh');
});

test('two forced rebuilds (start --rebuild-web) at once never overlap', async () => {
  const dir = fakeCheckout(800);
  await Promise.all([build(dir, true), build(dir, true)]);
  const log = readFileSync(join(dir, 'build.log'), 'utf8').trim().split('\n');
  // start, end (and, if the second came in first, its own start, end after): never start, start.
  for (let i = 0; i < log.length; i += 2) {
    assert.match(log[i]!, /^start /, log.join(' | '));
    assert.match(log[i + 1]!, /^end /, log.join(' | '));
  }
});
