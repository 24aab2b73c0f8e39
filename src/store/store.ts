/**
 * The archive: one `Store` interface, two implementations (SQLite default, PostgreSQL
 * for scale-out) that pass one shared test suite. Every method is async so both fit.
 */
import type { SearchNote } from '../i18n/search-notes.ts';
import type { Fingerprint } from '../ingest/dedup.ts';
import type { Dyad, Entity, EventRecord, PloverType, ProcessedArticle } from '../model.ts';

export interface PutResult {
  id: string;
  /**
   * `duplicate`: same normalized text already stored; `near-duplicate`: stored and linked;
   * `moved` (ingest only, never `put`): the stored article read again from a new path, its
   * old file gone — its source path updated (`Store.relocate`).
   */
  status: 'inserted' | 'updated' | 'unchanged' | 'moved' | 'duplicate' | 'near-duplicate';
  duplicateOf?: string;
}

/** What became of the articles of an ingest or an import: a count a `PutResult` status, and the quarantined inputs. */
export interface PutCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  /** Stored articles read from a new path, their old file gone (docs/ingest.md, "Moved files"). */
  moved: number;
  duplicates: number;
  nearDuplicates: number;
  quarantined: number;
}

/** PutCounts all zero, in the order they are printed. */
export const noPutCounts = (): PutCounts => ({
  inserted: 0,
  updated: 0,
  unchanged: 0,
  moved: 0,
  duplicates: 0,
  nearDuplicates: 0,
  quarantined: 0,
});

const COUNTED_AS: Record<PutResult['status'], keyof PutCounts> = {
  inserted: 'inserted',
  updated: 'updated',
  unchanged: 'unchanged',
  moved: 'moved',
  duplicate: 'duplicates',
  'near-duplicate': 'nearDuplicates',
};

/** Counts one put's outcome in `counts`. */
export function countPut(counts: PutCounts, status: PutResult['status']): void {
  counts[COUNTED_AS[status]]++;
}

/** Options for `Store.put`. */
export interface PutOptions {
  /**
   * Id of an already-stored article this one re-publishes (found by ingest's near-duplicate
   * detection, e.g. MinHash). The article is stored in full and linked to that one; `put`
   * answers `near-duplicate` with `duplicateOf`. Exact duplicates (same match-normalized text
   * under another id) need no hint: the store finds them itself and does not store them twice.
   */
  nearDuplicateOf?: string;
  /**
   * The near-duplicate fingerprint (src/ingest/dedup.ts `fingerprint`) of `doc.article.text`,
   * when the caller computed it already (its own dedup index): the store files the article
   * under its bands without computing it again. It must be the fingerprint of that text.
   */
  fingerprint?: Fingerprint;
}

export interface QuarantineEntry {
  /** Path, URL or record locator of the rejected input. */
  source: string;
  ruleId: string;
  reason: string;
  /** ISO time. */
  at: string;
  /** The rejected input itself (or its first bytes, for very large inputs), so nothing is lost. */
  raw?: string;
}

/**
 * A feed item whose page could not be fetched under `khabar ingest FEED --follow`, waiting to be
 * fetched again (after 1, 2, 4, 8 polls): kept in the archive, so a restarted `--follow` — or a
 * plain `khabar ingest FEED` — tries it again; nothing waits in one process's memory only.
 */
export interface PendingFetch {
  /** The feed's URL. */
  feed: string;
  /** The item's id in the feed (its guid, else its link). */
  item: string;
  /** The page to fetch (the item's link). */
  link: string;
  /** Fetches of the link that failed so far. */
  fetches: number;
  /** ISO times: the first failed fetch, and from when it is due again. */
  firstAt: string;
  nextAt: string;
  /** The last failure. */
  ruleId: string;
  reason: string;
  /** The feed item itself (JSON), to build its article or keep its teaser. */
  data: string;
}

/** The feed items waiting for their page (`PendingFetch`), by feed and item. */
export interface FetchRetries {
  /** Those of one feed, or of every feed (status), oldest first. */
  list(feed?: string): Promise<PendingFetch[]>;
  /** Written, or written over (same feed and item). */
  save(p: PendingFetch): Promise<void>;
  /** Done with: its page was read, or its teaser kept or quarantined. */
  drop(feed: string, item: string): Promise<void>;
  /**
   * Written back as exported (`khabar import`), over a waiting item of the same feed and item;
   * true when it changed the archive (false: the same was there already).
   */
  restore(p: PendingFetch): Promise<boolean>;
}

/**
 * A link from an article id to the stored article it copies: `exact` (same normalized text:
 * not stored itself) or `near` (stored, and linked to the one it re-publishes).
 */
export interface DuplicateLink {
  id: string;
  duplicateOf: string;
  kind: 'exact' | 'near';
  outlet?: string;
  url?: string;
  title?: string;
  published?: string;
  /** ISO time the link was made. */
  at: string;
}

export interface ArticleSummary {
  id: string;
  title?: string;
  outlet?: string;
  url?: string;
  published?: string;
  language: string;
  /** First lead paragraph or first sentence. */
  lead?: string;
}

export interface Page {
  limit?: number;
  offset?: number;
}

export interface SearchFilters {
  actor?: string[];
  country?: string[];
  type?: PloverType[];
  outlet?: string[];
  section?: string[];
  from?: string;
  to?: string;
}

export interface SearchRequest extends Page {
  /** Query language: words, "phrases", AND/OR/NOT, prefix*, and field:value filters. */
  q: string;
  filters?: SearchFilters;
  sort?: 'relevance' | 'date';
  facets?: boolean;
}

export interface SearchHit extends ArticleSummary {
  /**
   * With `published`: `source` when the date came with the article, `text` when the ingest
   * read it from its dateline or byline (the reader's `published.from`).
   */
  publishedFrom?: 'source' | 'text';
  score: number;
  /** Snippet text with highlight spans (offsets into `snippet`). */
  snippet: string;
  highlights: Array<readonly [number, number]>;
}

export interface FacetValue {
  value: string;
  label?: string;
  /** The English label (name or transliteration), added by the API when asked for English. */
  label_en?: string;
  count: number;
}

/** `actors`: people, posts and organizations; `places`: cities, regions and towns (both filtered with `actor:`). */
export type Facets = Record<'countries' | 'actors' | 'places' | 'types' | 'outlets' | 'months', FacetValue[]>;

export interface SearchResponse {
  /**
   * Matching articles: exact when `totalExact`; otherwise at least this many (the count stops
   * at a cap, 10,000 by default — "more than 10,000"). The same with facets, which then
   * count the newest 10,000 matches.
   */
  total: number;
  totalExact: boolean;
  hits: SearchHit[];
  /** Present only when the request asked for facets (`facets: true`). */
  facets?: Facets;
  tookMs: number;
  /** Parts of the query that could not be read as written (and how they were read): codes and values. */
  notes?: SearchNote[];
  /** The same, in English (as before `notes`). */
  warnings?: string[];
}

export interface StoredEvent extends EventRecord {
  articleId: string;
  published?: string;
}

export interface EventFilter extends Page {
  type?: PloverType[];
  country?: string;
  /**
   * An entity id, a name as the event's actor is stored, or any name or alias of an entity
   * («لاريجاني», «Larijani»: `Store.actorEntities`); a name several entities share keeps the
   * events of each.
   */
  actor?: string;
  from?: string;
  to?: string;
  articleId?: string;
}

export interface EntityView {
  entity: Entity;
  articles: number;
  mentions: number;
}

export interface StoreStats {
  articles: number;
  /**
   * Earlier versions kept: articles replaced by the edited text of their file, or by a changed
   * record under the same url or `id` (not counted in `articles`; `Store.version` reads them).
   */
  superseded?: number;
  /**
   * Articles stored partial (counted in `articles`): a feed item's teaser, its link not fetched
   * (`Article.partial`).
   */
  partial?: number;
  /** Exact duplicates seen (not stored twice). */
  duplicates: number;
  /** Articles stored and linked to an earlier one they re-publish. */
  nearDuplicates: number;
  quarantined: number;
  /** Feed items waiting for their page to be fetched again (`Store.fetchRetries`). */
  pendingFetches?: number;
  entities: number;
  events: number;
  /** The 50 outlets with most articles (named outlets only). */
  outlets: FacetValue[];
  /** Articles that name no outlet (not in `outlets`). */
  outletUnknown: number;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies versioned schema migrations; safe to call on every start. */
  migrate(): Promise<void>;
  /** Stores one processed article in one transaction; idempotent for the same input. */
  put(doc: ProcessedArticle, opts?: PutOptions): Promise<PutResult>;
  /**
   * Optional (SQLite): until the returned function is called and awaited, writes share
   * commits — each `put` is still all-or-nothing (a savepoint), but only every `every.tx`
   * puts or `every.ms` milliseconds of CPU time (or idle), and at the latest `every.maxMs` of
   * wall time, is committed (GroupCommit in ./db.ts). Bulk ingest uses it; a crash loses at most
   * the uncommitted puts, which a re-run stores (ids are stable, `put` is idempotent).
   */
  groupCommits?(every?: { tx: number; ms: number; maxMs?: number }): () => Promise<void>;
  /**
   * Records that the stored article `id` now lives at `move.to` (its file was moved or
   * renamed): `provenance.source` becomes `to` and `from` is appended to
   * `provenance.movedFrom`, in one transaction; nothing else changes (no re-analysis, no
   * re-indexing). False when the article is not stored or its source is no longer `from`
   * (another writer moved it first). `unlink`: the id of the exact-duplicate link `to` had
   * when it was a copy of this article, removed — that copy is now the article's own place.
   * Optional: the SQL stores have it.
   */
  relocate?(id: string, move: { from: string; to: string; unlink?: string }): Promise<boolean>;
  /**
   * Records that the whole file `source` (a text or HTML file read whole: its article's id comes
   * from its words) now reads as the stored article `id`. When it read as another article
   * before, still stored from that very path, the file was edited: that article is superseded
   * by `id` — taken out of the archive's lists, search, facets, entities' counts and events,
   * kept whole as an earlier version (`version`), its near-duplicate link from `id` dropped —
   * in one transaction. Returns the superseded article's id. Nothing is written when the file
   * already read as `id`. Optional: the SQL stores have it.
   *
   * `teaser`: `source` is a feed item's link, `id` the page read from it; only a partial article
   * (`Article.partial`, the item's teaser stored while the link could not be fetched) is
   * superseded — a whole page read from the link before is left as it is.
   */
  place?(source: string, id: string, at: string, opts?: { teaser?: boolean }): Promise<string | undefined>;
  /** The article the whole file `source` last read as (`place`). */
  placeOf?(source: string): Promise<string | undefined>;
  /** An earlier version (`place`, or a record changed under its url or `id`), with `article.superseded`. */
  version?(id: string): Promise<ProcessedArticle | undefined>;
  /** The earlier versions the article `id` replaced (directly), oldest first. */
  versions?(id: string): Promise<Array<{ id: string; at: string }>>;
  get(id: string): Promise<ProcessedArticle | undefined>;
  list(opts?: Page & { outlet?: string; from?: string; to?: string }): Promise<{
    total: number;
    items: ArticleSummary[];
  }>;
  search(req: SearchRequest): Promise<SearchResponse>;
  entity(id: string): Promise<EntityView | undefined>;
  entities(opts?: Page & { type?: string; country?: string; q?: string }): Promise<{
    total: number;
    items: EntityView[];
  }>;
  /**
   * Optional: the entities an actor value names — as the `actor` filters of `events` and
   * `search` match it: an id, or any name or alias (match form, Latin transliterated) — at
   * most `limit` (default 10), and whether there are more. Two or more: the value is ambiguous.
   */
  actorEntities?(value: string, limit?: number): Promise<{ entities: Entity[]; more: boolean }>;
  events(filter?: EventFilter): Promise<{ total: number; items: StoredEvent[] }>;
  /**
   * Optional: the events of a filter in the order of `events` (newest first), the first `cap`
   * of them in one read, and how many match in all — what an entity's page and a country's
   * relations count over. Without it they are read page by page from `events`.
   */
  eventsUpTo?(
    filter: Omit<EventFilter, 'limit' | 'offset'>,
    cap: number,
  ): Promise<{ total: number; items: StoredEvent[] }>;
  dyads(opts?: { level?: 'country' | 'actor'; actor?: string; from?: string; to?: string }): Promise<Dyad[]>;
  /**
   * Quarantines `entry`; with `replace`, in place of the entries of its source (one transaction):
   * a queued input the worker gave up on is quarantined with the worker's reason, not the
   * reason an earlier read refused it for.
   */
  quarantine(entry: QuarantineEntry, opts?: { replace?: boolean }): Promise<void>;
  quarantined(opts?: Page): Promise<{ total: number; items: QuarantineEntry[] }>;
  /**
   * Takes the entries of `source` out of the quarantine: it has been read and stored since (a
   * file fixed, a JSONL line corrected, a page that answers now). Returns how many it took out.
   */
  unquarantine?(source: string): Promise<number>;
  stats(): Promise<StoreStats>;
  /**
   * Optional (SQLite): merges the full-text indexes into one segment each (FTS5 `optimize`)
   * — after a bulk load, searches seek fewer segments. Rewrites the index (minutes at
   * 1,000,000 articles); returns the tables optimized and the seconds it took.
   */
  readonly optimize?: (() => Promise<{ tables: string[]; seconds: number }>) | undefined;
  /** Every stored article, in ingest order (export). */
  iterate(): AsyncIterable<ProcessedArticle>;
  /**
   * The rest of an archive, for `khabar export` and `khabar import` (the SQL stores have
   * them; an archive without them cannot be exported whole): duplicate links and the
   * quarantine, oldest first; every entity as stored (merged over all its articles).
   */
  readonly archive?: ArchiveRecords;
  /** Feed items waiting for their page (`khabar ingest --follow`); the SQL stores have them. */
  readonly fetchRetries?: FetchRetries;
  close(): Promise<void>;
}

/** A row of the places (`Store.place`): `source` last read as the article `id`. */
export interface PlaceRecord {
  source: string;
  id: string;
}

/** What an archive holds besides its articles, read for export and written back by import. */
export interface ArchiveRecords {
  links(): AsyncIterable<DuplicateLink>;
  quarantineLog(): AsyncIterable<QuarantineEntry>;
  entityLog(): AsyncIterable<Entity>;
  /** Earlier versions (`Store.version`), oldest first; optional. */
  versionLog?(): AsyncIterable<ProcessedArticle>;
  /** Writes an earlier version back (import); true when it changed the archive. */
  restoreVersion?(doc: ProcessedArticle): Promise<boolean>;
  /**
   * The places (`Store.place`: a whole file, or a feed item's link, and the article it last read
   * as), in source order; optional.
   */
  placeLog?(): AsyncIterable<PlaceRecord>;
  /** Writes a place back (import) as it was, superseding nothing; true when it changed the archive. */
  restorePlace?(place: PlaceRecord): Promise<boolean>;
  /** Each returns true when it changed the archive (false: the same was there already). */
  restoreLink(link: DuplicateLink): Promise<boolean>;
  restoreQuarantine(entry: QuarantineEntry): Promise<boolean>;
  /**
   * The entity as exported, merged with what this archive already knows of it (the exported
   * document wins; names and ids only this archive has are added).
   */
  restoreEntity(entity: Entity): Promise<boolean>;
}
