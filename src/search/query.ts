// Builds the Elasticsearch request for a validated search. Pure.
// Only match, match_phrase, term(s) and range queries on fixed fields are built: nothing from
// the request names a field or reaches query_string, regexp, wildcard or scripts.
import type { estypes } from '@elastic/elasticsearch';
import type { ParsedQuery, Term } from './parse';
import type { SearchFilters, SearchRequest, SortOrder } from './wire';

/** The analyzed text fields searched, with how much a match in each counts. */
export const FIELD_BOOSTS = { title: 3, subheadings: 1.5, body: 1, captions: 0.5 } as const;
type TextField = keyof typeof FIELD_BOOSTS;
const TEXT_FIELDS = Object.keys(FIELD_BOOSTS) as TextField[];

/**
 * A word is a bag of bigrams (the search analyzer splits 党员先锋队 into 党员 员先 先锋 锋队).
 * Up to three bigrams must all match; past that 80% must, so one odd character in a long word
 * still finds the article. Adjacency is rewarded by the phrase boosts below, not required.
 */
export const WORD_MINIMUM_SHOULD_MATCH = '3<80%';

/** Extra score when a word's characters appear contiguously: outranks scattered bigrams. */
export const PHRASE_BOOSTS: Partial<Record<TextField, number>> = { title: 6, body: 2 };

/** Fields read from each stored article for a hit (the body comes back as highlights). */
export const HIT_SOURCE_FIELDS = [
  'id',
  'title',
  'source',
  'place',
  'published_at',
  'script',
  'path',
];

/** Facets: how many buckets each terms aggregation returns. */
export const FACET_SIZE = 20;

/** Body passages per hit, and their length in characters. */
export const FRAGMENTS = { count: 3, size: 100 } as const;

/** Dates are calendar days in China Standard Time, where the archives are published. */
export const TIME_ZONE = '+08:00';

function anyOf(clauses: estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer {
  return clauses.length === 1
    ? clauses[0]!
    : { bool: { should: clauses, minimum_should_match: 1 } };
}

function phraseIn(field: TextField, text: string, boost: number): estypes.QueryDslQueryContainer {
  return { match_phrase: { [field]: { query: text, boost } } };
}

/** Matches a term in any text field: a word by its bigrams, a phrase exactly. */
export function termClause(term: Term): estypes.QueryDslQueryContainer {
  return anyOf(
    TEXT_FIELDS.map((field) =>
      term.kind === 'phrase'
        ? phraseIn(field, term.text, FIELD_BOOSTS[field])
        : {
            match: {
              [field]: {
                query: term.text,
                minimum_should_match: WORD_MINIMUM_SHOULD_MATCH,
                boost: FIELD_BOOSTS[field],
              },
            },
          },
    ),
  );
}

/** Builds the scoring query: groups must match, exclusions must not, phrases add score. */
export function buildQuery(
  query: ParsedQuery,
  filters: SearchFilters,
): estypes.QueryDslQueryContainer {
  const must = query.groups.map((group) => anyOf(group.map(termClause)));
  // Excluded words are excluded as written (contiguous), not as scattered bigrams.
  const mustNot = query.excluded.map((term) => termClause({ kind: 'phrase', text: term.text }));
  const should = query.groups
    .flat()
    .filter((term) => term.kind === 'word')
    .flatMap((term) =>
      Object.entries(PHRASE_BOOSTS).map(([field, boost]) =>
        phraseIn(field as TextField, term.text, boost),
      ),
    );
  return {
    bool: {
      must: must.length > 0 ? must : [{ match_all: {} }],
      ...(mustNot.length > 0 && { must_not: mustNot }),
      ...(should.length > 0 && { should }),
      ...(hasFilters(filters) && { filter: buildFilters(filters) }),
    },
  };
}

function hasFilters(filters: SearchFilters): boolean {
  return (
    filters.source.length + filters.place.length + filters.script.length > 0 ||
    filters.from !== undefined ||
    filters.to !== undefined
  );
}

export function buildFilters(filters: SearchFilters): estypes.QueryDslQueryContainer[] {
  const out: estypes.QueryDslQueryContainer[] = [];
  if (filters.source.length > 0) out.push({ terms: { source: filters.source } });
  if (filters.place.length > 0) out.push({ terms: { place: filters.place } });
  if (filters.script.length > 0) out.push({ terms: { script: filters.script } });
  if (filters.from !== undefined || filters.to !== undefined) {
    out.push({
      range: {
        published_at: {
          // Dates are validated YYYY-MM-DD; ||/d rounds `to` up to the end of that day.
          ...(filters.from !== undefined && { gte: filters.from }),
          ...(filters.to !== undefined && { lte: `${filters.to}||/d` }),
          format: 'strict_date',
          time_zone: TIME_ZONE,
        },
      },
    });
  }
  return out;
}

/** Dates far outside any archive, standing in for a missing date: they sort last either way
 * and, unlike the engine's default (the extremes of a long), survive JSON as numbers. */
const MISSING_DATE_LAST = { newest: -62135596800000, oldest: 253402300799999 } as const;

/** Every order ends on the unique id, so search_after pages neither repeat nor skip hits. */
export function buildSort(sort: SortOrder): estypes.SortCombinations[] {
  const first: estypes.SortCombinations =
    sort === 'relevance'
      ? { _score: { order: 'desc' } }
      : {
          published_at: {
            order: sort === 'newest' ? 'desc' : 'asc',
            missing: MISSING_DATE_LAST[sort],
          },
        };
  return [first, { id: { order: 'asc' } }];
}

export const AGGREGATIONS: Record<string, estypes.AggregationsAggregationContainer> = {
  source: { terms: { field: 'source', size: FACET_SIZE } },
  place: { terms: { field: 'place', size: FACET_SIZE } },
  year: {
    date_histogram: {
      field: 'published_at',
      calendar_interval: 'year',
      time_zone: TIME_ZONE,
      format: 'yyyy',
      min_doc_count: 1,
    },
  },
};

const HIGHLIGHT: estypes.SearchHighlight = {
  encoder: 'html',
  pre_tags: ['<mark>'],
  post_tags: ['</mark>'],
  fields: {
    title: { number_of_fragments: 0 },
    body: {
      fragment_size: FRAGMENTS.size,
      number_of_fragments: FRAGMENTS.count,
      no_match_size: FRAGMENTS.size,
    },
  },
};

/** The engine's index.max_result_window: page-based paging stops here, cursors go on. */
export const RESULT_WINDOW = 10_000;

/** The search request for a validated API request. A page knows from the exact total whether
 * another follows; a cursor page has no offset to compare, so it asks for one hit more. */
export function buildSearch(req: SearchRequest, index: string): estypes.SearchRequest {
  return {
    index,
    query: buildQuery(req.query, req.filters),
    sort: buildSort(req.sort),
    ...(req.after
      ? { search_after: req.after, size: req.size + 1 }
      : { from: (req.page - 1) * req.size, size: req.size }),
    track_total_hits: true,
    _source: HIT_SOURCE_FIELDS,
    highlight: HIGHLIGHT,
    aggs: AGGREGATIONS,
  };
}

/** Looks an article up by its id field, which holds whatever _id the indexer chose. */
export function buildArticleLookup(id: string, index: string): estypes.SearchRequest {
  return { index, query: { term: { id } }, size: 1 };
}
