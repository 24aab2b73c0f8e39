/**
 * Turns a parsed query into a backend's full-text expression (SQLite FTS5 MATCH string or a
 * PostgreSQL tsquery), through the same analyzer the documents went through. Each word asks
 * for its exact form OR its proclitic-stripped form OR its stem (OR, for Latin-script words,
 * its transliteration key); the columns are weighted so an exact form ranks highest.
 */
import { type SearchNote, searchNote, searchNoteText } from '../i18n/search-notes.ts';
import { analyzeText, loanPairKey, type Term } from './analyze.ts';
import { FREQUENT_TERMS } from './frequent-terms.ts';
import { arabicNamesOf } from './latin-names.ts';
import type { QueryNode } from './query.ts';

export type Column = 'forms' | 'bare' | 'stems' | 'latin' | 'meta';

export interface Dialect {
  /** One term (or a prefix) in one column. */
  term(col: Column, term: string, prefix: boolean): string;
  /** Adjacent terms in one column. */
  phrase(col: Column, terms: string[]): string;
  and(items: string[]): string;
  or(items: string[]): string;
  andNot(pos: string, neg: string): string;
  /**
   * Optional: one term (or phrase: space-separated terms) in any of several columns, read
   * once. A query word often gives the same term in several columns («شخص» is its own form,
   * bare form and stem); `forms : "x" OR bare : "x"` reads the list of "x" once per column.
   * A dialect with `anyOf` gets a second expression (`CompiledQuery.matchSet`) matching the
   * same articles with each such term read once — for counting and listing the matches, not
   * for scoring them (bm25 weighs each phrase of the MATCH apart).
   */
  anyOf?(cols: Column[], text: string, prefix: boolean): string;
  /**
   * Optional: the dialect the ranking expression (`CompiledQuery.rank`) is written in, when
   * this one matches through lexemes a ranking function must not see (`tsqueryPairs`).
   */
  rank?: Dialect;
}

/** What the query asks for: `match` (positive expression) and/or `exclude` (articles to leave out). */
export interface CompiledQuery {
  match?: string;
  /**
   * `match` with the same term in several columns read once (`Dialect.anyOf`): the same
   * articles, cheaper to list. Absent when the dialect has no `anyOf`. Not for scoring.
   */
  matchSet?: string;
  /** `exclude` likewise. */
  excludeSet?: string;
  /** Set for a purely negative query (`-word`, `NOT x`): every article except these. */
  exclude?: string;
  /** Every positive word and phrase OR-ed: what to rank by (PostgreSQL's ts_rank gives 0 under `!`). */
  rank?: string;
  /**
   * True when `match` is an OR of words and phrases (no AND, no NOT) with at least one phrase
   * of several words: every article holding one of its phrases matches, so a phrase's
   * document frequency is the number of matches holding it — src/store/sqlite.ts ranks a
   * small match set from its rows alone, instead of reading each phrase's articles again.
   */
  phraseDisjunction?: boolean;
  /** Terms to highlight in snippets. */
  highlight: HighlightTerm[];
  /** What could not be searched as written (src/i18n/search-notes.ts). */
  notes: SearchNote[];
  /** The notes in English. */
  warnings: string[];
}

export interface HighlightTerm {
  form: string;
  bare: string;
  stem: string;
  latin: string;
  /** Loanword key (analyze.ts `loanKey`): the word's other spellings are highlighted too. */
  loan?: string;
  prefix: boolean;
}

type Out = { pos: string } | { neg: string } | undefined;

/**
 * The same term (or phrase) in several columns, OR-ed: one `anyOf` per distinct text when the
 * dialect has it (in the order of first appearance), else one term or phrase per column.
 */
function columnsOr(d: Dialect, alts: Array<[Column, string[]]>, prefix: boolean): string[] {
  const one = (col: Column, ts: string[]) =>
    ts.length === 1 ? d.term(col, ts[0]!, prefix) : d.phrase(col, ts);
  if (!d.anyOf) return alts.map(([col, ts]) => one(col, ts));
  const byText = new Map<string, { cols: Column[]; ts: string[] }>();
  for (const [col, ts] of alts) {
    const key = ts.join(' ');
    const g = byText.get(key);
    if (g) g.cols.push(col);
    else byText.set(key, { cols: [col], ts });
  }
  return [...byText.entries()].map(([text, g]) =>
    g.cols.length === 1 ? one(g.cols[0]!, g.ts) : d.anyOf!(g.cols, text, prefix),
  );
}

function wordExpr(d: Dialect, t: Term, prefix: boolean): string {
  if (prefix) {
    // The written form and the form without proclitics: «استراتيج*» also finds «والاستراتيجيات».
    return d.or(
      columnsOr(
        d,
        [
          ['forms', [t.form]],
          ['bare', [t.bare]],
        ],
        true,
      ),
    );
  }
  if (t.script === 'number') return d.term('forms', t.form, false);
  const alts = columnsOr(
    d,
    [
      ['forms', [t.form]],
      ['bare', [t.bare]],
      ['stems', [t.stem]],
    ],
    false,
  );
  if (t.script === 'latin' && t.latin.length >= 2) alts.push(d.term('latin', t.latin, false));
  // A loanword in its other spellings («غوغل» for «جوجل»): the key is in the latin column.
  if (t.loan) alts.push(d.term('latin', t.loan, false));
  return d.or(alts);
}

/** Two Arabic words written apart that may be one loanword written together («فولكس فاجن»). */
function loanPair(d: Dialect, terms: readonly Term[]): string | undefined {
  if (terms.length !== 2) return undefined;
  const key = loanPairKey(terms[0]!, terms[1]!);
  return key ? d.term('latin', key, false) : undefined;
}

function phraseExpr(d: Dialect, terms: Term[]): string {
  if (terms.length === 1) return wordExpr(d, terms[0]!, false);
  const alts = columnsOr(
    d,
    [
      ['forms', terms.map((t) => t.form)],
      ['bare', terms.map((t) => t.bare)],
      ['stems', terms.map((t) => t.stem)],
    ],
    false,
  );
  // Latin keys have no positions: a Latin phrase («Ali Larijani») also matches as all its keys.
  if (terms.every((t) => t.script === 'latin' && t.latin.length >= 2)) {
    alts.push(d.and(terms.map((t) => d.term('latin', t.latin, false))));
  }
  // Loanwords in other spellings: all their keys (no positions either), or the two words as one.
  if (terms.every((t) => t.loan)) alts.push(d.and(terms.map((t) => d.term('latin', t.loan, false))));
  const pair = loanPair(d, terms);
  if (pair) alts.push(pair);
  return d.or(alts);
}

/** Latin particles in transliterated names («al-Sisi», «bin Salman») that Arabic glues or drops. */
const LATIN_PARTICLES = new Set(['al', 'el', 'ul', 'ad', 'as', 'ash', 'at', 'az', 'an', 'ar']);

export function compileQuery(node: QueryNode | undefined, d: Dialect): CompiledQuery {
  if (d.rank) {
    const { rank: plain, ...matching } = d;
    const c = compileQuery(node, matching);
    const p = compileQuery(node, plain);
    const rank = p.rank ?? p.match;
    const { rank: _, ...rest } = c;
    return rank ? { ...rest, rank } : rest;
  }
  const c = compileWith(node, d);
  if (!d.anyOf) return c;
  // The same query with repeated terms read once: the same articles (see Dialect.anyOf).
  const { anyOf: _, ...plain } = d;
  const full = compileWith(node, plain);
  const sets = {
    ...(c.match ? { matchSet: c.match } : {}),
    ...(c.exclude ? { excludeSet: c.exclude } : {}),
  };
  return { ...full, ...sets };
}

function compileWith(node: QueryNode | undefined, dialect: Dialect): CompiledQuery {
  let conjunctions = 0;
  let phrases = 0;
  const d: Dialect = {
    ...dialect,
    phrase: (col, ts) => {
      phrases++;
      return dialect.phrase(col, ts);
    },
    and: (items) => {
      if (items.length > 1) conjunctions++;
      return dialect.and(items);
    },
    andNot: (pos, neg) => {
      conjunctions++;
      return dialect.andNot(pos, neg);
    },
  };
  const highlight: HighlightTerm[] = [];
  const warnings: SearchNote[] = [];
  const mark = (t: Term, prefix: boolean) =>
    highlight.push({ form: t.form, bare: t.bare, stem: t.stem, latin: t.latin, loan: t.loan, prefix });
  let positive = true;
  const rankParts: string[] = [];
  const positiveExpr = (e: string) => {
    if (positive) rankParts.push(e);
    return e;
  };

  /**
   * A Latin-script word or phrase that names a gazetteer entity («Oman», "Saudi Arabia"): its
   * Arabic names, or the Latin words themselves as written, but not the loose consonant key
   * (see latin-names.ts). Undefined when the text names no entity.
   */
  const namedEntity = (text: string): string | undefined => {
    const found = arabicNamesOf(text);
    if (!found) return undefined;
    const alts: string[] = [];
    const nameExpr = (name: string, highlight: boolean): string | undefined => {
      const terms = analyzeText(name);
      if (terms.length === 0) return undefined;
      if (positive && highlight) for (const t of terms) mark(t, false);
      return terms.length === 1 ? wordExpr(d, terms[0]!, false) : phraseExpr(d, terms);
    };
    for (const name of found.names) {
      const e = nameExpr(name, true);
      if (e) alts.push(e);
    }
    // «عمان» (Oman, and Amman) only beside a word of the entity's own («العماني», «مسقط»).
    for (const { name, context } of found.shared) {
      const e = nameExpr(name, true);
      const ctx = context.flatMap((c) => nameExpr(c, false) ?? []);
      if (e && ctx.length) alts.push(d.and([e, ctx.length === 1 ? ctx[0]! : d.or(ctx)]));
    }
    const latin = analyzeText(text).map((t) => ({ ...t, latin: '', loan: '' }));
    if (positive) for (const t of latin) mark(t, false);
    if (latin.length) alts.push(latin.length === 1 ? wordExpr(d, latin[0]!, false) : phraseExpr(d, latin));
    return alts.length === 1 ? alts[0]! : d.or(alts);
  };

  /** Two plain words side by side (no prefix): their loanword pair key as a latin term. */
  const wordPair = (items: readonly QueryNode[]): string | undefined => {
    if (items.length !== 2 || !items.every((i) => i.kind === 'word' && !i.prefix)) return undefined;
    const terms = items.flatMap((i) => analyzeText((i as { text: string }).text));
    return loanPair(d, terms);
  };

  // A word of the query with nothing to index in it («...», «//», a link) was dropped without
  // a word, and a query of only such words listed the whole archive as if it had matched.
  const nothing = (text: string): undefined => {
    warnings.push(searchNote('no-word', { text }));
    return undefined;
  };

  const walk = (n: QueryNode): Out => {
    switch (n.kind) {
      case 'word': {
        const named = n.prefix ? undefined : namedEntity(n.text);
        if (named) return { pos: positiveExpr(named) };
        let terms = analyzeText(n.text);
        if (terms.length > 1)
          terms = terms.filter((t) => !(t.script === 'latin' && LATIN_PARTICLES.has(t.form)));
        if (terms.length === 0) return nothing(n.text);
        let prefix = n.prefix && terms.length === 1;
        // One letter starts a good part of the vocabulary (the index has prefixes of 2–4).
        if (prefix && [...terms[0]!.form].length < 2) {
          warnings.push(searchNote('short-prefix', { text: n.text }));
          prefix = false;
        }
        if (positive) for (const t of terms) mark(t, prefix);
        if (terms.length === 1) return { pos: positiveExpr(wordExpr(d, terms[0]!, prefix)) };
        return { pos: positiveExpr(phraseExpr(d, terms)) };
      }
      case 'phrase': {
        const named = namedEntity(n.text);
        if (named) return { pos: positiveExpr(named) };
        const terms = analyzeText(n.text);
        if (terms.length === 0) return nothing(n.text);
        if (positive) for (const t of terms) mark(t, false);
        return { pos: positiveExpr(phraseExpr(d, terms)) };
      }
      case 'not': {
        const was = positive;
        positive = !positive;
        const inner = walk(n.item);
        positive = was;
        if (!inner) return undefined;
        return 'pos' in inner ? { neg: inner.pos } : { pos: inner.neg };
      }
      case 'and': {
        const pair = positive ? wordPair(n.items) : undefined;
        const pos: string[] = [];
        const neg: string[] = [];
        for (const item of n.items) {
          const o = walk(item);
          if (!o) continue;
          if ('pos' in o) pos.push(o.pos);
          else neg.push(o.neg);
        }
        if (pos.length === 0) return neg.length ? { neg: neg.length === 1 ? neg[0]! : d.or(neg) } : undefined;
        let e = pos.length === 1 ? pos[0]! : d.and(pos);
        // «فولكس فاجن» side by side: both words, or the loanword written as one («فولكسفاغن»).
        if (pair && neg.length === 0) e = d.or([e, positiveExpr(pair)]);
        for (const x of neg) e = d.andNot(e, x);
        return { pos: e };
      }
      case 'or': {
        const pos: string[] = [];
        for (const item of n.items) {
          const o = walk(item);
          if (!o) continue;
          if ('pos' in o) pos.push(o.pos);
          else warnings.push(searchNote('not-in-or', {}));
        }
        if (pos.length === 0) return undefined;
        return { pos: pos.length === 1 ? pos[0]! : d.or(pos) };
      }
    }
  };

  const out = node ? walk(node) : undefined;
  const notes = { notes: warnings, warnings: warnings.map((w) => searchNoteText(w, 'en')) };
  if (!out) return { highlight, ...notes };
  const rank = rankParts.length ? { rank: d.or(rankParts) } : {};
  return 'pos' in out
    ? {
        match: out.pos,
        ...rank,
        ...(conjunctions === 0 && phrases > 0 ? { phraseDisjunction: true } : {}),
        highlight,
        ...notes,
      }
    : { exclude: out.neg, highlight, ...notes };
}

// ---------------------------------------------------------------- dialects

const ftsQuote = (s: string) => `"${s.replace(/"/g, '""')}"`;

const WORD_COLUMNS: Column[] = ['forms', 'bare', 'stems'];
const NON_ASCII = /[^\x00-\x7f]/u;

/** SQLite FTS5 (columns forms, bare, stems, latin). */
export const fts5: Dialect = {
  term: (col, t, prefix) => `${col} : ${ftsQuote(t)}${prefix ? ' *' : ''}`,
  phrase: (col, ts) => `${col} : ${ftsQuote(ts.join(' '))}`,
  and: (items) => `(${items.join(' AND ')})`,
  or: (items) => (items.length === 1 ? items[0]! : `(${items.join(' OR ')})`),
  andNot: (pos, neg) => `(${pos} NOT ${neg})`,
  // FTS5's column filter: `{forms bare} : "x"` matches "x" in either column, its list read
  // once. In all three of forms, bare and stems, a term with a letter outside ASCII needs no
  // filter (none to check per row): the other columns hold ASCII only — latin keys (a–z,
  // 0–9) and meta terms (src/search/filter-terms.ts).
  anyOf: (cols, t, prefix) =>
    `${WORD_COLUMNS.every((c) => cols.includes(c)) && NON_ASCII.test(t) ? '' : `{${cols.join(' ')}} : `}${ftsQuote(t)}${prefix ? ' *' : ''}`,
};

/** tsvector weights per column (PostgreSQL): what ts_rank weighs. */
export const PG_WEIGHT: Record<Column, 'A' | 'B' | 'C' | 'D'> = {
  forms: 'A',
  bare: 'B',
  stems: 'C',
  latin: 'D',
  // Filter terms are never in the ranking query: the weight does not matter.
  meta: 'D',
};

/**
 * Lexeme prefix per column (PostgreSQL): the column is part of the lexeme, so a tsquery
 * needs no weight labels to stay in its column — and a GIN index answers a query without
 * weight labels (or phrases) without re-reading every matching tsvector.
 */
export const PG_COLUMN: Record<Column, string> = { forms: 'f', bare: 'b', stems: 's', latin: 'l', meta: 'm' };

const pgQuote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

/** PostgreSQL tsquery over a tsvector of column-prefixed lexemes. */
export const tsquery: Dialect = {
  term: (col, t, prefix) => `${pgQuote(PG_COLUMN[col] + t)}${prefix ? ':*' : ''}`,
  phrase: (col, ts) => `(${ts.map((t) => pgQuote(PG_COLUMN[col] + t)).join(' <-> ')})`,
  and: (items) => `(${items.join(' & ')})`,
  or: (items) => (items.length === 1 ? items[0]! : `(${items.join(' | ')})`),
  andNot: (pos, neg) => `(${pos} & !${neg})`,
};

/** Lexeme prefixes (PG_COLUMN) of the columns whose frequent word pairs PostgreSQL indexes. */
export const PAIR_COLUMNS: ReadonlySet<string> = new Set(['f', 'b', 's']);

/**
 * The lexeme of two adjacent terms `a b` of a column (its PG_COLUMN letter): the letter in
 * upper case (no term lexeme starts so), `a`, a space (no term holds one), `b`.
 */
export const pairLexeme = (letter: string, a: string, b: string) => `${letter.toUpperCase()}${a} ${b}`;

/**
 * `tsquery` over an index whose tsvectors hold the pair lexemes of frequent terms
 * (src/store/postgres.ts `tsvectorLiteral`): a phrase of two frequent terms is its pair
 * lexeme, which the GIN index answers without re-reading a tsvector; a longer phrase with
 * frequent pairs in it is those pairs AND the phrase (re-read only where all the pairs are).
 * Ranking keeps the plain phrase (`rank`): ts_rank scores what it scored without pairs.
 */
export const tsqueryPairs: Dialect = {
  ...tsquery,
  phrase: (col, ts) => {
    const letter = PG_COLUMN[col];
    const pairs: string[] = [];
    if (PAIR_COLUMNS.has(letter)) {
      for (let i = 0; i + 1 < ts.length; i++) {
        if (FREQUENT_TERMS.has(ts[i]!) && FREQUENT_TERMS.has(ts[i + 1]!)) {
          pairs.push(pgQuote(pairLexeme(letter, ts[i]!, ts[i + 1]!)));
        }
      }
    }
    const plain = tsquery.phrase(col, ts);
    if (pairs.length === 0) return plain;
    return ts.length === 2 ? pairs[0]! : `(${[...pairs, plain].join(' & ')})`;
  },
  rank: tsquery,
};
