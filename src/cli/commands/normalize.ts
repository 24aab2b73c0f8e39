import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { fail } from '../../errors.ts';
import { normalize } from '../../text/index.ts';
import { type CliContext, type Command, write } from '../context.ts';

/**
 * Reads one text input (a path or `-` for stdin) as UTF-8. A stop-gap until the shared
 * input reader (src/cli/input.ts, with encoding detection) exists.
 */
export async function readTextInput(arg: string, ctx: CliContext): Promise<string> {
  let bytes: Buffer;
  if (arg === '-') bytes = await readAll(ctx.stdin);
  else {
    const path = resolve(ctx.cwd, arg);
    if (!existsSync(path)) throw fail('INPUT_NOT_FOUND', arg);
    if (statSync(path).isDirectory()) throw fail('INPUT_IS_DIRECTORY', arg);
    try {
      bytes = readFileSync(path);
    } catch (err) {
      throw fail('INPUT_UNREADABLE', arg, (err as Error).message);
    }
  }
  if (bytes.length === 0) throw fail('INPUT_EMPTY', arg);
  if (bytes.subarray(0, 8192).includes(0)) throw fail('INPUT_BINARY', arg);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}

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
    const text = await readTextInput(inputs[0]!, ctx);
    const out = normalize(text, { strength: match ? 'match' : 'display' }).text;
    ctx.stdout.write(out);
    if (!out.endsWith('\n')) write(ctx.stdout, '');
    return 0;
  },
};
