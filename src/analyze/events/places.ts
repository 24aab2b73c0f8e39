/** Provinces and towns (data/events/places.tsv): the country an article's domestic actors act in. */
import { readTsv } from './lexicon.ts';
import { norm, type Tok } from './text.ts';

interface Place {
  /** The words after the first one («سيدي بوزيد» → [«بوزيد»]). */
  rest: string[];
  country: string;
}

let byFirst: Map<string, Place[]> | undefined;

function load(): Map<string, Place[]> {
  if (byFirst) return byFirst;
  const map = new Map<string, Place[]>();
  for (const [iso, forms] of readTsv('places.tsv')) {
    if (!iso || !forms) continue;
    for (const f of forms.split(',')) {
      // kept as written, article included: «الكاف» is the town, «كاف» (enough) is not, nor «مرسي» «المرسى»
      const words = norm(f.trim()).split(' ');
      const list = map.get(words[0]!) ?? [];
      list.push({ rest: words.slice(1), country: iso });
      map.set(words[0]!, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.rest.length - a.rest.length);
  byFirst = map;
  return map;
}

/** The country of the first place of places.tsv among the tokens (clitics stripped: «بالمهدية»). */
export function placeCountry(toks: Tok[]): string | undefined {
  for (let k = 0; k < toks.length; k++) {
    const p = placeAt(toks, k);
    if (p) return p.country;
  }
  return undefined;
}

/** A place of places.tsv that starts at token k, if one does: its country and the token after it. */
export function placeAt(toks: Tok[], k: number): { country: string; j: number } | undefined {
  const t = toks[k];
  if (!t || t.punct) return undefined;
  // (the lists the word's candidate forms start, looked up once per distinct word: this runs on
  // every token of every sentence until an article's first place)
  let lists = t.w.places as Place[][] | undefined;
  if (!lists) {
    const places = load();
    lists = [];
    for (const c of t.cands) {
      const list = places.get(c);
      if (list) lists.push(list);
    }
    t.w.places = lists;
  }
  for (const list of lists) {
    for (const p of list)
      if (p.rest.every((r, q) => toks[k + 1 + q]?.n === r || toks[k + 1 + q]?.n === `ال${r}`))
        return { country: p.country, j: k + 1 + p.rest.length };
  }
  return undefined;
}
