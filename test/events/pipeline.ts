// The events of a text run through the whole pipeline, as ingest runs it — shared by the events tests.
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
