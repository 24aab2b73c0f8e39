/** A timeline of events in SVG: time runs right to left, one row per PLOVER type. */
import type { SearchNote } from '../../../src/i18n/search-notes.ts';
import { ApiError, get, type Paged, type StoredEvent } from '../api.ts';
import { DateInput } from '../components/DateInput.tsx';
import { Notes } from '../components/Notes.tsx';
import { actorLabel, actorParts } from '../components/EventDetail.tsx';
import { rangeReversed } from '../dateInput.ts';
import { Src } from '../components/Src.tsx';
import { Status } from '../components/Status.tsx';
import { TextFilter } from '../components/TextFilter.tsx';
import { lang, t } from '../i18n.ts';
import { COMMON_COUNTRIES, counted, countryAr, dateLabel, num, PLOVER_AR, rtlText } from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { eventTime, layoutTimeline } from '../timeline.ts';
import { useFetch } from '../useFetch.ts';

const TYPE_ORDER = Object.keys(PLOVER_AR);

/**
 * Who did it to whom, as the event panel says them («علي لاريجاني ← مجلس الشورى الإسلامي»): the
 * list said «اتهام — انتقد» and not who. Names are the entity's as the API gives them
 * (`display` in Arabic, `name` in English).
 */
function EventActors({ e }: { e: StoredEvent }) {
  const names = new Map(
    [...e.source, ...e.target]
      .filter((a) => a.entityId)
      .map((a) => {
        const ar = (a as { display?: string }).display ?? a.name ?? '';
        // `name` is the English one when there is one; an Arabic one is transliterated in English (entityName).
        const en = a.name && !/\p{Script=Arabic}/u.test(a.name) ? a.name : undefined;
        return [a.entityId!, { ar, ...(en ? { en } : {}), aliases: [] }];
      }),
  );
  // An actor with a page by its name alone («علي لاريجاني»); one keyed by a code by what it is
  // («عمان (حكومة)»).
  const label = (a: StoredEvent['source'][number]) =>
    a.entityId ? actorParts(a, names).name : actorLabel(a, names);
  const side = (list: StoredEvent['source']) => [...new Set(list.map(label).filter(Boolean))];
  const from = side(e.source);
  const to = side(e.target);
  const sep = lang() === 'ar' ? '، ' : ', ';
  // Both ways («التقى الجانبان»): the two sides once, not «A، B ← A، B».
  const words = e.reciprocal
    ? [...new Set([...from, ...to])].join(' ↔ ')
    : [from.join(sep) || '—', to.join(sep)].filter(Boolean).join(lang() === 'ar' ? ' ← ' : ' → ');
  if (!from.length && !to.length) return null;
  return (
    <span class="muted event-actors">
      {' · '}
      <bdi>{words}</bdi>
    </span>
  );
}

/** One event in the timeline's lists: its PLOVER code, its Arabic name and its trigger, linked to the event in its article; then its actors. */
function EventLink({ e }: { e: StoredEvent }) {
  return (
    <>
      <a href={href(['article', e.articleId], { event: e.id })}>
        <span class="code" lang="en">
          {e.type}
        </span>{' '}
        {PLOVER_AR[e.type]} — <Src>{e.trigger.text}</Src>
      </a>
      <EventActors e={e} />
    </>
  );
}

/**
 * The chart's width in user units: about its width on screen, at most 900. Its labels are 12
 * units high, drawn at 12 px on a phone too — a fixed 900 scaled into a 390 px phone drew them
 * at 5 px, unreadable (walk).
 */
function chartWidth(): number {
  const room = document.querySelector('main')?.clientWidth ?? 900;
  return Math.round(Math.min(900, Math.max(340, room - 24)));
}

/** Events a timeline page draws (the API's largest page); older ones page by page, `?page=2`. */
export const TIMELINE_PAGE = 100;

export function TimelinePage({ route }: { route: Route }) {
  const p = route.params;
  // Every filter in the address, so a timeline can be shared: `#/timeline?actor=org:unsc&country=JOR`.
  const filters = {
    from: p.get('from') ?? undefined,
    to: p.get('to') ?? undefined,
    type: p.getAll('type'),
    actor: p.get('actor') ?? undefined,
    country: p.get('country') ?? undefined,
  };
  // The page in the address too (`&page=2`): a later page can be shared and comes back with Back.
  const pageNo = Math.max(1, Math.floor(Number(p.get('page') ?? 1)) || 1);
  const offset = (pageNo - 1) * TIMELINE_PAGE;
  const { data, error, loading } = useFetch(p.toString(), () =>
    get<Paged<StoredEvent> & { notes?: SearchNote[] }>('/api/events', {
      ...filters,
      limit: String(TIMELINE_PAGE),
      offset: offset ? String(offset) : undefined,
    }),
  );
  // A new filter starts again at the first page.
  const go = (next: Record<string, string | string[] | undefined>) =>
    navigate(href(['timeline'], { ...filters, ...next }));
  const pageHref = (n: number) => href(['timeline'], { ...filters, page: n > 1 ? String(n) : undefined });
  const pages = data ? Math.max(1, Math.ceil(data.total / TIMELINE_PAGE)) : 1;
  const form = (
    <form class="row filters" onSubmit={(e) => e.preventDefault()}>
      <DateInput label={t('from')} name="from" value={filters.from ?? ''} onCommit={(v) => go({ from: v })} />
      <DateInput label={t('to')} name="to" value={filters.to ?? ''} onCommit={(v) => go({ to: v })} />
      <label>
        {t('type')}{' '}
        <select
          value={filters.type[0] ?? ''}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            go({ type: v ? [v] : [] });
          }}
        >
          <option value="">{t('all')}</option>
          {TYPE_ORDER.map((k) => (
            <option key={k} value={k}>
              {PLOVER_AR[k]} ({k})
            </option>
          ))}
        </select>
      </label>
      {/* an entity id (as its page links here) or a name as the articles write it */}
      <TextFilter
        label={t('actor')}
        name="actor"
        value={filters.actor ?? ''}
        hint={t('actorFilterHint')}
        onCommit={(v) => go({ actor: v })}
      />
      {/* a code or a name in Arabic or English: the API reads both */}
      <TextFilter
        label={t('country')}
        name="country"
        value={filters.country ?? ''}
        list="timeline-countries"
        hint={t('countryFilterHint')}
        onCommit={(v) => go({ country: v })}
      />
      <datalist id="timeline-countries">
        {COMMON_COUNTRIES.map((c) => (
          <option key={c} value={countryAr(c)} />
        ))}
      </datalist>
    </form>
  );
  // An actor no event or entity is called: said of the box above (a 404 read «nothing has this
  // link, it may have been removed», as for a broken link).
  const unknownActor = error instanceof ApiError && error.type === 'urn:khabar:problem:actor_not_found';
  if (!data)
    return (
      <div class="timeline">
        <h1>{t('timelineTitle')}</h1>
        {form}
        {unknownActor ? (
          <p class="error" role="alert">
            {t('noSuchActor').replace('{value}', filters.actor ?? '')}
          </p>
        ) : (
          <Status loading={loading} error={error} />
        )}
      </div>
    );
  // The axis spans the day- and month-dated events; year-only ones are drawn over their year
  // where it meets the axis, the rest listed under the chart (web/src/timeline.ts).
  const { min, max, onAxis, outside, undated } = layoutTimeline(data.items);
  const types = TYPE_ORDER.filter((k) => onAxis.some((d) => d.e.type === k));
  const W = chartWidth();
  const rowH = 26;
  const pad = 10;
  const labelW = 110; // room for the type labels: on the right in Arabic, on the left in English
  const rtl = lang() === 'ar';
  const x1 = rtl ? pad : labelW;
  const x2 = rtl ? W - labelW : W - pad;
  const H = types.length * rowH + 40;
  // Time runs with the reading direction: oldest on the right in Arabic, on the left in English.
  const x = (t: number) => {
    if (max === min) return (x1 + x2) / 2;
    const f = (t - min) / (max - min);
    return rtl ? x2 - f * (x2 - x1) : x1 + f * (x2 - x1);
  };
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return (
    <div class="timeline">
      <h1>{t('timelineTitle')}</h1>
      {form}
      <p class="meta">
        {counted(data.total, 'event')}
        {data.total > data.items.length
          ? ` (${t('shown')} ${
              data.items.length ? `${num(offset + 1)}–${num(offset + data.items.length)}` : num(0)
            })`
          : ''}
      </p>
      {data.notes?.length ? (
        <Notes notes={data.notes} narrow={(_, actor) => href(['timeline'], { ...filters, actor })} />
      ) : null}
      {onAxis.length ? (
        <svg class="tl" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('timelineAxis')}>
          {types.map((k, i) => (
            <g key={k}>
              <line x1={x1} x2={x2} y1={i * rowH + 20} y2={i * rowH + 20} class="lane" />
              <text
                x={rtl ? W - labelW + 8 : labelW - 8}
                y={i * rowH + 25}
                class="lane-label"
                text-anchor={rtl ? 'start' : 'end'}
              >
                {PLOVER_AR[k]}
              </text>
            </g>
          ))}
          {onAxis.map(({ e, t: at, span }) => {
            const i = types.indexOf(e.type);
            const y = i * rowH + 20;
            const when = dateLabel(e.date?.value ? e.date : day(at));
            return (
              <a
                key={`${e.articleId}-${e.id}`}
                href={href(['article', e.articleId], { event: e.id })}
                class={`dot t-${e.type}${span ? ' year-only' : ''}`}
              >
                <title>{`${PLOVER_AR[e.type]} · ${when}${span ? ` (${t('yearOnly')})` : ''}`}</title>
                {span ? (
                  <rect
                    class="year-span"
                    x={Math.min(x(span[0]), x(span[1]))}
                    y={y - 3}
                    width={Math.max(Math.abs(x(span[1]) - x(span[0])), 2)}
                    height={6}
                    rx={3}
                  />
                ) : null}
                <circle cx={x(at)} cy={y} r={6} />
                {/* the dot's tap target: 32 px across (a 12 px dot was hard to hit with a thumb) */}
                <circle class="hit" cx={x(at)} cy={y} r={16} />
              </a>
            );
          })}
          {/* Each end's date is written inwards from its end of the axis, so neither is cut off. */}
          <text x={rtl ? x2 : x1} y={H - 4} class="tick tick-oldest" text-anchor={rtl ? 'end' : 'start'}>
            {rtlText(dateLabel(day(min)))}
          </text>
          <text x={rtl ? x1 : x2} y={H - 4} class="tick tick-newest" text-anchor={rtl ? 'start' : 'end'}>
            {rtlText(dateLabel(day(max)))}
          </text>
        </svg>
      ) : (
        <p class="muted">{rangeReversed(filters.from, filters.to) ? t('rangeReversed') : t('noDated')}</p>
      )}
      {outside.length ? (
        <details class="outside">
          <summary>
            {t('outsideAxis')} ({num(outside.length)})
          </summary>
          <p class="muted">{t('outsideAxisWhy')}</p>
          <ol class="events">
            {outside.map(({ e, t: at }) => (
              <li key={`${e.articleId}-${e.id}`}>
                <span class="meta">
                  <time dateTime={e.date?.value ?? day(at)}>
                    {dateLabel(e.date?.value ? e.date : day(at))}
                  </time>
                </span>{' '}
                <EventLink e={e} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      {undated.length ? (
        <details>
          <summary>
            {t('undatedEvents')} ({num(undated.length)})
          </summary>
          <ol class="events">
            {undated.map((e) => (
              <li key={`${e.articleId}-${e.id}`}>
                <EventLink e={e} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <ol class="events">
        {data.items
          .map((e) => ({ e, t: eventTime(e)?.t }))
          .filter((x): x is { e: StoredEvent; t: number } => x.t !== undefined)
          .sort((a, b) => b.t - a.t)
          .map(({ e, t }) => (
            <li key={`${e.articleId}-${e.id}`}>
              <span class="meta">
                <time dateTime={e.date?.value ?? day(t)}>{dateLabel(e.date?.value ? e.date : day(t))}</time>
              </span>{' '}
              <EventLink e={e} />
            </li>
          ))}
      </ol>
      {/* Older events page by page: the timeline drew the newest 100 and no way to the rest. */}
      {pages > 1 || pageNo > 1 ? (
        <nav class="pager" aria-label={t('pages')}>
          {/* past the last page (an old link, fewer events now): back to the last one */}
          {pageNo > 1 ? <a href={pageHref(Math.min(pageNo - 1, pages))}>{t('prev')}</a> : null}
          <span>
            {t('page')} {num(pageNo)} {t('of')} {num(pages)}
          </span>
          {pageNo < pages ? <a href={pageHref(pageNo + 1)}>{t('next')}</a> : null}
        </nav>
      ) : null}
    </div>
  );
}
