/**
 * The `Store` over SQL, shared by SQLite and PostgreSQL: writes, reads, events, entities,
 * quarantine. Full-text pieces come from the `Backend`; search lives in ./search.ts.
 */
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type { Actor, Entity, ProcessedArticle, Superseded } from '../model.ts';
import { ANALYZER_VERSION } from '../search/analyze.ts';
import { fail } from '../errors.ts';
import { dyads } from '../analyze/relations.ts';
import type { Backend, Db, Param } from './db.ts';
import { ADD_ENTITY_COUNTS, insertRows, placeholders } from './db.ts';
import { DEFAULT_THRESHOLD, bbitSimilarity } from '../ingest/dedup.ts';
import {
  type ArticleRows,
  actorQueryKeys,
  articleRows,
  contentHashOf,
  dedupRows,
  ENTITY_KEYS_VERSION,
  entityKeys,
  mergeEntity,
} from './rows.ts';
import { actorEntities, searchStore, TOTAL_CAP, WALK_FROM } from './search.ts';
import { pageOf, SUMMARY_COLS, type SummaryRow, summaryOf, toBound } from './util.ts';
import type {
  ArchiveRecords,
  FetchRetries,
  PendingFetch,
  ArticleSummary,
  DuplicateLink,
  EntityView,
  EventFilter,
  Page,
  PlaceRecord,
  PutOptions,
  PutResult,
  QuarantineEntry,
  SearchRequest,
  SearchResponse,
  Store,
  StoreStats,
  StoredEvent,
} from './store.ts';

const num = (v: unknown) => Number(v ?? 0);

/** Advisory-lock key of a text hash (2^40 + its first 40 bits: apart from band keys, < 2^35). */
function textLockKey(textHash: string): number {
  return 2 ** 40 + Number.parseInt(textHash.slice(0, 10), 16);
}

/** 40 bits of the sha1 of `s`, added to `base`: one advisory-lock key namespace per base. */
function lockKey(base: number, s: string): number {
  return base + Number.parseInt(createHash('sha1').update(s).digest('hex').slice(0, 10), 16);
}

/** Advisory-lock key of an article id (2^41 + 40 bits of its sha1: apart from text and band keys). */
const articleLockKey = (id: string) => lockKey(2 ** 41, id);

/**
 * Advisory-lock key of an entity id (2^42 + 40 bits of its sha1). A writer holds it while it
 * merges the entity, adds mentions of it or drops it (no article names it any more): two
 * writers sharing PostgreSQL (queue workers) lost an entity named by one while the other's
 * edit dropped it, and one writer's merge (an alias) under the other's.
 */
const entityLockKey = (id: string) => lockKey(2 ** 42, id);

/** An earlier version (`doc`, its `json`) written to `superseded`, or written over. */
async function writeVersion(db: Db, doc: ProcessedArticle, s: Superseded, json: string): Promise<void> {
  await db.run(
    `INSERT INTO superseded (id, superseded_by, at, doc) VALUES (?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET superseded_by = excluded.superseded_by, at = excluded.at, doc = excluded.doc`,
    [doc.article.id, s.supersededBy, s.at, json],
  );
}

/** `source` now reads as the article `id` (a row of `places`, written or written over). */
async function writePlace(db: Db, source: string, id: string): Promise<void> {
  await db.run(
    'INSERT INTO places (source, id) VALUES (?, ?) ON CONFLICT (source) DO UPDATE SET id = excluded.id',
    [source, id],
  );
}

async function writeDedup(db: Db, rid: number, d: { bands: number[]; minhash: string }): Promise<void> {
  await db.run('INSERT INTO dedup_sigs (rid, minhash) VALUES (?, ?) ON CONFLICT (rid) DO NOTHING', [
    rid,
    d.minhash,
  ]);
  if (d.bands.length === 0) return;
  await db.run(
    `INSERT INTO dedup_bands (key, rid) VALUES ${d.bands.map(() => '(?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
    d.bands.flatMap((k) => [k, rid]),
  );
}

/**
 * Group commit for bulk writes: every 1,000 puts or 1 second of the process's CPU time,
 * whichever comes first, and at the latest 5 s (wall) after a group's first put; an idle
 * group after 1 s without a put. A commit flushes the group's full-text terms as one index
 * segment: fewer, larger groups cost less CPU than 200 / 0.5 s, and groups bounded by CPU
 * time rather than wall time do not shrink on a loaded machine (bench/RESULTS.md, "ingest").
 */
const DEFAULT_GROUP = { tx: 1000, ms: 1000 };

/** The articles columns outlet … ingested_at of one article, in the order the INSERT and UPDATE name them. */
export function articleValues(r: ArticleRows): Param[] {
  return [
    r.outlet,
    r.url,
    r.title,
    r.published,
    r.day,
    r.sortKey,
    r.language,
    r.lead,
    r.textHash,
    r.contentHash,
    r.doc,
    r.ingestedAt,
  ];
}

/** Most stored entities whose parsed document and lookup keys `SqlStore` keeps (`entityMemo`). */
const ENTITY_MEMO_MAX = 5_000;

export class SqlStore implements Store {
  constructor(private readonly b: Backend) {}

  /**
   * Stored entity documents already parsed, and their lookup keys, by id: an article's entities
   * are read back for every article that names them (a country, a minister), and most of those
   * reads return the document unchanged. An entry is used only when the document read now is the
   * same string (a rolled-back write or another process's write simply misses), so it saves the
   * `JSON.parse` and `entityKeys` of an unchanged entity and changes nothing that is written.
   */
  private readonly entityMemo = new Map<string, { doc: string; entity?: Entity; keys?: string[] }>();

  private memo(id: string, doc: string): { doc: string; entity?: Entity; keys?: string[] } {
    let m = this.entityMemo.get(id);
    if (m === undefined || m.doc !== doc) {
      m = { doc };
      if (this.entityMemo.size >= ENTITY_MEMO_MAX) this.entityMemo.clear();
      this.entityMemo.set(id, m);
    }
    return m;
  }

  get kind() {
    return this.b.kind;
  }

  /** Set false to open an archive without rebuilding an index of another analyzer version. */
  reindexOnOpen = true;

  /** Where the store says what it is doing at length on open (a re-index): stderr by default. */
  notice: (message: string) => void = (m) => process.stderr.write(`${m}\n`);

  async migrate(): Promise<void> {
    if (this.b.readonly) return this.checkReadonly();
    await this.b.exec(
      'CREATE TABLE IF NOT EXISTS khabar_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (await this.b.db.all<{ version: number }>('SELECT version FROM khabar_migrations')).map((r) =>
        num(r.version),
      ),
    );
    for (const m of this.b.migrations) {
      if (done.has(m.version)) continue;
      await this.b.tx(async (db) => {
        // Another process may have applied it meanwhile.
        if (await db.get('SELECT 1 AS x FROM khabar_migrations WHERE version = ?', [m.version])) return;
        for (const s of m.statements) await db.run(s);
        await db.run('INSERT INTO khabar_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          m.version,
          m.name,
          new Date().toISOString(),
        ]);
      });
    }
    await this.backfillDedup();
    await this.backfillEntityKeys();
    // The index holds analyzed terms: built by another analyzer version, it is rebuilt.
    const meta = await this.b.db.get<{ value: string }>(
      "SELECT value FROM khabar_meta WHERE key = 'analyzer'",
    );
    if (meta?.value !== String(ANALYZER_VERSION) && this.reindexOnOpen) {
      const n = num((await this.b.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM articles'))?.n);
      if (n > 0) {
        this.notice(
          `khabar: rebuilding the search index of ${n.toLocaleString('en')} articles from their stored ` +
            `documents (${meta ? `analyzer version ${meta.value} → ${ANALYZER_VERSION}` : 'new index format'}); ` +
            'this runs once, and resumes from the start if stopped.',
        );
        let shown = 0;
        await this.reindex((done) => {
          if (done - shown < 50_000 && done < n) return;
          shown = done;
          this.notice(
            `khabar: re-indexed ${done.toLocaleString('en')} of ${n.toLocaleString('en')} articles`,
          );
        });
      }
      await this.b.tx(async (db) => {
        await db.run(
          "INSERT INTO khabar_meta (key, value) VALUES ('analyzer', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          [String(ANALYZER_VERSION)],
        );
      });
    }
    await this.b.indexFormat?.();
  }

  /**
   * A read-only archive (`openStore(…, { readonly: true })`) is used as it is: every migration
   * must be applied, and its index built by this analyzer version unless `reindexOnOpen` is
   * false (searches then use the old terms). Anything else would need a write: an error.
   */
  private async checkReadonly(): Promise<void> {
    const has = await this.b.db.get(
      "SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'khabar_migrations'",
    );
    const done = new Set(
      has
        ? (await this.b.db.all<{ version: number }>('SELECT version FROM khabar_migrations')).map((r) =>
            num(r.version),
          )
        : [],
    );
    const missing = this.b.migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
    const meta = missing.length
      ? undefined
      : await this.b.db.get<{ value: string }>("SELECT value FROM khabar_meta WHERE key = 'analyzer'");
    if (missing.length) throw fail('STORE_READONLY_MIGRATIONS', missing.join(', '));
    if (meta?.value !== String(ANALYZER_VERSION) && this.reindexOnOpen)
      throw fail('STORE_READONLY_INDEX', meta?.value ?? 'none', String(ANALYZER_VERSION));
  }

  /**
   * Files the articles stored before the dedup tables existed (migration 5) under their
   * near-duplicate keys, in batches of 500; then marks it done in khabar_meta.
   */
  private async backfillDedup(): Promise<void> {
    const done = await this.b.db.get("SELECT 1 AS x FROM khabar_meta WHERE key = 'dedup'");
    if (done) return;
    let after = -1;
    for (;;) {
      const rows = await this.b.db.all<{ rid: number; text: string }>(
        `SELECT a.rid AS rid, ${this.b.textSql} AS text FROM articles a WHERE a.rid > ?
         AND NOT EXISTS (SELECT 1 FROM dedup_sigs s WHERE s.rid = a.rid) ORDER BY a.rid LIMIT 500`,
        [after],
      );
      if (rows.length === 0) break;
      await this.b.tx(async (db) => {
        for (const r of rows) await writeDedup(db, num(r.rid), dedupRows(r.text));
      });
      after = num(rows[rows.length - 1]!.rid);
    }
    await this.b.tx((db) =>
      db.run("INSERT INTO khabar_meta (key, value) VALUES ('dedup', '1') ON CONFLICT (key) DO NOTHING"),
    );
  }

  /**
   * Re-derives the lookup keys of every stored entity when `entityKeys` changed since they
   * were written (ENTITY_KEYS_VERSION in khabar_meta): keys are only added, in batches of
   * 1,000 entities. An archive older than the version still answers, without the new keys.
   */
  private async backfillEntityKeys(): Promise<void> {
    const meta = await this.b.db.get<{ value: string }>(
      "SELECT value FROM khabar_meta WHERE key = 'entity_keys'",
    );
    if (meta?.value === String(ENTITY_KEYS_VERSION)) return;
    let after = '';
    for (;;) {
      const rows = await this.b.db.all<{ id: string; doc: string }>(
        'SELECT id, doc FROM entities WHERE id > ? ORDER BY id LIMIT 1000',
        [after],
      );
      if (rows.length === 0) break;
      const keys: Param[][] = [];
      for (const r of rows) for (const k of entityKeys(JSON.parse(r.doc) as Entity)) keys.push([k, r.id]);
      await this.b.tx((db) =>
        insertRows(db, 'INSERT INTO entity_keys (key, entity_id)', 2, keys, 'ON CONFLICT DO NOTHING'),
      );
      after = rows[rows.length - 1]!.id;
    }
    await this.b.tx((db) =>
      db.run(
        "INSERT INTO khabar_meta (key, value) VALUES ('entity_keys', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [String(ENTITY_KEYS_VERSION)],
      ),
    );
  }

  /**
   * Rebuilds the search index, sections, mentions, events and facets of every stored
   * article from its stored document (after an analyzer change). Batches of 200 articles,
   * one transaction each.
   */
  async reindex(onProgress?: (done: number) => void): Promise<number> {
    let after = -1;
    let done = 0;
    for (;;) {
      const rows = await this.b.db.all<{ rid: number; doc: string }>(
        'SELECT rid, doc FROM articles WHERE rid > ? ORDER BY rid LIMIT 200',
        [after],
      );
      if (rows.length === 0) {
        // Facet rows were rewritten under unchanged article rows: the in-memory facet index
        // (./facet-index.ts) reloads everything when it reads rid 0 here.
        if (this.b.facetIndex && done > 0) {
          await this.b.tx((db) => db.run('INSERT INTO article_changes (rid) VALUES (0)'));
        }
        if (this.b.reindexed) await this.b.tx((db) => this.b.reindexed!(db));
        return done;
      }
      await this.b.tx(async (db) => {
        const named = new Set<string>();
        const derived = rows.map((r) => articleRows(JSON.parse(r.doc) as ProcessedArticle));
        const rids = rows.map((r) => num(r.rid));
        await this.lockEntities(db, derived, rids);
        for (let k = 0; k < rows.length; k++) {
          for (const id of await this.clearChildren(db, rids[k]!)) named.add(id);
          await this.writeChildren(db, rids[k]!, derived[k]!);
        }
        // an analyzer that no longer finds an entity: gone when no article of the batch names it
        await this.dropUnnamed(db, [...named]);
      });
      done += rows.length;
      after = num(rows[rows.length - 1]!.rid);
      onProgress?.(done);
    }
  }

  /** Group commit when the backend has it (see `Store.groupCommits`); else one commit a put. */
  groupCommits(every = DEFAULT_GROUP): () => Promise<void> {
    return this.b.group ? this.b.group(every) : async () => undefined;
  }

  async put(doc: ProcessedArticle, opts: PutOptions = {}): Promise<PutResult> {
    return this.putArticleRows(articleRows(doc, undefined, opts.fingerprint), opts);
  }

  /** `put` of rows already derived with `articleRows` (benchmarks time the two apart). */
  putArticleRows(rows: ArticleRows, opts: PutOptions = {}): Promise<PutResult> {
    return this.b.tx((db) => this.putRows(db, rows, opts));
  }

  /**
   * Stores many articles in one transaction (bulk loads, benchmarks). Same rules as `put`
   * for each; not part of the `Store` interface.
   */
  async putMany(docs: ProcessedArticle[]): Promise<PutResult[]> {
    return this.putManyRows(docs.map((d) => articleRows(d)));
  }

  /**
   * `putMany` of rows already derived with `articleRows` (./rows.ts) — a bulk loader can
   * derive them in worker threads and keep this thread for the writes.
   */
  async putManyRows(rows: ArticleRows[]): Promise<PutResult[]> {
    return this.b.tx(async (db) => {
      const out: PutResult[] = [];
      for (const r of rows) out.push(await this.putRows(db, r, {}));
      return out;
    });
  }

  private async putRows(db: Db, rows: ArticleRows, opts: PutOptions): Promise<PutResult> {
    // Writers in other processes (queue workers sharing PostgreSQL) storing the same text or
    // a near-duplicate wait here until this transaction ends, then see this article.
    // Writers of the same article id (an edited file read by two workers) wait for each other too.
    await this.b.lockKeys?.(db, [textLockKey(rows.textHash), articleLockKey(rows.id), ...rows.dedup.bands]);
    const existing = await db.get<{ rid: number; content_hash: string; text_hash: string }>(
      'SELECT rid, content_hash, text_hash FROM articles WHERE id = ?',
      [rows.id],
    );
    if (existing && existing.content_hash === rows.contentHash) return { id: rows.id, status: 'unchanged' };
    // A record changed under its url or `id` (other words): the earlier version is kept.
    if (existing && existing.text_hash !== rows.textHash)
      await this.keepVersion(db, num(existing.rid), `${rows.id}@${existing.text_hash.slice(0, 12)}`, {
        supersededBy: rows.id,
        at: rows.ingestedAt,
      });
    if (!existing) {
      const dup = await db.get<{ id: string }>(
        'SELECT id FROM articles WHERE text_hash = ? ORDER BY rid LIMIT 1',
        [rows.textHash],
      );
      if (dup) {
        await db.run(
          `INSERT INTO duplicates (id, duplicate_of, kind, outlet, url, title, published, at)
           VALUES (?, ?, 'exact', ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
          [rows.id, dup.id, rows.outlet, rows.url, rows.title, rows.published, rows.ingestedAt],
        );
        return { id: rows.id, status: 'duplicate', duplicateOf: dup.id };
      }
    }
    await this.lockEntities(db, [rows], existing ? [num(existing.rid)] : []);
    let rid: number;
    /** The entities the earlier version named: gone with it when no article names them now. */
    let named: string[] = [];
    if (existing) {
      rid = num(existing.rid);
      named = await this.clearChildren(db, rid);
      await db.run(
        `UPDATE articles SET outlet = ?, url = ?, title = ?, published = ?, day = ?, sort_key = ?, language = ?,
         lead = ?, text_hash = ?, content_hash = ?, doc = ?, ingested_at = ?, partial = ? WHERE rid = ?`,
        [...articleValues(rows), rows.partial, rid],
      );
    } else {
      const r = await db.get<{ rid: number }>(
        `INSERT INTO articles (outlet, url, title, published, day, sort_key, language, lead, text_hash,
         content_hash, doc, ingested_at, partial, id) VALUES (${placeholders(14)}) RETURNING rid`,
        [...articleValues(rows), rows.partial, rows.id],
      );
      rid = num(r?.rid);
    }
    await this.writeChildren(db, rid, rows);
    if (named.length) await this.dropUnnamed(db, named);
    let near: string | undefined;
    if (opts.nearDuplicateOf && opts.nearDuplicateOf !== rows.id) near = opts.nearDuplicateOf;
    // The caller's index may not know articles other processes stored since it was built.
    else if (!existing) near = await this.nearDuplicateIn(db, rows);
    if (near) {
      await db.run(
        `INSERT INTO duplicates (id, duplicate_of, kind, outlet, url, title, published, at)
         VALUES (?, ?, 'near', ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET duplicate_of = excluded.duplicate_of`,
        [rows.id, near, rows.outlet, rows.url, rows.title, rows.published, rows.ingestedAt],
      );
    }
    if (near) return { id: rows.id, status: 'near-duplicate', duplicateOf: near };
    return { id: rows.id, status: existing ? 'updated' : 'inserted' };
  }

  /**
   * Takes the locks (`entityLockKey`, where the backend has `lockKeys`) of the entities an
   * article's rows name and of those its stored version `rid` mentions (which it may drop), all
   * at once and in ascending order: two writers cannot deadlock on them. Taken after the text
   * and article locks, which every writer takes first.
   */
  private async lockEntities(db: Db, rows: readonly ArticleRows[], rids: readonly number[]): Promise<void> {
    if (!this.b.lockKeys) return;
    const ids = new Set<string>();
    for (const r of rows) {
      for (const e of r.entities) ids.add(e.id);
      for (const m of r.mentions) if (m.entityId) ids.add(m.entityId);
    }
    if (rids.length) {
      const had = await db.all<{ entity_id: string }>(
        `SELECT DISTINCT entity_id FROM mentions WHERE rid IN (${placeholders(rids.length)})
         AND entity_id IS NOT NULL`,
        rids,
      );
      for (const r of had) ids.add(r.entity_id);
    }
    await this.b.lockKeys(db, [...ids].map(entityLockKey));
  }

  /** The most similar stored article sharing an LSH band, if similar enough (dedup.ts). */
  private async nearDuplicateIn(db: Db, rows: ArticleRows): Promise<string | undefined> {
    const keys = rows.dedup.bands;
    if (keys.length === 0) return undefined;
    const candidates = await db.all<{ id: string; minhash: string }>(
      `SELECT a.id AS id, s.minhash AS minhash FROM articles a JOIN dedup_sigs s ON s.rid = a.rid
       WHERE a.rid IN (SELECT rid FROM dedup_bands WHERE key IN (${placeholders(keys.length)}))
       AND a.id <> ? ORDER BY a.rid`,
      [...keys, rows.id],
    );
    if (candidates.length === 0) return undefined;
    const sig = rows.dedup.sig;
    let best: string | undefined;
    let bestSim = 0;
    for (const c of candidates) {
      const sim = bbitSimilarity(Buffer.from(c.minhash, 'hex'), 0, sig);
      if (sim > bestSim) {
        bestSim = sim;
        best = c.id;
      }
    }
    return bestSim >= DEFAULT_THRESHOLD ? best : undefined;
  }

  /**
   * Deletes the article's search index, sections, mentions, events, facets and dedup rows;
   * returns the entities its mentions named (`dropUnnamed` drops those no article names now).
   */
  private async clearChildren(db: Db, rid: number): Promise<string[]> {
    // The article's mentions leave its entities' counts (`entity_counts`, added by writeChildren).
    const counted = await db.all<{ entity_id: string; n: number }>(
      'SELECT entity_id, COUNT(*) AS n FROM mentions WHERE rid = ? AND entity_id IS NOT NULL GROUP BY entity_id',
      [rid],
    );
    await insertRows(
      db,
      ADD_ENTITY_COUNTS[0],
      3,
      counted.map((c) => [c.entity_id, -num(c.n), -1]),
      ADD_ENTITY_COUNTS[1],
    );
    await this.b.deleteIndex(db, rid);
    await this.b.deleteSectionIndex(db, rid);
    for (const t of [
      'sections',
      'mentions',
      'events',
      'event_actors',
      'facets',
      'dedup_sigs',
      'dedup_bands',
    ]) {
      await db.run(`DELETE FROM ${t} WHERE rid = ?`, [rid]);
    }
    return counted.map((r) => r.entity_id);
  }

  /**
   * Drops those of `ids` that no stored article mentions any more, with their lookup keys: an
   * entity only an edited article's earlier text named stayed in `status`, the entity list and
   * the export with 0 articles. Its keys are deleted by (key, entity_id), the primary key.
   */
  private async dropUnnamed(db: Db, ids: readonly string[]): Promise<void> {
    for (const id of ids) {
      if (await db.get('SELECT 1 AS x FROM mentions WHERE entity_id = ? LIMIT 1', [id])) continue;
      const row = await db.get<{ doc: string }>('SELECT doc FROM entities WHERE id = ?', [id]);
      if (!row) continue;
      for (const key of entityKeys(JSON.parse(row.doc) as Entity))
        await db.run('DELETE FROM entity_keys WHERE key = ? AND entity_id = ?', [key, id]);
      await db.run('DELETE FROM entities WHERE id = ?', [id]);
      await db.run('DELETE FROM entity_counts WHERE entity_id = ?', [id]);
      this.entityMemo.delete(id);
    }
  }

  private async writeChildren(db: Db, rid: number, r: ArticleRows): Promise<void> {
    await this.b.writeIndex(db, rid, r.index);
    await writeDedup(db, rid, r.dedup);
    for (const s of r.sections) {
      const row = await db.get<{ sid: number }>(
        `INSERT INTO sections (rid, ord, kind, label, speaker, text, start_off, end_off)
         VALUES (${placeholders(8)}) RETURNING sid`,
        [rid, s.ord, s.kind, s.label, s.speaker, s.text, s.start, s.end],
      );
      await this.b.writeSectionIndex(db, num(row?.sid), s.index);
    }
    await insertRows(
      db,
      'INSERT INTO mentions (rid, ord, entity_id, type, role, text, start_off, end_off)',
      8,
      r.mentions.map((m) => [rid, m.ord, m.entityId, m.type, m.role, m.text, m.start, m.end]),
    );
    await insertRows(
      db,
      'INSERT INTO events (rid, ord, id, type, day, doc)',
      6,
      r.events.map((e) => [rid, e.ord, e.id, e.type, e.day, e.doc]),
    );
    await insertRows(
      db,
      'INSERT INTO event_actors (rid, ord, role, entity_id, name, country, sector)',
      7,
      r.events.flatMap((e) =>
        e.actors.map((a) => [rid, e.ord, a.role, a.entityId, a.name, a.country, a.sector]),
      ),
    );
    await insertRows(
      db,
      'INSERT INTO facets (rid, kind, value)',
      3,
      r.facets.map((f) => [rid, f.kind, f.value]),
      'ON CONFLICT DO NOTHING',
    );
    await this.upsertEntities(db, r.entities);
    // Its entities' counts: its mentions of each and one article (an entity it names with no
    // mention of its own gets its row, at 0), so GET /api/entities reads them, not the mentions.
    const counts = new Map<string, number>(r.entities.map((e) => [e.id, 0]));
    for (const m of r.mentions) if (m.entityId) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    await insertRows(
      db,
      ADD_ENTITY_COUNTS[0],
      3,
      [...counts].map(([id, n]) => [id, n, n > 0 ? 1 : 0]),
      ADD_ENTITY_COUNTS[1],
    );
  }

  /**
   * Merges the article's entities into the stored ones: one read for all of them, a write
   * only for those that changed, and only the lookup keys the stored entity lacked.
   */
  private async upsertEntities(db: Db, list: readonly Entity[]): Promise<void> {
    if (list.length === 0) return;
    const given = new Map<string, Entity>();
    for (const e of list) {
      const prev = given.get(e.id);
      given.set(e.id, prev ? mergeEntity(prev, e) : e);
    }
    const ids = [...given.keys()];
    const stored = new Map<string, string>();
    for (let at = 0; at < ids.length; at += 64) {
      const chunk = ids.slice(at, at + 64);
      const rows = await db.all<{ id: string; doc: string }>(
        `SELECT id, doc FROM entities WHERE id IN (${placeholders(chunk.length)})`,
        chunk,
      );
      for (const row of rows) stored.set(row.id, row.doc);
    }
    const writes: Param[][] = [];
    const keys: Param[][] = [];
    for (const e of given.values()) {
      const oldDoc = stored.get(e.id);
      const memo = oldDoc === undefined ? undefined : this.memo(e.id, oldDoc);
      if (memo && memo.entity === undefined) memo.entity = JSON.parse(memo.doc) as Entity;
      const old = memo?.entity;
      const merged = old ? mergeEntity(old, e) : e;
      const doc = JSON.stringify(merged);
      if (oldDoc === doc) continue;
      writes.push([
        merged.id,
        merged.type,
        merged.names.ar,
        merged.country ?? null,
        merged.sector ?? null,
        doc,
      ]);
      // The stored entity's keys are in entity_keys already (written with it).
      if (memo && old && memo.keys === undefined) memo.keys = entityKeys(old);
      const had = new Set(memo?.keys);
      const mergedKeys = entityKeys(merged);
      for (const k of mergedKeys) if (!had.has(k)) keys.push([k, merged.id]);
      // The next article naming it reads this document back (unless this write is undone).
      this.memo(merged.id, doc).keys = mergedKeys;
    }
    await insertRows(
      db,
      'INSERT INTO entities (id, type, name_ar, country, sector, doc)',
      6,
      writes,
      `ON CONFLICT (id) DO UPDATE SET type = excluded.type, name_ar = excluded.name_ar,
       country = excluded.country, sector = excluded.sector, doc = excluded.doc`,
    );
    await insertRows(db, 'INSERT INTO entity_keys (key, entity_id)', 2, keys, 'ON CONFLICT DO NOTHING');
  }

  /** Copies the stored article `rid` to the earlier versions as `vid`, replaced as `superseded` says. */
  private async keepVersion(db: Db, rid: number, vid: string, superseded: Superseded): Promise<void> {
    const r = await db.get<{ doc: string }>('SELECT doc FROM articles WHERE rid = ?', [rid]);
    if (!r) return;
    const doc = JSON.parse(r.doc) as ProcessedArticle;
    doc.article = { ...doc.article, id: vid, superseded };
    await writeVersion(db, doc, superseded, JSON.stringify(doc));
  }

  place(
    source: string,
    id: string,
    at: string,
    opts: { teaser?: boolean } = {},
  ): Promise<string | undefined> {
    return this.b.tx(async (db) => {
      const had = await db.get<{ id: string }>('SELECT id FROM places WHERE source = ?', [source]);
      if (had?.id === id) return undefined;
      await writePlace(db, source, id);
      if (!had) return undefined;
      // A writer of that article (its edit stored by another worker) first, or after this.
      await this.b.lockKeys?.(db, [articleLockKey(had.id)]);
      const prev = await db.get<{ rid: number; doc: string }>('SELECT rid, doc FROM articles WHERE id = ?', [
        had.id,
      ]);
      // Gone already, or moved to another path since (its place there is its own now).
      const was = prev && (JSON.parse(prev.doc) as ProcessedArticle).article;
      if (!was || was.provenance.source !== source || (opts.teaser && !was.partial)) return undefined;
      if (!(await db.get('SELECT 1 AS one FROM articles WHERE id = ?', [id]))) return undefined;
      const rid = num(prev.rid);
      await this.lockEntities(db, [], [rid]);
      await this.keepVersion(db, rid, had.id, { supersededBy: id, at });
      const named = await this.clearChildren(db, rid);
      await db.run('DELETE FROM articles WHERE rid = ?', [rid]);
      await this.dropUnnamed(db, named);
      // SQLite's in-memory facet index re-reads a changed article's rows (none now).
      if (this.b.kind === 'sqlite') await db.run('INSERT INTO article_changes (rid) VALUES (?)', [rid]);
      await db.run("DELETE FROM duplicates WHERE id = ? AND duplicate_of = ? AND kind = 'near'", [
        id,
        had.id,
      ]);
      return had.id;
    });
  }

  async placeOf(source: string): Promise<string | undefined> {
    return (await this.b.db.get<{ id: string }>('SELECT id FROM places WHERE source = ?', [source]))?.id;
  }

  async version(id: string): Promise<ProcessedArticle | undefined> {
    const r = await this.b.db.get<{ doc: string }>('SELECT doc FROM superseded WHERE id = ?', [id]);
    return r ? (JSON.parse(r.doc) as ProcessedArticle) : undefined;
  }

  async versions(id: string): Promise<Array<{ id: string; at: string }>> {
    return this.b.db.all<{ id: string; at: string }>(
      'SELECT id, at FROM superseded WHERE superseded_by = ? ORDER BY at, id',
      [id],
    );
  }

  relocate(id: string, move: { from: string; to: string; unlink?: string }): Promise<boolean> {
    return this.b.tx(async (db) => {
      const r = await db.get<{ rid: number; doc: string }>('SELECT rid, doc FROM articles WHERE id = ?', [
        id,
      ]);
      if (!r) return false;
      const doc = JSON.parse(r.doc) as ProcessedArticle;
      const prov = doc.article.provenance;
      if (prov.source !== move.from || move.to === move.from) return false;
      prov.source = move.to;
      prov.movedFrom = [...(prov.movedFrom ?? []), move.from];
      await db.run('UPDATE articles SET doc = ?, content_hash = ? WHERE rid = ?', [
        JSON.stringify(doc),
        contentHashOf(doc),
        num(r.rid),
      ]);
      if (move.unlink) {
        await db.run("DELETE FROM duplicates WHERE id = ? AND duplicate_of = ? AND kind = 'exact'", [
          move.unlink,
          id,
        ]);
      }
      return true;
    });
  }

  async get(id: string): Promise<ProcessedArticle | undefined> {
    const r = await this.b.db.get<{ doc: string }>('SELECT doc FROM articles WHERE id = ?', [id]);
    return r ? (JSON.parse(r.doc) as ProcessedArticle) : undefined;
  }

  async list(
    opts: Page & { outlet?: string; from?: string; to?: string } = {},
  ): Promise<{ total: number; items: ArticleSummary[] }> {
    const where: string[] = [];
    const params: Param[] = [];
    if (opts.outlet) {
      where.push('a.outlet = ?');
      params.push(opts.outlet);
    }
    if (opts.from) {
      where.push('a.day >= ?');
      params.push(opts.from);
    }
    if (opts.to) {
      where.push('a.day <= ?');
      params.push(toBound(opts.to));
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { limit, offset } = pageOf(opts);
    const total = await this.b.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM articles a ${w}`, params);
    const rows = await this.b.db.all<SummaryRow>(
      `SELECT ${SUMMARY_COLS} FROM articles a ${w} ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return { total: num(total?.n), items: rows.map(summaryOf) };
  }

  /** `total` is exact up to this many matches (./search.ts TOTAL_CAP; tests lower it). */
  totalCap = TOTAL_CAP;
  /** Date order of a query with this many matches walks the days (./search.ts; tests lower it). */
  walkFrom = WALK_FROM;

  search(req: SearchRequest): Promise<SearchResponse> {
    return searchStore(this.b, req, this.totalCap, this.walkFrom);
  }

  actorEntities(value: string, limit?: number): Promise<{ entities: Entity[]; more: boolean }> {
    return actorEntities(this.b, value, limit);
  }

  async entity(id: string): Promise<EntityView | undefined> {
    const r = await this.b.db.get<{ doc: string }>('SELECT doc FROM entities WHERE id = ?', [id]);
    if (!r) return undefined;
    const c = await this.b.db.get<{ m: number; a: number }>(
      'SELECT mentions AS m, articles AS a FROM entity_counts WHERE entity_id = ?',
      [id],
    );
    return { entity: JSON.parse(r.doc) as Entity, articles: num(c?.a), mentions: num(c?.m) };
  }

  async entities(
    opts: Page & { type?: string; country?: string; q?: string } = {},
  ): Promise<{ total: number; items: EntityView[] }> {
    const where: string[] = [];
    const params: Param[] = [];
    if (opts.type) {
      where.push('e.type = ?');
      params.push(opts.type);
    }
    if (opts.country) {
      where.push('e.country = ?');
      params.push(opts.country.toUpperCase());
    }
    if (opts.q) {
      const keys = actorQueryKeys(opts.q);
      where.push(`e.id IN (SELECT entity_id FROM entity_keys WHERE key IN (${placeholders(keys.length)}))`);
      params.push(...keys);
    }
    const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const { limit, offset } = pageOf(opts);
    const total = await this.b.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM entities e ${w}`, params);
    // The counts kept at write time (`entity_counts`, a row for every entity), most mentioned
    // first along its index — not every mention of the archive grouped on each call.
    const rows = await this.b.db.all<{ doc: string; m: number; a: number }>(
      `SELECT e.doc, c.mentions AS m, c.articles AS a FROM entity_counts c
       JOIN entities e ON e.id = c.entity_id
       ${w} ORDER BY c.mentions DESC, c.entity_id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    return {
      total: num(total?.n),
      items: rows.map((r) => ({
        entity: JSON.parse(r.doc) as Entity,
        articles: num(r.a),
        mentions: num(r.m),
      })),
    };
  }

  private eventWhere(f: EventFilter): { w: string; params: Param[] } {
    const where: string[] = [];
    const params: Param[] = [];
    if (f.type?.length) {
      where.push(`e.type IN (${placeholders(f.type.length)})`);
      params.push(...f.type);
    }
    if (f.country) {
      // The events of the actors of that country, found once (a scan of `event_actors`), not an
      // EXISTS probe per event of the archive (bench/RESULTS.md ## api, uidef4).
      where.push('(e.rid, e.ord) IN (SELECT x.rid, x.ord FROM event_actors x WHERE x.country = ?)');
      params.push(f.country.toUpperCase());
    }
    if (f.actor) {
      // The entity of that id, an actor written so, or an entity of that name in any of its
      // forms — «لاريجاني», «علي لاريجاني», «Larijani» —, as search's `actor:` matches them
      // (`entity_keys`; a name several entities share matches the events of each).
      const keys = actorQueryKeys(f.actor);
      where.push(
        `(e.rid, e.ord) IN (SELECT x.rid, x.ord FROM event_actors x WHERE x.entity_id = ? OR x.name = ?
           OR x.entity_id IN (SELECT entity_id FROM entity_keys WHERE key IN (${placeholders(keys.length)})))`,
      );
      params.push(f.actor, f.actor, ...keys);
    }
    if (f.from) {
      where.push('COALESCE(e.day, a.day) >= ?');
      params.push(f.from);
    }
    if (f.to) {
      where.push('COALESCE(e.day, a.day) <= ?');
      params.push(toBound(f.to));
    }
    if (f.articleId) {
      where.push('a.id = ?');
      params.push(f.articleId);
    }
    return { w: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
  }

  async events(filter: EventFilter = {}): Promise<{ total: number; items: StoredEvent[] }> {
    const { limit, offset } = pageOf(filter, 100);
    return this.eventRows(filter, limit, offset);
  }

  /**
   * The first `cap` events of a filter in one query. An entity's page read them from `events`
   * a page of 1,000 at a time, each page sorting and counting the whole match again: Tunisia's
   * 8,440 events at 10,000 articles were 9 sorts and 9 counts, 750 ms (bench/RESULTS.md ## api).
   */
  eventsUpTo(filter: Omit<EventFilter, 'limit' | 'offset'>, cap: number) {
    return this.eventRows(filter, Math.max(0, Math.floor(cap)), 0);
  }

  private async eventRows(
    filter: EventFilter,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: StoredEvent[] }> {
    const { w, params } = this.eventWhere(filter);
    const rows = await this.b.db.all<{ doc: string; article_id: string; published: string | null }>(
      `SELECT e.doc, a.id AS article_id, a.published FROM events e JOIN articles a ON a.rid = e.rid ${w}
       ORDER BY COALESCE(e.day, a.day, '') DESC, a.id, e.ord LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    // The rows of a page that is not full are the last: the count is known without counting.
    const total =
      rows.length < limit && (rows.length > 0 || offset === 0)
        ? offset + rows.length
        : num(
            (
              await this.b.db.get<{ n: number }>(
                `SELECT COUNT(*) AS n FROM events e JOIN articles a ON a.rid = e.rid ${w}`,
                params,
              )
            )?.n,
          );
    return { total, items: rows.map(storedEvent) };
  }

  async dyads(opts: { level?: 'country' | 'actor'; actor?: string; from?: string; to?: string } = {}) {
    const { w, params } = this.eventWhere({
      ...(opts.actor ? { actor: opts.actor } : {}),
      ...(opts.from ? { from: opts.from } : {}),
      ...(opts.to ? { to: opts.to } : {}),
    });
    const rows = await this.b.db.all<{ doc: string; article_id: string; published: string | null }>(
      `SELECT e.doc, a.id AS article_id, a.published FROM events e JOIN articles a ON a.rid = e.rid ${w}
       ORDER BY a.rid, e.ord`,
      params,
    );
    const level = opts.level ?? 'country';
    if (!opts.actor) return dyads(rows.map(storedEvent), { level });
    // Only the pairs of the actor asked for — its events also name other actors, whose pairs
    // with each other are not its relations. It is matched as the filter above matches it.
    const actor = opts.actor;
    const keys = actorQueryKeys(actor);
    const ids = new Set(
      (
        await this.b.db.all<{ entity_id: string }>(
          `SELECT DISTINCT entity_id FROM entity_keys WHERE key IN (${placeholders(keys.length)})`,
          keys,
        )
      ).map((r) => r.entity_id),
    );
    const only = (a: Actor) =>
      a.entityId === actor || a.name === actor || (!!a.entityId && ids.has(a.entityId));
    return dyads(rows.map(storedEvent), { level, only });
  }

  async quarantine(entry: QuarantineEntry, opts: { replace?: boolean } = {}): Promise<void> {
    await this.b.tx(async (db) => {
      if (opts.replace) await db.run('DELETE FROM quarantine WHERE source = ?', [entry.source]);
      await db.run('INSERT INTO quarantine (source, rule_id, reason, at, raw) VALUES (?, ?, ?, ?, ?)', [
        entry.source,
        entry.ruleId,
        entry.reason,
        entry.at,
        entry.raw ?? null,
      ]);
    });
  }

  async unquarantine(source: string): Promise<number> {
    return this.b.tx((db) => db.run('DELETE FROM quarantine WHERE source = ?', [source]));
  }

  async quarantined(opts: Page = {}): Promise<{ total: number; items: QuarantineEntry[] }> {
    const { limit, offset } = pageOf(opts, 50);
    const total = await this.b.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM quarantine');
    const rows = await this.b.db.all<{
      source: string;
      rule_id: string;
      reason: string;
      at: string;
      raw: string | null;
    }>('SELECT source, rule_id, reason, at, raw FROM quarantine ORDER BY qid DESC LIMIT ? OFFSET ?', [
      limit,
      offset,
    ]);
    return {
      total: num(total?.n),
      items: rows.map((r) => ({
        source: r.source,
        ruleId: r.rule_id,
        reason: r.reason,
        at: r.at,
        ...(r.raw != null ? { raw: r.raw } : {}),
      })),
    };
  }

  /** The feed items waiting for their page (`pending_fetches`, migration 12). */
  get fetchRetries(): FetchRetries {
    /** Written, or written over; `firstAt` too when `restoring` (an import writes the item as exported). */
    const upsert = (db: Db, p: PendingFetch, restoring: boolean) =>
      db.run(
        `INSERT INTO pending_fetches (feed, item, link, fetches, first_at, next_at, rule_id, reason, data)
         VALUES (${placeholders(9)}) ON CONFLICT (feed, item) DO UPDATE SET link = excluded.link,
         fetches = excluded.fetches, next_at = excluded.next_at, rule_id = excluded.rule_id,
         reason = excluded.reason, data = excluded.data${restoring ? ', first_at = excluded.first_at' : ''}`,
        [p.feed, p.item, p.link, p.fetches, p.firstAt, p.nextAt, p.ruleId, p.reason, p.data],
      );
    const b = this.b;
    return {
      async list(feed?: string) {
        const rows = await b.db.all<{
          feed: string;
          item: string;
          link: string;
          fetches: number;
          first_at: string;
          next_at: string;
          rule_id: string;
          reason: string;
          data: string;
        }>(
          `SELECT feed, item, link, fetches, first_at, next_at, rule_id, reason, data FROM pending_fetches
           ${feed === undefined ? '' : 'WHERE feed = ?'} ORDER BY first_at, feed, item`,
          feed === undefined ? [] : [feed],
        );
        return rows.map(
          (r): PendingFetch => ({
            feed: r.feed,
            item: r.item,
            link: r.link,
            fetches: num(r.fetches),
            firstAt: r.first_at,
            nextAt: r.next_at,
            ruleId: r.rule_id,
            reason: r.reason,
            data: r.data,
          }),
        );
      },
      async save(p: PendingFetch) {
        await b.tx((db) => upsert(db, p, false));
      },
      async restore(p: PendingFetch) {
        return b.tx(async (db) => {
          const same = await db.get(
            `SELECT 1 AS n FROM pending_fetches WHERE feed = ? AND item = ? AND link = ? AND fetches = ?
             AND first_at = ? AND next_at = ? AND rule_id = ? AND reason = ? AND data = ?`,
            [p.feed, p.item, p.link, p.fetches, p.firstAt, p.nextAt, p.ruleId, p.reason, p.data],
          );
          if (same) return false;
          await upsert(db, p, true);
          return true;
        });
      },
      async drop(feed: string, item: string) {
        await b.tx((db) => db.run('DELETE FROM pending_fetches WHERE feed = ? AND item = ?', [feed, item]));
      },
    };
  }

  get optimize(): Store['optimize'] {
    const b = this.b;
    if (!b.optimize) return undefined;
    return async () => {
      const t = performance.now();
      const tables = await b.optimize!();
      return { tables, seconds: (performance.now() - t) / 1000 };
    };
  }

  async stats(): Promise<StoreStats> {
    const one = async (sql: string) => num((await this.b.db.get<{ n: number }>(sql))?.n);
    const outlets = await this.b.db.all<{ value: string; n: number }>(
      `SELECT outlet AS value, COUNT(*) AS n FROM articles WHERE outlet IS NOT NULL AND outlet <> '' GROUP BY outlet
       ORDER BY COUNT(*) DESC, outlet LIMIT 50`,
    );
    return {
      articles: await one('SELECT COUNT(*) AS n FROM articles'),
      duplicates: await one("SELECT COUNT(*) AS n FROM duplicates WHERE kind = 'exact'"),
      nearDuplicates: await one("SELECT COUNT(*) AS n FROM duplicates WHERE kind = 'near'"),
      quarantined: await one('SELECT COUNT(*) AS n FROM quarantine'),
      pendingFetches: await one('SELECT COUNT(*) AS n FROM pending_fetches'),
      superseded: await one('SELECT COUNT(*) AS n FROM superseded'),
      partial: await one('SELECT COUNT(*) AS n FROM articles WHERE partial IS NOT NULL'),
      entities: await one('SELECT COUNT(*) AS n FROM entities'),
      events: await one('SELECT COUNT(*) AS n FROM events'),
      outlets: outlets.map((o) => ({ value: o.value, count: num(o.n) })),
      outletUnknown: await one("SELECT COUNT(*) AS n FROM articles WHERE outlet IS NULL OR outlet = ''"),
    };
  }

  async *iterate(): AsyncIterable<ProcessedArticle> {
    let after = -1;
    for (;;) {
      const rows = await this.b.db.all<{ rid: number; doc: string }>(
        'SELECT rid, doc FROM articles WHERE rid > ? ORDER BY rid LIMIT 200',
        [after],
      );
      if (rows.length === 0) return;
      for (const r of rows) yield JSON.parse(r.doc) as ProcessedArticle;
      after = num(rows[rows.length - 1]!.rid);
    }
  }

  /** Duplicate links (exact and near), for export and status. */
  async duplicates(opts: Page = {}): Promise<{
    total: number;
    items: Array<{ id: string; duplicateOf: string; kind: string; url?: string }>;
  }> {
    const { limit, offset } = pageOf(opts, 50);
    const total = await this.b.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM duplicates');
    const rows = await this.b.db.all<{ id: string; duplicate_of: string; kind: string; url: string | null }>(
      'SELECT id, duplicate_of, kind, url FROM duplicates ORDER BY at DESC, id LIMIT ? OFFSET ?',
      [limit, offset],
    );
    return {
      total: num(total?.n),
      items: rows.map((r) => ({
        id: r.id,
        duplicateOf: r.duplicate_of,
        kind: r.kind,
        ...(r.url != null ? { url: r.url } : {}),
      })),
    };
  }

  /** Links, quarantine and entities, for `khabar export` and `khabar import`. */
  get archive(): ArchiveRecords {
    const db = this.b.db;
    const b = this.b;
    return {
      async *links() {
        let after: [string, string] = ['', ''];
        for (;;) {
          const rows = await db.all<{
            id: string;
            duplicate_of: string;
            kind: string;
            outlet: string | null;
            url: string | null;
            title: string | null;
            published: string | null;
            at: string;
          }>(
            `SELECT id, duplicate_of, kind, outlet, url, title, published, at FROM duplicates
             WHERE at > ? OR (at = ? AND id > ?) ORDER BY at, id LIMIT 500`,
            [after[0], after[0], after[1]],
          );
          if (rows.length === 0) return;
          for (const r of rows) {
            const link: DuplicateLink = {
              id: r.id,
              duplicateOf: r.duplicate_of,
              kind: r.kind === 'near' ? 'near' : 'exact',
              at: r.at,
            };
            if (r.outlet != null) link.outlet = r.outlet;
            if (r.url != null) link.url = r.url;
            if (r.title != null) link.title = r.title;
            if (r.published != null) link.published = r.published;
            yield link;
          }
          const last = rows[rows.length - 1]!;
          after = [last.at, last.id];
        }
      },
      async *quarantineLog() {
        for (let after = -1; ; ) {
          const rows = await db.all<{
            qid: number;
            source: string;
            rule_id: string;
            reason: string;
            at: string;
            raw: string | null;
          }>(
            'SELECT qid, source, rule_id, reason, at, raw FROM quarantine WHERE qid > ? ORDER BY qid LIMIT 500',
            [after],
          );
          if (rows.length === 0) return;
          for (const r of rows)
            yield {
              source: r.source,
              ruleId: r.rule_id,
              reason: r.reason,
              at: r.at,
              ...(r.raw != null ? { raw: r.raw } : {}),
            };
          after = num(rows[rows.length - 1]!.qid);
        }
      },
      async *versionLog() {
        let after: [string, string] = ['', ''];
        for (;;) {
          const rows = await db.all<{ id: string; at: string; doc: string }>(
            'SELECT id, at, doc FROM superseded WHERE at > ? OR (at = ? AND id > ?) ORDER BY at, id LIMIT 200',
            [after[0], after[0], after[1]],
          );
          if (rows.length === 0) return;
          for (const r of rows) yield JSON.parse(r.doc) as ProcessedArticle;
          const last = rows[rows.length - 1]!;
          after = [last.at, last.id];
        }
      },
      async *placeLog() {
        let after = '';
        for (;;) {
          const rows = await db.all<PlaceRecord>(
            'SELECT source, id FROM places WHERE source > ? ORDER BY source LIMIT 500',
            [after],
          );
          if (rows.length === 0) return;
          for (const r of rows) yield { source: r.source, id: r.id };
          after = rows[rows.length - 1]!.source;
        }
      },
      restorePlace: (p) =>
        b.tx(async (tx) => {
          const had = await tx.get<{ id: string }>('SELECT id FROM places WHERE source = ?', [p.source]);
          if (had?.id === p.id) return false;
          await writePlace(tx, p.source, p.id);
          return true;
        }),
      restoreVersion: (doc) =>
        b.tx(async (tx) => {
          const s = doc.article.superseded;
          if (!s) return false;
          const json = JSON.stringify(doc);
          const old = await tx.get<{ doc: string }>('SELECT doc FROM superseded WHERE id = ?', [
            doc.article.id,
          ]);
          if (old?.doc === json) return false;
          await writeVersion(tx, doc, s, json);
          return true;
        }),
      async *entityLog() {
        for (let after = ''; ; ) {
          const rows = await db.all<{ id: string; doc: string }>(
            'SELECT id, doc FROM entities WHERE id > ? ORDER BY id LIMIT 500',
            [after],
          );
          if (rows.length === 0) return;
          for (const r of rows) yield JSON.parse(r.doc) as Entity;
          after = rows[rows.length - 1]!.id;
        }
      },
      restoreLink: (l) =>
        b.tx(async (tx) => {
          const old = await tx.get<{ duplicate_of: string; kind: string }>(
            'SELECT duplicate_of, kind FROM duplicates WHERE id = ?',
            [l.id],
          );
          if (old && old.duplicate_of === l.duplicateOf && old.kind === l.kind) return false;
          await tx.run(
            `INSERT INTO duplicates (id, duplicate_of, kind, outlet, url, title, published, at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET duplicate_of = excluded.duplicate_of,
             kind = excluded.kind, outlet = excluded.outlet, url = excluded.url, title = excluded.title,
             published = excluded.published, at = excluded.at`,
            [
              l.id,
              l.duplicateOf,
              l.kind,
              l.outlet ?? null,
              l.url ?? null,
              l.title ?? null,
              l.published ?? null,
              l.at,
            ],
          );
          return true;
        }),
      restoreQuarantine: (q) =>
        b.tx(async (tx) => {
          const same = await tx.get<{ qid: number }>(
            'SELECT qid FROM quarantine WHERE source = ? AND rule_id = ? AND reason = ? AND at = ? LIMIT 1',
            [q.source, q.ruleId, q.reason, q.at],
          );
          if (same) return false;
          await tx.run('INSERT INTO quarantine (source, rule_id, reason, at, raw) VALUES (?, ?, ?, ?, ?)', [
            q.source,
            q.ruleId,
            q.reason,
            q.at,
            q.raw ?? null,
          ]);
          return true;
        }),
      restoreEntity: (e) =>
        b.tx(async (tx) => {
          const row = await tx.get<{ doc: string }>('SELECT doc FROM entities WHERE id = ?', [e.id]);
          const stored = row ? (JSON.parse(row.doc) as Entity) : undefined;
          const merged = stored ? mergeEntity(e, stored) : e;
          // The exported document as it was (its key order too) when this archive adds nothing.
          const next = isDeepStrictEqual(merged, e) ? e : merged;
          const doc = JSON.stringify(next);
          if (row?.doc === doc) return false;
          await tx.run(
            `INSERT INTO entities (id, type, name_ar, country, sector, doc) VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT (id) DO UPDATE SET type = excluded.type, name_ar = excluded.name_ar,
             country = excluded.country, sector = excluded.sector, doc = excluded.doc`,
            [next.id, next.type, next.names.ar, next.country ?? null, next.sector ?? null, doc],
          );
          await tx.run(
            'INSERT INTO entity_counts (entity_id, mentions, articles) VALUES (?, 0, 0) ON CONFLICT (entity_id) DO NOTHING',
            [next.id],
          );
          await tx.run('DELETE FROM entity_keys WHERE entity_id = ?', [next.id]);
          await insertRows(
            tx,
            'INSERT INTO entity_keys (key, entity_id)',
            2,
            entityKeys(next).map((k) => [k, next.id]),
            'ON CONFLICT DO NOTHING',
          );
          this.entityMemo.delete(next.id);
          return true;
        }),
    };
  }

  close(): Promise<void> {
    return this.b.close();
  }
}

function storedEvent(r: { doc: string; article_id: string; published: string | null }): StoredEvent {
  // Set on the parsed object (the keys in the same order as a copy would have them), not copied.
  const ev = JSON.parse(r.doc) as StoredEvent;
  ev.articleId = r.article_id;
  if (r.published != null) ev.published = r.published;
  return ev;
}
