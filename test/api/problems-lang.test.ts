/**
 * Every API problem honours the language asked (`?lang=ar`, Accept-Language: ar): the HTTP-level
 * ones the API raises itself (unknown route, wrong method, malformed JSON, body too large,
 * unsupported media type, a bad query parameter, a refused token) were English whatever was
 * asked, while the catalogue errors were Arabic. And a catalogue error's status says whose
 * fault it is: an archive or queue that cannot be opened was a 400, as if the client erred.
 */
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { HTTP_STATUS } from '../../src/api/problem.ts';
import { ERRORS, type ErrorCode, fail } from '../../src/errors.ts';
import type { SearchRequest, SearchResponse } from '../../src/store/store.ts';
import { sampleDoc } from './fixtures.ts';
import { MemoryStore } from './memory-store.ts';

const ARABIC = /\p{Script=Arabic}/u;
/** English words a problem's Arabic detail must not be written in (names and values aside). */
const ENGLISH =
  /\b(?:was not found|is not allowed|does not validate|is larger than|is not accepted|needs the server token|is disabled|is not a whole number|not valid JSON|Check the)\b/u;

type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: Array<{ in: string; path: string; message: string }>;
};

async function setup(opts: { token?: string; maxBodyBytes?: number; store?: MemoryStore } = {}) {
  const store = opts.store ?? new MemoryStore();
  if (!opts.store) await store.put(sampleDoc());
  return createApp({ store, version: '9.9.9', cache: false, ...opts });
}

async function problem(res: Response, status: number): Promise<Problem & { lang: string | null }> {
  assert.equal(res.status, status);
  assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/u);
  const body = (await res.json()) as Problem;
  assert.equal(body.status, status);
  return { ...body, lang: res.headers.get('content-language') };
}

/** The HTTP-level problems: [name, path, init, status]. */
function cases(suffix: string): Array<[string, string, RequestInit, number]> {
  const auth = { Authorization: 'Bearer secret' };
  const q = (p: string) => `${p}${p.includes('?') ? '&' : '?'}${suffix}`.replace(/[?&]$/u, '');
  return [
    ['unknown route', q('/api/nope'), {}, 404],
    ['unknown article', q('/api/articles/no-such-id'), {}, 404],
    ['unknown story', q('/api/stories/story:nope'), {}, 404],
    ['wrong method', q('/api/articles'), { method: 'DELETE' }, 405],
    ['bad query parameter', q('/api/articles?limit=abc'), {}, 400],
    ['unknown query parameter', q('/api/articles?colour=blue'), {}, 400],
    [
      'malformed JSON',
      q('/api/ingest'),
      { method: 'POST', body: '{"text": ', headers: { 'Content-Type': 'application/json', ...auth } },
      400,
    ],
    [
      'body too large',
      q('/api/ingest'),
      { method: 'POST', body: 'ب'.repeat(2000), headers: { 'Content-Type': 'text/plain', ...auth } },
      413,
    ],
    [
      'unsupported media type',
      q('/api/ingest'),
      { method: 'POST', body: 'x', headers: { 'Content-Type': 'image/png', ...auth } },
      415,
    ],
    [
      'no token',
      q('/api/ingest'),
      { method: 'POST', body: 'نص', headers: { 'Content-Type': 'text/plain' } },
      401,
    ],
    [
      'wrong token',
      q('/api/ingest'),
      { method: 'POST', body: 'نص', headers: { 'Content-Type': 'text/plain', Authorization: 'Bearer x' } },
      403,
    ],
  ];
}

describe('api: problems in the language asked', () => {
  test('every HTTP-level problem is Arabic with ?lang=ar, and with Accept-Language: ar', async () => {
    const app = await setup({ token: 'secret', maxBodyBytes: 1000 });
    for (const [suffix, headers] of [
      ['lang=ar', {}],
      ['', { 'Accept-Language': 'ar-EG,ar;q=0.9,en;q=0.5' }],
    ] as const) {
      for (const [name, path, init, status] of cases(suffix)) {
        const p = await problem(
          await app.request(path, { ...init, headers: { ...(init.headers ?? {}), ...headers } }),
          status,
        );
        const what = `${name} (${suffix || 'Accept-Language'})`;
        assert.match(p.detail, ARABIC, `${what}: ${p.detail}`);
        assert.doesNotMatch(p.detail, ENGLISH, `${what}: ${p.detail}`);
        assert.match(p.title, ARABIC, `${what}: title ${p.title}`);
        assert.equal(p.lang, 'ar', `${what}: Content-Language`);
        assert.match(p.type, /^urn:khabar:problem:[a-z-]+$/u, `${what}: the type stays stable`);
        for (const e of p.errors ?? []) assert.match(e.message, ARABIC, `${what}: ${e.path}: ${e.message}`);
      }
    }
  });

  test('the same problems stay English with lang=en and when no language is named', async () => {
    const app = await setup({ token: 'secret', maxBodyBytes: 1000 });
    for (const suffix of ['lang=en', '']) {
      for (const [name, path, init, status] of cases(suffix)) {
        const p = await problem(await app.request(path, init), status);
        assert.doesNotMatch(`${p.title} ${p.detail}`, /[\u0600-\u06FF]{3}/u, `${name}: ${p.detail}`);
        assert.equal(p.lang, suffix ? 'en' : null, name);
      }
    }
  });

  test('the Arabic names what was given and what to do', async () => {
    const app = await setup({ token: 'secret' });
    /** The problem of POST /api/ingest with a JSON `body` (in `lang`, when given). */
    const postJson = async (body: string, lang?: string) =>
      problem(
        await app.request(`/api/ingest${lang ? `?lang=${lang}` : ''}`, {
          method: 'POST',
          body,
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer secret' },
        }),
        400,
      );
    const route = await problem(await app.request('/api/nope?lang=ar'), 404);
    assert.ok(route.detail.includes('/api/nope') && route.detail.includes('/api/openapi.json'), route.detail);
    const method = await problem(await app.request('/api/articles?lang=ar', { method: 'PUT' }), 405);
    assert.ok(method.detail.includes('PUT') && method.detail.includes('GET, HEAD'), method.detail);
    const limit = await problem(await app.request('/api/articles?limit=abc&lang=ar'), 400);
    assert.deepEqual(limit.errors, [{ in: 'query', path: 'limit', message: '"abc" ليس عددًا صحيحًا' }]);
    assert.ok(limit.detail.includes('limit: "abc" ليس عددًا صحيحًا'), limit.detail);
    // A parameter the route does not take is named, with those it takes (it had no path, and the
    // detail read «query string: query string: Unrecognized key…»).
    const colour = await problem(await app.request('/api/articles?colour=blue'), 400);
    assert.deepEqual(colour.errors?.[0]?.path, 'colour');
    assert.match(colour.detail, /colour: not a parameter of this route \(it takes limit, offset, lang/u);
    const colourAr = await problem(await app.request('/api/articles?colour=blue&lang=ar'), 400);
    assert.match(
      colourAr.errors?.[0]?.message ?? '',
      /^ليس من معاملات هذا المسار \(معاملاته: limit, offset/u,
    );
    const date = await problem(await app.request('/api/articles?from=2025-13&lang=ar'), 400);
    assert.match(date.errors?.[0]?.message ?? '', /^"2025-13": ليس تاريخًا: 13 ليس شهرًا/u);
    const country = await problem(await app.request('/api/events?country=Atlantis&lang=ar'), 400);
    assert.match(country.errors?.[0]?.message ?? '', /^Atlantis ليس بلدًا يعرفه khabar/u);
    const json = await postJson('{', 'ar');
    assert.equal(json.errors?.[0]?.message, 'ليس JSON صالحًا');
    // A body field the route does not take is named (zod gave no path: «body: body: Unrecognized key»).
    const field = await postJson(JSON.stringify({ text: 'نص قصير', colour: 'أزرق' }));
    assert.deepEqual(field.errors, [{ in: 'body', path: 'colour', message: 'not a field this route takes' }]);
    assert.equal(
      field.detail,
      'The body does not validate: colour: not a field this route takes. See /api/openapi.json for what each route accepts.',
    );
    const none = await postJson('{}', 'ar');
    assert.match(none.detail, /^لا يصحّ جسم الطلب: أعطِ text أو html أو url\. /u, none.detail);
  });
});

describe('api: a URL that cannot be fetched', () => {
  test('the 502 says in Arabic why, from the rule and the status, with the URL as given', async () => {
    const server = createServer((req, res) => {
      res.writeHead(req.url === '/gone' ? 404 : 503, { 'Content-Type': 'text/plain' });
      res.end('no');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const app = createApp({ store: new MemoryStore(), token: 't', cache: false });
      const ingest = async (url: string, lang: string) => {
        const res = await app.request(`/api/ingest?lang=${lang}`, {
          method: 'POST',
          body: JSON.stringify({ url }),
          headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t' },
        });
        assert.equal(res.status, 502, url);
        return ((await res.json()) as { detail: string }).detail;
      };
      const gone = await ingest(`${base}/gone`, 'ar');
      assert.equal(
        gone,
        `تعذّر جلب الرابط ${base}/gone: تعذّر جلب العنوان (HTTP 404: الصفحة غير موجودة، تحقّق من الرابط).`,
      );
      const down = await ingest(`${base}/down`, 'ar');
      assert.match(down, /\(HTTP 503: أخفق خادم الموقع، أعد المحاولة لاحقًا\)\.$/u, down);
      assert.doesNotMatch(`${gone} ${down}`, /the page|server failed|try again/u);
      // English stays the fetcher's own reason.
      assert.match(
        await ingest(`${base}/gone`, 'en'),
        /gone: HTTP 404: the page is not there \(check the URL\)/u,
      );
      // no HTTP answer at all: the network cause the fetcher named, in Arabic
      server.close();
      await new Promise((done) => setTimeout(done, 50));
      assert.match(
        await ingest(`${base}/gone`, 'ar'),
        /: تعذّر جلب العنوان \(ECONNREFUSED: رفض الخادم الاتصال، تحقّق من الرابط ومنفذه أو أعد المحاولة لاحقًا\)\.$/u,
      );
    } finally {
      server.close();
    }
  });
});

/** A store whose search fails with `err`, as a store that cannot be opened or fails mid-request does. */
class FailingStore extends MemoryStore {
  constructor(readonly err: unknown) {
    super();
  }
  override async search(_req: SearchRequest): Promise<SearchResponse> {
    throw this.err;
  }
}

describe('api: a catalogue error’s status says whose fault it is', () => {
  test('an archive or queue that fails is 503, a server misconfiguration 500, a bad query still 400', async () => {
    const cases: Array<[ReturnType<typeof fail>, number]> = [
      [fail('STORE_OPEN', 'postgres://k:pw@db/news', 'connect ECONNREFUSED'), 503],
      [fail('NO_ARCHIVE', '/srv/khabar.db'), 503],
      [fail('QUEUE_OPEN', 'postgres://db/news', 'timeout'), 503],
      [fail('MODEL_DEFAULT_MISSING', '/srv/models/tagger.bin'), 500],
      [fail('STORE_READONLY_INDEX', '7', '8'), 500],
      [fail('BAD_QUERY', 'from:2017-13 is not a date.'), 400],
    ];
    const quiet = console.error;
    console.error = () => {};
    try {
      for (const [err, status] of cases) {
        const app = await setup({ store: new FailingStore(err) });
        for (const lang of ['en', 'ar']) {
          const p = await problem(await app.request(`/api/search?q=x&lang=${lang}`), status);
          assert.equal(p.type, `urn:khabar:problem:${err.code.toLowerCase()}`);
          if (lang === 'ar') assert.match(p.detail, ARABIC, p.detail);
          assert.ok(!p.detail.includes(':pw@'), 'no password in the answer');
        }
      }
    } finally {
      console.error = quiet;
    }
  });

  test('a database that stops answering mid-request is a 503 (retry), a programmer error a 500', async () => {
    const coded = (code: string, message: string) => Object.assign(new Error(message), { code });
    const cases: Array<[unknown, number, string]> = [
      [coded('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 503, 'urn:khabar:problem:unavailable'],
      [
        coded('57P01', 'terminating connection due to administrator command'),
        503,
        'urn:khabar:problem:unavailable',
      ],
      [coded('SQLITE_BUSY', 'database is locked'), 503, 'urn:khabar:problem:unavailable'],
      [
        new TypeError("Cannot read properties of undefined (reading 'x')"),
        500,
        'urn:khabar:problem:internal',
      ],
      [coded('42P01', 'relation "articles" does not exist'), 500, 'urn:khabar:problem:internal'],
    ];
    const quiet = console.error;
    console.error = () => {};
    try {
      for (const [err, status, type] of cases) {
        const app = await setup({ store: new FailingStore(err) });
        const p = await problem(await app.request('/api/search?q=x&lang=ar'), status);
        assert.equal(p.type, type, String(err));
        assert.match(p.detail, ARABIC, p.detail);
        if (status === 500) assert.doesNotMatch(p.detail, /undefined|articles/u, 'no internals');
      }
    } finally {
      console.error = quiet;
    }
  });

  test('every catalogue code has a status: client codes 4xx, server codes 5xx', () => {
    const server: ErrorCode[] = [
      'STORE_OPEN',
      'NO_ARCHIVE',
      'QUEUE_OPEN',
      'QUEUE_NEEDS_POSTGRES',
      'NODE_UNSUPPORTED',
      'MODEL_MISSING',
      'MODEL_UNREADABLE',
      'MODEL_DEFAULT_MISSING',
      'WEB_BUILD_NO_VITE',
      'WEB_BUILD_FAILED',
      'COMMAND_MISSING',
      'STORE_READONLY_MISSING',
      'STORE_READONLY_POSTGRES',
      'STORE_READONLY_MIGRATIONS',
      'STORE_READONLY_INDEX',
      'API_STORE_NOT_READY',
      'API_FETCH_FAILED',
      'FILE_NOT_FOUND',
      'OUTPUT_UNWRITABLE',
    ];
    for (const code of Object.keys(ERRORS) as ErrorCode[]) {
      const status = HTTP_STATUS[code];
      assert.ok(Number.isInteger(status), `${code} has a status`);
      if (server.includes(code)) assert.ok(status >= 500 && status < 600, `${code}: ${status}`);
      else assert.ok(status >= 400 && status < 500, `${code}: ${status}`);
    }
  });
});

test('the OpenAPI document says so: the language of problems, 503, and relations’ 404', async () => {
  const app = await setup();
  // biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as JSON
  const doc = (await (await app.request('/api/openapi.json')).json()) as any;
  assert.match(doc.components.schemas.Problem.description, /language the request names/u);
  const relations = doc.paths['/api/relations'].get.responses;
  assert.match(relations['404'].description, /actor_not_found/u);
  assert.ok(relations['404'].headers['Content-Language'], 'Content-Language documented');
  assert.ok(doc.paths['/api/search'].get.responses['503'], 'a store that does not answer: 503');
  assert.match(doc.paths['/api/search'].get.responses['400'].description, /operators and signs only/u);
  const feedParams = doc.paths['/api/feeds/briefs.atom'].get.parameters.map((p: { name: string }) => p.name);
  assert.ok(feedParams.includes('lang'), feedParams.join(', '));
});
