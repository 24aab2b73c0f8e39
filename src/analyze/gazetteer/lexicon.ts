/**
 * Closed word lists the entities stage reads names and posts with: honorifics, common
 * given names (Arabic, Persian, Urdu use), words that end a name, political verbs that
 * make a capital stand for its state. Written for khabar. Keys are match forms, except
 * given names, which keep ى/ة apart (so the preposition «على» is never the name «علي»).
 */
import { keyOf } from './tokens.ts';

const keys = (words: string): Set<string> =>
  new Set(
    words
      .split(/\s+/)
      .filter((w) => w.length > 0)
      .map((w) => keyOf(w.replace(/_/g, ' '))),
  );

/** Match form that keeps ى and ة (a «light» key) — for given names. */
const lightCache = new Map<string, string>();

export function lightKey(word: string): string {
  let k = lightCache.get(word);
  if (k === undefined) {
    k = computeLightKey(word);
    if (lightCache.size > 200_000) lightCache.clear();
    lightCache.set(word, k);
  }
  return k;
}

function computeLightKey(word: string): string {
  return word
    .normalize('NFC')
    .replace(/[\p{M}\u0640]/gu, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك');
}

/** Titles of address written before a name and not part of it. */
export const HONORIFICS = keys(
  'السيد السيدة الشيخ الشيخة الدكتور الدكتورة د الأستاذ الأستاذة المهندس المهندسة اللواء العميد الفريق العقيد العماد المشير الجنرال الرائد النقيب الحاج الحاجة سماحة فضيلة معالي سعادة فخامة الإمام حجة_الإسلام آية_الله ' +
    'سمو المحامي المحامية الصحفي الصحفية الفنان الفنانة الكاتب الكاتبة الشاعر الشاعرة اللاعب اللاعبة المدرب الباحث الباحثة الخبير الخبيرة المخرج المخرجة الممثل الممثلة المطرب المطربة',
);

/** Honorifics that South Asian and Iranian names carry as part of the written name. */
export const NAME_PART_HONORIFICS = keys('سيد سيدة');

const GIVEN = `
محمد أحمد علي حسن حسين محمود مصطفى عمر عثمان خالد سعيد سعد عبد عبدالله عبد_الله إبراهيم إسماعيل يوسف يحيى
كامل شاكر صابر سمير منذر مهند ثامر فارس غازي لطفي رشيد حميد توفيق عدنان عبدالرحمن عبدالعزيز
زكريا موسى عيسى سليمان داود هارون صالح فيصل فهد سلمان تركي نايف بندر سلطان منصور ناصر جمال كمال طارق
ماجد وليد هشام هاني سامي رامي فادي باسل بشار حافظ رفيق نبيه نبيل جواد جعفر كاظم رضا مهدي هادي تقي نقي
باقر صادق مرتضى مجتبى مسعود محسن عباس قاسم حميد مجيد رحيم كريم عزيز جليل نعيم حسام عماد رياض زياد مروان
معاذ أنس بلال حمزة طلال نواف مشعل عادل أيمن أسامة ياسر ياسين نصر الله عصام حازم شريف أشرف أمين أنور
عاطف عاصم عامر عمار عمرو غسان فؤاد قيس لؤي مازن مالك مراد منير نادر نزار نور وائل وسيم يزيد يونس إسحاق
آصف شهباز نواز عمران بلاول مريم حنا بنيامين إيهود يائير يسرائيل دونالد جو ماركو فلاديمير سيرغي سيرجي
إيمانويل أولاف كير رجب هاكان عبد_الفتاح أنطونيو رافائيل كايا جوزيف نجيب ميشال نجيب تمام سعد_الدين
مسعود غلام حسن_علي علي_أكبر محمد_جواد محمد_باقر محمد_رضا علي_رضا أمير حسين_أمير عبد_اللهيان إسماعيل
فاطمة زينب عائشة خديجة ليلى سارة نادية هدى منى رانيا سميرة سلمى ريم دينا نسرين شيرين معصومة طاهرة
قالیباف أبو أبي محمد_علي عبد_الملك عبد_الرحمن عبد_العزيز عبد_الكريم عبد_الرحيم عبد_المجيد عبد_الحميد
عبد_الناصر عبد_الهادي حمد تميم زايد خليفة قابوس هيثم بدر راشد مكتوم سيف جورجيا صوفيا فيكتوريا
أنيس شفيق سفيان ناجي حمدي رمزي بوبكر أبوبكر منجي فتحي شكري حبيب منصف محرز معز نعمان رضوان رؤوف زهير سهيل
شوقي صبري فوزي لزهر مختار يسري أيوب بلقاسم بشير جلال حاتم حمادي خميس رشاد زبير شكيب علاء فاضل لسعد مروان
ناظم نوفل هيكل وحيد بسام خليل شهاب مجدي مكرم وجدي إلياس حسان
ألفة نجلاء لمياء سلوى وداد سعاد هند رشيدة كوثر بثينة دليلة نجوى سنيا هالة ماجدولين
جورج فرانك فرانسوا مارين ماري بريجيت جان بيار جون ديفيد بوريس أنجيلا أنغيلا تيريزا هيلاري باراك نيكولا
مايك ستيف
توم بيتر مارك ريتشارد روبرت ويليام جيمس أنتوني كريستوفر دانيال ماثيو ستيفن كامالا
`;

/**
 * Given names that are also places («جورجيا ميلوني»: Giorgia, not Georgia; «صوفيا»): read as a
 * first name only before a surname the tagger or an apposition vouches for.
 */
export const PLACE_GIVEN_NAMES = new Set(['جورجيا', 'صوفيا', 'فيكتوريا'].map((w) => lightKey(w)));

/** Given names (light keys, see `lightKey`): a first token here makes a name certain. */
export const GIVEN_NAMES = new Set(
  GIVEN.split(/\s+/)
    .filter((w) => w.length > 0)
    .flatMap((w) => w.split('_'))
    .map(lightKey),
);

/**
 * Given names written with the article, usual in the Maghreb («محمد الهادي», «المنصف
 * المرزوقي», «الحبيب»): match forms. Inside a name they do not end it as a surname would,
 * and after a post they may start one.
 */
export const ARTICLE_GIVEN = keys(
  'الهادي الحبيب الطاهر الناصر المنصف الصادق الأمين البشير المختار المنجي الباجي الشاذلي الطيب الأزهر المولدي الجيلاني',
);

/** Second halves of compound given names («نور الدين», «سيف الإسلام», «زين العابدين»). */
export const COMPOUND_TAILS = keys('الدين الله الإسلام الرحمن الرحيم الزمان العابدين الحق النور');

/**
 * Family names written with the article that close a Gulf name past its second word
 * («الشيخ نواف سعود الصباح», «مشعل الأحمد الجابر الصباح»): match forms.
 */
export const ARTICLE_FAMILIES = keys('الصباح');

/**
 * Forebears' names written with the article inside such a name («الأحمد», «الجابر», «السالم»)
 * that are no listed given name (light keys, without the article).
 */
export const ARTICLE_FOREBEARS = new Set('جابر سالم حمود صقر مبارك دعيج'.split(' ').map(lightKey));

/**
 * First halves of compound given names that are no given name alone («صلاح الدين», «عز الدين»,
 * «زين العابدين»; «عز وجل» is no name): light keys, a given name only before a `COMPOUND_TAILS` word.
 */
export const COMPOUND_HEADS = new Set(
  'صلاح عز زين شمس تاج خير فخر محي محيي ضياء نجم شرف بهاء جاد فتح حب نور سيف بدر علاء نصر جمال كمال عماد حسام سعد'
    .split(' ')
    .map(lightKey),
);

/** Words that end (or can never be) part of a person's name (light keys: «على» is not «علي»). */
export const NAME_STOP = new Set(
  `
في من إلى الى على عن مع أن إن أنه إنه بأن لأن كان كانت قد لقد لم لن ما لا هذا هذه ذلك تلك الذي التي الذين
اليوم أمس غدا الثلاثاء الأربعاء الخميس الجمعة السبت الأحد الاثنين صباح مساء خلال بعد قبل عند حول ضد بين
نظيره نظيرته نظيريه وزير وزيرة رئيس رئيسة أمين المتحدث الناطق سفير قائد نائب مساعد مستشار مدير محافظ
أكد أعلن قال قالت أشار أوضح أضاف شدد دعا أعرب وصف رحب التقى استقبل بحث زار يزور يلتقي يؤكد وأكد وقال
أفاد أفادت صرح صرحت
حيث كما أيضا وهو وهي هو هي فهو فهي هم هما وهم وهما فهم فهما وذلك لدى عبر إثر وسط تجاه بشأن حتى منذ ثم أو أم بل لكن
ضيف عضو أنها إنها
بوساطة برعاية بإشراف بحضور بمشاركة بدعوة وبوساطة وبرعاية وبحضور
`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(lightKey),
);

/** Words that, next to a capital, make it stand for its state («أعلنت طهران», «تتطلع إسلام آباد»). */
export const POLITICAL_VERBS = keys(`
أكدت أعلنت رفضت اتهمت طالبت هددت دعت نفت حذرت أدانت رحبت قالت ردت وافقت قررت استدعت أبلغت أرسلت
وقعت اتفقت تعهدت سعت اعتبرت أعربت نددت انتقدت حملت أجرت استضافت عرضت قدمت منحت فرضت علقت قطعت
تتطلع تؤكد ترفض تتهم تطالب تهدد تدعو تنفي تحذر تدين ترحب تقول ترد توافق تسعى تعتبر تعرب تندد تنتقد
تحمل تعتزم تستعد تواصل تدعم تريد ترى تأمل تخشى
`);

/** Nouns before a capital that make it stand for its state («العلاقات بين طهران و…», «موقف طهران»). */
export const STATE_CONTEXT = keys(
  'بين موقف مواقف سياسة سياسات حكومة علاقات العلاقات مع ضد تجاه ورد رد إدارة',
);

/** Mentions standing for the two parties just named. */
export const PAIR_WORDS = keys('الطرفان الطرفين الجانبان الجانبين');
/** «الوفدان»: the two delegations last named (src/analyze/coref.ts `pairs`). */
export const DELEGATION_PAIR = keys('الوفدان الوفدين');
export const TWO_COUNTRIES = keys('البلدان البلدين الدولتان الدولتين');

/**
 * A group that acts as one side — a delegation, a mission — by the head noun its forms share:
 * «الوفد» refers back to the «وفد» last named with its state, body or head (src/analyze/coref.ts).
 */
export const GROUP_HEADS: ReadonlyMap<string, string> = new Map([
  ...[...keys('وفد وفدا الوفد')].map((k) => [k, 'وفد'] as const),
  ...[...keys('بعثة البعثة')].map((k) => [k, 'بعثه'] as const),
]);
/** «الجانب الإيراني», «الطرف الآخر»: one of the sides. */
export const SIDE_WORDS = keys('الجانب الطرف');
/** «الطرف الآخر», «الجانب الآخر». */
export const OTHER_WORDS = keys('الآخر');
/** Words before the one heading a delegation: «وفد برئاسة وزير الخارجية …». */
export const LEADER_CUES = keys('برئاسة بقيادة يترأسه يرأسه ترأسه تترأسه يقوده تقوده');
/** Prepositions that may introduce a delegation's state or body: «وفد من حركة حماس», «وفد عن البرلمان». */
export const GROUP_OF = keys('من عن');
