/**
 * Worker thread for bench/search-pg-bulk.ts: reads the articles with rid ∈ [from, to) from
 * the SQLite archive (read-only) and returns, per PostgreSQL table, the lines of a `COPY …
 * FROM STDIN` (text format) holding that range's rows. Columns both stores have are copied
 * as stored; the PostgreSQL-only ones — `article_search.tsv` and `sections.tsv` — come from
 * the store's own code: `articleRows` of the stored document (with the memoized analyzer,
 * bench/search-memo.ts, checked against the plain one every `check`-th article) and
 * `tsvectorLiteral`. The SQLite row of each article and section must be what `articleRows`
 * makes of the document, else the load stops: an archive written by other code is refused,
 * not copied with index text that does not match it.
 */
import { isDeepStrictEqual } from 'node:util';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ProcessedArticle } from '../src/model.ts';
import { tsvectorLiteral } from '../src/store/postgres.ts';
import type { SectionRow } from '../src/store/rows.ts';
import { articleValues } from '../src/store/sql-store.ts';
import { memoRows } from './search-memo.ts';
import { copyLine } from './search-pg-copy.ts';

export interface PgBulkJob {
  from: number;
  to: number;
  check: number;
}

export interface PgBulkReply {
  /** COPY text per table (PostgreSQL table name → lines, each ending in a newline). */
  tables?: Record<string, string>;
  articles?: number;
  error?: string;
}

export interface PgBulkSetup {
  file: string;
  /** Tables keyed by rid, with the columns both stores have (in SELECT and COPY order). */
  tables: Array<{ name: string; cols: string[]; order: string }>;
}

const setup = workerData as PgBulkSetup;
const db = new Database(setup.file, { readonly: true, fileMustExist: true });

const selects = new Map(
  setup.tables.map((t) => [
    t.name,
    db.prepare(`SELECT ${t.cols.join(', ')} FROM ${t.name} WHERE rid >= ? AND rid < ? ORDER BY ${t.order}`),
  ]),
);

function job(m: PgBulkJob): PgBulkReply {
  const out: Record<string, string[]> = { article_search: [] };
  const sectionsOf = new Map<number, SectionRow[]>();
  let articles = 0;
  for (const t of setup.tables) {
    const lines: string[] = [];
    out[t.name] = lines;
    const rows = selects.get(t.name)!.all(m.from, m.to) as Array<Record<string, unknown>>;
    for (const row of rows) {
      const values = t.cols.map((c) => row[c]);
      if (t.name === 'articles') {
        const rid = Number(row.rid);
        const r = memoRows(
          JSON.parse(row.doc as string) as ProcessedArticle,
          m.check > 0 && rid % m.check === 0,
        );
        const stored = [
          ...['outlet', 'url', 'title', 'published', 'day', 'sort_key', 'language', 'lead'],
          ...['text_hash', 'content_hash', 'doc', 'ingested_at'],
        ].map((c) => row[c]);
        if (r.id !== row.id || !isDeepStrictEqual(stored, articleValues(r))) {
          throw new Error(
            `article ${String(row.id)} (rid ${rid}): the stored row is not what articleRows makes of its document — ` +
              'an archive written by other code; open it with the store (khabar status --db FILE) to re-index it first',
          );
        }
        sectionsOf.set(rid, r.sections);
        out.article_search!.push(copyLine([rid, tsvectorLiteral(r.index)]));
        articles++;
      } else if (t.name === 'sections') {
        const s = sectionsOf.get(Number(row.rid))?.[Number(row.ord)];
        const stored = [row.kind, row.label, row.speaker, row.text, row.start_off, row.end_off];
        if (!s || !isDeepStrictEqual(stored, [s.kind, s.label, s.speaker, s.text, s.start, s.end])) {
          throw new Error(
            `section ${String(row.sid)} (article rid ${String(row.rid)}, ord ${String(row.ord)}): ` +
              'not a section articleRows makes of the article document',
          );
        }
        values.push(tsvectorLiteral(s.index));
      }
      lines.push(copyLine(values));
    }
  }
  // Every derived section is stored (none missing from the archive).
  const derived = [...sectionsOf.values()].reduce((n, s) => n + s.length, 0);
  if (out.sections && out.sections.length !== derived) {
    throw new Error(
      `rids ${m.from}–${m.to - 1}: ${out.sections.length} sections stored, ${derived} derived from the documents`,
    );
  }
  return { tables: Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.join('')])), articles };
}

parentPort?.on('message', (m: PgBulkJob) => {
  try {
    parentPort!.postMessage(job(m));
  } catch (err) {
    parentPort!.postMessage({ error: (err as Error).message } satisfies PgBulkReply);
  }
});
