/**
 * Search over a SQL store: parse the query, compile it for the backend's full-text engine,
 * apply filters, count, page, facet, and cut snippets. The filters, facets, ordering and
 * snippets are plain SQL + JS shared by SQLite and PostgreSQL, so both answer alike.
 */
import { type SearchNote, searchNote, searchNoteText, uniqueNotes } from '../i18n/search-notes.ts';
import { type CompiledQuery, compileQuery } from '../search/compile.ts';
import { countryCodes, countryLabel } from '../search/countries.ts';
import { dateRangeTerms, outletTerm } from '../search/filter-terms.ts';
import { checkQuery, checkSearchable, mergeFilters, parseQuery } from '../search/query.ts';
import { makeSnippet } from '../search/snippet.ts';
import { withoutTemplate } from '../brief/template.ts';
import { COUNTED_KINDS, type FacetCount } from './facet-index.ts';
import { type Backend, type MatchOptions, type Param, placeholders, type SqlPart } from './db.ts';
import { actorQueryKeys } from './rows.ts';
import { pageOf, SUMMARY_COLS, type SummaryRow, summaryOf, toBound } from './util.ts';
import type { Entity } from '../model.ts';
import type { FacetValue, SearchFilters, SearchHit, SearchRequest, SearchResponse } from './store.ts';

const FACET_KINDS = {
  countries: 'country',
  actors: 'actor',
  places: 'actor',
  types: 'type',
  outlets: 'outlet',
  months: 'month',
} as const;
const FACET_TOP = 20;

/**
 * Places — cities, regions, towns (every LOC entity but a country) — are counted under the
 * `actor` kind (the `actor:` filter takes their ids) but listed apart: «عمّان» among the
 * people and organizations of the actors facet read as an actor.
 */
export const isPlaceId = (id: string): boolean => /^(?:city|region|place):/.test(id);

/**
 * Filters as sets of article rids (`SELECT rid …` subqueries, each evaluated once): the
 * full-text scan then tests membership row by row, with no article row to fetch.
 */
function filterSets(f: SearchFilters, asTerms: TermFilters = {}): SqlPart[] {
  const sets: SqlPart[] = [];
  const facetIn = (kind: string, values: string[]) => {
    sets.push({
      sql: `SELECT rid FROM facets WHERE kind = ? AND value IN (${placeholders(values.length)})`,
      params: [kind, ...values],
    });
  };
  if (f.outlet?.length && !asTerms.outlet) {
    sets.push({
      sql: `SELECT rid FROM articles WHERE outlet IN (${placeholders(f.outlet.length)})`,
      params: f.outlet,
    });
  }
  if ((f.from || f.to) && !asTerms.dates) {
    const conds: string[] = [];
    const params: Param[] = [];
    if (f.from) {
      conds.push('day >= ?');
      params.push(f.from);
    }
    if (f.to) {
      conds.push('day <= ?');
      params.push(toBound(f.to));
    }
    sets.push({ sql: `SELECT rid FROM articles WHERE ${conds.join(' AND ')}`, params });
  }
  if (f.country?.length) facetIn('country', f.country.flatMap(countryCodes));
  if (f.type?.length) facetIn('type', f.type);
  for (const actor of f.actor ?? []) {
    const keys = actorQueryKeys(actor);
    sets.push({
      sql: `SELECT rid FROM facets WHERE kind = 'actor' AND value IN
          (SELECT entity_id FROM entity_keys WHERE key IN (${placeholders(keys.length)}))`,
      params: keys,
    });
  }
  return sets;
}

/** Filters written into the full-text expression (./filter-terms.ts) instead of rid sets. */
interface TermFilters {
  outlet?: string;
  dates?: string;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/u;

/**
 * `outlet:` and `from:`/`to:` as `meta` terms ANDed with the words, when the query has words
 * (and no `section:`, whose index has no such terms). An open end of a date range reaches to
 * the oldest or newest year in the archive.
 */
async function termFilters(b: Backend, f: SearchFilters): Promise<TermFilters> {
  const d = b.dialect;
  const out: TermFilters = {};
  if (f.outlet?.length) out.outlet = d.or(f.outlet.map((o) => d.term('meta', outletTerm(o), false)));
  if ((f.from || f.to) && (!f.from || DATE.test(f.from)) && (!f.to || DATE.test(f.to))) {
    let lo = f.from ? `${f.from}-01-01`.slice(0, 10) : undefined;
    let hi = f.to ? toBound(f.to) : undefined;
    if (!lo || !hi) {
      const r = await b.db.get<{ lo: string | null; hi: string | null }>(
        'SELECT MIN(day) AS lo, MAX(day) AS hi FROM articles',
      );
      // No dated article: the range matches nothing, whatever its terms.
      lo ??= r?.lo ? `${r.lo.slice(0, 4)}-01-01` : '9999-12-31';
      hi ??= r?.hi ? `${r.hi.slice(0, 4)}-12-31` : '0000-01-01';
    }
    const terms = dateRangeTerms(lo, hi);
    if (terms) {
      out.dates = terms.length
        ? d.or(terms.map((t) => d.term('meta', t, false)))
        : d.term('meta', 'none', false);
    }
  }
  return out;
}

/**
 * Relevance ranks at most this many matches: the most recently stored ones (highest rid).
 * Below it, relevance is exact; above it (a very common word in a large archive), the best
 * hits among the newest RANK_WINDOW matches come first — the cost stays flat with archive
 * size. `total` and facets always count every match. Override with KHABAR_RANK_WINDOW.
 */
export const RANK_WINDOW =
  Number(process.env.KHABAR_RANK_WINDOW) > 0 ? Number(process.env.KHABAR_RANK_WINDOW) : 500;

/**
 * `total` is exact up to this many matches; beyond, it is this number with `totalExact:
 * false` ("more than 10,000"). Counting every match of a common word costs time linear in
 * its matches (half the archive for «في»). Override with KHABAR_TOTAL_CAP.
 */
export const TOTAL_CAP =
  Number(process.env.KHABAR_TOTAL_CAP) > 0 ? Math.floor(Number(process.env.KHABAR_TOTAL_CAP)) : 10_000;

/** Articles stored (an upper bound: the highest rid), cached for a few seconds. */
const counts = new WeakMap<Backend, { n: number; at: number }>();
async function articleCount(b: Backend): Promise<number> {
  const c = counts.get(b);
  if (c && performance.now() - c.at < 5000) return c.n;
  const r = await b.db.get<{ n: number | null }>('SELECT MAX(rid) AS n FROM articles');
  const n = Number(r?.n ?? 0);
  counts.set(b, { n, at: performance.now() });
  return n;
}

interface Plan {
  /** `SELECT rid` of every matching article (filters applied). */
  ids: SqlPart;
  /** The full-text expression and options of `ids`, when it is one (no `section:`). */
  match?: { expr: string; opts: MatchOptions };
  /** `SELECT rid, score` of the candidates to rank (relevance order). */
  scored: SqlPart;
  /** `scored`'s rows and scores in one read of the window (`Backend.scoreWindow`). */
  small?: () => Promise<Array<{ rid: number; score: number }> | undefined>;
}

function plan(b: Backend, c: CompiledQuery, f: SearchFilters, window: number, terms: TermFilters): Plan {
  const sections = f.section;
  // Matches are listed and counted by `matchSet` (each term read once) and scored by `match`:
  // the same articles (src/search/compile.ts `Dialect.anyOf`).
  const set = c.matchSet ?? c.match;
  if (c.match && set && !sections?.length && (terms.outlet || terms.dates)) {
    const sets = filterSets(f, terms);
    const opts = sets.length ? { restrict: sets } : {};
    const filters = [terms.outlet, terms.dates].filter((x): x is string => !!x);
    const match = b.dialect.and([set, ...filters]);
    return {
      match: { expr: match, opts },
      ids: b.matchIds(match, opts),
      scored: b.matchScored(b.dialect.and([c.match, ...filters]), c.rank ?? c.match, { ...opts, window }),
    };
  }
  const sets = filterSets(f);
  const opts = { ...(sections?.length ? { sections } : {}), ...(sets.length ? { restrict: sets } : {}) };
  if (c.match && set) {
    const match = c.match;
    const small =
      b.scoreWindow && c.phraseDisjunction && !sections?.length && !sets.length
        ? { small: () => b.scoreWindow!(match, window) }
        : {};
    return {
      ...small,
      ...(sections?.length ? {} : { match: { expr: set, opts } }),
      ids: b.matchIds(set, opts),
      scored: b.matchScored(c.match, c.rank ?? c.match, { ...opts, window }),
    };
  }
  const all: string[] = [];
  const params: Param[] = [];
  for (const set of sets) {
    all.push(`a.rid IN (${set.sql})`);
    params.push(...set.params);
  }
  if (c.exclude) {
    const ex = b.matchIds(c.excludeSet ?? c.exclude, sections?.length ? { sections } : {});
    all.push(`a.rid NOT IN (${ex.sql})`);
    params.push(...ex.params);
  } else if (sections?.length) {
    // `section:` with no words: the articles that have such a section.
    all.push(
      `rid IN (SELECT rid FROM facets WHERE kind = 'section' AND value IN (${placeholders(sections.length)}))`,
    );
    params.push(...sections);
  }
  const w = all.length ? ` WHERE ${all.join(' AND ')}` : '';
  return {
    ids: { sql: `SELECT a.rid AS rid FROM articles a${w}`, params },
    scored: { sql: `SELECT a.rid AS rid, 0 AS score FROM articles a${w}`, params },
  };
}

export async function searchStore(
  b: Backend,
  req: SearchRequest,
  totalCap = TOTAL_CAP,
  walkFrom = WALK_FROM,
): Promise<SearchResponse> {
  const t0 = performance.now();
  const parsed = parseQuery(req.q ?? '');
  const filters = mergeFilters(parsed.filters, req.filters);
  checkQuery(parsed, filters);
  const compiled = compileQuery(parsed.node, b.dialect);
  checkSearchable(parsed, filters, Boolean(compiled.match));
  const { limit, offset } = pageOf(req, 10);
  const byDate = req.sort === 'date' || !compiled.match;
  const terms = compiled.match && !filters.section?.length ? await termFilters(b, filters) : {};
  const window = Math.max(RANK_WINDOW, offset + limit);
  const p = plan(b, compiled, filters, window, terms);

  // With facets: run the match once for the rids (at most totalCap + 1), which give both the
  // total and the facet counts (in memory when the backend keeps a facet index). Otherwise count in SQL.
  let index = req.facets && b.facetIndex?.wanted() && !b.writing() ? b.facetIndex : undefined;
  let matched: number[] | undefined;
  /** Facet counts already read with the total (`countFacets`). */
  let facetRows: FacetCount[] | undefined;
  let total: number;
  let totalExact = true;
  /** Relevance without facets: the scored candidates (the newest `window` matches). */
  let scored: Array<{ rid: number; score: number }> | undefined;
  if (req.facets) {
    // Facets count the matches — the newest totalCap of them when there are more (then the
    // total is the cap, not exact, as without facets): reading every match of a common word
    // costs time linear in the archive.
    if (index && !(await index.refresh())) index = undefined;
    // Relevance: an OR of phrases is scored in one read of its window, as without facets;
    // fewer matches than the window are all of them (the same articles as `ids`).
    if (!byDate && p.small) scored = await p.small();
    // PostgreSQL: OFFSET 0 fences the full-text match off from the ORDER BY, as in
    // `matchScored`: without it the planner walks the rids newest first re-reading each
    // article's tsvector until enough match (0.5 s at 10,000 articles for a word in a third
    // of them, every article read for a rare one) instead of reading the GIN index.
    const ids = b.kind === 'postgres' && p.match ? `${p.ids.sql} OFFSET 0` : p.ids.sql;
    const newest = `SELECT m.rid FROM (${ids}) m ORDER BY m.rid DESC LIMIT ${totalCap + 1}`;
    if (!b.facetIndex && !(scored && scored.length < window)) {
      // No facet index (PostgreSQL): the total and the counts in one query, over the matches
      // where they are, instead of their rids to this process and back.
      ({
        total,
        totalExact,
        counts: facetRows,
      } = await countFacets(b, { sql: newest, params: p.ids.params }, totalCap));
    } else {
      matched =
        scored && scored.length < window
          ? scored.map((r) => r.rid).sort((x, y) => y - x)
          : await b.db.numbers(newest, p.ids.params);
      total = matched.length;
      if (total > totalCap) {
        matched.length = totalCap;
        total = totalCap;
        totalExact = false;
      }
      // Stored between the refresh and the match (or the match saw another transaction's
      // rows): count these in SQL.
      if (index && (b.writing() || matched.some((r) => r > index!.upTo))) index = undefined;
    }
  } else if (!byDate && p.match) {
    // Relevance (not within sections, whose candidates are not windowed): the candidates are scored first; fewer than the window means they are every
    // match (the same set as `ids`), so they are the total and no count is needed.
    // An OR of phrases: scored in one read of its window (Plan.small).
    scored =
      (await p.small?.()) ??
      (
        await b.db.all<{ rid: number; score: number }>(
          `SELECT m.rid, m.score FROM (${p.scored.sql}) m`,
          p.scored.params,
        )
      ).map((r) => ({ rid: Number(r.rid), score: Number(r.score) }));
    if (scored.length < window && scored.length <= totalCap) total = scored.length;
    else ({ total, totalExact } = await countIds(b, p.ids, totalCap));
  } else {
    ({ total, totalExact } = await countIds(b, p.ids, totalCap));
  }
  let rows: HitRow[];
  if (byDate) {
    // A common query: walk the (sort_key, id) index newest first and keep the matches; a rare
    // one: sort its few matches. (SQLite's planner does not know which one it has.)
    // PostgreSQL's planner misjudges it (it walks the index re-reading a tsvector per
    // article: 131 ms instead of 2 for a rare word, 500 ms for a word in 5% of 10,000
    // articles): there the matches are joined, fenced by OFFSET 0 so they come first, unless
    // the date walk below answered.
    const articles = await articleCount(b);
    const common = !totalExact || total * 50 >= articles;
    // Sorting a couple of thousand matches costs less than a few windows of the walk.
    const walked =
      p.match && (!totalExact || total >= walkFrom)
        ? await dateWalk(b, p.match, offset + limit, total, filters)
        : undefined;
    const hint = common ? b.sortIndexHint : '';
    const candidates =
      b.kind === 'postgres'
        ? `(SELECT m0.rid FROM (${p.ids.sql}) m0 OFFSET 0) m JOIN articles x ON x.rid = m.rid`
        : `articles x ${hint} WHERE x.rid IN (${p.ids.sql})`;
    if (walked) {
      rows = await rowsOf(
        b,
        walked.slice(offset, offset + limit).map((r) => ({ rid: r.rid, score: 0 })),
      );
    } else {
      rows = await b.db.all<HitRow>(
        `SELECT ${SUMMARY_COLS}, ${b.textSql} AS text, ${b.dateFromTextSql} AS from_text, 0 AS score FROM
           (SELECT x.rid, x.sort_key, x.id FROM ${candidates}
            ORDER BY x.sort_key DESC, x.id DESC LIMIT ? OFFSET ?) pg
         JOIN articles a ON a.rid = pg.rid ORDER BY pg.sort_key DESC, pg.id DESC`,
        [...p.ids.params, limit, offset],
      );
    }
  } else if (scored) {
    const page = scored.sort((x, y) => y.score - x.score || y.rid - x.rid).slice(offset, offset + limit);
    rows = await rowsOf(b, page);
  } else {
    rows = await b.db.all<HitRow>(
      `SELECT ${SUMMARY_COLS}, ${b.textSql} AS text, ${b.dateFromTextSql} AS from_text, pg.score FROM
         (SELECT m.rid, m.score FROM (${p.scored.sql}) m ORDER BY m.score DESC, m.rid DESC LIMIT ? OFFSET ?) pg
       JOIN articles a ON a.rid = pg.rid ORDER BY pg.score DESC, pg.rid DESC`,
      [...p.scored.params, limit, offset],
    );
  }
  const hits: SearchHit[] = rows.map((r) => {
    // The template's labels and dateline are not words of the article: blanked (offsets kept).
    const s = makeSnippet(withoutTemplate(r.text, { dateline: 'always' }), compiled.highlight);
    // Where its date came from, as the reader says it (src/ingest/text-date.ts articleDate).
    const from =
      r.published == null ? {} : { publishedFrom: r.from_text ? ('text' as const) : ('source' as const) };
    return { ...summaryOf(r), ...from, score: Number(r.score), snippet: s.snippet, highlights: s.highlights };
  });

  // Facets only when asked: absent otherwise (not empty lists, which would read "none found").
  let facets: SearchResponse['facets'];
  if (req.facets) {
    facets = { countries: [], actors: [], places: [], types: [], outlets: [], months: [] };
    const ids = matched ?? [];
    const sqlCounts = async () => {
      const set = b.ridSet(ids);
      return b.db.all<FacetCount>(
        `SELECT f.kind, f.value, COUNT(*) AS n FROM facets f WHERE f.rid IN (${set.sql}) GROUP BY f.kind, f.value`,
        set.params,
      );
    };
    const fr = facetRows ?? (index ? index.count(ids) : await sqlCounts());
    const byKind = new Map<string, FacetValue[]>();
    for (const r of fr) {
      let list = byKind.get(r.kind);
      if (!list) {
        list = [];
        byKind.set(r.kind, list);
      }
      list.push({ value: r.value, count: Number(r.n) });
    }
    for (const [name, kind] of Object.entries(FACET_KINDS) as Array<[keyof typeof FACET_KINDS, string]>) {
      const values =
        name === 'actors' || name === 'places'
          ? (byKind.get(kind) ?? []).filter((v) => isPlaceId(v.value) === (name === 'places'))
          : (byKind.get(kind) ?? []);
      facets[name] =
        kind === 'month'
          ? values.sort((x, y) => y.value.localeCompare(x.value)).slice(0, 120)
          : topValues(values, FACET_TOP);
    }
    // Labels for the values shown only (an archive has thousands of actors).
    for (const c of facets.countries) {
      const label = countryLabel(c.value);
      if (label) c.label = label;
    }
    const labels = await actorLabels(
      b,
      [...facets.actors, ...facets.places].map((a) => a.value),
    );
    for (const a of [...facets.actors, ...facets.places]) {
      const label = labels.get(a.value);
      if (label) a.label = label;
    }
  }
  const notes = uniqueNotes([
    ...parsed.notes,
    ...compiled.notes,
    ...(await ambiguousActorNotes(b, filters)),
    ...(total === 0 ? await unknownFilterValues(b, filters) : []),
  ]);
  const warnings = notes.map((n) => searchNoteText(n, 'en'));
  return {
    total,
    totalExact,
    hits,
    ...(facets ? { facets } : {}),
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    ...(notes.length ? { notes, warnings } : {}),
  };
}

/**
 * Why an empty answer may be empty: the `actor:` values that name no actor of the archive and
 * the `outlet:` values that are no outlet of it (outlets are matched exactly, as stored).
 * Read only when nothing matched.
 */
async function unknownFilterValues(b: Backend, f: SearchFilters): Promise<SearchNote[]> {
  const out: SearchNote[] = [];
  for (const actor of f.actor ?? []) {
    const keys = actorQueryKeys(actor);
    const hit = await b.db.get(
      `SELECT 1 AS x FROM entity_keys WHERE key IN (${placeholders(keys.length)}) LIMIT 1`,
      keys,
    );
    if (!hit) {
      out.push(searchNote('unknown-actor', { value: quoteValue(actor) }));
    }
  }
  for (const outlet of f.outlet ?? []) {
    const hit = await b.db.get("SELECT 1 AS x FROM facets WHERE kind = 'outlet' AND value = ? LIMIT 1", [
      outlet,
    ]);
    if (!hit) {
      out.push(searchNote('unknown-outlet', { value: quoteValue(outlet) }));
    }
  }
  return out;
}

/** At most this many of the entities an ambiguous actor value names are listed in its note. */
const AMBIGUOUS_LISTED = 10;

/**
 * The entities an `actor:` value names — its id, or any of its names and aliases in match form
 * («لاريجاني», «علي لاريجاني»), Latin through the transliteration (`Larijani`): the keys of
 * `entity_keys` that `actorQueryKeys` gives, as the actor filters match them. At most `limit`
 * (by id), and whether there were more.
 */
export async function actorEntities(
  b: Backend,
  value: string,
  limit = AMBIGUOUS_LISTED,
): Promise<{ entities: Entity[]; more: boolean }> {
  const keys = actorQueryKeys(value);
  const rows = await b.db.all<{ doc: string }>(
    `SELECT doc FROM entities WHERE id IN
       (SELECT entity_id FROM entity_keys WHERE key IN (${placeholders(keys.length)}))
     ORDER BY id LIMIT ?`,
    [...keys, limit + 1],
  );
  const entities = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as Entity);
  return { entities, more: rows.length > limit };
}

/**
 * The note of an actor value that names several entities (a family name two people share,
 * «لاريجاني»): the filter keeps the articles or events of any of them, and the note lists
 * them — ids and Arabic names — so that the user can give the one meant by its id. None for a
 * value naming one entity or none.
 */
export function ambiguousActorNote(
  value: string,
  found: { entities: Entity[]; more: boolean },
): SearchNote | undefined {
  if (found.entities.length < 2) return undefined;
  return searchNote('ambiguous-actor', {
    value: quoteValue(value),
    ids: found.entities.map((e) => e.id).join(','),
    names: found.entities.map((e) => e.names.ar).join('|'),
    more: found.more ? '1' : '',
  });
}

/** The `ambiguous-actor` notes of a search's `actor:` values. */
async function ambiguousActorNotes(b: Backend, f: SearchFilters): Promise<SearchNote[]> {
  const out: SearchNote[] = [];
  for (const actor of f.actor ?? []) {
    const note = ambiguousActorNote(actor, await actorEntities(b, actor));
    if (note) out.push(note);
  }
  return out;
}

const quoteValue = (v: string) => (/\s/u.test(v) ? `"${v}"` : v);

/** `from_text`: 1/true when the article's date was read from its text (Backend.dateFromTextSql). */
type HitRow = SummaryRow & { score: number; text: string; from_text: number | boolean };

/** The hit rows of a page of rids, in its order, each with its score. */
async function rowsOf(b: Backend, page: Array<{ rid: number; score: number }>): Promise<HitRow[]> {
  if (page.length === 0) return [];
  const set = b.ridSet(page.map((r) => r.rid));
  const byRid = new Map(
    (
      await b.db.all<HitRow & { rid: number }>(
        `SELECT a.rid, ${SUMMARY_COLS}, ${b.textSql} AS text, ${b.dateFromTextSql} AS from_text FROM articles a WHERE a.rid IN (${set.sql})`,
        set.params,
      )
    ).map((r) => [Number(r.rid), r]),
  );
  return page.flatMap((r) => {
    const row = byRid.get(r.rid);
    return row ? [{ ...row, score: r.score }] : [];
  });
}

/**
 * The total (at most totalCap + 1 matches read: one more than the cap says there are more) and
 * the facet counts of the newest totalCap matches, in one query. `newest` lists the matches'
 * rids newest first, at most totalCap + 1. The total comes back as a row of kind NULL.
 */
async function countFacets(
  b: Backend,
  newest: SqlPart,
  totalCap: number,
): Promise<{ total: number; totalExact: boolean; counts: FacetCount[] }> {
  const rows = await b.db.all<{ kind: string | null; value: string | null; n: number | string }>(
    `WITH m AS MATERIALIZED (${newest.sql})
     SELECT NULL AS kind, NULL AS value, (SELECT COUNT(*) FROM m) AS n
     UNION ALL
     SELECT f.kind, f.value, COUNT(*) AS n FROM facets f
     WHERE f.rid IN (SELECT c.rid FROM m c ORDER BY c.rid DESC LIMIT ${totalCap})
       AND f.kind IN (${placeholders(COUNTED_KINDS.length)})
     GROUP BY f.kind, f.value`,
    [...newest.params, ...COUNTED_KINDS],
  );
  let n = 0;
  const counts: FacetCount[] = [];
  for (const r of rows) {
    if (r.kind === null) n = Number(r.n);
    else counts.push({ kind: r.kind, value: r.value ?? '', n: Number(r.n) });
  }
  return n > totalCap
    ? { total: totalCap, totalExact: false, counts }
    : { total: n, totalExact: true, counts };
}

/** Counts at most totalCap + 1 matches: one more than the cap says there are more. */
async function countIds(
  b: Backend,
  ids: SqlPart,
  totalCap: number,
): Promise<{ total: number; totalExact: boolean }> {
  const totalRow = await b.db.get<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (${ids.sql} LIMIT ${totalCap + 1}) m`,
    ids.params,
  );
  const n = Number(totalRow?.n ?? 0);
  return n > totalCap ? { total: totalCap, totalExact: false } : { total: n, totalExact: true };
}

/** Archive facts the date walk needs, cached for a few seconds like `articleCount`. */
const dayBounds = new WeakMap<
  Backend,
  { lo: string | null; hi: string | null; undated: boolean; at: number }
>();
async function bounds(b: Backend) {
  const c = dayBounds.get(b);
  if (c && performance.now() - c.at < 5000) return c;
  const r = await b.db.get<{ lo: string | null; hi: string | null }>(
    'SELECT MIN(day) AS lo, MAX(day) AS hi FROM articles',
  );
  // An article with a sort key but no calendar day has no date terms: the walk cannot find it.
  const undated = await b.db.get("SELECT 1 AS x FROM articles WHERE day IS NULL AND sort_key <> '' LIMIT 1");
  const out = { lo: r?.lo ?? null, hi: r?.hi ?? null, undated: !!undated, at: performance.now() };
  dayBounds.set(b, out);
  return out;
}

const DAY_MS = 86_400_000;
/** Date order walks the days (`dateWalk`) for queries with at least this many matches. */
export const WALK_FROM = 2000;
const dayStr = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The first or last day (UTC midnight, ms) of `2016`, `2016-05` or `2016-05-02`; NaN for another form. */
function dayMs(d: string, end: 'first' | 'last'): number {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u.exec(d);
  if (!m) return Number.NaN;
  const y = Number(m[1]);
  if (m[3]) return Date.UTC(y, Number(m[2]) - 1, Number(m[3]));
  if (m[2]) return end === 'first' ? Date.UTC(y, Number(m[2]) - 1, 1) : Date.UTC(y, Number(m[2]), 0);
  return end === 'first' ? Date.UTC(y, 0, 1) : Date.UTC(y, 11, 31);
}

/**
 * Newest first for a common query without reading all its matches: the match ANDed with the
 * date terms (./filter-terms.ts) of a window of publication days, newest window first, each
 * twice as long as the one before, until `need` matches are in hand; then two days more,
 * since the day is the outlet's local one and the sort key UTC (they differ by ≤ 14 hours),
 * and the matches collected are sorted by (sort_key, id). Any article not read is then at
 * least a day older than the `need`-th. Undefined when it cannot answer exactly: an article
 * with a sort key but no calendar day in the archive, or fewer than `need` dated matches.
 */
async function dateWalk(
  b: Backend,
  m: { expr: string; opts: MatchOptions },
  need: number,
  total: number,
  range: SearchFilters = {},
): Promise<Array<{ rid: number; sort_key: string; id: string }> | undefined> {
  const { lo, hi, undated } = await bounds(b);
  if (undated || !lo || !hi || need > 1000) return undefined;
  let first = Date.parse(`${lo}T00:00:00Z`);
  let end = Date.parse(`${hi}T00:00:00Z`);
  if (Number.isNaN(first) || Number.isNaN(end)) return undefined;
  // A `from:`/`to:` filter (part of the match): no day outside it can match, so the walk
  // starts at its last day and stops at its first instead of the archive's.
  const from = range.from ? dayMs(range.from, 'first') : Number.NaN;
  const to = range.to ? dayMs(range.to, 'last') : Number.NaN;
  if (!Number.isNaN(from)) first = Math.max(first, from);
  if (!Number.isNaN(to)) end = Math.min(end, to);
  const got = new Map<number, { rid: number; sort_key: string; id: string }>();
  // The first window: twice the days that hold `need` matches if they were spread evenly.
  let span = Math.max(7, Math.ceil((2 * need * ((end - first) / DAY_MS + 1)) / Math.max(1, total)));
  let extra = false;
  const d = b.dialect;
  while (end >= first) {
    const start = extra ? end - DAY_MS : Math.max(first, end - (span - 1) * DAY_MS);
    const terms = dateRangeTerms(dayStr(start), dayStr(end));
    if (!terms) return undefined;
    if (terms.length) {
      const w = d.or(terms.map((t) => d.term('meta', t, false)));
      const ids = b.matchIds(d.and([m.expr, w]), m.opts);
      const rows = await b.db.all<{ rid: number; sort_key: string; id: string }>(
        `SELECT x.rid, x.sort_key, x.id FROM (${ids.sql}) w JOIN articles x ON x.rid = w.rid`,
        ids.params,
      );
      for (const r of rows) got.set(Number(r.rid), { rid: Number(r.rid), sort_key: r.sort_key, id: r.id });
    }
    end = start - DAY_MS;
    if (extra) break;
    if (got.size >= need) extra = true;
    span *= 2;
  }
  if (got.size < need && !extra) return undefined;
  return [...got.values()].sort((x, y) =>
    x.sort_key === y.sort_key ? (x.id < y.id ? 1 : x.id > y.id ? -1 : 0) : x.sort_key < y.sort_key ? 1 : -1,
  );
}

/**
 * The `n` values of highest count (ties by value), as sorting them all and cutting would
 * give, without sorting the long tail: only values whose count reaches the n-th highest.
 */
function topValues(list: FacetValue[], n: number): FacetValue[] {
  let pool = list;
  if (list.length > n) {
    const counts = Int32Array.from(list, (v) => v.count).sort();
    const least = counts[counts.length - n]!;
    pool = list.filter((v) => v.count >= least);
  }
  return pool.sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)).slice(0, n);
}

async function actorLabels(b: Backend, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  if (ids.length === 0) return out;
  const rows = await b.db.all<{ id: string; name_ar: string | null }>(
    `SELECT id, name_ar FROM entities WHERE id IN (${placeholders(ids.length)})`,
    ids,
  );
  for (const r of rows) if (r.name_ar) out.set(r.id, r.name_ar);
  return out;
}
