import { createWriteStream, openSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { fail } from '../../errors.ts';
import {
  EXPORT_KINDS,
  type ExportFormat,
  type ExportKind,
  csvColumns,
  csvLine,
  exportRecords,
} from '../../store/export.ts';
import { openExisting } from '../archive.ts';
import type { Command } from '../context.ts';
import { parseOptions } from '../options.ts';
import { langOption } from '../lang.ts';

const USAGE = `khabar export [--what articles|briefs|entities|events|events-table] [--format jsonl|csv] [--lang ar|en] [--out FILE] [--db PATH]

Writes the archive out, in ingest order.

  --what articles       (default) JSONL: one processed document a line (article, brief,
                        analysis), then the rest of the archive, one record a line
                        ({"record": "link"|"quarantine"|"entity"|"version"|"place"|
                        "pending-fetch", …}: duplicate links, the quarantine, entities,
                        earlier versions, places, feed items waiting for their page)
                        — \`khabar import\` rebuilds the archive;
                        CSV: id, outlet, url, title, published, language, byline, text
  --what briefs         JSONL: {id, brief}; CSV: one row per lead/paragraph/item with its section
  --what entities       every entity with its article and mention counts
  --what events         JSONL: events with their article id; CSV: the event table below
  --what events-table   one flat row per event, POLECAT style: date, date_hijri (when the
                        article gave the date in the Hijri calendar), type, mode, contexts,
                        modality, source and target names/countries/sectors, article id,
                        evidence text (CSV by default)
  --format jsonl|csv    default jsonl (csv for events-table)
  --lang en             add English glosses beside the codes and Arabic names: CSV columns
                        type_label, source_names_en, source_countries_en, … (events),
                        type_label, display_en, country_en, sector_en, post_en (entities),
                        label_en (briefs); JSONL fields type_label, display, country_name,
                        sector_label (events), name_en, display, post_en, … (entities).
                        Default (or --lang ar): codes and Arabic only. Article text is never
                        translated; --what articles is the same in both.
  --out FILE            write to FILE instead of standard output

In CSV, a text a spreadsheet would take for a formula (opening with =, +, -, @, a tab or a
carriage return — a hostile title, a key point «- …») starts with ' so it is shown, not run.`;

async function writeLine(out: Writable, line: string): Promise<void> {
  if (out.write(`${line}\n`)) return;
  await new Promise<void>((r) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      r();
    };
    out.once('drain', done);
    out.once('close', done);
  });
}

/** Set when the reader went away (`khabar export | head`): stop quietly. */
let closed = false;

export const command: Command = {
  readsLang: true,
  summary: 'write articles, briefs, entities or events as JSONL or CSV: export [--what …] [--format …]',
  usage: USAGE,
  async run(argv, ctx) {
    const parsed = parseOptions('export', {
      args: argv,
      options: {
        db: { type: 'string' },
        what: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
      },
    });
    const v = parsed.values as Record<string, string | undefined>;
    const what = (v.what ?? 'articles') as ExportKind;
    if (!EXPORT_KINDS.includes(what))
      throw fail('BAD_OPTION', '--what', `use one of ${EXPORT_KINDS.join(', ')} (got "${what}")`);
    const format = (v.format ?? (what === 'events-table' ? 'csv' : 'jsonl')) as ExportFormat;
    if (format !== 'jsonl' && format !== 'csv')
      throw fail('BAD_OPTION', '--format', `use jsonl or csv (got "${format}")`);
    const lang = v.lang === undefined ? 'ar' : langOption(v.lang);
    const store = await openExisting(v.db, ctx);
    // The file is opened before anything is read: a folder that does not exist ended in an
    // unhandled ENOENT and Node's stack trace (exit 1).
    let fd: number | undefined;
    if (v.out) {
      try {
        fd = openSync(resolve(ctx.cwd, v.out), 'w');
      } catch (err) {
        await store.close();
        const code = (err as NodeJS.ErrnoException).code;
        const why =
          code === 'ENOENT' || code === 'ENOTDIR'
            ? 'no such folder'
            : code === 'EISDIR'
              ? 'it is a folder'
              : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
                ? 'permission denied'
                : (code ?? String(err));
        throw fail('OUTPUT_UNWRITABLE', v.out, why);
      }
    }
    const out: Writable = fd !== undefined ? createWriteStream('', { fd }) : ctx.stdout;
    closed = false;
    out.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') closed = true;
      else throw err;
    });
    try {
      const columns = csvColumns(what, lang);
      if (format === 'csv') await writeLine(out, columns.join(','));
      for await (const rec of exportRecords(store, what, format, lang)) {
        if (closed) break;
        await writeLine(out, format === 'csv' ? csvLine(columns, rec) : JSON.stringify(rec));
      }
    } finally {
      await store.close();
      if (v.out) await new Promise<void>((r, j) => out.end((err?: Error | null) => (err ? j(err) : r())));
    }
    return 0;
  },
};
