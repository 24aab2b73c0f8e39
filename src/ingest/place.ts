/**
 * What a stored article's old place holds now (docs/ingest.md, "Moved files"): when the
 * archive's article is read again from another source, the ingest asks whether the place it
 * was stored from still holds it. A place is a local file (`PATH`), a JSONL record
 * (`PATH:LINE`) or a local feed's item (`PATH#ITEM`); a URL, `-` or a key is no place that
 * can be looked at.
 *
 * - `gone`: the file is not there (deleted, moved or renamed);
 * - `other`: the file is there but that place now reads as something else — another file
 *   took the path, the file was edited, the JSONL line holds another record (a line was
 *   inserted above it), the feed no longer lists the item;
 * - `same`: it still reads as the same words — the article is now in two places (a copy);
 * - `remote`: not a local place (a URL, standard input).
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { Article, Provenance } from '../model.ts';
import type { IngestItem } from './article.ts';
import { dedupWords } from './dedup.ts';
import { feedSource } from './sources/feed.ts';
import { fileSource } from './sources/file.ts';
import { lineToItem, scanLines } from './sources/jsonl.ts';

export type PlaceState = 'gone' | 'other' | 'same' | 'remote';

// Synchronous file calls: a handful of small reads, each a round trip through libuv's thread
// pool otherwise (2–20 ms each on a loaded machine, against well under one in this thread).
async function isFile(path: string): Promise<boolean | undefined> {
  try {
    return statSync(path).isFile();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // gone; anything else (EACCES, ELOOP …) cannot tell
    return code === 'ENOENT' || code === 'ENOTDIR' ? false : undefined;
  }
}

/** The old place read again never hits the limits the run has (the article was read once). */
const NO_LIMIT = { limits: { maxBytes: Number.MAX_SAFE_INTEGER } };

interface LineIndex {
  size: number;
  mtimeMs: number;
  /** Byte offsets of each line's start and end (its terminator excluded), line 1 first. */
  starts: number[];
  ends: number[];
}

/** The line indexes of the last JSONL files looked into (a shifted file asks for every line). */
const indexes = new Map<string, LineIndex>();
const KEPT_INDEXES = 2;

/** Where each line of a file starts and ends, the lines counted as the JSONL reader counts them (`scanLines`). */
async function lineIndex(path: string): Promise<LineIndex> {
  const st = statSync(path);
  const cached = indexes.get(path);
  if (cached && cached.size === st.size && cached.mtimeMs === st.mtimeMs) return cached;
  const starts: number[] = [];
  const ends: number[] = [];
  await scanLines(path, (start, end) => {
    starts.push(start);
    ends.push(end);
  });
  const index: LineIndex = { size: st.size, mtimeMs: st.mtimeMs, starts, ends };
  indexes.delete(path);
  indexes.set(path, index);
  while (indexes.size > KEPT_INDEXES) indexes.delete(indexes.keys().next().value!);
  return index;
}

/** Line `n` (1-based) of a file as the JSONL reader (`textLines`) reads it, or undefined past its end. */
export async function lineAt(path: string, n: number): Promise<string | undefined> {
  const index = await lineIndex(path);
  if (n < 1 || n > index.starts.length) return undefined;
  const start = index.starts[n - 1]!;
  const length = index.ends[n - 1]! - start;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    readSync(fd, buf, 0, length, start);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const sameWords = (item: IngestItem | undefined, words: string): boolean =>
  item?.kind === 'article' && dedupWords(item.article.text).join(' ') === words;

/**
 * What `source` — where the archive's copy of `article` was read from, in `format` — holds now.
 */
export async function placeState(
  source: string,
  format: Provenance['format'],
  article: Pick<Article, 'text'>,
): Promise<PlaceState> {
  if (!isAbsolute(source)) return 'remote';
  const words = dedupWords(article.text).join(' ');
  const whole = await isFile(source);
  if (whole === undefined) return 'remote';
  if (format === 'jsonl') {
    const m = /^(.*):(\d+)$/su.exec(source);
    if (!whole && m) {
      const file = await isFile(m[1]!);
      if (file === undefined) return 'remote';
      if (!file) return 'gone';
      const line = await lineAt(m[1]!, Number(m[2]));
      if (line === undefined || !line.replace(/^\uFEFF/u, '').trim()) return 'other';
      return sameWords(lineToItem(line.replace(/^\uFEFF/u, ''), source, NO_LIMIT), words) ? 'same' : 'other';
    }
  }
  if (format === 'feed' && !whole) {
    // PATH#ITEM: the feed file is the first prefix before a «#» that is a file (an item id may hold a «#» too)
    for (let i = source.indexOf('#'); i > 0; i = source.indexOf('#', i + 1)) {
      const file = source.slice(0, i);
      if (!(await isFile(file))) continue;
      // offline: a teaser item's link is not fetched (its article's source is the page's URL anyway)
      for await (const item of feedSource({ location: file, offline: true, ...NO_LIMIT }))
        if (item.kind === 'article' && item.article.provenance.source === source)
          return sameWords(item, words) ? 'same' : 'other';
      return 'other';
    }
    return 'gone';
  }
  if (!whole) return 'gone';
  for await (const item of fileSource({
    path: source,
    format: format === 'html' || format === 'text' ? format : 'auto',
    ...NO_LIMIT,
  }))
    return sameWords(item, words) ? 'same' : 'other';
  return 'other';
}
