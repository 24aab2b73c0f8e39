import assert from 'node:assert/strict';
import { test } from 'node:test';
import { holder, run, show } from './analyst.ts';

// entdef4 (helper, nineteenth session): entity and post defects an analyst sees.
// Sentences written for this test; the people are invented or only named.

for (const tagger of ['off', 'auto'] as const) {
  test(`«رئيس المجلس السابق»: the council named before, its Speaker, no longer (tagger ${tagger})`, () => {
    const { e, people } = holder(
      'عقد مجلس النواب العراقي جلسة طارئة لمناقشة الموازنة. وقال رئيس المجلس السابق محمد الحلبوسي إن الجلسة تأخرت كثيرا.',
      'محمد الحلبوسي',
      tagger,
    );
    assert.ok(e?.post, show(people));
    assert.equal(e.post.en, 'Former Speaker of the House of Representatives of Iraq');
    assert.equal(e.post.status, 'former');
    assert.equal(e.post.country, 'IRQ');
    assert.equal(e.post.sector, 'LEG');
  });

  test(`«المتحدث باسم المركز» after KSrelief is its spokesman (tagger ${tagger})`, () => {
    const { e, people } = holder(
      'وزع مركز الملك سلمان للإغاثة والأعمال الإنسانية سلالا غذائية في اليمن. وقال المتحدث باسم المركز فهد سالم العتيبي إن التوزيع سيستمر.',
      'فهد سالم العتيبي',
      tagger,
    );
    assert.ok(e?.post, show(people));
    assert.equal(e.post.en, 'Spokesperson of the King Salman Humanitarian Aid and Relief Centre (KSrelief)');
    assert.equal(e.post.country, 'SAU');
    // no centre named before: the post stays as read
    const bare = holder(
      'وقال المتحدث باسم المركز فهد سالم العتيبي إن التوزيع سيستمر.',
      'فهد سالم العتيبي',
      tagger,
    );
    assert.equal(bare.e?.post?.en, 'Spokesperson');
  });
}

const people = (text: string, tagger: 'off' | 'auto') =>
  run(text, tagger)
    .mentions.filter((m) => m.type === 'PERS')
    .map((m) => m.text);

for (const tagger of ['off', 'auto'] as const) {
  test(`a given name that is also a title («سلطان») before «بن» opens the name (tagger ${tagger})`, () => {
    const { e, people: ps } = holder(
      'وقال وزير الدولة للشؤون الخارجية القطري سلطان بن سعد المريخي إن الحوار مستمر.',
      'سلطان بن سعد المريخي',
      tagger,
    );
    assert.ok(e?.post, show(ps));
    assert.equal(e.post.en, 'Minister of State for Foreign Affairs');
    assert.equal(e.post.country, 'QAT');
    // with no post before it (the grammar alone reads three words of a name with no title: «محمد
    // بن سعد» too)
    assert.deepEqual(people('وأكد سلطان بن سعد المريخي أن الحوار مستمر.', tagger), [
      tagger === 'off' ? 'سلطان بن سعد' : 'سلطان بن سعد المريخي',
    ]);
    // the title with its country stays a post
    const r = run('واستقبل سلطان عمان الوفد الزائر.', tagger);
    assert.equal(r.entities.find((x) => x.type === 'POST')?.post?.en, 'Sultan');
  });
}

test('«الدوحة (قنا) -»: the Qatar News Agency credited, not the Egyptian city Qena', () => {
  for (const tagger of ['off', 'auto'] as const) {
    const r = run('الدوحة (قنا) - أعلنت وزارة الخارجية القطرية اليوم عن زيارة مرتقبة لوفد رسمي.', tagger);
    const ids = r.mentions.map((m) => m.entityId);
    assert.ok(ids.includes('org:qna'), show(ids));
    assert.ok(!ids.includes('city:egy-qina'), show(ids));
    assert.ok(
      run('الكويت (كونا) - أعلن مجلس الوزراء خطة جديدة.', tagger).mentions.some(
        (m) => m.entityId === 'org:kuna',
      ),
    );
    // the city named in the text stays the city
    assert.ok(
      run('وقعت اشتباكات في محافظة قنا جنوب مصر.', tagger).mentions.some(
        (m) => m.entityId === 'city:egy-qina',
      ),
    );
  }
});

for (const tagger of ['off', 'auto'] as const) {
  test(`«ناصر حمد العذبة»: a family name that is also a common word, between a verb of saying and «إن» (tagger ${tagger})`, () => {
    assert.deepEqual(people('وقال ناصر حمد العذبة إن الاجتماع كان مثمرا.', tagger), ['ناصر حمد العذبة']);
    assert.deepEqual(people('وقال الوزير ناصر حمد العذبة إن الاجتماع كان مثمرا.', tagger), [
      'ناصر حمد العذبة',
    ]);
    // an object after the name stays apart
    assert.deepEqual(people('واستقبل خالد سعيد الوفد في مكتبه.', tagger), ['خالد سعيد']);
  });
}

for (const tagger of ['off', 'auto'] as const) {
  test(`a post behind «بـ» («التقى … بوزير الخارجية فلان») is held by the name after it (tagger ${tagger})`, () => {
    const kw = holder(
      'واجتمع رئيس الوزراء بوزير الخارجية الكويتي فهد سالم العتيبي في الكويت.',
      'فهد سالم العتيبي',
      tagger,
    );
    // the object's post, not chained to the subject's («Prime Minister; Minister of …»)
    assert.equal(kw.e?.post?.en, 'Minister of Foreign Affairs', show(kw.people));
    assert.equal(kw.e?.post?.ar, 'وزير الخارجية الكويتي');
    const r = holder(
      'والتقى السفير بالمدير العام لشركة الراية فهد سالم العتيبي.',
      'فهد سالم العتيبي',
      tagger,
    );
    assert.equal(r.e?.post?.ar, 'المدير العام لشركة الراية', show(r.people));
    const s = holder('والتقى السفير بالأمين العام لحزب الأمة فهد سالم العتيبي.', 'فهد سالم العتيبي', tagger);
    assert.equal(s.e?.post?.ar, 'الأمين العام لحزب الأمة', show(s.people));
    // the subject does not take the post behind «ب» after it
    const subj = holder('والتقى فهد سالم العتيبي بمدير شركة الراية.', 'فهد سالم العتيبي', tagger);
    assert.equal(subj.e?.post, undefined);
  });
}

test('a company named after its town is an organization, the town no place mention of its own', () => {
  for (const tagger of ['off', 'auto'] as const) {
    const r = run(
      'أعلنت شركة بترول الكويت زيادة الإنتاج. وقالت شركة مصافي الزاوية إن العمل عاد إلى طبيعته. وأكدت شركة كهرباء عدن انقطاع التيار.',
      tagger,
    );
    const orgs = r.entities.filter((e) => e.type === 'ORG').map((e) => e.names.en ?? e.names.ar);
    assert.deepEqual(
      orgs,
      ['Kuwait Oil Company', 'Zawiya Oil Refining Company', 'Aden Electricity Company'],
      tagger,
    );
    assert.deepEqual(
      r.mentions.filter((m) => m.type === 'LOC').map((m) => m.text),
      [],
      tagger,
    );
    // the place first, then an adjective or a field: «بنك الكويت الوطني», «شركة الريان للتطوير العقاري»
    const b = run(
      'وقال بنك الكويت الوطني إن النتائج جيدة. وأعلنت شركة الريان للتطوير العقاري أرباحها.',
      tagger,
    );
    assert.deepEqual(
      b.entities.filter((e) => e.type === 'ORG').map((e) => e.names.ar),
      ['بنك الكويت الوطني', 'شركة الريان للتطوير العقاري'],
    );
    assert.equal(b.mentions.filter((m) => m.type === 'LOC').length, 0, show(b.mentions));
    // a place after a field word with no company head stays a place
    assert.ok(
      run('ارتفع إنتاج نفط الكويت هذا العام.', tagger).mentions.some((m) => m.entityId === 'country:KWT'),
    );
  }
});

test('a known foreign leader’s Latin name comes from the gazetteer («Nicolás Maduro», not «Nikulas Maduru»)', () => {
  for (const tagger of ['off', 'auto'] as const) {
    const { e } = holder('وقال الرئيس الفنزويلي نيكولاس مادورو إن بلاده لن تخضع.', 'نيكولاس مادورو', tagger);
    assert.equal(e?.id, 'person:nicolas-maduro');
    assert.equal(e?.names.en, 'Nicolás Maduro');
    // a post behind «ب» after a name ends the post before it («… بالمستشار الألماني …»)
    const m = holder(
      'التقى الرئيس البرازيلي لولا دا سيلفا بالمستشار الألماني فريدريش ميرتس.',
      'فريدريش ميرتس',
      tagger,
    );
    assert.equal(m.e?.names.en, 'Friedrich Merz');
    assert.equal(m.e?.post?.ar, 'المستشار الألماني', show(m.e?.post));
  }
});
