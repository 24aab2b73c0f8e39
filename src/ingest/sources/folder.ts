/**
 * A folder, recursively, in a stable (sorted) order: every file whose path relative to
 * the folder passes `include` (default: all) and not `exclude` (default: none; hidden
 * files and folders are always skipped). Each file goes through `fileSource`.
 */
import { opendir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { BuildOptions, IngestItem } from '../article.ts';
import { reject } from '../article.ts';
import { globMatcher } from '../glob.ts';
import type { FormatOption } from './detect.ts';
import { fileSource } from './file.ts';

export interface FolderSourceOptions extends BuildOptions {
  path: string;
  include?: readonly string[];
  exclude?: readonly string[];
  format?: FormatOption;
}

async function* walk(dir: string): AsyncGenerator<{ path: string } | { error: string; path: string }> {
  let names: string[];
  try {
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
    const { stat } = await import('node:fs/promises');
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch (err) {
      yield { path: p, error: (err as Error).message };
      continue;
    }
    if (isDir) yield* walk(p);
    else yield { path: p };
  }
}

export async function* folderSource(opts: FolderSourceOptions): AsyncGenerator<IngestItem> {
  const inc = opts.include?.length ? globMatcher(opts.include) : () => true;
  const exc = opts.exclude?.length ? globMatcher(opts.exclude) : () => false;
  for await (const entry of walk(opts.path)) {
    if ('error' in entry) {
      yield reject(entry.path, 'ingest/unreadable', `${entry.path}: cannot be read (${entry.error})`);
      continue;
    }
    const rel = relative(opts.path, entry.path).split(sep).join('/');
    if (!inc(rel) || exc(rel)) continue;
    yield* fileSource({ ...opts, path: entry.path, format: opts.format ?? 'auto' });
  }
}
