/**
 * Polite fetching for ingest: a User-Agent naming khabar, a timeout, a size limit, a
 * bounded number of redirects and conditional GET (ETag / Last-Modified). Failures
 * come back as values (`ok: false` with a reason) so a source can quarantine them.
 */
import { type IngestLimits, withLimits } from './limits.ts';

export interface FetchOptions {
  limits?: Partial<IngestLimits>;
  /** Conditional GET: validators from the previous response. */
  etag?: string;
  lastModified?: string;
  accept?: string;
  /** Lets a caller stop a fetch (e.g. `--follow` being interrupted). */
  signal?: AbortSignal;
}

export type FetchResult =
  | {
      ok: true;
      /** The URL after redirects. */
      url: string;
      status: number;
      notModified: boolean;
      bytes: Uint8Array;
      contentType: string;
      etag?: string;
      lastModified?: string;
    }
  | { ok: false; url: string; ruleId: string; reason: string; status?: number };

function failure(url: string, ruleId: string, reason: string, status?: number): FetchResult {
  return { ok: false, url, ruleId, reason, ...(status !== undefined ? { status } : {}) };
}

async function readCapped(
  res: Response,
  maxBytes: number,
): Promise<{ bytes: Uint8Array } | { tooLarge: true; read: number }> {
  const reader = res.body?.getReader();
  if (!reader) return { bytes: new Uint8Array(0) };
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true, read: total };
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return { bytes: out };
}

/** GET a URL with khabar's manners; never throws for network or HTTP problems. */
export async function fetchBytes(url: string, opts: FetchOptions = {}): Promise<FetchResult> {
  const limits = withLimits(opts.limits);
  let current = url;
  const timeout = AbortSignal.timeout(limits.timeoutMs);
  const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
  for (let hop = 0; ; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      return failure(current, 'ingest/bad-url', `${current}: not a valid URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      return failure(current, 'ingest/bad-url', `${current}: only http and https URLs can be fetched`);
    const headers: Record<string, string> = {
      'user-agent': limits.userAgent,
      accept: opts.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
    };
    if (opts.etag) headers['if-none-match'] = opts.etag;
    if (opts.lastModified) headers['if-modified-since'] = opts.lastModified;
    let res: Response;
    try {
      res = await fetch(current, { headers, redirect: 'manual', signal });
    } catch (err) {
      const e = err as Error;
      const timedOut = timeout.aborted || e.name === 'TimeoutError';
      return timedOut
        ? failure(current, 'ingest/fetch-timeout', `${current}: no answer within ${limits.timeoutMs} ms`)
        : failure(current, 'ingest/fetch-failed', `${current}: ${causeOf(e)}`);
    }
    if (res.status >= 300 && res.status < 400 && res.status !== 304) {
      const location = res.headers.get('location');
      await res.body?.cancel().catch(() => {});
      if (!location) return failure(current, 'ingest/fetch-failed', `${current}: redirect without Location`);
      if (hop >= limits.maxRedirects)
        return failure(
          url,
          'ingest/too-many-redirects',
          `${url}: more than ${limits.maxRedirects} redirects`,
        );
      current = new URL(location, current).href;
      continue;
    }
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };
    if (res.status === 304) {
      return {
        ok: true,
        url: current,
        status: 304,
        notModified: true,
        bytes: new Uint8Array(0),
        contentType: '',
        ...validators,
      };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      return failure(current, 'ingest/fetch-failed', `${current}: ${statusWhy(res.status)}`, res.status);
    }
    const declared = Number(res.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(declared) && declared > limits.maxBytes) {
      await res.body?.cancel().catch(() => {});
      return failure(
        current,
        'ingest/too-large',
        `${current}: ${declared} bytes, over the ${limits.maxBytes}-byte limit`,
      );
    }
    let body: Awaited<ReturnType<typeof readCapped>>;
    try {
      body = await readCapped(res, limits.maxBytes);
    } catch (err) {
      const timedOut = timeout.aborted;
      return timedOut
        ? failure(
            current,
            'ingest/fetch-timeout',
            `${current}: body not received within ${limits.timeoutMs} ms`,
          )
        : failure(current, 'ingest/fetch-failed', `${current}: ${causeOf(err as Error)}`);
    }
    if ('tooLarge' in body)
      return failure(current, 'ingest/too-large', `${current}: over the ${limits.maxBytes}-byte limit`);
    return {
      ok: true,
      url: current,
      status: res.status,
      notModified: false,
      bytes: body.bytes,
      contentType: res.headers.get('content-type') ?? '',
      ...validators,
    };
  }
}

/** What a network error code means, and what to do (the quarantine says it to the user). */
const NETWORK: Record<string, string> = {
  ENOTFOUND: 'the host name does not resolve (ENOTFOUND): check the URL, or the network and DNS',
  EAI_AGAIN:
    'the host name could not be looked up (EAI_AGAIN): check the network and DNS, or try again later',
  ECONNREFUSED:
    'the server refused the connection (ECONNREFUSED): check the URL and its port, or try again later',
  ECONNRESET: 'the connection was cut (ECONNRESET): try again later',
  EHOSTUNREACH: 'the host cannot be reached (EHOSTUNREACH): check the network',
  ENETUNREACH: 'the network cannot be reached (ENETUNREACH): check the connection',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired (CERT_HAS_EXPIRED): save the page and ingest the file',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    'its TLS certificate cannot be verified (UNABLE_TO_VERIFY_LEAF_SIGNATURE): save the page and ingest the file',
  DEPTH_ZERO_SELF_SIGNED_CERT:
    'its TLS certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT): save the page and ingest the file',
  ERR_TLS_CERT_ALTNAME_INVALID:
    'its TLS certificate is for another host (ERR_TLS_CERT_ALTNAME_INVALID): check the URL, or save the page and ingest the file',
};

function causeOf(e: Error): string {
  const cause = (e as Error & { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code;
  if (code && NETWORK[code]) return `cannot be fetched: ${NETWORK[code]}`;
  // undici refuses ports browsers refuse (6000, 9, 25 …) with a bare «bad port».
  if ((cause?.message ?? e.message) === 'bad port')
    return 'cannot be fetched: its port is one that fetches refuse (bad port): check the URL';
  return `cannot be fetched (${code ?? cause?.message ?? e.message})`;
}

/** An HTTP error status in words, with what to do. */
function statusWhy(status: number): string {
  if (status === 404 || status === 410) return `HTTP ${status}: the page is not there (check the URL)`;
  if (status === 401 || status === 403)
    return `HTTP ${status}: the site refuses khabar (save the page from a browser and ingest the file)`;
  if (status === 429) return `HTTP ${status}: too many requests (try again later, or poll less often)`;
  if (status >= 500) return `HTTP ${status}: the site's server failed (try again later)`;
  return `HTTP ${status}`;
}
