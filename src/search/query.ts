// Builds the Elasticsearch request for a validated search. Pure.
// Only match, match_phrase, term(s) and range queries on fixed fields are built: nothing from
// the request names a field or reaches query_string, regexp, wildcard or scripts.
import type { estypes } from '@elastic/elasticsearch';
import { SEARCH_ANALYZER } from '../indexer/definition';
import {
  buildFacetAggregations,
  STORY_FIELD,
  buildPostFilter,
  facetFilters,
  withoutFacetSelections,
} from './facets';
import type { ParsedQuery, Term } from './parse';
import { alternatives } from './variants';
import {
  HIT_SOURCE_FIELDS,
  VERSION_SOURCE_FIELDS,
  type SearchFilters,
  type SearchRequest,
  type SortOrder,
} from './wire';

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

/**
 * Body passages per hit and the characters shown of each (`size`). The engine is asked for
 * passages of whole sentences up to `engineSize` and fragments.ts cuts each to `size` at a
 * sentence or clause start: at the engine's own size of 100, a sentence longer than that is
 * cut at any character, and 8% of fragments on the news seeds started on a comma or
 * mid-clause; at 200 none did (bench/results/fragments.md; the boundary_scanner_locale zh-CN
 * changed nothing).
 */
export const FRAGMENTS = { count: 3, size: 100, engineSize: 200 } as const;

function anyOf(clauses: estypes.QueryDslQueryContainer[]): estypes.QueryDslQueryContainer {
  return clauses.length === 1
    ? clauses[0]!
    : { bool: { should: clauses, minimum_should_match: 1 } };
}

/**
 * A phrase reads the field's search_quote_analyzer (its characters, in order, across
 * punctuation) unless told otherwise.
 */
function phraseIn(
  field: TextField,
  text: string,
  boost: number,
  analyzer?: string,
): estypes.QueryDslQueryContainer {
  return { match_phrase: { [field]: { query: text, boost, ...(analyzer && { analyzer }) } } };
}

/**
 * The query as another region or script writes it (软件 -> 軟體, 了解 -> 瞭解) counts this much of
 * the query as typed, so that the article's own word ranks above a regional equivalent.
 */
export const ALTERNATIVE_BOOST = 0.5;

function fieldClause(
  kind: Term['kind'],
  field: TextField,
  text: string,
  boost: number,
): estypes.QueryDslQueryContainer {
  if (kind === 'phrase') return phraseIn(field, text, boost);
  return {
    match: { [field]: { query: text, minimum_should_match: WORD_MINIMUM_SHOULD_MATCH, boost } },
  };
}

/**
 * Matches a term in any text field: a word by its bigrams, a phrase exactly (its characters in
 * order, with or without the punctuation between them: the fields' search_quote_analyzer).
 * The term as typed, or any of its regional and orthographic alternatives.
 */
export function termClause(term: Term): estypes.QueryDslQueryContainer {
  const texts = [term.text, ...alternatives(term.text)];
  return anyOf(
    texts.flatMap((text, i) =>
      TEXT_FIELDS.map((field) =>
        fieldClause(
          term.kind,
          field,
          text,
          FIELD_BOOSTS[field] * (i === 0 ? 1 : ALTERNATIVE_BOOST),
        ),
      ),
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
  // Words, and phrases that have alternatives: the text as typed adds score. A word's boost
  // reads its bigrams (one posting list per pair of characters), as cheap as the word itself:
  // its characters as a phrase cost 1-2 ms more at 332k documents (bench:compare) and would only
  // add a match across punctuation, which a word does not ask for.
  const should = query.groups
    .flat()
    .filter((term) => term.kind === 'word' || alternatives(term.text).length > 0)
    .flatMap((term) =>
      Object.entries(PHRASE_BOOSTS).map(([field, boost]) =>
        phraseIn(
          field as TextField,
          term.text,
          boost,
          term.kind === 'word' ? SEARCH_ANALYZER : undefined,
        ),
      ),
    );
  return {
    bool: {
      must: must.length > 0 ? must : [{ match_all: {} }],
      ...(mustNot.length > 0 && { must_not: mustNot }),
      ...(should.length > 0 && { should }),
      ...(buildFilters(filters).length > 0 && { filter: buildFilters(filters) }),
    },
  };
}

/** Every filter: the script, and the faceted ones (see facets.ts). */
export function buildFilters(filters: SearchFilters): estypes.QueryDslQueryContainer[] {
  return [
    ...(filters.script.length > 0 ? [{ terms: { script: filters.script } }] : []),
    ...facetFilters(filters),
  ];
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

const HIGHLIGHT: estypes.SearchHighlight = {
  encoder: 'html',
  pre_tags: ['<mark>'],
  post_tags: ['</mark>'],
  fields: {
    title: { number_of_fragments: 0 },
    body: {
      // The unified highlighter's sentence scanner (its default, said here as the choice).
      boundary_scanner: 'sentence',
      fragment_size: FRAGMENTS.engineSize,
      number_of_fragments: FRAGMENTS.count,
      no_match_size: FRAGMENTS.engineSize,
    },
  },
};

/**
 * The parts of the engine's answer that shaping reads (filter_path): the rest (each hit's
 * index name, _shards, max_score, the collapse key repeated under `fields`...) is neither
 * sent nor parsed. The engine leaves out what is empty, so an answer with no hits has no
 * hits.hits at all (shaping reads it as none).
 */
export const RESPONSE_FIELDS = [
  'took',
  'hits.total',
  'hits.hits._id',
  'hits.hits._score',
  'hits.hits._source',
  'hits.hits.highlight',
  'hits.hits.sort',
  'aggregations',
  'pit_id',
];

/** Versions listed under a story's hit; the count says how many there are in all. */
export const VERSIONS_SHOWN = 10;

/** Cardinality counts stories exactly up to this many (the engine's maximum), estimates past. */
const STORY_COUNT_PRECISION = 40_000;

const storyCount: estypes.AggregationsAggregationContainer = {
  cardinality: { field: STORY_FIELD, precision_threshold: STORY_COUNT_PRECISION },
};

/** Collapsed: the stories matching, counted after the facet selections (post_filter) as the
 * hits are. */
function storyTotal(postFilter: estypes.QueryDslQueryContainer | undefined) {
  return { filter: postFilter ?? { match_all: {} }, aggs: { count: storyCount } };
}

/** One hit per story, its best-ranked version by the search's own sort. Its other matching
 * versions come from one more request for the whole page (buildVersions), not from the
 * collapse's inner_hits, which run the search again once per hit (bench:stories-cost). */
const COLLAPSE: estypes.SearchFieldCollapse = { field: STORY_FIELD };

/** The versions listed under a story's hit: oldest first. */
const VERSION_ORDER: estypes.Sort = [
  { published_at: { order: 'asc', missing: '_last' } },
  { id: { order: 'asc' } },
];
/**
 * How long the engine keeps a cursor's point in time after each page: time for a reader or a
 * harvesting client to ask for the next. Each page renews it; a PIT keeps the index's
 * segments of its moment from being deleted (disk and file handles while merges or a reindex
 * go on), so it should not outlive the reading by much (README: Paging).
 */
export const CURSOR_KEEP_ALIVE = '10m';

/** The engine's index.max_result_window: page-based paging stops here, cursors go on. */
export const RESULT_WINDOW = 10_000;

/** A collapsed page: from its offset, one story more than shown unless the window ends. */
function pageOfStories(req: SearchRequest): { from: number; size: number } {
  const from = req.offset ?? (req.page - 1) * req.size;
  return { from, size: Math.min(req.size + 1, RESULT_WINDOW - from) };
}

/** The search request for a validated API request. A page knows from the exact total whether
 * another follows; a cursor page has no offset to compare, so it asks for one hit more. */
export function buildSearch(req: SearchRequest, index: string): estypes.SearchRequest {
  const postFilter = buildPostFilter(req.filters);
  return {
    // A cursor's pages read its point in time, which names the index itself.
    ...(req.pit ? { pit: { id: req.pit, keep_alive: CURSOR_KEEP_ALIVE } } : { index }),
    // The faceted filters apply after the facets are counted (post_filter), so that each
    // facet can count its choices without its own selection (facets.ts).
    query: buildQuery(req.query, withoutFacetSelections(req.filters)),
    ...(postFilter && { post_filter: postFilter }),
    sort: buildSort(req.sort),
    // Collapsed, the engine refuses search_after (unless sorted on the story alone) and the
    // total counts articles: pages and cursors go by offset, one hit more says another follows.
    ...(req.collapse
      ? { collapse: COLLAPSE, ...pageOfStories(req) }
      : req.after
        ? { search_after: req.after, size: req.size + 1 }
        : { from: (req.page - 1) * req.size, size: req.size }),
    track_total_hits: true,
    _source: [...HIT_SOURCE_FIELDS],
    highlight: HIGHLIGHT,
    filter_path: RESPONSE_FIELDS,
    aggs: {
      ...buildFacetAggregations(req.filters, req.collapse),
      ...(req.collapse && { stories: storyTotal(postFilter) }),
    },
  };
}

/** The aggregation of buildVersions's answer: a bucket per story, its first versions under
 * `first`. */
export const VERSIONS_AGGREGATION = 'versions';

/**
 * The matching versions of a collapsed page's stories, in one request: the search's query and
 * every filter (facet selections too: the versions listed are those the hits are chosen
 * from), narrowed to the page's story ids, grouped by story with its first versions. The
 * narrowing makes it cheap: the engine looks for matches among those stories' articles only.
 * `pit`: the point in time the page read, when it read one.
 */
export function buildVersions(
  req: SearchRequest,
  index: string,
  storyIds: readonly string[],
  pit?: string,
): estypes.SearchRequest {
  const postFilter = buildPostFilter(req.filters);
  return {
    ...(pit ? { pit: { id: pit, keep_alive: CURSOR_KEEP_ALIVE } } : { index }),
    size: 0,
    track_total_hits: false,
    query: {
      bool: {
        filter: [
          { terms: { [STORY_FIELD]: [...storyIds] } },
          buildQuery(req.query, withoutFacetSelections(req.filters)),
          ...(postFilter ? [postFilter] : []),
        ],
      },
    },
    aggs: {
      [VERSIONS_AGGREGATION]: {
        // A story matching once has no other version to list: no bucket, so none of its
        // articles is fetched (most stories of a page, and nearly all of the bench corpus).
        terms: { field: STORY_FIELD, size: storyIds.length, min_doc_count: 2 },
        aggs: {
          first: {
            top_hits: {
              size: VERSIONS_SHOWN + 1,
              _source: [...VERSION_SOURCE_FIELDS],
              sort: VERSION_ORDER,
            },
          },
        },
      },
    },
    filter_path: ['took', 'aggregations'],
  };
}

/** Whole fields highlighted, for the article view: each matching paragraph comes back whole. */
const ARTICLE_HIGHLIGHT: estypes.SearchHighlight = {
  encoder: 'html',
  pre_tags: ['<mark>'],
  post_tags: ['</mark>'],
  fields: { title: { number_of_fragments: 0 }, body: { number_of_fragments: 0 } },
};

/** Looks an article up by its id field, which holds whatever _id the indexer chose. With the
 * query the reader came from, its matches are highlighted in the title and the paragraphs
 * (the query only scores; the id alone decides which article). */
export function buildArticleLookup(
  id: string,
  index: string,
  query?: ParsedQuery,
): estypes.SearchRequest {
  if (!query || query.groups.length === 0) return { index, query: { term: { id } }, size: 1 };
  const noFilters: SearchFilters = { source: [], place: [], people: [], script: [] };
  return {
    index,
    query: { bool: { filter: [{ term: { id } }], should: [buildQuery(query, noFilters)] } },
    size: 1,
    highlight: ARTICLE_HIGHLIGHT,
  };
}
