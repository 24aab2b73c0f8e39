/**
 * findEntities: text → mentions and entities. Owned by the entities module (gazetteer,
 * posts, tagger, coreference, linking); this first version finds nothing.
 */
import type { Brief, Entity, Mention, Message } from '../model.ts';

export interface EntityResult {
  mentions: Mention[];
  entities: Entity[];
  messages: Message[];
}

export function findEntities(_text: string, _opts: { brief?: Brief } = {}): EntityResult {
  return { mentions: [], entities: [], messages: [] };
}
