/**
 * polish13: an article whose date is only in its text (a dateline, «نُشر في …», a byline) is dated
 * by it — `published` set, the place recorded as an `ingest/date-from-text` note — so search's
 * `from:`/`to:` find it; a date the source gave always wins, and a relative «اليوم الثلاثاء» or a
 * date inside a sentence or a headline is no article date. Every sentence here is written for it.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { buildArticle } from '../../src/ingest/article.ts';
import type { Article } from '../../src/model.ts';
import { runCli, tempDir } from '../helpers.ts';

const BODY =
  'أعلن المتحدث باسم وزارة الخارجية أن بلاده مستعدة لاستئناف المفاوضات مع الدول المجاورة إذا توفرت الضمانات اللازمة.\n\n' +
  'وأضاف المتحدث أن الجولة المقبلة من المحادثات قد تعقد خلال الأسابيع القادمة في عاصمة محايدة.';

function fromText(text: string, meta: Record<string, string> = {}, html = false): Article {
  const item = buildArticle({ source: 'note.txt', format: html ? 'html' : 'text', text, html, meta });
  assert.equal(item.kind, 'article');
  return (item as { article: Article }).article;
}

test('a dateline, «نُشر في», a date line or a byline dates a text without a given date', () => {
  const cases: Array<[string, string]> = [
    [`طهران، الثلاثاء 11 نوفمبر 2025 (خاص) - ${BODY}`, '2025-11-11'],
    [`نُشر في 2025/11/11\n\n${BODY}`, '2025-11-11'],
    [`تاريخ النشر: ١١/١١/٢٠٢٥ - 10:30\n\n${BODY}`, '2025-11-11'],
    [`الأربعاء 12 نوفمبر 2025\n\n${BODY}`, '2025-11-12'],
    [`المفاوضات تعود إلى الطاولة\nالقاهرة في 3 أكتوبر 2025 (خاص) -\n${BODY}`, '2025-10-03'],
    [`${BODY}\n\nبقلم: سامي الخطيب - 11 تشرين الثاني/نوفمبر 2025`, '2025-11-11'],
    [
      `أعلنت الوزارة اليوم الأربعاء 12 نوفمبر 2025 أن الجولة المقبلة من المحادثات ستعقد قريبا.\n\n${BODY}`,
      '2025-11-12',
    ],
  ];
  for (const [text, day] of cases) {
    const a = fromText(text);
    assert.equal(a.published, day, text.slice(0, 60));
    const note = a.warnings.find((m) => m.ruleId === 'ingest/date-from-text');
    assert.ok(note, `the source of the date is recorded: ${text.slice(0, 40)}`);
    assert.equal(note.severity, 'info');
    assert.ok(note.reason.startsWith('note.txt: '), note.reason);
    // A first line that is only the date is taken off the text (ingdef2: it was the brief's
    // lead): the note names it, with no span; any other date is pointed at where it stands.
    const alone = /^(نُشر في|تاريخ النشر|الأربعاء)/u.test(text);
    if (alone) {
      assert.equal(note.span, undefined, text.slice(0, 40));
      assert.equal(a.text, BODY, text.slice(0, 40));
      assert.ok(note.reason.includes(text.split('\n')[0]!), note.reason);
      continue;
    }
    assert.ok(note.span, 'with its span');
    assert.match(a.text.slice(note.span[0], note.span[1]), /2025|٢٠٢٥/u);
  }
});

test('a date the source gave is never overridden by the text; relative or in-sentence dates are no article date', () => {
  const given = fromText(`طهران، الثلاثاء 11 نوفمبر 2025 (خاص) - ${BODY}`, { published: '2024-01-05' });
  assert.equal(given.published, '2024-01-05');
  assert.equal(
    given.warnings.find((m) => m.ruleId === 'ingest/date-from-text'),
    undefined,
  );
  const html = fromText(
    `<html><head><meta property="article:published_time" content="2024-02-06T08:00:00Z"></head><body><article><p>الرباط، 11 نوفمبر 2025 - ${BODY}</p></article></body></html>`,
    {},
    true,
  );
  assert.equal(html.published, '2024-02-06T08:00:00Z');
  for (const text of [
    `اليوم الثلاثاء\n\n${BODY}`,
    `أعلنت الحكومة أن الانتخابات البرلمانية ستجري في 5 مارس 2026 في كل المحافظات.\n\n${BODY}`,
    `الحكومة تحدد 5 مارس 2026 موعدا للانتخابات\n\n${BODY}`,
    `الانتخابات في 5 مارس 2026\n\n${BODY}`,
    // 12 March 2016 was a Saturday: a mistyped year is no date
    `أعلنت البلدية اليوم الأحد 12 مارس 2016 افتتاح حديقة جديدة.\n\n${BODY}`,
    BODY,
  ]) {
    const a = fromText(text);
    assert.equal(a.published, undefined, text.slice(0, 50));
  }
});

test('khabar ingest of a text file dated only by its dateline: search from:/to: finds it', async () => {
  const dir = tempDir('khabar-text-date-');
  const src = join(dir, 'in');
  mkdirSync(src);
  writeFileSync(join(src, 'tehran.txt'), `طهران، الثلاثاء 11 نوفمبر 2025 (خاص) - ${BODY}\n`);
  const db = join(dir, 'archive.db');
  const run = runCli;
  await run(['ingest', src, '--db', db, '--json']);
  const hits = async (q: string) =>
    (JSON.parse(await run(['search', q, '--db', db, '--json'])) as { hits: Array<{ published?: string }> })
      .hits;
  const inRange = await hits('المفاوضات from:2025-11-01 to:2025-11-30');
  assert.equal(inRange.length, 1);
  assert.equal(inRange[0]!.published, '2025-11-11');
  assert.equal((await hits('المفاوضات from:2025-12-01')).length, 0);
  assert.equal((await hits('المفاوضات to:2025-10-31')).length, 0);
});
