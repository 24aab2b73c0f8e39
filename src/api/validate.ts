/** Query and body validation with zod; failures become 400 problem+json (see problem.ts). */
import type { Context } from 'hono';
import { z } from 'zod';
import type { ApiPart } from '../errors.ts';
import { problems, zodErrors } from './problem.ts';

const keysCache = new WeakMap<z.ZodType, { all: string[]; arrays: Set<string> }>();

/** The properties of an object schema, and those that are arrays (read from its JSON Schema, once). */
function schemaKeys(schema: z.ZodType): { all: string[]; arrays: Set<string> } {
  let keys = keysCache.get(schema);
  if (!keys) {
    const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
      properties?: Record<string, { type?: string }>;
    };
    const props = Object.entries(js.properties ?? {});
    keys = {
      all: props.map(([k]) => k),
      arrays: new Set(props.filter(([, p]) => p.type === 'array').map(([k]) => k)),
    };
    keysCache.set(schema, keys);
  }
  return keys;
}

/** Reads the query string into a plain object: array keys may repeat or be comma-separated. */
export function rawQuery(url: string, arrays: Set<string>): Record<string, string | string[]> {
  const params = new URL(url).searchParams;
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    if (arrays.has(key)) {
      out[key] = values
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
    } else out[key] = values[values.length - 1] ?? '';
  }
  return out;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const keys = schemaKeys(schema);
  const raw = rawQuery(c.req.url, keys.arrays);
  const r = schema.safeParse(raw);
  if (!r.success) throw problems.validation('query string', queryErrors(r.error, raw, keys.all));
  return r.data;
}

/**
 * Query problems in words that name the value given: «limit: "abc" is not a whole number», not
 * zod's «Invalid input: expected number, received NaN» (NaN was never typed); a repeated or
 * comma-separated parameter is named as written (`type`, not `type.0`). Messages the schemas
 * wrote themselves (dates) are kept, with the value. A parameter the route does not take is
 * named, with those it takes (`known`): zod's «Unrecognized key: "colour"» had no parameter, and
 * the detail read «query string: query string: Unrecognized key…».
 */
export function queryErrors(
  err: z.ZodError,
  raw: Record<string, string | string[]>,
  known: readonly string[] = [],
) {
  return withoutSafeIntBounds(err.issues).flatMap((i) => {
    if (i.code === 'unrecognized_keys')
      return i.keys.map((key) => ({
        in: 'query',
        path: key,
        message: `not a parameter of this route${known.length ? ` (it takes ${known.join(', ')})` : ''}`,
      }));
    const key = String(i.path[0] ?? '');
    const at = raw[key];
    const given = Array.isArray(at) ? (typeof i.path[1] === 'number' ? at[i.path[1]] : at.join(',')) : at;
    const shown = given === undefined ? undefined : JSON.stringify(given);
    let message = i.message;
    if (shown !== undefined) {
      if (i.code === 'invalid_type' && (i.expected === 'number' || i.expected === 'int'))
        message = `${shown} is not a whole number`;
      else if (i.code === 'too_small' && (i.origin === 'number' || i.origin === 'int'))
        message = `${shown} is less than ${i.minimum}, the least allowed`;
      else if (i.code === 'too_big' && (i.origin === 'number' || i.origin === 'int'))
        message = `${shown} is more than ${i.maximum}, the most allowed`;
      else if (i.code === 'invalid_value')
        message = `${shown} is not one of ${i.values.map((v) => String(v)).join(', ')}`;
      else if (!message.includes(String(given))) message = `${shown}: ${message}`;
    }
    return [{ in: 'query', path: key, message }];
  });
}

/**
 * zod's safe-integer bound (`.int()`: ±9007199254740991) dropped when the schema's own bound on
 * the same parameter is also broken: «offset=99999999999999999999» gave two errors, the first
 * «Too big: expected int to be <=9007199254740991», where «more than 100000» says it.
 */
function withoutSafeIntBounds(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  const own = new Set(
    issues.filter((i) => 'origin' in i && i.origin === 'number').map((i) => `${i.code} ${String(i.path[0])}`),
  );
  return issues.filter(
    (i) => !('origin' in i && i.origin === 'int' && own.has(`${i.code} ${String(i.path[0])}`)),
  );
}

export function parseBody<S extends z.ZodType>(
  value: unknown,
  schema: S,
  where: ApiPart = 'body',
): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw problems.validation(where, zodErrors(r.error, where));
  return r.data;
}

/** Path parameter ids: bounded length, no control characters. */
export function parseId(raw: string | undefined, what: string): string {
  const id = raw ?? '';
  if (!id || id.length > 300 || /[\u0000-\u001f]/.test(id)) {
    throw problems.validation('path', [{ in: 'path', path: 'id', message: `not a valid ${what} id` }]);
  }
  return id;
}
