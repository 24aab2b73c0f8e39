/**
 * The API's language: `?lang=ar|en` wins, else the preferred of `ar`/`en` in Accept-Language
 * (by q-value, first listed on ties), else Arabic (no glosses). English adds glosses beside
 * the codes of articles, events and entities; nothing is removed or translated.
 */
import type { Entity, EventRecord, Section } from '../model.ts';
import { glossEntityJson, glossEvent, indexEntities } from './gloss.ts';
import { type Lang, parseLang, sectionLabel } from './glossary.ts';

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

/** The language an API request asks for: `?lang=` first, then Accept-Language; default Arabic. */
export function requestLang(query: string | undefined, acceptLanguage: string | undefined | null): Lang {
  return parseLang(query) ?? acceptLang(acceptLanguage) ?? 'ar';
}

/** Events with English glosses when `lang` is English; unchanged otherwise. */
export function glossEvents<E extends EventRecord>(
  events: E[],
  lang: Lang,
  entities: readonly Entity[] = [],
): E[] {
  if (lang !== 'en') return events;
  const index = indexEntities(entities);
  return events.map((e) => ({ ...e, ...glossEvent(e, 'en', index) }));
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
