/**
 * The interface language: Arabic (right-to-left, the default) or English (left-to-right),
 * remembered in localStorage. Only the interface switches; article text stays Arabic and
 * keeps `lang="ar" dir="rtl"` on its own element.
 */
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

/** Sets `<html lang dir>` to the interface language. */
export function applyLang(l: Lang = current): void {
  document.documentElement.lang = l;
  document.documentElement.dir = l === 'ar' ? 'rtl' : 'ltr';
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
  feed: { ar: 'خلاصة Atom', en: 'Atom feed' },
  switchTo: { ar: 'English', en: 'العربية' },
  switchLabel: { ar: 'Switch the interface to English', en: 'التبديل إلى الواجهة العربية' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

/** An interface string in the current language. */
export function t(key: StringKey): string {
  return STRINGS[key][current];
}
