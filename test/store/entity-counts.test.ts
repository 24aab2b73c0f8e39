/**
 * uidef3: GET /api/entities (`Store.entities`) counted every mention of the archive on each
 * call (a GROUP BY over `mentions`: slow on a large archive). The counts are now kept at write
 * time in `entity_counts` (migration 14, which fills it for an archive written before); the
 * list reads them along an index. Here on SQLite; test/store/suite.ts checks on both stores
 * that the kept counts equal those of an archive written with the final texts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { loadArchive } from './suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-entity-counts-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const listed = async (s: Store) =>
  (await s.entities({ limit: 500 })).items.map((v) => [v.entity.id, v.mentions, v.articles]);

describe('entity counts kept at write time', () => {
  it('the list and an entity read the kept counts, not the mentions', async () => {
    const path = join(dir, 'kept.db');
    const s = await openStore(path);
    await loadArchive(s);
    const before = await listed(s);
    assert.ok(before.some(([, m]) => Number(m) > 0));
    await s.close();
    // The mention rows gone behind the store's back: the counts answered are the kept ones.
    const raw = new Database(path);
    raw.exec('DELETE FROM mentions');
    raw.close();
    const again = await openStore(path);
    try {
      assert.deepEqual(await listed(again), before);
      const [id, m, n] = before[0]!;
      const one = await again.entity(String(id));
      assert.deepEqual([one?.mentions, one?.articles], [m, n]);
    } finally {
      await again.close();
    }
  });

  it('an archive written before the counts were kept gets them when opened (migration 14)', async () => {
    const path = join(dir, 'old.db');
    const s = await openStore(path);
    await loadArchive(s);
    const before = await listed(s);
    await s.close();
    const raw = new Database(path);
    raw.exec('DROP TABLE entity_counts; DELETE FROM khabar_migrations WHERE version = 14');
    raw.close();
    const again = await openStore(path);
    try {
      assert.deepEqual(await listed(again), before);
    } finally {
      await again.close();
    }
  });
});
