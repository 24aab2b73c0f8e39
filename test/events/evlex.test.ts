// Lexicon breadth for the weak event types (issue 4, worktree evlex): AID, COOPERATE, MOBILIZE,
// SANCTION, REJECT, CONCEDE, RETREAT as wire copy words them (the `# evlex:` block of
// data/events/triggers.tsv). Every sentence is our own writing; each positive names the type, the
// source and the word the trigger must hold; beside them, senses of the same words that are no
// such event (some read on ANT leads, rewritten in our own words).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EventRecord } from '../../src/model.ts';
import { pipelineEvents } from './pipeline.ts';

const events = (text: string): EventRecord[] => pipelineEvents(text, '2026-03-10');

/** [sentence, type, source country (or sector when the source has none), a word of the trigger] */
type Case = [string, string, string, string];

function check(cases: Case[]): void {
  for (const [text, type, country, word] of cases) {
    const es = events(text);
    const got = es.find((e) => e.type === type && e.trigger.text.includes(word));
    assert.ok(
      got,
      `${text}\n  no ${type} on «${word}»: ${JSON.stringify(es.map((e) => [e.type, e.trigger.text]))}`,
    );
    assert.ok(
      got.source.some((a) => a.country === country || (!a.country && a.sector === country)),
      `${text}\n  ${type} source ${JSON.stringify(got.source)}, expected ${country}`,
    );
  }
}

function none(cases: Array<[string, string]>): void {
  for (const [text, type] of cases) {
    const es = events(text);
    const bad = es.filter((e) => e.type === type);
    assert.equal(
      bad.length,
      0,
      `${text}\n  unexpected ${type}: ${JSON.stringify(bad.map((e) => e.trigger.text))}`,
    );
  }
}

test('AID: relief shipped, rescue teams, money set aside, funding, military and humanitarian support, supplies', () => {
  check([
    ['أرسلت تركيا أمس شحنات من القمح إلى السودان.', 'AID', 'TUR', 'شحنات'],
    ['أرسلت الجزائر فرق إنقاذ إلى المغرب بعد الزلزال.', 'AID', 'DZA', 'فرق'],
    ['وصلت شحنة لقاحات صينية إلى كينيا.', 'AID', 'CHN', 'شحنة'],
    ['خصصت الكويت 10 ملايين دولار لإغاثة متضرري الفيضانات في باكستان.', 'AID', 'KWT', 'خصصت'],
    ['قدمت اليابان تمويلا بقيمة 50 مليون دولار لمصر.', 'AID', 'JPN', 'تمويلا'],
    ['منحت السعودية الأردن قرضا بقيمة 100 مليون دولار.', 'AID', 'SAU', 'قرضا'],
    ['قدمت بريطانيا دعما عسكريا لأوكرانيا.', 'AID', 'GBR', 'دعما'],
    ['زودت الإمارات لبنان بالأدوية.', 'AID', 'ARE', 'زودت'],
    ['قدمت السعودية دعما إنسانيا لليمن.', 'AID', 'SAU', 'دعما'],
  ]);
  // handing in a resignation gives nothing; food prices, a commercial wheat cargo, a municipal budget,
  // a domestic subsidy are no aid
  none([
    ['قدم وزير الداخلية استقالته إلى رئيس الحكومة.', 'AID'],
    ['ارتفعت أسعار المواد الغذائية في الأسواق المحلية.', 'AID'],
    ['وصلت شحنة من القمح المستورد إلى ميناء بنزرت.', 'AID'],
    ['خصصت البلدية مبلغا لتهيئة الطرقات.', 'AID'],
    ['قدمت الوزارة دعما للفلاحين المتضررين من الجفاف.', 'AID'],
    // equipment to refuel aircraft in the air
    ['اشترت القوات الجوية عتادا لتزويد الطائرات بالوقود في الجو.', 'AID'],
    ['أوقف بتهمة تقديم الدعم اللوجستي للإرهابيين.', 'AID'],
  ]);
});

test('COOPERATE: exercises with a partner, intelligence shared, training of another state’s troops, taking part in exercises', () => {
  check([
    ['أجرت القوات المصرية تدريبات مع نظيرتها السعودية.', 'COOPERATE', 'EGY', 'تدريبات'],
    ['دربت تركيا جنودا صوماليين في قاعدتها بمقديشو.', 'COOPERATE', 'TUR', 'دربت'],
    ['تبادلت الأردن والعراق المعلومات الأمنية حول الخلايا الإرهابية.', 'COOPERATE', 'JOR', 'تبادلت'],
    ['شاركت القوات المغربية في مناورات الأسد الأفريقي مع الجيش الأمريكي.', 'COOPERATE', 'MAR', 'مناورات'],
  ]);
  // an operating theatre and a party's joint leadership are no joint operation
  none([
    ['تابع الأطباء العملية مباشرة من غرفة العمليات.', 'COOPERATE'],
    ['اقترح الحزب اسمين لتولي القيادة المشتركة للحركة.', 'COOPERATE'],
  ]);
});

test('MOBILIZE: reinforcements pushed and brought in, forces moved, reserves called up, alert declared, general call-up', () => {
  check([
    ['دفع الجيش السوري بتعزيزات عسكرية إلى ريف إدلب.', 'MOBILIZE', 'SYR', 'دفع'],
    ['استقدمت إسرائيل وحدات إضافية إلى الحدود مع لبنان.', 'MOBILIZE', 'ISR', 'استقدمت'],
    ['حركت روسيا دبابات نحو الحدود الأوكرانية.', 'MOBILIZE', 'RUS', 'حركت'],
    ['استدعت إسرائيل آلاف جنود الاحتياط.', 'MOBILIZE', 'ISR', 'الاحتياط'],
    ['أعلنت إيران حالة التأهب القصوى في قواتها الجوية.', 'MOBILIZE', 'IRN', 'أعلنت'],
    ['أعلن الحوثيون النفير العام في مناطق سيطرتهم.', 'MOBILIZE', 'YEM', 'النفير'],
  ]);
  // publishing a report, paying a price, the price paid by the fallen deploy nothing
  none([
    ['نشرت الصحيفة تقريرا مطولا عن الانتخابات.', 'MOBILIZE'],
    ['دفع المواطن ثمن السيارة نقدا.', 'MOBILIZE'],
    ['أشاد الحزب بالتضحيات التي يدفعها الجرحى من القوات الأمنية.', 'MOBILIZE'],
    // «دفع بـ» is also "prompt": units prompted to fire are not sent
    ['حاول المعتصمون اقتحام المحطة مما دفع بوحدات الجيش إلى إطلاق طلقات تحذيرية.', 'MOBILIZE'],
  ]);
});

test('SANCTION: persona non grata, recognition withdrawn, boycott, relations suspended, aid stopped, imports banned, ultimatums, designation, visas', () => {
  check([
    ['علقت النيجر علاقاتها مع فرنسا.', 'SANCTION', 'NER', 'علقت'],
    ['أوقفت الولايات المتحدة المساعدات لإثيوبيا.', 'SANCTION', 'USA', 'أوقفت'],
    ['حظرت الصين استيراد المنتجات اليابانية.', 'SANCTION', 'CHN', 'حظرت'],
    ['أمهلت الجزائر السفير الفرنسي 48 ساعة لمغادرة البلاد.', 'SANCTION', 'DZA', 'أمهلت'],
    ['اعتبرت موسكو الدبلوماسي الأمريكي شخصا غير مرغوب فيه.', 'SANCTION', 'RUS', 'مرغوب'],
    ['سحبت غانا اعترافها بالجمهورية الصحراوية.', 'SANCTION', 'GHA', 'اعترافها'],
    ['قاطعت تركيا المنتجات الفرنسية.', 'SANCTION', 'TUR', 'قاطعت'],
    ['خفضت الرباط مستوى التمثيل الدبلوماسي مع برلين.', 'SANCTION', 'MAR', 'خفضت'],
    ['صنفت الولايات المتحدة جماعة الحوثي منظمة إرهابية.', 'SANCTION', 'USA', 'صنفت'],
    ['علقت فرنسا منح التأشيرات للجزائريين.', 'SANCTION', 'FRA', 'التأشيرات'],
  ]);
  // lifting a ban eases it; a price freeze, a sales ban at stadiums, a coach's comment, classes
  // suspended beside talks resumed, an attack classed as terrorist are no sanction
  none([
    ['رفعت الولايات المتحدة الحظر المفروض على صادرات الأسلحة إلى فيتنام.', 'SANCTION'],
    ['قررت الحكومة تجميد الأسعار حتى نهاية العام.', 'SANCTION'],
    ['منعت الوزارة بيع المشروبات في الملاعب.', 'SANCTION'],
    ['علق المدرب على نتيجة المباراة.', 'SANCTION'],
    ['أعلنت النقابة تعليق الدروس واستئناف جلسات المفاوضات الاجتماعية.', 'SANCTION'],
    ['قتل ثلاثة أشخاص في الهجوم الذي صنفته الشرطة إرهابيا.', 'SANCTION'],
  ]);
});

test('REJECT: a vote against, defiance, calls ignored, a refusal to hand over, «لن نقبل»', () => {
  check([
    ['صوتت روسيا ضد مشروع القرار في مجلس الأمن.', 'REJECT', 'RUS', 'صوتت'],
    ['تحدت كوريا الشمالية العقوبات الدولية.', 'REJECT', 'PRK', 'تحدت'],
    ['تجاهلت إسرائيل دعوات الأمم المتحدة.', 'REJECT', 'ISR', 'تجاهلت'],
    ['امتنعت طالبان عن تسليم المطلوبين إلى باكستان.', 'REJECT', 'AFG', 'امتنعت'],
    ['قال الرئيس الإيراني: لن نقبل بأي شروط مسبقة.', 'REJECT', 'IRN', 'نقبل'],
  ]);
  // an abstention and a talk about challenges reject nothing
  none([
    ['امتنع النائب عن التصويت على القانون.', 'REJECT'],
    ['تحدث الرئيس عن التحديات الاقتصادية.', 'REJECT'],
    // a tally of votes («صوت» is also the noun "vote")
    ['انتهت الجلسة بتسجيل 150 صوت مع و20 ضد.', 'REJECT'],
    // two people defying their families' warnings
    ['تحدى الخطيبان تحذيرات الأهل وأقاما حفل الزفاف.', 'REJECT'],
  ]);
});

test('CONCEDE: hostages handed over or returned, curfew lifted, access allowed, demands met, concessions, conditions dropped', () => {
  check([
    ['سلمت حماس الرهائن إلى الصليب الأحمر.', 'CONCEDE', 'PSE', 'سلمت'],
    ['أعادت روسيا الأسرى الأوكرانيين عبر الحدود.', 'CONCEDE', 'RUS', 'أعادت'],
    ['رفعت السلطات المصرية حظر التجول في سيناء.', 'CONCEDE', 'EGY', 'حظر'],
    ['سمحت إسرائيل بدخول المساعدات إلى غزة.', 'CONCEDE', 'ISR', 'سمحت'],
    ['استجابت الحكومة التونسية لمطالب المحتجين.', 'CONCEDE', 'TUN', 'استجابت'],
    ['قدمت كييف تنازلات لموسكو.', 'CONCEDE', 'UKR', 'تنازلات'],
    ['تخلت واشنطن عن شروطها المسبقة للحوار مع طهران.', 'CONCEDE', 'USA', 'تخلت'],
  ]);
  // awards handed out, registration reopened, a building that meets safety conditions yield nothing
  none([
    ['سلم الوزير الجوائز للفائزين.', 'CONCEDE'],
    ['أعادت الوزارة فتح باب التسجيل للطلبة.', 'CONCEDE'],
    // concessions named as a requirement are no concession made
    ['قال الوزير إن التوافق حول الميزانية يقتضي تقديم تنازلات من جميع الأطراف.', 'CONCEDE'],
    ['أغلقت الشرطة مسلخا لا يستجيب للشروط الصحية.', 'CONCEDE'],
    // raising fees («رفع الرسوم» is also "raise"), a fare cut, repatriating a citizen's remains
    ['قررت الجامعة رفع الرسوم الدراسية للطلبة الأجانب.', 'CONCEDE'],
    ['أعلنت الشركة التخفيض بنسبة 30 بالمائة في التعريفة خلال الصيف.', 'CONCEDE'],
    ['تكفلت الوزارة بإعادة رفات المهاجر إلى مسقط رأسه.', 'CONCEDE'],
  ]);
});

test('RETREAT: forces evacuated, bases vacated, forces reduced or leaving, arms handed in, demobilization, surrender', () => {
  check([
    ['أجلت فرنسا قواتها من النيجر.', 'RETREAT', 'FRA', 'أجلت'],
    ['أخلت القوات الأمريكية قاعدة التنف.', 'RETREAT', 'USA', 'أخلت'],
    ['قلصت ألمانيا قواتها في العراق.', 'RETREAT', 'DEU', 'قلصت'],
    ['سلم المسلحون أسلحتهم للجيش اللبناني.', 'RETREAT', 'LBN', 'سلم'],
    ['بدأت الحكومة السودانية تسريح المقاتلين في دارفور.', 'RETREAT', 'SDN', 'تسريح'],
    ['غادرت القوات الفرنسية قاعدتها الأخيرة في تشاد.', 'RETREAT', 'FRA', 'غادرت'],
  ]);
  // a surrender names who gave in before whom: the side surrendered to is the target
  const [sur] = events('استسلم مئات المقاتلين للقوات الأوكرانية.').filter((e) => e.type === 'RETREAT');
  assert.ok(
    sur?.target.some((a) => a.country === 'UKR'),
    JSON.stringify(sur),
  );
  // prices falling, a president travelling, a guest on air, guards leaving their posts are no retreat
  none([
    ['تراجعت أسعار النفط في الأسواق العالمية.', 'RETREAT'],
    ['غادر الرئيس البلاد متوجها إلى باريس.', 'RETREAT'],
    ['حل الوزير ضيفا على البرنامج الإذاعي.', 'RETREAT'],
    ['اضطر أعوان الحراسة إلى إخلاء مواقع العمل.', 'RETREAT'],
    // security forces evacuating residents; a patient leaving hospital; migrants told to leave by force
    ['أجلت قوات الأمن سكان المبنى بعد الحريق.', 'RETREAT'],
    ['غادر الآخر المستشفى في نفس الليلة.', 'RETREAT'],
    ['قالت المستشارة إن على المهاجرين المغادرة بالقوة إن لزم الأمر.', 'RETREAT'],
    // a state handing weapons to a militia arms it; it does not disarm
    ['اتهم النائب قطر بأنها سلّمت الأسلحة لميليشيات متطرفة.', 'RETREAT'],
    // giving in to sleep
    ['هدأت الرضيعة ثم استسلمت للنوم.', 'RETREAT'],
  ]);
});

test('forms beside the base ones: jussive, indefinite, possessive, relative clause, units sent', () => {
  check([
    ['قال الرئيس إن الجيش الإيراني في حالة تأهب قصوى.', 'MOBILIZE', 'IRN', 'تأهب'],
    ['قررت نيجيريا إرسال كتيبة إلى غامبيا.', 'MOBILIZE', 'NGA', 'كتيبة'],
    ['أعلنت كندا أنها ستلغي الرسوم على السيارات المكسيكية.', 'CONCEDE', 'CAN', 'الرسوم'],
    ['قررت الجزائر تعليق صادرات الغاز إلى إسبانيا.', 'SANCTION', 'DZA', 'صادرات'],
    ['انتقد الوزير الرسوم الجمركية التي فرضتها واشنطن على الصين.', 'SANCTION', 'USA', 'فرضتها'],
    ['سلمت السلطات الإسبانية إلى فرنسا ثلاثة من الموقوفين.', 'COOPERATE', 'ESP', 'الموقوفين'],
    ['وصلت دفعة من المدربين العسكريين الأتراك إلى الصومال.', 'COOPERATE', 'TUR', 'المدربين'],
  ]);
  // «لم تستدع» is the jussive of «تستدعي»: a summons denied
  const es = events('أغلقت بولندا المعبر الحدودي لكنها لم تستدع سفيرها من مينسك.');
  const s = es.find((e) => e.type === 'SANCTION' && e.trigger.text.includes('تستدع'));
  assert.ok(s, JSON.stringify(es.map((e) => [e.type, e.trigger.text])));
  assert.equal(s.negated, true);
});
