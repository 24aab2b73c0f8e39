/**
 * Names written in Latin letters inside Arabic text: «قال John Smith المتحدث باسم …», «وأضافت
 * Marie Dubois الباحثة في …». The tagger and the name lists know Arabic letters only, so such a
 * name was no one. Read here by shape and context: two to five capitalized Latin words (with
 * «de», «van», «von» … between them), Arabic or punctuation on both sides (not a phrase of an
 * English sentence), after a verb of saying or an honorific, or before a post or a role noun.
 */
import { HONORIFICS } from './gazetteer/lexicon.ts';
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
