// Facets with multi-select: choices combine with OR within a facet and AND across facets, and
// a facet's counts ignore its own selection, so the other choices stay visible. The filters of
// the faceted fields go in the search's post_filter (applied to the hits after the
// aggregations), and each facet's aggregation sits in a filter aggregation holding the
// selections of every other facet. When the hits are stories (collapsed, the default), a
// facet counts stories too: clicking "荥阳 (3)" must list three hits, not one story written by
// three outlets. Pure.
import type { estypes } from '@elastic/elasticsearch';
import { foldKeyword } from './fold';
import { convertText, type OutputScript } from './output-script';
import type { SearchFilters, SearchResponse } from './wire';

/** The name facets: keyword fields folded by the cjk_fold_keyword normalizer. */
export const NAME_FACETS = ['source', 'place', 'people'] as const;
export type NameFacet = (typeof NAME_FACETS)[number];

/** How many buckets each name facet returns. */
export const FACET_SIZE = 20;

/** The collapse key: the story id the indexer computes (src/stories). */
export const STORY_FIELD = 'story_id';

/**
 * Stories in a bucket: exact up to this many (a facet value holds more in a large archive only,
 * where a count of 1,000 or more is read as a size, not checked one by one), estimated past.
 * Small, as every bucket of every facet carries one.
 */
const BUCKET_STORY_PRECISION = 1000;

const storiesIn = {
  stories: { cardinality: { field: STORY_FIELD, precision_threshold: BUCKET_STORY_PRECISION } },
} satisfies Record<string, estypes.AggregationsAggregationContainer>;

/** Dates are calendar days in China Standard Time, where the archives are published. */
export const TIME_ZONE = '+08:00';

type Query = estypes.QueryDslQueryContainer;
type Facet = SearchResponse['facets']['source'];

/** The filter one facet's selection adds, if any. */
function selectionFilter(facet: NameFacet | 'year', filters: SearchFilters): Query | undefined {
  if (facet !== 'year') {
    const values = filters[facet];
    return values.length > 0 ? { terms: { [facet]: values } } : undefined;
  }
  if (filters.from === undefined && filters.to === undefined) return undefined;
  return {
    range: {
      published_at: {
        // Dates are validated YYYY-MM-DD; ||/d rounds `to` up to the end of that day.
        ...(filters.from !== undefined && { gte: filters.from }),
        ...(filters.to !== undefined && { lte: `${filters.to}||/d` }),
        format: 'strict_date',
        time_zone: TIME_ZONE,
      },
    },
  };
}

const FACETS = [...NAME_FACETS, 'year'] as const;

function allOf(clauses: Query[]): Query {
  return clauses.length === 0 ? { match_all: {} } : { bool: { filter: clauses } };
}

/** The filters of every facet's selection. */
export function facetFilters(filters: SearchFilters): Query[] {
  return FACETS.map((f) => selectionFilter(f, filters)).filter((c) => c !== undefined);
}

/** The faceted filters together: the search's post_filter, or undefined when none is set. */
export function buildPostFilter(filters: SearchFilters): Query | undefined {
  const clauses = facetFilters(filters);
  return clauses.length > 0 ? allOf(clauses) : undefined;
}

/** The filters that are no facet's selection (the script), for the query itself. */
export function withoutFacetSelections(filters: SearchFilters): SearchFilters {
  return { source: [], place: [], people: [], script: filters.script };
}

function valuesAggregation(facet: NameFacet | 'year', filters: SearchFilters, stories: boolean) {
  const sub = stories ? { aggs: storiesIn } : {};
  if (facet === 'year') {
    return {
      values: {
        date_histogram: {
          field: 'published_at',
          calendar_interval: 'year',
          time_zone: TIME_ZONE,
          format: 'yyyy',
          min_doc_count: 1,
        },
        ...sub,
      },
    } satisfies Record<string, estypes.AggregationsAggregationContainer>;
  }
  const selected = filters[facet].map(foldKeyword);
  // Buckets are chosen by articles; breadth first, the stories are counted in those alone.
  const terms = stories ? { collect_mode: 'breadth_first' as const } : {};
  return {
    values: { terms: { field: facet, size: FACET_SIZE, ...terms }, ...sub },
    // The selected values, counted even when they are not among the top buckets.
    ...(selected.length > 0 && {
      selected: { terms: { field: facet, size: selected.length, include: selected }, ...sub },
    }),
  } satisfies Record<string, estypes.AggregationsAggregationContainer>;
}

/**
 * One filter aggregation per facet: the other facets' selections, and the facet's counts: of
 * articles, and with `stories` of stories as well.
 */
export function buildFacetAggregations(
  filters: SearchFilters,
  stories: boolean,
): Record<string, estypes.AggregationsAggregationContainer> {
  return Object.fromEntries(
    FACETS.map((facet) => {
      const others = FACETS.filter((f) => f !== facet)
        .map((f) => selectionFilter(f, filters))
        .filter((c) => c !== undefined);
      return [facet, { filter: allOf(others), aggs: valuesAggregation(facet, filters, stories) }];
    }),
  );
}

type Buckets = {
  key: string | number;
  key_as_string?: string;
  doc_count: number;
  stories?: { value: number };
}[];

/** What a bucket counts: its stories when they were counted, else its articles. */
const countOf = (bucket: Buckets[number]) => bucket.stories?.value ?? bucket.doc_count;

function bucketsOf(agg: estypes.AggregationsAggregate | undefined, name: string): Buckets {
  const inner = (agg as Record<string, unknown> | undefined)?.[name] as
    { buckets?: unknown } | undefined;
  return Array.isArray(inner?.buckets) ? (inner.buckets as Buckets) : [];
}

/**
 * A name facet. Bucket keys are the folded names (Simplified, half-width, lower case): the
 * value to filter by, labelled in the output script. A selected value written in either
 * script is its folded entry, marked selected, and listed even outside the top buckets.
 */
function nameFacet(
  facet: NameFacet,
  agg: estypes.AggregationsAggregate | undefined,
  filters: SearchFilters,
  out: OutputScript,
): Facet {
  const selected = new Set(filters[facet].map(foldKeyword));
  const counts = new Map<string, number>();
  for (const b of bucketsOf(agg, 'values')) counts.set(String(b.key), countOf(b));
  for (const b of bucketsOf(agg, 'selected')) counts.set(String(b.key), countOf(b));
  for (const value of selected) if (!counts.has(value)) counts.set(value, 0);
  // Most first, by what is counted (the engine orders by articles); ties keep its order.
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .map(([value, count]) => ({
      value,
      label: convertText(value, out),
      count,
      selected: selected.has(value),
    }));
}

function yearFacet(agg: estypes.AggregationsAggregate | undefined, filters: SearchFilters): Facet {
  // Newest year first, the order people browse an archive in.
  return bucketsOf(agg, 'values')
    .map((b) => {
      const year = b.key_as_string ?? String(b.key);
      return {
        value: year,
        label: year,
        count: countOf(b),
        selected: filters.from === `${year}-01-01` && filters.to === `${year}-12-31`,
      };
    })
    .reverse();
}

export function shapeFacets(
  aggs: Record<string, estypes.AggregationsAggregate> | undefined,
  filters: SearchFilters,
  out: OutputScript,
): SearchResponse['facets'] {
  return {
    source: nameFacet('source', aggs?.source, filters, out),
    place: nameFacet('place', aggs?.place, filters, out),
    people: nameFacet('people', aggs?.people, filters, out),
    year: yearFacet(aggs?.year, filters),
  };
}
