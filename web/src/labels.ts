/** Arabic labels for codes the API returns. */
export const PLOVER_AR: Record<string, string> = {
  AGREE: 'اتفاق',
  CONSULT: 'تشاور',
  SUPPORT: 'تأييد',
  CONCEDE: 'تنازل',
  COOPERATE: 'تعاون',
  AID: 'مساعدة',
  RETREAT: 'انسحاب',
  REQUEST: 'طلب',
  ACCUSE: 'اتهام',
  REJECT: 'رفض',
  THREATEN: 'تهديد',
  PROTEST: 'احتجاج',
  SANCTION: 'عقوبات',
  MOBILIZE: 'تعبئة',
  COERCE: 'إكراه',
  ASSAULT: 'اعتداء',
};

export const ENTITY_TYPE_AR: Record<string, string> = {
  PERS: 'شخص',
  ORG: 'منظمة',
  LOC: 'مكان',
  GPE: 'دولة',
  POST: 'منصب',
  MISC: 'أخرى',
};

export const MODALITY_AR: Record<string, string> = {
  happened: 'وقع',
  intended: 'مُزمع',
  denied: 'منفيّ',
  conditional: 'مشروط',
};

export const SECTION_AR: Record<string, string> = {
  why_it_matters: 'أهمية الخبر',
  big_picture: 'الصورة العامة',
  what_they_say: 'ماذا يقولون',
  key_points: 'النقاط الرئيسية',
  deeper_look: 'نظرة أعمق',
  latest: 'أحدث المعلومات',
  details: 'تفاصيل الخبر',
  other: 'أخرى',
};

/** Common ISO 3166-1 alpha-3 codes in Arabic (the API's own labels win when present). */
const COUNTRY_AR: Record<string, string> = {
  IRN: 'إيران',
  PAK: 'باكستان',
  SAU: 'السعودية',
  ISR: 'إسرائيل',
  PSE: 'فلسطين',
  EGY: 'مصر',
  JOR: 'الأردن',
  SYR: 'سوريا',
  IRQ: 'العراق',
  LBN: 'لبنان',
  TUN: 'تونس',
  DZA: 'الجزائر',
  MAR: 'المغرب',
  LBY: 'ليبيا',
  USA: 'الولايات المتحدة',
  RUS: 'روسيا',
  CHN: 'الصين',
  TUR: 'تركيا',
  QAT: 'قطر',
  ARE: 'الإمارات',
  YEM: 'اليمن',
  OMN: 'عُمان',
  KWT: 'الكويت',
  BHR: 'البحرين',
  SDN: 'السودان',
  AFG: 'أفغانستان',
  IND: 'الهند',
  FRA: 'فرنسا',
  GBR: 'المملكة المتحدة',
  DEU: 'ألمانيا',
};

export function countryAr(code: string, label?: string): string {
  return label ?? COUNTRY_AR[code] ?? code;
}

const arNum = new Intl.NumberFormat('ar');
export function num(n: number): string {
  return arNum.format(n);
}

/** Cooperation (+10, green) to conflict (−10, red). */
export function scoreColour(score: number): string {
  const t = Math.max(-1, Math.min(1, score / 10));
  const hue = t >= 0 ? 120 * t : 0;
  const light = 45 - 10 * Math.abs(t);
  const sat = 70 * Math.abs(t);
  return `hsl(${Math.round(hue)}, ${Math.round(sat)}%, ${Math.round(light)}%)`;
}

/** A cooperation–conflict score with one decimal, in Arabic digits. */
export function score(n: number): string {
  return num(Math.round(n * 10) / 10);
}

export function periodAr(p: string): string {
  return p === 'unknown' ? 'غير مؤرَّخ' : p;
}
