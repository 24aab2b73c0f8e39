import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { acceptLang, requestLang } from '../../src/i18n/api.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { openStore } from '../../src/store/index.ts';
import { sampleDoc } from '../api/fixtures.ts';
import { MemoryStore } from '../api/memory-store.ts';

async function app(cache = false) {
  const store = new MemoryStore();
  await store.put(sampleDoc());
  return createApp({ store, version: '0.0.0', ...(cache ? {} : { cache: false }) });
}

// biome-ignore lint/suspicious/noExplicitAny: JSON read back from the API, checked field by field
type Json = any;

test('acceptLang and requestLang', () => {
  assert.equal(acceptLang('en-US,en;q=0.9'), 'en');
  assert.equal(acceptLang('ar-EG,ar;q=0.9,en;q=0.8'), 'ar');
  assert.equal(acceptLang('fr, en;q=0.5, ar;q=0.7'), 'ar');
  assert.equal(acceptLang('en;q=0, ar;q=0.1'), 'ar');
  assert.equal(acceptLang('de'), undefined);
  assert.equal(acceptLang(undefined), undefined);
  assert.equal(requestLang('ar', 'en'), 'ar', '?lang= wins');
  assert.equal(requestLang(undefined, 'en-GB'), 'en');
  assert.equal(requestLang(undefined, undefined), 'ar');
});

test('GET /api/articles/:id?lang=en adds English glosses; without it, none', async () => {
  const a = await app();
  const id = sampleDoc().article.id;
  const en = (await (await a.request(`/api/articles/${id}?lang=en`)).json()) as Json;
  const ev = en.events[0];
  assert.equal(ev.type, 'CONSULT');
  assert.equal(ev.type_label, 'Consult');
  assert.equal(ev.source[0].country_name, 'Egypt');
  assert.equal(ev.source[0].sector_label, 'Government');
  assert.doesNotMatch(ev.source[0].display, /\p{Script=Arabic}/u, 'transliterated name');
  const person = en.entities.find((e: Json) => e.id === 'person:ahmed-sami');
  assert.match(person.name_en, /^Ahm/);
  assert.equal(person.post_en, undefined, 'no English gloss of this post is known');
  assert.equal(en.entities.find((e: Json) => e.id === 'country:JOR').name_en, 'Jordan');
  assert.equal(en.brief.sections[0].label_en, 'Why it matters');
  const plain = (await (await a.request(`/api/articles/${id}`)).json()) as Json;
  assert.equal(plain.events[0].type_label, undefined);
  assert.equal(plain.entities[0].name_en, undefined);
});

test('GET /api/events and /api/entities: Accept-Language: en or ?lang=en', async () => {
  const a = await app();
  const ev = (await (
    await a.request('/api/events', { headers: { 'Accept-Language': 'en-US,en;q=0.9' } })
  ).json()) as Json;
  assert.equal(ev.items[0].type_label, 'Consult');
  assert.equal(ev.items[0].target[0].country_name, 'Jordan');
  const ar = (await (
    await a.request('/api/events?lang=ar', { headers: { 'Accept-Language': 'en' } })
  ).json()) as Json;
  assert.equal(ar.items[0].type_label, undefined);
  const ents = (await (await a.request('/api/entities?lang=en')).json()) as Json;
  const egy = ents.items.find((v: Json) => v.entity.id === 'country:EGY');
  assert.equal(egy.entity.name_en, 'Egypt');
  assert.equal(egy.entity.display, 'Egypt');
  const bad = await a.request('/api/events?lang=fr');
  assert.equal(bad.status, 400);
});

test('the response cache keeps English and Arabic answers apart (Vary: Accept-Language)', async () => {
  const a = await app(true);
  const ar = await a.request('/api/events', { headers: { 'Accept-Language': 'ar' } });
  assert.match(ar.headers.get('vary') ?? '', /Accept-Language/);
  assert.equal(((await ar.json()) as Json).items[0].type_label, undefined);
  const en = (await (
    await a.request('/api/events', { headers: { 'Accept-Language': 'en' } })
  ).json()) as Json;
  assert.equal(en.items[0].type_label, 'Consult');
  const again = (await (
    await a.request('/api/events', { headers: { 'Accept-Language': 'ar' } })
  ).json()) as Json;
  assert.equal(again.items[0].type_label, undefined);
});

test('English names beside Arabic ones: search facets, relation nodes, an entity page and its partners', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-i18n-api-'));
  const store = await openStore(join(dir, 'archive.db'));
  try {
    await store.put(processArticle(sampleDoc().article));
    const a = createApp({ store, version: '0.0.0', cache: false });
    const en = (await (
      await a.request(`/api/search?q=${encodeURIComponent('الخارجية')}&lang=en`)
    ).json()) as Json;
    const jor = en.facets.countries.find((v: Json) => v.value === 'JOR');
    assert.equal(jor.label_en, 'Jordan');
    const actor = en.facets.actors.find((v: Json) => v.value === 'person:ahmad-sami');
    assert.ok(actor, 'the person is an actor facet');
    assert.equal(actor.label_en, 'Ahmad Sami', 'transliterated, no English name is known');
    const ar = (await (await a.request(`/api/search?q=${encodeURIComponent('الخارجية')}`)).json()) as Json;
    assert.equal(ar.facets.countries.find((v: Json) => v.value === 'JOR').label_en, undefined);

    const rel = (await (await a.request('/api/relations?level=actor&lang=en')).json()) as Json;
    const node = rel.nodes.find((n: Json) => n.id === 'person:ahmad-sami');
    assert.equal(node.label, 'أحمد سامي');
    assert.match(node.label_en, /^Ahm/);
    const countries = (await (
      await a.request('/api/relations', { headers: { 'Accept-Language': 'en' } })
    ).json()) as Json;
    assert.equal(countries.nodes.find((n: Json) => n.id === 'JOR').label_en, 'Jordan');
    // An actor with no entity, keyed by its country and sector (a state on the other side of a
    // meeting is its government): named from the gazetteer.
    assert.deepEqual(
      rel.nodes.find((n: Json) => n.id === 'EGY/GOV'),
      { id: 'EGY/GOV', label: 'مصر (حكومة)', label_en: 'Egypt (Government)' },
    );

    const page = (await (await a.request('/api/entities/person:ahmad-sami?lang=en')).json()) as Json;
    assert.match(page.entity.name_en, /^Ahm/);
    assert.equal(page.events[0].type_label, 'Consult');
    assert.deepEqual(page.partners.map((p: Json) => p.label_en).sort(), [
      'Egypt (Government)',
      'Jordan (Government)',
    ]);
    const pageAr = (await (await a.request('/api/entities/person:ahmad-sami')).json()) as Json;
    assert.equal(pageAr.entity.name_en, undefined);
    assert.equal(pageAr.partners[0].label_en, undefined);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the OpenAPI document lists lang on every read route and the Hijri date of events', async () => {
  const a = await app();
  const doc = (await (await a.request('/api/openapi.json')).json()) as Json;
  for (const p of [
    '/api/articles',
    '/api/articles/{id}',
    '/api/search',
    '/api/entities',
    '/api/entities/{id}',
    '/api/events',
    '/api/relations',
  ])
    assert.ok(
      doc.paths[p].get.parameters.some((x: Json) => x.name === 'lang' && x.in === 'query'),
      `${p} documents lang`,
    );
  assert.ok(doc.components.schemas.Event.properties.date.properties.hijri);
});

test('in English a post keeps its country (facets, relation nodes): Egypt’s minister is not Jordan’s', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-i18n-api-'));
  const store = await openStore(join(dir, 'archive.db'));
  try {
    // own writing: two foreign ministers, each a post entity
    const text =
      'القاهرة - استقبل وزير الخارجية المصري نظيره الأردني يوم الاثنين في القاهرة، وبحث الجانبان التعاون في مجال المياه والطاقة.';
    const base = sampleDoc().article;
    await store.put(processArticle({ ...base, id: 'posts1', text, title: 'لقاء', published: '2026-03-02' }));
    const a = createApp({ store, version: '0.0.0', cache: false });
    const en = (await (
      await a.request(`/api/search?q=${encodeURIComponent('المياه')}&lang=en`)
    ).json()) as Json;
    const posts = en.facets.actors.filter((v: Json) => String(v.value).startsWith('post:'));
    assert.deepEqual(
      posts.map((v: Json) => v.label_en).sort(),
      ['Minister of Foreign Affairs of Egypt', 'Minister of Foreign Affairs of Jordan'],
      JSON.stringify(en.facets.actors),
    );
    const rel = (await (await a.request('/api/relations?level=actor&lang=en')).json()) as Json;
    const node = rel.nodes.find((n: Json) => n.id === 'post:minister-of-foreign-affairs-egy');
    assert.equal(node?.label_en, 'Minister of Foreign Affairs of Egypt', JSON.stringify(rel.nodes));
    assert.equal(node?.label, 'وزير الخارجية المصري');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
