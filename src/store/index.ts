/**
 * `openStore(url?)`: the archive. SQLite by default (a file path, `:memory:`, or nothing for
 * the user's data folder), PostgreSQL for `postgres://…` / `postgresql://…` URLs. The store
 * comes back migrated and ready.
 */
import { homedir } from 'node:os';
import { KhabarError, fail } from '../errors.ts';
import { join, resolve } from 'node:path';
import { SqlStore } from './sql-store.ts';
import { sqliteBackend } from './sqlite.ts';
import type { Store } from './store.ts';

export type { Store } from './store.ts';

export interface OpenOptions {
  /** Environment for defaults (`KHABAR_DB`, `XDG_DATA_HOME`, `HOME`); `process.env` by default. */
  env?: NodeJS.ProcessEnv;
  /** Base folder for a relative SQLite path (default: the process's cwd). */
  cwd?: string;
  /** PostgreSQL schema to use (created when missing); also `?schema=` in the URL. */
  schema?: string;
  /**
   * false: keep an index built by an older analyzer version as it is (searches still work,
   * with the old terms); the next ordinary open rebuilds it. Default true.
   */
  reindex?: boolean;
  /** Where to say what a long step on open (a re-index) is doing: stderr by default. */
  notice?: (message: string) => void;
  /**
   * SQLite only: open an existing archive for reading only — nothing is written, not even a
   * migration (an archive that needs one, or a re-index with `reindex` true, is an error).
   */
  readonly?: boolean;
}

/** The user's data folder default: `$XDG_DATA_HOME/khabar/khabar.db` or `~/.local/share/khabar/khabar.db`. */
export function defaultDbPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_DATA_HOME || join(env.HOME || homedir(), '.local', 'share');
  return join(base, 'khabar', 'khabar.db');
}

/** Where a command's archive is: `--db` first, then `KHABAR_DB`, then the data folder. */
export function resolveDb(db: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return db || env.KHABAR_DB || defaultDbPath(env);
}

export const isPostgresUrl = (url: string) => /^postgres(ql)?:\/\//u.test(url);

export async function openStore(url?: string, opts: OpenOptions = {}): Promise<Store> {
  const env = opts.env ?? process.env;
  const target = resolveDb(url, env);
  let store: SqlStore;
  if (isPostgresUrl(target)) {
    if (opts.readonly) throw fail('STORE_READONLY_POSTGRES', target);
    const { postgresBackend } = await import('./postgres.ts');
    store = new SqlStore(await postgresBackend(target, opts.schema ? { schema: opts.schema } : {}));
  } else {
    const path =
      target === ':memory:' ? target : resolve(opts.cwd ?? process.cwd(), target.replace(/^sqlite:/u, ''));
    store = new SqlStore(sqliteBackend(path, undefined, opts.readonly));
  }
  if (opts.reindex === false) store.reindexOnOpen = false;
  if (opts.notice) store.notice = opts.notice;
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}

/** `openStore` for commands: a failure becomes a KhabarError that says what to check. */
export async function openArchive(
  db: string | undefined,
  ctx: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<Store> {
  try {
    return await openStore(db, { env: ctx.env, cwd: ctx.cwd });
  } catch (err) {
    if (err instanceof KhabarError) throw err;
    const where = resolveDb(db, ctx.env);
    throw fail('STORE_OPEN', where, (err as Error).message);
  }
}
