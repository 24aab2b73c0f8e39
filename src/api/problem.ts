/**
 * RFC 9457 problem details: the one place where API errors become HTTP responses.
 * Routes throw `ApiProblem` (or let a `ZodError`/`KhabarError` escape); `toProblem` maps
 * anything thrown to a `application/problem+json` body with a stable `type` URN.
 */
import { ZodError } from 'zod';
import { type ApiPart, type ApiThing, type ErrorCode, fail, KhabarError } from '../errors.ts';
import { errorText, fieldProblemAr, INTERNAL_AR, TITLES_AR } from '../i18n/errors.ts';
import type { Lang } from '../i18n/glossary.ts';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Validation problems: one entry per bad input. */
  errors?: Array<{ in: string; path: string; message: string }>;
}

/**
 * The HTTP status of each catalogue error when an API request meets it. The client's mistakes
 * are 4xx; what fails on the server — an archive or queue that cannot be opened, a missing
 * model, a build — is 5xx: 503 where a dependency (the database, the queue) does not answer and
 * a retry may succeed, 500 where the install or the server's configuration is at fault.
 * A `Record` over every code: a new catalogue code does not compile until it is given one.
 */
export const HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  // What the request gave (a query, an option, a body) — the client can fix it.
  INPUT_NOT_FOUND: 400,
  INPUT_IS_DIRECTORY: 400,
  INPUT_EMPTY: 400,
  INPUT_BINARY: 400,
  INPUT_UNREADABLE: 400,
  INPUT_IS_JSONL: 400,
  INPUT_IS_FEED: 400,
  INPUT_NOT_EXPORT: 400,
  INPUT_HTML_TOO_DEEP: 400,
  USAGE: 400,
  UNKNOWN_COMMAND: 400,
  BAD_OPTION: 400,
  BAD_QUERY: 400,
  EVAL_DATA_NOT_JSON: 400,
  EVAL_EVENTS_FIELDS: 400,
  EVAL_COMPOSE_FIELDS: 400,
  EVAL_TEXT_UNREADABLE: 400,
  EVAL_GOLD_NOT_JSON: 400,
  EVAL_GOLD_SHAPE: 400,
  API_INVALID: 400,
  API_UNAUTHORIZED: 401,
  API_INGEST_DISABLED: 403,
  API_TOKEN_WRONG: 403,
  ACTOR_NOT_FOUND: 404,
  ARTICLE_NOT_FOUND: 404,
  API_ROUTE_NOT_FOUND: 404,
  API_NOT_FOUND: 404,
  API_METHOD_NOT_ALLOWED: 405,
  API_TOO_LARGE: 413,
  API_UNSUPPORTED_TYPE: 415,
  API_XML_NOT_FEED: 415,
  // The server's own files, install and configuration.
  FILE_NOT_FOUND: 500,
  OUTPUT_UNWRITABLE: 500,
  NODE_UNSUPPORTED: 500,
  MODEL_MISSING: 500,
  MODEL_UNREADABLE: 500,
  MODEL_DEFAULT_MISSING: 500,
  QUEUE_NEEDS_POSTGRES: 500,
  WEB_BUILD_NO_VITE: 500,
  WEB_BUILD_FAILED: 500,
  COMMAND_MISSING: 500,
  STORE_READONLY_MISSING: 500,
  STORE_READONLY_POSTGRES: 500,
  STORE_READONLY_MIGRATIONS: 500,
  STORE_READONLY_INDEX: 500,
  // A site fetched for the client failed it.
  API_FETCH_FAILED: 502,
  // The archive or the queue does not answer: a retry may succeed.
  NO_ARCHIVE: 503,
  STORE_OPEN: 503,
  QUEUE_OPEN: 503,
  API_STORE_NOT_READY: 503,
};

/** The problem `title` of a status, in English and Arabic. */
const TITLES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

/**
 * A problem the API raises itself (a route not found, a bad query string, a refused token):
 * a catalogue error — so its detail is said in the language asked, as the CLI's are — with the
 * problem's stable `type` (`urn:khabar:problem:<code>`), the bad inputs and the headers to send.
 */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly error: KhabarError;
  readonly errors: ProblemBody['errors'];
  readonly headers: Record<string, string>;
  constructor(opts: {
    code: string;
    error: KhabarError;
    title?: string;
    errors?: ProblemBody['errors'];
    headers?: Record<string, string>;
  }) {
    super(opts.error.message);
    this.name = 'ApiProblem';
    this.error = opts.error;
    this.status = HTTP_STATUS[opts.error.code];
    this.code = opts.code;
    this.title = opts.title ?? TITLES[this.status] ?? 'Error';
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }
}

export const problems = {
  notFound: (what: ApiThing, id: string) =>
    new ApiProblem({ code: 'not-found', error: fail('API_NOT_FOUND', what, id) }),
  routeNotFound: (method: string, path: string) =>
    new ApiProblem({ code: 'not-found', error: fail('API_ROUTE_NOT_FOUND', method, path) }),
  validation: (where: ApiPart, errors: NonNullable<ProblemBody['errors']>) =>
    new ApiProblem({
      code: 'validation',
      title: 'Invalid request',
      error: fail('API_INVALID', where, errors),
      errors,
    }),
  unauthorized: () =>
    new ApiProblem({
      code: 'unauthorized',
      error: fail('API_UNAUTHORIZED'),
      headers: { 'WWW-Authenticate': 'Bearer realm="khabar"' },
    }),
  ingestDisabled: () => new ApiProblem({ code: 'forbidden', error: fail('API_INGEST_DISABLED') }),
  tokenWrong: () => new ApiProblem({ code: 'forbidden', error: fail('API_TOKEN_WRONG') }),
  tooLarge: (max: number) => new ApiProblem({ code: 'too-large', error: fail('API_TOO_LARGE', max) }),
  /** `type`: the Content-Type given; `notFeed`: an XML body that is no feed. */
  unsupported: (type: string, notFeed = false) =>
    new ApiProblem({
      code: 'unsupported-media-type',
      error: notFeed ? fail('API_XML_NOT_FEED', type) : fail('API_UNSUPPORTED_TYPE', type),
    }),
  methodNotAllowed: (method: string, path: string, allow: string) =>
    new ApiProblem({
      code: 'method-not-allowed',
      error: fail('API_METHOD_NOT_ALLOWED', method, path, allow),
      headers: { Allow: allow },
    }),
  storeNotReady: (why: string) =>
    new ApiProblem({ code: 'unavailable', error: fail('API_STORE_NOT_READY', why) }),
  badGateway: (reason: string, url?: string, ruleId?: string, status?: number) =>
    new ApiProblem({ code: 'bad-gateway', error: fail('API_FETCH_FAILED', reason, url, ruleId, status) }),
};

/**
 * Maps anything thrown by a route to a problem body and status. `lang`: the language the request
 * named (`?lang=`, Accept-Language); every problem's detail — the API's own (`ApiProblem`) and a
 * catalogue error (`KhabarError`) alike — is then said in it, the CLI's Arabic of
 * src/i18n/errors.ts, with its title, its bad inputs' messages and `Content-Language`. Unnamed:
 * English, as always. A catalogue error's status is HTTP_STATUS's: 4xx for what the client gave,
 * 5xx for what failed on the server.
 */
export function toProblem(
  err: unknown,
  instance: string,
  lang?: Lang,
): ProblemBody & { headers: Record<string, string> } {
  const said = lang ? { 'Content-Language': lang } : {};
  if (err instanceof ApiProblem) {
    const ar = lang === 'ar';
    return {
      type: `urn:khabar:problem:${err.code}`,
      title: (ar && TITLES_AR[err.status]) || err.title,
      status: err.status,
      detail: lang ? errorText(err.error, lang) : err.message,
      instance,
      ...(err.errors
        ? { errors: ar ? err.errors.map((e) => ({ ...e, message: fieldProblemAr(e.message) })) : err.errors }
        : {}),
      headers: { ...err.headers, ...said },
    };
  }
  if (err instanceof ZodError) {
    const p = problems.validation('request', zodErrors(err, 'body'));
    return toProblem(p, instance, lang);
  }
  if (err instanceof KhabarError) {
    const status = HTTP_STATUS[err.code] ?? 500;
    if (status >= 500) console.error(`khabar: ${err.message}`);
    return {
      type: `urn:khabar:problem:${err.code.toLowerCase()}`,
      title: (lang === 'ar' && TITLES_AR[status]) || (TITLES[status] ?? 'Error'),
      status,
      detail: lang ? errorText(err, lang) : err.message,
      instance,
      headers: said,
    };
  }
  // The database went away under a request (PostgreSQL down or restarting, SQLite busy): the
  // client did nothing wrong and a retry may succeed — a 503, not a 500 «report it».
  if (storeUnreachable(err)) {
    console.error(err);
    return toProblem(problems.storeNotReady((err as Error).message), instance, lang);
  }
  // A programmer error: log it, do not leak internals to the client.
  console.error(err);
  return {
    type: 'urn:khabar:problem:internal',
    title: (lang === 'ar' && TITLES_AR[500]) || 'Internal Server Error',
    status: 500,
    detail:
      lang === 'ar'
        ? INTERNAL_AR
        : 'The server failed while answering. The error is in the server log; retry, or report it.',
    instance,
    headers: said,
  };
}

/**
 * Error codes of a database that cannot answer now: a connection refused, reset or timed out,
 * PostgreSQL's connection exceptions (class 08) and shutdowns (57P01–57P03), SQLite busy or locked.
 */
const UNREACHABLE =
  /^(?:ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EPIPE|08\w{3}|57P0[1-3]|SQLITE_BUSY\w*|SQLITE_LOCKED\w*)$/u;

/** Whether `err` is the store failing to answer (see UNREACHABLE), rather than a programmer error. */
export function storeUnreachable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return err instanceof Error && typeof code === 'string' && UNREACHABLE.test(code);
}

/** zod's issues as problem `errors`; a field the schema does not know is named as its path (zod gave none). */
export function zodErrors(err: ZodError, where: string): NonNullable<ProblemBody['errors']> {
  return err.issues.flatMap((i) =>
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({
          in: where,
          path: [...i.path, key].join('.'),
          message: 'not a field this route takes',
        }))
      : [{ in: where, path: i.path.join('.'), message: i.message }],
  );
}
