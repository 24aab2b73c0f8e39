import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsPost, run, show } from './analyst.ts';

// Tunisian post titles and town names (round entposts): «الكاتب العام لـ…», «كاتب(ة) الدولة
// لدى وزير …», and towns «منزل X», «سيدي X». Every sentence here is written for this test;
// the people named are invented.

test('«الكاتب العام لـ…», «كاتب عام …», «الكاتبة العامة …»: Secretary-General with its body', () => {
  holdsPost(
    'قال الكاتب العام لوزارة التربية محمد الطرابلسي إن الامتحانات ستجرى في موعدها.',
    'محمد الطرابلسي',
    {
      ar: 'الكاتب العام لوزارة التربية',
      en: 'Secretary-General',
    },
  );
  holdsPost('وأكد كاتب عام الاتحاد الجهوي للشغل يوسف العوادني أن الإضراب قائم.', 'يوسف العوادني', {
    ar: 'كاتب عام الاتحاد الجهوي للشغل',
    en: 'Secretary-General',
  });
  holdsPost('وصرحت الكاتبة العامة لنقابة الأطباء سلمى الحمروني بأن الوضع صعب.', 'سلمى الحمروني', {
    ar: 'الكاتبة العامة لنقابة الأطباء',
    en: 'Secretary-General',
  });
});

test('«كاتب الدولة لدى وزير … المكلف بـ…», «كاتبة الدولة لـ…»: Secretary of State', () => {
  holdsPost(
    'والتقى كاتب الدولة لدى وزير الفلاحة المكلف بالموارد المائية عبد الله الرابحي بالمزارعين.',
    'عبد الله الرابحي',
    { ar: 'كاتب الدولة لدى وزير الفلاحة المكلف بالموارد المائية', en: 'Secretary of State' },
  );
  holdsPost('وقالت كاتبة الدولة للشباب مريم الفقي إن الزيارة ناجحة.', 'مريم الفقي', {
    ar: 'كاتبة الدولة للشباب',
    en: 'Secretary of State',
  });
});

/** The LOC and PERS mentions of a text: [surface, entity id]. */
function places(text: string): [string, string, string | undefined][] {
  return run(text)
    .mentions.filter((m) => m.type === 'LOC' || m.type === 'PERS')
    .map((m) => [m.type, m.text, m.entityId]);
}

type Place = [string, string, string | undefined];

/** Each text's LOC and PERS mentions are the ones given. */
function placesAre(cases: [string, Place[]][]): void {
  for (const [text, want] of cases) {
    const got = places(text);
    assert.deepEqual(got, want, `${text}: ${show(got)}`);
  }
}

test('«منزل X», «سيدي X»: Tunisian towns of the gazetteer, no house and no person', () => {
  const cases: [string, Place[]][] = [
    ['وقع حادث مرور في منزل بورقيبة صباح اليوم.', [['LOC', 'منزل بورقيبة', 'city:tun-menzel-bourguiba']]],
    ['وتم افتتاح مصنع جديد بمنزل تميم أمس.', [['LOC', 'منزل تميم', 'city:tun-menzel-temime']]],
    ['وزار السياح قرية سيدي بوسعيد أمس.', [['LOC', 'سيدي بوسعيد', 'city:tun-sidi-bou-said']]],
    ['وخرج الأهالي في مسيرة بسيدي بوعلي.', [['LOC', 'سيدي بوعلي', 'city:tun-sidi-bou-ali']]],
    ['وانطلقت الأشغال في منزل عبد الرحمان أمس.', [['LOC', 'منزل عبد الرحمان', 'city:tun-menzel-abderhaman']]],
  ];
  placesAre(cases);
});

test('«كاتب عام مساعد», «الكاتب العام المساعد»: Deputy Secretary-General', () => {
  holdsPost('وقال كاتب عام مساعد النقابة الأساسية للصحة كمال الخلفاوي إن الإضراب قائم.', 'كمال الخلفاوي', {
    ar: 'كاتب عام مساعد النقابة الأساسية للصحة',
    en: 'Deputy Secretary-General',
  });
  holdsPost(
    'وأكد الكاتب العام المساعد للاتحاد الجهوي للشغل حسين العباسي أن المفاوضات متواصلة.',
    'حسين العباسي',
    {
      ar: 'الكاتب العام المساعد للاتحاد الجهوي للشغل',
      en: 'Deputy Secretary-General',
    },
  );
});

test('«الطريق بين منزل بوزلفة وبني خلاد», «بين قابس و…»: a town after «بين» is the town, not its state', () => {
  for (const [text, want] of [
    [
      'أغلق المحتجون الطريق بين منزل بوزلفة وبني خلاد اليوم.',
      [['LOC', 'منزل بوزلفة', 'city:tun-menzel-bouzelfa']],
    ],
    [
      'أغلق المحتجون الطريق بين قابس ونابل اليوم.',
      [
        ['LOC', 'قابس', 'city:tun-gabes'],
        ['LOC', 'نابل', 'region:tun-nabeul'],
      ],
    ],
  ] as [string, [string, string, string][]][]) {
    const got = places(text);
    assert.deepEqual(got, want, `${text}: ${show(got)}`);
  }
});

test('«سيدي X» after a preposition or a place word, and the towns «سيدي عبد الحميد», «سيدي إفني»: places (round entev2)', () => {
  const cases: [string, Place[]][] = [
    // listed towns (data/gazetteer/src/entities.tsv)
    [
      'واندلعت احتجاجات بمدينة سيدي عبد الحميد الليلة الماضية.',
      [['LOC', 'سيدي عبد الحميد', 'city:tun-sidi-abdelhamid']],
    ],
    ['وعاد الوفد من سيدي إفني أمس.', [['LOC', 'سيدي إفني', 'city:mar-sidi-ifni']]],
    // towns no list knows, after a place word or a preposition of place
    ['وصل الوزير إلى مدينة سيدي سليمان.', [['LOC', 'سيدي سليمان', 'place:sidi-sulaiman']]],
    ['وقعت اشتباكات في سيدي خالد مساء أمس.', [['LOC', 'سيدي خالد', 'place:sidi-khalid']]],
    ['وخرج الأهالي في مسيرة بسيدي علي بن عون.', [['LOC', 'سيدي علي بن عون', 'place:sidi-ali-bin-un']]],
  ];
  placesAre(cases);
  // «سيدي» before a name with no place before it stays a person's
  const said = places('وقال سيدي خالد الهمامي إن الوضع صعب.');
  assert.deepEqual(
    said.map(([type]) => type),
    ['PERS'],
    show(said),
  );
});
