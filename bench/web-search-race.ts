/**
 * The search box's race, counted: the web app in Debian's Chromium (test/web/harness.ts), the
 * search page reached as test/web/browser.test.ts reaches it — `page.goto('#/search')`, then
 * `fill('#q')` and Enter — and each round checks that the typed query reached the URL. A round
 * whose text or submit the app lost counts as lost (its URL never shows the query within
 * --wait ms). Three ways in, each --rounds times:
 *   hash   from the results of another query (`#/search?q=…` → `#/search`, same document)
 *   other  from another page (`#/timeline` → `#/search`: the search page mounts)
 *   load   a full page load (`/?n=I#/search`: the app starts)
 * --block MS keeps the page's thread busy MS ms after each hash change and page load, as a
 * renderer starved of CPU is; --throttle R slows the page's CPU R times (Chromium's DevTools
 * emulation), as a loaded machine does.
 * --inpage types from inside the page at the first task after the app has handled the hash
 * change (a fast typist; a loaded machine handling queued input first), then Enter (hash, other).
 * With --signal the test's wait is used first: the app's `data-route` on <main> naming the route.
 *
 *   node --import tsx bench/web-search-race.ts [--rounds 50] [--wait 3000] [--throttle 1]
 *     [--block 0] [--inpage] [--signal]
 *
 * Prints lost/rounds per way in, and the CPU seconds of this process (the browser's are not in
 * it) with the load average at the start and end.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { startWeb, typeAsSearchRenders } from '../test/web/harness.ts';
import { checkArgs, option } from '../scripts/args.ts';

checkArgs('bench/web-search-race.ts', ['rounds', 'wait', 'throttle', 'block'], ['signal', 'inpage']);

const args = process.argv.slice(2);
const rounds = Number(option('rounds') ?? '50');
const wait = Number(option('wait') ?? '3000');
const signal = args.includes('--signal');
const throttle = Number(option('throttle') ?? '1');
const block = Number(option('block') ?? '0');
const inpage = args.includes('--inpage');
if (!Number.isInteger(rounds) || rounds < 1)
  throw new Error(`--rounds ${option('rounds') ?? ''}: a positive integer`);
if (!Number.isFinite(throttle) || throttle < 1)
  throw new Error(`--throttle ${option('throttle') ?? ''}: a slow-down factor, 1 or more`);
if (!Number.isFinite(block) || block < 0)
  throw new Error(`--block ${option('block') ?? ''}: milliseconds, 0 or more`);
if (!Number.isFinite(wait) || wait < 1)
  throw new Error(`--wait ${option('wait') ?? ''}: milliseconds, above 0`);

const load0 = loadavg();
const cpu0 = process.cpuUsage();
const web = await startWeb({ name: 'race', token: 'race-token', locale: 'ar' });
const { page, base } = web;
// A starved renderer, as on a loaded machine: Chromium's own CPU throttling (DevTools protocol).
const cdp = await web.ctx.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
// A renderer that gets the CPU back late: after each hash change (and the app's first render),
// the page's thread is kept busy --block ms, so what the app deferred and the test's input
// queue up behind it, as when the machine is loaded.
if (block > 0)
  await page.addInitScript((ms: number) => {
    const stall = () =>
      setTimeout(() => {
        const t = performance.now();
        while (performance.now() - t < ms);
      }, 0);
    window.addEventListener('hashchange', stall);
    window.addEventListener('DOMContentLoaded', stall);
  }, block);
await web.ingest(
  readFileSync(new URL('../test/web/example.txt', import.meta.url), 'utf8'),
  'text/plain; charset=utf-8',
);

/** The route the app shows, as `main[data-route]` names it (only with --signal). */
const routed = async (hash: string) => {
  if (signal) await page.waitForSelector(`main[data-route="${hash}"]`, { timeout: 15_000 });
};

const QUERIES = ['خبر', 'المدينة', 'news'];
const lost: Record<string, number> = { hash: 0, other: 0, load: 0 };
try {
  for (let i = 0; i < rounds; i++) {
    for (const way of ['hash', 'other', 'load'] as const) {
      const q = QUERIES[i % QUERIES.length]!;
      if (inpage && way === 'load') continue;
      if (way === 'hash') {
        await page.goto(`${base}/#/search?q=${encodeURIComponent(`x${i}`)}`);
        await page.waitForSelector('#hits-h');
      } else if (way === 'other') {
        await page.goto(`${base}/#/timeline`);
        await page.waitForSelector('.timeline');
      }
      if (inpage) {
        // The hash changed from the page, the query typed at the first task after the app has
        // handled it (as test/web/browser.test.ts «a query typed as the search page renders»).
        await page.evaluate(typeAsSearchRenders, [q, 50] as [string, number]);
        await page.keyboard.press('Enter');
      } else {
        await page.goto(way === 'load' ? `${base}/?n=${i}#/search` : `${base}/#/search`);
        await routed('#/search');
        await page.fill('#q', q);
        await page.press('#q', 'Enter');
      }
      const ok = await page
        .waitForURL(new RegExp(`q=${encodeURIComponent(q)}`), { timeout: wait })
        .then(() => true)
        .catch(() => false);
      if (!ok) lost[way]!++;
    }
  }
} finally {
  await web.close();
}
const cpu = process.cpuUsage(cpu0);
const load1 = loadavg();
for (const [way, n] of Object.entries(lost))
  console.log(`${way}: ${inpage && way === 'load' ? 'not tried' : `${n}/${rounds} lost`}`);
console.log(
  `${inpage ? 'typed in the page' : 'playwright fill'}, signal ${signal ? 'on' : 'off'}, throttle ${throttle}×, block ${block} ms; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (this process); load ${load0[0]!.toFixed(1)} → ${load1[0]!.toFixed(1)}`,
);
