/**
 * The events stage alone (extractEvents: triggers, actors, roles, modality, dates, merge) on
 * seed-sized articles. Briefs and entity mentions are computed before the clock starts: they
 * belong to other stages. Reports CPU time of this process (user + system: every thread, so
 * the JIT compiler's and the GC's too), since the machine is shared; wall time beside it.
 *
 *   taskset -c 0 node --import tsx bench/events.ts [rounds=5] [articles=1000] [warm=4000] [sets=seed,own,ant]
 *
 * Two figures a set:
 *  - cold: the first `articles` calls of a fresh process, JIT compilation included (TurboFan
 *    takes seconds of CPU for processSentence, and recompiles it after each deopt); for the
 *    second set the code has already been compiled on the first;
 *  - warm: best of `rounds` rounds of `articles` calls, after `warm` calls (the cold ones
 *    included) have let the JIT settle — what a long ingest pays per article.
 * The header says which cores the process may run on (run it under `taskset -c 0` for one
 * core: the compiler and GC threads then share that core) and the load average.
 *
 * Inputs: the seed (../shared/seeds/000_abf55f7c1628d6cc.txt) when present, the own
 * gold texts of data/gold/events/dev.jsonl and heldout.jsonl joined into seed-sized articles (always
 * present; the blind sets are never read here), and real ingest traffic: the first `articles` ANT
 * articles (../shared/data/ant/ant.jsonl, read as the ingest reads them, with the outlet's home
 * country as analyze() passes it; most have few events or none) when present. `sets` picks some of
 * them (`ant` alone gives the ANT row a cold figure of its own).
 */
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { findEntities } from '../src/analyze/entities.ts';
import { type EventInput, extractEvents } from '../src/analyze/events.ts';
import { outletCountry } from '../src/analyze/events/outlets.ts';
import { parseBrief } from '../src/brief/parse.ts';
import { jsonlSource } from '../src/ingest/sources/jsonl.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/events.ts [ROUNDS] [ARTICLES] [WARM] [SETS]', [], []);

const rounds = Number(process.argv[2] ?? 5);
const articles = Number(process.argv[3] ?? 1000);
const warm = Math.max(articles, Number(process.argv[4] ?? 4000));
const wanted = new Set((process.argv[5] ?? 'seed,own,ant').split(','));
const root = new URL('..', import.meta.url);

function prepare(text: string, published?: string, home?: string): EventInput {
  const brief = parseBrief(text);
  const ent = findEntities(text, { brief });
  return {
    text,
    brief,
    mentions: ent.mentions,
    entities: ent.entities,
    ...(published ? { published } : {}),
    ...(home ? { home } : {}),
  };
}

const sets: Array<{ name: string; inputs: EventInput[] }> = [];
const seedPath = new URL('../shared/seeds/000_abf55f7c1628d6cc.txt', root);
if (wanted.has('seed') && existsSync(seedPath))
  sets.push({ name: 'seed article', inputs: [prepare(readFileSync(seedPath, 'utf8'), '2025-09-30')] });
else if (wanted.has('seed')) console.log('(../shared/ is absent: the seed row is skipped)');

// own gold texts joined into articles of about the seed's length (2,400 characters)
const texts: string[] = [];
for (const f of wanted.has('own') ? ['dev.jsonl', 'heldout.jsonl'] : []) {
  const p = new URL(`data/gold/events/${f}`, root);
  for (const line of readFileSync(p, 'utf8').split('\n'))
    if (line.trim()) texts.push((JSON.parse(line) as { text: string }).text);
}
const own: EventInput[] = [];
let cur = '';
for (const t of texts) {
  cur += `${t}\n\n`;
  if (cur.length >= 2400) {
    own.push(prepare(cur, '2025-06-01'));
    cur = '';
  }
}
if (cur) own.push(prepare(cur, '2025-06-01'));
if (own.length) sets.push({ name: 'own gold texts, seed-sized', inputs: own });

// real traffic: the first `articles` ANT articles as the ingest builds them (analyze()'s inputs)
const antPath = new URL('../shared/data/ant/ant.jsonl', root);
if (wanted.has('ant') && !existsSync(antPath)) console.log('(../shared/ is absent: the ANT row is skipped)');
else if (wanted.has('ant')) {
  const ant: EventInput[] = [];
  for await (const it of jsonlSource({ stream: createReadStream(antPath), name: 'ant.jsonl' })) {
    if (ant.length >= articles) break;
    if (it.kind !== 'article') continue;
    const a = it.article;
    ant.push(prepare(a.text, a.published, outletCountry(a.outlet, a.url)));
  }
  sets.push({ name: `ANT, first ${ant.length}`, inputs: ant });
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

const cpus = /^Cpus_allowed_list:\s*(.+)$/m.exec(
  existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '',
)?.[1];
console.log(
  `events stage, Node ${process.version}, CPUs allowed: ${cpus ?? '?'}, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(
  `cold: first ${articles} calls (JIT included); warm: best of ${rounds} rounds of ${articles} after ${warm} calls`,
);
console.log(
  'set                          chars/article  events/article  cold articles/s (CPU)  warm CPU s  warm articles/s (CPU)  wall s',
);
for (const s of sets) {
  const call = (k: number) => extractEvents(s.inputs[k % s.inputs.length]!).events.length;
  // cold: the first calls of the process on this set (lexicons load, JIT compiles)
  const c0 = cpu();
  for (let k = 0; k < articles; k++) call(k);
  const cold = cpu() - c0;
  // the JIT settles: the rest of the warm-up calls, not measured
  for (let k = articles; k < warm; k++) call(k);
  let best = Number.POSITIVE_INFINITY;
  let wall = 0;
  let events = 0;
  for (let r = 0; r < rounds; r++) {
    const c0 = cpu();
    const w0 = performance.now();
    events = 0;
    for (let k = 0; k < articles; k++) events += call(k);
    const c = cpu() - c0;
    if (c < best) {
      best = c;
      wall = (performance.now() - w0) / 1000;
    }
  }
  const chars = Math.round(s.inputs.reduce((a, x) => a + x.text.length, 0) / s.inputs.length);
  console.log(
    `${s.name.padEnd(28)} ${String(chars).padStart(13)}  ${(events / articles).toFixed(1).padStart(14)}  ${Math.round(
      articles / cold,
    )
      .toString()
      .padStart(21)}  ${best.toFixed(3).padStart(10)}  ${Math.round(articles / best)
      .toString()
      .padStart(21)}  ${wall.toFixed(3).padStart(6)}`,
  );
}
