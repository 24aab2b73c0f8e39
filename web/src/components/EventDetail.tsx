/** One event: its PLOVER type, actors, date, modality and the words that support it. */
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Actor, Entity, EventRecord } from '../../../src/model.ts';
import { entityName, lang, t } from '../i18n.ts';
import { actorWords, actorWordsText } from '../../../src/i18n/codes.ts';
import { countryAr, dateLabel, MODALITY_AR, PLOVER_AR } from '../labels.ts';
import { href } from '../router.ts';
import { DateFromText } from './DateFromText.tsx';
import { Src } from './Src.tsx';

type Names = Map<string, Entity['names']>;

/**
 * An actor's name in the interface language: its entity's name (English, else
 * transliteration), else the name as the article wrote it, marked as Arabic text.
 */
function actorName(a: Actor, names: Names): string | null {
  const n = a.entityId ? names.get(a.entityId) : undefined;
  if (n) return entityName(n);
  if (!a.name) return null;
  return lang() === 'en' ? entityName({ ar: a.name }) : a.name;
}

/**
 * An actor's name and what is said of it besides, as the API and the CLI say it (`actorWords`,
 * src/i18n/codes.ts): each part left out when the name already says it — «الحكومة اللبنانية», not
 * «الحكومة اللبنانية (لبنان) حكومة» —, what is left in one parenthesis after the name:
 * «محمد شياع السوداني (العراق، حكومة)», «مجلس الأمن (منظمة دولية)». With no name, the country
 * stands for it: «لبنان (حكومة)»; with neither, a state's sector says its country is unknown.
 */
export function actorParts(a: Actor, names: Names): { name: string; note?: string } {
  const words = actorWords(
    {
      entityId: a.entityId,
      name: actorName(a, names) ?? undefined,
      country: a.country ? countryAr(a.country) : undefined,
      countryCode: a.country,
      sector: a.sector,
    },
    lang(),
  );
  return words ?? { name: '' };
}

/** The actor as one line of text (an aria-label, a test): «مجلس الأمن (منظمة دولية)». */
export function actorLabel(a: Actor, names: Names): string {
  return actorWordsText(actorParts(a, names));
}

/** The name as a link to its page when it has one; the note after it, muted, outside the link. */
function ActorLabel({ a, names }: { a: Actor; names: Names }) {
  const { name, note } = actorParts(a, names);
  return (
    <>
      {a.entityId ? <a href={href(['entity', a.entityId])}>{name}</a> : name}
      {note ? <span class="muted actor-note"> ({note})</span> : null}
    </>
  );
}

function Actors({ list, names }: { list: Actor[]; names: Names }) {
  if (!list.length) return <span>—</span>;
  const sep = lang() === 'ar' ? '، ' : ', ';
  return (
    <>
      {list.map((a, i) => (
        <span key={i} class="actor">
          <ActorLabel a={a} names={names} />
          {i + 1 < list.length ? sep : ''}
        </span>
      ))}
    </>
  );
}

/**
 * The place in English: the article's entity of that name («الخرطوم» → Khartoum), as `khabar
 * events --lang en` reads it; undefined in Arabic or when no entity has the name (then the
 * words as written). The English panel read «Place الخرطوم».
 */
function placeName(location: string, names: Names): string | undefined {
  if (lang() === 'ar') return undefined;
  for (const n of names.values())
    if (n.ar === location || n.aliases?.includes(location)) return entityName(n);
  return undefined;
}

export function EventDetail(props: {
  event: EventRecord;
  source: string;
  names: Names;
  onClose: () => void;
}) {
  const e = props.event;
  const date = dateLabel(e.date);
  const panel = useRef<HTMLElement>(null);
  const { onClose } = props;
  // Opened, the panel takes the focus (below the article on a phone, it is scrolled to); Escape
  // closes it from anywhere on the page — the reader puts the focus back on what opened it.
  useEffect(() => {
    panel.current?.focus();
  }, [e.id]);
  // (listening from the commit that shows it: an Escape pressed as soon as the panel is seen closes it)
  useLayoutEffect(() => {
    const onKey = (k: KeyboardEvent) => {
      if (k.key !== 'Escape' || k.defaultPrevented || k.isComposing) return;
      k.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section
      ref={panel}
      tabIndex={-1}
      class="event-detail"
      aria-labelledby={`ev-${e.id}`}
      data-event-type={e.type}
    >
      <h3 id={`ev-${e.id}`}>
        {PLOVER_AR[e.type] ?? e.type}{' '}
        <span class="code" lang="en">
          {e.type}
          {e.mode ? ` · ${e.mode}` : null}
        </span>
      </h3>
      <dl>
        <dt>{t('actor')}</dt>
        <dd>
          <Actors list={e.source} names={props.names} />
        </dd>
        <dt>{t('target')}</dt>
        <dd>
          <Actors list={e.target} names={props.names} />
        </dd>
        <dt>{t('date')}</dt>
        <dd class="date">
          {date ? <time dateTime={e.date?.value}>{date}</time> : t('unknown')}
          {date && e.date?.from === 'text' ? <DateFromText /> : null}
          {e.date?.expression ? (
            <>
              {' '}
              (<Src>{e.date.expression}</Src>)
            </>
          ) : null}
        </dd>
        <dt>{t('status')}</dt>
        <dd>
          {MODALITY_AR[e.modality] ?? e.modality}
          {e.background ? ` · ${t('recalled')}` : ''}
          {e.negated ? ` · ${t('negated')}` : ''}
        </dd>
        {e.location ? (
          <>
            <dt>{t('place')}</dt>
            <dd class="place">{placeName(e.location, props.names) ?? <Src>{e.location}</Src>}</dd>
          </>
        ) : null}
      </dl>
      <h4>{t('evidence')}</h4>
      <ul class="evidence-list">
        {e.evidence.map(([a, b]) => (
          <li key={a} class="src" lang="ar" dir="rtl">
            <q>{props.source.slice(a, b)}</q>
          </li>
        ))}
      </ul>
      <button type="button" onClick={props.onClose}>
        {t('close')}
      </button>
    </section>
  );
}
