/**
 * Latin transliteration of Arabic names, for display and for search.
 *
 * `transliterate` gives a readable, deterministic spelling («لاريجاني» → "Larijani",
 * «علي» → "Ali"): Arabic script does not write short vowels, so it supplies an `a` inside
 * consonant clusters, reads و and ي as vowels between consonants, and drops ʿayn and hamza.
 * It is a display aid, not a scholarly romanization: it cannot know that «محسن» is said
 * "Mohsin".
 *
 * `latinKey` folds any Latin spelling (ours or an English one) to a consonant skeleton
 * so that different spellings of one name meet: "Larijani" and «لاريجاني» both give
 * `lrjn`; "Araghchi" and «عراقجي» both give `arkj`; "Naqvi" and «نقوي» both give `nk`.
 * Use it for matching only, never show it.
 */

const CONSONANTS: Record<string, string> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ک: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ء: '',
  ؤ: '',
  ئ: '',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
};

type Unit = { kind: 'c' | 'v'; latin: string };

function isLongA(ch: string): boolean {
  return ch === 'ا' || ch === 'آ' || ch === 'أ' || ch === 'إ' || ch === 'ٱ' || ch === 'ى';
}

function isYa(ch: string): boolean {
  return ch === 'ي' || ch === 'ی';
}

/** A letter that is always a consonant (not ا/ى/و/ي/ة, not a hamza seat). */
function consonantLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch in CONSONANTS && CONSONANTS[ch] !== '';
}

/** One Arabic word (letters only) to lower-case Latin. */
function word(ar: string): string {
  return spell([...ar.normalize('NFC').replace(/[\p{M}\u0640]/gu, '')]);
}

/** `word` of the letters of a word already without marks and tatweel (one UTF-16 unit each). */
function spell(letters: readonly string[]): string {
  const units: Unit[] = [];
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i]!;
    const next = letters[i + 1];
    const prevUnit = units[units.length - 1];
    if (i === 0 && ch === 'إ' && next !== undefined && isYa(next) && letters.length > 3) {
      // «إيهود», «إيمانويل»: one long i
      units.push({ kind: 'v', latin: 'i' });
      i++;
    } else if (i === 0 && ch === 'أ' && next === 'و' && letters.length > 3 && !isLongA(letters[2] ?? '')) {
      // «أولاف», «أوباما»: an initial o
      units.push({ kind: 'v', latin: 'o' });
      i++;
    } else if (isLongA(ch)) {
      // إ at the start is usually i-, ا/أ a-.
      units.push({ kind: 'v', latin: ch === 'إ' && i === 0 ? 'i' : 'a' });
    } else if (ch === 'ة') {
      units.push({ kind: 'v', latin: 'a' });
    } else if (ch === 'و') {
      const consonantal = i === 0 || (next !== undefined && (isLongA(next) || isYa(next) || next === 'و'));
      if (consonantal && !(prevUnit && prevUnit.kind === 'v' && prevUnit.latin === 'u'))
        units.push({ kind: 'c', latin: 'w' });
      else units.push({ kind: 'v', latin: i === letters.length - 1 && prevUnit?.kind === 'v' ? 'w' : 'u' });
    } else if (
      isYa(ch) &&
      i === 1 &&
      prevUnit?.kind === 'c' &&
      consonantLetter(next) &&
      consonantLetter(letters[i + 2])
    ) {
      // «فيصل», «هيثم», «زينب», «حيدر»: ي after the first consonant and before two is a diphthong
      units.push({ kind: 'v', latin: 'ay' });
    } else if (isYa(ch)) {
      const consonantal = i === 0 || (next !== undefined && (isLongA(next) || next === 'و'));
      if (consonantal) units.push({ kind: 'c', latin: 'y' });
      else units.push({ kind: 'v', latin: prevUnit?.kind === 'v' && prevUnit.latin === 'a' ? 'y' : 'i' });
    } else if (ch === 'ع' || ch === 'ء' || ch === 'ئ' || ch === 'ؤ') {
      // Silent in the readable form, but they carry a vowel: treat as a consonant slot.
      units.push({ kind: 'c', latin: '' });
    } else {
      const c = CONSONANTS[ch];
      units.push({ kind: 'c', latin: c ?? (/\p{L}/u.test(ch) ? ch.toLowerCase() : '') });
    }
  }
  // «فيصل», «هيثم», «أيمن»: a diphthong, then two final consonants → a short a between them.
  const m = units.length;
  if (
    m >= 4 &&
    units[m - 3]!.kind === 'v' &&
    (units[m - 3]!.latin === 'ay' || (units[m - 3]!.latin === 'y' && units[m - 4]?.latin === 'a')) &&
    units[m - 2]!.kind === 'c' &&
    units[m - 1]!.kind === 'c' &&
    units[m - 2]!.latin !== ''
  )
    units.splice(m - 1, 0, { kind: 'v', latin: 'a' });
  // «خالد», «سالم», «ناصر»: a long a, then two final consonants → a short i between them.
  const n = units.length;
  if (
    n >= 4 &&
    units[n - 3]!.kind === 'v' &&
    units[n - 3]!.latin === 'a' &&
    units[n - 2]!.kind === 'c' &&
    units[n - 1]!.kind === 'c' &&
    units[n - 2]!.latin !== ''
  )
    units.splice(n - 1, 0, { kind: 'v', latin: 'i' });
  let out = '';
  let sinceVowel = 99;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const next = units[i + 1];
    out += u.latin;
    if (u.kind === 'v') {
      sinceVowel = 0;
      continue;
    }
    sinceVowel++;
    // Supply a short vowel inside a consonant cluster: after the first consonant of the
    // word, or when two consonants have already passed without a vowel.
    if (next && next.kind === 'c' && (i === 0 || sinceVowel >= 2)) {
      out += 'a';
      sinceVowel = 0;
    }
  }
  return out;
}

/** Very common name words whose usual spelling the letters alone do not give. */
const USUAL: Record<string, string> = {
  محمد: 'mohammad',
  أحمد: 'ahmad',
  علي: 'ali',
  حسن: 'hassan',
  حسين: 'hussein',
  محمود: 'mahmoud',
  مصطفى: 'mustafa',
  عمر: 'omar',
  يوسف: 'yousef',
  إبراهيم: 'ibrahim',
  عبد: 'abd',
  الله: 'allah',
  عبدالله: 'abdullah',
  بن: 'bin',
  ابن: 'ibn',
  أبو: 'abu',
  آل: 'al',
  // given names whose usual spelling the letters alone do not give (short vowels, doubled letters)
  عثمان: 'othman',
  سعد: 'saad',
  منذر: 'munther',
  مهند: 'muhannad',
  لطفي: 'lutfi',
  توفيق: 'tawfiq',
  زكريا: 'zakaria',
  سليمان: 'sulaiman',
  تركي: 'turki',
  نايف: 'naif',
  سلطان: 'sultan',
  هشام: 'hisham',
  رضا: 'reza',
  مرتضى: 'murtada',
  مجتبى: 'mojtaba',
  محسن: 'mohsen',
  عباس: 'abbas',
  عماد: 'imad',
  رياض: 'riyad',
  زياد: 'ziad',
  أنس: 'anas',
  بلال: 'bilal',
  أسامة: 'osama',
  عصام: 'issam',
  أنور: 'anwar',
  عمار: 'ammar',
  عمرو: 'amr',
  غسان: 'ghassan',
  حسام: 'hossam',
  فؤاد: 'fuad',
  قيس: 'qais',
  لؤي: 'louay',
  مراد: 'murad',
  منير: 'munir',
  وائل: 'wael',
  يونس: 'younis',
  آصف: 'asif',
  عمران: 'imran',
  بلاول: 'bilawal',
  مريم: 'maryam',
  بنيامين: 'benjamin',
  يسرائيل: 'yisrael',
  دونالد: 'donald',
  جو: 'joe',
  ماركو: 'marco',
  فلاديمير: 'vladimir',
  سيرغي: 'sergei',
  سيرجي: 'sergei',
  رجب: 'recep',
  أنطونيو: 'antonio',
  جوزيف: 'joseph',
  جوزاف: 'joseph',
  ميشال: 'michel',
  غلام: 'gholam',
  فاطمة: 'fatima',
  عائشة: 'aisha',
  ليلى: 'laila',
  هدى: 'huda',
  منى: 'mona',
  طاهرة: 'tahereh',
  زايد: 'zayed',
  سيف: 'saif',
  حمد: 'hamad',
  جورجيا: 'giorgia',
  صوفيا: 'sofia',
  فيكتوريا: 'victoria',
  كير: 'keir',
  ملك: 'malik',
  إيهود: 'ehud',
  إيمانويل: 'emmanuel',
};

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * How names are usually written in English where the letters alone give something else
 * («محمد» → Mohammed, «ناصر» → Nasser, «خوسيه» → Jose): for display only. Keys and ids keep
 * the spelling of `USUAL` (a stored archive's person ids and Latin keys do not move).
 */
const DISPLAY: Record<string, string> = {
  محمد: 'mohammed',
  ناصر: 'nasser',
  سعيد: 'saeed',
  عز: 'izz',
  نور: 'nour',
  صلاح: 'salah',
  ولد: 'ould',
  // foreign given names, often in Maghreb and Gulf news
  خوسيه: 'jose',
  مانويل: 'manuel',
  خوان: 'juan',
  كارلوس: 'carlos',
  بيدرو: 'pedro',
  لويس: 'luis',
  ماريا: 'maria',
  جان: 'jean',
  نويل: 'noel',
  بيار: 'pierre',
  فرانسوا: 'francois',
  ماري: 'marie',
  كريستين: 'christine',
  أوليفييه: 'olivier',
  ستيفان: 'stephane',
  جون: 'john',
  ديفيد: 'david',
  جيمس: 'james',
  بوريس: 'boris',
  أنجيلا: 'angela',
  أورسولا: 'ursula',
  كايا: 'kaja',
  جوزيب: 'josep',
  فرانك: 'frank',
  ماريو: 'mario',
  ريشي: 'rishi',
};

/** Second words of compound given names, written after the first one («Nour al-Din», «Saif al-Islam»). */
const TAILS: Record<string, string> = { الدين: 'al-Din', الإسلام: 'al-Islam', الاسلام: 'al-Islam' };

/** A readable Latin spelling of an Arabic name or phrase; Latin input comes back as is. */
export function transliterate(text: string): string {
  return render(text, true);
}

/** The Latin spelling keys and ids are made of: `transliterate` without its display forms («ولد» → Wald, not Ould). */
export function keySpelling(text: string): string {
  return render(text, false);
}

/**
 * `transliterate`, with `display` its readable form (`DISPLAY`, compound given names, no doubled
 * vowel the rules made); without, the spelling keys and ids are made of (stable across releases).
 */
function render(text: string, display: boolean): string {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  // «عبد الله» → Abdullah, «عبد الملك» → Abdul Malik: the servant-of compound is one name
  const joined: string[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!.normalize('NFC').replace(/[\p{M}\u0640]/gu, '');
    const next = words[k + 1]?.normalize('NFC').replace(/[\p{M}\u0640]/gu, '');
    if (w === 'عبد' && next === 'الله') {
      joined.push('عبدالله');
      k++;
    } else if (w === 'عبد' && next?.startsWith('ال') && next.length > 3) {
      const rest = next.slice(2);
      joined.push(`Abdul ${capital(USUAL[rest] ?? word(rest))}`);
      k++;
    } else joined.push(words[k]!);
  }
  const spelled = (bare: string) => {
    const usual = (display ? DISPLAY[bare] : undefined) ?? USUAL[bare];
    if (usual) return usual;
    const w = word(bare);
    // «أوليفييه», «الاأنصاري»: a long vowel after its own short one is written once
    return display ? w.replace(/([aiu])\1+/g, '$1') : w;
  };
  return joined
    .map((w, k) => {
      if (!/\p{Script=Arabic}/u.test(w)) return w;
      const bare = w.normalize('NFC').replace(/[\p{M}\u0640]/gu, '');
      if (display && k > 0 && TAILS[bare]) return TAILS[bare];
      // «محمد بن سلمان»: «bin» inside a name is written in lower case
      if (display && k > 0 && (bare === 'بن' || bare === 'ابن')) return USUAL[bare]!;
      const usual = (display ? DISPLAY[bare] : undefined) ?? USUAL[bare];
      if (usual) return capital(usual);
      if (bare.startsWith('ال') && bare.length > 3) return `Al-${capital(spelled(bare.slice(2)))}`;
      return capital(spelled(bare));
    })
    .filter((w) => w.length > 0)
    .join(' ');
}

/**
 * The consonant skeleton of one Latin word (a–z, 0–9): digraphs folded (sh → s; ch, zh, dj → j;
 * th → t; dh → d; ph → f; kh, gh, ck, q, g, c → k; x → ks; p → b), then vowels, w, v and y
 * dropped and doubled letters made single; an initial vowel leaves an `a`. One pass over the
 * word: no digraph's result can start or end another digraph, so folding them left to right
 * in one pass gives what one replace per digraph gave (test/entities/transliterate.test.ts
 * checks it against those replaces).
 */
function keyWord(w: string): string {
  const initialVowel = VOWEL_OR_GLIDE[w.charCodeAt(0)] === 1;
  let out = '';
  let last = -1;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    const n = w.charCodeAt(i + 1);
    // the letter (or two) this one or this digraph gives
    let r = c;
    let r2 = -1;
    if (n === 104 && DIGRAPH_H[c]! > 0) {
      r = DIGRAPH_H[c]!; // sh ch zh th dh ph kh gh
      i++;
    } else if ((c === 100 && n === 106) || (c === 99 && n === 107)) {
      r = n; // dj → j, ck → k
      i++;
    } else if (c === 113 || c === 103 || c === 99)
      r = 107; // q g c → k
    else if (c === 120) {
      r = 107; // x → ks
      r2 = 115;
    } else if (c === 112) r = 98; // p → b
    if (VOWEL_OR_GLIDE[r]! === 0 && r !== last) {
      out += String.fromCharCode(r);
      last = r;
    }
    if (r2 >= 0 && r2 !== last) {
      out += String.fromCharCode(r2);
      last = r2;
    }
  }
  return initialVowel ? `a${out}` : out;
}

/** By char code: 1 for a e i o u y (an initial one leaves `a`), 2 for v w; dropped from keys. */
const VOWEL_OR_GLIDE = new Uint8Array(128);
for (const c of 'aeiouy') VOWEL_OR_GLIDE[c.charCodeAt(0)] = 1;
for (const c of 'vw') VOWEL_OR_GLIDE[c.charCodeAt(0)] = 2;
/** By char code of the first letter: what it and a following h fold to (0: not a digraph). */
const DIGRAPH_H = new Uint8Array(128);
for (const [d, r] of [
  ['s', 's'],
  ['c', 'j'],
  ['z', 'j'],
  ['t', 't'],
  ['d', 'd'],
  ['p', 'f'],
  ['k', 'k'],
  ['g', 'k'],
] as const)
  DIGRAPH_H[d.charCodeAt(0)] = r.charCodeAt(0);

/** Arabic letters that `word` spells in a–z alone (no other script, mark, digit or tatweel). */
const PLAIN_ARABIC = /^[\u0621-\u063A\u0641-\u064A]+$/;
const PLAIN_LATIN = /^[a-z0-9]+$/;

/**
 * `latinKey` of one word of plain Arabic letters: `transliterate` of one word is one Latin
 * word of a–z (its usual spelling, «ال» as `al`), so the general path's normalizing and
 * splitting leave it as it is. The same key, without those passes.
 */
function plainArabicKey(ar: string): string {
  const usual = USUAL[ar];
  let latin: string;
  if (usual !== undefined) latin = usual;
  else if (ar.startsWith('ال') && ar.length > 3) {
    const rest = ar.slice(2);
    latin = `al${USUAL[rest] ?? spell(rest.split(''))}`;
  } else latin = spell(ar.split(''));
  return latin ? keyWord(latin) : '';
}

/**
 * A consonant-skeleton key for matching names across spellings and scripts: Arabic is
 * transliterated first; then case, diacritics, vowels, w/v/y and doubled letters fold.
 */
export function latinKey(text: string): string {
  // One word of plain Arabic letters, or of lower-case Latin letters and digits: the same key
  // as the general path below, without its passes (most words the search analyzer keys).
  if (PLAIN_ARABIC.test(text)) return plainArabicKey(text);
  if (PLAIN_LATIN.test(text)) return keyWord(text);
  const latin = /\p{Script=Arabic}/u.test(text) ? keySpelling(text) : text;
  return latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʿʾ`-]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0)
    .map(keyWord)
    .filter((w) => w.length > 0)
    .join(' ');
}

/**
 * The Latin words of a name (Arabic transliterated first): no marks, lower case, apostrophes and
 * ayn/hamza signs dropped, split at anything but a–z and digits. «علي لاريجاني» → `ali`, `larijani`.
 */
export function latinWords(text: string): string[] {
  const latin = /\p{Script=Arabic}/u.test(text) ? keySpelling(text) : text;
  return latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʿʾ`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** A URL- and id-safe slug of a name: «علي لاريجاني» → `ali-larijani`. */
export function slug(text: string): string {
  return latinWords(text).join('-');
}
