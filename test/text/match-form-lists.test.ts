/**
 * Word lists that can never match. Tokens are compared in their match form (src/text
 * normalize 'match': «مئات» is «ميات», «هيئة» «هييه», «على» «علي»), so an Arabic word list
 * written with a hamza seat, ة, ى, a haraka or tatweel and compared with match forms silently
 * never matches. This test reads every string, template and regular-expression literal of
 * src/** and fails on one that holds a letter the match form never has, unless
 *  - it is normalized where it is written (an argument of `keyOf`, `lightKey`, `matchForm`,
 *    `norm`, `keys`… or an array mapped through one), or
 *  - it is in a file of display text (messages, labels), or
 *  - it is listed in ALLOWED below with the reason it is compared with raw or display text.
 * A new list must be written in match form or normalized when it is loaded.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { matchForm } from '../../src/text/index.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const SRC = join(ROOT, 'src');

/** Functions that turn a word into its match form (or a fold at least as strong). */
const NORMALIZERS = new Set([
  'keyOf',
  'lightKey',
  'matchForm',
  'norm',
  'keys',
  'foldText',
  'formOf',
  'normalize',
]);

/** Files whose Arabic literals are display text (messages, labels, help), never compared with tokens. */
const DISPLAY_FILES = [
  /^src\/cli\//,
  /^src\/i18n\//,
  /^src\/api\/openapi\.ts$/,
  /^src\/brief\/render\.ts$/,
  /^src\/brief\/parse\.ts$/,
  /^src\/stories\/render\.ts$/,
  // a letter-by-letter romanization table over the written letters (hamza seats and ة matter)
  /^src\/text\/transliterate\.ts$/,
];

/**
 * Literals compared with raw or display text, or that are folds themselves: the file, a piece
 * of the literal's source text (every literal of the file that contains it is allowed), why.
 */
const ALLOWED: ReadonlyArray<readonly [file: string, piece: string, why: string]> = [
  ['src/analyze/events/actors.ts', "'ة'", 'tests the raw token (last.raw)'],
  ['src/analyze/entities.ts', '/ة$/u', 'agrees: on a light key, which keeps ة'],
  ['src/analyze/org-names.ts', 'Company: شركة', 'HEADS: each word mapped through lightKey in table()'],
  ['src/analyze/org-names.ts', 'Investment: استثمار', 'FIELDS: each word mapped through lightKey in table()'],
  ['src/analyze/org-names.ts', 'General: عام', 'ADJECTIVES: each word mapped through lightKey in table()'],
  ['src/analyze/posts.ts', "'رئيس التنفيذي'", 'POSSESSIVE_OFFICES: compared with light keys, which keep ئ'],
  ['src/analyze/posts.ts', '(رئيس|مدير|امين)', 'POSSESSIVE_HEAD: tested on a light key, which keeps ئ'],
  ['src/analyze/posts.ts', '/^([وف]?)رئيس$/u', '«رئيس مجلس إدارتها»: tested on a light key, which keeps ئ'],
  ['src/analyze/tagger/rules.ts', "'ـ'", 'a raw token: the tatweel dash of results lines (RESULT_MARKS)'],
  [
    'src/analyze/coref.ts',
    "'أل'",
    'the name as written (Entity.names.ar): a hamza on «أل» marks a foreign name, not the article',
  ],
  ['src/analyze/events/roles.ts', "'ة'", 'tests the raw token (toks[i].raw)'],
  ['src/analyze/events/text.ts', "'ة'", 'tests the raw word'],
  ['src/analyze/events/text.ts', '/[أإآٱىئةؤ', 'the fold itself (norm)'],
  ['src/analyze/events/triggers.ts', '/[أإآءئؤ]/', 'a written hamza in the raw token (flag `hamza`)'],
  ['src/analyze/events/sentence.ts', "'REQUEST\\t", 'description of a built-in entry (TriggerEntry.line)'],
  ['src/analyze/events/sentence.ts', "'PROTEST\\t", 'description of a built-in entry (TriggerEntry.line)'],
  ['src/analyze/events/sentence.ts', "'SUPPORT\\t", 'description of a built-in entry (TriggerEntry.line)'],
  ['src/analyze/events/sentence.ts', "'ACCUSE\\t", 'description of a built-in entry (TriggerEntry.line)'],
  ['src/analyze/posts.ts', '/ة$/', 'the raw word: a feminine post head in the accusative (accusativeHead)'],
  ['src/analyze/posts.ts', '/ة[\\u064b-\\u0652]*$/u', 'the raw word «عامة» after an appointed head'],
  ['src/analyze/posts.ts', "'العامة'", 'a word of the written phrase appointedPostAt tokenizes again'],
  ['src/analyze/entities.ts', '/^[أإآ]/', 'a written hamza on the raw word (no article)'],
  ['src/analyze/entities.ts', '/[أإآ]/', 'a written hamza on the raw word (no acronym)'],
  ['src/analyze/entities.ts', "'آ'", 'the madda on the raw word: «مآرب» (aims), never Marib'],
  ['src/analyze/entities.ts', '/ة/g', 'on a light key, which keeps ة'],
  ['src/analyze/entities.ts', '/[اويى]/g', 'on a light key, which keeps ى'],
  ['src/analyze/gazetteer/names.ts', '/^[أإآ]/', 'a written hamza on the raw word (no article)'],
  ['src/analyze/gazetteer/lexicon.ts', '/[أإآٱ]/g', 'the light-key fold itself'],
  ['src/analyze/gazetteer/lexicon.ts', '/ی/g', 'the light-key fold itself'],
  ['src/analyze/gazetteer/lexicon.ts', '/ک/g', 'the light-key fold itself'],
  [
    'src/analyze/gazetteer/lexicon.ts',
    'محمد أحمد علي',
    'GIVEN: mapped through lightKey where GIVEN_NAMES is built',
  ],
  ['src/brief/dateline.ts', "'إيران برس'", 'outlet names as written: datelineMatcher folds them (foldText)'],
  [
    'src/ingest/boilerplate.ts',
    '/اقرأ|إقرأ|اقرا/u',
    'a quick test of the raw HTML before its elements are read',
  ],
  ['src/brief/fold.ts', '/[ھپ', 'the brief fold itself'],
  [
    'src/brief/credit.ts',
    'بقلم',
    'credit cues matched on the raw trimmed line, as the brief read them in parse.ts',
  ],
  ['src/ingest/dedup.ts', '/[\\p{M}\\u0640أإآٱىةؤئکی]/gu', 'the dedup fold itself'],
  ['src/ingest/language.ts', "'ة'", 'character classes of the raw text (language identification)'],
  ['src/ingest/language.ts', "'ى'", 'character classes of the raw text (language identification)'],
  ['src/search/analyze.ts', '/^[اأإآ]/u', 'display base of a clitic reading'],
  ['src/search/analyze.ts', '/^[أإآ]/u', 'display base of a clitic reading'],
  ['src/search/analyze.ts', '/[أإآٱ]/gu', 'the search-stem fold itself (on display forms, for Snowball)'],
  ['src/search/analyze.ts', '/[ؤئ]/gu', 'the search-stem fold itself (on display forms, for Snowball)'],
  ['src/search/analyze.ts', '/[^اوى]ا$/u', 'display form before Snowball (keeps ى)'],
  ['src/search/analyze.ts', '}ة`', 'display form before Snowball (needs ة)'],
  ['src/search/query.ts', 'is not a country khabar knows', 'an error message'],
  ['src/api/schemas.ts', 'name in Arabic or English', 'an OpenAPI description'],
  ['src/api/schemas.ts', 'names in Arabic or English', 'an OpenAPI description'],
  ['src/api/schemas.ts', 'at level=country a country', 'an OpenAPI description'],
  ['src/search/query.ts', 'the query only excludes', 'an error message'],
  ['src/search/query.ts', 'has nothing to search for', 'an error message'],
  ['src/search/snippet.ts', "'[ءوياأإ]'", 'highlight pattern over display text'],
  ['src/text/clitics.ts', '}ة`', 'display base of a clitic reading (its key is matchForm(base))'],
  [
    'src/text/sentences.ts',
    "'بي تي سي",
    'letter names compared with the raw word (bareWord keeps hamza seats)',
  ],
];

/** Arabic letters and marks that the match form never holds (computed, so it follows normalize). */
function notInMatchForm(): RegExp {
  const chars: string[] = [];
  const ranges = [
    [0x0600, 0x06ff],
    [0x0750, 0x077f],
    [0x08a0, 0x08ff],
  ] as const;
  for (const [a, b] of ranges)
    for (let c = a; c <= b; c++) {
      const ch = String.fromCharCode(c);
      if (matchForm(ch) !== ch) chars.push(ch);
    }
  const esc = chars.map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
  return new RegExp(`[${esc}]`, 'u');
}

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) tsFiles(p, out);
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

function calleeName(call: ts.CallExpression): string {
  const e = call.expression;
  if (ts.isIdentifier(e)) return e.text;
  if (ts.isPropertyAccessExpression(e)) return e.name.text;
  return '';
}

/** Is `node` an argument of a normalizer, or inside an array that is mapped through one? */
function normalizedWhereWritten(node: ts.Node, sf: ts.SourceFile): boolean {
  let child: ts.Node = node;
  for (let p = node.parent; p && !ts.isSourceFile(p); child = p, p = p.parent) {
    if (!ts.isCallExpression(p)) continue;
    const name = calleeName(p);
    const inArgs = p.arguments.some((a) => a === child);
    if (inArgs && NORMALIZERS.has(name)) return true;
    if (!inArgs && (name === 'map' || name === 'flatMap')) {
      const fn = p.arguments[0]?.getText(sf) ?? '';
      if ([...NORMALIZERS].some((n) => new RegExp(`\\b${n}\\b`).test(fn))) return true;
    }
  }
  return false;
}

interface Finding {
  file: string;
  line: number;
  literal: string;
}

let cachedFindings: Finding[] | undefined;

function findings(): Finding[] {
  if (cachedFindings) return cachedFindings;
  const bad = notInMatchForm();
  const out: Finding[] = [];
  for (const path of tsFiles(SRC)) {
    const file = relative(ROOT, path);
    if (DISPLAY_FILES.some((re) => re.test(file))) continue;
    const sf = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (n: ts.Node): void => {
      if (
        ts.isStringLiteral(n) ||
        ts.isNoSubstitutionTemplateLiteral(n) ||
        ts.isRegularExpressionLiteral(n) ||
        ts.isTemplateHead(n) ||
        ts.isTemplateMiddle(n) ||
        ts.isTemplateTail(n)
      ) {
        const literal = n.getText(sf);
        if (bad.test(literal) && !normalizedWhereWritten(n, sf)) {
          const line = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1;
          out.push({ file, line, literal });
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  cachedFindings = out;
  return out;
}

test('every Arabic literal compared with match forms is written in match form', () => {
  const found = findings();
  const unexplained = found.filter(
    (f) => !ALLOWED.some(([file, piece]) => file === f.file && f.literal.includes(piece)),
  );
  assert.deepEqual(
    unexplained.map((f) => `${f.file}:${f.line}: ${f.literal}`),
    [],
    'literals with a letter the match form never has: write them in match form, normalize them where they are loaded, or (if they are compared with raw or display text) list them in ALLOWED with the reason',
  );
});

test('every ALLOWED literal still exists (no stale exemptions)', () => {
  const found = findings();
  const stale = ALLOWED.filter(
    ([file, piece]) => !found.some((f) => f.file === file && f.literal.includes(piece)),
  ).map(([file, piece]) => `${file}: ${piece}`);
  assert.deepEqual(stale, []);
});

test('the events stage’s fold (norm) agrees with matchForm on every Arabic letter and mark', async () => {
  const { norm } = await import('../../src/analyze/events/text.ts');
  const { displayForm } = await import('../../src/text/index.ts');
  const differ: string[] = [];
  for (let c = 0x0600; c <= 0x08ff; c++) {
    const ch = displayForm(String.fromCharCode(c));
    if (!/\p{scx=Arabic}/u.test(ch)) continue;
    if (norm(ch) !== matchForm(ch))
      differ.push(`U+${c.toString(16)} ${ch}: norm «${norm(ch)}», matchForm «${matchForm(ch)}»`);
  }
  assert.deepEqual(differ, []);
  // a word typed with the heh doachashmee is the same word
  assert.equal(norm('ھجوم'), norm('هجوم'));
});
