/**
 * The shared suite on PostgreSQL (KHABAR_TEST_PG, set by scripts/test.mjs). Each store gets
 * its own schema, dropped afterwards, so parallel runs do not collide. When the server is
 * unreachable the suite skips with the reason — except under CI, where it must run.
 */
import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';
import { openStore } from '../../src/store/index.ts';
import { storeSuite } from './suite.ts';

const url = process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const schemas: string[] = [];

async function reachable(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${url} is unreachable (${(err as Error).message}); set KHABAR_TEST_PG`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

const why = await reachable();
if (why && process.env.CI) throw new Error(`CI must run the PostgreSQL store suite: ${why}`);

after(async () => {
  if (why || schemas.length === 0) return;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
  await c.end();
});

storeSuite('postgres', {
  ...(why ? { skip: why } : {}),
  fresh: () => {
    const schema = `khabar_test_${randomBytes(6).toString('hex')}`;
    schemas.push(schema);
    return openStore(url, { schema });
  },
});
