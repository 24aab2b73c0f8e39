/** Credit lines («بقلم …», «كتب: …», «إعداد - …», «بواسطة …», «أجرت الحوار: …»): read by the brief (its byline) and by the ingest (an HTML page's first paragraph). */

/**
 * The cue of a credit line, and how many name words may follow it: «بقلم», «كتب», «إعداد»; a
 * WordPress byline «بواسطة سارة علي»; an interview's «أجرت الحوار: ليلى حسن», «حاورها: …».
 */
const BYLINE_CUE =
  /^(?:(?<by>بقلم)|(?<wrote>كتب|كتبت)|(?<made>إعداد|اعداد|تحرير|متابعة)|(?<via>بواسطة)|(?<talk>(?:أجرى|أجرت|اجرى|اجرت)\s+(?:الحوار|اللقاء|المقابلة|الحديث)|(?:حاور|حاورت)(?:ه|ها|هم|هما)))(?:\s*[:\-–—]\s*|\s+)(?<name>.+)$/u;
const NAME_WORD = /^[\p{L}\p{M}.'’]+$/u;

/**
 * The name a credit line gives («بقلم سارة الخطيب», «كتب: محمد علي», «إعداد - منى حسن»): a
 * trimmed line holding the cue and 1–5 words of letters and nothing else. «كتب»/«كتبت» open
 * sentences too («كتبت الصحيفة افتتاحية …»): after them a colon or dash, or at most three
 * words. Undefined when the line is no credit.
 */
export function creditName(trimmed: string): string | undefined {
  const m = BYLINE_CUE.exec(trimmed);
  if (!m?.groups) return undefined;
  const words = m.groups.name!.split(/\s+/u);
  if (words.length > 5 || !words.every((w) => NAME_WORD.test(w))) return undefined;
  // a colon or a dash between the cue and the name
  const separated = /[:\-–—]\s*$/u.test(m[0].slice(0, m[0].length - m.groups.name!.length));
  if (m.groups.wrote && !separated && words.length > 3) return undefined;
  if (m.groups.made && words.length > 4) return undefined;
  // «بواسطة» opens phrases too («بواسطة طائرة مسيرة.»): a name of at most four words, no full stop
  if (m.groups.via && (words.length > 4 || /[.]$/u.test(m.groups.name!))) return undefined;
  // «حاوره …» without a colon or dash is a sentence («حاورها المذيع طويلا»)
  if (m.groups.talk && !separated) return undefined;
  return m.groups.name!;
}
