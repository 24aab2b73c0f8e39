/**
 * The query language (docs/search.md): words, "phrases", AND / OR / NOT (also `-word`),
 * prefix `word*`, parentheses, and `field:value` filters (`actor:`, `country:`, `type:`,
 * `outlet:`, `from:`, `to:`, `section:`). Words side by side mean AND. Filters apply to the
 * whole query (they are ANDed with it wherever they are written).
 *
 * `parseQuery` never throws on content: a query it cannot make sense of is read as plain
 * words, and the problems are returned as `warnings`. What cannot be searched as asked — a
 * filter value that means nothing (`from:2017-13`, `country:Atlantis`) or a query that only
 * excludes (`NOT إيران`) — is listed by `queryErrors`, which the store turns into an error.
 */
import { CANONICAL_LABELS } from '../brief/render.ts';
import { fail } from '../errors.ts';
import { type SearchNote, searchNote, searchNoteText, uniqueNotes } from '../i18n/search-notes.ts';
import { PLOVER_TYPES, type PloverType } from '../model.ts';
import type { SearchFilters } from '../store/store.ts';
import { distance, knownCountry, nearCountries } from './countries.ts';

export type QueryNode =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode };

export interface ParsedQuery {
  /** The query as given. */
  text: string;
  /** Undefined when the query holds only filters (or nothing). */
  node?: QueryNode;
  filters: SearchFilters;
  /** What could not be read as written, as codes and values (src/i18n/search-notes.ts). */
  notes: SearchNote[];
  /** The notes in English. */
  warnings: string[];
  /** Filter values that cannot be searched as written (see `queryErrors`). */
  errors: string[];
}

const FILTERS = ['actor', 'country', 'type', 'outlet', 'from', 'to', 'section'] as const;
type FilterName = (typeof FILTERS)[number];

type Tok =
  | { t: 'word'; v: string; prefix: boolean; neg: boolean }
  | { t: 'phrase'; v: string; neg: boolean }
  | { t: 'filter'; name: FilterName; v: string }
  | { t: 'and' | 'or' | 'not' | '(' | ')'; quiet?: boolean };

function lex(q: string, warnings: SearchNote[]): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < q.length) {
    const c = q[i]!;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')') {
      out.push({ t: c });
      i++;
      continue;
    }
    let neg = false;
    if (c === '-' && i + 1 < q.length && !/\s/u.test(q[i + 1]!)) {
      neg = true;
      i++;
    }
    const open = q[i]!;
    if (open === '"' || open === '«' || open === '“') {
      const close = open === '"' ? '"' : open === '«' ? '»' : '”';
      const j = q.indexOf(close, i + 1);
      if (j < 0) warnings.push(searchNote('unclosed-quote', { quote: open }));
      const v = q.slice(i + 1, j < 0 ? q.length : j);
      i = j < 0 ? q.length : j + 1;
      if (v.trim()) out.push({ t: 'phrase', v, neg });
      continue;
    }
    let j = i;
    while (j < q.length && !/[\s()]/u.test(q[j]!)) j++;
    const raw = q.slice(i, j);
    i = j;
    const colon = raw.indexOf(':');
    if (colon > 0 && !neg) {
      const name = raw.slice(0, colon).toLowerCase();
      if ((FILTERS as readonly string[]).includes(name)) {
        let v = raw.slice(colon + 1);
        if (!v && (q[i] === undefined || /\s/u.test(q[i]!))) {
          warnings.push(searchNote('filter-no-value', { filter: name }));
          continue;
        }
        // A quoted value: outlet:"إيران برس"
        const quote = v[0] === '"' || v[0] === '«' ? v[0] : undefined;
        if (quote) {
          const close = quote === '"' ? '"' : '»';
          const whole = q.slice(i - raw.length + colon + 1);
          const k = whole.indexOf(close, 1);
          v = whole.slice(1, k < 0 ? undefined : k);
          i = i - raw.length + colon + 1 + (k < 0 ? whole.length : k + 1);
          // More values after a comma, quoted or not: outlet:"إيران برس","وكالة السهل"
          while (q[i] === ',') {
            const c = q[i + 1];
            if (c === '"' || c === '«') {
              const e = q.indexOf(c === '"' ? '"' : '»', i + 2);
              v += `,${q.slice(i + 2, e < 0 ? q.length : e)}`;
              i = e < 0 ? q.length : e + 1;
            } else {
              let e = i + 1;
              while (e < q.length && !/[\s(),]/u.test(q[e]!)) e++;
              v += `,${q.slice(i + 1, e)}`;
              i = e;
            }
          }
        }
        out.push({ t: 'filter', name: name as FilterName, v: v.trim() });
        continue;
      }
      // A mistyped filter («contry:IRN», «author:x») found nothing and said nothing.
      if (/^[a-z]{2,12}$/u.test(name) && !/^(https?|ftp|mailto)$/u.test(name) && raw.length > colon + 1)
        warnings.push(
          searchNote('not-a-filter', {
            name,
            raw,
            filters: FILTERS.map((f) => `${f}:`).join(', '),
            near: nearFilters(name).join(','),
          }),
        );
    }
    if (!neg && (raw === 'AND' || raw === '&&')) out.push({ t: 'and' });
    else if (!neg && (raw === 'OR' || raw === '||' || raw === '|')) out.push({ t: 'or' });
    else if (!neg && raw === 'NOT') out.push({ t: 'not' });
    else {
      const prefix = raw.endsWith('*');
      const v = raw.replace(/\*+$/u, '');
      if (v) out.push({ t: 'word', v, prefix, neg });
    }
  }
  return out;
}

/** Recursive descent: or := and (OR and)* ; and := unary (AND? unary)* ; unary := NOT unary | atom. */
class Parser {
  private i = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly warnings: SearchNote[],
  ) {}

  parse(): QueryNode | undefined {
    const n = this.or();
    while (this.i < this.toks.length) {
      // A stray `)`: skip it and go on.
      this.warnings.push(searchNote('unbalanced-paren', {}));
      this.i++;
      const more = this.or();
      if (more) return n ? { kind: 'and', items: [n, more] } : more;
    }
    return n;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  /** True when the query ends here, or a group closes, or another OR follows. */
  private nothingNext(): boolean {
    const t = this.peek()?.t;
    return t === undefined || t === ')' || t === 'or';
  }

  private or(): QueryNode | undefined {
    const items: QueryNode[] = [];
    const first = this.and();
    if (first) items.push(first);
    while (this.peek()?.t === 'or') {
      const tok = this.peek();
      const quiet = tok !== undefined && 'quiet' in tok && tok.quiet;
      this.i++;
      // «وزير OR» answered as «وزير» and said nothing: the second half was lost unseen.
      if (!quiet && this.nothingNext()) this.warnings.push(searchNote('or-nothing-after', {}));
      const n = this.and();
      if (n) items.push(n);
    }
    if (items.length === 0) return undefined;
    return items.length === 1 ? items[0] : { kind: 'or', items };
  }

  private and(): QueryNode | undefined {
    const items: QueryNode[] = [];
    for (;;) {
      const t = this.peek();
      if (!t || t.t === 'or' || t.t === ')') break;
      if (t.t === 'and') {
        this.i++;
        continue;
      }
      const n = this.unary();
      if (n) items.push(n);
    }
    if (items.length === 0) return undefined;
    return items.length === 1 ? items[0] : { kind: 'and', items };
  }

  private unary(): QueryNode | undefined {
    const t = this.toks[this.i++];
    if (!t) return undefined;
    switch (t.t) {
      case 'not': {
        if (!t.quiet && this.nothingNext()) this.warnings.push(searchNote('not-nothing-after', {}));
        const n = this.unary();
        return n ? { kind: 'not', item: n } : undefined;
      }
      case '(': {
        const n = this.or();
        if (this.peek()?.t === ')') this.i++;
        else this.warnings.push(searchNote('unclosed-paren', {}));
        return n;
      }
      case 'word': {
        const n: QueryNode = { kind: 'word', text: t.v, prefix: t.prefix };
        return t.neg ? { kind: 'not', item: n } : n;
      }
      case 'phrase': {
        const n: QueryNode = { kind: 'phrase', text: t.v };
        return t.neg ? { kind: 'not', item: n } : n;
      }
      default:
        return undefined;
    }
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * Why a date that starts `YYYY[-MM[-DD]]` is not on the calendar (month 13, 30 February), or
 * undefined when it is (or does not start so: the callers check the form).
 */
export function calendarProblem(value: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/u.exec(value);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  if (mo === undefined) return undefined;
  const month = Number(mo);
  if (month < 1 || month > 12) return `${mo} is not a month (01–12)`;
  if (d === undefined) return undefined;
  const days = new Date(Date.UTC(Number(y), month, 0)).getUTCDate();
  const day = Number(d);
  if (day < 1 || day > days) return `${MONTHS[month - 1]} ${y} has no day ${d} (01–${days})`;
  return undefined;
}

/** The problem with a `from:`/`to:` value, naming the filter and the forms it takes. */
function dateProblem(name: 'from' | 'to', d: string): string | undefined {
  const forms = `write ${name}:YYYY, ${name}:YYYY-MM or ${name}:YYYY-MM-DD, e.g. ${name}:2025-10`;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/u.test(d)) return `${name}:${d} is not a date: ${forms}.`;
  const why = calendarProblem(d);
  return why ? `${name}:${d} is not a date: ${why}; ${forms}.` : undefined;
}

function addFilter(filters: SearchFilters, name: FilterName, v: string, errors: string[]): void {
  const values = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (values.length === 0) return;
  switch (name) {
    case 'from':
    case 'to': {
      const d = values[0]!;
      const problem = dateProblem(name, d);
      if (problem) {
        errors.push(problem);
        return;
      }
      filters[name] = d;
      return;
    }
    case 'type': {
      filters.type = [...(filters.type ?? []), ...values.map((x) => x.toUpperCase() as PloverType)];
      return;
    }
    case 'section': {
      filters.section = [...(filters.section ?? []), ...values.map((x) => x.toLowerCase())];
      return;
    }
    default: {
      filters[name] = [...(filters[name] ?? []), ...values];
    }
  }
}

/**
 * True when toks[k] is an OR or a NOT that a filter makes void, with a note saying so: filters
 * apply to the whole query, so «وزير OR country:IRN» is «وزير» in Iran, and «NOT country:IRN»
 * narrows to Iran — both were answered without a word. Two values of one filter joined by OR
 * («country:IRN OR country:EGY») mean either, as written: no note.
 */
function besideFilter(toks: readonly Tok[], k: number, warnings: SearchNote[]): boolean {
  const t = toks[k]!;
  const prev = toks[k - 1];
  const next = toks[k + 1];
  if (t.t === 'not' && next?.t === 'filter') {
    warnings.push(searchNote('not-before-filter', { filter: `${next.name}:${next.v}` }));
    return true;
  }
  if (t.t !== 'or') return false;
  const filter = next?.t === 'filter' ? next : prev?.t === 'filter' ? prev : undefined;
  if (!filter) return false;
  if (prev?.t === 'filter' && next?.t === 'filter' && prev.name === next.name) return true;
  warnings.push(searchNote('or-beside-filter', { filter: `${filter.name}:${filter.v}` }));
  return true;
}

export function parseQuery(q: string): ParsedQuery {
  const warnings: SearchNote[] = [];
  const errors: string[] = [];
  const toks = lex(q, warnings);
  const filters: SearchFilters = {};
  const rest: Tok[] = [];
  toks.forEach((t, k) => {
    if (t.t === 'filter') addFilter(filters, t.name, t.v, errors);
    else if ((t.t === 'or' || t.t === 'not') && besideFilter(toks, k, warnings))
      rest.push({ t: t.t, quiet: true });
    else rest.push(t);
  });
  const node = new Parser(rest, warnings).parse();
  // Compared over the precision both give: from:2025-10-05 to:2025-10 is not inverted.
  const { from, to } = filters;
  if (from && to) {
    const n = Math.min(from.length, to.length);
    if (from.slice(0, n) > to.slice(0, n)) warnings.push(searchNote('from-after-to', { from, to }));
  }
  const notes = uniqueNotes(warnings);
  return {
    text: q,
    ...(node ? { node } : {}),
    filters,
    notes,
    warnings: notes.map((n) => searchNoteText(n, 'en')),
    errors,
  };
}

/** Whether a node asks for something (a word or phrase not under NOT); an OR's NOT items are dropped. */
function positive(n: QueryNode): boolean {
  if (n.kind === 'word' || n.kind === 'phrase') return true;
  if (n.kind === 'not') return false;
  return n.items.some(positive);
}

/** The section kinds `section:` takes: the lead and the brief's labelled sections. */
export const SECTION_KINDS: readonly string[] = ['lead', ...Object.keys(CANONICAL_LABELS)];

/** `; did you mean «country:»?` for a filter name mistyped by at most a third of its letters. */
/** The filters a mistyped name is close to. */
function nearFilters(name: string): string[] {
  return FILTERS.filter((f) => distance(name, f) <= Math.max(1, Math.floor(f.length / 3)));
}

/** `; did you mean …?` with up to three of `options` near `value` (edit distance ≤ 2, or it starts so). */
function didYouMean(value: string, options: readonly string[]): string {
  const v = value.toLowerCase();
  const near = options
    .map((o) => ({
      o,
      d: v.length >= 3 && o.toLowerCase().startsWith(v) ? 0.5 : distance(v, o.toLowerCase()),
    }))
    .filter((x) => x.d <= 2)
    .sort((a, b) => a.d - b.d)
    .slice(0, 3)
    .map((x) => x.o);
  return near.length ? `; did you mean ${near.join(', ')}?` : '.';
}

/**
 * Why a country value means nothing, and what to write instead (the nearest names): the
 * message of the query language's `country:` and of the API's `country` parameter.
 */
export function unknownCountry(value: string): string {
  const near = nearCountries(value);
  return `${value} is not a country khabar knows: give an ISO 3166-1 alpha-3 code (IRN) or a name in Arabic or English (إيران, Iran)${near.length ? `; did you mean ${near.join(', ')}?` : '.'}`;
}

/**
 * What makes a query unsearchable as written, each naming the part and what to write instead:
 * the parser's bad filter values; `country:` values the gazetteer does not know (with the
 * nearest names); `type:` and `section:` values that are no PLOVER type or section kind (with
 * the nearest); dates given apart (API parameters) that are not on the calendar; and a query
 * that only excludes (`NOT إيران`, `-إيران`) with no word, phrase or filter to search for —
 * it would list the whole archive but those articles, which is seldom what was meant — or that
 * is only operators and signs (`AND`, `OR`, `NOT`, `*`, `"`, `(`, `!!!`): it listed the whole
 * archive with no word of why; an empty query (browsing, with or without filters) is no error.
 */
export function queryErrors(parsed: ParsedQuery, filters: SearchFilters): string[] {
  const out = [...parsed.errors];
  for (const name of ['from', 'to'] as const) {
    const d = filters[name];
    if (d && d !== parsed.filters[name]) {
      const why = calendarProblem(d);
      if (why) out.push(`${name}=${d} is not a date: ${why}.`);
    }
  }
  for (const c of filters.country ?? []) {
    if (knownCountry(c)) continue;
    out.push(`country:${unknownCountry(c)}`);
  }
  for (const t of filters.type ?? []) {
    if ((PLOVER_TYPES as readonly string[]).includes(t)) continue;
    out.push(
      `type:${t} is not a PLOVER event type: write one of ${PLOVER_TYPES.join(', ')}${didYouMean(t, PLOVER_TYPES)}`,
    );
  }
  for (const k of filters.section ?? []) {
    if (SECTION_KINDS.includes(k)) continue;
    out.push(
      `section:${k} is not a section kind: write one of ${SECTION_KINDS.join(', ')}${didYouMean(k, SECTION_KINDS)}`,
    );
  }
  const anyFilter = hasFilter(filters);
  if (parsed.node && !positive(parsed.node) && !anyFilter) {
    out.push(
      'the query only excludes (NOT, -): a NOT needs something to search for beside it — a word, a phrase or a filter, e.g. «الاتفاق NOT إيران» or «NOT إيران from:2025-01».',
    );
  }
  if (!out.length && !parsed.node && !anyFilter) out.push(...nothingToSearch(parsed.text));
  return out;
}

/** Whether any filter is given. */
function hasFilter(filters: SearchFilters): boolean {
  return Object.values(filters).some((v) => (Array.isArray(v) ? v.length > 0 : Boolean(v)));
}

/** A query (not blank) with no word, phrase or filter in it: which, and what to write instead. */
function nothingToSearch(query: string): string[] {
  const text = query.trim();
  if (!text) return [];
  return [
    `the query «${text}» has nothing to search for: operators (AND, OR, NOT, -), a lone * or quotes, brackets and signs are no words. Write a word, a phrase or a filter, e.g. «الاتفاق», «"وقف إطلاق النار"» or «country:IRN».`,
  ];
}

/**
 * Throws BAD_QUERY when a query's words all dropped out as it was compiled (`!!!`, a link:
 * no word to search for) and no filter is left: the whole archive would be listed, unasked.
 * `matches`: whether the compiled query matches on any term.
 */
export function checkSearchable(parsed: ParsedQuery, filters: SearchFilters, matches: boolean): void {
  const anyFilter = hasFilter(filters);
  const errors = matches || anyFilter ? [] : nothingToSearch(parsed.text);
  if (errors.length) throw fail('BAD_QUERY', errors.join(' '));
}

/** Throws the `queryErrors` of a query as one BAD_QUERY error (HTTP 400 in the API). */
export function checkQuery(parsed: ParsedQuery, filters: SearchFilters): void {
  const errors = queryErrors(parsed, filters);
  if (errors.length) throw fail('BAD_QUERY', errors.join(' '));
}

/** Merges filters from the query text with filters given apart (API parameters, CLI options). */
export function mergeFilters(a: SearchFilters, b: SearchFilters | undefined): SearchFilters {
  if (!b) return a;
  const out: SearchFilters = { ...a };
  for (const k of ['actor', 'country', 'type', 'outlet', 'section'] as const) {
    const v = [...(a[k] ?? []), ...(b[k] ?? [])];
    if (v.length) (out as Record<string, unknown>)[k] = v;
  }
  if (b.from) out.from = b.from;
  if (b.to) out.to = b.to;
  return out;
}
