/**
 * English names of organizations no list knows («شركة الراية للاستثمار» → "Al-Raya Investment
 * Company", «مؤسسة البترول الكويتية» → "Kuwait Petroleum Corporation", «المنظمة العالمية للسياحة»
 * → "World Tourism Organization"): the head noun, its adjectives and its field translated from
 * short lists, the proper name in between transliterated (its article as "Al-"), in the English
 * order — proper name, country, adjectives, field, head. Where a word is neither in the lists
 * nor in the proper name's place, there is no English name: a raw transliteration of common
 * words («Sharka … Lalastathmar») reads worse than the Arabic the caller then shows.
 */
import { lightKey } from './gazetteer/lexicon.ts';
import { transliterate } from '../text/transliterate.ts';

const table = (rows: string): Map<string, string> =>
  new Map(
    rows
      .trim()
      .split('\n')
      .flatMap((line) => {
        const [en, ar] = line.split(':');
        return ar!
          .trim()
          .split(/\s+/)
          .map((w) => [lightKey(w.replace(/_/g, ' ')), en!.trim()] as [string, string]);
      }),
  );

/** Head nouns (without the article). */
const HEADS = table(`
Company: شركة
Corporation: مؤسسة
Group: مجموعة
Bank: بنك مصرف
Authority: هيئة
Organization: منظمة
Association: جمعية
Center: مركز
Union: اتحاد نقابة
Council: مجلس
University: جامعة
Institute: معهد
Committee: لجنة
League: رابطة
Observatory: مرصد
Forum: منتدى
Chamber: غرفة
Agency: وكالة
Fund: صندوق
Party: حزب
Movement: حركة
Club: نادي
Office: مكتب ديوان
Front: جبهة
Coalition: ائتلاف
Alliance: تحالف
`);

/** Fields a name gives in «لـ» or in construct (without the article; a few of two words). */
const FIELDS = table(`
Investment: استثمار استثمارات
Technology: تقنية تكنولوجيا تقنيات
Contracting: مقاولات
Trading: تجارة
Development: تطوير تنمية
Real Estate: عقارات
Insurance: تأمين
Finance: تمويل
Industries: صناعات
Industry: صناعة
Services: خدمات
Oil: نفط
Petroleum: بترول
Energy: طاقة
Telecommunications: اتصالات
Transport: نقل
Aviation: طيران
Tourism: سياحة
Media: إعلام
Consulting: استشارات
Studies: دراسات
Research: بحوث أبحاث
Construction: إنشاءات بناء
Engineering: هندسة
Foods: أغذية
Health: صحة
Education: تعليم
Culture: ثقافة
Sports: رياضة
Shipping: شحن
Ports: موانئ
Electricity: كهرباء
Water: مياه
Housing: إسكان
Agriculture: زراعة
Environment: بيئة
Security: أمن
Logistics: لوجستيات
Pharmaceuticals: أدوية
Cement: إسمنت اسمنت
Steel: حديد صلب
Mining: تعدين
Gas: غاز
Petrochemicals: بتروكيماويات
Software: برمجيات
Marketing: تسويق
Distribution: توزيع
Exchange: صرافة
Human Rights: حقوق_الإنسان حقوق_الانسان
Anti-Corruption: مكافحة_الفساد
Strategic Studies: الدراسات_الاستراتيجية
`);

/** Adjectives (without the article; masculine and feminine). */
const ADJECTIVES = table(`
General: عام عامة
National: وطني وطنية أهلي أهلية
International: دولي دولية
Arab: عربي عربية
United: متحد متحدة
Holding: قابضة
Gulf: خليجي خليجية
Islamic: إسلامي إسلامية
Commercial: تجاري تجارية
Industrial: صناعي صناعية
Agricultural: زراعي زراعية
Real Estate: عقاري عقارية
Financial: مالي مالية
Investment: استثماري استثمارية
Medical: طبي طبية
Modern: حديث حديثة
Advanced: متطور متطورة متقدم متقدمة
World: عالمي عالمية
Independent: مستقل مستقلة
Supreme: أعلى عليا
Grand: كبرى
Unified: موحد موحدة
Joint: مشترك مشتركة
Free: حر حرة
Popular: شعبي شعبية
Democratic: ديمقراطي ديمقراطية
Social: اجتماعي اجتماعية
Economic: اقتصادي اقتصادية
Cultural: ثقافي ثقافية
Military: عسكري عسكرية
Central: مركزي مركزية
Regional: إقليمي إقليمية جهوي جهوية
Public: عمومي عمومية
Scientific: علمي علمية
Charitable: خيري خيرية
Cooperative: تعاوني تعاونية
Humanitarian: إنساني إنسانية
Private: خاص خاصة
`);

const bare = (w: string) => {
  const k = lightKey(w);
  return k.startsWith('ال') && k.length > 3 ? k.slice(2) : k;
};

/** «للاستثمار» → «الاستثمار», «لحقوق» → «حقوق»: the word after «لـ» (undefined when none). */
function genitive(w: string): string | undefined {
  const k = lightKey(w);
  if (k.startsWith('لل') && k.length > 4) return k.slice(2);
  if (k.startsWith('ل') && k.length > 3) return k.slice(1);
  return undefined;
}

/**
 * The English name of the organization `ar`, or undefined. `place` gives a country's English
 * name for a demonym or a country's name among its words («الكويتية», «الكويت» → "Kuwait").
 */
export function orgEnglish(ar: string, place: (word: string) => string | undefined): string | undefined {
  const words = ar.trim().split(/\s+/);
  const head = HEADS.get(bare(words[0] ?? ''));
  if (!head || words.length < 2) return undefined;
  const proper: string[] = [];
  const places: string[] = [];
  const adjectives: string[] = [];
  const fields: string[] = [];
  let inField = false;
  for (let k = 1; k < words.length; k++) {
    const w = words[k]!;
    const g = genitive(w);
    const pair = `${bare(g ?? w)} ${bare(words[k + 1] ?? '')}`;
    const two = FIELDS.get(pair) ?? FIELDS.get(`${g ?? lightKey(w)} ${lightKey(words[k + 1] ?? '')}`);
    if (two) {
      fields.push(two);
      inField = true;
      k++;
      continue;
    }
    // «للكهرباء والغاز»: a second field joined by «و» («Electricity and Gas»).
    const joined = inField && /^و/u.test(w) ? FIELDS.get(bare(w.slice(1))) : undefined;
    if (joined) {
      fields.push(`and ${joined}`);
      continue;
    }
    if (g !== undefined && !inField) {
      const f = FIELDS.get(bare(g));
      if (!f) return undefined;
      fields.push(f);
      inField = true;
      continue;
    }
    const p = place(w);
    if (p) {
      places.push(p);
      continue;
    }
    const a = ADJECTIVES.get(bare(w));
    if (a) {
      adjectives.push(a);
      continue;
    }
    const f = FIELDS.get(bare(w));
    if (f && !inField) {
      fields.push(f);
      continue;
    }
    // A proper name right after the head (or after another proper word): «الراية», «النخبة».
    if (
      !inField &&
      fields.length === 0 &&
      adjectives.length === 0 &&
      places.length === 0 &&
      proper.length < 2
    ) {
      proper.push(transliterate(w));
      continue;
    }
    return undefined;
  }
  if (proper.length === 0 && fields.length === 0 && places.length === 0) return undefined;
  return [...proper, ...places, ...adjectives, ...fields, head].join(' ');
}
