import { countedNoun } from '../../i18n/counted.ts';
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { KhabarError, fail } from '../../errors.ts';
import type { IngestItem } from '../../ingest/article.ts';
import { globMatcher } from '../../ingest/glob.ts';
import { DEFAULT_LIMITS, type IngestLimits } from '../../ingest/limits.ts';
import { expectedItems, type FormatOption, openSource } from '../../ingest/sources/index.ts';
import { walk } from '../../ingest/sources/folder.ts';
import { type IngestSummary, runIngest } from '../../jobs/runner.ts';
import type { EnqueueSummary } from '../../jobs/queue.ts';
import { isPostgresUrl, openStore, resolveDb } from '../../store/index.ts';
import type { Lang } from '../../i18n/glossary.ts';
import { reasonExplained } from '../../i18n/reasons.ts';
import { type Command, progressTTY, write } from '../context.ts';
import { countBlocks, langOption, outcomeRows, tableLang, tr } from '../lang.ts';
import { createProgress } from '../progress.ts';

const USAGE = `khabar ingest PATH|URL|- … [options]

Reads news into the archive: text files, folders (recursive), HTML files and pages,
RSS/Atom feeds (file or URL), JSONL (one article a line; fields in docs/ingest.md) and
standard input (-). Each article gets its brief, entities and events, and is stored
once: exact duplicates and re-published stories (near-duplicates) are linked, not stored
twice; running the same ingest again changes nothing. Inputs that cannot be ingested
(binary, empty, too large, bad JSON line, fetch failure, not Arabic) go to the
quarantine with their reason (\`khabar status\`).

Options:
  --db PATH|URL        archive (SQLite file, or postgres://…); default $KHABAR_DB or the data folder
  --include GLOB       in folders, only files matching GLOB (repeatable; *.txt, 2025/**/*.html)
  --exclude GLOB       in folders, skip files matching GLOB (repeatable)
  --format F           auto|text|html|feed|jsonl (default auto: by extension, then content)
  --outlet NAME        the outlet of every article (overrides what the input says)
  --follow             keep polling feed URLs (conditional GET) until interrupted; an item
                       whose page could not be fetched waits in the archive (\`khabar status\`)
                       and is fetched again, by this run or the next ingest of the feed
  --interval SECONDS   seconds between polls with --follow (default 300)
  --max-bytes N        largest input accepted (default ${DEFAULT_LIMITS.maxBytes})
  --timeout SECONDS    time a fetch may take (default ${DEFAULT_LIMITS.timeoutMs / 1000})
  --max-feed-items N   items read from one feed (default ${DEFAULT_LIMITS.maxFeedItems}; the rest are quarantined)
  --queue              enqueue each article as a job for \`khabar worker\` instead of
                       processing here (needs a postgres:// archive; see docs/deploy.md)
  --json               print the summary as one JSON object ("warnings": the stored articles' warnings by rule)
  --quiet              no progress
  --lang ar|en         language of the summary; default from the locale (LC_ALL, LC_MESSAGES,
                       LANG: ar… → ar, else en)

Exit status: 0 every input read was stored (or unchanged, moved, a duplicate); 3 the run
ended but some inputs were quarantined (\`khabar status\` shows why); 2 the command was
refused (bad option, no such path); 1 an unexpected failure.`;

const FORMATS: readonly FormatOption[] = ['auto', 'text', 'html', 'feed', 'jsonl'];
const REPEATABLE = new Set(['include', 'exclude']);
const BOOLEAN = new Set(['follow', 'json', 'quiet', 'queue']);
/** The options that take a value (USAGE): any other `--name` is refused, not ignored. */
const VALUED = new Set([
  'db',
  'include',
  'exclude',
  'format',
  'outlet',
  'interval',
  'max-bytes',
  'timeout',
  'max-feed-items',
  'lang',
]);

interface Flags {
  inputs: string[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
  bools: Set<string>;
}

function parse(argv: string[]): Flags {
  const f: Flags = { inputs: [], values: {}, lists: { include: [], exclude: [] }, bools: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith('--') || a === '--') {
      if (a !== '--') f.inputs.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
    if (BOOLEAN.has(name)) {
      f.bools.add(name);
      continue;
    }
    // «--bogus 1» was ignored (and «1» taken as its value): an unknown option refuses the command
    if (!VALUED.has(name)) throw fail('USAGE', `khabar ingest: Unknown option '--${name}'`);
    const value = eq > 0 ? a.slice(eq + 1) : argv[++i];
    // «--include --db k.db» took «--db» for the glob and read the archive k.db as an input;
    // a value that starts with «--» is given as --include=--…
    if (value === undefined || (eq < 0 && value.startsWith('--')))
      throw fail('BAD_OPTION', `--${name}`, 'needs a value');
    if (REPEATABLE.has(name)) f.lists[name]!.push(value);
    else f.values[name] = value;
  }
  return f;
}

function positive(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw fail('BAD_OPTION', `--${name}`, `"${v}" is not a positive number`);
  return n;
}

/**
 * What a folder given to ingest holds: every file the walk would see (hidden ones skipped) and
 * those the filters keep. A folder with no file, or filters that keep none of its files, ingests
 * nothing — said, or a mistyped glob («*.json» for .jsonl files) answers «ingested 0 items» alone.
 */
async function folderFiles(
  dir: string,
  keep: (rel: string) => boolean,
): Promise<{ all: number; kept: number }> {
  let all = 0;
  let kept = 0;
  // the walk the folder source makes (errors are reported by the source itself)
  for await (const entry of walk(dir)) {
    if ('error' in entry) continue;
    all++;
    if (keep(relative(dir, entry.path).split(sep).join('/'))) kept++;
  }
  return { all, kept };
}

/** A warning for each folder input from which nothing will be read, saying why. */
export async function emptyFolderNotes(
  inputs: readonly string[],
  include: readonly string[],
  exclude: readonly string[],
  lang: Lang = 'en',
): Promise<string[]> {
  const inc = include.length ? globMatcher(include) : () => true;
  const exc = exclude.length ? globMatcher(exclude) : () => false;
  const notes: string[] = [];
  for (const input of inputs) {
    if (input === '-' || /^https?:\/\//i.test(input)) continue;
    let isDir = false;
    try {
      isDir = statSync(input).isDirectory();
    } catch {
      continue;
    }
    if (!isDir) continue;
    const { all, kept } = await folderFiles(input, (rel) => inc(rel) && !exc(rel));
    if (kept > 0) continue;
    if (all === 0) {
      notes.push(
        tr(
          lang,
          `${input}: the folder holds no file to read (hidden files and folders are skipped)`,
          `${input}: لا ملف يُقرأ في المجلد (تُترك الملفات والمجلدات المخفية)`,
        ),
      );
      continue;
    }
    const filters = [
      ...include.map((g) => `--include '${g}'`),
      ...exclude.map((g) => `--exclude '${g}'`),
    ].join(' ');
    notes.push(
      tr(
        lang,
        `${input}: none of its ${all} ${all === 1 ? 'file passes' : 'files pass'} ${filters}, so nothing was read from it ` +
          '(a pattern without «/» matches the file name, e.g. *.jsonl; one with «/» the path inside the folder)',
        `${input}: لم يمرّ أيٌّ من ملفاته (${all}) من ${filters}، فلم يُقرأ منه شيء ` +
          '(النمط الذي لا «/» فيه يطابق اسم الملف، مثل *.jsonl؛ والذي فيه «/» يطابق المسار داخل المجلد)',
      ),
    );
  }
  return notes;
}

/** Items the inputs will yield, when known before (no standard input, URL or followed feed). */
async function estimate(
  inputs: string[],
  flags: Flags,
  format: FormatOption,
  skip: ReadonlySet<string>,
): Promise<number | undefined> {
  let total = 0;
  for (const input of inputs) {
    const n = await expectedItems(input, {
      format,
      skip,
      include: flags.lists.include!,
      exclude: flags.lists.exclude!,
    });
    if (n === undefined) return undefined;
    total += n;
  }
  return total;
}

/**
 * The archive's own files (the SQLite file and its -wal, -shm and -journal) when a folder
 * given to ingest holds the archive — `khabar ingest ./news --db ./news/khabar.db`, or the
 * default data folder inside the tree: the walk leaves them out (read, they were quarantined
 * as binary), and one line says which were there.
 */
export function archiveFiles(
  db: string | undefined,
  inputs: readonly string[],
  ctx: { env: NodeJS.ProcessEnv; cwd: string },
  lang: Lang = 'en',
): { skip: Set<string>; note?: string } {
  const target = resolveDb(db, ctx.env);
  if (isPostgresUrl(target) || target === ':memory:') return { skip: new Set() };
  const file = resolve(ctx.cwd, target.replace(/^sqlite:/u, ''));
  const skip = new Set(['', '-wal', '-shm', '-journal'].map((end) => file + end));
  const inside = inputs.filter((input) => {
    const parts = relative(input, file).split(sep);
    // hidden files and folders are never read, so nothing to say about them
    return parts[0] !== '' && !isAbsolute(parts.join(sep)) && parts.every((part) => !part.startsWith('.'));
  });
  if (inside.length === 0) return { skip };
  const present = [...skip].filter((p) => existsSync(p)).map((p) => relative(inside[0]!, p));
  return {
    skip,
    note: tr(
      lang,
      `skipped the archive's own ${present.length === 1 ? 'file' : 'files'} in ${inside[0]}: ${present.join(', ')} (the archive is not read as input)`,
      `تُرك ما في ${inside[0]} من ملفات الأرشيف نفسه: ${present.join('، ')} (لا يُقرأ الأرشيف مدخلًا)`,
    ),
  };
}

async function* chain(sources: AsyncIterable<IngestItem>[]): AsyncGenerator<IngestItem> {
  for (const s of sources) yield* s;
}

/** Interleaves sources that never end (followed feeds). */
async function* merge(sources: AsyncIterable<IngestItem>[]): AsyncGenerator<IngestItem> {
  const its = sources.map((s) => s[Symbol.asyncIterator]());
  const pending = new Map<number, Promise<{ i: number; r: IteratorResult<IngestItem> }>>();
  const pull = (i: number) =>
    pending.set(
      i,
      its[i]!.next().then((r) => ({ i, r })),
    );
  for (let i = 0; i < its.length; i++) pull(i);
  while (pending.size) {
    const { i, r } = await Promise.race(pending.values());
    if (r.done) pending.delete(i);
    else {
      pull(i);
      yield r.value;
    }
  }
}

/** Warnings of the articles read (stored, but with a problem): their reasons, by rule id. */
export interface Warned {
  byRule: Record<string, number>;
  /** Each warning's stored (English) reason, which names the input. */
  reasons: string[];
  /** The rule of each of `reasons`, same order (its Arabic explanation in Arabic mode). */
  rules?: string[];
}

const WARNED_SHOWN = 10;

export function summaryTable(s: IngestSummary, lang: Lang = 'en', warned?: Warned): string {
  // A feed answering «not modified» (304) is no item read: counted on its own row below, as the
  // progress line leaves it out («ingested 4 items» after 3 articles and one 304).
  const items = s.seen - s.skipped;
  const rate = s.elapsedMs > 0 ? (items * 1000) / s.elapsedMs : 0;
  const secs = (s.elapsedMs / 1000).toFixed(1);
  // «1 items … (0 items/s)» / «1 عنصرًا»: the count agrees with its noun, a slow rate keeps a decimal.
  const perSec = rate.toFixed(rate < 10 ? 1 : 0);
  const lines = [
    tr(
      lang,
      `ingested ${countedNoun(items, 'item', 'en')} in ${secs} s (${perSec} items/s)`,
      `أُدخل ${countedNoun(items, 'item', 'ar')} في ${secs} ث (${perSec} عنصر/ث)`,
    ),
  ];
  // One column of counts: the rules under «quarantined» and «with warnings» end where the
  // outcomes do (they stood 6 places further right, «ingest/fetch-failed           2»).
  const nWarned = warned ? warned.reasons.length : 0;
  lines.push(
    ...countBlocks(
      [
        ...outcomeRows(s).map((row) => (row[0] === 'quarantined' ? { row, rules: s.reasons } : { row })),
        { row: ['not modified', 'لم يتغيّر', s.skipped], show: s.skipped > 0 },
        // inputs refused by an earlier run and stored by this one: no longer in `khabar status`'s quarantine
        {
          row: ['out of quarantine', 'أُخرجت من الحجر', s.unquarantined ?? 0],
          show: (s.unquarantined ?? 0) > 0,
        },
        // Stored with a warning (damaged bytes, an unread date …): said here, since nothing else
        // lists them (the article keeps them: \`khabar export\`, the API's article).
        { row: ['with warnings', 'مع تحذيرات', nWarned], rules: warned?.byRule ?? {}, show: nWarned > 0 },
      ],
      lang,
    ),
  );
  if (warned && nWarned) {
    // In Arabic, what the rule means above the stored English reason (which names the input), as
    // `khabar status --lang ar` shows the quarantine.
    warned.reasons.slice(0, WARNED_SHOWN).forEach((r, i) => {
      const ar = reasonExplained(warned.rules?.[i] ?? '', lang);
      if (ar) lines.push(`  ${ar}:`);
      lines.push(`  ${ar ? '  ' : ''}${r}`);
    });
    if (nWarned > WARNED_SHOWN)
      lines.push(
        tr(
          lang,
          `  … and ${nWarned - WARNED_SHOWN} more (each article keeps its warnings: \`khabar export\`)`,
          `  … و${nWarned - WARNED_SHOWN} غيرها (يحتفظ كل خبر بتحذيراته: \`khabar export\`)`,
        ),
      );
  }
  if (s.quarantined)
    lines.push(
      tr(
        lang,
        'See the quarantined inputs and their reasons with `khabar status`.',
        'اعرض المدخلات المحجورة وأسبابها بالأمر `khabar status`.',
      ),
    );
  return lines.join('\n');
}

/**
 * The `ingest --queue` summary: its counts and the quarantine rules under them in one column,
 * the same table as the plain ingest's (countBlocks; the rules stood 6 places further right).
 */
export function queueSummaryTable(s: EnqueueSummary, lang: Lang = 'en'): string {
  const secs = (s.elapsedMs / 1000).toFixed(1);
  return [
    tr(
      lang,
      `queued ${countedNoun(s.queued, 'article', 'en')} in ${secs} s for \`khabar worker\``,
      `أُدرج ${countedNoun(s.queued, 'article', 'ar')} في الطابور في ${secs} ث لـ \`khabar worker\``,
    ),
    ...countBlocks(
      [
        { row: ['already queued', 'في الطابور من قبل', s.alreadyQueued] },
        { row: ['quarantined', 'محجور', s.quarantined], rules: s.reasons },
        // refused before and readable now: out of the quarantine once the worker stores them
        {
          row: ['queued from quarantine', 'من الحجر إلى الطابور', s.fromQuarantine],
          show: s.fromQuarantine > 0,
        },
        { row: ['not modified', 'لم يتغيّر', s.skipped], show: s.skipped > 0 },
      ],
      lang,
    ),
  ].join('\n');
}

/**
 * The exit status of a finished ingest: 0 when every input read was stored (or found
 * unchanged, moved, or linked as a duplicate); 3 when the run ended but inputs it read were
 * refused (quarantined — once: a re-run refuses the same input again without a second entry;
 * `khabar status` lists them with their reasons).
 * 2 stays a refused command (bad option, missing path) and 1 a crash.
 */
export const INGEST_QUARANTINED_EXIT = 3;
export function ingestExitCode(summary: { quarantined: number }): number {
  return summary.quarantined > 0 ? INGEST_QUARANTINED_EXIT : 0;
}

export const command: Command = {
  readsLang: true,
  summary: 'read files, folders, pages, feeds or JSONL into the archive: ingest PATH|URL|- [--db PATH]',
  usage: USAGE,
  async run(argv, ctx) {
    const flags = parse(argv);
    const lang = tableLang(flags.values.lang === undefined ? undefined : langOption(flags.values.lang), ctx);
    if (flags.inputs.length === 0)
      throw fail('USAGE', 'khabar ingest needs a PATH, URL or - (standard input)');
    const format = (flags.values.format ?? 'auto') as FormatOption;
    if (!FORMATS.includes(format))
      throw fail('BAD_OPTION', '--format', `use one of ${FORMATS.join(', ')} (got "${format}")`);
    // Files and folders are recorded by their full path: the quarantine and each article's
    // provenance outlive the folder the command ran in («in/dump.jsonl:3» named no file from
    // elsewhere), and one file given as «in/x» and as «/tmp/…/in/x» is one source, not two.
    const isLocal = (input: string) => input !== '-' && !/^https?:\/\//i.test(input);
    for (const input of flags.inputs)
      if (isLocal(input) && !existsSync(resolve(ctx.cwd, input))) throw fail('INPUT_NOT_FOUND', input);
    flags.inputs = flags.inputs.map((input) => (isLocal(input) ? resolve(ctx.cwd, input) : input));
    const limits: Partial<IngestLimits> = {};
    const maxBytes = positive('max-bytes', flags.values['max-bytes']);
    const timeout = positive('timeout', flags.values.timeout);
    const maxFeedItems = positive('max-feed-items', flags.values['max-feed-items']);
    const interval = positive('interval', flags.values.interval) ?? 300;
    if (maxBytes) limits.maxBytes = maxBytes;
    if (timeout) limits.timeoutMs = timeout * 1000;
    if (maxFeedItems) limits.maxFeedItems = maxFeedItems;
    const follow = flags.bools.has('follow');
    if (flags.bools.has('queue')) {
      // Before the archive is opened: a SQLite --db is no queue, and is not to be created.
      const { requirePostgres } = await import('../../jobs/queue.ts');
      requirePostgres(resolveDb(flags.values.db, ctx.env), 'khabar ingest --queue');
    }
    const controller = new AbortController();
    const onSignal = () => controller.abort();
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    let store: Awaited<ReturnType<typeof openStore>>;
    try {
      store = await openStore(flags.values.db, { env: ctx.env, cwd: ctx.cwd });
    } catch (err) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      if (err instanceof KhabarError) throw err;
      throw fail('STORE_OPEN', resolveDb(flags.values.db, ctx.env), (err as Error).message);
    }
    try {
      const own = archiveFiles(flags.values.db, flags.inputs, ctx, lang);
      if (own.note) ctx.stderr.write(`khabar: ${own.note}\n`);
      // The progress bar's total: the items the inputs will yield (a feed counted as one until read).
      let total: number | undefined;
      const sources = flags.inputs.map((input) =>
        openSource(input, {
          skip: own.skip,
          format,
          include: flags.lists.include!,
          exclude: flags.lists.exclude!,
          follow,
          intervalMs: interval * 1000,
          signal: controller.signal,
          stdin: ctx.stdin,
          limits,
          onItems: (n) => {
            if (total !== undefined) total += n - 1;
          },
          // a feed item whose page could not be fetched waits in the archive, not in this process
          ...(store.fetchRetries ? { retries: store.fetchRetries } : {}),
          ...(flags.values.outlet ? { outlet: flags.values.outlet } : {}),
        }),
      );
      if (flags.bools.has('queue')) {
        const { enqueueToQueue } = await import('../../jobs/enqueue-cli.ts');
        return await enqueueToQueue({
          store,
          items: follow ? merge(sources) : chain(sources),
          signal: controller.signal,
          ctx,
          lang,
          json: flags.bools.has('json'),
          ...(flags.values.db ? { db: flags.values.db } : {}),
        });
      }
      const notes = await emptyFolderNotes(flags.inputs, flags.lists.include!, flags.lists.exclude!, lang);
      // --follow polls feed URLs only: given files and folders alone, the run ended without a word
      if (follow && !flags.inputs.some((input) => /^https?:\/\//i.test(input)))
        notes.push(
          tr(
            lang,
            '--follow polls feed URLs (http:// or https://) only; the files, folders or standard input given are read once',
            '--follow يعيد جلب الموجزات من عناوين URL (http:// أو https://) وحدها؛ الملفات والمجلدات والمدخل القياسي المعطاة تُقرأ مرة واحدة',
          ),
        );
      for (const note of notes) ctx.stderr.write(`khabar: ${tr(lang, 'warning', 'تنبيه')}: ${note}\n`);
      const quiet = flags.bools.has('quiet');
      total = follow || quiet ? undefined : await estimate(flags.inputs, flags, format, own.skip);
      const progress = createProgress({
        stream: ctx.stderr,
        isTTY: progressTTY(ctx),
        label: tr(lang, 'ingest', 'الإدخال'),
        lang,
      });
      // In Arabic, the summary's words (outcomeRows); in English the short forms as before.
      const detail = (
        c: IngestSummary | Parameters<NonNullable<Parameters<typeof runIngest>[0]['onProgress']>>[0],
      ) =>
        lang === 'ar'
          ? outcomeRows(c)
              .map(([, ar, n]) => `${ar} ${n}`)
              .join(' ')
          : `new ${c.inserted} upd ${c.updated} same ${c.unchanged}${c.moved ? ` moved ${c.moved}` : ''} dup ${c.duplicates} near ${c.nearDuplicates} quarantined ${c.quarantined}`;
      const warned: Warned = { byRule: {}, reasons: [], rules: [] };
      const summary = await runIngest({
        store,
        items: follow ? merge(sources) : chain(sources),
        signal: controller.signal,
        onItem: (item, result) => {
          // Only what this run stored: an unchanged article was reported when it was stored.
          const stored =
            result?.status === 'inserted' ||
            result?.status === 'updated' ||
            result?.status === 'near-duplicate';
          if (item.kind !== 'article' || !stored) return;
          for (const m of item.article.warnings) {
            if (m.severity !== 'warning' && m.severity !== 'error') continue;
            warned.byRule[m.ruleId] = (warned.byRule[m.ruleId] ?? 0) + 1;
            warned.reasons.push(m.reason);
            warned.rules?.push(m.ruleId);
          }
        },
        ...(quiet
          ? {}
          : {
              onProgress: (p) =>
                progress.update({
                  done: p.seen - p.skipped,
                  elapsedMs: p.elapsedMs,
                  detail: detail(p),
                  ...(total ? { total } : {}),
                }),
            }),
      });
      if (!quiet)
        progress.done(
          progressTTY(ctx)
            ? undefined
            : {
                done: summary.seen - summary.skipped,
                elapsedMs: summary.elapsedMs,
                detail: detail(summary),
                ...(total ? { total } : {}),
              },
        );
      if (flags.bools.has('json')) write(ctx.stdout, JSON.stringify({ ...summary, warnings: warned.byRule }));
      else write(ctx.stdout, summaryTable(summary, lang, warned));
      return ingestExitCode(summary);
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      await store.close();
    }
  },
};
