/** analyze(article, brief): Analysis — entities, then events over them. Pure. */
import type { Analysis, Article, Brief } from '../model.ts';
import { findEntities } from './entities.ts';
import { extractEvents } from './events.ts';
import { outletCountry } from './events/outlets.ts';

export function analyze(article: Article, brief: Brief): Analysis {
  const ent = findEntities(article.text, { brief });
  const home = outletCountry(article.outlet, article.url);
  const ev = extractEvents({
    text: article.text,
    brief,
    mentions: ent.mentions,
    entities: ent.entities,
    ...(article.published ? { published: article.published } : {}),
    ...(home ? { home } : {}),
  });
  return {
    mentions: ent.mentions,
    entities: ent.entities,
    events: ev.events,
    dates: ev.dates,
    ...(ev.published ? { published: ev.published } : {}),
    messages: ent.messages,
  };
}
