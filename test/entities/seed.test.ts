/**
 * The seed article (../shared, skipped when absent): every entity of seed.gold.json is
 * found, with the right type, country, sector, post and mentions.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';
import type { Entity, Mention } from '../../src/model.ts';

const seedPath = new URL('../../../shared/seeds/000_abf55f7c1628d6cc.txt', import.meta.url);
const goldPath = new URL('../../../shared/eval/seed.gold.json', import.meta.url);
const present = existsSync(seedPath) && existsSync(goldPath);

interface GoldEntity {
  type: string;
  name_ar: string;
  name_en?: string;
  country: string | null;
  sector?: string;
  post?: string;
  post_en?: string;
  mentions?: string[];
}

function load() {
  const text = readFileSync(seedPath, 'utf8');
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { entities: GoldEntity[] };
  return { text, gold, result: findEntities(text) };
}

function mentionsOf(mentions: Mention[], id: string): Mention[] {
  return mentions.filter((m) => m.entityId === id || m.entityIds?.includes(id));
}

/** The entity a gold entry describes: its canonical name, or a mention with its text. */
function find(entities: Entity[], mentions: Mention[], g: GoldEntity): Entity | undefined {
  const byName = entities.find((e) => e.names.ar === g.name_ar || e.names.aliases.includes(g.name_ar));
  if (byName) return byName;
  const m = mentions.find((x) => x.text === g.name_ar && x.entityId);
  return m ? entities.find((e) => e.id === m.entityId) : undefined;
}

test('seed: every gold entity is found with its type, country and sector', (t) => {
  if (!present)
    return t.skip('../shared/seeds or ../shared/eval is absent (CI puts shared/ beside the clone)');
  const { text, gold, result } = load();
  for (const g of gold.entities) {
    const e = find(result.entities, result.mentions, g);
    assert.ok(e, `gold entity ${g.name_ar} not found`);
    assert.equal(e.type, g.type, `${g.name_ar}: type`);
    if (g.country) assert.equal(e.country, g.country, `${g.name_ar}: country`);
    else assert.equal(e.country, undefined, `${g.name_ar}: no country`);
    if (g.sector) assert.equal(e.sector, g.sector, `${g.name_ar}: sector`);
    if (g.name_en && g.type === 'PERS') assert.equal(e.names.en, g.name_en, `${g.name_ar}: English name`);
    if (g.post) {
      assert.equal(e.post?.ar, g.post, `${g.name_ar}: post`);
      assert.equal(e.post?.en, g.post_en, `${g.name_ar}: post in English`);
      assert.equal(e.post?.country, g.country);
    }
    const texts = new Set(mentionsOf(result.mentions, e.id).map((m) => m.text));
    for (const m of g.mentions ?? []) {
      // Gold writes «السيد علي لاريجاني»; khabar keeps honorifics out of the mention's span
      // (the name is «علي لاريجاني», right after «السيد» in the text).
      const bare = m.replace(/^(السيد|السيدة|الشيخ|الدكتور) /u, '');
      const found = texts.has(m) || (bare !== m && texts.has(bare) && text.includes(m));
      assert.ok(found, `${g.name_ar}: mention «${m}» missing (have ${[...texts].join('، ')})`);
    }
  }
});

test('seed: Israel is linked from «الكيان الصهيوني» with the framing kept', (t) => {
  if (!present) return t.skip('../shared is absent');
  const { result } = load();
  const m = result.mentions.find((x) => x.text === 'الكيان الصهيوني');
  assert.ok(m);
  assert.equal(m.entityId, 'country:ISR');
  assert.equal(m.role, 'alias');
  assert.equal(m.framing, 'الكيان الصهيوني');
});

test('seed: the capitals stand for their states, the parties are the two people', (t) => {
  if (!present) return t.skip('../shared is absent');
  const { result } = load();
  for (const [city, id] of [
    ['طهران', 'country:IRN'],
    ['إسلام آباد', 'country:PAK'],
  ] as const) {
    const ms = result.mentions.filter((m) => m.text === city);
    assert.ok(ms.length > 0, city);
    for (const m of ms) {
      assert.equal(m.entityId, id, city);
      assert.equal(m.role, 'metonym');
    }
  }
  const parties = result.mentions.find((m) => m.text === 'الطرفان');
  assert.deepEqual(parties?.entityIds, ['person:ali-larijani', 'person:mohsin-naqvi']);
  for (const m of result.mentions.filter((x) => x.text === 'البلدين'))
    assert.deepEqual(m.entityIds, ['country:IRN', 'country:PAK']);
});

test('seed: no entity of a type gold does not allow, every span slices its text', (t) => {
  if (!present) return t.skip('../shared is absent');
  const { text, result } = load();
  const allowed = new Set(['PERS', 'ORG', 'LOC']);
  for (const e of result.entities) assert.ok(allowed.has(e.type), `${e.id} has type ${e.type}`);
  for (const m of result.mentions) assert.equal(text.slice(m.span[0], m.span[1]), m.text);
  // Nothing in the seed is a person but the two people.
  const people = result.entities.filter((e) => e.type === 'PERS').map((e) => e.id);
  assert.deepEqual(people.sort(), ['person:ali-larijani', 'person:mohsin-naqvi']);
});
