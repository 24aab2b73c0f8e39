// Events on new writing (issue 4, worktree evgen): general rules read from the error classes of
// heldout-6 and the real-news sets, each pinned by sentences of our own writing, run through the
// whole pipeline (entities stage included) as ingest runs it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processArticle } from '../../src/jobs/pipeline.ts';
import type { EventRecord } from '../../src/model.ts';

function events(text: string, published = '2025-06-10'): EventRecord[] {
  return processArticle({
    id: 't',
    language: 'ar',
    text,
    published,
    provenance: { source: 'test', format: 'text', ingestedAt: '2025-06-10T00:00:00Z' },
    warnings: [],
  }).analysis.events;
}

const code = (as: EventRecord['source']) => as.map((a) => `${a.country ?? '-'}/${a.sector ?? '-'}`).sort();
const ofType = (es: EventRecord[], type: string) => {
  const e = es.find((x) => x.type === type);
  assert.ok(e, `no ${type} in ${JSON.stringify(es.map((x) => x.type))}`);
  return e;
};

test('a state or its capital acting is its government (GOV), as subject and as object', () => {
  const es = events('نددت طهران بالعقوبات الجديدة، فيما اتهمت غويانا فنزويلا بحشد قوات على الحدود.');
  assert.deepEqual(code(ofType(es, 'ACCUSE').source), ['IRN/GOV']);
  const acc = es.filter((e) => e.type === 'ACCUSE').find((e) => e.source.some((a) => a.country === 'GUY'));
  assert.ok(acc, JSON.stringify(es.map((e) => [e.type, code(e.source)])));
  assert.deepEqual(code(acc.source), ['GUY/GOV']);
  assert.deepEqual(code(acc.target), ['VEN/GOV']);
  // a state as a place is no actor: nothing of Sweden here
  const at = events('اعتقلت الشرطة ثلاثة أشخاص في السويد.');
  assert.ok(at.every((e) => e.source.every((a) => a.country !== 'SWE' || a.sector !== 'GOV')));
});
