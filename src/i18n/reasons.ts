/**
 * What each quarantine / warning rule of the ingest means, in Arabic, for `khabar status --lang ar`
 * (the stored reason is English and names the input; the rule code stays as it is).
 * test/i18n/reasons.test.ts greps src/ for every `ingest/…` code and fails on one missing here.
 */
import type { Lang } from './glossary.ts';

export const REASON_AR: Readonly<Record<string, string>> = {
  'ingest/bad-feed': 'ليست خلاصة RSS أو Atom أو RDF مقروءة',
  'ingest/bad-json': 'سطر JSON غير صالح',
  'ingest/bad-url': 'عنوان URL غير صالح أو بغير http(s)',
  'ingest/binary': 'ملف ثنائي، لا نص فيه',
  'ingest/empty': 'مدخل فارغ، لا نص فيه',
  'ingest/date-from-text': 'لا تاريخ نشر من المصدر، فأُخذ من نص الخبر (سطر المكان والتاريخ أو التوقيع)',
  'ingest/encoding-converted': 'حُوِّل النص إلى UTF-8 من ترميز آخر',
  'ingest/feed-too-many-items': 'في الخلاصة عناصر أكثر من الحد، فقُرئ أولها فقط',
  'ingest/fetch-failed': 'تعذّر جلب العنوان',
  'ingest/fetch-timeout': 'انتهت مهلة جلب العنوان',
  'ingest/host-failing': 'لم يُجلب: فشلت آخر محاولات الجلب من هذا الخادم',
  'ingest/html': 'قُرئ كصفحة HTML واستُخرج نصها الرئيسي',
  'ingest/html-too-deep': 'صفحة HTML متداخلة أعمق من الحد',
  'ingest/invalid-utf8': 'بايتات UTF-8 غير صالحة',
  'ingest/no-text': 'سجل بلا نص',
  'ingest/not-arabic': 'النص ليس عربيًا',
  'ingest/not-a-page':
    'جُلبت صفحة رابط عنصر الخلاصة لكنها ليست الخبر (بلا نص مقال، أو بغير العربية…)، فحُفظ موجز العنصر بدلها',
  'ingest/not-found': 'المسار أو العنوان غير موجود',
  'ingest/teaser-too-short':
    'تعذّر جلب صفحة عنصر الخلاصة، وموجزه أقل من خمس كلمات فلا يُحفظ خبرًا: أعد استيراد الخلاصة حين تستجيب الصفحة',
  'ingest/too-large': 'المدخل أكبر من الحد المسموح',
  'ingest/too-many-redirects': 'إعادات توجيه كثيرة جدًا',
  'ingest/unread-date': 'تعذّرت قراءة تاريخ النشر',
  'ingest/unreadable': 'تعذّرت قراءة المدخل',
  'queue/job-failed':
    'تعذّر على العامل (khabar worker) حفظ هذا الخبر من الطابور: أصلح المدخل وأعد إدراجه بـ khabar ingest --queue',
  'import/bad-line': 'سطر ليس مستندًا معالجًا',
  'api/url-dropped': 'العنوان ليس http(s) فأُهمل',
};

/** The Arabic explanation of a rule code, or undefined when none is known (in English mode too). */
export function reasonExplained(ruleId: string, lang: Lang): string | undefined {
  return lang === 'ar' ? REASON_AR[ruleId] : undefined;
}
