/**
 * POST /api/ingest: text, HTML, a URL, JSONL or an RSS/Atom feed in; processed, stored articles out.
 * Reuses the ingest module (buildArticle: decoding, HTML main text, language check,
 * stable ids; lineToItem for JSONL; fetchBytes for URLs) and the pipeline runner
 * (runIngest: exact/near-duplicate detection with a dedup index warmed once per server,
 * processArticle, store.put, the quarantine). Refused inputs come back as per-item errors.
 */
import { type ArticleMeta, buildArticle, type IngestItem as SourceItem } from '../ingest/article.ts';
import type { DedupIndex } from '../ingest/dedup.ts';
import { fetchBytes } from '../ingest/http.ts';
import { formatFromHead } from '../ingest/sources/detect.ts';
import { feedSource } from '../ingest/sources/feed.ts';
import { lineToItem } from '../ingest/sources/jsonl.ts';
import { runIngest, warmDedup } from '../jobs/runner.ts';
import { parseBrief } from '../brief/parse.ts';
import type { Article, Message, ProcessedArticle } from '../model.ts';
import { firstLead } from '../store/rows.ts';
import type { PutResult, Store } from '../store/store.ts';
import { problems } from './problem.ts';
import { ingestJson } from './schemas.ts';
import { parseBody } from './validate.ts';

export const MAX_JSONL_LINES = 1000;

/**
 * `{lead}` for an article with no title: the brief's lead as the archive lists it (past a
 * dateline), which the web app names it by as search and the CLI do. An unchanged article
 * was not analysed again: its brief is read here.
 */
function untitled(article: Article, doc: ProcessedArticle | undefined): { lead?: string } {
  const lead = firstLead(doc ?? { article, brief: parseBrief(article.text) });
  return lead ? { lead } : {};
}

export interface IngestItem {
  line?: number;
  id?: string;
  status?: PutResult['status'];
  duplicateOf?: string;
  title?: string;
  /** An untitled article's lead as the archive lists it (what names it: `headline(lead)`). */
  lead?: string;
  warnings?: Message[];
  /** Why the input was refused (it is in the quarantine). */
  error?: string;
  ruleId?: string;
}

export interface Fetched {
  contentType: string;
  bytes: Uint8Array;
}

export interface IngestOptions {
  store: Store;
  /** The server's dedup index, warmed from the archive on first use (see `lazyDedup`). */
  dedup?: () => Promise<DedupIndex>;
  /** Fetches a URL (injectable for tests); default: the ingest module's polite fetch. */
  fetchUrl?: (url: string) => Promise<Fetched>;
}

async function defaultFetch(url: string): Promise<Fetched> {
  const r = await fetchBytes(url);
  // The reason names the URL and says what to do («URL: cannot be fetched: …», «URL: HTTP 404: …»).
  if (!r.ok) throw problems.badGateway(r.reason, r.url, r.ruleId, r.status);
  return { contentType: r.contentType, bytes: r.bytes };
}

/** Article URLs end up as links in the web app and feeds: only http(s) survive. */
export function safeUrl(article: Article): Article {
  if (article.url === undefined || /^https?:\/\//i.test(article.url)) return article;
  const { url, ...rest } = article;
  return {
    ...rest,
    warnings: [
      ...article.warnings,
      {
        ruleId: 'api/url-dropped',
        severity: 'warning',
        reason: `The url "${url.slice(0, 80)}" is not http(s) and was dropped; give the article's web address.`,
      },
    ],
  };
}

/** One dedup index per server, built from the archive the first time it is needed. */
export function lazyDedup(store: Store): () => Promise<DedupIndex> {
  let index: Promise<DedupIndex> | undefined;
  return () => {
    index ??= warmDedup(store).catch((err) => {
      index = undefined;
      throw err;
    });
    return index;
  };
}

/** Runs source items through the pipeline runner; one answer item per input item, in order. */
async function run(
  opts: IngestOptions,
  sources: Array<{ line?: number; item: SourceItem }>,
): Promise<IngestItem[]> {
  const out = new Map<SourceItem, IngestItem>();
  const items = sources.map(({ item }) =>
    item.kind === 'article' ? { kind: 'article' as const, article: safeUrl(item.article) } : item,
  );
  await runIngest({
    store: opts.store,
    items: (async function* () {
      yield* items;
    })(),
    ...(opts.dedup ? { dedup: await opts.dedup() } : {}),
    onItem: (item, result, doc) => {
      if (item.kind === 'rejected') out.set(item, { error: item.entry.reason, ruleId: item.entry.ruleId });
      else if (item.kind === 'skipped') out.set(item, { error: item.reason });
      else if (result) {
        out.set(item, {
          id: result.id,
          status: result.status,
          ...(result.duplicateOf ? { duplicateOf: result.duplicateOf } : {}),
          ...(item.article.title ? { title: item.article.title } : untitled(item.article, doc)),
          ...(item.article.warnings.length ? { warnings: item.article.warnings } : {}),
        });
      }
    },
  });
  return items.map((item, i) => {
    const line = sources[i]!.line;
    return { ...(line !== undefined ? { line } : {}), ...(out.get(item) ?? { error: 'not processed' }) };
  });
}

/**
 * A text or HTML body as the ingest module reads a file: its bytes, so that the encoding is
 * detected as for \`khabar ingest FILE\` (BOM, UTF-16, windows-1256 …) and random bytes are
 * refused as binary. Read as UTF-8 text, a windows-1256 article was «no text to read» and
 * random bytes «written in sk, not Arabic». A declared charset other than UTF-8 is honoured.
 */
function textInput(contentType: string, body: string | Uint8Array, html: boolean) {
  const format = html ? ('html' as const) : ('api' as const);
  if (typeof body === 'string') return { source: 'api', format, text: body, html, raw: body };
  const charset = /;\s*charset\s*=\s*"?([\w.:-]+)"?/iu.exec(contentType)?.[1]?.toLowerCase();
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      const text = new TextDecoder(charset).decode(body);
      return { source: 'api', format, text, html, raw: text, encoding: charset };
    } catch {
      // An unknown label: detect it from the bytes.
    }
  }
  return { source: 'api', format, bytes: body, html };
}

/** Handles one ingest request body, by content type. */
export async function ingestBody(
  opts: IngestOptions,
  req: { contentType: string; body: string | Uint8Array },
): Promise<IngestItem[]> {
  const type = req.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const now = new Date().toISOString();
  if (type === 'text/plain' || type === 'text/html') {
    const html = type === 'text/html';
    return run(opts, [{ item: buildArticle(textInput(req.contentType, req.body, html), { now }) }]);
  }
  // JSON and JSONL are UTF-8 (RFC 8259).
  const body = typeof req.body === 'string' ? req.body : new TextDecoder().decode(req.body);
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines') {
    const lines = body.split(/\r?\n/);
    if (lines.filter((l) => l.trim()).length > MAX_JSONL_LINES) {
      throw problems.validation('body', [
        { in: 'body', path: '', message: `at most ${MAX_JSONL_LINES} lines per request` },
      ]);
    }
    const items: Array<{ line: number; item: SourceItem }> = [];
    for (const [i, line] of lines.entries()) {
      if (line.trim()) items.push({ line: i + 1, item: lineToItem(line, `api:${i + 1}`, { now }) });
    }
    return run(opts, items);
  }
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      throw problems.validation('body', [{ in: 'body', path: '', message: 'not valid JSON' }]);
    }
    const b = parseBody(raw, ingestJson);
    const meta: ArticleMeta = {
      ...(b.title ? { title: b.title } : {}),
      ...(b.outlet ? { outlet: b.outlet } : {}),
      ...(b.published ? { published: b.published } : {}),
      ...(b.url ? { url: b.url } : {}),
    };
    if (b.text !== undefined || b.html !== undefined) {
      const html = b.html !== undefined;
      const text = (b.text ?? b.html)!;
      return run(opts, [
        {
          item: buildArticle(
            { source: 'api', format: html ? 'html' : 'api', text, html, meta, raw: text },
            { now },
          ),
        },
      ]);
    }
    const url = b.url!;
    const got = await (opts.fetchUrl ?? defaultFetch)(url);
    const head = new TextDecoder().decode(got.bytes.subarray(0, 512));
    const html = /html|xml/i.test(got.contentType) || /^\s*</.test(head);
    return run(opts, [
      {
        item: buildArticle(
          { source: url, format: html ? 'html' : 'text', bytes: got.bytes, html, meta },
          { now },
        ),
      },
    ]);
  }
  if (FEED_TYPES.has(type) || XML_TYPES.has(type)) return run(opts, await feedItems(type, req.body, now));
  throw problems.unsupported(type);
}

/** Feed bodies, read as `khabar ingest FEED` reads a feed file. */
const FEED_TYPES = new Set(['application/rss+xml', 'application/atom+xml', 'application/rdf+xml']);
/** Plain XML: accepted when it is a feed (RSS, Atom, RDF), by its first element. */
const XML_TYPES = new Set(['application/xml', 'text/xml']);

/**
 * An RSS / Atom / RDF body through the CLI's feed source (src/ingest/sources/feed.ts: the same
 * parsing, item limit, meta, quarantine), offline: the API never fetches item links, so an
 * item with only a teaser is stored with the text the feed gives and a `feed/link-not-fetched`
 * warning says so (the CLI would fetch the page). An item with no text at all is refused.
 */
async function feedItems(
  type: string,
  body: string | Uint8Array,
  now: string,
): Promise<Array<{ item: SourceItem }>> {
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  if (XML_TYPES.has(type) && formatFromHead(bytes.subarray(0, 2048)) !== 'feed') {
    throw problems.unsupported(type, true);
  }
  const out: Array<{ item: SourceItem }> = [];
  for await (const item of feedSource({ location: 'api', bytes, offline: true, now })) out.push({ item });
  return out;
}
