/**
 * A number with its noun, in Arabic or English — one table for the CLI and the web app. Arabic
 * agrees with the number: one and two are said by the noun alone («خبر واحد», «خبران»), 3–10 take
 * the plural («5 أخبار»), 11–99 the accusative singular («15 خبرًا»), 0 and hundreds the genitive
 * singular («100 خبر»); English "1 article", "5 articles".
 */
const NOUNS = {
  article: {
    one: 'خبر واحد',
    two: 'خبران',
    few: 'أخبار',
    many: 'خبرًا',
    other: 'خبر',
    en: ['article', 'articles'],
  },
  outlet: {
    one: 'منفذ واحد',
    two: 'منفذان',
    few: 'منافذ',
    many: 'منفذًا',
    other: 'منفذ',
    en: ['outlet', 'outlets'],
  },
  story: { one: 'قصة واحدة', two: 'قصتان', few: 'قصص', many: 'قصة', other: 'قصة', en: ['story', 'stories'] },
  event: { one: 'حدث واحد', two: 'حدثان', few: 'أحداث', many: 'حدثًا', other: 'حدث', en: ['event', 'events'] },
  item: {
    one: 'عنصر واحد',
    two: 'عنصران',
    few: 'عناصر',
    many: 'عنصرًا',
    other: 'عنصر',
    en: ['item', 'items'],
  },
  dyad: {
    one: 'ثنائية واحدة',
    two: 'ثنائيتان',
    few: 'ثنائيات',
    many: 'ثنائيةً',
    other: 'ثنائية',
    en: ['dyad', 'dyads'],
  },
  // The relations graph's label for screen readers (it said «6 فاعلًا و8 علاقة», "1 actors").
  actor: {
    one: 'فاعل واحد',
    two: 'فاعلان',
    few: 'فاعلين',
    many: 'فاعلًا',
    other: 'فاعل',
    en: ['actor', 'actors'],
  },
  relation: {
    one: 'علاقة واحدة',
    two: 'علاقتان',
    few: 'علاقات',
    many: 'علاقةً',
    other: 'علاقة',
    en: ['relation', 'relations'],
  },
  result: {
    one: 'نتيجة واحدة',
    two: 'نتيجتان',
    few: 'نتائج',
    many: 'نتيجة',
    other: 'نتيجة',
    en: ['result', 'results'],
  },
} as const;

export type CountedNoun = keyof typeof NOUNS;

const arPlural = new Intl.PluralRules('ar');

/** `n` with its noun; `digits` writes the number (the web app's locale digits; plain by default). */
export function countedNoun(
  n: number,
  noun: CountedNoun,
  lang: 'ar' | 'en',
  digits: (n: number) => string = String,
): string {
  const f = NOUNS[noun];
  if (lang === 'en') return `${digits(n)} ${n === 1 ? f.en[0] : f.en[1]}`;
  const cat = arPlural.select(n);
  if (cat === 'one' || cat === 'two') return f[cat];
  return `${digits(n)} ${cat === 'few' ? f.few : cat === 'many' ? f.many : f.other}`;
}
