/**
 * English and Arabic labels for the codes khabar's structured output carries — PLOVER event
 * types, sectors, section kinds, entity types — and English glosses for entities (display
 * name, post, country). Article text is never translated; only these labels are.
 */
import { gazetteer } from '../analyze/gazetteer/index.ts';
import type { Entity, Post } from '../model.ts';
import { transliterate } from '../text/transliterate.ts';
import {
  actorCode,
  actorWords,
  actorWordsText,
  ENTITY_TYPE_LABELS,
  type Label,
  type Lang,
  PLOVER_LABELS,
  SECTOR_LABELS,
  sectorLabel,
} from './codes.ts';
import { SECTION_LABELS } from './sections.ts';

export type { Lang };

export const LANGS: readonly Lang[] = ['ar', 'en'];

// The code tables and how an actor is said live in ./codes.ts, which the web app imports too.
export { ENTITY_TYPE_LABELS, PLOVER_LABELS, SECTOR_LABELS, sectorLabel };

export { SECTION_LABELS };

/** The fields an event concerns (data/events/contexts.tsv), as the events table names them. */
export const CONTEXT_LABELS: Record<string, Label> = {
  security: { en: 'security', ar: 'أمني' },
  military: { en: 'military', ar: 'عسكري' },
  political: { en: 'political', ar: 'سياسي' },
  economic: { en: 'economic', ar: 'اقتصادي' },
  diplomatic: { en: 'diplomatic', ar: 'دبلوماسي' },
  humanitarian: { en: 'humanitarian', ar: 'إنساني' },
  cultural: { en: 'cultural', ar: 'ثقافي' },
  energy: { en: 'energy', ar: 'طاقة' },
  migration: { en: 'migration', ar: 'هجرة' },
};

function pick(table: Record<string, Label>, code: string | undefined, lang: Lang): string | undefined {
  if (code === undefined) return undefined;
  return Object.hasOwn(table, code) ? table[code]?.[lang] : undefined;
}

/** The label of a PLOVER type; an unknown code comes back as is. */
export function ploverLabel(type: string, lang: Lang): string {
  return pick(PLOVER_LABELS, type, lang) ?? type;
}

/**
 * What tables print after a PLOVER type: its label in parentheses («AGREE (اتفاق)»), or nothing
 * when the label only repeats the code («AGREE», not «AGREE (Agree)» in English).
 */
export function ploverGloss(type: string, lang: Lang): string {
  const label = ploverLabel(type, lang);
  return label.toLowerCase() === type.toLowerCase() ? '' : ` (${label})`;
}

/** The label of a section kind; an unknown kind comes back as is. */
export function sectionLabel(kind: string, lang: Lang): string {
  return pick(SECTION_LABELS, kind, lang) ?? kind;
}

/** The label of an event context («economic» → «اقتصادي»); an unknown context comes back as is. */
export function contextLabel(context: string, lang: Lang): string {
  return pick(CONTEXT_LABELS, context, lang) ?? context;
}

/** The label of an entity type; an unknown type comes back as is. */
export function entityTypeLabel(type: string, lang: Lang): string {
  return pick(ENTITY_TYPE_LABELS, type, lang) ?? type;
}

/** A country's name from the gazetteer (ISO 3166-1 alpha-3); undefined when unknown. */
export function countryName(iso3: string, lang: Lang): string | undefined {
  const e = gazetteer().country(iso3.toUpperCase());
  if (!e) return undefined;
  return lang === 'ar' ? e.names.ar : (e.names.en ?? e.names.latin ?? transliterate(e.names.ar));
}

/**
 * The name of an actor key with no entity — a country code «EGY», or country and sector
 * «EGY/GOV», «---/GOV» (country unknown) — in `lang`, as `actorWords` says it on every surface:
 * «مصر (حكومة)», «حكومة (بلد غير معروف)», «مدنيون»; undefined for anything else.
 */
export function codeLabel(key: string, lang: Lang): string | undefined {
  const code = actorCode(key);
  if (!code) return undefined;
  const country = code.country ? countryName(code.country, lang) : undefined;
  if (code.country && !country) return undefined;
  const words = actorWords({ country, countryCode: code.country, sector: code.sector }, lang);
  return words ? actorWordsText(words) : undefined;
}

/**
 * A dyad end in `lang`: a country or country/sector key by its name, an entity id by its
 * entity's name (English, else transliteration; a post with its country: `entityName`); the
 * key itself when nothing is known.
 */
export function actorKeyLabel(key: string, lang: Lang, entities?: ReadonlyMap<string, Entity>): string {
  const e = entities?.get(key) ?? entities?.get(`country:${key}`);
  if (e) return entityName(e, lang);
  return codeLabel(key, lang) ?? key;
}

/** An entity's name for display: English (else its Latin transliteration) or Arabic. */
export function displayName(names: Entity['names'], lang: Lang): string {
  if (lang === 'ar') return names.ar;
  return names.en ?? names.latin ?? (transliterate(names.ar) || names.ar);
}

/**
 * An entity's name where it stands alone (a facet, a graph node, a partner, a story's actor):
 * `displayName`, except that a post keeps its country in English as its Arabic name does
 * («وزير الخارجية المصري» → «Minister of Foreign Affairs of Egypt», not a «Minister of Foreign
 * Affairs» that cannot be told from Jordan's). A name that already says the country is kept.
 */
export function entityName(entity: Pick<Entity, 'type' | 'names' | 'country' | 'post'>, lang: Lang): string {
  const name = displayName(entity.names, lang);
  if (lang === 'ar' || entity.type !== 'POST') return name;
  const code = entity.country ?? entity.post?.country;
  const country = code ? countryName(code, 'en') : undefined;
  if (!country || name.toLowerCase().includes(country.toLowerCase())) return name;
  return `${name} of ${country}`;
}

/**
 * A post in the chosen language: its English gloss when known; else the Arabic as written
 * (a transliterated title, «Wazir Al-Kharijiya», helps nobody).
 */
export function postLabel(post: Post, lang: Lang): string {
  if (lang === 'ar') return post.ar;
  return post.en ?? post.ar;
}

export interface EntityGloss {
  /** The display name in the chosen language. */
  display: string;
  /** The English name (or Latin transliteration). */
  name_en: string;
  type_label: string;
  post?: string;
  country?: string;
  sector?: string;
}

/** An entity's display name and the labels of its post, country and sector in `lang`. */
export function glossEntity(entity: Entity, lang: Lang): EntityGloss {
  const country = entity.country ?? entity.post?.country;
  const sector = entity.sector ?? entity.post?.sector;
  const countryText = country ? (countryName(country, lang) ?? country) : undefined;
  return {
    display: displayName(entity.names, lang),
    name_en: displayName(entity.names, 'en'),
    type_label: entityTypeLabel(entity.type, lang),
    ...(entity.post ? { post: postLabel(entity.post, lang) } : {}),
    ...(countryText ? { country: countryText } : {}),
    ...(sector ? { sector: sectorLabel(sector, lang) } : {}),
  };
}

/**
 * The language of the readable output from the locale: LC_ALL, then LC_MESSAGES, then LANG
 * (the first one set wins, as POSIX does); `ar…` → Arabic, anything else → English.
 */
export function langFromEnv(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^ar(?:[_.@-]|$)/i.test(locale) ? 'ar' : 'en';
}

/** Reads `ar`/`en` (also `ar-EG`, `en_US.UTF-8`); undefined for anything else. */
export function parseLang(value: string | undefined | null): Lang | undefined {
  if (!value) return undefined;
  const m = /^\s*(ar|en)(?:[_.@-]|\s*$)/i.exec(value);
  return m ? (m[1]!.toLowerCase() as Lang) : undefined;
}
