/** Arabic test articles written for khabar's tests (own writing, no third-party text). */

import { mulberry32 } from '../../src/text/random.ts';

const SUBJECTS = [
  'وزير الخارجية',
  'رئيس الوزراء',
  'المتحدث باسم الحكومة',
  'وزيرة الاقتصاد',
  'محافظ البنك المركزي',
  'رئيس البرلمان',
  'الأمين العام للجامعة العربية',
  'وزير الزراعة',
];
const VERBS = ['أعلن', 'أكد', 'أوضح', 'قال', 'كشف', 'صرّح'];
const TOPICS = [
  'أن الحكومة ستطلق برنامجا جديدا لدعم المزارعين في المناطق الريفية',
  'أن المفاوضات مع الجانب الآخر بلغت مرحلة متقدمة',
  'أن أسعار الوقود ستبقى على حالها حتى نهاية العام',
  'أن الميناء الجديد سيفتتح في الربيع المقبل',
  'أن البلاد ستستضيف مؤتمرا إقليميا حول المياه',
  'أن خطة الإصلاح الضريبي ستعرض على النواب الأسبوع المقبل',
  'أن التعاون مع دول الجوار في مجال الطاقة سيتوسع',
  'أن عدد السياح ارتفع بنسبة كبيرة مقارنة بالعام الماضي',
  'أن الجامعات ستفتح أبوابها لطلاب المنح الدراسية من الخارج',
  'أن مشروع السكك الحديدية سيربط العاصمة بالمدن الساحلية',
];
const PLACES = ['في العاصمة', 'خلال مؤتمر صحفي', 'في بيان رسمي', 'أمام الصحفيين', 'في مقابلة تلفزيونية'];
const DAYS = ['يوم الأحد', 'يوم الاثنين', 'يوم الثلاثاء', 'يوم الأربعاء', 'يوم الخميس'];

/** The shared seeded PRNG (src/text/random.ts). */
export const rng = mulberry32;

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

/** One sentence, varied by the seed and a running number so articles differ. */
export function sentence(r: () => number, n: number): string {
  return `${pick(r, VERBS)} ${pick(r, SUBJECTS)} ${pick(r, PLACES)} ${pick(r, DAYS)} ${pick(r, TOPICS)}، مشيرا إلى أن العدد بلغ ${Math.floor(r() * 9000) + n} وفق الأرقام الرسمية.`;
}

/** An article of `paragraphs` paragraphs of 2–3 sentences, distinct for each seed. */
export function arabicArticle(seed: number, paragraphs = 4): string {
  const r = rng(seed);
  const out: string[] = [];
  for (let p = 0; p < paragraphs; p++) {
    const k = 2 + Math.floor(r() * 2);
    const s: string[] = [];
    for (let i = 0; i < k; i++) s.push(sentence(r, seed * 100 + p * 10 + i));
    out.push(s.join(' '));
  }
  return out.join('\n\n');
}
