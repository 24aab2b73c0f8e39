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
const json = (schema: Json, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref('Problem') } },
});
const idParam = (what: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description: `${what} id`,
  schema: { type: 'string', maxLength: 300 },
});
const errors = { '400': problem('Invalid input'), '500': problem('Server error') };
const conditional = { '304': { description: 'Not Modified (If-None-Match matched the ETag)' } };
const page = (item: string) => ({
  type: 'object',
  required: ['total', 'items'],
  properties: {
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    items: { type: 'array', items: ref(item) },
  },
});

const span = {
  type: 'array',
  items: { type: 'integer' },
  minItems: 2,
  maxItems: 2,
  description: '[start, end) UTF-16 offsets into the article text',
};
const block = {
  type: 'object',
  required: ['text', 'span'],
  properties: { text: { type: 'string' }, span, speaker: { type: 'string' } },
};
const facet = {
  type: 'array',
  items: {
    type: 'object',
    properties: {
      value: { type: 'string' },
      label: { type: 'string' },
      label_en: { type: 'string', description: 'English name (else transliteration), with lang=en' },
      count: { type: 'integer' },
    },
  },
};
const actor = {
  type: 'object',
  properties: {
    entityId: { type: 'string' },
    name: { type: 'string', description: "The archive's key for the actor's entity (English)" },
    country: { type: 'string' },
    sector: { type: 'string' },
    display: {
      type: 'string',
      description:
        "The actor's name in the answer's language: in Arabic its entity's Arabic name (when the entity is known); with lang=en the English name, else a transliteration",
    },
    country_name: { type: 'string', description: 'With lang=en: the country in English' },
    sector_label: { type: 'string', description: 'With lang=en: the sector in English' },
  },
};
const labelEn = (what: string) => ({ type: 'string', description: `With lang=en: ${what} in English` });

const schemas: Record<string, Json> = {
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          properties: { in: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  },
  ArticleSummary: {
    type: 'object',
    required: ['id', 'language'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      published: { type: 'string' },
      language: { type: 'string' },
      lead: { type: 'string' },
    },
  },
  SearchHit: {
    allOf: [
      ref('ArticleSummary'),
      {
        type: 'object',
        properties: {
          score: { type: 'number' },
          snippet: { type: 'string' },
          highlights: { type: 'array', items: span },
        },
      },
    ],
  },
  SearchResponse: {
    type: 'object',
    required: ['total', 'totalExact', 'hits'],
    properties: {
      total: {
        type: 'integer',
        description:
          'Matching articles: exact when totalExact is true; otherwise the count stopped at this cap (10,000 by default) and there are more',
      },
      totalExact: {
        type: 'boolean',
        description:
          'false when total is a lower bound ("more than total"); with facets=true the facets then count the newest total matches',
      },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      tookMs: { type: 'number' },
      hits: { type: 'array', items: ref('SearchHit') },
      notes: {
        type: 'array',
        description:
          'Parts of the query that could not be read as written, and how they were read; absent when none. `code` is stable, `params` the values the note names, `message` its text in the language asked (lang=, Accept-Language; Arabic by default)',
        items: {
          type: 'object',
          required: ['code', 'params', 'message'],
          properties: {
            code: { type: 'string', enum: [...SEARCH_NOTE_CODES] },
            params: { type: 'object', additionalProperties: { type: 'string' } },
            message: { type: 'string' },
          },
        },
      },
      warnings: {
        type: 'array',
        items: { type: 'string' },
        description: 'The notes in English, as before `notes` (kept for older clients)',
      },
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
      id: { type: 'string' },
      outlet: { type: 'string' },
      url: { type: 'string' },
      title: { type: 'string' },
      dateline: { type: 'string' },
      published: { type: 'string' },
      byline: { type: 'string' },
      language: { type: 'string' },
      text: { type: 'string' },
      provenance: { type: 'object' },
      warnings: { type: 'array', items: ref('Message') },
    },
  },
  Message: {
    type: 'object',
    properties: {
      ruleId: { type: 'string' },
      severity: { enum: ['info', 'warning', 'error'] },
      reason: { type: 'string' },
      span,
    },
  },
  Brief: {
    type: 'object',
    properties: {
      schema: { const: 'khabar.brief/1' },
      origin: { enum: ['labelled', 'unlabelled', 'composed'] },
      source: { type: 'string' },
      dateline: block,
      lead: { type: 'array', items: block },
      body: { type: 'array', items: block },
      byline: block,
      trailing: { type: 'array', items: block },
      messages: { type: 'array', items: ref('Message'), description: 'What the parser noticed' },
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
            label: { type: 'string' },
            label_en: labelEn('the section label'),
            labelSpan: span,
            speaker: { type: 'string' },
            paragraphs: { type: 'array', items: block },
            items: { type: 'array', items: block },
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
      text: { type: 'string' },
      type: { type: 'string' },
      entityId: { type: 'string' },
      entityIds: {
        type: 'array',
        items: { type: 'string' },
        description: 'A mention of several entities («الطرفان»): all of them, entityId first',
      },
      role: { type: 'string' },
      framing: { type: 'string', description: 'The loaded alias the outlet used' },
      via: { type: 'string' },
      confidence: { type: 'number' },
    },
  },
  Entity: {
    type: 'object',
    required: ['id', 'type', 'names'],
    properties: {
      id: { type: 'string' },
      type: { enum: ['PERS', 'ORG', 'LOC', 'GPE', 'POST', 'MISC'] },
      names: {
        type: 'object',
        properties: {
          ar: { type: 'string' },
          en: { type: 'string' },
          latin: { type: 'string' },
          aliases: { type: 'array', items: { type: 'string' } },
        },
      },
      country: { type: 'string' },
      sector: { type: 'string' },
      post: {
        type: 'object',
        properties: {
          ar: { type: 'string' },
          en: { type: 'string' },
          country: { type: 'string' },
          sector: { type: 'string' },
          span,
          asOf: { type: 'string', description: 'Date of the article that states the post' },
        },
      },
      externalIds: {
        type: 'object',
        additionalProperties: { type: 'string' },
        description: 'Ids elsewhere, e.g. {"iso3166": "IRN"}',
      },
      name_en: labelEn('the name (else a transliteration)'),
      display: {
        type: 'string',
        description: 'With lang=en: the name shown (English, else a transliteration)',
      },
      type_label: labelEn('the entity type'),
      post_en: labelEn('the post, when known'),
      country_name: labelEn('the country'),
      sector_label: labelEn('the sector'),
    },
  },
  EntityView: {
    type: 'object',
    properties: { entity: ref('Entity'), articles: { type: 'integer' }, mentions: { type: 'integer' } },
  },
  Event: {
    type: 'object',
    properties: {
      id: { type: 'string' },
      type: { enum: [...PLOVER_TYPES] },
      mode: { type: 'string' },
      contexts: { type: 'array', items: { type: 'string' } },
      source: { type: 'array', items: actor },
      target: { type: 'array', items: actor },
      reciprocal: { type: 'boolean' },
      date: {
        type: 'object',
        properties: {
          value: { type: 'string', description: 'Gregorian ISO date (YYYY, YYYY-MM or YYYY-MM-DD)' },
          precision: { type: 'string' },
          expression: { type: 'string' },
          hijri: {
            type: 'string',
            description:
              'The Hijri date (YYYY-MM-DD, Umm al-Qura) when the article gave the date in the Hijri calendar',
          },
          span,
          durationDays: { type: 'integer', description: 'For a duration («استمرت 12 يومًا»): its days' },
        },
      },
      location: { type: 'string', description: 'The place as the article writes it («الرباط»)' },
      attribution: {
        type: 'object',
        description: 'Who said it, when the event is reported speech',
        properties: { speaker: actor, verb: { type: 'string' }, span },
      },
      modality: { enum: ['happened', 'intended', 'denied', 'conditional'] },
      negated: { type: 'boolean' },
      background: { type: 'boolean' },
      confidence: { type: 'number' },
      trigger: block,
      evidence: { type: 'array', items: span },
      articleId: { type: 'string' },
      published: { type: 'string' },
      type_label: labelEn('the PLOVER type'),
    },
  },
  Dyad: {
    type: 'object',
    properties: {
      level: { enum: ['country', 'actor'] },
      source: { type: 'string' },
      target: { type: 'string' },
      counts: { type: 'object', additionalProperties: { type: 'integer' } },
      total: { type: 'integer' },
      score: { type: 'number', minimum: -10, maximum: 10, description: 'cooperation (+) – conflict (−)' },
      periods: {
        type: 'array',
        items: {
          type: 'object',
          properties: { period: { type: 'string' }, events: { type: 'integer' }, score: { type: 'number' } },
        },
      },
    },
  },
  Story: {
    type: 'object',
    required: ['id', 'articles', 'outlets', 'title'],
    properties: {
      id: { type: 'string', description: '`story:` + the smallest article id in it' },
      articles: { type: 'array', items: { type: 'string' }, description: 'Article ids, oldest first' },
      outlets: { type: 'array', items: { type: 'string' } },
      title: { type: 'string' },
      first: { type: 'string', description: 'Earliest publication date' },
      last: { type: 'string', description: 'Latest publication date' },
      entities: {
        type: 'array',
        items: { type: 'string' },
        description: 'Entity ids shared by ≥ 2 articles',
      },
      cohesion: { type: 'number', description: 'Mean pair similarity inside the story' },
    },
  },
  EventKey: {
    type: 'object',
    properties: {
      key: { type: 'string' },
      type: { enum: [...PLOVER_TYPES] },
      source: { type: 'array', items: { type: 'string' } },
      target: { type: 'array', items: { type: 'string' } },
    },
  },
  OutletComparison: {
    type: 'object',
    required: ['story', 'outlets', 'contrasts'],
    properties: {
      story: { type: 'string' },
      title: { type: 'string' },
      outlets: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            outlet: { type: 'string' },
            articles: { type: 'array', items: { type: 'string' } },
            terms: {
              type: 'array',
              description: 'The surface terms the outlet uses for each entity',
              items: {
                type: 'object',
                properties: {
                  entityId: { type: 'string' },
                  name: { type: 'string' },
                  nameEn: { type: 'string', description: 'English name, when the gazetteer has one' },
                  terms: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        text: { type: 'string' },
                        count: { type: 'integer' },
                        framing: { type: 'boolean', description: 'A loaded alias of the gazetteer' },
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
                          properties: { articleId: { type: 'string' }, text: { type: 'string' }, span },
                        },
                      },
                    },
                  },
                ],
              },
            },
            omits: {
              type: 'array',
              items: ref('EventKey'),
              description: 'Events other outlets of the story report and this one does not',
            },
            quotes: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  articleId: { type: 'string' },
                  speaker: { type: 'string' },
                  verb: { type: 'string' },
                  text: { type: 'string' },
                  span,
                },
              },
            },
            unquoted: {
              type: 'array',
              items: { type: 'string' },
              description: 'Speakers other outlets of the story quote and this one does not',
            },
            missingEntities: { type: 'array', items: { type: 'string' } },
          },
        },
      },
      contrasts: {
        type: 'array',
        description: 'Entities named differently across outlets',
        items: {
          type: 'object',
          properties: {
            entityId: { type: 'string' },
            name: { type: 'string' },
            nameEn: { type: 'string' },
            byOutlet: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
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
            line: { type: 'integer' },
            id: { type: 'string' },
            status: { enum: ['inserted', 'updated', 'unchanged', 'duplicate', 'near-duplicate'] },
            duplicateOf: { type: 'string' },
            title: { type: 'string' },
            lead: { type: 'string', description: 'an untitled article: its lead, as /api/articles lists it' },
            warnings: { type: 'array', items: ref('Message') },
            error: { type: 'string' },
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
        'Arabic news as structured, searchable, linked knowledge: briefs, entities, PLOVER events, relations. Errors are RFC 9457 problem+json. GET responses carry an ETag; send If-None-Match for 304.',
    },
    servers: [{ url: '/' }],
    paths: {
      '/api/health': get(
        'Liveness, version, and whether ingest is enabled',
        [],
        json({
          type: 'object',
          properties: {
            status: { const: 'ok' },
            version: { type: 'string' },
            ingest: { type: 'boolean' },
            store: { type: 'string' },
          },
        }),
      ),
      '/api/ready': get(
        'Readiness: the store answers',
        [],
        json({ type: 'object', properties: { ready: { type: 'boolean' }, articles: { type: 'integer' } } }),
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
            description: 'en adds English glosses (also via Accept-Language)',
            schema: { enum: ['ar', 'en'] },
          },
        ],
        json({
          type: 'object',
          properties: {
            article: ref('Article'),
            brief: ref('Brief'),
            mentions: { type: 'array', items: ref('Mention') },
            entities: { type: 'array', items: ref('Entity') },
            events: { type: 'array', items: ref('Event') },
            dates: { type: 'array', items: { type: 'object' } },
            published: {
              type: 'object',
              description:
                "The article's publication date (article.published, the one search filters and facets use), " +
                "absent when it has none: {value, precision, hijri?, from: 'source'|'text'} — from: text when " +
                'the ingest read it from the dateline or byline (no date was given with the article)',
            },
            messages: { type: 'array', items: ref('Message') },
          },
        }),
        { '404': problem('No such article') },
      ),
      '/api/search': get(
        'Search with filters and facets (the query language of `khabar search`)',
        queryParams(searchQuery),
        json(ref('SearchResponse')),
      ),
      '/api/entities': get(
        'List entities by type, country or name',
        queryParams(entitiesQuery),
        json(page('EntityView')),
      ),
      '/api/entities/{id}': get(
        'One entity: names, aliases, post, events over time, top partners',
        [idParam('Entity'), ...queryParams(entityQuery)],
        json({
          allOf: [
            ref('EntityView'),
            {
              type: 'object',
              properties: {
                events: { type: 'array', items: ref('Event') },
                eventsTotal: { type: 'integer' },
                timeline: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: { period: { type: 'string' }, events: { type: 'integer' } },
                  },
                },
                partners: {
                  type: 'array',
                  items: {
                    type: 'object',
                    properties: {
                      id: { type: 'string' },
                      label: { type: 'string' },
                      label_en: { type: 'string', description: 'With lang=en' },
                      events: { type: 'integer' },
                      score: { type: 'number' },
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
        json(page('Event')),
      ),
      '/api/relations': get(
        'Dyads (actor pairs) with event counts and cooperation–conflict score per period',
        queryParams(relationsQuery),
        json({
          type: 'object',
          properties: {
            level: { enum: ['country', 'actor'] },
            total: { type: 'integer' },
            nodes: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  id: { type: 'string' },
                  label: { type: 'string' },
                  label_en: { type: 'string', description: 'With lang=en' },
                },
              },
            },
            dyads: { type: 'array', items: ref('Dyad') },
          },
        }),
      ),
      '/api/stories': get(
        'Stories: articles about the same event gathered across outlets and days',
        queryParams(storiesQuery),
        json({
          type: 'object',
          required: ['articles', 'total', 'items'],
          properties: {
            articles: { type: 'integer', description: 'Articles clustered' },
            total: { type: 'integer' },
            items: { type: 'array', items: ref('Story') },
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
                  id: { type: 'string' },
                  title: { type: 'string' },
                  outlet: { type: 'string' },
                  published: { type: 'string' },
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
          content: { 'application/atom+xml': { schema: { type: 'string' } } },
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
              'text/plain': { schema: { type: 'string' } },
              'text/html': { schema: { type: 'string' } },
              'application/x-ndjson': {
                schema: {
                  type: 'string',
                  description: 'One JSON object a line: {text, title?, url?, outlet?, published?}',
                },
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
                    schema: {
                      type: 'string',
                      description:
                        'An RSS, Atom or RDF feed (as `khabar ingest FEED` reads it; application/xml and text/xml only when the body is a feed, else 415). Offline: item links are never fetched; an item whose text is under 400 characters is stored as given with the warning feed/link-not-fetched.',
                    },
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
      '/api/openapi.json': get('This document', [], json({ type: 'object' })),
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
