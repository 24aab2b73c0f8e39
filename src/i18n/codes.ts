/**
 * The labels of the codes every surface shows — PLOVER event types, sectors, entity types,
 * modalities — and how an actor is said in words: the one source for the API, the CLI and the
 * web app. Imports nothing at run time (as src/i18n/sections.ts), so the browser bundle
 * shares it with the server; src/i18n/glossary.ts re-exports it beside the gazetteer's names.
 */
import type { EntityType, EventRecord, PloverType, Sector } from '../model.ts';

export type Lang = 'ar' | 'en';

export interface Label {
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

/**
 * Sectors. IGO is «منظمة دولية», the newsroom's word (the Arab League, the UN, the Security
 * Council); «منظمة حكومية دولية» is the jurist's, and read beside a name as part of it.
 */
export const SECTOR_LABELS: Record<Sector, Label> = {
  GOV: { en: 'Government', ar: 'حكومة' },
  MIL: { en: 'Military', ar: 'جيش' },
  OPP: { en: 'Opposition', ar: 'معارضة' },
  REB: { en: 'Rebels', ar: 'متمردون' },
  CVL: { en: 'Civilians', ar: 'مدنيون' },
  MED: { en: 'Media', ar: 'إعلام' },
  BUS: { en: 'Business', ar: 'أعمال' },
  IGO: { en: 'Intergovernmental organization', ar: 'منظمة دولية' },
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

export const ENTITY_TYPE_LABELS: Record<EntityType, Label> = {
  PERS: { en: 'Person', ar: 'شخص' },
  ORG: { en: 'Organization', ar: 'منظمة' },
  LOC: { en: 'Place', ar: 'مكان' },
  GPE: { en: 'Country', ar: 'دولة' },
  POST: { en: 'Post', ar: 'منصب' },
  MISC: { en: 'Other', ar: 'أخرى' },
};

export const MODALITY_LABELS: Record<EventRecord['modality'], Label> = {
  happened: { en: 'happened', ar: 'وقع' },
  intended: { en: 'intended', ar: 'مُزمع' },
  denied: { en: 'denied', ar: 'منفيّ' },
  conditional: { en: 'conditional', ar: 'مشروط' },
};

/** A table's labels in one language (code → label). */
export function labelsIn<K extends string>(table: Record<K, Label>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<Label>(table).map(([k, l]) => [k, l[lang]])) as Record<K, string>;
}

/** The label of a sector code; an unknown code comes back as is. */
export function sectorLabel(code: string, lang: Lang): string {
  return Object.hasOwn(SECTOR_LABELS, code) ? SECTOR_LABELS[code as Sector][lang] : code;
}

/**
 * An actor key with no entity, as dyads carry it: a country «EGY», a country and a sector
 * «EGY/GOV», a sector of no known country «---/COP»; undefined for anything else (a bare «---»).
 */
export function actorCode(key: string): { country?: string; sector?: string } | undefined {
  const m = /^([A-Z]{3}|-{3})(?:\/([A-Z]{3}))?$/.exec(key);
  if (!m || (m[1] === '---' && !m[2])) return undefined;
  return { ...(m[1] !== '---' ? { country: m[1]! } : {}), ...(m[2] ? { sector: m[2] } : {}) };
}

/**
 * The sectors that belong to a state. Said alone — no name, no country — «حكومة» reads as a
 * government the reader should know (the relations graph showed a bare «حكومة» node), so it
 * is said «حكومة (بلد غير معروف)»; «مدنيون», «جماعة مسلحة» need no state.
 */
const STATE_SECTORS: ReadonlySet<string> = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

export const UNKNOWN_COUNTRY: Label = { ar: 'بلد غير معروف', en: 'country unknown' };

/** Letters compared without their variants: hamzated alefs as bare alef, case folded. */
const fold = (s: string) => s.replace(/[أإآ]/gu, 'ا').toLowerCase();

/**
 * Whether `text` already says `word` — a country's or a sector's label, or its adjective: «الحكومة
 * اللبنانية» says «لبنان» and «حكومة», «وزير الخارجية الأردني» says «الأردن», «Government of Lebanon»
 * says «Lebanon» and «Lebanese» does too. The word is compared by its stem (no «ال», no final «ا»/«ة»:
 * «سوريا» → «السوري»), of three letters at least.
 */
export function says(text: string, word: string): boolean {
  const stem = fold(word)
    .trim()
    .replace(/^ال/u, '')
    .replace(/[اةى]$/u, '');
  return stem.length >= 3 && fold(text).includes(stem);
}

/** An actor as the words to say it: a name, and a note said after it in parentheses. */
export interface ActorWords {
  name: string;
  note?: string;
}

/**
 * An actor in words, the same on every surface (API labels, CLI tables, the web app's panel and
 * graph): its name, then in ONE parenthesis what the name does not already say —
 * «محمد شياع السوداني (العراق، حكومة)», «مجلس الأمن (منظمة دولية)»; «الحكومة اللبنانية», not
 * «الحكومة اللبنانية (لبنان، حكومة)»; «فرنسا», not «فرنسا (فرنسا، حكومة)» (a country acting is its
 * government). With no name the country stands for it, «مصر (حكومة)»; with neither, the sector —
 * a state's with «(بلد غير معروف)». Never «مصر/حكومة» (a code's slash, not words).
 *
 * `name` is the actor's name in `lang`, `country` its country's name in `lang` (`countryCode` its
 * code) and `sector` its sector code; `entityId` tells a post (which says its side) and a
 * country acting as itself.
 */
export function actorWords(
  a: {
    entityId?: string | undefined;
    name?: string | undefined;
    country?: string | undefined;
    countryCode?: string | undefined;
    sector?: string | undefined;
  },
  lang: Lang,
): ActorWords | undefined {
  const { name, country } = a;
  const sector = a.sector ? sectorLabel(a.sector, lang) : undefined;
  const itself = a.countryCode !== undefined && a.entityId === `country:${a.countryCode}`;
  const showCountry = country && !(name && (itself || says(name, country)));
  // a post says its side («وزير الخارجية العراقي» is the government), as a country acting does
  const implied =
    a.entityId?.startsWith('post:') || (a.entityId?.startsWith('country:') && a.sector === 'GOV');
  const showSector = sector && !(name && (implied || says(name, sector)));
  const head = name || (showCountry ? country : undefined) || (showSector ? sector : undefined);
  if (!head) return undefined;
  const rest = [showCountry ? country : undefined, showSector ? sector : undefined].filter(
    (x): x is string => x !== undefined && x !== head,
  );
  if (rest.length) return { name: head, note: rest.join(lang === 'ar' ? '، ' : ', ') };
  // nothing but a state's sector: whose it is, unknown, is said
  if (!name && !country && a.sector && STATE_SECTORS.has(a.sector))
    return { name: head, note: UNKNOWN_COUNTRY[lang] };
  return { name: head };
}

/** `actorWords` as one line: «مصر (حكومة)». */
export function actorWordsText(w: ActorWords): string {
  return w.note ? `${w.name} (${w.note})` : w.name;
}
