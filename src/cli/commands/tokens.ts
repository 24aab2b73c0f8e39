import { fail } from '../../errors.ts';
import { analyzeClitics, tokenize } from '../../text/index.ts';
import { type Command, write } from '../context.ts';
import { printMessages, readInput } from '../input.ts';

export const command: Command = {
  summary: 'print the tokens of FILE with kinds, offsets and clitic candidates',
  usage: [
    'khabar tokens FILE|- [--json]',
    '',
    'One token a line: START END KIND SURFACE, and for Arabic words the candidate bare',
    'forms (most plausible first), e.g. `12 19 word والرئيس رئيس | والرئيس | الرئيس`.',
    'Offsets are UTF-16 code units into the decoded text: [START, END).',
    '--json prints one JSON array of {start, end, kind, text, clitics?}.',
  ].join('\n'),
  async run(argv, ctx) {
    const json = argv.includes('--json');
    const unknown = argv.find((a) => a.startsWith('--') && a !== '--json');
    if (unknown) throw fail('BAD_OPTION', unknown, 'not an option of khabar tokens (only --json)');
    const inputs = argv.filter((a) => !a.startsWith('--'));
    if (inputs.length !== 1) throw fail('USAGE', 'khabar tokens needs one FILE, or - for standard input');
    const input = await readInput(inputs[0]!, ctx);
    printMessages(input.messages, ctx.stderr);
    const text = input.text;
    const tokens = tokenize(text);
    if (json) {
      const rows = tokens.map((t) => ({
        start: t.start,
        end: t.end,
        kind: t.kind,
        text: t.text,
        ...(t.kind === 'word'
          ? {
              clitics: analyzeClitics(t.text).map((a) => ({
                base: a.base,
                key: a.key,
                proclitics: a.proclitics,
                enclitic: a.enclitic,
              })),
            }
          : {}),
      }));
      write(ctx.stdout, JSON.stringify(rows));
      return 0;
    }
    const lines: string[] = [];
    for (const t of tokens) {
      const row = `${t.start}\t${t.end}\t${t.kind}\t${t.text}`;
      lines.push(
        t.kind === 'word'
          ? `${row}\t${analyzeClitics(t.text)
              .map((a) => a.base)
              .join(' | ')}`
          : row,
      );
    }
    write(ctx.stdout, lines.join('\n'));
    return 0;
  },
};
