/**
 * A small response cache for the read API ("micro-caching"): the JSON of GET responses,
 * keyed by path and query, kept at most `ttlMs` and dropped whenever the API ingests.
 * Writers in other processes (the CLI ingesting into the same archive) become visible
 * within `ttlMs`. Responses carry `X-Cache: hit|miss` (see http-cache.ts).
 */

export interface CacheOptions {
  /** Longest time an answer is reused, in ms (default 10 s). */
  ttlMs?: number;
  /** Entries kept (least recently used dropped first; default 1000). */
  max?: number;
  /** Larger bodies are not kept (default 256 KiB). */
  maxBodyBytes?: number;
  /** The clock the TTL is read on, in ms (default `Date.now`; tests pass their own). */
  now?: () => number;
}

/** A kept answer: its bytes, type, ETag, and (once asked for) its gzipped bytes. */
export interface CachedResponse {
  body: Uint8Array;
  type: string;
  etag: string;
  gzip?: Uint8Array;
}

interface Entry {
  value: CachedResponse;
  at: number;
}

export class ResponseCache {
  readonly ttlMs: number;
  readonly max: number;
  readonly maxBodyBytes: number;
  hits = 0;
  misses = 0;
  private map = new Map<string, Entry>();
  private readonly clock: () => number;

  constructor(opts: CacheOptions = {}) {
    this.ttlMs = opts.ttlMs ?? 10_000;
    this.max = opts.max ?? 1000;
    this.maxBodyBytes = opts.maxBodyBytes ?? 256 * 1024;
    this.clock = opts.now ?? Date.now;
  }

  get(key: string, now = this.clock()): CachedResponse | undefined {
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
    return e.value;
  }

  set(key: string, value: CachedResponse, now = this.clock()): void {
    if (value.body.length > this.maxBodyBytes) return;
    this.map.delete(key);
    this.map.set(key, { value, at: now });
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
