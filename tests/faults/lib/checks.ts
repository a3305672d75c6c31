// What the scenarios check in Elasticsearch itself, over the client: where the alias points,
// how many articles it serves, whether any id is there twice, how far a load has got.
import type { Client } from '@elastic/elasticsearch';

export async function aliasTarget(client: Client, alias: string): Promise<string[]> {
  const found = await client.indices.getAlias({ name: alias }, { ignore: [404] });
  return Object.keys(found).filter((key) => key !== 'error' && key !== 'status');
}

export async function count(client: Client, index: string): Promise<number> {
  await client.indices.refresh({ index });
  return (await client.count({ index })).count;
}

/** Ids held by more than one document (an id is the article's; the indexer writes by id). */
export async function duplicateIds(client: Client, index: string): Promise<number> {
  const result = await client.search({
    index,
    size: 0,
    aggs: { dup: { terms: { field: 'id', min_doc_count: 2, size: 10 } } },
  });
  const dup = result.aggregations?.dup as { buckets: unknown[] } | undefined;
  return dup?.buckets.length ?? 0;
}

/** Documents an index has taken so far, refreshed or not (a load runs with refresh off). */
export async function indexedSoFar(client: Client, index: string): Promise<number> {
  const stats = await client.indices.stats({ index, metric: 'indexing' });
  return stats._all.primaries?.indexing?.index_total ?? 0;
}

/** The alias's physical indices other than `except`. */
export async function otherIndices(
  client: Client,
  alias: string,
  except: string[],
): Promise<string[]> {
  const found = await client.indices.get({ index: `${alias}-*`, allow_no_indices: true });
  return Object.keys(found).filter((name) => !except.includes(name));
}
