// Relative event dates in an article that came with no publication date (worktree evfix): «أمس»,
// «اليوم الثلاثاء» are resolved only against a date the text states for itself — its dateline or
// byline, as the ingest reads it (src/ingest/text-date.ts) — and such a date says so
// (`from: 'text'`, «(من النص)» in the CLI table as in the reader); a date somewhere in the first
// lines is no anchor, and the event keeps the words with no value. Sentences are our own writing.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';
import { anchorDate, extractEvents } from '../../src/analyze/events.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import { main } from '../../src/cli/main.ts';
import { buildArticle } from '../../src/ingest/article.ts';
import { processArticle } from '../../src/jobs/pipeline.ts';
import type { Article, EventRecord } from '../../src/model.ts';
import { fakeContext } from '../helpers.ts';
import { pipelineEvents } from './pipeline.ts';

function run(text: string, published?: string) {
  const brief = parseBrief(text);
  const ent = findEntities(text, { brief });
  return extractEvents({
    text,
    brief,
    mentions: ent.mentions,
    entities: ent.entities,
    ...(published ? { published } : {}),
  });
}
const meeting = (es: EventRecord[]) => es.find((e) => e.type === 'CONSULT')!;

/** A full date inside the story's first sentence, then a meeting «أمس». */
const UNDATED =
  'قال الوزير إن الحكومة وقعت في 5 مارس 2024 اتفاقا مع تركيا. واستقبل الرئيس التونسي أمس وزير الخارجية التركي.';
/** The same meeting under a dateline that states its day. */
const DATELINED = 'تونس، الثلاثاء 11 نوفمبر 2025 (خاص) - استقبل الرئيس التونسي أمس وزير الخارجية التركي.';

test('no publication date, no dateline: «أمس» keeps its words and no value; a date in the story is no anchor', () => {
  const r = run(UNDATED);
  assert.equal(r.published, undefined, '«5 مارس 2024» dates the agreement, not the article');
  const date = meeting(r.events).date;
  assert.equal(date?.expression, 'أمس', 'the relative words are kept');
  assert.equal(date?.value, undefined, 'not 2024-03-04');
  assert.equal(date?.precision, 'unknown');
  assert.ok(!r.dates.some((d) => d.expression === 'أمس' && d.value), 'no date of the analysis resolves it');
  // «اليوم الثلاثاء» alone in an undated text: the weekday is not a date either
  const today = meeting(run('استقبل الرئيس التونسي اليوم الثلاثاء وزير الخارجية التركي.').events).date;
  assert.deepEqual([today?.expression, today?.value], ['اليوم الثلاثاء', undefined]);
});

test('a dateline that states its day anchors «أمس», and the date says it came from the text', () => {
  const r = run(DATELINED);
  assert.deepEqual(
    [r.published?.value, r.published?.from, r.published?.expression],
    ['2025-11-11', 'text', '11 نوفمبر 2025'],
  );
  const date = meeting(r.events).date;
  assert.deepEqual([date?.value, date?.precision, date?.from], ['2025-11-10', 'day', 'text']);
  // «طهران - 30 سبتمبر 2025: …»: a colon may close the dateline, as a dash does
  assert.deepEqual(
    [anchorDate({ text: 'طهران - 30 سبتمبر 2025: التقى الوزير نظيره أمس.' })?.value],
    ['2025-09-30'],
  );
  assert.equal(anchorDate({ text: '5 مارس 2025: موعد الانتخابات البلدية المقبلة.' }), undefined);
});

test('a publication date given with the article wins, and its dates carry no «from the text» mark', () => {
  const r = run(DATELINED, '2025-11-12');
  assert.equal(r.published?.from, undefined);
  const date = meeting(r.events).date;
  assert.deepEqual([date?.value, date?.from], ['2025-11-11', undefined]);
  assert.equal(meeting(pipelineEvents(UNDATED, '2025-11-12')).date?.from, undefined);
});

test("ingest: the date read from the dateline is the article's, and the events worked out from it say so", () => {
  const built = buildArticle({ text: DATELINED, source: 'dateline.txt', format: 'text' });
  assert.equal(built.kind, 'article');
  const { article } = built as { article: Article };
  assert.equal(article.published, '2025-11-11');
  const { analysis } = processArticle(article);
  assert.deepEqual([analysis.published?.value, analysis.published?.from], ['2025-11-11', 'text']);
  const date = meeting(analysis.events).date;
  assert.deepEqual([date?.value, date?.from], ['2025-11-10', 'text']);
});

test('khabar events: the table marks a date worked out from the dateline «(من النص)», and --json `from`', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'khabar-undated-'));
  try {
    const file = join(dir, 'dateline.txt');
    writeFileSync(file, `${DATELINED}\n`);
    const ar = fakeContext();
    assert.equal(await main(['events', file, '--lang', 'ar'], ar.ctx), 0, ar.err());
    assert.match(ar.out(), /التاريخ: 2025-11-10 «أمس» \(من النص\)/u);
    const json = fakeContext();
    assert.equal(await main(['events', file, '--json'], json.ctx), 0, json.err());
    const out = JSON.parse(json.out()) as { events: EventRecord[] };
    assert.equal(meeting(out.events).date?.from, 'text');
    const plain = join(dir, 'undated.txt');
    writeFileSync(plain, `${UNDATED}\n`);
    const en = fakeContext();
    assert.equal(await main(['events', plain, '--lang', 'en'], en.ctx), 0, en.err());
    assert.match(en.out(), /date: \? «أمس»/u);
    assert.doesNotMatch(en.out(), /from the text|2024-03-04/u);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
