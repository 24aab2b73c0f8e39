/**
 * The query language (docs/search.md): words, "phrases", AND / OR / NOT (also `-word`),
 * prefix `word*`, parentheses, and `field:value` filters (`actor:`, `country:`, `type:`,
 * `outlet:`, `from:`, `to:`, `section:`). Words side by side mean AND. Filters apply to the
 * whole query (they are ANDed with it wherever they are written).
 *
 * `parseQuery` never throws on content: a query it cannot make sense of is read as plain
 * words, and the problems are returned as `warnings`.
 */
import type { PloverType } from '../model.ts';
import type { SearchFilters } from '../store/store.ts';

export type QueryNode =
  | { kind: 'word'; text: string; prefix: boolean }
  | { kind: 'phrase'; text: string }
  | { kind: 'and'; items: QueryNode[] }
  | { kind: 'or'; items: QueryNode[] }
  | { kind: 'not'; item: QueryNode };

export interface ParsedQuery {
  /** Undefined when the query holds only filters (or nothing). */
  node?: QueryNode;
  filters: SearchFilters;
  warnings: string[];
}

const FILTERS = ['actor', 'country', 'type', 'outlet', 'from', 'to', 'section'] as const;
type FilterName = (typeof FILTERS)[number];

type Tok =
  | { t: 'word'; v: string; prefix: boolean; neg: boolean }
  | { t: 'phrase'; v: string; neg: boolean }
  | { t: 'filter'; name: FilterName; v: string }
  | { t: 'and' | 'or' | 'not' | '(' | ')' };

function lex(q: string, warnings: string[]): Tok[] {
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
      if (j < 0) warnings.push(`unclosed quote ${open}: read to the end of the query`);
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
          warnings.push(`${name}: has no value`);
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
    private readonly warnings: string[],
  ) {}

  parse(): QueryNode | undefined {
    const n = this.or();
    while (this.i < this.toks.length) {
      // A stray `)`: skip it and go on.
      this.warnings.push('unbalanced ")": ignored');
      this.i++;
      const more = this.or();
      if (more) return n ? { kind: 'and', items: [n, more] } : more;
    }
    return n;
  }

  private peek(): Tok | undefined {
    return this.toks[this.i];
  }

  private or(): QueryNode | undefined {
    const items: QueryNode[] = [];
    const first = this.and();
    if (first) items.push(first);
    while (this.peek()?.t === 'or') {
      this.i++;
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
        const n = this.unary();
        return n ? { kind: 'not', item: n } : undefined;
      }
      case '(': {
        const n = this.or();
        if (this.peek()?.t === ')') this.i++;
        else this.warnings.push('unclosed "(": closed at the end of the query');
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

function addFilter(filters: SearchFilters, name: FilterName, v: string, warnings: string[]): void {
  const values = v
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  if (values.length === 0) return;
  switch (name) {
    case 'from':
    case 'to': {
      const d = values[0]!;
      if (!/^\d{4}(-\d{2}(-\d{2})?)?$/u.test(d)) {
        warnings.push(`${name}:${d} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD`);
        return;
      }
      filters[name] = d;
      return;
    }
    case 'type': {
      filters.type = [...(filters.type ?? []), ...values.map((x) => x.toUpperCase() as PloverType)];
      return;
    }
    default: {
      filters[name] = [...(filters[name] ?? []), ...values];
    }
  }
}

export function parseQuery(q: string): ParsedQuery {
  const warnings: string[] = [];
  const toks = lex(q, warnings);
  const filters: SearchFilters = {};
  const rest: Tok[] = [];
  for (const t of toks) {
    if (t.t === 'filter') addFilter(filters, t.name, t.v, warnings);
    else rest.push(t);
  }
  const node = new Parser(rest, warnings).parse();
  return { ...(node ? { node } : {}), filters, warnings };
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
