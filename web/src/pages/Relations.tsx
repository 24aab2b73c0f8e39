/**
 * The relations graph (cytoscape, loaded lazily): actors as nodes, one edge per dyad,
 * coloured from conflict (red) to cooperation (green), with a time filter. The same
 * dyads are listed in a table for keyboard and screen-reader users.
 */
import cytoscape from 'cytoscape';
import { useEffect, useRef, useState } from 'preact/hooks';
import { actorCode, actorWords, actorWordsText } from '../../../src/i18n/codes.ts';
import { ApiError, get, type Relations } from '../api.ts';
import { DateInput } from '../components/DateInput.tsx';
import { Notes } from '../components/Notes.tsx';
import { rangeReversed } from '../dateInput.ts';
import { Src } from '../components/Src.tsx';
import { Status } from '../components/Status.tsx';
import { entityName, lang, t } from '../i18n.ts';
import {
  actorPageId,
  counted,
  countryAr,
  dateLabel,
  num,
  PLOVER_AR,
  periodAr,
  score,
  scoreColour,
} from '../labels.ts';
import { href, navigate, type Route } from '../router.ts';
import { useFetch } from '../useFetch.ts';

/**
 * A node's name in the interface language: a country from the labels table; an actor by its
 * English name from the API (`label_en`, with `?lang=en`), else a transliteration of the
 * Arabic label; in Arabic, the stored Arabic name.
 */
function nodeName(level: string, n: { id: string; label?: string; label_en?: string }): string {
  if (level === 'country') return countryAr(n.id, n.label, n.label_en);
  // Actors with no entity are keyed by country and sector: «EGY/GOV», «---/GOV», «TUN». The API
  // labels them as every surface says them (`actorWords`, src/i18n/codes.ts: «مصر (حكومة)»,
  // «حكومة (بلد غير معروف)»); without its label (English asked of an older server) the same words
  // are made here from the web's tables.
  const code = actorCode(n.id);
  if (code) {
    const label = lang() === 'en' ? n.label_en : n.label;
    if (label) return label;
    const country = code.country ? countryAr(code.country) : undefined;
    const words = actorWords({ country, countryCode: code.country, sector: code.sector }, lang());
    return words ? actorWordsText(words) : n.id;
  }
  if (lang() === 'en') return n.label_en ?? (n.label ? entityName({ ar: n.label }) : n.id);
  return n.label ?? n.id;
}

type Box = { x1: number; x2: number; y1: number; y2: number };
const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;

/** The nodes whose label is drawn (legibleLabels hides some on a narrow graph). */
function shownLabels(cy: cytoscape.Core): cytoscape.NodeSingular[] {
  return cy
    .nodes()
    .toArray()
    .filter((n) => !n.hasClass('unlabelled'));
}

/**
 * Pairs of node labels whose boxes overlap after the layout (shown on the graph as
 * `data-label-overlaps`, so a test can hold the layout to it).
 */
function labelOverlaps(cy: cytoscape.Core): number {
  const boxes = shownLabels(cy).map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
  let n = 0;
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (overlap(a, b)) n++;
    }
  return n;
}

/**
 * Moves apart the nodes whose labels still overlap after the layout (a hub's spokes, long names side
 * by side): each overlapping pair is pushed apart along the axis where they overlap least, a few
 * rounds, then the graph is fitted again.
 */
function spreadLabels(cy: cytoscape.Core): void {
  const nodes = cy.nodes().toArray();
  for (let round = 0; round < 60; round++) {
    const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
    let moved = false;
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const dx = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
        const dy = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
        if (dx <= 0 || dy <= 0) continue;
        const pa = nodes[i]!.position();
        const pb = nodes[j]!.position();
        // half the overlap each, plus a small gap, on the cheaper axis
        if (dx < dy) {
          const d = (dx + 4) / 2;
          const s = pa.x <= pb.x ? 1 : -1;
          nodes[i]!.position({ x: pa.x - s * d, y: pa.y });
          nodes[j]!.position({ x: pb.x + s * d, y: pb.y });
        } else {
          const d = (dy + 4) / 2;
          const s = pa.y <= pb.y ? 1 : -1;
          nodes[i]!.position({ x: pa.x, y: pa.y - s * d });
          nodes[j]!.position({ x: pb.x, y: pb.y + s * d });
        }
        moved = true;
      }
    if (!moved) break;
  }
  cy.fit(undefined, 30);
}

/** The smallest a node's label may be drawn, in CSS pixels (a 14 px label fitted into a phone's width came out at 6 px). */
export const LABEL_PX = 12;

/** The smallest label drawn now, in CSS pixels (`data-label-px` on the graph). */
function labelPx(cy: cytoscape.Core): number {
  return Math.min(...shownLabels(cy).map((n) => Number.parseFloat(String(n.renderedStyle('font-size')))));
}

/** A node label's size in the graph's units (drawn at this times the zoom). */
const LABEL_FONT = 14;

/**
 * Keeps the labels legible once the graph is fitted into its box. A fit that would draw them
 * under LABEL_PX (a phone's width: 6 px) draws them at LABEL_PX instead — larger in the graph's
 * units — and shows as many as fit without covering one another, the actors with the most
 * relations first; the others keep their dot (the table below names every actor, and zooming in
 * shows them). Returns how many labels are hidden. Zooming out past the fit stops there.
 */
function legibleLabels(cy: cytoscape.Core): number {
  cy.minZoom(cy.zoom());
  if (LABEL_FONT * cy.zoom() >= LABEL_PX) return 0;
  cy.nodes().style({ 'font-size': Math.ceil((LABEL_PX / cy.zoom()) * 10) / 10 });
  const shown: Box[] = [];
  let hidden = 0;
  const byDegree = cy
    .nodes()
    .toArray()
    .sort((a, b) => b.degree(false) - a.degree(false) || a.id().localeCompare(b.id()));
  for (const n of byDegree) {
    const box = n.boundingBox({ includeLabels: true, includeOverlays: false });
    if (shown.some((b) => overlap(b, box))) {
      n.addClass('unlabelled');
      hidden++;
    } else shown.push(box);
  }
  return hidden;
}

/** Height of the graph: room for the labels of many actors (the page scrolls past it). */
function graphHeight(nodes: number): string | undefined {
  return nodes > 40 ? `${Math.min(1100, Math.round(9 * nodes))}px` : undefined;
}

function Graph({ data }: { data: Relations }) {
  const box = useRef<HTMLDivElement>(null);
  const [hidden, setHidden] = useState(0);
  useEffect(() => {
    if (!box.current) return;
    const label = new Map(data.nodes.map((n) => [n.id, nodeName(data.level, n)]));
    const maxTotal = Math.max(1, ...data.dyads.map((d) => d.total));
    const columns = Math.max(1, Math.ceil(Math.sqrt(data.nodes.length * 2)));
    const cy = cytoscape({
      container: box.current,
      elements: [
        // a start on a grid as wide as the box (cose from one point packs the graph into a column)
        ...data.nodes.map((n, k) => ({
          data: { id: n.id, label: label.get(n.id) ?? n.id },
          position: { x: (k % columns) * 120, y: Math.floor(k / columns) * 60 },
        })),
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
            'font-size': LABEL_FONT,
            'background-color': '#33526e',
            color: '#1b1b1b',
            'text-valign': 'bottom',
            'text-margin-y': 4,
            // a label stays readable where an edge crosses it
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.8,
            'text-background-padding': '1px',
            width: 22,
            height: 22,
          },
        },
        { selector: 'node.unlabelled', style: { label: '' } },
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
      // the layout keeps room for each label (many actors overlapped their names otherwise);
      // deterministic, so a graph looks the same on every visit
      layout:
        data.nodes.length > 2
          ? ({
              name: 'cose',
              animate: false,
              padding: 30,
              randomize: false,
              nodeDimensionsIncludeLabels: true,
              nodeRepulsion: () => 80_000,
              idealEdgeLength: () => 60,
              nodeOverlap: 40,
              componentSpacing: 40,
              numIter: 2500,
            } as cytoscape.LayoutOptions)
          : { name: 'circle', animate: false, padding: 30 },
    });
    if (data.nodes.length > 2) spreadLabels(cy);
    const hidden = legibleLabels(cy);
    box.current.dataset.labelsHidden = String(hidden);
    setHidden(hidden);
    box.current.dataset.labelPx = labelPx(cy).toFixed(1);
    box.current.dataset.labelOverlaps = String(labelOverlaps(cy));
    // which graph the count was measured on: the div outlives a change of data, so a stale count could be read
    box.current.dataset.layoutNodes = String(data.nodes.length);
    cy.on('tap', 'node', (e) => {
      const id = actorPageId(e.target.id());
      if (id) navigate(href(['entity', id]));
    });
    return () => cy.destroy();
  }, [data]);
  return (
    <>
      <div
        ref={box}
        class="graph"
        style={graphHeight(data.nodes.length) ? { height: graphHeight(data.nodes.length) } : undefined}
        role="img"
        aria-label={`${t('relationsTitle')}: ${counted(data.nodes.length, 'actor')}${lang() === 'ar' ? ' و' : ', '}${counted(data.dyads.length, 'relation')}`}
        data-nodes={data.nodes.length}
        data-edges={data.dyads.length}
      />
      {hidden ? <p class="muted graph-note">{t('graphLabelsHidden')}</p> : null}
    </>
  );
}

/**
 * The filters of another level, one actor's relations kept where that level can say it: a
 * country («OMN») is its entity «country:OMN» among actors and back; an actor that is no
 * country is left out among countries.
 */
export function levelChange(actor: string | undefined, level: string): { level: string; actor?: string } {
  const country = actor ? /^(?:country:)?([A-Z]{3})$/.exec(actor)?.[1] : undefined;
  if (!actor) return { level };
  if (level === 'actor') return { level, actor: country ? `country:${country}` : actor };
  return country ? { level, actor: country } : { level };
}

export function RelationsPage({ route }: { route: Route }) {
  const p = route.params;
  const f = {
    level: p.get('level') ?? 'country',
    // One actor's relations (an entity page's «its relations»): a country code or an entity id.
    actor: p.get('actor') ?? undefined,
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
  /** A dyad end: linked to its entity's page when it has one, else its name alone. */
  const end = (id: string) => {
    const page = actorPageId(id);
    return page ? <a href={href(['entity', page])}>{name(id)}</a> : name(id);
  };
  const actorKey = f.actor && f.level === 'country' ? f.actor.replace(/^country:/, '') : f.actor;
  return (
    <div class="relations">
      <h1>{t('relationsTitle')}</h1>
      <form class="row filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('level')}{' '}
          <select
            value={f.level}
            onChange={(e) => go(levelChange(f.actor, (e.target as HTMLSelectElement).value))}
          >
            <option value="country">{t('levelCountries')}</option>
            <option value="actor">{t('levelActors')}</option>
          </select>
        </label>
        <DateInput
          kind="month"
          label={t('fromMonth')}
          name="from"
          value={f.from ?? ''}
          onCommit={(v) => go({ from: v })}
        />
        <DateInput
          kind="month"
          label={t('toMonth')}
          name="to"
          value={f.to ?? ''}
          onCommit={(v) => go({ to: v })}
        />
      </form>
      {f.actor ? (
        <p class="actor-filter">
          {t('relationsOf')} <bdi>{name(actorKey ?? f.actor)}</bdi>{' '}
          <a href={href(['relations'], { ...f, actor: undefined })}>{t('allRelations')}</a>
        </p>
      ) : null}
      <p class="legend">
        <span class="swatch" style={{ background: scoreColour(-10) }} aria-hidden="true" /> {t('conflict')}{' '}
        <span class="swatch" style={{ background: scoreColour(0) }} aria-hidden="true" /> {t('neutral')}{' '}
        <span class="swatch" style={{ background: scoreColour(10) }} aria-hidden="true" /> {t('cooperation')}
      </p>
      {data?.notes?.length ? (
        <Notes notes={data.notes} narrow={(_, actor) => href(['relations'], { ...f, actor })} />
      ) : null}
      {!data ? (
        // An actor no event or entity is called: said so, not «nothing has this link» (a 404).
        error instanceof ApiError && error.type === 'urn:khabar:problem:actor_not_found' ? (
          <p class="error" role="alert">
            {t('noSuchActorRelations').replace('{value}', f.actor ?? '')}
          </p>
        ) : (
          <Status loading={loading} error={error} />
        )
      ) : data.dyads.length === 0 ? (
        <p class="muted">{rangeReversed(f.from, f.to) ? t('rangeReversed') : t('noRelations')}</p>
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
                  <td>{end(d.source)}</td>
                  <td>{end(d.target)}</td>
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
                          // with its events, as the CLI gives them: «September 2025: 4.4 (5 events)» — the
                          // score alone did not say how much of the dyad's total each period held
                          `${x.period === 'unknown' ? periodAr(x.period) : (dateLabel(x.period) ?? x.period)}: ${score(x.score)} (${counted(x.events, 'event')})`,
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
