/**
 * Synthetic Arabic news articles (our own sentences, combined by a seeded generator) as
 * JSONL lines, for the reliability tests and scripts: distinct texts with stable ids.
 */

import { mulberry32 } from '../../src/text/random.ts';

const SUBJECTS = [
  'وزير الخارجية',
  'رئيس الوزراء',
  'المتحدث باسم الحكومة',
  'وفد برلماني',
  'محافظ البنك المركزي',
  'وزير الزراعة',
  'نقابة المعلمين',
  'رئيس البلدية',
  'قائد الشرطة',
  'مدير الميناء',
  'وزيرة الصحة',
  'اتحاد الغرف التجارية',
];
const VERBS = ['أعلن', 'أكد', 'نفى', 'بحث', 'افتتح', 'انتقد', 'رحب', 'طالب', 'وقع', 'استقبل'];
const OBJECTS = [
  'خطة جديدة لدعم المزارعين',
  'اتفاقا لتوسيع التبادل التجاري',
  'زيادة رواتب العاملين في القطاع العام',
  'مشروعا لتحلية مياه البحر',
  'إجراءات لخفض أسعار الخبز',
  'برنامجا لتدريب الشباب على المهن التقنية',
  'تقريرا عن أوضاع المستشفيات الحكومية',
  'مبادرة لإعادة تأهيل الطرق الريفية',
  'قرارا بتمديد ساعات العمل في المعابر',
  'حملة لمكافحة التهريب على الحدود',
];
const PLACES = [
  'عمّان',
  'تونس',
  'الرباط',
  'بيروت',
  'مسقط',
  'الدوحة',
  'القاهرة',
  'بغداد',
  'الخرطوم',
  'نواكشوط',
];
const DAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'];
const CLOSERS = [
  'وأشار إلى أن التنفيذ سيبدأ خلال الأشهر المقبلة بالتعاون مع السلطات المحلية.',
  'وقال إن الحكومة تتابع الملف عن قرب وستعلن التفاصيل في مؤتمر صحفي.',
  'ولفت مراقبون إلى أن الخطوة تأتي بعد أسابيع من الاحتجاجات في عدد من المدن.',
  'ودعت منظمات المجتمع المدني إلى نشر الأرقام كاملة أمام الرأي العام.',
  'وأضاف أن الميزانية المخصصة تبلغ نحو مئتي مليون دولار على ثلاث سنوات.',
  'وتوقع خبراء اقتصاديون أن ينعكس القرار على الأسواق في وقت قريب.',
];

/** The shared seeded PRNG (src/text/random.ts). */
export const prng = mulberry32;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

export interface SyntheticArticle {
  id: string;
  outlet: string;
  title: string;
  published: string;
  text: string;
}

export function syntheticArticle(i: number, seed = 1): SyntheticArticle {
  const r = prng(seed * 100_003 + i);
  const place = pick(r, PLACES);
  const subject = pick(r, SUBJECTS);
  const title = `${subject} ${pick(r, VERBS)} ${pick(r, OBJECTS)} في ${place}`;
  const paras: string[] = [];
  const n = 4 + Math.floor(r() * 4);
  paras.push(
    `${place} - ${pick(r, VERBS)} ${subject} يوم ${pick(r, DAYS)} ${pick(r, OBJECTS)}، في خطوة هي الأولى من نوعها منذ ${2 + (i % 17)} سنوات، بحسب بيان رقم ${1000 + i}.`,
  );
  for (let k = 1; k < n; k++)
    paras.push(
      `${pick(r, VERBS)} ${pick(r, SUBJECTS)} في ${pick(r, PLACES)} ${pick(r, OBJECTS)}. ${pick(r, CLOSERS)} ${pick(r, CLOSERS)}`,
    );
  const day = 1 + (i % 28);
  return {
    id: `syn-${seed}-${i}`,
    outlet: pick(r, ['صحيفة الأفق', 'وكالة المدار', 'موقع النهار الجديد']),
    title,
    published: `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}T08:00:00Z`,
    text: paras.join('\n\n'),
  };
}

/** `n` articles as JSONL (one object a line). */
export function syntheticJsonl(n: number, seed = 1): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) lines.push(JSON.stringify(syntheticArticle(i, seed)));
  return `${lines.join('\n')}\n`;
}
