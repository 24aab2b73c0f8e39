/**
 * Conditional GET, gzip and the response cache in one middleware, with Node's own
 * crypto and zlib (synchronous and cheap for API-sized bodies; web streams' gzip cost
 * more than the search itself). For each 200 answer to a GET: a weak ETag from a SHA-1
 * of the body; `If-None-Match` → 304; gzip when accepted and the body is ≥ 1 KiB and
 * textual. Cacheable answers keep their ETag and gzipped bytes, so a hit costs neither.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { acceptLang } from '../i18n/api.ts';
import type { CachedResponse, ResponseCache } from './cache.ts';

const COMPRESSIBLE =
  /^(text\/|application\/(json|problem\+json|feed\+json|atom\+xml|xml|javascript)|image\/svg\+xml)/i;
const RETAINED_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary'];

export function makeEntry(body: Uint8Array, type: string): CachedResponse {
  const etag = `W/"${createHash('sha1').update(body).digest('base64url')}"`;
  return { body, type, etag };
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

function replace(c: Context, res: Response): void {
  // Hono merges the old response's headers into a new one; start clean instead.
  c.res = undefined as unknown as Response;
  c.res = res;
}

/** Answers with `entry`: 304 when If-None-Match matches, else its bytes, gzipped when accepted. */
export function finish(c: Context, entry: CachedResponse, headers: Headers): void {
  headers.set('ETag', entry.etag);
  headers.set('Vary', 'Accept-Encoding, Accept-Language');
  if (matches(c.req.header('if-none-match'), entry.etag)) {
    const kept = new Headers();
    for (const [k, v] of headers) if (RETAINED_304.includes(k) || k === 'x-cache') kept.set(k, v);
    replace(c, new Response(null, { status: 304, headers: kept }));
    return;
  }
  const gzip =
    entry.body.length >= 1024 &&
    COMPRESSIBLE.test(entry.type) &&
    /\bgzip\b/i.test(c.req.header('accept-encoding') ?? '');
  if (gzip) {
    entry.gzip ??= gzipSync(entry.body, { level: 6 });
    headers.set('Content-Encoding', 'gzip');
  }
  const body = (gzip ? entry.gzip! : entry.body) as Uint8Array<ArrayBuffer>;
  replace(c, new Response(c.req.method === 'HEAD' ? null : body, { status: 200, headers }));
}

export interface HttpCacheOptions {
  cache?: ResponseCache;
  /** Paths never kept in the response cache (they still get ETags and gzip). */
  skip: ReadonlySet<string>;
}

export function httpCache(opts: HttpCacheOptions): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const url = new URL(c.req.url);
    // The web app's files get their ETag and gzip from static.ts, computed once per file.
    if (!url.pathname.startsWith('/api/')) return next();
    const cacheable = opts.cache !== undefined && !opts.skip.has(url.pathname);
    // English glosses follow Accept-Language too (src/i18n/api.ts): keep the two apart.
    const key = `${url.pathname}${url.search}${acceptLang(c.req.header('accept-language')) === 'en' ? '#en' : ''}`;
    let entry = cacheable ? opts.cache!.get(key) : undefined;
    let headers: Headers;
    let xcache: 'hit' | 'miss' | undefined;
    if (entry) {
      xcache = 'hit';
      headers = new Headers({ 'Content-Type': entry.type, 'Cache-Control': 'no-cache' });
    } else {
      await next();
      const res = c.res;
      if (res.status !== 200 || !res.body) return;
      const type = res.headers.get('content-type') ?? 'application/octet-stream';
      entry = makeEntry(new Uint8Array(await res.arrayBuffer()), type);
      if (cacheable) {
        opts.cache!.set(key, entry);
        xcache = 'miss';
      }
      headers = new Headers(res.headers);
      headers.delete('content-length');
    }
    if (xcache) headers.set('X-Cache', xcache);
    finish(c, entry, headers);
  };
}
