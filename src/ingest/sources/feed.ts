/**
 * RSS / Atom / RDF feeds from a file or a URL (@extractus/feed-extractor with
 * `normalization: false`, so authors and full content survive). An item whose content
 * is short (a teaser) has its link fetched and the page's main text extracted. With
 * `follow`, the feed is polled every `intervalMs` with conditional GET (ETag /
 * Last-Modified) until `signal` aborts; items already seen are not yielded again.
 */
import { readFile } from 'node:fs/promises';
import { extractFromXml } from '@extractus/feed-extractor';
import type { FetchRetries, PendingFetch } from '../../store/store.ts';
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
  /**
   * Where the items waiting for their page are kept (the archive's `Store.fetchRetries`): with
   * `follow`, an item whose fetch failed is written there until its page is read or it is given
   * up; and the items kept there for this feed by an earlier run are tried again — at the poll
   * they are due with `follow`, at once without. Without it they wait in this process only.
   */
  retries?: FetchRetries;
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
  poll: Poll,
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
  for (const item of feed.items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const where = `${opts.location}#${item.id}`;
    const meta: ArticleMeta = {
      ...item.meta,
      ...(feed.title && !item.meta.outlet ? { outlet: feed.title } : {}),
    };
    const body = item.content ?? item.summary;
    // the item's own story, without the furniture a fetched page loses (share rows, «اقرأ أيضا» …)
    const bodyText = body ? htmlToText(body, { story: true }) : '';
    if (bodyText.length >= min || !item.link || opts.offline) {
      if (!body) {
        yield reject(
          where,
          'ingest/no-text',
          item.link
            ? `${where}: feed item has no content, and its link ${item.link.slice(0, 200)} was not fetched (offline): ingest the link (POST {"url": …}) or the feed with \`khabar ingest\``
            : `${where}: feed item${item.meta.title ? ` «${item.meta.title.slice(0, 120)}»` : ''} has no content and no link — nothing to read (its title alone is no article); the feed must give the item's text (<description>, <content:encoded>) or a <link> to its page, then read the feed again`,
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
    yield* fromLink({ t: teaserOf(item, meta, body, bodyText), fetches: 0, firstPoll: poll.n }, opts, poll);
  }
}

/** A feed item to be read from its link, and how often that was tried. */
interface LinkWork {
  t: Teaser;
  /** Fetches of the link that failed so far. */
  fetches: number;
  /** The poll of the first try. */
  firstPoll: number;
  /** ISO time of the first failed fetch. */
  firstAt?: string;
  /** Its first fetch was an earlier run's (read back from `retries`). */
  earlier?: boolean;
}

/** Items whose link fetch failed under `follow`, waiting for the poll they are tried again at. */
interface Pending extends LinkWork {
  due: number;
}

/**
 * One poll's state: its number (0 first), the failed fetches in a row by host — a feed whose
 * links all point at a dead or hostile host must not cost one timeout per item —, and, for a feed
 * URL, the items to try again (by item id): with `follow` those whose fetch failed, and those an
 * earlier run left waiting (`FeedSourceOptions.retries`).
 */
interface Poll {
  n: number;
  failing: Map<string, { n: number; last: string }>;
  retries?: Map<string, Pending>;
}

/** Fetches a followed feed's item link at most this often; after 1, 2, 4, 8 polls (`retryAfter`). */
export const MAX_ITEM_FETCHES = 5;
/** Polls to wait after the `fetches`-th failed fetch: 1, 2, 4, 8. */
export const retryAfter = (fetches: number) => 2 ** (fetches - 1);

/**
 * A feed item read from its link: the page as the article; when the page is refused (no article
 * body, not Arabic …), the item's teaser kept partial (`ingest/not-a-page`); when the fetch
 * fails, with `follow` the item is tried again after 1, 2, 4 and 8 polls, and after the last
 * fetch (or at once, without `follow`) its teaser is kept partial — or quarantined when it has
 * no text, or under 5 words, of its own.
 */
async function* fromLink(w: LinkWork, opts: FeedSourceOptions, poll: Poll): AsyncGenerator<IngestItem> {
  const { t } = w;
  const link = t.item.link!;
  const limits = withLimits(opts.limits);
  const host = hostOf(link);
  const down = poll.failing.get(host);
  let failed: { ruleId: string; reason: string } | undefined;
  let page: Awaited<ReturnType<typeof fetchBytes>> | undefined;
  if (down && down.n >= limits.maxHostFailures)
    failed = {
      ruleId: 'ingest/host-failing',
      reason: `${link}: not fetched — the last ${down.n} fetches to ${host} for this feed failed (last: ${down.last})`,
    };
  else {
    page = await fetchBytes(link, {
      ...(opts.limits ? { limits: opts.limits } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    if (!page.ok) {
      poll.failing.set(host, { n: (down?.n ?? 0) + 1, last: page.reason });
      failed = { ruleId: page.ruleId, reason: page.reason };
    }
  }
  if (failed || !page?.ok) {
    if (opts.signal?.aborted) return;
    const fetches = w.fetches + 1;
    const firstAt = w.firstAt ?? new Date().toISOString();
    if (opts.follow && poll.retries && fetches < MAX_ITEM_FETCHES) {
      poll.retries.set(t.item.id, { ...w, fetches, firstAt, due: poll.n + retryAfter(fetches) });
      // kept in the archive too: a restarted ingest tries it again
      await opts.retries?.save({
        feed: opts.location,
        item: t.item.id,
        link,
        fetches,
        firstAt,
        nextAt: new Date(Date.now() + retryAfter(fetches) * intervalOf(opts)).toISOString(),
        ruleId: failed!.ruleId,
        reason: failed!.reason,
        data: JSON.stringify({ item: t.item, meta: t.meta }),
      });
      return;
    }
    const tries =
      fetches <= 1
        ? ''
        : w.earlier
          ? `; tried ${fetches} times since ${firstAt}, then given up`
          : `; tried ${fetches} times over ${poll.n - w.firstPoll + 1} polls of the feed, then given up`;
    yield teaser(t, failed!.ruleId, `${failed!.reason} (feed item of ${opts.location})${tries}`, opts);
    await settled(w, opts);
    return;
  }
  poll.failing.delete(host);
  const built = buildArticle(
    { source: page.url, format: 'feed', bytes: page.bytes, html: true, meta: { ...t.meta, url: link } },
    opts,
  );
  if (built.kind === 'rejected') {
    // The page is there but is no article (a consent wall, a menu, another language): the
    // item's teaser stands for it, as for a page that could not be fetched.
    yield teaser(
      t,
      'ingest/not-a-page',
      `${link}: the page was read but is not the article (${built.entry.ruleId}: ${built.entry.reason}) (feed item of ${opts.location})`,
      opts,
    );
    await settled(w, opts);
    return;
  }
  // the item's link: a teaser stored from it before is replaced by this page (runner, Store.place)
  if (built.kind === 'article')
    built.article = { ...built.article, provenance: { ...built.article.provenance, link: t.link } };
  yield built;
  await settled(w, opts);
}

/**
 * An item that waited for its page is done with (its page read, its teaser kept or quarantined):
 * out of the archive's waiting list — once what it became was taken (yielded), so a run stopped
 * in between tries it again rather than losing it.
 */
async function settled(w: LinkWork, opts: FeedSourceOptions): Promise<void> {
  if (w.fetches > 0) await opts.retries?.drop(opts.location, w.t.item.id);
}

const intervalOf = (opts: FeedSourceOptions) => opts.intervalMs ?? 300_000;

/**
 * The items an earlier run left waiting for their page (`retries`), to be tried again: with
 * `follow` at the poll they are due by their time, else at once (this run's first poll). Their
 * ids are seen: the feed listing them still does not make them new items. One whose record
 * cannot be read is quarantined with its link and last failure.
 */
async function* savedRetries(
  opts: FeedSourceOptions,
  seen: Set<string>,
  retries: Map<string, Pending>,
): AsyncGenerator<IngestItem> {
  const saved: PendingFetch[] = opts.retries ? await opts.retries.list(opts.location) : [];
  for (const p of saved) {
    seen.add(p.item);
    let t: Teaser;
    try {
      const { item, meta } = JSON.parse(p.data) as { item: FeedItem; meta: ArticleMeta };
      const body = item.content ?? item.summary;
      t = teaserOf(item, meta, body, body ? htmlToText(body, { story: true }) : '');
    } catch (err) {
      yield reject(
        p.link,
        p.ruleId,
        `${p.reason} (feed item of ${opts.location}; tried ${p.fetches} times since ${p.firstAt}: its waiting record is unreadable, ${(err as Error).message})`,
        p.data,
      );
      await opts.retries?.drop(opts.location, p.item);
      continue;
    }
    const wait = opts.follow ? Math.ceil((Date.parse(p.nextAt) - Date.now()) / intervalOf(opts)) : 0;
    retries.set(p.item, {
      t,
      fetches: p.fetches,
      firstPoll: 0,
      firstAt: p.firstAt,
      earlier: true,
      due: Math.max(0, Number.isFinite(wait) ? wait : 0),
    });
  }
}

/** With `follow`: the items whose link is due to be fetched again at this poll. */
async function* dueRetries(opts: FeedSourceOptions, poll: Poll): AsyncGenerator<IngestItem> {
  if (!poll.retries) return;
  for (const [id, p] of [...poll.retries]) {
    if (opts.signal?.aborted) return;
    if (p.due > poll.n) continue;
    poll.retries.delete(id);
    yield* fromLink(p, opts, poll);
  }
}

interface Teaser {
  item: FeedItem;
  link: string;
  body: string | undefined;
  bodyText: string;
  meta: ArticleMeta;
}

/** An item with a link, to be read from it; its own text (`body`) the teaser meanwhile. */
function teaserOf(item: FeedItem, meta: ArticleMeta, body: string | undefined, bodyText: string): Teaser {
  return { item, link: withoutTracking(item.link!), body, bodyText, meta };
}

/** A teaser under this many words of its own is no article even while its page is missing. */
export const MIN_TEASER_WORDS = 5;

/**
 * A feed item whose link could not be fetched (`ruleId`, `reason`): its teaser — the item's title
 * and its own text — stored as a partial article (`partial: 'teaser'`) under the link, the
 * failure its warning, so the story is in the archive until a later ingest reads the page
 * (which replaces it: the runner's `Store.place` by the link). An item with no text of its own,
 * or whose text is refused (too short to tell its language …), is quarantined with both reasons.
 */
function teaser(t: Teaser, ruleId: string, reason: string, opts: FeedSourceOptions): IngestItem {
  const raw = JSON.stringify(t.item);
  if (!t.body || !/[\p{L}\p{N}]/u.test(t.bodyText))
    return reject(t.item.link!, ruleId, `${reason}; the item has no text of its own to store meanwhile`, raw);
  const words = t.bodyText.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words < MIN_TEASER_WORDS)
    return reject(
      t.item.link!,
      'ingest/teaser-too-short',
      `${reason}; the item's own text is ${words} word${words === 1 ? '' : 's'} («${t.bodyText.slice(0, 80)}»), under ${MIN_TEASER_WORDS}: no article to store meanwhile — ingest the feed again when the page answers`,
      raw,
    );
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
  // With `follow`, items whose link fetch failed are tried again at a later poll; so are those an
  // earlier run left waiting (`opts.retries`), with or without `follow`.
  const retries = isUrl(opts.location) ? new Map<string, Pending>() : undefined;
  if (retries) yield* savedRetries(opts, seen, retries);
  for (let n = 0; ; n++) {
    if (opts.signal?.aborted) return;
    const poll: Poll = { n, failing: new Map(), ...(retries ? { retries } : {}) };
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
        for await (const item of itemArticles(feed, opts, seen, poll)) {
          n++;
          yield item;
        }
        opts.onPoll?.({ status: 200, items: n, notModified: false });
      }
      bytes = undefined;
    }
    yield* dueRetries(opts, poll);
    if (!opts.follow || !isUrl(opts.location)) return;
    if (seen.size > 50_000) {
      seen.clear();
      // the items waiting for their page stay seen: listed again, they are no new items
      for (const id of retries?.keys() ?? []) seen.add(id);
    }
    await sleep(intervalOf(opts), opts.signal);
  }
}
