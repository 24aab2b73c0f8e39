// The events of a text run through the whole pipeline, as ingest runs it — shared by the events tests.
import assert from 'node:assert/strict';
import { processArticle } from '../../src/jobs/pipeline.ts';
import type { EventRecord } from '../../src/model.ts';

/** `published` dates the article; `ingestedAt` defaults to that day's midnight. */
export function pipelineEvents(
  text: string,
  published: string,
  ingestedAt = `${published}T00:00:00Z`,
): EventRecord[] {
  return processArticle({
    id: 't',
    language: 'ar',
    text,
    published,
    provenance: { source: 'test', format: 'text', ingestedAt },
    warnings: [],
  }).analysis.events;
}

/** An actor list as sorted «country/sector» codes, «-» for a missing part. */
export const actorCodes = (as: EventRecord['source']): string[] =>
  as.map((a) => `${a.country ?? '-'}/${a.sector ?? '-'}`).sort();

/** The one event of `type` (whose trigger holds `trigger`, when given); fails naming what there is. */
export function onlyEvent(es: EventRecord[], type: string, trigger?: string): EventRecord {
  const found = es.filter((e) => e.type === type && (!trigger || e.trigger.text.includes(trigger)));
  assert.equal(
    found.length,
    1,
    `one ${type} ${trigger ?? ''} in ${JSON.stringify(es.map((e) => [e.type, e.trigger.text]))}`,
  );
  return found[0]!;
}

/** The states of an actor list, sorted, «-» for none. */
export const actorStates = (as: EventRecord['source']): string[] =>
  [...new Set(as.map((a) => a.country ?? '-'))].sort();
