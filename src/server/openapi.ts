// The OpenAPI 3.1 document of the API, derived from the same zod schemas that validate
// requests and describe responses, so it cannot drift from what the routes accept.
import { z } from 'zod';
import {
  articleResponseSchema,
  errorResponseSchema,
  healthResponseSchema,
  searchResponseSchema,
  suggestResponseSchema,
} from '../search/wire';
import {
  articleRequestSchema,
  PATH_PARAMETERS,
  searchQuerySchema,
  suggestQuerySchema,
} from './schemas';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io }) as JsonSchema;
  delete out.$schema;
  return out;
}

/** Query and path parameters from an endpoint's request schema. A parameter that may be given
 * once or repeated is described as an array. */
function parameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema, 'input') as {
    properties: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties).map(([name, property]) => {
    const { description, ...rest } = property;
    const arrayForm = (rest.anyOf as JsonSchema[] | undefined)?.find((s) => s.type === 'array');
    const inPath = PATH_PARAMETERS.has(name);
    return {
      name,
      in: inPath ? 'path' : 'query',
      required: inPath || (object.required ?? []).includes(name),
      ...(description !== undefined && { description }),
      schema: arrayForm ?? rest,
      ...(arrayForm && { style: 'form', explode: true }),
    };
  });
}

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
});

const invalid = json(errorResponseSchema, 'An invalid parameter, named in the body');
const unavailable = json(
  errorResponseSchema,
  'Elasticsearch is down, too slow (ES_TIMEOUT_MS) or has no index behind the alias',
);

export function openApiDocument(): JsonSchema {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chinese news archive search',
      version: '1',
      description:
        'Full-text search over Chinese news articles; Traditional and Simplified match each other.',
    },
    paths: {
      '/api/search': {
        get: {
          summary: 'Search articles',
          parameters: parameters(searchQuerySchema),
          responses: {
            200: json(searchResponseSchema, 'Hits, facets and paging'),
            400: invalid,
            503: unavailable,
          },
        },
      },
      '/api/suggest': {
        get: {
          summary: 'Suggestions while typing: people, places, sources and titles',
          parameters: parameters(suggestQuerySchema),
          responses: {
            200: json(suggestResponseSchema, 'Suggestions by kind'),
            400: invalid,
            503: unavailable,
          },
        },
      },
      '/api/articles/{id}': {
        get: {
          summary: 'One article',
          parameters: parameters(articleRequestSchema),
          responses: {
            200: json(articleResponseSchema, 'The article'),
            400: invalid,
            404: json(errorResponseSchema, 'No article has this id'),
            503: unavailable,
          },
        },
      },
      '/healthz': {
        get: {
          summary: 'The process is up',
          responses: { 200: json(healthResponseSchema, 'Up') },
        },
      },
      '/readyz': {
        get: {
          summary: "Elasticsearch answers, the alias exists and its index's health",
          responses: {
            200: json(
              healthResponseSchema,
              'Ready (green) or degraded (yellow): searches are served',
            ),
            503: json(healthResponseSchema, 'Not ready, with the reason'),
          },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document',
          responses: { 200: { description: 'OpenAPI 3.1', content: { 'application/json': {} } } },
        },
      },
    },
  };
}
