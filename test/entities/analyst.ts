// Helpers of the "what an analyst sees on real news" tests (rounds 3 and 4).
import assert from 'node:assert/strict';
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

/** Fields of a post a test asks for. */
export interface WantPost {
  ar?: string;
  en?: string;
  country?: string;
  sector?: string;
  status?: string;
}

/**
 * `name` is read as a person holding the post `want` (the fields given must match); with no
 * `status` asked for, the post is held now (no status).
 */
export function holdsPost(text: string, name: string, want: WantPost) {
  const { e, people } = holder(text, name);
  assert.ok(e, `${text}: no «${name}» among ${show(people)}`);
  assert.ok(e.post, `${text}: «${name}» has no post`);
  for (const [k, v] of Object.entries(want))
    assert.equal((e.post as unknown as Record<string, unknown>)[k], v, `${text}: ${k} of ${show(e.post)}`);
  if (!('status' in want)) assert.equal(e.post.status, undefined, `${text}: ${show(e.post)}`);
}
