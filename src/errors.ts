/**
 * One catalogue of error codes (Orama style). Each says what went wrong and what to do
 * next. Throw `KhabarError` only for fatal failures of a command or programmer errors;
 * content problems are `Message`s on the document (see model.ts).
 */
export const ERRORS = {
  INPUT_NOT_FOUND: (input: string) =>
    `${input}: no such file. Check the path, or pass - to read standard input.`,
  /** For files that cannot come from standard input (gold data, the web app's folder). */
  FILE_NOT_FOUND: (path: string) => `${path}: no such file or folder. Check the path.`,
  OUTPUT_UNWRITABLE: (path: string, why: string) =>
    `--out ${path}: cannot be written (${why}). Check the path: its folder must exist and be writable.`,
  INPUT_IS_DIRECTORY: (input: string) =>
    `${input}: is a folder. Pass one file, or use \`khabar ingest ${input}\` for a whole folder.`,
  INPUT_EMPTY: (input: string) => `${input}: is empty. Give khabar an article with some text.`,
  INPUT_BINARY: (input: string) =>
    `${input}: looks like a binary file, not text. Give khabar a text, HTML, feed or JSONL file.`,
  INPUT_UNREADABLE: (input: string, why: string) => `${input}: cannot be read (${why}).`,
  INPUT_IS_JSONL: (input: string, command: string) =>
    `${input}: is JSONL (one article a line), and \`khabar ${command}\` reads one article. ` +
    `Use \`khabar ingest ${input}\` to analyze every line into the archive (then \`khabar export --what events\` or \`khabar search\`), ` +
    `\`khabar relations ${input}\` for the dyads, or pass one article's text.`,
  INPUT_IS_FEED: (input: string, command: string) =>
    `${input}: is an RSS/Atom feed (a list of articles), and \`khabar ${command}\` reads one article. ` +
    `Use \`khabar ingest ${input}\` to read every item into the archive (then \`khabar search\` or \`khabar export\`), ` +
    `or pass one article's text or page.`,
  INPUT_NOT_EXPORT: (input: string, line: number, what: string) =>
    `${input}: line ${line} is ${what}, not a line of \`khabar export\`; nothing was imported. ` +
    `\`khabar import\` reads back an export; to analyze articles (text, HTML, feeds, JSONL of articles) into the archive use \`khabar ingest ${input}\`.`,
  USAGE: (what: string) => `${what}. Run \`khabar help\` for the commands and their options.`,
  UNKNOWN_COMMAND: (name: string) =>
    `unknown command "${name}". Run \`khabar help\` for the list of commands.`,
  BAD_OPTION: (option: string, why: string) => `option ${option}: ${why}.`,
  BAD_QUERY: (problems: string) => `search query: ${problems} See docs/search.md for the query language.`,
  NO_ARCHIVE: (path: string) =>
    `no archive at ${path}. Check --db or KHABAR_DB, or create one with \`khabar ingest FILE\` (or \`npm start\` for the examples).`,
  STORE_OPEN: (where: string, why: string) =>
    `cannot open the archive${where ? ` at ${where}` : ''} (${why}). Check --db or KHABAR_DB.`,
} as const;

export type ErrorCode = keyof typeof ERRORS;

export class KhabarError extends Error {
  readonly code: ErrorCode | string;
  /** Process exit code a CLI should use. */
  readonly exitCode: number;
  /** What `fail` made the message from (the catalogue's arguments): the Arabic message is made from them too (src/i18n/errors.ts). */
  args?: readonly unknown[];
  constructor(code: ErrorCode | string, message: string, exitCode = 2) {
    super(message);
    this.name = 'KhabarError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

export function fail<C extends ErrorCode>(code: C, ...args: Parameters<(typeof ERRORS)[C]>): KhabarError {
  const make = ERRORS[code] as (...a: unknown[]) => string;
  const err = new KhabarError(code, make(...args));
  err.args = args;
  return err;
}
