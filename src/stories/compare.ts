/**
 * compareOutlets(story, docs): how each outlet tells one story — the surface terms it uses
 * for each entity (and the loaded aliases among them: `framing`), the events it reports
 * (PLOVER type + actors) and the ones other outlets report that it leaves out, and the
 * attributed statements (quotes) it carries — and the speakers others quote that it does
 * not — each with the span of its evidence.
 */
import { entityName } from '../i18n/glossary.ts';
import type { EventRecord, ProcessedArticle, Span } from '../model.ts';
import { outletOf, type Story } from './cluster.ts';
import { speakerCheck } from './speaker.ts';

export interface TermUse {
  entityId: string;
  /** Display name of the entity (Arabic) when the analysis knew it. */
  name: string;
  /** Its English name, when the gazetteer has one (a post's with its country: `entityName`). */
  nameEn?: string;
  /** Surface terms with their counts, most used first. */
  terms: { text: string; count: number; framing: boolean }[];
}

export interface EventKey {
  /** `TYPE source→target` over actor keys (entity id, else country, else name). */
  key: string;
  type: string;
  source: string[];
  target: string[];
}

export interface QuoteView {
  articleId: string;
  speaker?: string;
  verb?: string;
  text: string;
  span: Span;
}

export interface OutletView {
  outlet: string;
  articles: string[];
  terms: TermUse[];
  events: (EventKey & { evidence: { articleId: string; text: string; span: Span }[] })[];
  /** Event keys reported by some other outlet of the story and not by this one. */
  omits: EventKey[];
  quotes: QuoteView[];
  /** Speakers other outlets of the story quote and this one never does. */
  unquoted: string[];
  /** Entities other outlets name that this outlet never does. */
  missingEntities: string[];
}

export interface OutletComparison {
  story: string;
  title: string;
  outlets: OutletView[];
  /** Entities named differently across outlets: entity id → outlet → terms. */
  contrasts: { entityId: string; name: string; nameEn?: string; byOutlet: Record<string, string[]> }[];
}

const actorKey = (a: EventRecord['source'][number]): string =>
  a.entityId ?? (a.country ? `country:${a.country}` : (a.name ?? '?'));

const overlaps = (a: string[], b: string[]) =>
  a.length === 0 || b.length === 0 || a.some((x) => b.includes(x));

/**
 * Whether `mine` reports the same happening as `other`: same type, compatible actors — a side
 * unknown in either, an actor in common, or (with `countryOf`, the state an actor key stands
 * for) a state in common: «وزارة الخارجية الأردنية» and «الأردن», «قطاع غزة» and «فلسطين»,
 * are one outlet's and another's words for the same side.
 */
export function sameEvent(
  mine: EventKey,
  other: EventKey,
  countryOf: (actor: string) => string | undefined = () => undefined,
): boolean {
  const states = (keys: string[]) => keys.map(countryOf).filter((c): c is string => !!c);
  const side = (a: string[], b: string[]) => {
    if (overlaps(a, b)) return true;
    const [x, y] = [states(a), states(b)];
    return x.length > 0 && y.length > 0 && x.some((c) => y.includes(c));
  };
  return mine.type === other.type && side(mine.source, other.source) && side(mine.target, other.target);
}

export function eventKey(e: EventRecord): EventKey {
  const source = [...new Set(e.source.map(actorKey))].sort();
  const target = [...new Set(e.target.map(actorKey))].sort();
  return {
    key: `${e.type} ${source.join('+') || '?'}→${target.join('+') || '?'}`,
    type: e.type,
    source,
    target,
  };
}

/** The sentence-ish stretch of text around a span (for quotes shown without context). */
function around(text: string, span: Span): { text: string; span: Span } {
  let s = span[0];
  let e = span[1];
  while (s > 0 && !/[.!؟?\n]/u.test(text[s - 1]!)) s--;
  while (e < text.length && !/[.!؟?\n]/u.test(text[e]!)) e++;
  if (e < text.length) e++;
  while (s < e && /\s/u.test(text[s]!)) s++;
  return { text: text.slice(s, e).trim(), span: [s, e] };
}

function namesOf(docs: ProcessedArticle[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of docs)
    for (const e of d.analysis.entities) if (!names.has(e.id)) names.set(e.id, e.names.ar);
  return names;
}

function englishNamesOf(docs: ProcessedArticle[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const d of docs)
    for (const e of d.analysis.entities)
      if (e.names.en && !names.has(e.id)) names.set(e.id, entityName(e, 'en'));
  return names;
}

export function compareOutlets(story: Story, all: ProcessedArticle[]): OutletComparison {
  const inStory = new Set(story.articles);
  const docs = all.filter((d) => inStory.has(d.article.id));
  const names = namesOf(docs);
  const english = englishNamesOf(docs);
  const byOutlet = new Map<string, ProcessedArticle[]>();
  for (const d of docs) {
    const o = outletOf(d.article);
    byOutlet.set(o, [...(byOutlet.get(o) ?? []), d]);
  }
  // The state each actor key of the story's events stands for (an entity's country, a country's own code).
  const states = new Map<string, string>();
  for (const d of docs)
    for (const e of d.analysis.events)
      for (const a of [...e.source, ...e.target]) if (a.country) states.set(actorKey(a), a.country);
  const countryOf = (k: string) => states.get(k) ?? (k.startsWith('country:') ? k.slice(8) : undefined);
  const views: OutletView[] = [];
  for (const [outlet, ds] of byOutlet) {
    const terms = new Map<string, Map<string, { count: number; framing: boolean }>>();
    const events = new Map<string, OutletView['events'][number]>();
    const quotes: QuoteView[] = [];
    for (const d of ds) {
      const attributed: { a: NonNullable<EventRecord['attribution']>; verb: Span }[] = [];
      for (const m of d.analysis.mentions) {
        if (!m.entityId || m.role === 'pronoun' || m.role === 'coref') continue;
        const t = terms.get(m.entityId) ?? new Map();
        const prev = t.get(m.text) ?? { count: 0, framing: false };
        t.set(m.text, { count: prev.count + 1, framing: prev.framing || m.framing !== undefined });
        terms.set(m.entityId, t);
      }
      for (const e of d.analysis.events) {
        if (e.background) continue;
        const k = eventKey(e);
        const ev = events.get(k.key) ?? { ...k, evidence: [] };
        const span = e.evidence[0] ?? e.trigger.span;
        ev.evidence.push({ articleId: d.article.id, ...around(d.article.text, span) });
        events.set(k.key, ev);
        if (e.attribution) attributed.push({ a: e.attribution, verb: e.attribution.span ?? span });
      }
      // In text order, so a verb that continues a quote («وأضاف أن …») finds the speaker before it.
      attributed.sort((x, y) => x.verb[0] - y.verb[0]);
      let last: string | undefined;
      for (const { a, verb } of attributed) {
        const where = around(d.article.text, verb);
        // The speaker only when the sentence quotes them (./speaker.ts), not a guess of the analysis.
        const sp = a.speaker;
        const named = sp ? ((sp.entityId ? names.get(sp.entityId) : undefined) ?? sp.name) : undefined;
        const check = sp && named ? speakerCheck(d, sp, verb, where.span) : 'other';
        const speaker = check === 'named' || (check === 'continued' && named === last) ? named : undefined;
        if (check !== 'continued') last = speaker;
        const same = quotes.find((q) => q.articleId === d.article.id && q.span[0] === where.span[0]);
        if (same) {
          if (!same.speaker && speaker) same.speaker = speaker;
          continue;
        }
        quotes.push({
          articleId: d.article.id,
          ...(speaker ? { speaker } : {}),
          ...(a.verb ? { verb: a.verb } : {}),
          ...where,
        });
      }
    }
    views.push({
      outlet,
      articles: ds.map((d) => d.article.id),
      terms: [...terms].map(([entityId, t]) => ({
        entityId,
        name: names.get(entityId) ?? entityId,
        ...(english.has(entityId) ? { nameEn: english.get(entityId)! } : {}),
        terms: [...t]
          .map(([text, v]) => ({ text, ...v }))
          .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text)),
      })),
      events: [...events.values()],
      omits: [],
      quotes,
      unquoted: [],
      missingEntities: [],
    });
  }
  // What each outlet leaves out, relative to the union of the others.
  for (const v of views) {
    const seen = new Map<string, EventKey>();
    for (const o of views)
      if (o !== v)
        for (const e of o.events)
          if (!v.events.some((m) => sameEvent(m, e, countryOf)))
            seen.set(e.key, { key: e.key, type: e.type, source: e.source, target: e.target });
    v.omits = [...seen.values()];
    const named = new Set(v.terms.map((t) => t.entityId));
    const others = new Set(views.filter((o) => o !== v).flatMap((o) => o.terms.map((t) => t.entityId)));
    v.missingEntities = [...others].filter((e) => !named.has(e)).sort();
    const quoted = new Set(v.quotes.map((q) => q.speaker).filter((x): x is string => !!x));
    const quotedElsewhere = views
      .filter((o) => o !== v)
      .flatMap((o) => o.quotes.map((q) => q.speaker))
      .filter((x): x is string => !!x);
    v.unquoted = [...new Set(quotedElsewhere)].filter((x) => !quoted.has(x)).sort();
  }
  const contrasts: OutletComparison['contrasts'] = [];
  const allEntities = new Set(views.flatMap((v) => v.terms.map((t) => t.entityId)));
  for (const id of allEntities) {
    const per: Record<string, string[]> = {};
    const distinct = new Set<string>();
    for (const v of views) {
      const t = v.terms.find((x) => x.entityId === id);
      if (!t) continue;
      per[v.outlet] = t.terms.map((x) => x.text);
      for (const x of t.terms) distinct.add(x.text);
    }
    if (Object.keys(per).length >= 2 && distinct.size >= 2)
      contrasts.push({
        entityId: id,
        name: names.get(id) ?? id,
        ...(english.has(id) ? { nameEn: english.get(id)! } : {}),
        byOutlet: per,
      });
  }
  return { story: story.id, title: story.title, outlets: views, contrasts };
}
