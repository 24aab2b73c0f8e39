/**
 * clusterStories(docs): gathers articles about the same event across outlets and days.
 *
 * Pair similarity (documented, fixed):
 *   sim = text + 0.15 · entities + 0.05 · events
 * where `text` is the TF-IDF cosine over Snowball stems of title + text (function words
 * dropped; IDF over the collection given), `entities` the Jaccard overlap of the entity ids
 * the analysis found (countries, people, organizations; not dates), `events` the Jaccard
 * overlap of PLOVER event types; the brief template's labels are no words of the text, and two
 * articles that each name entities but share none have similarity 0. Two articles published more than `windowDays` apart never
 * join. An undated article (no publication date) takes the latest full date its text gives
 * («في 2 حزيران 2024») as its date, so the window applies to it too; one that gives none is
 * joined on similarity alone (a stricter floor for it cost recall on the fixture with dates
 * taken away — 100 → 85% at 1 undated in 3 — and did not keep out a same-actors event of
 * another year, which only a date tells apart). Clusters are built by average-link agglomeration: two clusters merge while the
 * mean similarity of their cross pairs is ≥ `threshold` (default 0.2), and every cross pair
 * lies within the date window.
 */
import type { ProcessedArticle } from '../model.ts';
import { headline, matchForm, stem, tokenize } from '../text/index.ts';

/** Function words (match forms): no weight in text similarity. */
const STOP = new Set(
  'في من الي علي عن مع ان او ثم قد لا ما لم لن هذا هذه ذلك تلك التي الذي الذين هو هي هم كان كانت بين حتي كما اذا بعد قبل عند كل اي ايضا وقد وفي ومن وان لها له به بها فيه فيها منذ حيث لكن ولا وهو وهي الا غير عليه عليها اليه وقال قال قالت اليوم امس وكان'.split(
    ' ',
  ),
);

export interface ClusterOptions {
  /** Largest gap between two articles' publication dates, in days (default 3). */
  windowDays?: number;
  /** Average-link merge threshold on the pair similarity (default 0.2). */
  threshold?: number;
  /** Weight of entity overlap (default 0.15). */
  entityWeight?: number;
  /** Weight of event-type overlap (default 0.05). */
  eventWeight?: number;
}

export interface Story {
  /** Stable: `story:` + the smallest article id in it. */
  id: string;
  /** Article ids, oldest first. */
  articles: string[];
  outlets: string[];
  /** Title of the earliest article (or its first words). */
  title: string;
  first?: string;
  last?: string;
  /** Entity ids shared by at least two articles of the story, most shared first. */
  entities: string[];
  /** Mean pair similarity inside the story (1 for a singleton). */
  cohesion: number;
}

/** The outlet of an article whose outlet is not known and whose address gives none. */
export const UNKNOWN_OUTLET = '?';

/**
 * The outlet an article is grouped under: its outlet; else the host of its address
 * («example.org», «www.» left off); else UNKNOWN_OUTLET, which the CLI and the web app show
 * as «(outlet unknown)».
 */
export function outletOf(a: ProcessedArticle['article']): string {
  if (a.outlet) return a.outlet;
  if (a.url) {
    try {
      const host = new URL(a.url).hostname.replace(/^www\./u, '');
      if (host) return host;
    } catch {
      // not an address: no host
    }
  }
  return UNKNOWN_OUTLET;
}

type Vec = Map<string, number>;

/**
 * The labels of the brief template (match forms, two words each): the words of the form, not of
 * the news — two articles that both use the template share them whatever they report.
 */
const TEMPLATE_LABELS = new Set(
  ['اهميه الخبر', 'الصوره العامه', 'النقاط الرييسيه', 'نظره اعمق', 'احدث المعلومات', 'تفاصيل الخبر'].map(
    (l) => l.split(' ').map(matchForm).join(' '),
  ),
);

function stemsOf(text: string): string[] {
  const words: string[] = [];
  for (const t of tokenize(text)) {
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    words.push(matchForm(t.text));
  }
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (i + 1 < words.length && TEMPLATE_LABELS.has(`${words[i]} ${words[i + 1]}`)) {
      i++;
      continue;
    }
    const m = words[i]!;
    if (m.length < 2 || STOP.has(m)) continue;
    out.push(stem(m));
  }
  return out;
}

function tfidf(docs: string[][]): Vec[] {
  const df = new Map<string, number>();
  for (const d of docs) for (const s of new Set(d)) df.set(s, (df.get(s) ?? 0) + 1);
  const n = docs.length;
  return docs.map((d) => {
    const tf = new Map<string, number>();
    for (const s of d) tf.set(s, (tf.get(s) ?? 0) + 1);
    const v: Vec = new Map();
    let norm = 0;
    for (const [s, f] of tf) {
      const idf = Math.log((1 + n) / (1 + (df.get(s) ?? 0))) + 1;
      const w = (1 + Math.log(f)) * idf;
      v.set(s, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [s, w] of v) v.set(s, w / norm);
    return v;
  });
}

function dot(a: Vec, b: Vec): number {
  const [small, big] = a.size < b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [k, x] of small) {
    const y = big.get(k);
    if (y) s += x * y;
  }
  return s;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  return inter / (a.size + b.size - inter);
}

function intersects(a: Set<string>, b: Set<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Day number of an ISO date (or date-time), or undefined. */
export function dayOf(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(t) ? undefined : Math.floor(t / 86_400_000);
}

/**
 * The day an article is placed on: its publication date; else the latest full date (day
 * precision) its text gives; else undefined (no known date).
 */
export function storyDay(doc: ProcessedArticle): number | undefined {
  const published = dayOf(doc.article.published);
  if (published !== undefined) return published;
  let latest: number | undefined;
  for (const d of doc.analysis.dates) {
    if (d.precision !== 'day' || !d.value) continue;
    const day = dayOf(d.value.slice(0, 10));
    if (day !== undefined && (latest === undefined || day > latest)) latest = day;
  }
  return latest;
}

export function entityIdsOf(doc: ProcessedArticle): Set<string> {
  const ids = new Set<string>();
  for (const m of doc.analysis.mentions) {
    for (const id of m.entityIds ?? (m.entityId ? [m.entityId] : [])) ids.add(id);
  }
  return ids;
}

/** Pairwise similarity matrix (row-major, n×n) of the articles, date window applied (−1 outside). */
export function similarities(docs: ProcessedArticle[], opts: ClusterOptions = {}): Float64Array {
  const window = opts.windowDays ?? 3;
  const we = opts.entityWeight ?? 0.15;
  const wv = opts.eventWeight ?? 0.05;
  const n = docs.length;
  const vecs = tfidf(docs.map((d) => stemsOf(`${d.article.title ?? ''}\n${d.article.text}`)));
  const ents = docs.map(entityIdsOf);
  const types = docs.map((d) => new Set(d.analysis.events.map((e) => e.type)));
  const days = docs.map(storyDay);
  const sim = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    sim[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const di = days[i];
      const dj = days[j];
      let s: number;
      if (di !== undefined && dj !== undefined && Math.abs(di - dj) > window) s = -1;
      // two articles that each name someone or somewhere, but nobody and nowhere in common, report
      // different events however alike their wording (two meetings of foreign ministers)
      else if (ents[i]!.size && ents[j]!.size && !intersects(ents[i]!, ents[j]!)) s = 0;
      else
        s = dot(vecs[i]!, vecs[j]!) + we * jaccard(ents[i]!, ents[j]!) + wv * jaccard(types[i]!, types[j]!);
      sim[i * n + j] = s;
      sim[j * n + i] = s;
    }
  }
  return sim;
}

/** Groups of article indexes by average-link agglomeration over `sim` (see the file comment). */
export function averageLink(sim: Float64Array, n: number, threshold: number): number[][] {
  let clusters = Array.from({ length: n }, (_, i) => [i]);
  for (;;) {
    let best = -Infinity;
    let bi = -1;
    let bj = -1;
    for (let a = 0; a < clusters.length; a++) {
      for (let b = a + 1; b < clusters.length; b++) {
        let sum = 0;
        let blocked = false;
        for (const i of clusters[a]!) {
          for (const j of clusters[b]!) {
            const s = sim[i * n + j]!;
            if (s < 0) blocked = true;
            sum += s;
          }
        }
        if (blocked) continue;
        const mean = sum / (clusters[a]!.length * clusters[b]!.length);
        if (mean > best) {
          best = mean;
          bi = a;
          bj = b;
        }
      }
    }
    if (bi < 0 || best < threshold) break;
    const merged = [...clusters[bi]!, ...clusters[bj]!];
    clusters = clusters.filter((_, k) => k !== bi && k !== bj);
    clusters.push(merged);
  }
  return clusters;
}

export function clusterStories(docs: ProcessedArticle[], opts: ClusterOptions = {}): Story[] {
  const n = docs.length;
  const sim = similarities(docs, opts);
  const groups = averageLink(sim, n, opts.threshold ?? 0.2);
  const stories = groups.map((g) => toStory(docs, g, sim));
  return stories.sort(
    (a, b) => b.articles.length - a.articles.length || (b.last ?? '').localeCompare(a.last ?? ''),
  );
}

function toStory(docs: ProcessedArticle[], group: number[], sim: Float64Array): Story {
  const n = docs.length;
  const members = [...group].sort((a, b) =>
    (docs[a]!.article.published ?? '').localeCompare(docs[b]!.article.published ?? ''),
  );
  const ids = members.map((i) => docs[i]!.article.id);
  const outlets = [...new Set(members.map((i) => outletOf(docs[i]!.article)))];
  const counts = new Map<string, number>();
  for (const i of members) for (const e of entityIdsOf(docs[i]!)) counts.set(e, (counts.get(e) ?? 0) + 1);
  const entities = [...counts]
    .filter(([, c]) => c >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([e]) => e);
  let sum = 0;
  let pairs = 0;
  for (let a = 0; a < members.length; a++)
    for (let b = a + 1; b < members.length; b++) {
      sum += sim[members[a]! * n + members[b]!]!;
      pairs++;
    }
  const first = docs[members[0]!]!;
  const firstDoc = first.article;
  // An untitled article by its lead (as the search hit and the reader), not a dateline it opens with.
  const lead = (first.brief.lead[0] ?? first.brief.body[0])?.text;
  const dates = members.map((i) => docs[i]!.article.published).filter((d): d is string => !!d);
  return {
    id: `story:${[...ids].sort()[0]}`,
    articles: ids,
    outlets,
    title: firstDoc.title ?? headline(lead ?? firstDoc.text),
    ...(dates.length > 0 ? { first: dates[0]!, last: dates[dates.length - 1]! } : {}),
    entities,
    cohesion: pairs === 0 ? 1 : sum / pairs,
  };
}

/** Pairwise precision/recall of predicted groups against gold labels (same-story pairs). */
export function pairwiseScore(
  predicted: string[][],
  gold: Map<string, string>,
): {
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predPairs: number;
  goldPairs: number;
} {
  const label = new Map<string, number>();
  predicted.forEach((g, k) => {
    for (const id of g) label.set(id, k);
  });
  const ids = [...gold.keys()];
  let tp = 0;
  let pp = 0;
  let gp = 0;
  for (let a = 0; a < ids.length; a++)
    for (let b = a + 1; b < ids.length; b++) {
      const same = gold.get(ids[a]!) === gold.get(ids[b]!);
      const pred = label.get(ids[a]!) !== undefined && label.get(ids[a]!) === label.get(ids[b]!);
      if (same) gp++;
      if (pred) pp++;
      if (same && pred) tp++;
    }
  const precision = pp === 0 ? 1 : tp / pp;
  const recall = gp === 0 ? 1 : tp / gp;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, truePairs: tp, predPairs: pp, goldPairs: gp };
}
