// What the API exchanges: the validated search request and the response bodies.
// Response schemas are zod so the OpenAPI document and the tests use the same definitions.
import { z } from 'zod';
import { indexDocumentSchema, type IndexDocumentField, type Script } from '../article';
import type { ParsedQuery } from './parse';
import { OUTPUT_SCRIPTS, type OutputScript } from './output-script';

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
  /** One hit per story (the best-ranked version), with the others as its versions. */
  collapse: boolean;
  /** From a cursor of a collapsed search: the stories already shown. */
  offset?: number;
  /** From a cursor (or opened for its first page): the point in time the pages read. */
  pit?: string;
  outputScript: OutputScript;
}

type NullForAbsent<S extends z.ZodRawShape> = {
  [K in keyof S]: S[K] extends z.ZodOptional<infer T> ? z.ZodNullable<T> : S[K];
};

/** The API gives a field the article lacks as null, so that every key is always there. */
function nullForAbsent<S extends z.ZodRawShape>(shape: S): NullForAbsent<S> {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => {
      if (!(v instanceof z.ZodOptional)) return [k, v];
      const nullable = (v.unwrap() as z.ZodType).nullable();
      return [k, v.description ? nullable.describe(v.description) : nullable];
    }),
  ) as NullForAbsent<S>;
}

/** A zod pick/omit mask of the given keys. */
function only<K extends string>(keys: readonly K[]): { [P in K]: true } {
  return Object.fromEntries(keys.map((k) => [k, true])) as { [P in K]: true };
}

const html = (what: string) =>
  z.string().describe(`${what}: HTML, matched text in <mark>, everything else escaped`);

/** The stored fields a hit shows; the body comes back as highlighted fragments instead. */
export const HIT_SOURCE_FIELDS = [
  'id',
  'title',
  'source',
  'place',
  'published_at',
  'script',
  'path',
  'story_id',
] as const satisfies readonly IndexDocumentField[];
export type HitSourceField = (typeof HIT_SOURCE_FIELDS)[number];

const hitSource = nullForAbsent(indexDocumentSchema.pick(only(HIT_SOURCE_FIELDS)).shape);

/** The stored fields a version of a collapsed hit's story shows. */
export const VERSION_SOURCE_FIELDS = [
  'id',
  'source',
  'published_at',
  'title',
] as const satisfies readonly IndexDocumentField[];

const versionSource = nullForAbsent(indexDocumentSchema.pick(only(VERSION_SOURCE_FIELDS)).shape);

export const searchHitSchema = z.object({
  ...hitSource,
  title: z.string().describe('Plain text, in the output script'),
  title_html: html('The title'),
  fragments: z
    .array(html('A passage of the body'))
    .describe('Body passages around the matches (the opening when nothing in the body matched)'),
  source: hitSource.source.describe('The publisher, in the output script'),
  place: hitSource.place.describe('The dateline place, in the output script'),
  score: z.number().nullable().describe('Relevance score; null when sorted by date'),
  version_count: z
    .number()
    .int()
    .describe(
      'Collapsed: how many articles of this story match the search, this one included; 1 otherwise',
    ),
  versions: z
    .array(
      z.object({
        ...versionSource,
        title: z.string().describe('Plain text, in the output script'),
      }),
    )
    .describe(
      'Collapsed: the other matching versions of the story, oldest first (at most 10); empty otherwise',
    ),
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
  collapsed: z.boolean().describe('Whether hits are stories (one per story) or articles'),
  stories: z
    .number()
    .int()
    .nullable()
    .describe('Collapsed: the stories matching (exact up to 40,000, estimated past); else null'),
  facet_counts: z
    .enum(['stories', 'articles'])
    .describe(
      'What the facet counts count: stories when the hits are stories (collapsed), else articles',
    ),
  took_ms: z
    .number()
    .int()
    .describe('Time Elasticsearch took (collapsed: the search and its versions request)'),
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

/** The whole stored article but its raw date and hash, its text and names in the output script. */
export const articleResponseSchema = z.object({
  ...nullForAbsent(
    // What the indexer keeps to compare articles (src/stories) is no reader's business.
    indexDocumentSchema.omit({
      date: true,
      content_hash: true,
      story_bands: true,
      fingerprint: true,
    }).shape,
  ),
  title_html: html('The title, the matches of `q` marked'),
  body_html: z
    .array(html('A paragraph, the matches of `q` marked'))
    .describe('The paragraphs again, as HTML'),
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
