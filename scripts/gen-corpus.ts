/**
 * Makes a large JSONL corpus for ingest benchmarks from ANT text (../shared/data/ant/ant.jsonl).
 *
 *   node --import tsx scripts/gen-corpus.ts --n 1000000 --out /tmp/corpus.jsonl [--seed 1] [--from PATH]
 *        [--shape ant|long]
 *   node --import tsx scripts/gen-corpus.ts --n 1000000 --out - | node --import tsx bench/ingest.ts --corpus -
 *
 * How items are made distinct: ANT's ~10k articles are split into paragraphs and each
 * paragraph into sentences (after . ! ? ؟ and line ends); sentences are pooled by ANT
 * category. Every sentence of a generated article is drawn at random (seeded PRNG) from
 * its category's pool of thousands, so two generated articles share on average far less
 * than one sentence (near-duplicate detection should flag almost none). The article's
 * layout depends on `--shape`:
 *
 * - `ant` (default): the paragraph layout of a random ANT article of the category (its
 *   number of paragraphs and of sentences in each), so lengths follow ANT's own
 *   distribution and the per-article cost matches ANT's;
 * - `long`: 3–6 paragraphs of 2–4 sentences each (4.6 KB on average, 2.7× ANT; the
 *   corpus of the earlier figures).
 *
 * `--out -` streams the JSONL to standard output (progress goes to stderr). Each gets a unique url
 * (https://gen.khabar.invalid/a/i), the outlet «مولد», a title (the first sentence's
 * first words) and a published time spread over 2017–2018. The output is streamed.
 * The generated text never enters the repo: it is written where --out says.
 */
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { mulberry32 } from '../src/text/random.ts';
import { option } from './args.ts';

const n = Number(option('n') ?? '1000000');
const out = option('out') ?? '/tmp/khabar-corpus.jsonl';
const from = option('from') ?? new URL('../../shared/data/ant/ant.jsonl', import.meta.url).pathname;
const seed = Number(option('seed') ?? '1') >>> 0;
const shape = option('shape') ?? 'ant';
if (shape !== 'ant' && shape !== 'long') {
  console.error(`gen-corpus: --shape ${shape}: expected ant or long`);
  process.exit(2);
}

if (!existsSync(from)) {
  console.error(
    `gen-corpus: ${from} is absent; pass --from PATH to an ANT-style JSONL (fields category, text)`,
  );
  process.exit(2);
}

const rand = mulberry32(seed);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const pools = new Map<string, string[]>();
/** Per category, the layouts of its ANT articles: sentences in each paragraph. */
const layouts = new Map<string, number[][]>();
const rl = createInterface({ input: createReadStream(from), crlfDelay: Number.POSITIVE_INFINITY });
for await (const line of rl) {
  if (!line.trim()) continue;
  let rec: { category?: string; text?: string };
  try {
    rec = JSON.parse(line);
  } catch {
    continue;
  }
  if (!rec.text) continue;
  const cat = rec.category ?? 'news';
  const pool = pools.get(cat) ?? [];
  pools.set(cat, pool);
  const layout: number[] = [];
  for (const para of rec.text.split(/\n+/)) {
    let ns = 0;
    for (const s of para.split(/(?<=[.!?؟])\s+/u)) {
      const t = s.trim();
      if (t.length >= 30 && /\p{Script=Arabic}/u.test(t)) {
        pool.push(t);
        ns++;
      }
    }
    if (ns > 0) layout.push(ns);
  }
  if (layout.length > 0) {
    const l = layouts.get(cat) ?? [];
    layouts.set(cat, l);
    l.push(layout);
  }
}
const cats = [...pools.keys()].filter((c) => pools.get(c)!.length >= 200);
const sizes = cats.map((c) => `${c}:${pools.get(c)!.length}`).join(' ');
console.error(`gen-corpus: ${cats.length} categories, sentences ${sizes}`);

const ws = out === '-' ? process.stdout : createWriteStream(out);
// A reader that stops early (`| head`) ends the run quietly.
ws.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});
const start = Date.UTC(2017, 0, 1);
const span = Date.UTC(2019, 0, 1) - start;
for (let i = 0; i < n; i++) {
  const cat = pick(cats);
  const pool = pools.get(cat)!;
  const paras: string[] = [];
  const layout =
    shape === 'ant'
      ? pick(layouts.get(cat)!)
      : Array.from({ length: 3 + Math.floor(rand() * 4) }, () => 2 + Math.floor(rand() * 3));
  for (const ns of layout) {
    const sents: string[] = [];
    for (let k = 0; k < ns; k++) sents.push(pick(pool));
    paras.push(sents.join(' '));
  }
  const text = paras.join('\n');
  const title = paras[0]!.split(/\s+/).slice(0, 8).join(' ');
  const published = new Date(start + Math.floor(rand() * span)).toISOString().replace('.000Z', 'Z');
  const line = JSON.stringify({
    id: `gen-${i}`,
    url: `https://gen.khabar.invalid/a/${i}`,
    outlet: 'مولد',
    title,
    published,
    category: cat,
    text,
  });
  if (!ws.write(`${line}\n`)) await new Promise<void>((r) => ws.once('drain', () => r()));
  if ((i + 1) % 100_000 === 0) console.error(`gen-corpus: ${i + 1}`);
}
if (ws !== process.stdout) await new Promise<void>((r) => ws.end(() => r()));
console.error(`gen-corpus: wrote ${n} articles to ${out === '-' ? 'standard output' : out}`);
