import type { estypes } from '@elastic/elasticsearch';
import { buildSuggest, shapeSuggest, SUGGEST_FILTER_PATH } from './suggest';

const request = { q: '漣', size: 5, outputScript: 'original' as const };

describe('buildSuggest', () => {
  it('looks names up by the folded prefix and as typed, and asks only for what is shaped', () => {
    const body = buildSuggest(request, 'articles');
    expect(body.aggs?.place).toEqual({
      terms: { field: 'place', include: '涟.*|漣.*', size: 5 },
    });
    expect(body.filter_path).toEqual(SUGGEST_FILTER_PATH);
  });
});

describe('shapeSuggest', () => {
  it('reads an answer cut by filter_path: a kind without names is simply absent', () => {
    // What the engine sends for 漣 on the seeds, with SUGGEST_FILTER_PATH.
    const answer = {
      took: 2,
      aggregations: {
        place: { buckets: [{ key: '涟源', doc_count: 1 }] },
        title: { top: { hits: { hits: [{ _source: { id: 'a1', title: '漣源:黨員在前' } }] } } },
      },
    } as unknown as estypes.SearchResponse;
    expect(shapeSuggest(answer, { ...request, outputScript: 'traditional' })).toEqual({
      suggestions: [
        { kind: 'place', value: '涟源', label: '漣源', count: 1 },
        {
          kind: 'title',
          value: '漣源:黨員在前',
          label: '漣源:黨員在前',
          count: 1,
          article_id: 'a1',
        },
      ],
    });
    expect(shapeSuggest({ took: 1 } as estypes.SearchResponse, request)).toEqual({
      suggestions: [],
    });
  });
});
