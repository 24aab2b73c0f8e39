/**
 * One file: text, HTML, a feed or JSONL (by `format`, or detected from the name and the
 * first bytes). JSONL is streamed line by line; other files are read whole, after a
 * size check against the limit.
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { type BuildOptions, type IngestItem, buildArticle, reject } from '../article.ts';
import { withLimits } from '../limits.ts';
import { type FormatOption, formatFromName, resolveFormat } from './detect.ts';
import { type FeedSourceOptions, feedSource } from './feed.ts';
import { countJsonlItems, jsonlSource } from './jsonl.ts';

export interface FileSourceOptions extends BuildOptions, Pick<FeedSourceOptions, 'onItems'> {
  path: string;
  format?: FormatOption;
  /** Name shown in provenance (defaults to `path`). */
  name?: string;
}

async function head(path: string, n: number): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return new Uint8Array(buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

export async function* fileSource(opts: FileSourceOptions): AsyncGenerator<IngestItem> {
  const name = opts.name ?? opts.path;
  const limits = withLimits(opts.limits);
  let size: number;
  let first: Uint8Array;
  try {
    const st = await stat(opts.path);
    if (!st.isFile()) {
      yield reject(name, 'ingest/unreadable', `${name}: not a regular file`);
      return;
    }
    size = st.size;
    first = await head(opts.path, 4096);
  } catch (err) {
    yield reject(
      name,
      'ingest/unreadable',
      `${name}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
    return;
  }
  const format = resolveFormat({ option: opts.format ?? 'auto', name: opts.path, head: first });
  if (format === 'jsonl') {
    yield* jsonlSource({ ...opts, stream: createReadStream(opts.path), name });
    return;
  }
  if (size === 0) {
    yield reject(name, 'ingest/empty', `${name}: is empty`);
    return;
  }
  if (size > limits.maxBytes) {
    yield reject(
      name,
      'ingest/too-large',
      `${name}: ${size} bytes, over the ${limits.maxBytes}-byte limit (raise it with --max-bytes)`,
      first,
    );
    return;
  }
  let bytes: Uint8Array;
  try {
    const fh = await open(opts.path, 'r');
    try {
      bytes = new Uint8Array(await fh.readFile());
    } finally {
      await fh.close();
    }
  } catch (err) {
    yield reject(name, 'ingest/unreadable', `${name}: cannot be read (${(err as Error).message})`);
    return;
  }
  if (format === 'feed') {
    yield* feedSource({ ...opts, location: opts.path, bytes });
    return;
  }
  yield buildArticle({ source: name, format, bytes, html: format === 'html' }, opts);
}

/**
 * How many items `fileSource` yields for a file, found the way it finds them (for the progress
 * total): a JSONL file its records (`countJsonlItems`), anything else one — a feed too, whose
 * source then says how many items it holds (`onItems`).
 */
export async function expectedFileItems(
  opts: Pick<FileSourceOptions, 'path' | 'format' | 'limits'>,
): Promise<number> {
  const option = opts.format ?? 'auto';
  try {
    const st = await stat(opts.path);
    if (!st.isFile()) return 1;
    // the first bytes only when the name does not decide (resolveFormat)
    const byName = formatFromName(opts.path);
    const sniff = option === 'auto' && (!byName || byName === 'text');
    const first = sniff ? await head(opts.path, 4096) : new Uint8Array();
    if (resolveFormat({ option, name: opts.path, head: first }) !== 'jsonl') return 1;
    return await countJsonlItems(opts.path);
  } catch {
    return 1; // refused as unreadable
  }
}
