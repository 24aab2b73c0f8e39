import { countedNoun } from '../../i18n/counted.ts';
import { fail } from '../../errors.ts';
import { openExisting } from '../archive.ts';
import { glossFacets } from '../../i18n/api.ts';
import { gregorianText } from '../../i18n/dates.ts';
import { type Lang, ploverLabel } from '../../i18n/glossary.ts';
import { localizedNotes, searchNoteText } from '../../i18n/search-notes.ts';
import type { FacetValue, SearchHit, SearchResponse } from '../../store/store.ts';
import { headline } from '../../text/index.ts';
import { parseOptions } from '../options.ts';
import { type Command, write } from '../context.ts';
import { LANG_USAGE, langOption, tableLang, tr } from '../lang.ts';

const USAGE = `khabar search QUERY [--db PATH] [--json] [--sort relevance|date] [--limit N] [--offset N] [--facets] [--lang ar|en]

Searches the archive. The query and the articles go through the same analyzer, so
«الاستراتيجية» also finds «استراتيجي» and «والاستراتيجيات», and «Larijani» finds «لاريجاني».

  words side by side     all of them (AND)
  "a phrase"             the words in this order
  a OR b, NOT a, -a      either; without (beside a word or a filter)
  word*                  words starting so
  ( … )                  grouping
  actor:NAME|ID          country:IRN|إيران   type:CONSULT   outlet:"NAME"
  from:2025-10  to:2025-12-31   section:key_points

See docs/search.md for the whole query language.

  --db PATH       archive (SQLite file or postgres:// URL); default KHABAR_DB or the data folder
  --json          print the SearchResponse as JSON
  --sort date     newest first (default: relevance)
  --limit N       hits per page (default 10), --offset N to page
  --facets        also count countries, actors, places, event types, outlets and months
${LANG_USAGE}; with --json, --lang en adds label_en
                  (English name or transliteration) to actor and country facets`;

function count(v: string | undefined, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw fail('BAD_OPTION', `--${name}`, `give a whole number ≥ 0 (got "${v}")`);
  return n;
}

function highlight(h: SearchHit, tty: boolean): string {
  if (!tty) return h.snippet;
  let out = '';
  let at = 0;
  for (const [a, b] of h.highlights) {
    out += `${h.snippet.slice(at, a)}\x1b[1;33m${h.snippet.slice(a, b)}\x1b[0m`;
    at = b;
  }
  return out + h.snippet.slice(at);
}

const FACET_NAMES: Record<string, [string, string]> = {
  countries: ['countries', 'الدول'],
  actors: ['actors', 'الفاعلون'],
  places: ['places', 'الأماكن'],
  types: ['event types', 'أنواع الأحداث'],
  outlets: ['outlets', 'المصادر'],
  months: ['months', 'الأشهر'],
};

/** A facet value's label in `lang`: English glosses (label_en, type labels) or the Arabic. */
function facetLabel(name: string, f: FacetValue, lang: Lang): string | undefined {
  if (name === 'types') return ploverLabel(f.value, lang);
  if (name === 'months') return gregorianText(f.value, lang, { digits: 'latn' });
  return (lang === 'en' ? f.label_en : undefined) ?? f.label;
}

function render(
  r: SearchResponse,
  opts: { offset: number; tty: boolean; facets: boolean; lang: Lang },
): string {
  const { lang } = opts;
  const lines: string[] = [];
  // The range shown; none when no hit is on this page (--limit 0 counts only, or --offset is
  // past the end: «2 results (1001–1000)» read as nonsense).
  const range = r.hits.length ? ` (${opts.offset + 1}–${opts.offset + r.hits.length})` : '';
  // Beyond the store's count cap the total is a lower bound: "more than 10000 results".
  const more = r.totalExact === false;
  lines.push(
    lang === 'ar'
      ? `${more ? `أكثر من ${r.total} نتيجة` : countedNoun(r.total, 'result', 'ar')}${range} في ${r.tookMs} ملي ثانية`
      : `${more ? 'more than ' : ''}${r.total} result${r.total === 1 && !more ? '' : 's'}${range} in ${r.tookMs} ms`,
  );
  for (const n of r.notes ?? []) lines.push(`${tr(lang, 'note', 'ملاحظة')}: ${searchNoteText(n, lang)}`);
  if (!r.hits.length && r.total && opts.offset >= r.total && r.totalExact !== false)
    lines.push(
      `${tr(lang, 'note', 'ملاحظة')}: ${tr(
        lang,
        `--offset ${opts.offset} is past the last result (${r.total}); page from --offset 0`,
        `‎--offset ${opts.offset} بعد آخر نتيجة (${r.total})؛ ابدأ من ‎--offset 0`,
      )}`,
    );
  r.hits.forEach((h, i) => {
    const day = h.published ? gregorianText(h.published.slice(0, 10), lang, { digits: 'latn' }) : undefined;
    const meta = [h.outlet, day].filter(Boolean).join(' · ');
    lines.push('', `${opts.offset + i + 1}. ${h.title ?? (h.lead ? headline(h.lead) : h.id)}`);
    lines.push(`   ${meta ? `${meta} · ` : ''}${h.id}`);
    lines.push(`   ${highlight(h, opts.tty)}`);
  });
  if (opts.facets) {
    for (const [name, list] of Object.entries(r.facets ?? {})) {
      if (list.length === 0) continue;
      const title = FACET_NAMES[name];
      lines.push('', `${title ? tr(lang, ...title) : name}:`);
      for (const f of list.slice(0, 10)) {
        const label = facetLabel(name, f, lang);
        lines.push(
          `  ${String(f.count).padStart(6)}  ${f.value}${label && label !== f.value ? ` (${label})` : ''}`,
        );
      }
    }
  }
  return lines.join('\n');
}

export const command: Command = {
  readsLang: true,
  summary: 'search the archive: search QUERY [--json] [--sort date] [--facets]',
  usage: USAGE,
  async run(argv, ctx) {
    // `-إيران` is a query word, not an option (the command has no one-letter options): hidden
    // from parseArgs behind a NUL, which is taken off again below.
    const args = argv.map((a) => (/^-[^-]/u.test(a) ? `\u0000${a}` : a));
    const unhide = (a: string) => (a.startsWith('\u0000') ? a.slice(1) : a);
    const parsed = parseOptions('search', {
      args,
      allowPositionals: true,
      options: {
        db: { type: 'string' },
        json: { type: 'boolean' },
        sort: { type: 'string' },
        limit: { type: 'string' },
        offset: { type: 'string' },
        facets: { type: 'boolean' },
        lang: { type: 'string' },
      },
    });
    const v = Object.fromEntries(
      Object.entries(parsed.values).map(([k, x]) => [k, typeof x === 'string' ? unhide(x) : x]),
    ) as Record<string, string | boolean | undefined>;
    const q = parsed.positionals.map(unhide).join(' ').trim();
    if (!q) throw fail('USAGE', 'khabar search needs a QUERY (words, "a phrase", country:IRN …)');
    const sort = (v.sort as string | undefined) ?? 'relevance';
    if (sort !== 'relevance' && sort !== 'date')
      throw fail('BAD_OPTION', '--sort', `use relevance or date (got "${sort}")`);
    const limit = count(v.limit as string | undefined, 'limit', 10);
    const lang = v.lang === undefined ? undefined : langOption(v.lang as string);
    const offset = count(v.offset as string | undefined, 'offset', 0);
    const store = await openExisting(v.db as string | undefined, ctx);
    try {
      const r = await store.search({ q, sort, limit, offset, facets: Boolean(v.facets) });
      if (v.json) {
        // JSON keeps its codes; --lang en adds English names beside them. Notes keep their code
        // and values and gain their text in --lang (else the locale's language).
        const notes = localizedNotes(r.notes, tableLang(lang, ctx));
        const glossed = {
          ...r,
          ...(notes ? { notes } : {}),
          ...(lang === 'en' && r.facets ? { facets: await glossFacets(store, r.facets, lang) } : {}),
        };
        write(ctx.stdout, JSON.stringify(glossed));
      } else {
        const t = tableLang(lang, ctx);
        const shown = t === 'en' && r.facets ? { ...r, facets: await glossFacets(store, r.facets, t) } : r;
        write(ctx.stdout, render(shown, { offset, tty: ctx.isTTY, facets: Boolean(v.facets), lang: t }));
      }
      return 0;
    } finally {
      await store.close();
    }
  },
};
