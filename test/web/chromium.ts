/**
 * Shared by the browser tests: Debian's Chromium (never a downloaded browser) with the
 * flags this machine needs, and a web/dist rebuilt when any source under web/ is newer.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const root = new URL('../../', import.meta.url).pathname;
export const CHROMIUM = '/usr/bin/chromium';
const WEB = join(root, 'web');
export const DIST = join(WEB, 'dist');

/** `describe(…, { skip })`: a reason when there is no browser, else false. */
export const chromiumSkip = !existsSync(CHROMIUM)
  ? `no browser at ${CHROMIUM} (apt-get install chromium)`
  : false;

function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    if (name === 'dist' || name === 'node_modules') continue;
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return t;
}

/** Builds web/dist when it is missing or older than a source file (vite build, a few seconds). */
export function buildWeb(): void {
  const index = join(DIST, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newest(WEB)) return;
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
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
