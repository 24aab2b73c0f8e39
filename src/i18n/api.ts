/**
 * The API's language: `?lang=ar|en` wins, else the preferred of `ar`/`en` in Accept-Language
 * (by q-value, first listed on ties), else Arabic (no glosses). English adds glosses beside
 * the codes of articles, events and entities; nothing is removed or translated.
 */
import type { Actor, Entity, EventRecord, Section } from '../model.ts';
import { glossEntityJson, glossEvent, indexEntities } from './gloss.ts';
import type { Facets, Store } from '../store/store.ts';
import {
  type Lang,
  codeLabel,
  countryName,
  displayName,
  entityName,
  parseLang,
  sectionLabel,
} from './glossary.ts';

/** The preferred of `ar` and `en` in an Accept-Language header; undefined when neither is listed. */
export function acceptLang(header: string | undefined | null): Lang | undefined {
  if (!header) return undefined;
  let best: { lang: Lang; q: number } | undefined;
  for (const part of header.split(',')) {
    const [tag, ...params] = part.trim().split(';');
    const lang = parseLang(tag);
    if (!lang) continue;
    const qp = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const q = qp === undefined ? 1 : Number(qp);
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { lang, q };
  }
  return best?.lang;
}

/** The language an API request names: `?lang=` first, then Accept-Language; undefined when neither says. */
export function askedLang(
  query: string | undefined,
  acceptLanguage: string | undefined | null,
): Lang | undefined {
  return parseLang(query) ?? acceptLang(acceptLanguage);
}

/** The language an API request asks for: `?lang=` first, then Accept-Language; default Arabic. */
export function requestLang(query: string | undefined, acceptLanguage: string | undefined | null): Lang {
  return askedLang(query, acceptLanguage) ?? 'ar';
}

/**
 * Events with English glosses when `lang` is English. In Arabic the codes stay bare, but an
 * actor whose entity is known gains `display`, the entity's Arabic name: an actor's `name` is
 * the archive's key for it, in English («Minister of Foreign Affairs of Jordan» for «وزير
 * الخارجية الأردني»), and an Arabic answer must not name people and posts in English.
 */
export function glossEvents<E extends EventRecord>(
  events: E[],
  lang: Lang,
  entities: readonly Entity[] = [],
): E[] {
  const index = indexEntities(entities);
  if (lang !== 'en') return index.size ? events.map((e) => arabicActorNames(e, index)) : events;
  return events.map((e) => ({ ...e, ...glossEvent(e, 'en', index) }));
}

function arabicActorNames<E extends EventRecord>(e: E, index: ReadonlyMap<string, Entity>): E {
  const actor = (a: Actor): Actor & { display?: string } => {
    const ent = a.entityId ? index.get(a.entityId) : undefined;
    return ent ? { ...a, display: ent.names.ar } : a;
  };
  const speaker = e.attribution?.speaker;
  return {
    ...e,
    source: e.source.map(actor),
    target: e.target.map(actor),
    ...(speaker && e.attribution ? { attribution: { ...e.attribution, speaker: actor(speaker) } } : {}),
  };
}

/**
 * The stored entities the events' actors (and quoted speakers) name, each looked up once —
 * at most `cap` of them —, to name them in either language where the answer has no entity
 * list of its own (GET /api/events, an entity's events).
 */
export async function actorEntities(
  store: Store,
  events: readonly EventRecord[],
  cap = 500,
): Promise<Entity[]> {
  const ids = new Set<string>();
  for (const e of events)
    for (const a of [...e.source, ...e.target, ...(e.attribution?.speaker ? [e.attribution.speaker] : [])])
      if (a.entityId) ids.add(a.entityId);
  const views = await Promise.all([...ids].slice(0, cap).map((id) => store.entity(id)));
  return views.flatMap((v) => (v ? [v.entity] : []));
}

/** Entities with English glosses when `lang` is English; unchanged otherwise. */
export function glossEntities<E extends Entity>(entities: E[], lang: Lang): E[] {
  if (lang !== 'en') return entities;
  return entities.map((e) => ({ ...e, ...glossEntityJson(e, 'en') }));
}

/** Brief sections with `label_en` (the section kind's English label) when `lang` is English. */
export function glossSections(sections: Section[], lang: Lang): Section[] {
  if (lang !== 'en') return sections;
  return sections.map((s) => ({ ...s, label_en: sectionLabel(s.kind, 'en') }));
}

/**
 * Labels for dyad nodes: countries resolve through `country:XXX` entities when stored.
 * In English, `label_en` is added: the country's English name, or the actor's English name
 * (else its transliteration).
 */
export async function nodeLabels(
  store: Store,
  ids: string[],
  level: 'country' | 'actor',
  lang: Lang = 'ar',
): Promise<Record<string, { label?: string; label_en?: string }>> {
  const out: Record<string, { label?: string; label_en?: string }> = {};
  await Promise.all(
    ids.slice(0, 300).map(async (id) => {
      const view = await store.entity(level === 'country' ? `country:${id}` : id);
      if (!view && level === 'actor') {
        // An actor with no entity is keyed by its country and sector: «EGY», «EGY/GOV», «---/COP».
        const code = codeLabels(id, lang);
        if (code) out[id] = code;
        return;
      }
      const en =
        lang !== 'en'
          ? undefined
          : level === 'country'
            ? (countryName(id, 'en') ?? (view ? displayName(view.entity.names, 'en') : undefined))
            : view
              ? entityName(view.entity, 'en')
              : undefined;
      // A state no article names as such (only its places: «قطاع غزة» → PSE) is still named.
      const ar = view ? view.entity.names.ar : level === 'country' ? countryName(id, 'ar') : undefined;
      if (ar || en) out[id] = { ...(ar ? { label: ar } : {}), ...(en ? { label_en: en } : {}) };
    }),
  );
  return out;
}

/** The Arabic (and, in English, the English) label of an actor key «EGY/GOV»; undefined otherwise. */
function codeLabels(id: string, lang: Lang): { label: string; label_en?: string } | undefined {
  const ar = codeLabel(id, 'ar');
  if (!ar) return undefined;
  const en = lang === 'en' ? codeLabel(id, 'en') : undefined;
  return { label: ar, ...(en ? { label_en: en } : {}) };
}

/**
 * Search facets with `label_en` on actors and countries when `lang` is English (the entity's
 * English name, else its transliteration; the country's English name); unchanged otherwise.
 */
export async function glossFacets(store: Store, facets: Facets, lang: Lang): Promise<Facets> {
  if (lang !== 'en') return facets;
  const [actors, countries] = await Promise.all([
    nodeLabels(
      store,
      [...facets.actors, ...facets.places].map((v) => v.value),
      'actor',
      lang,
    ),
    nodeLabels(
      store,
      facets.countries.map((v) => v.value),
      'country',
      lang,
    ),
  ]);
  const withEn = (vs: Facets['actors'], names: typeof actors) =>
    vs.map((v) => {
      const en = names[v.value]?.label_en;
      return en ? { ...v, label_en: en } : v;
    });
  return {
    ...facets,
    actors: withEn(facets.actors, actors),
    places: withEn(facets.places, actors),
    countries: withEn(facets.countries, countries),
  };
}
