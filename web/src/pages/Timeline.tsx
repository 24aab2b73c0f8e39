/** A timeline of events in SVG: time runs right to left, one row per PLOVER type. */
import { get, type Paged, type StoredEvent } from '../api.ts';
import { Src } from '../components/Src.tsx';
import { Status } from '../components/Status.tsx';
import { lang, t } from '../i18n.ts';
import { counted, dateLabel, num, PLOVER_AR, rtlText } from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { useFetch } from '../useFetch.ts';

const TYPE_ORDER = Object.keys(PLOVER_AR);

export function eventTime(e: StoredEvent): number | undefined {
  const v = e.date?.value ?? e.published;
  if (!v) return undefined;
  const iso = v.length === 4 ? `${v}-07-01` : v.length === 7 ? `${v}-15` : v.slice(0, 10);
  const t = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(t) ? undefined : t;
}

export function TimelinePage({ route }: { route: Route }) {
  const p = route.params;
  const filters = { from: p.get('from') ?? undefined, to: p.get('to') ?? undefined, type: p.getAll('type') };
  const { data, error, loading } = useFetch(p.toString(), () =>
    get<Paged<StoredEvent>>('/api/events', { ...filters, limit: '100' }),
  );
  const go = (next: Record<string, string | string[] | undefined>) =>
    navigate(href(['timeline'], { ...filters, ...next }));
  const form = (
    <form class="row filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('from')}{' '}
        <input
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => go({ from: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label>
        {t('to')}{' '}
        <input
          type="date"
          value={filters.to ?? ''}
          onChange={(e) => go({ to: (e.target as HTMLInputElement).value })}
        />
      </label>
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
    </form>
  );
  if (!data)
    return (
      <div class="timeline">
        <h1>{t('timelineTitle')}</h1>
        {form}
        <Status loading={loading} error={error} />
      </div>
    );
  const dated = data.items
    .map((e) => ({ e, t: eventTime(e) }))
    .filter((x): x is { e: StoredEvent; t: number } => x.t !== undefined);
  const undated = data.items.filter((e) => eventTime(e) === undefined);
  const types = TYPE_ORDER.filter((k) => dated.some((d) => d.e.type === k));
  const min = Math.min(...dated.map((x) => x.t));
  const max = Math.max(...dated.map((x) => x.t));
  const W = 900;
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
        {data.total > data.items.length ? ` (${t('shown')} ${num(data.items.length)})` : ''}
      </p>
      {dated.length ? (
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
          {dated.map(({ e, t: at }) => {
            const i = types.indexOf(e.type);
            return (
              <a
                key={`${e.articleId}-${e.id}`}
                href={href(['article', e.articleId], { event: e.id })}
                class={`dot t-${e.type}`}
              >
                <title>{`${PLOVER_AR[e.type]} · ${dateLabel(e.date?.value ? e.date : day(at))}`}</title>
                <circle cx={x(at)} cy={i * rowH + 20} r={6} />
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
        <p class="muted">{t('noDated')}</p>
      )}
      {undated.length ? (
        <details>
          <summary>
            {t('undatedEvents')} ({num(undated.length)})
          </summary>
          <ol class="events">
            {undated.map((e) => (
              <li key={`${e.articleId}-${e.id}`}>
                <a href={href(['article', e.articleId], { event: e.id })}>
                  <span class="code" lang="en">
                    {e.type}
                  </span>{' '}
                  {PLOVER_AR[e.type]} — <Src>{e.trigger.text}</Src>
                </a>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
      <ol class="events">
        {dated
          .sort((a, b) => b.t - a.t)
          .map(({ e, t }) => (
            <li key={`${e.articleId}-${e.id}`}>
              <span class="meta">
                <time dateTime={day(t)}>{dateLabel(e.date?.value ? e.date : day(t))}</time>
              </span>{' '}
              <a href={href(['article', e.articleId], { event: e.id })}>
                <span class="code" lang="en">
                  {e.type}
                </span>{' '}
                {PLOVER_AR[e.type]} — <Src>{e.trigger.text}</Src>
              </a>
            </li>
          ))}
      </ol>
    </div>
  );
}
