import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { ProcessedArticle } from '../../src/model.ts';
import { articleRows } from '../../src/store/rows.ts';
import { docs, makeDoc } from './fixtures.ts';

/** The two serializations articleRows makes by definition: the document, and it without the ingest time. */
function definition(doc: ProcessedArticle): { doc: string; contentHash: string } {
  const { ingestedAt: _, ...prov } = doc.article.provenance;
  const content = JSON.stringify({ ...doc, article: { ...doc.article, provenance: prov } });
  return { doc: JSON.stringify(doc), contentHash: createHash('sha256').update(content).digest('hex') };
}

test('articleRows serializes the document once: the same doc JSON and content hash as by definition', () => {
  const tricky = makeDoc({
    id: 't-provenance-text',
    // Text that spells the provenance's JSON (escaped inside a string, so never a match).
    text: 'نص فيه "provenance":{"source":"x"} وعبارة "ingestedAt" كما هي.',
  });
  const twice = makeDoc({ id: 't-twice', text: 'نص قصير آخر للاختبار.' });
  // The provenance's JSON also stands elsewhere in the document: serialized the plain way.
  (twice.analysis as unknown as Record<string, unknown>).copy = {
    provenance: { ...twice.article.provenance },
  };
  const { ingestedAt: _, ...prov } = twice.article.provenance;
  (twice.analysis as unknown as Record<string, unknown>).copy2 = { provenance: prov };
  for (const d of [...docs(), tricky, twice]) {
    const rows = articleRows(d);
    const want = definition(d);
    assert.equal(rows.doc, want.doc, d.article.id);
    assert.equal(rows.contentHash, want.contentHash, d.article.id);
    assert.deepEqual(JSON.parse(rows.doc), JSON.parse(JSON.stringify(d)));
  }
});
