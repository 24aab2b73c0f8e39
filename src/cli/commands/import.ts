import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fail } from '../../errors.ts';
import { textLines } from '../../ingest/sources/jsonl.ts';
import { importJsonl } from '../../store/import.ts';
import { openArchive } from '../../store/index.ts';
import { parseOptions } from '../options.ts';
import { type Command, progressTTY, write } from '../context.ts';
import { countRows, LANG_USAGE, langOption, outcomeRows, tableLang, tr } from '../lang.ts';

/**
 * The lines of the input, refusing up front (before the archive is touched) a file whose
 * first line is a raw article — `{"text": …}` as \`khabar ingest\` reads it — or not JSON at all
 * (a text file), rather than a line of an export: the likely mix-up of `import` with `ingest` would otherwise fill the
 * archive's quarantine with one entry per line. Later raw lines in an export are quarantined
 * one by one as before.
 */
async function* exportLines(lines: AsyncIterable<string>, file: string): AsyncGenerator<string> {
  let n = 0;
  let checked = false;
  for await (const line of lines) {
    n++;
    if (!checked && line.trim()) {
      checked = true;
      const head = line.trimStart();
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        v = undefined;
      }
      const where = file === '-' ? 'standard input' : file;
      // Not JSON and not even the start of an object: a text file, not a (damaged) export.
      if (v === undefined && !head.startsWith('{')) throw fail('INPUT_NOT_EXPORT', where, n, 'not JSON');
      if (
        v &&
        typeof v === 'object' &&
        !Array.isArray(v) &&
        !('article' in v) &&
        !('record' in v) &&
        ('text' in v || 'html' in v)
      )
        throw fail('INPUT_NOT_EXPORT', where, n, 'a raw article (it has "text" or "html" and no "article")');
    }
    yield line;
  }
}

const USAGE = `khabar import FILE.jsonl|- [--db PATH] [--lang ar|en]

Rebuilds an archive from a JSONL export of articles (\`khabar export --what articles\`):
one processed document (article, brief, analysis) a line, stored as it is — the analysis
is not run again — then the records after them: duplicate and near-duplicate links, the
quarantine, the entities (as merged over all their articles), earlier versions of edited
articles, the places files were read from, and the feed items waiting for their page to be
fetched again (\`ingest --follow\`; the next ingest of their feed fetches them). Importing the same file twice changes nothing. A line that is not such a
document is kept in the quarantine with its line number (see \`khabar status\`); a file whose
first line is a raw article ({"text": …}) or not JSON at all is refused whole, nothing imported.
To read raw articles (text, HTML, feeds, JSONL of articles) use \`khabar ingest\`.

  --db PATH   archive to fill (SQLite file or postgres:// URL); default KHABAR_DB or the data folder
${LANG_USAGE}`;

export const command: Command = {
  readsLang: true,
  summary: 'rebuild an archive from a JSONL export: import FILE.jsonl [--db PATH]',
  usage: USAGE,
  async run(argv, ctx) {
    const parsed = parseOptions('import', {
      args: argv,
      allowPositionals: true,
      options: { db: { type: 'string' }, lang: { type: 'string' } },
    });
    const l = parsed.values.lang as string | undefined;
    const lang = tableLang(l === undefined ? undefined : langOption(l), ctx);
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length)
      throw fail('USAGE', 'khabar import needs one FILE.jsonl (or - for standard input)');
    let input: NodeJS.ReadableStream;
    if (file === '-') input = ctx.stdin;
    else {
      const path = resolve(ctx.cwd, file);
      if (!existsSync(path)) throw fail('INPUT_NOT_FOUND', file);
      if (statSync(path).isDirectory()) throw fail('INPUT_IS_DIRECTORY', file);
      input = createReadStream(path, { encoding: 'utf8' });
    }
    const store = await openArchive(parsed.values.db as string | undefined, ctx);
    try {
      const lines = exportLines(textLines(input), file);
      const s = await importJsonl(store, lines, {
        source: file,
        onProgress: (p) => {
          if (progressTTY(ctx))
            ctx.stderr.write(`\r${tr(lang, `import: ${p.lines} lines`, `الاستيراد: الأسطر ${p.lines}`)}`);
        },
      });
      if (progressTTY(ctx)) ctx.stderr.write('\n');
      const rows = countRows(
        [
          ['lines', 'الأسطر', s.lines],
          ...outcomeRows(s),
          ['links restored', 'روابط مستعادة', s.links],
          ...(s.versions
            ? ([['earlier versions restored', 'نسخ سابقة مستعادة', s.versions]] as Array<
                [string, string, number]
              >)
            : []),
          // where each file last read from is (an edited one is then known as an edit)
          ...(s.places
            ? ([['places restored', 'أماكن مستعادة', s.places]] as Array<[string, string, number]>)
            : []),
          // feed items whose page is to be fetched again by the next ingest of their feed
          ...(s.pendingFetches
            ? ([
                ['feed items waiting for their page', 'عناصر خلاصات تنتظر صفحتها', s.pendingFetches],
              ] as Array<[string, string, number]>)
            : []),
          ['quarantine restored', 'حجر مستعاد', s.quarantine],
          ['entity records read', 'سجلات الكيانات المقروءة', s.entityRecords],
          ['entities completed by them', 'كيانات استُكملت بها', s.entities],
        ],
        lang,
        20,
      );
      write(ctx.stdout, rows.map((r) => r.slice(2)).join('\n'));
      if (s.quarantined)
        write(
          ctx.stdout,
          tr(
            lang,
            'See the rejected lines and why with `khabar status`.',
            'اعرض الأسطر المرفوضة وسببها بالأمر `khabar status`.',
          ),
        );
      return s.quarantined && s.quarantined === s.lines ? 1 : 0;
    } finally {
      await store.close();
    }
  },
};
