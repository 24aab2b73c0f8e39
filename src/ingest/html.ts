/**
 * Main-text extraction from an HTML page: @mozilla/readability over linkedom. Returns
 * the title, byline, published time (meta tags, JSON-LD, <time>), canonical URL, outlet
 * (og:site_name) and the body as plain text with one blank line between paragraphs.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { removeDateSpans, removeRelatedLists, withoutBoilerplate, withoutSiteSuffix } from './boilerplate.ts';
import { dateOnlyLine } from './text-date.ts';

export interface HtmlExtract {
  title?: string;
  byline?: string;
  published?: string;
  canonical?: string;
  siteName?: string;
  lang?: string;
  text: string;
}

type Doc = ReturnType<typeof parseHTML>['document'];

function meta(doc: Doc, names: readonly string[]): string | undefined {
  for (const n of names) {
    const el =
      doc.querySelector(`meta[property="${n}"]`) ??
      doc.querySelector(`meta[name="${n}"]`) ??
      doc.querySelector(`meta[itemprop="${n}"]`);
    const v = el?.getAttribute('content')?.trim();
    if (v) return v;
  }
  return undefined;
}

interface JsonLdFacts {
  published?: string;
  author?: string;
  headline?: string;
}

function jsonLd(doc: Doc): JsonLdFacts {
  const out: JsonLdFacts = {};
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(s.textContent ?? '');
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const o = node as Record<string, unknown>;
        if (typeof o.datePublished === 'string' && !out.published) out.published = o.datePublished;
        if (typeof o.headline === 'string' && !out.headline) out.headline = o.headline;
        const a = Array.isArray(o.author) ? o.author[0] : o.author;
        if (!out.author) {
          if (typeof a === 'string') out.author = a;
          else if (a && typeof a === 'object' && typeof (a as { name?: unknown }).name === 'string')
            out.author = (a as { name: string }).name;
        }
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  }
  return out;
}

const BLOCK_END =
  /<\/(?:p|div|h[1-6]|li|blockquote|pre|tr|section|article|header|footer|figure|figcaption|ul|ol|table)>|<br\s*\/?>/gi;
/** The opening tag of a block: inline text before it («<time>…</time><p>عمّان - …») is a block of its own. */
const BLOCK_START =
  /<(?:p|div|h[1-6]|li|blockquote|pre|tr|section|article|header|footer|figure|ul|ol|table)(?=[\s>])/gi;

/**
 * Plain text of an HTML fragment, one blank line between blocks. With `story`, the fragment is a
 * story (a feed item's content:encoded or description) and loses the furniture a page's main text
 * loses (boilerplate.ts: «اقرأ أيضا» and its list, share rows, tags, copyright lines).
 */
export function htmlToText(fragment: string, opts: { story?: boolean } = {}): string {
  const marked = fragment.replace(BLOCK_END, (m) => `${m}\u2029`).replace(BLOCK_START, (m) => `\u2029${m}`);
  const { document } = parseHTML(`<!doctype html><html><body>${marked}</body></html>`);
  for (const el of document.querySelectorAll('script,style,noscript')) el.remove();
  const body = document.body as unknown as Parameters<typeof removeRelatedLists>[0] | null;
  if (opts.story && body) removeRelatedLists(body, fragment);
  const text = blocks(document.body?.textContent ?? '');
  return opts.story ? withoutBoilerplate(text) : text;
}

function blocks(raw: string): string {
  return raw
    .split('\u2029')
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}

function clean(s: string | null | undefined): string | undefined {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : undefined;
}

/** Words of a title or heading, Arabic included (marks and tatweel dropped). */
function titleWords(s: string): string[] {
  return s
    .normalize('NFC')
    .replace(/[\p{M}\u0640]/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * The page's headline at the top of its text, taken away. Readability drops an <h1>/<h2> that
 * repeats the title, but it finds words with /\W+/, which sees none in Arabic: an Arabic
 * page's headline stayed the text's first paragraph — the brief's lead, the first words of
 * its search snippet, evidence for its events. Readability's measure with Arabic words: the
 * heading is the title when under a quarter of its text is words the title lacks («العنوان |
 * اسم الموقع» still matches); a heading of one or two words must be the whole title.
 */
export function withoutHeadline(text: string, titles: ReadonlyArray<string | undefined>): string {
  const cut = text.indexOf('\n\n');
  if (cut < 0 || cut > 300) return text;
  const heading = titleWords(text.slice(0, cut));
  if (!heading.length) return text;
  for (const t of titles) {
    const title = titleWords(t ?? '');
    if (!title.length || heading.length < Math.min(3, title.length)) continue;
    const known = new Set(title);
    const extra = heading.filter((w) => !known.has(w)).join(' ').length;
    if (extra / heading.join(' ').length < 0.25) return text.slice(cut + 2);
  }
  return text;
}

/**
 * The whole headline, when the page's first paragraph says all its title says and more: a
 * <title> is often the headline cut short or with the site's name after it («وزير الخارجية
 * الأردني يلتقي نظيره العماني - صحيفة …» over the <h1> «… نظيره العماني في مسقط»). Then the
 * paragraph is the title and leaves the text (`withoutHeadline` may have taken it already);
 * else the title and the text stay as they are.
 */
export function fullerHeadline(
  body: string,
  text: string,
  title: string | undefined,
): { text: string; title?: string } {
  const keep = { text, ...(title ? { title } : {}) };
  if (!title) return keep;
  const cut = body.indexOf('\n\n');
  if (cut < 0 || cut > 300) return keep;
  const heading = body.slice(0, cut).trim();
  const words = titleWords(heading);
  const have = new Set(words);
  // The title, and the title without what follows its last « - » or « | » (the site's name).
  const parts = title.split(/\s[|\-–—]\s/u);
  for (const form of parts.length > 1 ? [title, parts.slice(0, -1).join(' ')] : [title]) {
    const titled = titleWords(form);
    // A headline, not a lead sentence that holds the title's words: no full stop, at most twice as long.
    const headline = !/[.!?؟]$/u.test(heading) && words.length <= 2 * titled.length;
    if (headline && titled.length >= 3 && words.length > titled.length && titled.every((w) => have.has(w)))
      return { text: body.slice(cut + 2), title: heading };
  }
  return keep;
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return undefined;
  }
}

export function extractHtml(html: string, opts: { url?: string } = {}): HtmlExtract {
  const { document } = parseHTML(html);
  const canonicalHref =
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, ['og:url']);
  let canonical: string | undefined;
  if (canonicalHref) {
    try {
      canonical = new URL(canonicalHref, opts.url).href;
    } catch {
      canonical = undefined;
    }
  }
  const ld = jsonLd(document);
  const published =
    meta(document, [
      'article:published_time',
      'og:article:published_time',
      'datePublished',
      'pubdate',
      'publishdate',
      'date',
      'DC.date.issued',
      'dc.date',
    ]) ??
    ld.published ??
    document.querySelector('time[datetime]')?.getAttribute('datetime') ??
    undefined;
  const metaAuthor = meta(document, ['author', 'article:author', 'byl']);
  const siteName = meta(document, ['og:site_name', 'application-name']);
  const lang = clean(document.documentElement?.getAttribute('lang'));
  const sites = [siteName, hostName(opts.url), hostName(canonical)];
  const untitled = (t: string | undefined) => (t === undefined ? t : withoutSiteSuffix(t, sites));
  const docTitle = untitled(clean(document.title));
  const metaTitle = untitled(meta(document, ['og:title']) ?? ld.headline) ?? docTitle;
  // The page's furniture that Readability keeps: date spans, «اقرأ أيضا» and its list.
  const pageBody = document.body as unknown as Parameters<typeof removeDateSpans>[0] | null;
  const dateSpans = pageBody ? removeDateSpans(pageBody, html) : [];
  if (pageBody) removeRelatedLists(pageBody, html);
  // Readability mutates the document: read everything else first.
  const parsed = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  const pageTitle = untitled(clean(parsed?.title)) ?? metaTitle;
  const body = withoutBoilerplate(
    parsed?.content ? htmlToText(parsed.content) : htmlToText(document.body?.innerHTML ?? ''),
  );
  const { text, title } = fullerHeadline(
    body,
    withoutHeadline(body, [pageTitle, metaTitle, docTitle]),
    pageTitle,
  );
  const byline = clean(ld.author) ?? clean(metaAuthor) ?? clean(parsed?.byline);
  const publishedTime =
    clean(published) ??
    clean(parsed?.publishedTime) ??
    dateSpans.map((t) => dateOnlyLine(t)).find((d) => d !== undefined);
  return {
    text,
    ...(title ? { title } : {}),
    ...(byline ? { byline } : {}),
    ...(publishedTime ? { published: publishedTime } : {}),
    ...(canonical ? { canonical } : {}),
    ...(clean(siteName ?? parsed?.siteName) ? { siteName: clean(siteName ?? parsed?.siteName)! } : {}),
    ...(lang ? { lang } : {}),
  };
}

/**
 * Why a page's main text (extractHtml's `text`) is not an article body, or undefined when it
 * may be one: under 5 words, or under 20 with no sentence end (. ! ? ؟ …) — what is left of a
 * page without an article is its menu, its title or its footer («الرئيسية», «الرئيسية أخبار
 * رياضة اتصل بنا»), which was stored as an article.
 */
export function noArticleBody(text: string): string | undefined {
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words >= 20 || (words >= 5 && /[.!?؟…]/u.test(text))) return undefined;
  const shown = text.length > 120 ? `${text.slice(0, 120)}…` : text;
  return `the page has no article body: its main text is «${shown.replace(/\s+/gu, ' ')}» (${words} word${words === 1 ? '' : 's'}${words >= 5 ? ', no sentence' : ''}) — a menu, a title or a footer, not an article`;
}

/** Deeper nesting than this is refused before parsing (real pages stay far below it). */
export const MAX_HTML_DEPTH = 1000;

const VOID_OR_AUTOCLOSED = new Set(
  'area base br col embed hr img input link meta param source track wbr p li option tr td th dt dd'.split(
    ' ',
  ),
);
const TAG = /<(\/?)([A-Za-z][\w-]*)[^<>]*>/g;

/**
 * The deepest element nesting of an HTML text, by a linear scan of its tags (void and
 * auto-closed elements do not nest). Parsing and main-text extraction are superlinear on
 * pathological nesting (100,000 nested <div>s kept a process busy for minutes), so
 * callers check this first and refuse such input.
 */
export function htmlDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (VOID_OR_AUTOCLOSED.has(name) || m[0].endsWith('/>')) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > max) max = depth;
  }
  return max;
}
