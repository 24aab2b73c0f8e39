/**
 * Who says what, for the composed brief's «ماذا يقولون»: the subject of a reporting verb
 * («وقال وزير الطاقة إن …» → «وزير الطاقة»), the source of «وفق ما أكده مصدر أمني», and the
 * statements that name no one — «وأضاف أن …», «وقالت في بيان …», «وأضاف المصدر نفسه …»,
 * «وأضاف الدهماني …» — resolved to the last speaker the article named (the full form of a
 * surname or of a definite title such as «الوزير»). Read from the words as written; no
 * analysis needed.
 */
import { matchForm, tokenize } from '../text/index.ts';
import { type Unit, wordsOf } from './units.ts';

/** Reporting verbs (match forms, without a leading و/ف). */
const VERBS = new Set(
  (
    'قال قالت اكد اكدت اوضح اوضحت صرح صرحت اضاف اضافت اشار اشارت شدد شددت اعرب اعربت حذر حذرت ' +
    'دعا دعت اعلن اعلنت لفت لفتت نفي نفت كشف كشفت افاد افادت اعتبر اعتبرت ذكر ذكرت تابع تابعت ' +
    'اكدوا قالوا اعلنوا'
  ).split(' '),
);
/** «وفق ما أكده X», «حسب ما أفاد به X»: the verb with its object pronoun, after «ما». */
const VERBS_HU = new Set(
  'اكده اكدته اوضحه اوضحته ذكره ذكرته صرح افاد افادت قاله قالته اعلنه اعلنته نقله نقلته'.split(' '),
);
/** Words that may sit between the verb and its subject (time, «ذات السياق»). */
const SKIP = new Set(
  (
    'اليوم امس الليله صباح مساء عشيه ظهر يوم الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه السبت ' +
    'ايضا كذلك بدوره بدورها'
  ).split(' '),
);
/** Words that end the subject: the complementizer, the channel, the addressee. */
const STOP = new Set(
  (
    'ان انه انها انهم انهن بان بانه بانها في خلال عبر عن علي امام اثناء عقب لدي ل الي ' +
    'حول بشان اليوم امس ما الذي التي ضمن فيه فيها له لها النقاب من جميع كافه كل'
  ).split(' '),
);
/** «لموفد», «لمراسل», «للجوهرة», «لوكالة»…: «to (a medium)» ends the subject. */
const TO_MEDIUM =
  /^(?:ل|لل)(?:موفد|مراسل|جوهر|وكال|رويترز|صحيف|قناه|اذاع|محط|صحف|وسايل|اعلام|موقع|راديو|تلفزيون)/u;
/** A medium named after the subject without «ل» («أكده مصدر أمني وكالة …»). */
const MEDIUM = new Set(['وكاله', 'مراسل', 'موفد', 'صحيفه', 'قناه', 'اذاعه']);
/** What a statement is followed by: «أن/إن», a quotation, a colon; «عن» after «أعلن/كشف», «إلى» after «دعا». */
const SAYS = new Set(['ان', 'انه', 'انها', 'انهم', 'انهن', 'بان', 'بانه', 'بانها', 'ان']);
const QUOTE = new Set(['"', '«', '“', ':']);
const ABOUT = /^(?:اعلن|اعلنت|اعلنوا|كشف|كشفت)$/u;
const CALL = /^(?:دعا|دعت)$/u;
/** Whom a call is addressed to («دعا الاتحاد الحكومة إلى …»): ends the subject of «دعا». */
const ADDRESSEE = new Set(
  'الحكومه السلطات المجتمع الاطراف المواطنين الدول الدوله الشعب الجميع الاحزاب البرلمان'.split(' '),
);
const WINDOW = 25;
/**
 * A statement that names no verb of saying before it: «مشيرا إلى أن», «لافتا إلى أن», «مضيفا أن»
 * (the participle, with its «إلى» when it takes one) — the last named speaker's words.
 */
const PARTICIPLES: ReadonlyMap<string, string | undefined> = new Map([
  ['مشيرا', 'الي'],
  ['مشيره', 'الي'],
  ['لافتا', 'الي'],
  ['لافته', 'الي'],
  ['مضيفا', undefined],
  ['مضيفه', undefined],
]);
/** «واختتم [الوزير] [حديثه] بالقول …»: what may stand between «اختتم» and «بالقول». */
const CLOSED = /^(?:اختتم|اختتمت)$/u;
const CLOSING_NOUN = /^(?:حديث|كلمت|تصريح|تصريحات|كلام|بيان|مداخلت|لقاء|خطاب|اعمال|رسالت)(?:ه|ها|هم)$/u;
const MAX_CLOSING = 8;

/** «المصدر نفسه», «ذات المصدر»: the same as before. */
const SAME = new Set(['نفسه', 'نفسها', 'ذاته', 'ذاتها', 'ذات', 'نفس']);
const MAX_SUBJECT = 10;

interface Tok {
  form: string;
  start: number;
  end: number;
  word: boolean;
}

function toks(u: Unit): Tok[] {
  return tokenize(u.text).map((t) => ({
    form: matchForm(t.text),
    start: u.start + t.start,
    end: u.start + t.end,
    word: t.kind !== 'punctuation',
  }));
}

const bare = (form: string) => (/^[وف]./u.test(form) && VERBS.has(form.slice(1)) ? form.slice(1) : form);

export interface Attribution {
  /** The reporting verb. */
  verb: [number, number];
  /** The verb opens the sentence (after «و»/«ف» at most). */
  opening: boolean;
  /** The subject as written, when the sentence names one. */
  subject?: { text: string; span: [number, number] };
}

/** The first reporting verb of the sentence and its subject, if it names one. */
export function attributionOf(u: Unit, source: string): Attribution | undefined {
  return verbAttribution(u, source) ?? closingAttribution(u, source) ?? participleAttribution(u);
}

/**
 * «واختتم X [حديثه] بالقول …» opening the sentence: X as the subject when the words between
 * name someone (not «حديثه», «كلمته» …), else the last speaker.
 */
function closingAttribution(u: Unit, source: string): Attribution | undefined {
  if (!u.words.includes('بالقول')) return undefined;
  const all = toks(u);
  const ts = all.filter((t) => t.word);
  const at = ts[0]?.form === 'و' || ts[0]?.form === 'ف' ? 1 : 0;
  const first = ts[at];
  if (!first || !CLOSED.test(/^[وف]./u.test(first.form) && at === 0 ? first.form.slice(1) : first.form))
    return undefined;
  const end = ts.findIndex((t, i) => i > at && t.form === 'بالقول');
  if (end < 0 || end - at - 1 > MAX_CLOSING) return undefined;
  // what is said follows: «بالقول إن …», «بالقول: …», «بالقول «…»»
  const next = all[all.indexOf(ts[end]!) + 1]?.form ?? '';
  if (!SAYS.has(next) && !QUOTE.has(next)) return undefined;
  const words = ts.slice(at + 1, end).filter((t) => !CLOSING_NOUN.test(t.form) && !SKIP.has(t.form));
  const verb: [number, number] = [first.start, first.end];
  if (words.length === 0) return { verb, opening: true };
  const span: [number, number] = [words[0]!.start, words[words.length - 1]!.end];
  return { verb, opening: true, subject: { text: source.slice(span[0], span[1]), span } };
}

/** «…، مشيرا إلى أن …», «لافتا إلى أن», «مضيفا أن»: the last speaker's statement. */
function participleAttribution(u: Unit): Attribution | undefined {
  const plain = (w: string) => (/^و./u.test(w) && PARTICIPLES.has(w.slice(1)) ? w.slice(1) : w);
  if (!u.words.some((w) => PARTICIPLES.has(plain(w)))) return undefined;
  const ts = toks(u).filter((t) => t.word);
  for (let i = 0; i < ts.length; i++) {
    const form = plain(ts[i]!.form);
    if (!PARTICIPLES.has(form)) continue;
    const prep = PARTICIPLES.get(form);
    let j = i + 1;
    if (prep !== undefined && ts[j]?.form === prep) j++;
    else if (prep !== undefined) continue;
    if (!SAYS.has(ts[j]?.form ?? '')) continue;
    return { verb: [ts[i]!.start, ts[i]!.end], opening: true };
  }
  return undefined;
}

function verbAttribution(u: Unit, source: string): Attribution | undefined {
  if (!u.words.some((w) => VERBS.has(bare(w)) || VERBS_HU.has(w))) return undefined;
  const ts = toks(u);
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    if (!t.word) continue;
    const hu = VERBS_HU.has(t.form) && ts[i - 1]?.form === 'ما';
    if (!hu && !VERBS.has(bare(t.form))) continue;
    // «أكد» inside a relative clause or as a noun is rare enough; the verb must open a clause:
    // first word, after «و»/«ف», after «كما»/«فيما»/«جهته», or «ما» for «وفق ما أكده».
    const prev = ts[i - 1];
    const opens =
      hu ||
      i === 0 ||
      prev?.form === 'و' ||
      prev?.form === 'ف' ||
      !prev?.word ||
      /^(?:كما|فيما|بينما|حين|جهته|جهتها|جانبه|جانبها|السياق|الاطار|ناحيته|ناحيتها)$/u.test(prev?.form ?? '');
    if (!opens) continue;
    const v = bare(t.form);
    const follows = ts
      .slice(i + 1, i + 1 + WINDOW)
      .some(
        (w) =>
          SAYS.has(w.form) ||
          QUOTE.has(w.form) ||
          (ABOUT.test(v) && w.form === 'عن') ||
          (CALL.test(v) && w.form === 'الي'),
      );
    if (!hu && !follows) continue;
    let j = i + 1;
    if (hu && ts[j]?.form === 'به') j++;
    while (j < ts.length && ts[j]!.word && SKIP.has(ts[j]!.form)) j++;
    // «في ذات السياق» / «في هذا الإطار» between verb and subject
    let k = j;
    const words: Tok[] = [];
    for (; k < ts.length && words.length <= MAX_SUBJECT; k++) {
      const w = ts[k]!;
      if (!w.word) {
        if (w.form === '،' || w.form === ',') continue;
        break;
      }
      if (STOP.has(w.form) || SKIP.has(w.form) || TO_MEDIUM.test(w.form)) break;
      if (words.length > 0 && (MEDIUM.has(w.form) || (CALL.test(v) && ADDRESSEE.has(w.form)))) break;
      words.push(w);
    }
    const verb: [number, number] = [t.start, t.end];
    // «وأضاف أن …» opening the sentence: the last speaker; mid-sentence, the subject is
    // earlier in the sentence («وأشادت فرنسا …، ودعت …») and unknown here.
    const opening = i === 0 || (i === 1 && (ts[0]!.form === 'و' || ts[0]!.form === 'ف'));
    // «وفق ما أكده مراسل …»: the outlet's own reporter confirms, nobody is quoted.
    if (words.length > 0 && /^(?:ال)?(?:مراسل|موفد)/u.test(words[0]!.form)) continue;
    // «وانتقدت المنظمة الحكم، ودعت السلطات إلى …»: mid-sentence, a call's first word the
    // addressee — the subject is the first clause's, not named here
    if (!opening && CALL.test(v) && ADDRESSEE.has(words[0]?.form ?? '')) return { verb, opening };
    if (words.length === 0 || words.length > MAX_SUBJECT) return { verb, opening };
    const span: [number, number] = [words[0]!.start, words[words.length - 1]!.end];
    return { verb, opening, subject: { text: source.slice(span[0], span[1]), span } };
  }
  return undefined;
}

/**
 * The speaker of every sentence that reports a statement (index → speaker as the article
 * names them); sentences whose speaker cannot be found are absent.
 */
export function speakersOf(units: Unit[], source: string): Map<number, string> {
  const out = new Map<number, string>();
  const named: string[] = [];
  for (const u of units) {
    const a = attributionOf(u, source);
    if (!a) continue;
    const said = a.subject
      ? resolve(a.subject.text, named, source.slice(0, u.start))
      : a.opening
        ? named[named.length - 1]
        : undefined;
    if (said === undefined) continue;
    out.set(u.index, said);
    if (a.subject && said === a.subject.text) named.push(said);
  }
  return out;
}

/**
 * A subject that points back («المصدر نفسه», «الوزير», a surname) → the earlier, fuller name
 * that holds every word of it («الدهماني» → «الناطق الرسمي باسم الحكومة إياد الدهماني»; «الوزير
 * السوداني» is not «وزير الري المصري»).
 */
function resolve(subject: string, named: string[], before = ''): string {
  const forms = wordsOf(subject);
  const same = forms.some((w) => SAME.has(w));
  const words = forms.filter((w) => !SAME.has(w));
  if (words.length === 0) return named[named.length - 1] ?? subject;
  if (!same && words.length > 2) return subject;
  const core = (w: string) => (w.startsWith('ال') && w.length > 3 ? w.slice(2) : w);
  for (let i = named.length - 1; i >= 0; i--) {
    const earlier = new Set(wordsOf(named[i]!).map(core));
    if (!same && earlier.size <= words.length) continue;
    if (words.every((w) => earlier.has(core(w)))) return named[i]!;
  }
  return words.length === 1 && !same ? (namedBody(forms[0]!, before) ?? subject) : subject;
}

/** Definite nouns of a body that a statement's subject may name bare after its full name. */
const BODY = new Set(
  'الوزاره الحكومه الرياسه الهييه الحركه الجماعه الوكاله الشركه المنظمه الجبهه اللجنه البعثه السفاره'.split(
    ' ',
  ),
);

/**
 * «وقالت الوزارة في بيان …» after «استدعت وزارة الخارجية الجزائرية …»: a bare definite body noun is
 * the last body of that noun the text named in full (the noun without «ال», then one to three
 * definite words: «وزارة الخارجية الجزائرية»).
 */
function namedBody(form: string, before: string): string | undefined {
  if (!BODY.has(form)) return undefined;
  const head = form.slice(2);
  const ts = tokenize(before);
  for (let i = ts.length - 1; i >= 0; i--) {
    const f = matchForm(ts[i]!.text);
    if (f !== head && f !== `و${head}`) continue;
    let j = i + 1;
    while (
      j < ts.length &&
      j - i <= 3 &&
      ts[j]!.kind !== 'punctuation' &&
      matchForm(ts[j]!.text).startsWith('ال')
    )
      j++;
    if (j === i + 1) continue;
    const start = ts[i]!.start + (f === head ? 0 : 1);
    return before.slice(start, ts[j - 1]!.end);
  }
  return undefined;
}
