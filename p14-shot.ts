import { launchChromium } from './test/web/chromium.ts';
const B = 'http://127.0.0.1:18714';
const ctx = await launchChromium('/tmp/p14-prof', 'ar');
const page = ctx.pages()[0] ?? (await ctx.newPage());
const errs: string[] = [];
page.on('pageerror', (e) => errs.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errs.push(m.text()); });
for (const [name, hash, sel] of [
  ['home', '#/', '.hit'],
  ['reader-a2', '#/article/c370a5e3e458243c', 'article #title'],
  ['reader-a1', '#/article/87e2cd6e8f381d2a', 'article #title'],
  ['search', `#/search?q=${encodeURIComponent('الميناء')}`, '.hit'],
  ['stories', '#/stories', 'main h1'],
  ['timeline', '#/timeline', 'main h1'],
  ['relations', '#/relations', 'main h1'],
] as const) {
  await page.goto(`${B}/${hash}`);
  await page.waitForSelector(sel, { timeout: 15000 }).catch(() => errs.push(`${name}: no ${sel}`));
  await page.waitForTimeout(800);
  await page.screenshot({ path: `/tmp/p14-${name}.png` });
  console.log(name, JSON.stringify((await page.textContent('main'))?.slice(0, 400)));
}
console.log('errors', errs);
await ctx.close();
