import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holdsPost, run, show } from './analyst.ts';

// walk3: places of Gaza, the West Bank, Yemen, Sudan and Qatar; «برنت» the crude; MSF, FIFA, the
// AFC, the EBRD, Aramco; intelligence chiefs and mayors; names in Latin letters. Every sentence
// here is written for this test; the people named are invented.

/** [surface, entity id] of the mentions of a type. */
function mentionsOf(text: string, type: string): string[][] {
  const r = run(text);
  return r.mentions.filter((m) => m.type === type).map((m) => [m.text, m.entityId ?? '']);
}

test('Gaza, West Bank, Yemeni, Sudanese and Qatari places are places of their state', () => {
  const cases: Array<[string, string, string]> = [
    ['نزحت عائلات من خان يونس إلى دير البلح.', 'خان يونس', 'city:pse-khan-yunis'],
    ['نزحت عائلات من خان يونس إلى دير البلح.', 'دير البلح', 'city:pse-deir-al-balah'],
    ['سقطت قذائف على رفح وبيت لاهيا صباحا.', 'رفح', 'city:pse-rafah'],
    ['سقطت قذائف على رفح وبيت لاهيا صباحا.', 'بيت لاهيا', 'city:pse-beit-lahia'],
    ['اشتدت الاشتباكات في مخيم جباليا ليلا.', 'مخيم جباليا', 'city:pse-jabalia'],
    ['اقتحمت القوات مدينة جنين ثم طولكرم.', 'جنين', 'city:pse-jenin'],
    ['اقتحمت القوات مدينة جنين ثم طولكرم.', 'طولكرم', 'city:pse-tulkarm'],
    ['أغلقت الحواجز مداخل نابلس في الضفة الغربية.', 'نابلس', 'city:pse-nablus'],
    ['أغلقت الحواجز مداخل نابلس في الضفة الغربية.', 'الضفة الغربية', 'region:west-bank'],
    ['تجدد القتال في مأرب وقصفت الطائرات صعدة.', 'مأرب', 'region:yem-marib'],
    ['تجدد القتال في مأرب وقصفت الطائرات صعدة.', 'صعدة', 'region:yem-saada'],
    ['نزح السكان من شمال كردفان ومن ولاية الجزيرة.', 'شمال كردفان', 'region:sdn-kordofan'],
    ['نزح السكان من شمال كردفان ومن ولاية الجزيرة.', 'ولاية الجزيرة', 'region:sdn-gezira'],
    ['افتتح ملعب جديد في لوسيل أمس.', 'لوسيل', 'city:qat-lusail'],
  ];
  for (const [text, surface, id] of cases) {
    const locs = mentionsOf(text, 'LOC');
    assert.ok(
      locs.some(([s, e]) => s === surface && e === id),
      `${text}: no «${surface}» → ${id} in ${show(locs)}`,
    );
  }
});

test('«الجزيرة» alone is no Sudanese state; «مآرب» (aims) is no Marib', () => {
  for (const text of [
    'قالت قناة الجزيرة إن مراسلها وصل إلى المدينة.',
    'زار الوزير دول شبه الجزيرة العربية.',
    'يستغل الطرفان الأزمة لمآرب سياسية.',
  ]) {
    const ids = run(text).mentions.map((m) => m.entityId);
    assert.ok(
      !ids.includes('region:sdn-gezira') && !ids.includes('region:yem-marib'),
      `${text}: ${show(ids)}`,
    );
  }
});

test('«برنت» is the crude, no place nor person', () => {
  for (const text of [
    'ارتفعت العقود الآجلة لخام برنت إلى 82 دولارا للبرميل.',
    'وقال محللون إن سعر برنت قد يواصل الصعود.',
  ]) {
    const r = run(text);
    assert.ok(!r.mentions.some((m) => m.text.includes('برنت')), `${text}: ${show(r.mentions)}`);
  }
});

test('MSF, FIFA, the AFC, the EBRD and Aramco are organizations with their sector', () => {
  const cases: Array<[string, string, string]> = [
    ['أعلنت منظمة أطباء بلا حدود أن مستشفاها استقبل الجرحى.', 'org:msf', 'NGO'],
    ['زار وفد من الفيفا الملعب أمس.', 'org:fifa', 'NGO'],
    ['أعلن الاتحاد الآسيوي لكرة القدم موعد القرعة.', 'org:afc', 'NGO'],
    ['وقع البنك الأوروبي لإعادة الإعمار والتنمية اتفاقية قرض مع الحكومة.', 'org:ebrd', 'IGO'],
    ['خفضت أرامكو صادراتها إلى آسيا.', 'org:aramco', 'BUS'],
  ];
  for (const [text, id, sector] of cases) {
    const r = run(text);
    const e = r.entities.find((x) => x.id === id);
    assert.ok(e, `${text}: no ${id} in ${show(r.entities.map((x) => x.id))}`);
    assert.equal(e.sector, sector, text);
  }
});

test('«رئيس الاستخبارات/المخابرات» heads an intelligence service (SPY); «رئيس بلدية», «عمدة» a town', () => {
  holdsPost('وقال رئيس المخابرات السودانية كمال الطيب إن الوضع تحت السيطرة.', 'كمال الطيب', {
    en: 'Head of Intelligence',
    country: 'SDN',
    sector: 'SPY',
  });
  holdsPost('وأكد رئيس الاستخبارات العسكرية اليمنية فهد المقطري أن الهجوم صُد.', 'فهد المقطري', {
    en: 'Head of Military Intelligence',
    sector: 'SPY',
  });
  holdsPost('وقال رئيس بلدية نابلس سامي العالول إن المياه انقطعت.', 'سامي العالول', {
    en: 'Mayor',
    country: 'PSE',
  });
  holdsPost('وقال عمدة لوسيل أحمد الكواري إن المدينة مستعدة.', 'أحمد الكواري', {
    en: 'Mayor',
    country: 'QAT',
  });
  // With no name after it, «عمدة لوسيل» is no person.
  const r = run('وقال عمدة لوسيل إن المدينة مستعدة.');
  assert.ok(!r.mentions.some((m) => m.type === 'PERS'), show(r.mentions));
});

test('a name in Latin letters after a verb of saying or before a post is a person', () => {
  const r = run('وقال John Smith المتحدث باسم السفارة البريطانية إن بلاده ترحب بالاتفاق.');
  const m = r.mentions.find((x) => x.type === 'PERS' && x.text === 'John Smith');
  assert.ok(m, show(r.mentions));
  const e = r.entities.find((x) => x.id === m.entityId);
  assert.equal(e?.post?.en, 'Spokesperson', show(e));
  assert.equal(e?.country, 'GBR');
  const d = run('وأضافت Marie Dubois الباحثة في المعهد أن الاتفاق مهم.');
  assert.ok(
    d.mentions.some((x) => x.type === 'PERS' && x.text === 'Marie Dubois'),
    show(d.mentions),
  );
  // A brand or an English phrase is no one.
  for (const text of [
    'اشترت الشركة أجهزة Apple Watch للموظفين.',
    'نشرت الصحيفة مقالا بعنوان The New Order أمس.',
    'وقال إن فريق Real Madrid فاز.',
  ]) {
    const x = run(text);
    assert.ok(
      !x.mentions.some((y) => y.type === 'PERS' && /[A-Z]/.test(y.text)),
      `${text}: ${show(x.mentions)}`,
    );
  }
});
