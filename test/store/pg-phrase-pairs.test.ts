/**
 * PostgreSQL phrases of two frequent words through their pair lexemes (src/store/postgres.ts
 * `tsvectorLiteral`, src/search/compile.ts `tsqueryPairs`): the same answers as the plain
 * `<->` phrase — every order, `section:`, OR/NOT, longer phrases, an article long enough that
 * positions are dropped (256 a lexeme) or clamped (16,383) — and the phrase is read from the
 * index alone. An archive indexed before the pairs answers with plain phrases until re-indexed.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { analyzeText, indexColumns } from '../../src/search/analyze.ts';
import { compileQuery, pairLexeme, tsquery, tsqueryPairs } from '../../src/search/compile.ts';
import { FREQUENT_TERMS } from '../../src/search/frequent-terms.ts';
import { parseQuery } from '../../src/search/query.ts';
import { openStore } from '../../src/store/index.ts';
import { tsvectorLiteral } from '../../src/store/postgres.ts';
import type { SqlStore } from '../../src/store/sql-store.ts';
import type { SearchRequest, Store } from '../../src/store/store.ts';
import { dropSchemas, freshName, PG_URL, pgSkipReason, sql } from '../pg.ts';
import { makeDoc } from './fixtures.ts';

// Invented sentences. «أشار إلى», «قال في», «وزير الصحة» are frequent pairs; «زرافة بنفسجية» is not.
const SENTENCES = [
  'أشار إلى أن وزير الصحة قال في تصريح يوم الأحد إن المستشفى الجديد سيفتح قريبا.',
  'قال وزير الصحة إن الحكومة أشارت في بيانها إلى خطة جديدة.',
  'وأشار المدير إلى أن العمل في المشروع انتهى وقال في الختام إن الوزير راض.',
  'رأى الأطفال زرافة بنفسجية في حديقة المدينة يوم الأحد.',
  'إلى أين يذهب الوزير؟ أشار المتحدث ولم يقل شيئا عن الصحة.',
];

function docs() {
  const out = SENTENCES.map((s, i) =>
    makeDoc({
      id: `pair-${i}`,
      text: `${s}\n${SENTENCES[(i + 2) % SENTENCES.length]}`,
      published: `2024-0${1 + i}-1${i}T08:00:00Z`,
      outlet: i % 2 ? 'صحيفة الواحة' : 'وكالة السهل',
      sections: { key_points: s },
    }),
  );
  // Past 256 positions of «في» and «قال» (only the first 256 of a lexeme are kept) and past
  // position 16,383 (every later term sits there): «قال في» and «أشار إلى» late in the article
  // are not phrases PostgreSQL sees, with or without the pairs.
  const filler = Array.from({ length: 300 }, (_, i) => `في البلد ${i} قال الناس`).join(' ');
  const tail = Array.from({ length: 3300 }, () => 'كلمة أخرى هنا').join(' ');
  out.push(
    makeDoc({
      id: 'pair-long',
      text: `${filler} أشار إلى زرافة بنفسجية ${tail} وزير الصحة قال في`,
      published: '2024-09-01T08:00:00Z',
    }),
  );
  return out;
}

const QUERIES = [
  '"أشار إلى"',
  '"قال في"',
  '"وزير الصحة"',
  '"وزير الصحة قال في"',
  '"زرافة بنفسجية"',
  '"أشار إلى" OR "زرافة بنفسجية"',
  '"قال في" -زرافة',
  '"أشار إلى" الوزير',
  '"في البلد"',
  '"أشار إلى" section:key_points',
  '"وزير الصحة" outlet:"وكالة السهل"',
  '"قال في" from:2024-01 to:2024-03',
];

const REQUESTS: SearchRequest[] = QUERIES.flatMap((q) => [
  { q },
  { q, sort: 'date' as const },
  { q, facets: true },
]);

describe('phrase pairs: the lexemes', () => {
  it('a tsvector holds a pair exactly where two frequent terms are adjacent', () => {
    for (const w of ['اشار', 'الي', 'زرافه']) assert.equal(FREQUENT_TERMS.has(w), w !== 'زرافه', w);
    const lit = tsvectorLiteral(indexColumns(analyzeText('أشار إلى زرافة بنفسجية')));
    assert.ok(lit.includes(`'${pairLexeme('f', 'اشار', 'الي')}'`), lit);
    assert.ok(lit.includes(`'${pairLexeme('b', 'اشار', 'الي')}'`), lit);
    assert.ok(!lit.includes('زرافه بنفسجيه'), lit);
    assert.ok(!lit.includes('الي زرافه'), lit);
  });

  it('a phrase of two frequent words is its pair (no <->); ranking keeps the phrase', () => {
    const c = compileQuery(parseQuery('"أشار إلى"').node, tsqueryPairs);
    assert.ok(!c.match!.includes('<->'), c.match);
    assert.ok(c.match!.includes(pairLexeme('s', 'اشار', 'الي')), c.match);
    assert.equal(c.rank, compileQuery(parseQuery('"أشار إلى"').node, tsquery).rank);
    const rare = compileQuery(parseQuery('"زرافة بنفسجية"').node, tsqueryPairs);
    assert.equal(rare.match, compileQuery(parseQuery('"زرافة بنفسجية"').node, tsquery).match);
  });
});

const why = await pgSkipReason('the PostgreSQL phrase-pair tests');
const schemas: string[] = [];
after(async () => {
  if (!why) await dropSchemas(schemas);
});

describe('postgres: phrases through pair lexemes', { ...(why ? { skip: why } : {}) }, () => {
  let pairs: Store;
  let plain: Store;
  const open = (schema: string) => openStore(PG_URL, { schema });
  const answers = async (s: Store) => {
    const out: unknown[] = [];
    for (const r of REQUESTS) {
      const a = await s.search(r);
      out.push({
        r,
        total: a.total,
        exact: a.totalExact,
        hits: a.hits.map((h) => [h.id, h.score]),
        facets: a.facets,
      });
    }
    return out;
  };

  before(async () => {
    const [p, o] = [freshName('khabar_test_pairs'), freshName('khabar_test_nopairs')];
    schemas.push(p, o);
    pairs = await open(p);
    for (const d of docs()) await pairs.put(d);
    // An archive indexed before the pairs: its tsvectors without them, not marked.
    const old = await open(o);
    for (const d of docs()) await old.put(d);
    await old.close();
    await sql(`DELETE FROM ${o}.khabar_meta WHERE key = 'phrase_pairs'`);
    for (const t of ['article_search', 'sections']) {
      await sql(
        `UPDATE ${o}.${t} SET tsv = ts_delete(tsv, ARRAY(SELECT lexeme FROM unnest(tsv) WHERE lexeme ~ '^[FBS]'))`,
      );
    }
    plain = await open(o);
  });

  after(async () => {
    await pairs?.close();
    await plain?.close();
  });

  it('a new archive is marked as holding pairs; one indexed before them is not', async () => {
    const [p, o] = schemas.slice(-2);
    assert.deepEqual(await sql(`SELECT value FROM ${p}.khabar_meta WHERE key = 'phrase_pairs'`), [
      { value: '1' },
    ]);
    assert.deepEqual(await sql(`SELECT value FROM ${o}.khabar_meta WHERE key = 'phrase_pairs'`), []);
    const n = await sql<{ n: string }>(
      `SELECT COUNT(*) AS n FROM ${p}.article_search, unnest(tsv) u WHERE u.lexeme = $1`,
      [pairLexeme('f', 'اشار', 'الي')],
    );
    assert.ok(Number(n[0]!.n) >= 2);
  });

  it('every answer equals the plain phrase’s (totals, hits, scores, facets)', async () => {
    const a = await answers(pairs);
    const b = await answers(plain);
    assert.deepEqual(a, b);
    // Not vacuous: the phrases match, and the long article's late pairs are not phrases.
    const ids = async (q: string) => (await pairs.search({ q, limit: 20 })).hits.map((h) => h.id).sort();
    assert.ok((await ids('"أشار إلى"')).length >= 2);
    assert.ok((await ids('"في البلد"')).includes('pair-long'));
    assert.ok(!(await ids('"وزير الصحة قال في"')).includes('pair-long'));
  });

  it('re-indexed, an older archive holds the pairs and answers the same', async () => {
    const o = schemas[schemas.length - 1]!;
    // What opening it with a new analyzer version runs (SqlStore.migrate).
    await (plain as SqlStore).reindex();
    await plain.close();
    plain = await open(o);
    assert.deepEqual(await sql(`SELECT value FROM ${o}.khabar_meta WHERE key = 'phrase_pairs'`), [
      { value: '1' },
    ]);
    assert.deepEqual(await answers(plain), await answers(pairs));
  });
});
