/**
 * The OpenAPI document against the router (uidef4): every route the server registers is in
 * the document and every documented operation is served; each path parameter is documented;
 * the query parameters a route accepts (as its 400 for an unknown one lists them) are those the
 * document gives; each operation documents its success response with a schema. `GET /metrics`
 * was served and missing from the document (and from the `/api` index read from it).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { openStore } from '../../src/store/index.ts';

// biome-ignore lint/suspicious/noExplicitAny: the OpenAPI document as JSON
type Json = any;

test('every route the server registers is documented with its parameters and response schema, and nothing else is', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-openapi-routes-'));
  const store = await openStore(join(dir, 'archive.db'));
  try {
    // With a web root and a token: every route is registered.
    const app = createApp({ store, cache: false, token: 'secret', webRoot: dir, version: 't' });
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    // Middleware and fallbacks are registered as ALL; the web app is GET /* (not the API).
    const served = new Set(
      app.routes
        .filter((r) => r.method !== 'ALL' && r.path !== '/*')
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(
      Object.entries(doc.paths as Record<string, Record<string, Json>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    assert.deepEqual([...served].filter((r) => !documented.has(r)).sort(), [], 'served, not documented');
    assert.deepEqual([...documented].filter((r) => !served.has(r)).sort(), [], 'documented, not served');

    for (const route of documented) {
      const [method, path] = route.split(' ') as [string, string];
      const op = doc.paths[path][method.toLowerCase()];
      assert.ok(op.summary, `${route}: a summary`);
      const params = (op.parameters ?? []) as Json[];
      // Path parameters: each one documented, required.
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      assert.deepEqual(
        params.filter((p) => p.in === 'path').map((p) => [p.name, p.required]),
        inPath.map((n) => [n, true]),
        `${route}: path parameters`,
      );
      // A success response with a schema for each of its media types.
      const ok = Object.entries(op.responses as Record<string, Json>).filter(([code]) => /^2/.test(code));
      assert.ok(ok.length > 0, `${route}: a success response`);
      for (const [code, r] of ok)
        for (const [type, media] of Object.entries((r.content ?? {}) as Record<string, Json>))
          assert.ok(media.schema, `${route} ${code} ${type}: a schema`);
      assert.ok(
        ok.some(([, r]) => Object.keys(r.content ?? {}).length > 0),
        `${route}: a success response with content`,
      );
      if (method !== 'GET') continue;
      // Query parameters: those the route takes, as its 400 for an unknown one lists them.
      const url = `${path.replace(/\{\w+\}/g, 'x1')}?zz_unknown=1`;
      const res = await app.request(url);
      const query = params.filter((p) => p.in === 'query').map((p) => p.name as string);
      if (res.status !== 400) {
        // /metrics ignores its query string: it documents none.
        assert.deepEqual(
          query,
          [],
          `${route}: answers ${res.status} to an unknown parameter, documents none`,
        );
        continue;
      }
      const problem = (await res.json()) as Json;
      const takes = /it takes ([^)]*)\)/.exec(problem.errors?.[0]?.message ?? '')?.[1];
      assert.ok(takes !== undefined, `${route}: the 400 lists what it takes (${JSON.stringify(problem)})`);
      assert.deepEqual(query.sort(), takes.split(', ').sort(), `${route}: query parameters`);
    }
    // The index, read from the document, lists /metrics too.
    const index = (await (await app.request('/api')).json()) as Json;
    assert.ok(index.endpoints.some((e: Json) => e.method === 'GET' && e.path === '/metrics'));
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
