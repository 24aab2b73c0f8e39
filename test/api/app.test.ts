import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { sampleDoc } from './fixtures.ts';
import { MemoryStore } from './memory-store.ts';
import { tempDir } from '../helpers.ts';

async function setup(opts: { token?: string; webRoot?: string; maxBodyBytes?: number } = {}) {
  const store = new MemoryStore();
  await store.put(sampleDoc());
  // These tests change the store behind the API's back: no response cache (tested below).
  const app = createApp({ store, version: '9.9.9', cache: false, ...opts });
  return { store, app };
}

async function problem(res: Response, status: number) {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const body = (await res.json()) as {
    type: string;
    title: string;
    status: number;
    detail: string;
    errors?: unknown[];
  };
  assert.equal(body.status, status);
  assert.match(body.type, /^urn:khabar:problem:/);
  assert.ok(body.detail.length > 10, 'detail says what to do');
  return body;
}

describe('api: health, openapi, headers', () => {
  test('health says whether ingest is enabled', async () => {
    const { app } = await setup();
    const off = (await (await app.request('/api/health')).json()) as {
      status: string;
      ingest: boolean;
      version: string;
    };
    assert.deepEqual([off.status, off.ingest, off.version], ['ok', false, '9.9.9']);
    const { app: on } = await setup({ token: 't0ken' });
    assert.equal(((await (await on.request('/api/health')).json()) as { ingest: boolean }).ingest, true);
  });

  test('GET /api is an index: version, the OpenAPI document, every documented endpoint', async () => {
    const { app } = await setup();
    const res = await app.request('/api');
    assert.equal(res.status, 200);
    const index = (await res.json()) as {
      name: string;
      version: string;
      openapi: string;
      endpoints: Array<{ method: string; path: string; summary: string }>;
    };
    assert.deepEqual([index.name, index.version, index.openapi], ['khabar', '9.9.9', '/api/openapi.json']);
    const doc = (await (await app.request(index.openapi)).json()) as { paths: Record<string, object> };
    const listed = new Set(index.endpoints.map((e) => e.path));
    assert.deepEqual([...listed].sort(), Object.keys(doc.paths).sort());
    const search = index.endpoints.find((e) => e.method === 'GET' && e.path === '/api/search');
    assert.ok(search?.summary, 'each endpoint says what it is');
    assert.ok(index.endpoints.some((e) => e.method === 'POST' && e.path === '/api/ingest'));
  });

  test('ready reports the store', async () => {
    const { app } = await setup();
    const r = (await (await app.request('/api/ready')).json()) as { ready: boolean; articles: number };
    assert.deepEqual(r, { ready: true, articles: 1 });
  });

  test('every GET route refuses a parameter it does not take, health and ready too (they answered 200)', async () => {
    const { app } = await setup();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { get?: { parameters?: Array<{ name: string; in: string }> } }>;
    };
    // The API's routes (/metrics, beside it for Prometheus, ignores a query string).
    const gets = Object.entries(doc.paths).filter(([path, ops]) => ops.get && path.startsWith('/api'));
    assert.ok(gets.length >= 14, `${gets.length} GET routes`);
    for (const [path, ops] of gets) {
      const url = path.replace('{id}', 'a1b2c3d4e5f60718');
      const sep = path === '/api/search' ? '?q=x&' : '?';
      const body = await problem(await app.request(`${url}${sep}colour=blue`), 400);
      assert.deepEqual(
        (body.errors as Array<{ path: string }> | undefined)?.map((e) => e.path),
        ['colour'],
        `${path}: ${body.detail}`,
      );
      // `lang` is taken everywhere, and documented.
      const query = ops.get!.parameters!.filter((p) => p.in === 'query').map((p) => p.name);
      assert.ok(query.includes('lang'), `${path} documents lang (${query.join(', ')})`);
      assert.notEqual((await app.request(`${url}${sep}lang=ar`)).status, 400, path);
    }
    const health = await problem(await app.request('/api/health?colour=blue&lang=ar'), 400);
    assert.match(health.detail, /colour/u);
    assert.equal((await app.request('/api/ready?lang=fr')).status, 400);
    assert.equal((await app.request('/api/ready?lang=en')).status, 200);
  });

  test('openapi 3.1 document lists every route with its parameters', async () => {
    const { app } = await setup();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, { parameters?: Array<{ name: string }> }>>;
    };
    assert.equal(doc.openapi, '3.1.0');
    for (const p of [
      '/api/articles',
      '/api/articles/{id}',
      '/api/search',
      '/api/entities',
      '/api/entities/{id}',
      '/api/events',
      '/api/relations',
      '/api/feeds/briefs.atom',
      '/api/feeds/briefs.json',
      '/api/health',
      '/api/ready',
      '/api/stories',
      '/api/stories/{id}',
    ]) {
      assert.ok(doc.paths[p]?.get, `GET ${p} documented`);
    }
    assert.ok(doc.paths['/api/ingest']?.post);
    const search = doc.paths['/api/search']!.get!.parameters!.map((x) => x.name).sort();
    assert.deepEqual(search, [
      'actor',
      'country',
      'facets',
      'from',
      'lang',
      'limit',
      'offset',
      'outlet',
      'q',
      'section',
      'sort',
      'to',
      'type',
    ]);
  });

  test('openapi documents the stories routes with the shapes they answer', async () => {
    const { app } = await setup();
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<
        string,
        { get?: { parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> } }
      >;
      components: { schemas: Record<string, { required?: string[]; properties?: Record<string, unknown> }> };
    };
    const list = doc.paths['/api/stories']?.get;
    const one = doc.paths['/api/stories/{id}']?.get;
    assert.ok(list && one, 'both stories routes documented');
    assert.deepEqual(
      list.parameters?.map((p) => `${p.in}:${p.name}`),
      ['query:all', 'query:lang'],
    );
    assert.deepEqual(
      one.parameters?.map((p) => `${p.in}:${p.name}`),
      ['path:id', 'query:lang'],
    );
    assert.ok(one.responses['404'], '404 documented for an unknown story');
    const story = doc.components.schemas.Story!;
    const comparison = doc.components.schemas.OutletComparison!;
    // The documented keys are the ones the routes answer with.
    const res = (await (await app.request('/api/stories?all=1')).json()) as {
      items: Record<string, unknown>[];
    };
    assert.ok(res.items.length >= 1, 'the one stored article is a singleton story');
    const first = res.items[0]!;
    for (const k of Object.keys(first)) assert.ok(story.properties?.[k], `Story documents ${k}`);
    for (const k of story.required ?? []) assert.ok(k in first, `Story answers ${k}`);
    const detail = (await (
      await app.request(`/api/stories/${encodeURIComponent(String(first.id))}`)
    ).json()) as {
      comparison: Record<string, unknown>;
    };
    for (const k of Object.keys(detail.comparison))
      assert.ok(comparison.properties?.[k], `OutletComparison documents ${k}`);
    const documented = (
      doc.paths['/api/stories/{id}']!.get!.responses['200'] as {
        content: { 'application/json': { schema: { properties: Record<string, unknown> } } };
      }
    ).content['application/json'].schema.properties;
    assert.deepEqual(Object.keys(detail).sort(), Object.keys(documented).sort());
  });

  test('security headers: CSP, nosniff, referrer policy', async () => {
    const { app } = await setup();
    const res = await app.request('/api/health');
    const csp = res.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /object-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
  });

  test('ETag and If-None-Match give 304; a change gives a new ETag', async () => {
    const { app, store } = await setup();
    const first = await app.request('/api/articles');
    const tag = first.headers.get('etag');
    assert.ok(tag);
    const again = await app.request('/api/articles', { headers: { 'If-None-Match': tag } });
    assert.equal(again.status, 304);
    assert.equal(await again.text(), '');
    await store.put(sampleDoc({ id: 'ffffffffffffffff' }));
    const changed = await app.request('/api/articles', { headers: { 'If-None-Match': tag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), tag);
  });

  test('gzip when the client accepts it', async () => {
    const { app } = await setup();
    const res = await app.request('/api/openapi.json', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(res.headers.get('content-encoding'), 'gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')) as {
      openapi: string;
    };
    assert.equal(body.openapi, '3.1.0');
  });

  test('unknown API route is a 404 problem; a wrong method is 405 with Allow', async () => {
    const { app } = await setup();
    const nope = await problem(await app.request('/api/nope'), 404);
    assert.match(
      nope.detail,
      /GET \/api\/nope was not found\. The routes are listed in GET \/api\/openapi\.json/,
    );
    assert.doesNotMatch(nope.detail, /Check the id/, 'a route has no id to check');
    const story = await problem(await app.request('/api/stories/story:nope'), 404);
    assert.match(story.detail, /list the stories with GET \/api\/stories/);
    const del = await app.request('/api/articles/abc', { method: 'DELETE' });
    assert.equal(del.headers.get('allow'), 'GET, HEAD');
    await problem(del, 405);
    const get = await app.request('/api/ingest');
    assert.equal(get.headers.get('allow'), 'POST');
    await problem(get, 405);
    const head = await app.request('/api/articles', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.ok(head.headers.get('etag'));
  });
});

describe('api: reading', () => {
  test('articles list with pagination limits', async () => {
    const { app } = await setup();
    const r = (await (await app.request('/api/articles?limit=5')).json()) as {
      total: number;
      items: Array<{ id: string }>;
    };
    assert.equal(r.total, 1);
    assert.equal(r.items[0]?.id, 'a1b2c3d4e5f60718');
    const bad = await problem(await app.request('/api/articles?limit=1000'), 400);
    assert.ok(bad.errors?.length);
    await problem(await app.request('/api/articles?limit=0'), 400);
    await problem(await app.request('/api/articles?offset=-1'), 400);
    await problem(await app.request('/api/articles?bogus=1'), 400);
    await problem(await app.request('/api/articles?from=yesterday'), 400);
  });

  test('one article: brief, entities, events; missing is 404', async () => {
    const { app } = await setup();
    const r = (await (await app.request('/api/articles/a1b2c3d4e5f60718')).json()) as {
      article: { id: string };
      brief: { sections: Array<{ label: string }> };
      entities: unknown[];
      events: Array<{ type: string }>;
      mentions: unknown[];
    };
    assert.equal(r.article.id, 'a1b2c3d4e5f60718');
    assert.deepEqual(
      r.brief.sections.map((s) => s.label),
      ['أهمية الخبر', 'النقاط الرئيسية'],
    );
    assert.equal(r.entities.length, 3);
    assert.equal(r.mentions.length, 3);
    assert.equal(r.events[0]?.type, 'CONSULT');
    await problem(await app.request('/api/articles/0000000000000000'), 404);
  });

  test('one article with ?brief=composed: the brief drafted from its text, every block a span of it', async () => {
    const { app } = await setup();
    const r = (await (await app.request('/api/articles/a1b2c3d4e5f60718?brief=composed')).json()) as {
      article: { text: string };
      brief: {
        origin: string;
        lead: Array<{ text: string; span: [number, number] }>;
        sections: Array<{
          kind: string;
          paragraphs: Array<{ text: string; span: [number, number] }>;
          items: [];
        }>;
      };
    };
    assert.equal(r.brief.origin, 'composed');
    const blocks = [...r.brief.lead, ...r.brief.sections.flatMap((s) => [...s.paragraphs, ...s.items])];
    assert.ok(blocks.length >= 2, JSON.stringify(r.brief));
    for (const b of blocks) assert.equal(r.article.text.slice(b.span[0], b.span[1]), b.text);
    // No label of the template is in any drafted block.
    assert.ok(!blocks.some((b) => b.text.includes('أهمية الخبر)')));
    const stored = (await (await app.request('/api/articles/a1b2c3d4e5f60718?brief=stored')).json()) as {
      brief: { origin: string };
    };
    assert.equal(stored.brief.origin, 'labelled');
    await problem(await app.request('/api/articles/a1b2c3d4e5f60718?brief=llm'), 400);
  });

  test('search passes every filter to the store, normalized and validated', async () => {
    const { app, store } = await setup();
    const url =
      '/api/search?q=' +
      encodeURIComponent('أحمد') +
      '&country=egy,JOR&country=irn&type=CONSULT&actor=person:ahmed-sami&outlet=x&section=key_points' +
      '&from=2026-01&to=2026-12-31&sort=date&facets=false&limit=10&offset=0';
    const res = await app.request(url);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { total: number; hits: Array<{ id: string }> };
    assert.equal(body.total, 1);
    const call = store.calls.find((c) => c.method === 'search');
    assert.deepEqual(call?.args, {
      q: 'أحمد',
      filters: {
        actor: ['person:ahmed-sami'],
        country: ['EGY', 'JOR', 'IRN'],
        type: ['CONSULT'],
        outlet: ['x'],
        section: ['key_points'],
        from: '2026-01',
        to: '2026-12-31',
      },
      sort: 'date',
      facets: false,
      limit: 10,
      offset: 0,
    });
    const bad = await problem(await app.request('/api/search?q=x&type=FIGHT'), 400);
    assert.ok(bad.errors?.some((e) => JSON.stringify(e).includes('type')));
    // Names are countries too, as in the query language (see the country test below).
    await problem(await app.request('/api/search?q=x&country=Atlantis'), 400);
    await problem(await app.request(`/api/search?q=${'x'.repeat(501)}`), 400);
  });

  test('entities list and one entity with events, timeline and partners', async () => {
    const { app } = await setup();
    const list = (await (await app.request('/api/entities?type=PERS')).json()) as {
      items: Array<{ entity: { id: string } }>;
    };
    assert.deepEqual(
      list.items.map((i) => i.entity.id),
      ['person:ahmed-sami'],
    );
    const egy = (await (await app.request('/api/entities/country:EGY')).json()) as {
      entity: { id: string };
      events: unknown[];
      partners: Array<{ id: string; label?: string; events: number }>;
      timeline: Array<{ period: string; events: number }>;
    };
    assert.equal(egy.entity.id, 'country:EGY');
    assert.equal(egy.events.length, 1);
    // CONSULT weighs +2 (src/analyze/relations.ts), counted from the entity's own events.
    assert.deepEqual(egy.partners, [{ id: 'JOR', label: 'الأردن', events: 1, score: 2 }]);
    assert.deepEqual(egy.timeline, [{ period: '2026-03', events: 1 }]);
    await problem(await app.request('/api/entities/person:nobody'), 404);
  });

  test('events and relations', async () => {
    const { app } = await setup();
    const ev = (await (await app.request('/api/events?type=CONSULT&country=jor')).json()) as {
      total: number;
    };
    assert.equal(ev.total, 1);
    const none = (await (await app.request('/api/events?type=ASSAULT')).json()) as { total: number };
    assert.equal(none.total, 0);
    const rel = (await (await app.request('/api/relations?level=country')).json()) as {
      nodes: Array<{ id: string; label?: string }>;
      dyads: Array<{ source: string; target: string; periods: unknown[] }>;
    };
    assert.deepEqual(
      rel.dyads.map((d) => `${d.source}>${d.target}`),
      ['EGY>JOR'],
    );
    assert.deepEqual(rel.nodes, [
      { id: 'EGY', label: 'مصر' },
      { id: 'JOR', label: 'الأردن' },
    ]);
    await problem(await app.request('/api/relations?level=planet'), 400);
  });
});

describe('api: actors named in the answer’s language (polish12)', () => {
  test('GET /api/events and an entity’s events name actors in Arabic by default, in English with lang=en', async () => {
    const store = new MemoryStore();
    const app = createApp({ store, token: 'secret', cache: false });
    const text = [
      'استقبل وزير الخارجية الأردني أيمن الصفدي في عمّان اليوم الأحد الأمين العام لجامعة الدول العربية، وبحث معه سبل دعم الاستقرار في المنطقة.',
      '',
      'وقال الصفدي إن الأردن يدعم كل جهد عربي مشترك.',
    ].join('\n');
    const res = await app.request('/api/ingest', {
      method: 'POST',
      body: JSON.stringify({ text, published: '2025-06-01' }),
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret' },
    });
    assert.equal(res.status, 201, await res.clone().text());
    type A = { entityId?: string; name?: string; display?: string };
    type Ev = { source: A[]; target: A[]; attribution?: { speaker?: A } };
    const actors = (items: Ev[]) =>
      items.flatMap((e) => [
        ...e.source,
        ...e.target,
        ...(e.attribution?.speaker ? [e.attribution.speaker] : []),
      ]);
    const named = async (url: string, headers: Record<string, string> = {}) => {
      const body = (await (await app.request(url, { headers })).json()) as { items?: Ev[]; events?: Ev[] };
      return actors(body.items ?? body.events ?? []).filter((a) => a.entityId);
    };
    for (const [url, headers] of [
      ['/api/events', {}],
      ['/api/events', { 'Accept-Language': 'ar' }],
      ['/api/events?lang=ar', { 'Accept-Language': 'en' }],
      ['/api/entities/person:ayman-al-safdi', {}],
    ] as const) {
      const list = await named(url, headers);
      assert.ok(list.length >= 2, `${url}: actors with entities`);
      for (const a of list)
        assert.match(
          a.display ?? '',
          /^[\p{Script=Arabic}\s]+$/u,
          `${url}: ${a.entityId} named «${a.display}»`,
        );
      const post = list.find((a) => a.entityId?.startsWith('post:'));
      assert.equal(post?.display, 'الأمين العام لجامعة الدول العربية', `${url}: the post by its Arabic name`);
      assert.ok(list.some((a) => a.display === 'أيمن الصفدي'));
    }
    const en = await named('/api/events?lang=en');
    assert.ok(en.some((a) => a.display === 'Ayman Al-Safdi'));
    assert.ok(en.every((a) => a.display && !/\p{Script=Arabic}/u.test(a.display)));
  });
});

describe('api: country parameters', () => {
  test('a bad query parameter is named with the value given, in words (polish11)', async () => {
    const { app } = await setup();
    const cases: Array<[string, string, RegExp]> = [
      ['/api/search?q=x&limit=abc', 'limit', /^"abc" is not a whole number$/],
      ['/api/search?q=x&limit=1.5', 'limit', /^"1\.5" is not a whole number$/],
      ['/api/articles?offset=-3', 'offset', /^"-3" is less than 0, the least allowed$/],
      ['/api/search?q=x&limit=5000', 'limit', /^"5000" is more than 100, the most allowed$/],
      // Past the safe integers: one error, the route's own bound (zod's ±2^53 one gave a second, «Too big: expected int …»).
      [
        '/api/articles?offset=99999999999999999999',
        'offset',
        /^"99999999999999999999" is more than 100000, the most allowed$/,
      ],
      [
        '/api/search?q=x&limit=-99999999999999999999',
        'limit',
        /^"-99999999999999999999" is less than 1, the least allowed$/,
      ],
      ['/api/events?type=CONSULT,FOO', 'type', /^"FOO" is not one of AGREE, CONSULT, .*ASSAULT$/],
      ['/api/entities?type=PERSON', 'type', /^"PERSON" is not one of PERS, ORG, LOC/],
    ];
    for (const [url, path, message] of cases) {
      const bad = await problem(await app.request(url), 400);
      const errors = bad.errors as Array<{ path: string; message: string }>;
      assert.deepEqual(
        errors.map((e) => e.path),
        [path],
        url,
      );
      assert.match(errors[0]!.message, message, url);
      assert.doesNotMatch(bad.detail, /NaN|Invalid input|Too (big|small)|\.0:/u, url);
    }
  });

  test('take codes and Arabic/English names as the query language does; unknown ones are a 400 naming the parameter', async () => {
    const { app, store } = await setup();
    const total = async (url: string) => {
      const res = await app.request(url);
      assert.equal(res.status, 200, url);
      return ((await res.json()) as { total: number }).total;
    };
    for (const c of ['JOR', 'jor', 'الأردن', 'Jordan']) {
      assert.equal(await total(`/api/events?country=${encodeURIComponent(c)}`), 1, c);
    }
    await app.request(`/api/search?q=x&country=${encodeURIComponent('إيران,Egypt')}&country=IRAN`);
    assert.deepEqual(
      (store.calls.findLast((c) => c.method === 'search')?.args as { filters?: unknown })?.filters,
      {
        country: ['IRN', 'EGY', 'IRN'],
      },
    );
    await app.request(`/api/entities?country=${encodeURIComponent('مصر')}`);
    assert.equal(
      (store.calls.findLast((c) => c.method === 'entities')?.args as { country?: string })?.country,
      'EGY',
    );

    for (const url of [
      '/api/events?country=ZZZ',
      `/api/events?country=${encodeURIComponent('أطلانطس')}`,
      '/api/search?q=x&country=IRN,ZZZ',
      '/api/entities?country=ZZZ',
    ]) {
      const bad = await problem(await app.request(url), 400);
      assert.equal(bad.type, 'urn:khabar:problem:validation', url);
      const errors = bad.errors as Array<{ in: string; path: string; message: string }>;
      assert.equal(errors.length, 1, url);
      assert.equal(errors[0]?.in, 'query', url);
      assert.match(errors[0]?.path ?? '', /^country(\.\d+)?$/, url);
      assert.match(
        errors[0]?.message ?? '',
        /is not a country khabar knows: give an ISO 3166-1 alpha-3 code/,
        url,
      );
      assert.match(bad.detail, /country/, url);
      // polish9: the message's own full stop and the detail's made «(إيران, Iran).. See».
      assert.doesNotMatch(bad.detail, /\.\.|\?\.|\.;/, url);
      assert.match(bad.detail, /[.?] See \/api\/openapi\.json/, url);
    }

    const dyads = async (actor: string) => {
      const res = await app.request(`/api/relations?level=country&actor=${encodeURIComponent(actor)}`);
      assert.equal(res.status, 200, actor);
      return ((await res.json()) as { dyads: Array<{ source: string; target: string }> }).dyads.map(
        (d) => `${d.source}>${d.target}`,
      );
    };
    for (const a of ['EGY', 'country:EGY', 'مصر', 'country:مصر', 'Egypt'])
      assert.deepEqual(await dyads(a), ['EGY>JOR'], a);
    for (const a of ['ZZZ', 'country:ZZZ', 'country:Atlantis']) {
      const bad = await problem(
        await app.request(`/api/relations?level=country&actor=${encodeURIComponent(a)}`),
        400,
      );
      assert.deepEqual(
        (bad.errors as Array<{ path: string }>).map((e) => e.path),
        ['actor'],
        a,
      );
    }
  });
});

describe('api: ingest', () => {
  const text = 'أعلنت وزارة الزراعة في تونس عن خطة جديدة لدعم صغار الفلاحين خلال موسم الحصاد المقبل.';

  test('disabled without a server token (403), needs the bearer token (401/403)', async () => {
    const { app } = await setup();
    await problem(
      await app.request('/api/ingest', {
        method: 'POST',
        body: text,
        headers: { 'Content-Type': 'text/plain' },
      }),
      403,
    );
    const { app: on } = await setup({ token: 'secret' });
    const noAuth = await on.request('/api/ingest', {
      method: 'POST',
      body: text,
      headers: { 'Content-Type': 'text/plain' },
    });
    assert.match(noAuth.headers.get('www-authenticate') ?? '', /^Bearer/);
    await problem(noAuth, 401);
    await problem(
      await on.request('/api/ingest', {
        method: 'POST',
        body: text,
        headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer wrong' },
      }),
      403,
    );
  });

  test('a text body is read as a file is: windows-1256 detected, a declared charset honoured, random bytes refused as binary', async () => {
    const { app } = await setup({ token: 'secret' });
    const post = async (body: Uint8Array<ArrayBuffer> | string, type: string) => {
      const res = await app.request('/api/ingest', {
        method: 'POST',
        body,
        headers: { 'Content-Type': type, Authorization: 'Bearer secret' },
      });
      assert.equal(res.status, 201);
      return ((await res.json()) as { items: Array<Record<string, unknown>> }).items[0]!;
    };
    // «أعلنت وزارة الزراعة …» in windows-1256, sent as text/plain with no charset.
    const { default: iconv } = await import('iconv-lite');
    const cp1256 = new Uint8Array(iconv.encode(text, 'windows-1256'));
    const a = await post(cp1256, 'text/plain');
    assert.equal(a.status, 'inserted', JSON.stringify(a));
    assert.deepEqual(
      (a.warnings as Array<{ ruleId: string }>).map((w) => w.ruleId),
      ['ingest/encoding-converted'],
    );
    const other =
      'قررت بلدية صفاقس توسيع شبكة النقل الحضري بخطوط حافلات جديدة تربط الأحياء الغربية بوسط المدينة.';
    const b = await post(
      new Uint8Array(iconv.encode(other, 'windows-1256')),
      'text/plain; charset=windows-1256',
    );
    assert.equal(b.status, 'inserted', JSON.stringify(b));
    const noise = new Uint8Array(2000);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    const c = await post(noise, 'text/plain');
    assert.equal(c.ruleId, 'ingest/binary', JSON.stringify(c));
    assert.match(String(c.error), /^api: looks like a binary file/);
    // UTF-8 as before.
    const d = await post(
      'تظاهر مئات العمال أمام مقر الحكومة للمطالبة بزيادة الأجور وتحسين ظروف العمل.',
      'text/plain; charset=utf-8',
    );
    assert.equal(d.status, 'inserted', JSON.stringify(d));
  });

  test('text, HTML, JSON, URL and JSONL are stored', async () => {
    const fetched: string[] = [];
    const store = new MemoryStore();
    const app = createApp({
      store,
      token: 'secret',
      fetchUrl: async (url) => {
        fetched.push(url);
        const html = `<html><head><title>عنوان</title></head><body><article><p>${text} من رابط</p></article></body></html>`;
        return {
          contentType: 'text/html',
          bytes: new TextEncoder().encode(html),
        };
      },
    });
    const post = (body: string, type: string) =>
      app.request('/api/ingest', {
        method: 'POST',
        body,
        headers: { 'Content-Type': type, Authorization: 'Bearer secret' },
      });
    const t = await post(text, 'text/plain; charset=utf-8');
    assert.equal(t.status, 201);
    const tItems = ((await t.json()) as { items: Array<{ id: string; status: string }> }).items;
    assert.equal(tItems[0]?.status, 'inserted');
    assert.equal(
      ((await (await post(text, 'text/plain')).json()) as { items: Array<{ status: string }> }).items[0]
        ?.status,
      'unchanged',
    );

    const h = await post(
      `<html><head><title>خبر</title><script>alert(1)</script></head><body><p onclick="x()">${text} ثانية</p><script>evil()</script></body></html>`,
      'text/html',
    );
    const hId = ((await h.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    const hDoc = store.docs.get(hId)!;
    assert.equal(hDoc.article.title, 'خبر');
    assert.doesNotMatch(hDoc.article.text, /alert|evil|onclick|</);

    const u = await post(JSON.stringify({ url: 'https://example.org/a' }), 'application/json');
    assert.equal(u.status, 201);
    assert.deepEqual(fetched, ['https://example.org/a']);
    const uId = ((await u.json()) as { items: Array<{ id: string }> }).items[0]!.id;
    assert.equal(store.docs.get(uId)?.article.url, 'https://example.org/a');
    assert.match(store.docs.get(uId)?.article.text ?? '', /من رابط/);

    await problem(await post(JSON.stringify({ url: 'javascript:alert(1)' }), 'application/json'), 400);
    await problem(await post(JSON.stringify({}), 'application/json'), 400);
    await problem(await post('{not json', 'application/json'), 400);

    const jsonl = [
      JSON.stringify({
        id: 1,
        title: 'أ',
        text: `${text} سطر أول`,
        url: 'https://x.tn/1',
        source: 'jawhara',
      }),
      'not json',
      JSON.stringify({ title: 'بلا نص' }),
      JSON.stringify({ text: `${text} رابط خبيث`, url: 'javascript:alert(1)' }),
    ].join('\n');
    const j = await post(jsonl, 'application/x-ndjson');
    const items = (
      (await j.json()) as {
        items: Array<{
          line: number;
          id?: string;
          error?: string;
          ruleId?: string;
          warnings?: Array<{ ruleId: string }>;
        }>;
      }
    ).items;
    assert.equal(items.length, 4);
    assert.ok(items[0]?.id && !items[0].error);
    assert.match(items[1]?.error ?? '', /not valid JSON/);
    assert.equal(items[1]?.ruleId, 'ingest/bad-json');
    assert.match(items[2]?.error ?? '', /text/);
    assert.equal(store.quarantine_.length, 2, 'refused lines are quarantined');
    assert.equal(items[3]?.warnings?.[0]?.ruleId, 'api/url-dropped');
    assert.equal(store.docs.get(items[3]!.id!)?.article.url, undefined);
    assert.equal(store.docs.get(items[0]!.id!)?.article.outlet, 'jawhara');

    await problem(await post(text, 'application/pdf'), 415);
  });

  test('RSS and Atom bodies are read as `khabar ingest` reads a feed, offline: teasers stored as given, links never fetched', async () => {
    const fetched: string[] = [];
    const store = new MemoryStore();
    const app = createApp({
      store,
      token: 'secret',
      fetchUrl: async (url) => {
        fetched.push(url);
        throw new Error('the API must not fetch feed links');
      },
    });
    const post = (body: string, type: string) =>
      app.request('/api/ingest', {
        method: 'POST',
        body,
        headers: { 'Content-Type': type, Authorization: 'Bearer secret' },
      });
    type Item = {
      id?: string;
      status?: string;
      title?: string;
      error?: string;
      warnings?: Array<{ ruleId: string }>;
    };
    const full = [
      'افتتحت وزارة التربية في مدينة قابس مدرسة إعدادية جديدة تتسع لثمانمائة تلميذ وتلميذة.',
      'وقال المدير الجهوي للتعليم إن المدرسة تضم مخابر للعلوم وقاعة للإعلامية ومكتبة مفتوحة للأهالي.',
      'وأضاف أن أشغال البناء استغرقت سنتين وبلغت كلفتها نحو ستة ملايين دينار من ميزانية الدولة.',
      'وينتظر أن تخفف المدرسة الاكتظاظ في المؤسسات المجاورة التي تجاوز عدد التلاميذ في أقسامها الأربعين.',
      'كما أعلنت الوزارة عن برنامج لتجديد المطاعم المدرسية في الولايات الداخلية قبل نهاية العام الدراسي.',
    ].join(' ');
    const teaser = 'أمطار غزيرة تغمر شوارع مدينة نابل وتعطل حركة المرور صباح اليوم.';
    const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>صحيفة التجربة</title>
<item><title>مدرسة جديدة في قابس</title><link>https://news.example/a1</link><guid>a1</guid>
<pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate><content:encoded><![CDATA[<p>${full}</p>]]></content:encoded></item>
<item><title>أمطار في نابل</title><link>https://news.example/a2</link><guid>a2</guid><description>${teaser}</description></item>
<item><title>بلا نص</title><link>https://news.example/a3</link><guid>a3</guid></item>
</channel></rss>`;
    const r = await post(rss, 'application/rss+xml; charset=utf-8');
    assert.equal(r.status, 201);
    const items = ((await r.json()) as { items: Item[] }).items;
    assert.equal(items.length, 3, JSON.stringify(items));
    assert.equal(items[0]?.status, 'inserted', JSON.stringify(items[0]));
    assert.equal(items[0]?.title, 'مدرسة جديدة في قابس');
    assert.ok(!items[0]?.warnings?.some((w) => w.ruleId === 'feed/link-not-fetched'));
    const a1 = store.docs.get(items[0]!.id!)!.article;
    assert.equal(a1.url, 'https://news.example/a1');
    assert.equal(a1.outlet, 'صحيفة التجربة');
    assert.match(a1.text, /مدرسة إعدادية جديدة/);
    // A teaser: stored with the feed's own text, and the answer says its link was not fetched.
    assert.equal(items[1]?.status, 'inserted', JSON.stringify(items[1]));
    assert.ok(
      items[1]?.warnings?.some((w) => w.ruleId === 'feed/link-not-fetched'),
      JSON.stringify(items[1]),
    );
    assert.equal(store.docs.get(items[1]!.id!)!.article.text.trim(), teaser);
    // No text at all: refused (quarantined), not fetched.
    assert.match(items[2]?.error ?? '', /no content.*not fetched/);
    assert.deepEqual(fetched, []);

    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>نشرة أطلس</title><id>urn:x:atlas</id><updated>2026-11-30T08:00:00Z</updated>
<entry><title>معرض الكتاب</title><id>urn:x:b1</id><updated>2026-11-30T08:00:00Z</updated><link href="https://atlas.example/b1"/>
<content type="html">&lt;p&gt;${full.replace('قابس', 'صفاقس').replace('ثمانمائة', 'ألف')} ويشارك في معرض الكتاب مئة ناشر.&lt;/p&gt;</content></entry>
</feed>`;
    for (const type of ['application/atom+xml', 'application/xml']) {
      const a = await post(atom, type);
      assert.equal(a.status, 201, type);
      const [item] = ((await a.json()) as { items: Item[] }).items;
      assert.ok(item?.id && !item.error, JSON.stringify(item));
      assert.equal(store.docs.get(item.id)!.article.url, 'https://atlas.example/b1');
    }
    // RSS sent as text/xml is a feed too; XML that is not a feed is still a 415.
    assert.equal((await post(rss, 'text/xml')).status, 201);
    const notFeed = await problem(
      await post('<?xml version="1.0"?><note><body>نص</body></note>', 'application/xml'),
      415,
    );
    assert.match(notFeed.detail, /not an RSS, Atom or RDF feed.*application\/rss\+xml/);
    assert.deepEqual(fetched, []);
    // The OpenAPI document lists the feed types.
    const doc = (await (await app.request('/api/openapi.json')).json()) as {
      paths: Record<string, { post?: { requestBody: { content: Record<string, unknown> } } }>;
    };
    const types = Object.keys(doc.paths['/api/ingest']?.post?.requestBody.content ?? {});
    for (const t of ['application/rss+xml', 'application/atom+xml', 'application/xml', 'text/xml']) {
      assert.ok(types.includes(t), t);
    }
  });

  test('bodies over the limit are refused with 413', async () => {
    const { app } = await setup({ token: 'secret', maxBodyBytes: 1000 });
    const res = await app.request('/api/ingest', {
      method: 'POST',
      body: 'ب'.repeat(2000),
      headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer secret' },
    });
    await problem(res, 413);
  });
});

describe('api: feeds', () => {
  test('Atom and JSON Feed of briefs, filtered by q, with hostile text escaped', async () => {
    const store = new MemoryStore();
    await store.put(sampleDoc());
    const app = createApp({ store, token: 'secret' });
    const hostile =
      'خبر عدائي <script>alert(1)</script> <img src=x onerror=alert(2)> <a href="javascript:alert(3)">رابط</a>';
    await app.request('/api/ingest', {
      method: 'POST',
      body: hostile,
      headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer secret' },
    });
    const atom = await app.request('/api/feeds/briefs.atom');
    assert.match(atom.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const xml = await atom.text();
    assert.match(xml, /^<\?xml/);
    assert.equal((xml.match(/<entry>/g) ?? []).length, 2);
    assert.doesNotMatch(xml, /<script|<img|<a href/);
    assert.match(xml, /&amp;lt;script&amp;gt;/, 'double-escaped inside type="html" content');

    const filtered = await (
      await app.request(`/api/feeds/briefs.atom?q=${encodeURIComponent('عدائي')}`)
    ).text();
    assert.equal((filtered.match(/<entry>/g) ?? []).length, 1);
    // A feed's self link is the URL that produced it, query string and all, escaped (polish12):
    // it dropped `limit` (and any other parameter) before.
    const query = `?q=${encodeURIComponent('عدائي')}&limit=1`;
    const limited = await (await app.request(`/api/feeds/briefs.atom${query}`)).text();
    const self = /<link rel="self" href="([^"]*)"\/>/.exec(limited)?.[1];
    assert.equal(self, `http://localhost/api/feeds/briefs.atom${query.replace('&', '&amp;')}`);
    const jsonSelf = (
      (await (await app.request(`/api/feeds/briefs.json${query}`)).json()) as { feed_url: string }
    ).feed_url;
    assert.equal(jsonSelf, `http://localhost/api/feeds/briefs.json${query}`);

    const jf = (await (await app.request('/api/feeds/briefs.json')).json()) as {
      version: string;
      items: Array<{ content_html: string; title: string }>;
    };
    assert.equal(jf.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(jf.items.length, 2);
    for (const it of jf.items) assert.doesNotMatch(it.content_html, /<script|<img|<a /);
    assert.ok(jf.items.some((i) => i.content_html.includes('&lt;script&gt;')));
    await problem(await app.request('/api/feeds/briefs.json?limit=51'), 400);
  });
});

describe('api: web app', () => {
  test('serves files, falls back to index.html, refuses traversal', async () => {
    const root = tempDir('khabar-web-');
    mkdirSync(join(root, 'assets'));
    writeFileSync(
      join(root, 'index.html'),
      '<!doctype html><html lang="ar" dir="rtl"><title>خبر</title></html>',
    );
    writeFileSync(join(root, 'assets', 'app-1.js'), 'console.log(1)');
    const { app } = await setup({ webRoot: root });
    const index = await app.request('/');
    assert.match(await index.text(), /dir="rtl"/);
    assert.match(index.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const js = await app.request('/assets/app-1.js');
    assert.match(js.headers.get('content-type') ?? '', /javascript/);
    assert.match(js.headers.get('cache-control') ?? '', /immutable/);
    assert.match(await (await app.request('/search')).text(), /dir="rtl"/);
    assert.equal((await app.request('/assets/missing.js')).status, 404);
    const trav = await app.request('/..%2f..%2fetc%2fpasswd');
    assert.doesNotMatch(await trav.text(), /root:/);
  });
});

describe('api: response cache', () => {
  test('hits within the TTL, cleared by ingest, expires after the TTL', async () => {
    const store = new MemoryStore();
    await store.put(sampleDoc());
    // The TTL is read on a clock the test moves, so a slow machine cannot expire an entry early.
    let clock = 1_000_000;
    const app = createApp({ store, token: 'secret', cache: { ttlMs: 200, now: () => clock } });
    const total = async (url: string) => {
      const r = await app.request(url);
      return { cache: r.headers.get('x-cache'), total: ((await r.json()) as { total: number }).total };
    };
    assert.deepEqual(await total('/api/articles'), { cache: 'miss', total: 1 });
    assert.deepEqual(await total('/api/articles'), { cache: 'hit', total: 1 });
    // A write behind the API's back is not seen until the TTL passes…
    await store.put(sampleDoc({ id: 'ffffffffffffffff' }));
    assert.deepEqual(await total('/api/articles'), { cache: 'hit', total: 1 });
    clock += 200;
    assert.deepEqual(await total('/api/articles'), { cache: 'hit', total: 1 });
    clock += 1;
    assert.deepEqual(await total('/api/articles'), { cache: 'miss', total: 2 });
    // …while an ingest through the API drops every cached answer at once.
    const ing = await app.request('/api/ingest', {
      method: 'POST',
      body: 'خبر جديد عن افتتاح مكتبة عامة كبيرة في مدينة صفاقس يضم آلاف الكتب العربية والأجنبية للقراء.',
      headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer secret' },
    });
    assert.equal(ing.status, 201);
    assert.deepEqual(await total('/api/articles'), { cache: 'miss', total: 3 });
    // Errors are not cached; health is never cached.
    assert.equal((await app.request('/api/articles?limit=0')).headers.get('x-cache'), null);
    assert.equal((await app.request('/api/health')).headers.get('x-cache'), null);
    // A cached answer still gets its ETag and 304.
    const r = await app.request('/api/articles');
    assert.equal(r.headers.get('x-cache'), 'hit');
    const again = await app.request('/api/articles', {
      headers: { 'If-None-Match': r.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
  });
});
