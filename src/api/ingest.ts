/**
 * POST /api/ingest: text, HTML, a URL or JSONL in; processed, stored articles out.
 * This is the API's own minimal path (processArticle + store.put); when the ingest
 * module's sources land, `toArticle`/`htmlToText` should give way to them.
 */
import { createHash } from 'node:crypto';
import { parseHTML } from 'linkedom';
import { processArticle } from '../jobs/pipeline.ts';
import type { Article, Message } from '../model.ts';
import type { PutResult, Store } from '../store/store.ts';
import { problems } from './problem.ts';
import { ingestJson, ingestRecord } from './schemas.ts';
import { parseBody } from './validate.ts';

export const MAX_JSONL_LINES = 1000;
export const MAX_FETCH_BYTES = 5 * 1024 * 1024;

export interface IngestItem {
  line?: number;
  id?: string;
  status?: PutResult['status'];
  duplicateOf?: string;
  title?: string;
  warnings?: Message[];
  error?: string;
}

export interface IngestOptions {
  store: Store;
  /** Fetches a URL (injectable for tests); default: global fetch with a timeout. */
  fetchUrl?: (url: string) => Promise<{ contentType: string; body: string }>;
}

interface Draft {
  text: string;
  title?: string;
  url?: string;
  outlet?: string;
  published?: string;
  format: Article['provenance']['format'];
  source: string;
  warnings?: Message[];
}

function normalizeForId(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Stable id: hash of outlet+url when there is a url, else of the normalized text. */
export function articleId(d: { text: string; url?: string; outlet?: string }): string {
  const basis = d.url ? `${d.outlet ?? ''}\n${d.url}` : normalizeForId(d.text);
  return createHash('sha256').update(basis).digest('hex').slice(0, 16);
}

export function toArticle(d: Draft): Article {
  const warnings: Message[] = [...(d.warnings ?? [])];
  let url = d.url;
  if (url !== undefined && !/^https?:\/\//i.test(url)) {
    warnings.push({
      ruleId: 'api/url-dropped',
      severity: 'warning',
      reason: `The url "${url.slice(0, 80)}" is not http(s) and was dropped; give the article's web address.`,
    });
    url = undefined;
  }
  return {
    id: articleId({ text: d.text, ...(url ? { url } : {}), ...(d.outlet ? { outlet: d.outlet } : {}) }),
    ...(d.outlet ? { outlet: d.outlet } : {}),
    ...(url ? { url } : {}),
    ...(d.title ? { title: d.title } : {}),
    ...(d.published ? { published: d.published } : {}),
    language: 'ar',
    text: d.text,
    provenance: { source: d.source, format: d.format, ingestedAt: new Date().toISOString() },
    warnings,
  };
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BR',
  'SECTION',
  'ARTICLE',
  'TR',
]);

/** HTML → plain text: scripts, styles and markup dropped; block elements become line breaks. */
export function htmlToText(html: string): { title?: string; text: string } {
  const { document } = parseHTML(html.includes('<html') ? html : `<html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll(
    'script, style, noscript, template, iframe, object, svg, head > *:not(title)',
  )) {
    el.remove();
  }
  const title = document.querySelector('title')?.textContent?.trim();
  const root = document.querySelector('article') ?? document.body ?? document.documentElement;
  const out: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === 3) out.push(node.textContent ?? '');
    else if (node.nodeType === 1) {
      const tag = (node as Element).tagName.toUpperCase();
      const block = BLOCKS.has(tag);
      if (block) out.push('\n');
      for (const child of Array.from(node.childNodes)) walk(child);
      if (block) out.push(tag === 'P' || tag.startsWith('H') ? '\n\n' : '\n');
    }
  };
  if (root) walk(root);
  const text = out
    .join('')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { text, ...(title ? { title } : {}) };
}

async function defaultFetch(url: string): Promise<{ contentType: string; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(10_000), redirect: 'follow' });
  if (!res.ok) throw problems.badGateway(`Fetching ${url} answered HTTP ${res.status}.`);
  const len = Number(res.headers.get('content-length') ?? 0);
  if (len > MAX_FETCH_BYTES) throw problems.badGateway(`${url} is larger than ${MAX_FETCH_BYTES} bytes.`);
  const buf = await res.arrayBuffer();
  if (buf.byteLength > MAX_FETCH_BYTES)
    throw problems.badGateway(`${url} is larger than ${MAX_FETCH_BYTES} bytes.`);
  return { contentType: res.headers.get('content-type') ?? '', body: new TextDecoder().decode(buf) };
}

async function store1(store: Store, d: Draft): Promise<IngestItem> {
  if (!d.text.trim()) return { error: 'empty text: give an article with some text' };
  const doc = processArticle(toArticle(d));
  const r = await store.put(doc);
  return {
    id: r.id,
    status: r.status,
    ...(r.duplicateOf ? { duplicateOf: r.duplicateOf } : {}),
    ...(doc.article.title ? { title: doc.article.title } : {}),
    ...(doc.article.warnings.length ? { warnings: doc.article.warnings } : {}),
  };
}

/** Handles one ingest request body, by content type. */
export async function ingestBody(
  opts: IngestOptions,
  req: { contentType: string; body: string },
): Promise<IngestItem[]> {
  const type = req.contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  const { store } = opts;
  if (type === 'text/plain') return [await store1(store, { text: req.body, format: 'api', source: 'api' })];
  if (type === 'text/html') {
    const h = htmlToText(req.body);
    return [
      await store1(store, {
        text: h.text,
        ...(h.title ? { title: h.title } : {}),
        format: 'html',
        source: 'api',
      }),
    ];
  }
  if (type === 'application/x-ndjson' || type === 'application/jsonl' || type === 'application/jsonlines') {
    const lines = req.body.split(/\r?\n/);
    if (lines.filter((l) => l.trim()).length > MAX_JSONL_LINES) {
      throw problems.validation('body', [
        { in: 'body', path: '', message: `at most ${MAX_JSONL_LINES} lines per request` },
      ]);
    }
    const out: IngestItem[] = [];
    for (const [i, line] of lines.entries()) {
      if (!line.trim()) continue;
      let rec: unknown;
      try {
        rec = JSON.parse(line);
      } catch {
        out.push({ line: i + 1, error: 'not valid JSON' });
        continue;
      }
      const r = ingestRecord.safeParse(rec);
      if (!r.success) {
        out.push({
          line: i + 1,
          error: r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; '),
        });
        continue;
      }
      const v = r.data;
      const outlet = v.outlet ?? v.source;
      out.push({
        line: i + 1,
        ...(await store1(store, {
          text: v.text,
          ...(v.title ? { title: v.title } : {}),
          ...(v.url ? { url: v.url } : {}),
          ...(outlet ? { outlet } : {}),
          ...(v.published ? { published: v.published } : {}),
          format: 'jsonl',
          source: `api:line ${i + 1}`,
        })),
      });
    }
    return out;
  }
  if (type === 'application/json') {
    let raw: unknown;
    try {
      raw = JSON.parse(req.body);
    } catch {
      throw problems.validation('body', [{ in: 'body', path: '', message: 'not valid JSON' }]);
    }
    const b = parseBody(raw, ingestJson);
    const meta = {
      ...(b.title ? { title: b.title } : {}),
      ...(b.outlet ? { outlet: b.outlet } : {}),
      ...(b.published ? { published: b.published } : {}),
      ...(b.url ? { url: b.url } : {}),
    };
    if (b.text !== undefined)
      return [await store1(store, { ...meta, text: b.text, format: 'api', source: 'api' })];
    if (b.html !== undefined) {
      const h = htmlToText(b.html);
      return [
        await store1(store, {
          ...(h.title ? { title: h.title } : {}),
          ...meta,
          text: h.text,
          format: 'html',
          source: 'api',
        }),
      ];
    }
    const url = b.url!;
    const got = await (opts.fetchUrl ?? defaultFetch)(url);
    const isHtml = /html|xml/i.test(got.contentType) || /^\s*</.test(got.body);
    const h = isHtml ? htmlToText(got.body) : { text: got.body };
    return [
      await store1(store, {
        ...('title' in h && h.title ? { title: h.title } : {}),
        ...meta,
        text: h.text,
        format: isHtml ? 'html' : 'text',
        source: url,
      }),
    ];
  }
  throw problems.unsupported(type || '(none)');
}
