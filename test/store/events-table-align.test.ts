/** walk3: the events table keeps the n-th name, country and sector of a row the same actor's. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ProcessedArticle } from '../../src/model.ts';
import { eventTableRows } from '../../src/store/export.ts';

function doc(source: ProcessedArticle['analysis']['events'][number]['source']): ProcessedArticle {
  const text = 'التقى وزير الداخلية المغربي نظيره الفرنسي في الرباط.';
  const event = {
    id: 'ev-0-consult',
    type: 'CONSULT',
    contexts: [],
    source,
    target: [],
    reciprocal: false,
    modality: 'happened',
    negated: false,
    background: false,
    confidence: 0.9,
    evidence: [[0, text.length]],
  };
  return {
    article: { id: 'a1', text, language: 'ar' },
    brief: {},
    analysis: { events: [event], entities: [] },
  } as unknown as ProcessedArticle;
}

test('an actor with no country keeps an empty place in the countries cell', () => {
  const [row] = eventTableRows(
    doc([
      { name: 'جهة ما', sector: 'GOV' },
      { name: 'وزير الداخلية المغربي', country: 'MAR', sector: 'GOV' },
      { name: 'وزير الداخلية الفرنسي', country: 'FRA' },
    ]),
  );
  assert.equal(row!.source_names, 'جهة ما; وزير الداخلية المغربي; وزير الداخلية الفرنسي');
  // Second name, second country: Morocco's minister is not paired with France.
  assert.equal(row!.source_countries, '; MAR; FRA');
  assert.equal(row!.source_sectors, 'GOV; GOV; ');
  const en = eventTableRows(
    doc([{ name: 'جهة ما' }, { name: 'وزير الداخلية المغربي', country: 'MAR' }]),
    'en',
  )[0]!;
  assert.equal(en.source_countries_en, '; Morocco');
});

test('a cell with no value for any actor stays empty', () => {
  const [row] = eventTableRows(doc([{ name: 'جهة ما' }, { name: 'جهة أخرى' }]));
  assert.equal(row!.source_countries, '');
  assert.equal(row!.source_sectors, '');
  assert.equal(row!.target_names, '');
});
