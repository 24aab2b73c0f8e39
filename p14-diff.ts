import { readFileSync } from 'node:fs';
import { parseBrief as mine } from '/work/wt/polish14/src/brief/parse.ts';
import { parseBrief as base } from '/work/main/src/brief/parse.ts';
const lines = readFileSync('/work/shared/data/ant/ant.jsonl', 'utf8').split('\n').filter(Boolean);
let n = 0, diff = 0;
const t0 = process.cpuUsage();
for (const l of lines) {
  const a = JSON.parse(l);
  for (const text of [a.text, a.title ? `${a.title}\n${a.text}` : undefined]) {
    if (!text) continue;
    n++;
    const x = JSON.stringify(mine(text)), y = JSON.stringify(base(text));
    if (x !== y) { diff++; if (diff <= 25) console.log(JSON.stringify(mine(text).dateline?.text), '||', text.slice(0, 110).replace(/\n/g, ' ⏎ ')); }
  }
}
const c = process.cpuUsage(t0);
console.log(`${n} texts, ${diff} briefs differ; cpu ${Math.round((c.user + c.system) / 1e6)} s`);
