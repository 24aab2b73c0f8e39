/**
 * Organizations named by a head noun and the words that follow it, when no list knows them:
 * «المنظمة العالمية للسياحة», «الجامعة التونسية للجمباز» (a sports federation), «مركز البحوث
 * العسكرية», «الهيئة الوطنية لمكافحة الفساد». The name is the head, its adjectives and one
 * genitive phrase in «لـ» with its own adjectives; it ends where a word can go on with none of
 * these — a person's name («اللجنة الأولمبية | رياض …»), a verb, a preposition.
 */
import { ARTICLE_GIVEN, NAME_STOP, lightKey } from './gazetteer/lexicon.ts';
import { type Reading, type Tok, keyOf } from './gazetteer/tokens.ts';

const keys = (words: string) =>
  new Set(
    words
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => keyOf(w)),
  );

/** First words of organization names the tagger may add (with or without the article). */
export const ORG_WORDS = keys(
  'حركة حزب منظمة جمعية شركة وزارة هيئة مجلس اتحاد مؤسسة جامعة بنك نادي مكتب معهد وكالة لجنة جبهة تنظيم مركز نقابة جماعة ائتلاف تحالف كتائب سرايا قوات',
);

/** Heads of institutions whose name is an adjective or genitive chain after them. */
export const INSTITUTION_HEADS = keys(
  'منظمة جامعة مركز هيئة اتحاد جمعية لجنة مجلس رابطة نقابة معهد مؤسسة مرصد منتدى غرفة وكالة ديوان',
);

/**
 * Heads of companies' names: «شركة الراية للاستثمار», «مجموعة النخبة للمقاولات», «مصرف الأمان
 * للتمويل». In construct with a definite noun and a field in «لل» — the usual shape of a
 * company's name — the field is the name's with no adjective before it («مؤسسة الرواد للتقنية»
 * too); a company's genitive is only such a field.
 */
export const COMPANY_HEADS = keys('شركة مجموعة مصرف بنك');
const GENITIVE_NAME_HEADS = new Set([...COMPANY_HEADS, keyOf('مؤسسة')]);

/** Heads whose construct phrase with a generic adjective names a kind of office, not one body. */
const FACILITY_HEADS = keys('مركز وكالة مكتب مؤسسة');

/** Adjectives of organization names that are not shaped as a nisba («العليا», «المستقلة»). */
const ADJECTIVES = keys(
  'العليا الأعلى العام العامة المستقلة المستقل الكبرى المتحدة الموحدة الحرة الدائمة المشتركة',
);

/** Nisba-shaped words that are no adjective of a name («الحالي», «الذي», «الثاني»; a meeting's «الأسبوعية»). */
const NOT_NAME_ADJECTIVES = keys(
  `الذي التي الحالي الحالية الماضي الماضية الثاني الثانية التالي التالية الأسبوعية الأسبوعي
  الشهرية الشهري السنوية السنوي اليومية اليومي الدورية الدوري العادية العادي الاستثنائية
  الاستثنائي الطارئة الطارئ`,
);

/**
 * Adjectives that, alone after the head, name no body in particular: «المنظمة العالمية»,
 * «الهيئة المستقلة», «اللجنة الوطنية» are what an article calls a body it named in full.
 */
const GENERIC_ADJECTIVES = keys(
  `العالمية العالمي الدولية الدولي الوطنية الوطني العامة العام العليا الأعلى المستقلة المستقل
  الجهوية الجهوي المحلية المحلي المركزية المركزي الإقليمية الإقليمي الجديدة الجديد الخاصة الخاص
  المختصة المختص المعنية المعني الرسمية الرسمي الرياضي الرياضية`,
);

/** Bodies after «لـ» that own the organization named before («للحزب», «لوكالة», «للبرلمان»). */
const OWNER_BODIES = new Set([...ORG_WORDS, keyOf('برلمان'), keyOf('حكومة'), keyOf('دولة')]);

/** Words that end a genitive phrase as a purpose («للنظر في …») rather than a name. */
const PREPOSITIONS = keys('في على عن من إلى الى مع حول ضد');

/** A word made of a clitic and the article («بالمدينة», «والرئيس», «للحكومة»). */
export function cliticArticle(t: Tok): boolean {
  return t.info.readings.some((r) => r.strip > 0 && r.key.startsWith('ال'));
}

function stripAl(k: string): string {
  return k.startsWith('ال') && k.length > 3 ? k.slice(2) : k;
}

/** The reading of `t` that is an organization word, with at most one clitic («والمنظمة», «بمركز»). */
export function orgWordReading(t: Tok, words: ReadonlySet<string> = ORG_WORDS): Reading | undefined {
  if (!t.arabic) return undefined;
  return t.info.readings.find((r) => r.strip <= 1 && words.has(stripAl(r.key)));
}

/** Can an institution's name start at this word («مركز», «المنظمة», «بالهيئة»)? */
export function opensOrg(t: Tok): boolean {
  return orgWordReading(t, INSTITUTION_HEADS) !== undefined || orgWordReading(t, COMPANY_HEADS) !== undefined;
}

/** A definite adjective that may go on an organization's name («العالمية», «العليا», «التونسية»). */
export function nameAdjective(t: Tok | undefined): boolean {
  if (!t?.arabic || t.punct || !t.key.startsWith('ال') || cliticArticle(t)) return false;
  if (NOT_NAME_ADJECTIVES.has(t.key) || NAME_STOP.has(lightKey(t.text))) return false;
  return ADJECTIVES.has(t.key) || /^ال\S{2,}(ي|يه)$/.test(t.key);
}

/** A definite noun with no clitic («البحوث», «الكتاب»). */
function definiteNoun(t: Tok | undefined): boolean {
  return (
    t?.arabic === true &&
    !t.punct &&
    t.key.startsWith('ال') &&
    t.key.length > 3 &&
    !cliticArticle(t) &&
    !NAME_STOP.has(lightKey(t.text))
  );
}

/**
 * The genitive phrase at `k`: «للسياحة» (ل + the article), or «لكرة القدم», «لمكافحة الفساد»,
 * «لنقابات قوات الأمن» (ل + a noun in construct, maybe another, + a definite noun). Returns its
 * last token, or -1.
 */
function genitiveAt(toks: Tok[], k: number): number {
  const t = toks[k];
  if (!t?.arabic || t.punct || !t.key.startsWith('ل') || NAME_STOP.has(lightKey(t.text))) return -1;
  if (t.key.startsWith('لل') && t.key.length > 4) return k;
  if (t.key.length < 4 || t.key.startsWith('لا')) return -1;
  if (definiteNoun(toks[k + 1])) return k + 1;
  // «لنقابات قوات الأمن»: a second noun in construct before the definite one.
  const n = toks[k + 1];
  if (
    n?.arabic &&
    !n.punct &&
    !n.key.startsWith('ال') &&
    !NAME_STOP.has(lightKey(n.text)) &&
    n.info.readings.every((r) => r.strip === 0) &&
    definiteNoun(toks[k + 2])
  )
    return k + 2;
  return -1;
}

/** «والكرامة», «والبحث»: a noun joined by «و» with the article — not another body («والاتحاد»). */
function andNoun(t: Tok): boolean {
  return (
    t.arabic &&
    /^وال/.test(t.key) &&
    t.key.length > 4 &&
    !NAME_STOP.has(lightKey(t.text)) &&
    !t.info.readings.some((x) => x.strip > 0 && OWNER_BODIES.has(stripAl(x.key)))
  );
}

export interface OrgSpan {
  first: number;
  last: number;
  /** Head and generic adjectives only («المنظمة العالمية»): no name of its own. */
  generic: boolean;
  /**
   * «مركز», «وكالة» in construct and generic adjectives only («مركز الأمن الوطني», a police
   * station; «وكالة الأنباء الرسمية»): too common to read as a name unless the tagger does.
   * (Not «لجنة التشريع العام», a committee; nor «منظمة العمل الدولية».)
   */
  common: boolean;
  /** The name has a genitive phrase in «لـ» («… للسياحة»). */
  genitive: boolean;
  /** The head has the article («المنظمة …»; not «مركز …» in construct). */
  definite: boolean;
  /** The tagger reads the genitive inside the organization. */
  vouched: boolean;
}

/**
 * The organization named from token `i`, or undefined. `tags` is the tagger's reading where
 * it ran; `isHead` tells post heads («هيئة الرئيس …» is no body's name). A genitive is part of
 * the name unless a preposition follows it («مجلس الأمن الدولي للنظر في …» is a purpose) —
 * except where the tagger reads it in the organization — and a name with no adjective before
 * its genitive («مجلس الشعب للانعقاد») has it only where the tagger does.
 */
export function orgSpanAt(
  toks: Tok[],
  i: number,
  tags?: readonly string[],
  isHead?: (t: Tok) => boolean,
): OrgSpan | undefined {
  const t = toks[i];
  const r = t && (orgWordReading(t, INSTITUTION_HEADS) ?? orgWordReading(t, COMPANY_HEADS));
  if (!r) return undefined;
  const definite = r.key.startsWith('ال');
  // Adjectives of the name: not a person's name the tagger reads («… المستوري القمودي»).
  const adjective = (k: number) =>
    nameAdjective(toks[k]) && !ARTICLE_GIVEN.has(toks[k]!.key) && !tags?.[k]?.endsWith('PERS');
  let k = i + 1;
  let adjectives = 0;
  let generic = true;
  let common = !definite && FACILITY_HEADS.has(stripAl(r.key));
  let joined = false;
  // «مركز البحوث العسكرية»: a head in construct takes a definite noun first.
  if (!definite) {
    const n = toks[k];
    // («شركة الراية للاستثمار»: a company's name may look like an adjective before its genitive.)
    const named = GENITIVE_NAME_HEADS.has(stripAl(r.key)) && toks[k + 1]?.key.startsWith('لل') === true;
    if (!definiteNoun(n) || (nameAdjective(n) && !named) || isHead?.(n!) || orgWordReading(n!))
      return undefined;
    k++;
    // «هيئة الحقيقة والكرامة»: a second noun joined by «و» names the body as well.
    const and = toks[k];
    if (and && andNoun(and) && !nameAdjective(toks[k + 1])) {
      k++;
      common = false;
      joined = true;
    }
  }
  while (adjective(k)) {
    if (!GENERIC_ADJECTIVES.has(toks[k]!.key)) {
      generic = false;
      common = false;
    }
    adjectives++;
    k++;
  }
  // «المجلس لمناقشة …»: a definite head needs an adjective before anything else.
  if (definite && adjectives === 0) return undefined;
  let last = k - 1;
  // («شركة …», «البنك …»: a company's field is «لل» + a noun, «للاستثمار»; «البنك التجاري لتحقيق
  // النجاح» is a purpose)
  const company = COMPANY_HEADS.has(stripAl(r.key));
  const g = company && !toks[k]?.key.startsWith('لل') ? -1 : genitiveAt(toks, k);
  const vouched = tags?.[k] === 'I-ORG';
  const genitive =
    g >= 0 &&
    (vouched ||
      ((adjectives > 0 || (!definite && GENITIVE_NAME_HEADS.has(stripAl(r.key)))) &&
        // (a company's field stays before a preposition: «شركة الواحة للمفروشات عن …»)
        (!PREPOSITIONS.has(toks[g + 1]?.key ?? '') || (company && g === k)))) &&
    // «الهيئة السياسية للحزب», «مجلس المقاطعة لوكالة …»: a body of another body.
    !toks[k]!.info.readings.some((x) => x.strip > 0 && OWNER_BODIES.has(stripAl(x.key)));
  if (genitive) {
    last = g;
    generic = false;
    common = false;
    while (adjective(last + 1)) last++;
    // «للتعليم العالي والبحث العلمي»: one more noun joined by «و», with its adjectives — not
    // a second organization («… للشغل والاتحاد التونسي …»).
    const and = toks[last + 1];
    if (and && andNoun(and)) {
      last++;
      while (adjective(last + 1)) last++;
    }
  } else if (!definite && adjectives === 0 && !joined) return undefined;
  return {
    first: i,
    last,
    generic: definite && generic,
    common,
    genitive,
    definite,
    vouched: genitive && vouched,
  };
}
