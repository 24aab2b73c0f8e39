/**
 * English glosses added to JSON output (CLI `--json`, API `?lang=en`): additive fields beside
 * the codes, never replacing them. `type_label` on events, `display`/`country_name`/
 * `sector_label` on actors, `name_en`/`display`/`post_en`/… on entities.
 */
import type { Actor, Entity, EventRecord } from '../model.ts';
import { transliterate } from '../text/transliterate.ts';
import { actorWords, actorWordsText } from './codes.ts';
import { type Lang, countryName, displayName, glossEntity, ploverLabel, sectorLabel } from './glossary.ts';

export interface ActorGloss {
  /** The actor's name in `lang` (English name, else transliteration; Arabic as written). */
  display?: string;
  country_name?: string;
  sector_label?: string;
}

/** Entities by id, to name an actor by its entity's English name. */
export type EntityIndex = ReadonlyMap<string, Entity>;

export function indexEntities(entities: readonly Entity[]): EntityIndex {
  return new Map(entities.map((e) => [e.id, e]));
}

export function glossActor(a: Actor, lang: Lang, entities?: EntityIndex): ActorGloss {
  const ent = a.entityId ? entities?.get(a.entityId) : undefined;
  let display: string | undefined;
  if (ent) display = displayName(ent.names, lang);
  else if (a.name) display = lang === 'ar' ? a.name : transliterate(a.name) || a.name;
  const country = a.country ? countryName(a.country, lang) : undefined;
  return {
    ...(display ? { display } : {}),
    ...(country ? { country_name: country } : {}),
    ...(a.sector ? { sector_label: sectorLabel(a.sector, lang) } : {}),
  };
}

/**
 * One actor list in words, each as every surface says it (`actorWords`): `Hakan Fidan (Türkiye,
 * Government) + …`, `Egypt (Government)`; `—` when empty.
 */
export function actorText(as: readonly Actor[], lang: Lang, entities?: EntityIndex): string {
  if (!as.length) return '—';
  return as
    .map((a) => {
      const g = glossActor(a, lang, entities);
      const words = actorWords(
        {
          entityId: a.entityId,
          name: g.display,
          country: g.country_name ?? a.country,
          countryCode: a.country,
          sector: a.sector,
        },
        lang,
      );
      return words ? actorWordsText(words) : '?';
    })
    .join(' + ');
}

export type GlossedEvent = EventRecord & {
  type_label: string;
  source: (Actor & ActorGloss)[];
  target: (Actor & ActorGloss)[];
};

/** The event with English (or `lang`) glosses added beside its codes. */
export function glossEvent(e: EventRecord, lang: Lang, entities?: EntityIndex): GlossedEvent {
  const actor = (a: Actor) => ({ ...a, ...glossActor(a, lang, entities) });
  return {
    ...e,
    type_label: ploverLabel(e.type, lang),
    source: e.source.map(actor),
    target: e.target.map(actor),
    ...(e.attribution?.speaker
      ? { attribution: { ...e.attribution, speaker: actor(e.attribution.speaker) } }
      : {}),
  };
}

export type GlossedEntity = Entity & {
  name_en: string;
  display: string;
  type_label: string;
  post_en?: string;
  country_name?: string;
  sector_label?: string;
};

/** The entity with its English (or `lang`) display name and labels added. */
export function glossEntityJson(e: Entity, lang: Lang): GlossedEntity {
  const g = glossEntity(e, lang);
  return {
    ...e,
    name_en: g.name_en,
    display: g.display,
    type_label: g.type_label,
    ...(e.post?.en ? { post_en: e.post.en } : {}),
    ...(g.country ? { country_name: g.country } : {}),
    ...(g.sector ? { sector_label: g.sector } : {}),
  };
}
