/**
 * extractEvents: an analyzed article → PLOVER events with dates and evidence. Owned by
 * the events module; this first version finds nothing.
 */
import type { Brief, DateRef, Entity, EventRecord, Mention } from '../model.ts';

export interface EventInput {
  text: string;
  brief: Brief;
  mentions: Mention[];
  entities: Entity[];
  /** ISO publication date, when known from metadata. */
  published?: string;
}

export interface EventResult {
  events: EventRecord[];
  dates: DateRef[];
  published?: DateRef;
}

export function extractEvents(_input: EventInput): EventResult {
  return { events: [], dates: [] };
}
