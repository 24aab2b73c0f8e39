/**
 * Every event, date and publication date the pipeline gives on the 27 events tuning sets and on
 * the first N ANT articles, as JSON lines: a speed change to the events stage must leave this
 * file byte-identical (compare two runs with `cmp`, or the sha256 printed at the end).
 *
 *   node --import tsx bench/events-dump.ts OUT.jsonl [--ant N=1500] [--sets a,b,…]
 *
 * Tuning sets are run as `khabar eval events` runs them (processArticle with the gold's id,
 * published date, outlet and url); the ANT sets are materialized from ../shared in memory. ANT
 * articles are read as the ingest reads them (src/ingest/sources/jsonl.ts) and run through
 * processArticle. Blind sets are never read. Without ../shared the ANT parts are skipped, with a line
 * saying so on stderr.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ANT, materialize, readAnt } from '../scripts/gold-from-ant.ts';
import { jsonlSource } from '../src/ingest/sources/jsonl.ts';
import { processArticle } from '../src/jobs/pipeline.ts';
import type { Article } from '../src/model.ts';
import { isBlind, TUNING_SETS } from './events-gold.ts';
import { checkArgs, option } from '../scripts/args.ts';

checkArgs('bench/events-dump.ts OUT', ['ant', 'sets'], []);

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const GOLD = join(ROOT, 'data/gold/events');

const args = process.argv.slice(2);
const out = args[0];
if (!out || out.startsWith('--')) {
  console.error('usage: node --import tsx bench/events-dump.ts OUT.jsonl [--ant N] [--sets a,b]');
  process.exit(2);
}
const antN = Number(option('ant') ?? 1500);
const sets = (option('sets')?.split(',') ?? TUNING_SETS).filter((s) => !isBlind(s));
const haveAnt = existsSync(DEFAULT_ANT);
if (!haveAnt) console.error(`events-dump: ${DEFAULT_ANT} is absent: the ANT sets and articles are skipped`);
const ant = haveAnt && sets.some((s) => s.startsWith('ant-')) ? readAnt(DEFAULT_ANT) : undefined;

const lines: string[] = [];
let events = 0;
const dump = (set: string, article: Article) => {
  const { analysis } = processArticle(article);
  events += analysis.events.length;
  lines.push(
    JSON.stringify({
      set,
      id: article.id,
      events: analysis.events,
      dates: analysis.dates,
      published: analysis.published ?? null,
    }),
  );
};

for (const name of sets) {
  let raw: string;
  if (name.startsWith('ant-')) {
    if (!ant) continue;
    raw = materialize(join(GOLD, `${name}.ref.jsonl`), ant);
  } else raw = readFileSync(join(GOLD, `${name}.jsonl`), 'utf8');
  raw
    .split('\n')
    .filter((l) => l.trim())
    .forEach((line, k) => {
      const g = JSON.parse(line) as {
        id?: string;
        text: string;
        published?: string;
        outlet?: string;
        url?: string;
      };
      const article: Article = {
        id: g.id ?? `line${k + 1}`,
        language: 'ar',
        text: g.text,
        provenance: { source: name, format: 'jsonl', ingestedAt: new Date(0).toISOString() },
        warnings: [],
      };
      if (g.published) article.published = g.published;
      if (g.outlet) article.outlet = g.outlet;
      if (g.url) article.url = g.url;
      dump(name, article);
    });
}
if (haveAnt && antN > 0) {
  let n = 0;
  for await (const it of jsonlSource({ stream: createReadStream(DEFAULT_ANT), name: DEFAULT_ANT })) {
    if (n >= antN) break;
    n++;
    if (it.kind === 'article') dump('ant', it.article);
  }
}
const body = `${lines.join('\n')}\n`;
writeFileSync(out, body);
console.log(
  `events-dump: ${lines.length} texts, ${events} events → ${out} (sha256 ${createHash('sha256').update(body).digest('hex')})`,
);
