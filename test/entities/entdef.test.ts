// Entity defects of round entdef: an international NGO given the article's country in the events
// table, Latin acronyms of organizations in Arabic text, a post with no name after it, «عبد + X»
// with the tagger, a bare «طرابلس» in Lebanese news, «رئيس الحكومة» with no state, «بن» surnames
// read as towns, an outlet cited as the source coded as an actor. Sentences are our own; the
// people named are invented.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { processArticle } from '../../src/jobs/pipeline.ts';
import { eventTableRows } from '../../src/store/export.ts';
import { holdsPost, run, show } from './analyst.ts';

/** The article as the pipeline processes it, dated 4 Nov 2025. */
const processed = (text: string, outlet?: string) =>
  processArticle({
    id: 't',
    language: 'ar',
    text,
    published: '2025-11-04',
    ...(outlet ? { outlet } : {}),
    provenance: { source: 'test', format: 'text', ingestedAt: '2025-11-04T00:00:00Z' },
    warnings: [],
  });

/** The events table's rows of a text (names, countries and sectors as the CSV gives them). */
const rows = (text: string, outlet?: string) => eventTableRows(processed(text, outlet));

test('an international NGO takes no country from the place, dateline or other side of the sentence', () => {
  for (const text of [
    'انتقدت منظمة أطباء بلا حدود استهداف المستشفيات في جنوب لبنان.',
    'بيروت - انتقدت منظمة أطباء بلا حدود والحكومة اللبنانية استهداف المستشفيات.',
    'بيروت - طالبت منظمة أطباء بلا حدود بفتح المعابر أمام المساعدات.',
    'دعت اللجنة الدولية للصليب الأحمر في صنعاء إلى حماية المدنيين.',
    // the name quoted after «منظمة» is still the one who criticizes, not the one criticized
    'طرابلس - أوقف خفر السواحل الليبي قاربا للمهاجرين. وانتقدت منظمة "أطباء بلا حدود" إعادة المهاجرين.',
  ]) {
    const rs = rows(text);
    const row = rs.find((r) => String(r.source_sectors).includes('NGO') && r.type !== 'COERCE');
    assert.ok(row, `${text}: ${show(rs)}`);
    const names = String(row.source_names).split('; ');
    const countries = String(row.source_countries).split('; ');
    const k = names.findIndex((n) => n.includes('أطباء') || n.includes('صليب'));
    assert.ok(k >= 0, `${text}: ${show(row)}`);
    assert.equal(countries[k] ?? '', '', `${text}: ${show(row)}`);
  }
  // a national NGO keeps its own state («الاتحاد العام التونسي للشغل»)
  const ugtt = rows('تونس - طالب الاتحاد العام التونسي للشغل الحكومة بزيادة الأجور.');
  assert.ok(
    ugtt.some((r) => r.source_countries === 'TUN' && r.source_sectors === 'NGO'),
    show(ugtt),
  );
});

test('a Latin acronym of an organization known in Arabic («FIFA», «NATO», «WHO») is that organization', () => {
  const cases: Array<[string, string, string]> = [
    ['وقال المتحدث إن FIFA ستفتح تحقيقا في أحداث المباراة.', 'FIFA', 'org:fifa'],
    ['وطالب حلف NATO موسكو بسحب قواتها.', 'حلف NATO', 'org:nato'],
    ['وحذرت WHO من موجة جديدة من الحمى.', 'WHO', 'org:who'],
    ['ودعت IAEA طهران إلى السماح للمفتشين بالعودة.', 'IAEA', 'org:iaea'],
    ['وقررت OPEC الإبقاء على مستوى الإنتاج.', 'OPEC', 'org:opec'],
    ['وقالت الأمم المتحدة (UN) إن المساعدات تأخرت.', 'UN', 'org:un'],
    ['وأرسلت MSF فريقا إلى المدينة.', 'MSF', 'org:msf'],
  ];
  for (const [text, surface, id] of cases) {
    const r = run(text);
    const m = r.mentions.find((x) => x.text === surface);
    assert.equal(m?.entityId, id, `${text}: ${show(r.mentions)}`);
    assert.equal(m?.type, 'ORG', text);
  }
  // the same organization as its Arabic name: one entity, not two
  const both = run('قال رئيس الفيفا إن FIFA لن تتهاون.');
  assert.deepEqual(
    both.mentions.filter((m) => m.type === 'ORG').map((m) => m.entityId),
    ['org:fifa', 'org:fifa'],
  );
  // and it acts in the events table as the Arabic name does
  const nato = rows('وطالب حلف NATO روسيا بسحب قواتها.');
  assert.ok(
    nato.some((r) => r.type === 'REQUEST' && r.source_sectors === 'IGO' && r.target_countries === 'RUS'),
    show(nato),
  );
  // an acronym inside a Latin phrase, or one no list knows, is left alone
  for (const text of ['نشرت الصحيفة تقريرا بعنوان WHO Knows أمس.', 'وقالت شركة XQZ إن الأرباح تراجعت.'])
    assert.ok(!run(text).mentions.some((m) => /[A-Z]/.test(m.text)), text);
});

test('«وزيرة التعاون الدولي المصرية» with no name after it is still an actor: the minister, of Egypt', () => {
  const r = run('وقالت وزيرة التعاون الدولي المصرية إن الدفعة الأولى من القرض ستصرف الشهر المقبل.');
  const m = r.mentions.find((x) => x.type === 'POST');
  assert.equal(m?.text, 'وزيرة التعاون الدولي المصرية', show(r.mentions));
  const e = r.entities.find((x) => x.id === m.entityId);
  assert.equal(e?.post?.en, 'Minister of International Cooperation', show(e));
  assert.equal(e?.post?.country, 'EGY', show(e));
  // a two-word portfolio with a name after it, and with no state
  holdsPost('وأكد وزير التعليم العالي سامي الحداد أن الامتحانات في موعدها.', 'سامي الحداد', {
    en: 'Minister of Higher Education',
  });
  holdsPost('وقال وزير الموارد المائية والري سامح فوزي إن السد ممتلئ.', 'سامح فوزي', {
    en: 'Minister of Water Resources and Irrigation',
  });
  // the events table names her as the one who met the delegation
  const met = rows('القاهرة - التقت وزيرة التعاون الدولي المصرية وفدا من البنك الدولي.');
  assert.ok(
    met.some((x) => x.type === 'CONSULT' && x.source_countries === 'EGY' && x.source_sectors === 'GOV'),
    show(met),
  );
});

test('with the tagger on, «عبد + X» and the surname after it are one name', () => {
  const people = (text: string) =>
    run(text, 'auto')
      .mentions.filter((m) => m.type === 'PERS')
      .map((m) => m.text);
  // the tagger's chunk stopped at «عبد الله»; the surname was dropped
  assert.deepEqual(people('وصرح عبد الله الخالد للصحفيين.'), ['عبد الله الخالد']);
  assert.deepEqual(people('وصرح عبد الله الخالد للصحفيين بعد الاجتماع.'), ['عبد الله الخالد']);
  // after a post too («عبد الوافي لفتيت» was cut to «عبد الوافي»)
  assert.deepEqual(people('وقال وزير الداخلية عبد الوافي لفتيت إن الانتخابات في موعدها.'), [
    'عبد الوافي لفتيت',
  ]);
  // a word of the gazetteer after the given name is not taken into it, nor a verb
  assert.deepEqual(people('وصرح عبد الله المصري للصحفيين.'), ['عبد الله']);
  assert.deepEqual(people('وقال الوزير عبد الله يقول إن الاتفاق جاهز.'), ['عبد الله']);
});

test('a bare «طرابلس» in Lebanese news is Lebanon’s Tripoli; with Libya named, or alone, Libya’s capital', () => {
  const tripoli = (text: string) => run(text).mentions.find((m) => m.text === 'طرابلس')?.entityId;
  // the article names Lebanon (its army, Beirut, a Lebanese minister) and nothing Libyan
  assert.equal(
    tripoli('بيروت - اندلعت اشتباكات في طرابلس بين مسلحين، وقال الجيش اللبناني إنه انتشر في المدينة.'),
    'city:lbn-tripoli',
  );
  assert.equal(tripoli('وصل وزير الداخلية اللبناني إلى طرابلس لتفقد الأضرار.'), 'city:lbn-tripoli');
  // Libya named, both named, or no country at all: Libya's capital
  assert.equal(tripoli('وصل رئيس الحكومة الليبية إلى طرابلس قادما من بنغازي.'), 'city:lby-tripoli');
  assert.equal(tripoli('زار رئيس الوزراء اللبناني طرابلس ثم توجه إلى ليبيا.'), 'city:lby-tripoli');
  assert.equal(tripoli('وصل الوفد إلى طرابلس يوم الأحد.'), 'city:lby-tripoli');
  // acting as a state it is the capital's government, whatever else is named
  assert.equal(tripoli('طرابلس تدين الهجوم على السفارة اللبنانية.'), 'country:LBY');
  // and the events table places the clashes in Lebanon
  const clash = rows('اندلعت اشتباكات في طرابلس بين مسلحين، وقال الجيش اللبناني إنه انتشر في المدينة.');
  assert.ok(
    clash.some((r) => r.type === 'ASSAULT' && String(r.target_countries).includes('LBN')),
    show(clash),
  );
});

test('a state post written with no state («رئيس الحكومة X») is of the person’s, the dateline’s or the only country', () => {
  const postOf = (text: string, name: string) => {
    const r = run(text);
    const m = r.mentions.find((x) => x.type === 'PERS' && x.text === name);
    return r.entities.find((x) => x.id === m?.entityId)?.post;
  };
  // a person the list knows
  assert.equal(
    postOf('وقال رئيس الحكومة عزيز أخنوش إن الحكومة ستواصل دعم الأسر.', 'عزيز أخنوش')?.country,
    'MAR',
  );
  // the dateline
  assert.equal(
    postOf('الرباط - قال رئيس الحكومة سعيد البناني إن الحكومة ستواصل دعم الأسر.', 'سعيد البناني')?.country,
    'MAR',
  );
  // the only country the article names (twice)
  assert.equal(
    postOf(
      'وقال رئيس الحكومة سعيد البناني إن الحكومة ستواصل دعم الأسر المغربية في الدار البيضاء ومراكش.',
      'سعيد البناني',
    )?.country,
    'MAR',
  );
  // two countries named, or one named once: left without
  assert.equal(
    postOf('يزور وزير الخارجية سامي العلوي الكويت غدا حاملا رسالة من الرئيس التونسي.', 'سامي العلوي')
      ?.country,
    undefined,
  );
  assert.equal(
    postOf('وقال رئيس الحكومة سعيد البناني إن بلاده تدعم المغرب.', 'سعيد البناني')?.country,
    undefined,
  );
  // nor by the dateline when the post's sentence names another state: the head of an Egyptian
  // delegation in Doha is not Qatari
  assert.equal(
    postOf('الدوحة - وصل وفد مصري برئاسة وزير الري سامح فوزي إلى الدوحة يوم الاثنين.', 'سامح فوزي')?.country,
    undefined,
  );
  // the events table: the minister's country in the source column
  const said = rows('الرباط - قال رئيس الحكومة سعيد البناني إن الحكومة ستطالب البرلمان بتسريع المصادقة.');
  assert.ok(
    said.some((r) => r.type === 'REQUEST' && String(r.source_countries).startsWith('MAR')),
    show(said),
  );
});

test('an outlet cited as the source («لجوهرة أف أم», «في تصريح خص به …», «على أمواج …») is no actor', () => {
  // «وزير الداخلية لجوهرة أف أم» is what the minister told the radio, not a minister of the radio
  for (const [text, en] of [
    ['وقال وزير الداخلية لجوهرة أف أم إن الوحدات أوقفت مهربين قرب الحدود.', 'Minister of Interior'],
    [
      'وقال الناطق باسم الحرس الوطني لإذاعة موزاييك إن الوحدات أوقفت مهربين.',
      'Spokesperson of the National Guard',
    ],
  ] as const) {
    const post = run(text).entities.find((e) => e.post)?.post;
    assert.equal(post?.en, en, `${text}: ${show(post)}`);
    assert.notEqual(post?.sector, 'MED', text);
    const rs = rows(text);
    assert.ok(rs.length > 0, text);
    for (const r of rs)
      assert.ok(!`${r.source_sectors};${r.target_sectors}`.includes('MED'), `${text}: ${show(r)}`);
  }
  // «لموزاييك», «إذاعة موزاييك» are the outlet; the name before it ends before it (was «ناصر بنعيسى لموزاييك»)
  const told = run('صرح ناصر بنعيسى لموزاييك بأن صابة الزيتون جيدة.');
  assert.deepEqual(
    told.mentions.map((m) => [m.type, m.text, m.entityId ?? '']),
    [
      ['PERS', 'ناصر بنعيسى', 'person:nasir-banisa'],
      ['ORG', 'موزاييك', 'org:mosaique-fm'],
    ],
  );
  // an outlet's own head still heads it
  const head = run('وقال المدير العام لجوهرة أف أم إن الإذاعة ستغطي الانتخابات.').entities.find(
    (e) => e.post,
  );
  assert.equal(head?.post?.en, 'Director General of Jawhara FM');
  // the outlet cited is not the one criticized: the union's decision is
  for (const text of [
    'وانتقد الوزير في تصريح خص به جوهرة أف أم قرار النقابة.',
    'وانتقد الوزير على أمواج موزاييك أف أم قرار النقابة.',
  ]) {
    const rs = rows(text);
    const accuse = rs.find((r) => r.type === 'ACCUSE');
    assert.equal(accuse?.target_sectors, 'CVL', `${text}: ${show(rs)}`);
  }
  // an outlet that is acted on stays an actor
  const closed = rows('أغلقت السلطات مكتب قناة الجزيرة في تونس.');
  assert.ok(
    closed.some((r) => r.type === 'COERCE' && r.target_sectors === 'MED'),
    show(closed),
  );
});
