// What the API exchanges: the validated search request and the response bodies.
// Response schemas are zod so the OpenAPI document and the tests use the same definitions.
import { z } from 'zod';
import type { Script } from '../article';
import type { ParsedQuery } from './parse';
import { OUTPUT_SCRIPTS, type OutputScript } from './output-script';

export const ARTICLE_SCRIPTS = [
  'traditional',
  'simplified',
  'mixed',
] as const satisfies readonly Script[];
export const SORT_ORDERS = ['relevance', 'newest', 'oldest'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
export { OUTPUT_SCRIPTS, type OutputScript };

/** Sort values of a hit, as the engine returns them and takes them back in search_after. */
export type SortValues = [number, string];

export interface SearchFilters {
  source: string[];
  place: string[];
  /** Reporters, correspondents, editors and the people an article names. */
  people: string[];
  script: Script[];
  /** Inclusive calendar days (YYYY-MM-DD) in China Standard Time. */
  from?: string;
  to?: string;
}

/** A search request after validation: everything the query builder needs, nothing raw. */
export interface SearchRequest {
  query: ParsedQuery;
  filters: SearchFilters;
  sort: SortOrder;
  /** 1-based page; 1 when a cursor is given. */
  page: number;
  size: number;
  /** From a cursor: continue after the hit with these sort values. */
  after?: SortValues;
  outputScript: OutputScript;
}

const html = (what: string) =>
  z.string().describe(`${what}: HTML, matched text in <mark>, everything else escaped`);

export const searchHitSchema = z.object({
  id: z.string(),
  title: z.string().describe('Plain text, in the output script'),
  title_html: html('The title'),
  fragments: z
    .array(html('A passage of the body'))
    .describe('Body passages around the matches (the opening when nothing in the body matched)'),
  source: z.string().nullable().describe('In the output script'),
  place: z.string().nullable().describe('In the output script'),
  published_at: z.string().nullable().describe('ISO 8601 with +08:00, when known'),
  script: z.enum(ARTICLE_SCRIPTS).describe('The script the article is written in'),
  path: z.string(),
  score: z.number().nullable().describe('Relevance score; null when sorted by date'),
});

const facetSchema = z.array(
  z.object({
    value: z
      .string()
      .describe(
        'What to pass back as a filter: for sources and places the name folded as the index ' +
          'compares names (Simplified, half-width, lower case), so it matches every script',
      ),
    label: z.string().describe('What to show: the value in the output script'),
    count: z.number().int(),
    selected: z.boolean().describe('Whether the request filters by this value'),
  }),
);

export const searchResponseSchema = z.object({
  total: z.number().int().describe('Every article matching the query and filters'),
  took_ms: z.number().int().describe('Time Elasticsearch took'),
  page: z.number().int().nullable().describe('The page shown; null when paging by cursor'),
  size: z.number().int(),
  hits: z.array(searchHitSchema),
  facets: z
    .object({ source: facetSchema, place: facetSchema, people: facetSchema, year: facetSchema })
    .describe(
      "Counts per value. Values combine with OR within a facet and AND across facets; a facet's " +
        'counts leave out its own selection, so its other values stay countable',
    ),
  next_cursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next page (with the same query); null on the last page'),
});

export const articleResponseSchema = z.object({
  id: z.string(),
  title: z.string(),
  title_html: html('The title, the matches of `q` marked'),
  body: z.array(z.string()).describe('Paragraphs in reading order'),
  body_html: z
    .array(html('A paragraph, the matches of `q` marked'))
    .describe('The paragraphs again, as HTML'),
  subheadings: z.array(z.string()),
  captions: z.array(z.string()),
  source: z.string().nullable(),
  place: z.string().nullable(),
  published_at: z.string().nullable(),
  reporters: z.array(z.string()),
  correspondents: z.array(z.string()),
  editors: z.array(z.string()),
  keywords: z.array(z.string()),
  people: z.array(z.string()),
  script: z.enum(ARTICLE_SCRIPTS),
  path: z.string(),
});

export const SUGGESTION_KINDS = ['person', 'place', 'source', 'title'] as const;

export const suggestResponseSchema = z.object({
  suggestions: z
    .array(
      z.object({
        kind: z.enum(SUGGESTION_KINDS).describe('What the suggestion is'),
        value: z
          .string()
          .describe('What to search or filter by: a name folded as the index compares names'),
        label: z.string().describe('What to show, in the output script'),
        count: z.number().int().describe('Articles carrying it (1 for a title)'),
        article_id: z.string().optional().describe('For a title: the article it belongs to'),
      }),
    )
    .describe('People, places, sources, then titles; within a kind, most articles first'),
});

export const errorResponseSchema = z.object({
  error: z.string().describe('A stable code, e.g. invalid_parameter, not_found, unavailable'),
  message: z.string(),
  parameter: z.string().optional().describe('The first invalid parameter'),
  issues: z
    .array(
      z.object({
        parameter: z.string(),
        code: z
          .string()
          .describe(
            'What is wrong, for clients to word: too_big, too_small, invalid_value, ' +
              'unknown_parameter, nothing_searchable, too_many_terms, cursor_expired, ...',
          ),
        message: z.string(),
      }),
    )
    .optional()
    .describe('Every invalid parameter'),
});

export const healthResponseSchema = z.object({
  status: z
    .enum(['ok', 'ready', 'degraded', 'not_ready'])
    .describe(
      'ready: the index is fully served; degraded: served, with replicas missing (a node lost); not_ready: not served',
    ),
  cluster: z
    .enum(['green', 'yellow', 'red'])
    .optional()
    .describe("The health of the alias's index in Elasticsearch, when it could be read"),
  reason: z.string().optional(),
});

export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchResponse = z.infer<typeof searchResponseSchema>;
export type ArticleResponse = z.infer<typeof articleResponseSchema>;
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
export type SuggestResponse = z.infer<typeof suggestResponseSchema>;
export type Suggestion = SuggestResponse['suggestions'][number];
export type HealthResponse = z.infer<typeof healthResponseSchema>;
