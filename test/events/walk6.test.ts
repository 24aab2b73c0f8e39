// walk6 (lead, eighteenth session): six articles written for this walk — a Turkish–Iraqi water
// meeting, Algeria recalling its envoy from Madrid, a Saudi aid convoy to Sudan, an arrest in Tunis,
// a joint Arab exercise, Iraq's parliament electing a speaker — read as an analyst reads events.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findDates } from '../../src/analyze/dates.ts';
import { pipelineEvents } from './pipeline.ts';

const brief = (es: ReturnType<typeof pipelineEvents>) =>
  JSON.stringify(es.map((e) => [e.type, e.mode, e.source, e.target, e.location]));

test('«رئيس الوزراء محمد شياع السوداني»: a demonym that is a known person’s family name is no post’s state', () => {
  const es = pipelineEvents(
    'بغداد - وهنأ رئيس الوزراء محمد شياع السوداني النائب محمود المشهداني بالمنصب.',
    '2026-12-02',
  );
  const c = es.find((e) => e.type === 'SUPPORT');
  assert.ok(c, brief(es));
  assert.equal(c.source[0]?.entityId, 'person:mohammed-shia-al-sudani', brief(es));
  assert.equal(c.source[0]?.country, 'IRQ');
  assert.ok(!es.some((e) => [...e.source, ...e.target].some((a) => a.country === 'SDN')), brief(es));
  // a post and a demonym with no name between stay the state's post
  const sd = pipelineEvents('وهنأ رئيس الوزراء السوداني نظيره الإثيوبي بالمنصب.', '2026-12-02');
  assert.ok(
    sd.some((e) => e.source.some((a) => a.country === 'SDN')),
    brief(sd),
  );
});

test('«بمشاركة قوات من مصر والسعودية والإمارات»: a joint exercise’s participants are its reciprocal sides, armies, not its place', () => {
  const es = pipelineEvents(
    'القاهرة - انطلقت صباح اليوم السبت في قاعدة عسكرية غرب الإسكندرية مناورات "درع العرب 3" بمشاركة قوات من مصر والسعودية والإمارات والأردن.',
    '2026-11-28',
  );
  const c = es.find((e) => e.type === 'COOPERATE' && e.mode === 'military');
  assert.ok(c, brief(es));
  assert.ok(c.reciprocal);
  assert.deepEqual(c.source.map((a) => `${a.country}/${a.sector}`).sort(), [
    'ARE/MIL',
    'EGY/MIL',
    'JOR/MIL',
    'SAU/MIL',
  ]);
  assert.notEqual(c.location, 'مصر');
  // the sides named by their forces' adjectives, and aircraft «من» each state
  const kw = pipelineEvents(
    'وتزامن البيان مع انطلاق تمرين "درع الجزيرة المشترك" بمشاركة القوات البرية والبحرية الكويتية والسعودية.',
    '2026-11-28',
  ).find((e) => e.type === 'COOPERATE');
  assert.deepEqual(kw?.source.map((a) => `${a.country}/${a.sector}`).sort(), ['KWT/MIL', 'SAU/MIL']);
  const air = pipelineEvents(
    'انطلقت اليوم مناورات جوية بمشاركة نحو 140 طائرة من أستراليا وإندونيسيا وماليزيا.',
    '2026-11-27',
  ).find((e) => e.type === 'COOPERATE');
  assert.deepEqual(air?.source.map((a) => `${a.country}/${a.sector}`).sort(), [
    'AUS/MIL',
    'IDN/MIL',
    'MYS/MIL',
  ]);
  assert.equal(air?.location, undefined);
});

test('a headline above a datelined body: the dateline is still read («تونس - اعتقلت …»), its country fills the police', () => {
  const es = pipelineEvents(
    'تونس: السلطات تعتقل قياديا معارضا\n\nتونس - اعتقلت قوات الأمن فجر الثلاثاء قياديا في حزب معارض. وقال محاميه إن الشرطة صادرت هواتف العائلة.',
    '2026-12-02',
  );
  const seize = es.find((e) => e.mode === 'seize');
  assert.equal(seize?.source[0]?.country, 'TUN', brief(es));
  // «قياديا معارضا» is the opposition, the one arrested — not «أمن الدولة»
  const head = pipelineEvents('تونس - السلطات تعتقل قياديا معارضا بتهمة التآمر على أمن الدولة', '2026-12-02');
  const arrest = head.find((e) => e.mode === 'arrest');
  assert.equal(arrest?.target[0]?.sector, 'OPP', brief(head));
  // a headline that is a sentence of its own («… الأحد.») is no headline: the first line is the body
  const one = pipelineEvents('أعلنت الحكومة خطة جديدة.\nبيروت - قالت الشرطة إنها صادرت أسلحة.', '2026-12-02');
  assert.ok(!one.some((e) => e.source.some((a) => a.country === 'LBN')), brief(one));
});

test('«اليوم الأحد» in copy dated the Thursday after is the Sunday before, not the next one; «غدًا» keeps the nearest', () => {
  // Thursday 3 December 2026
  const sunday = findDates('بحث الوزير اليوم الأحد الملف.', { published: '2026-12-03' })[0];
  assert.equal(sunday?.value, '2026-11-29');
  // a day late still reads as the day after (copy filed before midnight, dated by another zone)
  const friday = findDates('وصل الوفد اليوم الجمعة.', { published: '2026-12-03' })[0];
  assert.equal(friday?.value, '2026-12-04');
  const yesterday = findDates('وقال أمس الأحد إن …', { published: '2026-12-03' })[0];
  assert.equal(yesterday?.value, '2026-11-29');
  const tomorrow = findDates('يصل غدا الأحد.', { published: '2026-12-03' })[0];
  assert.equal(tomorrow?.value, '2026-12-06');
});

test('«جبهة البوليساريو», «مركز الملك سلمان للإغاثة»: bodies the gazetteer now knows are the actors, not Morocco or King Salman', () => {
  const es = pipelineEvents(
    'ورحبت الرباط بالموقف الإسباني. من جهتها، دعت جبهة البوليساريو الأمم المتحدة إلى التدخل.',
    '2026-12-02',
  );
  const call = es.find((e) => e.type === 'REQUEST');
  assert.equal(call?.source[0]?.entityId, 'org:polisario', brief(es));
  assert.equal(call?.source[0]?.country, 'ESH');
  const aid = pipelineEvents(
    'الرياض - أرسل مركز الملك سلمان للإغاثة والأعمال الإنسانية اليوم قافلة مساعدات إلى السودان.',
    '2026-12-02',
  ).find((e) => e.type === 'AID');
  assert.equal(aid?.source[0]?.entityId, 'org:ksrelief');
  assert.equal(aid?.source[0]?.country, 'SAU');
});

const WATER = `وزير الخارجية التركي يبحث في بغداد ملف المياه مع نظيره العراقي

بغداد - بحث وزير الخارجية التركي هاكان فيدان اليوم الأحد في بغداد مع نظيره العراقي فؤاد حسين ملف المياه.

الصورة العامة: وقّع البلدان العام الماضي اتفاقا إطاريا للتعاون في إدارة المياه، لكن تنفيذه تعثر.

النقاط الرئيسية:
- اتفق الجانبان على تشكيل فريق فني مشترك يجتمع خلال شهر.
- تعهدت تركيا بزيادة الإطلاقات المائية خلال فصل الصيف.
`;

test('a labelled brief: today’s key-point agreement is not last year’s, the sides stay two, the headline’s posts are the named ministers', () => {
  const es = pipelineEvents(WATER, '2026-12-03');
  const agree = es.filter((e) => e.type === 'AGREE');
  const past = agree.find((e) => e.background);
  const now = agree.find((e) => !e.background);
  assert.ok(past && now, brief(es));
  assert.deepEqual(past.source.map((a) => a.country).sort(), ['IRQ', 'TUR'], brief(es));
  assert.deepEqual(now.source.map((a) => a.country).sort(), ['IRQ', 'TUR'], brief(es));
  assert.ok(
    !past.evidence.some(([a]) => WATER.slice(a).startsWith('- اتفق')),
    'today’s key point is no evidence of last year’s',
  );
  const meet = es.find((e) => e.type === 'CONSULT');
  assert.equal(meet?.source[0]?.entityId, 'person:hakan-fidan', brief(es));
  assert.equal(meet?.target[0]?.entityId, 'person:fuad-hussein');
  assert.equal(meet?.date?.value, '2026-11-29');
});

test('«نظيره العراقي فؤاد حسين ملف المياه.»: the words after a named person are no name learned for him', () => {
  const es = pipelineEvents(
    'بحث وزير الخارجية التركي هاكان فيدان مع نظيره العراقي فؤاد حسين ملف المياه.\nوقّع البلدان اتفاقا لإدارة المياه.',
    '2026-12-03',
  );
  const sign = es.find((e) => e.type === 'AGREE');
  assert.ok(sign, brief(es));
  assert.ok(!sign.source.some((a) => a.entityId === 'person:fuad-hussein'), brief(es));
  assert.deepEqual(sign.source.map((a) => a.country).sort(), ['IRQ', 'TUR']);
});

test('«علقت … معاهدة الصداقة مع إسبانيا»: suspending a treaty is a sanction, not an agreement; one named with its signing keeps both', () => {
  const es = pipelineEvents(
    'وكانت الجزائر قد علقت العام الماضي معاهدة الصداقة وحسن الجوار مع إسبانيا.',
    '2026-12-03',
  );
  assert.ok(
    es.some(
      (e) => e.type === 'SANCTION' && e.mode === 'suspend' && e.target.some((a) => a.country === 'ESP'),
    ),
    brief(es),
  );
  assert.ok(!es.some((e) => e.type === 'AGREE'), brief(es));
  // «في تعليق له على الاتفاق» is a comment, no suspension
  const comment = pipelineEvents('وقال الوزير في تعليق له على الاتفاق إنه خطوة مهمة.', '2026-12-03');
  assert.ok(!comment.some((e) => e.type === 'SANCTION'), brief(comment));
  const both = pipelineEvents(
    'أعلن الرئيس الفنزويلي اليوم الثلاثاء تعليق اتفاقية الغاز الموقعة مع كولومبيا عام 2015.',
    '2026-11-10',
  );
  const stop = both.find((e) => e.type === 'SANCTION');
  const signed = both.find((e) => e.type === 'AGREE');
  assert.ok(stop && signed, brief(both));
  assert.equal(stop.date?.value, '2026-11-10');
  assert.equal(signed.date?.value, '2015');
  assert.ok(signed.background && !stop.background);
});

test('«…، محملة إياها مسؤولية تدهور العلاقات بين البلدين»: «إياها» is the one named before; the relations between the two are no target', () => {
  const es = pipelineEvents(
    'الجزائر (وكالات) - استدعت الجزائر سفيرها لدى إسبانيا. وقالت وزارة الخارجية الجزائرية في بيان إن الحكومة الإسبانية "تخلت عن التزاماتها"، محملة إياها مسؤولية تدهور العلاقات بين البلدين.',
    '2026-12-03',
  );
  const blame = es.find((e) => e.type === 'ACCUSE');
  assert.ok(blame, brief(es));
  assert.equal(blame.source[0]?.country, 'DZA', brief(es));
  assert.deepEqual(
    blame.target.map((a) => a.country),
    ['ESP'],
    brief(es),
  );
});

test('«استعاد الجيش السيطرة على بلدة … بعد معارك مع قوات الدعم السريع»: ground retaken is an event of its own beside the fighting', () => {
  const es = pipelineEvents(
    'وأعلن الجيش السوداني أنه استعاد السيطرة على بلدة الحصاحيصا بعد معارك عنيفة مع قوات الدعم السريع.',
    '2026-12-03',
  );
  const taken = es.find((e) => e.mode === 'occupy');
  const fight = es.find((e) => e.mode === 'fight');
  assert.ok(taken && fight, brief(es));
  assert.equal(taken.source[0]?.country, 'SDN');
  assert.ok(!taken.target.some((a) => a.sector === 'CVL'), 'a town taken is not its people');
  assert.ok(
    fight.source.some((a) => a.sector === 'REB'),
    brief(es),
  );
  // taken from whoever «من» names
  const sirte = pipelineEvents(
    'استعادت القوات الحكومية السيطرة على مدينة سرت من تنظيم داعش.',
    '2026-12-03',
  ).find((e) => e.mode === 'occupy');
  assert.equal(sirte?.target[0]?.entityId, 'org:isis');
  // firefighters bringing a fire under control take no ground
  assert.ok(
    !pipelineEvents('وتمكنت فرق الإطفاء من السيطرة على الحريق.', '2026-12-03').some(
      (e) => e.type === 'ASSAULT',
    ),
  );
});
