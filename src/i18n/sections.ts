/**
 * The labelled sections of the brief template, in the template's order: the Arabic label
 * (the canonical one: composed briefs and headings for unlabelled sections use it) and its
 * English gloss. Imports nothing at run time, so the web app shares it with the server.
 */
import type { SectionKind } from '../model.ts';

export const SECTION_LABELS: Readonly<Record<SectionKind, { readonly en: string; readonly ar: string }>> = {
  why_it_matters: { en: 'Why it matters', ar: 'أهمية الخبر' },
  big_picture: { en: 'The big picture', ar: 'الصورة العامة' },
  what_they_say: { en: 'What they say', ar: 'ماذا يقولون' },
  key_points: { en: 'Key points', ar: 'النقاط الرئيسية' },
  deeper_look: { en: 'A deeper look', ar: 'نظرة أعمق' },
  latest: { en: 'Latest', ar: 'أحدث المعلومات' },
  details: { en: 'Details', ar: 'تفاصيل الخبر' },
  other: { en: 'Other', ar: 'أخرى' },
};

/** Every section kind's label in one language, in the template's order. */
export function sectionLabelsIn(lang: 'ar' | 'en'): Record<SectionKind, string> {
  return Object.fromEntries(Object.entries(SECTION_LABELS).map(([kind, l]) => [kind, l[lang]])) as Record<
    SectionKind,
    string
  >;
}
