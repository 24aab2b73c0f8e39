/**
 * JSONL: one article a JSON object a line, streamed (never the whole file in memory).
 * Fields (docs/ingest.md): `id`, `url`, `outlet` (or `source`), `title`, `published`,
 * `byline`, `dateline`, and `text` or `html`. A malformed line is quarantined with its
 * line number; the rest goes on.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { type ArticleMeta, type BuildOptions, type IngestItem, buildArticle, reject } from '../article.ts';

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

export function lineToItem(line: string, where: string, opts: BuildOptions): IngestItem {
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return reject(where, 'ingest/bad-json', `${where}: not valid JSON (${(err as Error).message})`, line);
  }
  if (!rec || typeof rec !== 'object' || Array.isArray(rec))
    return reject(where, 'ingest/bad-json', `${where}: a line must be one JSON object`, line);
  const r = rec as Record<string, unknown>;
  const text = str(r.text);
  const html = str(r.html);
  if (!text && !html)
    return reject(
      where,
      'ingest/no-text',
      `${where}: has neither "text" nor "html" — nothing to ingest`,
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

export async function* jsonlSource(opts: JsonlSourceOptions): AsyncGenerator<IngestItem> {
  const rl = createInterface({ input: opts.stream, crlfDelay: Number.POSITIVE_INFINITY });
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
