import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { main } from '../../src/cli/main.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const dir = tempDir('khabar-brief-');
const ARTICLE =
  'إيران برس - إيران: أعلنت الوزارة افتتاح مدرسة جديدة.\nأهمية الخبر) تخدم المدرسة ألف تلميذ.\nNima Rahimi\n';
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

test('khabar brief FILE prints the khabar.brief/1 JSON with analysis fields', async () => {
  const { ctx, out, err } = fakeContext();
  assert.equal(await main(['brief', file('a.txt', ARTICLE)], ctx), 0);
  const doc = JSON.parse(out());
  assert.equal(doc.schema, 'khabar.brief/1');
  assert.equal(doc.dateline.text, 'إيران برس - إيران');
  assert.equal(doc.sections[0].kind, 'why_it_matters');
  assert.equal(doc.byline.text, 'Nima Rahimi');
  assert.ok(Array.isArray(doc.entities) && Array.isArray(doc.mentions) && Array.isArray(doc.events));
  assert.equal(doc.article.provenance.encoding, 'utf-8');
  assert.equal(err(), '');
});

test('khabar brief - reads standard input; --format md and html', async () => {
  for (const [format, re] of [
    ['md', /## أهمية الخبر/],
    ['html', /<html lang="ar" dir="rtl">/],
  ] as const) {
    const { ctx, out } = fakeContext();
    const stdin = new PassThrough();
    ctx.stdin = stdin;
    stdin.end(ARTICLE);
    assert.equal(await main(['brief', '-', '--format', format], ctx), 0);
    assert.match(out(), re);
  }
});

test('khabar brief: a missing file, a folder, empty and binary input are errors that say what to do', async () => {
  const folder = join(dir, 'folder');
  mkdirSync(folder, { recursive: true });
  const cases: Array<[string, RegExp]> = [
    [join(dir, 'nope.txt'), /nope\.txt: no such file.*pass -/],
    [folder, /folder: is a folder.*khabar ingest/],
    [file('empty.txt', ''), /empty\.txt: is empty/],
    [file('blank.txt', '  \n\n '), /blank\.txt: is empty/],
    [
      file('bin.dat', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0])),
      /bin\.dat: looks like a binary file/,
    ],
  ];
  for (const [path, re] of cases) {
    const { ctx, out, err } = fakeContext();
    assert.equal(await main(['brief', path], ctx), 2, path);
    assert.match(err(), re);
    assert.equal(out(), '');
  }
});

test('khabar brief: windows-1256 input is decoded and said so; non-Arabic text is a warning, not fatal', async () => {
  const legacy = file('legacy.txt', iconv.encode(ARTICLE, 'windows-1256'));
  const a = fakeContext();
  assert.equal(await main(['brief', legacy], a.ctx), 0);
  assert.match(a.err(), /info: .*legacy\.txt: decoded from windows-1256/);
  assert.equal(JSON.parse(a.out()).sections[0].kind, 'why_it_matters');

  const english = file(
    'en.txt',
    'The minister opened a new school in the capital on Sunday, officials said.\n',
  );
  const b = fakeContext();
  assert.equal(await main(['brief', english, '--format', 'md'], b.ctx), 0);
  assert.match(b.err(), /warning: .*en\.txt: the text looks like "en", not Arabic/);
});

test('khabar brief: bad usage names the problem', async () => {
  const a = fakeContext();
  assert.equal(await main(['brief'], a.ctx), 2);
  assert.match(a.err(), /needs a FILE/);
  const b = fakeContext();
  assert.equal(await main(['brief', file('x.txt', ARTICLE), '--format', 'pdf'], b.ctx), 2);
  assert.match(b.err(), /--format: "pdf" is not one of json, md, html/);
});

test('khabar eval briefs scores a folder and lists failures', async () => {
  const data = join(dir, 'eval');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'good.txt'), ARTICLE);
  writeFileSync(
    join(data, 'good.gold.json'),
    JSON.stringify({
      dateline: 'إيران برس  -  إيران',
      byline: 'Nima Rahimi',
      sections: [{ kind: 'why_it_matters' }],
    }),
  );
  writeFileSync(join(data, 'bad.txt'), ARTICLE);
  writeFileSync(
    join(data, 'bad.gold.json'),
    JSON.stringify({ sections: [{ kind: 'why_it_matters' }, { kind: 'key_points', items: 2 }] }),
  );
  const { ctx, out } = fakeContext();
  assert.equal(await main(['eval', 'briefs', '--data', data, '--json'], ctx), 0);
  const r = JSON.parse(out());
  assert.equal(r.task, 'briefs');
  assert.equal(r.articles, 2);
  assert.equal(r.exact, 0.5);
  assert.deepEqual(r.sections, { p: 1, r: 0.667, f1: 0.8, gold: 3, pred: 2, matched: 2 });
  assert.equal(r.dateline_acc, 1);
  assert.deepEqual(r.failures, [
    { file: 'bad.txt', got: ['why_it_matters'], want: ['why_it_matters', 'key_points items=2'] },
  ]);
});

test('khabar eval briefs reads a richer gold with the brief under "brief" (seed.gold.json) and string sections', async (t) => {
  const data = join(dir, 'eval-seed');
  mkdirSync(data, { recursive: true });
  writeFileSync(join(data, 'plain.txt'), ARTICLE);
  writeFileSync(join(data, 'plain.gold.json'), JSON.stringify({ sections: ['why_it_matters'] }));
  const seed = new URL('../../../shared/seeds/000_abf55f7c1628d6cc.txt', import.meta.url);
  const gold = new URL('../../../shared/eval/seed.gold.json', import.meta.url);
  let articles = 1;
  if (existsSync(seed) && existsSync(gold)) {
    copyFileSync(seed, join(data, 'seed.txt'));
    copyFileSync(gold, join(data, 'seed.gold.json'));
    articles = 2;
  } else t.diagnostic('../shared/ is absent: the seed part is skipped');
  const { ctx, out } = fakeContext();
  assert.equal(await main(['eval', 'briefs', '--data', data, '--json'], ctx), 0);
  const r = JSON.parse(out());
  assert.equal(r.articles, articles);
  assert.equal(r.exact, 1);
  assert.deepEqual(r.failures, []);
});

test('khabar brief on an HTML page reads its main text and says so', async () => {
  const page = file(
    'page.html',
    '<!doctype html><html lang="ar"><head><title>عنوان الصفحة</title></head><body><article>' +
      '<p>إيران برس - إيران: أعلنت الوزارة افتتاح مدرسة جديدة في المدينة تتسع لألف تلميذ في المرحلة الابتدائية.</p>' +
      '<p>أهمية الخبر) تخدم المدرسة حيًا يعاني من اكتظاظ الفصول الدراسية منذ سنوات طويلة &lt;b&gt;.</p>' +
      '</article></body></html>',
  );
  const { ctx, out, err } = fakeContext();
  assert.equal(await main(['brief', page], ctx), 0);
  const doc = JSON.parse(out());
  assert.equal(doc.article.provenance.format, 'html');
  assert.equal(doc.dateline.text, 'إيران برس - إيران');
  assert.equal(doc.sections[0].kind, 'why_it_matters');
  assert.doesNotMatch(JSON.stringify(doc.lead), /<p>/);
  assert.match(err(), /info: .*page\.html: read as an HTML page/);
});

test('the one-article commands refuse a JSONL file of articles and say what to run instead', async () => {
  const lines = [
    JSON.stringify({ id: 'a1', text: 'أعلنت الوزارة افتتاح مدرسة جديدة في المدينة.' }),
    JSON.stringify({ id: 'a2', text: 'التقى الوزير نظيره في العاصمة.' }),
  ].join('\n');
  // The extension is not what decides: the same lines in a .txt file, and on standard input.
  for (const path of [file('many.jsonl', `${lines}\n`), file('many.txt', lines), '-']) {
    for (const command of ['brief', 'compose', 'entities', 'events']) {
      const { ctx, out, err } = fakeContext();
      if (path === '-') {
        const stdin = new PassThrough();
        ctx.stdin = stdin;
        stdin.end(lines);
      }
      assert.equal(await main([command, path], ctx), 2, `${command} ${path}`);
      assert.equal(out(), '');
      assert.match(
        err(),
        new RegExp(`is JSONL.*khabar ${command}\` reads one article.*khabar ingest`),
        command,
      );
    }
  }
  // An article that merely opens with a brace, or a JSON object without text, is still read.
  const { ctx } = fakeContext();
  assert.equal(await main(['events', file('brace.txt', '{ملاحظة} التقى الوزير نظيره في العاصمة.')], ctx), 0);
  const { ctx: ctx2 } = fakeContext();
  assert.equal(await main(['events', file('obj.txt', '{"note": "التقى الوزير نظيره"}')], ctx2), 0);
});

test('compose, entities and events read an HTML page’s main text too, not its markup', async () => {
  // own writing: a page with navigation, the article and a footer
  const page = file(
    'army.html',
    '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>الجيش ينتشر في الجنوب</title>' +
      '<meta property="article:published_time" content="2026-03-09T10:00:00Z"></head><body>' +
      '<nav>الرئيسية | سياسة</nav><article><h1>الجيش ينتشر في الجنوب</h1>' +
      '<p>بيروت - أعلن الجيش اللبناني يوم الاثنين انتشار وحدات جديدة في جنوب البلاد قرب الحدود، في إطار خطة أمنية أقرتها الحكومة.</p>' +
      '<p>وقال رئيس الحكومة اللبنانية إن الانتشار يهدف إلى تعزيز الاستقرار وحماية السكان في المنطقة.</p>' +
      '</article><footer>جميع الحقوق محفوظة</footer></body></html>',
  );
  for (const command of ['compose', 'entities', 'events']) {
    const { ctx, out, err } = fakeContext();
    assert.equal(await main([command, page, ...(command === 'compose' ? [] : ['--json'])], ctx), 0, command);
    assert.doesNotMatch(out(), /<\/?(?:p|html|article|footer|nav|meta)\b|doctype/iu, command);
    if (command !== 'entities') assert.match(err(), /info: .*army\.html: read as an HTML page/u, command);
    if (command === 'compose') {
      const doc = JSON.parse(out());
      assert.equal(doc.article.provenance.format, 'html');
      assert.equal(doc.article.published, '2026-03-09T10:00:00Z');
    }
    if (command === 'entities')
      assert.ok(
        JSON.parse(out()).entities.some((e: { id: string }) => e.id === 'org:army-lbn'),
        out(),
      );
    if (command === 'events') {
      // the page's time anchors «يوم الاثنين» (no --published given)
      const { events } = JSON.parse(out());
      assert.ok(
        events.some((e: { date?: { value: string } }) => e.date?.value === '2026-03-09'),
        JSON.stringify(events.map((e: { date?: unknown }) => e.date)),
      );
    }
  }
});

test('the one-article commands refuse an RSS or Atom feed and say what to run instead', async () => {
  const rss =
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>إذاعة</title>' +
    '<item><title>خبر</title><description>التقى الوزير نظيره في العاصمة.</description></item></channel></rss>';
  const atom = '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>موقع</title></feed>';
  for (const path of [file('news.rss', rss), file('news.txt', atom)])
    for (const command of ['brief', 'compose', 'entities', 'events']) {
      const { ctx, out, err } = fakeContext();
      assert.equal(await main([command, path], ctx), 2, `${command} ${path}`);
      assert.equal(out(), '');
      assert.match(
        err(),
        new RegExp(`is an RSS/Atom feed.*khabar ${command}\` reads one article.*khabar ingest`),
      );
    }
});

// polish9: an HTML page's headline (its <h1>, repeating the title) was the brief's lead; once the
// page text no longer opens with it, the Markdown and HTML briefs must show it as their heading.
test('brief and compose of an HTML page: the headline is the heading once, the lead is the first paragraph', async () => {
  // own writing
  const page = file(
    'port.html',
    '<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>ميناء جديد في صفاقس | موقع التجربة</title></head><body>' +
      '<nav>الرئيسية | اقتصاد</nav><article><h1>ميناء جديد في صفاقس</h1>' +
      '<p>صفاقس - أعلنت وزارة النقل التونسية يوم الخميس بدء أشغال توسعة ميناء صفاقس التجاري بكلفة تتجاوز مئتي مليون دينار.</p>' +
      '<p>وقال وزير النقل إن المشروع سيضاعف قدرة الميناء على استقبال الحاويات خلال ثلاث سنوات.</p>' +
      '</article><footer>جميع الحقوق محفوظة</footer></body></html>',
  );
  const md = fakeContext();
  assert.equal(await main(['brief', page, '--format', 'md'], md.ctx), 0, md.err());
  const lines = md.out().split('\n');
  // the site's name after the <title>'s « | » is not the headline's (ingdef)
  assert.equal(lines[0], '# ميناء جديد في صفاقس');
  // ingdef4: «صفاقس -» before the lead is its dateline (a city the gazetteer knows)
  assert.equal(lines[2], '**صفاقس**');
  assert.match(lines[4] ?? '', /^أعلنت وزارة النقل التونسية/u);
  assert.equal(md.out().split('ميناء جديد في صفاقس').length - 1, 1, md.out());
  for (const command of ['brief', 'compose']) {
    const html = fakeContext();
    assert.equal(await main([command, page, '--format', 'html'], html.ctx), 0, command);
    assert.match(html.out(), /<h1>ميناء جديد في صفاقس<\/h1>/u, command);
    // compose reads the text past no dateline (as with «القاهرة (رويترز) -»)
    const lead =
      command === 'brief' ? /<p class="lead">أعلنت وزارة النقل/u : /<p class="lead">صفاقس - أعلنت/u;
    assert.match(html.out(), lead, command);
  }
  const json = fakeContext();
  assert.equal(await main(['brief', page], json.ctx), 0);
  assert.match(JSON.parse(json.out()).lead[0].text, /^أعلنت وزارة النقل/u);
  assert.equal(JSON.parse(json.out()).dateline.text, 'صفاقس');
});

// polish9: «khabar eval events --data -» answered «-: no such file. Check the path, or pass - to
// read standard input» — advice that contradicts itself, as eval reads files only.
test('khabar eval: --data - and a missing path are refused without suggesting standard input', async () => {
  const dash = fakeContext();
  assert.equal(await main(['eval', 'briefs', '--data', '-'], dash.ctx), 2);
  assert.match(dash.err(), /khabar eval briefs reads --data from a file or folder, not standard input \(-\)/);
  const missing = fakeContext();
  assert.equal(await main(['eval', 'briefs', '--data', join(dir, 'no-such-gold')], missing.ctx), 2);
  assert.match(missing.err(), /no-such-gold: no such file or folder\. Check the path\./);
  assert.doesNotMatch(missing.err() + dash.err(), /pass - to read standard input/);
});
