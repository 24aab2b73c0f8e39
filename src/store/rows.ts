/**
 * What the store derives from one processed article before writing it: hashes, the analyzed
 * index text, sections, mentions, events with their actors, and facet values. Pure; shared
 * by the SQLite and PostgreSQL stores so both write the same rows.
 */
import { createHash } from 'node:crypto';
import { bandKeys, type Fingerprint, fingerprint, smallSignature } from '../ingest/dedup.ts';
import type { Entity, Post, ProcessedArticle } from '../model.ts';
import { analyzeText, IndexBuilder, type IndexedText, indexColumns, type Term } from '../search/analyze.ts';
import { calendarDay, metaTerms } from '../search/filter-terms.ts';

export interface SectionRow {
  ord: number;
  kind: string;
  label: string;
  speaker: string | null;
  text: string;
  start: number;
  end: number;
  index: IndexedText;
}

export interface MentionRow {
  ord: number;
  entityId: string | null;
  type: string;
  role: string;
  text: string;
  start: number;
  end: number;
}

export interface EventActorRow {
  role: 'source' | 'target';
  entityId: string | null;
  name: string | null;
  country: string | null;
  sector: string | null;
}

export interface EventRow {
  ord: number;
  id: string;
  type: string;
  day: string | null;
  doc: string;
  actors: EventActorRow[];
}

export interface DedupRows {
  /** Empty when the text is too short to match. */
  bands: number[];
  minhash: string;
  /** The full signature, to compare with stored minima. */
  sig: Uint32Array;
}

/**
 * The near-duplicate rows of a text (the same fingerprint ingest's in-memory index uses);
 * `fp`: its fingerprint when the caller has it already.
 */
export function dedupRows(text: string, fp: Fingerprint = fingerprint(text)): DedupRows {
  return { bands: bandKeys(fp), minhash: Buffer.from(smallSignature(fp.sig)).toString('hex'), sig: fp.sig };
}

export interface ArticleRows {
  id: string;
  outlet: string | null;
  url: string | null;
  title: string | null;
  published: string | null;
  /** `YYYY-MM-DD` as written in `published` (the outlet's own date). */
  day: string | null;
  /** UTC ISO instant for sorting (`published` as is when it cannot be parsed, '' when absent). */
  sortKey: string;
  language: string;
  lead: string | null;
  text: string;
  /** sha256 of the match-normalized word sequence: the same for exact duplicates. */
  textHash: string;
  /** sha256 of the whole processed document minus ingest time: the same for a re-ingest. */
  contentHash: string;
  /** Near-duplicate lookup (src/ingest/dedup.ts): LSH band keys and the 8-bit minima as hex. */
  dedup: DedupRows;
  doc: string;
  ingestedAt: string;
  /** `article.partial` (a feed teaser), null for a whole article. */
  partial: string | null;
  index: IndexedText;
  sections: SectionRow[];
  mentions: MentionRow[];
  events: EventRow[];
  facets: Array<{ kind: string; value: string }>;
  entities: Entity[];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The publication day as written, when it is a calendar date (month 01–12, day 01–31). */
function dayOf(published: string | undefined): string | null {
  const m = published ? /^(\d{4}-\d{2}-\d{2})/u.exec(published) : null;
  return m ? calendarDay(m[1]) : null;
}

function sortKeyOf(published: string | undefined): string {
  if (!published) return '';
  const t = Date.parse(published);
  return Number.isNaN(t) ? published : new Date(t).toISOString();
}

function countryOfEntity(e: Entity | undefined, id: string | undefined): string | undefined {
  if (e?.country) return e.country;
  const m = id ? /^country:([A-Z]{3})$/u.exec(id) : null;
  return m ? m[1] : undefined;
}

/** The lead the archive lists an article by (and an untitled one is named by: src/text/headline.ts). */
export function firstLead(doc: Pick<ProcessedArticle, 'article' | 'brief'>): string | null {
  const b = doc.brief;
  const block = b.lead[0] ?? b.body[0] ?? b.sections[0]?.paragraphs[0] ?? b.sections[0]?.items[0];
  const text = block?.text ?? doc.article.text.split(/\n/u).find((l) => l.trim());
  if (!text) return null;
  const t = text.trim();
  return t.length > 400 ? `${t.slice(0, 400)}…` : t;
}

/**
 * `JSON.stringify(doc)`, made from `content` — the JSON of the same document whose provenance
 * is `prov` (the ingest time left out) — by putting the whole provenance back in its place:
 * the document is serialized once, not twice. Serialized again when `prov`'s JSON is not
 * found exactly once.
 */
function withProvenance(content: string, prov: object, doc: ProcessedArticle): string {
  const without = `"provenance":${JSON.stringify(prov)}`;
  const at = content.indexOf(without);
  if (at < 0 || content.includes(without, at + 1)) return JSON.stringify(doc);
  return `${content.slice(0, at)}"provenance":${JSON.stringify(doc.article.provenance)}${content.slice(at + without.length)}`;
}

/** The JSON a document's `contentHash` is taken of: the document without its ingest time. */
function contentJson(doc: ProcessedArticle): { content: string; prov: object } {
  const { ingestedAt, ...prov } = doc.article.provenance;
  return { content: JSON.stringify({ ...doc, article: { ...doc.article, provenance: prov } }), prov };
}

/** `ArticleRows.contentHash` of `doc` alone (a document changed in place, e.g. moved). */
export const contentHashOf = (doc: ProcessedArticle): string => sha256(contentJson(doc).content);

/**
 * `analyze`: the search analyzer's terms of a text (`analyzeText`) — by default the index
 * columns are built straight from the words (`IndexBuilder`: the same columns, no `Term` per
 * word); a bulk loader may pass an analyzer that returns the same terms faster
 * (bench/search-bulk.ts memoizes it per sentence and checks it). `fp`: the fingerprint of
 * `article.text` when the caller computed it (ingest's dedup index), not computed again.
 */
export function articleRows(
  doc: ProcessedArticle,
  analyze?: (text: string) => Term[],
  fp?: Fingerprint,
): ArticleRows {
  const { article, brief, analysis } = doc;
  /** The body's forms, space-joined (the exact-duplicate key), and the title's and body's columns. */
  let bodyForms: string;
  let articleIndex: IndexedText;
  if (analyze) {
    const bodyTerms = analyze(article.text);
    bodyForms = bodyTerms.map((t) => t.form).join(' ');
    articleIndex = indexColumns(article.title ? [...analyze(article.title), ...bodyTerms] : bodyTerms);
  } else {
    const b = new IndexBuilder();
    if (article.title) b.add(article.title);
    const bodyFrom = b.size;
    b.add(article.text);
    ({ columns: articleIndex, forms: bodyForms } = b.columnsAndForms(bodyFrom));
  }
  const textHash = sha256(bodyForms);
  const { content, prov } = contentJson(doc);
  const contentHash = sha256(content);

  const sections: SectionRow[] = [];
  const addSection = (
    kind: string,
    label: string,
    speaker: string | undefined,
    blocks: { text: string }[],
    span: readonly [number, number],
  ) => {
    const text = blocks.map((b) => b.text).join('\n');
    if (!text.trim()) return;
    sections.push({
      ord: sections.length,
      kind,
      label,
      speaker: speaker ?? null,
      text,
      start: span[0],
      end: span[1],
      index: analyze ? indexColumns(analyze(text)) : new IndexBuilder().add(text).columns(),
    });
  };
  if (brief.lead.length) {
    const first = brief.lead[0]!.span;
    const last = brief.lead[brief.lead.length - 1]!.span;
    addSection('lead', 'lead', undefined, brief.lead, [first[0], last[1]]);
  }
  for (const s of brief.sections)
    addSection(s.kind, s.label, s.speaker, [...s.paragraphs, ...s.items], s.span);

  const entityById = new Map(analysis.entities.map((e) => [e.id, e]));
  const facets = new Map<string, { kind: string; value: string }>();
  const facet = (kind: string, value: string | undefined) => {
    if (value) facets.set(`${kind}\u0000${value}`, { kind, value });
  };
  if (article.outlet) facet('outlet', article.outlet);
  const day = dayOf(article.published);
  if (day) facet('month', day.slice(0, 7));
  for (const s of sections) facet('section', s.kind);

  // One row per mention and entity: a mention of several entities («الطرفان» → both parties
  // of the meeting) counts for each of them (the per-entity mention and article counts).
  const mentions: MentionRow[] = [];
  for (const m of analysis.mentions) {
    const ids = m.entityIds?.length ? m.entityIds : m.entityId ? [m.entityId] : [];
    for (const id of ids) {
      const e = entityById.get(id);
      const c = countryOfEntity(e, id);
      facet('country', c);
      if (!id.startsWith('country:')) facet('actor', id);
    }
    for (const entityId of ids.length ? ids : [null]) {
      mentions.push({
        ord: mentions.length,
        entityId,
        type: m.type,
        role: m.role,
        text: m.text,
        start: m.span[0],
        end: m.span[1],
      });
    }
  }

  const events: EventRow[] = analysis.events.map((ev, ord) => {
    facet('type', ev.type);
    const actors: EventActorRow[] = [];
    for (const [role, list] of [
      ['source', ev.source],
      ['target', ev.target],
    ] as const) {
      for (const a of list) {
        const country =
          a.country ?? countryOfEntity(a.entityId ? entityById.get(a.entityId) : undefined, a.entityId);
        facet('country', country);
        if (a.entityId && !a.entityId.startsWith('country:')) facet('actor', a.entityId);
        actors.push({
          role,
          entityId: a.entityId ?? null,
          name: a.name ?? null,
          country: country ?? null,
          sector: a.sector ?? null,
        });
      }
    }
    const evDay = ev.date?.value && /^\d{4}-\d{2}-\d{2}$/u.test(ev.date.value) ? ev.date.value : null;
    return { ord, id: ev.id, type: ev.type, day: evDay, doc: JSON.stringify(ev), actors };
  });

  return {
    id: article.id,
    outlet: article.outlet ?? null,
    url: article.url ?? null,
    title: article.title ?? null,
    published: article.published ?? null,
    day,
    sortKey: sortKeyOf(article.published),
    language: article.language,
    lead: firstLead(doc),
    text: article.text,
    textHash,
    contentHash,
    dedup: dedupRows(article.text, fp),
    doc: withProvenance(content, prov, doc),
    ingestedAt: article.provenance.ingestedAt,
    partial: article.partial ?? null,
    index: { ...articleIndex, meta: metaTerms(article.outlet, day) },
    sections,
    mentions,
    events,
    facets: [...facets.values()],
    entities: analysis.entities,
  };
}

/** Lookup keys of an entity: its id, its names match-normalized, and their Latin keys. */
export function entityKeys(e: Entity): string[] {
  const keys = new Set<string>([e.id]);
  const names = [e.names.ar, e.names.en, e.names.latin, ...e.names.aliases].filter((x): x is string =>
    Boolean(x),
  );
  for (const n of names) {
    const terms = analyzeText(n);
    if (terms.length === 0) continue;
    keys.add(terms.map((t) => t.form).join(' '));
    keys.add(terms.map((t) => t.bare).join(' '));
    const latin = terms.map((t) => t.latin).filter(Boolean);
    if (latin.length) keys.add(`~${latin.join(' ')}`);
    if (e.type === 'PERS') {
      const family = familyName(terms);
      if (family) {
        keys.add(family.map((t) => t.form).join(' '));
        const fl = family.map((t) => t.latin).filter(Boolean);
        if (fl.length) keys.add(`~${fl.join(' ')}`);
      }
    }
  }
  return [...keys];
}

/**
 * Bump when `entityKeys` gives other keys: a store opened for writing re-derives the keys of
 * every stored entity once (they are few: one row per person, body or place).
 */
export const ENTITY_KEYS_VERSION = 2;

/** Words that begin a compound name («عبد الله», «أبو مازن», «بن سلمان», «Abu Mazen»), match-normalized. */
const NAME_PARTICLES = new Set([
  'عبد',
  'ابو',
  'ابي',
  'بن',
  'ابن',
  'بنت',
  'ال',
  'ولد',
  'abd',
  'abdel',
  'abdul',
  'abu',
  'bin',
  'ibn',
  'bint',
  'al',
  'el',
  'ould',
]);

/**
 * The family name of a person's name of two words or more, so that `actor:لاريجاني` and
 * `actor:Larijani` find «علي لاريجاني»: the last word, with the particle before it when
 * there is one («عبد الله», «بن عبدالعزيز»); none when that would be the whole name or a
 * word of fewer than three letters. A given name alone («علي», «Ali») is not a key.
 */
function familyName<T extends { form: string }>(terms: T[]): T[] | undefined {
  if (terms.length < 2) return undefined;
  const last = terms[terms.length - 1]!;
  if ([...last.form].length < 3 || NAME_PARTICLES.has(last.form.toLowerCase())) return undefined;
  const before = terms[terms.length - 2]!;
  const family = NAME_PARTICLES.has(before.form.toLowerCase()) ? [before, last] : [last];
  return family.length < terms.length ? family : undefined;
}

/** The keys a user's actor value («لاريجاني», «Larijani», `person:ali-larijani`) may match. */
export function actorQueryKeys(value: string): string[] {
  const keys = new Set<string>([value]);
  const terms = analyzeText(value);
  if (terms.length) {
    keys.add(terms.map((t) => t.form).join(' '));
    keys.add(terms.map((t) => t.bare).join(' '));
    const latin = terms.map((t) => t.latin).filter(Boolean);
    if (latin.length) keys.add(`~${latin.join(' ')}`);
  }
  return [...keys];
}

/**
 * The post to keep across articles: the one stated by the later article (`asOf`); a dated
 * post wins over an undated one; otherwise the stored one stays.
 */
export function laterPost(old: Post | undefined, next: Post | undefined): Post | undefined {
  if (!old || !next) return old ?? next;
  return next.asOf && (!old.asOf || next.asOf > old.asOf) ? next : old;
}

/** Merges a newly seen entity into the stored one: aliases united, missing fields filled. */
export function mergeEntity(old: Entity, next: Entity): Entity {
  const aliases = new Set([...old.names.aliases, ...next.names.aliases]);
  for (const n of [next.names.ar]) if (n && n !== old.names.ar) aliases.add(n);
  aliases.delete(old.names.ar);
  const names = { ...next.names, ...old.names, aliases: [...aliases] };
  return {
    ...next,
    ...old,
    names,
    ...(old.post || next.post ? { post: laterPost(old.post, next.post)! } : {}),
    ...(old.externalIds || next.externalIds
      ? { externalIds: { ...next.externalIds, ...old.externalIds } }
      : {}),
  } as Entity;
}
