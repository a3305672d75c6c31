// The API's calls to Elasticsearch, each a thin typed wrapper with no decisions in it (as
// indexer/es.ts is for the indexer). Requests are built in src/search (pure), answers shaped
// there too; a route reads validate -> build -> call (here) -> shape.
import type { Client, estypes } from '@elastic/elasticsearch';
import type { IndexedArticle } from '../search/response';

/** A search over stored articles (buildSearch's request). */
export function searchArticles(
  client: Client,
  request: estypes.SearchRequest,
): Promise<estypes.SearchResponse<IndexedArticle>> {
  return client.search<IndexedArticle>(request);
}

/** The versions of a collapsed page's stories (buildVersions's request): aggregations only. */
export function searchVersions(
  client: Client,
  request: estypes.SearchRequest,
): Promise<estypes.SearchResponse> {
  return client.search(request);
}

/** The suggestions' one request (buildSuggest's): aggregations and title hits. */
export function searchSuggestions(
  client: Client,
  request: estypes.SearchRequest,
): Promise<estypes.SearchResponse> {
  return client.search(request);
}

/** Opens a point in time on the index behind `alias`; its id. */
export async function openPointInTime(
  client: Client,
  alias: string,
  keepAlive: string,
): Promise<string> {
  return (await client.openPointInTime({ index: alias, keep_alive: keepAlive })).id;
}

/** Closes a point in time (one that is gone already counts as closed). */
export async function closePointInTime(client: Client, id: string): Promise<void> {
  await client.closePointInTime({ id }, { ignore: [404] });
}

/** Whether an index (by its physical name) exists. */
export function indexExists(client: Client, index: string): Promise<boolean> {
  return client.indices.exists({ index });
}

/** The one article a lookup finds (buildArticleLookup's request), or undefined. */
export async function findArticle(
  client: Client,
  request: estypes.SearchRequest,
): Promise<estypes.SearchHit<IndexedArticle> | undefined> {
  const result = await client.search<IndexedArticle>(request);
  const hit = result.hits.hits[0];
  return hit?._source ? hit : undefined;
}

/** The health of the index behind `alias` (that index only), or undefined with no such alias. */
export async function aliasHealth(
  client: Client,
  alias: string,
): Promise<estypes.HealthStatus | undefined> {
  if (!(await client.indices.existsAlias({ name: alias }))) return undefined;
  return (await client.cluster.health({ index: alias })).status;
}
