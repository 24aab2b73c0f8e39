/**
 * Every error code the source throws has its Arabic message (src/i18n/errors.ts): the codes are
 * collected from src/ itself — each `fail('CODE', …)` and `new KhabarError('CODE', …)` — so a
 * new code without an Arabic entry fails here. A `KhabarError` built directly carries no
 * arguments for the Arabic to be made from, so only src/errors.ts may build one.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { ERRORS, type ErrorCode, fail, KhabarError } from '../../src/errors.ts';
import { checkQuery, parseQuery } from '../../src/search/query.ts';
import type { SearchFilters } from '../../src/store/store.ts';
import { ERRORS_AR, errorText } from '../../src/i18n/errors.ts';

const root = new URL('../../', import.meta.url).pathname;
const ARABIC = /[\u0600-\u06FF]/u;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/u.test(n) ? [p] : [];
  });
}

/** Each code thrown in src/, with the files that throw it. */
function thrownCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const f of sources(join(root, 'src'))) {
    const s = readFileSync(f, 'utf8');
    const found = [
      // `fail(` but not a method such as `queue.fail(`
      ...s.matchAll(/(?<![.\w])fail\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]/gu),
      ...s.matchAll(/new KhabarError\(\s*['"`]([A-Z][A-Z0-9_]*)['"`]/gu),
    ];
    for (const m of found) codes.set(m[1]!, [...(codes.get(m[1]!) ?? []), relative(root, f)]);
  }
  return codes;
}

test('every error code thrown in src/ has an Arabic message', () => {
  const codes = thrownCodes();
  // The scan finds the codes (a broken regex would find none and pass).
  for (const known of ['INPUT_NOT_FOUND', 'BAD_OPTION', 'USAGE', 'STORE_OPEN'])
    assert.ok(codes.has(known), `the scan found no ${known}`);
  const missing = [...codes].filter(([c]) => !(c in ERRORS_AR)).map(([c, fs]) => `${c} (${fs.join(', ')})`);
  assert.deepEqual(missing, [], 'codes thrown with no Arabic message in src/i18n/errors.ts');
  const uncatalogued = [...codes.keys()].filter((c) => !(c in ERRORS));
  assert.deepEqual(uncatalogued, [], 'codes thrown with no English message in src/errors.ts');
});

test('no KhabarError is built outside src/errors.ts: only `fail` keeps the arguments the Arabic needs', () => {
  const direct = sources(join(root, 'src'))
    .filter((f) => !f.endsWith('src/errors.ts'))
    .filter((f) => /new KhabarError\(/u.test(readFileSync(f, 'utf8')))
    .map((f) => relative(root, f));
  assert.deepEqual(direct, []);
});

test('the Arabic message of a queue, eval, build and store error names its input', () => {
  const samples: Array<[ErrorCode, unknown[], string]> = [
    ['QUEUE_NEEDS_POSTGRES', ['/tmp/k-errcat.db', 'khabar worker'], '/tmp/k-errcat.db'],
    ['QUEUE_OPEN', ['postgres://db.example/k', 'connect ECONNREFUSED'], 'postgres://db.example/k'],
    ['EVAL_DATA_NOT_JSON', ['gold/events.jsonl', 3, 'Unexpected token'], 'gold/events.jsonl:3'],
    ['WEB_BUILD_FAILED', ['/srv/khabar/web', ''], '/srv/khabar/web'],
    ['MODEL_MISSING', ['/models/ner.bin'], '/models/ner.bin'],
  ];
  for (const [code, args, input] of samples) {
    const make = fail as (c: ErrorCode, ...a: unknown[]) => ReturnType<typeof fail>;
    const err = make(code, ...args);
    const ar = errorText(err, 'ar');
    assert.match(ar, ARABIC, code);
    assert.ok(ar.includes(input), `${code}: «${input}» in «${ar}»`);
    assert.notEqual(ar, err.message, `${code}: the Arabic is not the English`);
    assert.equal(errorText(err, 'en'), err.message);
  }
});

/** The BAD_QUERY error `checkQuery` throws for `q` (with `extra` filters, as API parameters give them). */
function badQuery(q: string, extra: SearchFilters = {}): KhabarError {
  const parsed = parseQuery(q);
  try {
    checkQuery(parsed, { ...parsed.filters, ...extra });
  } catch (err) {
    if (err instanceof KhabarError) return err;
    throw err;
  }
  throw new Error(`«${q}» is searchable`);
}

test('a search query problem of each kind is said in Arabic, naming the part at fault', () => {
  const cases: Array<[string, SearchFilters, string[]]> = [
    ['النيل from:2017-13', {}, ['from:2017-13', '13 ليس شهرًا']],
    ['النيل to:2025-02-30', {}, ['to:2025-02-30', 'فبراير 2025']],
    ['النيل from:أمس', {}, ['from:أمس ليس تاريخًا']],
    ['النيل', { from: '2017-13' }, ['from=2017-13 ليس تاريخًا']],
    ['NOT النيل', {}, ['يستبعد فقط']],
    ['النيل country:Atlantis country:مصرر', {}, ['country:Atlantis ليس بلدًا', 'هل تقصد مصر (EGY)؟']],
    [
      'النيل type:CONSULTS section:keypoints',
      {},
      ['type:CONSULTS ليس نوع حدث', 'section:keypoints ليس نوع قسم'],
    ],
  ];
  for (const [q, extra, parts] of cases) {
    const err = badQuery(q, extra);
    const ar = errorText(err, 'ar');
    for (const part of parts) assert.ok(ar.includes(part), `${q}: «${part}» in «${ar}»`);
    // None of the English sentence is left: only codes, filters and the examples' values.
    assert.doesNotMatch(ar, /\b(?:is not|write|did you mean|needs|khabar knows)\b/u, ar);
    assert.match(err.message, /^search query: /u, 'the English is unchanged');
  }
});

test('an archive or queue URL is shown without its password, in English and in Arabic', () => {
  const url = 'postgres://khabar:s3cr3t-pw@db.example:5432/news';
  for (const err of [
    fail('STORE_OPEN', url, `connect failed for ${url}`),
    fail('QUEUE_OPEN', url, 'ECONNREFUSED'),
  ]) {
    for (const text of [err.message, errorText(err, 'ar'), errorText(err, 'en')]) {
      assert.ok(!text.includes('s3cr3t-pw'), text);
      assert.ok(text.includes('postgres://khabar:***@db.example:5432/news'), text);
    }
  }
  // Addresses without credentials, and ports, are left as they are.
  const plain = fail('STORE_OPEN', 'postgres://127.0.0.1:5432/test', 'x');
  assert.ok(plain.message.includes('postgres://127.0.0.1:5432/test'), plain.message);
});
