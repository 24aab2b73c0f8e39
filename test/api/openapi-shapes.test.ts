import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { articleFromText } from '../../src/brief/article.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { openStore } from '../../src/store/index.ts';
import { processRecord, readStoryRecords } from '../../src/stories/fixtures.ts';

// biome-ignore lint/suspicious/noExplicitAny: JSON read back from the API and the OpenAPI document
type Json = any;

const EXAMPLES = new URL('../../examples/', import.meta.url).pathname;

/** The properties a schema documents (through $ref and allOf); undefined when it lists none. */
function documented(schema: Json, doc: Json): { props?: Record<string, Json>; extra?: Json } {
  const s = resolve(schema, doc);
  const props: Record<string, Json> = { ...(s.properties ?? {}) };
  for (const part of s.allOf ?? []) Object.assign(props, documented(part, doc).props ?? {});
  return {
    ...(Object.keys(props).length > 0 ? { props } : {}),
    ...(s.additionalProperties !== undefined ? { extra: s.additionalProperties } : {}),
  };
}

function resolve(schema: Json, doc: Json): Json {
  let s = schema ?? {};
  while (s.$ref) s = doc.components.schemas[s.$ref.split('/').pop()];
  return s;
}

/** Every key of `value` that its schema does not document, by path. */
function undocumented(value: Json, schema: Json, doc: Json, path: string, out: Set<string>): void {
  const s = resolve(schema, doc);
  if (Array.isArray(value)) {
    for (const v of value) undocumented(v, s.items, doc, `${path}[]`, out);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const { props, extra } = documented(s, doc);
  for (const [k, v] of Object.entries(value)) {
    if (props && k in props) undocumented(v, props[k], doc, `${path}.${k}`, out);
    else if (extra && typeof extra === 'object') undocumented(v, extra, doc, `${path}.${k}`, out);
    else if (props && extra !== true) out.add(`${path}.${k}`);
  }
}

test('every field the read routes answer is in the OpenAPI document, in Arabic and with lang=en', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-openapi-'));
  const store = await openStore(join(dir, 'archive.db'));
  try {
    for (const r of readStoryRecords(join(EXAMPLES, 'articles.jsonl'))) await store.put(processRecord(r));
    const text = readFileSync(join(EXAMPLES, 'article.txt'), 'utf8');
    const single = processArticle({
      ...articleFromText({ text, source: 'article.txt', published: '2025-11-04' }),
      outlet: 'مكتب خبر',
    });
    await store.put(single);
    const app = createApp({ store, version: '0.0.0', cache: false });
    const doc = (await (await app.request('/api/openapi.json')).json()) as Json;
    const id = single.article.id;
    const story = ((await (await app.request('/api/stories')).json()) as Json).items?.[0]?.id ?? '';
    const routes: [string, string][] = [
      ['/api/articles?limit=50', '/api/articles'],
      [`/api/articles/${id}`, '/api/articles/{id}'],
      [`/api/search?q=${encodeURIComponent('وزير')}&facets=true`, '/api/search'],
      ['/api/entities?limit=100', '/api/entities'],
      ['/api/entities/country:MAR', '/api/entities/{id}'],
      ['/api/events?limit=100', '/api/events'],
      ['/api/relations?level=actor', '/api/relations'],
      ['/api/stories', '/api/stories'],
      [`/api/stories/${story}`, '/api/stories/{id}'],
    ];
    const found = new Set<string>();
    let events = 0;
    for (const [url, path] of routes)
      for (const lang of ['', 'lang=en']) {
        const u = lang ? `${url}${url.includes('?') ? '&' : '?'}${lang}` : url;
        const res = await app.request(u);
        assert.equal(res.status, 200, u);
        const body = (await res.json()) as Json;
        if (path === '/api/events') events += body.items.length;
        const schema = doc.paths[path].get.responses['200'].content['application/json'].schema;
        undocumented(body, schema, doc, `${path}${lang ? ' (lang=en)' : ''}`, found);
      }
    assert.ok(events > 20, `the examples give events to check (${events})`);
    assert.deepEqual([...found].sort(), [], 'fields answered but not documented');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
