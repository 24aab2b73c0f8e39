import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import type { IngestItem } from '../../src/ingest/article.ts';
import { globMatcher } from '../../src/ingest/glob.ts';
import { extractHtml, withoutHeadline } from '../../src/ingest/html.ts';
import { articleId } from '../../src/ingest/ids.ts';
import { openSource } from '../../src/ingest/sources/index.ts';
import { arabicArticle } from './fixtures.ts';
import { tempDir } from '../helpers.ts';

async function all(it: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}
const articles = (xs: IngestItem[]) => xs.flatMap((x) => (x.kind === 'article' ? [x.article] : []));
const rejected = (xs: IngestItem[]) => xs.flatMap((x) => (x.kind === 'rejected' ? [x.entry] : []));

const PERSIAN =
  'وزیر امور خارجه ایران امروز در دیدار با همتای پاکستانی خود گفت که گسترش همکاری‌های اقتصادی و فرهنگی میان دو کشور برای ما بسیار مهم است و باید گام‌های تازه‌ای برداشته شود.';
const ARABIC_YEH_KAF =
  'أكد المسؤول الإیرانی فی تصریح له الیوم أن العلاقات مع باکستان تشهد تطورا ملحوظا، وأن الجانبین اتفقا على تعزیز التعاون فی المجالات الاقتصادیة والأمنیة خلال المرحلة المقبلة.';

function tmp(): string {
  return tempDir('khabar-ingest-');
}

test('a folder: recursive, sorted, include/exclude, every refusal quarantined with its reason', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'a', 'b'), { recursive: true });
  mkdirSync(join(dir, 'skip'));
  writeFileSync(join(dir, 'one.txt'), arabicArticle(1));
  writeFileSync(join(dir, 'a', 'two.txt'), iconv.encode(arabicArticle(2), 'windows-1256'));
  writeFileSync(
    join(dir, 'a', 'b', 'three.txt'),
    Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(arabicArticle(3), 'utf-16le')]),
  );
  writeFileSync(join(dir, 'a', 'b', 'iso.txt'), iconv.encode(arabicArticle(4), 'iso-8859-6'));
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blank.txt'), '  \n\n ');
  writeFileSync(join(dir, 'bin.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 1, 2, 3, 0, 0, 0, 9, 9]));
  writeFileSync(join(dir, 'fa.txt'), PERSIAN);
  writeFileSync(join(dir, 'big.txt'), arabicArticle(5, 40));
  writeFileSync(join(dir, 'yehkaf.txt'), ARABIC_YEH_KAF);
  writeFileSync(join(dir, 'skip', 'x.txt'), arabicArticle(6));
  writeFileSync(join(dir, 'notes.md'), arabicArticle(7));
  writeFileSync(join(dir, '.hidden.txt'), arabicArticle(8));
  const items = await all(
    openSource(dir, { include: ['**/*.txt'], exclude: ['skip/**'], limits: { maxBytes: 4000 } }),
  );
  const arts = articles(items);
  const byName = (n: string) => arts.find((a) => a.provenance.source.endsWith(n));
  assert.deepEqual(
    arts.map((a) => a.provenance.source.slice(dir.length + 1)),
    ['a/b/iso.txt', 'a/b/three.txt', 'a/two.txt', 'one.txt', 'yehkaf.txt'],
  );
  assert.equal(byName('two.txt')?.provenance.encoding, 'windows-1256');
  assert.equal(byName('three.txt')?.provenance.encoding, 'utf-16le');
  assert.equal(byName('iso.txt')?.provenance.encoding, 'iso-8859-6');
  assert.equal(byName('one.txt')?.provenance.encoding, 'utf-8');
  assert.equal(byName('two.txt')?.text, arabicArticle(2));
  assert.equal(byName('yehkaf.txt')?.language, 'ar');
  const reasons = Object.fromEntries(rejected(items).map((e) => [e.source.slice(dir.length + 1), e.ruleId]));
  assert.deepEqual(reasons, {
    'bin.txt': 'ingest/binary',
    'big.txt': 'ingest/too-large',
    'blank.txt': 'ingest/empty',
    'empty.txt': 'ingest/empty',
    'fa.txt': 'ingest/not-arabic',
  });
  assert.ok(rejected(items).every((e) => e.reason.length > 10));
  // Each reason names its file once (not «…/bin.txt: …/bin.txt: looks like a binary file»).
  for (const e of rejected(items))
    assert.equal(e.reason.split(e.source).length - 1, 1, `${e.ruleId}: ${e.reason}`);
  assert.equal(rejected(items).find((e) => e.ruleId === 'ingest/not-arabic')?.raw, PERSIAN);
});

test('ids are stable: outlet+url when there is a url, else the normalized text', () => {
  const a = articleId({ outlet: 'x', url: 'https://e.org/a#top', text: 'one' });
  assert.equal(a, articleId({ outlet: 'x', url: 'https://e.org/a', text: 'two' }));
  assert.notEqual(a, articleId({ outlet: 'y', url: 'https://e.org/a', text: 'one' }));
  assert.equal(articleId({ text: 'وقّع الوزير' }), articleId({ text: 'وقع   الوزير،' }));
  assert.notEqual(articleId({ text: 'وقع الوزير' }), articleId({ text: 'وقع الرئيس' }));
});

test('JSONL: documented fields; a bad line is quarantined with its line number, the rest goes on', async () => {
  const dir = tmp();
  const lines = [
    JSON.stringify({
      id: 'k1',
      url: 'https://news.example/1',
      outlet: 'صحيفة',
      title: 'عنوان',
      published: '2025-09-30T10:00:00+03:00',
      text: arabicArticle(11),
    }),
    '{"id": "broken", "text": ',
    JSON.stringify({
      id: 'k3',
      source: 'Outlet B',
      html: `<html><body><article><p>${arabicArticle(12).replace(/\n\n/g, '</p><p>')}</p></article></body></html>`,
    }),
    JSON.stringify({ id: 'k4', title: 'no text' }),
    '',
    JSON.stringify([1, 2]),
    JSON.stringify({ id: 'k7', text: arabicArticle(13), published: 'Tue, 30 Sep 2025 07:00:00 GMT' }),
  ];
  writeFileSync(join(dir, 'dump.jsonl'), `${lines.join('\n')}\n`);
  const items = await all(openSource(join(dir, 'dump.jsonl')));
  const arts = articles(items);
  assert.equal(arts.length, 3);
  assert.deepEqual(
    {
      outlet: arts[0]!.outlet,
      url: arts[0]!.url,
      title: arts[0]!.title,
      published: arts[0]!.published,
      format: arts[0]!.provenance.format,
    },
    {
      outlet: 'صحيفة',
      url: 'https://news.example/1',
      title: 'عنوان',
      published: '2025-09-30T10:00:00+03:00',
      format: 'jsonl',
    },
  );
  assert.equal(arts[1]!.outlet, 'Outlet B');
  assert.match(arts[1]!.text, /^أ|^[\p{Script=Arabic}]/u);
  assert.ok(!arts[1]!.text.includes('<'));
  assert.equal(arts[2]!.published, '2025-09-30T07:00:00Z');
  const rej = rejected(items);
  assert.deepEqual(
    rej.map((e) => [e.source.replace(`${dir}/`, ''), e.ruleId]),
    [
      ['dump.jsonl:2', 'ingest/bad-json'],
      ['dump.jsonl:4', 'ingest/no-text'],
      ['dump.jsonl:6', 'ingest/bad-json'],
      // the empty line between records, reported once the file is read
      ['dump.jsonl:5', 'ingest/empty'],
    ],
  );
  assert.equal(rej[0]!.raw, '{"id": "broken", "text": ');
});

test('stdin: JSONL streamed, plain text read whole', async () => {
  const jsonl = `${JSON.stringify({ text: arabicArticle(21) })}\n${JSON.stringify({ text: arabicArticle(22) })}\n`;
  const a = articles(await all(openSource('-', { stdin: Readable.from([Buffer.from(jsonl)]) })));
  assert.equal(a.length, 2);
  const b = articles(
    await all(openSource('-', { stdin: Readable.from([Buffer.from(arabicArticle(23))]), outlet: 'X' })),
  );
  assert.equal(b.length, 1);
  assert.equal(b[0]!.outlet, 'X');
  assert.equal(b[0]!.provenance.source, '-');
});

test('globs', () => {
  const m = globMatcher(['*.{html,htm}', '2025/**/*.txt']);
  assert.ok(m('x/y/page.htm'));
  assert.ok(m('2025/09/30/a.txt'));
  assert.ok(m('2025/a.txt'));
  assert.ok(!m('2024/a.txt'));
  assert.ok(!m('page.html.bak'));
});

test('an Atom feed file with a single entry, HTML content, author object', async () => {
  const dir = tmp();
  const body = arabicArticle(41)
    .split('\n\n')
    .map((p) => `&lt;p&gt;${p}&lt;/p&gt;`)
    .join('');
  writeFileSync(
    join(dir, 'feed.atom'),
    `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>موقع التجربة</title>
<entry><title>عنوان الخبر</title><link rel="alternate" href="https://site.example/n/41"/><id>tag:site.example,2025:41</id>
<published>2025-10-01T09:30:00+03:00</published><author><name>محررة الموقع</name></author><content type="html">${body}</content></entry></feed>`,
  );
  const [item] = await all(openSource(join(dir, 'feed.atom')));
  assert.equal(item?.kind, 'article');
  const a = item?.kind === 'article' ? item.article : undefined;
  assert.deepEqual(
    {
      title: a?.title,
      url: a?.url,
      byline: a?.byline,
      published: a?.published,
      outlet: a?.outlet,
      text: a?.text,
    },
    {
      title: 'عنوان الخبر',
      url: 'https://site.example/n/41',
      byline: 'محررة الموقع',
      published: '2025-10-01T09:30:00+03:00',
      outlet: 'موقع التجربة',
      text: arabicArticle(41),
    },
  );
});

test('a folder with a symbolic link back to itself is walked once, each file read once', async () => {
  const dir = tmp();
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'a.txt'), arabicArticle(801));
  writeFileSync(join(dir, 'b.txt'), arabicArticle(802));
  symlinkSync(dir, join(dir, 'sub', 'back')); // sub/back → the folder itself: a loop
  symlinkSync(join(dir, 'sub'), join(dir, 'again')); // a second way into sub
  const items = await all(openSource(dir, {}));
  assert.deepEqual(
    items.map((i) => (i.kind === 'article' ? i.article.provenance.source.slice(dir.length + 1) : i.kind)),
    ['again/a.txt', 'b.txt'],
  );
});

// polish9: Readability drops a heading that repeats the title, but its tokenizer (/\W+/) sees no
// Arabic word — an Arabic page's <h1> stayed the first paragraph of the text (the brief's lead,
// the first words of its snippet, evidence of its events). Our own invented page.
test('an HTML page: the <h1> that repeats the title is not the first paragraph of the text', () => {
  const body =
    '<p>الجزائر - أكد رئيس الحكومة الجزائرية يوم السبت أن بلاده مستعدة لاستئناف الحوار مع المغرب حول الحدود البرية المغلقة منذ سنوات طويلة.</p>' +
    '<p>وأضاف أن وفدًا جزائريًا سيزور الرباط قريبًا، داعيًا المجتمع الدولي إلى دعم جهود التهدئة في المنطقة كلها.</p>';
  const page = (title: string, h1: string) =>
    `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
    `<nav>الرئيسية | سياسة</nav><article><h1>${h1}</h1>${body}</article></body></html>`;
  for (const title of ['الجزائر والمغرب: لقاء مرتقب', 'الجزائر والمغرب: لقاء مرتقب | موقع الأفق']) {
    const x = extractHtml(page(title, 'الجزائر والمغرب: لقاء مرتقب'));
    assert.match(x.text, /^الجزائر - أكد رئيس الحكومة/u, title);
    assert.doesNotMatch(x.text, /لقاء مرتقب/u, title);
  }
  // The title is the whole headline when the <title> is it cut short (the site's name cut off).
  const fuller = extractHtml(
    page('الجزائر والمغرب: لقاء مرتقب - موقع الأفق', 'الجزائر والمغرب: لقاء مرتقب في الرباط'),
  );
  assert.equal(fuller.title, 'الجزائر والمغرب: لقاء مرتقب في الرباط');
  assert.match(fuller.text, /^الجزائر - أكد رئيس الحكومة/u);
  // …not a lead sentence that holds the title's words.
  const lead = extractHtml(
    `<!doctype html><html lang="ar"><head><title>الجزائر والمغرب: لقاء مرتقب</title></head><body><article>` +
      `<p>أعلنت الخارجية أن الجزائر والمغرب: لقاء مرتقب الأسبوع المقبل.</p>${body}</article></body></html>`,
  );
  assert.equal(lead.title, 'الجزائر والمغرب: لقاء مرتقب');
  assert.match(lead.text, /^أعلنت الخارجية/u);
  // …not when the heading says less than the title.
  const shorter = extractHtml(page('الجزائر والمغرب: لقاء مرتقب في الرباط', 'الجزائر والمغرب: لقاء مرتقب'));
  assert.equal(shorter.title, 'الجزائر والمغرب: لقاء مرتقب في الرباط');
  // A heading that is not the title stays.
  const other = extractHtml(page('الجزائر والمغرب: لقاء مرتقب', 'تطورات الحدود المغلقة بين البلدين الجارين'));
  assert.match(other.text, /^تطورات الحدود المغلقة/u);
  // A one-word first line (a dateline) is not a title of four words, though the title has it.
  assert.equal(
    withoutHeadline('الجزائر\n\nأكد رئيس الحكومة أن بلاده مستعدة.', ['الجزائر والمغرب: لقاء مرتقب']),
    'الجزائر\n\nأكد رئيس الحكومة أن بلاده مستعدة.',
  );
  // The only paragraph is kept.
  assert.equal(
    withoutHeadline('الجزائر والمغرب: لقاء مرتقب', ['الجزائر والمغرب: لقاء مرتقب']),
    'الجزائر والمغرب: لقاء مرتقب',
  );
});
