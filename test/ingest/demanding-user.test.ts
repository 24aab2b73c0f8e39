/**
 * The ingest walked as a demanding user would (ingdef3): a windows-1256 page whose only charset
 * is its <meta http-equiv>, a JSONL file with a broken line in the middle (then corrected), and
 * standard input — what is stored, what `khabar status` keeps, and what the messages say.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import iconv from 'iconv-lite';
import { main } from '../../src/cli/main.ts';
import { buildArticle } from '../../src/ingest/article.ts';
import { decode } from '../../src/ingest/decode.ts';
import { openStore } from '../../src/store/index.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const STORY =
  'أعلنت وزارة الصحة اليوم عن حملة وطنية للتطعيم ضد الحصبة تستهدف الأطفال دون سن الخامسة في جميع المحافظات. ' +
  'وقال الوزير إن الحملة تستمر أسبوعين وإن فرقا متنقلة ستزور القرى النائية لضمان وصول اللقاح إلى الجميع.';

const page = (charset: string, extra: { script?: string; menu?: string }) =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>حملة للتطعيم</title>` +
  `<script>${extra.script ?? ''}</script></head><body><nav>${extra.menu ?? ''}</nav><article><p>${STORY}</p></article></body></html>`;

// A page's scripts: far more Latin letters than its story has Arabic ones.
const SCRIPT =
  'window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} '.repeat(60);
// An English menu around the story (what the page shows): Arabic letters are not most of its letters.
const MENU = Array.from(
  { length: 40 },
  (_, i) => `<a href="/s${i}">Section number ${i} Home News Sports</a>`,
).join('');

test('a windows-1256 (or ISO-8859-6) page with inline scripts is decoded as what it is, not ISO-8859-1', () => {
  for (const enc of ['windows-1256', 'iso-8859-6']) {
    const d = decode(new Uint8Array(iconv.encode(page(enc, { script: SCRIPT }), enc)), 'p.html');
    assert.equal(d.encoding, enc);
    assert.ok(d.text.includes(STORY), enc);
  }
  const r = buildArticle({
    source: 'p.html',
    format: 'html',
    html: true,
    bytes: new Uint8Array(iconv.encode(page('windows-1256', { script: SCRIPT }), 'windows-1256')),
  });
  assert.ok(r.kind === 'article', JSON.stringify(r));
  assert.equal(r.article.text, STORY);
  assert.equal(r.article.provenance.encoding, 'windows-1256');
});

test('a page whose letters are mostly its English menu is decoded in the charset its <meta http-equiv> declares', () => {
  for (const enc of ['windows-1256', 'iso-8859-6']) {
    const d = decode(new Uint8Array(iconv.encode(page(enc, { menu: MENU }), enc)), 'p.html');
    assert.equal(d.encoding, enc);
    assert.ok(d.text.includes(STORY), enc);
  }
});

async function run(args: string[], stdin?: string): Promise<{ code: number; out: string }> {
  const { ctx, out, err } = fakeContext();
  if (stdin !== undefined) (ctx.stdin as unknown as NodeJS.WritableStream).end(stdin);
  const code = await main(args, ctx);
  assert.ok(code === 0 || code === 3, err());
  return { code, out: out() };
}

const RECORDS = [
  'أطلقت جامعة العاصمة برنامجا جديدا للمنح الدراسية يستهدف الطلاب المتفوقين من الأسر محدودة الدخل في جميع أنحاء البلاد.',
  'قررت الحكومة رفع الحد الأدنى للأجور بنسبة عشرة في المئة اعتبارا من مطلع العام المقبل لمواجهة غلاء المعيشة.',
  'شهدت أسواق الخضار في المدينة ارتفاعا ملحوظا في أسعار الطماطم والبطاطا خلال الأسبوع الجاري بسبب موجة الصقيع.',
];
const line = (i: number) => JSON.stringify({ id: `r${i}`, text: RECORDS[i] });

test('a JSONL line broken in the middle: the others land, it is quarantined with its line and what to do; corrected, it leaves the quarantine', async () => {
  const dir = tempDir('khabar-demanding-');
  const db = join(dir, 'a.db');
  const file = join(dir, 'in.jsonl');
  writeFileSync(file, `${line(0)}\n{"id": "r1", "text": "مكسور\n${line(2)}\n`);
  const first = await run(['ingest', file, '--db', db, '--json']);
  assert.equal(first.code, 3);
  const s1 = JSON.parse(first.out);
  assert.deepEqual([s1.inserted, s1.quarantined, s1.unquarantined], [2, 1, 0]);
  let store = await openStore(db);
  const q = await store.quarantined();
  assert.equal(q.total, 1);
  assert.equal(q.items[0]!.source, `${file}:2`);
  assert.match(q.items[0]!.reason, /:2: not valid JSON .* correct this line and read the input again/u);
  await store.close();
  // the same broken file again: still quarantined, once
  assert.equal(JSON.parse((await run(['ingest', file, '--db', db, '--json'])).out).unquarantined, 0);
  // corrected: stored, and out of the quarantine — `khabar status` no longer lists it
  writeFileSync(file, `${line(0)}\n${line(1)}\n${line(2)}\n`);
  const fixed = await run(['ingest', file, '--db', db, '--json']);
  assert.equal(fixed.code, 0);
  const s2 = JSON.parse(fixed.out);
  assert.deepEqual([s2.inserted, s2.unchanged, s2.quarantined, s2.unquarantined], [1, 2, 0, 1]);
  store = await openStore(db);
  assert.equal((await store.quarantined()).total, 0);
  assert.equal((await store.stats()).articles, 3);
  await store.close();
  assert.match((await run(['status', '--db', db])).out, /quarantine: empty/u);
  const text = (await run(['ingest', file, '--db', db])).out;
  assert.doesNotMatch(text, /out of quarantine/u);
});

test('standard input is named in words, and an empty one says what to send', async () => {
  const dir = tempDir('khabar-demanding-');
  const db = join(dir, 'a.db');
  await run(['ingest', '-', '--db', db], `${line(0)}\n{"id": 2\n`);
  await run(['ingest', '-', '--db', db], '');
  const store = await openStore(db);
  const reasons = (await store.quarantined()).items.map((i) => `${i.source} ${i.reason}`);
  await store.close();
  assert.equal(reasons.length, 2);
  assert.match(reasons[1]!, /^-:2 standard input, line 2: not valid JSON/u);
  assert.match(reasons[0]!, /^- standard input is empty: .*khabar ingest - < FILE/u);
  // a later good line 2 on standard input is another input: the entry stays
  await run(['ingest', '-', '--db', db], `${line(0)}\n${line(1)}\n`);
  const again = await openStore(db);
  assert.equal((await again.quarantined()).total, 2);
  await again.close();
});

test('an edited page read again (same canonical URL, changed text) replaces the stored one: search and facets find the new text only; the last read wins', async () => {
  const dir = tempDir('khabar-demanding-');
  const db = join(dir, 'a.db');
  const edition = (guest: string, country: string) =>
    `<html><head><link rel="canonical" href="https://news.example/visit"><meta property="og:site_name" content="الخبر">` +
    `<title>وزير الخارجية يستقبل نظيره</title></head><body><article><h1>وزير الخارجية يستقبل نظيره</h1><p>استقبل وزير الخارجية المصري اليوم في القاهرة نظيره ${guest} وبحث معه العلاقات الثنائية بين مصر و${country} والأوضاع في المنطقة. وقال الوزير إن البلدين اتفقا على تعزيز التعاون الاقتصادي.</p></article></body></html>`;
  writeFileSync(join(dir, 'v1.html'), edition('الفرنسي', 'فرنسا'));
  writeFileSync(join(dir, 'v2.html'), edition('الألماني', 'ألمانيا'));
  const ingest = async (f: string) =>
    JSON.parse((await run(['ingest', join(dir, f), '--db', db, '--json'])).out);
  assert.equal((await ingest('v1.html')).inserted, 1);
  assert.deepEqual([(await ingest('v2.html')).updated], [1]);
  const store = await openStore(db);
  try {
    assert.deepEqual([(await store.stats()).articles, (await store.stats()).superseded], [1, 1]);
    assert.equal((await store.search({ q: 'فرنسا' })).total, 0);
    assert.equal((await store.search({ q: 'الفرنسي' })).total, 0);
    assert.equal((await store.search({ q: 'ألمانيا' })).total, 1);
    const facets = (await store.search({ q: 'الوزير', facets: true })).facets!;
    assert.deepEqual(facets.countries.map((c) => c.value).sort(), ['DEU', 'EGY']);
  } finally {
    await store.close();
  }
  // the earlier edition read again is current again (the last read wins), the other kept as superseded
  assert.equal((await ingest('v1.html')).updated, 1);
  const again = await openStore(db);
  try {
    assert.equal((await again.search({ q: 'فرنسا' })).total, 1);
    assert.equal((await again.search({ q: 'ألمانيا' })).total, 0);
  } finally {
    await again.close();
  }
});
