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
  ARTICLE_NOT_FOUND: (id: string, archive: string) =>
    `no article "${id}" in ${archive}. Check the id: \`khabar search QUERY\` prints the ids of what it finds.`,
  STORE_OPEN: (where: string, why: string) =>
    `cannot open the archive${where ? ` at ${where}` : ''} (${why}). Check --db or KHABAR_DB.`,
  STORE_READONLY_MISSING: (path: string) =>
    `cannot open ${path} read-only: there is no such archive file. Check --db or KHABAR_DB.`,
  STORE_READONLY_POSTGRES: (url: string) =>
    `read-only opening is for SQLite archives; ${url} is PostgreSQL. Open it for writing, or give a SQLite file.`,
  STORE_READONLY_MIGRATIONS: (versions: string) =>
    `the archive cannot be opened read-only: schema migrations ${versions} are not applied. Open it once for writing (it is updated then).`,
  STORE_READONLY_INDEX: (built: string, current: string) =>
    `the archive cannot be opened read-only: its search index was built by analyzer version ${built}, not ${current}. ` +
    'Open it once for writing (it is re-indexed then), or keep the old index (reindex: false / --keep-index).',
  NODE_UNSUPPORTED: (version: string) =>
    `Node.js ${version} aborts when the SQLite driver's objects are garbage-collected ` +
    '(a bug of Node 24.19–24.21, fixed in 24.22.0). Use Node 24.22 or newer, Node 22 or ' +
    'Node 20 — or a PostgreSQL archive (--db postgres://…).',
  INPUT_HTML_TOO_DEEP: (input: string, depth: number, max: number) =>
    `${input}: HTML nested ${depth} levels deep (more than ${max}); refusing to parse it. ` +
    "Pass the article's text instead, or a simpler copy of the page.",
  MODEL_MISSING: (path: string) =>
    `${path}: no such tagger model. Check the path, or omit it to use the committed model.`,
  MODEL_UNREADABLE: (path: string, why: string) =>
    `${path}: not a usable tagger model (${why}). Check the path, or omit it to use the committed model.`,
  MODEL_DEFAULT_MISSING: (path: string) =>
    `${path}: the tagger model is missing. Rebuild it with \`npm run train:tagger\`.`,
  QUEUE_NEEDS_POSTGRES: (db: string, command: string) =>
    `${command}: the queue lives in PostgreSQL: ${db} is not a postgres:// URL. Give --db postgres://… or set KHABAR_DB to one.`,
  QUEUE_OPEN: (url: string, why: string) =>
    `cannot open the queue at ${url} (${why}). Check that PostgreSQL is up and that --db or KHABAR_DB points at it.`,
  WEB_BUILD_NO_VITE: (root: string) =>
    `vite is not installed in ${root}: run \`npm install\` there (it installs the dev dependencies).`,
  /** `output`: vite's own, '' when it went to the terminal. */
  WEB_BUILD_FAILED: (web: string, output: string) =>
    output
      ? `building the web app in ${web} failed (vite build); fix what it says, then run the command again:\n${output}`
      : `building the web app in ${web} failed; run \`npm run build:web\` to see why.`,
  COMMAND_MISSING: (name: string) =>
    `the ${name} command is missing from this install. Reinstall khabar (\`npm install\` in its folder).`,
  EVAL_DATA_NOT_JSON: (path: string, line: number, why: string) =>
    `${path}:${line}: not JSON (${why}). Each line must be one JSON object; see docs/eval.md.`,
  EVAL_EVENTS_FIELDS: (path: string, line: number) =>
    `${path}:${line}: needs "text" (a string) and "events" (a list); see docs/eval.md.`,
  EVAL_COMPOSE_FIELDS: (path: string, line: number) =>
    `${path}:${line}: needs "article" (text) and "summaries" (a non-empty list of texts); see docs/eval.md.`,
  EVAL_TEXT_UNREADABLE: (path: string, file: string, why: string) =>
    `${path}: its "file" ${file} cannot be read (${why}). Check that path: it is taken relative to the gold file.`,
  EVAL_GOLD_NOT_JSON: (file: string, why: string) =>
    `${file}: is not valid JSON (${why}). See the "briefs" format in docs (../shared/eval/README.md).`,
  /** `field`: where in the gold ('' for the whole file). */
  EVAL_GOLD_SHAPE: (file: string, field: string, want: GoldWant) =>
    `${file}: ${field ? `${field} ` : ''}must be ${want}. See the "briefs" format in docs (../shared/eval/README.md).`,
  /** An actor (`khabar relations --actor`, GET /api/relations?actor=) that no event or entity of the archive names. */
  ACTOR_NOT_FOUND: (actor: string) =>
    `actor ${actor}: no event or entity of the archive names it. Give an entity id or one of its names as the articles write it — a family name alone will do for a person (GET /api/entities?q= and \`khabar search\` list them) —, or leave the actor out.`,
  // The HTTP API's own problems (src/api/problem.ts gives each its status and problem type).
  API_ROUTE_NOT_FOUND: (method: string, path: string) =>
    `Route ${method} ${path} was not found. The routes are listed in GET /api/openapi.json.`,
  API_NOT_FOUND: (what: ApiThing, id: string) =>
    `${API_THINGS[what]} "${id}" was not found. ${
      what === 'story'
        ? 'Check the id (a story id, or the id of an article in it), or list the stories with GET /api/stories.'
        : 'Check the id, or list what exists with GET /api/articles or /api/entities.'
    }`,
  API_METHOD_NOT_ALLOWED: (method: string, path: string, allow: string) =>
    `${method} is not allowed on ${path}; use ${allow}.`,
  /** `where`: the part of the request; `errors`: one entry per bad input (their messages in English). */
  API_INVALID: (where: ApiPart, errors: readonly FieldProblem[]) =>
    `The ${where} does not validate: ${sentence(errors.map((e) => `${e.path ? `${e.path}: ` : ''}${e.message.replace(/\.$/, '')}`).join('; '))} See /api/openapi.json for what each route accepts.`,
  API_UNAUTHORIZED: () => 'This route needs the server token: send `Authorization: Bearer <KHABAR_TOKEN>`.',
  API_INGEST_DISABLED: () =>
    'Ingest is disabled on this server: start `khabar serve` with KHABAR_TOKEN set to enable it.',
  API_TOKEN_WRONG: () => 'The bearer token is not this server’s KHABAR_TOKEN.',
  API_TOO_LARGE: (max: number) =>
    `The request body is larger than ${max} bytes. Send fewer articles per request.`,
  /** `type`: the Content-Type given ('' for none). */
  API_UNSUPPORTED_TYPE: (type: string) =>
    `Content-Type "${type || '(none)'}" is not accepted here. ${SEND_TYPES}`,
  /** An XML body (`type`: its Content-Type) that is no feed. */
  API_XML_NOT_FEED: (type: string) =>
    `This ${type} body is not an RSS, Atom or RDF feed (its first element is not <rss>, <feed> or <rdf:RDF>). ${SEND_TYPES}`,
  API_STORE_NOT_READY: (why: string) => `The store does not answer (${why}). Check the database.`,
  /** `reason`: the fetcher's, naming the URL («URL: HTTP 404: …»). */
  /** `reason` names the URL and says what to do; the rest lets other languages say it (src/i18n). */
  API_FETCH_FAILED: (reason: string, _url?: string, _ruleId?: string, _status?: number) => reason,
} as const;

const SEND_TYPES =
  'Send application/json, text/plain, text/html, application/x-ndjson, or a feed as application/rss+xml, application/atom+xml (or XML that is a feed).';

/** What GET /api/articles/{id}, /api/entities/{id} and /api/stories/{id} did not find. */
export type ApiThing = 'article' | 'entity' | 'story';
const API_THINGS: Readonly<Record<ApiThing, string>> = {
  article: 'Article',
  entity: 'Entity',
  story: 'Story',
};

/** The part of an API request a validation problem is in. */
export type ApiPart = 'query string' | 'body' | 'path' | 'request';

/** One bad input of an API request (problem+json `errors[]`). */
export interface FieldProblem {
  in: string;
  path: string;
  message: string;
}

/** Ends `text` with one full stop — a message that ends in «.» or «?» got «..» / «?.» before. */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

/** What a part of a brief gold file must be (EVAL_GOLD_SHAPE); src/i18n/errors.ts says each in Arabic. */
export type GoldWant =
  | 'a JSON object'
  | 'a list'
  | 'a section kind, or an object with a "kind"'
  | 'a string or null';

export type ErrorCode = keyof typeof ERRORS;

export class KhabarError extends Error {
  readonly code: ErrorCode;
  /** Process exit code a CLI should use. */
  readonly exitCode: number;
  /** What `fail` made the message from (the catalogue's arguments): the Arabic message is made from them too (src/i18n/errors.ts). */
  args?: readonly unknown[];
  constructor(code: ErrorCode, message: string, exitCode = 2) {
    super(message);
    this.name = 'KhabarError';
    this.code = code;
    this.exitCode = exitCode;
  }
}

/**
 * A URL's password replaced by «***» wherever one appears in `text`
 * («postgres://app:secret@db/news» → «postgres://app:***@db/news»): error messages name the
 * archive or queue they could not open, and must not print its credentials.
 */
export function hidePasswords(text: string): string {
  return text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s@/]+@/giu, '$1***@');
}

export function fail<C extends ErrorCode>(code: C, ...given: Parameters<(typeof ERRORS)[C]>): KhabarError {
  const make = ERRORS[code] as (...a: unknown[]) => string;
  // Every string argument is shown (English here, Arabic from `args`): none may carry a password.
  const args = given.map((a) => (typeof a === 'string' ? hidePasswords(a) : a)) as typeof given;
  const err = new KhabarError(code, make(...args));
  err.args = args;
  return err;
}
