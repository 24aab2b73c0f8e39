/**
 * createApp({ store, token?, webRoot? }): the one Hono app behind `khabar serve`.
 * The JSON API lives under /api; everything else is the built web app with an SPA
 * fallback. Routes are testable in-process with `app.request(...)`.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { askedLang } from '../i18n/api.ts';
import { metrics, PROMETHEUS_CONTENT_TYPE, querySeconds } from '../ops/metrics.ts';
import type { Store } from '../store/store.ts';
import { type CacheOptions, ResponseCache } from './cache.ts';
import { httpCache } from './http-cache.ts';
import { type IngestOptions, ingestBody, lazyDedup } from './ingest.ts';
import { openApiDocument } from './openapi.ts';
import { PROBLEM_CONTENT_TYPE, problems, toProblem } from './problem.ts';
import { feedRoutes } from './routes/feeds.ts';
import { readRoutes } from './routes/read.ts';
import { storiesRoutes } from './routes/stories.ts';
import { langOnlyQuery } from './schemas.ts';
import { serveWeb } from './static.ts';
import { parseQuery } from './validate.ts';

export interface AppOptions {
  store: Store;
  /** When set, POST /api/ingest is enabled and needs `Authorization: Bearer <token>`. */
  token?: string;
  /** Folder of the built web app (web/dist); without it only the API is served. */
  webRoot?: string;
  /** Largest request body accepted, in bytes (default 5 MiB). */
  maxBodyBytes?: number;
  version?: string;
  /** Response cache for read routes; `false` turns it off (default: 10 s, 1000 entries). */
  cache?: CacheOptions | false;
  /** URL fetcher for ingest-by-URL (tests inject one). */
  fetchUrl?: IngestOptions['fetchUrl'];
  /**
   * How many of an entity's events (newest first) its page reads for its timeline and partners
   * (default ENTITY_EVENT_CAP, 20,000); a page of events past them is read from the store.
   * Tests lower it to reach that path without 20,000 events.
   */
  entityEventCap?: number;
}

/** The Content-Security-Policy: same-origin everything, no inline script, no plugins, no framing. */
export const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  // The hash admits exactly one inline stylesheet: the `position: relative` rule cytoscape
  // injects for its container (graph page); no other inline style is allowed.
  styleSrc: ["'self'", "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function requireToken(token: string | undefined): MiddlewareHandler {
  return async (_c, next) => {
    const c = _c as Context;
    if (!token) {
      throw problems.ingestDisabled();
    }
    const auth = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
    if (!m?.[1]) throw problems.unauthorized();
    if (!sameToken(m[1], token)) throw problems.tokenWrong();
    await next();
  };
}

export function createApp(opts: AppOptions): Hono {
  const { store, token } = opts;
  const maxBody = opts.maxBodyBytes ?? 5 * 1024 * 1024;
  const version = opts.version ?? '0.0.0';
  const app = new Hono();

  app.onError((err, c) => {
    const p = toProblem(
      err,
      new URL(c.req.url).pathname,
      askedLang(c.req.query('lang'), c.req.header('accept-language')),
    );
    const { headers, ...body } = p;
    return c.body(JSON.stringify(body), p.status as 400, {
      ...headers,
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Cache-Control': 'no-store',
    });
  });

  // Request latency by route family (/api/search, /api/articles, …) for /metrics.
  app.use('/api/*', async (c, next) => {
    const t0 = performance.now();
    try {
      await next();
    } finally {
      const family = /^\/api\/[^/]+/u.exec(c.req.path)?.[0] ?? '/api';
      querySeconds.observe({ route: family, method: c.req.method }, (performance.now() - t0) / 1000);
    }
  });
  app.get('/metrics', (c) =>
    c.body(metrics.render(), 200, { 'Content-Type': PROMETHEUS_CONTENT_TYPE, 'Cache-Control': 'no-store' }),
  );

  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: CSP,
      referrerPolicy: 'no-referrer',
      xContentTypeOptions: 'nosniff',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
    }),
  );
  const cache = opts.cache === false ? undefined : new ResponseCache(opts.cache ?? {});
  app.use(
    '*',
    httpCache({
      ...(cache ? { cache } : {}),
      skip: new Set(['/api/health', '/api/ready', '/api/openapi.json']),
    }),
  );
  app.use('/api/*', async (c, next) => {
    await next();
    if (c.req.method === 'GET' && !c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-cache');
  });

  // These take no parameter but `lang`: an unknown one is a 400, as on every other route.
  app.get('/api/health', (c) => {
    parseQuery(c, langOnlyQuery);
    return c.json({ status: 'ok', version, ingest: Boolean(token), store: store.kind });
  });
  app.get('/api/ready', async (c) => {
    parseQuery(c, langOnlyQuery);
    try {
      const stats = await Promise.race([
        store.stats(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref()),
      ]);
      return c.json({ ready: true, articles: stats.articles });
    } catch (err) {
      throw problems.storeNotReady((err as Error).message);
    }
  });
  const doc = openApiDocument(version);
  app.get('/api/openapi.json', (c) => {
    parseQuery(c, langOnlyQuery);
    return c.json(doc);
  });
  // The API's front door: what is here and where its description is (a plain 404 until now).
  const index = {
    name: 'khabar',
    version,
    openapi: '/api/openapi.json',
    endpoints: Object.entries(
      (doc as { paths: Record<string, Record<string, { summary?: string }>> }).paths,
    ).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? '',
      })),
    ),
  };
  app.get('/api', (c) => {
    parseQuery(c, langOnlyQuery);
    return c.json(index);
  });

  readRoutes(app, store, opts.entityEventCap);
  feedRoutes(app, store);
  app.route('/api/stories', storiesRoutes(store));

  const dedup = lazyDedup(store);
  app.post(
    '/api/ingest',
    requireToken(token),
    bodyLimit({
      maxSize: maxBody,
      onError: () => {
        throw problems.tooLarge(maxBody);
      },
    }),
    async (c) => {
      const items = await ingestBody(
        { store, dedup, ...(opts.fetchUrl ? { fetchUrl: opts.fetchUrl } : {}) },
        { contentType: c.req.header('content-type') ?? '', body: new Uint8Array(await c.req.arrayBuffer()) },
      );
      // New articles change search, lists, entities and relations: drop every cached answer.
      cache?.clear();
      return c.json({ items }, 201);
    },
  );

  const readOnly =
    /^\/api\/(health|ready|openapi\.json|articles(\/[^/]+)?|search|entities(\/[^/]+)?|events|relations|stories(\/[^/]+)?|feeds\/briefs\.(atom|json))$/;
  app.all('/api/*', (c) => {
    const path = new URL(c.req.url).pathname;
    if (readOnly.test(path)) throw problems.methodNotAllowed(c.req.method, path, 'GET, HEAD');
    if (path === '/api/ingest') throw problems.methodNotAllowed(c.req.method, path, 'POST');
    throw problems.routeNotFound(c.req.method, path);
  });

  if (opts.webRoot) app.get('*', serveWeb(opts.webRoot));
  return app;
}
