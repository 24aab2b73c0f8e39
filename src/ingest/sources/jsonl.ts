/**
 * JSONL: one article a JSON object a line, streamed (never the whole file in memory).
 * Fields (docs/ingest.md): `id`, `url`, `outlet` (or `source`), `title`, `published`,
 * `byline`, `dateline`, and `text` or `html`. A malformed line is quarantined with its
 * line number; the rest goes on.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import {
  type ArticleMeta,
  type BuildOptions,
  type IngestItem,
  buildArticle,
  inputName,
  reject,
} from '../article.ts';

export interface JsonlSourceOptions extends BuildOptions {
  /** The lines to read. */
  stream: Readable;
  /** Name used in provenance and quarantine (`path:LINE`). */
  name: string;
  /** Lines before this one (1-based) are skipped (resuming). */
  fromLine?: number;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim()) return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** What to do about a refused line: the others are read, and the corrected one is stored by a re-run. */
const FIX_LINE =
  'correct this line and read the input again (the lines already read stay as they are; a corrected line leaves the quarantine)';

export function lineToItem(line: string, where: string, opts: BuildOptions): IngestItem {
  const name = inputName(where);
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return reject(
      where,
      'ingest/bad-json',
      `${name}: not valid JSON (${(err as Error).message}) — a JSONL line is one whole JSON object; ${FIX_LINE}`,
      line,
    );
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec))
    return reject(
      where,
      'ingest/bad-json',
      `${name}: a line must be one JSON object ({"text": …}), not ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : `a ${typeof rec}`}; ${FIX_LINE}`,
      line,
    );
  const r = rec as Record<string, unknown>;
  const text = str(r.text);
  const html = str(r.html);
  if (!text && !html)
    return reject(
      where,
      'ingest/no-text',
      `${name}: has neither "text" nor "html" — nothing to ingest; give the article as "text" (plain text) or "html" (its page)`,
      line,
    );
  const meta: ArticleMeta = {};
  const url = str(r.url);
  const outlet = str(r.outlet) ?? str(r.source);
  const title = str(r.title);
  const published = str(r.published);
  const byline = str(r.byline);
  const dateline = str(r.dateline);
  const key = str(r.id);
  if (url) meta.url = url;
  if (outlet) meta.outlet = outlet;
  if (title) meta.title = title;
  if (published) meta.published = published;
  if (byline) meta.byline = byline;
  if (dateline) meta.dateline = dateline;
  if (key) meta.key = key;
  return buildArticle(
    {
      source: where,
      format: 'jsonl',
      text: (text ?? html)!,
      html: !text,
      meta,
      raw: line,
      encoding: 'utf-8',
    },
    opts,
  );
}

/** Line numbers shown in a quarantine reason before «…». */
const SHOWN_LINES = 20;

/**
 * The empty lines of a JSONL input, as one quarantine entry (`ingest/empty`): those before a
 * record (a record may have been lost there), or — when the input holds no record at all —
 * the input itself. Empty lines after the last record (an editor's trailing newline) are not
 * reported.
 */
function emptyLines(
  name: string,
  between: number[],
  records: number,
  lines: number | undefined,
): IngestItem | undefined {
  if (records === 0 && lines !== undefined)
    return reject(
      name,
      'ingest/empty',
      lines === 0
        ? `${name}: is empty (JSONL with no line)`
        : `${name}: holds no JSON record (${lines} empty line${lines === 1 ? '' : 's'})`,
    );
  if (between.length === 0) return undefined;
  const shown = between.slice(0, SHOWN_LINES).join(', ') + (between.length > SHOWN_LINES ? ', …' : '');
  return reject(
    `${name}:${between[0]}`,
    'ingest/empty',
    `${name}: ${between.length} empty line${between.length === 1 ? '' : 's'} before a record (line${between.length === 1 ? '' : 's'} ${shown}) — no JSON record there; the other lines were read. A JSONL file has one JSON object on every line.`,
  );
}

/**
 * The lines of a stream of UTF-8 text: `\n`, `\r\n` and a lone `\r` end a line, nothing else;
 * no empty line after the last terminator. What `readline` did on Node 20 — Node 24's
 * `readline` also ends a line at U+2028 and U+2029, which JSON allows raw inside a string, so a
 * record holding one was cut in two and both halves refused as bad JSON.
 */
export async function* textLines(input: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  // ignoreBOM: a BOM stays in the first line, as readline kept it (the readers strip it themselves)
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let rest = '';
  /** Where in `rest` the search for a terminator goes on (a long line is not scanned again). */
  let scan = 0;
  /** The whole lines of `rest`; what follows the last terminator stays in it. */
  function* cut(last: boolean): Generator<string> {
    let from = 0;
    for (let i = nextBreak(rest, scan); i >= 0; i = nextBreak(rest, from)) {
      // a «\r» last in what has come so far may be the first half of «\r\n»: wait for more
      if (!last && rest.charCodeAt(i) === 13 && i === rest.length - 1) break;
      yield rest.slice(from, i);
      from = i + (rest.charCodeAt(i) === 13 && rest.charCodeAt(i + 1) === 10 ? 2 : 1);
    }
    rest = rest.slice(from);
    scan = rest.charCodeAt(rest.length - 1) === 13 ? rest.length - 1 : rest.length;
  }
  for await (const chunk of input) {
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* cut(false);
  }
  rest += decoder.decode();
  yield* cut(true);
  if (rest) yield rest;
}

function nextBreak(s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 10 || c === 13) return i;
  }
  return -1;
}

export async function* jsonlSource(opts: JsonlSourceOptions): AsyncGenerator<IngestItem> {
  const rl = textLines(opts.stream);
  let n = 0;
  let records = 0;
  /** Empty lines before the next record, and those already followed by one. */
  let pending: number[] = [];
  const between: number[] = [];
  for await (const line of rl) {
    n++;
    if (opts.fromLine && n < opts.fromLine) continue;
    if (!line.replace(/^\uFEFF/, '').trim()) {
      pending.push(n);
      continue;
    }
    between.push(...pending);
    pending = [];
    records++;
    yield lineToItem(line.replace(/^\uFEFF/, ''), `${opts.name}:${n}`, opts);
  }
  // resumed past line 1: the lines before were read by an earlier run
  const empty = emptyLines(opts.name, between, records, opts.fromLine && opts.fromLine > 1 ? undefined : n);
  if (empty) yield empty;
}

const isAsciiSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0b || c === 0x0c;

/**
 * Visits each line of a file as the JSONL reader (`textLines`) splits it — `\n`, `\r\n` and a
 * lone `\r` end a line, and there is no empty line after the last terminator — with its byte
 * range (terminator excluded) and whether it is blank as `jsonlSource` judges it (nothing but
 * white space and a BOM). Bytes, not strings: a line's first byte that is not ASCII white space
 * decides, except a non-ASCII one (a no-break space, a BOM …), where that line is decoded.
 */
export async function scanLines(
  path: string,
  visit: (start: number, end: number, blank: boolean) => void,
  chunkBytes = 1 << 20,
): Promise<void> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(chunkBytes);
    let pos = 0;
    let start = 0;
    /** Nothing but ASCII white space yet in this line. */
    let blankSoFar = true;
    /** The line's bytes from its first non-ASCII one, while it may still be blank. */
    let doubt: Buffer[] | undefined;
    let prevCR = false;
    const end = (at: number) => {
      let blank = blankSoFar;
      if (doubt)
        blank = !Buffer.concat(doubt)
          .toString('utf8')
          .replace(/^\uFEFF/u, '')
          .trim();
      visit(start, at, blank);
      blankSoFar = true;
      doubt = undefined;
    };
    for (;;) {
      const n = (await fh.read(buf, 0, buf.length, pos)).bytesRead;
      if (n === 0) break;
      let i = 0;
      if (prevCR && buf[0] === 10) {
        i = 1;
        start = pos + 1;
      }
      prevCR = false;
      let nl = -1;
      let cr = -1;
      while (i < n) {
        if (blankSoFar && !doubt) {
          const c = buf[i]!;
          if (isAsciiSpace(c)) {
            i++;
            continue;
          }
          if (c >= 0x80) doubt = [];
          else if (c !== 10 && c !== 13) blankSoFar = false;
        }
        if (nl !== -2 && nl < i) nl = buf.indexOf(10, i);
        if (nl === -1) nl = -2;
        if (cr !== -2 && cr < i) cr = buf.indexOf(13, i);
        if (cr === -1) cr = -2;
        const t = nl < 0 ? cr : cr < 0 ? nl : Math.min(nl, cr);
        if (t < 0 || t >= n) {
          doubt?.push(Buffer.from(buf.subarray(i, n)));
          break;
        }
        doubt?.push(Buffer.from(buf.subarray(i, t)));
        end(pos + t);
        if (buf[t] === 13) {
          if (t + 1 < n) i = buf[t + 1] === 10 ? t + 2 : t + 1;
          else {
            prevCR = true;
            i = t + 1;
          }
        } else i = t + 1;
        start = pos + i;
      }
      pos += n;
    }
    if (start < pos) end(pos);
  } finally {
    await fh.close();
  }
}

/**
 * How many items `jsonlSource` yields for a file: one a non-blank line, one more for the
 * empty lines before a record (quarantined together), and one for a file with no record.
 */
export async function countJsonlItems(path: string): Promise<number> {
  let records = 0;
  let pending = false;
  let between = false;
  await scanLines(path, (_start, _end, blank) => {
    if (blank) pending = true;
    else {
      records++;
      if (pending) between = true;
      pending = false;
    }
  });
  return records === 0 ? 1 : records + (between ? 1 : 0);
}
