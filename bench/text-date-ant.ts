/**
 * How `dateFromText` (src/ingest/text-date.ts) dates ANT's records when their `published` is
 * left out: how many it dates, how many to the outlet's own day, within two days, or further
 * (those printed), and the CPU it took. `node --import tsx bench/text-date-ant.ts [FILE]`
 * (default ../shared/data/ant/ant.jsonl).
 */
import { existsSync, readFileSync } from 'node:fs';
import { isoTime } from '../src/ingest/article.ts';
import { dateFromText } from '../src/ingest/text-date.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/text-date-ant.ts [FILE]', [], []);

const file = process.argv[2] ?? new URL('../../shared/data/ant/ant.jsonl', import.meta.url).pathname;
if (!existsSync(file)) {
  console.error(`text-date-ant: ${file} not found (the shared ANT corpus)`);
  process.exit(2);
}
let n = 0;
let dated = 0;
let same = 0;
let near = 0;
const far: string[] = [];
const t0 = process.cpuUsage();
for (const line of readFileSync(file, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const r = JSON.parse(line) as { text?: string; published?: string };
  n++;
  const d = dateFromText(r.text ?? '');
  if (!d) continue;
  dated++;
  const p = String(isoTime(String(r.published))).slice(0, 10);
  const diff = Math.abs(Date.parse(d.day) - Date.parse(p)) / 864e5;
  if (diff === 0) same++;
  else if (diff <= 2) near++;
  else far.push(`${p} ${d.day} ${d.where} «${d.expression}»`);
}
const c = process.cpuUsage(t0);
console.log(
  JSON.stringify({
    records: n,
    dated,
    sameDay: same,
    withinTwoDays: near,
    further: far.length,
    cpuMs: Math.round((c.user + c.system) / 1000),
  }),
);
for (const f of far) console.log(f);
