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

/** A url made comparable: fragment dropped, host lower-cased, default port and trailing slash removed. */
export function canonicalUrl(url: string): string {
  try {
    const u = new URL(url);
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
