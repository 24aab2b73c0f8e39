import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { command } from '../../src/cli/commands/stories.ts';
import { displayName } from '../../src/i18n/glossary.ts';
import { openStore } from '../../src/store/index.ts';
import { averageLink, clusterStories, dayOf, pairwiseScore, storyDay } from '../../src/stories/cluster.ts';
import { compareOutlets } from '../../src/stories/compare.ts';
import { counted, renderComparison, renderStoryList } from '../../src/stories/render.ts';
import { processRecord, readStoryRecords } from '../../src/stories/fixtures.ts';
import { fakeContext } from '../helpers.ts';

const FIXTURE = new URL('../../fixtures/stories/stories.jsonl', import.meta.url).pathname;
const recs = readStoryRecords(FIXTURE);
const docs = recs.map(processRecord);
const gold = new Map(recs.map((r) => [r.id, r.story]));

test('fixture stories: pairwise precision and recall ≥ 0.9', () => {
  const s = pairwiseScore(
    clusterStories(docs).map((x) => x.articles),
    gold,
  );
  assert.ok(s.precision >= 0.9, `precision ${s.precision}`);
  assert.ok(s.recall >= 0.9, `recall ${s.recall}`);
});

test('pairwiseScore counts pairs (a wrong merge lowers precision, a split lowers recall)', () => {
  const g = new Map([
    ['a', '1'],
    ['b', '1'],
    ['c', '2'],
  ]);
  assert.deepEqual(pairwiseScore([['a', 'b'], ['c']], g).precision, 1);
  const merged = pairwiseScore([['a', 'b', 'c']], g);
  assert.equal(merged.precision, 1 / 3);
  assert.equal(merged.recall, 1);
  const split = pairwiseScore([['a'], ['b'], ['c']], g);
  assert.equal(split.recall, 0);
});

test('the date window keeps the same wording apart when days are far apart', () => {
  const a = docs.find((d) => d.article.id === 's05a')!;
  const late = { ...a, article: { ...a.article, id: 'late', published: '2025-06-01' } };
  const stories = clusterStories([a, late]);
  assert.equal(stories.length, 2);
  const near = { ...a, article: { ...a.article, id: 'near', published: '2025-03-16' } };
  assert.equal(clusterStories([a, near]).length, 1);
});

test('averageLink: a blocked pair (-1) never joins; a threshold above all pairs keeps singletons', () => {
  const sim = Float64Array.from([1, 0.9, -1, 0.9, 1, 0.9, -1, 0.9, 1]);
  const groups = averageLink(sim, 3, 0.5);
  assert.equal(groups.length, 2);
  assert.equal(averageLink(sim, 3, 0.95).length, 3);
  assert.equal(dayOf('2025-03-02')! - dayOf('2025-03-01')!, 1);
});

test('compareOutlets: the loaded alias for Israel is shown per outlet, with what each leaves out', () => {
  const story = clusterStories(docs).find((s) => s.articles.includes('s02a'))!;
  assert.deepEqual([...story.articles].sort(), ['s02a', 's02b', 's02c']);
  const cmp = compareOutlets(story, docs);
  const isr = cmp.contrasts.find((c) => c.entityId === 'country:ISR');
  assert.ok(isr, 'Israel is named differently across outlets');
  assert.ok(isr.byOutlet.arraseef?.includes('الكيان الصهيوني'));
  assert.ok(isr.byOutlet.alfajr?.includes('إسرائيل'));
  const arraseef = cmp.outlets.find((o) => o.outlet === 'arraseef')!;
  assert.ok(arraseef.terms.some((t) => t.terms.some((x) => x.framing)));
  const alfajr = cmp.outlets.find((o) => o.outlet === 'alfajr')!;
  assert.ok(alfajr.quotes.length >= 1, 'alfajr carries the army spokesman statement');
  assert.ok(alfajr.missingEntities.includes('org:un'), 'alfajr never names the UN');
  // Quotes each outlet leaves out: the speakers the others quote and it does not.
  const speakers = (o: (typeof cmp.outlets)[number]) => new Set(o.quotes.map((q) => q.speaker));
  for (const o of cmp.outlets) {
    const others = new Set(
      cmp.outlets.filter((x) => x !== o).flatMap((x) => x.quotes.map((q) => q.speaker ?? '')),
    );
    others.delete('');
    assert.deepEqual(
      o.unquoted,
      [...others].filter((s) => !speakers(o).has(s)).sort(),
      `${o.outlet} unquoted`,
    );
  }
  assert.ok(
    arraseef.unquoted.includes('متحدث باسم الجيش الإسرائيلي'),
    `arraseef does not quote the army spokesman: ${arraseef.unquoted}`,
  );
  assert.ok(!alfajr.unquoted.includes('متحدث باسم الجيش الإسرائيلي'), 'alfajr quotes him');
  for (const o of cmp.outlets)
    for (const q of o.quotes) {
      const doc = docs.find((d) => d.article.id === q.articleId)!;
      assert.equal(doc.article.text.slice(q.span[0], q.span[1]).trim(), q.text);
    }
});

test('khabar stories lists the archive’s stories and compares one (--json)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-stories-'));
  try {
    const db = join(dir, 'k.db');
    const store = await openStore(db);
    for (const d of docs.slice(0, 12)) await store.put(d);
    await store.close();
    const list = fakeContext();
    assert.equal(await command.run(['--db', db, '--json'], list.ctx), 0);
    const parsed = JSON.parse(list.out()) as {
      stories: { id: string; articles: string[]; entities: string[] }[];
    };
    assert.ok(parsed.stories.length >= 3);
    const one = fakeContext();
    assert.equal(await command.run(['--db', db, '--story', parsed.stories[0]!.id], one.ctx), 0);
    assert.match(one.out(), /==/u);
    const bad = fakeContext();
    await assert.rejects(command.run(['--db', db, '--story', 'nope'], bad.ctx), /no story/u);
    // The table names the entities (Arabic; English with --lang en); --json keeps their ids.
    const withEntities = parsed.stories.filter((s) => s.entities.length > 0);
    assert.ok(withEntities.length > 0, 'some story shares entities');
    const byId = new Map(docs.flatMap((d) => d.analysis.entities).map((e) => [e.id, e]));
    const firstId = withEntities[0]!.entities[0]!;
    assert.match(firstId, /:/u, 'JSON keeps the id');
    for (const [lang, want] of [
      ['ar', byId.get(firstId)!.names.ar],
      ['en', displayName(byId.get(firstId)!.names, 'en')],
    ] as const) {
      const table = fakeContext();
      assert.equal(await command.run(['--db', db, '--lang', lang], table.ctx), 0);
      const lines = table
        .out()
        .split('\n')
        .filter((l) => /^ {2}(entities|الكيانات): /u.test(l));
      assert.ok(lines.length > 0, table.out());
      for (const l of lines) assert.doesNotMatch(l, /\b(person|country|org|place|region):/u, l);
      assert.ok(
        lines.some((l) => l.includes(want)),
        `${lang}: «${want}» in ${lines.join(' / ')}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GET /api/stories and /api/stories/:id (in-process)', async () => {
  const { createApp } = await import('../../src/api/app.ts');
  const store = await openStore(':memory:');
  try {
    for (const d of docs.filter((x) => x.article.id.startsWith('s02') || x.article.id === 'x01'))
      await store.put(d);
    const app = createApp({ store, cache: false });
    const list = await app.request('/api/stories');
    assert.equal(list.status, 200);
    const body = (await list.json()) as { items: { id: string; articles: string[] }[] };
    assert.equal(body.items.length, 1);
    assert.equal(body.items[0]!.articles.length, 3);
    const one = await app.request(`/api/stories/${body.items[0]!.id}`);
    assert.equal(one.status, 200);
    const cmp = (await one.json()) as { comparison: { contrasts: { entityId: string }[] } };
    assert.ok(cmp.comparison.contrasts.some((x) => x.entityId === 'country:ISR'));
    assert.equal((await app.request('/api/stories/nope')).status, 404);
    // `lang` as on the other routes: ar and en answered (the same), anything else a 400 naming it.
    const id = body.items[0]!.id;
    for (const path of ['/api/stories', `/api/stories/${id}`]) {
      assert.equal((await app.request(`${path}?lang=en`)).status, 200, `${path}?lang=en`);
      const bad = await app.request(`${path}?lang=fr`);
      assert.equal(bad.status, 400, `${path}?lang=fr`);
      assert.match(await bad.text(), /lang/u);
      assert.equal((await app.request(`${path}?colour=red`)).status, 400, `${path}?colour=red`);
    }
    assert.equal((await app.request('/api/stories?all=maybe')).status, 400);
  } finally {
    await store.close();
  }
});

test('two meetings of foreign ministers of different countries, both in the brief template, are two stories', () => {
  // own writing: the same wording and the same template labels, nobody and nowhere in common
  const meeting = (id: string, outlet: string, a: string, b: string, city: string) =>
    processRecord({
      id,
      outlet,
      url: `https://${outlet}.example/${id}`,
      title: '',
      published: '2025-06-02',
      story: id,
      text: [
        `استقبل وزير الخارجية ${a} في ${city} أمس نظيره ${b}، وبحث الجانبان سبل تعزيز التعاون الاقتصادي بين البلدين.`,
        'أهمية الخبر) يأتي اللقاء في وقت يسعى فيه البلدان إلى توسيع التبادل التجاري.',
        'الصورة العامة) اتفق الوزيران على تشكيل لجنة مشتركة تجتمع كل ثلاثة أشهر.',
        'النقاط الرئيسية) لجنة مشتركة، مذكرة تفاهم، تبادل الخبرات',
        'نظرة أعمق) يرى مراقبون أن التقارب الاقتصادي قد يمهد لتنسيق أوسع.',
      ].join('\n\n'),
    });
  const pair = [
    meeting('m1', 'one', 'التونسي', 'الليبي', 'تونس'),
    meeting('m2', 'two', 'الأردني', 'العراقي', 'عمّان'),
  ];
  const stories = clusterStories(pair);
  assert.equal(stories.length, 2, JSON.stringify(stories.map((s) => s.articles)));
  // the same text about the same sides is one story
  const same = [
    meeting('m3', 'one', 'التونسي', 'الليبي', 'تونس'),
    meeting('m4', 'two', 'التونسي', 'الليبي', 'تونس'),
  ];
  assert.equal(clusterStories(same).length, 1);
});

test('an article of unknown outlet is grouped under its address host, else shown as «(outlet unknown)», not «?»', () => {
  // own writing: one event told three times; two articles name no outlet
  const text = (n: number) =>
    `أعلنت وزارة الصحة في العاصمة اليوم افتتاح مستشفى جديد للأطفال يضم ${n}0 سريرا، وقالت إن المستشفى سيخدم سكان المحافظات الجنوبية.`;
  const d = (id: string, outlet: string, url: string) =>
    processRecord({ id, outlet, url, title: '', published: '2025-06-02', story: 's', text: text(id.length) });
  const a = d('u1', 'صحيفة الغد', 'https://alghad.example/u1');
  const b = d('u22', '', 'https://www.news.example/u22');
  const c = d('u333', '', '');
  for (const x of [b, c]) delete x.article.outlet;
  delete c.article.url;
  const stories = clusterStories([a, b, c]);
  assert.equal(stories.length, 1, JSON.stringify(stories.map((s) => s.articles)));
  assert.deepEqual([...stories[0]!.outlets].sort(), ['?', 'news.example', 'صحيفة الغد']);
  const en = renderStoryList(stories, 'en');
  assert.match(en, /outlets: .*\(outlet unknown\)/u);
  assert.match(en, /outlets: .*news\.example/u);
  assert.match(renderStoryList(stories, 'ar'), /\(مصدر غير معروف\)/u);
  const cmp = renderComparison(compareOutlets(stories[0]!, [a, b, c]), 'en');
  assert.match(cmp, /^== \(outlet unknown\) \(u333\)$/mu);
  assert.match(cmp, /^== news\.example \(u22\)$/mu);
  assert.doesNotMatch(`${en}\n${cmp}`, /(^|[ :,=])\?($|[ ,])/mu);
});

test('an undated article is placed on the date its text gives: last year’s fair is not this year’s story', () => {
  // own writing: an annual book fair, this year told by two dated reports; two undated reports
  // give the day in their text (last year's and this year's); a fifth gives no date at all
  const rec = (id: string, published: string | undefined, text: string) => {
    const d = processRecord({
      id,
      outlet: id,
      url: `https://${id}.example/a`,
      title: '',
      published: '',
      story: id,
      text,
    });
    if (published) d.article.published = published;
    else delete d.article.published;
    return d;
  };
  const docs = [
    rec(
      'f1',
      '2025-06-02',
      'افتتح وزير الثقافة في عمّان أمس معرض الكتاب السنوي بمشاركة ثلاثمئة دار نشر من عشرين دولة، وتستمر فعالياته عشرة أيام. وقال الوزير إن المعرض هذا العام يحتفي بأدب الرحلات ويخصص جناحا لكتب الأطفال.',
    ),
    rec(
      'f2',
      '2025-06-03',
      'انطلقت في عمّان فعاليات معرض الكتاب السنوي الذي افتتحه وزير الثقافة بمشاركة ثلاثمئة دار نشر، ويحتفي المعرض هذا العام بأدب الرحلات ويضم جناحا لكتب الأطفال.',
    ),
    rec(
      'f3',
      undefined,
      'افتتح وزير الثقافة في عمّان يوم 4 حزيران 2024 معرض الكتاب السنوي بمشاركة مئتي دار نشر، وخصص المعرض دورته هذه للشعر العربي الحديث وأقام ندوات عن الترجمة.',
    ),
    rec(
      'f4',
      undefined,
      'افتتح وزير الثقافة في عمّان يوم 1 حزيران 2025 معرض الكتاب السنوي بمشاركة ثلاثمئة دار نشر من عشرين دولة، ويحتفي هذا العام بأدب الرحلات ويخصص جناحا لكتب الأطفال.',
    ),
    rec(
      'f5',
      undefined,
      'افتتح وزير الثقافة في عمّان معرض الكتاب السنوي بمشاركة ثلاثمئة دار نشر من عشرين دولة، ويحتفي المعرض هذا العام بأدب الرحلات ويخصص جناحا لكتب الأطفال.',
    ),
  ];
  assert.equal(storyDay(docs[2]!), dayOf('2024-06-04'));
  assert.equal(storyDay(docs[4]!), undefined);
  const groups = clusterStories(docs).map((s) => [...s.articles].sort().join(' '));
  assert.deepEqual(groups.sort(), ['f1 f2 f4 f5', 'f3']);
});

test('the story list gives one day once: two articles of the same day are not a range', () => {
  const story = (first: string, last: string) => ({
    id: 'story:a1',
    articles: ['a1', 'a2'],
    outlets: ['one.example'],
    title: 'عنوان',
    first,
    last,
    entities: [],
    cohesion: 0.5,
  });
  const sameDay = renderStoryList([story('2016-11-06T09:00:00+01:00', '2016-11-06T17:30:00+01:00')], 'en');
  assert.match(sameDay, /^story:a1 {2}2 articles, 1 outlet {2}2016-11-06$/mu);
  assert.doesNotMatch(sameDay, /…2016-11-06/u);
  const twoDays = renderStoryList([story('2016-11-06T09:00:00+01:00', '2016-11-07T08:00:00+01:00')], 'ar');
  assert.match(twoDays, /^story:a1 {2}خبران، منفذ واحد {2}2016-11-06…2016-11-07$/mu);
});

test('story counts agree with their number, in Arabic and English (not «3 خبر، 1 منفذ»)', () => {
  assert.deepEqual(
    [1, 2, 3, 11, 100].map((n) => counted(n, 'article', 'ar')),
    ['خبر واحد', 'خبران', '3 أخبار', '11 خبرًا', '100 خبر'],
  );
  assert.deepEqual(
    [1, 2, 5].map((n) => counted(n, 'outlet', 'ar')),
    ['منفذ واحد', 'منفذان', '5 منافذ'],
  );
  assert.deepEqual(
    [1, 3].map((n) => counted(n, 'outlet', 'en')),
    ['1 outlet', '3 outlets'],
  );
});

test('khabar stories --story names the actors (a post with its country in English), not their ids', () => {
  // own writing: one meeting told by two outlets, one naming the ministers, one the countries
  const a = processRecord({
    id: 'w1',
    outlet: 'صحيفة الندى',
    url: '',
    title: 'وزير الخارجية المصري يستقبل نظيره الأردني',
    published: '2026-03-02',
    story: 's',
    text: 'القاهرة - استقبل وزير الخارجية المصري نظيره الأردني يوم الاثنين في القاهرة، وبحث الجانبان التعاون في مجال المياه والطاقة. وقال الوزير المصري إن البلدين اتفقا على تشكيل فريق عمل مشترك يجتمع كل شهرين لمتابعة مشروعات الربط الكهربائي.',
  });
  const b = processRecord({
    id: 'w2',
    outlet: 'وكالة الرمال',
    url: '',
    title: 'مصر والأردن تتفقان على فريق عمل مشترك',
    published: '2026-03-02',
    story: 's',
    text: 'عمّان - اتفقت مصر والأردن خلال لقاء وزيري خارجية البلدين في القاهرة يوم الاثنين على تشكيل فريق عمل مشترك يجتمع كل شهرين. وذكر بيان لوزارة الخارجية الأردنية أن المباحثات تناولت التعاون في قطاعي المياه والطاقة ومشروعات الربط الكهربائي بين البلدين.',
  });
  const stories = clusterStories([a, b]);
  assert.equal(stories.length, 1, JSON.stringify(stories.map((s) => s.articles)));
  const entities = new Map([a, b].flatMap((d) => d.analysis.entities).map((e) => [e.id, e]));
  assert.ok(entities.has('post:minister-of-foreign-affairs-egy'), [...entities.keys()].join(' '));
  const cmp = compareOutlets(stories[0]!, [a, b]);
  const en = renderComparison(cmp, 'en', entities);
  const ar = renderComparison(cmp, 'ar', entities);
  for (const out of [en, ar])
    assert.doesNotMatch(out, /\b(?:country|post|city|org|person):[a-z-]|\(country:/iu, out);
  assert.match(en, /Minister of Foreign Affairs of Egypt → Minister of Foreign Affairs of Jordan/u);
  assert.match(en, /^ {2}Egypt$/mu);
  assert.match(ar, /وزير الخارجية المصري → وزير الخارجية الأردني/u);
  assert.match(ar, /^ {2}الأحداث: .*؛ /mu);
  // The web app reads nameEn from the same comparison: Egypt's minister is not Jordan's.
  const posts = cmp.outlets.flatMap((o) => o.terms).filter((t) => t.entityId.startsWith('post:minister-of-'));
  assert.ok(
    posts.some((t) => t.nameEn === 'Minister of Foreign Affairs of Egypt'),
    JSON.stringify(posts),
  );
});

test('a quote keeps its speaker only when the sentence quotes them (the story page lists no one else)', () => {
  // Our own sentences. The analysis gives «وقالت المصادر إن …» the article's topic as speaker (a
  // guess); «وقال البيت الأبيض في بيان إن الرئيس الأمريكي …» the White House, named before «في بيان»
  // (walk5; it used to guess the president, the reported clause's subject).
  const make = (id: string, outlet: string, text: string) =>
    processRecord({
      id,
      outlet,
      story: 't',
      title: text.slice(0, 30),
      published: '2025-05-01',
      text,
      url: `https://example.org/${id}`,
    });
  const a = make(
    'q-a',
    'alpha',
    'وقال البيت الأبيض في بيان إن الرئيس الأمريكي اتصل بنظيره الروسي لإدانة الهجوم.\n' +
      'واستقبل الرئيس المصري وزير الخارجية السوداني في القاهرة اليوم. وقالت المصادر إن الجانبين اتفقا على تشكيل لجنة مشتركة.',
  );
  const b = make(
    'q-b',
    'beta',
    'زار وزير الخارجية الإيراني إسلام آباد اليوم. وقال وزير الداخلية الباكستاني إن الزيارة تعزز التعاون الأمني. وأضاف أن اللجنة ستجتمع قريبا.',
  );
  const raw = [a, b].flatMap((d) => d.analysis.events.filter((e) => e.attribution?.speaker?.entityId));
  assert.ok(
    raw.some((e) => e.attribution!.speaker!.entityId === 'post:president-egy'),
    'the analysis guesses the topic for «المصادر»',
  );
  const cmp = compareOutlets(
    {
      id: 'story:q',
      articles: ['q-a', 'q-b'],
      outlets: ['alpha', 'beta'],
      title: 't',
      entities: [],
      cohesion: 1,
    },
    [a, b],
  );
  const alpha = cmp.outlets.find((o) => o.outlet === 'alpha')!;
  const beta = cmp.outlets.find((o) => o.outlet === 'beta')!;
  assert.ok(alpha.quotes.length > 0, 'the quotes stay');
  assert.deepEqual(
    [...new Set(alpha.quotes.filter((q) => q.speaker).map((q) => q.speaker))],
    ['البيت الأبيض'],
    'alpha names only the White House, which its sentence quotes (not the sources’ guessed speaker)',
  );
  // «وأضاف أن …» goes on quoting the minister the sentence before names.
  const minister = beta.quotes.map((q) => q.speaker);
  assert.ok(minister.length > 0 && minister.every((s) => s && /الداخلية/u.test(s)), minister.join());
  assert.deepEqual(alpha.unquoted, [...new Set(minister)], 'alpha does not quote the minister');
  assert.deepEqual(beta.unquoted, ['البيت الأبيض']);
});

test('compareOutlets: a ministry and its state, a territory and its state, are the same side — not an event one outlet «leaves out»', () => {
  const at = (id: string, outlet: string, text: string) =>
    processRecord({
      id,
      outlet,
      story: 'x',
      title: 'غارات وإدانات',
      published: '2025-10-20',
      url: `https://${outlet}.example/${id}`,
      text,
    });
  const a = at(
    'side-a',
    'alpha',
    'شنت طائرات إسرائيلية اليوم الاثنين غارات على مدينة غزة في فلسطين.\n\nوأدانت وزارة الخارجية الأردنية الغارات، واتهمت إسرائيل بانتهاك القانون الدولي.',
  );
  const b = at(
    'side-b',
    'beta',
    'شنت إسرائيل اليوم الاثنين غارات على قطاع غزة.\n\nواتهم الأردن إسرائيل بانتهاك القانون الدولي، وأدان الغارات.',
  );
  const story = {
    id: 'story:x',
    title: 'غارات',
    articles: ['side-a', 'side-b'],
    outlets: ['alpha', 'beta'],
    from: '2025-10-20',
    to: '2025-10-20',
    entities: [],
    cohesion: 1,
  };
  const cmp = compareOutlets(story as never, [a, b]);
  const types = (o: string) => cmp.outlets.find((v) => v.outlet === o)!.events.map((e) => e.key);
  // Each names the accuser and the target its own way…
  assert.ok(
    types('alpha').some((k) => k.startsWith('ACCUSE ') && !k.includes('country:JOR')),
    types('alpha').join(' | '),
  );
  assert.ok(
    types('beta').some((k) => k.startsWith('ACCUSE country:JOR')),
    types('beta').join(' | '),
  );
  // …and neither is said to leave the accusation or the strikes out.
  for (const v of cmp.outlets)
    assert.deepEqual(
      v.omits.filter((e) => e.type === 'ACCUSE' || e.type === 'ASSAULT').map((e) => e.key),
      [],
      v.outlet,
    );
});

test('«وقال المتحدث باسم الخارجية … ماجد الأنصاري إن …» quotes the spokesman; an outlet that carries him is not told it leaves him out', () => {
  // Our own sentences (walk5): two outlets quote the same spokesman, one through the noun
  // «المتحدث» that opens his post, the other through «وأكد الناطق …».
  const make = (id: string, outlet: string, text: string) =>
    processRecord({
      id,
      outlet,
      story: 'd',
      title: text.slice(0, 30),
      published: '2026-12-02',
      text,
      url: `https://example.org/${id}`,
    });
  const a = make(
    'd-a',
    'alpha',
    'أعلنت قطر أن جولة مفاوضات جديدة بين حماس وإسرائيل ستنطلق في الدوحة. وقال المتحدث باسم وزارة الخارجية القطرية ماجد الأنصاري إن الوسطاء "يعملون على تقريب وجهات النظر".',
  );
  const b = make(
    'd-b',
    'beta',
    'ستستضيف الدوحة جولة مفاوضات بين حماس وإسرائيل. وأكد الناطق باسم الخارجية القطرية ماجد الأنصاري أن الوسطاء يبذلون جهودا لتقريب المواقف.',
  );
  const cmp = compareOutlets(
    {
      id: 'story:d',
      articles: ['d-a', 'd-b'],
      outlets: ['alpha', 'beta'],
      title: 't',
      entities: [],
      cohesion: 1,
    },
    [a, b],
  );
  for (const o of cmp.outlets) {
    assert.ok(
      o.quotes.some((q) => q.speaker === 'ماجد الأنصاري'),
      `${o.outlet}: ${JSON.stringify(o.quotes.map((q) => [q.speaker, q.verb]))}`,
    );
    assert.ok(!o.unquoted.includes('ماجد الأنصاري'), `${o.outlet} unquoted: ${o.unquoted}`);
  }
});
