import { fail } from '../../errors.ts';
import { normalize } from '../../text/index.ts';
import { type Command, write } from '../context.ts';
import { printMessages, readInput } from '../input.ts';

export const command: Command = {
  summary: 'print the normalized text of FILE (display form, or --match for lookups)',
  usage: [
    'khabar normalize [--match] FILE|-',
    '',
    'Prints the text of FILE (or standard input, with -) normalized:',
    '  (default)  display form: tatweel, bidi and zero-width controls dropped, presentation',
    '             forms and lam-alef ligatures folded, ی/ک → ي/ك, Arabic digits → 0-9',
    '  --match    match form: also harakat stripped, أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي',
  ].join('\n'),
  async run(argv, ctx) {
    const match = argv.includes('--match');
    const unknown = argv.find((a) => a.startsWith('--') && a !== '--match');
    if (unknown) throw fail('BAD_OPTION', unknown, 'not an option of khabar normalize (only --match)');
    const inputs = argv.filter((a) => !a.startsWith('--'));
    if (inputs.length !== 1) throw fail('USAGE', 'khabar normalize needs one FILE, or - for standard input');
    const input = await readInput(inputs[0]!, ctx);
    printMessages(input.messages, ctx.stderr);
    const text = input.text;
    const out = normalize(text, { strength: match ? 'match' : 'display' }).text;
    ctx.stdout.write(out);
    if (!out.endsWith('\n')) write(ctx.stdout, '');
    return 0;
  },
};
