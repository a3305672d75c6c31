// The fixed query mix of bench:search, and each query as the API gets it and as the API sends
// it on to Elasticsearch (built by the API's own schema and query builder), so the two
// targets answer exactly the same searches.
import type { estypes } from '@elastic/elasticsearch';
import { buildSearch } from '../../src/search/query';
import { searchQuerySchema } from '../../src/server/schemas';

export type QueryKind = '1 char' | '2 chars' | '4 chars' | 'phrase' | 'filtered';

export interface BenchQuery {
  kind: QueryKind;
  /** The API's query parameters. */
  params: Record<string, string>;
}

const q = (kind: QueryKind, text: string, filters: Record<string, string> = {}): BenchQuery => ({
  kind,
  params: { q: text, ...filters },
});

/**
 * Words and lines common in the poems, in both scripts (the lines as the corpus has them, e.g.
 * 舉頭望山月, not the schoolbook 举头望明月), and a few that only the news seeds hold. Every
 * kind has the same weight: five queries each.
 */
export const QUERY_MIX: readonly BenchQuery[] = [
  q('1 char', '月'),
  q('1 char', '風'),
  q('1 char', '风'),
  q('1 char', '愁'),
  q('1 char', '疫'),
  q('2 chars', '明月'),
  q('2 chars', '春風'),
  q('2 chars', '春风'),
  q('2 chars', '長安'),
  q('2 chars', '故乡'),
  q('4 chars', '落花流水'),
  q('4 chars', '千山萬水'),
  q('4 chars', '风花雪月'),
  q('4 chars', '天涯海角'),
  q('4 chars', '疫情防控'),
  q('phrase', '"欲穷千里目"'),
  q('phrase', '"海內存知己"'),
  q('phrase', '"明月几时有"'),
  q('phrase', '"舉頭望山月"'),
  q('phrase', '"党员先锋队"'),
  q('filtered', '月', { source: '全宋词' }),
  q('filtered', '春风', { script: 'traditional' }),
  q('filtered', '長安', { source: '全唐诗' }),
  q('filtered', '明月', { script: 'simplified' }),
  q('filtered', '疫情', { from: '2020-01-01' }),
];

export function apiPath(query: BenchQuery): string {
  return `/api/search?${new URLSearchParams(query.params).toString()}`;
}

/** The search body the API sends for this query (its index name and filter_path left out). */
export function elasticBody(query: BenchQuery, alias: string): estypes.SearchRequest {
  const body = buildSearch(searchQuerySchema.parse(query.params), alias);
  // The index and filter_path go in the URL, as the client puts them.
  delete body.index;
  delete body.filter_path;
  return body;
}

/** The URL path the API's client sends this query to: the index and the filter_path. */
export function elasticPath(query: BenchQuery, alias: string): string {
  const { filter_path } = buildSearch(searchQuerySchema.parse(query.params), alias);
  const fields = [filter_path ?? []].flat().join(',');
  return `/${alias}/_search${fields ? `?filter_path=${encodeURIComponent(fields)}` : ''}`;
}
