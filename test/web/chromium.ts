/**
 * Shared by the browser tests: Debian's Chromium (never a downloaded browser) with the
 * flags this machine needs, and a web/dist rebuilt when any source under web/ is newer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
export const CHROMIUM = '/usr/bin/chromium';
const WEB = join(root, 'web');
export const DIST = join(WEB, 'dist');
/** web/.dist-lock: held while one test process builds web/dist (see buildWeb). */
const LOCK = '.dist-lock';

/** `describe(…, { skip })`: a reason when there is no browser, else false. */
export const chromiumSkip = !existsSync(CHROMIUM)
  ? `no browser at ${CHROMIUM} (apt-get install chromium)`
  : false;

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules' || name === LOCK) continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

const fresh = (): boolean => {
  const index = join(DIST, 'index.html');
  return existsSync(index) && statSync(index).mtimeMs >= newest(WEB);
};

/** Sleeps `ms` without spinning (the build below is synchronous, as its callers' hooks are). */
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether the process that took the lock in `dir` is gone (a test run killed mid-build). */
function abandoned(dir: string): boolean {
  let pid = 0;
  try {
    pid = Number(readFileSync(join(dir, 'pid'), 'utf8'));
  } catch {
    // taken a moment ago, its pid not written yet — or the directory is already gone
  }
  if (!pid) {
    try {
      return statSync(dir).mtimeMs < Date.now() - 10_000;
    } catch {
      return false;
    }
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Builds web/dist when it is missing or older than a source file (vite build, a few seconds).
 * One build at a time: the test runner runs two files at once, and on a fresh clone both
 * browser test files found no web/dist and built it together — vite empties web/dist first,
 * so one file's server could answer 404 for the page the other had just built. The lock is a
 * directory (mkdir is atomic); whoever waited for it looks again and finds web/dist fresh.
 */
export function buildWeb(): void {
  if (fresh()) return;
  const lock = join(WEB, LOCK);
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else sleep(200);
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    if (fresh()) return;
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'],
      { cwd: root, encoding: 'utf8' },
    );
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A fresh headless Chromium profile in `profileDir`. */
export function launchChromium(profileDir: string, locale: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 1280, height: 900 },
    locale,
  });
}
