/**
 * Story clustering on fixtures/stories/stories.jsonl (invented articles, gold story labels):
 * runs the whole pipeline on each article, clusters, and prints pairwise precision/recall,
 * plus the clustering's CPU time.  node --import tsx bench/stories.ts [FILE] [--json]
 */
import { clusterStories, pairwiseScore } from '../src/stories/cluster.ts';
import { processRecord, readStoryRecords } from '../src/stories/fixtures.ts';
import { checkArgs } from '../scripts/args.ts';

checkArgs('bench/stories.ts [FILE]', [], ['json']);

const args = process.argv.slice(2);
const file =
  args.find((a) => !a.startsWith('--')) ??
  new URL('../fixtures/stories/stories.jsonl', import.meta.url).pathname;
const recs = readStoryRecords(file);
const t0 = process.cpuUsage();
const docs = recs.map(processRecord);
const t1 = process.cpuUsage(t0);
const c0 = process.cpuUsage();
const stories = clusterStories(docs);
const c1 = process.cpuUsage(c0);
const gold = new Map(recs.map((r) => [r.id, r.story]));
const score = pairwiseScore(
  stories.map((s) => s.articles),
  gold,
);
const goldStories = new Set(recs.map((r) => r.story)).size;
const out = {
  file,
  articles: recs.length,
  goldStories,
  predictedStories: stories.length,
  ...score,
  pipelineCpuMs: Math.round((t1.user + t1.system) / 1000),
  clusterCpuMs: Math.round((c1.user + c1.system) / 1000),
};
if (args.includes('--json')) console.log(JSON.stringify(out));
else {
  console.log(`articles ${out.articles}, gold stories ${goldStories}, predicted ${stories.length}`);
  console.log(
    `pairwise precision ${(score.precision * 100).toFixed(1)}%  recall ${(score.recall * 100).toFixed(1)}%  F1 ${(score.f1 * 100).toFixed(1)}%  (true ${score.truePairs} / predicted ${score.predPairs} / gold ${score.goldPairs} pairs)`,
  );
  console.log(`CPU: pipeline ${out.pipelineCpuMs} ms, clustering ${out.clusterCpuMs} ms`);
  // Robustness: the figures over a range of thresholds (the default is 0.2).
  for (const threshold of [0.1, 0.15, 0.2, 0.25, 0.3]) {
    const s = pairwiseScore(
      clusterStories(docs, { threshold }).map((x) => x.articles),
      gold,
    );
    console.log(
      `  threshold ${threshold}: P ${(s.precision * 100).toFixed(1)}%  R ${(s.recall * 100).toFixed(1)}%`,
    );
  }
  // Undated articles: the same fixture with the date of every k-th article taken away (such an
  // article is placed on the latest full date its text gives, if any).
  for (const k of [3, 2, 1]) {
    const undated = docs.map((d, i) => {
      if (i % k !== 0) return d;
      const c = structuredClone(d);
      delete c.article.published;
      return c;
    });
    const s = pairwiseScore(
      clusterStories(undated).map((x) => x.articles),
      gold,
    );
    console.log(
      `  undated 1 in ${k} (${undated.filter((d) => !d.article.published).length}): P ${(s.precision * 100).toFixed(1)}%  R ${(s.recall * 100).toFixed(1)}%`,
    );
  }
}
