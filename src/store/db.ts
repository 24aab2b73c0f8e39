/**
 * The small SQL surface both stores share. SQL is written once with `?` placeholders; the
 * PostgreSQL adapter numbers them. Each backend adds its own full-text pieces (`Backend`).
 */
import type { Dialect } from '../search/compile.ts';
import type { IndexedText } from '../search/analyze.ts';
import type { FacetIndex } from './facet-index.ts';

export type Param = string | number | null;
export type Row = Record<string, unknown>;

export interface Db {
  all<T = Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  get<T = Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** Returns the number of rows changed. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** The first column of every row, as numbers (a list of rids, without a row object each). */
  numbers(sql: string, params?: readonly Param[]): Promise<number[]>;
}

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

/**
 * Migration 10 of both stores: `superseded`, the earlier versions of articles (an edited file, a
 * changed record: Store.place, docs/ingest.md), and `places`, the article each whole file last
 * read as, filled by `backfill` (each store's SQL) from the text and HTML files stored so far.
 */
export function supersededMigration(backfill: string): Migration {
  return {
    version: 10,
    name: 'superseded: earlier versions of articles (an edited file, a changed record); places: the article each whole file read as',
    statements: [
      'CREATE TABLE superseded (id TEXT PRIMARY KEY, superseded_by TEXT NOT NULL, at TEXT NOT NULL, doc TEXT NOT NULL)',
      'CREATE INDEX superseded_by ON superseded(superseded_by)',
      'CREATE TABLE places (source TEXT PRIMARY KEY, id TEXT NOT NULL)',
      backfill,
    ],
  };
}

/** Migration 11 of both stores: which articles are partial (a feed item's teaser), counted by `stats`. */
export const partialMigration: Migration = {
  version: 11,
  name: 'articles.partial: a feed teaser stored while its page could not be fetched',
  statements: [
    'ALTER TABLE articles ADD COLUMN partial TEXT',
    'CREATE INDEX articles_partial ON articles(partial) WHERE partial IS NOT NULL',
  ],
};

/**
 * Migration 12 of both stores: `pending_fetches`, the feed items whose page fetch failed under
 * `ingest --follow`, waiting to be fetched again (Store.fetchRetries): they outlive the process.
 */
export const pendingFetchesMigration: Migration = {
  version: 12,
  name: 'pending_fetches: feed items waiting for their page to be fetched again',
  statements: [
    `CREATE TABLE pending_fetches (
      feed TEXT NOT NULL, item TEXT NOT NULL, link TEXT NOT NULL, fetches INTEGER NOT NULL,
      first_at TEXT NOT NULL, next_at TEXT NOT NULL, rule_id TEXT NOT NULL, reason TEXT NOT NULL,
      data TEXT NOT NULL, PRIMARY KEY (feed, item))`,
  ],
};

/**
 * Migration 13 of both stores: the entities no stored article mentions — named only by an edited
 * article's earlier text, before `put` and `place` dropped them (SqlStore.dropUnnamed) — and
 * their lookup keys go; they stayed in `status`, the entity list and the export with 0 articles.
 */
export const unnamedEntitiesMigration: Migration = {
  version: 13,
  name: 'entities no article mentions (an edited article named them) dropped, with their lookup keys',
  statements: [
    'DELETE FROM entities WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)',
    'DELETE FROM entity_keys WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = entity_keys.entity_id)',
  ],
};

/**
 * Fills an empty `entity_counts` from the archive's mentions, with a 0 row for every entity
 * they do not name (migration 14; bench/search-pg-bulk.ts after a bulk load).
 */
export const ENTITY_COUNTS_FILL: readonly string[] = [
  `INSERT INTO entity_counts (entity_id, mentions, articles)
   SELECT entity_id, COUNT(*), COUNT(DISTINCT rid) FROM mentions WHERE entity_id IS NOT NULL GROUP BY entity_id`,
  `INSERT INTO entity_counts (entity_id, mentions, articles)
   SELECT id, 0, 0 FROM entities WHERE NOT EXISTS (SELECT 1 FROM entity_counts c WHERE c.entity_id = entities.id)`,
];

/**
 * Migration 14 of both stores (uidef3): `entity_counts`, each entity's mentions and the
 * articles that mention it, kept at write time (`SqlStore.writeChildren` adds an article's,
 * `clearChildren` takes them back) — GET /api/entities counted every mention of the archive on
 * each call. `suffix`: SQLite's ` WITHOUT ROWID`. Every entity has a row (0 when unmentioned),
 * so the most mentioned are read from the index `entity_counts_rank`.
 */
export function entityCountsMigration(suffix = ''): Migration {
  return {
    version: 14,
    name: 'entity_counts: mentions and articles of each entity, kept at write time',
    statements: [
      `CREATE TABLE entity_counts (
        entity_id TEXT PRIMARY KEY, mentions INTEGER NOT NULL, articles INTEGER NOT NULL)${suffix}`,
      ...ENTITY_COUNTS_FILL,
      'CREATE INDEX entity_counts_rank ON entity_counts(mentions DESC, entity_id)',
    ],
  };
}

/** Adds `mentions` and `articles` to an entity's counts (`entity_counts`), its row made when missing. */
export const ADD_ENTITY_COUNTS = [
  'INSERT INTO entity_counts (entity_id, mentions, articles)',
  `ON CONFLICT (entity_id) DO UPDATE SET mentions = entity_counts.mentions + excluded.mentions,
   articles = entity_counts.articles + excluded.articles`,
] as const;

export interface Backend {
  readonly kind: 'sqlite' | 'postgres';
  /** Opened for reading only: migrations and re-indexing are checked, never run. */
  readonly readonly?: boolean;
  readonly db: Db;
  /** The query dialect; PostgreSQL's depends on its index format (`indexFormat`). */
  readonly dialect: Dialect;
  /**
   * Optional (PostgreSQL): reads what the archive's index holds (its khabar_meta), after the
   * migrations and any re-index, and picks `dialect` to match.
   */
  indexFormat?(): Promise<void>;
  /**
   * Optional (PostgreSQL): every article and section was just indexed again by this code
   * (`Store.reindex` finished): records the index format it wrote.
   */
  reindexed?(db: Db): Promise<void>;
  readonly migrations: Migration[];
  /** Table hint to walk articles newest first by (sort_key, id) (SQLite `INDEXED BY`; '' elsewhere). */
  readonly sortIndexHint: string;
  /** SQL for the article text of `articles a` (it is stored in the document `a.doc` only). */
  readonly textSql: string;
  /**
   * SQL true when the article of `articles a` was dated by its own text (its warnings hold
   * ingest/date-from-text: no date came with it, its dateline or byline gave one).
   */
  readonly dateFromTextSql: string;
  /**
   * Facet values of every article kept in memory (./facet-index.ts), when the backend can
   * tell exactly what changed since it was loaded; searches count facets over it.
   */
  readonly facetIndex?: FacetIndex;
  /**
   * True while this process has a write transaction open whose uncommitted rows its reads
   * see (SQLite's single connection): the facet index must not load them.
   */
  writing(): boolean;
  /** Runs `fn` in one transaction (serialized: one writer at a time). */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Takes locks, held until the transaction ends, that other processes writing to the same
   * database also take (PostgreSQL advisory locks); absent where transactions already
   * exclude each other across processes (SQLite's BEGIN IMMEDIATE).
   */
  lockKeys?(db: Db, keys: number[]): Promise<void>;
  /**
   * Group commit (optional; SQLite has it): until the returned function is called, each `tx`
   * runs as a savepoint of one longer transaction, committed every `every.tx` transactions
   * or `every.ms` milliseconds (and when the last open group ends or the store closes).
   * Each `tx` stays all-or-nothing; a crash loses at most the uncommitted group, never part
   * of one `tx`.
   */
  group?(every: GroupCommit): () => Promise<void>;
  /** Runs DDL (several statements). */
  exec(sql: string): Promise<void>;
  /**
   * Optional (SQLite): merges each full-text index into one segment (FTS5 `optimize`), the
   * fewest seeks per query term; returns the tables optimized. Rewrites the whole index.
   */
  optimize?(): Promise<string[]>;
  writeIndex(db: Db, rid: number, cols: IndexedText): Promise<void>;
  deleteIndex(db: Db, rid: number): Promise<void>;
  writeSectionIndex(db: Db, sid: number, cols: IndexedText): Promise<void>;
  deleteSectionIndex(db: Db, rid: number): Promise<void>;
  /** `SELECT rid` over a list of rids held in JS (one parameter, whatever its length). */
  ridSet(rids: readonly number[]): SqlPart;
  /** `SELECT rid` of the articles matching a compiled full-text expression. */
  matchIds(expr: string, opts: MatchOptions): SqlPart;
  /**
   * `SELECT rid, score` for the `window` most recently stored matches (highest rid first),
   * scored by `rank` (the positive part of the query). Section searches are not windowed.
   */
  matchScored(expr: string, rank: string, opts: MatchOptions & { window: number }): SqlPart;
  /**
   * Optional (SQLite with the native ranking): `matchScored`'s rows and scores for `expr` — an
   * OR of words and phrases (`CompiledQuery.phraseDisjunction`), no filter — in one read of the
   * window: under `window` matches, the phrases' document frequencies are counted over the
   * matches (each holds one of the phrases) instead of over the archive again. Undefined when
   * it cannot answer (no native ranking).
   */
  scoreWindow?(expr: string, window: number): Promise<Array<{ rid: number; score: number }> | undefined>;
  close(): Promise<void>;
}

export interface GroupCommit {
  /** Commit after this many transactions. */
  tx: number;
  /**
   * Commit once the group holds this many milliseconds of the process's work — CPU time
   * (`process.cpuUsage`) since its first transaction, so a process slowed by a loaded machine
   * writes groups of the same size as on a quiet one — or once no transaction has come for
   * this many milliseconds of wall time (an idle group).
   */
  ms: number;
  /** …and at the latest this many milliseconds of wall time after its first transaction (default 5 × `ms`). */
  maxMs?: number;
}

export interface SqlPart {
  sql: string;
  params: Param[];
}

export interface MatchOptions {
  /** Only sections of these kinds. */
  sections?: string[];
  /** Filters: the article's rid must be in each of these `SELECT rid …` sets. */
  restrict?: SqlPart[];
}

/** `col IN (set) AND …` for filter sets, with their parameters. */
export function inSets(col: string, sets: SqlPart[] | undefined): SqlPart {
  if (!sets?.length) return { sql: '', params: [] };
  return {
    sql: ` AND ${sets.map((x) => `${col} IN (${x.sql})`).join(' AND ')}`,
    params: sets.flatMap((x) => x.params),
  };
}

export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Most rows one multi-row statement of `insertRows` carries. */
const MAX_ROWS = 64;
const valuesSql = new Map<string, string>();

/**
 * Inserts `rows` (each `width` values) with multi-row `INSERT … VALUES (…), (…)` statements:
 * one statement per chunk instead of one per row. Chunks are powers of two (≤ 64 rows), so a
 * table needs at most seven distinct statements, which the backends' statement caches keep.
 * `head` is `INSERT INTO t (a, b, …)`, `tail` what follows the values (`ON CONFLICT …`).
 */
export async function insertRows(
  db: Db,
  head: string,
  width: number,
  rows: readonly (readonly Param[])[],
  tail = '',
): Promise<void> {
  let at = 0;
  while (at < rows.length) {
    let n = MAX_ROWS;
    while (n > rows.length - at) n >>= 1;
    const key = `${head}\u0000${n}\u0000${tail}`;
    let sql = valuesSql.get(key);
    if (sql === undefined) {
      const one = `(${placeholders(width)})`;
      sql = `${head} VALUES ${Array.from({ length: n }, () => one).join(', ')}${tail ? ` ${tail}` : ''}`;
      if (valuesSql.size > 1000) valuesSql.clear();
      valuesSql.set(key, sql);
    }
    const params: Param[] = [];
    for (let k = at; k < at + n; k++) {
      const row = rows[k]!;
      if (row.length !== width)
        throw new Error(`insertRows: a row of ${row.length} values for ${width} columns`);
      for (const v of row) params.push(v);
    }
    await db.run(sql, params);
    at += n;
  }
}
