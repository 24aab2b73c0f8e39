/**
 * Entities stage speed: tokens per second of `findEntities` on one article of 100 KB,
 * 1 MB and 4 MB (linear time means the rate stays flat as the size grows).
 *
 * The text is real news from ../shared/data/ant/ant.jsonl (Apache-2.0), articles joined
 * into one big "article", with the seed appended once so posts and coreference run.
 * Without ../shared it skips with a reason.
 *
 * Run: node --import tsx bench/entities.ts [auto,off,all]   (tagger modes for the speed part;
 *      default auto,off; `ner` runs only the ANERcorp part)
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { findEntities } from '../src/analyze/entities.ts';
import type { Mention } from '../src/model.ts';
import { readConll, scoreNer } from '../src/analyze/tagger/index.ts';
import { tokenize } from '../src/analyze/gazetteer/tokens.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/entities.ts [auto,off,all]', [], []);

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
const modes = (process.argv[2] ?? 'auto,off')
  .split(',')
  .filter((m): m is 'auto' | 'all' | 'off' => m === 'auto' || m === 'all' || m === 'off');
for (const mode of modes)
  for (const [label, bytes] of [
    ['100 KB', 100_000],
    ['1 MB', 1_000_000],
    ['4 MB', 4_000_000],
  ] as const) {
    const text = corpus(bytes);
    const tokens = tokenize(text).length;
    const runs = bytes <= 100_000 ? 5 : 2;
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

// ---------------------------------------------------------------- one article at a time
//
// What the archive ingest does: one findEntities call per ANT article, CPU ms per article;
// `tagDocument` is the share of the trained tagger inside it (timed around each call).
// Each mode gets its own articles, none of them in the texts above (lines 6,000 on), so
// their new words cost what new words cost in a stream: 300 as warm-up, then 1,500.
if (modes.length > 0) {
  const { TaggerModel } = await import('../src/analyze/tagger/model.ts');
  const articles: string[] = [];
  for (const l of lines.slice(6000)) {
    if (!l.trim()) continue;
    const t = (JSON.parse(l) as { text?: string }).text;
    if (t) articles.push(t);
  }
  const proto = TaggerModel.prototype;
  const tagDocument = proto.tagDocument;
  let tagMs = 0;
  proto.tagDocument = function (this: InstanceType<typeof TaggerModel>, sents) {
    const c0 = process.cpuUsage();
    const out = tagDocument.call(this, sents);
    const c = process.cpuUsage(c0);
    tagMs += (c.user + c.system) / 1000;
    return out;
  };
  console.log('\nper article (ANT, one findEntities call each; CPU ms per article)');
  console.log('tagger\tarticles\tmentions\tms/article\tof which tagDocument');
  modes.forEach((mode, k) => {
    const mine = articles.slice(k * 1800, (k + 1) * 1800);
    if (mine.length < 1800) return;
    for (const t of mine.slice(0, 300)) findEntities(t, { tagger: mode });
    tagMs = 0;
    let mentions = 0;
    const c0 = process.cpuUsage();
    for (const t of mine.slice(300)) mentions += findEntities(t, { tagger: mode }).mentions.length;
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000 / 1500;
    console.log(`${mode}\t1500\t${mentions}\t${ms.toFixed(3)}\t${(tagMs / 1500).toFixed(3)}`);
  });
  proto.tagDocument = tagDocument;
}

// ---------------------------------------------------------------- as an NER system
//
// The whole stage read as a PERS/LOC/ORG tagger on ANERcorp dev (one sentence at a time,
// tokens joined by spaces), scored conlleval-style. ANERcorp tags demonyms («الإسرائيلي»)
// and posts O, so demonym, post and pair mentions are left out; a mention tags every
// token it touches (ANERcorp keeps clitics on the token: «وإيران» B-LOC).
const dev = new URL('../../shared/data/anercorp/dev.txt', import.meta.url);
if (!existsSync(dev)) {
  console.log('\nANERcorp dev: skipped — ../shared/data/anercorp/dev.txt is absent');
} else {
  const { sentences } = readConll(readFileSync(dev, 'utf8'));
  const keep = (m: Mention) =>
    (m.type === 'PERS' || m.type === 'LOC' || m.type === 'ORG') && m.role !== 'demonym' && !m.entityIds;
  console.log('\nfindEntities as NER on ANERcorp dev (micro P/R/F1; per type F1)');
  for (const mode of ['off', 'auto', 'all'] as const) {
    const pred: string[][] = [];
    for (const s of sentences) {
      const starts: number[] = [];
      let text = '';
      for (const tok of s.tokens) {
        if (text) text += ' ';
        starts.push(text.length);
        text += tok;
      }
      const tags = new Array<string>(s.tokens.length).fill('O');
      const at = (offset: number) => {
        let k = 0;
        while (k + 1 < starts.length && starts[k + 1]! <= offset) k++;
        return k;
      };
      const ms = findEntities(text, { tagger: mode }).mentions.filter(keep);
      for (const m of ms) {
        const a = at(m.span[0]);
        const b = at(m.span[1] - 1);
        if (tags.slice(a, b + 1).some((t) => t !== 'O')) continue;
        for (let k = a; k <= b; k++) tags[k] = `${k === a ? 'B' : 'I'}-${m.type}`;
      }
      pred.push(tags);
    }
    const sc = scoreNer(
      sentences.map((s) => s.tags),
      pred,
    );
    const f = (x: number) => (100 * x).toFixed(1);
    const types = ['PERS', 'LOC', 'ORG', 'MISC']
      .map((t) => `${t} ${sc.perType[t] ? f(sc.perType[t]!.f1) : '-'}`)
      .join('  ');
    console.log(`tagger ${mode}\tP ${f(sc.micro.p)}  R ${f(sc.micro.r)}  F1 ${f(sc.micro.f1)}\t${types}`);
  }
}
