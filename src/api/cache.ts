/**
 * A small response cache for the read API ("micro-caching"): the JSON of GET responses,
 * keyed by path and query, kept at most `ttlMs` and dropped whenever the API ingests.
 * Writers in other processes (the CLI ingesting into the same archive) become visible
 * within `ttlMs`. Responses carry `X-Cache: hit|miss`.
 */
import type { MiddlewareHandler } from 'hono';

export interface CacheOptions {
  /** Longest time an answer is reused, in ms (default 10 s). */
  ttlMs?: number;
  /** Entries kept (least recently used dropped first; default 1000). */
  max?: number;
  /** Larger bodies are not kept (default 256 KiB). */
  maxBodyBytes?: number;
}

interface Entry {
  body: string;
  type: string;
  at: number;
}

export class ResponseCache {
  readonly ttlMs: number;
  readonly max: number;
  readonly maxBodyBytes: number;
  hits = 0;
  misses = 0;
  private map = new Map<string, Entry>();

  constructor(opts: CacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.max = opts.max ?? 1000;
    this.maxBodyBytes = opts.maxBodyBytes ?? 256 * 1024;
  }

  get(key: string, now = Date.now()): Entry | undefined {
    const e = this.map.get(key);
    if (!e || now - e.at > this.ttlMs) {
      if (e) this.map.delete(key);
      this.misses++;
      return undefined;
    }
    // Refresh recency: Map keeps insertion order, so re-insert.
    this.map.delete(key);
    this.map.set(key, e);
    this.hits++;
    return e;
  }

  set(key: string, body: string, type: string, now = Date.now()): void {
    if (body.length * 2 > this.maxBodyBytes && Buffer.byteLength(body) > this.maxBodyBytes) return;
    this.map.delete(key);
    this.map.set(key, { body, type, at: now });
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

/** Caches 200 answers of GET routes not in `skip`. */
export function cacheMiddleware(cache: ResponseCache, skip: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (c.req.method !== 'GET' || skip.has(url.pathname)) return next();
    const key = url.pathname + url.search;
    const hit = cache.get(key);
    if (hit) return c.body(hit.body, 200, { 'Content-Type': hit.type, 'X-Cache': 'hit' });
    await next();
    if (c.res.status !== 200) return;
    const type = c.res.headers.get('content-type') ?? 'application/json';
    cache.set(key, await c.res.clone().text(), type);
    c.header('X-Cache', 'miss');
  };
}
