/**
 * Every rule code the ingest can put in the quarantine (or warn with) has an Arabic explanation,
 * and `khabar status --lang ar` (or an Arabic locale) shows it beside the code.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { REASON_AR } from '../../src/i18n/reasons.ts';
import { fakeContext } from '../helpers.ts';

const src = new URL('../../src/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'khabar-reasons-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const f of readdirSync(src, { recursive: true }) as string[]) {
    if (!f.endsWith('.ts') || f.endsWith('i18n/reasons.ts')) continue;
    for (const m of readFileSync(join(src, f), 'utf8').matchAll(/'(ingest\/[a-z0-9-]+)'/g)) codes.add(m[1]!);
  }
  return codes;
}

test('every ingest rule code in src/ has an Arabic explanation', () => {
  const codes = emittedCodes();
  // The ingest emits ~20 codes (no-text, not-arabic, fetch-failed …); a broken grep would find none.
  assert.ok(codes.size >= 15, `only ${codes.size} codes found: ${[...codes].join(', ')}`);
  assert.ok(codes.has('ingest/no-text') && codes.has('ingest/not-arabic'));
  const missing = [...codes].filter((c) => !REASON_AR[c]?.trim());
  assert.deepEqual(missing, [], 'codes without Arabic text in src/i18n/reasons.ts');
  for (const [code, ar] of Object.entries(REASON_AR))
    assert.match(ar, /\p{Script=Arabic}/u, `${code}: the explanation should be Arabic`);
});

test('khabar status in Arabic explains a quarantined item in Arabic; the code stays, English mode unchanged', async () => {
  const file = join(dir, 'in.jsonl');
  const db = join(dir, 'a.db');
  // Our own invented records: one with a title and no text, one whose line is not JSON.
  writeFileSync(file, [JSON.stringify({ id: 'r1', title: 'عنوان بلا نص' }), '{"text": "مقطوع'].join('\n'));
  const ing = fakeContext();
  assert.equal(await main(['ingest', file, '--db', db, '--quiet'], ing.ctx), 3, ing.err());
  const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    const f = fakeContext({ HOME: dir, ...env });
    assert.equal(await main(['status', '--db', db, ...args], f.ctx), 0, f.err());
    return f.out();
  };
  const ar = await run(['--lang', 'ar']);
  assert.match(ar, /ingest\/no-text/);
  assert.ok(ar.includes(REASON_AR['ingest/no-text']!), ar);
  assert.ok(ar.includes(REASON_AR['ingest/bad-json']!), ar);
  // The explanation stands right under its code's line.
  const lines = ar.split('\n');
  const at = lines.findIndex((l) => l.includes('ingest/no-text'));
  assert.equal(lines[at + 1]!.trim(), REASON_AR['ingest/no-text']);
  assert.ok((await run([], { LC_ALL: 'ar_EG.UTF-8' })).includes(REASON_AR['ingest/no-text']!));
  const en = await run(['--lang', 'en']);
  assert.match(en, /ingest\/no-text/);
  assert.doesNotMatch(en, /\p{Script=Arabic}/u, en);
});

test('khabar ingest --lang ar explains each quarantine and warning rule in Arabic; English mode unchanged (polish11)', async () => {
  const file = join(dir, 'ingest.jsonl');
  // Our own invented records: no text, a broken line, an article whose date cannot be read.
  writeFileSync(
    file,
    [
      JSON.stringify({ title: 'خبر بلا نص' }),
      '{"text": "مقطوع',
      JSON.stringify({
        text: 'أعلنت بلدية تل الورد عن افتتاح حديقة عامة جديدة في وسط البلدة يوم الخميس المقبل بحضور المحافظ.',
        published: 'ليس تاريخًا',
      }),
    ].join('\n'),
  );
  const run = async (lang: string) => {
    const f = fakeContext({ HOME: dir });
    await main(['ingest', file, '--db', join(dir, `ingest-${lang}.db`), '--quiet', '--lang', lang], f.ctx);
    return f.out();
  };
  const ar = await run('ar');
  const line = (code: string) => ar.split('\n').find((l) => l.includes(code)) ?? '';
  for (const code of ['ingest/no-text', 'ingest/bad-json', 'ingest/unread-date'])
    assert.ok(line(code).includes(REASON_AR[code]!), `«${line(code)}» explains ${code}\n${ar}`);
  // The stored English reason of the warning (it names the input) is said after its Arabic gist.
  const lines = ar.split('\n');
  const at = lines.findIndex((l) => l.trim() === `${REASON_AR['ingest/unread-date']}:`);
  assert.ok(at > 0, ar);
  assert.match(lines[at + 1]!, /ingest\.jsonl:3: the published date/, ar);
  const en = await run('en');
  assert.match(en, /ingest\/unread-date/);
  for (const ar of Object.values(REASON_AR)) assert.ok(!en.includes(ar), en);
});
