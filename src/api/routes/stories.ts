/**
 * storiesRoutes(store): GET /api/stories (stories with more than one article; `?all=1` for
 * singletons too; `lang` is validated as on the other routes) and GET /api/stories/:id (the story and its outlet comparison; `:id` may
 * also be the id of an article in it). The clustering is recomputed when the archive's
 * article count changes.
 */
import { Hono } from 'hono';
import type { ProcessedArticle } from '../../model.ts';
import type { Store } from '../../store/store.ts';
import { type Story, clusterStories, compareOutlets } from '../../stories/index.ts';
import { problems } from '../problem.ts';
import { storiesQuery, storyQuery } from '../schemas.ts';
import { parseQuery } from '../validate.ts';

export function storiesRoutes(store: Store): Hono {
  const app = new Hono();
  let cached: { count: number; docs: ProcessedArticle[]; stories: Story[] } | undefined;
  const load = async () => {
    const { articles } = await store.stats();
    if (cached?.count !== articles) {
      const docs: ProcessedArticle[] = [];
      for await (const d of store.iterate()) docs.push(d);
      cached = { count: articles, docs, stories: clusterStories(docs) };
    }
    return cached;
  };
  app.get('/', async (c) => {
    const q = parseQuery(c, storiesQuery);
    const { docs, stories } = await load();
    const all = q.all === '1' || q.all === 'true';
    const items = all ? stories : stories.filter((s) => s.articles.length > 1);
    return c.json({ articles: docs.length, total: items.length, items });
  });
  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    parseQuery(c, storyQuery);
    const { docs, stories } = await load();
    const story = stories.find((s) => s.id === id || s.articles.includes(id));
    if (!story) throw problems.notFound('story', id);
    const byId = new Map(docs.map((d) => [d.article.id, d.article]));
    const articles = story.articles.map((aid) => {
      const a = byId.get(aid);
      return {
        id: aid,
        ...(a?.title ? { title: a.title } : {}),
        ...(a?.outlet ? { outlet: a.outlet } : {}),
        ...(a?.published ? { published: a.published } : {}),
      };
    });
    return c.json({ story, articles, comparison: compareOutlets(story, docs) });
  });
  return app;
}
