/**
 * `khabar ingest` and `khabar status` on awkward input (our own Arabic sentences): every
 * input ends stored or quarantined with a reason `khabar status` shows (and `--json`),
 * nothing is dropped silently, and the exit status says whether anything was refused
 * (0 none, 3 some, 2 a refused command).
 */
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import type { Article } from '../../src/model.ts';
import { openStore } from '../../src/store/index.ts';
import type { QuarantineEntry } from '../../src/store/store.ts';
import { fakeContext, tempDir } from '../helpers.ts';

const SENTENCE_A =
  'قال وزير النقل في مؤتمر صحفي إن الطريق الساحلي الجديد سيفتتح قبل نهاية الشهر المقبل بعد أشهر من الأعمال.';
const SENTENCE_B =
  'أعلنت وزارة الصحة أن حملة التطعيم الوطنية ستبدأ في المدارس الأسبوع المقبل وتستمر شهرا كاملا.';
const SENTENCE_C =
  'أعلنت البلدية عن افتتاح حديقة عامة جديدة في وسط المدينة، وقال رئيس البلدية إن الحديقة تضم ملاعب للأطفال.';
const SENTENCE_D =
  'أكد وزير التعليم أن الامتحانات النهائية ستجرى في موعدها المحدد، وأن الوزارة أعدت خطة لتوزيع الأوراق.';

/** `s` in windows-1256 (Arabic letters only, with spaces, the Arabic comma and a period). */
function cp1256(s: string): Buffer {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (ch === '،') out.push(0xa1);
    else if (c >= 0x621 && c <= 0x636) out.push(c - 0x621 + 0xc1);
    else if (c >= 0x637 && c <= 0x63a) out.push(c - 0x637 + 0xd8);
    else if (c === 0x640) out.push(0xdc);
    else if (c >= 0x641 && c <= 0x643) out.push(c - 0x641 + 0xdd);
    else if (c === 0x644) out.push(0xe1);
    else if (c >= 0x645 && c <= 0x648) out.push(c - 0x645 + 0xe3);
    else if (c === 0x649) out.push(0xec);
    else if (c === 0x64a) out.push(0xed);
    else throw new Error(`no windows-1256 byte in this table for ${ch}`);
  }
  return Buffer.from(out);
}

async function run(args: string[], stdin?: string) {
  const f = fakeContext();
  if (stdin !== undefined) f.ctx.stdin = Readable.from([Buffer.from(stdin)]);
  const code = await main(args, f.ctx);
  return { code, out: f.out(), err: f.err() };
}

test('awkward inputs in a folder: each stored or quarantined with its reason, exit 3', async () => {
  const dir = tempDir('khabar-awkward-');
  const inDir = join(dir, 'in');
  mkdirSync(join(inDir, 'loop'), { recursive: true });
  const w = (name: string, data: string | Buffer) => writeFileSync(join(inDir, name), data);
  w('empty.txt', '');
  w('binary.bin', Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8, 0, 0x1b, 0, 0, 0, 0]));
  w('empty.jsonl', '');
  w('blank.jsonl', '\n\n  \n');
  w(
    'mixed.jsonl',
    `${JSON.stringify({ text: SENTENCE_A, url: 'https://a.invalid/1' })}\n\n{"text": "مقطوع\n${JSON.stringify({ text: SENTENCE_B, url: 'https://a.invalid/2' })}\n\n`,
  );
  w(
    'nobody.html',
    '<!doctype html><html><head><title>صفحة</title></head><body><nav><a href="/">الرئيسية</a> <a href="/a">أخبار محلية</a> <a href="/s">رياضة</a></nav></body></html>',
  );
  w(
    'nolinks.rss',
    '<?xml version="1.0"?><rss version="2.0"><channel><title>قناة المدينة</title>' +
      '<item><title>عنوان فقط</title></item>' +
      `<item><title>عنوان ثان</title><description>${SENTENCE_C}</description></item></channel></rss>`,
  );
  w('cp1256.txt', cp1256(SENTENCE_C.replace('ملاعب', 'ملاعبا')));
  w('bom.txt', `\uFEFF${SENTENCE_D}`);
  symlinkSync('..', join(inDir, 'loop', 'back'));
  const db = join(dir, 'k.db');

  const r = await run(['ingest', inDir, '--db', db, '--json', '--quiet']);
  assert.equal(r.code, 3, r.err);
  const s = JSON.parse(r.out) as {
    inserted: number;
    quarantined: number;
    reasons: Record<string, number>;
    warnings: Record<string, number>;
  };
  // stored: two JSONL records, the feed item with a text, the windows-1256 file, the BOM file
  assert.equal(s.inserted, 5, r.out);
  assert.deepEqual(s.reasons, {
    'ingest/binary': 1,
    'ingest/empty': 4,
    'ingest/bad-json': 1,
    'ingest/no-text': 2,
  });
  assert.equal(s.quarantined, 8);
  assert.deepEqual(s.warnings, { 'feed/no-link': 1 });

  const st = await run(['status', '--db', db, '--json']);
  assert.equal(st.code, 0, st.err);
  const status = JSON.parse(st.out) as {
    stats: { articles: number; quarantined: number };
    quarantine: { total: number; items: QuarantineEntry[] };
  };
  assert.deepEqual([status.stats.articles, status.quarantine.total], [5, 8]);
  const why = (source: string) =>
    status.quarantine.items.filter((e) => e.source === join(inDir, source)).map((e) => [e.ruleId, e.reason]);
  assert.match(why('empty.jsonl')[0]?.[1] ?? '', /empty\.jsonl: is empty/u);
  assert.match(why('blank.jsonl')[0]?.[1] ?? '', /holds no JSON record \(3 empty lines\)/u);
  assert.match(why('mixed.jsonl:2')[0]?.[1] ?? '', /1 empty line before a record \(line 2\)/u);
  assert.match(why('mixed.jsonl:3')[0]?.[0] ?? '', /ingest\/bad-json/u);
  assert.equal(why('mixed.jsonl:5').length, 0, 'a trailing empty line is no lost record');
  const nobody = why('nobody.html')[0];
  assert.equal(nobody?.[0], 'ingest/no-text');
  assert.match(nobody?.[1] ?? '', /no article body: its main text is «الرئيسية أخبار محلية رياضة»/u);
  // ingdef5: …and says what to do (the feed must give the text or a link), naming the item's title when it has one.
  assert.match(
    why('nolinks.rss#عنوان فقط')[0]?.[1] ?? '',
    /no content and no link — nothing to read .*<description>.*<link> to its page, then read the feed again/u,
  );
  assert.deepEqual(
    why('binary.bin').map((x) => x[0]),
    ['ingest/binary'],
  );
  assert.deepEqual(
    why('empty.txt').map((x) => x[0]),
    ['ingest/empty'],
  );

  const store = await openStore(db);
  try {
    const bySource = new Map<string, Article>();
    for await (const d of store.iterate()) bySource.set(d.article.provenance.source, d.article);
    assert.equal(bySource.get(join(inDir, 'cp1256.txt'))?.provenance.encoding, 'windows-1256');
    assert.match(bySource.get(join(inDir, 'cp1256.txt'))?.text ?? '', /^أعلنت البلدية/u);
    assert.equal(bySource.get(join(inDir, 'bom.txt'))?.text, SENTENCE_D, 'the BOM is not part of the text');
    assert.deepEqual(
      bySource.get(join(inDir, 'nolinks.rss#عنوان ثان'))?.warnings.map((m) => m.ruleId),
      ['feed/no-link'],
    );
  } finally {
    await store.close();
  }

  // the plain status names them too
  const table = await run(['status', '--db', db, '--limit', '20']);
  for (const name of ['empty.jsonl', 'blank.jsonl', 'mixed.jsonl:2', 'nobody.html', 'binary.bin'])
    assert.ok(table.out.includes(join(inDir, name)), `${name} in:\n${table.out}`);

  // the same folder again: the same refusals (exit 3), no second quarantine entry
  const again = await run(['ingest', inDir, '--db', db, '--json', '--quiet']);
  assert.equal(again.code, 3);
  assert.equal(JSON.parse(again.out).unchanged, 5);
  assert.equal(JSON.parse((await run(['status', '--db', db, '--json'])).out).quarantine.total, 8);
});

test('stdin and paths: empty stdin is quarantined (exit 3), an article on stdin exits 0, a missing path exits 2', async () => {
  const dir = tempDir('khabar-awkward-stdin-');
  const db = join(dir, 'k.db');
  const empty = await run(['ingest', '-', '--db', db, '--quiet'], '');
  assert.equal(empty.code, 3, empty.err);
  assert.match(empty.out, /ingest\/empty\s+1/u);
  const ok = await run(['ingest', '-', '--db', db, '--quiet', '--json'], SENTENCE_A);
  assert.equal(ok.code, 0, ok.err);
  assert.equal(JSON.parse(ok.out).inserted, 1);
  const missing = await run(['ingest', join(dir, 'nope.txt'), '--db', db]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /nope\.txt: no such file/u);
  const st = JSON.parse((await run(['status', '--db', db, '--json'])).out);
  assert.deepEqual(
    st.quarantine.items.map((e: QuarantineEntry) => [e.source, e.ruleId]),
    [['-', 'ingest/empty']],
  );
});
