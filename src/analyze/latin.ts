/**
 * Names written in Latin letters inside Arabic text: «قال John Smith المتحدث باسم …», «وأضافت
 * Marie Dubois الباحثة في …». The tagger and the name lists know Arabic letters only, so such a
 * name was no one. Read here by shape and context: two to five capitalized Latin words (with
 * «de», «van», «von» … between them), Arabic or punctuation on both sides (not a phrase of an
 * English sentence), after a verb of saying or an honorific, or before a post or a role noun.
 */
import { HONORIFICS } from './gazetteer/lexicon.ts';
import type { Gazetteer, GazEntry } from './gazetteer/index.ts';
import { type Tok, keyOf } from './gazetteer/tokens.ts';

/** A capitalized Latin word: «Smith», «O'Brien», «Müller» (not «FIFA», an acronym). */
const NAME_WORD = /^\p{Lu}[\p{Ll}\p{M}'’]+$/u;
const LATIN = /\p{Script=Latin}/u;
/** Small words inside a name: «Ursula von der Leyen», «Luiz Inácio Lula da Silva». */
const PARTICLES = new Set([
  'de',
  'van',
  'von',
  'der',
  'den',
  'da',
  'di',
  'du',
  'la',
  'le',
  'del',
  'dos',
  'bin',
  'ben',
  'al',
  'el',
]);
const MAX_WORDS = 5;

/** Verbs of saying and meeting before a name («قال», «وأضافت», «التقى»), as keys without clitics. */
const BEFORE = new Set(
  `قال قالت أكد أكدت أعلن أعلنت صرح صرحت أضاف أضافت أوضح أوضحت أشار أشارت ذكر ذكرت
   اعتبر اعتبرت دعا دعت طالب طالبت التقى التقت استقبل استقبلت يقول تقول رأى رأت كتب كتبت`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => keyOf(w)),
);

/** Role nouns after a name that are no post of state: «الباحثة في …», «المحلل», «الخبير». */
const ROLES = new Set(
  `الباحث الباحثة المحلل المحللة الخبير الخبيرة الصحفي الصحفية الصحافي الصحافية المراسل المراسلة
   الكاتب الكاتبة الأستاذ الأستاذة المدرب المدربة اللاعب اللاعبة الممثل الممثلة المخرج المخرجة
   المدير المديرة الناشط الناشطة المسؤول المسؤولة`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => keyOf(w)),
);

function latinWord(t: Tok | undefined): boolean {
  return t !== undefined && !t.arabic && !t.punct && LATIN.test(t.text);
}

/** Does the Arabic word before the name announce one (a verb of saying, an honorific)? */
function cueBefore(t: Tok | undefined): boolean {
  if (!t?.arabic) return false;
  if (HONORIFICS.has(t.key)) return true;
  return t.info.readings.some((r) => BEFORE.has(r.key) && (r.strip === 0 || /^[وف]/u.test(t.key)));
}

/**
 * The last token of a Latin-script person's name starting at `i`, or undefined. `isHead` says
 * whether a token opens a post («المتحدث», «وزير»): a post right after the name (a comma
 * between allowed) is a cue as a verb of saying before it is.
 */
export function latinNameAt(toks: Tok[], i: number, isHead: (t: Tok) => boolean): number | undefined {
  const first = toks[i];
  if (!first || !latinWord(first) || !NAME_WORD.test(first.text)) return undefined;
  // Part of a phrase in Latin letters («Brent Crude Oil Futures …» inside an English title).
  if (latinWord(toks[i - 1])) return undefined;
  let last = i;
  for (let k = i + 1; k < toks.length && k - i < MAX_WORDS; k++) {
    const t = toks[k]!;
    if (!latinWord(t)) break;
    if (NAME_WORD.test(t.text)) last = k;
    else if (!PARTICLES.has(t.text.toLowerCase())) return undefined;
  }
  if (last === i || latinWord(toks[last + 1])) return undefined;
  const after = toks[last + 1]?.punct && /[،,]/u.test(toks[last + 1]!.text) ? toks[last + 2] : toks[last + 1];
  const role = after?.arabic === true && (isHead(after) || ROLES.has(after.key));
  return cueBefore(toks[i - 1]) || role ? last : undefined;
}

/**
 * Latin acronyms of organizations the gazetteer knows by their Arabic names, which Arabic copy
 * writes as they are («FIFA», «NATO», «WHO»): those that are an organization's English name or
 * close it in brackets («Médecins Sans Frontières (MSF)»), and the ones below.
 */
const ACRONYMS: Record<string, string> = {
  UN: 'org:un',
  UNSC: 'org:unsc',
  UNGA: 'org:unga',
  UNHRC: 'org:unhrc',
  WHO: 'org:who',
  WFP: 'org:wfp',
  IAEA: 'org:iaea',
  ICC: 'org:icc',
  ICJ: 'org:icj',
  OIC: 'org:oic',
  SCO: 'org:sco',
  EU: 'org:eu',
  AU: 'org:african-union',
  GCC: 'org:gcc',
  IMF: 'org:imf',
  EBRD: 'org:ebrd',
  ICRC: 'org:icrc',
  HRW: 'org:hrw',
};
/** An acronym: capitals and digits, two to eight, a capital first («NATO», «G20»). */
const ACRONYM = /^[A-Z][A-Z0-9]{1,7}$/;
const BRACKETED = /\(([A-Z][A-Z0-9]{1,7})\)$/;
/** Arabic nouns of a kind of body written before the acronym: «حلف NATO», «منظمة WHO». */
const ORG_NOUNS = new Set(
  'حلف منظمة وكالة اتحاد مجموعة محكمة تحالف لجنة'.split(' ').flatMap((w) => [keyOf(w), keyOf(`ال${w}`)]),
);

let acronyms: Map<string, GazEntry> | undefined;

/** The organizations by Latin acronym (built once from the gazetteer). */
function acronymIndex(gaz: Gazetteer): Map<string, GazEntry> {
  if (acronyms) return acronyms;
  const out = new Map<string, GazEntry>();
  for (const e of gaz.byId.values()) {
    if (e.kind !== 'org') continue;
    const en = e.names.en ?? '';
    const a = ACRONYM.test(en) ? en : BRACKETED.exec(en)?.[1];
    if (a && !out.has(a)) out.set(a, e);
  }
  for (const [a, id] of Object.entries(ACRONYMS)) {
    const e = gaz.byId.get(id);
    if (e) out.set(a, e);
  }
  acronyms = out;
  return out;
}

/**
 * An organization written by its Latin acronym at `i` («وقالت FIFA»), with the Arabic noun of its
 * kind before it when there is one («حلف NATO»): its first and last tokens and its entry. Not a
 * word of a Latin phrase (Latin on either side).
 */
export function latinOrgAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
): { first: number; last: number; entry: GazEntry; strip: number } | undefined {
  const t = toks[i];
  if (!t || t.punct) return undefined;
  let k = i;
  let strip = 0;
  if (t.arabic) {
    const r = t.info.readings.find((x) => ORG_NOUNS.has(x.key));
    if (!r) return undefined;
    strip = r.strip;
    k = i + 1;
  }
  const a = toks[k];
  if (!a || a.arabic || a.punct || !ACRONYM.test(a.text)) return undefined;
  if (latinWord(toks[k - 1]) || latinWord(toks[k + 1])) return undefined;
  const entry = acronymIndex(gaz).get(a.text);
  return entry ? { first: i, last: k, entry, strip } : undefined;
}
