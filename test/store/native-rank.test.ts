import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { compileQuery, fts5 } from '../../src/search/compile.ts';
import { parseQuery } from '../../src/search/query.ts';
import { openStore } from '../../src/store/index.ts';
import { RANK_EXTENSION, rankExtensionStale, sqliteBackend } from '../../src/store/sqlite.ts';
import { loadArchive } from './suite.ts';

const built = existsSync(RANK_EXTENSION);
// Under CI, `npm test` builds it first; a stale build is an error there, a skip locally.
const stale = built && rankExtensionStale() && !process.env.CI;
const skip = !built
  ? `${RANK_EXTENSION} is not built (npm run build:native needs a C compiler)`
  : stale
    ? `${RANK_EXTENSION} is older than native/khabar_rank.c: run npm run build:native`
    : false;
const dir = mkdtempSync(join(tmpdir(), 'khabar-rank-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** 200 rows: «aa» in all, «bb» in every fourth row (more often in some), «cc» in rows 1–5, lengths varied. */
function table(): Database.Database {
  const db = new Database(':memory:');
  db.loadExtension(RANK_EXTENSION);
  db.exec("CREATE VIRTUAL TABLE t USING fts5(x, y, content='', contentless_delete=1)");
  const ins = db.prepare('INSERT INTO t(rowid, x, y) VALUES (?, ?, ?)');
  for (let i = 1; i <= 200; i++) {
    const x = ['aa', i % 4 === 0 ? 'bb' : 'zz', i <= 5 ? 'cc' : 'yy', ...Array(i % 7).fill('ww')];
    ins.run(i, x.join(' '), i % 12 === 0 ? 'bb bb' : 'vv');
  }
  return db;
}

const scores = (db: Database.Database, q: string, fn: string) =>
  db.prepare(`SELECT rowid AS r, ${fn} AS s FROM t WHERE t MATCH ? ORDER BY rowid`).all(q) as Array<{
    r: number;
    s: number;
  }>;

describe('a stale native build is not loaded', () => {
  it('rankExtensionStale compares the build with its source', () => {
    const lib = join(dir, 'lib.so');
    const src = join(dir, 'src.c');
    writeFileSync(src, '/* source */');
    writeFileSync(lib, 'built');
    const now = Date.now() / 1000;
    utimesSync(src, now - 60, now - 60);
    utimesSync(lib, now, now);
    assert.equal(rankExtensionStale(lib, src), false, 'built after its source');
    utimesSync(src, now + 60, now + 60);
    assert.equal(rankExtensionStale(lib, src), true, 'source changed since the build');
    assert.equal(rankExtensionStale(join(dir, 'none.so'), src), false, 'nothing built: nothing stale');
  });
});

describe('khabar_bm25 (native/khabar_rank.c)', { skip }, () => {
  it('is bm25 exactly when every phrase has fewer rows than the cap', () => {
    const db = table();
    for (const q of ['aa', 'bb', 'cc', 'bb OR cc', 'aa bb', '"aa bb"', 'bb NOT cc', '{y}: bb']) {
      const a = scores(db, q, 'bm25(t, 2.0, 1.0)');
      const b = scores(db, q, 'khabar_bm25(t, 200, 1000, 2.0, 1.0)');
      assert.ok(a.length > 0, q);
      assert.deepEqual(
        b.map((r) => r.r),
        a.map((r) => r.r),
      );
      for (let i = 0; i < a.length; i++) assert.equal(b[i]!.s, a[i]!.s, `${q} row ${a[i]!.r}`);
    }
    db.close();
  });

  it('past the cap, estimates a phrase frequency from the density of its first rows', () => {
    const db = table();
    // «bb» is in 50 rows; counted over 10 (rows 4 … 40): 10 × 197 / 37 ≈ 53.
    const a = scores(db, 'bb OR cc', 'bm25(t, 2.0, 1.0)');
    const b = scores(db, 'bb OR cc', 'khabar_bm25(t, 200, 10, 2.0, 1.0)');
    assert.equal(b.length, a.length);
    assert.ok(
      a.some((r, i) => r.s !== b[i]!.s),
      'the cap changes the scores',
    );
    for (let i = 0; i < a.length; i++) {
      assert.ok(b[i]!.s < 0, 'negative like bm25');
      // «cc» (5 rows) is counted exactly; «bb»'s IDF is lower than bm25's (more rows estimated).
      assert.ok(Math.abs(b[i]!.s - a[i]!.s) <= 0.35 * Math.abs(a[i]!.s), `row ${a[i]!.r}`);
    }
    const order = (xs: Array<{ r: number; s: number }>) =>
      [...xs].sort((p, q) => p.s - q.s || q.r - p.r).map((x) => x.r);
    assert.deepEqual(order(b).slice(0, 5), order(a).slice(0, 5));
    // A phrase in every row: IDF floor either way.
    assert.deepEqual(
      scores(db, 'aa', 'khabar_bm25(t, 200, 10, 2.0, 1.0)').map((r) => r.s),
      scores(db, 'aa', 'bm25(t, 2.0, 1.0)').map((r) => r.s),
    );
    db.close();
  });

  it('a wrong call is an error naming the function, not a silent score', () => {
    const db = table();
    assert.throws(() => scores(db, 'aa', 'khabar_bm25(t)'), /khabar_bm25/);
    db.close();
  });

  it('the store ranks with it and gives the same hits and scores as bm25 on a small archive', async () => {
    const path = join(dir, 'rank.db');
    const s = await openStore(path);
    await loadArchive(s);
    await s.close();
    const results = async (native: boolean) => {
      process.env.KHABAR_NATIVE_RANK = native ? 'on' : 'off';
      const store = await openStore(path);
      try {
        const out = [];
        for (const q of [
          'الاستراتيجية',
          'إيران OR باكستان',
          'لاريجاني',
          'Larijani',
          '"وزير الخارجية"',
          '"مذكرة تفاهم" OR "الشراكة الاستراتيجية"',
        ]) {
          for (const facets of [false, true]) {
            const r = await store.search({ q, limit: 10, facets });
            out.push([r.total, r.totalExact, r.facets, r.hits.map((h) => [h.id, h.score])]);
          }
        }
        return out;
      } finally {
        delete process.env.KHABAR_NATIVE_RANK;
        await store.close();
      }
    };
    const a = await results(false);
    const b = await results(true);
    for (const [env, fn] of [
      ['on', /-khabar_bm25\(/u],
      ['off', /-bm25\(/u],
    ] as const) {
      process.env.KHABAR_NATIVE_RANK = env;
      const backend = sqliteBackend(path);
      delete process.env.KHABAR_NATIVE_RANK;
      assert.match(backend.matchScored('x', 'x', { window: 10 }).sql, fn, env);
      await backend.close();
    }
    assert.ok(a.some((r) => (r[3] as unknown[]).length > 0));
    assert.deepEqual(b, a);
  });

  it('an OR of phrases is scored from one read of its window, with the same scores', async () => {
    const path = join(dir, 'small.db');
    const s = await openStore(path);
    await loadArchive(s);
    await s.close();
    const backend = sqliteBackend(path);
    try {
      let compared = 0;
      for (const q of [
        '"الشراكة الاستراتيجية"',
        '"الشراكة الاستراتيجية" OR إيران',
        '"مذكرة تفاهم" OR "النقل العام" OR الزراعة',
        '"علي لاريجاني" OR "وزير الداخلية"',
      ]) {
        const c = compileQuery(parseQuery(q).node, fts5);
        assert.ok(c.phraseDisjunction, q);
        const scored = backend.matchScored(c.match!, c.match!, { window: 500 });
        const want = (await backend.db.all<{ rid: number; score: number }>(scored.sql, scored.params)).map(
          (r) => ({ rid: Number(r.rid), score: Number(r.score) }),
        );
        const got = await backend.scoreWindow!(c.match!, 500);
        assert.ok(want.length > 0, q);
        assert.deepEqual(got, want, q);
        // A full window (as many matches or more): its rows, with the frequencies counted
        // over the archive as khabar_bm25 counts them — the same scores again.
        for (const w of [want.length, Math.max(1, want.length - 2)]) {
          const part = backend.matchScored(c.match!, c.match!, { window: w });
          const rows = (await backend.db.all<{ rid: number; score: number }>(part.sql, part.params)).map(
            (r) => ({ rid: Number(r.rid), score: Number(r.score) }),
          );
          assert.equal(rows.length, w);
          assert.deepEqual(await backend.scoreWindow!(c.match!, w), rows, `${q} window ${w}`);
        }
        compared += want.length;
      }
      assert.ok(compared >= 6, `${compared} rows compared`);
      // ANDs and NOTs are not disjunctions: a phrase's rows need not all match.
      for (const q of ['"مذكرة تفاهم" إيران', '"مذكرة تفاهم" -إيران', 'إيران'])
        assert.equal(compileQuery(parseQuery(q).node, fts5).phraseDisjunction, undefined, q);
    } finally {
      await backend.close();
    }
  });
});
