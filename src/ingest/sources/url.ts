/** An http(s) URL: a page (main text extracted) or a feed (sniffed from type and bytes). */
import { type BuildOptions, type IngestItem, buildArticle, reject } from '../article.ts';
import { fetchBytes } from '../http.ts';
import { type FormatOption, resolveFormat } from './detect.ts';
import { type FeedSourceOptions, feedSource } from './feed.ts';
import { jsonlSource } from './jsonl.ts';
import { Readable } from 'node:stream';

export interface UrlSourceOptions extends BuildOptions {
  url: string;
  format?: FormatOption;
  follow?: boolean;
  intervalMs?: number;
  signal?: AbortSignal;
  onPoll?: NonNullable<FeedSourceOptions['onPoll']>;
  retries?: NonNullable<FeedSourceOptions['retries']>;
}

export async function* urlSource(opts: UrlSourceOptions): AsyncGenerator<IngestItem> {
  const { url, format: option = 'auto', ...rest } = opts;
  if (option === 'feed') {
    yield* feedSource({ ...rest, location: url });
    return;
  }
  const r = await fetchBytes(url, {
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (!r.ok) {
    yield reject(url, r.ruleId, r.reason);
    return;
  }
  const format = resolveFormat({
    option,
    name: new URL(r.url).pathname,
    head: r.bytes,
    contentType: r.contentType,
  });
  if (format === 'feed') {
    // The first poll uses the bytes we have; `--follow` re-polls with conditional GET, from the
    // first answer's validators on (the second poll downloaded the whole feed again).
    yield* feedSource({
      ...rest,
      location: url,
      bytes: r.bytes,
      ...(r.etag ? { etag: r.etag } : {}),
      ...(r.lastModified ? { lastModified: r.lastModified } : {}),
    });
    return;
  }
  if (format === 'jsonl') {
    yield* jsonlSource({ ...rest, stream: Readable.from([Buffer.from(r.bytes)]), name: url });
    return;
  }
  yield buildArticle(
    { source: url, format, bytes: r.bytes, html: format === 'html', meta: { url: r.url } },
    opts,
  );
}
