/**
 * What the two PostgreSQL bulk loaders (bench/search-pg-bulk.ts from a SQLite archive,
 * bench/search-pg-gen.ts straight from the corpus generator) do alike: the loading connection
 * (and its server process's CPU), the secondary indexes dropped for the load and kept in
 * khabar_meta until created again (so a load stopped by either script is finished by either),
 * and the end of a load — sequences past the loaded ids, the indexes created, ANALYZE, the size.
 */
import { readFileSync } from 'node:fs';
import pg from 'pg';

/** The khabar_meta key that keeps the dropped indexes until they are created again. */
export const META_KEY = 'pg-bulk-indexes';
/** Serial columns whose sequences go past the loaded ids. */
const SERIALS: Array<[string, string]> = [
  ['articles', 'rid'],
  ['sections', 'sid'],
  ['quarantine', 'qid'],
];

export type Query = <T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>;
export interface Index {
  name: string;
  def: string;
}
export interface Loader {
  client: pg.Client;
  q: Query;
  /** CPU seconds of this connection's server process (utime + stime, /proc), or NaN if unreadable. */
  serverCpu(): number;
}

/**
 * A connection for bulk loading into `schema`: asynchronous commits, a large maintenance_work_mem
 * (`maintenanceWorkMem`, a PostgreSQL memory setting such as '2GB'; 512MB by default) for the
 * index builds at the end — the GIN builds of a large load flush their accumulator less often
 * with more.
 */
export async function connectLoader(
  pgUrl: string,
  schema: string,
  maintenanceWorkMem = '512MB',
): Promise<Loader> {
  const client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
  await client.connect();
  const q: Query = async <T>(sql: string, params: unknown[] = []) =>
    (await client.query(sql, params)).rows as T[];
  let backendPid: number;
  try {
    await q('SET synchronous_commit = off');
    await q("SELECT set_config('maintenance_work_mem', $1, false)", [maintenanceWorkMem]);
    backendPid = Number((await q<{ pid: number }>('SELECT pg_backend_pid() AS pid'))[0]!.pid);
  } catch (err) {
    await client.end();
    throw err;
  }
  const serverCpu = () => {
    try {
      const f = readFileSync(`/proc/${backendPid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(f[11]) + Number(f[12])) / 100;
    } catch {
      return Number.NaN;
    }
  };
  return { client, q, serverCpu };
}

/** CPU seconds of this process (every thread) since `c0`. */
export function cpuSince(c0: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
}

/**
 * The secondary indexes of `tables` (not those behind a constraint), dropped for the load and
 * kept in khabar_meta in the same transaction; a load that did not finish left them there.
 */
export async function dropIndexes(q: Query, schema: string, tables: string[]): Promise<Index[]> {
  const kept = await q<{ value: string }>('SELECT value FROM khabar_meta WHERE key = $1', [META_KEY]);
  if (kept.length) {
    const indexes = JSON.parse(kept[0]!.value) as Index[];
    console.log(`  ${indexes.length} indexes dropped by a load that did not finish: created after this one`);
    return indexes;
  }
  const indexes = await q<Index>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
     WHERE i.schemaname = $1 AND i.tablename = ANY($2)
     AND NOT EXISTS (SELECT 1 FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                     WHERE n.nspname = $1 AND c.conname = i.indexname)`,
    [schema, tables],
  );
  await q('BEGIN');
  await q('INSERT INTO khabar_meta (key, value) VALUES ($1, $2)', [META_KEY, JSON.stringify(indexes)]);
  for (const ix of indexes) await q(`DROP INDEX ${ix.name}`);
  await q('COMMIT');
  return indexes;
}

/**
 * The end of a load: sequences past the loaded ids, the dropped indexes created, ANALYZE, the size.
 * `more` are further connections to the same schema: each takes the next index not yet started, so
 * the GIN builds (serial inside PostgreSQL 15) run side by side on as many server processes.
 */
export async function finishLoad(
  q: Query,
  schema: string,
  indexes: Index[],
  more: Query[] = [],
): Promise<{ indexSecs: number; analyzeSecs: number; bytes: number; count: number }> {
  for (const [t, c] of SERIALS) {
    await q(
      `SELECT setval(pg_get_serial_sequence('${t}', '${c}'), (SELECT COALESCE(MAX(${c}), 0) + 1 FROM ${t}), false)`,
    );
  }
  const i0 = performance.now();
  // The GIN builds first, so that they overlap each other rather than wait behind the small ones.
  const order = [...indexes].sort(
    (a, b) => Number(/ USING gin /i.test(b.def)) - Number(/ USING gin /i.test(a.def)),
  );
  let next = 0;
  const build = async (conn: Query) => {
    while (next < order.length) {
      const ix = order[next++]!;
      const s = performance.now();
      await conn(ix.def);
      console.log(`  index ${ix.name}: ${((performance.now() - s) / 1000).toFixed(0)} s`);
    }
  };
  await Promise.all([q, ...more].map(build));
  await q('DELETE FROM khabar_meta WHERE key = $1', [META_KEY]);
  const indexSecs = (performance.now() - i0) / 1000;
  const a0 = performance.now();
  // The schema's tables only: a database-wide ANALYZE waits behind any other session's
  // CREATE INDEX in any schema (another engineer's bench load), and its own tables are all
  // this load changed.
  const tables = await q<{ t: string }>('SELECT tablename AS t FROM pg_tables WHERE schemaname = $1', [
    schema,
  ]);
  if (tables.length) await q(`ANALYZE ${tables.map((r) => `${schema}.${r.t}`).join(', ')}`);
  const analyzeSecs = (performance.now() - a0) / 1000;
  const bytes = Number(
    (
      await q<{ n: string }>(
        `SELECT SUM(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = $1 AND c.relkind = 'r'`,
        [schema],
      )
    )[0]!.n,
  );
  const count = Number((await q<{ n: string }>('SELECT COUNT(*) AS n FROM articles'))[0]!.n);
  return { indexSecs, analyzeSecs, bytes, count };
}
