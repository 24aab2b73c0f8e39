/**
 * Build an `Article` from plain text (a file, stdin, a test): the id is a hash of the
 * folded text, so the same article read from UTF-8 or windows-1256 gets the same id.
 * Dateline, outlet and byline come from the brief when it found them.
 */
import { createHash } from 'node:crypto';
import type { Article, Brief, Message, Provenance } from '../model.ts';
import { foldText } from './fold.ts';

export interface ArticleFromTextOptions {
  text: string;
  /** Path, URL or `-`. */
  source: string;
  format?: Provenance['format'];
  encoding?: string;
  /** ISO 639-1; defaults to `ar`. */
  language?: string;
  /** The brief parsed from `text`, to take dateline, outlet and byline from. */
  brief?: Brief;
  warnings?: Message[];
  /** ISO time of ingest; defaults to now. */
  ingestedAt?: string;
  title?: string;
  /** ISO 8601. */
  published?: string;
  url?: string;
  /** The outlet and byline a page gave, used when the brief found none in the text. */
  outlet?: string;
  byline?: string;
}

export function textId(text: string): string {
  const key = foldText(text).replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function articleFromText(o: ArticleFromTextOptions): Article {
  const b = o.brief;
  const outlet = b?.source ?? o.outlet;
  const byline = b?.byline?.text ?? o.byline;
  return {
    id: textId(o.text),
    ...(o.url !== undefined ? { url: o.url } : {}),
    ...(o.title !== undefined ? { title: o.title } : {}),
    ...(o.published !== undefined ? { published: o.published } : {}),
    ...(outlet !== undefined ? { outlet } : {}),
    ...(b?.dateline ? { dateline: b.dateline.text } : {}),
    ...(byline !== undefined ? { byline } : {}),
    language: o.language ?? 'ar',
    text: o.text,
    provenance: {
      source: o.source,
      format: o.format ?? 'text',
      ingestedAt: o.ingestedAt ?? new Date().toISOString(),
      ...(o.encoding !== undefined ? { encoding: o.encoding } : {}),
    },
    warnings: o.warnings ?? [],
  };
}
