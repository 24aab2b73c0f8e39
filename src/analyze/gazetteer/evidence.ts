/**
 * What the trained tagger's model knows of a word, for the name grammar: its table of
 * frequent words (a word it knows is a common word of news, not a rare surname) and its
 * name-part list. Read from the model's header, also where the tagger does not run; without
 * the model file every word counts as known and none as a name part (the grammar then
 * reads no surname on this evidence).
 */
import { existsSync } from 'node:fs';
import { NAME_FIRST, NAME_LAST } from '../tagger/gazetteer.ts';
import { DEFAULT_MODEL_PATH, loadTagger } from '../tagger/index.ts';
import { matchForm } from '../tagger/normalize.ts';
import { GIVEN_NAMES, NAME_STOP, lightKey } from './lexicon.ts';
import type { Tok } from './tokens.ts';

export interface ForeignEvidence {
  /** In the model's table of frequent words. */
  known(word: string): boolean;
  /** A first or last name part in the model's name-part list. */
  namePart(word: string): boolean;
}

let evidence: ForeignEvidence | undefined;

/** Harakat, tanween, shadda, sukun and the tatweel. */
const MARKS = /[\u064b-\u0652\u0640]/g;

export function foreignEvidence(): ForeignEvidence {
  if (evidence) return evidence;
  if (!existsSync(DEFAULT_MODEL_PATH)) {
    evidence = { known: () => true, namePart: () => false };
    return evidence;
  }
  const h = loadTagger().header;
  const table = new Set(h.wordTable ?? []);
  const parts = h.nameParts ?? {};
  evidence = {
    // (The table holds words as written; the marks off, and folded, for other spellings.)
    known: (w) => table.has(w) || table.has(w.replace(MARKS, '')) || table.has(matchForm(w)),
    namePart: (w) => ((parts[matchForm(w)] ?? 0) & (NAME_FIRST | NAME_LAST)) !== 0,
  };
  return evidence;
}

/**
 * A surname that looks like «و» + a word: «ويتكوف», «والتز», «والاس» — longer than four letters,
 * no word the tagger's frequent-word table knows with or without its «و» (so no «و» + a
 * definite word: «والوزير», «والدفاع»), no listed given name after the «و» (that is a second
 * person: «ستيف ووليد»).
 */
export function foreignSurname(t: Tok | undefined): boolean {
  if (!t?.arabic || t.punct || !/^و/u.test(t.key) || t.key.length < 5) return false;
  if (NAME_STOP.has(lightKey(t.text)) || GIVEN_NAMES.has(lightKey(t.text.slice(1)))) return false;
  const ev = foreignEvidence();
  return !ev.known(t.text) && !ev.known(t.text.slice(1));
}
