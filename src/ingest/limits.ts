/** Limits every ingest honours: how big an input may be and how long a fetch may take. */
export interface IngestLimits {
  /** Largest input (file, page, feed, JSONL line) accepted, in bytes. */
  maxBytes: number;
  /** Time a fetch may take, in milliseconds (connect + body). */
  timeoutMs: number;
  /** Redirects followed before a fetch gives up. */
  maxRedirects: number;
  /** The User-Agent every fetch sends. */
  userAgent: string;
  /**
   * Items read from one feed (one poll); the rest are refused in one quarantine entry. A
   * feed listing 100,000 items would otherwise mean 100,000 page fetches.
   */
  maxFeedItems: number;
  /**
   * Failed page fetches in a row to one host (within one feed poll) after which the feed's
   * other items on that host are refused without fetching (`ingest/host-failing`).
   */
  maxHostFailures: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxBytes: 10 * 1024 * 1024,
  timeoutMs: 20_000,
  maxRedirects: 5,
  userAgent: 'khabar/0.1 (Arabic news archiver; +https://github.com/khabar/khabar)',
  maxFeedItems: 1000,
  maxHostFailures: 10,
};

export function withLimits(partial?: Partial<IngestLimits>): IngestLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) };
}
