/** Search: query box, facets, highlighted snippets, every filter in the URL, pagination. */
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError,
  type ArticleSummary,
  type EntityView,
  get,
  type Paged,
  type SearchResponse,
} from '../api.ts';
import { DateFromText } from '../components/DateFromText.tsx';
import { DateInput } from '../components/DateInput.tsx';
import { Src } from '../components/Src.tsx';
import { Notes } from '../components/Notes.tsx';
import { Detail, ErrorText, Status } from '../components/Status.tsx';
import { rangeReversed, readDate } from '../dateInput.ts';
import { type StringKey, lang, t } from '../i18n.ts';
import { counted, countryAr, dateLabel, num, PLOVER_AR, standaloneName } from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { useFetch } from '../useFetch.ts';
import { headline } from '../../../src/text/headline.ts';

const PAGE = 10;
const FILTERS = ['country', 'type', 'actor', 'outlet', 'section'] as const;
const FACET_OF: Record<string, (typeof FILTERS)[number]> = {
  countries: 'country',
  types: 'type',
  actors: 'actor',
  places: 'actor',
  outlets: 'outlet',
};
const FACET_TITLE: Record<string, StringKey> = {
  countries: 'facetCountries',
  types: 'facetTypes',
  actors: 'facetActors',
  places: 'facetPlaces',
  outlets: 'facetOutlets',
  months: 'facetMonths',
};

type State = Record<string, string | string[] | undefined>;

const FILTER_NAME: Record<string, StringKey> = {
  country: 'filterCountry',
  type: 'filterType',
  actor: 'filterActor',
  outlet: 'filterOutlet',
  section: 'filterSection',
  from: 'from',
  to: 'to',
};

/** A place given to the actor filter (a city, region or town, as the places facet gives it) is a «المكان» chip. */
const PLACE_ID = /^(?:city|region|place):/;
const filterName = (f: string, v = '') =>
  f === 'actor' && PLACE_ID.test(v) ? t('filterPlace') : FILTER_NAME[f] ? t(FILTER_NAME[f]) : f;

function stateOf(params: URLSearchParams): State {
  const s: State = {};
  for (const k of ['q', 'from', 'to', 'sort', 'page']) s[k] = params.get(k) ?? undefined;
  for (const f of FILTERS) s[f] = params.getAll(f);
  return s;
}

function Snippet({
  text,
  highlights,
}: {
  text: string;
  highlights: ReadonlyArray<readonly [number, number]>;
}) {
  const parts = [];
  let at = 0;
  for (const [a, b] of [...highlights].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    parts.push(text.slice(at, a));
    parts.push(<mark key={a}>{text.slice(a, b)}</mark>);
    at = b;
  }
  parts.push(text.slice(at));
  return (
    <p class="snippet src" lang="ar" dir="rtl">
      {parts}
    </p>
  );
}

function Summary({
  a,
  children,
}: {
  a: ArticleSummary & { publishedFrom?: 'source' | 'text' };
  children?: preact.ComponentChildren;
}) {
  return (
    <li class="hit" data-id={a.id}>
      <h3 class="src" lang="ar" dir="rtl">
        <a href={href(['article', a.id])}>{a.title ?? (a.lead?.trim() ? headline(a.lead) : a.id)}</a>
      </h3>
      <p class="meta">
        {a.outlet ? <Src>{a.outlet}</Src> : null}
        {a.outlet && a.published ? ' · ' : null}
        {a.published ? <time dateTime={a.published}>{dateLabel(a.published)}</time> : null}
        {/* as the reader marks it (Article.tsx): the date was read from the article's text */}
        {a.published && a.publishedFrom === 'text' ? <DateFromText /> : null}
      </p>
      {children}
    </li>
  );
}

function Recent() {
  const { data, error, loading } = useFetch('recent', () =>
    get<Paged<ArticleSummary>>('/api/articles', { limit: '20' }),
  );
  if (!data) return <Status loading={loading} error={error} />;
  return (
    <section aria-labelledby="recent-h">
      <h2 id="recent-h">
        {t('latest')} ({num(data.total)})
      </h2>
      {data.items.length ? (
        <ol class="hits">
          {data.items.map((a) => (
            <Summary key={a.id} a={a}>
              {a.lead ? (
                <p class="snippet src" lang="ar" dir="rtl">
                  {a.lead}
                </p>
              ) : null}
            </Summary>
          ))}
        </ol>
      ) : (
        <p class="muted">
          {t('archiveEmptyA')} <code dir="ltr">khabar ingest</code> {t('archiveEmptyB')}
        </p>
      )}
    </section>
  );
}

/**
 * The reader's own query, echoed: its direction from its first letter (`dir="auto"`), not forced
 * right-to-left as article text is — «Larijani OR Naqvi» read «Naqvi OR Larijani» and «(((» read
 * «)))» in the results heading.
 */
function Query({ q }: { q: string }) {
  return (
    <bdi dir="auto" class="query" lang={/\p{Script=Arabic}/u.test(q) ? 'ar' : undefined}>
      {q}
    </bdi>
  );
}

/** The filters of the address (`country`, `from`, …) a 400 names, with the value given. */
function refusedFilters(error: Error, state: State): Array<[string, string, string]> {
  if (!(error instanceof ApiError) || error.status !== 400) return [];
  return error.errors.flatMap((e): Array<[string, string, string]> => {
    const f = e.path.split('.')[0] ?? ''; // `country.1`: the second value of a list
    if (e.in !== 'query' || !(f in FILTER_NAME)) return [];
    const v = state[f];
    const value = Array.isArray(v) ? v.join(',') : (v ?? '');
    return [[f, value, e.message]];
  });
}

/**
 * A filter value the API refuses (country=ZZZ, from=garbage, from a hand-edited or old link):
 * which filter and value, in the interface language, and what to do — the chip above removes it.
 * Before: «Bad request: The query string does not validate: … See /api/openapi.json …».
 */
function FilterRefused({ error, state }: { error: ApiError; state: State }) {
  return (
    <div class="error" role="alert">
      {refusedFilters(error, state).map(([f, v, why]) => {
        const [before = '', after = ''] = t('badFilterValue')
          .replace('{filter}', filterName(f, v))
          .split('{value}');
        return (
          <p key={f}>
            {before}
            <bdi dir="auto">{v}</bdi>
            {after}{' '}
            <small class="detail">
              <Detail text={why} lang={error.lang} />
            </small>
          </p>
        );
      })}
    </div>
  );
}

/**
 * A filter chip's value in words: country and type labels, an actor id's name, a date in words
 * («من: 1 أكتوبر 2025» — the bare 2025-10-01 read «01-10-2025» in the Arabic chip), else the
 * value as given.
 */
function chipValue(f: string, v: string, names: ReadonlyMap<string, string>): string {
  if (f === 'actor') return names.get(v) ?? v;
  if (f === 'from' || f === 'to') {
    const read = readDate(v);
    return 'value' in read && read.value === v ? (dateLabel(v) ?? v) : v;
  }
  return f === 'country' ? countryAr(v) : f === 'type' ? (PLOVER_AR[v] ?? v) : v;
}

/** An entity id as the actor facets give it (`person:…`, `city:…`), not a name typed in the query. */
const ENTITY_ID = /^[a-z]+:[^\s:]+$/;

/**
 * The names of the actor filters given by id: a chip read «الفاعل: city:jor-amman». Each id is
 * looked up once (`GET /api/entities/{id}`); an id the archive lacks stays as written.
 */
function useActorNames(values: readonly string[]): ReadonlyMap<string, string> {
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const ids = values.filter((v) => ENTITY_ID.test(v));
  const key = ids.join('\n');
  useEffect(() => {
    let live = true;
    Promise.all(
      ids.map((id) =>
        get<{ entity: EntityView['entity'] }>(`/api/entities/${encodeURIComponent(id)}`).then(
          (d): [string, string] => [id, standaloneName(d.entity)],
          () => undefined,
        ),
      ),
    ).then((pairs) => {
      if (live) setNames(new Map(pairs.filter((p): p is [string, string] => p !== undefined)));
    });
    return () => {
      live = false;
    };
  }, [key]);
  return names;
}

/**
 * A facet value's label in the interface language: English names from the API (`label_en`,
 * asked with `?lang=en`) or the Arabic label; countries and types from the web's own tables.
 * Actor names and outlets still in Arabic are shown as Arabic text.
 */
function facetLabel(name: string, v: { value: string; label?: string; label_en?: string }) {
  if (name === 'countries') return countryAr(v.value, v.label, v.label_en);
  if (name === 'types') return PLOVER_AR[v.value] ?? v.value;
  if (name === 'months') return dateLabel(v.value) ?? v.value;
  const text = (lang() === 'en' ? v.label_en : undefined) ?? v.label ?? v.value;
  return /\p{Script=Arabic}/u.test(text) ? <Src>{text}</Src> : text;
}

export function SearchPage({ route }: { route: Route }) {
  const state = stateOf(route.params);
  const q = (state.q as string | undefined) ?? '';
  const pageNo = Math.max(1, Number(state.page ?? 1) || 1);
  // The box follows the URL's query when that changes (a link, back, a submit), set during the
  // render that shows the new query. Before, an effect did it after the next frame — also on
  // the first render — and wiped what had been typed in between (CI: the Enter sent nothing).
  const [typed, setDraft] = useState(q);
  const [draftOf, setDraftOf] = useState(q);
  if (draftOf !== q) {
    setDraftOf(q);
    setDraft(q);
  }
  const draft = draftOf === q ? typed : q;
  const key = route.params.toString();
  const active =
    q !== '' || Boolean(state.from || state.to) || FILTERS.some((f) => (state[f] as string[]).length);
  const params = {
    q,
    ...Object.fromEntries(FILTERS.map((f) => [f, state[f]])),
    from: state.from as string | undefined,
    to: state.to as string | undefined,
  };
  // Hits first (cheap), facets in a second request (they cost the store most): the results
  // show as soon as they are found, the facet column fills in after.
  const { data, error, loading } = useFetch(key, () =>
    active
      ? get<SearchResponse>('/api/search', {
          ...params,
          sort: state.sort as string | undefined,
          facets: 'false',
          limit: String(PAGE),
          offset: String((pageNo - 1) * PAGE),
        })
      : Promise.resolve(undefined),
  );
  const facetKey = new URLSearchParams(
    Object.entries(params).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v ? [[k, v]] : [])),
  ).toString();
  const facetData = useFetch(facetKey, () =>
    active
      ? get<SearchResponse>('/api/search', { ...params, facets: 'true', limit: '1' })
      : Promise.resolve(undefined),
  );
  const facets = facetData.data?.facets;
  const actorNames = useActorNames((state.actor as string[]) ?? []);
  const chips: Array<[string, string]> = [
    ...FILTERS.flatMap((f) => ((state[f] as string[]) ?? []).map((v): [string, string] => [f, v])),
    ...(['from', 'to'] as const).flatMap(
      (f): Array<[string, string]> => (state[f] ? [[f, state[f] as string]] : []),
    ),
  ];
  const go = (next: State) => navigate(href(['search'], { ...state, page: undefined, ...next }));
  const toggle = (f: string, v: string) => {
    const cur = (state[f] as string[]) ?? [];
    go({ [f]: cur.includes(v) ? cur.filter((x) => x !== v) : [...cur, v] });
  };
  return (
    <div class="search">
      <search>
        <form
          class="search-form"
          onSubmit={(e) => {
            e.preventDefault();
            // Enter in a date box submits the form too: send what the date boxes hold, unless one
            // is not a date (its box says so; nothing is sent).
            const form = new FormData(e.currentTarget as HTMLFormElement);
            const from = readDate(String(form.get('from') ?? ''));
            const to = readDate(String(form.get('to') ?? ''));
            if ('error' in from || 'error' in to) return;
            go({ q: draft.trim(), from: from.value, to: to.value });
          }}
        >
          <label for="q">{t('searchLabel')}</label>
          <div class="row">
            <input
              id="q"
              name="q"
              type="search"
              value={draft}
              onInput={(e) => setDraft((e.target as HTMLInputElement).value)}
              placeholder={t('searchPlaceholder')}
              autoComplete="off"
            />
            <button type="submit">{t('searchButton')}</button>
          </div>
          <div class="row dates">
            <DateInput
              label={t('from')}
              name="from"
              value={(state.from as string) ?? ''}
              onCommit={(v) => go({ from: v })}
            />
            <DateInput
              label={t('to')}
              name="to"
              value={(state.to as string) ?? ''}
              onCommit={(v) => go({ to: v })}
            />
            <label>
              {t('sort')}{' '}
              <select
                value={(state.sort as string) ?? 'relevance'}
                onChange={(e) => go({ sort: (e.target as HTMLSelectElement).value })}
              >
                <option value="relevance">{t('sortRelevance')}</option>
                <option value="date">{t('sortDate')}</option>
              </select>
            </label>
          </div>
        </form>
      </search>
      {chips.length ? (
        <ul class="chips active-filters" aria-label={t('activeFilters')}>
          {chips.map(([f, v]) => (
            <li key={`${f}=${v}`}>
              <button
                type="button"
                class="chip"
                aria-label={`${t('remove')} ${filterName(f, v)}: ${chipValue(f, v, actorNames)}`}
                onClick={() =>
                  (FILTERS as readonly string[]).includes(f) ? toggle(f, v) : go({ [f]: undefined })
                }
              >
                {filterName(f, v)}:{' '}
                {/\p{Script=Arabic}/u.test(chipValue(f, v, actorNames)) ? (
                  <Src>{chipValue(f, v, actorNames)}</Src>
                ) : (
                  // isolated: a value as given (2025-13-45, ZZZ) keeps its own order
                  <bdi>{chipValue(f, v, actorNames)}</bdi>
                )}{' '}
                ✕
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {!active ? (
        <Recent />
      ) : !data && error && refusedFilters(error, state).length ? (
        <FilterRefused error={error as ApiError} state={state} />
      ) : !data ? (
        <Status loading={loading} error={error} />
      ) : (
        <div class="results">
          <aside class="facets" aria-label={t('refine')}>
            {!facets ? (
              <p class="muted" aria-live="polite">
                {facetData.error ? <ErrorText error={facetData.error} /> : t('facetsLoading')}
              </p>
            ) : null}
            {Object.entries(facets ?? {}).map(([name, values]) =>
              values.length ? (
                <section key={name}>
                  <h2>{FACET_TITLE[name] ? t(FACET_TITLE[name]) : name}</h2>
                  <ul>
                    {values.slice(0, 12).map((v) => {
                      const f = FACET_OF[name];
                      const label = facetLabel(name, v);
                      const on = f ? ((state[f] as string[]) ?? []).includes(v.value) : false;
                      return (
                        <li key={v.value}>
                          {f ? (
                            <button
                              type="button"
                              class="facet"
                              aria-pressed={on}
                              onClick={() => toggle(f, v.value)}
                            >
                              {label} <span class="count">{num(v.count)}</span>
                            </button>
                          ) : (
                            <button
                              type="button"
                              class="facet"
                              // the month as the API takes it (inclusive): `-31` made «31 نوفمبر»
                              onClick={() => go({ from: v.value, to: v.value })}
                            >
                              {label} <span class="count">{num(v.count)}</span>
                            </button>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </section>
              ) : null,
            )}
          </aside>
          <section class="hits-wrap" aria-labelledby="hits-h">
            <h2 id="hits-h" aria-live="polite">
              {data.totalExact === false ? `${t('moreThan')} ` : ''}
              {data.total === 0 && data.totalExact !== false ? t('noResults') : counted(data.total, 'result')}
              {q ? (
                <>
                  {' '}
                  {t('resultsFor')}
                  {lang() === 'en' ? ' ' : ''}«<Query q={q} />»
                </>
              ) : null}
            </h2>
            {data.total === 0 ? (
              <p class="muted">
                {rangeReversed(state.from as string, state.to as string)
                  ? t('rangeReversed')
                  : t('noResultsHint')}
              </p>
            ) : null}
            {/* The store's notes (a filter value the archive does not know, an unclosed quote), written from their code in the interface's language. */}
            {data.notes?.length ? (
              <Notes
                notes={data.notes}
                // an ambiguous actor narrowed to one: its id in place of the name (one written in
                // the query stays there, and with the id finds that one's articles)
                narrow={(value, id) =>
                  href(['search'], {
                    ...state,
                    page: undefined,
                    actor: [...((state.actor as string[]) ?? []).filter((v) => v !== value), id],
                  })
                }
              />
            ) : null}
            <ol class="hits">
              {data.hits.map((h) => (
                <Summary key={h.id} a={h}>
                  <Snippet text={h.snippet} highlights={h.highlights} />
                </Summary>
              ))}
            </ol>
            {/* Pages only when there is more than one (or the reader is past the first). */}
            {data.total > PAGE || pageNo > 1 ? (
              <nav class="pager" aria-label={t('pages')}>
                {pageNo > 1 ? (
                  <a href={href(['search'], { ...state, page: String(pageNo - 1) })}>{t('prev')}</a>
                ) : null}
                <span>
                  {t('page')} {num(pageNo)}
                  {/* Past the count cap the number of pages is not known. */}
                  {data.totalExact === false
                    ? ''
                    : ` ${t('of')} ${num(Math.max(1, Math.ceil(data.total / PAGE)))}`}
                </span>
                {pageNo * PAGE < data.total ? (
                  <a href={href(['search'], { ...state, page: String(pageNo + 1) })}>{t('next')}</a>
                ) : null}
              </nav>
            ) : null}
          </section>
        </div>
      )}
    </div>
  );
}
