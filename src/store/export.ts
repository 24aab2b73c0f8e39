/**
 * Export of an archive: articles (the whole processed document: what `khabar import`
 * reads back), briefs, entities, events, and the flat POLECAT-style event table. Each kind
 * is a stream of flat or nested records; CSV takes the flat columns listed here.
 */
import type { Actor, ProcessedArticle } from '../model.ts';
import type { Store } from './store.ts';

export const EXPORT_KINDS = ['articles', 'briefs', 'entities', 'events', 'events-table'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export type ExportFormat = 'jsonl' | 'csv';

type Rec = Record<string, unknown>;

/** CSV columns per kind (events and events-table share the flat event table). */
export const CSV_COLUMNS: Record<ExportKind, string[]> = {
  articles: ['id', 'outlet', 'url', 'title', 'published', 'language', 'byline', 'text'],
  briefs: ['article_id', 'order', 'part', 'kind', 'label', 'text', 'start', 'end'],
  entities: [
    'id',
    'type',
    'name_ar',
    'name_en',
    'latin',
    'aliases',
    'country',
    'sector',
    'post',
    'articles',
    'mentions',
  ],
  events: [],
  'events-table': [
    'date',
    'type',
    'mode',
    'contexts',
    'modality',
    'negated',
    'background',
    'reciprocal',
    'source_names',
    'source_countries',
    'source_sectors',
    'target_names',
    'target_countries',
    'target_sectors',
    'article_id',
    'event_id',
    'published',
    'outlet',
    'confidence',
    'evidence',
  ],
};
CSV_COLUMNS.events = CSV_COLUMNS['events-table'];

const join = (xs: Array<string | undefined>) => xs.filter((x): x is string => Boolean(x)).join('; ');

function names(actors: Actor[]): string {
  return join(actors.map((a) => a.name ?? a.entityId));
}

/** One flat row per event, POLECAT style: date, type, mode, actors, article, evidence text. */
export function eventTableRows(doc: ProcessedArticle): Rec[] {
  const text = doc.article.text;
  return doc.analysis.events.map((e) => ({
    date: e.date?.value ?? doc.article.published?.slice(0, 10) ?? '',
    type: e.type,
    mode: e.mode ?? '',
    contexts: e.contexts.join('; '),
    modality: e.modality,
    negated: e.negated,
    background: e.background,
    reciprocal: e.reciprocal,
    source_names: names(e.source),
    source_countries: join(e.source.map((a) => a.country)),
    source_sectors: join(e.source.map((a) => a.sector)),
    target_names: names(e.target),
    target_countries: join(e.target.map((a) => a.country)),
    target_sectors: join(e.target.map((a) => a.sector)),
    article_id: doc.article.id,
    event_id: e.id,
    published: doc.article.published ?? '',
    outlet: doc.article.outlet ?? '',
    confidence: e.confidence,
    evidence: e.evidence.map(([a, b]) => text.slice(a, b).trim()).join(' | '),
  }));
}

function briefRows(doc: ProcessedArticle): Rec[] {
  const b = doc.brief;
  const rows: Rec[] = [];
  const add = (
    part: string,
    kind: string,
    label: string,
    blocks: { text: string; span: readonly [number, number] }[],
  ) => {
    for (const x of blocks) {
      rows.push({
        article_id: doc.article.id,
        order: rows.length,
        part,
        kind,
        label,
        text: x.text,
        start: x.span[0],
        end: x.span[1],
      });
    }
  };
  if (b.dateline) add('dateline', '', '', [b.dateline]);
  add('lead', 'lead', '', b.lead);
  for (const s of b.sections) {
    add('paragraph', s.kind, s.label, s.paragraphs);
    add('item', s.kind, s.label, s.items);
  }
  add('body', 'body', '', b.body);
  if (b.byline) add('byline', '', '', [b.byline]);
  return rows;
}

/** The records of one export kind; `csv` asks for flat rows. */
export async function* exportRecords(
  store: Store,
  what: ExportKind,
  format: ExportFormat,
): AsyncIterable<Rec> {
  if (what === 'entities') {
    for (let offset = 0; ; offset += 1000) {
      const page = await store.entities({ limit: 1000, offset });
      for (const v of page.items) {
        const e = v.entity;
        if (format === 'jsonl') yield { ...e, articles: v.articles, mentions: v.mentions };
        else
          yield {
            id: e.id,
            type: e.type,
            name_ar: e.names.ar,
            name_en: e.names.en ?? '',
            latin: e.names.latin ?? '',
            aliases: e.names.aliases.join('; '),
            country: e.country ?? '',
            sector: e.sector ?? '',
            post: e.post?.ar ?? '',
            articles: v.articles,
            mentions: v.mentions,
          };
      }
      if (page.items.length < 1000) return;
    }
  }
  for await (const doc of store.iterate()) {
    const a = doc.article;
    switch (what) {
      case 'articles':
        if (format === 'jsonl') yield doc as unknown as Rec;
        else
          yield {
            id: a.id,
            outlet: a.outlet ?? '',
            url: a.url ?? '',
            title: a.title ?? '',
            published: a.published ?? '',
            language: a.language,
            byline: a.byline ?? '',
            text: a.text,
          };
        break;
      case 'briefs':
        if (format === 'jsonl') yield { id: a.id, brief: doc.brief };
        else yield* briefRows(doc);
        break;
      case 'events':
        if (format === 'jsonl') {
          for (const e of doc.analysis.events)
            yield { ...e, articleId: a.id, ...(a.published ? { published: a.published } : {}) };
        } else yield* eventTableRows(doc);
        break;
      case 'events-table':
        yield* eventTableRows(doc);
        break;
    }
  }
}

/** One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). */
export function csvField(v: unknown): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(columns: string[], rec: Rec): string {
  return columns.map((c) => csvField(rec[c])).join(',');
}
