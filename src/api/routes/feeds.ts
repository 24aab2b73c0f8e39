/** Feeds of briefs: Atom 1.0 and JSON Feed 1.1, optionally filtered by a search query. */
import type { Context, Hono } from 'hono';
import type { Brief, ProcessedArticle } from '../../model.ts';
import type { Store } from '../../store/store.ts';
import { feedQuery } from '../schemas.ts';
import { parseQuery } from '../validate.ts';

export function escapeXml(s: string): string {
  return s.replace(
    /[<>&"']/g,
    (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[ch]};`,
  );
}

/** XML 1.0 forbids most control characters even when escaped. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

/** The brief as HTML: every piece of text escaped, no markup from the article survives. */
export function briefHtml(brief: Brief): string {
  const e = (s: string) => escapeXml(clean(s.trim()));
  const parts: string[] = [];
  for (const b of brief.lead) parts.push(`<p>${e(b.text)}</p>`);
  for (const s of brief.sections) {
    parts.push(`<h3>${e(s.label)}</h3>`);
    for (const p of s.paragraphs) parts.push(`<p>${e(p.text)}</p>`);
    if (s.items.length) parts.push(`<ul>${s.items.map((i) => `<li>${e(i.text)}</li>`).join('')}</ul>`);
  }
  for (const b of brief.body) parts.push(`<p>${e(b.text)}</p>`);
  if (brief.byline) parts.push(`<p>${e(brief.byline.text)}</p>`);
  return parts.join('\n');
}

export function briefText(brief: Brief): string {
  const parts: string[] = [];
  for (const b of brief.lead) parts.push(b.text.trim());
  for (const s of brief.sections) {
    parts.push(`${s.label}:`);
    for (const p of s.paragraphs) parts.push(p.text.trim());
    for (const i of s.items) parts.push(`• ${i.text.trim()}`);
  }
  for (const b of brief.body) parts.push(b.text.trim());
  return clean(parts.join('\n\n'));
}

export function titleOf(doc: ProcessedArticle): string {
  if (doc.article.title) return doc.article.title;
  const first = (doc.brief.lead[0] ?? doc.brief.body[0])?.text ?? doc.article.text;
  const t = first.trim().split(/\s+/).slice(0, 14).join(' ');
  return t.length < first.trim().length ? `${t}…` : t;
}

/** An article's date in a feed: its publication date, else (none, or one no clock reads) when it was ingested. */
function dateOf(doc: ProcessedArticle): string {
  const p = doc.article.published;
  const published = p ? new Date(p.length === 10 ? `${p}T00:00:00Z` : p) : undefined;
  if (published && !Number.isNaN(published.getTime())) return published.toISOString();
  const ingested = new Date(doc.article.provenance.ingestedAt);
  return Number.isNaN(ingested.getTime()) ? new Date(0).toISOString() : ingested.toISOString();
}

/**
 * The feed's `<updated>`: its newest entry's date; with no entry (nothing matches), the
 * archive's newest article's — a feed of no briefs was dated 1970-01-01 —, else (an empty
 * archive) now.
 */
async function feedUpdated(store: Store, docs: readonly ProcessedArticle[]): Promise<string> {
  const newest = docs.map(dateOf).sort().at(-1);
  if (newest) return newest;
  const [latest] = (await store.list({ limit: 1 })).items;
  const doc = latest ? await store.get(latest.id) : undefined;
  return doc ? dateOf(doc) : new Date().toISOString();
}

async function briefs(store: Store, q: string, limit: number): Promise<ProcessedArticle[]> {
  const ids = q.trim()
    ? (await store.search({ q, sort: 'date', facets: false, limit })).hits.map((h) => h.id)
    : (await store.list({ limit })).items.map((i) => i.id);
  const docs = await Promise.all(ids.map((id) => store.get(id)));
  return docs.filter((d): d is ProcessedArticle => d !== undefined);
}

function origin(c: Context): string {
  return new URL(c.req.url).origin;
}

/** The URL that asked for this feed, query string and all, percent-encoded (its `self`). */
function selfUrl(c: Context): string {
  const u = new URL(c.req.url);
  return `${u.origin}${u.pathname}${u.search}`;
}

export function feedRoutes(app: Hono, store: Store): void {
  app.get('/api/feeds/briefs.atom', async (c) => {
    const q = parseQuery(c, feedQuery);
    const docs = await briefs(store, q.q, q.limit);
    const base = origin(c);
    const self = selfUrl(c);
    const updated = await feedUpdated(store, docs);
    const entries = docs.map((d) => {
      const link = `${base}/#/article/${encodeURIComponent(d.article.id)}`;
      return [
        '<entry>',
        `<id>urn:khabar:article:${escapeXml(d.article.id)}</id>`,
        `<title>${escapeXml(clean(titleOf(d)))}</title>`,
        `<updated>${dateOf(d)}</updated>`,
        `<link rel="alternate" type="text/html" href="${escapeXml(link)}"/>`,
        d.article.byline ? `<author><name>${escapeXml(clean(d.article.byline))}</name></author>` : '',
        `<content type="html">${escapeXml(briefHtml(d.brief))}</content>`,
        '</entry>',
      ].join('');
    });
    const xml = [
      '<?xml version="1.0" encoding="utf-8"?>',
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">',
      `<id>urn:khabar:briefs${q.q ? `:${escapeXml(encodeURIComponent(q.q))}` : ''}</id>`,
      `<title>${escapeXml(q.q ? `خبر — موجزات: ${q.q}` : 'خبر — موجزات')}</title>`,
      `<updated>${updated}</updated>`,
      `<link rel="self" href="${escapeXml(self)}"/>`,
      '<author><name>khabar</name></author>',
      ...entries,
      '</feed>',
    ].join('\n');
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  });

  app.get('/api/feeds/briefs.json', async (c) => {
    const q = parseQuery(c, feedQuery);
    const docs = await briefs(store, q.q, q.limit);
    const base = origin(c);
    const feed = {
      version: 'https://jsonfeed.org/version/1.1',
      title: q.q ? `خبر — موجزات: ${q.q}` : 'خبر — موجزات',
      home_page_url: `${base}/`,
      feed_url: selfUrl(c),
      language: 'ar',
      items: docs.map((d) => ({
        id: d.article.id,
        url: `${base}/#/article/${encodeURIComponent(d.article.id)}`,
        ...(d.article.url && /^https?:/i.test(d.article.url) ? { external_url: d.article.url } : {}),
        title: titleOf(d),
        content_html: briefHtml(d.brief),
        content_text: briefText(d.brief),
        date_published: dateOf(d),
        ...(d.article.byline ? { authors: [{ name: d.article.byline }] } : {}),
        language: d.article.language,
      })),
    };
    return c.body(JSON.stringify(feed), 200, { 'Content-Type': 'application/feed+json; charset=utf-8' });
  });
}
