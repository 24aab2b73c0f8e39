import { articleFromText } from '../../brief/article.ts';
import { renderHtml, renderJson, renderMarkdown, renderOptions } from '../../brief/render.ts';
import { compose } from '../../compose/compose.ts';
import { fail } from '../../errors.ts';
import { processArticle } from '../../jobs/pipeline.ts';
import { llmConfigFromEnv } from '../../llm/client.ts';
import { composeWithLlm } from '../../llm/compose.ts';
import { type Command, write } from '../context.ts';
import { pageMeta, printMessages, readInput } from '../input.ts';
import { LANG_ERRORS_USAGE } from '../lang.ts';
import { type BriefFormat, formatArg } from './brief.ts';

function parseArgs(argv: string[]): { input: string; format: BriefFormat; keyPoints?: number; llm: boolean } {
  let input: string | undefined;
  let llm = false;
  let format: BriefFormat = 'json';
  let keyPoints: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const f = formatArg(argv, i);
    if (f) {
      format = f.format;
      i = f.i;
    } else if (a === '--llm') llm = true;
    else if (a === '--key-points') {
      const given = argv[++i];
      keyPoints = Number(given);
      if (!(Number.isInteger(keyPoints) && keyPoints >= 3 && keyPoints <= 6))
        throw fail('BAD_OPTION', '--key-points', `must be 3, 4, 5 or 6 (got "${given}")`);
    } else if (a.startsWith('-') && a !== '-')
      throw fail('BAD_OPTION', a, 'is not an option of khabar compose');
    else if (input === undefined) input = a;
    else throw fail('USAGE', `khabar compose takes one input, got "${input}" and "${a}"`);
  }
  if (input === undefined) throw fail('USAGE', 'khabar compose needs a FILE (or - for standard input)');
  return { input, format, llm, ...(keyPoints !== undefined ? { keyPoints } : {}) };
}

export const command: Command = {
  summary:
    'draft a brief (extractive) for an article without the template: compose FILE|- [--format json|md|html]',
  usage: [
    'khabar compose FILE|- [--format json|md|html] [--key-points 3..6] [--llm] [--lang ar|en]',
    '',
    '  --format json   the khabar.brief/1 document (default, as khabar brief), with the analysis',
    '  --format md     Markdown',
    '  --format html   a standalone right-to-left HTML page',
    LANG_ERRORS_USAGE,
    '',
    'Drafts the brief of any article: a headline-like lead, why it matters, the big picture,',
    'what they say (attributed statements), 3–6 key points and a deeper look. Extractive:',
    'every block is a sentence of the article, with its span. The brief is marked "composed".',
    'An HTML page is reduced to its main text first; a JSONL file or a feed is refused.',
    '',
    '--llm: an OpenAI-compatible chat endpoint writes the sections (KHABAR_LLM_URL, e.g.',
    'http://127.0.0.1:8080/v1; KHABAR_LLM_MODEL; KHABAR_LLM_KEY; KHABAR_LLM_TIMEOUT_MS). It cites',
    'the sentence ids it used, mapped back to spans; on any failure the extractive brief is',
    'printed with an info message compose/llm-fallback saying why.',
  ].join('\n'),
  async run(argv, ctx) {
    const { input, format, keyPoints, llm } = parseArgs(argv);
    const llmConfig = llm ? llmConfigFromEnv(ctx.env) : undefined;
    if (llm && !llmConfig)
      throw fail(
        'BAD_OPTION',
        '--llm',
        'needs KHABAR_LLM_URL (an OpenAI-compatible endpoint) in the environment',
      );
    const read = await readInput(input, ctx, 'compose');
    printMessages(read.messages, ctx.stderr);
    const article = articleFromText({
      text: read.text,
      source: input,
      format: read.format,
      encoding: read.encoding,
      language: read.language,
      warnings: read.messages.filter((m) => m.severity !== 'info'),
      ...pageMeta(read),
    });
    const { analysis } = processArticle(article);
    const composeOpts = { analysis, ...(keyPoints !== undefined ? { maxKeyPoints: keyPoints } : {}) };
    const brief = llmConfig
      ? await composeWithLlm(read.text, { ...composeOpts, llm: llmConfig })
      : compose(read.text, composeOpts);
    if (llmConfig)
      printMessages(
        brief.messages.filter((m) => m.ruleId.startsWith('compose/llm')),
        ctx.stderr,
      );
    const titled = renderOptions(article);
    if (format === 'md') write(ctx.stdout, renderMarkdown(brief, titled));
    else if (format === 'html') write(ctx.stdout, renderHtml(brief, titled));
    else write(ctx.stdout, renderJson(brief, { article, analysis }));
    return 0;
  },
};
