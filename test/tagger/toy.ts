/** A tiny NER training set written for the tagger tests (not ANERcorp): token and tag per word. */
export function toySentences(): Array<{ tokens: string[]; tags: string[] }> {
  return [
    ['زار B-PERS', 'محمد B-PERS', 'سالم I-PERS', 'مدينة O', 'تونس B-LOC', 'أمس O'],
    ['أعلنت O', 'وزارة B-ORG', 'الصحة I-ORG', 'في O', 'تونس B-LOC', 'عن O', 'خطة O'],
    [
      'قال O',
      'أحمد B-PERS',
      'كمال I-PERS',
      'إن O',
      'الاتحاد B-ORG',
      'الأوروبي I-ORG',
      'سيدعم O',
      'المغرب B-LOC',
    ],
    ['التقى O', 'سالم B-PERS', 'بنظيره O', 'في O', 'القاهرة B-LOC', 'لبحث O', 'كأس B-MISC', 'أفريقيا I-MISC'],
    ['وصل O', 'وفد O', 'من O', 'الجزائر B-LOC', 'إلى O', 'الرباط B-LOC'],
  ].map((lines) => ({
    tokens: lines.map((l) => l.split(' ')[0]!),
    tags: lines.map((l) => l.split(' ')[1]!),
  }));
}
