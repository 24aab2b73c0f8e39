/** An entity: names and aliases, post, events over time, recent events, top partners. */
import { type EntityPage as EntityData, get } from '../api.ts';
import { Bars } from '../components/Bars.tsx';
import { Src } from '../components/Src.tsx';
import { Status } from '../components/Status.tsx';
import { lang, t } from '../i18n.ts';
import {
  actorPageId,
  countryAr,
  dateLabel,
  ENTITY_TYPE_AR,
  num,
  PLOVER_AR,
  postEn,
  SECTOR_AR,
  says,
  score,
  scoreColour,
  standaloneName,
} from '../labels.ts';
import { href, type Route } from '../router.ts';
import { useFetch } from '../useFetch.ts';

/** Partner ids are country codes for countries, entity ids otherwise. */
/** A partner's page: a country's, an entity's; none for a sector of no known country or a bare name. */
function partnerHref(id: string): string | undefined {
  const page = actorPageId(id);
  return page ? href(['entity', page]) : undefined;
}

function PartnerLink({ p }: { p: { id: string; label?: string; label_en?: string } }) {
  const to = partnerHref(p.id);
  return to ? <a href={to}>{partnerName(p)}</a> : partnerName(p);
}

/** The relations of an entity: a country's at country level, anything else's at actor level. */
function relationsHref(id: string): string {
  const country = /^country:([A-Z]{3})$/.exec(id)?.[1];
  return href(['relations'], country ? { level: 'country', actor: country } : { level: 'actor', actor: id });
}

/**
 * The search for the articles that name an entity: a country by the country filter (the actor
 * filter does not take `country:` ids), anything else by the actor filter.
 */
function articlesHref(id: string): string {
  const country = /^country:([A-Z]{3})$/.exec(id)?.[1];
  return href(['search'], country ? { country } : { actor: id });
}

/** The timeline of an entity's events: a country's by the country filter, anything else's by the actor filter. */
function timelineHref(id: string): string {
  const country = /^country:([A-Z]{3})$/.exec(id)?.[1];
  return href(['timeline'], country ? { country } : { actor: id });
}

/**
 * A partner's name in the interface language: countries from the labels table; actors by
 * the English name the API adds with `?lang=en` (`label_en`), else the Arabic as stored.
 */
function partnerName(p: { id: string; label?: string; label_en?: string }) {
  if (/^[A-Z]{3}$/.test(p.id)) return countryAr(p.id, p.label, p.label_en);
  if (lang() === 'en' && p.label_en) return p.label_en;
  const text = p.label ?? p.id;
  return lang() === 'en' && /\p{Script=Arabic}/u.test(text) ? <Src>{text}</Src> : text;
}

/** Events a page lists: the newest first, then page by page (`#/entity/ID?page=2`, a link to share). */
export const EVENTS_PAGE = 50;

export function EntityPage({ id, route }: { id: string; route?: Route }) {
  const pageNo = Math.max(1, Math.floor(Number(route?.params.get('page') ?? 1)) || 1);
  const offset = (pageNo - 1) * EVENTS_PAGE;
  const { data, error, loading } = useFetch(`${id}?page=${pageNo}`, () =>
    get<EntityData>(`/api/entities/${encodeURIComponent(id)}`, {
      events: String(EVENTS_PAGE),
      eventsOffset: offset ? String(offset) : undefined,
    }),
  );
  if (!data) return <Status loading={loading} error={error} />;
  const e = data.entity;
  const en = lang() === 'en';
  const other = [...new Set([e.names.en, e.names.latin].filter(Boolean))];
  const country = e.country ?? e.post?.country;
  const sector = e.sector ?? e.post?.sector;
  const title = standaloneName(e);
  // A country is tagged LOC by the tagger (as ANERcorp tags it): its page said «مكان» (Place) for
  // Lebanon; it is a country.
  const typeLabel = e.id.startsWith('country:') ? ENTITY_TYPE_AR.GPE! : (ENTITY_TYPE_AR[e.type] ?? e.type);
  const sectorLabel = sector ? (SECTOR_AR[sector] ?? sector) : undefined;
  return (
    <div class="entity">
      <header>
        <h1>{title}</h1>
        {en ? (
          <p class="arabic-name">
            <Src>{e.names.ar}</Src>
          </p>
        ) : other.length ? (
          <p class="latin" lang="en" dir="ltr">
            {other.join(' · ')}
          </p>
        ) : null}
        <p class="meta">
          {[
            // A sector that says the type says it for both: «منظمة دولية», not «منظمة · منظمة دولية».
            sectorLabel && says(sectorLabel, typeLabel) ? undefined : typeLabel,
            // A country's own page does not name its country again («Place · Tunisia» under «Tunisia»),
            // nor a page whose name says it («الحكومة اللبنانية», «وزير الخارجية الأردني»).
            country && e.id !== `country:${country}` && !says(title, countryAr(country))
              ? countryAr(country, e.type === 'GPE' && !en ? e.names.ar : undefined)
              : undefined,
            sectorLabel && !says(title, sectorLabel) ? sectorLabel : undefined,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
      </header>
      <dl class="facts">
        {e.post ? (
          <>
            <dt>{t('post')}</dt>
            <dd class="post">
              {/* The English gloss keeps the post's country, as the Arabic does («… of Jordan»). */}
              {en ? (
                <>
                  {e.post.en ? `${postEn(e.post)} ` : null}
                  <Src>{e.post.ar}</Src>
                </>
              ) : (
                <>
                  {e.post.ar}
                  {e.post.en ? (
                    <>
                      {' '}
                      <bdi lang="en">({postEn(e.post)})</bdi>
                    </>
                  ) : null}
                </>
              )}
            </dd>
          </>
        ) : null}
        {e.names.aliases.length ? (
          <>
            <dt>{t('otherNames')}</dt>
            <dd>
              <Src>{e.names.aliases.join('، ')}</Src>
            </dd>
          </>
        ) : null}
        <dt>{t('articles')}</dt>
        <dd>
          {/* The count leads to the articles themselves: the analyst's next step from an actor. */}
          {data.articles ? (
            <a href={articlesHref(e.id)} class="entity-articles">
              {num(data.articles)}
            </a>
          ) : (
            num(0)
          )}
        </dd>
        <dt>{t('mentions')}</dt>
        <dd>{num(data.mentions)}</dd>
      </dl>
      <section aria-labelledby="time-h">
        <h2 id="time-h">{t('overTime')}</h2>
        <Bars data={data.timeline} label={t('perMonth')} />
        {data.eventsTotal ? (
          <p>
            <a href={timelineHref(e.id)} class="entity-timeline">
              {t('eventsOnTimeline')}
            </a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="partners-h">
        <h2 id="partners-h">{t('partners')}</h2>
        {data.partners.length ? (
          <table class="partners">
            <thead>
              <tr>
                <th scope="col">{t('partner')}</th>
                <th scope="col">{t('eventsCol')}</th>
                <th scope="col">{t('coopConflict')}</th>
              </tr>
            </thead>
            <tbody>
              {data.partners.map((p) => (
                <tr key={p.id}>
                  <td>
                    <PartnerLink p={p} />
                  </td>
                  <td>{num(p.events)}</td>
                  <td>
                    <span class="swatch" style={{ background: scoreColour(p.score) }} aria-hidden="true" />{' '}
                    {score(p.score)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p class="muted">{t('noPartners')}</p>
        )}
        {data.partners.length ? (
          <p>
            <a href={relationsHref(e.id)} class="entity-relations">
              {t('itsRelations')}
            </a>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="ev-h">
        <h2 id="ev-h">
          {/* the page lists some of them: «(102)» over 50 events read as all of them */}
          {t('recentEvents')} (
          {data.events.length < data.eventsTotal
            ? t('shownOf')
                .replace(
                  '{shown}',
                  offset
                    ? `${num(offset + 1)}–${num(offset + Math.max(data.events.length, 1))}`
                    : num(data.events.length),
                )
                .replace('{total}', num(data.eventsTotal))
            : num(data.eventsTotal)}
          )
        </h2>
        {data.events.length === 0 ? <p class="muted">{t('noEvents')}</p> : null}
        <ol class="events">
          {data.events.map((ev) => (
            <li key={`${ev.articleId}-${ev.id}`}>
              <a href={href(['article', ev.articleId], { event: ev.id })}>
                <span class="code" lang="en">
                  {ev.type}
                </span>{' '}
                {PLOVER_AR[ev.type]} — <Src>{ev.trigger.text}</Src>
              </a>{' '}
              <time class="meta" dateTime={ev.date?.value ?? ev.published}>
                {dateLabel(ev.date?.value ? ev.date : ev.published) ?? ''}
              </time>
            </li>
          ))}
        </ol>
        {/* Older events page by page (the page listed the newest 50 and no way to the rest). */}
        {offset + data.events.length < data.eventsTotal || pageNo > 1 ? (
          <nav class="pager" aria-label={t('pages')}>
            {pageNo > 1 ? (
              <a href={href(['entity', id], { page: pageNo > 2 ? String(pageNo - 1) : undefined })}>
                {t('prev')}
              </a>
            ) : null}
            <span>
              {t('page')} {num(pageNo)} {t('of')}{' '}
              {num(Math.max(1, Math.ceil(data.eventsTotal / EVENTS_PAGE)))}
            </span>
            {offset + data.events.length < data.eventsTotal ? (
              <a href={href(['entity', id], { page: String(pageNo + 1) })}>{t('next')}</a>
            ) : null}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
