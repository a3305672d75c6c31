import type { estypes } from '@elastic/elasticsearch';
import { decodeCursor, searchFingerprint } from './cursor';
import { parseQuery } from './parse';
import {
  pageStories,
  readVersions,
  shapeArticle,
  shapeSearchResponse,
  type IndexedArticle,
} from './response';
import { searchResponseSchema, type SearchRequest } from './wire';

const doc = (id: string, title: string): IndexedArticle => ({
  id,
  title,
  source: '映象網',
  place: '滎陽',
  published_at: '2020-01-31T00:00:00+08:00',
  script: 'traditional',
  path: `corpus/${id}.txt`,
  story_id: id,
});

function hit(id: string, title: string, highlight?: Record<string, string[]>) {
  return {
    _index: 'i',
    _id: id,
    _score: 2.5,
    _source: doc(id, title),
    sort: [2.5, id],
    ...(highlight && { highlight }),
  } as estypes.SearchHit<IndexedArticle>;
}

function response(
  hits: estypes.SearchHit<IndexedArticle>[],
  total = 42,
): estypes.SearchResponse<IndexedArticle> {
  return {
    took: 7,
    timed_out: false,
    _shards: { total: 1, successful: 1, failed: 0 },
    hits: { total: { value: total, relation: 'eq' }, hits },
    aggregations: {
      // Keys as the normalizer folds them (Simplified, half-width, lower case).
      source: { doc_count: 5, values: { buckets: [{ key: '映象网', doc_count: 3 }] } },
      place: { doc_count: 5, values: { buckets: [] } },
      people: { doc_count: 5, values: { buckets: [] } },
      year: {
        doc_count: 5,
        values: {
          buckets: [
            { key: 1577808000000, key_as_string: '2020', doc_count: 3 },
            { key: 1640966400000, key_as_string: '2022', doc_count: 2 },
          ],
        },
      },
    } as unknown as Record<string, estypes.AggregationsAggregate>,
  };
}

const request: SearchRequest = {
  query: parseQuery('郑凯'),
  filters: { source: [], place: [], people: [], script: [] },
  sort: 'relevance',
  page: 1,
  size: 2,
  collapse: false,
  outputScript: 'original',
};

describe('shapeSearchResponse', () => {
  it('shapes hits, facets (years newest first) and totals into the wire schema', () => {
    const res = shapeSearchResponse(
      response(
        [hit('a', '滎陽', { title: ['<mark>滎陽</mark>'], body: ['追授<mark>鄭凱</mark>。'] })],
        1,
      ),
      request,
    );
    expect(searchResponseSchema.parse(res)).toEqual(res);
    expect(res).toMatchObject({ total: 1, took_ms: 7, page: 1, size: 2, next_cursor: null });
    expect(res.hits[0]).toMatchObject({
      id: 'a',
      title: '滎陽',
      title_html: '<mark>滎陽</mark>',
      fragments: ['追授<mark>鄭凱</mark>。'],
      score: 2.5,
    });
    expect(res.facets).toEqual({
      source: [{ value: '映象网', label: '映象网', count: 3, selected: false }],
      place: [],
      people: [],
      year: [
        { value: '2022', label: '2022', count: 2, selected: false },
        { value: '2020', label: '2020', count: 3, selected: false },
      ],
    });
  });

  it('labels facets in the output script and keeps the folded value to filter by', () => {
    const res = shapeSearchResponse(response([]), { ...request, outputScript: 'traditional' });
    expect(res.facets.source).toEqual([
      { value: '映象网', label: '映象網', count: 3, selected: false },
    ]);
    expect(res.facets.year[0]).toEqual({ value: '2022', label: '2022', count: 2, selected: false });
  });

  it('marks the selected entry of a filter written in either script, and lists it when absent', () => {
    const res = shapeSearchResponse(response([]), {
      ...request,
      filters: {
        ...request.filters,
        source: ['映象網', '鲁網'],
        from: '2022-01-01',
        to: '2022-12-31',
      },
    });
    expect(res.facets.source).toEqual([
      { value: '映象网', label: '映象网', count: 3, selected: true },
      { value: '鲁网', label: '鲁网', count: 0, selected: true },
    ]);
    expect(res.facets.year.filter((y) => y.selected).map((y) => y.value)).toEqual(['2022']);
  });

  it('reads an answer without hits.hits (filter_path drops an empty list) as no hits', () => {
    const answer = response([], 0);
    delete (answer.hits as { hits?: unknown }).hits;
    const res = shapeSearchResponse(answer, request);
    expect(res).toMatchObject({ total: 0, hits: [], next_cursor: null });
  });

  it('joins highlights that touch', () => {
    const res = shapeSearchResponse(
      response([
        hit('a', '疫情', {
          body: ['在<mark>防控</mark><mark>疫情</mark>一线 <mark>防控</mark>。'],
        }),
      ]),
      request,
    );
    expect(res.hits[0]!.fragments).toEqual(['在<mark>防控疫情</mark>一线 <mark>防控</mark>。']);
  });

  it('cuts fragments where a reader would (fragments.ts): no leading comma, … where cut', () => {
    const res = shapeSearchResponse(
      response([hit('a', '疫情', { body: [',發揮好<mark>先鋒</mark>模範作用'] })]),
      request,
    );
    expect(res.hits[0]!.fragments).toEqual(['…發揮好<mark>先鋒</mark>模範作用…']);
  });

  it('escapes a title that has no highlight', () => {
    const res = shapeSearchResponse(response([hit('a', '同心战"疫" <b>')]), request);
    expect(res.hits[0]!.title_html).toBe('同心战&quot;疫&quot; &lt;b&gt;');
    expect(res.hits[0]!.fragments).toEqual([]);
  });

  it('converts title and fragments to the output script, markup untouched', () => {
    const res = shapeSearchResponse(
      response([hit('a', '滎陽', { body: ['追授<mark>鄭凱</mark>。&quot;'] })]),
      { ...request, outputScript: 'simplified' },
    );
    expect(res.hits[0]).toMatchObject({
      title: '荥阳',
      title_html: '荥阳',
      fragments: ['追授<mark>郑凯</mark>。&quot;'],
    });
  });

  it('on a page, knows from the total whether another follows', () => {
    const two = [hit('a', 'A'), hit('b', 'B')];
    const res = shapeSearchResponse(response(two, 3), request);
    expect(decodeCursor(res.next_cursor!)).toEqual({
      fingerprint: searchFingerprint(request.query, request.filters, request.sort, false),
      after: [2.5, 'b'],
    });
    expect(shapeSearchResponse(response(two, 2), request).next_cursor).toBeNull();
    expect(shapeSearchResponse(response(two, 4), { ...request, page: 2 }).next_cursor).toBeNull();
  });

  it('after a cursor, drops the extra hit and points after the last hit shown', () => {
    const cursorRequest = { ...request, after: [9, 'z'] as [number, string] };
    const three = [hit('a', 'A'), hit('b', 'B'), hit('c', 'C')];
    const res = shapeSearchResponse(response(three, 42), cursorRequest);
    expect(res.hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(decodeCursor(res.next_cursor!)?.after).toEqual([2.5, 'b']);
    const last = shapeSearchResponse(response(three.slice(0, 2), 42), cursorRequest);
    expect(last.next_cursor).toBeNull();
  });

  it('reports no page number when paging by cursor', () => {
    const res = shapeSearchResponse(response([]), { ...request, after: [1, 'x'] });
    expect(res.page).toBeNull();
    expect(res.hits).toEqual([]);
  });
});

describe('shapeSearchResponse, collapsed by story', () => {
  const collapsed = { ...request, collapse: true };
  const version = (id: string, source: string, title: string) => ({
    _index: 'articles',
    _id: id,
    _source: { id, source, title, published_at: '2020-01-31T08:00:00+08:00' },
  });
  const storyHit = (id: string) => ({
    ...hit(id, '滎陽'),
    _source: { ...hit(id, '滎陽')._source, story_id: `story-${id}` },
  });
  /** buildVersions's answer: a bucket per story with its first versions. */
  const versionsAnswer = (stories: [string, ReturnType<typeof version>[], number][]) =>
    readVersions({
      took: 1,
      aggregations: {
        versions: {
          buckets: stories.map(([key, first, count]) => ({
            key,
            doc_count: count,
            first: { hits: { hits: first } },
          })),
        },
      },
    } as unknown as Parameters<typeof readVersions>[0]);

  it('lists the other versions and counts them all, in the output script', () => {
    const versions = versionsAnswer([
      [
        'story-a',
        [
          version('a', '映象網', '滎陽'),
          version('b', '大河网', '荥阳'),
          version('c', '鲁网', '滎陽'),
        ],
        3,
      ],
    ]);
    const res = shapeSearchResponse(
      response([storyHit('a')] as unknown as Parameters<typeof response>[0], 5),
      { ...collapsed, outputScript: 'simplified' },
      versions,
    );
    expect(res.collapsed).toBe(true);
    expect(res.hits[0]).toMatchObject({ story_id: 'story-a', version_count: 3 });
    expect(res.hits[0]!.versions).toEqual([
      { id: 'b', source: '大河网', published_at: '2020-01-31T08:00:00+08:00', title: '荥阳' },
      { id: 'c', source: '鲁网', published_at: '2020-01-31T08:00:00+08:00', title: '荥阳' },
    ]);
  });

  it('asks for the versions of the stories shown, and gives a story without any one version', () => {
    const three = ['a', 'b', 'c'].map((id) => storyHit(id));
    const res = response(three as unknown as Parameters<typeof response>[0], 9);
    // The third hit is the one more that says another page follows: not shown, not asked.
    expect(pageStories(res, { ...collapsed, size: 2 })).toEqual(['story-a', 'story-b']);
    const shaped = shapeSearchResponse(res, { ...collapsed, size: 2 }, versionsAnswer([]));
    expect(shaped.hits[1]).toMatchObject({ version_count: 1, versions: [] });
  });

  it('pages by offset: one story more than asked says another page follows', () => {
    const three = ['a', 'b', 'c'].map((id) => storyHit(id));
    const res = shapeSearchResponse(
      response(three as unknown as Parameters<typeof response>[0], 9),
      { ...collapsed, offset: 4 },
    );
    expect(res.hits.map((h) => h.id)).toEqual(['a', 'b']);
    expect(res.page).toBeNull();
    expect(decodeCursor(res.next_cursor!)).toEqual({
      fingerprint: searchFingerprint(request.query, request.filters, request.sort, true),
      offset: 6,
    });
    const last = shapeSearchResponse(
      response(three.slice(0, 2) as unknown as Parameters<typeof response>[0], 9),
      collapsed,
    );
    expect(last.next_cursor).toBeNull();
  });

  it('counts the stories, and says the facets count them too', () => {
    const res = shapeSearchResponse(
      {
        ...response([]),
        aggregations: { ...response([]).aggregations, stories: { count: { value: 7 } } },
      } as unknown as Parameters<typeof shapeSearchResponse>[0],
      collapsed,
    );
    expect(res.stories).toBe(7);
    expect(res.facet_counts).toBe('stories');
  });

  it('counts stories in facet buckets, most first', () => {
    const bucket = (key: string, articles: number, stories: number) => ({
      key,
      doc_count: articles,
      stories: { value: stories },
    });
    const res = shapeSearchResponse(
      {
        ...response([]),
        aggregations: {
          ...response([]).aggregations,
          // The engine orders by articles: one story told by five outlets comes first.
          place: { values: { buckets: [bucket('荥阳', 5, 1), bucket('涟源', 3, 3)] } },
          year: {
            values: { buckets: [{ ...bucket('', 6, 2), key: 1, key_as_string: '2020' }] },
          },
        },
      } as unknown as Parameters<typeof shapeSearchResponse>[0],
      collapsed,
    );
    expect(res.facets.place.map((b) => [b.value, b.count])).toEqual([
      ['涟源', 3],
      ['荥阳', 1],
    ]);
    expect(res.facets.year[0]!.count).toBe(2);
  });
});

describe('shapeArticle', () => {
  const stored = (source: IndexedArticle, highlight?: Record<string, string[]>) =>
    ({
      _index: 'i',
      _id: source.id,
      _source: source,
      highlight,
    }) as estypes.SearchHit<IndexedArticle>;

  it('converts every text field and name and fills absent lists', () => {
    const article = shapeArticle(
      stored({ ...doc('a', '滎陽'), body: ['鄭凱'], captions: ['志願者'], reporters: ['王文凱'] }),
      'simplified',
    );
    expect(article).toMatchObject({
      title: '荥阳',
      title_html: '荥阳',
      body: ['郑凯'],
      body_html: ['郑凯'],
      captions: ['志愿者'],
      subheadings: [],
      people: [],
      reporters: ['王文凯'],
      source: '映象网',
    });
  });

  it('marks the matches of the query in the paragraphs that have them, escaping the others', () => {
    const source = { ...doc('a', '滎陽'), body: ['追授鄭凱', '<b>鄭州</b>', '鄭凱為榜樣'] };
    const highlight = { body: ['追授<mark>鄭凱</mark>', '<mark>鄭凱</mark>為榜樣'] };
    expect(shapeArticle(stored(source, highlight), 'original').body_html).toEqual([
      '追授<mark>鄭凱</mark>',
      '&lt;b&gt;鄭州&lt;&#x2F;b&gt;',
      '<mark>鄭凱</mark>為榜樣',
    ]);
    expect(shapeArticle(stored(source, highlight), 'simplified').body_html[2]).toBe(
      '<mark>郑凯</mark>为榜样',
    );
  });
});
