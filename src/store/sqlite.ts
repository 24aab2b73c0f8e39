/**
 * SQLite backend (better-sqlite3, WAL). FTS5 cannot run a JS tokenizer, so the index holds
 * text the search analyzer already produced (columns forms, bare, stems, latin), tokenized
 * by `unicode61` on spaces. Contentless tables (`contentless_delete=1`) keep it small.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { ERRORS, fail } from '../errors.ts';
import type { IndexedText } from '../search/analyze.ts';
import { fts5 } from '../search/compile.ts';
import {
  type Backend,
  type Db,
  type GroupCommit,
  inSets,
  type MatchOptions,
  type Migration,
  type Param,
  placeholders,
  type SqlPart,
  partialMigration,
  pendingFetchesMigration,
  unnamedEntitiesMigration,
  entityCountsMigration,
  supersededMigration,
} from './db.ts';
import { FacetIndex } from './facet-index.ts';

const FTS = `fts5(forms, bare, stems, latin, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`;
/**
 * Prefix indexes for 2, 3 and 4 letters (FTS5 counts characters): a prefix query of those
 * lengths reads one doclist, streamed, instead of merging the doclists of every word it
 * starts (`الا*` starts thousands). Longer prefixes start few words. Measured at 10,000
 * articles (bench/RESULTS.md `## search`): the full-text index grows 1.5 → 4.5 KB per article.
 */
const FTS_PREFIX = `fts5(forms, bare, stems, latin, meta, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0', prefix='2 3 4')`;
/**
 * bm25 column weights: an exact form outranks a proclitic-stripped form, which outranks a
 * stem; `meta` (outlet and date terms, src/search/filter-terms.ts, articles only) counts for nothing.
 */
const BM25 = '10.0, 5.0, 2.0, 1.0';
const BM25_ARTICLES = `${BM25}, 0.0`;

/**
 * The native ranking function (native/khabar_rank.c, built by `npm run build:native`):
 * `khabar_bm25`, FTS5's bm25 whose document frequencies are counted over at most
 * RANK_DF_CAP rows per phrase (estimated beyond), so ranking the newest matches of a
 * frequent word does not read its whole doclist. Without it (not built, or
 * KHABAR_NATIVE_RANK=off) search ranks with bm25 itself: the same scores below the cap, a
 * cost linear in the archive above it (bench/RESULTS.md `## search`).
 */
export const RANK_EXTENSION = fileURLToPath(
  new URL(
    `../../native/build/khabar_rank.${process.platform === 'darwin' ? 'dylib' : process.platform === 'win32' ? 'dll' : 'so'}`,
    import.meta.url,
  ),
);
/** Rows counted per phrase for its IDF by `khabar_bm25` (KHABAR_RANK_DF_CAP overrides). */
export const RANK_DF_CAP =
  Number(process.env.KHABAR_RANK_DF_CAP) > 0 ? Math.floor(Number(process.env.KHABAR_RANK_DF_CAP)) : 2000;

/** Loads the native ranking function into `raw` when it is built and wanted; true if loaded. */
/**
 * khabar_bm25's scores from the rows of `khabar_bm25_parts` (native/khabar_rank.c) when the
 * rows are every match of an OR of phrases: each phrase's document frequency is the number
 * of rows holding it, its IDF `khabar_bm25_idf`'s; the sum is khabar_bm25's, term by term in
 * the same order (the same doubles).
 */
export async function scoreParts(
  rows: ReadonlyArray<{ rid: number; parts: Buffer }>,
  idfs: (nRow: number, hits: number[]) => Promise<number[]>,
): Promise<Array<{ rid: number; score: number }>> {
  if (rows.length === 0) return [];
  const k1 = 1.2;
  const b = 0.75;
  const first = rows[0]!.parts;
  const nRow = first.readDoubleLE(8);
  const nToken = first.readDoubleLE(16);
  const nPhrase = first.readDoubleLE(24);
  const avgdl = nRow > 0 ? nToken / nRow : 1.0;
  const hits = new Array<number>(nPhrase).fill(0);
  for (const r of rows) {
    for (let i = 0; i < nPhrase; i++) if (r.parts.readDoubleLE(8 * (4 + nPhrase + i)) > 0) hits[i]!++;
  }
  const idf = await idfs(nRow, hits);
  return rows.map((r) => {
    const D = r.parts.readDoubleLE(0);
    let score = 0.0;
    for (let i = 0; i < nPhrase; i++) {
      const f = r.parts.readDoubleLE(8 * (4 + i));
      score += idf[i]! * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + (b * D) / avgdl)));
    }
    return { rid: Number(r.rid), score };
  });
}

/** The C source the extension is built from. */
export const RANK_SOURCE = fileURLToPath(new URL('../../native/khabar_rank.c', import.meta.url));

/**
 * Whether the built extension is older than its source (a checkout updated since the last
 * `npm run build:native`): it may lack functions this code calls, so it is not loaded.
 */
export function rankExtensionStale(lib = RANK_EXTENSION, source = RANK_SOURCE): boolean {
  if (!existsSync(lib) || !existsSync(source)) return false;
  return statSync(source).mtimeMs > statSync(lib).mtimeMs;
}

function loadRankExtension(raw: Database.Database): boolean {
  if (process.env.KHABAR_NATIVE_RANK === 'off' || !existsSync(RANK_EXTENSION)) return false;
  if (rankExtensionStale()) {
    if (!warnedRank) {
      warnedRank = true;
      process.emitWarning(
        `khabar: ${RANK_EXTENSION} is older than ${RANK_SOURCE}; ranking with bm25 until \`npm run build:native\` rebuilds it`,
      );
    }
    return false;
  }
  try {
    raw.loadExtension(RANK_EXTENSION);
    return true;
  } catch (err) {
    // A stale build for another SQLite or platform: rank with bm25, and say so once.
    if (!warnedRank) {
      warnedRank = true;
      process.emitWarning(
        `khabar: ${RANK_EXTENSION} could not be loaded (${(err as Error).message}); ranking with bm25`,
      );
    }
    return false;
  }
}
let warnedRank = false;

/** CPU milliseconds of this process (user + system, every thread): how much work a commit group holds. */
const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/**
 * Rebuilds `table` as a WITHOUT ROWID table (rows kept in their primary-key B-tree: a row
 * written is one B-tree insert fewer than a rowid table plus its primary-key index).
 */
function withoutRowid(table: string, columns: string, names: string, indexes: string[]): string[] {
  return [
    `CREATE TABLE ${table}_new (${columns}) WITHOUT ROWID`,
    `INSERT INTO ${table}_new (${names}) SELECT ${names} FROM ${table}`,
    `DROP TABLE ${table}`,
    `ALTER TABLE ${table}_new RENAME TO ${table}`,
    ...indexes,
  ];
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, sections, mentions, entities, events, facets, duplicates, quarantine, fts',
    statements: [
      `CREATE TABLE articles (
        rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, outlet TEXT, url TEXT, title TEXT,
        published TEXT, day TEXT, sort_key TEXT, language TEXT NOT NULL, lead TEXT, text TEXT NOT NULL,
        text_hash TEXT NOT NULL, content_hash TEXT NOT NULL, doc TEXT NOT NULL, ingested_at TEXT NOT NULL)`,
      'CREATE INDEX articles_text_hash ON articles(text_hash)',
      'CREATE INDEX articles_day ON articles(day)',
      'CREATE INDEX articles_sort ON articles(sort_key)',
      'CREATE INDEX articles_outlet ON articles(outlet)',
      `CREATE TABLE sections (
        sid INTEGER PRIMARY KEY, rid INTEGER NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL,
        label TEXT, speaker TEXT, text TEXT NOT NULL, start_off INTEGER, end_off INTEGER)`,
      'CREATE INDEX sections_rid ON sections(rid)',
      `CREATE TABLE mentions (
        rid INTEGER NOT NULL, ord INTEGER NOT NULL, entity_id TEXT, type TEXT, role TEXT, text TEXT,
        start_off INTEGER, end_off INTEGER, PRIMARY KEY (rid, ord))`,
      'CREATE INDEX mentions_entity ON mentions(entity_id)',
      `CREATE TABLE entities (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name_ar TEXT, country TEXT, sector TEXT, doc TEXT NOT NULL)`,
      'CREATE TABLE entity_keys (key TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (key, entity_id))',
      'CREATE INDEX entity_keys_entity ON entity_keys(entity_id)',
      `CREATE TABLE events (
        rid INTEGER NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, day TEXT,
        doc TEXT NOT NULL, PRIMARY KEY (rid, ord))`,
      'CREATE INDEX events_type ON events(type)',
      `CREATE TABLE event_actors (
        rid INTEGER NOT NULL, ord INTEGER NOT NULL, role TEXT NOT NULL, entity_id TEXT, name TEXT,
        country TEXT, sector TEXT)`,
      'CREATE INDEX event_actors_event ON event_actors(rid, ord)',
      'CREATE INDEX event_actors_entity ON event_actors(entity_id)',
      'CREATE INDEX event_actors_country ON event_actors(country)',
      'CREATE TABLE facets (rid INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, value, rid))',
      'CREATE INDEX facets_rid ON facets(rid)',
      `CREATE TABLE duplicates (
        id TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL, kind TEXT NOT NULL, outlet TEXT, url TEXT,
        title TEXT, published TEXT, at TEXT NOT NULL)`,
      'CREATE INDEX duplicates_of ON duplicates(duplicate_of)',
      `CREATE TABLE quarantine (
        qid INTEGER PRIMARY KEY, source TEXT NOT NULL, rule_id TEXT NOT NULL, reason TEXT NOT NULL,
        at TEXT NOT NULL, raw TEXT)`,
      `CREATE VIRTUAL TABLE articles_fts USING ${FTS}`,
      `CREATE VIRTUAL TABLE sections_fts USING ${FTS}`,
    ],
  },
  {
    version: 2,
    name: 'sort key never null; index (sort_key, id) for newest-first pages',
    statements: [
      "UPDATE articles SET sort_key = '' WHERE sort_key IS NULL",
      'CREATE INDEX articles_sort_id ON articles(sort_key, id)',
    ],
  },
  {
    version: 3,
    name: 'khabar_meta: the analyzer version the index was built with',
    statements: ['CREATE TABLE khabar_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)'],
  },
  {
    version: 4,
    name: 'article_changes: articles rewritten in place, for the in-memory facet index',
    statements: [
      'CREATE TABLE article_changes (seq INTEGER PRIMARY KEY, rid INTEGER NOT NULL)',
      `CREATE TRIGGER articles_changed AFTER UPDATE ON articles
       BEGIN INSERT INTO article_changes (rid) VALUES (NEW.rid); END`,
    ],
  },
  {
    version: 5,
    name: 'dedup_sigs, dedup_bands: near-duplicate lookup in the archive, shared by every writer',
    statements: [
      'CREATE TABLE dedup_sigs (rid INTEGER PRIMARY KEY, minhash TEXT NOT NULL)',
      'CREATE TABLE dedup_bands (key INTEGER NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (key, rid)) WITHOUT ROWID',
      'CREATE INDEX dedup_bands_rid ON dedup_bands(rid)',
    ],
  },
  {
    version: 6,
    name: 'article full-text table with prefix indexes and outlet/date terms (rebuilt from the stored documents); article text kept in the document only',
    statements: [
      // Sections keep theirs without: a prefix within `section:` reads few sections.
      'DROP TABLE articles_fts',
      `CREATE VIRTUAL TABLE articles_fts USING ${FTS_PREFIX}`,
      // The text is in `doc` (article.text): search reads it from there for snippets.
      'ALTER TABLE articles DROP COLUMN text',
      // The new tables are empty: the store re-indexes every article when it opens.
      "DELETE FROM khabar_meta WHERE key = 'analyzer'",
    ],
  },
  {
    version: 7,
    name: 'facets, mentions and entity_keys WITHOUT ROWID (one B-tree fewer per row written); articles_sort dropped (articles_sort_id starts with sort_key)',
    statements: [
      ...withoutRowid(
        'facets',
        'rid INTEGER NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, value, rid)',
        'rid, kind, value',
        ['CREATE INDEX facets_rid ON facets(rid)'],
      ),
      ...withoutRowid(
        'mentions',
        `rid INTEGER NOT NULL, ord INTEGER NOT NULL, entity_id TEXT, type TEXT, role TEXT, text TEXT,
         start_off INTEGER, end_off INTEGER, PRIMARY KEY (rid, ord)`,
        'rid, ord, entity_id, type, role, text, start_off, end_off',
        ['CREATE INDEX mentions_entity ON mentions(entity_id)'],
      ),
      ...withoutRowid(
        'entity_keys',
        'key TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (key, entity_id)',
        'key, entity_id',
        ['CREATE INDEX entity_keys_entity ON entity_keys(entity_id)'],
      ),
      'DROP INDEX articles_sort',
    ],
  },
  {
    version: 8,
    name: 'indexes that no query reads dropped: event_actors(entity_id), event_actors(country), entity_keys(entity_id), duplicates(duplicate_of)',
    // EXPLAIN QUERY PLAN of every statement the store, search, API and CLI tests prepare, on
    // an archive of 2,000 ANT articles: event actors are read by (rid, ord), entity keys by
    // key, duplicates by id. Each row written to those tables is one B-tree insert fewer.
    statements: [
      'DROP INDEX IF EXISTS event_actors_entity',
      'DROP INDEX IF EXISTS event_actors_country',
      'DROP INDEX IF EXISTS entity_keys_entity',
      'DROP INDEX IF EXISTS duplicates_of',
    ],
  },
  // Read whole, with ids from their words: no url.
  supersededMigration(
    `INSERT OR IGNORE INTO places (source, id)
     SELECT json_extract(doc, '$.article.provenance.source'), id FROM articles
     WHERE json_extract(doc, '$.article.provenance.format') IN ('text', 'html')
     AND json_extract(doc, '$.article.url') IS NULL
     AND substr(json_extract(doc, '$.article.provenance.source'), 1, 1) = '/'`,
  ),
  partialMigration,
  pendingFetchesMigration,
  unnamedEntitiesMigration,
  entityCountsMigration(' WITHOUT ROWID'),
];

class SqliteDb implements Db {
  private readonly cache = new Map<string, Database.Statement>();
  constructor(readonly raw: Database.Database) {}
  private stmt(sql: string): Database.Statement {
    let s = this.cache.get(sql);
    if (!s) {
      s = this.raw.prepare(sql);
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(sql, s);
    }
    return s;
  }
  async all<T>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return this.stmt(sql).all(...params) as T[];
  }
  async get<T>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return this.stmt(sql).get(...params) as T | undefined;
  }
  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    return this.stmt(sql).run(...params).changes;
  }
  private readonly plucked = new Map<string, Database.Statement>();
  async numbers(sql: string, params: readonly Param[] = []): Promise<number[]> {
    let s = this.plucked.get(sql);
    if (!s) {
      s = this.raw.prepare(sql).pluck();
      if (this.plucked.size > 200) this.plucked.clear();
      this.plucked.set(sql, s);
    }
    return s.all(...params) as number[];
  }
}

/**
 * Why this Node.js cannot run the SQLite archive, or undefined when it can. Node 24.19.0 made
 * `node::ObjectWrap` (a header compiled into better-sqlite3) register a cleanup hook per
 * object and remove it in the destructor; when V8's garbage collector destroys a statement
 * or database there is no current context, `RemoveEnvironmentCleanupHook` finds no
 * environment and the process aborts ("(env) != nullptr"). Node 24.22.0 keeps addon cleanup
 * hooks in a global list (nodejs/node#63985) and no longer aborts. Node 20 and 22 never had it.
 */
export function sqliteRuntimeProblem(nodeVersion: string): string | undefined {
  const [major = 0, minor = 0] = nodeVersion.replace(/^v/u, '').split('.').map(Number);
  if (major !== 24 || minor < 19 || minor > 21) return undefined;
  return ERRORS.NODE_UNSUPPORTED(nodeVersion);
}

/**
 * `nodeVersion`: the running Node.js by default (a parameter for tests). `readonly`: open an
 * existing file for reading only (SQLite refuses every write: a benchmark measuring an
 * archive another process is reading or writing).
 */
export function sqliteBackend(path: string, nodeVersion = process.versions.node, readonly = false): Backend {
  const problem = sqliteRuntimeProblem(nodeVersion);
  if (problem) throw fail('NODE_UNSUPPORTED', nodeVersion);
  if (readonly && (path === ':memory:' || !existsSync(path))) throw fail('STORE_READONLY_MISSING', path);
  if (path !== ':memory:' && !readonly) mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(path, readonly ? { readonly: true, fileMustExist: true } : {});
  // Read-only: the journal mode is the file's own (setting WAL would write its header).
  if (!readonly) raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('busy_timeout = 5000');
  const db = new SqliteDb(raw);
  const nativeRank = loadRankExtension(raw);
  let chain: Promise<unknown> = Promise.resolve();
  /** Runs `step` after every write queued before it (one writer at a time). */
  const serial = <T>(step: () => Promise<T> | T): Promise<T> => {
    const p = chain.then(step, step);
    chain = p.catch(() => undefined);
    return p;
  };

  const insertFts = (d: Db, table: 'articles_fts' | 'sections_fts', rowid: number, c: IndexedText) =>
    table === 'articles_fts'
      ? d.run('INSERT INTO articles_fts(rowid, forms, bare, stems, latin, meta) VALUES (?, ?, ?, ?, ?, ?)', [
          rowid,
          c.forms,
          c.bare,
          c.stems,
          c.latin,
          c.meta ?? '',
        ])
      : d.run('INSERT INTO sections_fts(rowid, forms, bare, stems, latin) VALUES (?, ?, ?, ?, ?)', [
          rowid,
          c.forms,
          c.bare,
          c.stems,
          c.latin,
        ]);

  // Group commit: `groups` open groups; while one is, `tx` runs as a savepoint of a longer
  // transaction (`open`), committed after `every.tx` transactions, `every.ms` milliseconds of
  // CPU time, `every.ms` idle or `maxMs` of wall time (GroupCommit).
  let groups = 0;
  let every: GroupCommit = { tx: 1, ms: 0 };
  /** A group's wall-time bound: `maxMs`, by default 5 × `ms`. */
  const maxOf = (g: GroupCommit) => g.maxMs ?? 5 * g.ms;
  const maxMs = () => maxOf(every);
  let open = false;
  let pending = 0;
  /** Wall time at the group's first transaction and at its last one; CPU time at its first. */
  let openedAt = 0;
  let lastAt = 0;
  let openedCpu = 0;
  let timer: NodeJS.Timeout | undefined;
  /** A commit that failed on the timer: thrown to the next writer, never swallowed. */
  let failed: unknown;
  // Full-text rows of a group are written just before its COMMIT, all together: FTS5 flushes
  // its pending terms at every statement boundary of another table, so rows written
  // between an article's other rows became one tiny index segment each (and merges).
  const ftsArticles = new Map<number, IndexedText>();
  const ftsSections = new Map<number, IndexedText>();
  /** Undo steps for the pending full-text rows of the current savepoint. */
  let undo: Array<() => void> = [];
  const setPending = (m: Map<number, IndexedText>, id: number, c: IndexedText | undefined) => {
    const before = m.get(id);
    undo.push(() => (before ? m.set(id, before) : m.delete(id)));
    if (c) m.set(id, c);
    else m.delete(id);
  };
  const commitGroup = async () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!open) return;
    open = false;
    pending = 0;
    try {
      for (const [rid, c] of ftsArticles) await insertFts(db, 'articles_fts', rid, c);
      for (const [sid, c] of ftsSections) await insertFts(db, 'sections_fts', sid, c);
      raw.exec('COMMIT');
    } catch (err) {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      throw err;
    } finally {
      ftsArticles.clear();
      ftsSections.clear();
    }
  };
  const rethrowFailed = () => {
    if (failed === undefined) return;
    const err = failed;
    failed = undefined;
    throw err;
  };
  /**
   * The timer of an open group: commits it once no transaction has come for `every.ms` (an
   * idle group: a feed poll waiting for its next round) or it is `maxMs` old; else looks again
   * when the first of the two could be due.
   */
  const arm = (delay: number) => {
    timer = setTimeout(() => {
      timer = undefined;
      const now = performance.now();
      const idle = now - lastAt;
      const age = now - openedAt;
      if (idle >= every.ms || age >= maxMs()) {
        serial(commitGroup).catch((err) => {
          failed = err;
        });
      } else if (open) arm(Math.max(1, Math.min(every.ms - idle, maxMs() - age)));
    }, delay);
    timer.unref();
  };
  const inGroup = async <T>(fn: (db: Db) => Promise<T>): Promise<T> => {
    rethrowFailed();
    if (!open) {
      raw.exec('BEGIN IMMEDIATE');
      open = true;
      openedAt = performance.now();
      lastAt = openedAt;
      openedCpu = cpuMs();
      arm(Math.min(every.ms, maxMs()));
    }
    raw.exec('SAVEPOINT khabar_tx');
    undo = [];
    let out: T;
    try {
      out = await fn(db);
    } catch (err) {
      for (const u of undo.reverse()) u();
      undo = [];
      if (raw.inTransaction) {
        raw.exec('ROLLBACK TO khabar_tx');
        raw.exec('RELEASE khabar_tx');
      } else {
        open = false;
        ftsArticles.clear();
        ftsSections.clear();
      }
      throw err;
    }
    undo = [];
    raw.exec('RELEASE khabar_tx');
    lastAt = performance.now();
    if (++pending >= every.tx || cpuMs() - openedCpu >= every.ms || lastAt - openedAt >= maxMs())
      await commitGroup();
    return out;
  };

  return {
    kind: 'sqlite',
    readonly,
    db,
    dialect: fts5,
    migrations: MIGRATIONS,
    sortIndexHint: 'INDEXED BY articles_sort_id',
    textSql: "json_extract(a.doc, '$.article.text')",
    // the rule id of src/ingest/text-date.ts DATE_FROM_TEXT (not imported: it would load the date reader)
    dateFromTextSql: `EXISTS (SELECT 1 FROM json_each(a.doc, '$.article.warnings') w
      WHERE json_extract(w.value, '$.ruleId') = 'ingest/date-from-text')`,
    facetIndex: new FacetIndex(db, () => raw.inTransaction),
    writing: () => raw.inTransaction,
    tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
      return serial(async () => {
        if (groups > 0) return inGroup(fn);
        raw.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(db);
          raw.exec('COMMIT');
          return out;
        } catch (err) {
          if (raw.inTransaction) raw.exec('ROLLBACK');
          throw err;
        }
      });
    },
    group(opts: GroupCommit) {
      every =
        groups > 0
          ? {
              tx: Math.min(every.tx, opts.tx),
              ms: Math.min(every.ms, opts.ms),
              maxMs: Math.min(maxOf(every), maxOf(opts)),
            }
          : opts;
      // While groups are open, each put is a savepoint, and SQLite copies every page the put
      // changes first into a statement sub-journal — a temp file past 64 KB, one or two
      // pwrite calls a page (~50 pages an ANT article). Temp storage in memory keeps the
      // sub-journal there (released with the savepoint; decided at each BEGIN). Back to the
      // default when the last group ends, so searches sort in temp files as before.
      if (groups === 0 && !readonly) raw.pragma('temp_store = MEMORY');
      groups++;
      let ended = false;
      return () => {
        if (ended) return serial(() => undefined);
        ended = true;
        groups--;
        return serial(async () => {
          if (groups > 0) return;
          try {
            await commitGroup();
          } finally {
            if (groups === 0 && !readonly) raw.pragma('temp_store = DEFAULT');
          }
          rethrowFailed();
        });
      };
    },
    async exec(sql: string) {
      raw.exec(sql);
    },
    async optimize() {
      if (readonly) throw new Error('the archive is open read-only: it cannot be optimized');
      const tables = ['articles_fts', 'sections_fts'];
      await this.tx(async (d) => {
        for (const t of tables) await d.run(`INSERT INTO ${t}(${t}) VALUES ('optimize')`, []);
      });
      return tables;
    },
    async writeIndex(d: Db, rid: number, c: IndexedText) {
      if (open) setPending(ftsArticles, rid, c);
      else await insertFts(d, 'articles_fts', rid, c);
    },
    async deleteIndex(d: Db, rid: number) {
      // A row still pending was never written: dropping it from the queue deletes it.
      if (open && ftsArticles.has(rid)) setPending(ftsArticles, rid, undefined);
      else await d.run('DELETE FROM articles_fts WHERE rowid = ?', [rid]);
    },
    async writeSectionIndex(d: Db, sid: number, c: IndexedText) {
      if (open) setPending(ftsSections, sid, c);
      else await insertFts(d, 'sections_fts', sid, c);
    },
    async deleteSectionIndex(d: Db, rid: number) {
      if (!open || ftsSections.size === 0) {
        await d.run('DELETE FROM sections_fts WHERE rowid IN (SELECT sid FROM sections WHERE rid = ?)', [
          rid,
        ]);
        return;
      }
      for (const { sid } of await d.all<{ sid: number }>('SELECT sid FROM sections WHERE rid = ?', [rid])) {
        if (ftsSections.has(sid)) setPending(ftsSections, sid, undefined);
        else await d.run('DELETE FROM sections_fts WHERE rowid = ?', [sid]);
      }
    },
    ridSet(rids: readonly number[]): SqlPart {
      return { sql: 'SELECT value AS rid FROM json_each(?)', params: [JSON.stringify(rids)] };
    },
    matchIds(expr: string, o: MatchOptions): SqlPart {
      if (o.sections?.length) {
        const r = inSets('s.rid', o.restrict);
        return {
          sql: `SELECT DISTINCT s.rid AS rid FROM sections_fts JOIN sections s ON s.sid = sections_fts.rowid
            WHERE sections_fts MATCH ? AND s.kind IN (${placeholders(o.sections.length)})${r.sql}`,
          params: [expr, ...o.sections, ...r.params],
        };
      }
      // `+rowid`: the filter sets are tested row by row; a plain `rowid IN (…)` would be
      // handed to FTS5, which re-runs the MATCH for every listed rowid.
      const r = inSets('+articles_fts.rowid', o.restrict);
      return {
        sql: `SELECT articles_fts.rowid AS rid FROM articles_fts WHERE articles_fts MATCH ?${r.sql}`,
        params: [expr, ...r.params],
      };
    },
    matchScored(expr: string, _rank: string, o: MatchOptions & { window: number }): SqlPart {
      // bm25 weighs the terms of the MATCH itself (NOT-ed terms do not score): no `rank` needed.
      if (o.sections?.length) {
        const r = inSets('s.rid', o.restrict);
        return {
          sql: `SELECT s.rid AS rid, MAX(f.score) AS score
            FROM (SELECT rowid AS sid, -bm25(sections_fts, ${BM25}) AS score FROM sections_fts
                  WHERE sections_fts MATCH ? LIMIT -1) f
            JOIN sections s ON s.sid = f.sid
            WHERE s.kind IN (${placeholders(o.sections.length)})${r.sql} GROUP BY s.rid`,
          params: [expr, ...o.sections, ...r.params],
        };
      }
      // bm25 is computed for the output rows only: the newest `window` matches.
      const r = inSets('+articles_fts.rowid', o.restrict);
      const score = nativeRank
        ? `khabar_bm25(articles_fts, (SELECT MAX(rid) FROM articles), ${RANK_DF_CAP}, ${BM25_ARTICLES})`
        : `bm25(articles_fts, ${BM25_ARTICLES})`;
      return {
        sql: `SELECT articles_fts.rowid AS rid, -${score} AS score FROM articles_fts
          WHERE articles_fts MATCH ?${r.sql} ORDER BY articles_fts.rowid DESC LIMIT ${o.window}`,
        params: [expr, ...r.params],
      };
    },
    async scoreWindow(expr: string, window: number) {
      // Below RANK_DF_CAP matches, khabar_bm25 counts every phrase's rows exactly: the same
      // frequencies as counting them over the matches (each holds ≥ 1 phrase of an OR).
      if (!nativeRank) return undefined;
      const rows = await db.all<{ rid: number; parts: Buffer }>(
        `SELECT articles_fts.rowid AS rid, khabar_bm25_parts(articles_fts, ${BM25_ARTICLES}) AS parts
         FROM articles_fts WHERE articles_fts MATCH ? ORDER BY articles_fts.rowid DESC LIMIT ${window}`,
        [expr],
      );
      if (rows.length >= window || rows.length >= RANK_DF_CAP) {
        // The window is full (or past the cap): these are the rows `matchScored` scores, and
        // khabar_bm25 counts each phrase's articles over the archive — asked once, on one row
        // (the match at one rowid), instead of reading the window again.
        const r = await db.get<{ idfs: Buffer }>(
          `SELECT khabar_bm25_idfs(articles_fts, (SELECT MAX(rid) FROM articles), ${RANK_DF_CAP}) AS idfs
           FROM articles_fts WHERE articles_fts MATCH ? AND articles_fts.rowid = ?`,
          [expr, rows[0]!.rid],
        );
        if (!r) return undefined;
        const idf = Array.from({ length: r.idfs.length / 8 }, (_, i) => r.idfs.readDoubleLE(8 * i));
        return scoreParts(rows, async () => idf);
      }
      return scoreParts(rows, async (nRow, hits) =>
        (
          await db.all<{ idf: number }>(
            'SELECT khabar_bm25_idf(?, value) AS idf FROM json_each(?) ORDER BY key',
            [nRow, JSON.stringify(hits)],
          )
        ).map((r) => r.idf),
      );
    },
    async close() {
      try {
        await serial(async () => {
          await commitGroup();
          rethrowFailed();
        });
      } finally {
        raw.close();
      }
    },
  };
}
