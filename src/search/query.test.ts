import type { estypes } from '@elastic/elasticsearch';
import { SEARCH_ANALYZER } from '../indexer/definition';
import { parseQuery } from './parse';
import {
  buildArticleLookup,
  buildFilters,
  buildQuery,
  buildSearch,
  buildSort,
  buildVersions,
  RESULT_WINDOW,
  termClause,
  WORD_MINIMUM_SHOULD_MATCH,
  CURSOR_KEEP_ALIVE,
} from './query';
import type { SearchFilters, SearchRequest } from './wire';

const noFilters: SearchFilters = { source: [], place: [], people: [], script: [] };

function request(q: string, extra: Partial<SearchRequest> = {}): SearchRequest {
  return {
    query: parseQuery(q),
    filters: noFilters,
    sort: 'relevance',
    page: 1,
    size: 10,
    collapse: false,
    outputScript: 'original',
    ...extra,
  };
}

const boolOf = (q: estypes.QueryDslQueryContainer) =>
  (q as { bool: estypes.QueryDslBoolQuery }).bool;

/** Every key anywhere in a query tree. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

describe('termClause', () => {
  it('matches a word by its bigrams in every text field, title boosted', () => {
    const clause = termClause({ kind: 'word', text: '郑凯' });
    expect(boolOf(clause).minimum_should_match).toBe(1);
    expect(boolOf(clause).should).toContainEqual({
      match: {
        title: { query: '郑凯', minimum_should_match: WORD_MINIMUM_SHOULD_MATCH, boost: 3 },
      },
    });
    expect(boolOf(clause).should).toContainEqual({
      match: { body: { query: '郑凯', minimum_should_match: WORD_MINIMUM_SHOULD_MATCH, boost: 1 } },
    });
    expect(boolOf(clause).should).toHaveLength(4);
  });

  it('matches a phrase exactly', () => {
    const clause = termClause({ kind: 'phrase', text: '党员先锋队' });
    expect(boolOf(clause).should).toContainEqual({
      match_phrase: { body: { query: '党员先锋队', boost: 1 } },
    });
    expect(JSON.stringify(clause)).not.toContain('"match":');
  });
});

describe('buildQuery', () => {
  it('needs every group and rewards contiguous words in title and body', () => {
    const q = buildQuery(parseQuery('郑凯 荥阳'), noFilters);
    expect(boolOf(q).must).toEqual([
      termClause({ kind: 'word', text: '郑凯' }),
      termClause({ kind: 'word', text: '荥阳' }),
    ]);
    expect(boolOf(q).should).toEqual([
      { match_phrase: { title: { query: '郑凯', boost: 6, analyzer: SEARCH_ANALYZER } } },
      { match_phrase: { body: { query: '郑凯', boost: 2, analyzer: SEARCH_ANALYZER } } },
      { match_phrase: { title: { query: '荥阳', boost: 6, analyzer: SEARCH_ANALYZER } } },
      { match_phrase: { body: { query: '荥阳', boost: 2, analyzer: SEARCH_ANALYZER } } },
    ]);
    expect(boolOf(q).must_not).toBeUndefined();
    expect(boolOf(q).filter).toBeUndefined();
  });

  it('turns an OR group into any-of', () => {
    const q = buildQuery(parseQuery('漣源 OR 涟源'), noFilters);
    expect(boolOf(q).must).toEqual([
      {
        bool: {
          should: [
            termClause({ kind: 'word', text: '漣源' }),
            termClause({ kind: 'word', text: '涟源' }),
          ],
          minimum_should_match: 1,
        },
      },
    ]);
  });

  it('excludes words as phrases, and a lone exclusion leaves everything else', () => {
    const q = buildQuery(parseQuery('-漯河'), noFilters);
    expect(boolOf(q).must).toEqual([{ match_all: {} }]);
    expect(boolOf(q).must_not).toEqual([termClause({ kind: 'phrase', text: '漯河' })]);
  });

  it('adds no phrase boost for a quoted phrase, already exact', () => {
    expect(boolOf(buildQuery(parseQuery('"党员先锋队"'), noFilters)).should).toBeUndefined();
  });

  it('builds only match, match_phrase, term(s), range and bool, whatever q says', () => {
    const hostile = [
      'title:郑凯 OR body:* /.*/ ~2 ^10',
      '{"script":{"source":"1"}} -"{\\"regexp\\":1}"',
      '_source:x query_string:y (a AND b) NOT c',
      '" OR "- OR -OR --x',
    ];
    const allowed = new Set([
      'bool',
      'must',
      'must_not',
      'should',
      'filter',
      'minimum_should_match',
      'match',
      'match_phrase',
      'match_all',
      'query',
      'boost',
      'analyzer',
      'title',
      'body',
      'subheadings',
      'captions',
    ]);
    for (const q of hostile) {
      const keys = keysOf(buildQuery(parseQuery(q), noFilters));
      expect([...keys].filter((k) => !allowed.has(k))).toEqual([]);
    }
  });
});

describe('buildFilters', () => {
  it('filters by terms and by whole days in China Standard Time', () => {
    expect(
      buildFilters({
        source: ['映象网', '鲁网'],
        place: ['荥阳'],
        people: ['鄭凱'],
        script: ['traditional'],
        from: '2020-01-01',
        to: '2020-01-31',
      }),
    ).toEqual([
      { terms: { script: ['traditional'] } },
      { terms: { source: ['映象网', '鲁网'] } },
      { terms: { place: ['荥阳'] } },
      { terms: { people: ['鄭凱'] } },
      {
        range: {
          published_at: {
            gte: '2020-01-01',
            lte: '2020-01-31||/d',
            format: 'strict_date',
            time_zone: '+08:00',
          },
        },
      },
    ]);
  });

  it('leaves an open end open', () => {
    expect(buildFilters({ ...noFilters, to: '2021-12-31' })).toEqual([
      {
        range: {
          published_at: { lte: '2021-12-31||/d', format: 'strict_date', time_zone: '+08:00' },
        },
      },
    ]);
  });

  it('puts filters in the filter context', () => {
    const q = buildQuery(parseQuery('疫'), { ...noFilters, place: ['阳谷'] });
    expect(boolOf(q).filter).toEqual([{ terms: { place: ['阳谷'] } }]);
  });
});

describe('buildSort', () => {
  it('ends every order on the id', () => {
    for (const sort of ['relevance', 'newest', 'oldest'] as const) {
      expect(buildSort(sort).at(-1)).toEqual({ id: { order: 'asc' } });
    }
  });

  it('puts undated articles last with JSON-safe stand-in dates', () => {
    const [newest] = buildSort('newest') as [{ published_at: { missing: number } }];
    const [oldest] = buildSort('oldest') as [{ published_at: { missing: number } }];
    expect(Number.isSafeInteger(newest.published_at.missing)).toBe(true);
    expect(newest.published_at.missing).toBeLessThan(Date.UTC(1900, 0));
    expect(oldest.published_at.missing).toBeGreaterThan(Date.UTC(3000, 0));
  });
});

describe('buildSearch', () => {
  it('pages with from, asking for exactly a page', () => {
    const s = buildSearch(request('疫', { page: 3, size: 20 }), 'articles');
    expect(s).toMatchObject({ index: 'articles', from: 40, size: 20, track_total_hits: true });
    expect(s.search_after).toBeUndefined();
  });

  it('stays inside the result window on the last allowed page', () => {
    const s = buildSearch(request('疫', { page: RESULT_WINDOW / 50, size: 50 }), 'articles');
    expect(s.from! + s.size!).toBeLessThanOrEqual(RESULT_WINDOW);
  });

  it('continues after a cursor with search_after, no from, and one hit more', () => {
    const s = buildSearch(request('疫', { after: [1.5, 'abc'] }), 'articles');
    expect(s.search_after).toEqual([1.5, 'abc']);
    expect(s.from).toBeUndefined();
    expect(s.size).toBe(11);
  });

  it("reads a cursor's point in time, which names the index, renewing its keep-alive", () => {
    const s = buildSearch(request('疫', { after: [1.5, 'abc'], pit: 'pit-id' }), 'articles');
    expect(s.pit).toEqual({ id: 'pit-id', keep_alive: CURSOR_KEEP_ALIVE });
    expect(s.index).toBeUndefined();
    expect(s.filter_path).toContain('pit_id');
  });

  it('highlights title and body as escaped HTML with <mark>', () => {
    const s = buildSearch(request('疫'), 'articles');
    expect(s.highlight).toMatchObject({
      encoder: 'html',
      pre_tags: ['<mark>'],
      post_tags: ['</mark>'],
    });
    expect(Object.keys(s.highlight!.fields)).toEqual(['title', 'body']);
  });

  it('asks for source, place, people and year facets', () => {
    const aggs = buildSearch(request(''), 'articles').aggs!;
    for (const facet of ['source', 'place', 'people']) {
      expect(aggs[facet]?.filter).toEqual({ match_all: {} });
      expect(aggs[facet]?.aggs?.values?.terms?.field).toBe(facet);
    }
    expect(aggs.year?.aggs?.values?.date_histogram).toMatchObject({
      field: 'published_at',
      format: 'yyyy',
    });
  });

  it('counts stories in every facet bucket when collapsed, articles alone otherwise', () => {
    const collapsed = buildSearch(
      request('疫', { collapse: true, filters: { ...noFilters, place: ['荥阳'] } }),
      'articles',
    ).aggs!;
    for (const facet of ['source', 'place', 'people', 'year']) {
      expect(collapsed[facet]?.aggs?.values?.aggs?.stories?.cardinality?.field).toBe('story_id');
    }
    expect(collapsed.place!.aggs!.selected!.aggs!.stories).toBeDefined();
    // Buckets are chosen by articles; the stories are counted in those chosen only.
    expect(collapsed.source!.aggs!.values!.terms!.collect_mode).toBe('breadth_first');
    const flat = buildSearch(request('疫'), 'articles').aggs!;
    expect(flat.source!.aggs!.values!.aggs).toBeUndefined();
    expect(flat.year!.aggs!.values!.aggs).toBeUndefined();
  });

  it('collapses without inner hits: the versions are one request for the page', () => {
    const req = request('疫情', { collapse: true, filters: { ...noFilters, place: ['荥阳'] } });
    expect(buildSearch(req, 'articles').collapse).toEqual({ field: 'story_id' });
    const versions = buildVersions(req, 'articles', ['s1', 's2']);
    expect(versions).toMatchObject({ index: 'articles', size: 0, track_total_hits: false });
    const filter = boolOf(versions.query!).filter as estypes.QueryDslQueryContainer[];
    // Narrowed to the page's stories, the search's query, and the facet selections too.
    expect(filter[0]).toEqual({ terms: { story_id: ['s1', 's2'] } });
    expect(filter[1]).toEqual(buildSearch(req, 'articles').query);
    expect(filter[2]).toEqual(buildSearch(req, 'articles').post_filter);
    const agg = versions.aggs!.versions!;
    expect(agg.terms).toEqual({ field: 'story_id', size: 2, min_doc_count: 2 });
    expect(agg.aggs!.first!.top_hits!.size).toBe(11);
    const onPit = buildVersions(req, 'articles', ['s1'], 'pit-id');
    expect(onPit.index).toBeUndefined();
    expect(onPit.pit).toEqual({ id: 'pit-id', keep_alive: CURSOR_KEEP_ALIVE });
  });

  it('filters hits by facet selections after counting, each facet without its own', () => {
    const s = buildSearch(
      request('疫', {
        filters: { ...noFilters, source: ['映象网', '鲁网'], people: ['鄭凱'], script: ['mixed'] },
      }),
      'articles',
    );
    const source = { terms: { source: ['映象网', '鲁网'] } };
    const people = { terms: { people: ['鄭凱'] } };
    // The script is no facet: it narrows the query itself.
    expect(boolOf(s.query!).filter).toEqual([{ terms: { script: ['mixed'] } }]);
    expect(s.post_filter).toEqual({ bool: { filter: [source, people] } });
    expect(s.aggs!.source!.filter).toEqual({ bool: { filter: [people] } });
    expect(s.aggs!.people!.filter).toEqual({ bool: { filter: [source] } });
    expect(s.aggs!.place!.filter).toEqual({ bool: { filter: [source, people] } });
    // The selected values are counted even outside the top buckets, folded as the index is.
    expect(s.aggs!.people!.aggs!.selected!.terms!.include).toEqual(['郑凯']);
  });
});

describe('buildArticleLookup', () => {
  it('finds one article by a term on id', () => {
    expect(buildArticleLookup('abc', 'articles')).toEqual({
      index: 'articles',
      query: { term: { id: 'abc' } },
      size: 1,
    });
  });
});
