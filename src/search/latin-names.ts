/**
 * Latin-script names the gazetteer knows («Oman», «Muscat», "Saudi Arabia", «Hezbollah»): a query
 * naming one searches for the entity's Arabic names instead of a consonant key. The key drops
 * vowels and «ع», so "Oman" alone gives `mn` — the key of «الأمن» (security) too, one of the most
 * frequent words of the news; the gazetteer's «عمان» / «سلطنة عمان» is what the user meant.
 * Names come from data/gazetteer/gazetteer.jsonl (English name and Latin display name of every
 * entry), read once, on the first Latin query.
 *
 * Two refinements:
 * - An Arabic name two entries share («عمان»: Oman and Amman) is searched only beside a word of
 *   the entry's own — its other names and demonyms («سلطنة عمان», «العماني»), a city's country
 *   («الأردن», «الأردني»), a country's capital («مسقط») — so "Oman" does not find Amman.
 * - One Latin word that is a word of a listed name («Saied» of "Kais Saied") searches for that
 *   word of the Arabic name («سعيد»), not for its consonant key: a short key (`sd`) is also the
 *   key of unrelated words («سدودها»).
 */
import { existsSync, readFileSync } from 'node:fs';
import { latinKey, latinWords } from '../text/transliterate.ts';

const GAZETTEER = new URL('../../data/gazetteer/gazetteer.jsonl', import.meta.url);

/** What a Latin name searches: Arabic names, and shared names each with the words that must go with it. */
export interface ArabicNames {
  names: string[];
  shared: { name: string; context: string[] }[];
}

interface Row {
  id: string;
  kind?: string;
  country?: string;
  names: { ar: string; en?: string; latin?: string; aliases?: string[] };
  forms?: { ar: string; role: string }[];
}

const PARTICLES = new Set(['al', 'el', 'ul', 'ad', 'as', 'ash', 'at', 'az', 'an', 'ar']);

/** Words of names too common to stand for one name's word («bin», «Abdel»). */
const NOT_PARTS = new Set(['bin', 'ibn', 'bint', 'abu', 'abd', 'abdel', 'abdul', 'abdal']);

let table: Map<string, ArabicNames> | undefined;
let parts: Map<string, Set<string>> | undefined;

/** Lookup key of a Latin name: its words (src/text `latinWords`) joined by one space. */
export function latinNameKey(name: string): string {
  return latinWords(name).join(' ');
}

const arabicOnly = (xs: string[]) => xs.filter((a) => /\p{Script=Arabic}/u.test(a));
/** Arabic without harakat (as the index reads it: «عمّان» is «عمان»). */
const plain = (a: string) => a.replace(/[\u064b-\u0652\u0670]/gu, '');

function load(): Map<string, ArabicNames> {
  if (table) return table;
  const t = new Map<string, ArabicNames>();
  const p = new Map<string, Set<string>>();
  const rows: Row[] = [];
  if (existsSync(GAZETTEER)) {
    for (const line of readFileSync(GAZETTEER, 'utf8').split('\n'))
      if (line) rows.push(JSON.parse(line) as Row);
  }
  const byId = new Map(rows.map((r) => [r.id, r]));
  const own = (r: Row) => arabicOnly([r.names.ar, ...(r.names.aliases ?? [])]).map(plain);
  const demonyms = (r: Row) => (r.forms ?? []).filter((f) => f.role === 'demonym').map((f) => plain(f.ar));
  // Which Latin keys each Arabic name belongs to.
  const keysOf = new Map<string, Set<string>>();
  const keys = (r: Row) =>
    [...new Set([r.names.en, r.names.latin])]
      .flatMap((l) => (l ? [latinNameKey(l)] : []))
      .filter((k) => k.length >= 3);
  for (const r of rows) {
    for (const key of keys(r)) {
      for (const a of own(r)) {
        const s = keysOf.get(a) ?? new Set<string>();
        s.add(key);
        keysOf.set(a, s);
      }
    }
  }
  for (const r of rows) {
    const arabic = own(r);
    if (arabic.length === 0) continue;
    // The words that tell this entry's shared name from the other entry's.
    const capital =
      r.kind === 'country' ? rows.find((x) => x.kind === 'capital' && x.country === r.country) : undefined;
    const state = r.kind !== 'country' && r.country ? byId.get(`country:${r.country}`) : undefined;
    const context = [
      ...arabic,
      ...demonyms(r),
      ...(capital ? own(capital) : []),
      ...(state ? [...own(state), ...demonyms(state)] : []),
    ];
    for (const key of keys(r)) {
      // Two entries with one English name (the city of Amman and Oman are both «عمان» in
      // Arabic, but "Tripoli" is a city of Libya and of Lebanon): every Arabic name counts.
      const had = t.get(key) ?? { names: [], shared: [] };
      for (const a of arabic) {
        if (had.names.includes(a) || had.shared.some((s) => s.name === a)) continue;
        // (another name of the same word, "Tripoli (Lebanon)" beside "Tripoli", is no other entity's)
        const others = [...(keysOf.get(a) ?? [])].filter(
          (k) => k !== key && !k.startsWith(`${key} `) && !key.startsWith(`${k} `),
        );
        // (a word of the context that is itself shared tells nothing apart)
        const ctx = context.filter((c) => c !== a && (keysOf.get(c)?.size ?? 0) <= 1);
        if (others.length > 0 && ctx.length > 0) had.shared.push({ name: a, context: [...new Set(ctx)] });
        else had.names.push(a);
      }
      t.set(key, had);
    }
    // A word of a name, where the Latin and the Arabic have as many words: «Saied» → «سعيد».
    if (r.id.startsWith('person:')) {
      for (const l of new Set([r.names.en, r.names.latin])) {
        if (!l) continue;
        // («Abdel Fattah el-Sisi»: the Latin particle is glued to its word in Arabic, «السيسي»)
        const lw = latinWords(l).filter((w) => !PARTICLES.has(w));
        for (const a of arabic) {
          const aw = a.split(/\s+/u);
          if (aw.length !== lw.length || aw.length < 2) continue;
          lw.forEach((w, i) => {
            // (a word aligned with another — «Tamim bin …» beside a longer alias — sounds otherwise)
            if (
              w.length < 3 ||
              NOT_PARTS.has(w) ||
              latinKey(w)[0] !== latinKey(aw[i]!.replace(/^ال/u, ''))[0]
            )
              return;
            const s = p.get(w) ?? new Set<string>();
            s.add(aw[i]!);
            p.set(w, s);
          });
        }
      }
    }
  }
  table = t;
  parts = p;
  return t;
}

/**
 * The Arabic names of the gazetteer entity a Latin-script query text names, or undefined when it
 * names none (or is not all Latin). Names with more than four words (descriptive aliases) are left
 * out. One word of a listed person's name gives that word in Arabic.
 */
export function arabicNamesOf(text: string): ArabicNames | undefined {
  if (!/[A-Za-z]/u.test(text) || /\p{Script=Arabic}/u.test(text)) return undefined;
  const key = latinNameKey(text);
  if (!key) return undefined;
  const found = load().get(key);
  const short = (n: string) => n.trim().split(/\s+/u).length <= 4;
  if (found) {
    const names = found.names.filter(short);
    const shared = found.shared
      .filter((s) => short(s.name))
      .map((s) => ({ ...s, context: s.context.filter(short) }));
    if (names.length || shared.length) return { names, shared };
  }
  // (an ambiguous word, one Latin spelling of several Arabic words, stays with its key)
  const words = !key.includes(' ') ? parts?.get(key) : undefined;
  if (words && words.size <= 2) return { names: [...words], shared: [] };
  return undefined;
}
