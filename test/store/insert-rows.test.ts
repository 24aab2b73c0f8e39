import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { type Db, insertRows, type Param } from '../../src/store/db.ts';

/** A Db over an in-memory SQLite that records the statements it ran. */
function memoryDb(): { db: Db; raw: Database.Database; statements: string[] } {
  const raw = new Database(':memory:');
  const statements: string[] = [];
  const db: Db = {
    all: async (sql, params = []) => raw.prepare(sql).all(...params) as never[],
    get: async (sql, params = []) => raw.prepare(sql).get(...params) as never,
    run: async (sql, params = []) => {
      statements.push(sql);
      return raw.prepare(sql).run(...params).changes;
    },
    numbers: async (sql, params = []) =>
      raw
        .prepare(sql)
        .pluck()
        .all(...params) as number[],
  };
  return { db, raw, statements };
}

describe('insertRows', () => {
  for (const n of [0, 1, 3, 64, 65, 130]) {
    it(`stores ${n} rows in order, in power-of-two chunks of at most 64`, async () => {
      const { db, raw, statements } = memoryDb();
      raw.exec('CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT, c INTEGER)');
      const rows: Param[][] = Array.from({ length: n }, (_, i) => [i, `b${i}`, i % 2 ? null : i * 10]);
      await insertRows(db, 'INSERT INTO t (a, b, c)', 3, rows);
      const got = raw.prepare('SELECT a, b, c FROM t ORDER BY a').raw().all();
      assert.deepEqual(got, rows);
      const sizes = statements.map((s) => (s.match(/\(\?, \?, \?\)/g) ?? []).length);
      assert.equal(
        sizes.reduce((x, y) => x + y, 0),
        n,
      );
      for (const k of sizes) assert.ok(k <= 64 && (k & (k - 1)) === 0, `chunk of ${k} rows`);
      raw.close();
    });
  }

  it('passes the tail (ON CONFLICT) through and skips duplicates', async () => {
    const { db, raw } = memoryDb();
    raw.exec('CREATE TABLE k (key TEXT, id TEXT, PRIMARY KEY (key, id))');
    await insertRows(db, 'INSERT INTO k (key, id)', 2, [['x', '1']]);
    await insertRows(
      db,
      'INSERT INTO k (key, id)',
      2,
      [
        ['x', '1'],
        ['y', '1'],
        ['y', '1'],
      ],
      'ON CONFLICT DO NOTHING',
    );
    assert.equal((raw.prepare('SELECT COUNT(*) AS n FROM k').get() as { n: number }).n, 2);
    raw.close();
  });

  it('refuses a row of the wrong width, naming both counts', async () => {
    const { db, raw } = memoryDb();
    raw.exec('CREATE TABLE t (a, b)');
    await assert.rejects(
      insertRows(db, 'INSERT INTO t (a, b)', 2, [[1, 2, 3]]),
      /row of 3 values for 2 columns/,
    );
    raw.close();
  });
});
