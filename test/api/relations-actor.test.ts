/**
 * uidef3: GET /api/relations?level=actor&actor=… answers only the pairs that include that actor.
 * Before, the store took every event naming the actor and counted all its pairs — the pairs
 * between two other actors of the same events came too («Israel and the United States struck
 * Yemen» asked for Israel also gave United States → Yemen; «Egypt, Qatar and Turkey agreed»
 * asked for Egypt also gave Qatar ↔ Turkey). The articles are our own writing.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { type IngestedArchive, ingestedArchive } from './archive.ts';

const ARTICLES = [
  {
    id: 'ra-1',
    outlet: 'صحيفة المرصد',
    title: 'غارات على الحديدة',
    published: '2026-04-07',
    text: 'شنّت إسرائيل والولايات المتحدة يوم الثلاثاء غارات جوية على مواقع في اليمن، وقالت مصادر محلية إن الغارات استهدفت ميناء الحديدة.',
  },
  {
    id: 'ra-2',
    outlet: 'وكالة الضفة',
    title: 'لجنة ثلاثية للهدنة',
    published: '2026-04-12',
    text: 'اتفقت مصر وقطر وتركيا يوم الأحد على تشكيل لجنة مشتركة لمتابعة تنفيذ الهدنة في غزة.',
  },
];

type Rel = { total: number; dyads: Array<{ source: string; target: string }> };

describe('relations of one actor', () => {
  let archive: IngestedArchive;
  const rel = async (actor: string): Promise<Rel> => {
    const res = await archive.app.request(`/api/relations?${new URLSearchParams({ level: 'actor', actor })}`);
    assert.equal(res.status, 200, await res.clone().text());
    return (await res.json()) as Rel;
  };

  before(async () => {
    archive = await ingestedArchive('relations-actor', ARTICLES.map((a) => JSON.stringify(a)).join('\n'));
  });
  after(() => archive.close());

  test('every pair includes the actor asked for, by id or by name', async () => {
    for (const actor of ['country:ISR', 'country:EGY', 'مصر', 'Egypt']) {
      const r = await rel(actor);
      const id = actor.startsWith('country:') ? actor : 'country:EGY';
      assert.ok(r.dyads.length > 0, `${actor}: its pairs`);
      assert.equal(r.total, r.dyads.length);
      for (const d of r.dyads)
        assert.ok(d.source === id || d.target === id, `${actor}: ${d.source} → ${d.target} is not its pair`);
    }
  });

  test('a reciprocal agreement of three gives the actor both ways with each other side', async () => {
    const pairs = (await rel('country:EGY')).dyads.map((d) => `${d.source}>${d.target}`).sort();
    assert.deepEqual(pairs, [
      'country:EGY>country:QAT',
      'country:EGY>country:TUR',
      'country:QAT>country:EGY',
      'country:TUR>country:EGY',
    ]);
  });

  test('without an actor every pair stays', async () => {
    const res = await archive.app.request('/api/relations?level=actor');
    const all = (await res.json()) as Rel;
    const pairs = new Set(all.dyads.map((d) => `${d.source}>${d.target}`));
    assert.ok(pairs.has('country:QAT>country:TUR'), [...pairs].join());
  });
});

describe('every country of the relations has a page (uidef3)', () => {
  let archive: IngestedArchive;
  const app = () => archive.app;

  before(async () => {
    const examples = new URL('../../examples/articles.jsonl', import.meta.url);
    archive = await ingestedArchive('relations-pages', readFileSync(examples, 'utf8'));
  });
  after(() => archive.close());

  test('a state named only by its places and people is a page of its events', async () => {
    // Palestine is in the graph («قطاع غزة», Palestinian civilians) though no article names the
    // state itself: its node and partners linked to a 404 «no entity with this id».
    const rel = (await (await app().request('/api/relations?level=country')).json()) as Rel & {
      nodes: Array<{ id: string }>;
    };
    assert.ok(!(await archive.store.entity('country:PSE')), 'no stored entity for the state');
    assert.ok(rel.nodes.some((n) => n.id === 'PSE'));
    for (const n of rel.nodes) {
      const res = await app().request(`/api/entities/country:${n.id}`);
      assert.equal(res.status, 200, n.id);
    }
    const pse = (await (await app().request('/api/entities/country:PSE')).json()) as {
      entity: { names: { ar: string } };
      mentions: number;
      eventsTotal: number;
    };
    assert.equal(pse.entity.names.ar, 'فلسطين');
    assert.equal(pse.mentions, 0);
    assert.ok(pse.eventsTotal > 0);
    // a state with no event in the archive, and no state at all, are still 404s
    assert.equal((await app().request('/api/entities/country:FJI')).status, 404);
    assert.equal((await app().request('/api/entities/country:ZZZ')).status, 404);
  });
});
