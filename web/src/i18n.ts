/**
 * The interface language: Arabic (right-to-left, the default) or English (left-to-right),
 * remembered in localStorage. Only the interface switches; article text stays Arabic and
 * keeps `lang="ar" dir="rtl"` on its own element.
 */
import { sectionLabelsIn } from '../../src/i18n/sections.ts';
import { transliterate } from '../../src/text/transliterate.ts';

export type Lang = 'ar' | 'en';

const KEY = 'khabar.lang';

function stored(): Lang {
  try {
    return localStorage.getItem(KEY) === 'en' ? 'en' : 'ar';
  } catch {
    return 'ar';
  }
}

let current: Lang = stored();

export function lang(): Lang {
  return current;
}

/** Sets `<html lang dir>`, the document title and the skip link to the interface language. */
export function applyLang(l: Lang = current): void {
  document.documentElement.lang = l;
  document.documentElement.dir = l === 'ar' ? 'rtl' : 'ltr';
  if ('title' in document) document.title = STRINGS.docTitle[l];
  const skip = typeof document.querySelector === 'function' ? document.querySelector('.skip') : null;
  if (skip) skip.textContent = STRINGS.skip[l];
}

/** Switches the interface language and remembers it. */
export function setLang(l: Lang): void {
  current = l;
  try {
    localStorage.setItem(KEY, l);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyLang(l);
}

const STRINGS = {
  brand: { ar: 'خبر', en: 'Khabar' },
  sections: { ar: 'الأقسام', en: 'Sections' },
  search: { ar: 'البحث', en: 'Search' },
  timeline: { ar: 'الخط الزمني', en: 'Timeline' },
  relations: { ar: 'العلاقات', en: 'Relations' },
  ingest: { ar: 'إضافة خبر', en: 'Add an article' },
  relationsLoading: { ar: 'جارٍ تحميل شبكة العلاقات…', en: 'Loading the relations graph…' },
  relationsFailed: { ar: 'تعذّر تحميل صفحة العلاقات:', en: 'Could not load the relations page:' },
  footer: { ar: 'خبر — أرشيف عربي منظَّم للأخبار', en: 'Khabar — a structured archive of Arabic news' },
  api: { ar: 'واجهة البرمجة', en: 'API' },
  feed: { ar: 'خلاصة الموجزات', en: 'Atom feed' },
  switchTo: { ar: 'English', en: 'العربية' },
  switchLabel: { ar: 'Switch the interface to English', en: 'التبديل إلى الواجهة العربية' },
  peopleAndEvents: { ar: 'الأشخاص والأحداث', en: 'People and events' },
  people: { ar: 'الأشخاص', en: 'People' },
  noPeople: { ar: 'لم يُتعرَّف على أشخاص.', en: 'No people recognized.' },
  orgsAndPlaces: { ar: 'جهات وأماكن', en: 'Organizations and places' },
  events: { ar: 'الأحداث', en: 'Events' },
  noEvents: { ar: 'لم تُستخرج أحداث.', en: 'No events extracted.' },
  // The stories page (web/src/pages/Stories.tsx).
  stories: { ar: 'القصص', en: 'Stories' },
  storiesTitle: { ar: 'القصص عبر المنافذ', en: 'Stories across outlets' },
  storiesIntro: {
    ar: 'أخبار عن الحدث نفسه جُمعت من منافذ وأيام مختلفة. افتح قصة لترى كيف يرويها كل منفذ.',
    en: 'Articles about the same event, gathered across outlets and days. Open a story to see how each outlet tells it.',
  },
  storiesShowAll: { ar: 'أظهر القصص ذات الخبر الواحد أيضًا', en: 'Also show single-article stories' },
  storiesOfArchive: { ar: 'من {n} في الأرشيف', en: 'of {n} in the archive' },
  storiesNone: { ar: 'لا قصص تجمع أكثر من خبر بعد.', en: 'No story gathers more than one article yet.' },
  // What the CLI says of an archive with articles and no story of two (src/stories/render.ts).
  storiesNoneOf: {
    ar: 'لا قصة تجمع أكثر من خبر، وفي الأرشيف {n} («أظهر القصص ذات الخبر الواحد أيضًا» يسردها)',
    en: "No story with more than one article among the archive's {n} («Also show single-article stories» lists them)",
  },
  storiesEmptyArchive: { ar: 'لا قصص (الأرشيف بلا أخبار)', en: 'No stories (the archive has no articles)' },
  storiesBack: { ar: '→ كل القصص', en: '← All stories' },
  storyTerms: {
    ar: 'التسميات: كيف يسمّي كل منفذ الأطراف نفسها',
    en: 'Terms: what each outlet calls the same actors',
  },
  storyTermsHelp: {
    ar: 'المظلَّل تسمية مشحونة (مثل «الكيان الصهيوني»)؛ الصفوف الأولى لأطراف تختلف تسميتها بين المنافذ.',
    en: 'Highlighted: a loaded term (a name that takes a side); the first rows are actors the outlets name differently.',
  },
  storyActor: { ar: 'الطرف', en: 'Actor' },
  storyFraming: { ar: 'تسمية مشحونة', en: 'loaded term' },
  storyNotNamed: { ar: 'لم يُذكر', en: 'not named' },
  storyNoEntities: { ar: 'لم يُتعرَّف على أطراف في هذه القصة.', en: 'No actors recognized in this story.' },
  storyByOutlet: { ar: 'المنافذ جنبًا إلى جنب', en: 'The outlets side by side' },
  storyArticlesOf: { ar: 'الأخبار', en: 'Articles' },
  storyReports: { ar: 'الأحداث التي يرويها', en: 'Events it reports' },
  storyNoEvents: { ar: 'لا أحداث مستخرجة.', en: 'No events extracted.' },
  storyOmits: { ar: 'ما يغفله مما رواه غيره', en: 'What it leaves out that others report' },
  storyOmitsNone: { ar: 'لا يغفل شيئًا مما رواه غيره.', en: 'Leaves out nothing the others report.' },
  storyQuotes: { ar: 'الأقوال المنسوبة', en: 'Quotes' },
  storyNoQuotes: { ar: 'لا أقوال منسوبة.', en: 'No attributed statements.' },
  storyUnquoted: { ar: 'لا ينقل عن (نقل عنهم غيره):', en: 'Does not quote (others do):' },
  storyMissing: { ar: 'أطراف يذكرها غيره ولا يذكرها', en: 'Actors others name and it does not' },
  // shell
  docTitle: { ar: 'خبر — أرشيف الأخبار', en: 'Khabar — news archive' },
  skip: { ar: 'تخطَّ إلى المحتوى', en: 'Skip to the content' },
  loading: { ar: 'جارٍ التحميل…', en: 'Loading…' },
  notFoundLong: {
    ar: 'لا شيء في الأرشيف بهذا الرابط: ربما حُذف أو نُسخ الرابط ناقصًا.',
    en: 'Nothing in the archive has this link: it may have been removed, or the link copied in part.',
  },
  backToSearch: { ar: 'العودة إلى البحث', en: 'Back to search' },
  // A hash no page answers (#/bogus, #/article with no id): said, not the search page in silence.
  noSuchPage: {
    ar: 'لا صفحة بهذا العنوان في خبر: ربما كُتب الرابط خطأً أو نُسخ ناقصًا.',
    en: 'Khabar has no page at this address: the link may be mistyped or copied in part.',
  },
  badRequest: { ar: 'طلب غير صالح:', en: 'Bad request:' },
  tokenRefused: {
    ar: 'رمز الخادم مفقود أو غير صحيح؛ اكتب قيمة KHABAR_TOKEN التي شُغّل بها الخادم:',
    en: 'The server token is missing or wrong; enter the KHABAR_TOKEN the server was started with:',
  },
  serverError: { ar: 'خطأ في الخادم:', en: 'Server error:' },
  fetchFailed: {
    ar: 'تعذّر على الخادم جلب الرابط؛ تحقّق منه، أو احفظ الصفحة والصق نصّها:',
    en: 'The server could not fetch the link; check it, or save the page and paste its text:',
  },
  networkError: { ar: 'تعذّر الاتصال بالخادم:', en: 'Could not reach the server:' },
  // fetch() refused (the server stopped, the connection lost): the browser's «Failed to fetch» said nothing.
  serverDown: {
    ar: 'تعذّر الاتصال بالخادم: لعله متوقف أو انقطع الاتصال به.',
    en: 'Could not reach the server: it may be stopped, or the connection lost.',
  },
  retry: { ar: 'أعد المحاولة', en: 'Try again' },
  // search
  searchLabel: { ar: 'ابحث في الأرشيف', en: 'Search the archive' },
  searchPlaceholder: {
    ar: 'مثال: لاريجاني أو Larijani أو "شراكة استراتيجية"',
    en: 'e.g. Larijani, or Arabic words or a "quoted phrase"',
  },
  searchButton: { ar: 'بحث', en: 'Search' },
  from: { ar: 'من', en: 'From' },
  to: { ar: 'إلى', en: 'To' },
  sort: { ar: 'الترتيب', en: 'Sort' },
  // date boxes (components/DateInput.tsx): digits isolated left-to-right in the Arabic text (⁦…⁩)
  dateShape: { ar: 'سنة-شهر-يوم', en: 'yyyy-mm-dd' },
  monthShape: { ar: 'سنة-شهر', en: 'yyyy-mm' },
  dateHelp: {
    ar: 'السنة ثم الشهر ثم اليوم بالأرقام، مثل \u20662025-10-31\u2069، أو اليوم أولًا: \u206631/10/2025\u2069',
    en: 'Year, month and day in digits, e.g. 2025-10-31 (or day first: 31/10/2025)',
  },
  monthHelp: {
    ar: 'السنة ثم الشهر بالأرقام، مثل \u20662025-10\u2069',
    en: 'Year and month in digits, e.g. 2025-10',
  },
  dateBad: {
    ar: '«{value}» ليس تاريخًا: اكتب السنة ثم الشهر ثم اليوم بالأرقام، مثل \u20662025-10-31\u2069.',
    en: '“{value}” is not a date: write the year, month and day in digits, e.g. 2025-10-31.',
  },
  dateNoSuchDay: {
    ar: '«{value}»: لا يوجد هذا اليوم في التقويم.',
    en: '“{value}”: there is no such day in the calendar.',
  },
  rangeReversed: {
    ar: 'تاريخ «من» بعد تاريخ «إلى»، فلا شيء بينهما: بدّل التاريخين.',
    en: 'The “From” date is after the “To” date, so nothing lies between them: swap the two dates.',
  },
  monthBad: {
    ar: '«{value}» ليس شهرًا: اكتب السنة ثم الشهر بالأرقام، مثل \u20662025-10\u2069.',
    en: '“{value}” is not a month: write the year and month in digits, e.g. 2025-10.',
  },
  sortRelevance: { ar: 'الأكثر صلة', en: 'Most relevant' },
  sortDate: { ar: 'الأحدث', en: 'Newest' },
  activeFilters: { ar: 'المرشِّحات المفعَّلة', en: 'Active filters' },
  remove: { ar: 'إزالة', en: 'Remove' },
  filterCountry: { ar: 'الدولة', en: 'Country' },
  filterType: { ar: 'النوع', en: 'Type' },
  filterActor: { ar: 'الفاعل', en: 'Actor' },
  filterPlace: { ar: 'المكان', en: 'Place' },
  filterOutlet: { ar: 'المصدر', en: 'Outlet' },
  filterSection: { ar: 'القسم', en: 'Section' },
  facetCountries: { ar: 'الدول', en: 'Countries' },
  facetTypes: { ar: 'أنواع الأحداث', en: 'Event types' },
  facetActors: { ar: 'الفاعلون', en: 'Actors' },
  facetPlaces: { ar: 'الأماكن', en: 'Places' },
  facetOutlets: { ar: 'المصادر', en: 'Outlets' },
  facetMonths: { ar: 'الأشهر', en: 'Months' },
  refine: { ar: 'تصفية النتائج', en: 'Refine the results' },
  facetsLoading: { ar: 'جارٍ حساب التصفيات…', en: 'Counting the facets…' },
  latest: { ar: 'أحدث الأخبار', en: 'Latest articles' },
  archiveEmptyA: { ar: 'الأرشيف فارغ. أضف أخبارًا بالأمر', en: 'The archive is empty. Add articles with' },
  archiveEmptyB: { ar: 'أو من صفحة «إضافة خبر».', en: 'or on the “Add an article” page.' },
  moreThan: { ar: 'أكثر من', en: 'more than' },
  resultsFor: { ar: 'لـ', en: 'for' },
  notes: { ar: 'ملاحظات', en: 'Notes' },
  // A filter value in the address the API refuses (country=ZZZ, from=garbage): {filter}: {value}.
  badFilterValue: {
    ar: 'لا يُبحث بـ«{filter}: {value}»: القيمة غير مقبولة. أزل المرشِّح (✕ أعلاه) أو صحّحه.',
    en: 'Cannot search with «{filter}: {value}»: the value is not accepted. Remove the filter (✕ above) or correct it.',
  },
  // The heading of a search that found nothing («لا نتائج لـ«…»», not «0 نتيجة»), and its hint below.
  noResults: { ar: 'لا نتائج', en: 'No results' },
  noResultsHint: {
    ar: 'جرّب كلمات أقل أو أزل بعض المرشِّحات.',
    en: 'Try fewer words or remove some filters.',
  },
  pages: { ar: 'الصفحات', en: 'Pages' },
  prev: { ar: 'السابق', en: 'Previous' },
  next: { ar: 'التالي', en: 'Next' },
  page: { ar: 'صفحة', en: 'Page' },
  of: { ar: 'من', en: 'of' },
  // reader and event popover
  source: { ar: 'المصدر', en: 'Source' },
  composedNote: {
    ar: 'موجز مُركَّب آليًا من جمل الخبر نفسها: لم يكن الخبر على قالب الموجز.',
    en: "A composed brief, drafted from the article's own sentences: the article did not follow the brief template.",
  },
  fullText: { ar: 'النص كاملًا', en: 'Full text' },
  unlabelledNote: { ar: 'الخبر ليس على قالب الموجز.', en: 'The article does not follow the brief template.' },
  draftBrief: { ar: 'اقترح موجزًا', en: 'Draft a brief' },
  published: { ar: 'النشر', en: 'Published' },
  dateFromText: { ar: 'من النص', en: 'from the text' },
  dateFromTextTitle: {
    ar: 'لم يُعطَ تاريخ نشر مع الخبر، فقُرئ من سطر المكان والتاريخ أو التوقيع في نصه',
    en: 'No publication date came with the article: it was read from its dateline or byline',
  },
  actor: { ar: 'الفاعل', en: 'Actor' },
  target: { ar: 'الطرف الآخر', en: 'Target' },
  date: { ar: 'التاريخ', en: 'Date' },
  unknown: { ar: 'غير معروف', en: 'unknown' },
  outletUnknown: { ar: '(مصدر غير معروف)', en: '(outlet unknown)' },
  status: { ar: 'الحالة', en: 'Status' },
  recalled: { ar: 'حدث سابق يُستعاد', en: 'a past event recalled' },
  negated: { ar: 'منفي', en: 'negated' },
  place: { ar: 'المكان', en: 'Place' },
  evidence: { ar: 'الشواهد', en: 'Evidence' },
  close: { ar: 'إغلاق', en: 'Close' },
  refersTo: { ar: 'المقصود', en: 'Refers to' },
  // entity
  post: { ar: 'المنصب', en: 'Post' },
  otherNames: { ar: 'أسماء أخرى', en: 'Other names' },
  articles: { ar: 'الأخبار', en: 'Articles' },
  mentions: { ar: 'الذكر', en: 'Mentions' },
  overTime: { ar: 'الأحداث عبر الزمن', en: 'Events over time' },
  perMonth: { ar: 'عدد الأحداث في كل شهر', en: 'Events per month' },
  noEventsYet: { ar: 'لا أحداث بعد.', en: 'No events yet.' },
  partners: { ar: 'أبرز الشركاء', en: 'Main partners' },
  partner: { ar: 'الطرف', en: 'Partner' },
  eventsCol: { ar: 'الأحداث', en: 'Events' },
  coopConflict: { ar: 'التعاون/النزاع', en: 'Cooperation/conflict' },
  noPartners: { ar: 'لا شركاء مسجَّلون.', en: 'No partners recorded.' },
  recentEvents: { ar: 'آخر الأحداث', en: 'Recent events' },
  shownOf: { ar: '{shown} من {total}', en: '{shown} of {total}' },
  // relations
  relationsTitle: { ar: 'شبكة العلاقات', en: 'Relations graph' },
  level: { ar: 'المستوى', en: 'Level' },
  levelCountries: { ar: 'الدول', en: 'Countries' },
  levelActors: { ar: 'الفاعلون', en: 'Actors' },
  fromMonth: { ar: 'من الشهر', en: 'From month' },
  toMonth: { ar: 'إلى الشهر', en: 'To month' },
  conflict: { ar: 'نزاع', en: 'conflict' },
  neutral: { ar: 'محايد', en: 'neutral' },
  cooperation: { ar: 'تعاون', en: 'cooperation' },
  noRelations: { ar: 'لا علاقات في هذا النطاق.', en: 'No relations in this range.' },
  relationsCaption: { ar: 'العلاقات', en: 'Relations' },
  relationsOf: { ar: 'علاقات', en: 'Relations of' },
  allRelations: { ar: 'كل العلاقات', en: 'All relations' },
  itsRelations: { ar: 'علاقاته في شبكة العلاقات', en: 'Its relations in the graph' },
  graphLabelsHidden: {
    ar: 'لا تتسع الشبكة لكل الأسماء على هذه الشاشة: تظهر أسماء الأطراف الأكثر علاقات، والجدول أدناه يسمّيها كلها (كبّر الشبكة لترى المزيد).',
    en: 'Not every name fits the graph on this screen: the actors with the most relations are named, and the table below names them all (zoom in to see more).',
  },
  dyadFrom: { ar: 'من', en: 'From' },
  dyadTo: { ar: 'إلى', en: 'To' },
  types: { ar: 'الأنواع', en: 'Types' },
  byMonth: { ar: 'حسب الشهر', en: 'By month' },
  undated: { ar: 'غير مؤرَّخ', en: 'undated' },
  // timeline
  timelineTitle: { ar: 'الخط الزمني للأحداث', en: 'Timeline of events' },
  type: { ar: 'النوع', en: 'Type' },
  all: { ar: 'الكل', en: 'All' },
  actorFilterHint: { ar: 'اسم أو معرّف', en: 'name or id' },
  noSuchActor: {
    ar: 'لا فاعل في الأرشيف باسم «{value}». اكتب أحد أسمائه كما تكتبه الأخبار (يكفي اسم العائلة للشخص) أو معرّفه، أو امسح خانة الفاعل.',
    en: 'No actor of the archive is called «{value}». Write one of its names as the articles write it (a family name will do for a person) or its id, or clear the actor box.',
  },
  noSuchActorRelations: {
    ar: 'لا فاعل في الأرشيف باسم «{value}»: لا علاقات له.',
    en: 'No actor of the archive is called «{value}»: it has no relations.',
  },
  ambiguousActor: {
    ar: '«{value}» اسم لأكثر من فاعل، فتُعرض أحداثهم جميعًا. اختر أحدهم:',
    en: '«{value}» names more than one actor: the events of all of them are shown. Choose one:',
  },
  countryFilterHint: { ar: 'اسم أو رمز', en: 'name or code' },
  country: { ar: 'الدولة', en: 'Country' },
  eventsOnTimeline: { ar: 'أحداثه على الخط الزمني', en: 'Its events on the timeline' },
  shown: { ar: 'يُعرض', en: 'showing' },
  timelineAxis: {
    ar: 'الأحداث على محور الزمن، الأقدم يمينًا',
    en: 'Events on a time axis, oldest on the left',
  },
  noDated: { ar: 'لا أحداث مؤرَّخة ضمن هذا النطاق.', en: 'No dated events in this range.' },
  undatedEvents: { ar: 'أحداث غير مؤرَّخة', en: 'Undated events' },
  yearOnly: { ar: 'السنة وحدها', en: 'year only' },
  outsideAxis: { ar: 'أحداث خارج المحور', en: 'Events off the axis' },
  outsideAxisWhy: {
    ar: 'مؤرَّخة بعيدًا عن سائر الأحداث (بالسنة وحدها أو بتاريخ مستعاد من الماضي)، فلا تُمدّ المحور لأجلها.',
    en: 'Dated far from the other events (by a year only, or a date recalled from the past), so the axis is not stretched for them.',
  },
  // ingest
  ingestDisabledA: {
    ar: 'الإضافة معطَّلة على هذا الخادم. شغِّل',
    en: 'Adding articles is disabled on this server. Run',
  },
  ingestDisabledB: { ar: 'مع متغيّر البيئة', en: 'with the environment variable' },
  ingestDisabledC: { ar: 'لتفعيلها.', en: 'set to enable it.' },
  token: { ar: 'رمز الخادم', en: 'Server token' },
  articleText: { ar: 'نص الخبر', en: 'Article text (Arabic)' },
  orUrl: { ar: 'أو رابط الخبر', en: 'or the article’s URL' },
  adding: { ar: 'جارٍ الإضافة…', en: 'Adding…' },
  add: { ar: 'أضف', en: 'Add' },
  ingestRefused: {
    ar: 'لم يُضف الخبر، والسبب (محفوظ في الحجر):',
    en: 'Not added; the reason (kept in the quarantine):',
  },
  st_inserted: { ar: 'أُضيف', en: 'added' },
  st_updated: { ar: 'حُدِّث', en: 'updated' },
  st_unchanged: { ar: 'بلا تغيير', en: 'unchanged' },
  st_moved: { ar: 'نُقل', en: 'moved' },
  st_duplicate: { ar: 'مكرَّر', en: 'duplicate' },
  'st_near-duplicate': { ar: 'شبه مكرَّر', en: 'near-duplicate' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** An interface string in the current language. */
export function t(key: StringKey): string {
  return STRINGS[key][current];
}

/** An interface string by a key built at run time; undefined when there is none. */
export function tryT(key: string): string | undefined {
  return Object.hasOwn(STRINGS, key) ? STRINGS[key as StringKey][current] : undefined;
}

// ------------------------------------------------------------ English labels for codes
// Event types, sectors, entity types and modalities are the server's own tables
// (src/i18n/codes.ts, shared: web/src/labels.ts); only the country names are copied here (the
// gazetteer is read with node:fs; test/i18n/web-labels.test.ts keeps the copies — here and
// COUNTRY_AR in web/src/labels.ts — equal to it).

export const SECTION_EN: Record<string, string> = sectionLabelsIn('en');

export const COUNTRY_EN: Record<string, string> = {
  IRN: 'Iran',
  PAK: 'Pakistan',
  SAU: 'Saudi Arabia',
  ISR: 'Israel',
  PSE: 'Palestine',
  EGY: 'Egypt',
  JOR: 'Jordan',
  SYR: 'Syria',
  IRQ: 'Iraq',
  LBN: 'Lebanon',
  TUN: 'Tunisia',
  DZA: 'Algeria',
  MAR: 'Morocco',
  LBY: 'Libya',
  USA: 'United States',
  RUS: 'Russia',
  CHN: 'China',
  TUR: 'Türkiye',
  QAT: 'Qatar',
  ARE: 'United Arab Emirates',
  YEM: 'Yemen',
  OMN: 'Oman',
  KWT: 'Kuwait',
  BHR: 'Bahrain',
  SDN: 'Sudan',
  AFG: 'Afghanistan',
  IND: 'India',
  FRA: 'France',
  GBR: 'United Kingdom',
  DEU: 'Germany',
};

/**
 * A code → label table that answers in the interface language: the Arabic table, or the
 * English one (falling back to Arabic for a code it lacks). Read at render time, so the
 * existing `PLOVER_AR[code]` lookups follow the switch.
 */
export function localized(ar: Record<string, string>, en: Record<string, string>): Record<string, string> {
  return new Proxy(ar, {
    get(target, key) {
      if (typeof key === 'string' && current === 'en' && Object.hasOwn(en, key)) return en[key];
      return Reflect.get(target, key);
    },
  });
}

/** An entity's name in the interface language: English, else Latin transliteration, else Arabic. */
export function entityName(names: { ar: string; en?: string; latin?: string }): string {
  if (current === 'ar') return names.ar;
  return names.en ?? names.latin ?? (transliterate(names.ar) || names.ar);
}
