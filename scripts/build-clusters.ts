/**
 * Builds the Brown-style word clusters the tagger's `brown` feature group reads:
 * `npm run build:clusters` (or `node --import tsx scripts/build-clusters.ts`).
 *
 * Reads the unlabelled ANT corpus (../shared/data/ant/ant.jsonl, Apache-2.0), turns every
 * token into its match form, splits proclitics off where the bare form is the more frequent
 * word (src/analyze/tagger/brown.ts, `clusterTokens`), and clusters the forms seen at least
 * --min-count times (3) into --classes classes (256) by exchange, then merges them into a
 * binary tree (Brown's merge step). Writes data/clusters/ant-brown.tsv (bits, word, count).
 * Deterministic: the same corpus gives the same file byte for byte.
 *
 * Options: --ant PATH, --out PATH, --classes N, --min-count N, --iterations N (15).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { antSentences } from '../src/analyze/tagger/antlex.ts';
import { brownClusters, clusterTokens, writeBrown } from '../src/analyze/tagger/brown.ts';
import { matchForm } from '../src/analyze/tagger/normalize.ts';
import { option } from './args.ts';

const root = resolve(new URL('..', import.meta.url).pathname);
const num = (name: string, dflt: number): number => {
  const v = option(name);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--${name} ${v}: expected a positive whole number`);
    process.exit(2);
  }
  return n;
};
const antPath = option('ant') ?? resolve(root, '../shared/data/ant/ant.jsonl');
const out = option('out') ?? resolve(root, 'data/clusters/ant-brown.tsv');
const classes = num('classes', 256);
const minCount = num('min-count', 3);
const iterations = num('iterations', 15);
if (!existsSync(antPath)) {
  console.error(`${antPath}: not found. The ANT corpus lives in ../shared/data/ant/ (or pass --ant PATH).`);
  process.exit(2);
}
const text = readFileSync(antPath, 'utf8');
const sha = createHash('sha256').update(text).digest('hex');
// Tokens with nothing left after normalization (a lone tatweel or diacritic) are dropped.
const raw = antSentences(text).map((s) => s.map(matchForm).filter((w) => w !== ''));
const whole = new Map<string, number>();
for (const s of raw) for (const w of s) whole.set(w, (whole.get(w) ?? 0) + 1);
const count = (w: string) => whole.get(w) ?? 0;
const memo = new Map<string, string[]>();
const sentences = raw.map((s) =>
  s.flatMap((w) => {
    let t = memo.get(w);
    if (t === undefined) {
      t = clusterTokens(w, count);
      memo.set(w, t);
    }
    return t;
  }),
);
const res = brownClusters(sentences, { classes, minCount, iterations, log: (l) => console.log(l) });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  writeBrown(res, [
    'Brown-style word clusters (khabar, scripts/build-clusters.ts): bits<TAB>word<TAB>count.',
    'Learned from the ANT corpus v1.1 (antcorpus, Apache-2.0); see data/clusters/README.md.',
    `classes ${classes}, min count ${minCount}, ANT sha256 ${sha}`,
  ]),
);
const cpu = process.cpuUsage();
const depth = [...res.paths.values()].reduce((m, p) => Math.max(m, p.length), 0);
console.log(
  `${out}: ${res.paths.size} words, ${classes} classes, deepest bit string ${depth}, MI ${res.mi.toFixed(4)} nats; ` +
    `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU (load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)`,
);
