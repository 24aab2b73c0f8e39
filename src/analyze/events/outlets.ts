/**
 * The outlet's home country (data/events/outlets.tsv): where an article's countryless domestic
 * actors act when it names no province or town. Only local and national outlets are listed.
 */
import { readTsv } from './lexicon.ts';

let byName: Map<string, string> | undefined;

function load(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  for (const [iso, names] of readTsv('outlets.tsv')) {
    if (!iso || !names) continue;
    for (const n of names.split(',')) {
      const key = n.trim().toLowerCase();
      const had = map.get(key);
      if (had && had !== iso) throw new Error(`outlets.tsv: «${n}» is listed for both ${had} and ${iso}`);
      if (key) map.set(key, iso);
    }
  }
  byName = map;
  return map;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** The home country of an outlet named `outlet` or publishing at `url`, when outlets.tsv lists it. */
export function outletCountry(outlet?: string, url?: string): string | undefined {
  const map = load();
  const byOutlet = outlet ? map.get(outlet.trim().toLowerCase()) : undefined;
  if (byOutlet) return byOutlet;
  let host = url ? hostOf(url) : undefined;
  while (host) {
    const c = map.get(host);
    if (c) return c;
    const dot = host.indexOf('.');
    if (dot < 0 || host.indexOf('.', dot + 1) < 0) break;
    host = host.slice(dot + 1);
  }
  return undefined;
}
