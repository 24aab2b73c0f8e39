/** One event: its PLOVER type, actors, date, modality and the words that support it. */
import type { Actor, EventRecord } from '../../../src/model.ts';
import { countryAr, MODALITY_AR, PLOVER_AR } from '../labels.ts';
import { href } from '../router.ts';

function actorLabel(a: Actor, names: Map<string, string>): string {
  const name = (a.entityId && names.get(a.entityId)) || a.name;
  const country = a.country ? countryAr(a.country) : undefined;
  return [name, country && name ? `(${country})` : country, a.sector].filter(Boolean).join(' ');
}

function Actors({ list, names }: { list: Actor[]; names: Map<string, string> }) {
  if (!list.length) return <span>—</span>;
  return (
    <>
      {list.map((a, i) => (
        <span key={i} class="actor">
          {a.entityId ? (
            <a href={href(['entity', a.entityId])}>{actorLabel(a, names)}</a>
          ) : (
            actorLabel(a, names)
          )}
          {i + 1 < list.length ? '، ' : ''}
        </span>
      ))}
    </>
  );
}

export function EventDetail(props: {
  event: EventRecord;
  source: string;
  names: Map<string, string>;
  onClose: () => void;
}) {
  const e = props.event;
  return (
    <section class="event-detail" aria-labelledby={`ev-${e.id}`} data-event-type={e.type}>
      <h3 id={`ev-${e.id}`}>
        {PLOVER_AR[e.type] ?? e.type} <span class="code">{e.type}</span>
        {e.mode ? <span class="code"> · {e.mode}</span> : null}
      </h3>
      <dl>
        <dt>الفاعل</dt>
        <dd>
          <Actors list={e.source} names={props.names} />
        </dd>
        <dt>الطرف الآخر</dt>
        <dd>
          <Actors list={e.target} names={props.names} />
        </dd>
        <dt>التاريخ</dt>
        <dd>
          {e.date?.value ?? 'غير معروف'}
          {e.date?.expression ? ` («${e.date.expression}»)` : ''}
        </dd>
        <dt>الحالة</dt>
        <dd>
          {MODALITY_AR[e.modality] ?? e.modality}
          {e.background ? ' · حدث سابق يُستعاد' : ''}
          {e.negated ? ' · منفي' : ''}
        </dd>
        {e.location ? (
          <>
            <dt>المكان</dt>
            <dd>{e.location}</dd>
          </>
        ) : null}
      </dl>
      <h4>الشواهد</h4>
      <ul class="evidence-list">
        {e.evidence.map(([a, b]) => (
          <li key={a}>
            <q>{props.source.slice(a, b)}</q>
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onClose}>
        إغلاق
      </button>
    </section>
  );
}
