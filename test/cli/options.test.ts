/**
 * polish11: a bad option value is named in the error, as `--published` and `--lang` already did
 * («option --limit: give a whole number ≥ 0 (got "abc")», not the rule alone), exit 2.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { fakeContext } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'khabar-options-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a bad option value is named in the error, with what to give instead', async () => {
  const article = join(dir, 'a.txt');
  // Our own invented sentence.
  writeFileSync(article, 'افتتحت بلدية تل الورد مكتبة عامة جديدة في وسط البلدة يوم الخميس.');
  const db = join(dir, 'none.db');
  const cases: Array<[string[], RegExp]> = [
    [['search', 'مكتبة', '--db', db, '--limit', 'abc'], /--limit: give a whole number ≥ 0 \(got "abc"\)/],
    [['search', 'مكتبة', '--db', db, '--offset', '-2'], /--offset: give a whole number ≥ 0 \(got "-2"\)/],
    [['search', 'مكتبة', '--db', db, '--sort', 'newest'], /--sort: use relevance or date \(got "newest"\)/],
    [['status', '--db', db, '--limit', 'many'], /--limit: give a whole number ≥ 0 \(got "many"\)/],
    [['export', '--db', db, '--what', 'people'], /--what: use one of articles, .* \(got "people"\)/],
    [['export', '--db', db, '--format', 'xml'], /--format: use jsonl or csv \(got "xml"\)/],
    [['ingest', article, '--db', db, '--format', 'pdf'], /--format: use one of .* \(got "pdf"\)/],
    [['serve', '--db', db, '--port', '99999'], /--port: must be a whole number 0–65535 \(got "99999"\)/],
    [['serve', '--db', db, '--cache-ttl', 'soon'], /--cache-ttl: .* \(got "soon"\)/],
    [['compose', article, '--format', 'pdf'], /--format: "pdf" is not one of json, md, html/],
    [['compose', article, '--key-points', '4.5'], /--key-points: must be 3, 4, 5 or 6 \(got "4\.5"\)/],
  ];
  for (const [args, message] of cases) {
    const f = fakeContext({ HOME: dir });
    assert.equal(await main(args, f.ctx), 2, `${args.join(' ')}: ${f.err()}`);
    assert.match(f.err(), message, args.join(' '));
  }
});

test('an unknown option is a usage error naming the command (parseOptions), before any archive is opened', async () => {
  const db = join(dir, 'never.db');
  // ingest: «--no-such-option --db» was taken as an option with the value «--db» and ignored
  for (const name of ['export', 'status', 'import', 'search', 'worker', 'ingest']) {
    const f = fakeContext({ HOME: dir });
    assert.equal(await main([name, '--no-such-option', '--db', db], f.ctx), 2, `${name}: ${f.err()}`);
    // The error names its command once: «khabar export: …», not «khabar: khabar export: …».
    assert.match(f.err(), new RegExp(`^khabar ${name}: Unknown option '--no-such-option'`), name);
  }
  assert.equal(existsSync(db), false, 'no archive was created');
});

test('khabar ingest: an option without its value is refused, not given the next option as its value', async () => {
  const news = join(dir, 'news');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(news, { recursive: true });
  writeFileSync(join(news, 'a.txt'), 'افتتحت بلدية تل الورد مكتبة عامة جديدة في وسط البلدة يوم الخميس.');
  const db = join(dir, 'include.db');
  // «--include --db DB» took «--db» for the glob, read nothing from the folder and DB as an input
  const f = fakeContext({ HOME: dir });
  assert.equal(await main(['ingest', news, '--include', '--db', db], f.ctx), 2, f.err());
  assert.match(f.err(), /option --include: needs a value/u);
  assert.equal(existsSync(db), false, 'no archive was created');
  const ar = fakeContext({ HOME: dir });
  assert.equal(await main(['ingest', news, '--bogus', '1', '--lang', 'ar'], ar.ctx), 2);
  assert.match(ar.err(), /^khabar ingest: خيار غير معروف '--bogus'/u, ar.err());
  // a value that starts with «--» is still possible, given with «=»
  const eq = fakeContext({ HOME: dir });
  assert.equal(await main(['ingest', news, '--db', db, '--exclude=--*', '--quiet'], eq.ctx), 0, eq.err());
});
