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
}

let table: { byKey: Map<string, string>; byCode: Map<string, Country> } | undefined;

const GAZETTEER = new URL('../../data/gazetteer/gazetteer.jsonl', import.meta.url);

/** Lookup key: the match-normalized words (the gazetteer lists the clitic forms itself). */
function keysOf(name: string): string[] {
  const k = name.split(/\s+/u).map(matchWord).filter(Boolean).join(' ');
  return k ? [k] : [];
}

function load() {
  if (table) return table;
  const byKey = new Map<string, string>();
  const byCode = new Map<string, Country>();
  if (existsSync(GAZETTEER)) {
    for (const line of readFileSync(GAZETTEER, 'utf8').split('\n')) {
      if (!line.includes('"kind":"country"')) continue;
      const e = JSON.parse(line) as {
        country?: string;
        names: { ar: string; en?: string; aliases: string[] };
        forms?: Array<{ ar: string }>;
      };
      if (!e.country) continue;
      byCode.set(e.country, { code: e.country, ar: e.names.ar });
      const names = [
        e.names.ar,
        ...(e.names.en ? [e.names.en] : []),
        ...e.names.aliases,
        ...(e.forms ?? []).map((f) => f.ar),
      ];
      for (const n of names) for (const k of keysOf(n)) if (!byKey.has(k)) byKey.set(k, e.country);
    }
  }
  table = { byKey, byCode };
  return table;
}

/** ISO codes a `country:` value stands for (the value upper-cased when nothing else fits). */
export function countryCodes(value: string): string[] {
  const v = value.trim();
  if (/^[A-Z]{3}$/u.test(v)) return [v];
  const t = load();
  if (/^[a-z]{3}$/u.test(v) && t.byCode.has(v.toUpperCase())) return [v.toUpperCase()];
  for (const k of keysOf(v)) {
    const c = t.byKey.get(k) ?? t.byKey.get(k.replace(/^(?:و|ف)?(?:ال|بال|لل|ل|ب)(?=\S{3})/u, ''));
    if (c) return [c];
  }
  return [v.toUpperCase()];
}

/** The Arabic name of a country code, for facet labels. */
export function countryLabel(code: string): string | undefined {
  return load().byCode.get(code)?.ar;
}
