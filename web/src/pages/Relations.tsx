/**
 * The relations graph (cytoscape, loaded lazily): actors as nodes, one edge per dyad,
 * coloured from conflict (red) to cooperation (green), with a time filter. The same
 * dyads are listed in a table for keyboard and screen-reader users.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'preact/hooks';
import { get, type Relations } from '../api.ts';
import { Src } from '../components/Src.tsx';
import { Status } from '../components/Status.tsx';
import { entityName, lang, t } from '../i18n.ts';
import { countryAr, dateLabel, num, PLOVER_AR, periodAr, SECTOR_AR, score, scoreColour } from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { useFetch } from '../useFetch.ts';

function entityId(level: string, id: string): string {
  return level === 'country' ? `country:${id}` : id;
}

/**
 * A node's name in the interface language: a country from the labels table; an actor by its
 * English name from the API (`label_en`, with `?lang=en`), else a transliteration of the
 * Arabic label; in Arabic, the stored Arabic name.
 */
function nodeName(level: string, n: { id: string; label?: string; label_en?: string }): string {
  if (level === 'country') return countryAr(n.id, n.label);
  // Actors with no entity are keyed by country and sector: «EGY/GOV», «---/COP», «TUN».
  const code = /^([A-Z]{3}|-{3})(?:\/([A-Z]{3}))?$/.exec(n.id);
  if (code && !n.label) {
    const sector = code[2] ? (SECTOR_AR[code[2]] ?? code[2]) : undefined;
    // Country unknown: the sector alone («الشرطة», not «?/الشرطة»).
    if (code[1] === '---') return sector ?? n.id;
    const country = countryAr(code[1]!);
    return sector ? `${country}/${sector}` : country;
  }
  if (lang() === 'en') return n.label_en ?? (n.label ? entityName({ ar: n.label }) : n.id);
  return n.label ?? n.id;
}

function Graph({ data }: { data: Relations }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const label = new Map(data.nodes.map((n) => [n.id, nodeName(data.level, n)]));
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
            'font-family': lang() === 'ar' ? '"Noto Naskh Arabic", serif' : 'system-ui, sans-serif',
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
      aria-label={`${t('relationsTitle')}: ${num(data.nodes.length)} ${t('graphActors')}${lang() === 'ar' ? ' و' : ', '}${num(data.dyads.length)} ${t('graphLinks')}`}
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
    const text = nodeName(data?.level ?? 'country', data?.nodes.find((x) => x.id === id) ?? { id });
    return /\p{Script=Arabic}/u.test(text) && lang() === 'en' ? <Src>{text}</Src> : text;
  };
  return (
    <div class="relations">
      <h1>{t('relationsTitle')}</h1>
      <form class="row filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('level')}{' '}
          <select value={f.level} onChange={(e) => go({ level: (e.target as HTMLSelectElement).value })}>
            <option value="country">{t('levelCountries')}</option>
            <option value="actor">{t('levelActors')}</option>
          </select>
        </label>
        <label>
          {t('fromMonth')}{' '}
          <input
            type="month"
            value={f.from ?? ''}
            onChange={(e) => go({ from: (e.target as HTMLInputElement).value })}
          />
        </label>
        <label>
          {t('toMonth')}{' '}
          <input
            type="month"
            value={f.to ?? ''}
            onChange={(e) => go({ to: (e.target as HTMLInputElement).value })}
          />
        </label>
      </form>
      <p class="legend">
        <span class="swatch" style={{ background: scoreColour(-10) }} aria-hidden="true" /> {t('conflict')}{' '}
        <span class="swatch" style={{ background: scoreColour(0) }} aria-hidden="true" /> {t('neutral')}{' '}
        <span class="swatch" style={{ background: scoreColour(10) }} aria-hidden="true" /> {t('cooperation')}
      </p>
      {!data ? (
        <Status loading={loading} error={error} />
      ) : data.dyads.length === 0 ? (
        <p class="muted">{t('noRelations')}</p>
      ) : (
        <>
          <Graph data={data} />
          <table class="dyads">
            <caption>
              {t('relationsCaption')} ({num(data.total)})
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('dyadFrom')}</th>
                <th scope="col">{t('dyadTo')}</th>
                <th scope="col">{t('eventsCol')}</th>
                <th scope="col">{t('coopConflict')}</th>
                <th scope="col">{t('types')}</th>
                <th scope="col">{t('byMonth')}</th>
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
                      .map(([k, n]) => `${PLOVER_AR[k] ?? k} ${num(n ?? 0)}`)
                      .join(lang() === 'ar' ? '، ' : ', ')}
                  </td>
                  <td>
                    {d.periods
                      .map(
                        (x) =>
                          `${x.period === 'unknown' ? periodAr(x.period) : (dateLabel(x.period) ?? x.period)}: ${score(x.score)}`,
                      )
                      .join(' · ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
