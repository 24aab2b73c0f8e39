/** analyze(article, brief): Analysis — entities, then events over them. Pure. */
import type { Analysis, Article, Brief } from '../model.ts';
import { findEntities } from './entities.ts';
import { extractEvents } from './events.ts';
import { outletCountry } from './events/outlets.ts';
import { DATE_FROM_TEXT } from '../ingest/text-date.ts';

export function analyze(article: Article, brief: Brief): Analysis {
  const ent = findEntities(article.text, { brief });
  const home = outletCountry(article.outlet, article.url);
  const ev = extractEvents({
    text: article.text,
    brief,
    mentions: ent.mentions,
    entities: ent.entities,
    ...(article.published ? { published: article.published } : {}),
    // a date the ingest read from the text marks the dates worked out from it
    ...(article.published && article.warnings.some((w) => w.ruleId === DATE_FROM_TEXT)
      ? { publishedFrom: 'text' as const }
      : {}),
    ...(home ? { home } : {}),
  });
  // A post is what this article says at its date (see `Post.asOf`).
  const asOf = (article.published ?? ev.published?.value)?.slice(0, 10);
  if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf))
    for (const e of ent.entities) if (e.post?.span) e.post.asOf = asOf;
  return {
    mentions: ent.mentions,
    entities: ent.entities,
    events: ev.events,
    dates: ev.dates,
    ...(ev.published ? { published: ev.published } : {}),
    messages: ent.messages,
  };
}
