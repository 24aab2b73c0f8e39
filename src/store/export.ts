/**
 * Export of an archive: articles (the whole processed document: what `khabar import`
 * reads back), briefs, entities, events, and the flat POLECAT-style event table. Each kind
 * is a stream of flat or nested records; CSV takes the flat columns listed here.
 */
import { glossEntityJson, glossEvent, indexEntities } from '../i18n/gloss.ts';
import {
  type Lang,
  countryName,
  displayName,
  entityTypeLabel,
  ploverLabel,
  sectionLabel,
  sectorLabel,
} from '../i18n/glossary.ts';
import type { Actor, Entity, ProcessedArticle } from '../model.ts';
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
    'date_hijri',
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

/**
 * English gloss columns, each placed after the column it glosses (`--lang en`): type labels,
 * English names (else transliterations) of actors, countries and sectors, posts, section labels.
 */
const GLOSS_AFTER: Partial<Record<ExportKind, Record<string, string>>> = {
  briefs: { label: 'label_en' },
  entities: {
    type: 'type_label',
    latin: 'display_en',
    country: 'country_en',
    sector: 'sector_en',
    post: 'post_en',
  },
  'events-table': {
    type: 'type_label',
    source_names: 'source_names_en',
    source_countries: 'source_countries_en',
    source_sectors: 'source_sectors_en',
    target_names: 'target_names_en',
    target_countries: 'target_countries_en',
    target_sectors: 'target_sectors_en',
  },
};
GLOSS_AFTER.events = GLOSS_AFTER['events-table']!;

/** The CSV columns of a kind: with `lang` English, each gloss column after the one it glosses. */
export function csvColumns(what: ExportKind, lang: Lang = 'ar'): string[] {
  const base = CSV_COLUMNS[what];
  const after = GLOSS_AFTER[what];
  if (lang !== 'en' || !after) return base;
  return base.flatMap((c) => (after[c] ? [c, after[c]] : [c]));
}

/**
 * One cell of several actors' values, «; » between them, positions kept: an actor with no value
 * (no country, no sector) leaves an empty place, so the n-th name, country and sector of a row
 * are the same actor's (dropping the empty ones paired Morocco's minister with France). A cell
 * with no value at all is empty.
 */
const join = (xs: Array<string | undefined>) => (xs.some(Boolean) ? xs.map((x) => x ?? '').join('; ') : '');

const ARABIC = /\p{Script=Arabic}/u;

/**
 * Names of actors as the (Arabic) column gives them: the name the event carries, unless that
 * is an English gloss — a post's or an organization's («Minister of Foreign Affairs»,
 * «Government of Lebanon») — and the actor's entity has its Arabic name («وزير الخارجية
 * المغربي»); English names stayed in the Arabic column beside Arabic persons' names.
 */
function names(actors: Actor[], entities: ReadonlyMap<string, Entity>): string {
  return join(
    actors.map((a) => {
      const ar = a.entityId ? entities.get(a.entityId)?.names.ar : undefined;
      if (ar && (!a.name || !ARABIC.test(a.name))) return ar;
      return a.name ?? a.entityId;
    }),
  );
}

/** English names of actors: the entity's English name (else transliteration), else the code. */
function namesEn(actors: Actor[], entities: ReadonlyMap<string, Entity>): string {
  return join(
    actors.map((a) => {
      const e = a.entityId ? entities.get(a.entityId) : undefined;
      if (e) return displayName(e.names, 'en');
      return a.name ? displayName({ ar: a.name, aliases: [] }, 'en') : a.entityId;
    }),
  );
}

/** English gloss columns of one event row. */
function eventGlosses(
  e: ProcessedArticle['analysis']['events'][number],
  entities: ReadonlyMap<string, Entity>,
): Rec {
  const countries = (as: Actor[]) =>
    join(as.map((a) => (a.country ? (countryName(a.country, 'en') ?? a.country) : undefined)));
  const sectors = (as: Actor[]) => join(as.map((a) => (a.sector ? sectorLabel(a.sector, 'en') : undefined)));
  return {
    type_label: ploverLabel(e.type, 'en'),
    source_names_en: namesEn(e.source, entities),
    source_countries_en: countries(e.source),
    source_sectors_en: sectors(e.source),
    target_names_en: namesEn(e.target, entities),
    target_countries_en: countries(e.target),
    target_sectors_en: sectors(e.target),
  };
}

/**
 * One flat row per event, POLECAT style: date (and the Hijri date when the article gave the
 * date in the Hijri calendar), type, mode, actors, article, evidence text; English glosses
 * beside the codes when `lang` is English.
 */
export function eventTableRows(doc: ProcessedArticle, lang: Lang = 'ar'): Rec[] {
  const text = doc.article.text;
  const entities = indexEntities(doc.analysis.entities);
  return doc.analysis.events.map((e) => ({
    date: e.date?.value ?? doc.article.published?.slice(0, 10) ?? '',
    date_hijri: e.date?.value ? (e.date.hijri ?? '') : '',
    ...(lang === 'en' ? eventGlosses(e, entities) : {}),
    type: e.type,
    mode: e.mode ?? '',
    contexts: e.contexts.join('; '),
    modality: e.modality,
    negated: e.negated,
    background: e.background,
    reciprocal: e.reciprocal,
    source_names: names(e.source, entities),
    source_countries: join(e.source.map((a) => a.country)),
    source_sectors: join(e.source.map((a) => a.sector)),
    target_names: names(e.target, entities),
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

function briefRows(doc: ProcessedArticle, lang: Lang): Rec[] {
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
        ...(lang === 'en'
          ? { label_en: kind && kind !== 'lead' && kind !== 'body' ? sectionLabel(kind, 'en') : '' }
          : {}),
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

/**
 * The records of one export kind; `csv` asks for flat rows. With `lang` English, records gain
 * English glosses beside their codes and Arabic names (`khabar export --lang en`); the
 * `articles` JSONL stays the processed document `khabar import` reads.
 */
export async function* exportRecords(
  store: Store,
  what: ExportKind,
  format: ExportFormat,
  lang: Lang = 'ar',
): AsyncIterable<Rec> {
  const en = lang === 'en';
  if (what === 'entities') {
    for (let offset = 0; ; offset += 1000) {
      const page = await store.entities({ limit: 1000, offset });
      for (const v of page.items) {
        const e = v.entity;
        if (format === 'jsonl')
          yield { ...(en ? glossEntityJson(e, 'en') : e), articles: v.articles, mentions: v.mentions };
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
            ...(en ? entityGlosses(e) : {}),
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
        if (format === 'jsonl')
          yield {
            id: a.id,
            brief: en
              ? {
                  ...doc.brief,
                  sections: doc.brief.sections.map((s) => ({ ...s, label_en: sectionLabel(s.kind, 'en') })),
                }
              : doc.brief,
          };
        else yield* briefRows(doc, lang);
        break;
      case 'events':
        if (format === 'jsonl') {
          const entities = en ? indexEntities(doc.analysis.entities) : undefined;
          for (const e of doc.analysis.events)
            yield {
              ...(entities ? glossEvent(e, 'en', entities) : e),
              articleId: a.id,
              ...(a.published ? { published: a.published } : {}),
            };
        } else yield* eventTableRows(doc, lang);
        break;
      case 'events-table':
        yield* eventTableRows(doc, lang);
        break;
    }
  }
  if (what === 'articles' && format === 'jsonl') yield* archiveRecords(store);
}

/**
 * After the articles of a JSONL export, the rest of the archive, one record a line, each
 * marked by `record`: duplicate links (`link`), the quarantine (`quarantine`), oldest first,
 * every entity as stored, merged over all its articles (`entity`), and the earlier versions
 * of articles, each a whole document with `article.superseded` (`version`), the places
 * (`place`: a whole file or a feed item's link, and the article it last read as), and the feed
 * items waiting for their page to be fetched again (`pending-fetch`). `khabar import`
 * writes them back: the round trip rebuilds the archive, not only its articles.
 */
async function* archiveRecords(store: Store): AsyncIterable<Rec> {
  const r = store.archive;
  if (!r)
    throw new Error(
      `this ${store.kind} archive cannot list its duplicate links, quarantine and entities: export with --what articles --format csv, or from a SQLite or PostgreSQL archive`,
    );
  for await (const l of r.links()) yield { record: 'link', ...l };
  for await (const q of r.quarantineLog()) yield { record: 'quarantine', ...q };
  for await (const e of r.entityLog()) yield { record: 'entity', entity: e };
  // Earlier versions (an edited file, a changed record): each a whole document, with article.superseded.
  if (r.versionLog) for await (const v of r.versionLog()) yield { record: 'version', ...v };
  // Which article each whole file (or a feed item's link) last read as: an edited file is known as an edit after import.
  if (r.placeLog) for await (const p of r.placeLog()) yield { record: 'place', ...p };
  // Feed items waiting for their page (`ingest --follow`): the next ingest of the feed fetches them again.
  if (store.fetchRetries)
    for (const p of await store.fetchRetries.list()) yield { record: 'pending-fetch', ...p };
}

/** English gloss columns of one entity row. */
function entityGlosses(e: Entity): Rec {
  const g = glossEntityJson(e, 'en');
  return {
    type_label: entityTypeLabel(e.type, 'en'),
    display_en: g.display,
    country_en: g.country_name ?? '',
    sector_en: g.sector_label ?? '',
    post_en: e.post?.en ?? '',
  };
}

/**
 * One CSV field (RFC 4180: quoted when it holds a comma, quote or line break). A text that a
 * spreadsheet would run as a formula — it opens with `=`, `+`, `-`, `@`, a tab or a carriage
 * return: a hostile title «=HYPERLINK(…)», or a key point «- …» — is written with a leading `'`
 * (OWASP's CSV-injection advice), so opening the export never runs what an article says.
 * Numbers, and texts that are only a number («-3.5»), are kept as they are.
 */
export function csvField(v: unknown): string {
  let s = v === undefined || v === null ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/u.test(s) && !/^[-+]?\d+(?:\.\d+)?$/u.test(s)) s = `'${s}`;
  return /[",\r\n]/u.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(columns: string[], rec: Rec): string {
  return columns.map((c) => csvField(rec[c])).join(',');
}
