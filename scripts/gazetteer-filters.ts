/** Filters of scripts/build-gazetteer.ts for rows of ../shared/data/gazetteer/cities-ar.tsv (importable by tests). */
import { matchForm } from '../src/text/normalize.ts';

/** Administrative words that a source puts before a place's name («بلدية منطقة …», «محافظة …»). */
const ADMIN_WORDS = new Set(
  ['بلدية', 'منطقة', 'مقاطعة', 'محافظة', 'ولاية', 'إقليم', 'مدينة'].map((w) => matchForm(w)),
);

/**
 * A phrase, not a name: the Arabic (its administrative words left out) has three words or more,
 * and more than one word beyond the English name's (split at spaces and hyphens). Such rows are
 * a line of verse («المسكات عنب طيب الشذا» for Muscat), a translation of an English word («الطهي
 * على نار هادئة» for Simmering) or a person's name and title («غازي عثمان باشا»).
 */
export function isPhrase(arKey: string, en: string): boolean {
  const core = arKey.split(/\s+/u).filter((w) => w && !ADMIN_WORDS.has(w));
  const enWords = en.split(/[\s-]+/u).filter(Boolean).length;
  return core.length >= 3 && core.length > enWords + 1;
}

/**
 * Countries whose place names are often Arabic words (Arab League members, Western Sahara,
 * Israel and Palestine, Iran), by ISO 3166-1 alpha-3: there an Arabic city name need not
 * sound like its English one («الخليل» Hebron, «الأهواز» Ahvaz).
 */
const ARABIC_PLACE_NAMES = new Set(
  'ARE BHR COM DJI DZA EGY ESH IRN IRQ ISR JOR KWT LBN LBY MAR MRT OMN PSE QAT SAU SDN SOM SYR TUN YEM'.split(
    ' ',
  ),
);

/** Consonant classes of Arabic letters (vowel letters, ع, ح, ه and hamza carry none). */
const AR_CONSONANT: Record<string, string> = {
  ب: 'b',
  پ: 'b',
  ت: 't',
  ط: 't',
  د: 't',
  ض: 't',
  ث: 's',
  ذ: 's',
  ز: 's',
  س: 's',
  ش: 's',
  ص: 's',
  ظ: 's',
  چ: 's',
  ج: 'g',
  خ: 'g',
  غ: 'g',
  ق: 'g',
  ك: 'g',
  گ: 'g',
  ف: 'f',
  ڤ: 'f',
  ر: 'r',
  ل: 'l',
  م: 'm',
  ن: 'n',
};
/** English words of administrative names, left out of the English side («Provincia de Ica»). */
const EN_ADMIN =
  /\b(district|province|provincia|department|departamento|zone|prefecture|county|borough|municipality|region|cercle|de|du|des|la|le|the|of)\b/giu;

/** The consonant skeleton of a Latin-script name, in the classes of `AR_CONSONANT` (runs collapsed). */
export function latinSkeleton(en: string): string {
  const s = en
    .replace(/[čćçşšž]/giu, 's')
    .replace(/ł/gu, 'w')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(EN_ADMIN, ' ')
    .replace(/ph/g, 'f')
    .replace(/t?sch|tch|sh|ch|zh|th/g, (m) => (m === 'th' ? 't' : 's'))
    .replace(/kh/g, 'g')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/q(?=i)/g, 's') // pinyin «qi» (Qiqihar)
    .replace(/c(?=[eiy]|[^aeiouyhk]|$)/g, 's') // «ce», «ci», and Slavic «c» = ts (Wrocław)
    .replace(/x/g, 'ks');
  let out = '';
  let prev = '';
  for (const c of s) {
    const k = 'bp'.includes(c)
      ? 'b'
      : 'vf'.includes(c)
        ? 'f'
        : 'td'.includes(c)
          ? 't'
          : 'sz'.includes(c)
            ? 's'
            : 'gjkqc'.includes(c)
              ? 'g'
              : 'lmnr'.includes(c)
                ? c
                : '';
    if (k && k !== prev) out += k;
    if (k || /[aeiouy\s-]/u.test(c)) prev = k;
  }
  return out;
}

/** The consonant skeleton of an Arabic name (match form), the article ال of each word left out. */
export function arabicSkeleton(arKey: string): string {
  let out = '';
  for (const w of arKey.split(/\s+/u)) {
    let prev = '';
    for (const c of w.startsWith('ال') && w.length > 3 ? w.slice(2) : w) {
      const k = AR_CONSONANT[c] ?? '';
      if (k && k !== prev) out += k;
      prev = k;
    }
  }
  return out;
}

function lcs(a: string, b: string): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const next = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      next[j] = a[i - 1] === b[j - 1] ? row[j - 1]! + 1 : Math.max(row[j]!, next[j - 1]!);
    }
    row = next;
  }
  return row[b.length]!;
}

/**
 * A translation, not a name: in a country whose place names are not Arabic words, the Arabic
 * of a city should transliterate its name. It does not when (a) its first word (administrative
 * words aside) carries the article ال and the English name no article (al-, el-, …): a
 * translated common noun («الوضوء» for Wudu, «الجدي» for Capricorn, «الينابيع» for Springs);
 * or (b) the two consonant skeletons share at most a fifth of their consonants («حيلة» for
 * Ruse, «لا شيء» for Nada, «قائد المئة» for Centurion). `ar` is the source's spelling (not
 * the match form, which folds «آل»/«أل» into «ال»); a row of no known country is not judged.
 */
export function isTranslatedName(ar: string, en: string, iso3: string): boolean {
  if (!iso3 || ARABIC_PLACE_NAMES.has(iso3) || !en.trim()) return false;
  const words = ar.trim().split(/\s+/u);
  const first = words.find((w) => !ADMIN_WORDS.has(matchForm(w))) ?? '';
  if (first.startsWith('ال') && !/^(a|e)[lnrstdz]\b|^(al|el)/iu.test(en.trim())) return true;
  const core = words
    .map((w) => matchForm(w))
    .filter((w) => !ADMIN_WORDS.has(w))
    .join(' ');
  const a = arabicSkeleton(core);
  const b = latinSkeleton(en);
  const longest = Math.max(a.length, b.length);
  return longest >= 2 && lcs(a, b) <= 0.2 * longest;
}
