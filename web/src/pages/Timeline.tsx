/** A timeline of events in SVG: time runs right to left, one row per PLOVER type. */
import { get, type Paged, type StoredEvent } from '../api.ts';
import { Status } from '../components/Status.tsx';
import { num, PLOVER_AR } from '../labels.ts';
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
        من{' '}
        <input
          type="date"
          value={filters.from ?? ''}
          onChange={(e) => go({ from: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label>
        إلى{' '}
        <input
          type="date"
          value={filters.to ?? ''}
          onChange={(e) => go({ to: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label>
        النوع{' '}
        <select
          value={filters.type[0] ?? ''}
          onChange={(e) => {
            const v = (e.target as HTMLSelectElement).value;
            go({ type: v ? [v] : [] });
          }}
        >
          <option value="">الكل</option>
          {TYPE_ORDER.map((t) => (
            <option key={t} value={t}>
              {PLOVER_AR[t]} ({t})
            </option>
          ))}
        </select>
      </label>
    </form>
  );
  if (!data)
    return (
      <div class="timeline">
        <h1>الخط الزمني للأحداث</h1>
        {form}
        <Status loading={loading} error={error} />
      </div>
    );
  const dated = data.items
    .map((e) => ({ e, t: eventTime(e) }))
    .filter((x): x is { e: StoredEvent; t: number } => x.t !== undefined);
  const undated = data.items.filter((e) => eventTime(e) === undefined);
  const types = TYPE_ORDER.filter((t) => dated.some((x) => x.e.type === t));
  const min = Math.min(...dated.map((x) => x.t));
  const max = Math.max(...dated.map((x) => x.t));
  const W = 900;
  const rowH = 26;
  const left = 10;
  const right = 110; // room for the type labels on the right (RTL)
  const H = types.length * rowH + 40;
  const x = (t: number) =>
    max === min ? (W - right + left) / 2 : W - right - ((t - min) / (max - min)) * (W - right - left);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  return (
    <div class="timeline">
      <h1>الخط الزمني للأحداث</h1>
      {form}
      <p class="meta">
        {num(data.total)} حدثًا{data.total > data.items.length ? ` (يُعرض ${num(data.items.length)})` : ''}
      </p>
      {dated.length ? (
        <svg
          class="tl"
          viewBox={`0 0 ${W} ${H}`}
          role="img"
          aria-label="الأحداث على محور الزمن، الأقدم يمينًا"
        >
          {types.map((t, i) => (
            <g key={t}>
              <line x1={left} x2={W - right} y1={i * rowH + 20} y2={i * rowH + 20} class="lane" />
              <text x={W - right + 8} y={i * rowH + 25} class="lane-label">
                {PLOVER_AR[t]}
              </text>
            </g>
          ))}
          {dated.map(({ e, t }) => {
            const i = types.indexOf(e.type);
            return (
              <a
                key={`${e.articleId}-${e.id}`}
                href={href(['article', e.articleId], { event: e.id })}
                class={`dot t-${e.type}`}
              >
                <title>{`${PLOVER_AR[e.type]} · ${day(t)} · ${e.trigger.text}`}</title>
                <circle cx={x(t)} cy={i * rowH + 20} r={6} />
              </a>
            );
          })}
          <text x={W - right} y={H - 4} class="tick" text-anchor="start">
            {day(min)}
          </text>
          <text x={left} y={H - 4} class="tick" text-anchor="end">
            {day(max)}
          </text>
        </svg>
      ) : (
        <p class="muted">لا أحداث مؤرَّخة ضمن هذا النطاق.</p>
      )}
      {undated.length ? (
        <details>
          <summary>أحداث غير مؤرَّخة ({num(undated.length)})</summary>
          <ol class="events">
            {undated.map((e) => (
              <li key={`${e.articleId}-${e.id}`}>
                <a href={href(['article', e.articleId], { event: e.id })}>
                  <span class="code">{e.type}</span> {PLOVER_AR[e.type]} — {e.trigger.text}
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
              <span class="meta">{day(t)}</span>{' '}
              <a href={href(['article', e.articleId], { event: e.id })}>
                <span class="code">{e.type}</span> {PLOVER_AR[e.type]} — {e.trigger.text}
              </a>
            </li>
          ))}
      </ol>
    </div>
  );
}
