/**
 * polish13: a line that is only a dateline — a place and an agency or a credit, short, with a
 * dash («الرباط - وكالة الساحل للأنباء», «القاهرة (خاص) -») — is the brief's dateline, not its
 * lead, so it is no article's title (the search hit, the reader, the feeds title an untitled
 * article by its lead). A headline with a dash («تونس - الجزائر : التشكيلة الأساسية») stays.
 * Every sentence here is written for the test.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseBrief } from '../../src/brief/parse.ts';
import { buildArticle } from '../../src/ingest/article.ts';
import type { Article } from '../../src/model.ts';
import { runCli, tempDir } from '../helpers.ts';

const LEAD = 'أعلنت وزارة الفلاحة أن مخزون السدود ارتفع بعد الأمطار الأخيرة في المناطق الجافة.';
const BODY = 'وأضافت الوزارة أن برنامجا جديدا لدعم الفلاحين الصغار سيبدأ خلال الأشهر المقبلة.';

test('a dateline alone on its line is the dateline; the next line is the lead', () => {
  for (const [line, words] of <Array<[string, string]>>[
    ['الرباط - وكالة الساحل للأنباء', 'الرباط - وكالة الساحل للأنباء'],
    ['القاهرة (خاص) -', 'القاهرة (خاص)'],
    ['عمّان – (بترا) –', 'عمّان – (بترا)'],
    ['بيروت - مراسلنا', 'بيروت - مراسلنا'],
    ['طهران، الثلاثاء 11 نوفمبر 2025 (خاص) -', 'طهران، الثلاثاء 11 نوفمبر 2025 (خاص)'],
    ['دمشق (رويترز)', 'دمشق (رويترز)'],
  ]) {
    const text = `${line}\n\n${LEAD}\n\n${BODY}`;
    const b = parseBrief(text);
    assert.equal(b.dateline?.text, words, line);
    assert.equal(text.slice(b.dateline!.span[0], b.dateline!.span[1]).startsWith(words), true);
    assert.equal(b.lead[0]?.text, LEAD, line);
    assert.deepEqual(
      b.body.map((x) => x.text),
      [BODY],
    );
  }
  // after a headline line: the headline stays the lead
  const h = parseBrief(`السدود تمتلئ بعد الأمطار\nالرباط - وكالة الساحل للأنباء\n${LEAD}`);
  assert.equal(h.lead[0]?.text, 'السدود تمتلئ بعد الأمطار');
  assert.equal(h.dateline?.text, 'الرباط - وكالة الساحل للأنباء');
});

test('a place and an agency credit opening the first sentence are the dateline; the rest of the line the lead', () => {
  for (const [line, words] of <Array<[string, string]>>[
    ['القاهرة (رويترز) - ', 'القاهرة (رويترز)'],
    ['طهران، الثلاثاء 11 نوفمبر 2025 (خاص) - ', 'طهران، الثلاثاء 11 نوفمبر 2025 (خاص)'],
    ['عمّان (بترا) – ', 'عمّان (بترا)'],
    ['باريس (أ ف ب) - ', 'باريس (أ ف ب)'],
  ]) {
    const b = parseBrief(`${line}${LEAD}\n\n${BODY}`);
    assert.equal(b.dateline?.text, words, line);
    assert.equal(b.lead[0]?.text, LEAD, line);
  }
  // a parenthesis that is no agency opens a headline
  const h = parseBrief(`موهبة جديدة (فيديو) - ${LEAD}`);
  assert.equal(h.dateline, undefined);
  assert.equal(h.lead[0]?.text, `موهبة جديدة (فيديو) - ${LEAD}`);
});

test('headlines and sentences with a dash are no dateline', () => {
  for (const line of [
    'تونس - الجزائر : التشكيلة الأساسية للفريقين',
    'تونس - الجزائر',
    // ingdef4: «بيروت - قال الوزير: …» is Beirut's dateline now (dateline-place.test.ts)
    'محادثات سعودية - أمريكية بشأن الأسلحة',
    'الرباط - الدار البيضاء',
  ]) {
    const b = parseBrief(`${line}\n\n${LEAD}`);
    assert.equal(b.dateline, undefined, line);
    assert.equal(b.lead[0]?.text, line);
  }
});

test('khabar ingest: a text file opening with a dateline line is not titled by it', async () => {
  const dir = tempDir('khabar-dateline-title-');
  const src = join(dir, 'in');
  mkdirSync(src);
  writeFileSync(join(src, 'rabat.txt'), `الرباط - وكالة الساحل للأنباء\n\n${LEAD}\n\n${BODY}\n`);
  const db = join(dir, 'archive.db');
  const run = runCli;
  await run(['ingest', src, '--db', db, '--json']);
  const res = JSON.parse(await run(['search', 'السدود', '--db', db, '--json'])) as {
    hits: Array<{ title?: string; lead?: string }>;
  };
  assert.equal(res.hits.length, 1);
  assert.equal(res.hits[0]!.title, undefined);
  assert.equal(res.hits[0]!.lead, LEAD);
  const table = await run(['search', 'السدود', '--db', db, '--lang', 'ar']);
  assert.doesNotMatch(table, /1\. الرباط - وكالة/u);
  assert.match(table, /1\. أعلنت وزارة الفلاحة/u);
});

test('an HTML headline or a JSONL title that is only a dateline is the dateline, not the title', () => {
  const page = (head: string, body: string) =>
    buildArticle({
      source: 'page.html',
      format: 'html',
      html: true,
      text: `<html><head>${head}</head><body><article>${body}<p>${LEAD} ${BODY}</p><p>${BODY} ${LEAD}</p></article></body></html>`,
    });
  for (const item of [
    page('<title>الرباط - وكالة الساحل للأنباء</title>', ''),
    page('', '<h1>الرباط - وكالة الساحل للأنباء</h1>'),
    buildArticle({
      source: 'a.jsonl:1',
      format: 'jsonl',
      text: `${LEAD}\n\n${BODY}`,
      meta: { title: 'الرباط - وكالة الساحل للأنباء' },
    }),
  ]) {
    assert.equal(item.kind, 'article');
    const a = (item as { article: Article }).article;
    assert.equal(a.title, undefined);
    assert.equal(a.dateline, 'الرباط - وكالة الساحل للأنباء');
  }
  const kept = buildArticle({
    source: 'a.jsonl:2',
    format: 'jsonl',
    text: `${LEAD}\n\n${BODY}`,
    meta: { title: 'تونس - الجزائر : التشكيلة الأساسية للفريقين' },
  });
  assert.equal((kept as { article: Article }).article.title, 'تونس - الجزائر : التشكيلة الأساسية للفريقين');
});

test('a place, a dash, an agency and a colon is the dateline, alone on its line or before the lead', () => {
  for (const [text, words, lead] of <Array<[string, string, string]>>[
    [`الرياض - واس:\n${LEAD}`, 'الرياض - واس', LEAD],
    [`الرياض - واس: ${LEAD}`, 'الرياض - واس', LEAD],
    [`القاهرة - أ ش أ: ${LEAD}`, 'القاهرة - أ ش أ', LEAD],
    [`مدينة الكويت - كونا : ${LEAD}`, 'مدينة الكويت - كونا', LEAD],
  ]) {
    const b = parseBrief(`${text}\n${BODY}`);
    assert.equal(b.dateline?.text, words, text);
    assert.equal(b.lead[0]?.text, lead, text);
  }
  // a place and a place, or a headline with a colon, stays text
  for (const text of [`تونس - الجزائر: ${LEAD}`, `الرياض - جدة: رحلات جديدة`]) {
    assert.equal(parseBrief(`${text}\n${BODY}`).dateline, undefined, text);
  }
});

test('a JSONL title «الرياض - واس:» is the dateline, not the title', () => {
  const item = buildArticle({
    source: 'a.jsonl:1',
    format: 'jsonl',
    text: `${LEAD}\n\n${BODY}`,
    meta: { title: 'الرياض - واس:' },
  });
  const a = (item as { article: Article }).article;
  assert.equal(a.title, undefined);
  assert.equal(a.dateline, 'الرياض - واس:');
});
