/**
 * RFC 9457 problem details: the one place where API errors become HTTP responses.
 * Routes throw `ApiProblem` (or let a `ZodError`/`KhabarError` escape); `toProblem` maps
 * anything thrown to a `application/problem+json` body with a stable `type` URN.
 */
import { ZodError } from 'zod';
import { KhabarError } from '../errors.ts';
import { errorText } from '../i18n/errors.ts';
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

export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly errors: ProblemBody['errors'];
  readonly headers: Record<string, string>;
  constructor(opts: {
    status: number;
    code: string;
    title: string;
    detail: string;
    errors?: ProblemBody['errors'];
    headers?: Record<string, string>;
  }) {
    super(opts.detail);
    this.name = 'ApiProblem';
    this.status = opts.status;
    this.code = opts.code;
    this.title = opts.title;
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }
}

/** Ends `text` with one full stop — a message that ends in «.» or «?» got «..» / «?.» before. */
function sentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

export const problems = {
  /** `hint`: what to do instead (by default: check the id, and the route that lists them). */
  notFound: (
    what: string,
    hint = 'Check the id, or list what exists with GET /api/articles or /api/entities.',
  ) =>
    new ApiProblem({
      status: 404,
      code: 'not-found',
      title: 'Not Found',
      detail: `${what} was not found. ${hint}`,
    }),
  validation: (where: string, errors: NonNullable<ProblemBody['errors']>) =>
    new ApiProblem({
      status: 400,
      code: 'validation',
      title: 'Invalid request',
      detail: `The ${where} does not validate: ${sentence(errors.map((e) => `${e.path || where}: ${e.message.replace(/\.$/, '')}`).join('; '))} See /api/openapi.json for what each route accepts.`,
      errors,
    }),
  unauthorized: () =>
    new ApiProblem({
      status: 401,
      code: 'unauthorized',
      title: 'Unauthorized',
      detail: 'This route needs the server token: send `Authorization: Bearer <KHABAR_TOKEN>`.',
      headers: { 'WWW-Authenticate': 'Bearer realm="khabar"' },
    }),
  forbidden: (why: string) =>
    new ApiProblem({ status: 403, code: 'forbidden', title: 'Forbidden', detail: why }),
  tooLarge: (max: number) =>
    new ApiProblem({
      status: 413,
      code: 'too-large',
      title: 'Content Too Large',
      detail: `The request body is larger than ${max} bytes. Send fewer articles per request.`,
    }),
  unsupported: (type: string, why = `Content-Type "${type}" is not accepted here.`) =>
    new ApiProblem({
      status: 415,
      code: 'unsupported-media-type',
      title: 'Unsupported Media Type',
      detail: `${why} Send application/json, text/plain, text/html, application/x-ndjson, or a feed as application/rss+xml, application/atom+xml (or XML that is a feed).`,
    }),
  methodNotAllowed: (method: string, path: string, allow: string) =>
    new ApiProblem({
      status: 405,
      code: 'method-not-allowed',
      title: 'Method Not Allowed',
      detail: `${method} is not allowed on ${path}; use ${allow}.`,
      headers: { Allow: allow },
    }),
  unavailable: (why: string) =>
    new ApiProblem({ status: 503, code: 'unavailable', title: 'Service Unavailable', detail: why }),
  badGateway: (why: string) =>
    new ApiProblem({ status: 502, code: 'bad-gateway', title: 'Bad Gateway', detail: why }),
};

/**
 * Maps anything thrown by a route to a problem body and status. `lang`: the language the request
 * named (`?lang=`, Accept-Language); a catalogue error (`KhabarError`) is then said in it — the
 * CLI's Arabic of src/i18n/errors.ts — with `Content-Language`. Unnamed: English, as always.
 */
export function toProblem(
  err: unknown,
  instance: string,
  lang?: Lang,
): ProblemBody & { headers: Record<string, string> } {
  if (err instanceof ApiProblem) {
    return {
      type: `urn:khabar:problem:${err.code}`,
      title: err.title,
      status: err.status,
      detail: err.message,
      instance,
      ...(err.errors ? { errors: err.errors } : {}),
      headers: err.headers,
    };
  }
  if (err instanceof ZodError) {
    const p = problems.validation('request', zodErrors(err, 'body'));
    return toProblem(p, instance);
  }
  if (err instanceof KhabarError) {
    return {
      type: `urn:khabar:problem:${err.code.toLowerCase()}`,
      title: 'Bad Request',
      status: 400,
      detail: lang ? errorText(err, lang) : err.message,
      instance,
      headers: lang ? { 'Content-Language': lang } : {},
    };
  }
  // A programmer error: log it, do not leak internals to the client.
  console.error(err);
  return {
    type: 'urn:khabar:problem:internal',
    title: 'Internal Server Error',
    status: 500,
    detail: 'The server failed while answering. The error is in the server log; retry, or report it.',
    instance,
    headers: {},
  };
}

export function zodErrors(err: ZodError, where: string): NonNullable<ProblemBody['errors']> {
  return err.issues.map((i) => ({ in: where, path: i.path.join('.'), message: i.message }));
}
