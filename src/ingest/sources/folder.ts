/**
 * A folder, recursively, in a stable (sorted) order: every file whose path relative to
 * the folder passes `include` (default: all) and not `exclude` (default: none; hidden
 * files and folders are always skipped). Each file goes through `fileSource`.
 */
import { opendir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BuildOptions, IngestItem } from '../article.ts';
import { reject } from '../article.ts';
import { globMatcher } from '../glob.ts';
import type { FormatOption } from './detect.ts';
import type { FeedSourceOptions } from './feed.ts';
import { fileSource } from './file.ts';

export interface FolderSourceOptions extends BuildOptions, Pick<FeedSourceOptions, 'onItems'> {
  path: string;
  include?: readonly string[];
  exclude?: readonly string[];
  format?: FormatOption;
  /**
   * Full paths never read: the archive's own files (khabar.db, -wal, -shm, -journal) when
   * the archive lies inside the folder — read as input they were quarantined as binary.
   */
  skip?: ReadonlySet<string>;
}

/**
 * The files under `dir`, each folder once: a symbolic link back to a folder already walked
 * (a loop such as `sub/back → ..`, or a second link to the same folder) is not entered again —
 * a loop was walked 40 levels deep, reading the same files 40 times, until ELOOP ended it in
 * the quarantine.
 */
export async function* walk(
  dir: string,
  seen = new Set<string>(),
): AsyncGenerator<{ path: string } | { error: string; path: string }> {
  let names: string[];
  try {
    const st = await stat(dir);
    const key = `${st.dev}:${st.ino}`;
    if (seen.has(key)) return;
    seen.add(key);
    const d = await opendir(dir);
    names = [];
    for await (const e of d) if (!e.name.startsWith('.')) names.push(e.name);
  } catch (err) {
    yield { path: dir, error: (err as Error).message };
    return;
  }
  names.sort();
  for (const name of names) {
    const p = join(dir, name);
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      yield { path: p, error: (err as Error).message };
      continue;
    }
    if (isDir) yield* walk(p, seen);
    else yield { path: p };
  }
}

/**
 * What `folderSource` reads, in its order: each file the filters keep, and each path that could
 * not be walked (one quarantine entry each). The progress total counts the same (expectedItems).
 */
export async function* folderEntries(
  opts: Pick<FolderSourceOptions, 'path' | 'include' | 'exclude' | 'skip'>,
): AsyncGenerator<{ path: string } | { error: string; path: string }> {
  const inc = opts.include?.length ? globMatcher(opts.include) : () => true;
  const exc = opts.exclude?.length ? globMatcher(opts.exclude) : () => false;
  for await (const entry of walk(opts.path)) {
    if ('error' in entry) {
      yield entry;
      continue;
    }
    if (opts.skip?.has(entry.path)) continue;
    const rel = relative(opts.path, entry.path).split(sep).join('/');
    if (inc(rel) && !exc(rel)) yield entry;
  }
}

export async function* folderSource(opts: FolderSourceOptions): AsyncGenerator<IngestItem> {
  for await (const entry of folderEntries(opts)) {
    if ('error' in entry)
      yield reject(entry.path, 'ingest/unreadable', `${entry.path}: cannot be read (${entry.error})`);
    else yield* fileSource({ ...opts, path: entry.path, format: opts.format ?? 'auto' });
  }
}
