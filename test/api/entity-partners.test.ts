/**
 * An entity's partners count the events it shares with each, each event once (uidef4): a
 * reciprocal event («اتفق الجانبان», «وقعت عمان وإيران») is a dyad each way, and the page summed
 * both — Oman's page gave Iran 10 events of the 7 Oman had.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { lineToItem } from '../../src/ingest/sources/jsonl.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { openStore } from '../../src/store/index.ts';

// Our own texts.
const TEXTS = [
  'وقعت سلطنة عمان وإيران أمس اتفاقية للتعاون في مجال النقل البحري في مسقط.',
  'اتفقت سلطنة عمان وإيران أمس على تشكيل لجنة مشتركة لمتابعة المشاريع الاقتصادية بين البلدين.',
];

test("a reciprocal event counts once among an entity's partners, and no partner has more events than the entity", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-partners-'));
  const store = await openStore(join(dir, 'archive.db'));
  try {
    for (const [i, text] of TEXTS.entries()) {
      const line = JSON.stringify({
        title: `خبر ${i}`,
        text,
        outlet: 'اختبار',
        published: '2026-01-0' + (i + 1),
      });
      const item = lineToItem(line, `t:${i}`, {});
      assert.equal(item.kind, 'article');
      if (item.kind === 'article') await store.put(processArticle(item.article));
    }
    const app = createApp({ store, cache: false });
    const page = (await (await app.request('/api/entities/country:OMN')).json()) as {
      eventsTotal: number;
      events: Array<{ reciprocal: boolean; source: unknown[]; target: unknown[] }>;
      partners: Array<{ id: string; events: number; score: number }>;
    };
    const shared = page.events.filter((e) => e.reciprocal).length;
    assert.ok(shared >= 2, `two reciprocal events of Oman and Iran (${JSON.stringify(page.events)})`);
    const iran = page.partners.find((p) => p.id === 'IRN');
    assert.ok(iran, JSON.stringify(page.partners));
    assert.equal(iran.events, shared, 'each shared event once (was twice: one dyad each way)');
    for (const p of page.partners) assert.ok(p.events <= page.eventsTotal, `${p.id}: ${p.events}`);
    assert.ok(iran.score > 0, 'agreements are cooperation');
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
