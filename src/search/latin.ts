/**
 * A consonant key shared by Arabic words and their Latin transliterations, so a Latin query
 * («Larijani», «Naqvi», «Abbas Araghchi») finds the Arabic name («لاريجاني»، «نقوي»، «عراقجي»).
 * Both scripts are reduced to coarse consonant classes; vowels, long-vowel letters (ا و ي),
 * ع/ء and doubled letters are dropped, as transliterations disagree on exactly those.
 *
 * Classes: b(ب b p) t(ت ط ث t th) j(ج j dj) h(ح ه h) k(خ ق ك غ k q c g kh gh ch-as-k)
 * d(د ذ ض d dh) r l m n s(س ص s) x(ش sh sch) z(ز ظ z) f(ف f ph); Latin ch is j (Persian چ is written ج:
 * «Araghchi» = «عراقجي»), Latin v and w are dropped like و («Naqvi» = «نقوي»).
 * A final ه (from ة) and a final Latin h are dropped («Fatimah» = «Fatima» = «فاطمة»).
 */
const AR: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ط: 't',
  ث: 't',
  ج: 'j',
  ح: 'h',
  ه: 'h',
  ة: '',
  خ: 'k',
  ق: 'k',
  ك: 'k',
  ک: 'k',
  غ: 'k',
  گ: 'k',
  د: 'd',
  ذ: 'd',
  ض: 'd',
  ر: 'r',
  ل: 'l',
  م: 'm',
  ن: 'n',
  س: 's',
  ص: 's',
  ش: 'x',
  چ: 'x',
  ز: 'z',
  ظ: 'z',
  ژ: 'z',
  ف: 'f',
  پ: 'b',
  ڤ: 'f',
};

const LATIN_DIGRAPHS: Array<[RegExp, string]> = [
  [/sch|sh/g, 'X'],
  [/tch|ch/g, 'J'],
  [/kh|gh|ck/g, 'K'],
  [/th/g, 'T'],
  [/dh|dj/g, 'D'],
  [/ph/g, 'F'],
];
const LATIN: Record<string, string> = {
  b: 'b',
  p: 'b',
  t: 't',
  j: 'j',
  h: 'h',
  k: 'k',
  q: 'k',
  c: 'k',
  g: 'k',
  x: 'ks',
  d: 'd',
  r: 'r',
  l: 'l',
  m: 'm',
  n: 'n',
  s: 's',
  z: 'z',
  f: 'f',
  X: 'x',
  J: 'j',
  K: 'k',
  T: 't',
  D: 'd',
  F: 'f',
};

function collapse(s: string): string {
  let out = '';
  for (const c of s) if (out[out.length - 1] !== c) out += c;
  return out;
}

/** The consonant key of one word in Arabic or Latin script ('' when it has no consonant). */
export function latinKey(word: string): string {
  let out = '';
  if (/\p{Script=Arabic}/u.test(word)) {
    const w = word.endsWith('ه') || word.endsWith('ة') ? word.slice(0, -1) : word;
    for (const c of w) out += AR[c] ?? '';
    return collapse(out);
  }
  let w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (w.length > 2 && w.endsWith('h') && !/[sckgtdp]h$/.test(w)) w = w.slice(0, -1);
  for (const [re, to] of LATIN_DIGRAPHS) w = w.replace(re, to);
  for (const c of w) out += LATIN[c] ?? '';
  return collapse(out);
}
