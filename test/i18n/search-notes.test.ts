/**
 * polish13: search notes in the interface's language. The parser's, the compiler's and the
 * store's notes carry a stable code and their values; the CLI writes them in `--lang`, the API
 * gives `notes[{code, params, message}]` in `?lang=`/Accept-Language (and keeps the English
 * `warnings`), the web app writes them from the code. Before: «ملاحظة: unclosed quote …».
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createApp } from '../../src/api/app.ts';
import { SEARCH_NOTE_CODES, type SearchNote, searchNoteText } from '../../src/i18n/search-notes.ts';
import { parseQuery } from '../../src/search/query.ts';
import { openStore } from '../../src/store/index.ts';
import { runCli, tempDir } from '../helpers.ts';

/** Queries that make each note (the store's: an archive of one article, SHARED_NAME). */
const QUERIES: Record<string, string> = {
  'unclosed-quote': '"وزير الخارجية',
  'filter-no-value': 'وزير country:',
  'not-a-filter': 'contry:IRN وزير',
  'unbalanced-paren': 'وزير ) سفير',
  'unclosed-paren': '(وزير سفير',
  'or-nothing-after': 'وزير OR',
  'not-nothing-after': 'وزير NOT',
  'not-before-filter': 'وزير NOT country:IRN',
  'or-beside-filter': 'وزير OR country:IRN',
  'from-after-to': 'وزير from:2025-10 to:2025-09',
  'no-word': 'وزير "..."',
  'short-prefix': 'و*',
  'not-in-or': '(-وزير) OR سفير',
  'unknown-actor': 'actor:Nobody',
  // the archive's one article names two people of that family name
  'ambiguous-actor': 'actor:لاريجاني',
  'unknown-outlet': 'outlet:"وكالة لا توجد"',
};

/** An article (our own writing) naming two people who share a family name: `actor:لاريجاني` names both. */
const SHARED_NAME = {
  title: 'لقاء في طهران',
  published: '2026-03-02',
  text: 'استقبل علي لاريجاني في طهران يوم الاثنين شقيقه صادق لاريجاني، وبحث الاثنان شؤون الموازنة.\n\nوقال صادق لاريجاني إن اللقاء كان وديًا.',
};

/** No English sentence in an Arabic note: only the query's own words (OR, NOT, filters, values) in Latin letters. */
function arabicOnly(text: string): void {
  assert.match(text, /\p{Script=Arabic}{3}/u, text);
  const latin = text
    .replace(/\b(?:OR|NOT|AND|country:IRN,EGY|person:[a-z-]+|khabar status)\b/gu, '')
    .replace(/\b(?:actor|country|type|outlet|from|to|section|contry):\S*/gu, '')
    .replace(/\(a -b\) OR c/gu, '');
  assert.doesNotMatch(latin, /[a-z]{3,}/iu, `English words in «${text}»`);
}

test('every note has a code, an English text (the old warning) and an Arabic one', () => {
  for (const code of SEARCH_NOTE_CODES) assert.ok(QUERIES[code], `a query for ${code}`);
  const p = parseQuery('"وزير الخارجية');
  assert.deepEqual(p.notes, [{ code: 'unclosed-quote', params: { quote: '"' } }]);
  assert.deepEqual(p.warnings, ['unclosed quote ": read to the end of the query']);
  const typo = parseQuery('contry:IRN وزير').notes[0]!;
  assert.equal(typo.code, 'not-a-filter');
  assert.match(searchNoteText(typo, 'ar'), /هل تقصد «country:»؟/u);
  assert.match(searchNoteText(typo, 'en'), /did you mean «country:»\?/u);
});

test('a note the query makes twice is given once (walk: «(((» gave three)', () => {
  const parsed = parseQuery('((وزير OR OR سفير');
  assert.deepEqual(
    parsed.notes.map((n) => n.code),
    ['or-nothing-after', 'unclosed-paren'],
  );
  assert.equal(parsed.warnings.length, 2);
});

test('the CLI writes notes in --lang; --json gives the code and the message', async () => {
  const dir = tempDir('khabar-notes-');
  const db = join(dir, 'archive.db');
  writeFileSync(join(dir, 'one.jsonl'), `${JSON.stringify(SHARED_NAME)}\n`);
  await runCli(['ingest', join(dir, 'one.jsonl'), '--db', db]);
  const run = runCli;
  for (const [code, q] of Object.entries(QUERIES)) {
    const ar = await run(['search', q, '--db', db, '--lang', 'ar']);
    const line = ar.split('\n').find((l) => l.startsWith('ملاحظة: '));
    assert.ok(line, `${code}: ${ar}`);
    arabicOnly(line.slice('ملاحظة: '.length));
    const en = await run(['search', q, '--db', db, '--lang', 'en']);
    assert.match(en, /^note: [^\n]*[a-z]{4}/mu, en);
    const json = JSON.parse(await run(['search', q, '--db', db, '--json', '--lang', 'ar'])) as {
      notes: Array<SearchNote & { message: string }>;
      warnings: string[];
    };
    assert.ok(
      json.notes.some((n) => n.code === code),
      `${code}: ${JSON.stringify(json.notes)}`,
    );
    const n = json.notes.find((x) => x.code === code)!;
    assert.equal(n.message, searchNoteText(n, 'ar'));
    arabicOnly(n.message);
  }
});

test('the API gives notes with a code and the message in the asked language', async () => {
  const store = await openStore(join(tempDir('khabar-notes-api-'), 'archive.db'));
  try {
    const app = createApp({ store, version: 't', cache: false });
    const get = async (q: string, query = '', headers: Record<string, string> = {}) => {
      const res = await app.request(`/api/search?q=${encodeURIComponent(q)}${query}`, { headers });
      assert.equal(res.status, 200);
      return (await res.json()) as { notes?: Array<SearchNote & { message: string }>; warnings?: string[] };
    };
    const ar = await get('"وزير الخارجية');
    assert.deepEqual(ar.notes, [
      {
        code: 'unclosed-quote',
        params: { quote: '"' },
        message: 'علامة التنصيص " لم تُغلق: قُرئ ما بعدها إلى آخر الاستعلام',
      },
    ]);
    assert.deepEqual(ar.warnings, ['unclosed quote ": read to the end of the query']);
    const en = await get('"وزير الخارجية', '&lang=en');
    assert.equal(en.notes?.[0]?.message, 'unclosed quote ": read to the end of the query');
    const header = await get('actor:Nobody', '', { 'accept-language': 'en-GB,en;q=0.9' });
    assert.equal(header.notes?.[0]?.code, 'unknown-actor');
    assert.match(header.notes?.[0]?.message ?? '', /^actor:Nobody names no actor of the archive/u);
    const arActor = await get('actor:Nobody', '&lang=ar');
    arabicOnly(arActor.notes?.[0]?.message ?? '');
    const none = await get('وزير');
    assert.equal(none.notes, undefined);
    // «(((» is one problem said once, not three identical lines over the results (walk).
    const parens = await get('(((وزير');
    assert.deepEqual(
      parens.notes?.map((n) => n.code),
      ['unclosed-paren'],
    );
    assert.deepEqual(parens.warnings, ['unclosed "(": closed at the end of the query']);
  } finally {
    await store.close();
  }
});
