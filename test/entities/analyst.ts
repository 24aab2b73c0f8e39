// Helpers of the "what an analyst sees on real news" tests (rounds 3 and 4).
import { findEntities } from '../../src/analyze/entities.ts';

export type Tagger = 'off' | 'auto';
export const run = (text: string, tagger: Tagger = 'auto') => findEntities(text, { tagger });
export const show = (x: unknown) => JSON.stringify(x);

/** The person a mention with this text names, and the post the article gives it. */
export function holder(text: string, name: string, tagger: Tagger = 'auto') {
  const r = run(text, tagger);
  const m = r.mentions.find((x) => x.type === 'PERS' && x.text === name);
  const e = r.entities.find((x) => x.id === m?.entityId);
  return { e, people: r.entities.filter((x) => x.type === 'PERS').map((x) => x.names.ar), r };
}
