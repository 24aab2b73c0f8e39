/**
 * `country:` values: an ISO 3166-1 alpha-3 code (`IRN`), or a country's name in Arabic
 * («إيران», «وإيران», «الإيرانية» — any form the gazetteer lists, clitics and hamza spelling
 * aside) or English («Iran»). Names come from data/gazetteer/gazetteer.jsonl, read once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { matchWord } from './analyze.ts';

interface Country {
  code: string;
  ar: string;
  en?: string;
}

interface Table {
  byKey: Map<string, string>;
  byCode: Map<string, Country>;
  /** Names for suggestions (Arabic, English, aliases; not the clitic forms): lookup key → code. */
  names: Array<{ key: string; code: string }>;
}

let table: Table | undefined;

const GAZETTEER = new URL('../../data/gazetteer/gazetteer.jsonl', import.meta.url);

/** Lookup key: the match-normalized words, Latin in lower case (the gazetteer lists the clitic forms itself). */
function keysOf(name: string): string[] {
  const k = name
    .split(/\s+/u)
    .map((w) => matchWord(w).toLowerCase())
    .filter(Boolean)
    .join(' ');
  return k ? [k] : [];
}

function load() {
  if (table) return table;
  const byKey = new Map<string, string>();
  const byCode = new Map<string, Country>();
  const names: Table['names'] = [];
  if (existsSync(GAZETTEER)) {
    for (const line of readFileSync(GAZETTEER, 'utf8').split('\n')) {
      if (!line.includes('"kind":"country"')) continue;
      const e = JSON.parse(line) as {
        country?: string;
        names: { ar: string; en?: string; aliases: string[] };
        forms?: Array<{ ar: string }>;
      };
      if (!e.country) continue;
      byCode.set(e.country, { code: e.country, ar: e.names.ar, ...(e.names.en ? { en: e.names.en } : {}) });
      const named = [e.names.ar, ...(e.names.en ? [e.names.en] : []), ...e.names.aliases];
      for (const n of named) for (const key of keysOf(n)) names.push({ key, code: e.country });
      for (const n of [...named, ...(e.forms ?? []).map((f) => f.ar)])
        for (const k of keysOf(n)) if (!byKey.has(k)) byKey.set(k, e.country);
    }
  }
  table = { byKey, byCode, names };
  return table;
}

/**
 * The ISO code a `country:` value names — a code of the gazetteer (any case) or a name —, or
 * undefined when the gazetteer knows no such country (no article can carry it).
 */
export function knownCountry(value: string): string | undefined {
  const v = value.trim();
  const t = load();
  if (/^[A-Za-z]{3}$/u.test(v) && t.byCode.has(v.toUpperCase())) return v.toUpperCase();
  for (const k of keysOf(v)) {
    // The word as written, then without «و»/«ف», then without a preposition or the article
    // («والأردن», «بالأردن», «للأردن», «ومصر», «وإيران»), with the article put back where the
    // list keeps the name with it («الاردن»).
    const bare = k.replace(/^[وف](?=\S{3})/u, '');
    const stem = bare.replace(/^(?:بال|لل|ال|ب|ل|ك)(?=\S{3})/u, '');
    const c = t.byKey.get(k) ?? t.byKey.get(bare) ?? t.byKey.get(stem) ?? t.byKey.get(`ال${stem}`);
    if (c) return c;
  }
  return undefined;
}

/** ISO codes a `country:` value stands for (the value upper-cased when nothing else fits). */
export function countryCodes(value: string): string[] {
  return [knownCountry(value) ?? value.trim().toUpperCase()];
}

/** Edit distance (insertions, deletions, substitutions), one row at a time. */
export function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** Letters two codes share from the start («IRN» and «IRA»: 2). */
function shared(code: string, value: string): number {
  const v = value.toUpperCase();
  let n = 0;
  while (n < code.length && code[n] === v[n]) n++;
  return n;
}

/**
 * Countries whose code or name is near an unknown `country:` value (a typo: «إيرن», «Irann»,
 * «IRA»; or the start of a name: «Saud»), nearest first, as «إيران (IRN)» or «Iran (IRN)» in
 * the script of the value.
 */
export function nearCountries(value: string, max = 3): string[] {
  const t = load();
  const v = value.trim();
  const [key] = keysOf(v);
  if (!key) return [];
  const latin = /^[\p{Script=Latin}\s.'-]+$/u.test(v);
  const best = new Map<string, number>();
  const consider = (code: string, d: number) => {
    if (d < (best.get(code) ?? Number.POSITIVE_INFINITY)) best.set(code, d);
  };
  if (/^[A-Za-z]{3}$/u.test(v))
    for (const code of t.byCode.keys()) {
      const d = distance(v.toUpperCase(), code);
      if (d <= 1) consider(code, d);
    }
  const allowed = key.length <= 4 ? 1 : key.length <= 8 ? 2 : 3;
  for (const n of t.names) {
    if (n.key.length >= key.length + 1 && key.length >= 3 && n.key.startsWith(key)) consider(n.code, 0.5);
    else {
      const d = distance(key, n.key);
      if (d <= allowed) consider(n.code, d);
    }
  }
  return [...best.entries()]
    .sort((a, b) => a[1] - b[1] || shared(b[0], v) - shared(a[0], v) || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([code]) => {
      const c = t.byCode.get(code)!;
      return `${latin && c.en ? c.en : c.ar} (${code})`;
    });
}

/** The Arabic name of a country code, for facet labels. */
export function countryLabel(code: string): string | undefined {
  return load().byCode.get(code)?.ar;
}
