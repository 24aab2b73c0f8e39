/**
 * Opening the archive for the commands that only read it (search, stories, export, status):
 * a SQLite path with no file behind it is an error naming the path — a mistyped `--db` must
 * not answer «0 results» from a new, empty archive (and leave that file behind).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail } from '../errors.ts';
import { isPostgresUrl, openArchive, resolveDb } from '../store/index.ts';
import type { Store } from '../store/store.ts';

export async function openExisting(
  db: string | undefined,
  ctx: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<Store> {
  const target = resolveDb(db, ctx.env);
  if (!isPostgresUrl(target) && target !== ':memory:') {
    const path = resolve(ctx.cwd, target.replace(/^sqlite:/u, ''));
    if (!existsSync(path)) throw fail('NO_ARCHIVE', path);
  }
  return openArchive(db, ctx);
}
