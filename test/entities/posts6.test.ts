import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holder, holdsPost, run, show } from './analyst.ts';

// Post shapes of issue #3 that no rule read before (sixth round): military ranks with their
// service, emirs of a country, a province or a group, appointments and candidacies, and the
// qualifiers «السابق», «الأسبق», «نائب». Every sentence here is written for this test; the
// people named are invented (countries, cities and armies are only there as what the post is of).

const holds = holdsPost;

test('a rank «في» a service: the service is the post’s organization, its demonym the country', () => {
  const text = 'وصرح الجنرال في الجيش الباكستاني نعيم أختر بأن الحدود آمنة.';
  holds(text, 'نعيم أختر', {
    ar: 'الجنرال في الجيش الباكستاني',
    en: 'General in the Army of Pakistan',
    country: 'PAK',
    sector: 'MIL',
  });
  const army = run(text).mentions.find((m) => m.type === 'ORG');
  assert.equal(army?.text, 'الجيش الباكستاني', 'the army is an organization of its own');
  assert.equal(army?.entityId, 'org:army-pak');
  holds('وقال الجنرال في سلاح الجو الأمريكي مايكل هارت إن الطائرات عادت.', 'مايكل هارت', {
    ar: 'الجنرال في سلاح الجو الأمريكي',
    en: 'General in the Air Force of United States',
    country: 'USA',
    sector: 'MIL',
  });
  holds('وأكد اللواء في القوات المسلحة المصرية سامح عبد الرحيم أن الحدود آمنة.', 'سامح عبد الرحيم', {
    ar: 'اللواء في القوات المسلحة المصرية',
    en: 'Major General in the Armed Forces of Egypt',
    country: 'EGY',
    sector: 'MIL',
  });
  // A rank and a demonym: an officer of that country.
  holds('وقال الجنرال الأمريكي جيمس ويلسون إن القوات ستبقى.', 'جيمس ويلسون', {
    ar: 'الجنرال الأمريكي',
    en: 'General',
    country: 'USA',
    sector: 'MIL',
  });
  // A rank and then the command the officer holds: the command is the post.
  holds('وأكد اللواء سمير الخطيب قائد القوات البرية أن الوضع تحت السيطرة.', 'سمير الخطيب', {
    ar: 'قائد القوات البرية',
    en: 'Commander of the Ground Forces',
    sector: 'MIL',
  });
  // «الفريق» is also «the team»: with a demonym it stays no post.
  const team = run('وفاز الفريق الأمريكي على منافسه في النهائي.');
  assert.deepEqual(
    team.mentions.filter((m) => m.type === 'POST' || m.type === 'PERS').map((m) => m.text),
    [],
    show(team.mentions),
  );
});

test('an emir of a country, of a province, of a group', () => {
  holds('واستقبل أمير قطر الشيخ حمد بن سالم آل ثاني وفدا من رجال الأعمال.', 'حمد بن سالم آل ثاني', {
    ar: 'أمير قطر',
    en: 'Emir',
    country: 'QAT',
  });
  holds('وافتتح أمير منطقة الرياض الأمير فهد بن مشعل المعرض الدولي.', 'فهد بن مشعل', {
    ar: 'أمير منطقة الرياض',
    en: 'Governor of the Riyadh Region',
    country: 'SAU',
    sector: 'GOV',
  });
  // With only a demonym, a prince; «الأمير» before a given name is his title, and the name
  // goes on through «عبد العزيز».
  holds('وكشف الأمير السعودي طلال بن عبد العزيز أن القرار قريب.', 'طلال بن عبد العزيز', {
    ar: 'الأمير السعودي',
    en: 'Prince',
    country: 'SAU',
  });
  // A city in construct: the emir governs the city's province, not the state.
  holds('وزار أمير الرياض الأمير خالد بن ناصر المستشفى الجديد.', 'خالد بن ناصر', {
    ar: 'أمير الرياض',
    en: 'Governor of Riyadh',
    country: 'SAU',
  });
  // A group's emir: the group's name in quotes, before or after the name.
  holds('وأعلن التنظيم مقتل أمير كتيبة "الفرقان" صابر الدغاري في الغارة.', 'صابر الدغاري', {
    ar: 'أمير كتيبة "الفرقان"',
    en: 'Emir',
    sector: 'REB',
  });
  holds('وأكد البيان مقتل صابر الدغاري أمير كتيبة "الفرقان" في الغارة.', 'صابر الدغاري', {
    ar: 'أمير كتيبة "الفرقان"',
    en: 'Emir',
    sector: 'REB',
  });
  // A nom de guerre in quotes.
  holds('وأكد البيان مقتل "أبو عمار الخليلي" أمير كتيبة "الفرقان" في الغارة.', 'أبو عمار الخليلي', {
    ar: 'أمير كتيبة "الفرقان"',
    sector: 'REB',
  });
});

test('an appointment: the post the person is appointed to, marked designate', () => {
  holds('وأعلن القصر تعيين كريم بن سالم، رئيسا للوزراء خلفا لسلفه.', 'كريم بن سالم', {
    ar: 'رئيسا للوزراء',
    en: 'Prime Minister-designate',
    status: 'designate',
  });
  holds('وعُيّن فؤاد الهاشمي وزيرا للخارجية في التعديل الوزاري.', 'فؤاد الهاشمي', {
    ar: 'وزيرا للخارجية',
    en: 'Minister of Foreign Affairs-designate',
    status: 'designate',
  });
  holds('وعينت الحكومة منير الجلاصي سفيرا لدى اليابان.', 'منير الجلاصي', {
    ar: 'سفيرا لدى اليابان',
    en: 'Ambassador to Japan-designate',
    status: 'designate',
  });
  // The country inside the post is a mention of its own, as in any post.
  assert.ok(
    run('وعينت الحكومة منير الجلاصي سفيرا لدى اليابان.').mentions.some(
      (m) => m.text === 'اليابان' && m.entityId === 'country:JPN',
    ),
    'Japan is mentioned',
  );
  holds('وقرر المجلس تعيين سلوى العامري مديرة عامة للديوان الوطني للتطهير.', 'سلوى العامري', {
    ar: 'مديرة عامة للديوان الوطني للتطهير',
    status: 'designate',
  });
  // «مديرا عاما» is «المدير العام», and goes on through a body no list knows.
  holds('أعلنت الوزارة عن تعيين العميد نادر القماطي مديرا عاما لمؤسسة السجون والاصلاح.', 'نادر القماطي', {
    ar: 'مديرا عاما لمؤسسة السجون والاصلاح',
    en: 'Director General-designate',
    status: 'designate',
  });
  // The post ends where the sentence goes on («خلفا …»), and at the end of a title's line.
  holds('أعلنت الوزارة تعيين فوزي الحجري مديرا عاما للمعهد الوطني للتراث خلفا لفتحي البحري.', 'فوزي الحجري', {
    ar: 'مديرا عاما للمعهد الوطني للتراث',
    status: 'designate',
  });
  // Re-elected: the post is held already, not «-elect» (round entfix).
  holds('إعادة انتخاب سامي الجندوبي امينا عاما لحركة الأمل\nاختتمت حركة الأمل مؤتمرها.', 'سامي الجندوبي', {
    ar: 'امينا عاما لحركة الأمل',
    en: 'Secretary-General',
  });
  holds('تم انتخاب سامي الجندوبي امينا عاما لحركة الأمل في المؤتمر.', 'سامي الجندوبي', {
    ar: 'امينا عاما لحركة الأمل',
    en: 'Secretary-General-elect',
    status: 'elect',
  });
  holds(
    'أعلنت الوزارة عن تعيين السيد منصف القاسمي، رئيسا مديرا عاما للمؤسسة التونسية للأنشطة البترولية، خلفا لسلفه.',
    'منصف القاسمي',
    {
      ar: 'رئيسا مديرا عاما للمؤسسة التونسية للأنشطة البترولية',
      en: 'Chairman and Chief Executive-designate',
      country: 'TUN',
      status: 'designate',
    },
  );
  // Elected: the post is the one the vote gives, marked elect.
  holds('وانتخب المجلس نادر الشريف رئيسا للبرلمان بأغلبية الأصوات.', 'نادر الشريف', {
    ar: 'رئيسا للبرلمان',
    en: 'Speaker of Parliament-elect',
    status: 'elect',
  });
  // Not an appointment: «رئيسا» with no appointing word before the person.
  const { e } = holder('وقال نادر الشريف إنه سيبقى رئيسا للجمعية.', 'نادر الشريف');
  assert.equal(e?.post, undefined, show(e?.post));
});

test('a candidate for a post is not its holder', () => {
  holds('وقال المرشح لمنصب رئيس الجمهورية ماهر الدباغ إنه سيفوز.', 'ماهر الدباغ', {
    ar: 'المرشح لمنصب رئيس الجمهورية',
    en: 'Candidate for President',
    status: 'candidate',
  });
});

test('former and deputy qualifiers stay on the post', () => {
  holds('وصرح نائب رئيس الوزراء العراقي فاضل الجبوري بأن الاتفاق قريب.', 'فاضل الجبوري', {
    ar: 'نائب رئيس الوزراء العراقي',
    en: 'Deputy Prime Minister',
    country: 'IRQ',
  });
  holds('والتقى رئيس الوزراء الأسبق نزار الحمدان عددا من النواب.', 'نزار الحمدان', {
    ar: 'رئيس الوزراء الأسبق',
    en: 'Former Prime Minister',
    status: 'former',
  });
  holds('وانتقد الوزير السابق رشيد القاسمي القرار الجديد.', 'رشيد القاسمي', {
    ar: 'الوزير السابق',
    en: 'Former Minister',
    status: 'former',
  });
  holds('ودعا الرئيس التونسي الأسبق منصف العياري إلى الحوار.', 'منصف العياري', {
    ar: 'الرئيس التونسي الأسبق',
    country: 'TUN',
    status: 'former',
  });
  holds('وقال رئيس الحكومة المكلف حاتم الزواري إن التشكيلة جاهزة.', 'حاتم الزواري', {
    ar: 'رئيس الحكومة المكلف',
    en: 'Prime Minister-designate',
    status: 'designate',
  });
});

test('«الممثل» with only a demonym is an actor, not a representative', () => {
  const { e } = holder('ولقي الممثل الأمريكي جون ماثيوز حتفه في حادث مرور.', 'جون ماثيوز');
  assert.ok(e, 'the actor is read');
  assert.equal(e.post, undefined, show(e.post));
  // With a complement it is still the representative.
  holds('وقال ممثل الأمم المتحدة هانس كولر إن الحوار مستمر.', 'هانس كولر', { ar: 'ممثل الأمم المتحدة' });
});
