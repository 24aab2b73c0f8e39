import type { Readable, Writable } from 'node:stream';

/** What a command may touch: its streams and environment (swappable in tests). */
export interface CliContext {
  stdout: Writable;
  stderr: Writable;
  stdin: Readable;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** True when stdout is a terminal (a search's colours and layout). */
  isTTY: boolean;
  /**
   * True when stderr is a terminal: progress bars redraw there, so they ask this, not `isTTY`
   * (`khabar ingest … 2> log` from a terminal wrote «\r» redraws into the log). Unset: `isTTY`.
   */
  errIsTTY?: boolean;
}

export interface Command {
  /** One line for `khabar help`. */
  summary: string;
  /** Full usage text for `khabar help NAME` and `khabar NAME --help`. */
  usage: string;
  run(argv: string[], ctx: CliContext): Promise<number>;
  /**
   * The command reads `--lang ar|en` itself (its tables, summaries, glosses). Every other
   * command is given its arguments without it (main.ts): `--lang` is taken by every command —
   * it sets the language of error lines — and refused by none («unknown argument "--lang"»).
   */
  readsLang?: boolean;
}

export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY),
    errIsTTY: Boolean(process.stderr.isTTY),
  };
}

/** Whether progress drawn on stderr may redraw in place (see `errIsTTY`). */
export function progressTTY(ctx: CliContext): boolean {
  return ctx.errIsTTY ?? ctx.isTTY;
}

export function write(stream: Writable, text: string): void {
  stream.write(text.endsWith('\n') ? text : `${text}\n`);
}
