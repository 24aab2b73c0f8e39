/**
 * bench/search-pg-load.ts's loading connection: asynchronous commits, and the
 * maintenance_work_mem its index builds run with — 512MB unless the caller asks for another
 * (bench/search-pg-gen.ts `--maintenance-work-mem`). Needs PostgreSQL; skips without it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectLoader } from '../../bench/search-pg-load.ts';
import { freshName, pgSkipReason, PG_URL as url } from '../pg.ts';

const why = await pgSkipReason('the PostgreSQL bulk-loader connection test');

describe('bench/search-pg-load.ts connectLoader', { skip: why ?? false }, () => {
  const show = async (maintenanceWorkMem?: string) => {
    const { client, q } = await connectLoader(url, freshName('khabar_test_loader'), maintenanceWorkMem);
    try {
      const [m] = await q<{ maintenance_work_mem: string }>('SHOW maintenance_work_mem');
      const [s] = await q<{ synchronous_commit: string }>('SHOW synchronous_commit');
      return [m!.maintenance_work_mem, s!.synchronous_commit];
    } finally {
      await client.end();
    }
  };

  it('builds indexes with 512MB by default, with what it is given otherwise', async () => {
    assert.deepEqual(await show(), ['512MB', 'off']);
    assert.deepEqual(await show('2GB'), ['2GB', 'off']);
  });

  it('rejects a value PostgreSQL does not take', async () => {
    await assert.rejects(show('lots'), /maintenance_work_mem/u);
  });
});
