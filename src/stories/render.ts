/** Plain-text renderings of stories and of an outlet comparison (for the CLI), in Arabic or English. */
import { countedNoun } from '../i18n/counted.ts';
import { type Lang, codeLabel, countryName, entityName, ploverGloss } from '../i18n/glossary.ts';
import type { Entity } from '../model.ts';
import { type Story, UNKNOWN_OUTLET } from './cluster.ts';
import type { EventKey, OutletComparison } from './compare.ts';

const say = (lang: Lang, en: string, ar: string) => (lang === 'ar' ? ar : en);

/** An outlet as shown: the name (or address host), or words for an unknown one (not «?»). */
const outletName = (o: string, lang: Lang) =>
  o === UNKNOWN_OUTLET ? say(lang, '(outlet unknown)', '(مصدر غير معروف)') : o;

/**
 * A number with its noun, as the web app says it: «خبران», «3 أخبار», «15 خبرًا», «منفذ
 * واحد» (Arabic agrees with the number); "1 outlet", "3 articles" — not «3 خبر، 1 منفذ».
 */
export function counted(n: number, noun: 'article' | 'outlet', lang: Lang): string {
  return countedNoun(n, noun, lang);
}

/**
 * The story list. Entities are shown by name (Arabic, or English with `lang` en: the English
 * name — a post's with its country —, else the transliteration) when `entities` knows them, else
 * by id; `--json` keeps ids.
 */
export function renderStoryList(
  stories: Story[],
  lang: Lang = 'en',
  entities?: ReadonlyMap<string, Entity>,
  /** The archive's articles, and whether single-article stories were left out (without --all): what an empty list says. */
  of?: { articles: number; singlesHidden: boolean },
): string {
  const name = (id: string) => {
    const e = entities?.get(id);
    return e ? entityName(e, lang) : id;
  };
  if (stories.length === 0) {
    // «the archive has no articles» was said of an archive with articles and no story of two.
    if (of && of.articles > 0)
      return of.singlesHidden
        ? say(
            lang,
            `no story with more than one article among the archive's ${counted(of.articles, 'article', lang)} (--all lists single-article stories too)`,
            `لا قصة تجمع أكثر من خبر، وفي الأرشيف ${counted(of.articles, 'article', lang)} (--all يسرد القصص ذات الخبر الواحد أيضًا)`,
          )
        : say(lang, 'no stories', 'لا قصص');
    return say(lang, 'no stories (the archive has no articles)', 'لا قصص (الأرشيف بلا أخبار)');
  }
  const lines: string[] = [];
  for (const s of stories) {
    // Dates by the day: two articles of one day are not a range «2016-11-06…2016-11-06».
    const first = s.first?.slice(0, 10);
    const last = s.last?.slice(0, 10);
    const when = first ? (!last || last === first ? first : `${first}…${last}`) : '';
    lines.push(
      `${s.id}  ${counted(s.articles.length, 'article', lang)}${say(lang, ', ', '، ')}${counted(s.outlets.length, 'outlet', lang)}  ${when}`,
    );
    lines.push(`  ${s.title}`);
    lines.push(
      `  ${say(lang, 'outlets', 'المنافذ')}: ${s.outlets.map((o) => outletName(o, lang)).join(say(lang, ', ', '، '))}`,
    );
    if (s.entities.length > 0)
      lines.push(
        `  ${say(lang, 'entities', 'الكيانات')}: ${s.entities
          .slice(0, 8)
          .map(name)
          .join(say(lang, ', ', '، '))}`,
      );
  }
  return lines.join('\n');
}

/**
 * The name of an actor key of the comparison (an entity id, `country:XXX`, an actor code
 * «EGY/GOV», else a name as written) in `lang`: the entity's name (a post with its country in
 * English), else the country's, else the key itself.
 */
function actorName(key: string, lang: Lang, entities?: ReadonlyMap<string, Entity>): string {
  const e = entities?.get(key);
  if (e) return entityName(e, lang);
  const country = /^country:([A-Z]{3})$/.exec(key)?.[1];
  if (country) return countryName(country, lang) ?? country;
  return codeLabel(key, lang) ?? key;
}

/**
 * How each outlet tells one story. Actors, events and the entities an outlet never names are
 * given by name in `lang` (from `entities`, the archive's; an id only when nothing names it);
 * the terms and quotes stay as the outlets wrote them. `--json` keeps the ids.
 */
export function renderComparison(
  c: OutletComparison,
  lang: Lang = 'en',
  entities?: ReadonlyMap<string, Entity>,
): string {
  const name = (key: string) => actorName(key, lang, entities);
  const list = say(lang, ', ', '، ');
  const side = (keys: string[]) => keys.map(name).join(' + ') || '?';
  const event = (e: EventKey) =>
    `${e.type}${ploverGloss(e.type, lang)}: ${side(e.source)} → ${side(e.target)}`;
  const lines = [`${c.story}  ${c.title}`, ''];
  if (c.contrasts.length > 0) {
    lines.push(say(lang, 'Terms for the same actor:', 'تسميات الطرف نفسه:'));
    for (const x of c.contrasts) {
      lines.push(`  ${name(x.entityId)}`);
      for (const [o, t] of Object.entries(x.byOutlet))
        lines.push(`    ${outletName(o, lang)}: ${t.map((w) => `«${w}»`).join('، ')}`);
    }
    lines.push('');
  }
  for (const v of c.outlets) {
    lines.push(`== ${outletName(v.outlet, lang)} (${v.articles.join(', ')})`);
    const framed = v.terms.flatMap((t) =>
      t.terms
        .filter((x) => x.framing)
        .map((x) => `«${x.text}» ${say(lang, 'for', 'عن')} ${name(t.entityId)}`),
    );
    const semi = say(lang, '; ', '؛ ');
    if (framed.length > 0)
      lines.push(`  ${say(lang, 'loaded terms', 'تسميات مشحونة')}: ${framed.join(semi)}`);
    lines.push(`  ${say(lang, 'events', 'الأحداث')}: ${v.events.map(event).join(semi) || '—'}`);
    if (v.omits.length > 0)
      lines.push(`  ${say(lang, 'leaves out', 'يغفل')}: ${v.omits.map(event).join(semi)}`);
    if (v.missingEntities.length > 0)
      lines.push(`  ${say(lang, 'never names', 'لا يذكر')}: ${v.missingEntities.map(name).join(list)}`);
    for (const q of v.quotes)
      lines.push(`  ${say(lang, 'quote', 'قول')}${q.speaker ? ` (${q.speaker})` : ''}: ${q.text}`);
    if (v.unquoted.length > 0)
      lines.push(`  ${say(lang, 'does not quote', 'لا ينقل أقوال')}: ${v.unquoted.join(list)}`);
  }
  return lines.join('\n');
}
