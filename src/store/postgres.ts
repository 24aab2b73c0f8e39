/**
 * PostgreSQL backend (`pg` Pool). The full-text index is a tsvector built from the same
 * analyzed text as SQLite's FTS5 columns, written as a tsvector literal (no parser in the
 * way). Each lexeme carries its column as a one-letter prefix (`f` forms, `b` bare, `s` stems,
 * `l` latin) and a weight for ts_rank (A, B, C, D); each column gets its own position range
 * so phrases (`<->`) stay inside a column.
 */
import pg from 'pg';
import type { IndexedText } from '../search/analyze.ts';
import {
  type Column,
  PAIR_COLUMNS,
  PG_COLUMN,
  PG_WEIGHT,
  pairLexeme,
  tsquery,
  tsqueryPairs,
} from '../search/compile.ts';
import { FREQUENT_TERMS, FREQUENT_TERMS_VERSION } from '../search/frequent-terms.ts';
import {
  type Backend,
  type Db,
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

/** ts_rank weights {D, C, B, A}: latin, stems, bare, forms. */
const RANK_WEIGHTS = "'{0.1, 0.2, 0.5, 1.0}'";

/**
 * khabar_meta key: the FREQUENT_TERMS_VERSION whose pair lexemes every tsvector of the archive
 * holds (`tsvectorLiteral`) — set on a new archive (migration 9) and after a re-index. Phrases
 * are read through the pairs (`tsqueryPairs`) only when it is the current version; an archive
 * indexed before it answers with plain phrases (the same matches, more rows re-read).
 */
const PAIRS_KEY = 'phrase_pairs';

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'articles, sections, mentions, entities, events, facets, duplicates, quarantine, tsvector index',
    statements: [
      `CREATE TABLE articles (
        rid BIGSERIAL PRIMARY KEY, id TEXT NOT NULL UNIQUE, outlet TEXT, url TEXT, title TEXT,
        published TEXT, day TEXT, sort_key TEXT, language TEXT NOT NULL, lead TEXT, text TEXT NOT NULL,
        text_hash TEXT NOT NULL, content_hash TEXT NOT NULL, doc TEXT NOT NULL, ingested_at TEXT NOT NULL)`,
      'CREATE INDEX articles_text_hash ON articles(text_hash)',
      'CREATE INDEX articles_day ON articles(day)',
      'CREATE INDEX articles_sort ON articles(sort_key)',
      'CREATE INDEX articles_outlet ON articles(outlet)',
      'CREATE TABLE article_search (rid BIGINT PRIMARY KEY, tsv TSVECTOR NOT NULL)',
      'CREATE INDEX article_search_tsv ON article_search USING GIN (tsv)',
      `CREATE TABLE sections (
        sid BIGSERIAL PRIMARY KEY, rid BIGINT NOT NULL, ord INTEGER NOT NULL, kind TEXT NOT NULL,
        label TEXT, speaker TEXT, text TEXT NOT NULL, start_off INTEGER, end_off INTEGER, tsv TSVECTOR)`,
      'CREATE INDEX sections_rid ON sections(rid)',
      'CREATE INDEX sections_tsv ON sections USING GIN (tsv)',
      `CREATE TABLE mentions (
        rid BIGINT NOT NULL, ord INTEGER NOT NULL, entity_id TEXT, type TEXT, role TEXT, text TEXT,
        start_off INTEGER, end_off INTEGER, PRIMARY KEY (rid, ord))`,
      'CREATE INDEX mentions_entity ON mentions(entity_id)',
      `CREATE TABLE entities (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, name_ar TEXT, country TEXT, sector TEXT, doc TEXT NOT NULL)`,
      'CREATE TABLE entity_keys (key TEXT NOT NULL, entity_id TEXT NOT NULL, PRIMARY KEY (key, entity_id))',
      'CREATE INDEX entity_keys_entity ON entity_keys(entity_id)',
      `CREATE TABLE events (
        rid BIGINT NOT NULL, ord INTEGER NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL, day TEXT,
        doc TEXT NOT NULL, PRIMARY KEY (rid, ord))`,
      'CREATE INDEX events_type ON events(type)',
      `CREATE TABLE event_actors (
        rid BIGINT NOT NULL, ord INTEGER NOT NULL, role TEXT NOT NULL, entity_id TEXT, name TEXT,
        country TEXT, sector TEXT)`,
      'CREATE INDEX event_actors_event ON event_actors(rid, ord)',
      'CREATE INDEX event_actors_entity ON event_actors(entity_id)',
      'CREATE INDEX event_actors_country ON event_actors(country)',
      'CREATE TABLE facets (rid BIGINT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (kind, value, rid))',
      'CREATE INDEX facets_rid ON facets(rid)',
      `CREATE TABLE duplicates (
        id TEXT PRIMARY KEY, duplicate_of TEXT NOT NULL, kind TEXT NOT NULL, outlet TEXT, url TEXT,
        title TEXT, published TEXT, at TEXT NOT NULL)`,
      'CREATE INDEX duplicates_of ON duplicates(duplicate_of)',
      `CREATE TABLE quarantine (
        qid BIGSERIAL PRIMARY KEY, source TEXT NOT NULL, rule_id TEXT NOT NULL, reason TEXT NOT NULL,
        at TEXT NOT NULL, raw TEXT)`,
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
    // Versions need not be contiguous: 4 is SQLite's (article_changes), not needed here.
    version: 5,
    name: 'dedup_sigs, dedup_bands: near-duplicate lookup in the archive, shared by every writer',
    statements: [
      'CREATE TABLE dedup_sigs (rid BIGINT PRIMARY KEY, minhash TEXT NOT NULL)',
      'CREATE TABLE dedup_bands (key BIGINT NOT NULL, rid BIGINT NOT NULL, PRIMARY KEY (key, rid))',
      'CREATE INDEX dedup_bands_rid ON dedup_bands(rid)',
    ],
  },
  {
    version: 6,
    name: 'article text kept in the document only',
    statements: ['ALTER TABLE articles DROP COLUMN text'],
  },
  {
    version: 7,
    name: 'articles_sort dropped (articles_sort_id starts with sort_key)',
    statements: ['DROP INDEX IF EXISTS articles_sort'],
  },
  {
    // 8 is SQLite's (articles_sort dropped there), not needed here.
    version: 9,
    name: 'phrase pairs: an archive still empty is marked as holding them (tsvectorLiteral writes them)',
    statements: [
      `INSERT INTO khabar_meta (key, value) SELECT '${PAIRS_KEY}', '${FREQUENT_TERMS_VERSION}'
       WHERE NOT EXISTS (SELECT 1 FROM article_search) AND NOT EXISTS (SELECT 1 FROM sections)
       ON CONFLICT (key) DO NOTHING`,
    ],
  },
  supersededMigration(
    `INSERT INTO places (source, id)
     SELECT doc::jsonb #>> '{article,provenance,source}', id FROM articles
     WHERE doc::jsonb #>> '{article,provenance,format}' IN ('text', 'html')
     AND doc::jsonb #>> '{article,url}' IS NULL
     AND left(doc::jsonb #>> '{article,provenance,source}', 1) = '/'
     ON CONFLICT (source) DO NOTHING`,
  ),
  partialMigration,
  pendingFetchesMigration,
  unnamedEntitiesMigration,
  entityCountsMigration(),
];

/** tsvector positions are 1..16383. */
const MAX_POS = 16383;

const lexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/**
 * The tsvector literal for analyzed columns (positions per column range, weights per column).
 * Besides each term with its positions, every two terms of a word column (forms, bare, stems)
 * that are both frequent (../search/frequent-terms.ts) and at consecutive positions as kept
 * here — at most the first 256 of a lexeme, none past 16,383 — give one lexeme without
 * positions, `pairLexeme`: it is in the tsvector exactly when `a <-> b` matches it, so the
 * phrase is answered by the GIN index alone (`tsqueryPairs`) instead of re-reading the
 * tsvector of every article holding both words.
 */
export function tsvectorLiteral(c: IndexedText): string {
  const positions = new Map<string, number[]>();
  const weights = new Map<string, string>();
  let base = 0;
  for (const col of ['forms', 'bare', 'stems', 'latin', 'meta'] as Column[]) {
    const v = c[col];
    const terms = v ? v.split(' ') : [];
    const w = PG_WEIGHT[col];
    terms.forEach((t, i) => {
      if (!t) return;
      const pos = Math.min(MAX_POS, base + i + 1);
      const key = PG_COLUMN[col] + t;
      let list = positions.get(key);
      if (!list) {
        list = [];
        positions.set(key, list);
        weights.set(key, w);
      }
      if (list.length < 256) list.push(pos);
    });
    base += terms.length + 1;
  }
  const out: string[] = [];
  /** Frequent terms of the word columns by kept position: what the pairs are made of. */
  const at = new Map<number, string[]>();
  for (const [key, ps] of positions) {
    const w = weights.get(key)!;
    out.push(`${lexeme(key)}:${ps.map((p) => `${p}${w}`).join(',')}`);
    if (PAIR_COLUMNS.has(key[0]!) && FREQUENT_TERMS.has(key.slice(1))) {
      for (const p of ps) {
        const here = at.get(p);
        if (here) here.push(key);
        else at.set(p, [key]);
      }
    }
  }
  const pairs = new Set<string>();
  for (const [p, keys] of at) {
    const next = at.get(p + 1);
    if (!next) continue;
    for (const a of keys) {
      for (const b of next) if (a[0] === b[0]) pairs.add(pairLexeme(a[0]!, a.slice(1), b.slice(1)));
    }
  }
  for (const pair of pairs) out.push(lexeme(pair));
  return out.join(' ');
}

function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

class PgDb implements Db {
  constructor(readonly q: pg.Pool | pg.PoolClient) {}
  async all<T>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return (await this.q.query(numbered(sql), params as Param[])).rows as T[];
  }
  async get<T>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }
  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    return (await this.q.query(numbered(sql), params as Param[])).rowCount ?? 0;
  }
  async numbers(sql: string, params: readonly Param[] = []): Promise<number[]> {
    const r = await this.q.query({ text: numbered(sql), values: params as Param[], rowMode: 'array' });
    return r.rows.map((row: unknown[]) => Number(row[0]));
  }
}

export async function postgresBackend(url: string, opts: { schema?: string } = {}): Promise<Backend> {
  const u = new URL(url);
  const schema = opts.schema ?? u.searchParams.get('schema') ?? undefined;
  u.searchParams.delete('schema');
  if (schema && !/^[a-z_][a-z0-9_]*$/u.test(schema)) throw new Error(`bad schema name ${schema}`);
  // enable_seqscan=off: the planner does not cost reading TOASTed tsvectors, so it prefers
  // a sequential scan that re-reads every tsvector (300 ms for one word at 10,000 articles)
  // to the GIN index (2 ms). khabar's queries all have an index to use.
  const pool = new pg.Pool({
    connectionString: u.toString(),
    max: 4,
    options: `-c enable_seqscan=off${schema ? ` -c search_path=${schema},public` : ''}`,
  });
  // An idle client losing its connection (server restart) emits 'error' on the pool; without
  // a listener that would crash the process. The pool drops the client and the next query
  // reconnects; a query in flight fails and its caller (a worker) retries.
  pool.on('error', () => undefined);
  // A checked-out client (a transaction in flight) emits 'error' on itself: same reason.
  pool.on('connect', (client) => client.on('error', () => undefined));
  // An idle client losing its connection (server restart) must not crash the process: the
  // pool drops it and the next query opens a new one.
  pool.on('error', () => undefined);
  if (schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  const db = new PgDb(pool);
  // Writes are serialized like SQLite's, so two puts of the same text cannot both insert.
  let chain: Promise<unknown> = Promise.resolve();
  let dialect = tsquery;
  return {
    kind: 'postgres',
    db,
    get dialect() {
      return dialect;
    },
    async indexFormat() {
      const r = await db.get<{ value: string }>('SELECT value FROM khabar_meta WHERE key = ?', [PAIRS_KEY]);
      dialect = r?.value === String(FREQUENT_TERMS_VERSION) ? tsqueryPairs : tsquery;
    },
    async reindexed(d: Db) {
      await d.run(
        'INSERT INTO khabar_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
        [PAIRS_KEY, String(FREQUENT_TERMS_VERSION)],
      );
    },
    migrations: MIGRATIONS,
    sortIndexHint: '',
    textSql: "(a.doc::json #>> '{article,text}')",
    // the rule id of src/ingest/text-date.ts DATE_FROM_TEXT (not imported: it would load the date reader)
    dateFromTextSql: `EXISTS (SELECT 1 FROM json_array_elements(a.doc::json #> '{article,warnings}') w
      WHERE w->>'ruleId' = 'ingest/date-from-text')`,
    // Reads go through other connections than the writes: never sees uncommitted rows.
    writing: () => false,
    tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
      const run = async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const out = await fn(new PgDb(client));
          await client.query('COMMIT');
          return out;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      };
      const p = chain.then(run, run);
      chain = p.catch(() => undefined);
      return p;
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async lockKeys(d: Db, keys: number[]) {
      if (keys.length === 0) return;
      // In ascending order, so two writers wanting overlapping keys cannot deadlock.
      await d.all(
        `SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT k FROM unnest(?::bigint[]) AS u(k) ORDER BY k OFFSET 0) s`,
        [`{${keys.join(',')}}`],
      );
    },
    async writeIndex(d: Db, rid: number, c: IndexedText) {
      await d.run('INSERT INTO article_search (rid, tsv) VALUES (?, ?::tsvector)', [rid, tsvectorLiteral(c)]);
    },
    async deleteIndex(d: Db, rid: number) {
      await d.run('DELETE FROM article_search WHERE rid = ?', [rid]);
    },
    async writeSectionIndex(d: Db, sid: number, c: IndexedText) {
      await d.run('UPDATE sections SET tsv = ?::tsvector WHERE sid = ?', [tsvectorLiteral(c), sid]);
    },
    async deleteSectionIndex() {
      // Section rows (and their tsvectors) go with DELETE FROM sections.
    },
    ridSet(rids: readonly number[]): SqlPart {
      return { sql: 'SELECT unnest(?::bigint[]) AS rid', params: [`{${rids.join(',')}}`] };
    },
    matchIds(expr: string, o: MatchOptions): SqlPart {
      const r = inSets('s.rid', o.restrict);
      if (o.sections?.length) {
        return {
          sql: `SELECT DISTINCT s.rid AS rid FROM sections s
            WHERE s.tsv @@ ?::tsquery AND s.kind IN (${placeholders(o.sections.length)})${r.sql}`,
          params: [expr, ...o.sections, ...r.params],
        };
      }
      return {
        sql: `SELECT s.rid AS rid FROM article_search s WHERE s.tsv @@ ?::tsquery${r.sql}`,
        params: [expr, ...r.params],
      };
    },
    matchScored(expr: string, rank: string, o: MatchOptions & { window: number }): SqlPart {
      const r = inSets('s.rid', o.restrict);
      if (o.sections?.length) {
        return {
          sql: `SELECT s.rid AS rid, MAX(ts_rank(${RANK_WEIGHTS}, s.tsv, ?::tsquery)) AS score FROM sections s
            WHERE s.tsv @@ ?::tsquery AND s.kind IN (${placeholders(o.sections.length)})${r.sql}
            GROUP BY s.rid`,
          params: [rank, expr, ...o.sections, ...r.params],
        };
      }
      // OFFSET 0 fences the match off from the ORDER BY: it runs on the GIN index, instead of
      // walking rids newest first and re-reading each tsvector until enough match.
      return {
        sql: `SELECT t.rid AS rid, ts_rank(${RANK_WEIGHTS}, x.tsv, ?::tsquery) AS score
          FROM (SELECT c.rid FROM (SELECT s.rid FROM article_search s WHERE s.tsv @@ ?::tsquery${r.sql} OFFSET 0) c
                ORDER BY c.rid DESC LIMIT ${o.window}) t
          JOIN article_search x ON x.rid = t.rid`,
        params: [rank, expr, ...r.params],
      };
    },
    async close() {
      await chain;
      await pool.end();
    },
  };
}
