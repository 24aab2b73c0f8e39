/** Provinces and towns (data/events/places.tsv): the country an article's domestic actors act in. */
import { readTsv } from './lexicon.ts';
import { norm } from './text.ts';

let pattern: { re: RegExp; country: Map<string, string> } | undefined;

function load(): { re: RegExp; country: Map<string, string> } {
  if (pattern) return pattern;
  const country = new Map<string, string>();
  for (const [iso, forms] of readTsv('places.tsv')) {
    if (!iso || !forms) continue;
    for (const f of forms.split(',')) {
      const n = norm(f.trim()).replace(/^ال/, '');
      if (n && !country.has(n)) country.set(n, iso);
    }
  }
  const alts = [...country.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/ /g, '\\s+'));
  // a clitic conjunction, preposition and article may come before the name; no letter after it
  const re = new RegExp(`(?:^|[^\\p{L}])(?:[وف])?(?:[بل])?(?:ال|ل)?(${alts.join('|')})(?![\\p{L}])`, 'gu');
  pattern = { re, country };
  return pattern;
}

/** The country of the first place of places.tsv named in the text, if any. */
export function homeCountry(text: string): string | undefined {
  const { re, country } = load();
  re.lastIndex = 0;
  const m = re.exec(norm(text));
  return m ? country.get(m[1]!.replace(/\s+/g, ' ')) : undefined;
}
