import { apiPath, elasticBody, QUERY_MIX } from './queries';

describe('the query mix', () => {
  it('weighs every kind the same', () => {
    const counts = new Map<string, number>();
    for (const query of QUERY_MIX) counts.set(query.kind, (counts.get(query.kind) ?? 0) + 1);
    expect(new Set(counts.values()).size).toBe(1);
    expect([...counts.keys()].sort()).toEqual([
      '1 char',
      '2 chars',
      '4 chars',
      'filtered',
      'phrase',
    ]);
  });

  it('holds both scripts', () => {
    const texts = QUERY_MIX.map((query) => query.params.q).join('');
    expect(texts).toMatch(/[風長萬內舉]/u);
    expect(texts).toMatch(/[风乡穷党]/u);
  });

  it('sends the API the parameters, URL-encoded', () => {
    expect(apiPath({ kind: 'filtered', params: { q: '月', source: '全宋词' } })).toBe(
      `/api/search?q=${encodeURIComponent('月')}&source=${encodeURIComponent('全宋词')}`,
    );
  });

  it('sends Elasticsearch the body the API builds, without the index', () => {
    const body = elasticBody({ kind: 'filtered', params: { q: '月', source: '全宋词' } }, 'x');
    expect(body.index).toBeUndefined();
    expect(JSON.stringify(body.post_filter)).toContain('全宋词');
  });
});
