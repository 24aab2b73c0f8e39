/**
 * The same archive on SQLite and PostgreSQL answers the same: same totals, same hits (as
 * sets; and in the same order when sorted by date), same facets, same snippets. Relevance
 * scores differ (bm25 against ts_rank), so relevance order is not compared.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/store.ts';
import { dropSchemas, freshName, PG_URL as url, pgSkipReason } from '../pg.ts';
import { loadArchive } from './suite.ts';

const schema = freshName('khabar_test');
const why = await pgSkipReason('the SQLite/PostgreSQL comparison');

const QUERIES = [
  'الاستراتيجية',
  'إيران',
  'Larijani',
  '"وزير الخارجية"',
  'التعاون -إيران',
  '-التعاون from:2024',
  'التعاون OR الزراعة',
  'وزير*',
  'country:IRN',
  'country:إيران التعاون',
  'type:CONSULT',
  'type:AGREE OR type:SUPPORT',
  'outlet:"وكالة السهل"',
  'from:2025-10 to:2025-12',
  'section:key_points',
  'التعاون section:key_points',
  'actor:لاريجاني',
  'المسؤولون',
];

describe('SQLite and PostgreSQL give the same results', { skip: why ?? false }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-same-'));
  let lite: Store;
  let post: Store;
  before(async () => {
    lite = await openStore(join(dir, 'same.db'));
    post = await openStore(url, { schema });
    const examples = new URL('../../examples/articles.jsonl', import.meta.url);
    for (const s of [lite, post]) {
      await loadArchive(s);
      for (const line of readFileSync(examples, 'utf8').split('\n').filter(Boolean)) {
        const j = JSON.parse(line);
        await s.put(
          processArticle({
            id: j.id,
            language: 'ar',
            text: j.text,
            ...(j.title ? { title: j.title } : {}),
            ...(j.outlet ? { outlet: j.outlet } : {}),
            ...(j.published ? { published: j.published } : {}),
            provenance: { source: 'examples', format: 'example', ingestedAt: '2026-01-01T00:00:00Z' },
            warnings: [],
          }),
        );
      }
    }
  });
  after(async () => {
    await lite?.close();
    await post?.close();
    rmSync(dir, { recursive: true, force: true });
    if (!why) await dropSchemas([schema]);
  });

  for (const q of QUERIES) {
    it(`«${q}»`, async () => {
      const [a, b] = await Promise.all([
        lite.search({ q, limit: 100, facets: true }),
        post.search({ q, limit: 100, facets: true }),
      ]);
      assert.equal(b.total, a.total, 'total');
      assert.deepEqual(new Set(b.hits.map((h) => h.id)), new Set(a.hits.map((h) => h.id)), 'hits');
      assert.deepEqual(b.facets, a.facets, 'facets');
      const [da, db] = await Promise.all([
        lite.search({ q, limit: 100, sort: 'date' }),
        post.search({ q, limit: 100, sort: 'date' }),
      ]);
      const strip = (r: typeof da) => r.hits.map(({ score: _s, ...h }) => h);
      assert.deepEqual(strip(db), strip(da), 'date order, snippets, highlights');
    });
  }

  it('lists, events, entities and dyads agree too', async () => {
    assert.deepEqual(await post.list({ limit: 100 }), await lite.list({ limit: 100 }));
    assert.deepEqual(await post.events({ limit: 1000 }), await lite.events({ limit: 1000 }));
    assert.deepEqual(await post.entities({ limit: 1000 }), await lite.entities({ limit: 1000 }));
    assert.deepEqual(await post.dyads(), await lite.dyads());
    const { tookMs: _a, ...sa } = { tookMs: 0, ...(await lite.stats()) };
    const { tookMs: _b, ...sb } = { tookMs: 0, ...(await post.stats()) };
    assert.deepEqual(sb, sa);
  });
});
