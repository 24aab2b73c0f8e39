/**
 * Stories: the archive's articles gathered by event across outlets (`#/stories`), and one
 * story told side by side (`#/stories/ID`): the terms each outlet uses for the same actors
 * (loaded aliases marked), the events and quotes it reports, and what it leaves out.
 * Article-derived text (titles, terms, evidence, quotes) stays Arabic in its own
 * `lang="ar" dir="rtl"` element; everything is rendered as text (Preact escapes it).
 */
import {
  type EventKey,
  get,
  type OutletComparison,
  type Story,
  type StoryList,
  type StoryView,
} from '../api.ts';
import { Fragment } from 'preact';
import { Status } from '../components/Status.tsx';
import { entityName, lang, t } from '../i18n.ts';
import { counted, countryAr, dateLabel, num, PLOVER_AR } from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { useFetch } from '../useFetch.ts';

/** Arabic text from an article, marked as such whatever the interface language. */
const Ar = ({ children }: { children: preact.ComponentChildren }) => (
  <bdi lang="ar" dir="rtl" class="src">
    {children}
  </bdi>
);

/** The name of an outlet (or its address host); an unknown one in words, not «?» (UNKNOWN_OUTLET of src/stories). */
const Outlet = ({ name }: { name: string }) =>
  name === '?' ? <span class="muted">{t('outletUnknown')}</span> : <Ar>{name}</Ar>;

/**
 * The story's first and last publication days, in words in the interface language, as one run
 * that does not break: on a phone «14 سبتمبر 2025 – 15 سبتمبر 2025» wrapped at the dash, the two
 * days a line apart. Isolated in the interface's direction, the first day stands where reading
 * starts (right in Arabic), whatever the line around it holds.
 */
function Dates({ s }: { s: Pick<Story, 'first' | 'last'> }) {
  if (!s.first) return null;
  const first = dateLabel(s.first) ?? s.first;
  const last = s.last ? (dateLabel(s.last) ?? s.last) : first;
  return (
    <bdi class="date-range" dir={lang() === 'ar' ? 'rtl' : 'ltr'}>
      <time dateTime={s.first}>{first}</time>
      {last !== first ? (
        <>
          {'\u00a0–\u00a0'}
          <time dateTime={s.last}>{last}</time>
        </>
      ) : null}
    </bdi>
  );
}

/** How many articles the listed stories hold. */
function inStories(data: StoryList): number {
  return data.items.reduce((n, s) => n + s.articles.length, 0);
}

/**
 * The line over the list: «3 قصص · 8 أخبار (من 12 في الأرشيف)»; with no story listed, what the
 * CLI says (`khabar stories`) — an archive with articles and no story of two read «0 قصة · 0 خبر».
 */
export function storiesCount(data: StoryList, all: boolean): string {
  if (data.items.length === 0) {
    if (data.articles === 0) return t('storiesEmptyArchive');
    return all ? t('storiesNone') : t('storiesNoneOf').replace('{n}', counted(data.articles, 'article'));
  }
  const listed = inStories(data);
  return (
    `${counted(data.total, 'story')} · ${counted(listed, 'article')}` +
    (listed !== data.articles ? ` (${t('storiesOfArchive').replace('{n}', num(data.articles))})` : '')
  );
}

export function StoriesPage({ route }: { route: Route }) {
  const all = route.params.get('all') === '1';
  const { data, error, loading } = useFetch(String(all), () =>
    get<StoryList>('/api/stories', { all: all ? '1' : undefined }),
  );
  return (
    <div class="stories">
      <h1>{t('storiesTitle')}</h1>
      <p class="muted">{t('storiesIntro')}</p>
      <form class="row filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          <input
            type="checkbox"
            checked={all}
            onChange={(e) =>
              navigate(href(['stories'], { all: (e.target as HTMLInputElement).checked ? '1' : undefined }))
            }
          />{' '}
          {t('storiesShowAll')}
        </label>
      </form>
      {data ? (
        <>
          <p class="count" aria-live="polite">
            {/* The articles of the stories listed; `articles` is every article clustered — «2 stories ·
                19 articles» read as 19 articles in those 2 stories when 14 stood alone. */}
            {storiesCount(data, all)}
          </p>
          {data.items.length ? (
            <ol class="story-list">
              {data.items.map((s) => (
                <li key={s.id} class="story-item">
                  <h2>
                    <a href={href(['stories', s.id])}>
                      <Ar>{s.title || s.id}</Ar>
                    </a>
                  </h2>
                  <p class="meta">
                    {counted(s.articles.length, 'article')} · {counted(s.outlets.length, 'outlet')}:{' '}
                    {s.outlets.map((o, i) => (
                      <Fragment key={o}>
                        {i ? (lang() === 'en' ? ', ' : '، ') : null}
                        <Outlet name={o} />
                      </Fragment>
                    ))}
                    {s.first ? (
                      <>
                        {' '}
                        · <Dates s={s} />
                      </>
                    ) : null}
                  </p>
                </li>
              ))}
            </ol>
          ) : null}
        </>
      ) : (
        <Status loading={loading} error={error} />
      )}
    </div>
  );
}

type Names = Map<string, { ar: string; en?: string | undefined }>;

/** Display names of entity ids (Arabic, and English when known), from the comparison. */
function namesOf(c: OutletComparison): Names {
  const m: Names = new Map();
  for (const o of c.outlets) for (const tu of o.terms) m.set(tu.entityId, { ar: tu.name, en: tu.nameEn });
  for (const x of c.contrasts) m.set(x.entityId, { ar: x.name, en: x.nameEn });
  return m;
}

/** An actor in the interface language: its English name (else transliteration) in English; Arabic in Arabic. */
function ActorName({ id, names }: { id: string; names: Names }) {
  const n = names.get(id);
  // In English: the English name, else a transliteration of the Arabic (entityName).
  if (n) return lang() === 'en' ? <bdi>{n.en ?? entityName({ ar: n.ar })}</bdi> : <Ar>{n.ar}</Ar>;
  if (id.startsWith('country:')) return <bdi>{countryAr(id.slice(8))}</bdi>;
  return (
    <bdi class="code" lang="en">
      {id}
    </bdi>
  );
}

function Actors({ ids, names, between }: { ids: string[]; names: Names; between?: string }) {
  if (ids.length === 0) return <>—</>;
  const sep = between ?? (lang() === 'en' ? ', ' : '، ');
  return (
    <>
      {ids.map((x, i) => (
        <span key={x}>
          {i > 0 ? sep : ''}
          <ActorName id={x} names={names} />
        </span>
      ))}
    </>
  );
}

/**
 * One event: its type, who did it, an arrow in the reading direction, to whom. A «→» in the
 * Arabic line pointed back at the actor (right to left, «إسرائيل → فلسطين» read as Palestine acting
 * on Israel); Arabic has «←».
 */
function EventLine({ e, names }: { e: EventKey; names: Names }) {
  const both = bothWays(e);
  return (
    <>
      <span class="code" lang="en">
        {e.type}
      </span>{' '}
      {PLOVER_AR[e.type] ?? e.type}:{' '}
      {both ? (
        <Actors ids={both} names={names} between=" ↔ " />
      ) : (
        <>
          <Actors ids={e.source} names={names} /> {lang() === 'ar' ? '←' : '→'}{' '}
          <Actors ids={e.target} names={names} />
        </>
      )}
    </>
  );
}

/**
 * The sides of an event both ways («بحث الجانبان», «اتفق الطرفان»: the same actors its source
 * and its target), said once — «A ↔ B» as the timeline says it —, not «A، B ← A، B». Undefined
 * for a directed event.
 */
export function bothWays(e: Pick<EventKey, 'source' | 'target'>): string[] | undefined {
  const to = new Set(e.target);
  const same = e.source.length > 1 && e.source.length === to.size && e.source.every((x) => to.has(x));
  return same ? e.source : undefined;
}

export function StoryPage({ id }: { id: string }) {
  const { data, error, loading } = useFetch(id, () =>
    get<StoryView>(`/api/stories/${encodeURIComponent(id)}`),
  );
  if (!data)
    return (
      <div class="story">
        <p>
          <a class="back" href={href(['stories'])}>
            {t('storiesBack')}
          </a>
        </p>
        <Status loading={loading} error={error} />
      </div>
    );
  const { story, comparison: c } = data;
  const titles = new Map(data.articles.map((a) => [a.id, a]));
  const names = namesOf(c);
  const outlets = c.outlets.map((o) => o.outlet);
  // Every entity some outlet names, the ones named differently first.
  const contrasted = new Set(c.contrasts.map((x) => x.entityId));
  const entities = [...names.keys()].sort(
    (a, b) => Number(contrasted.has(b)) - Number(contrasted.has(a)) || a.localeCompare(b),
  );
  return (
    <div class="story">
      <p>
        <a class="back" href={href(['stories'])}>
          {t('storiesBack')}
        </a>
      </p>
      <header>
        <h1>
          <Ar>{story.title || story.id}</Ar>
        </h1>
        <p class="meta">
          {counted(story.articles.length, 'article')} · {counted(outlets.length, 'outlet')}
          {story.first ? (
            <>
              {' '}
              · <Dates s={story} />
            </>
          ) : null}
        </p>
      </header>

      <section aria-labelledby="terms-h">
        <h2 id="terms-h">{t('storyTerms')}</h2>
        <p class="muted">{t('storyTermsHelp')}</p>
        {entities.length ? (
          <div class="table-scroll">
            <table class="terms">
              <caption class="visually-hidden">{t('storyTerms')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('storyActor')}</th>
                  {outlets.map((o) => (
                    <th scope="col" key={o}>
                      <Outlet name={o} />
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {entities.map((eid) => (
                  <tr key={eid} class={contrasted.has(eid) ? 'contrast' : undefined}>
                    <th scope="row">
                      <a href={href(['entity', eid])}>
                        <ActorName id={eid} names={names} />
                      </a>
                    </th>
                    {c.outlets.map((o) => {
                      const use = o.terms.find((x) => x.entityId === eid);
                      return (
                        <td key={o.outlet}>
                          {use ? (
                            <ul class="term-list">
                              {use.terms.map((term) => (
                                <li key={term.text}>
                                  {term.framing ? (
                                    <mark class="framing" title={t('storyFraming')}>
                                      <Ar>{term.text}</Ar>
                                      <span class="visually-hidden"> ({t('storyFraming')})</span>
                                    </mark>
                                  ) : (
                                    <Ar>{term.text}</Ar>
                                  )}{' '}
                                  <span class="muted">×{num(term.count)}</span>
                                </li>
                              ))}
                            </ul>
                          ) : (
                            <span class="muted">{t('storyNotNamed')}</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p class="muted">{t('storyNoEntities')}</p>
        )}
      </section>

      <section aria-labelledby="outlets-h">
        <h2 id="outlets-h">{t('storyByOutlet')}</h2>
        <ul class="outlet-grid">
          {c.outlets.map((o, i) => (
            <li key={o.outlet} class="outlet-card" aria-labelledby={`outlet-${i}`}>
              <h3 id={`outlet-${i}`}>
                <Outlet name={o.outlet} />
              </h3>
              <h4>{t('storyArticlesOf')}</h4>
              <ul>
                {o.articles.map((a) => (
                  <li key={a}>
                    <a href={href(['article', a])}>
                      {titles.get(a)?.title ? <Ar>{titles.get(a)?.title}</Ar> : <bdi dir="ltr">{a}</bdi>}
                    </a>
                    {titles.get(a)?.published ? (
                      <>
                        {' '}
                        <bdi class="meta">
                          <time dateTime={titles.get(a)?.published}>
                            {dateLabel(titles.get(a)?.published)}
                          </time>
                        </bdi>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
              <h4>{t('storyReports')}</h4>
              {o.events.length ? (
                <ul class="story-events">
                  {o.events.map((e) => (
                    <li key={e.key}>
                      <EventLine e={e} names={names} />
                      {e.evidence[0] ? (
                        <blockquote class="evidence src" lang="ar" dir="rtl">
                          {e.evidence[0].text}
                        </blockquote>
                      ) : null}
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t('storyNoEvents')}</p>
              )}
              <h4>{t('storyOmits')}</h4>
              {o.omits.length ? (
                <ul class="story-omits">
                  {o.omits.map((e) => (
                    <li key={e.key}>
                      <EventLine e={e} names={names} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t('storyOmitsNone')}</p>
              )}
              <h4>{t('storyQuotes')}</h4>
              {o.quotes.length ? (
                <ul class="story-quotes">
                  {o.quotes.map((q) => (
                    <li key={`${q.articleId}-${q.span[0]}`}>
                      {q.speaker ? (
                        <strong>
                          <Ar>{q.speaker}</Ar>:
                        </strong>
                      ) : null}{' '}
                      <q lang="ar" dir="rtl" class="src">
                        {q.text}
                      </q>
                    </li>
                  ))}
                </ul>
              ) : (
                <p class="muted">{t('storyNoQuotes')}</p>
              )}
              {o.unquoted.length ? (
                <p class="story-unquoted">
                  {t('storyUnquoted')} <Ar>{o.unquoted.join('، ')}</Ar>
                </p>
              ) : null}
              {o.missingEntities.length ? (
                <>
                  <h4>{t('storyMissing')}</h4>
                  <p class="story-missing">
                    <Actors ids={o.missingEntities} names={names} />
                  </p>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
