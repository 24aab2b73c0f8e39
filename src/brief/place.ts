/**
 * Place names for the brief's datelines, from the gazetteer the entities use
 * (data/gazetteer/gazetteer.jsonl): whether the words before a lead's dash name a city or a
 * capital («عمّان – بحث وزيرا …», «الرباط - أعلنت …»), and whether the words after it name a
 * place too («تونس - الجزائر تتفقان …»: two places, a headline). Loaded on the first question —
 * a brief whose first lines open on no «WORDS -» never loads it.
 */
import { type FormHit, gazetteer } from '../analyze/gazetteer/index.ts';
import { keyOf } from '../analyze/gazetteer/tokens.ts';

/** The gazetteer's entries named by exactly `words` (folded text), none when they are no form. */
function hitsOf(words: readonly string[]): readonly FormHit[] {
  let node = gazetteer().root;
  for (const w of words) {
    const next = node.next.get(keyOf(w));
    if (!next) return [];
    node = next;
  }
  return node.hits ?? [];
}

const PLACE = new Set(['country', 'region', 'city', 'capital']);

/** A city, a capital, or a region within one state («غزة», «مأرب», «سيناء»; not «أوروبا»), by its name. */
const cityHit = (h: FormHit) =>
  h.role !== 'demonym' &&
  (h.entry.kind === 'city' || h.entry.kind === 'capital' || (h.entry.kind === 'region' && !!h.entry.country));

/**
 * `words` (folded) are the name of a city or a capital (or a region of a state) and of no person
 * or organisation: «عمان» (Amman, and Oman), «الرباط», «مدينة الكويت», «غزة» — not «سامي», not
 * «أوروبا», not a demonym.
 */
export function isCityName(words: readonly string[]): boolean {
  const hits = hitsOf(words);
  return hits.some(cityHit) && !hits.some((h) => h.entry.kind === 'person' || h.entry.kind === 'org');
}

/** The first one, two or three words of `text` (folded) name a place — a country, a region, a city. */
export function opensOnPlace(text: string): boolean {
  const words = text.split(/[^\p{L}\p{M}]+/u, 4).filter((w) => w.length > 0);
  for (let n = 1; n <= Math.min(3, words.length); n++)
    if (hitsOf(words.slice(0, n)).some((h) => PLACE.has(h.entry.kind) && h.role !== 'demonym')) return true;
  return false;
}
