/**
 * polish14: under `--lang ar` (or an Arabic locale) the CLI's error lines are Arabic; English is
 * unchanged. Every catalogue code has its Arabic message, and every literal detail the commands
 * give BAD_OPTION or USAGE is one the Arabic says (src/i18n/errors.ts).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../src/cli/main.ts';
import { ERRORS, type ErrorCode } from '../../src/errors.ts';
import { detailAr, ERRORS_AR } from '../../src/i18n/errors.ts';
import { fakeContext } from '../helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const ARABIC = /[\u0600-\u06FF]/u;

/** Arguments that are no strings: [the arguments, the strings in them the Arabic must name]. */
const SAMPLES: Partial<Record<ErrorCode, [unknown[], string[]]>> = {
  API_INVALID: [
    ['body', [{ in: 'body', path: 'ARG1', message: 'ARG2' }]],
    ['ARG1', 'ARG2'],
  ],
  // The fetcher's English reason is said again from its rule and status; the URL stays.
  API_FETCH_FAILED: [
    [
      'http://h/ARG1: HTTP 404: the page is not there (check the URL)',
      'http://h/ARG1',
      'ingest/fetch-failed',
      404,
    ],
    ['http://h/ARG1', 'HTTP 404'],
  ],
};

test('every catalogue code has an Arabic message with the same arguments in it', () => {
  assert.deepEqual(Object.keys(ERRORS_AR).sort(), Object.keys(ERRORS).sort());
  for (const code of Object.keys(ERRORS) as ErrorCode[]) {
    const make = ERRORS_AR[code] as (...a: unknown[]) => string;
    const strings = Array.from({ length: ERRORS[code].length }, (_, i) => `ARG${i}`);
    const [args, named] = SAMPLES[code] ?? [strings, strings];
    const ar = make(...args);
    assert.match(ar, ARABIC, code);
    for (const a of named) assert.ok(ar.includes(a), `${code}: ${a} in «${ar}»`);
  }
});

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : n.endsWith('.ts') ? [p] : [];
  });
}

test('each literal detail of BAD_OPTION and USAGE in src/ has its Arabic', () => {
  const details: string[] = [];
  for (const f of sources(join(root, 'src'))) {
    const s = readFileSync(f, 'utf8');
    for (const m of s.matchAll(/fail\(\s*'BAD_OPTION',\s*(?:'[^']*'|`[^`]*`),\s*'([^']*)',?\s*\)/gu))
      details.push(m[1]!);
    for (const m of s.matchAll(/fail\(\s*'USAGE',\s*'([^']*)',?\s*\)/gu)) details.push(m[1]!);
  }
  assert.ok(details.length >= 15, `found ${details.length}`);
  for (const d of details) assert.match(detailAr(d), ARABIC, d);
});

/** A template literal's text with each `${…}` made `sample`, or undefined when it only wraps another message. */
function filled(template: string, sample: string): string | undefined {
  if (/\$\{[^}]*\.message\}/u.test(template)) return undefined;
  return template.replace(/\\`/gu, '`').replace(/\$\{[^}]*\}/gu, sample);
}

test('each template detail of BAD_OPTION and USAGE in src/ has its Arabic, whatever it is filled with', () => {
  const TEMPLATE = String.raw`\x60((?:[^\x60\\]|\\.)*)\x60`;
  const QUOTED = String.raw`'[^']*'|\x60[^\x60]*\x60|[\w.]+`;
  const option = new RegExp(String.raw`fail\(\s*'BAD_OPTION',\s*(?:${QUOTED}),\s*${TEMPLATE}`, 'gu');
  const usage = new RegExp(String.raw`fail\(\s*'USAGE',\s*${TEMPLATE}`, 'gu');
  const details: string[] = [];
  for (const f of sources(join(root, 'src'))) {
    const s = readFileSync(f, 'utf8');
    for (const m of [...s.matchAll(option), ...s.matchAll(usage)]) details.push(m[1]!);
  }
  assert.ok(details.length >= 20, `found ${details.length}`);
  // a number and a host-like word: what the commands put there (ports, counts, paths, values)
  for (const d of details)
    for (const sample of ['7', 'x.example']) {
      const text = filled(d, sample);
      if (text !== undefined) assert.match(detailAr(text), ARABIC, `${d} (filled: ${text})`);
    }
});

async function errorLine(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { ctx, err } = fakeContext(env);
  const code = await main(args, ctx);
  assert.equal(code, 2);
  return err().trim();
}

test('the CLI says its errors in Arabic under --lang ar or an Arabic locale, in English otherwise', async () => {
  assert.equal(
    await errorLine(['frob', '--lang', 'ar']),
    'khabar: أمر غير معروف "frob". شغّل `khabar help` لقائمة الأوامر.',
  );
  assert.equal(
    await errorLine(['frob']),
    'khabar: unknown command "frob". Run `khabar help` for the list of commands.',
  );
  const missing = join(root, 'no-such-archive-p14.db');
  assert.equal(
    await errorLine(['search', 'ماء', '--db', missing], { LANG: 'ar_EG.UTF-8' }),
    `khabar: لا أرشيف في ${missing}. تحقّق من --db أو KHABAR_DB، أو أنشئ أرشيفًا بـ\`khabar ingest FILE\` (أو \`npm start\` للأمثلة).`,
  );
  assert.match(
    await errorLine(['search', 'ماء', '--db', missing, '--lang=en'], { LANG: 'ar_EG.UTF-8' }),
    /^khabar: no archive at /u,
  );
  assert.equal(
    await errorLine(['search', 'ماء', '--limit', 'كثير', '--lang', 'ar']),
    'khabar: الخيار --limit: أعطِ عددًا صحيحًا ≥ 0 (أُعطي "كثير").',
  );
  // Node's parseArgs says it in English: «Option '--db' argument is ambiguous. Did you forget …».
  assert.equal(
    await errorLine(['search', 'ماء', '--db', '--lang', 'ar']),
    "khabar search: بعد الخيار '--db' خيار آخر لا قيمة؛ أعطه قيمة، أو اكتب '--db=-…' لقيمة تبدأ بشَرطة. شغّل `khabar help` لقائمة الأوامر وخياراتها.",
  );
  assert.match(
    await errorLine(['entities', '/no/such/file.txt', '--lang', 'ar']),
    /^khabar: \/no\/such\/file\.txt: لا ملف بهذا الاسم/u,
  );
});
