/**
 * English and Arabic labels for the codes khabar's structured output carries — PLOVER event
 * types, sectors, section kinds, entity types — and English glosses for entities (display
 * name, post, country). Article text is never translated; only these labels are.
 */
import { gazetteer } from '../analyze/gazetteer/index.ts';
import type { Entity, EntityType, PloverType, Post, Sector } from '../model.ts';
import { transliterate } from '../text/transliterate.ts';
import { SECTION_LABELS } from './sections.ts';

export type Lang = 'ar' | 'en';

export const LANGS: readonly Lang[] = ['ar', 'en'];

interface Label {
  en: string;
  ar: string;
}

export const PLOVER_LABELS: Record<PloverType, Label> = {
  AGREE: { en: 'Agree', ar: 'اتفاق' },
  CONSULT: { en: 'Consult', ar: 'تشاور' },
  SUPPORT: { en: 'Support', ar: 'تأييد' },
  CONCEDE: { en: 'Concede', ar: 'تنازل' },
  COOPERATE: { en: 'Cooperate', ar: 'تعاون' },
  AID: { en: 'Aid', ar: 'مساعدة' },
  RETREAT: { en: 'Retreat', ar: 'انسحاب' },
  REQUEST: { en: 'Request', ar: 'طلب' },
  ACCUSE: { en: 'Accuse', ar: 'اتهام' },
  REJECT: { en: 'Reject', ar: 'رفض' },
  THREATEN: { en: 'Threaten', ar: 'تهديد' },
  PROTEST: { en: 'Protest', ar: 'احتجاج' },
  SANCTION: { en: 'Sanction', ar: 'عقوبات' },
  MOBILIZE: { en: 'Mobilize', ar: 'تعبئة' },
  COERCE: { en: 'Coerce', ar: 'إكراه' },
  ASSAULT: { en: 'Assault', ar: 'اعتداء' },
};

export const SECTOR_LABELS: Record<Sector, Label> = {
  GOV: { en: 'Government', ar: 'حكومة' },
  MIL: { en: 'Military', ar: 'جيش' },
  OPP: { en: 'Opposition', ar: 'معارضة' },
  REB: { en: 'Rebels', ar: 'متمردون' },
  CVL: { en: 'Civilians', ar: 'مدنيون' },
  MED: { en: 'Media', ar: 'إعلام' },
  BUS: { en: 'Business', ar: 'أعمال' },
  IGO: { en: 'Intergovernmental organization', ar: 'منظمة حكومية دولية' },
  NGO: { en: 'Non-governmental organization', ar: 'منظمة غير حكومية' },
  JUD: { en: 'Judiciary', ar: 'قضاء' },
  LEG: { en: 'Legislature', ar: 'سلطة تشريعية' },
  PTY: { en: 'Political party', ar: 'حزب سياسي' },
  REL: { en: 'Religious', ar: 'جهة دينية' },
  EDU: { en: 'Education', ar: 'تعليم' },
  HLH: { en: 'Health', ar: 'صحة' },
  SPY: { en: 'Intelligence', ar: 'استخبارات' },
  COP: { en: 'Police', ar: 'شرطة' },
  UAF: { en: 'Armed group', ar: 'جماعة مسلحة' },
};

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

export const ENTITY_TYPE_LABELS: Record<EntityType, Label> = {
  PERS: { en: 'Person', ar: 'شخص' },
  ORG: { en: 'Organization', ar: 'منظمة' },
  LOC: { en: 'Place', ar: 'مكان' },
  GPE: { en: 'Country', ar: 'دولة' },
  POST: { en: 'Post', ar: 'منصب' },
  MISC: { en: 'Other', ar: 'أخرى' },
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

/** The label of a sector code; an unknown code comes back as is. */
export function sectorLabel(code: string, lang: Lang): string {
  return pick(SECTOR_LABELS, code, lang) ?? code;
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
 * «EGY/GOV», «---/COP» (country unknown: the sector alone) — in `lang`; undefined for anything else.
 */
export function codeLabel(key: string, lang: Lang): string | undefined {
  const m = /^([A-Z]{3}|-{3})(?:\/([A-Z]{3}))?$/.exec(key);
  if (!m) return undefined;
  // Country unknown: the sector alone («Police», not «?/Police»); a bare «---» stays as it is.
  if (m[1] === '---') return m[2] ? sectorLabel(m[2], lang) : undefined;
  const country = countryName(m[1]!, lang);
  if (!country) return undefined;
  return m[2] ? `${country}/${sectorLabel(m[2], lang)}` : country;
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
