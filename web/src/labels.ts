import type { DateRef } from '../../src/model.ts';
import { type CountedNoun, countedNoun } from '../../src/i18n/counted.ts';
import { dateText } from '../../src/i18n/dates.ts';
import {
  actorCode,
  ENTITY_TYPE_LABELS,
  type Label,
  labelsIn,
  MODALITY_LABELS,
  PLOVER_LABELS,
  SECTOR_LABELS,
} from '../../src/i18n/codes.ts';
import { sectionLabelsIn } from '../../src/i18n/sections.ts';
import { COUNTRY_EN, entityName, lang, localized, SECTION_EN, t } from './i18n.ts';

/** Whether a text already says a country or a sector (src/i18n/codes.ts). */
export { says } from '../../src/i18n/codes.ts';

/**
 * Labels for codes the API returns: Arabic, or English when the interface is English
 * (`localized`, web/src/i18n.ts) — the server's tables (src/i18n/codes.ts), so the web app says
 * what the API and the CLI say. The `_AR` names are kept for the existing call sites.
 */

/** A shared table (src/i18n/codes.ts) answering in the interface language. */
const both = (table: Record<string, Label>) => localized(labelsIn(table, 'ar'), labelsIn(table, 'en'));

export const PLOVER_AR: Record<string, string> = both(PLOVER_LABELS);

export const ENTITY_TYPE_AR: Record<string, string> = both(ENTITY_TYPE_LABELS);

export const MODALITY_AR: Record<string, string> = both(MODALITY_LABELS);

export const SECTION_AR: Record<string, string> = localized(sectionLabelsIn('ar'), SECTION_EN);

export const SECTOR_AR: Record<string, string> = both(SECTOR_LABELS);

/**
 * Common ISO 3166-1 alpha-3 codes in Arabic (the API's own labels win when present): the
 * gazetteer's names (data/gazetteer, `countryName` in src/i18n/glossary.ts), which the API
 * and the CLI say — one spelling on every surface (test/web/country-labels.test.ts). Oman is
 * «عمان», as the relations table had it from the API while event actors said «عُمان (حكومة)»;
 * Jordan's capital is the gazetteer's «عمّان», another entity.
 */
const COUNTRY_AR: Record<string, string> = {
  IRN: 'إيران',
  PAK: 'باكستان',
  SAU: 'السعودية',
  ISR: 'إسرائيل',
  PSE: 'فلسطين',
  EGY: 'مصر',
  JOR: 'الأردن',
  SYR: 'سوريا',
  IRQ: 'العراق',
  LBN: 'لبنان',
  TUN: 'تونس',
  DZA: 'الجزائر',
  MAR: 'المغرب',
  LBY: 'ليبيا',
  USA: 'الولايات المتحدة',
  RUS: 'روسيا',
  CHN: 'الصين',
  TUR: 'تركيا',
  QAT: 'قطر',
  ARE: 'الإمارات',
  YEM: 'اليمن',
  OMN: 'عمان',
  KWT: 'الكويت',
  BHR: 'البحرين',
  SDN: 'السودان',
  AFG: 'أفغانستان',
  IND: 'الهند',
  FRA: 'فرنسا',
  GBR: 'بريطانيا',
  DEU: 'ألمانيا',
};

/** The codes of the countries the web app names itself (a country filter's suggestions). */
export const COMMON_COUNTRIES: readonly string[] = Object.keys(COUNTRY_AR);

/**
 * A country in the interface language. `label` is the API's Arabic name, `labelEn` its English
 * one (`label_en`, with `?lang=en`): the English interface never falls back to the Arabic name
 * (a country outside the web's table, «إسبانيا», is «Spain» from the API, else its code).
 */
export function countryAr(code: string, label?: string, labelEn?: string): string {
  if (lang() === 'en') return COUNTRY_EN[code] ?? labelEn ?? code;
  return label ?? COUNTRY_AR[code] ?? code;
}

/**
 * The id of the entity page a dyad end or partner leads to, undefined when none has one: a
 * country code («OMN») or an actor keyed by its country and sector («OMN/GOV»: no entity of
 * its own) leads to the country; an entity id («person:…») to itself; a sector of no known
 * country («---/GOV») or a bare name to none — the relations table and an entity's partners
 * linked them to #/entity/OMN%2FGOV, a page that said «no entity with this id».
 */
export function actorPageId(key: string): string | undefined {
  const code = actorCode(key);
  if (code) return code.country ? `country:${code.country}` : undefined;
  return /^[a-z]+:./.test(key) ? key : undefined;
}

/**
 * An entity's name where it stands alone (a page heading, a chip of the reader): `entityName`,
 * except that in English a post keeps its country as its Arabic name does and as the API names
 * it elsewhere («Minister of Foreign Affairs of Egypt», «President of Tunisia» — not a
 * «Minister of Foreign Affairs» that could be Jordan's). A name that already says it is kept.
 */
export function standaloneName(e: {
  type: string;
  names: { ar: string; en?: string; latin?: string };
  country?: string;
  post?: { country?: string };
  country_name?: string;
}): string {
  const name = entityName(e.names);
  const code = e.country ?? e.post?.country;
  if (lang() !== 'en' || e.type !== 'POST' || !code) return name;
  const c = COUNTRY_EN[code] ?? e.country_name ?? code;
  return c === code || name.toLowerCase().includes(c.toLowerCase()) ? name : `${name} of ${c}`;
}

/**
 * A post's English gloss with its country, as its Arabic says it («وزير الخارجية الأردني» →
 * «Minister of Foreign Affairs of Jordan», not a «Minister of Foreign Affairs» that could be
 * Egypt's); a gloss that already names the country is kept. Undefined without a gloss.
 */
export function postEn(post: { en?: string; country?: string }): string | undefined {
  if (!post.en) return undefined;
  const c = post.country ? COUNTRY_EN[post.country] : undefined;
  return !c || post.en.toLowerCase().includes(c.toLowerCase()) ? post.en : `${post.en} of ${c}`;
}

const arNum = new Intl.NumberFormat('ar');
const enNum = new Intl.NumberFormat('en');
export function num(n: number): string {
  return (lang() === 'en' ? enNum : arNum).format(n);
}

/** «5 أخبار», «خبران», «15 خبرًا» / "1 article", "5 articles": a number with its noun. */
export function counted(n: number, noun: CountedNoun): string {
  return countedNoun(n, noun, lang() === 'en' ? 'en' : 'ar', num);
}

/** Cooperation (+10, green) to conflict (−10, red). */
export function scoreColour(score: number): string {
  const t = Math.max(-1, Math.min(1, score / 10));
  const hue = t >= 0 ? 120 * t : 0;
  const light = 45 - 10 * Math.abs(t);
  const sat = 70 * Math.abs(t);
  return `hsl(${Math.round(hue)}, ${Math.round(sat)}%, ${Math.round(light)}%)`;
}

/**
 * A cooperation–conflict score with one decimal. A negative one is isolated left to right in the
 * Arabic interface: in an Arabic line its minus went to the right of the digits («5-»; the number format's own mark
 * does not hold it in a right-to-left paragraph).
 */
export function score(n: number): string {
  // `|| 0`: a score rounded to zero from below is 0, not «-0»
  const r = Math.round(n * 10) / 10 || 0;
  return r < 0 && lang() === 'ar' ? `\u2066${num(r)}\u2069` : num(r);
}

/**
 * Text for an SVG drawn left to right (the timeline): in Arabic, embedded right to left, so
 * «20 نوفمبر 2025» is not shown as «نوفمبر 2025 20».
 */
export function rtlText(text: string | undefined): string | undefined {
  return text && lang() === 'ar' ? `\u202B${text}\u202C` : text;
}

export function periodAr(p: string): string {
  return p === 'unknown' ? t('undated') : p;
}

/**
 * A date in the interface language: the Gregorian date in words, with the Hijri date beside
 * it when the source gave one (src/i18n/dates.ts); a bare ISO string (a publication date)
 * reads the same way.
 */
export function dateLabel(ref: Pick<DateRef, 'value' | 'hijri'> | string | undefined): string | undefined {
  const r = typeof ref === 'string' ? { value: ref } : ref;
  return dateText(r, lang());
}
