/**
 * Posts and titles: a small grammar over tokens and gazetteer matches that reads
 * «وزير الداخلية الباكستاني», «أمين المجلس الأعلى للأمن القومي الإيراني», «رئيس الوزراء»,
 * «المتحدث باسم وزارة الخارجية الإيرانية», «سفير إيران لدى باكستان», «قائد الجيش»,
 * «المرشد الأعلى», «نائب رئيس الجمهورية» into a `Post` {ar, en, country, sector}; and
 * government bodies («الحكومة الباكستانية», «وزارة الخارجية الإيرانية») into ORG entities.
 */
import type { Post, PostStatus } from '../model.ts';
import { type GazMatch, type Gazetteer, matchAt } from './gazetteer/index.ts';
import { type Tok, keyOf, readings, surfaceOffset, tokenize } from './gazetteer/tokens.ts';
import { NAME_STOP, lightKey } from './gazetteer/lexicon.ts';
import { opensName } from './gazetteer/names.ts';
import { orgSpanAt } from './orgs.ts';

interface Head {
  en: string;
  sector: string;
  /** Needs a complement to be a post at all (a bare «مدير» is not a post). */
  needsComplement?: boolean;
}

const HEADS = new Map<string, Head>(
  (
    [
      ['وزير', { en: 'Minister', sector: 'GOV' }],
      ['وزيره', { en: 'Minister', sector: 'GOV' }],
      ['رئيس', { en: 'President', sector: 'GOV' }],
      ['رئيسه', { en: 'President', sector: 'GOV' }],
      ['امين', { en: 'Secretary', sector: 'GOV', needsComplement: true }],
      ['متحدث', { en: 'Spokesperson', sector: 'GOV', needsComplement: true }],
      ['متحدثه', { en: 'Spokesperson', sector: 'GOV', needsComplement: true }],
      ['ناطق', { en: 'Spokesperson', sector: 'GOV', needsComplement: true }],
      ['سفير', { en: 'Ambassador', sector: 'GOV' }],
      ['سفيره', { en: 'Ambassador', sector: 'GOV' }],
      ['قائد', { en: 'Commander', sector: 'MIL', needsComplement: true }],
      ['مرشد', { en: 'Supreme Leader', sector: 'GOV', needsComplement: true }],
      ['ولي', { en: 'Crown Prince', sector: 'GOV', needsComplement: true }],
      ['ممثل', { en: 'Representative', sector: 'GOV', needsComplement: true }],
      ['مستشار', { en: 'Adviser', sector: 'GOV', needsComplement: true }],
      ['مستشاره', { en: 'Adviser', sector: 'GOV', needsComplement: true }],
      ['مدير', { en: 'Director', sector: 'GOV', needsComplement: true }],
      ['محافظ', { en: 'Governor', sector: 'GOV', needsComplement: true }],
      // «عمدة لوسيل»: a head, so the tagger's «عمدة X» is no person's name.
      ['عمدة', { en: 'Mayor', sector: 'GOV', needsComplement: true }],
      ['مبعوث', { en: 'Envoy', sector: 'GOV', needsComplement: true }],
      ['مبعوثه', { en: 'Envoy', sector: 'GOV', needsComplement: true }],
      ['منسق', { en: 'Coordinator', sector: 'GOV', needsComplement: true }],
      ['منسقه', { en: 'Coordinator', sector: 'GOV', needsComplement: true }],
      ['مندوب', { en: 'Representative', sector: 'GOV', needsComplement: true }],
      ['زعيم', { en: 'Leader', sector: 'GOV', needsComplement: true }],
      ['ملك', { en: 'King', sector: 'GOV', needsComplement: true }],
      ['عاهل', { en: 'King', sector: 'GOV', needsComplement: true }],
      ['امير', { en: 'Emir', sector: 'GOV', needsComplement: true }],
      ['سلطان', { en: 'Sultan', sector: 'GOV', needsComplement: true }],
    ] as [string, Head][]
  ).map(([k, v]) => [keyOf(k), v]),
);

/** Ministry portfolios: «وزير الداخلية», «وزارة الخارجية», «وزير خارجية إيران». */
const PORTFOLIOS = new Map<string, { en: string; sector?: string }>(
  (
    [
      ['خارجية', 'Foreign Affairs'],
      ['داخلية', 'Interior'],
      ['دفاع', 'Defence'],
      ['مالية', 'Finance'],
      ['اقتصاد', 'Economy'],
      ['عدل', 'Justice'],
      ['نفط', 'Oil'],
      ['طاقة', 'Energy'],
      ['صحة', 'Health'],
      ['تعليم', 'Education'],
      ['تربية', 'Education'],
      ['تجارة', 'Trade'],
      ['إعلام', 'Information'],
      ['استخبارات', 'Intelligence'],
      ['أمن', 'Security'],
      ['زراعة', 'Agriculture'],
      ['ثقافة', 'Culture'],
      ['نقل', 'Transport'],
      ['اتصالات', 'Communications'],
      ['صناعة', 'Industry'],
      ['خزانة', 'Treasury'],
      ['عمل', 'Labour'],
      ['إسكان', 'Housing'],
      ['سياحة', 'Tourism'],
      ['أوقاف', 'Religious Endowments'],
      ['تخطيط', 'Planning'],
      ['فلاحة', 'Agriculture'],
      ['تجهيز', 'Equipment'],
      ['شباب', 'Youth'],
      ['رياضة', 'Sport'],
      ['بيئة', 'Environment'],
      ['تنمية', 'Development'],
      ['استثمار', 'Investment'],
      ['تشغيل', 'Employment'],
      ['مرأة', 'Women'],
      ['أسرة', 'Family'],
      ['تكوين', 'Vocational Training'],
      ['سياحه', 'Tourism'],
      ['ري', 'Irrigation'],
    ] as [string, string][]
  ).map(([k, en]) => [keyOf(k), { en }]),
);

/**
 * Portfolios of two words, noun and adjective, read before the one-word ones: «وزيرة التعاون
 * الدولي» (not a minister with no portfolio and a name «التعاون»), «وزير التعليم العالي».
 */
const PHRASE_PORTFOLIOS = new Map<string, string>(
  (
    [
      ['تعاون دولي', 'International Cooperation'],
      ['تعليم عالي', 'Higher Education'],
      ['تضامن اجتماعي', 'Social Solidarity'],
      ['تنمية محلية', 'Local Development'],
      ['تجارة خارجية', 'Foreign Trade'],
      ['موارد مائية', 'Water Resources'],
      ['انتاج حربي', 'Military Production'],
    ] as [string, string][]
  ).map(([k, en]) => [k.split(' ').map(keyOf).join(' '), en]),
);

/** «وزير الشؤون الخارجية», «وزيرة الشؤون المحلية»: the adjective after «الشؤون» names the portfolio. */
const AFFAIRS = new Map<string, string>(
  (
    [
      ['الخارجية', 'Foreign Affairs'],
      ['الدينية', 'Religious Affairs'],
      ['الاجتماعية', 'Social Affairs'],
      ['المحلية', 'Local Affairs'],
      ['الاقتصادية', 'Economic Affairs'],
      ['الثقافية', 'Cultural Affairs'],
      ['البرلمانية', 'Parliamentary Affairs'],
      ['الإنسانية', 'Humanitarian Affairs'],
      ['السياسية', 'Political Affairs'],
    ] as [string, string][]
  ).map(([k, en]) => [keyOf(k), en]),
);
const SHUUN = keyOf('شؤون');
const FOR_AFFAIRS = keyOf('للشؤون');

/** A portfolio at token `k` («الداخلية», «خارجية», «الشؤون المحلية»): its English name and last token. */
function portfolioAt(toks: Tok[], k: number): { en: string; last: number; construct: boolean } | undefined {
  const p = toks[k];
  if (!p?.arabic) return undefined;
  const a = toks[k + 1];
  if (a?.arabic && a.key.startsWith('ال') === p.key.startsWith('ال')) {
    const en = PHRASE_PORTFOLIOS.get(`${stripAl(p.key)} ${stripAl(a.key)}`);
    if (en) return { en, last: k + 1, construct: false };
  }
  const port = PORTFOLIOS.get(stripAl(p.key));
  if (port) return { en: port.en, last: k, construct: !p.key.startsWith('ال') };
  if (stripAl(p.key) === SHUUN) {
    const a = toks[k + 1];
    const en = a?.arabic ? AFFAIRS.get(a.key) : undefined;
    if (en) return { en, last: k + 1, construct: false };
  }
  return undefined;
}

/** Words after a post that qualify it and stand between it and the name («رئيس الحكومة المكلف يوسف الشاهد»). */
interface Qualifier {
  pre?: string;
  post?: string;
  status?: PostStatus;
}
const FORMER: Qualifier = { pre: 'Former ', status: 'former' };
const POST_QUALIFIERS = new Map<string, Qualifier>(
  (
    [
      ['السابق', FORMER],
      ['السابقة', FORMER],
      ['الأسبق', FORMER],
      ['الأسبقة', FORMER],
      ['المكلف', { post: '-designate', status: 'designate' }],
      ['المكلفة', { post: '-designate', status: 'designate' }],
      ['المؤقت', { pre: 'Interim ' }],
      ['المؤقتة', { pre: 'Interim ' }],
      ['بالنيابة', { pre: 'Acting ' }],
      ['بالإنابة', { pre: 'Acting ' }],
      ['الجديد', {}],
      ['الجديدة', {}],
      // «الرئيس المصري المخلوع …», «وزير التربية الحالي …», «الرئيس المنتخب …»
      ['المخلوع', FORMER],
      ['المخلوعة', FORMER],
      ['المستقيل', FORMER],
      ['المستقيلة', FORMER],
      ['الحالي', {}],
      ['الحالية', {}],
      ['المنتخب', { post: '-elect', status: 'elect' }],
      ['المنتخبة', { post: '-elect', status: 'elect' }],
    ] as [string, Qualifier][]
  ).map(([k, v]) => [keyOf(k), v]),
);

/** «السابق», «المخلوع»: a qualifier saying the post is no longer held. */
export function isFormerWord(t: Tok): boolean {
  return t.arabic && POST_QUALIFIERS.get(t.key)?.status === 'former';
}

/** «الأممي», «الأممية»: of the United Nations, after a post. */
const UN_ADJECTIVES = new Set(['الأممي', 'الأممية'].map(keyOf));
/** «الخاص», «الخاصة» after an envoy: special. */
const SPECIAL = new Set(['الخاص', 'الخاصة'].map(keyOf));

/** «ديمقراطيا», «شرعيا» after «المنتخب»: how the holder came to office, not a post still to take. */
const LEGITIMATELY = new Set(['ديمقراطيا', 'ديموقراطيا', 'شرعيا', 'شعبيا'].map(keyOf));

/** Bodies a post or a spokesperson belongs to, with a country given by a demonym. */
const BODIES = new Map<string, { en: string; sector: string; slug: string }>(
  (
    [
      ['الحكومة', 'Government', 'GOV', 'government'],
      ['حكومة', 'Government', 'GOV', 'government'],
      ['الجيش', 'Army', 'MIL', 'army'],
      ['جيش', 'Army', 'MIL', 'army'],
      ['البرلمان', 'Parliament', 'LEG', 'parliament'],
      ['برلمان', 'Parliament', 'LEG', 'parliament'],
      ['الرئاسة', 'Presidency', 'GOV', 'presidency'],
      ['الشرطة', 'Police', 'COP', 'police'],
      ['القضاء', 'Judiciary', 'JUD', 'judiciary'],
      ['السلطة_القضائية', 'Judiciary', 'JUD', 'judiciary'],
      ['القوات_المسلحة', 'Armed Forces', 'MIL', 'armed-forces'],
      ['قوات_الأمن', 'Security Forces', 'COP', 'security-forces'],
      ['مجلس_النواب', 'House of Representatives', 'LEG', 'house-of-representatives'],
      ['مجلس_الوزراء', 'Council of Ministers', 'GOV', 'council-of-ministers'],
      ['مجلس_الشورى', 'Consultative Assembly', 'LEG', 'consultative-assembly'],
      ['مجلس_الأمن_القومي', 'National Security Council', 'GOV', 'national-security-council'],
      ['البنك_المركزي', 'Central Bank', 'GOV', 'central-bank'],
      ['الخارجية', 'Ministry of Foreign Affairs', 'GOV', 'ministry-of-foreign-affairs'],
      ['الداخلية', 'Ministry of Interior', 'GOV', 'ministry-of-interior'],
      ['الدفاع', 'Ministry of Defence', 'GOV', 'ministry-of-defence'],
      ['الحرس_الوطني', 'National Guard', 'COP', 'national-guard'],
      ['الحماية_المدنية', 'Civil Protection', 'GOV', 'civil-protection'],
      ['الأمن_الوطني', 'National Security', 'COP', 'national-security'],
      ['الديوانة', 'Customs', 'GOV', 'customs'],
      ['سلاح_الجو', 'Air Force', 'MIL', 'air-force'],
      ['القوات_الجوية', 'Air Force', 'MIL', 'air-force'],
      ['القوات_البحرية', 'Navy', 'MIL', 'navy'],
      ['القوات_البرية', 'Ground Forces', 'MIL', 'ground-forces'],
    ] as [string, string, string, string][]
  ).map(([ar, en, sector, slug]) => [ar.split('_').map(keyOf).join(' '), { en, sector, slug }]),
);

/** Two-word complements of «رئيس» and friends that name the office itself. */
const OFFICES = new Map<string, { en: string; sector: string }>(
  (
    [
      ['رئيس الوزراء', 'Prime Minister', 'GOV'],
      ['رئيس وزراء', 'Prime Minister', 'GOV'],
      ['رئيس الحكومة', 'Prime Minister', 'GOV'],
      ['رئيس حكومة', 'Prime Minister', 'GOV'],
      ['رئيس مجلس الوزراء', 'Prime Minister', 'GOV'],
      // Algeria's, Morocco's (until 2011) and Tunisia's (until 2011) name for the head of government
      ['الوزير الأول', 'Prime Minister', 'GOV'],
      // «وزير الدولة للشؤون الخارجية»: a minister of state (the field follows).
      ['وزير الدولة', 'Minister of State', 'GOV'],
      ['رئيس الجمهورية', 'President', 'GOV'],
      ['رئيس جمهورية', 'President', 'GOV'],
      ['رئيس البرلمان', 'Speaker of Parliament', 'LEG'],
      ['رئيس مجلس النواب', 'Speaker of the House of Representatives', 'LEG'],
      ['رئيس مجلس الشورى', 'Speaker of the Consultative Assembly', 'LEG'],
      ['رئيس مجلس الشورى الإسلامي', 'Speaker of the Islamic Consultative Assembly', 'LEG'],
      ['رئيس الأركان', 'Chief of Staff', 'MIL'],
      ['رئيس أركان', 'Chief of Staff', 'MIL'],
      ['رئيس هيئة الأركان', 'Chief of Staff', 'MIL'],
      ['رئيس هيئة الأركان العامة', 'Chief of the General Staff', 'MIL'],
      ['الأمين العام', 'Secretary-General', 'GOV'],
      ['المدير العام', 'Director General', 'GOV'],
      // «الرئيس المدير العام» (Maghreb usage): a company's chairman and chief executive.
      ['رئيس المدير العام', 'Chairman and Chief Executive', 'BUS'],
      ['المرشد الأعلى', 'Supreme Leader', 'GOV'],
      ['المرشد الأعلى للثورة', 'Supreme Leader', 'GOV'],
      ['المرشد الأعلى للثورة الإسلامية', 'Supreme Leader', 'GOV'],
      ['المرشد الأعلى للجمهورية الإسلامية', 'Supreme Leader', 'GOV'],
      ['رئيس المكتب السياسي', 'Head of the Political Bureau', 'GOV'],
      ['عضو المكتب السياسي', 'Member of the Political Bureau', 'GOV'],
      ['مرشد الثورة', 'Supreme Leader', 'GOV'],
      ['قائد الثورة', 'Supreme Leader', 'GOV'],
      ['قائد الثورة الإسلامية', 'Supreme Leader', 'GOV'],
      ['ولي العهد', 'Crown Prince', 'GOV'],
      ['ولي عهد', 'Crown Prince', 'GOV'],
      ['قائد الجيش', 'Army Commander', 'MIL'],
      ['قائد القوات المسلحة', 'Commander of the Armed Forces', 'MIL'],
      ['قائد القوات البرية', 'Commander of the Ground Forces', 'MIL'],
      ['قائد القوات الجوية', 'Commander of the Air Force', 'MIL'],
      ['قائد القوات البحرية', 'Commander of the Navy', 'MIL'],
      ['قائد الشرطة', 'Police Chief', 'COP'],
      ['مستشار الأمن القومي', 'National Security Adviser', 'GOV'],
      ['محافظ البنك المركزي', 'Governor of the Central Bank', 'GOV'],
      // Heads of an intelligence service: «رئيس المخابرات السودانية», «مدير جهاز الاستخبارات».
      ['رئيس الاستخبارات', 'Head of Intelligence', 'SPY'],
      ['رئيس المخابرات', 'Head of Intelligence', 'SPY'],
      ['رئيس جهاز الاستخبارات', 'Head of Intelligence', 'SPY'],
      ['رئيس جهاز المخابرات', 'Head of Intelligence', 'SPY'],
      ['رئيس المخابرات العامة', 'Head of General Intelligence', 'SPY'],
      ['رئيس جهاز المخابرات العامة', 'Head of General Intelligence', 'SPY'],
      ['رئيس الاستخبارات العسكرية', 'Head of Military Intelligence', 'SPY'],
      ['رئيس جهاز الاستخبارات العسكرية', 'Head of Military Intelligence', 'SPY'],
      ['مدير الاستخبارات', 'Director of Intelligence', 'SPY'],
      ['مدير المخابرات', 'Director of Intelligence', 'SPY'],
      ['مدير جهاز الاستخبارات', 'Director of Intelligence', 'SPY'],
      ['مدير جهاز المخابرات', 'Director of Intelligence', 'SPY'],
      ['مدير المخابرات العامة', 'Director of General Intelligence', 'SPY'],
      ['مدير الاستخبارات العسكرية', 'Director of Military Intelligence', 'SPY'],
      // A company's (or a public corporation's) officers: «الرئيس التنفيذي لمؤسسة البترول الكويتية».
      ['الرئيس التنفيذي', 'Chief Executive', 'BUS'],
      ['رئيس تنفيذي', 'Chief Executive', 'BUS'],
      ['المدير التنفيذي', 'Executive Director', 'BUS'],
      ['رئيس مجلس الإدارة', 'Chairman', 'BUS'],
      // «رئيس بلدية نابلس», «رئيس البلدية»: a mayor (as «عمدة لندن»), not a president.
      ['رئيس بلدية', 'Mayor', 'GOV'],
      ['رئيس البلدية', 'Mayor', 'GOV'],
    ] as [string, string, string][]
  ).map(([ar, en, sector]) => [ar.split(' ').map(keyOf).join(' '), { en, sector }]),
);
const OFFICE_MAX = 5;

const SUPREME_LEADER_COUNTRY = 'IRN';

/** «الناطق الرسمي باسم …». */
const OFFICIAL = new Set(['الرسمي', 'الرسمية'].map(keyOf));

/** Units of a body between «باسم» and the body («باسم إقليم الحرس الوطني»). */
const UNITS = new Set(['إقليم', 'منطقة', 'إدارة', 'ادارة', 'فرقة'].map(keyOf));

/**
 * «الدفاع الوطني», «التكوين المهني», «الصحة العمومية», «التعليم العالي»: adjectives that
 * belong to a portfolio (a closed list: «الهادي» after «وزير الداخلية» is a name, «الذي»
 * the sentence going on).
 */
const PORTFOLIO_ADJECTIVES = new Set(
  'الوطني الوطنية المهني المهنية العمومي العمومية العالي المحلي المحلية الجهوي الجهوية الرقمي الرقمية الخارجية الداخلية الاجتماعي الاجتماعية'
    .split(' ')
    .map(keyOf),
);

function portfolioAdjective(toks: Tok[], k: number): boolean {
  const a = toks[k];
  return a?.arabic === true && PORTFOLIO_ADJECTIVES.has(a.key);
}

export interface PostMatch {
  first: number;
  last: number;
  start: number;
  end: number;
  post: Post;
  /** The head word's key without ال («وزير», «رئيس»): what «الوزير» alone refers back to. */
  head: string;
  /** Written with ال and nothing after it («الوزير»): a reference back, not a new post. */
  bare: boolean;
  /** Only a head and a country («الوزير التركي»): refers back to any post of that head and country. */
  generic: boolean;
  /**
   * A post that often stands before words that are no name («النائب بمجلس …», «… المكلف
   * ونقاش …»): a name after it needs a comma, a given name, the list or the tagger.
   */
  vouch?: boolean;
  /** Read from «نظيره القطري»: the post is the previous one, for another country. */
  counterpart?: boolean;
  /** Gazetteer matches inside the post (the organization, the demonym). */
  inner: GazMatch[];
  /** Government body the post belongs to, when it names one. */
  body?: BodyMatch;
}

export interface BodyMatch {
  first: number;
  last: number;
  start: number;
  end: number;
  /** `org:<slug>-<iso3>` when a country is known, else undefined (a body of nobody known). */
  id?: string;
  ar: string;
  en: string;
  country?: string;
  sector: string;
  /** For the id once the country is known: `org:<slug>-<iso3>`. */
  slug: string;
  inner: GazMatch[];
}

/** «the Supreme National Security Council», «Hezbollah», «the IAEA»: an article where English wants one. */
export function withThe(en: string): string {
  if (/^the /i.test(en)) return en;
  return /\b(Council|Organi[sz]ation|Corporation|Company|Agency|Assembly|Court|Committee|Union|League|Bank|Fund|Ministry|Corps|Forces|Brigades|Movement|Party|Nations|Authority|Office|Programme|Cross|Government|Army|Parliament|Presidency|Congress|Department|House|Centre|Center|Institute)\b/.test(
    en,
  )
    ? `the ${en}`
    : en;
}

/** «رئيسة» → «رئيس»: the head a named office is listed under. */
function masculine(head: string): string {
  const m = head.endsWith('ه') ? head.slice(0, -1) : head;
  return m !== head && HEADS.has(m) ? m : head;
}

const NAIB = keyOf('نائب');
const NAIBA = keyOf('نائبة');
/**
 * «القائم بالأعمال» (chargé d'affaires), «القائم بأعمال رئيس الحكومة» (acting prime minister).
 * (Not the feminine: «القائمة» is mostly «the list», «رئيس القائمة المترشحة».)
 */
const QAIM = keyOf('قائم');
const BIL_AAMAL = keyOf('بالأعمال');
const BI_AAMAL = keyOf('بأعمال');
const CHARGE: Head = { en: "Chargé d'Affaires", sector: 'GOV' };

/** Can this token head a post («وزير», «بوزير», «الرئيس», «نائب»)? */
export function isPostHead(t: Tok): boolean {
  if (!t.arabic) return false;
  return t.info.readings.some((r) => {
    const k = stripAl(r.key);
    return HEADS.has(k) || k === NAIB || k === NAIBA || k === keyOf('مساعد');
  });
}

/**
 * «القائم», «والقائم»: may open «القائم بالأعمال» / «القائم بأعمال …» (`postAt`). Not a post
 * head of its own: «القائم» is also the goalpost, «الوضع القائم» the standing situation.
 */
export function opensActing(t: Tok): boolean {
  return t.arabic && t.info.readings.some((r) => r.key === AL_QAIM);
}
const AL_QAIM = keyOf('القائم');

export function stripAl(k: string): string {
  return k.startsWith('ال') && k.length > 3 ? k.slice(2) : k;
}

function keysFrom(toks: Tok[], i: number, n: number): string | undefined {
  const out: string[] = [];
  for (let j = i; j < i + n; j++) {
    const t = toks[j];
    if (!t?.arabic) return undefined;
    out.push(t.key);
  }
  return out.join(' ');
}

/** A country-naming gazetteer match at `i` (demonym, or the name in construct). */
function countryAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
  allowName: boolean,
): { m: GazMatch; iso3: string } | undefined {
  const m = matchAt(gaz, toks, i);
  if (!m || m.strip > 0) return undefined;
  const h = m.hits[0]!;
  if (h.entry.kind !== 'country' || !h.entry.country) return undefined;
  if (h.role === 'demonym' || (allowName && h.role === 'name')) return { m, iso3: h.entry.country };
  return undefined;
}

/** A government body at token `i` («الحكومة الباكستانية», «وزارة الخارجية الإيرانية»). */
/** First words of bodies, for a quick «no» at most tokens. */
let bodyFirst: Set<string> | undefined;
export function bodyFirstWords(): Set<string> {
  if (!bodyFirst) {
    bodyFirst = new Set([keyOf('وزارة'), keyOf('الوزارة'), ...MINISTRIES]);
    for (const k of BODIES.keys()) bodyFirst.add(k.split(' ')[0]!);
  }
  return bodyFirst;
}

/**
 * With `loose`, a body no country follows («وزارة التربية», «الحرس الوطني») is returned
 * without an id: the caller decides its country from the article, or leaves it.
 */
export function bodyAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
  text: string,
  loose = false,
): BodyMatch | undefined {
  const t = toks[i];
  if (!t?.arabic) return undefined;
  const first = bodyFirstWords();
  if (!t.info.readings.some((r) => first.has(r.key))) return undefined;
  for (const r of readings(t.key)) {
    let en: string | undefined;
    let sector = 'GOV';
    let slug = '';
    let last = i;
    const k0 = r.key;
    if (stripAl(k0) === keyOf('وزارة')) {
      const port = portfolioAt(toks, i + 1);
      if (!port) continue;
      en = `Ministry of ${port.en}`;
      slug = `ministry-of-${port.en.toLowerCase().replace(/\s+/g, '-')}`;
      last = port.last;
      // «وزارة الدفاع الوطني»: an adjective of the portfolio that names no country.
      if (portfolioAdjective(toks, last + 1)) last++;
    } else {
      for (let n = 3; n >= 1 && !en; n--) {
        const rest = n > 1 ? keysFrom(toks, i + 1, n - 1) : '';
        if (rest === undefined) continue;
        const b = BODIES.get(n > 1 ? `${k0} ${rest}` : k0);
        if (b) {
          en = b.en;
          sector = b.sector;
          slug = b.slug;
          last = i + n - 1;
        }
      }
    }
    if (!en) continue;
    const c = countryAt(gaz, toks, last + 1, !toks[last]!.key.startsWith('ال') && !r.key.startsWith('ال'));
    const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
    // A body with no country named is too vague to be an entity of its own.
    if (!c) {
      // One word («الحكومة», «الجيش», «الشرطة») is too often a body named a sentence
      // before, or any country's, to read loosely; «وزارة التربية», «الحرس الوطني» are kept.
      if (!loose || !toks[last]!.key.startsWith('ال') || (last === i && slug !== 'customs')) return undefined;
      const end = toks[last]!.end;
      return { first: i, last, start, end, ar: text.slice(start, end), en, sector, slug, inner: [] };
    }
    const end = c.m.end;
    return {
      first: i,
      last: c.m.last,
      start,
      end,
      id: `org:${slug}-${c.iso3.toLowerCase()}`,
      ar: text.slice(start, end),
      en: `${en} of ${c.m.hits[0]!.entry.names.en ?? c.iso3}`,
      country: c.iso3,
      sector,
      slug,
      inner: [c.m],
    };
  }
  return undefined;
}

/** «وزارتي», «وزارتا», «وزارات»: ministries named together, each by its portfolio. */
const MINISTRIES = new Set(['وزارتي', 'وزارتا', 'وزارات'].map(keyOf));

/**
 * «وزارتي الداخلية والخارجية الأردنيتين», «وزارات الدفاع والداخلية والعدل»: one body per
 * portfolio, each with the country the demonym at the end names (without one, loose bodies
 * for `resolveBodies`, as `bodyAt` with `loose`). The first body's span is the plural word
 * and its portfolio, the others their portfolio (the last one with the demonym).
 */
export function ministriesAt(gaz: Gazetteer, toks: Tok[], i: number, text: string): BodyMatch[] | undefined {
  const t = toks[i];
  if (!t?.arabic) return undefined;
  const r = t.info.readings.find((x) => x.strip <= 1 && MINISTRIES.has(x.key));
  if (!r) return undefined;
  const first = portfolioAt(toks, i + 1);
  if (!first || first.construct) return undefined;
  const parts: { en: string; first: number; last: number; start: number }[] = [];
  let last = first.last;
  if (portfolioAdjective(toks, last + 1)) last++;
  parts.push({
    en: first.en,
    first: i,
    last,
    start: t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0),
  });
  for (let n = toks[last + 1]; n?.arabic && n.key.startsWith('و'); n = toks[last + 1]) {
    const more = n.info.readings.find(
      (x) => x.strip === 1 && x.key.startsWith('ال') && PORTFOLIOS.has(stripAl(x.key)),
    );
    if (!more) break;
    last++;
    const k = last;
    if (portfolioAdjective(toks, last + 1)) last++;
    parts.push({
      en: PORTFOLIOS.get(stripAl(more.key))!.en,
      first: k,
      last,
      start: n.start + surfaceOffset(n.text, 1),
    });
  }
  if (parts.length < 2) return undefined;
  const c = countryAt(gaz, toks, last + 1, false);
  return parts.map((p, n) => {
    const en = `Ministry of ${p.en}`;
    const slug = `ministry-of-${p.en.toLowerCase().replace(/\s+/g, '-')}`;
    const lastOne = n === parts.length - 1;
    const end = lastOne && c ? c.m.end : toks[p.last]!.end;
    const b: BodyMatch = {
      first: p.first,
      last: lastOne && c ? c.m.last : p.last,
      start: p.start,
      end,
      ar: text.slice(p.start, end),
      en,
      sector: 'GOV',
      slug,
      inner: lastOne && c ? [c.m] : [],
    };
    if (!c) return b;
    return {
      ...b,
      id: `org:${slug}-${c.iso3.toLowerCase()}`,
      en: `${en} of ${c.m.hits[0]!.entry.names.en ?? c.iso3}`,
      country: c.iso3,
    };
  });
}

const QUOTES = /^["«»“”]$/;

/** «منطقة», «إمارة», «ولاية»: a province an emir governs, named by its city. */
const PROVINCE_WORDS = new Set(['منطقة', 'إمارة', 'ولاية', 'محافظة'].map(keyOf));
/** «كتيبة», «تنظيم», «جماعة», «سرية», «خلية»: an armed group an emir leads. */
const GROUP_WORDS = new Set(['كتيبة', 'تنظيم', 'جماعة', 'سرية', 'خلية', 'فصيل', 'مجموعة'].map(keyOf));

/** A short quoted name opening at `k`: the closing quote's index, or -1. */
function quotedNameEnd(toks: Tok[], k: number): number {
  if (!toks[k]?.punct || !QUOTES.test(toks[k]!.text)) return -1;
  for (let q = k + 1; q <= k + 5 && toks[q]; q++) {
    if (toks[q]!.punct) return QUOTES.test(toks[q]!.text) && q > k + 1 ? q : -1;
  }
  return -1;
}

/**
 * What an emir at `k - 1` is the emir of, when not a country: a province by its city («منطقة
 * الرياض», a governor of the state the city is in), a city in construct («الرياض»), or an
 * armed group by its quoted name («كتيبة "…"»).
 */
function emirOf(
  gaz: Gazetteer,
  toks: Tok[],
  k: number,
): { en: string; sector: string; country?: string; last: number; inner: GazMatch[] } | undefined {
  const w = toks[k];
  if (!w?.arabic) return undefined;
  const province = PROVINCE_WORDS.has(w.key);
  const m = matchAt(gaz, toks, province ? k + 1 : k);
  const e = m?.hits[0]?.entry;
  if (
    m &&
    e &&
    m.strip === 0 &&
    (e.kind === 'capital' || e.kind === 'city' || e.kind === 'region') &&
    e.country
  ) {
    const place = e.names.en ?? e.names.ar;
    return {
      en: province ? `Governor of the ${place} Region` : `Governor of ${place}`,
      sector: 'GOV',
      country: e.country,
      last: m.last,
      inner: [m],
    };
  }
  if (GROUP_WORDS.has(w.key)) {
    const close = quotedNameEnd(toks, k + 1);
    if (close > 0) return { en: 'Emir', sector: 'REB', last: close, inner: [] };
  }
  return undefined;
}

/** Words after «لـ» that say for what or when, not a body's field («للشهر الحالي», «للشؤون الخارجية»). */
const NOT_FIELDS = new Set(
  ['للشهر', 'للعام', 'للسنة', 'للمرة', 'لهذا', 'لهذه', 'لشؤون', 'للشؤون', 'للفترة', 'للدورة', 'للولاية'].map(
    keyOf,
  ),
);

/**
 * A listed organization at `g` («الاتحاد الإفريقي») whose name goes on with «لـ» + a field
 * («… للتنس», «… للملاكمة»): another body, named by the same words (`orgSpanAt`) — not when
 * the genitive is a place or a listed name («جامعة الدول العربية لليبيا»: an envoy's
 * country) or says when or for what. Returns its last token and a demonym inside it.
 */
function otherBodyAt(
  gaz: Gazetteer,
  toks: Tok[],
  g: GazMatch,
): { last: number; demonym?: { m: GazMatch; iso3: string } } | undefined {
  const field = toks[g.last + 1];
  if (!field?.arabic || !field.key.startsWith('ل') || NOT_FIELDS.has(field.key)) return undefined;
  if (matchAt(gaz, toks, g.last + 1)) return undefined;
  const os = orgSpanAt(toks, g.first);
  if (!os?.genitive || os.last <= g.last) return undefined;
  for (let k = g.first + 1; k <= g.last; k++) {
    const d = countryAt(gaz, toks, k, false);
    if (d) return { last: os.last, demonym: d };
  }
  return { last: os.last };
}

/** A post starting at token `i`, or undefined. */
export function postAt(gaz: Gazetteer, toks: Tok[], i: number, text: string): PostMatch | undefined {
  const t = toks[i];
  if (!t?.arabic || !(isPostHead(t) || opensActing(t))) return undefined;
  for (const r of readings(t.key)) {
    const hasAl = r.key.startsWith('ال');
    const headKey = stripAl(r.key);
    let head = HEADS.get(headKey);
    let deputy = '';
    let j = i;
    if (headKey === QAIM) {
      if (!hasAl) continue;
      const w = toks[i + 1];
      if (w?.key === BIL_AAMAL) {
        // «القائم بالأعمال الأمريكي في تونس»: the head is the two words.
        head = CHARGE;
        j = i + 1;
      } else if (w?.key === BI_AAMAL && toks[i + 2]?.arabic) {
        // «القائم بأعمال رئيس الحكومة»: acting; «القائم بأعمال السفارة الأمريكية»: the chargé.
        const next = toks[i + 2]!;
        if (isPostHead(next) && !(QAIM === stripAl(next.key))) {
          deputy = 'Acting ';
          j = i + 2;
          for (const r2 of readings(next.key)) {
            head = HEADS.get(stripAl(r2.key));
            if (head) break;
          }
          if (!head) continue;
        } else if (stripAl(next.key) === keyOf('سفارة')) {
          head = CHARGE;
          j = i + 2;
        } else continue;
      } else continue;
    }
    // «نائب رئيس …», «نائب وزير …», «مساعد وزير …», «النائب الأول لرئيس …»
    if (!head && (headKey === NAIB || headKey === NAIBA || headKey === keyOf('مساعد'))) {
      deputy = headKey === keyOf('مساعد') ? 'Assistant ' : 'Deputy ';
      j = i + 1;
      if (toks[j]?.key === keyOf('الأول')) {
        deputy = 'First Deputy ';
        j++;
      }
      const nt = toks[j];
      if (!nt?.arabic) continue;
      for (const r2 of readings(nt.key)) {
        head = HEADS.get(stripAl(r2.key));
        if (head) break;
      }
      // «النائب هالة …», «النائبة عن …»: a member of parliament; «النائب العام»: the prosecutor.
      if (!head && hasAl && (headKey === NAIB || headKey === NAIBA)) {
        const generalProsecutor = nt.key === keyOf('العام');
        // «النائب البريطاني»: a member of that country's parliament.
        const mp = generalProsecutor ? undefined : countryAt(gaz, toks, j, false);
        const end = generalProsecutor ? j : mp ? mp.m.last : i;
        const en = generalProsecutor ? 'Public Prosecutor' : 'Member of Parliament';
        const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
        return {
          first: i,
          last: end,
          start,
          end: toks[end]!.end,
          post: {
            ar: text.slice(start, toks[end]!.end),
            en,
            ...(mp ? { country: mp.iso3 } : {}),
            sector: generalProsecutor ? 'JUD' : 'LEG',
            span: [start, toks[end]!.end],
          },
          head: headKey,
          bare: false,
          generic: true,
          vouch: true,
          inner: mp ? [mp.m] : [],
        };
      }
      if (!head) continue;
    }
    if (!head) continue;
    const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
    const inner: GazMatch[] = [];
    let en = head.en;
    let sector = head.sector;
    let country: string | undefined;
    let last = j;
    let complement = false;
    let construct = false;
    let body: BodyMatch | undefined;
    /** «… of the <body>»: the body completes the post and gives its sector and country. */
    const ofBody = (b: BodyMatch) => {
      en = `${en} of the ${b.en}`;
      sector = b.sector;
      country = b.country;
      last = b.last;
      body = b;
      complement = true;
    };
    const headTok = toks[j]!;
    const headBase =
      j === i || head === CHARGE
        ? headKey
        : stripAl(
            readings(headTok.key)
              .map((x) => x.key)
              .find((k) => HEADS.has(stripAl(k))) ?? '',
          );
    // 1. Named offices (longest first): «رئيس الوزراء», «الأمين العام», «المرشد الأعلى»;
    //    held by a woman too («رئيسة الوزراء»).
    const officeHead = masculine(headBase);
    for (let n = OFFICE_MAX; n >= 2; n--) {
      const rest = keysFrom(toks, j + 1, n - 1);
      if (rest === undefined) continue;
      const o = OFFICES.get(`${officeHead} ${rest}`) ?? OFFICES.get(`ال${officeHead} ${rest}`);
      if (o) {
        en = o.en;
        sector = o.sector;
        last = j + n - 1;
        complement = true;
        construct = !toks[last]!.key.startsWith('ال');
        break;
      }
    }
    // 2. A ministry portfolio: «وزير الداخلية», «وزير خارجية إيران».
    if (!complement && (headBase === keyOf('وزير') || headBase === keyOf('وزيرة'))) {
      const port = portfolioAt(toks, j + 1);
      if (port) {
        const ens = [port.en];
        last = port.last;
        if (portfolioAdjective(toks, last + 1)) last++;
        // «وزير الشؤون المحلية والبيئة»: portfolios joined by و.
        for (let n = toks[last + 1]; n?.arabic && n.key.startsWith('و'); n = toks[last + 1]) {
          const more = n.info.readings.find((r) => r.strip === 1 && PORTFOLIOS.has(stripAl(r.key)));
          if (!more) break;
          ens.push(PORTFOLIOS.get(stripAl(more.key))!.en);
          last++;
        }
        en = `Minister of ${ens.join(' and ')}`;
        complement = true;
        construct = port.construct;
      }
    }
    // 3. «المتحدث باسم X», «… باسم الخارجية», «الناطق الرسمي باسم وزارة الدفاع الوطني».
    const official = toks[last + 1]?.arabic === true && OFFICIAL.has(toks[last + 1]!.key) ? 1 : 0;
    if (!complement && toks[last + 1 + official]?.key === keyOf('باسم')) {
      // «باسم إقليم الحرس الوطني»: a unit of the body.
      let at = last + 2 + official;
      if (toks[at]?.arabic && UNITS.has(toks[at]!.key) && bodyAt(gaz, toks, at + 1, text, true)) at++;
      const b = bodyAt(gaz, toks, at, text, true);
      const g = b ? undefined : matchAt(gaz, toks, at);
      if (b || g?.hits[0]?.entry.type === 'ORG') last += official;
      if (b) ofBody(b);
      else if (g && g.hits[0]!.entry.type === 'ORG') {
        const e = g.hits[0]!.entry;
        en = `${en} of ${e.names.en ?? e.names.ar}`;
        sector = e.sector ?? sector;
        if (e.country) country = e.country;
        last = g.last;
        inner.push(g);
        complement = true;
      }
    }
    // 4. An organization: «أمين المجلس الأعلى للأمن القومي الإيراني», «الأمين العام لحزب الله».
    if (!complement || headBase === keyOf('امين')) {
      const g = matchAt(gaz, toks, last + 1);
      const e = g?.hits[0]?.entry;
      const other = g && e?.type === 'ORG' ? otherBodyAt(gaz, toks, g) : undefined;
      if (other) {
        // «رئيس الاتحاد الإفريقي للتنس»: a body of its own (a sports federation), not the AU.
        const d = other.demonym;
        if (d) {
          country = d.iso3;
          inner.push(d.m);
        }
        last = other.last;
        complement = true;
      } else if (g && e && e.type === 'ORG') {
        const orgEn = e.names.en ?? e.names.ar;
        en = `${en} of ${withThe(orgEn)}`;
        sector = e.sector === 'IGO' || e.sector === 'MED' ? e.sector : (e.sector ?? sector);
        if (e.country) country = e.country;
        last = g.last;
        inner.push(g);
        complement = true;
      } else if (!complement) {
        const b = bodyAt(gaz, toks, last + 1, text);
        if (b) ofBody(b);
      }
    }
    // «منسق الأمم المتحدة للشؤون الإنسانية», «وكيل الأمين العام … للشؤون السياسية»: the office's field.
    if (complement && toks[last + 1]?.key === FOR_AFFAIRS && toks[last + 2]?.arabic) {
      const field = AFFAIRS.get(toks[last + 2]!.key);
      if (field) {
        en = `${en} for ${field}`;
        last += 2;
      }
    }
    // 4b. An emir of a province or a city («أمير منطقة الرياض», «أمير مكة»: a governor) or
    //     of an armed group («أمير كتيبة "…"»); of a country («أمير قطر») in step 5.
    if (!complement && headBase === keyOf('امير')) {
      const em = emirOf(gaz, toks, j + 1);
      if (em) {
        en = em.en;
        sector = em.sector;
        if (em.country) country = em.country;
        inner.push(...em.inner);
        last = em.last;
        complement = true;
      }
    }
    // 5. The country: a demonym («الباكستاني»), or a name in construct («خارجية إيران»,
    //    «أمير قطر», «سفير إيران»).
    if (!country) {
      const c = countryAt(gaz, toks, last + 1, construct || !complement);
      if (c) {
        country = c.iso3;
        inner.push(c.m);
        last = c.m.last;
      } else if (construct && complement) {
        // «رئيس حكومة الوفاق الوطني الليبية»: the office's complement, up to three words
        // with the article, closed by a demonym.
        let k = last + 1;
        while (
          k <= last + 3 &&
          toks[k]?.arabic &&
          toks[k]!.key.startsWith('ال') &&
          !countryAt(gaz, toks, k, false)
        )
          k++;
        const d = k > last + 1 ? countryAt(gaz, toks, k, false) : undefined;
        if (d && d.m.hits[0]!.role === 'demonym') {
          country = d.iso3;
          inner.push(d.m);
          last = d.m.last;
        }
      }
      if (!country && construct) {
        // «ولي عهد أبوظبي», «محافظ بغداد»: a city in construct gives its state.
        const m = matchAt(gaz, toks, last + 1);
        const e = m?.hits[0]?.entry;
        if (m && e && m.strip === 0 && (e.kind === 'capital' || e.kind === 'city') && e.country) {
          country = e.country;
          inner.push(m);
          last = m.last;
        }
      }
    }
    // «المبعوث الأممي», «المنسقة الأممية»: of the United Nations (the adjective names the body).
    if (!country && !complement && toks[last + 1]?.arabic && UN_ADJECTIVES.has(toks[last + 1]!.key)) {
      en = `UN ${en}`;
      sector = 'IGO';
      last++;
      complement = true;
    }
    // «المبعوث الأمريكي الخاص إلى الشرق الأوسط», «المبعوث الأممي إلى ليبيا»: a special envoy, and
    // where to.
    if (en.endsWith('Envoy') || en.endsWith('Representative') || en.endsWith('Coordinator')) {
      if (toks[last + 1]?.arabic && SPECIAL.has(toks[last + 1]!.key)) {
        en = en.startsWith('UN ') ? `UN Special ${en.slice(3)}` : `Special ${en}`;
        last++;
      }
      if (toks[last + 1]?.key === keyOf('إلى') || toks[last + 1]?.key === keyOf('الى')) {
        const c = countryAt(gaz, toks, last + 2, true);
        const g = c ? undefined : matchAt(gaz, toks, last + 2);
        const place = c ? c.m : g && g.strip === 0 && g.hits[0]!.entry.type === 'LOC' ? g : undefined;
        if (place) {
          const e = place.hits[0]!.entry;
          en = `${en} to ${withThe(e.names.en ?? e.names.ar)}`;
          inner.push(place);
          last = place.last;
        }
      }
    }
    if (en === 'Supreme Leader' && !country) country = SUPREME_LEADER_COUNTRY;
    // «المستشارة الألمانية», «المستشار النمساوي»: the head of government.
    if (en === 'Adviser' && !complement && (country === 'DEU' || country === 'AUT')) en = 'Chancellor';
    if (head.needsComplement && !complement && !country) continue;
    // «الأمير السعودي طلال …»: with only a demonym, a prince («أمير قطر»: the state's emir).
    if (headBase === keyOf('امير') && !complement && inner.at(-1)?.hits[0]?.role === 'demonym') en = 'Prince';
    // «الممثل الأمريكي جون …»: with only a demonym «الممثل» is the actor («ممثل إيران» the envoy).
    if (en === 'Representative' && !complement && !deputy && inner.at(-1)?.hits[0]?.role === 'demonym')
      continue;
    // «سفير إيران لدى باكستان», «مندوب إيران لدى الأمم المتحدة»
    if (
      (en === 'Ambassador' || en === 'Representative' || en === CHARGE.en) &&
      (toks[last + 1]?.key === keyOf('لدى') || toks[last + 1]?.key === keyOf('في'))
    ) {
      const c = countryAt(gaz, toks, last + 2, true);
      const g = c ? undefined : matchAt(gaz, toks, last + 2);
      if (c) {
        en = `${en} to ${c.m.hits[0]!.entry.names.en ?? c.iso3}`;
        inner.push(c.m);
        last = c.m.last;
      } else if (g && g.strip === 0 && g.hits[0]!.entry.type === 'ORG') {
        en = `${en} to ${withThe(g.hits[0]!.entry.names.en ?? g.hits[0]!.entry.names.ar)}`;
        inner.push(g);
        last = g.last;
      }
    }
    // «رئيس المكتب السياسي لحركة حماس»: an office of an organization. (Not an outlet after a post
    // of a body or a ministry: «وقال وزير الداخلية لجوهرة أف أم» is what the minister told the
    // radio; «المدير العام لجوهرة أف أم» does head it.)
    const told = body !== undefined || inner.length > 0 || en.startsWith('Minister of ');
    if (complement && !inner.some((m) => m.hits[0]!.entry.type === 'ORG')) {
      const g = matchAt(gaz, toks, last + 1);
      const e = g?.hits[0]?.entry;
      if (
        g &&
        e &&
        e.type === 'ORG' &&
        !(told && e.sector === 'MED') &&
        g.strip > 0 &&
        toks[last + 1]!.key.startsWith('ل')
      ) {
        en = `${en} of ${withThe(e.names.en ?? e.names.ar)}`;
        if (e.sector) sector = e.sector;
        if (e.country && !country) country = e.country;
        inner.push(g);
        last = g.last;
      }
    }
    // «الناطق باسم إقليم الحرس الوطني بالمنستير»: the place of a body's unit belongs to the post.
    if (body && toks[last + 1]?.key.startsWith('ب')) {
      const m = matchAt(gaz, toks, last + 1);
      const e = m?.hits[0]?.entry;
      if (m && e && m.strip === 1 && e.type === 'LOC' && e.kind !== 'country') {
        inner.push(m);
        last = m.last;
      }
    }
    let bare = last === j && !deputy;
    if (bare && !hasAl) continue;
    let finalEn =
      deputy === 'Deputy ' && en === 'President' ? 'Vice President' : deputy ? `${deputy}${en}` : en;
    let q = toks[last + 1]?.arabic ? POST_QUALIFIERS.get(toks[last + 1]!.key) : undefined;
    // «الرئيس المنتخب ديمقراطيا»: elected by the people, and in office — not «-elect».
    const legitimate =
      q?.status === 'elect' && toks[last + 2]?.arabic === true && LEGITIMATELY.has(toks[last + 2]!.key);
    if (legitimate) q = {};
    let status: PostStatus | undefined;
    // «الرئيس السابق»: qualified, the post is no longer a mere reference back.
    if (q && (!bare || q.pre)) {
      finalEn = `${q.pre ?? ''}${finalEn}${q.post ?? ''}`;
      status = q.status;
      last++;
      bare = false;
    } else if (q && bare && q.post === undefined) {
      // «الرئيس الحالي عبد الفتاح السيسي»: still the bare head, the name after the qualifier.
      last++;
    }
    if (legitimate) last++;
    const vouch = q !== undefined && last > j;
    const end = toks[last]!.end;
    return {
      first: i,
      last,
      start,
      end,
      post: {
        ar: text.slice(start, end),
        en: finalEn,
        ...(country ? { country } : {}),
        sector,
        span: [start, end],
        ...(status ? { status } : {}),
      },
      head: headBase,
      bare,
      generic: !complement && !deputy,
      ...(vouch ? { vouch } : {}),
      inner,
      ...(body ? { body } : {}),
    };
  }
  return undefined;
}

/**
 * Military ranks written before a name («الجنرال», «اللواء»): a title of address, and a post
 * when a service or a country follows (`rankPostAt`).
 */
const RANKS = new Map<string, string>(
  (
    [
      ['الجنرال', 'General'],
      ['المشير', 'Field Marshal'],
      ['العماد', 'General'],
      ['الفريق', 'Lieutenant General'],
      ['اللواء', 'Major General'],
      ['العميد', 'Brigadier'],
      ['العقيد', 'Colonel'],
      ['المقدم', 'Lieutenant Colonel'],
      ['الرائد', 'Major'],
      ['النقيب', 'Captain'],
      ['الأدميرال', 'Admiral'],
    ] as [string, string][]
  ).map(([k, en]) => [keyOf(k), en]),
);

/** Ranks that are also common words with a demonym after them («الفريق الأمريكي»: the team). */
const RANKS_NEED_SERVICE = new Set(['الفريق', 'العميد', 'الرائد', 'المقدم'].map(keyOf));

/**
 * A rank with the service it serves in, «الجنرال في الجيش الباكستاني», «اللواء بالقوات
 * المسلحة المصرية», «الجنرال في سلاح الجو الأميركي» (the service is the post's body: its
 * country and an organization of its own), or with a demonym, «الجنرال الأمريكي» (an officer
 * of that country). A rank alone («اللواء خليفة …») stays a title.
 */
export function rankPostAt(gaz: Gazetteer, toks: Tok[], i: number, text: string): PostMatch | undefined {
  const t = toks[i];
  if (!t?.arabic) return undefined;
  const r = t.info.readings.find(
    (x) => RANKS.has(x.key) && (x.strip === 0 || /^[وف]$/.test(t.key.slice(0, x.strip))),
  );
  if (!r) return undefined;
  const rank = RANKS.get(r.key)!;
  const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
  const post = (
    last: number,
    en: string,
    country: string | undefined,
    inner: GazMatch[],
    body?: BodyMatch,
    sector = 'MIL',
  ) => {
    const end = toks[last]!.end;
    return {
      first: i,
      last,
      start,
      end,
      post: { ar: text.slice(start, end), en, ...(country ? { country } : {}), sector, span: [start, end] },
      head: stripAl(r.key),
      bare: false,
      generic: body === undefined,
      inner,
      ...(body ? { body } : {}),
    } satisfies PostMatch;
  };
  // «في الجيش الباكستاني», «بالجيش الليبي»: a body of the lists with its country.
  const inTok = toks[i + 1]?.key === keyOf('في') ? i + 2 : i + 1;
  const b = bodyAt(gaz, toks, inTok, text);
  const viaBi = inTok === i + 1 && b !== undefined && toks[inTok]!.key.startsWith('ب');
  // (and the police's ranks: «العقيد في الشرطة التونسية»).
  if (b && (inTok === i + 2 || viaBi) && (b.sector === 'MIL' || b.sector === 'COP'))
    return post(b.last, `${rank} in the ${b.en}`, b.country, [], b, b.sector);
  if (inTok === i + 2) {
    // «في الحرس الثوري الإيراني»: an armed organization of the gazetteer.
    const g = matchAt(gaz, toks, inTok);
    const e = g?.hits[0]?.entry;
    if (g && e && g.strip === 0 && e.type === 'ORG' && e.sector === 'MIL')
      return post(g.last, `${rank} in ${withThe(e.names.en ?? e.names.ar)}`, e.country, [g]);
    return undefined;
  }
  if (RANKS_NEED_SERVICE.has(r.key)) return undefined;
  const c = countryAt(gaz, toks, i + 1, false);
  return c ? post(c.m.last, rank, c.iso3, [c.m]) : undefined;
}

const COUNTERPART = new Set(['نظير', 'نظيره', 'نظيرته', 'نظيرها', 'نظيريه', 'نظيرتها'].map(keyOf));

/**
 * «نظيره القطري» (his Qatari counterpart) after a post: the same post, for the country
 * the demonym names. `previous` is the last post read before token `i`.
 */
export function counterpartAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
  text: string,
  previous: PostMatch | undefined,
): PostMatch | undefined {
  const t = toks[i];
  if (!previous || !t?.arabic) return undefined;
  const r = t.info.readings.find((x) => COUNTERPART.has(x.key));
  if (!r) return undefined;
  const c = countryAt(gaz, toks, i + 1, false);
  if (!c || c.iso3 === previous.post.country) return undefined;
  const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
  const end = c.m.end;
  // The post in words: the previous one with this country's demonym («وزير الخارجية القطري»),
  // when the previous one ended with its own.
  const prevDemonym = previous.inner.find((m) => m.end === previous.end && m.hits[0]!.role === 'demonym');
  const ar = prevDemonym
    ? `${text.slice(previous.start, prevDemonym.start)}${text.slice(c.m.start, c.m.end)}`
    : text.slice(start, end);
  return {
    first: i,
    last: c.m.last,
    start,
    end,
    counterpart: true,
    post: {
      ar,
      ...(previous.post.en ? { en: previous.post.en } : {}),
      country: c.iso3,
      ...(previous.post.sector ? { sector: previous.post.sector } : {}),
      span: [start, end],
    },
    head: previous.head,
    bare: false,
    generic: previous.generic,
    inner: [c.m],
  };
}

/**
 * Heads of posts whose complement the grammar above does not know, read up to the name
 * that closes them: «رئيس الغرفة الوطنية للمساحات الكبرى …», «كاتب عام النقابة الأساسية
 * للتعليم الأساسي …», «المندوبة الجهوية للتربية بقفصة …», «كاتب الدولة لدى وزير الداخلية
 * المكلف بالشؤون الأمنية …».
 */
const LONG_HEADS = new Map<string, string>(
  (
    [
      ['رئيس', 'President'],
      ['أمين', 'Secretary'],
      ['كاتب', 'Secretary'],
      ['عضو', 'Member'],
      ['مندوب', 'Delegate'],
      ['ناطق', 'Spokesperson'],
      ['متحدث', 'Spokesperson'],
      ['قائد', 'Commander'],
      ['مدير', 'Director'],
      ['منسق', 'Coordinator'],
      ['مقرر', 'Rapporteur'],
      ['نائب', 'Member of Parliament'],
      // «وزير العلاقة مع الهيئات الدستورية», «وزيرة الطاقة والمناجم والطاقات المتجددة».
      ['وزير', 'Minister'],
      // Heads of a region, a town, a delegation: «والي جندوبة», «عمدة لندن», «معتمد الجهة».
      ['والي', 'Governor', 'no feminine'],
      ['عمدة', 'Mayor', 'no feminine'],
      ['معتمد', 'Delegate', 'no feminine'],
      ['عميد', 'Dean'],
      ['مكلف', 'Officer in charge'],
      ['قيادي', 'Leader'],
      ['مفوض', 'Commissioner'],
      ['مساعد', 'Assistant', 'no feminine'],
    ] as [string, string, string?][]
  ).flatMap(([k, en, noFeminine]) =>
    // «مساعدة» (aid), «معتمدة» (accredited), «والية», «عمدةة»: no feminine head.
    noFeminine
      ? [[keyOf(k), en]]
      : [
          [keyOf(k), en],
          [keyOf(`${k}ة`), en],
        ],
  ),
);

/** «عام»/«عامة» after a head: «الكاتب العام», «الكاتبة العامة», «كاتب عام». */
const GENERAL_WORDS = new Set(['عام', 'العام', 'عامة', 'العامة'].map(keyOf));
const DEPUTY = new Set(['مساعد', 'المساعد', 'مساعدة', 'المساعدة'].map(keyOf));
/** «كاتب الدولة», «كاتبة دولة»: the secretary of state. */
const SECRETARY = new Set(['كاتب', 'كاتبة'].map(keyOf));
const STATE = new Set(['الدولة', 'دولة'].map(keyOf));

/** «العميد» is a rank (a title before a name); only «عميد كلية …» is the dean. */
const INDEFINITE_HEADS = new Set(['عميد', 'عميدة'].map(keyOf));

/** «المعنية بحقوق الإنسان», «المكلف بملف …»: participles that take «ب» + a noun in construct. */
const TAKES_BI = new Set(
  ['المعني', 'المعنية', 'المكلف', 'المكلفة', 'معني', 'معنية', 'مكلف', 'مكلفة'].map(keyOf),
);

/** Heads that are also adjectives of the noun before them. */
const ADJECTIVAL = new Set(
  ['مكلف', 'مكلفة', 'قيادي', 'قيادية', 'مساعد', 'معتمد', 'مفوض', 'مفوضة'].map(keyOf),
);

/** «المكلف بالإعلام», «المكلفة بالاتصال»: a head only with its «ب» phrase. */
const CHARGED = new Set(['مكلف', 'مكلفة'].map(keyOf));

/** «القيادي في حركة …», «عضو في …»: heads whose complement may open with «في». */
const IN_HEADS = new Set(['قيادي', 'قيادية', 'عضو', 'عضوة'].map(keyOf));

/** «وزير العلاقة مع …», «المكلف بالعلاقات مع …»: «مع» goes on after these. */
const RELATION = new Set(['علاقة', 'علاقات', 'العلاقة', 'العلاقات'].map(keyOf));

/** Words that name a body, for a complement beyond the grammar's post. */
const BODY_WORDS = new Set(
  `حركة حزب منظمة جمعية شركة وزارة هيئة مجلس اتحاد مؤسسة جامعة بنك نادي مكتب معهد وكالة لجنة
  جبهة مركز نقابة ائتلاف كتلة غرفة ديوان إدارة ادارة مجمع مطار ميناء مستشفى شرطة جيش برلمان
  محكمة بلدية ولاية منظمه مصلحة تنسيقية رابطة عمادة كلية شبكة منتدى مرصد تحالف مندوبية دائرة قطب
  بعثة مفوضية`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(keyOf),
);

/** «لشبكة», «بجمعية»: a body's word behind a preposition — no name starts so. */
export function prepBodyWord(t: Tok): boolean {
  return t.info.readings.some((r) => r.strip === 1 && /^[لب]/.test(t.key) && BODY_WORDS.has(r.key));
}

/** Nouns of complements that begin with و (not the conjunction): «وزارة», «ولاية», «وكالة», «وحدة». */
const W_NOUNS = ['وزار', 'وزير', 'ولاي', 'والي', 'وكال', 'وحد', 'وفد'].map(keyOf);

/** Prepositions a complement goes on through («لدى وزير …», «باسم تنسيقية …», «النائب عن …»). */
const COMPLEMENT_PREPS = new Set(['لدى', 'باسم', 'عن'].map(keyOf));

/** The head of a long post at `t` (with or without ال, with «و»): its reading and English. */
export function longHeadAt(t: Tok): { key: string; strip: number; en: string } | undefined {
  if (!t.arabic) return undefined;
  for (const r of t.info.readings) {
    // («والتقى السفير بالمدير العام لشركة …»: behind «ب» too, the object of the verb)
    if (r.strip > 0 && !/^[وف]?ب?$/.test(t.key.slice(0, r.strip))) continue;
    const key = stripAl(r.key);
    const en = LONG_HEADS.get(key);
    if (!en || (INDEFINITE_HEADS.has(key) && key !== r.key)) continue;
    return { key, strip: r.strip, en };
  }
  return undefined;
}

export interface LongPost {
  pm: PostMatch;
  /** Token right after the post (a comma or the name). */
  next: number;
}

/**
 * A post at `i` with a complement read by shape, not by list: nouns in construct, then a
 * definite noun or a name of the gazetteer, its adjectives, and phrases after «ل», «ب»
 * (definite, or a place), «لدى», «باسم», «عن». `stops(k)` says where it must end: the
 * caller accepts the post only if the complement ends definite right before a name (or,
 * for a post after a name, before punctuation). `min` is the least last token (the
 * grammar's own post, when there is one, which this must go beyond through a phrase).
 */
export function longPostAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
  text: string,
  ends: (k: number, last: number) => boolean,
  min = -1,
  /** The post follows a person's name (whose surname may look like a definite noun). */
  afterName = false,
): LongPost | undefined {
  const h = longHeadAt(toks[i]!);
  if (!h) return undefined;
  const t = toks[i]!;
  // «المكلف بالإعلام …»: no post without its «ب» phrase.
  if (CHARGED.has(h.key) && !toks[i + 1]?.key.startsWith('ب')) return undefined;
  // «اللجنة المكلفة بالتحقيق», «المكتب القيادي», «المدير المساعد»: after a definite noun
  // these words are its adjective, not a post.
  const before = toks[i - 1];
  if (
    ADJECTIVAL.has(h.key) &&
    !afterName &&
    before?.arabic &&
    !before.punct &&
    before.info.readings.some((r) => r.key.startsWith('ال'))
  )
    return undefined;
  // «وزيرة الطاقة والمناجم والطاقات المتجددة»: portfolios joined by «و» go on past the
  // grammar's own post (a portfolio list names the ministry).
  const minister = h.en === 'Minister';
  // «والي جندوبة», «عمدة لندن»: the place they head gives the country.
  const local = h.en === 'Governor' || h.en === 'Mayor' || h.en === 'Delegate';
  /** «في» after «القيادي», «مع» after «العلاقة»: a phrase the complement goes on through. */
  const phraseWord = (k: number): boolean => {
    const w = toks[k];
    if (!w?.arabic) return false;
    if (COMPLEMENT_PREPS.has(w.key)) return true;
    // «القيادي في حركة …»; «رئيس بعثة الأمم المتحدة في ليبيا»: a body named, then its place.
    if (w.key === keyOf('في')) {
      if (k === i + 1) return IN_HEADS.has(h.key);
      const g = named && definite ? matchAt(gaz, toks, k + 1) : undefined;
      return g !== undefined && g.strip === 0 && g.hits[0]!.entry.type === 'LOC';
    }
    if (w.key === keyOf('مع'))
      return toks[k - 1]?.info.readings.some((r) => r.strip <= 2 && RELATION.has(r.key)) === true;
    return false;
  };
  const bodyWordBefore = (k: number) =>
    toks[k - 1]?.info.readings.some(
      (r) => r.strip <= 1 && !r.key.startsWith('ال') && BODY_WORDS.has(r.key),
    ) === true;
  /** «الدستورية و المجتمع المدني»: «و» written apart before a definite word. */
  const looseAnd = (k: number) =>
    toks[k]?.key === keyOf('و') &&
    toks[k + 1]?.key.startsWith('ال') === true &&
    // «رئيس الجمعية و الأستاذ …»: not a title or another post.
    !opensName(toks, k + 1) &&
    !isPostHead(toks[k + 1]!) &&
    !longHeadAt(toks[k + 1]!);
  const inner: GazMatch[] = [];
  let k = i + 1;
  // «المعتمد قرر …»: after a head with the article no noun follows in construct.
  let definite = /^[وف]?ال/.test(t.key.slice(h.strip > 0 && !/^[وف]/.test(t.key) ? h.strip : 0));
  // After «لشبكة مراقبون»: the word may be the body's name, so the complement may end here.
  let proper = false;
  let country: string | undefined;
  let sector = 'GOV';
  const limit = i + 10;
  // Beyond a post the grammar read («رئيس الجمهورية», «المدير العام»), the phrase must name
  // a body: a word like «حزب», «شركة», «الديوان», or a name of the gazetteer — not «للنظر».
  let named = false;
  let abroad = false;
  let body: BodyMatch | undefined;
  let en = h.en;
  // «كاتب عام», «الكاتب العام», «الكاتبة العامة»: «عام» belongs to the head.
  if (toks[k]?.arabic && GENERAL_WORDS.has(toks[k]!.key)) {
    k++;
    definite = toks[k - 1]!.key.startsWith('ال');
    if (en === 'Secretary') en = 'Secretary-General';
    // «كاتب عام مساعد», «الكاتب العام المساعد»: the deputy.
    if (en === 'Secretary-General' && toks[k]?.arabic && DEPUTY.has(toks[k]!.key)) {
      k++;
      definite = toks[k - 1]!.key.startsWith('ال');
      en = 'Deputy Secretary-General';
    }
  } else if (SECRETARY.has(h.key) && toks[k]?.arabic && STATE.has(toks[k]!.key)) {
    // «كاتب الدولة (لدى وزير …)», «كاتبة الدولة للشباب»: Tunisia's secretary of state.
    k++;
    definite = true;
    en = 'Secretary of State';
  }
  while (k < limit) {
    const prep = phraseWord(k);
    if (definite && looseAnd(k) && k - 1 >= min) {
      k += 2;
      continue;
    }
    if ((definite || proper) && !prep && k - 1 > i && k - 1 > min && (min < 0 || named) && ends(k, k - 1)) {
      const last = k - 1;
      const start = t.start + (h.strip > 0 ? surfaceOffset(t.text, h.strip) : 0);
      const end = toks[last]!.end;
      const ar = text.slice(start, end);
      // «رئيس المجلس السابق»: the complement closed by «السابق» is a post no longer held.
      const former = last > i + 1 && isFormerWord(toks[last]!);
      return {
        pm: {
          first: i,
          last,
          start,
          end,
          post: {
            ar,
            en: former ? `${FORMER.pre}${en}` : en,
            ...(country ? { country } : {}),
            sector,
            span: [start, end],
            ...(former ? { status: 'former' as const } : {}),
          },
          head: h.key,
          bare: false,
          generic: false,
          inner,
          ...(body ? { body } : {}),
        },
        next: k,
      };
    }
    proper = false;
    const w = toks[k];
    // «لشركة "نور"»: a body's own name in quotes, after the body's word in construct.
    const close = w?.punct && bodyWordBefore(k) ? quotedNameEnd(toks, k) : -1;
    if (close > k) {
      definite = true;
      named = true;
      k = close + 1;
      continue;
    }
    if (!w?.arabic || w.punct) return undefined;
    // Beyond the grammar's own post, only through a phrase («لحزب …», «باسم …»).
    const phrase =
      COMPLEMENT_PREPS.has(w.key) ||
      w.info.readings.some((r) => r.strip > 0 && /^(ل|ب|لل)$/.test(w.key.slice(0, r.strip)));
    const portfolios = minister && definite && w.key.startsWith('وال');
    if (k - 1 === min && !phrase && !portfolios && matchAt(gaz, toks, k)?.hits[0]?.entry.type !== 'ORG')
      return undefined;
    if (portfolios && k - 1 === min) named = true;
    if (prep) {
      if (w.key === keyOf('عن') && h.en !== 'Member of Parliament') return undefined;
      // «… الأمم المتحدة في ليبيا»: where a body works, not whose the post is.
      if (w.key === keyOf('في') && k > i + 1) abroad = true;
      definite = false;
      k++;
      continue;
    }
    // «مدير إقليم الحرس الوطني بالقصرين»: a government body inside the complement.
    const b = body ? undefined : bodyAt(gaz, toks, k, text, true);
    if (b) {
      body = b;
      if (b.country) country = b.country;
      sector = b.sector;
      if (k > min) named = true;
      definite = true;
      k = b.last + 1;
      continue;
    }
    const g = matchAt(gaz, toks, k);
    const e = g?.hits[0]?.entry;
    if (k > min && w.info.readings.some((r) => r.strip <= 2 && BODY_WORDS.has(stripAl(r.key)))) named = true;
    if (g && e && e.kind !== 'person' && (g.strip === 0 || /^(ل|ب|لل)/.test(w.key))) {
      if (k > min) named = true;
      inner.push(g);
      if (e.type === 'ORG' && e.sector) sector = e.sector;
      if (
        e.country &&
        (e.type === 'ORG' ||
          g.hits[0]!.role === 'demonym' ||
          e.kind === 'country' ||
          (local && e.type === 'LOC')) &&
        !abroad
      )
        country = e.country;
      definite = true;
      k = g.last + 1;
      continue;
    }
    // «… النائب عدنان …»: another post begins; «قد», «أن»: the sentence goes on; «السيد»,
    // «العميد», «والأستاذ»: a title opens the name, the post has ended.
    // («المكلف بالعلاقات …» after a complement qualifies the post; it goes on.)
    const charged = w.key.startsWith('ال') && CHARGED.has(stripAl(w.key)) && toks[k + 1]?.key.startsWith('ب');
    // («… بالمستشار الألماني …»: a post behind «ب» is another person's, the object of the verb.)
    if (/^(و?ب?ال)/.test(w.key) && (isPostHead(w) || longHeadAt(w)) && !charged && k > min) return undefined;
    if (!isPostHead(w) && NAME_STOP.has(lightKey(w.text))) return undefined;
    if (opensName(toks, k)) return undefined;
    if (w.key.startsWith('ال') || (w.key.startsWith('وال') && definite)) {
      definite = true;
      k++;
      continue;
    }
    // «بعثة», «بلدية»: a body's word that only looks like «ب» + a word.
    const clitic = BODY_WORDS.has(w.key)
      ? undefined
      : w.info.readings.find((r) => r.strip > 0 && /^(ل|ب|لل)$/.test(w.key.slice(0, r.strip)));
    if (clitic) {
      // «للتعليم», «بالشؤون»: definite; «لحزب», «لنقابة»: a noun in construct, more to come.
      // «بإيقاف»: a verbal noun, the sentence going on.
      if (clitic.key.startsWith('ال')) definite = true;
      else if (w.key.startsWith('ب') && !(toks[k - 1]?.arabic && TAKES_BI.has(toks[k - 1]!.key)))
        return undefined;
      else definite = false;
      k++;
      continue;
    }
    // «وحارس المرمى …»: a second noun joined by «و» is another title, not this complement.
    if (/^[وف]/.test(w.key) && !w.key.startsWith('وال') && !W_NOUNS.some((x) => w.key.startsWith(x)))
      return undefined;
    // A noun in construct only where one is expected (after the head, «ل», or another
    // noun in construct): after a definite noun a plain word is the name or the sentence.
    if (definite) return undefined;
    // «لشبكة مراقبون», «جمعية نشاز»: after a body's word in construct, a plain word is the
    // body's own name — the complement may end there.
    const prev = toks[k - 1]!;
    if (
      k - 1 > i &&
      prev.info.readings.some((r) => r.strip <= 1 && !r.key.startsWith('ال') && BODY_WORDS.has(r.key))
    ) {
      proper = true;
      named = true;
    }
    k++;
  }
  return undefined;
}

/** Words that appoint or elect someone to the post written after the name in the accusative. */
const APPOINTING = new Map<string, PostStatus>([
  ...[
    'تعيين',
    'عين',
    'عينت',
    'يعين',
    'تعين',
    'تسمية',
    'سمى',
    'سمت',
    'يسمي',
    'اختيار',
    'اختار',
    'اختارت',
    'يختار',
  ].map((w) => [keyOf(w), 'designate'] as [string, PostStatus]),
  ...['انتخاب', 'انتخب', 'انتخبت', 'ينتخب', 'تنتخب'].map((w) => [keyOf(w), 'elect'] as [string, PostStatus]),
]);

/**
 * «تعيين X رئيسا …», «عينت الحكومة X سفيرا …», «انتخب المجلس X رئيسا …»: the word that
 * appoints (or elects) someone whose name starts at `first`, within three words before it
 * and no punctuation between.
 */
export function appointingBefore(toks: Tok[], first: number): PostStatus | 'held' | undefined {
  for (let k = first - 1; k >= first - 3 && k >= 0; k--) {
    const t = toks[k]!;
    if (!t.arabic || t.punct) return undefined;
    for (const r of t.info.readings) {
      const s = APPOINTING.get(r.key);
      if (s && (r.strip === 0 || /^[وفب]+$/.test(t.key.slice(0, r.strip))))
        return pastAppointment(toks, k) ? 'held' : s;
    }
  }
  return undefined;
}

/** «بعد», «منذ», «عقب», «إثر»: an appointment told as what came before; «أعيد», «إعادة»: re-elected. */
const SINCE = new Set(['بعد', 'منذ', 'عقب', 'إثر', 'أعيد', 'أعيدت', 'إعادة'].map(keyOf));

/**
 * «بعد انتخاب X رئيسا», «منذ تعيين X وزيرا», «أعيد انتخاب X»: the appointment at `k` is past,
 * the person holds the post (not `elect`/`designate`).
 */
function pastAppointment(toks: Tok[], k: number): boolean {
  const before = toks[k - 1];
  return before?.arabic === true && before.info.readings.some((r) => r.strip <= 1 && SINCE.has(r.key));
}

/** «رئيساً», «وزيرا», «سفيرة»: a post's head in the accusative, without its ending; else undefined. */
function accusativeHead(t: Tok): string | undefined {
  if (!t.arabic || t.punct) return undefined;
  const bare = t.text.replace(/[\u064b-\u0652]+$/u, '');
  const base = /ا$/.test(bare) ? bare.slice(0, -1) : bare;
  if (base === bare && !/ة$/.test(bare)) return undefined;
  const probe = tokenize(base)[0];
  return probe && (isPostHead(probe) || longHeadAt(probe)) ? base : undefined;
}

/** «عاما», «عامة»: «مديرا عاما» is «المدير العام». */
const GENERAL = new Set(['عاما', 'عامة', 'عام'].map(keyOf));

/**
 * A post written in the accusative after an appointment, «رئيسا للوزراء», «وزيرا للخارجية»,
 * «سفيرا لدى اليابان», «مديرة عامة للديوان …»: read by the same grammar as the post in
 * construct it stands for («رئيس الوزراء», «وزير الخارجية», «المديرة العامة للديوان …»),
 * and marked with `status` (designate or elect). The name is the caller's.
 */
export function appointedPostAt(
  gaz: Gazetteer,
  toks: Tok[],
  i: number,
  text: string,
  given: PostStatus | 'held',
): PostMatch | undefined {
  const t = toks[i];
  if (!t?.arabic || t.punct) return undefined;
  const status = given === 'held' ? undefined : given;
  const base = accusativeHead(t);
  if (!base) return undefined;
  // The words read: up to the sentence's punctuation, as in construct. «رئيسا مديرا عاما»
  // is «الرئيس المدير العام».
  const chairman = toks[i + 1] ? accusativeHead(toks[i + 1]!) : undefined;
  const at = chairman ? i + 1 : i;
  const general = toks[at + 1]?.arabic === true && GENERAL.has(toks[at + 1]!.key);
  const words: string[] = [general ? `ال${base}` : base];
  if (chairman) words.push(general ? `ال${chairman}` : chairman);
  let k = at + 1;
  if (general) {
    words.push(/ة[\u064b-\u0652]*$/u.test(toks[k]!.text) ? 'العامة' : 'العام');
    k++;
  }
  // (Not past the end of a line: a title ends there without punctuation.)
  const lineGoesOn = (x: number) => !text.slice(toks[x - 1]!.end, toks[x]!.start).includes('\n');
  for (
    let n = 0;
    n < 8 && toks[k] && !(toks[k]!.punct && !QUOTES.test(toks[k]!.text)) && lineGoesOn(k);
    n++, k++
  ) {
    const w = toks[k]!.text;
    // «للوزراء» → «الوزراء», «لوزارة» → «وزارة» (after the head only; «لدى» stays).
    if (k === i + 1 && !general && !chairman && toks[k]!.key !== keyOf('لدى'))
      words.push(w.startsWith('لل') ? `ال${w.slice(2)}` : w.startsWith('ل') && w.length > 3 ? w.slice(1) : w);
    else words.push(w);
  }
  const synText = words.join(' ');
  const syn = tokenize(synText);
  if (syn.length !== words.length) return undefined;
  // The grammar's post («المدير العام»), gone on by shape where a body follows («… لمؤسسة
  // السجون والإصلاح») up to punctuation or a word that ends names.
  const short = postAt(gaz, syn, 0, synText);
  // A plain word (no article, no clitic, no list match: «خلفا», «اختتمت») is the sentence going on.
  const ends = (x: number) => {
    const w = syn[x];
    if (!w || w.punct || NAME_STOP.has(lightKey(w.text))) return true;
    return !w.key.startsWith('ال') && !w.info.readings.some((r) => r.strip > 0) && !matchAt(gaz, syn, x);
  };
  const long = longPostAt(gaz, syn, 0, synText, ends, short && !short.bare ? short.last : -1, true)?.pm;
  const pm = long && (!short || short.bare || long.last > short.last) ? long : short;
  if (!pm || pm.bare || pm.last === 0) return undefined;
  // (The grammar's English is the more precise: «Director General», not «Director».)
  if (pm === long && short && !short.bare && short.post.en) pm.post.en = short.post.en;
  const last = i + pm.last;
  const start = t.start;
  const end = toks[last]!.end;
  const en = pm.post.en
    ? `${pm.post.en}${status === 'elect' ? '-elect' : status === 'designate' ? '-designate' : ''}`
    : undefined;
  return {
    first: i,
    last,
    start,
    end,
    post: {
      ar: text.slice(start, end),
      ...(en ? { en } : {}),
      ...(pm.post.country ? { country: pm.post.country } : {}),
      ...(pm.post.sector ? { sector: pm.post.sector } : {}),
      span: [start, end],
      ...(status ? { status } : {}),
    },
    head: pm.head,
    bare: false,
    generic: false,
    // The places and bodies read inside, found again in the article's own words («لفرنسا»).
    inner: pm.inner.flatMap((g) => matchAt(gaz, toks, i + g.first) ?? []),
  };
}

const CANDIDATE = new Set(['المرشح', 'المرشحة', 'مرشح', 'مرشحة'].map(keyOf));

/** «المرشح», «والمرشحة»: a word that may open a candidacy (`candidatePostAt`). */
export function isCandidateWord(t: Tok): boolean {
  return t.info.readings.some((x) => CANDIDATE.has(x.key));
}

/** «المرشح لمنصب رئيس الجمهورية»: the post a candidate runs for, marked `candidate`. */
export function candidatePostAt(gaz: Gazetteer, toks: Tok[], i: number, text: string): PostMatch | undefined {
  const t = toks[i];
  if (!t?.arabic) return undefined;
  const r = t.info.readings.find(
    (x) => CANDIDATE.has(x.key) && (x.strip === 0 || /^[وف]$/.test(t.key.slice(0, x.strip))),
  );
  if (!r || toks[i + 1]?.key !== keyOf('لمنصب')) return undefined;
  const pm = postAt(gaz, toks, i + 2, text);
  if (!pm || pm.bare) return undefined;
  const start = t.start + (r.strip > 0 ? surfaceOffset(t.text, r.strip) : 0);
  return {
    ...pm,
    first: i,
    start,
    post: {
      ...pm.post,
      ar: text.slice(start, pm.end),
      ...(pm.post.en ? { en: `Candidate for ${pm.post.en}` } : {}),
      span: [start, pm.end],
      status: 'candidate',
    },
    generic: false,
  };
}

/**
 * Offices named with a possessive pronoun for the organization named before: «رئيسها التنفيذي»
 * (its chief executive), «مديره العام», «أمينها العام», «رئيس مجلس إدارتها»: head (light key
 * without the pronoun) and the word after it.
 */
const POSSESSIVE_OFFICES = new Map<string, { en: string; sector: string }>([
  ['رئيس التنفيذي', { en: 'Chief Executive', sector: 'BUS' }],
  ['مدير التنفيذي', { en: 'Executive Director', sector: 'BUS' }],
  ['مدير العام', { en: 'Director General', sector: 'BUS' }],
  ['امين العام', { en: 'Secretary-General', sector: 'GOV' }],
]);
const POSSESSIVE_HEAD = /^([وف]?)(رئيس|مدير|امين)(ها|ه)$/u;
const MAJLIS = keyOf('مجلس');
const IDARA = /^ادارت(ها|ه)$/u;

/** «رئيسها», «ومديره»: a head with a possessive pronoun (`possessivePostAt`), or «رئيس» (of «رئيس مجلس إدارتها»). */
export function opensPossessive(t: Tok): boolean {
  return t.arabic && POSSESSIVE_HEAD.test(lightKey(t.text));
}

/** A post whose organization is a pronoun: the organization is the one named before (`owner`). */
export interface PossessivePost extends PostMatch {
  /** The pronoun's gender: «ها» for a feminine noun («شركة», «مؤسسة»), «ه» for a masculine one («بنك»). */
  owner: 'f' | 'm';
}

/**
 * «رئيسها التنفيذي», «مديره العام», «رئيس مجلس إدارتها»: an office of the organization a pronoun
 * refers to (see `POSSESSIVE_OFFICES`); the caller names the organization.
 */
export function possessivePostAt(toks: Tok[], i: number, text: string): PossessivePost | undefined {
  const t = toks[i];
  if (!t?.arabic) return undefined;
  const light = lightKey(t.text);
  let office: { en: string; sector: string } | undefined;
  let pronoun: string | undefined;
  let last = i + 1;
  const m = POSSESSIVE_HEAD.exec(light);
  const next = toks[i + 1];
  if (m && next?.arabic) {
    office = POSSESSIVE_OFFICES.get(`${m[2]} ${lightKey(next.text)}`);
    pronoun = m[3];
  } else {
    // «رئيس مجلس إدارتها»: the pronoun on the last word.
    const rm = /^([وف]?)رئيس$/u.exec(light);
    const third = toks[i + 2];
    const im = third?.arabic ? IDARA.exec(lightKey(third.text)) : null;
    if (rm && next?.key === MAJLIS && im) {
      office = { en: 'Chairman', sector: 'BUS' };
      pronoun = im[1];
      last = i + 2;
    }
  }
  if (!office || !pronoun) return undefined;
  const conj = /^[وف]/u.test(light) && !/^(رئيس|مدير|امين)/u.test(light) ? 1 : 0;
  const start = t.start + (conj ? surfaceOffset(t.text, 1) : 0);
  const end = toks[last]!.end;
  const post: Post = { ar: text.slice(start, end), en: office.en, sector: office.sector, span: [start, end] };
  const head = keyOf(light.slice(conj).replace(/(ها|ه)$/u, ''));
  const owner = pronoun === 'ها' ? 'f' : 'm';
  return { first: i, last, start, end, post, head, bare: false, generic: false, inner: [], owner };
}
