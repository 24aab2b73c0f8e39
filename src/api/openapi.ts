/**
 * The OpenAPI 3.1 document. Parameters and request bodies are generated from the zod
 * schemas that validate them (schemas.ts); response shapes are written here by hand.
 */
import { SEARCH_NOTE_CODES } from '../i18n/search-notes.ts';
import { z } from 'zod';
import { PLOVER_TYPES } from '../model.ts';
import {
  articlesQuery,
  entitiesQuery,
  entityQuery,
  eventsQuery,
  feedQuery,
  langOnlyQuery,
  ingestJson,
  relationsQuery,
  searchQuery,
  storiesQuery,
  storyQuery,
} from './schemas.ts';

type Json = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): Json {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  return rest;
}

/** One OpenAPI query parameter per property of a zod object schema. */
function queryParams(schema: z.ZodType): Json[] {
  const s = jsonSchema(schema) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(s.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: 'query',
      required: (s.required ?? []).includes(name) && !('default' in prop),
      ...(description ? { description } : {}),
      schema: rest,
      ...(rest.type === 'array' ? { style: 'form', explode: true } : {}),
    };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
/** `{type, description?}`: a schema of one JSON type, with its description when given. */
const typed = (type: string) => (description?: string) => (description ? { type, description } : { type });
const str = typed('string');
const int = typed('integer');
const num = typed('number');
const bool = typed('boolean');
/** `{type: 'array', items, description?}`. */
const arrayOf = (items: Json, description?: string) =>
  description ? { type: 'array', items, description } : { type: 'array', items };
const json = (schema: Json, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const problem = (description: string) => ({
  description,
  headers: {
    'Content-Language': {
      description:
        'The language of `title`, `detail` and `errors[].message` when the request named one (lang=, Accept-Language): ar or en',
      schema: { enum: ['ar', 'en'] },
    },
  },
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const idParam = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `${what} id`,
  schema: { type: 'string', maxLength: 300 },
});
/** Every read route: bad input, an unknown route or method, and the server's own failures. */
const errors = {
  '400': problem('Invalid input'),
  '500': problem('Server error (its install or configuration: a model, the archive opened read-only)'),
  '503': problem(
    'The archive or the queue does not answer (STORE_OPEN, NO_ARCHIVE, QUEUE_OPEN): retry later',
  ),
};
const conditional = { '304': { description: 'Not Modified (If-None-Match matched the ETag)' } };
const page = (item: string) => ({
  type: 'object',
  required: ['total', 'items'],
  properties: {
    total: int(),
    limit: int(),
    offset: int(),
    items: arrayOf(ref(item)),
  },
});

/** Notes (search's, and the actor filter's `ambiguous-actor` on /api/events and /api/relations). */
const notes = (what: string) => ({
  type: 'array',
  description: `${what} \`code\` is stable, \`params\` the values the note names, \`message\` its text in the language asked (lang=, Accept-Language; Arabic by default)`,
  items: {
    type: 'object',
    required: ['code', 'params', 'message'],
    properties: {
      code: { type: 'string', enum: [...SEARCH_NOTE_CODES] },
      params: { type: 'object', additionalProperties: str() },
      message: str(),
    },
  },
});

const span = {
  type: 'array',
  items: int(),
  minItems: 2,
  maxItems: 2,
  description: '[start, end) UTF-16 offsets into the article text',
};
const block = {
  type: 'object',
  required: ['text', 'span'],
  properties: { text: str(), span, speaker: str() },
};
const facet = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      value: str(),
      label: str(),
      label_en: str('English name (else transliteration), with lang=en'),
      count: int(),
    },
  },
};
const actor = {
  type: 'object',
  properties: {
    entityId: str(),
    name: str("The archive's key for the actor's entity (English)"),
    country: str(),
    sector: str(),
    display: str(
      "The actor's name in the answer's language: in Arabic its entity's Arabic name (when the entity is known); with lang=en the English name, else a transliteration",
    ),
    country_name: str('With lang=en: the country in English'),
    sector_label: str('With lang=en: the sector in English'),
  },
};
const labelEn = (what: string) => str(`With lang=en: ${what} in English`);

const schemas: Record<string, Json> = {
  Problem: {
    type: 'object',
    description:
      'RFC 9457 problem details. `title`, `detail` and `errors[].message` are written in the language the request names (lang=ar|en, else Accept-Language; English when it names neither), said by Content-Language; `type` is stable in every language.',
    required: ['type', 'title', 'status'],
    properties: {
      type: {
        type: 'string',
        format: 'uri',
        description:
          'urn:khabar:problem:<code>: not-found, method-not-allowed, validation, unauthorized, forbidden, too-large, unsupported-media-type, unavailable, bad-gateway, internal, or a catalogue code in lower case (bad_query, actor_not_found, store_open, …)',
      },
      title: str(),
      status: int(),
      detail: str('What went wrong and what to do, in the language asked'),
      instance: str(),
      errors: {
        type: 'array',
        description: 'Validation problems: one entry per bad input',
        items: {
          type: 'object',
          properties: {
            in: str('query, body or path'),
            path: str('The parameter (or field) at fault'),
            message: str('What is wrong with it, in the language asked'),
          },
        },
      },
    },
  },
  ArticleSummary: {
    type: 'object',
    required: ['id', 'language'],
    properties: {
      id: str(),
      title: str(),
      outlet: str(),
      url: str(),
      published: str(),
      language: str(),
      lead: str(),
    },
  },
  SearchHit: {
    allOf: [
      ref('ArticleSummary'),
      {
        type: 'object',
        properties: {
          publishedFrom: {
            enum: ['source', 'text'],
            description:
              'With published: source when the date came with the article, text when it was read from its dateline or byline',
          },
          score: num(),
          snippet: str(),
          highlights: arrayOf(span),
        },
      },
    ],
  },
  SearchResponse: {
    type: 'object',
    required: ['total', 'totalExact', 'hits'],
    properties: {
      total: int(
        'Matching articles: exact when totalExact is true; otherwise the count stopped at this cap (10,000 by default) and there are more',
      ),
      totalExact: bool(
        'false when total is a lower bound ("more than total"); with facets=true the facets then count the newest total matches',
      ),
      limit: int(),
      offset: int(),
      tookMs: num(),
      hits: arrayOf(ref('SearchHit')),
      notes: notes(
        'Parts of the query that could not be read as written, and how they were read (an actor= or actor: name several actors share: ambiguous-actor, whose params list their ids); absent when none.',
      ),
      warnings: arrayOf(str(), 'The notes in English, as before `notes` (kept for older clients)'),
      facets: {
        type: 'object',
        description: 'Present only with facets=true (the default); absent with facets=false',
        properties: {
          countries: facet,
          actors: { ...facet, description: 'people, posts and organizations (filter with actor=)' },
          places: { ...facet, description: 'cities, regions and towns (filter with actor=, as actors are)' },
          types: facet,
          outlets: facet,
          months: facet,
        },
      },
    },
  },
  Article: {
    type: 'object',
    required: ['id', 'language', 'text', 'provenance'],
    properties: {
      id: str(),
      outlet: str(),
      url: str(),
      title: str(),
      dateline: str(),
      published: str(),
      byline: str(),
      language: str(),
      text: str(),
      provenance: { type: 'object' },
      warnings: arrayOf(ref('Message')),
      superseded: {
        type: 'object',
        description:
          'Only on an earlier version (its file was edited, or its record changed under the same url or id): the id of the article that replaced it and when',
        properties: { supersededBy: str(), at: str() },
      },
    },
  },
  Message: {
    type: 'object',
    properties: {
      ruleId: str(),
      severity: { enum: ['info', 'warning', 'error'] },
      reason: str(),
      span,
    },
  },
  Brief: {
    type: 'object',
    properties: {
      schema: { const: 'khabar.brief/1' },
      origin: { enum: ['labelled', 'unlabelled', 'composed'] },
      source: str(),
      dateline: block,
      lead: arrayOf(block),
      body: arrayOf(block),
      byline: block,
      trailing: arrayOf(block),
      messages: arrayOf(ref('Message'), 'What the parser noticed'),
      sections: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            kind: {
              enum: [
                'why_it_matters',
                'big_picture',
                'what_they_say',
                'key_points',
                'deeper_look',
                'latest',
                'details',
                'other',
              ],
            },
            label: str(),
            label_en: labelEn('the section label'),
            labelSpan: span,
            speaker: str(),
            paragraphs: arrayOf(block),
            items: arrayOf(block),
            span,
          },
        },
      },
    },
  },
  Mention: {
    type: 'object',
    properties: {
      span,
      text: str(),
      type: str(),
      entityId: str(),
      entityIds: arrayOf(str(), 'A mention of several entities («الطرفان»): all of them, entityId first'),
      role: str(),
      framing: str('The loaded alias the outlet used'),
      via: str(),
      confidence: num(),
    },
  },
  Entity: {
    type: 'object',
    required: ['id', 'type', 'names'],
    properties: {
      id: str(),
      type: { enum: ['PERS', 'ORG', 'LOC', 'GPE', 'POST', 'MISC'] },
      names: {
        type: 'object',
        properties: {
          ar: str(),
          en: str(),
          latin: str(),
          aliases: arrayOf(str()),
        },
      },
      country: str(),
      sector: str(),
      post: {
        type: 'object',
        properties: {
          ar: str(),
          en: str(),
          country: str(),
          sector: str(),
          span,
          asOf: str('Date of the article that states the post'),
          status: {
            type: 'string',
            enum: ['former', 'designate', 'elect', 'candidate'],
            description: 'Absent when the article says the post is held at its date',
          },
        },
      },
      externalIds: {
        type: 'object',
        additionalProperties: str(),
        description: 'Ids elsewhere, e.g. {"iso3166": "IRN"}',
      },
      name_en: labelEn('the name (else a transliteration)'),
      display: str('With lang=en: the name shown (English, else a transliteration)'),
      type_label: labelEn('the entity type'),
      post_en: labelEn('the post, when known'),
      country_name: labelEn('the country'),
      sector_label: labelEn('the sector'),
    },
  },
  EntityView: {
    type: 'object',
    properties: { entity: ref('Entity'), articles: int(), mentions: int() },
  },
  Event: {
    type: 'object',
    properties: {
      id: str(),
      type: { enum: [...PLOVER_TYPES] },
      mode: str(),
      contexts: arrayOf(str()),
      source: arrayOf(actor),
      target: arrayOf(actor),
      reciprocal: bool(),
      date: {
        type: 'object',
        properties: {
          value: str('Gregorian ISO date (YYYY, YYYY-MM or YYYY-MM-DD)'),
          precision: str(),
          expression: str(),
          hijri: str(
            'The Hijri date (YYYY-MM-DD, Umm al-Qura) when the article gave the date in the Hijri calendar',
          ),
          span,
          durationDays: int('For a duration («استمرت 12 يومًا»): its days'),
          from: {
            enum: ['source', 'text'],
            description:
              'text: the value was worked out («أمس», «اليوم الثلاثاء») from a date read from the article’s own dateline or byline — the article came with none; absent otherwise. With no date to work from, a relative date keeps its expression and has no value.',
          },
        },
      },
      location: str('The place as the article writes it («الرباط»)'),
      attribution: {
        type: 'object',
        description: 'Who said it, when the event is reported speech',
        properties: { speaker: actor, verb: str(), span },
      },
      modality: { enum: ['happened', 'intended', 'denied', 'conditional'] },
      negated: bool(),
      background: bool(),
      confidence: num(),
      trigger: block,
      evidence: arrayOf(span),
      articleId: str(),
      published: str(),
      type_label: labelEn('the PLOVER type'),
    },
  },
  Dyad: {
    type: 'object',
    properties: {
      level: { enum: ['country', 'actor'] },
      source: str(),
      target: str(),
      counts: { type: 'object', additionalProperties: int() },
      total: int(),
      score: { type: 'number', minimum: -10, maximum: 10, description: 'cooperation (+) – conflict (−)' },
      periods: {
        type: 'array',
        items: {
          type: 'object',
          properties: { period: str(), events: int(), score: num() },
        },
      },
    },
  },
  Story: {
    type: 'object',
    required: ['id', 'articles', 'outlets', 'title'],
    properties: {
      id: str('`story:` + the smallest article id in it'),
      articles: arrayOf(str(), 'Article ids, oldest first'),
      outlets: arrayOf(str()),
      title: str(),
      first: str('Earliest publication date'),
      last: str('Latest publication date'),
      entities: arrayOf(str(), 'Entity ids shared by ≥ 2 articles'),
      cohesion: num('Mean pair similarity inside the story'),
    },
  },
  EventKey: {
    type: 'object',
    properties: {
      key: str(),
      type: { enum: [...PLOVER_TYPES] },
      source: arrayOf(str()),
      target: arrayOf(str()),
    },
  },
  OutletComparison: {
    type: 'object',
    required: ['story', 'outlets', 'contrasts'],
    properties: {
      story: str(),
      title: str(),
      outlets: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            outlet: str(),
            articles: arrayOf(str()),
            terms: {
              type: 'array',
              description: 'The surface terms the outlet uses for each entity',
              items: {
                type: 'object',
                properties: {
                  entityId: str(),
                  name: str(),
                  nameEn: str('English name, when the gazetteer has one'),
                  terms: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        text: str(),
                        count: int(),
                        framing: bool('A loaded alias of the gazetteer'),
                      },
                    },
                  },
                },
              },
            },
            events: {
              type: 'array',
              items: {
                allOf: [
                  ref('EventKey'),
                  {
                    type: 'object',
                    properties: {
                      evidence: {
                        type: 'array',
                        items: {
                          type: 'object',
                          properties: { articleId: str(), text: str(), span },
                        },
                      },
                    },
                  },
                ],
              },
            },
            omits: arrayOf(ref('EventKey'), 'Events other outlets of the story report and this one does not'),
            quotes: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  articleId: str(),
                  speaker: str(),
                  verb: str(),
                  text: str(),
                  span,
                },
              },
            },
            unquoted: arrayOf(str(), 'Speakers other outlets of the story quote and this one does not'),
            missingEntities: arrayOf(str()),
          },
        },
      },
      contrasts: {
        type: 'array',
        description: 'Entities named differently across outlets',
        items: {
          type: 'object',
          properties: {
            entityId: str(),
            name: str(),
            nameEn: str(),
            byOutlet: { type: 'object', additionalProperties: arrayOf(str()) },
          },
        },
      },
    },
  },
  IngestResult: {
    type: 'object',
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            line: int(),
            id: str(),
            status: { enum: ['inserted', 'updated', 'unchanged', 'moved', 'duplicate', 'near-duplicate'] },
            duplicateOf: str(),
            title: str(),
            lead: str('an untitled article: its lead, as /api/articles lists it'),
            warnings: arrayOf(ref('Message')),
            error: str(),
          },
        },
      },
    },
  },
};

export function openApiDocument(version: string): Json {
  const get = (summary: string, params: Json[], ok: Json, extra: Json = {}) => ({
    get: { summary, parameters: params, responses: { '200': ok, ...conditional, ...errors, ...extra } },
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'khabar API',
      version,
      description:
        'Arabic news as structured, searchable, linked knowledge: briefs, entities, PLOVER events, relations. Errors are RFC 9457 problem+json, written in the language asked (lang=ar|en or Accept-Language; English when neither names one): an unknown route is a 404, a wrong method a 405 with Allow. GET responses carry an ETag; send If-None-Match for 304.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api': get(
        'This index: the name, version, where the OpenAPI document is, and every endpoint with its summary',
        queryParams(langOnlyQuery),
        json({
          type: 'object',
          properties: {
            name: { const: 'khabar' },
            version: str(),
            openapi: str(),
            endpoints: {
              type: 'array',
              items: { type: 'object', properties: { method: str(), path: str(), summary: str() } },
            },
          },
        }),
      ),
      '/api/health': get(
        'Liveness, version, and whether ingest is enabled',
        queryParams(langOnlyQuery),
        json({
          type: 'object',
          properties: {
            status: { const: 'ok' },
            version: str(),
            ingest: bool(),
            store: str(),
          },
        }),
      ),
      '/api/ready': get(
        'Readiness: the store answers',
        queryParams(langOnlyQuery),
        json({ type: 'object', properties: { ready: bool(), articles: int() } }),
        { '503': problem('Store not ready') },
      ),
      '/api/articles': get(
        'List articles, newest first',
        queryParams(articlesQuery),
        json(page('ArticleSummary')),
      ),
      '/api/articles/{id}': get(
        'One article with its brief, mentions, entities and events',
        [
          idParam('Article'),
          {
            name: 'lang',
            in: 'query',
            required: false,
            description:
              'en adds English glosses; a problem (error) is written in the language named (also via Accept-Language)',
            schema: { enum: ['ar', 'en'] },
          },
          {
            name: 'brief',
            in: 'query',
            required: false,
            description:
              'composed: the brief drafted from the text (as khabar compose; origin "composed"), instead of the one stored',
            schema: { enum: ['stored', 'composed'] },
          },
        ],
        json({
          type: 'object',
          properties: {
            article: ref('Article'),
            brief: ref('Brief'),
            mentions: arrayOf(ref('Mention')),
            entities: arrayOf(ref('Entity')),
            events: arrayOf(ref('Event')),
            dates: { type: 'array', items: { type: 'object' } },
            published: {
              type: 'object',
              description:
                "The article's publication date (article.published, the one search filters and facets use), " +
                "absent when it has none: {value, precision, hijri?, from: 'source'|'text'} — from: text when " +
                'the ingest read it from the dateline or byline (no date was given with the article)',
            },
            messages: arrayOf(ref('Message')),
            versions: arrayOf(
              { type: 'object', properties: { id: str(), at: str() } },
              'The earlier versions this article replaced, oldest first (each answered at /api/articles/{id}); absent when none',
            ),
          },
        }),
        { '404': problem('No such article') },
      ),
      '/api/search': get(
        'Search with filters and facets (the query language of `khabar search`)',
        queryParams(searchQuery),
        json(ref('SearchResponse')),
        {
          '400': problem(
            'Invalid input, or a query that cannot be searched as written (bad_query): a filter value that means nothing, a query that only excludes, or one of operators and signs only («AND», «*», «"»)',
          ),
        },
      ),
      '/api/entities': get(
        'List entities by type, country or name',
        queryParams(entitiesQuery),
        json(page('EntityView')),
      ),
      '/api/entities/{id}': get(
        'One entity: names, aliases, post, events over time, top partners, and a page of its events',
        [idParam('Entity'), ...queryParams(entityQuery)],
        json({
          allOf: [
            ref('EntityView'),
            {
              type: 'object',
              properties: {
                events: arrayOf(
                  ref('Event'),
                  'A page of its events, newest first: `events` of them from `eventsOffset`',
                ),
                eventsTotal: int(
                  'All its events (page on with eventsOffset while eventsOffset + events < eventsTotal)',
                ),
                eventsOffset: int('The events skipped before this page'),
                timeline: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { period: str(), events: int() },
                  },
                },
                partners: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: str(),
                      label: str(),
                      label_en: str('With lang=en'),
                      events: int(),
                      score: num(),
                    },
                  },
                },
              },
            },
          ],
        }),
        { '404': problem('No such entity') },
      ),
      '/api/events': get(
        'Events, filtered by type, country, actor, dates or article',
        queryParams(eventsQuery),
        json({
          ...page('Event'),
          properties: {
            ...page('Event').properties,
            notes: notes(
              'Present when `actor` is a name several entities share (ambiguous-actor): the events of each are answered, and params.ids lists them (comma-separated) to narrow by id.',
            ),
          },
        }),
        {
          '404': problem(
            'No event or entity of the archive names `actor` (actor_not_found), or no article has the id `articleId` (not-found)',
          ),
        },
      ),
      '/api/relations': get(
        'Dyads (actor pairs) with event counts and cooperation–conflict score per period',
        queryParams(relationsQuery),
        json({
          type: 'object',
          properties: {
            level: { enum: ['country', 'actor'] },
            total: int(),
            nodes: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: str(),
                  label: str(),
                  label_en: str('With lang=en'),
                },
              },
            },
            dyads: arrayOf(ref('Dyad')),
            notes: notes(
              'Present when `actor` (level=actor) is a name several entities share (ambiguous-actor): the dyads of the events of each are answered.',
            ),
          },
        }),
        { '404': problem('No event or entity of the archive names `actor` (actor_not_found)') },
      ),
      '/api/stories': get(
        'Stories: articles about the same event gathered across outlets and days',
        queryParams(storiesQuery),
        json({
          type: 'object',
          required: ['articles', 'total', 'items'],
          properties: {
            articles: int('Articles clustered'),
            total: int(),
            items: arrayOf(ref('Story')),
          },
        }),
      ),
      '/api/stories/{id}': get(
        'One story and how each outlet tells it: terms for the same actors, events and quotes reported or omitted',
        [
          { ...idParam('Story'), description: 'Story id, or the id of any article in the story' },
          ...queryParams(storyQuery),
        ],
        json({
          type: 'object',
          properties: {
            story: ref('Story'),
            articles: {
              type: 'array',
              description: 'The articles of the story, oldest first',
              items: {
                type: 'object',
                required: ['id'],
                properties: {
                  id: str(),
                  title: str(),
                  outlet: str(),
                  published: str(),
                },
              },
            },
            comparison: ref('OutletComparison'),
          },
        }),
        { '404': problem('No such story') },
      ),
      '/api/feeds/briefs.atom': get(
        'Atom feed of briefs, optionally filtered by a query',
        queryParams(feedQuery),
        {
          description: 'Atom 1.0',
          content: { 'application/atom+xml': { schema: str() } },
        },
      ),
      '/api/feeds/briefs.json': get(
        'JSON Feed 1.1 of briefs, optionally filtered by a query',
        queryParams(feedQuery),
        {
          description: 'JSON Feed 1.1',
          content: { 'application/feed+json': { schema: { type: 'object' } } },
        },
      ),
      '/api/ingest': {
        post: {
          summary:
            'Ingest articles: JSON {text|html|url}, text/plain, text/html, JSONL (one record a line) or an RSS/Atom feed (offline: item links are not fetched). Needs the server token.',
          security: [{ bearer: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: jsonSchema(ingestJson) },
              'text/plain': { schema: str() },
              'text/html': { schema: str() },
              'application/x-ndjson': {
                schema: str('One JSON object a line: {text, title?, url?, outlet?, published?}'),
              },
              ...Object.fromEntries(
                [
                  'application/rss+xml',
                  'application/atom+xml',
                  'application/rdf+xml',
                  'application/xml',
                  'text/xml',
                ].map((t) => [
                  t,
                  {
                    schema: str(
                      'An RSS, Atom or RDF feed (as `khabar ingest FEED` reads it; application/xml and text/xml only when the body is a feed, else 415). Offline: item links are never fetched; an item whose text is under 400 characters is stored as given with the warning feed/link-not-fetched.',
                    ),
                  },
                ]),
              ),
            },
          },
          responses: {
            '201': json(
              ref('IngestResult'),
              'Stored (per-item status; per-line errors for JSONL, per-item errors for a feed)',
            ),
            '400': problem('Invalid input'),
            '401': problem('No token sent'),
            '403': problem('Wrong token, or ingest disabled (no KHABAR_TOKEN on the server)'),
            '413': problem('Body too large'),
            '415': problem('Unsupported Content-Type, or XML that is not a feed'),
            '502': problem('The URL could not be fetched'),
          },
        },
      },
      '/api/openapi.json': get('This document', queryParams(langOnlyQuery), json({ type: 'object' })),
      // Served beside the API (not under /api: no problem+json, no ETag, any query ignored).
      '/metrics': {
        get: {
          summary:
            'Prometheus metrics: ingest counts and durations, request latency by route family, the store (docs/deploy.md)',
          parameters: [],
          responses: {
            '200': {
              description: 'Prometheus text exposition format 0.0.4',
              content: { 'text/plain': { schema: str() } },
            },
          },
        },
      },
    },
    components: {
      schemas,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'The KHABAR_TOKEN the server was started with',
        },
      },
    },
  };
}
