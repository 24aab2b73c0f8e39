/**
 * Latin-script names the gazetteer knows («Oman», «Muscat», "Saudi Arabia", «Hezbollah»): a query
 * naming one searches for the entity's Arabic names instead of a consonant key. The key drops
 * vowels and «ع», so "Oman" alone gives `mn` — the key of «الأمن» (security) too, one of the most
 * frequent words of the news; the gazetteer's «عمان» / «سلطنة عمان» is what the user meant.
 * Names come from data/gazetteer/gazetteer.jsonl (English name and Latin display name of every
 * entry), read once, on the first Latin query.
 */
import { existsSync, readFileSync } from 'node:fs';
import { latinWords } from '../text/transliterate.ts';

const GAZETTEER = new URL('../../data/gazetteer/gazetteer.jsonl', import.meta.url);

let table: Map<string, string[]> | undefined;

/** Lookup key of a Latin name: its words (src/text `latinWords`) joined by one space. */
export function latinNameKey(name: string): string {
  return latinWords(name).join(' ');
}

function load(): Map<string, string[]> {
  if (table) return table;
  const t = new Map<string, string[]>();
  if (existsSync(GAZETTEER)) {
    for (const line of readFileSync(GAZETTEER, 'utf8').split('\n')) {
      if (!line) continue;
      const e = JSON.parse(line) as {
        names: { ar: string; en?: string; latin?: string; aliases?: string[] };
      };
      const arabic = [e.names.ar, ...(e.names.aliases ?? [])].filter((a) => /\p{Script=Arabic}/u.test(a));
      if (arabic.length === 0) continue;
      for (const latin of new Set([e.names.en, e.names.latin])) {
        if (!latin) continue;
        const key = latinNameKey(latin);
        if (key.length < 3) continue;
        // Two entries with one English name (the city of Amman and Oman are both «عمان» in
        // Arabic, but "Tripoli" is a city of Libya and of Lebanon): every Arabic name counts.
        const had = t.get(key) ?? [];
        for (const a of arabic) if (!had.includes(a)) had.push(a);
        t.set(key, had);
      }
    }
  }
  table = t;
  return t;
}

/**
 * The Arabic names of the gazetteer entity a Latin-script query text names, or undefined when it
 * names none (or is not all Latin). Names with more than four words (descriptive aliases) are left out.
 */
export function arabicNamesOf(text: string): string[] | undefined {
  if (!/[A-Za-z]/u.test(text) || /\p{Script=Arabic}/u.test(text)) return undefined;
  const key = latinNameKey(text);
  if (!key) return undefined;
  const names = load().get(key);
  if (!names) return undefined;
  const short = names.filter((n) => n.trim().split(/\s+/u).length <= 4);
  return short.length ? short : undefined;
}
