/**
 * Name-list membership for the tagger: phrases (match forms joined by spaces) with a
 * label such as "LOC:country:name" or "LOC:country:demonym". The lists are a snapshot
 * taken at training time (stored in the model), so tagging never depends on files that
 * may have changed since. Matching is longest-first and clitic-aware on the first word.
 */
import { matchForm, stripConjunction } from './normalize.ts';

/** The forms a first word may have once a conjunction and/or a preposition are taken off. */
export function procliticVariants(n: string): string[] {
  const out = [n];
  const push = (s: string) => {
    if (s.length >= 2 && !out.includes(s)) out.push(s);
  };
  const c = stripConjunction(n);
  push(c);
  for (const s of [n, c]) {
    if (s.length >= 4 && s.startsWith('لل')) push(`ال${s.slice(2)}`);
    if (s.length >= 4 && (s[0] === 'ب' || s[0] === 'ل' || s[0] === 'ك')) push(s.slice(1));
  }
  return out;
}

const NONE: readonly string[] = [];

/** `procliticVariants(n)` that start a phrase (`firsts`), in the same order, without building the full list. */
function phraseStarts(n: string, firsts: ReadonlyMap<string, number>): readonly string[] {
  const c = stripConjunction(n);
  let found: string[] | undefined;
  // Candidates in procliticVariants' order: n, c, then for n and for c: لل → ال, one preposition off.
  for (let k = 0; k < 6; k++) {
    let v: string | undefined;
    if (k === 0) v = n;
    else if (k === 1) v = c;
    else {
      const s = k < 4 ? n : c;
      if (s.length < 4) continue;
      if (k % 2 === 0) {
        if (s.startsWith('لل')) v = `ال${s.slice(2)}`;
      } else if (s[0] === 'ب' || s[0] === 'ل' || s[0] === 'ك') v = s.slice(1);
    }
    if (v === undefined || !firsts.has(v)) continue;
    if (found === undefined) found = [v];
    else if (!found.includes(v)) found.push(v);
  }
  return found ?? NONE;
}

export class PhraseGazetteer {
  private readonly phrases: Map<string, string>;
  /** First word → longest phrase length starting with it. */
  private readonly firsts = new Map<string, number>();
  /** Word → its proclitic variants that start a phrase (usually none), cached. */
  private readonly starts = new Map<string, readonly string[]>();

  constructor(entries: Record<string, string> | Map<string, string>) {
    this.phrases = entries instanceof Map ? entries : new Map(Object.entries(entries));
    for (const p of this.phrases.keys()) {
      const words = p.split(' ');
      const f = words[0]!;
      this.firsts.set(f, Math.max(this.firsts.get(f) ?? 0, words.length));
    }
  }

  get size(): number {
    return this.phrases.size;
  }

  private startsOf(n: string): readonly string[] {
    let s = this.starts.get(n);
    if (s === undefined) {
      s = phraseStarts(n, this.firsts);
      if (this.starts.size >= 200_000) this.starts.clear();
      this.starts.set(n, s);
    }
    return s;
  }

  /** Whether a phrase can start at a word with match form `n` (clitic-aware; cached). */
  startsAt(n: string): boolean {
    return this.startsOf(n).length > 0;
  }

  /** The forms of a word (match form `n`) that start a phrase, in the order `match` tries them (cached). */
  phraseStartsOf(n: string): readonly string[] {
    return this.startsOf(n);
  }

  /**
   * For each token, "B|label" / "I|label" when it is inside a matched phrase, else
   * undefined. `starts[i]`, when given, is `phraseStartsOf(norms[i])`.
   */
  match(norms: readonly string[], starts?: readonly (readonly string[])[]): (string | undefined)[] {
    const out: (string | undefined)[] = new Array(norms.length).fill(undefined);
    let i = 0;
    while (i < norms.length) {
      let best = 0;
      let label = '';
      const vs = starts ? starts[i]! : this.startsOf(norms[i]!);
      if (vs.length === 0) {
        i++;
        continue;
      }
      for (const v of vs) {
        const maxLen = this.firsts.get(v);
        if (maxLen === undefined) continue;
        let key = v;
        for (let L = 1; L <= maxLen && i + L <= norms.length; L++) {
          if (L > 1) key += ` ${norms[i + L - 1]}`;
          const hit = this.phrases.get(key);
          if (hit !== undefined && L > best) {
            best = L;
            label = hit;
          }
        }
      }
      if (best === 0) {
        i++;
        continue;
      }
      out[i] = `B|${label}`;
      for (let k = 1; k < best; k++) out[i + k] = `I|${label}`;
      i += best;
    }
    return out;
  }
}

interface GazetteerLine {
  type?: string;
  kind?: string;
  forms?: { ar?: string; role?: string }[];
}

/** Phrases from khabar's gazetteer JSONL (data/gazetteer/gazetteer.jsonl): match form → "TYPE:kind:role". */
export function phrasesFromGazetteerJsonl(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let rec: GazetteerLine;
    try {
      rec = JSON.parse(line) as GazetteerLine;
    } catch {
      continue;
    }
    for (const f of rec.forms ?? []) {
      if (!f.ar) continue;
      const key = f.ar.split(/\s+/u).filter(Boolean).map(matchForm).join(' ');
      if (!key || out.has(key)) continue;
      out.set(key, `${rec.type ?? '?'}:${rec.kind ?? '?'}:${f.role ?? 'name'}`);
    }
  }
  return new Map([...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/**
 * Actor names from the UniversalPetrarch Arabic actor dictionary (MIT): one name a line
 * (words joined by "_"), followed either by an inline code ("[USAGOV]", mostly agents and
 * groups) or by indented dated roles (mostly people). Labels: "ACT:dated" / "ACT:coded".
 * Raw and partly lemmatized: forms that never occur in text simply never match.
 */
export function phrasesFromPetrarchActors(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || /^\s/u.test(line) || line.startsWith('#')) continue;
    const m = /^([^[#]+?)\s*(\[[^\]]*\])?\s*$/u.exec(line.trim());
    if (!m) continue;
    const words = m[1]!
      .split(/[_\s]+/u)
      .filter(Boolean)
      .map(matchForm);
    if (words.length === 0 || words.join('').length < 3 || !words.every((w) => /\p{Script=Arabic}/u.test(w)))
      continue;
    const dated = !m[2] && /^\s/u.test(lines[i + 1] ?? '');
    const key = words.join(' ');
    if (!out.has(key)) out.set(key, dated ? 'ACT:dated' : 'ACT:coded');
  }
  return new Map([...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}

/** Name-part bits (group `namepart`). */
export const NAME_FIRST = 1;
export const NAME_LAST = 2;
export const NAME_INNER = 4;

/**
 * Words that open dated actor entries without being names: titles, posts and the heads of
 * organisation names (match forms). Kept out of the name-part list.
 */
const NOT_NAME_PARTS = new Set(
  (
    'رييس الرييس وزير الوزير ملك الملك امير الامير شيخ الشيخ سيد السيد سلطان ولي عاهل نايب امين الامين ' +
    'عام العام جنرال الجنرال لواء اللواء عقيد العقيد عميد العميد مشير المشير سفير السفير قايد القايد ' +
    'زعيم الزعيم مدير المدير حاكم الحاكم قاضي القاضي امام الامام مرشد المرشد بابا البابا دكتور الدكتور ' +
    'رييسه وزيره ملكه اميره مستشار المستشار متحدث ناطق مبعوث مندوب نواب عضو رجل رجال زوجه ' +
    'حزب حركه قوه قوات مجلس اتحاد جيش جامعه جبهه حكومه وكاله وزاره منظمه شركه بنك هييه لجنه جمعيه ' +
    'مؤسسه موسسه مكتب محكمه برلمان دوله جمهوريه مملكه امارات ولايه شرطه امن مخابرات كتايب سرايا جماعه ' +
    'تنظيم تحالف ايتلاف مركز صندوق نقابه اتحادات مجموعه فريق الفريق ل لل و في من على عن الى الي ' +
    // Function words and common nouns that the dictionary's dated entries contain.
    'إن أن ان الذي التي الذين هذا هذه ذلك تلك هناك هنا هو هي هم لا لم لن لو غير كل بعض أي ايه ' +
    'قد كان كانت ما ماذا متى أين كيف عند بين بعد قبل حتى مع منذ خلال ضد نحو ثم أو أم إلا ' +
    'مدينة عملية إدارة عمل نسبة أكبر قطاع دور أشار غرب شرق مؤتمر واحد قيادة إطار زيادة صناعة ' +
    'نظام برنامج ثورة جندي دولي محافظة عالم جزيرة مساعدة دراسة مستقبل سلاح مسؤول سابق ألف اسم ' +
    'الإسلامية الأمريكي الأميركي إسرائيلي عربي أرض'
  )
    .split(' ')
    .map(matchForm),
);

/**
 * Person-name parts from the UniversalPetrarch Arabic actor dictionary (MIT): the words of
 * its dated entries of two to five words (mostly people, see `phrasesFromPetrarchActors`):
 * the first word as a first name, the last as a surname, the others as inner parts; titles,
 * posts and organisation heads left out. Match form → bits (NAME_FIRST | NAME_LAST | NAME_INNER),
 * sorted by word (deterministic).
 */
export function namePartsFromPetrarch(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.trim() || /^\s/u.test(line) || line.startsWith('#')) continue;
    const m = /^([^[#]+?)\s*(\[[^\]]*\])?\s*$/u.exec(line.trim());
    if (!m || m[2] || !/^\s/u.test(lines[i + 1] ?? '')) continue;
    const words = m[1]!
      .split(/[_\s]+/u)
      .filter(Boolean)
      .map(matchForm);
    if (words.length < 2 || words.length > 5 || !words.every((w) => /\p{Script=Arabic}/u.test(w))) continue;
    if (NOT_NAME_PARTS.has(words[0]!)) continue;
    words.forEach((w, k) => {
      if (w.length < 3 || NOT_NAME_PARTS.has(w)) return;
      const bit = k === 0 ? NAME_FIRST : k === words.length - 1 ? NAME_LAST : NAME_INNER;
      out.set(w, (out.get(w) ?? 0) | bit);
    });
  }
  return new Map([...out.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
}
