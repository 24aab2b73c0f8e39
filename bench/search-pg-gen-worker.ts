/**
 * Worker thread for bench/search-pg-gen.ts: makes benchmark documents i ∈ [from, to)
 * (bench/search-corpus.ts `corpusDoc`, as bench/search-bulk-worker.ts does), derives the rows
 * the store writes for each with the store's `articleRows` (the analyzer memoized per sentence,
 * bench/search-memo.ts, checked against the plain one every `check`-th document), and returns
 * each row as COPY text fields (bench/search-pg-copy.ts `copyField`, already escaped) in the
 * PostgreSQL table's column order. The ids only the loader's thread knows — the article's rid,
 * the section's sid, the first copy of an exact duplicate — are left as holes (`HOLE`), filled
 * when the loader numbers the articles in order.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { tsvectorLiteral } from '../src/store/postgres.ts';
import type { ArticleRows, SectionRow } from '../src/store/rows.ts';
import { corpusDoc, loadAnt, sentencePools } from './search-corpus.ts';
import { memoRows } from './search-memo.ts';
import { copyField } from './search-pg-copy.ts';

/** Holes in a row's fields: the loader's thread puts the article's rid, the section's sid, the first copy's id. */
export const HOLE = { rid: 0, sid: 1, first: 2 } as const;
/** One row: escaped COPY fields, or a hole (a number, `HOLE`). */
export type Fields = Array<string | number>;

export interface PgGenJob {
  from: number;
  to: number;
  check: number;
}

export interface PgGenDoc {
  id: string;
  textHash: string;
  /** The rows if the document is stored (its text not seen before), by PostgreSQL table. */
  rows: Record<string, Fields[]>;
  /** Its `duplicates` row if it is an exact duplicate of an earlier document. */
  duplicate: Fields;
}

export interface PgGenReply {
  docs?: PgGenDoc[];
  error?: string;
}

export interface PgGenSetup {
  /** PostgreSQL columns of each table the loader fills, in COPY order. */
  cols: Record<string, string[]>;
}

/** The tables a bench document fills (its analysis is empty: no mentions, events, entities). */
export const GEN_TABLES = ['articles', 'article_search', 'sections', 'facets', 'dedup_sigs', 'dedup_bands'];

const ARTICLE: Record<string, (r: ArticleRows) => unknown> = {
  id: (r) => r.id,
  outlet: (r) => r.outlet,
  url: (r) => r.url,
  title: (r) => r.title,
  published: (r) => r.published,
  day: (r) => r.day,
  sort_key: (r) => r.sortKey,
  language: (r) => r.language,
  lead: (r) => r.lead,
  text_hash: (r) => r.textHash,
  content_hash: (r) => r.contentHash,
  doc: (r) => r.doc,
  ingested_at: (r) => r.ingestedAt,
  partial: (r) => r.partial,
};
const SECTION: Record<string, (s: SectionRow) => unknown> = {
  ord: (s) => s.ord,
  kind: (s) => s.kind,
  label: (s) => s.label,
  speaker: (s) => s.speaker,
  text: (s) => s.text,
  start_off: (s) => s.start,
  end_off: (s) => s.end,
  tsv: (s) => tsvectorLiteral(s.index),
};
/** `duplicates` as bench/search-bulk.ts writes an exact duplicate. */
const DUPLICATE: Record<string, (r: ArticleRows) => unknown> = {
  id: (r) => r.id,
  kind: () => 'exact',
  outlet: (r) => r.outlet,
  url: (r) => r.url,
  title: (r) => r.title,
  published: (r) => r.published,
  at: (r) => r.ingestedAt,
};

/** A row maker for `table` from `fields` (column → value) and the hole columns; a column neither knows stops the load. */
function maker<T>(
  table: string,
  fields: Record<string, (x: T) => unknown>,
  holes: Record<string, number>,
): (x: T) => Fields {
  const cols = (workerData as PgGenSetup | null)?.cols[table];
  if (!cols) throw new Error(`no columns for ${table}`);
  const parts = cols.map((c) => {
    if (c in holes) return holes[c]!;
    const f = fields[c];
    if (!f) throw new Error(`column ${table}.${c} is new to bench/search-pg-gen-worker.ts`);
    return f;
  });
  return (x) => parts.map((p) => (typeof p === 'number' ? p : copyField(p(x))));
}

/** The row makers, made in the worker (the loader's thread imports this module for its constants). */
const makers = () => ({
  article: maker('articles', ARTICLE, { rid: HOLE.rid }),
  search: maker('article_search', { tsv: (r: ArticleRows) => tsvectorLiteral(r.index) }, { rid: HOLE.rid }),
  section: maker('sections', SECTION, { sid: HOLE.sid, rid: HOLE.rid }),
  facet: maker(
    'facets',
    { kind: (f: { kind: string; value: string }) => f.kind, value: (f) => f.value },
    { rid: HOLE.rid },
  ),
  sig: maker('dedup_sigs', { minhash: (r: ArticleRows) => r.dedup.minhash }, { rid: HOLE.rid }),
  band: maker('dedup_bands', { key: (k: number) => k }, { rid: HOLE.rid }),
  duplicate: maker('duplicates', DUPLICATE, { duplicate_of: HOLE.first }),
});
let make: ReturnType<typeof makers> | undefined;

/** The rows of one document: those bench/search-bulk.ts writes (and search-pg-bulk.ts copies), with the tsvectors. */
export function docRows(r: ArticleRows): PgGenDoc {
  if (r.mentions.length || r.events.length || r.entities.length) {
    throw new Error(`document ${r.id} has analysis rows; this loader writes none`);
  }
  make ??= makers();
  // `ON CONFLICT DO NOTHING` in bench/search-bulk.ts: one row per (kind, value) and per band key.
  const facets = new Map(r.facets.map((f) => [`${f.kind}\u0000${f.value}`, f]));
  return {
    id: r.id,
    textHash: r.textHash,
    rows: {
      articles: [make.article(r)],
      article_search: [make.search(r)],
      sections: r.sections.map(make.section),
      facets: [...facets.values()].map(make.facet),
      dedup_sigs: [make.sig(r)],
      dedup_bands: [...new Set(r.dedup.bands)].map(make.band),
    },
    duplicate: make.duplicate(r),
  };
}

if (parentPort) {
  const ant = loadAnt();
  const pools = sentencePools(ant);
  parentPort.on('message', (m: PgGenJob) => {
    const docs: PgGenDoc[] = [];
    for (let i = m.from; i < m.to; i++) {
      try {
        docs.push(docRows(memoRows(corpusDoc(ant, i, pools), m.check > 0 && i % m.check === 0)));
      } catch (err) {
        parentPort!.postMessage({ error: `document ${i}: ${(err as Error).message}` } satisfies PgGenReply);
        return;
      }
    }
    parentPort!.postMessage({ docs } satisfies PgGenReply);
  });
}
