/**
 * Search over a SQL store: parse the query, compile it for the backend's full-text engine,
 * apply filters, count, page, facet, and cut snippets. The filters, facets, ordering and
 * snippets are plain SQL + JS shared by SQLite and PostgreSQL, so both answer alike.
 */
import { type CompiledQuery, compileQuery } from '../search/compile.ts';
import { countryCodes, countryLabel } from '../search/countries.ts';
import { mergeFilters, parseQuery } from '../search/query.ts';
import { makeSnippet } from '../search/snippet.ts';
import type { Backend, Param } from './db.ts';
import { placeholders } from './db.ts';
import { actorQueryKeys } from './rows.ts';
import { pageOf, SUMMARY_COLS, summaryOf, toBound } from './util.ts';
import type { FacetValue, SearchFilters, SearchHit, SearchRequest, SearchResponse } from './store.ts';

const FACET_KINDS = {
  countries: 'country',
  actors: 'actor',
  types: 'type',
  outlets: 'outlet',
  months: 'month',
} as const;
const FACET_TOP = 20;

interface Where {
  sql: string[];
  params: Param[];
}

function filterWhere(f: SearchFilters): Where {
  const sql: string[] = [];
  const params: Param[] = [];
  const facetIn = (kind: string, values: string[]) => {
    sql.push(
      `a.rid IN (SELECT rid FROM facets WHERE kind = ? AND value IN (${placeholders(values.length)}))`,
    );
    params.push(kind, ...values);
  };
  if (f.outlet?.length) {
    sql.push(`a.outlet IN (${placeholders(f.outlet.length)})`);
    params.push(...f.outlet);
  }
  if (f.from) {
    sql.push('a.day >= ?');
    params.push(f.from);
  }
  if (f.to) {
    sql.push('a.day <= ?');
    params.push(toBound(f.to));
  }
  if (f.country?.length) facetIn('country', f.country.flatMap(countryCodes));
  if (f.type?.length) facetIn('type', f.type);
  if (f.actor?.length) {
    for (const actor of f.actor) {
      const keys = actorQueryKeys(actor);
      sql.push(
        `a.rid IN (SELECT rid FROM facets WHERE kind = 'actor' AND value IN
          (SELECT entity_id FROM entity_keys WHERE key IN (${placeholders(keys.length)})))`,
      );
      params.push(...keys);
    }
  }
  return { sql, params };
}

function matchCte(
  b: Backend,
  c: CompiledQuery,
  sections: string[] | undefined,
): { sql: string; params: Param[] } {
  if (c.match) return sections?.length ? b.sectionMatchSql(c.match, sections) : b.matchSql(c.match);
  if (c.exclude) {
    const m = sections?.length ? b.sectionMatchSql(c.exclude, sections) : b.matchSql(c.exclude);
    return {
      sql: `SELECT rid, 0 AS score FROM articles WHERE rid NOT IN (SELECT rid FROM (${m.sql}) ex)`,
      params: m.params,
    };
  }
  return { sql: 'SELECT rid, 0 AS score FROM articles', params: [] };
}

export async function searchStore(b: Backend, req: SearchRequest): Promise<SearchResponse> {
  const t0 = performance.now();
  const parsed = parseQuery(req.q ?? '');
  const filters = mergeFilters(parsed.filters, req.filters);
  const compiled = compileQuery(parsed.node, b.dialect);
  const sections = filters.section;
  const where = filterWhere(filters);
  // `section:` with no words: the articles that have such a section.
  if (sections?.length && !compiled.match && !compiled.exclude) {
    where.sql.push(
      `a.rid IN (SELECT rid FROM facets WHERE kind = 'section' AND value IN (${placeholders(sections.length)}))`,
    );
    where.params.push(...sections);
  }
  const m = matchCte(b, compiled, sections);
  const w = where.sql.length ? `WHERE ${where.sql.join(' AND ')}` : '';
  const base = `WITH m AS (${m.sql}) SELECT %COLS% FROM m JOIN articles a ON a.rid = m.rid ${w}`;
  const params = [...m.params, ...where.params];
  const { limit, offset } = pageOf(req, 10);
  const order =
    req.sort === 'date'
      ? `COALESCE(a.sort_key, '') DESC, m.score DESC, a.id`
      : `m.score DESC, COALESCE(a.sort_key, '') DESC, a.id`;

  const totalRow = await b.db.get<{ n: number }>(base.replace('%COLS%', 'COUNT(*) AS n'), params);
  const rows = await b.db.all<Parameters<typeof summaryOf>[0] & { score: number; text: string }>(
    `${base.replace('%COLS%', `${SUMMARY_COLS}, a.text, m.score`)} ORDER BY ${order} LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  const hits: SearchHit[] = rows.map((r) => {
    const s = makeSnippet(r.text, compiled.highlight);
    return { ...summaryOf(r), score: Number(r.score), snippet: s.snippet, highlights: s.highlights };
  });

  const facets: SearchResponse['facets'] = { countries: [], actors: [], types: [], outlets: [], months: [] };
  if (req.facets) {
    const fr = await b.db.all<{ kind: string; value: string; n: number }>(
      `SELECT f.kind, f.value, COUNT(*) AS n FROM facets f
       WHERE f.rid IN (${base.replace('%COLS%', 'm.rid')}) GROUP BY f.kind, f.value`,
      params,
    );
    const labels = await actorLabels(
      b,
      fr.filter((r) => r.kind === 'actor').map((r) => r.value),
    );
    for (const [name, kind] of Object.entries(FACET_KINDS) as Array<[keyof typeof FACET_KINDS, string]>) {
      const list: FacetValue[] = fr
        .filter((r) => r.kind === kind)
        .map((r) => {
          const label =
            kind === 'country' ? countryLabel(r.value) : kind === 'actor' ? labels.get(r.value) : undefined;
          return { value: r.value, count: Number(r.n), ...(label ? { label } : {}) };
        })
        .sort((x, y) =>
          kind === 'month'
            ? y.value.localeCompare(x.value)
            : y.count - x.count || x.value.localeCompare(y.value),
        )
        .slice(0, kind === 'month' ? 120 : FACET_TOP);
      facets[name] = list;
    }
  }
  const warnings = [...parsed.warnings, ...compiled.warnings];
  return {
    total: Number(totalRow?.n ?? 0),
    hits,
    facets,
    tookMs: Math.round((performance.now() - t0) * 100) / 100,
    ...(warnings.length ? { warnings } : {}),
  };
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
