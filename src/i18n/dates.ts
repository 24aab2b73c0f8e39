/**
 * Dates for display: the Gregorian date in words («23 June 2025», «٢٣ يونيو ٢٠٢٥») and, when
 * the source wrote the date in the Hijri calendar, the Hijri date as written beside it
 * («5 Rabi al-Awwal 1447 AH», «٥ ربيع الأول ١٤٤٧ هـ»). Pure (Intl only): the web app uses it too.
 */
import type { DateRef } from '../model.ts';

export type DateLang = 'ar' | 'en';

export const HIJRI_MONTHS: Record<DateLang, readonly string[]> = {
  ar: [
    'محرم',
    'صفر',
    'ربيع الأول',
    'ربيع الآخر',
    'جمادى الأولى',
    'جمادى الآخرة',
    'رجب',
    'شعبان',
    'رمضان',
    'شوال',
    'ذو القعدة',
    'ذو الحجة',
  ],
  en: [
    'Muharram',
    'Safar',
    'Rabi al-Awwal',
    'Rabi al-Thani',
    'Jumada al-Ula',
    'Jumada al-Akhira',
    'Rajab',
    'Shaban',
    'Ramadan',
    'Shawwal',
    'Dhu al-Qada',
    'Dhu al-Hijja',
  ],
};

const GREG: Record<DateLang, Record<string, Intl.DateTimeFormat>> = { ar: {}, en: {} };

function gregFormat(lang: DateLang, precision: 'day' | 'month' | 'year', digits: 'latn' | 'native') {
  const key = `${precision}/${digits}`;
  let f = GREG[lang][key];
  if (!f) {
    const locale =
      lang === 'ar' ? `ar-u-ca-gregory${digits === 'latn' ? '-nu-latn' : ''}` : 'en-GB-u-ca-gregory';
    f = new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      ...(precision !== 'year' ? { month: 'long' } : {}),
      ...(precision === 'day' ? { day: 'numeric' } : {}),
    });
    GREG[lang][key] = f;
  }
  return f;
}

export interface DateFormatOptions {
  /** `latn` keeps 0–9 in Arabic (terminal tables); `native` (default) uses the locale's digits. */
  digits?: 'latn' | 'native';
}

/**
 * An ISO date (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, or a date-time) in words in the Gregorian
 * calendar; anything else comes back as given.
 */
export function gregorianText(value: string, lang: DateLang, opts: DateFormatOptions = {}): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value);
  if (!m) return value;
  const precision = m[3] ? 'day' : m[2] ? 'month' : 'year';
  const t = Date.UTC(Number(m[1]), Number(m[2] ?? 1) - 1, Number(m[3] ?? 1));
  if (Number.isNaN(t)) return value;
  return gregFormat(lang, precision, opts.digits ?? 'native').format(t);
}

/** A Hijri date kept as `YYYY-MM-DD` in words: «5 Rabi al-Awwal 1447 AH»; undefined when unreadable. */
export function hijriText(hijri: string, lang: DateLang, opts: DateFormatOptions = {}): string | undefined {
  const m = /^(\d{3,4})-(\d{2})-(\d{2})$/.exec(hijri);
  if (!m) return undefined;
  const month = HIJRI_MONTHS[lang][Number(m[2]) - 1];
  if (!month) return undefined;
  const n = new Intl.NumberFormat(lang === 'ar' && opts.digits !== 'latn' ? 'ar' : 'en', {
    useGrouping: false,
  });
  const d = n.format(Number(m[3]));
  const y = n.format(Number(m[1]));
  return lang === 'ar' ? `${d} ${month} ${y} هـ` : `${d} ${month} ${y} AH`;
}

/**
 * A date for display: the Gregorian date in words, and the Hijri date beside it in
 * parentheses when the source gave one; `undefined` when the date has no value.
 */
export function dateText(
  ref: Pick<DateRef, 'value' | 'hijri'> | undefined,
  lang: DateLang,
  opts: DateFormatOptions = {},
): string | undefined {
  if (!ref?.value) return ref?.hijri ? hijriText(ref.hijri, lang, opts) : undefined;
  const g = gregorianText(ref.value, lang, opts);
  const h = ref.hijri ? hijriText(ref.hijri, lang, opts) : undefined;
  return h ? `${g} (${h})` : g;
}
