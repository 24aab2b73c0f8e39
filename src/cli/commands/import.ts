import { createReadStream, existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { fail } from '../../errors.ts';
import { importJsonl } from '../../store/import.ts';
import { openArchive } from '../../store/index.ts';
import { type Command, write } from '../context.ts';
import { countRows, LANG_USAGE, langOption, outcomeRows, tableLang, tr } from '../lang.ts';

const USAGE = `khabar import FILE.jsonl|- [--db PATH] [--lang ar|en]

Rebuilds an archive from a JSONL export of articles (\`khabar export --what articles\`):
one processed document (article, brief, analysis) a line, stored as it is — the analysis
is not run again — then the records after them: duplicate and near-duplicate links, the
quarantine and the entities (as merged over all their articles). Importing the same file twice changes nothing. A line that is not such a
document is kept in the quarantine with its line number (see \`khabar status\`).
To read raw articles (text, HTML, feeds, JSONL of articles) use \`khabar ingest\`.

  --db PATH   archive to fill (SQLite file or postgres:// URL); default KHABAR_DB or the data folder
${LANG_USAGE}`;

export const command: Command = {
  summary: 'rebuild an archive from a JSONL export: import FILE.jsonl [--db PATH]',
  usage: USAGE,
  async run(argv, ctx) {
    let parsed: ReturnType<typeof parseArgs>;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        options: { db: { type: 'string' }, lang: { type: 'string' } },
      });
    } catch (err) {
      throw fail('USAGE', `khabar import: ${(err as Error).message}`);
    }
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
      const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
      const s = await importJsonl(store, lines, {
        source: file,
        onProgress: (p) => {
          if (ctx.isTTY) ctx.stderr.write(`\rimport: ${p.lines} lines`);
        },
      });
      if (ctx.isTTY) ctx.stderr.write('\n');
      const rows = countRows(
        [
          ['lines', 'الأسطر', s.lines],
          ...outcomeRows(s),
          ['links restored', 'روابط مستعادة', s.links],
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
