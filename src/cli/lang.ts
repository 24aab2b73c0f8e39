/**
 * `--lang ar|en` for the commands that print readable tables (default from the locale:
 * LC_ALL, LC_MESSAGES, LANG — `ar…` → Arabic, else English) and for exports (glosses).
 */
import { fail } from '../errors.ts';
import { type Lang, langFromEnv } from '../i18n/glossary.ts';
import { reasonExplained } from '../i18n/reasons.ts';
import type { PutCounts } from '../store/store.ts';
import type { CliContext } from './context.ts';

/** The usage line every command with tables shares. */
export const LANG_USAGE =
  '  --lang ar|en    language of the table (labels, country, sector and actor names);\n' +
  '                  default from the locale (LC_ALL, LC_MESSAGES, LANG: ar… → ar, else en)';

/** The usage line of the commands whose only language-dependent output is their error lines. */
export const LANG_ERRORS_USAGE =
  '  --lang ar|en    language of error lines (taken by every command); default from the locale';

/** Reads the value of `--lang`; a clear error for anything but ar or en. */
export function langOption(value: string | undefined): Lang {
  if (value !== 'ar' && value !== 'en')
    throw fail('BAD_OPTION', '--lang', `needs ar or en (got "${value ?? ''}")`);
  return value;
}

/** Takes `--lang X` / `--lang=X` out of `argv`; the rest is left for the command's own parsing. */
export function takeLang(argv: string[]): { lang?: Lang; rest: string[] } {
  const rest: string[] = [];
  let lang: Lang | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') lang = langOption(argv[++i]);
    else if (a.startsWith('--lang=')) lang = langOption(a.slice(7));
    else rest.push(a);
  }
  return { ...(lang ? { lang } : {}), rest };
}

/** The language of a readable table: `--lang` when given, else the locale's. */
export function tableLang(lang: Lang | undefined, ctx: Pick<CliContext, 'env'>): Lang {
  return lang ?? langFromEnv(ctx.env);
}

/** The Arabic or the English of one phrase. */
export function tr(lang: Lang, en: string, ar: string): string {
  return lang === 'ar' ? ar : en;
}

/**
 * Rows of `label  count`, each label in `lang` ([English, Arabic]), the counts right-aligned —
 * in one column even when a label is longer than `width` («entities completed by them» pushed
 * its count 8 places right of the others in `khabar import`).
 */
export function countRows(rows: Array<[string, string, number]>, lang: Lang, width = 18): string[] {
  const w = Math.max(width, ...rows.map(([en, ar]) => shownLength(tr(lang, en, ar))));
  return rows.map(([en, ar, n]) => `  ${padShown(tr(lang, en, ar), w)} ${String(n).padStart(8)}`);
}

/** One labelled count of a summary, with the rule ids counted under it (quarantine, warnings). */
export interface CountBlock {
  row: [string, string, number];
  rules?: Record<string, number>;
  /** False keeps the row out of the table (its label still sets the width, so columns do not move). */
  show?: boolean;
}

/**
 * A summary's counts: labelled rows with their rules indented under them, most frequent first,
 * every count ending in one column (`khabar ingest`, `khabar ingest --queue`).
 */
export function countBlocks(blocks: CountBlock[], lang: Lang, width = 18): string[] {
  const w = Math.max(
    width,
    ...blocks.map(({ row: [en, ar] }) => shownLength(tr(lang, en, ar))),
    ...blocks.flatMap((b) => Object.keys(b.rules ?? {}).map((r) => r.length + 2)),
  );
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.show === false) continue;
    lines.push(...countRows([b.row], lang, w));
    for (const [rule, n] of Object.entries(b.rules ?? {}).sort((x, y) => y[1] - x[1])) {
      // In Arabic, each rule code says what it means after its count («ingest/no-text  1  سجل بلا نص»).
      const ar = reasonExplained(rule, lang);
      lines.push(`    ${rule.padEnd(w - 2)} ${String(n).padStart(8)}${ar ? `  ${ar}` : ''}`);
    }
  }
  return lines;
}

/** Characters a terminal shows: combining marks (the shadda and vowels of «حُدِّث») take no column. */
export function shownLength(s: string): number {
  return s.replace(/\p{M}/gu, '').length;
}

/** `s` padded with spaces to `w` shown columns (String#padEnd counts the marks, and «حُدِّث» stood short). */
export function padShown(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - shownLength(s)));
}

/**
 * What became of each article of an ingest or an import, in the order both print it; «moved»
 * only when a file moved (an import never moves one).
 */
export function outcomeRows(s: PutCounts): Array<[string, string, number]> {
  return [
    ['inserted', 'أُضيف', s.inserted],
    ['updated', 'حُدِّث', s.updated],
    ['unchanged', 'بلا تغيير', s.unchanged],
    ...(s.moved ? [['moved', 'نُقل', s.moved] as [string, string, number]] : []),
    ['duplicates', 'مكرَّر', s.duplicates],
    ['near-duplicates', 'شبه مكرَّر', s.nearDuplicates],
    ['quarantined', 'محجور', s.quarantined],
  ];
}
