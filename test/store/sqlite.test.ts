import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/index.ts';
import { DOCS } from './fixtures.ts';
import { loadArchive, storeSuite } from './suite.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-store-'));
let n = 0;
after(() => rmSync(dir, { recursive: true, force: true }));

storeSuite('sqlite', { fresh: () => openStore(join(dir, `s${++n}.db`)) });

describe('sqlite: analyzer version', () => {
  it('an index built by another analyzer version is rebuilt on open', async () => {
    const path = join(dir, 'reindex.db');
    const s = await openStore(path);
    await loadArchive(s);
    assert.equal((await s.search({ q: 'الاستراتيجية' })).total, 3);
    await s.close();
    const raw = new Database(path);
    raw.exec("DELETE FROM articles_fts; UPDATE khabar_meta SET value = '0' WHERE key = 'analyzer'");
    raw.close();
    const again = await openStore(path);
    try {
      assert.equal((await again.search({ q: 'الاستراتيجية' })).total, 3);
      assert.equal((await again.stats()).articles, DOCS.length);
    } finally {
      await again.close();
    }
  });
});
