/**
 * Text of one block with marks laid over it by span: entity mentions (links to the
 * entity page), event triggers (buttons that open the event) and the selected event's
 * evidence. Everything is rendered as text nodes: article content never becomes markup.
 */
import type { Block, EventRecord, Mention } from '../api.ts';
import { entityName, lang, t } from '../i18n.ts';
import { ENTITY_TYPE_AR, PLOVER_AR } from '../labels.ts';
import { href } from '../router.ts';

export interface MarkedProps {
  block: Block;
  /** The article's whole text: spans are offsets into it. */
  source: string;
  mentions: Mention[];
  events: EventRecord[];
  selected?: string | undefined;
  onEvent: (id: string) => void;
  /** The article's entities by id: the names a mention of several («الجانبين») stands for. */
  names?: Map<string, { ar: string; en?: string; latin?: string }>;
}

type Seg = { start: number; end: number; mention?: Mention; event?: EventRecord; evidence: boolean };

export function segments(p: Omit<MarkedProps, 'onEvent' | 'source'>): Seg[] {
  const [b0, b1] = p.block.span;
  const inside = (s: readonly [number, number]) => s[1] > b0 && s[0] < b1;
  const mentions = p.mentions.filter((m) => inside(m.span));
  const triggers = p.events.filter((e) => inside(e.trigger.span));
  const sel = p.events.find((e) => e.id === p.selected);
  const evidence = sel ? sel.evidence.filter(inside) : [];
  const cuts = new Set([b0, b1]);
  const add = (s: readonly [number, number]) => {
    cuts.add(Math.max(b0, Math.min(b1, s[0])));
    cuts.add(Math.max(b0, Math.min(b1, s[1])));
  };
  for (const m of mentions) add(m.span);
  for (const e of triggers) add(e.trigger.span);
  for (const s of evidence) add(s);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Seg[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    const covers = (s: readonly [number, number]) => s[0] <= start && s[1] >= end;
    const mention = mentions
      .filter((m) => covers(m.span))
      .sort((a, b) => b.span[1] - b.span[0] - (a.span[1] - a.span[0]))[0];
    const event = triggers.find((e) => covers(e.trigger.span));
    out.push({
      start,
      end,
      ...(mention ? { mention } : {}),
      ...(event ? { event } : {}),
      evidence: evidence.some(covers),
    });
  }
  return out;
}

/**
 * «الجانبين», «البلدين», «الطرفان»: a mention standing for several entities is not a link to the
 * first of them (the reader sent «الجانبين» to Oman's page, the other side unsaid) — it is marked,
 * its title naming them all («المقصود: عمان وإيران»). Undefined for a mention of one entity.
 */
export function sidesOf(m: Mention, names?: MarkedProps['names']): string | undefined {
  if (!m.entityIds || m.entityIds.length < 2) return undefined;
  const said = m.entityIds.map((id) => {
    const n = names?.get(id);
    return n ? entityName(n) : id;
  });
  return `${t('refersTo')}: ${said.join(lang() === 'ar' ? ' و' : ' and ')}`;
}

export function Marked(props: MarkedProps) {
  const text = (s: Seg) => props.source.slice(s.start, s.end);
  return (
    <>
      {segments(props).map((s) => {
        // Whitespace stays outside buttons and links: an inline-block would swallow it.
        const whole = text(s);
        const core = whole.trim();
        if (!core || (!s.event && !s.mention)) {
          return s.evidence ? (
            <mark key={s.start} class="evidence">
              {whole}
            </mark>
          ) : (
            whole
          );
        }
        const lead = whole.slice(0, whole.length - whole.trimStart().length);
        const trail = whole.slice(whole.trimEnd().length);
        let node = <>{core}</>;
        if (s.event) {
          const ev = s.event;
          node = (
            <button
              type="button"
              class={`ev${props.selected === ev.id ? ' on' : ''}`}
              data-event={ev.id}
              aria-pressed={props.selected === ev.id}
              title={PLOVER_AR[ev.type] ?? ev.type}
              onClick={() => props.onEvent(ev.id)}
            >
              {node}
            </button>
          );
        } else if (s.mention) {
          const m = s.mention;
          const several = sidesOf(m, props.names);
          node = several ? (
            <span class={`m m-${m.type} m-several`} title={several}>
              {node}
            </span>
          ) : m.entityId ? (
            <a
              class={`m m-${m.type}`}
              href={href(['entity', m.entityId])}
              title={ENTITY_TYPE_AR[m.type] ?? m.type}
            >
              {node}
            </a>
          ) : (
            <span class={`m m-${m.type}`}>{node}</span>
          );
        }
        const inner = (
          <>
            {lead}
            {node}
            {trail}
          </>
        );
        return s.evidence ? (
          <mark key={s.start} class="evidence">
            {inner}
          </mark>
        ) : (
          <span key={s.start}>{inner}</span>
        );
      })}
    </>
  );
}
