/**
 * PostgreSQL for the tests (store suite, SQLite/PostgreSQL comparison, bulk load, queue,
 * worker kill): one reachability probe, the same skip reason everywhere (skip locally, fail
 * under CI), fresh schemas.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_URL = process.env.KHABAR_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function unreachable(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 10_000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return undefined;
  } catch (err) {
    return `PostgreSQL at ${PG_URL} is unreachable (${(err as Error).message}); set KHABAR_TEST_PG`;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/**
 * Why `what` cannot run here (the skip reason), or undefined when PostgreSQL answers. Under
 * CI an unreachable server is an error instead: CI must run every PostgreSQL test.
 */
export async function pgSkipReason(what: string): Promise<string | undefined> {
  const why = await unreachable();
  if (why && process.env.CI) throw new Error(`CI must run ${what}: ${why}`);
  return why;
}

export function freshName(prefix: string): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function sql<T = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: PG_URL });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

export async function dropSchemas(names: string[]): Promise<void> {
  for (const s of names) await sql(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
}

/** The store URL for a schema. */
export function storeUrl(schema: string): string {
  const u = new URL(PG_URL);
  u.searchParams.set('schema', schema);
  return u.toString();
}
