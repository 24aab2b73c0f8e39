/**
 * The `khabar` command. Each subcommand is one file in `./commands/NAME.ts` exporting
 * `command: Command`; this file only finds and runs it, and maps errors to exit codes.
 */
import { existsSync, readdirSync } from 'node:fs';
import { KhabarError, fail } from '../errors.ts';
import { errorText } from '../i18n/errors.ts';
import { type Lang, langFromEnv } from '../i18n/glossary.ts';
import { type CliContext, type Command, processContext, write } from './context.ts';
import { takeLang } from './lang.ts';

const commandsDir = new URL('./commands/', import.meta.url);

function commandNames(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

export async function loadCommand(name: string): Promise<Command | undefined> {
  if (!/^[a-z][a-z-]*$/.test(name)) return undefined;
  const url = new URL(`./${name}.ts`, commandsDir);
  if (!existsSync(url)) return undefined;
  const mod = (await import(url.href)) as { command?: Command };
  return mod.command;
}

async function help(ctx: CliContext, name?: string): Promise<number> {
  if (name) {
    const cmd = await loadCommand(name);
    if (!cmd) throw fail('UNKNOWN_COMMAND', name);
    write(ctx.stdout, cmd.usage);
    return 0;
  }
  const lines = ['khabar — Arabic news to structured, searchable, linked knowledge', '', 'Commands:'];
  for (const n of commandNames()) {
    const cmd = await loadCommand(n);
    if (cmd) lines.push(`  ${n.padEnd(12)} ${cmd.summary}`);
  }
  lines.push('', 'Run `khabar help COMMAND` for a command’s options.');
  write(ctx.stdout, lines.join('\n'));
  return 0;
}

/**
 * The language of an error line: `--lang ar|en` among the arguments (even where the command
 * failed before reading it, or has no such option), else the locale's (LC_ALL, LC_MESSAGES, LANG).
 */
function errorLang(argv: string[], ctx: CliContext): Lang {
  for (let i = 0; i < argv.length; i++) {
    const v =
      argv[i] === '--lang' ? argv[i + 1] : argv[i]!.startsWith('--lang=') ? argv[i]!.slice(7) : undefined;
    if (v === 'ar' || v === 'en') return v;
  }
  return langFromEnv(ctx.env);
}

export async function main(argv: string[], ctx: CliContext = processContext()): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (!name || name === 'help' || name === '--help' || name === '-h') return await help(ctx, rest[0]);
    if (name === '--version' || name === '-v') {
      const pkg = await import('../../package.json', { with: { type: 'json' } });
      write(ctx.stdout, pkg.default.version);
      return 0;
    }
    const cmd = await loadCommand(name);
    if (!cmd) throw fail('UNKNOWN_COMMAND', name);
    if (rest.includes('--help') || rest.includes('-h')) {
      write(ctx.stdout, cmd.usage);
      return 0;
    }
    // A command without language-dependent output still takes --lang (a bad value is an error).
    return await cmd.run(cmd.readsLang ? rest : takeLang(rest).rest, ctx);
  } catch (err) {
    if (err instanceof KhabarError) {
      const text = errorText(err, errorLang(rest, ctx));
      // A usage error already names its command («khabar search: …»): not «khabar: khabar search: …».
      write(ctx.stderr, text.startsWith('khabar ') ? text : `khabar: ${text}`);
      return err.exitCode;
    }
    throw err;
  }
}
