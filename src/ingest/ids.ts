/**
 * Stable article ids (DESIGN.md): a hash of outlet + url when the article has a url,
 * else of its match-normalized text, so the same input always gets the same id and
 * re-ingesting it changes nothing. 16 hex digits of SHA-256.
 */
import { createHash } from 'node:crypto';
import { dedupWords } from './dedup.ts';

function hex16(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

/**
 * Query parameters that only say how the reader came to the page (campaign tags, click ids of
 * ad and social networks, newsletter ids), never which page it is: `utm_*`, `at_*` (BBC's
 * at_medium, at_campaign …), fbclid, gclid …. Meaningful ones (`?id=123`, `?p=45`) are kept.
 */
const TRACKING =
  /^(?:utm_.*|at_.*|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|ocid|_ga|_gl|mkt_tok|__twitter_impression)$/iu;

function trackingKey(pair: string): boolean {
  const key = pair.split('=', 1)[0]!;
  try {
    return TRACKING.test(decodeURIComponent(key.replace(/\+/gu, ' ')));
  } catch {
    return TRACKING.test(key);
  }
}

/**
 * `url` without its tracking parameters (`TRACKING`), the others left as written, in their
 * order; the url as given when it has none (or is no url).
 */
export function withoutTracking(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const hash = url.indexOf('#', q);
  const query = url.slice(q + 1, hash < 0 ? undefined : hash);
  const pairs = query.split('&');
  const kept = pairs.filter((pair) => !trackingKey(pair));
  if (kept.length === pairs.length) return url;
  return `${url.slice(0, q)}${kept.length ? `?${kept.join('&')}` : ''}${hash < 0 ? '' : url.slice(hash)}`;
}

/**
 * A url made comparable: fragment and tracking parameters dropped, host lower-cased, default
 * port and trailing slash removed.
 */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(withoutTracking(url));
    u.hash = '';
    let s = u.href;
    if (s.endsWith('/') && u.pathname !== '/') s = s.slice(0, -1);
    return s;
  } catch {
    return url.trim();
  }
}

export function articleId(input: { outlet?: string; url?: string; key?: string; text: string }): string {
  const outlet = (input.outlet ?? '').trim().toLowerCase();
  if (input.url) return hex16(`url\u0000${outlet}\u0000${canonicalUrl(input.url)}`);
  if (input.key) return hex16(`key\u0000${outlet}\u0000${input.key}`);
  return hex16(`text\u0000${dedupWords(input.text).join(' ')}`);
}
