import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import type { ProcessedArticle } from '../../src/model.ts';
import { analyzeText } from '../../src/search/analyze.ts';
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

test('articleRows builds its index columns straight from the words: the same rows as from analyzeText terms', () => {
  const mixed = makeDoc({
    id: 't-index-builder',
    title: 'Al-Jazeera: وزير الخارجية يزور #عمّان',
    // Words of every kind the analyzer cuts: Arabic with clitics and harakat, numbers,
    // hyphenated Latin, a hashtag, a mention, a URL (no word), punctuation.
    text: 'وَقالَ الوزيرُ للصحفيين إنَّ 25 مسؤولًا زاروا Kuala-Lumpur و@khabar_news.\nالمزيد على https://example.org/a-b #الاقتصاد والاستراتيجيات.',
    sections: { key_points: 'المزيد على https://example.org/a-b #الاقتصاد والاستراتيجيات.' },
  });
  const untitled = makeDoc({ id: 't-index-untitled', text: 'بيان قصير بلا عنوان: Larijani في طهران.' });
  for (const d of [...docs(), mixed, untitled]) {
    const built = articleRows(d);
    const fromTerms = articleRows(d, analyzeText);
    assert.deepEqual(built, fromTerms, d.article.id);
    // Not vacuous: the title's words are indexed ahead of the body's, and only the body
    // makes the exact-duplicate key.
    const bodyForms = analyzeText(d.article.text)
      .map((t) => t.form)
      .join(' ');
    assert.equal(built.textHash, createHash('sha256').update(bodyForms).digest('hex'), d.article.id);
    const titleForms = d.article.title ? analyzeText(d.article.title).map((t) => t.form) : [];
    assert.ok(built.index.forms.startsWith([...titleForms, analyzeText(d.article.text)[0]!.form].join(' ')));
  }
  assert.match(
    articleRows(mixed).index.forms,
    /^Al Jazeera وزير .* Kuala Lumpur .* الاقتصاد والاستراتيجيات$/u,
  );
  assert.ok(articleRows(untitled).index.latin.split(' ').includes('lrjn'));
});
