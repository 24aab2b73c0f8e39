/** Read-only routes: articles, search, entities, events, relations. */
import type { Lang } from '../../i18n/glossary.ts';
import { localizedNotes } from '../../i18n/search-notes.ts';
import type { Hono } from 'hono';
import {
  actorEntities,
  glossEntities,
  glossEvents,
  glossFacets,
  glossSections,
  nodeLabels,
  requestLang,
} from '../../i18n/api.ts';
import { gazetteer } from '../../analyze/gazetteer/index.ts';
import {
  type DatedEvent,
  type DyadLevel,
  dyads as dyadsOf,
  eventWeight,
  pairsOf,
  periodOf,
} from '../../analyze/relations.ts';
import { composeStored } from '../../compose/compose.ts';
import { fail } from '../../errors.ts';
import { articleDate } from '../../ingest/text-date.ts';
import type { Dyad, Entity } from '../../model.ts';
import { knownCountry } from '../../search/countries.ts';
import { unknownCountry } from '../../search/query.ts';
import { ambiguousActorNote } from '../../store/search.ts';
import type { EntityView, EventFilter, SearchFilters, Store, StoredEvent } from '../../store/store.ts';
import { problems } from '../problem.ts';
import {
  articleQuery,
  articlesQuery,
  entitiesQuery,
  entityQuery,
  eventsQuery,
  relationsQuery,
  searchQuery,
} from '../schemas.ts';
import { parseId, parseQuery } from '../validate.ts';

export interface Partner {
  id: string;
  label?: string;
  events: number;
  score: number;
}

/** The key an entity has in dyads: a country code for countries, else the entity id. */
export function dyadKey(entity: Entity): { level: 'country' | 'actor'; key: string } {
  const m = /^country:([A-Z]{3})$/.exec(entity.id);
  if (m?.[1]) return { level: 'country', key: m[1] };
  return { level: 'actor', key: entity.id };
}

/**
 * An entity's partners over its events: for each actor it has a pair with (either way, as
 * `dyads` pairs them), the events they share — each once — and their mean cooperation–conflict
 * weight, most shared first. Summing the pair's two directions' dyads counted an event
 * of two sides twice: Oman's page gave Iran 10 events of the 7 Oman has (all «اتفق/بحث
 * الجانبان», reciprocal). Only the entity's pairs are counted, not every pair of its events.
 */
export function partnersOf(events: DatedEvent[], key: string, level: DyadLevel, limit: number): Partner[] {
  const acc = new Map<string, { events: number; sum: number }>();
  const others = new Set<string>();
  for (const e of events) {
    if (e.negated || e.modality === 'denied') continue;
    others.clear();
    for (const [s, t] of pairsOf(e, level)) {
      if (s === key && t !== key) others.add(t);
      else if (t === key && s !== key) others.add(s);
    }
    if (others.size === 0) continue;
    const w = eventWeight(e);
    for (const o of others) {
      const a = acc.get(o);
      if (a) {
        a.events++;
        a.sum += w;
      } else acc.set(o, { events: 1, sum: w });
    }
  }
  return [...acc]
    .map(([id, a]) => ({ id, events: a.events, score: round(a.sum / a.events) }))
    .sort((x, y) => y.events - x.events || x.id.localeCompare(y.id))
    .slice(0, limit);
}

/** The store answers at most this many events a call. */
const EVENT_PAGE = 1000;
/** An entity page reads at most this many of its events (newest first) for its timeline and partners. */
export const ENTITY_EVENT_CAP = 20_000;

/** The events of a filter, newest first, read page by page up to `cap`; `total` counts them all. */
export async function eventsOf(
  store: Store,
  filter: Omit<EventFilter, 'limit' | 'offset'>,
  cap = ENTITY_EVENT_CAP,
): Promise<{ total: number; items: StoredEvent[] }> {
  if (store.eventsUpTo) return store.eventsUpTo(filter, cap);
  const items: StoredEvent[] = [];
  let total = 0;
  for (let offset = 0; offset < cap; offset += EVENT_PAGE) {
    const r = await store.events({ ...filter, limit: Math.min(EVENT_PAGE, cap - offset), offset });
    total = r.total;
    items.push(...r.items);
    if (r.items.length === 0 || items.length >= total) break;
  }
  return { total, items };
}

/**
 * A country code from a relations `actor` at country level: `TUN`, `country:TUN`, or a name
 * as the query language's `country:` takes it (`تونس`, `Tunisia`, `country:تونس`; resolved by
 * src/search/countries.ts). The store's `actor` filter matches entity ids and names, so a
 * country's dyads are built here from every event with an actor of that country (people,
 * bodies, the state). An unknown code is kept (upper-cased): `unknownCountryActor` flags it.
 */
export function countryCode(actor: string | undefined): string | undefined {
  if (!actor?.trim()) return undefined;
  const v = actor.trim().replace(/^country:/i, '');
  const known = knownCountry(v);
  if (known) return known;
  return /^[A-Za-z]{3}$/.test(v) ? v.toUpperCase() : undefined;
}

/**
 * Why a relations `actor` at country level names no country — a code or `country:` value the
 * gazetteer does not know (`ZZZ`, `country:Atlantis`) —, else undefined.
 */
export function unknownCountryActor(actor: string | undefined): string | undefined {
  const v = actor?.trim() ?? '';
  const named = /^country:/i.test(v) || /^[A-Za-z]{3}$/.test(v);
  const value = v.replace(/^country:/i, '');
  return named && !knownCountry(value) ? unknownCountry(value) : undefined;
}

/**
 * The dyads of an archive as GET /api/relations gives them (and `khabar relations --db`): at
 * country level with a country `actor`, built from every event with an actor of that country;
 * otherwise the store's dyads. The `limit` most active, and how many there are in all. An
 * `actor` that no event or entity of the archive names at all (whatever the dates) is
 * ACTOR_NOT_FOUND — a 404, as an unknown entity id is —, not an empty list that looks like a
 * quiet actor: «nobody» and a mistyped id answered `{"dyads": []}` with no word of why. A
 * country the gazetteer knows is an actor whatever the archive holds: its empty list stays
 * (an unknown code is refused before, by `unknownCountryActor`).
 */
export async function archiveDyads(
  store: Store,
  q: {
    level: 'country' | 'actor';
    actor?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
  },
): Promise<{ total: number; dyads: Dyad[] }> {
  const code = q.level === 'country' ? countryCode(q.actor) : undefined;
  const range = { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}) };
  const all = code
    ? dyadsOf((await eventsOf(store, { country: code, ...range })).items, { level: 'country' }).filter(
        (d) => d.source === code || d.target === code,
      )
    : await store.dyads({ level: q.level, ...(q.actor ? { actor: q.actor } : {}), ...range });
  const actor = q.actor?.trim();
  if (actor && !code && all.length === 0 && !(await actorKnown(store, actor)))
    throw fail('ACTOR_NOT_FOUND', actor);
  return { total: all.length, dyads: [...all].sort((a, b) => b.total - a.total).slice(0, q.limit) };
}

/**
 * A state the gazetteer knows that no article of the archive names as such — only its places
 * or its people («قطاع غزة», «مدنيون فلسطينيون» → PSE) —, as its page shows it: its events
 * (the route answers 404 when it has none), no mention of its own. The relations graph and an
 * entity's partners name such a state («فلسطين») and link to its page, which said «no entity
 * with this id».
 */
function unnamedCountry(id: string): EntityView | undefined {
  const e = gazetteer().country(/^country:([A-Z]{3})$/.exec(id)?.[1] ?? '');
  if (!e) return undefined;
  const entity: Entity = {
    id: e.id,
    type: e.type,
    names: e.names,
    ...(e.country ? { country: e.country } : {}),
    ...(e.externalIds ? { externalIds: e.externalIds } : {}),
  };
  return { entity, articles: 0, mentions: 0 };
}

/** Whether an event of the archive names `actor`, or an entity has that id. */
async function actorKnown(store: Store, actor: string): Promise<boolean> {
  if ((await store.events({ actor, limit: 1 })).total > 0) return true;
  return Boolean(await store.entity(actor));
}

/**
 * The `ambiguous-actor` note of an `actor` filter value that names several entities (a family
 * name two people share): the answer holds the events of each, and the note lists their ids to
 * narrow by one. Undefined for an id, a name of one entity, or none.
 */
async function actorNotes(store: Store, actor: string | undefined, lang: Lang) {
  const value = actor?.trim();
  if (!value || !store.actorEntities) return undefined;
  const note = ambiguousActorNote(value, await store.actorEntities(value));
  return note ? localizedNotes([note], lang) : undefined;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

export function readRoutes(app: Hono, store: Store, entityEventCap = ENTITY_EVENT_CAP): void {
  app.get('/api/articles', async (c) => {
    const q = parseQuery(c, articlesQuery);
    const r = await store.list({
      limit: q.limit,
      offset: q.offset,
      ...(q.outlet ? { outlet: q.outlet } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    });
    return c.json({ total: r.total, limit: q.limit, offset: q.offset, items: r.items });
  });

  app.get('/api/articles/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'article');
    const q = parseQuery(c, articleQuery);
    // An earlier version (an edited file, a changed record) is answered too, with `article.superseded`.
    const doc = (await store.get(id)) ?? (await store.version?.(id));
    if (!doc) throw problems.notFound('article', id);
    const versions = doc.article.superseded ? [] : ((await store.versions?.(id)) ?? []);
    const { analysis } = doc;
    // ?lang=en or Accept-Language: en adds English glosses beside the codes (src/i18n/api.ts).
    const lang = requestLang(q.lang, c.req.header('accept-language'));
    const date = articleDate(doc.article, analysis.dates);
    // ?brief=composed: drafted from the text as `khabar compose` drafts it.
    const brief = q.brief === 'composed' ? composeStored(doc) : doc.brief;
    return c.json({
      article: doc.article,
      brief: { ...brief, sections: glossSections(brief.sections, lang) },
      mentions: analysis.mentions,
      entities: glossEntities(analysis.entities, lang),
      events: glossEvents(analysis.events, lang, analysis.entities),
      dates: analysis.dates,
      // The article's one date (as search filters and counts by it), and whether its text gave it.
      ...(date ? { published: date } : {}),
      // The earlier versions it replaced (each readable here by its id).
      ...(versions.length ? { versions } : {}),
      messages: [...doc.article.warnings, ...brief.messages, ...analysis.messages],
    });
  });

  app.get('/api/search', async (c) => {
    const q = parseQuery(c, searchQuery);
    const filters: SearchFilters = {
      ...(q.actor?.length ? { actor: q.actor } : {}),
      ...(q.country?.length ? { country: q.country } : {}),
      ...(q.type?.length ? { type: q.type } : {}),
      ...(q.outlet?.length ? { outlet: q.outlet } : {}),
      ...(q.section?.length ? { section: q.section } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
    };
    const r = await store.search({
      q: q.q,
      filters,
      sort: q.sort,
      facets: q.facets === 'true',
      limit: q.limit,
      offset: q.offset,
    });
    // In English, actor and country facets gain `label_en` (English name or transliteration).
    const lang = requestLang(q.lang, c.req.header('accept-language'));
    if (r.facets) r.facets = await glossFacets(store, r.facets, lang);
    // Notes: a stable code, its values, and the text in the asked language.
    const notes = localizedNotes(r.notes, lang);
    return c.json({ ...r, ...(notes ? { notes } : {}), limit: q.limit, offset: q.offset });
  });

  app.get('/api/entities', async (c) => {
    const q = parseQuery(c, entitiesQuery);
    const r = await store.entities({
      limit: q.limit,
      offset: q.offset,
      ...(q.type ? { type: q.type } : {}),
      ...(q.country ? { country: q.country } : {}),
      ...(q.q ? { q: q.q } : {}),
    });
    const lang = requestLang(q.lang, c.req.header('accept-language'));
    const items =
      lang === 'en' ? r.items.map((v) => ({ ...v, entity: glossEntities([v.entity], lang)[0]! })) : r.items;
    return c.json({ total: r.total, limit: q.limit, offset: q.offset, items });
  });

  app.get('/api/entities/:id', async (c) => {
    const id = parseId(c.req.param('id'), 'entity');
    const q = parseQuery(c, entityQuery);
    const stored = await store.entity(id);
    const view = stored ?? unnamedCountry(id);
    if (!view) throw problems.notFound('entity', id);
    const lang = requestLang(q.lang, c.req.header('accept-language'));
    const { level, key } = dyadKey(view.entity);
    // A country's events are those of any actor of that country (its minister, its army, the
    // state itself); another entity's are those naming it. Partners and the timeline are
    // counted over the same events the list shows (the newest `entityEventCap` of them).
    const filter = level === 'country' ? { country: key } : { actor: key };
    const all = await eventsOf(store, filter, entityEventCap);
    if (!stored && all.total === 0) throw problems.notFound('entity', id);
    const partners = partnersOf(all.items, key, level, q.partners);
    // A page of its events, newest first (`eventsOffset`, `events`): from those read, else — past
    // the `entityEventCap` read — from the store, in the same order.
    const end = q.eventsOffset + q.events;
    const shown =
      end <= all.items.length || all.items.length >= all.total
        ? all.items.slice(q.eventsOffset, end)
        : (await store.events({ ...filter, limit: q.events, offset: q.eventsOffset })).items;
    const names = await nodeLabels(
      store,
      partners.map((p) => p.id),
      level,
      lang,
    );
    // Events over time: each event once, in the month it happened (else of its article).
    const periods = new Map<string, number>();
    // A date the archive holds in another form than ISO (e.g. «31/12/2016» kept as given)
    // counts as undated rather than as a month named «31/12/2».
    for (const e of all.items) {
      const m = periodOf(e, 'month');
      const p = /^\d{4}(-\d{2})?$/.test(m) ? m : 'unknown';
      periods.set(p, (periods.get(p) ?? 0) + 1);
    }
    // A country's articles as its events and the page's link to them count them: every article the
    // `country:` filter finds (one naming its people, places or bodies too), not only those naming
    // the country itself — the page said 3 for Tunisia on the examples and its link listed 4.
    const found =
      level === 'country'
        ? await store.search({ q: '', filters: { country: [key] }, facets: false, limit: 1 })
        : undefined;
    return c.json({
      ...view,
      ...(found?.totalExact ? { articles: found.total } : {}),
      entity: glossEntities([view.entity], lang)[0]!,
      events: glossEvents(shown, lang, await actorEntities(store, shown)),
      eventsTotal: all.total,
      eventsOffset: q.eventsOffset,
      timeline: [...periods]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([period, n]) => ({ period, events: n })),
      partners: partners.map((p) => ({ ...p, ...names[p.id] })),
    });
  });

  app.get('/api/events', async (c) => {
    const q = parseQuery(c, eventsQuery);
    const r = await store.events({
      limit: q.limit,
      offset: q.offset,
      ...(q.type?.length ? { type: q.type } : {}),
      ...(q.country ? { country: q.country } : {}),
      ...(q.actor ? { actor: q.actor } : {}),
      ...(q.from ? { from: q.from } : {}),
      ...(q.to ? { to: q.to } : {}),
      ...(q.articleId ? { articleId: q.articleId } : {}),
    });
    // No events for an article or actor the archive does not hold at all is a 404 naming it, as
    // for /api/relations and an unknown article id — not an empty page that looks like a quiet one.
    if (r.total === 0 && q.articleId && !(await store.get(q.articleId)))
      throw problems.notFound('article', q.articleId);
    if (
      r.total === 0 &&
      q.actor &&
      !knownCountry(q.actor.trim().replace(/^country:/i, '')) &&
      !(await actorKnown(store, q.actor))
    )
      throw fail('ACTOR_NOT_FOUND', q.actor);
    const lang = requestLang(q.lang, c.req.header('accept-language'));
    const items = glossEvents(r.items, lang, await actorEntities(store, r.items));
    const notes = await actorNotes(store, q.actor, lang);
    return c.json({ total: r.total, limit: q.limit, offset: q.offset, items, ...(notes ? { notes } : {}) });
  });

  app.get('/api/relations', async (c) => {
    const q = parseQuery(c, relationsQuery);
    const unknown = q.level === 'country' ? unknownCountryActor(q.actor) : undefined;
    if (unknown)
      throw problems.validation('query string', [{ in: 'query', path: 'actor', message: unknown }]);
    const { total, dyads } = await archiveDyads(store, q);
    const ids = [...new Set(dyads.flatMap((d) => [d.source, d.target]))];
    const lang = requestLang(q.lang, c.req.header('accept-language'));
    const names = await nodeLabels(store, ids, q.level, lang);
    const notes = q.level === 'actor' ? await actorNotes(store, q.actor, lang) : undefined;
    return c.json({
      level: q.level,
      total,
      nodes: ids.map((id) => ({ id, ...names[id] })),
      dyads,
      ...(notes ? { notes } : {}),
    });
  });
}
