/**
 * `khabar import`: rebuilds an archive from a JSONL export of articles (one processed
 * document a line, as `khabar export --what articles` writes), then the records that follow
 * them (`record`: `link`, `quarantine`, `entity`, `version`, `place`, `pending-fetch`: duplicate
 * links, the quarantine, entities merged over all their articles, earlier versions of articles,
 * the article each whole file or feed item's link last read as, the feed items waiting for their
 * page). A line that is neither goes to the quarantine with its
 * line number and reason; the rest goes on.
 */
import type { Entity, ProcessedArticle } from '../model.ts';
import {
  countPut,
  type DuplicateLink,
  noPutCounts,
  type PendingFetch,
  type PlaceRecord,
  type PutCounts,
  type QuarantineEntry,
  type Store,
} from './store.ts';

export interface ImportSummary extends PutCounts {
  lines: number;
  /** Records written back (each counted when it changed the archive). */
  links: number;
  /** Earlier versions of articles written back. */
  versions: number;
  /** Places written back (`Store.place`). */
  places: number;
  /** Feed items waiting for their page written back (`Store.fetchRetries`). */
  pendingFetches: number;
  quarantine: number;
  entities: number;
  /** Entity records read (most change nothing: the articles already rebuilt those entities). */
  entityRecords: number;
}

const RECORDS = ['link', 'quarantine', 'entity', 'version', 'place', 'pending-fetch'] as const;
type ArchiveRecord =
  | ({ record: 'pending-fetch' } & PendingFetch)
  | ({ record: 'version' } & ProcessedArticle)
  | ({ record: 'place' } & PlaceRecord)
  | ({ record: 'link' } & DuplicateLink)
  | ({ record: 'quarantine' } & QuarantineEntry)
  | { record: 'entity'; entity: Entity };

const str = (v: unknown) => typeof v === 'string' && v.length > 0;

/** Why a `record` line cannot be written back, if it cannot. */
function recordProblem(v: Record<string, unknown>): string | undefined {
  const kind = v.record;
  if (!RECORDS.includes(kind as (typeof RECORDS)[number]))
    return `unknown record ${JSON.stringify(kind)}: expected one of ${RECORDS.join(', ')} (as \`khabar export\` writes)`;
  if (kind === 'link') {
    for (const k of ['id', 'duplicateOf', 'at']) if (!str(v[k])) return `link: "${k}" is missing`;
    if (v.kind !== 'exact' && v.kind !== 'near') return 'link: "kind" must be exact or near';
    return undefined;
  }
  if (kind === 'version') {
    const { record: _, ...doc } = v;
    const why = problem(doc);
    if (why) return `version: ${why}`;
    const s = (doc as Partial<ProcessedArticle>).article?.superseded;
    if (!s || !str(s.supersededBy) || !str(s.at))
      return 'version: "article.superseded" needs "supersededBy" and "at"';
    return undefined;
  }
  if (kind === 'place') {
    for (const k of ['source', 'id']) if (!str(v[k])) return `place: "${k}" is missing`;
    return undefined;
  }
  if (kind === 'pending-fetch') {
    for (const k of ['feed', 'item', 'link', 'firstAt', 'nextAt', 'ruleId', 'reason', 'data'])
      if (!str(v[k])) return `pending-fetch: "${k}" is missing`;
    if (!Number.isInteger(v.fetches) || (v.fetches as number) < 0)
      return 'pending-fetch: "fetches" must be a whole number';
    return undefined;
  }
  if (kind === 'quarantine') {
    for (const k of ['source', 'ruleId', 'reason', 'at'])
      if (!str(v[k])) return `quarantine: "${k}" is missing`;
    return undefined;
  }
  const e = v.entity as Partial<Entity> | undefined;
  if (!e || typeof e !== 'object') return 'entity: "entity" is missing';
  if (!str(e.id) || !str(e.type)) return 'entity: "id" or "type" is missing';
  if (!e.names || typeof e.names.ar !== 'string' || !Array.isArray(e.names.aliases))
    return 'entity: "names" needs "ar" and "aliases"';
  return undefined;
}

function problem(v: unknown): string | undefined {
  if (!v || typeof v !== 'object') return 'not a JSON object';
  if ('record' in v) return recordProblem(v as Record<string, unknown>);
  const d = v as Partial<ProcessedArticle>;
  if (!d.article || typeof d.article !== 'object')
    return 'no "article": this is not a line of `khabar export --what articles`';
  if (typeof d.article.id !== 'string' || !d.article.id) return 'article.id is missing';
  if (typeof d.article.text !== 'string') return 'article.text is missing';
  if (!d.brief || typeof d.brief !== 'object')
    return 'no "brief": export with `--what articles --format jsonl`';
  if (!d.analysis || typeof d.analysis !== 'object')
    return 'no "analysis": export with `--what articles --format jsonl`';
  return undefined;
}

export async function importJsonl(
  store: Store,
  lines: AsyncIterable<string>,
  opts: { source: string; onProgress?: (s: ImportSummary) => void },
): Promise<ImportSummary> {
  const s: ImportSummary = {
    lines: 0,
    ...noPutCounts(),
    links: 0,
    versions: 0,
    places: 0,
    pendingFetches: 0,
    quarantine: 0,
    entities: 0,
    entityRecords: 0,
  };
  for await (const line of lines) {
    s.lines++;
    if (!line.trim()) continue;
    let doc: unknown;
    let why: string | undefined;
    try {
      doc = JSON.parse(line);
      why = problem(doc);
    } catch (err) {
      why = `not JSON (${(err as Error).message})`;
    }
    if (why) {
      s.quarantined++;
      await store.quarantine({
        source: `${opts.source}:${s.lines}`,
        ruleId: 'import/bad-line',
        reason: `line ${s.lines}: ${why}`,
        at: new Date().toISOString(),
        raw: line.length > 4096 ? line.slice(0, 4096) : line,
      });
      continue;
    }
    if ('record' in (doc as object)) {
      const r = doc as ArchiveRecord;
      const to = store.archive;
      if (!to)
        throw new Error(
          `this ${store.kind} archive cannot take back ${r.record} records: import into a SQLite or PostgreSQL archive`,
        );
      if (r.record === 'link') {
        const { record: _, ...link } = r;
        if (await to.restoreLink(link)) s.links++;
      } else if (r.record === 'version') {
        const { record: _, ...version } = r;
        if (await to.restoreVersion?.(version)) s.versions++;
      } else if (r.record === 'place') {
        if (await to.restorePlace?.({ source: r.source, id: r.id })) s.places++;
      } else if (r.record === 'pending-fetch') {
        if (!store.fetchRetries)
          throw new Error(
            `this ${store.kind} archive cannot keep feed items waiting for their page: import into a SQLite or PostgreSQL archive`,
          );
        // the item's fields only: another key on the line is not written anywhere
        const { feed, item, link, fetches, firstAt, nextAt, ruleId, reason, data } = r;
        const pending = { feed, item, link, fetches, firstAt, nextAt, ruleId, reason, data };
        if (await store.fetchRetries.restore(pending)) s.pendingFetches++;
      } else if (r.record === 'quarantine') {
        const { record: _, ...entry } = r;
        if (await to.restoreQuarantine(entry)) s.quarantine++;
      } else {
        s.entityRecords++;
        if (await to.restoreEntity(r.entity)) s.entities++;
      }
      continue;
    }
    const d = doc as ProcessedArticle & { nearDuplicateOf?: string };
    const r = await store.put(d);
    countPut(s, r.status);
    if (s.lines % 500 === 0) opts.onProgress?.(s);
  }
  return s;
}
