/**
 * zod schemas for every API input. The OpenAPI document is generated from these same
 * schemas (see openapi.ts), so what is validated and what is documented cannot drift.
 */
import { z } from 'zod';
import { PLOVER_TYPES } from '../model.ts';
import { knownCountry } from '../search/countries.ts';
import { calendarProblem, unknownCountry } from '../search/query.ts';

export const MAX_LIMIT = 100;

const isoDate = z
  .string()
  .regex(
    /^\d{4}(-\d{2}(-\d{2}([T ][0-9:.]+(Z|[+-]\d{2}:?\d{2})?)?)?)?$/,
    'expected an ISO date: YYYY, YYYY-MM, YYYY-MM-DD or a date-time',
  )
  .superRefine((s, ctx) => {
    const why = calendarProblem(s);
    if (why)
      ctx.addIssue({ code: 'custom', message: `not a date: ${why}; expected YYYY, YYYY-MM or YYYY-MM-DD` });
  })
  .describe('ISO 8601 date (YYYY, YYYY-MM, YYYY-MM-DD or date-time)');

/**
 * A country as the query language's `country:` takes it (src/search/countries.ts): an ISO
 * 3166-1 alpha-3 code in any case (IRN, irn) or a name in Arabic or English (إيران, Iran),
 * answered as its code. A value the gazetteer does not know is a 400 naming the parameter.
 */
const country = z
  .string()
  .min(1)
  .max(100)
  .transform((s, ctx) => {
    const code = knownCountry(s);
    if (code) return code;
    ctx.addIssue({ code: 'custom', message: unknownCountry(s.trim()) });
    return z.NEVER;
  })
  .describe('A country: ISO 3166-1 alpha-3 code (IRN) or its name in Arabic or English (إيران, Iran)');

const ploverType = z.enum(PLOVER_TYPES);

const page = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(20).describe(`Page size, 1–${MAX_LIMIT}`),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).describe('Items to skip'),
};

/** `?lang=en` (or Accept-Language: en) adds English glosses beside the codes and Arabic names. */
const lang = z
  .enum(['ar', 'en'])
  .optional()
  .describe(
    'en adds English glosses; a problem (error) is written in the language named (also via Accept-Language)',
  );

/**
 * The routes that take no parameter of their own (`/api`, `/api/health`, `/api/ready`,
 * `/api/openapi.json`, `/api/articles/{id}`): only `lang`, as everywhere, so that an unknown
 * parameter is a 400 there too (they answered 200 and ignored it) and `lang=fr` is refused.
 */
export const langOnlyQuery = z.strictObject({
  lang: z
    .enum(['ar', 'en'])
    .optional()
    .describe('The language of a problem (error) written (also via Accept-Language)'),
});

/** GET /api/articles/{id}: `lang` also adds English glosses; `brief=composed` drafts the brief. */
export const articleQuery = z.strictObject({
  lang,
  brief: z
    .enum(['stored', 'composed'])
    .optional()
    .describe(
      'composed: the brief drafted from the text (as khabar compose), instead of the one stored (parsed from the template, or lead and body)',
    ),
});

export const articlesQuery = z.strictObject({
  ...page,
  lang,
  outlet: z.string().max(200).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const searchQuery = z.strictObject({
  q: z
    .string()
    .max(500)
    .default('')
    .describe('Query language: words, "phrases", AND/OR/NOT, prefix*, field:value filters'),
  actor: z
    .array(z.string().min(1).max(200))
    .max(20)
    .optional()
    .describe(
      'Actors: entity ids or names (repeat or comma-separate; each must be named); a name several entities share matches any of them, with an ambiguous-actor note',
    ),
  country: z
    .array(country)
    .max(20)
    .optional()
    .describe('Countries: ISO 3166-1 alpha-3 codes (IRN) or names in Arabic or English (إيران, Iran)'),
  type: z.array(ploverType).max(16).optional().describe('PLOVER event types'),
  outlet: z.array(z.string().min(1).max(200)).max(20).optional(),
  section: z.array(z.string().min(1).max(50)).max(10).optional().describe('Brief section kinds'),
  from: isoDate.optional(),
  to: isoDate.optional(),
  sort: z.enum(['relevance', 'date']).default('relevance'),
  facets: z.enum(['true', 'false']).default('true').describe('Include facet counts'),
  lang,
  ...page,
});

export const entitiesQuery = z.strictObject({
  ...page,
  type: z.enum(['PERS', 'ORG', 'LOC', 'GPE', 'POST', 'MISC']).optional(),
  country: country.optional(),
  q: z.string().max(200).optional(),
  lang,
});

export const entityQuery = z.strictObject({
  partners: z.coerce.number().int().min(1).max(50).default(10).describe('How many top partners'),
  events: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(50)
    .describe('How many of its events, newest first (a page of them: see eventsOffset)'),
  eventsOffset: z.coerce
    .number()
    .int()
    .min(0)
    .max(100_000)
    .default(0)
    .describe(
      'Events to skip, newest first: the next page is eventsOffset + events, until eventsTotal (the page answers eventsOffset)',
    ),
  lang,
});

export const eventsQuery = z.strictObject({
  ...page,
  type: z.array(ploverType).max(16).optional(),
  country: country
    .optional()
    .describe(
      'Only events with an actor of this country (its people, bodies, the state): ISO 3166-1 alpha-3 code (IRN) or its name in Arabic or English (إيران, Iran)',
    ),
  actor: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Only events with this actor: an entity id (org:unsc), or any of its names as the actor: filter takes them (علي لاريجاني, Larijani, a family name alone); a name several entities share keeps the events of each, with an ambiguous-actor note; one no event or entity names is a 404',
    ),
  from: isoDate.optional(),
  to: isoDate.optional(),
  articleId: z.string().max(200).optional(),
  lang,
});

export const relationsQuery = z.strictObject({
  level: z.enum(['country', 'actor']).default('country'),
  actor: z
    .string()
    .max(200)
    .optional()
    .describe(
      'Only the dyads of this actor: at level=country a country (IRN, country:IRN, إيران or Iran: every event with an actor of that country; an unknown code is a 400), at level=actor an entity id or any of its names (as on /api/events)',
    ),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200).describe('Most active dyads to return'),
  lang,
});

/**
 * Stories are answered the same in both languages (the comparison's contrasts carry `nameEn`
 * always): `lang` is validated as on the other routes, so `lang=fr` is a 400, not ignored.
 */
const storiesLang = z
  .enum(['ar', 'en'])
  .optional()
  .describe(
    'ar or en, as on the other routes (the answer is the same: English names are always given; a problem is written in it)',
  );

export const storiesQuery = z.strictObject({
  all: z.enum(['1', 'true', '0', 'false']).optional().describe('1 or true: also list single-article stories'),
  lang: storiesLang,
});

export const storyQuery = z.strictObject({ lang: storiesLang });

export const feedQuery = z.strictObject({
  q: z.string().max(500).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  // The feeds are Arabic whatever is asked; `lang` names the language of their errors, as on the other routes.
  lang: z
    .enum(['ar', 'en'])
    .optional()
    .describe('The language of error messages (the feed itself is Arabic)'),
});

/** POST /api/ingest with Content-Type application/json. */
export const ingestJson = z
  .strictObject({
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    title: z.string().max(1000).optional(),
    outlet: z.string().max(200).optional(),
    published: isoDate.optional(),
  })
  .refine((b) => [b.text, b.html].filter((x) => x !== undefined).length <= 1, {
    message: 'give either text or html, not both',
  })
  .refine((b) => b.text !== undefined || b.html !== undefined || b.url !== undefined, {
    message: 'give text, html or url',
  });
export type IngestJson = z.infer<typeof ingestJson>;

/** One line of an `application/x-ndjson` ingest body (the ANT / khabar JSONL record shape). */
export const ingestRecord = z.looseObject({
  id: z.union([z.string(), z.number()]).optional(),
  text: z.string().min(1),
  title: z.string().optional(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
});
