// Event defects a user saw (issue 4, worktree evfix): a host's meeting told again as the two
// sides' keeps its direction; an anaphoric «اللقاء» is the meeting the lead told, and a key point
// cut out of a coded sentence is that sentence's evidence; a festival named after a place is not the
// place; an unknown speaker is not the one named before, nor the demonym qualifying it; an embassy
// with a demonym is that state; a phrase's last word names the one expelled; confidence has two
// decimals; an English table does not print the type twice. Sentences are our own writing.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { findEntities } from '../../src/analyze/entities.ts';
import { extractEvents } from '../../src/analyze/events.ts';
import { parseBrief } from '../../src/brief/parse.ts';
import { main } from '../../src/cli/main.ts';
import type { EventRecord } from '../../src/model.ts';
import { fakeContext } from '../helpers.ts';

function events(text: string, published = '2026-03-04'): EventRecord[] {
  const brief = parseBrief(text);
  const ent = findEntities(text, { brief });
  return extractEvents({ text, brief, mentions: ent.mentions, entities: ent.entities, published }).events;
}
const countries = (as: EventRecord['source']) => [...new Set(as.map((a) => a.country ?? '-'))].sort();
const byType = (es: EventRecord[], type: string) => es.filter((e) => e.type === type);
const article = readFileSync(new URL('../../examples/article.txt', import.meta.url), 'utf8');

test('examples/article.txt: one meeting, host → guest, with «اللقاء» and no key point of the committee', () => {
  const consult = byType(events(article, '2025-10-14'), 'CONSULT');
  assert.equal(consult.length, 1, 'the lead meeting and «يأتي اللقاء» are one event');
  const [meet] = consult;
  assert.deepEqual(countries(meet!.source), ['MAR']);
  assert.deepEqual(countries(meet!.target), ['MRT']);
  assert.equal(meet!.reciprocal, false, '«وبحث الجانبان» does not make the host and guest both sides');
  const said = meet!.evidence.map(([a, b]) => article.slice(a, b));
  assert.ok(
    said.some((s) => s.includes('يأتي اللقاء')),
    'the «اللقاء» sentence is evidence of the meeting',
  );
  assert.ok(!said.some((s) => s.includes('لجنة فنية')), 'the committee key point is not the meeting');
  // the committee key point tells a habit («تجتمع كل ثلاثة أشهر»: walk5), no event of its own; the
  // agreement to form the committee is told once, by «اتفق الوزيران على تشكيل لجنة»
  const all = events(article, '2025-10-14');
  const [agree] = byType(all, 'AGREE');
  assert.ok(agree!.evidence.some(([a, b]) => article.slice(a, b).includes('اتفق الوزيران على تشكيل لجنة')));
  assert.ok(
    !all.some(
      (e) =>
        e.type !== 'AGREE' && e.evidence.some(([a, b]) => article.slice(a, b).startsWith('لجنة فنية مشتركة')),
    ),
    'the key point is no event of another kind',
  );
});

test('a meeting of an Omani minister has no Omani state as its other party', () => {
  const line = readFileSync(new URL('../../examples/articles.jsonl', import.meta.url), 'utf8').split(
    '\n',
  )[0]!;
  const { text, published } = JSON.parse(line) as { text: string; published?: string };
  assert.match(text, /البوسعيدي/, 'examples/articles.jsonl ex-01 is the Oman–Iran meeting');
  for (const e of byType(events(text, published), 'CONSULT')) {
    if (e.reciprocal || e.mode === 'mediate') continue;
    const own = new Set(e.source.map((a) => a.country));
    assert.ok(
      !e.target.some((a) => own.has(a.country)),
      `${e.trigger.text}: target is not the source's own state`,
    );
  }
});

test('a festival named after a place is not the place acting', () => {
  const es = events(
    'وانطلقت فعاليات أيام قرطاج السينمائية أمس، ورحبت أيام قرطاج بالضيوف القادمين من عشرين بلدا.',
  );
  for (const e of es)
    for (const a of [...e.source, ...e.target])
      assert.notEqual(a.name, 'Carthage', `${e.type} «${e.trigger.text}» has Carthage as an actor`);
  const fair = events('وأشاد معرض الجزائر الدولي بالمشاركين من الشركات التونسية.');
  for (const e of fair) assert.ok(!e.source.some((a) => a.country === 'DZA'), 'the fair is not Algeria');
});

test('a speaker the lexicons do not know is not the one named before, nor the demonym qualifying it', () => {
  const paper = events(
    'وأشاد الرئيس الجزائري عبد المجيد تبون بالفيلم. وقالت جريدة الخبر إن الحكومة رحبت بالمبادرة.',
  );
  const welcome = paper.find((e) => e.trigger.text === 'رحبت');
  assert.ok(welcome, 'the welcome is found');
  assert.equal(welcome.attribution?.verb, 'وقالت');
  assert.equal(welcome.attribution?.speaker, undefined, 'the newspaper, not the president, said it');
  const artist = events('وقالت الفنانة الجزائرية إن الوزارة أدانت الهجوم على المسرح.');
  for (const e of artist)
    assert.notEqual(e.attribution?.speaker?.country, 'DZA', 'the artist is not Algeria');
});

test('an embassy named with a demonym is that state acting', () => {
  const [welcome] = byType(
    events('ورحبت السفارة الأمريكية في تونس بالاتفاق الذي وقعته الحكومة مع النقابات.'),
    'SUPPORT',
  );
  assert.ok(welcome, 'the welcome is found');
  assert.deepEqual(countries(welcome.source), ['USA']);
  assert.ok(!welcome.target.some((a) => a.country === 'USA'), 'the USA is not the welcomed one');
});

test("a phrase ending on «السفير» leaves the ambassador's state as the target", () => {
  const [expel] = byType(events('قررت الحكومة الكينية طرد السفير الإثيوبي بعد تصريحات مسيئة.'), 'SANCTION');
  assert.ok(expel, 'the expulsion is found');
  assert.deepEqual(countries(expel.source), ['KEN']);
  assert.deepEqual(countries(expel.target), ['ETH']);
});

test('confidence has at most two decimals, merged restatements too', () => {
  for (const e of events(article, '2025-10-14'))
    assert.equal(e.confidence, Math.round(e.confidence * 100) / 100, `${e.type}: ${e.confidence}`);
});

test('an English table does not print the type twice; an Arabic one glosses it', async () => {
  const en = fakeContext();
  assert.equal(await main(['events', 'examples/article.txt', '--lang', 'en'], en.ctx), 0);
  assert.match(en.out(), /AGREE\/agree {2}Morocco/);
  assert.doesNotMatch(en.out(), /\((?:Agree|Consult)\)/);
  const ar = fakeContext();
  assert.equal(await main(['events', 'examples/article.txt', '--lang', 'ar'], ar.ctx), 0);
  assert.match(ar.out(), /AGREE\/agree \(اتفاق\)/);
});
