/**
 * The relations graph (cytoscape, loaded lazily): actors as nodes, one edge per dyad,
 * coloured from conflict (red) to cooperation (green), with a time filter. The same
 * dyads are listed in a table for keyboard and screen-reader users.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import { get, type Relations } from '../api.ts';
import { Status } from '../components/Status.tsx';
import { countryAr, num, PLOVER_AR, periodAr, score, scoreColour } from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { useFetch } from '../useFetch.ts';

function entityId(level: string, id: string): string {
  return level === 'country' ? `country:${id}` : id;
}

function Graph({ data }: { data: Relations }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const label = new Map(
      data.nodes.map((n) => [n.id, data.level === 'country' ? countryAr(n.id, n.label) : (n.label ?? n.id)]),
    );
    const maxTotal = Math.max(1, ...data.dyads.map((d) => d.total));
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...data.nodes.map((n) => ({ data: { id: n.id, label: label.get(n.id) ?? n.id } })),
        ...data.dyads.map((d) => ({
          data: {
            id: `${d.source}>${d.target}`,
            source: d.source,
            target: d.target,
            colour: scoreColour(d.score),
            width: 1.5 + 6 * Math.sqrt(d.total / maxTotal),
          },
        })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'font-family': '"Noto Naskh Arabic", serif',
            'font-size': 14,
            'background-color': '#33526e',
            color: '#1b1b1b',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            width: 22,
            height: 22,
          },
        },
        {
          selector: 'edge',
          style: {
            'line-color': 'data(colour)',
            'target-arrow-color': 'data(colour)',
            'target-arrow-shape': 'triangle',
            'curve-style': 'bezier',
            width: 'data(width)',
          },
        },
      ],
      layout: { name: data.nodes.length > 2 ? 'cose' : 'circle', animate: false, padding: 30 },
    });
    cy.on('tap', 'node', (e) => navigate(href(['entity', entityId(data.level, e.target.id())])));
    return () => cy.destroy();
  }, [data]);
  return (
    <div
      ref={box}
      class="graph"
      role="img"
      aria-label={`شبكة العلاقات: ${num(data.nodes.length)} فاعلًا و${num(data.dyads.length)} علاقة`}
      data-nodes={data.nodes.length}
      data-edges={data.dyads.length}
    />
  );
}

export function RelationsPage({ route }: { route: Route }) {
  const p = route.params;
  const f = {
    level: p.get('level') ?? 'country',
    from: p.get('from') ?? undefined,
    to: p.get('to') ?? undefined,
  };
  const { data, error, loading } = useFetch(p.toString(), () =>
    get<Relations>('/api/relations', { ...f, limit: '150' }),
  );
  const go = (next: Record<string, string | undefined>) => navigate(href(['relations'], { ...f, ...next }));
  const name = (id: string) => {
    const n = data?.nodes.find((x) => x.id === id);
    return data?.level === 'country' ? countryAr(id, n?.label) : (n?.label ?? id);
  };
  return (
    <div class="relations">
      <h1>شبكة العلاقات</h1>
      <form class="row filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          المستوى{' '}
          <select value={f.level} onChange={(e) => go({ level: (e.target as HTMLSelectElement).value })}>
            <option value="country">الدول</option>
            <option value="actor">الفاعلون</option>
          </select>
        </label>
        <label>
          من الشهر{' '}
          <input
            type="month"
            value={f.from ?? ''}
            onChange={(e) => go({ from: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          إلى الشهر{' '}
          <input
            type="month"
            value={f.to ?? ''}
            onChange={(e) => go({ to: (e.target as HTMLInputElement).value })}
          />
        </label>
      </form>
      <p class="legend">
        <span class="swatch" style={{ background: scoreColour(-10) }} aria-hidden="true" /> نزاع{' '}
        <span class="swatch" style={{ background: scoreColour(0) }} aria-hidden="true" /> محايد{' '}
        <span class="swatch" style={{ background: scoreColour(10) }} aria-hidden="true" /> تعاون
      </p>
      {!data ? (
        <Status loading={loading} error={error} />
      ) : data.dyads.length === 0 ? (
        <p class="muted">لا علاقات في هذا النطاق.</p>
      ) : (
        <>
          <Graph data={data} />
          <table class="dyads">
            <caption>العلاقات ({num(data.total)})</caption>
            <thead>
              <tr>
                <th scope="col">من</th>
                <th scope="col">إلى</th>
                <th scope="col">الأحداث</th>
                <th scope="col">التعاون/النزاع</th>
                <th scope="col">الأنواع</th>
                <th scope="col">حسب الشهر</th>
              </tr>
            </thead>
            <tbody>
              {data.dyads.map((d) => (
                <tr key={`${d.source}>${d.target}`} data-dyad={`${d.source}-${d.target}`}>
                  <td>
                    <a href={href(['entity', entityId(data.level, d.source)])}>{name(d.source)}</a>
                  </td>
                  <td>
                    <a href={href(['entity', entityId(data.level, d.target)])}>{name(d.target)}</a>
                  </td>
                  <td>{num(d.total)}</td>
                  <td>
                    <span class="swatch" style={{ background: scoreColour(d.score) }} aria-hidden="true" />{' '}
                    {score(d.score)}
                  </td>
                  <td>
                    {Object.entries(d.counts)
                      .map(([t, n]) => `${PLOVER_AR[t] ?? t} ${num(n ?? 0)}`)
                      .join('، ')}
                  </td>
                  <td>{d.periods.map((x) => `${periodAr(x.period)}: ${score(x.score)}`).join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
