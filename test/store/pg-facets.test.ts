/**
 * Search with facets on PostgreSQL: the full-text match is read through the GIN index, never
 * by walking the articles newest first and testing each tsvector (the plan that made a faceted
 * search cost 0.5–1.5 s at 10,000–100,000 articles); the counts are those of the matches, and
 * what another connection writes is counted by the next search (PostgreSQL keeps no facet
 * index in memory, so there is nothing to go stale).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Db, Param } from '../../src/store/db.ts';
import { openStore } from '../../src/store/index.ts';
import { postgresBackend } from '../../src/store/postgres.ts';
import { SqlStore } from '../../src/store/sql-store.ts';
import type { Store } from '../../src/store/store.ts';
import { dropSchemas, freshName, PG_URL, pgSkipReason } from '../pg.ts';
import { makeDoc } from './fixtures.ts';

const why = await pgSkipReason('the PostgreSQL facet tests');
const schemas: string[] = [];

after(async () => {
  if (!why) await dropSchemas(schemas);
});

const OUTLETS = ['صحيفة الواحة', 'وكالة السهل', 'إذاعة الجبل'];

/** Article n: every one says «الزراعة»; one in seven also «القمح»; outlet and month by n. */
function doc(n: number) {
  const month = String(1 + (n % 12)).padStart(2, '0');
  return makeDoc({
    id: `facet-${n}`,
    outlet: OUTLETS[n % 3]!,
    published: `2024-${month}-0${1 + (n % 9)}T08:00:00Z`,
    text: `تقرير رقم ${n} عن الزراعة في الوادي.${n % 7 === 0 ? ' وارتفع محصول القمح هذا الموسم.' : ''} وقال المزارعون إن الموسم جيد.`,
  });
}

describe('postgres: search with facets', { ...(why ? { skip: why } : {}) }, () => {
  const schema = freshName('khabar_test_facets');
  let store: SqlStore;
  /** Every statement the store's reads sent since the last `sent.length = 0`. */
  const sent: Array<{ sql: string; params: readonly Param[] }> = [];
  let explain: pg.Client;

  before(async () => {
    schemas.push(schema);
    const backend = await postgresBackend(PG_URL, { schema });
    const db = backend.db as Db;
    for (const m of ['all', 'get', 'numbers'] as const) {
      const orig = db[m].bind(db) as (sql: string, params?: readonly Param[]) => Promise<unknown>;
      (db as unknown as Record<string, unknown>)[m] = (sql: string, params: readonly Param[] = []) => {
        sent.push({ sql, params });
        return orig(sql, params);
      };
    }
    store = new SqlStore(backend);
    await store.migrate();
    for (let n = 0; n < 400; n++) await store.put(doc(n));
    explain = new pg.Client({
      connectionString: PG_URL,
      options: `-c enable_seqscan=off -c search_path=${schema},public`,
    });
    await explain.connect();
    // This schema's tables only (a database-wide ANALYZE waits behind others' index builds).
    await explain.query('ANALYZE articles, article_search, facets');
  });

  after(async () => {
    await explain?.end();
    await store?.close();
  });

  it('reads the match through the GIN index, not by testing each article newest first', async () => {
    for (const q of ['الزراعة', 'القمح', 'الزراعة -القمح', 'الزراعة outlet:"وكالة السهل"']) {
      sent.length = 0;
      const r = await store.search({ q, facets: true });
      assert.ok(r.total > 0, q);
      const plans: string[] = [];
      for (const s of sent) {
        if (!/article_search/u.test(s.sql)) continue;
        let n = 0;
        const text = s.sql.replace(/\?/gu, () => `$${++n}`);
        const e = await explain.query(`EXPLAIN ${text}`, s.params as Param[]);
        plans.push(e.rows.map((x: Record<string, string>) => x['QUERY PLAN']).join('\n'));
      }
      assert.ok(plans.length > 0, `${q}: no full-text statement seen`);
      for (const p of plans) {
        // A tsvector tested as a row filter: the walk that re-reads every article's tsvector.
        assert.doesNotMatch(p, /Filter: .*tsv @@/u, `${q}:\n${p}`);
      }
    }
  });

  it('counts the facets of the matches, the newest ones under a cap', async () => {
    const r = await store.search({ q: 'القمح', facets: true });
    const wheat = Array.from({ length: 400 }, (_, n) => n).filter((n) => n % 7 === 0);
    assert.equal(r.total, wheat.length);
    const byOutlet = new Map<string, number>();
    const byMonth = new Map<string, number>();
    for (const n of wheat) {
      byOutlet.set(OUTLETS[n % 3]!, (byOutlet.get(OUTLETS[n % 3]!) ?? 0) + 1);
      const m = `2024-${String(1 + (n % 12)).padStart(2, '0')}`;
      byMonth.set(m, (byMonth.get(m) ?? 0) + 1);
    }
    assert.deepEqual(new Map(r.facets!.outlets.map((o) => [o.value, o.count])), byOutlet);
    assert.deepEqual(new Map(r.facets!.months.map((o) => [o.value, o.count])), byMonth);
    // Under a cap of 100 (of 400 matches): the 100 stored last, and the total says "more".
    const was = store.totalCap;
    store.totalCap = 100;
    const capped = await store.search({ q: 'الزراعة', facets: true }).finally(() => {
      store.totalCap = was;
    });
    assert.equal(capped.total, 100);
    assert.equal(capped.totalExact, false);
    const outlets = new Map<string, number>();
    for (let n = 300; n < 400; n++) outlets.set(OUTLETS[n % 3]!, (outlets.get(OUTLETS[n % 3]!) ?? 0) + 1);
    assert.deepEqual(new Map(capped.facets!.outlets.map((o) => [o.value, o.count])), outlets);
  });

  it('counts what another connection stored or rewrote, at the next search', async () => {
    let other: Store | undefined;
    try {
      other = await openStore(PG_URL, { schema });
      const outletCount = async (name: string) =>
        (await store.search({ q: 'القمح', facets: true })).facets!.outlets.find((o) => o.value === name)
          ?.count ?? 0;
      assert.equal(await outletCount('وكالة النهر'), 0);
      await other.put(
        makeDoc({
          id: 'facet-new',
          outlet: 'وكالة النهر',
          published: '2024-05-05T08:00:00Z',
          text: 'تقرير جديد عن محصول القمح في السهل.',
        }),
      );
      assert.equal(await outletCount('وكالة النهر'), 1);
      // Rewritten by the other connection under another outlet.
      await other.put(
        makeDoc({
          id: 'facet-new',
          outlet: 'صحيفة الواحة',
          published: '2024-05-05T08:00:00Z',
          text: 'تقرير جديد عن محصول القمح في السهل وقد تغير.',
        }),
      );
      assert.equal(await outletCount('وكالة النهر'), 0);
    } finally {
      await other?.close();
    }
  });
});
