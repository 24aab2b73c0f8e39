/**
 * «الجانبين» in the reader (uidef4): coreference makes it one mention of the two sides just
 * named (`entityIds`, the first also in `entityId`); the reader linked it to the first side's
 * page — Oman's — as if «the two sides» meant Oman. It is marked, not linked, its title naming
 * both sides.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lineToItem } from '../../src/ingest/sources/jsonl.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { sidesOf } from '../../web/src/components/Marked.tsx';
import { setLang } from '../../web/src/i18n.ts';

// Our own text: two states named, then «the two sides».
const TEXT = `وقعت سلطنة عمان وإيران أمس اتفاقية للتعاون في مجال النقل البحري.

وتهدف الاتفاقية إلى زيادة حجم التبادل التجاري بين الجانبين خلال العام المقبل.`;

function analysed() {
  const item = lineToItem(JSON.stringify({ title: 'اتفاقية', text: TEXT, outlet: 'اختبار' }), 't:1', {});
  if (item.kind !== 'article') throw new Error('not an article');
  return processArticle(item.article).analysis;
}

test('«الجانبين» after Oman and Iran stands for both, and the reader names both instead of linking to Oman', () => {
  const { mentions, entities } = analysed();
  const sides = mentions.find((m) => m.text === 'الجانبين');
  assert.ok(sides, 'a mention of «الجانبين»');
  assert.deepEqual(sides.entityIds, ['country:OMN', 'country:IRN']);
  const names = new Map(entities.map((e) => [e.id, e.names]));
  const g = globalThis as { document?: unknown };
  const saved = g.document;
  g.document = { documentElement: {} };
  try {
    setLang('ar');
    assert.equal(sidesOf(sides, names), 'المقصود: عمان وإيران');
    setLang('en');
    assert.equal(sidesOf(sides, names), 'Refers to: Oman and Iran');
  } finally {
    setLang('ar');
    g.document = saved;
  }
  // A mention of one entity keeps its link (no title of sides).
  const oman = mentions.find((m) => m.text === 'سلطنة عمان');
  assert.ok(oman);
  assert.equal(sidesOf(oman, names), undefined);
});
