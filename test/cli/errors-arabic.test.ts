/**
 * `bin/khabar.js` run as a user runs it: the queue's, the eval's and a missing file's errors are
 * said in Arabic under `--lang ar`, naming the input, with exit code 2 (they were English
 * whatever --lang said, src/i18n/errors.ts).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const dir = tempDir('khabar-errcat-');
/** No locale and no KHABAR_DB: only --lang chooses the language, only --db the archive. */
const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: dir, XDG_DATA_HOME: join(dir, 'data') };

function khabar(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [join(root, 'bin/khabar.js'), ...args], {
    cwd: dir,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr.trim() };
}

test('khabar eval ner --data with no such file: Arabic, naming the path', () => {
  const missing = join(dir, 'no-such-gold.conll');
  const r = khabar('eval', 'ner', '--data', missing, '--lang', 'ar');
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `khabar: ${missing}: لا ملف ولا مجلد بهذا الاسم. تحقّق من المسار.`);
});

test('khabar worker with a SQLite --db: the queue needs PostgreSQL, in Arabic and in English', () => {
  const db = join(dir, 'archive.db');
  const ar = khabar('worker', '--db', db, '--lang', 'ar');
  assert.equal(ar.status, 2);
  assert.equal(
    ar.stderr,
    `khabar worker: طابور المهام في PostgreSQL، لكن ${db} ليس عنوان postgres://. أعطِ --db postgres://… أو اضبط KHABAR_DB على عنوان كهذا.`,
  );
  const en = khabar('worker', '--db', db);
  assert.equal(en.status, 2);
  assert.equal(
    en.stderr,
    `khabar worker: the queue lives in PostgreSQL: ${db} is not a postgres:// URL. Give --db postgres://… or set KHABAR_DB to one.`,
  );
});

test('khabar ingest --queue with a SQLite --db: Arabic, and no archive is created for it', () => {
  const article = join(dir, 'article.txt');
  writeFileSync(article, 'اجتمع وزيرا الخارجية في عمّان أمس لبحث التعاون في مجال المياه.\n');
  const db = join(dir, 'queue.db');
  const r = khabar('ingest', article, '--queue', '--db', db, '--lang', 'ar');
  assert.equal(r.status, 2);
  assert.match(r.stderr, /^khabar ingest --queue: طابور المهام في PostgreSQL، لكن /u);
  assert.ok(r.stderr.includes(db), r.stderr);
  assert.equal(existsSync(db), false, 'the failed command left an archive behind');
});

test('khabar eval events with a line that is not JSON: Arabic, naming the file and the line', () => {
  const gold = join(dir, 'events-gold.jsonl');
  writeFileSync(gold, '{"text": "وصل الرئيس إلى الرياض.", "events": []}\nهذا السطر ليس JSON\n');
  const r = khabar('eval', 'events', '--data', gold, '--lang', 'ar');
  assert.equal(r.status, 2);
  assert.ok(r.stderr.startsWith(`khabar: ${gold}:2: ليس JSON (`), r.stderr);
  assert.ok(r.stderr.endsWith('). يجب أن يكون كل سطر كائن JSON واحدًا؛ انظر docs/eval.md.'), r.stderr);
});
