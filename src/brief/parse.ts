/**
 * parseBrief: text → Brief. Owned by the brief module; this first version treats every
 * article as unlabelled (one body block per paragraph) until the template parser lands.
 */
import { BRIEF_SCHEMA, type Block, type Brief } from '../model.ts';

export function parseBrief(text: string): Brief {
  const body: Block[] = [];
  const re = /[^\n]+(?:\n(?!\s*\n)[^\n]*)*/g;
  for (const m of text.matchAll(re)) {
    if (m[0].trim()) body.push({ text: m[0], span: [m.index, m.index + m[0].length] });
  }
  return {
    schema: BRIEF_SCHEMA,
    origin: 'unlabelled',
    lead: [],
    sections: [],
    body,
    trailing: [],
    messages: [],
  };
}
