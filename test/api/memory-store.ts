/**
 * A small in-memory Store for the API's in-process tests: enough behaviour (substring
 * search, filters, dyads from events) to exercise every route without a database. The
 * real stores are tested by their own suite; test/api/store.test.ts runs the API on SQLite.
 */
import type { Dyad, ProcessedArticle } from '../../src/model.ts';
import type {
  ArticleSummary,
  EntityView,
  EventFilter,
  PutResult,
  QuarantineEntry,
  SearchRequest,
  SearchResponse,
  Store,
  StoredEvent,
} from '../../src/store/store.ts';

function summary(d: ProcessedArticle): ArticleSummary {
  const a = d.article;
  const lead = (d.brief.lead[0] ?? d.brief.body[0])?.text;
  return {
    id: a.id,
    language: a.language,
    ...(a.title ? { title: a.title } : {}),
    ...(a.outlet ? { outlet: a.outlet } : {}),
    ...(a.url ? { url: a.url } : {}),
    ...(a.published ? { published: a.published } : {}),
    ...(lead ? { lead } : {}),
  };
}

export class MemoryStore implements Store {
  readonly kind = 'sqlite' as const;
  docs = new Map<string, ProcessedArticle>();
  calls: Array<{ method: string; args: unknown }> = [];
  quarantine_: QuarantineEntry[] = [];

  async migrate(): Promise<void> {}
  async put(doc: ProcessedArticle): Promise<PutResult> {
    const had = this.docs.has(doc.article.id);
    this.docs.set(doc.article.id, doc);
    return { id: doc.article.id, status: had ? 'unchanged' : 'inserted' };
  }
  async get(id: string) {
    return this.docs.get(id);
  }
  async list(opts: { limit?: number; offset?: number; outlet?: string } = {}) {
    this.calls.push({ method: 'list', args: opts });
    const all = [...this.docs.values()].filter((d) => !opts.outlet || d.article.outlet === opts.outlet);
    const off = opts.offset ?? 0;
    return { total: all.length, items: all.slice(off, off + (opts.limit ?? 20)).map(summary) };
  }
  async search(req: SearchRequest): Promise<SearchResponse> {
    this.calls.push({ method: 'search', args: req });
    const words = req.q.split(/\s+/).filter(Boolean);
    const hits = [...this.docs.values()]
      .filter((d) => words.every((w) => d.article.text.includes(w) || (d.article.title ?? '').includes(w)))
      .map((d) => {
        const w = words[0] ?? '';
        const at = Math.max(0, d.article.text.indexOf(w));
        const snippet = d.article.text.slice(Math.max(0, at - 20), at + 60);
        const hs = snippet.indexOf(w);
        return {
          ...summary(d),
          score: 1,
          snippet,
          highlights: w && hs >= 0 ? [[hs, hs + w.length] as const] : [],
        };
      });
    const off = req.offset ?? 0;
    return {
      total: hits.length,
      totalExact: true,
      hits: hits.slice(off, off + (req.limit ?? 20)),
      ...(req.facets
        ? { facets: { countries: [], actors: [], places: [], types: [], outlets: [], months: [] } }
        : {}),
      tookMs: 0,
    };
  }
  private views(): EntityView[] {
    const m = new Map<string, EntityView>();
    for (const d of this.docs.values()) {
      for (const e of d.analysis.entities) {
        const v = m.get(e.id) ?? { entity: e, articles: 0, mentions: 0 };
        v.articles++;
        v.mentions += d.analysis.mentions.filter((x) => x.entityId === e.id).length;
        m.set(e.id, v);
      }
    }
    return [...m.values()];
  }
  async entity(id: string) {
    return this.views().find((v) => v.entity.id === id);
  }
  async entities(opts: { limit?: number; offset?: number; type?: string; country?: string } = {}) {
    this.calls.push({ method: 'entities', args: opts });
    const all = this.views().filter(
      (v) =>
        (!opts.type || v.entity.type === opts.type) && (!opts.country || v.entity.country === opts.country),
    );
    const off = opts.offset ?? 0;
    return { total: all.length, items: all.slice(off, off + (opts.limit ?? 20)) };
  }
  private allEvents(): StoredEvent[] {
    return [...this.docs.values()].flatMap((d) =>
      d.analysis.events.map((e) => ({
        ...e,
        articleId: d.article.id,
        ...(d.article.published ? { published: d.article.published } : {}),
      })),
    );
  }
  async events(f: EventFilter = {}) {
    this.calls.push({ method: 'events', args: f });
    const all = this.allEvents().filter(
      (e) =>
        (!f.type || f.type.includes(e.type)) &&
        (!f.articleId || e.articleId === f.articleId) &&
        (!f.country || [...e.source, ...e.target].some((a) => a.country === f.country)) &&
        (!f.actor || [...e.source, ...e.target].some((a) => a.entityId === f.actor)),
    );
    const off = f.offset ?? 0;
    return { total: all.length, items: all.slice(off, off + (f.limit ?? 20)) };
  }
  async dyads(opts: { level?: 'country' | 'actor'; actor?: string } = {}): Promise<Dyad[]> {
    this.calls.push({ method: 'dyads', args: opts });
    const level = opts.level ?? 'country';
    const m = new Map<string, Dyad>();
    for (const e of this.allEvents()) {
      for (const s of e.source)
        for (const t of e.target) {
          const a = level === 'country' ? s.country : s.entityId;
          const b = level === 'country' ? t.country : t.entityId;
          if (!a || !b || a === b) continue;
          if (opts.actor && a !== opts.actor && b !== opts.actor) continue;
          const k = `${a}>${b}`;
          const d = m.get(k) ?? { level, source: a, target: b, counts: {}, total: 0, score: 5, periods: [] };
          d.total++;
          d.counts[e.type] = (d.counts[e.type] ?? 0) + 1;
          const period = (e.published ?? '').slice(0, 7) || 'unknown';
          const p = d.periods.find((x) => x.period === period);
          if (p) p.events++;
          else d.periods.push({ period, events: 1, score: 5 });
          m.set(k, d);
        }
    }
    return [...m.values()];
  }
  async quarantine(entry: QuarantineEntry) {
    this.quarantine_.push(entry);
  }
  async quarantined() {
    return { total: this.quarantine_.length, items: this.quarantine_ };
  }
  async stats() {
    return {
      articles: this.docs.size,
      duplicates: 0,
      nearDuplicates: 0,
      quarantined: this.quarantine_.length,
      entities: this.views().length,
      events: this.allEvents().length,
      outlets: [],
      outletUnknown: [...this.docs.values()].filter((d) => !d.article.outlet).length,
    };
  }
  async *iterate() {
    yield* this.docs.values();
  }
  async close() {}
}
