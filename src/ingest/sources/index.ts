/** Picks the source for one ingest argument: `-`, an http(s) URL, a folder or a file. */
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { type BuildOptions, type IngestItem, reject } from '../article.ts';
import type { FormatOption } from './detect.ts';
import type { FeedSourceOptions } from './feed.ts';
import { expectedFileItems, fileSource } from './file.ts';
import { folderEntries, folderSource } from './folder.ts';
import { stdinSource } from './stdin.ts';
import { urlSource } from './url.ts';

export { feedSource, parseFeed } from './feed.ts';
export { fileSource } from './file.ts';
export { folderSource } from './folder.ts';
export { jsonlSource, lineToItem } from './jsonl.ts';
export { stdinSource } from './stdin.ts';
export { urlSource } from './url.ts';
export type { FormatOption, InputFormat } from './detect.ts';

export interface OpenSourceOptions extends BuildOptions {
  format?: FormatOption;
  include?: readonly string[];
  exclude?: readonly string[];
  follow?: boolean;
  intervalMs?: number;
  signal?: AbortSignal;
  stdin?: Readable;
  onPoll?: NonNullable<FeedSourceOptions['onPoll']>;
  onItems?: NonNullable<FeedSourceOptions['onItems']>;
  /** Where a followed feed's items wait for their page (the archive's; feed.ts). */
  retries?: NonNullable<FeedSourceOptions['retries']>;
  /** Full paths a folder's walk leaves out (the archive's own files). */
  skip?: ReadonlySet<string>;
}

export async function* openSource(input: string, opts: OpenSourceOptions = {}): AsyncGenerator<IngestItem> {
  const format = opts.format ?? 'auto';
  if (input === '-') {
    if (!opts.stdin) {
      yield reject('-', 'ingest/unreadable', 'standard input is not available');
      return;
    }
    yield* stdinSource({ ...opts, stream: opts.stdin, format });
    return;
  }
  if (/^https?:\/\//i.test(input)) {
    yield* urlSource({ ...opts, url: input, format });
    return;
  }
  let isDir: boolean;
  try {
    isDir = (await stat(input)).isDirectory();
  } catch (err) {
    yield reject(
      input,
      'ingest/not-found',
      `${input}: no such file or folder (${(err as NodeJS.ErrnoException).code ?? 'error'})`,
    );
    return;
  }
  if (isDir) yield* folderSource({ ...opts, path: input, format });
  else yield* fileSource({ ...opts, path: input, format });
}

/**
 * How many items `openSource(input, opts)` will yield, when it can be known before (files and
 * folders; undefined for standard input and URLs): each file one, a JSONL file its records and
 * its quarantined empty lines (`countJsonlItems`), each unreadable path one, a feed one until
 * its source reports how many it holds (`onItems`). The progress bar's total: it ends where the
 * summary's «ingested N items» does.
 */
export async function expectedItems(
  input: string,
  opts: OpenSourceOptions = {},
): Promise<number | undefined> {
  if (input === '-' || /^https?:\/\//i.test(input)) return undefined;
  const format = opts.format ?? 'auto';
  let isDir: boolean;
  try {
    isDir = (await stat(input)).isDirectory();
  } catch {
    return 1; // ingest/not-found
  }
  if (!isDir)
    return expectedFileItems({ path: input, format, ...(opts.limits ? { limits: opts.limits } : {}) });
  let n = 0;
  for await (const entry of folderEntries({ ...opts, path: input }))
    n += 'error' in entry ? 1 : await expectedFileItems({ path: entry.path, format });
  return n;
}
