/**
 * The in-process pipeline runner: items from sources → Article → processArticle →
 * store.put, with exact/near-duplicate detection, the quarantine and progress. One
 * article at a time on one core; each `put` is all-or-nothing (its own transaction, or a
 * savepoint of a group commit), so an ingest killed at any moment and run again loses
 * nothing and duplicates nothing (ids are stable, `put` is idempotent, and duplicates are
 * looked up in the archive itself).
 */
import type { IngestItem } from '../ingest/article.ts';
import { DedupIndex, type DedupVerdict, dedupWords, type Fingerprint, fingerprint } from '../ingest/dedup.ts';
import { analyze } from '../analyze/index.ts';
import { parseBrief } from '../brief/parse.ts';
import type { Article, ProcessedArticle } from '../model.ts';
import { articleId } from '../ingest/ids.ts';
import { placeState } from '../ingest/place.ts';
import {
  countPut,
  type DuplicateLink,
  noPutCounts,
  type PutCounts,
  type PutResult,
  type Store,
} from '../store/store.ts';
import { limitIngestMemory } from './memory.ts';
import { QuarantineLedger } from './quarantine.ts';

export type Stage = 'read' | 'dedup' | 'brief' | 'analyze' | 'store';

export interface IngestCounts extends PutCounts {
  /** Items the sources produced (articles, refusals, unchanged feeds). */
  seen: number;
  /** Inputs skipped without change (a feed answering 304). */
  skipped: number;
}

export interface IngestSummary extends IngestCounts {
  /** Quarantined inputs by rule id. */
  reasons: Record<string, number>;
  elapsedMs: number;
  /** Milliseconds spent in each stage. */
  stageMs: Record<Stage, number>;
  /** Quarantine entries taken out: their source was read and stored this time (`Store.unquarantine`). */
  unquarantined?: number;
  /** Articles already in the archive when the run began (dedup warm-up). */
  warmed: number;
  warmMs: number;
}

export interface ProgressInfo extends IngestCounts {
  elapsedMs: number;
  /** The source being read, for logs. */
  current?: string;
}

export interface RunOptions {
  store: Store;
  items: AsyncIterable<IngestItem>;
  /**
   * An in-memory dedup index (warmed by the caller, e.g. `warmDedup`) that gives `put` its
   * near-duplicate hints. Without one the archive finds exact and near-duplicates itself
   * (SqlStore keeps each article's MinHash bands): memory does not grow with the archive.
   */
  dedup?: DedupIndex;
  /** Replace the pipeline (tests, benchmarks); defaults to brief + analysis. */
  process?: (article: Article) => ProcessedArticle;
  onProgress?: (info: ProgressInfo) => void;
  /** Minimum milliseconds between `onProgress` calls (default 200). */
  progressEveryMs?: number;
  /** Called after each article is stored or refused (logs, tests), with the document stored. */
  onItem?: (item: IngestItem, result?: PutResult, doc?: ProcessedArticle) => void;
  signal?: AbortSignal;
  /**
   * The clock the stages are timed with, in milliseconds (default wall time,
   * `performance.now`). Benchmarks on a shared machine pass a CPU-time clock.
   */
  stageClock?: () => number;
}

/** Builds the dedup index from what the archive already holds. */
export async function warmDedup(store: Store, index = new DedupIndex()): Promise<DedupIndex> {
  for await (const doc of store.iterate()) index.add(doc.article.id, fingerprint(doc.article.text));
  return index;
}

/**
 * The stored article when the archive already holds this id with the same normalized words
 * (the dedup index's `same`): re-ingesting it changes nothing, so the pipeline need not run.
 */
async function sameAsStored(store: Store, article: Article): Promise<ProcessedArticle | undefined> {
  const prev = await store.get(article.id);
  return prev !== undefined && dedupWords(prev.article.text).join(' ') === dedupWords(article.text).join(' ')
    ? prev
    : undefined;
}

/**
 * What an article the archive holds already (same id, same words) read from another source
 * is (docs/ingest.md, "Duplicates" and "Moved files"):
 * - `moved`: the stored article's place no longer holds it (`placeState`: its file is gone, or
 *   reads as something else now — another file took the path, the JSONL line holds another
 *   record): the same file moved or renamed; the store records the new path
 *   (`Store.relocate`), and drops the link this path had if it was linked as a copy before
 *   (the copy is now the article's only place).
 * - `copy`: its place still reads as the same words and the id comes from the text (no url
 *   or key) — a second copy under another path, recorded by `link` as an exact duplicate. The
 *   link's id is the copy's source's (as if its path were its key), so a re-run links it once.
 * Undefined when it is the same source again, or an article keyed by url or id found at
 * another place while its first place still holds it: `unchanged`.
 */
export type Elsewhere =
  | { kind: 'moved'; from: string; linkId?: string }
  | { kind: 'copy'; link: DuplicateLink };

export async function fromElsewhere(
  store: Store,
  article: Article,
  stored?: ProcessedArticle,
): Promise<Elsewhere | undefined> {
  // `stored`: the article the caller read already (sameAsStored), not read twice.
  const prev = stored ?? (await store.get(article.id));
  const source = article.provenance.source;
  const from = prev?.article.provenance.source;
  if (prev === undefined || from === undefined || from === source) return undefined;
  const keyed = Boolean(article.url) || article.id !== articleId({ text: article.text });
  // The id a copy at `source` is linked under (as if its path were its key). Standard input is no
  // place: its copies are told apart by their article too (every copy piped in was linked under
  // one id, each replacing the last).
  const key = source === '-' || source.startsWith('-:') ? `${source}\u0000${article.id}` : source;
  const linkId = keyed
    ? undefined
    : articleId({ key, text: article.text, ...(article.outlet ? { outlet: article.outlet } : {}) });
  // Its old place no longer holds it (the file is gone, or reads as something else now: another
  // file took the path, a line was inserted above its JSONL record): moved. Still there: a copy.
  if (
    store.relocate &&
    /^(?:gone|other)$/u.test(await placeState(from, prev.article.provenance.format, article))
  )
    return { kind: 'moved', from, ...(linkId ? { linkId } : {}) };
  if (!linkId) return undefined;
  const link: DuplicateLink = {
    id: linkId,
    duplicateOf: article.id,
    kind: 'exact',
    at: article.provenance.ingestedAt,
    ...(article.outlet ? { outlet: article.outlet } : {}),
    ...(article.title ? { title: article.title } : {}),
    ...(article.published ? { published: article.published } : {}),
  };
  return { kind: 'copy', link };
}

/**
 * Records what `fromElsewhere` found: the move (the stored article's new path) or the
 * copy's link. Its put status: `moved` (`unchanged` when another writer moved it first) or
 * `duplicate`.
 */
export async function recordElsewhere(store: Store, article: Article, e: Elsewhere): Promise<PutResult> {
  if (e.kind === 'copy') {
    await store.archive?.restoreLink(e.link);
    return { id: e.link.id, status: 'duplicate', duplicateOf: article.id };
  }
  const to = article.provenance.source;
  // a copy linked earlier from `to` is the article's own place now: its link goes
  const moved = await store.relocate?.(article.id, {
    from: e.from,
    to,
    ...(e.linkId ? { unlink: e.linkId } : {}),
  });
  return { id: article.id, status: moved ? 'moved' : 'unchanged' };
}

/**
 * The whole file an article was read from, when it is one whose edit replaces the article: a
 * text or HTML file at an absolute path, its id from its words (no url, no key). A JSONL line
 * (`PATH:LINE`: lines shift when one is inserted), a feed item, standard input or a URL is not.
 */
export function wholeFile(article: Article): string | undefined {
  const p = article.provenance;
  if (p.format !== 'text' && p.format !== 'html') return undefined;
  if (!p.source.startsWith('/') || article.url) return undefined;
  return article.id === articleId({ text: article.text }) ? p.source : undefined;
}

/** A whole file that read as another article before: its place is recorded at the end of the run. */
interface Reread {
  file: string;
  id: string;
  at: string;
  status: PutResult['status'];
}

/**
 * After the article read from a whole file is stored (or found unchanged, or moved there): the
 * store records the file's article (`Store.place`). When the path read as another article
 * before, the answer is a `Reread`, for `placeRereads` at the end of the run: the file was
 * edited, or another file took its path while the earlier one was moved — read later in the
 * same run, perhaps (`a.txt` renamed `z.txt`, a new `a.txt` written: `a.txt` is read first).
 */
async function placeOf(store: Store, article: Article, result: PutResult): Promise<Reread | undefined> {
  const file = store.place && store.placeOf && result.status !== 'duplicate' ? wholeFile(article) : undefined;
  if (!file || result.id !== article.id) return undefined;
  const had = await store.placeOf!(file);
  if (had === article.id) return undefined;
  const at = article.provenance.ingestedAt;
  if (had === undefined) {
    await store.place!(file, article.id, at);
    return undefined;
  }
  return { file, id: article.id, at, status: result.status };
}

/**
 * The rereads of a run recorded: the earlier article of a path, if it is still stored from it
 * (it was not found moved elsewhere in the run), is superseded by the file's article
 * (`Store.place`), whose status becomes `updated` — whatever `put` said (a near-duplicate of its
 * earlier self, new, or unchanged when a run killed before this is run again).
 */
async function placeRereads(store: Store, rereads: readonly Reread[], counts: PutCounts): Promise<void> {
  for (const r of rereads) {
    if (!(await store.place!(r.file, r.id, r.at))) continue;
    counts[
      r.status === 'near-duplicate' ? 'nearDuplicates' : r.status === 'duplicate' ? 'duplicates' : r.status
    ]--;
    counts.updated++;
  }
}

/** The worker's `placeOf` and `placeRereads` at once (a queued job has no run to wait for the end of), and `linkPlace`. */
export async function placed(store: Store, article: Article, result: PutResult): Promise<PutResult> {
  const r = await placeOf(store, article, result);
  if (!r) return linkPlace(store, article, result);
  return (await store.place!(r.file, r.id, r.at)) ? { id: article.id, status: 'updated' } : result;
}

/**
 * The whole article the archive holds for a feed teaser (`Article.partial`) read again while its
 * link still cannot be fetched: the page read from the link before (its place), or stored under
 * the teaser's own id. Then the teaser is not stored — it would write over the page.
 */
export async function wholeStored(store: Store, article: Article): Promise<string | undefined> {
  const link = article.provenance.link;
  if (article.partial === undefined || !link) return undefined;
  const had = store.placeOf ? await store.placeOf(link) : undefined;
  for (const id of new Set([had, article.id])) {
    if (id === undefined) continue;
    const doc = await store.get(id);
    if (doc && !doc.article.partial) return id;
  }
  return undefined;
}

/**
 * After an article read from a feed item's link (`provenance.link`: a page, or the item's teaser
 * when the page could not be fetched) is stored or found unchanged: the link's place is recorded,
 * and a teaser stored under it before is superseded by the page (`Store.place`, `teaser`) — kept
 * as an earlier version, out of the lists and search; the page's status becomes `updated`.
 */
export async function linkPlace(store: Store, article: Article, result: PutResult): Promise<PutResult> {
  const link = article.provenance.link;
  if (!link || !store.place || !store.placeOf || result.status === 'duplicate' || result.id !== article.id)
    return result;
  if ((await store.placeOf(link)) === article.id) return result;
  const old = await store.place(link, article.id, article.provenance.ingestedAt, { teaser: true });
  return old ? { id: article.id, status: 'updated' } : result;
}

const now = () => performance.now();

export async function runIngest(opts: RunOptions): Promise<IngestSummary> {
  limitIngestMemory();
  const t0 = now();
  const clock = opts.stageClock ?? now;
  const stageMs: Record<Stage, number> = { read: 0, dedup: 0, brief: 0, analyze: 0, store: 0 };
  const counts: IngestCounts = { seen: 0, ...noPutCounts(), skipped: 0 };
  const reasons: Record<string, number> = {};
  const warm0 = now();
  // Without a given index the archive finds duplicates itself (put: exact by text hash, near
  // by the MinHash bands it keeps): nothing is held in memory per article, nothing warmed.
  const dedup = opts.dedup;
  const warmed = dedup?.size ?? 0;
  const ledger = await QuarantineLedger.open(opts.store);
  const warmMs = now() - warm0;
  const every = opts.progressEveryMs ?? 200;
  let lastProgress = 0;
  let current: string | undefined;
  const report = (force: boolean) => {
    if (!opts.onProgress) return;
    const t = now();
    if (!force && t - lastProgress < every) return;
    lastProgress = t;
    opts.onProgress({ ...counts, elapsedMs: t - t0, ...(current ? { current } : {}) });
  };
  const iterator = opts.items[Symbol.asyncIterator]();
  // Puts share commits (SQLite): each article stays all-or-nothing; a crash loses at most the
  // uncommitted group (1 s of CPU work, 5 s of wall time at most), which a re-run stores again.
  const endGroup = opts.store.groupCommits?.();
  const rereads: Reread[] = [];
  try {
    for (;;) {
      if (opts.signal?.aborted) break;
      let t = clock();
      const next = await iterator.next();
      stageMs.read += clock() - t;
      if (next.done) break;
      const item = next.value;
      counts.seen++;
      if (item.kind === 'skipped') {
        counts.skipped++;
        opts.onItem?.(item);
      } else if (item.kind === 'rejected') {
        const e = item.entry;
        current = e.source;
        reasons[e.ruleId] = (reasons[e.ruleId] ?? 0) + 1;
        counts.quarantined++;
        t = clock();
        await ledger.add(e);
        stageMs.store += clock() - t;
        opts.onItem?.(item);
      } else {
        const article = item.article;
        current = article.provenance.source;
        t = clock();
        let fp: Fingerprint | undefined;
        let verdict: DedupVerdict = { kind: 'same' };
        let stored: ProcessedArticle | undefined;
        // a feed teaser whose page the archive holds already: nothing to store
        const whole = article.partial ? await wholeStored(opts.store, article) : undefined;
        if (whole) {
          // the page is there; the teaser is neither compared nor stored
        } else if (dedup) {
          fp = fingerprint(article.text);
          verdict = dedup.check(fp, article.id);
        } else {
          stored = await sameAsStored(opts.store, article);
          verdict = stored ? { kind: 'same' } : { kind: 'new' };
        }
        const other =
          !whole && verdict.kind === 'same' ? await fromElsewhere(opts.store, article, stored) : undefined;
        stageMs.dedup += clock() - t;
        if (whole) {
          const result: PutResult = { id: whole, status: 'unchanged' };
          countPut(counts, result.status);
          opts.onItem?.(item, result);
        } else if (other) {
          t = clock();
          const result = await recordElsewhere(opts.store, article, other);
          const reread = await placeOf(opts.store, article, result);
          if (reread) rereads.push(reread);
          stageMs.store += clock() - t;
          countPut(counts, result.status);
          opts.onItem?.(item, result);
        } else if (verdict.kind === 'same') {
          t = clock();
          const result = await linkPlace(opts.store, article, { id: article.id, status: 'unchanged' });
          const reread = await placeOf(opts.store, article, result);
          if (reread) rereads.push(reread);
          stageMs.store += clock() - t;
          countPut(counts, result.status);
          opts.onItem?.(item, result);
        } else {
          let doc: ProcessedArticle;
          if (opts.process) {
            t = clock();
            doc = opts.process(article);
            stageMs.analyze += clock() - t;
          } else {
            // processArticle (pipeline.ts), split in two so the stages can be timed.
            t = clock();
            const brief = parseBrief(article.text);
            const t1 = clock();
            stageMs.brief += t1 - t;
            doc = { article, brief, analysis: analyze(article, brief) };
            stageMs.analyze += clock() - t1;
          }
          t = clock();
          const put = await opts.store.put(doc, {
            ...(verdict.kind === 'near-duplicate' ? { nearDuplicateOf: verdict.of } : {}),
            // The store files the article under this fingerprint rather than computing it again.
            ...(fp && doc.article.text === article.text ? { fingerprint: fp } : {}),
          });
          const result = article.provenance.link ? await linkPlace(opts.store, article, put) : put;
          const reread = await placeOf(opts.store, article, result);
          if (reread) rereads.push(reread);
          stageMs.store += clock() - t;
          countPut(counts, result.status);
          if (dedup && fp && result.status !== 'duplicate') dedup.add(article.id, fp);
          opts.onItem?.(item, result, doc);
        }
        await ledger.resolved(article.provenance.source);
      }
      report(false);
    }
    const t = clock();
    await placeRereads(opts.store, rereads, counts);
    stageMs.store += clock() - t;
  } finally {
    const t = clock();
    await endGroup?.();
    stageMs.store += clock() - t;
  }
  report(true);
  return {
    ...counts,
    reasons,
    elapsedMs: now() - t0,
    stageMs,
    unquarantined: ledger.unquarantined,
    warmed,
    warmMs,
  };
}
