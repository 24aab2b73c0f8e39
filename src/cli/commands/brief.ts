import { analyze } from '../../analyze/index.ts';
import { articleFromText } from '../../brief/article.ts';
import { headlineOf } from '../../brief/headline.ts';
import { parseBrief } from '../../brief/parse.ts';
import { renderHtml, renderJson, renderMarkdown, renderOptions } from '../../brief/render.ts';
import { fail } from '../../errors.ts';
import { type Command, write } from '../context.ts';
import { pageMeta, printMessages, readInput } from '../input.ts';
import { LANG_ERRORS_USAGE } from '../lang.ts';

const FORMATS = ['json', 'md', 'html'] as const;
export type BriefFormat = (typeof FORMATS)[number];

/**
 * `--format json|md|html` of brief and compose alike (`-f X`, `--format=X`, «markdown» for md;
 * default json): the value and the index of the last argument it took, or undefined when
 * `argv[i]` is not the option. compose took neither `--format=md` nor «markdown».
 */
export function formatArg(argv: string[], i: number): { format: BriefFormat; i: number } | undefined {
  const a = argv[i]!;
  if (a !== '--format' && a !== '-f' && !a.startsWith('--format=')) return undefined;
  const at = a.startsWith('--format=') ? i : i + 1;
  const v = a.startsWith('--format=') ? a.slice(9) : argv[at];
  if (v === undefined) throw fail('BAD_OPTION', '--format', `needs a value (${FORMATS.join(', ')})`);
  if (v === 'markdown') return { format: 'md', i: at };
  if ((FORMATS as readonly string[]).includes(v)) return { format: v as BriefFormat, i: at };
  throw fail('BAD_OPTION', '--format', `"${v}" is not one of ${FORMATS.join(', ')}`);
}

function parseArgs(argv: string[]): { input: string; format: BriefFormat } {
  let input: string | undefined;
  let format: BriefFormat = 'json';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const f = formatArg(argv, i);
    if (f) {
      format = f.format;
      i = f.i;
    } else if (a.startsWith('-') && a !== '-') {
      throw fail('BAD_OPTION', a, 'is not an option of khabar brief (see `khabar brief --help`)');
    } else if (input === undefined) input = a;
    else throw fail('USAGE', `khabar brief takes one input, got "${input}" and "${a}"`);
  }
  if (input === undefined) throw fail('USAGE', 'khabar brief needs a FILE (or - for standard input)');
  return { input, format };
}

export const command: Command = {
  summary:
    'the brief of an article (lead, dateline, sections, key points, byline): brief FILE|- [--format json|md|html]',
  usage: [
    'khabar brief FILE|- [--format json|md|html] [--lang ar|en]',
    '',
    'Reads one article (UTF-8, UTF-16 with BOM, windows-1256 or ISO-8859-6; - for standard input;',
    'an HTML page is reduced to its main text first)',
    'and prints its brief: lead, dateline, labelled sections, key points, byline, trailing matter.',
    '  --format json   the khabar.brief/1 document (default; see docs/brief-schema.md), with the',
    '                  entities, mentions and events the analysis found',
    '  --format md     Markdown',
    '  --format html   a standalone right-to-left HTML page',
    LANG_ERRORS_USAGE,
    'Warnings (non-UTF-8 input, text that is not Arabic) are printed on standard error.',
  ].join('\n'),
  async run(argv, ctx) {
    const { input, format } = parseArgs(argv);
    const read = await readInput(input, ctx, 'brief');
    printMessages(read.messages, ctx.stderr);
    const text = read.text;
    const meta = pageMeta(read);
    let brief = parseBrief(text);
    // A text file opening with its headline: the headline is the title, the lead what follows
    // (a page's headline is its title already).
    const head = read.format === 'text' && meta.title === undefined ? headlineOf(text, brief) : undefined;
    if (head) brief = head.brief;
    const article = articleFromText({
      text,
      source: input,
      format: read.format,
      encoding: read.encoding,
      language: read.language,
      brief,
      warnings: read.messages.filter((m) => m.severity !== 'info'),
      ...meta,
      ...(head ? { title: head.title } : {}),
    });
    const shown = renderOptions(article);
    if (format === 'md') write(ctx.stdout, renderMarkdown(brief, shown));
    else if (format === 'html') write(ctx.stdout, renderHtml(brief, shown));
    else {
      write(ctx.stdout, renderJson(brief, { article, analysis: analyze(article, brief) }));
    }
    return 0;
  },
};
