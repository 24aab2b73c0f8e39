/**
 * Entities stage speed: tokens per second of `findEntities` on one article of 100 KB,
 * 1 MB and 4 MB (linear time means the rate stays flat as the size grows).
 *
 * The text is real news from ../shared/data/ant/ant.jsonl (Apache-2.0), articles joined
 * into one big "article", with the seed appended once so posts and coreference run.
 * Without ../shared it skips with a reason.
 *
 * Run: node --import tsx bench/entities.ts [auto,off,all]   (tagger modes; default auto,off)
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { findEntities } from '../src/analyze/entities.ts';
import { tokenize } from '../src/analyze/gazetteer/tokens.ts';

const ant = new URL('../../shared/data/ant/ant.jsonl', import.meta.url);
const seed = new URL('../../shared/seeds/000_abf55f7c1628d6cc.txt', import.meta.url);
if (!existsSync(ant)) {
  console.log(
    'bench/entities: skipped — ../shared/data/ant/ant.jsonl is absent (CI puts shared/ beside the clone)',
  );
  process.exit(0);
}

const lines = readFileSync(ant, 'utf8').split('\n');
function corpus(bytes: number): string {
  const parts: string[] = existsSync(seed) ? [readFileSync(seed, 'utf8')] : [];
  let size = Buffer.byteLength(parts[0] ?? '');
  for (let k = 0; size < bytes; k = (k + 1) % lines.length) {
    const l = lines[k];
    if (!l) continue;
    const t = (JSON.parse(l) as { text?: string }).text ?? '';
    parts.push(t);
    size += Buffer.byteLength(t) + 2;
  }
  const text = parts.join('\n\n');
  // Trim to the byte budget on a character boundary.
  return Buffer.from(text)
    .subarray(0, bytes)
    .toString('utf8')
    .replace(/\uFFFD$/, '');
}

// Warm up: load the gazetteer and compile the paths once.
findEntities(corpus(20_000));

console.log(
  `entities stage (findEntities), one core, Node ${process.version}, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  "(wall: elapsed time; cpu: this process's CPU time — on a shared, busy machine cpu is the fairer figure)",
);
console.log('tagger\tsize\ttokens\tmentions\tentities\twall ms\tcpu ms\ttokens/s wall\ttokens/s cpu');
const modes = (process.argv[2] ?? 'auto,off').split(',') as ('auto' | 'all' | 'off')[];
for (const mode of modes)
  for (const [label, bytes] of [
    ['100 KB', 100_000],
    ['1 MB', 1_000_000],
    ['4 MB', 4_000_000],
  ] as const) {
    const text = corpus(bytes);
    const tokens = tokenize(text).length;
    const runs = bytes <= 100_000 ? 5 : bytes <= 1_000_000 ? 2 : 1;
    let best = Number.POSITIVE_INFINITY;
    let bestCpu = Number.POSITIVE_INFINITY;
    let r: ReturnType<typeof findEntities> | undefined;
    for (let k = 0; k < runs; k++) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      r = findEntities(text, { tagger: mode });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      best = Math.min(best, ms);
      bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
    }
    const rate = (ms: number) => Math.round(tokens / (ms / 1000));
    console.log(
      `${mode}\t${label}\t${tokens}\t${r!.mentions.length}\t${r!.entities.length}\t${best.toFixed(0)}\t${bestCpu.toFixed(0)}\t${rate(best)}\t${rate(bestCpu)}`,
    );
  }
