#!/usr/bin/env node
// Builds native/khabar_rank.c (the SQLite ranking function khabar_bm25; see that file) into
// native/build/, against the SQLite headers better-sqlite3 ships. Optional: without a C
// compiler it says so and exits 0 — the SQLite store then ranks with FTS5's bm25.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'native/khabar_rank.c');
const ext = process.platform === 'darwin' ? 'dylib' : process.platform === 'win32' ? 'dll' : 'so';
const out = join(root, 'native/build', `khabar_rank.${ext}`);
const require = createRequire(import.meta.url);
const headers = join(dirname(require.resolve('better-sqlite3/package.json')), 'deps/sqlite3');
if (!existsSync(join(headers, 'sqlite3ext.h'))) {
  console.warn(`build:native: no SQLite headers in ${headers}; skipped (search ranks with bm25)`);
  process.exit(0);
}
if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) process.exit(0);
mkdirSync(dirname(out), { recursive: true });
const cc = process.env.CC || 'cc';
const flags = process.platform === 'darwin' ? ['-dynamiclib'] : ['-shared', '-fPIC'];
const r = spawnSync(cc, ['-O2', ...flags, '-I', headers, src, '-o', out, '-lm'], { stdio: 'inherit' });
if (r.status !== 0) {
  console.warn(
    `build:native: ${cc} failed (${r.error?.message ?? `exit ${r.status}`}); search ranks with bm25`,
  );
  process.exit(0);
}
console.log(`build:native: ${out}`);
