/**
 * RSS / Atom / RDF feeds from a file or a URL (@extractus/feed-extractor with
 * `normalization: false`, so authors and full content survive). An item whose content
 * is short (a teaser) has its link fetched and the page's main text extracted. With
 * `follow`, the feed is polled every `intervalMs` with conditional GET (ETag /
 * Last-Modified) until `signal` aborts; items already seen are not yielded again.
 */
import { readFile } from 'node:fs/promises';
import { extractFromXml } from '@extractus/feed-extractor';
import { type ArticleMeta, type BuildOptions, type IngestItem, buildArticle, reject } from '../article.ts';
import { decode } from '../decode.ts';
import { htmlToText } from '../html.ts';
import { fetchBytes } from '../http.ts';
import { withoutTracking } from '../ids.ts';
import { withLimits } from '../limits.ts';

export interface FeedSourceOptions extends BuildOptions {
  /** A path or an http(s) URL. */
  location: string;
  /** Already-read bytes of the feed (e.g. a URL source that sniffed a feed). */
  bytes?: Uint8Array;
  /**
   * The validators of the answer `bytes` came in (its `ETag`, `Last-Modified`): the next poll
   * of a followed feed asks with them, as after any poll of its own.
   */
  etag?: string;
  lastModified?: string;
  /** Fetch an item's link when its content is shorter than this many characters (default 400). */
  fullTextMin?: number;
  /**
   * Never fetch item links (POST /api/ingest): an item whose content is short is stored with
   * the text the feed gives, and a `feed/link-not-fetched` warning says so and what to do.
   */
  offline?: boolean;
  follow?: boolean;
  intervalMs?: number;
  signal?: AbortSignal;
  /** Called once a poll is done (tests, logs). */
  onPoll?: (info: { status: number; items: number; notModified: boolean }) => void;
  /**
   * Called when a feed has been read and parsed, before its first item, with the number of
   * items this poll will yield (one an item not seen before, one for the items past the limit):
   * the progress total counted the feed as one.
   */
  onItems?: (items: number) => void;
}

type Rec = Record<string, unknown>;

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object') {
    const o = v as Rec;
    return textOf(o['#text'] ?? o.name ?? o['@_href'] ?? o.href);
  }
  return undefined;
}

function linkOf(item: Rec): string | undefined {
  const links = asArray(item.link);
  for (const l of links) {
    if (typeof l === 'string' && l.trim()) return l.trim();
    if (l && typeof l === 'object') {
      const o = l as Rec;
      const rel = o['@_rel'];
      if (!rel || rel === 'alternate') {
        const href = textOf(o['@_href'] ?? o.href);
        if (href) return href;
      }
    }
  }
  const guid = textOf(item.guid);
  return guid && /^https?:\/\//.test(guid) ? guid : undefined;
}

export interface FeedItem {
  id: string;
  link?: string;
  meta: ArticleMeta;
  /** Content as HTML (content:encoded, content) or the description. */
  content?: string;
  summary?: string;
}

export interface ParsedFeed {
  title?: string;
  items: FeedItem[];
  /** Items past `maxItems`, not read (their ids/links, for the quarantine entry). */
  dropped?: { count: number; ids: string[] };
}

function itemId(item: Rec, link: string | undefined, title: string | undefined): string {
  return textOf(item.guid ?? item.id) ?? link ?? title ?? JSON.stringify(item).slice(0, 200);
}

/** Parses a feed; with `maxItems`, only the first `maxItems` items are read (in document order). */
export function parseFeed(xml: string, opts: { maxItems?: number } = {}): ParsedFeed {
  let data: Rec;
  try {
    data = extractFromXml(xml, { normalization: false, descriptionMaxLen: 0 }) as Rec;
  } catch (err) {
    // feed-extractor throws on a well-formed feed that has no items yet (a TypeError for
    // RSS, "Unrecognized feed format" for Atom): an empty feed is not an unreadable one.
    if (/<(?:rss|feed|rdf:RDF)[\s>]/i.test(xml) && !/<(?:item|entry)[\s>]/i.test(xml)) return { items: [] };
    throw err;
  }
  const channel = (data.channel as Rec | undefined) ?? data;
  // (RDF keeps items beside the channel; when there is no channel object, `channel` is `data`
  // and its items must not be counted twice.)
  const raw = [
    ...asArray(channel.item),
    ...asArray(channel.entry),
    ...(channel === data ? [] : asArray(data.item)),
  ];
  const items: FeedItem[] = [];
  const max = opts.maxItems ?? Number.POSITIVE_INFINITY;
  let dropped: ParsedFeed['dropped'];
  for (const it of raw) {
    if (!it || typeof it !== 'object') continue;
    const item = it as Rec;
    const link = linkOf(item);
    const title = textOf(item.title);
    if (items.length >= max) {
      dropped ??= { count: 0, ids: [] };
      dropped.count++;
      // Enough to find them again; the entry's raw text is capped anyway.
      if (dropped.ids.length < 1000) dropped.ids.push(itemId(item, link, title));
      continue;
    }
    const published = textOf(item.pubDate ?? item.published ?? item['dc:date'] ?? item.updated);
    const author = textOf(item['dc:creator'] ?? item.author ?? item.creator);
    const content = textOf(item['content:encoded'] ?? item.content);
    const summary = textOf(item.description ?? item.summary);
    const id = itemId(item, link, title);
    const meta: ArticleMeta = {
      ...(link ? { url: link } : {}),
      ...(title ? { title: htmlToText(title) } : {}),
      ...(published ? { published } : {}),
      ...(author ? { byline: author } : {}),
      ...(!link ? { key: id } : {}),
    };
    items.push({
      id,
      meta,
      ...(link ? { link } : {}),
      ...(content ? { content } : {}),
      ...(summary ? { summary } : {}),
    });
  }
  const title = textOf(channel.title);
  return { items, ...(title ? { title } : {}), ...(dropped ? { dropped } : {}) };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

async function* itemArticles(
  feed: ParsedFeed,
  opts: FeedSourceOptions,
  seen: Set<string>,
): AsyncGenerator<IngestItem> {
  const min = opts.fullTextMin ?? 400;
  const limits = withLimits(opts.limits);
  if (feed.dropped) {
    const { count, ids } = feed.dropped;
    yield reject(
      opts.location,
      'ingest/feed-too-many-items',
      `${opts.location}: the feed lists ${feed.items.length + count} items; the first ${feed.items.length} were read and ${count} were not (limit ${limits.maxFeedItems} items a poll: raise it with --max-feed-items, or split the feed)`,
      ids.join('\n'),
    );
  }
  // Failed fetches in a row by host: a feed whose links all point at a dead or hostile host
  // must not cost one timeout per item.
  const failing = new Map<string, { n: number; last: string }>();
  for (const item of feed.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const where = `${opts.location}#${item.id}`;
    const meta: ArticleMeta = {
      ...item.meta,
      ...(feed.title && !item.meta.outlet ? { outlet: feed.title } : {}),
    };
    const body = item.content ?? item.summary;
    const bodyText = body ? htmlToText(body) : '';
    if (bodyText.length >= min || !item.link || opts.offline) {
      if (!body) {
        yield reject(
          where,
          'ingest/no-text',
          item.link
            ? `${where}: feed item has no content, and its link ${item.link.slice(0, 200)} was not fetched (offline): ingest the link (POST {"url": …}) or the feed with \`khabar ingest\``
            : `${where}: feed item has no content and no link`,
          JSON.stringify(item),
        );
        continue;
      }
      const built = buildArticle(
        { source: where, format: 'feed', text: bodyText, meta, encoding: 'utf-8', raw: body },
        opts,
      );
      if (built.kind === 'article' && bodyText.length < min) {
        const size = `${bodyText.length} characters, under ${min}`;
        built.article = {
          ...built.article,
          warnings: [
            ...built.article.warnings,
            item.link
              ? // Offline: what `khabar ingest` would have fetched is left to the caller.
                {
                  ruleId: 'feed/link-not-fetched',
                  severity: 'info',
                  reason: `The feed item's own text (${size}) was stored; its link ${item.link.slice(0, 200)} was not fetched. For the full article, ingest the link (POST {"url": …}) or the feed with \`khabar ingest\`.`,
                }
              : // Nothing more to fetch: what is stored may be only a teaser.
                {
                  ruleId: 'feed/no-link',
                  severity: 'warning',
                  reason: `${where}: the feed item's own text (${size}) was stored; the item has no link to read the full article from.`,
                },
          ],
        };
      }
      yield built;
      continue;
    }
    const host = hostOf(item.link);
    const down = failing.get(host);
    const link = withoutTracking(item.link);
    if (down && down.n >= limits.maxHostFailures) {
      yield teaser(
        { item, link, body, bodyText, meta },
        'ingest/host-failing',
        `${item.link}: not fetched — the last ${down.n} fetches to ${host} for this feed failed (last: ${down.last}) (feed item of ${opts.location})`,
        opts,
      );
      continue;
    }
    const page = await fetchBytes(item.link, {
      ...(opts.limits ? { limits: opts.limits } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (!page.ok) {
      failing.set(host, { n: (down?.n ?? 0) + 1, last: page.reason });
      yield teaser(
        { item, link, body, bodyText, meta },
        page.ruleId,
        `${page.reason} (feed item of ${opts.location})`,
        opts,
      );
      continue;
    }
    failing.delete(host);
    const built = buildArticle(
      { source: page.url, format: 'feed', bytes: page.bytes, html: true, meta: { ...meta, url: item.link } },
      opts,
    );
    // the item's link: a teaser stored from it before is replaced by this page (runner, Store.place)
    if (built.kind === 'article')
      built.article = { ...built.article, provenance: { ...built.article.provenance, link } };
    yield built;
  }
}

/**
 * A feed item whose link could not be fetched (`ruleId`, `reason`): its teaser — the item's title
 * and its own text — stored as a partial article (`partial: 'teaser'`) under the link, the
 * failure its warning, so the story is in the archive until a later ingest reads the page
 * (which replaces it: the runner's `Store.place` by the link). An item with no text of its own,
 * or whose text is refused (too short to tell its language …), is quarantined with both reasons.
 */
function teaser(
  t: { item: FeedItem; link: string; body: string | undefined; bodyText: string; meta: ArticleMeta },
  ruleId: string,
  reason: string,
  opts: FeedSourceOptions,
): IngestItem {
  const raw = JSON.stringify(t.item);
  if (!t.body || !/[\p{L}\p{N}]/u.test(t.bodyText))
    return reject(t.item.link!, ruleId, `${reason}; the item has no text of its own to store meanwhile`, raw);
  const built = buildArticle(
    { source: t.link, format: 'feed', text: t.bodyText, meta: t.meta, encoding: 'utf-8', raw: t.body },
    opts,
  );
  if (built.kind === 'rejected')
    return reject(
      t.item.link!,
      ruleId,
      `${reason}; its own text was not stored either: ${built.entry.reason}`,
      raw,
    );
  if (built.kind !== 'article') return built;
  const a = built.article;
  built.article = {
    ...a,
    partial: 'teaser',
    provenance: { ...a.provenance, link: t.link },
    warnings: [
      ...a.warnings,
      {
        ruleId: 'feed/teaser-only',
        severity: 'warning',
        reason: `${reason}: the item's teaser (its title and ${t.bodyText.length} characters of its own text) was stored, marked partial; an ingest of the feed that reads the page replaces it.`,
      },
    ],
  };
  return built;
}

function isUrl(s: string): boolean {
  return /^https?:\/\//i.test(s);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export async function* feedSource(opts: FeedSourceOptions): AsyncGenerator<IngestItem> {
  const seen = new Set<string>();
  let etag = opts.bytes ? opts.etag : undefined;
  let lastModified = opts.bytes ? opts.lastModified : undefined;
  let bytes = opts.bytes;
  for (;;) {
    if (opts.signal?.aborted) return;
    if (!bytes) {
      if (isUrl(opts.location)) {
        const r = await fetchBytes(opts.location, {
          accept:
            'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
          ...(opts.limits ? { limits: opts.limits } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
          ...(etag ? { etag } : {}),
          ...(lastModified ? { lastModified } : {}),
        });
        if (!r.ok) {
          if (!opts.signal?.aborted) yield reject(opts.location, r.ruleId, r.reason);
          opts.onPoll?.({ status: r.status ?? 0, items: 0, notModified: false });
        } else {
          etag = r.etag ?? etag;
          lastModified = r.lastModified ?? lastModified;
          if (r.notModified) {
            yield { kind: 'skipped', source: opts.location, reason: 'feed not modified (HTTP 304)' };
            opts.onPoll?.({ status: 304, items: 0, notModified: true });
          } else bytes = r.bytes;
        }
      } else {
        try {
          bytes = new Uint8Array(await readFile(opts.location));
        } catch (err) {
          yield reject(opts.location, 'ingest/unreadable', `${opts.location}: ${(err as Error).message}`);
          return;
        }
      }
    }
    if (bytes) {
      const d = decode(bytes, opts.location);
      let feed: ParsedFeed | undefined;
      try {
        feed = parseFeed(d.text, { maxItems: withLimits(opts.limits).maxFeedItems });
      } catch (err) {
        yield reject(
          opts.location,
          'ingest/bad-feed',
          `${opts.location}: not a feed (${(err as Error).message})`,
          bytes,
        );
      }
      if (feed) {
        if (opts.onItems) {
          const fresh = new Set(feed.items.map((item) => item.id).filter((id) => !seen.has(id)));
          opts.onItems(fresh.size + (feed.dropped ? 1 : 0));
        }
        let n = 0;
        for await (const item of itemArticles(feed, opts, seen)) {
          n++;
          yield item;
        }
        opts.onPoll?.({ status: 200, items: n, notModified: false });
      }
      bytes = undefined;
    }
    if (!opts.follow || !isUrl(opts.location)) return;
    if (seen.size > 50_000) seen.clear();
    await sleep(opts.intervalMs ?? 300_000, opts.signal);
  }
}
