/**
 * Shared by the browser tests: Debian's Chromium (never a downloaded browser) with the
 * flags this machine needs, and a web/dist rebuilt when any source under web/ is newer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { ROOT } from '../../src/ops/web-build.ts';

export const CHROMIUM = '/usr/bin/chromium';
export const DIST = join(ROOT, 'web/dist');

/** `describe(…, { skip })`: a reason when there is no browser, else false. */
export const chromiumSkip = !existsSync(CHROMIUM)
  ? `no browser at ${CHROMIUM} (apt-get install chromium)`
  : false;

/**
 * Builds web/dist when it is missing or older than a source, under web/.dist-lock: the same
 * function and lock as `khabar start` (the test runner runs two files at once, and a start may
 * run beside the tests).
 */
export { buildWeb } from '../../src/ops/web-build.ts';

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
