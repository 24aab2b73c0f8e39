/**
 * How full the composed briefs are: compose() over the first N articles with text of a JSONL
 * file (default ../shared/data/ant/ant.jsonl, 1,500 lines), counting the briefs by their number
 * of key points, the statements shown and the headline lines found, with the CPU time.
 *   node --import tsx bench/compose-sections.ts [FILE] [--limit N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { compose, headlineOf } from '../src/compose/compose.ts';
import { splitUnits } from '../src/compose/units.ts';
import { checkArgs, option } from '../scripts/args.ts';

checkArgs('bench/compose-sections.ts [FILE]', ['limit']);

const args = process.argv.slice(2);
const file =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--limit') ??
  new URL('../../shared/data/ant/ant.jsonl', import.meta.url).pathname;
if (!existsSync(file)) {
  console.error(`bench/compose-sections.ts: ${file} not found (give a JSONL file with a "text" field)`);
  process.exit(2);
}
const limit = Number(option('limit', args) ?? 1500);
const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean).slice(0, limit);
const keyPoints = new Map<number, number>();
let articles = 0;
let statements = 0;
let headlines = 0;
const t0 = process.cpuUsage();
for (const line of lines) {
  const text = (JSON.parse(line) as { text?: string }).text;
  if (!text) continue;
  articles++;
  if (headlineOf(splitUnits(text))) headlines++;
  const b = compose(text);
  const k = b.sections.find((s) => s.kind === 'key_points')?.items.length ?? 0;
  keyPoints.set(k, (keyPoints.get(k) ?? 0) + 1);
  statements += b.sections.find((s) => s.kind === 'what_they_say')?.paragraphs.length ?? 0;
}
const cpu = process.cpuUsage(t0);
const ms = (cpu.user + cpu.system) / 1000;
console.log(`file          ${file}`);
console.log(`articles      ${articles} (of the first ${lines.length} lines)`);
console.log(
  `key points    ${[...keyPoints.keys()]
    .sort((a, b) => a - b)
    .map((k) => `${k}: ${keyPoints.get(k)}`)
    .join(', ')} (briefs by their number of key points)`,
);
console.log(`statements    ${statements} shown in «ماذا يقولون»`);
console.log(`headlines     ${headlines} texts open with a headline line`);
console.log(
  `cpu           ${ms.toFixed(0)} ms → ${((articles / ms) * 1000).toFixed(0)} articles per CPU-second`,
);
