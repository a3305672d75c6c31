// The indexer's calls to Elasticsearch, each a thin typed wrapper with no decisions in it.
import { errors, type Client, type estypes } from '@elastic/elasticsearch';
import type { IndexDefinition } from './definition';
import type { IndexDocument } from './document';
import { isPhysicalIndexOf, type LiveIndex } from './lifecycle';
import { bulkOperations } from './bulk';

const isNotFound = (error: unknown) =>
  error instanceof errors.ResponseError && error.statusCode === 404;

/** The index behind the alias, or undefined when there is no such alias. */
export async function liveIndex(client: Client, alias: string): Promise<LiveIndex | undefined> {
  let indices: string[];
  try {
    indices = Object.keys(await client.indices.getAlias({ name: alias }));
  } catch (error) {
    if (!isNotFound(error)) throw error;
    if (await client.indices.exists({ index: alias })) {
      throw new Error(`"${alias}" is an index, not an alias: move or delete it first`);
    }
    return undefined;
  }
  if (indices.length !== 1) {
    throw new Error(`alias "${alias}" points at ${indices.length} indices: ${indices.join(', ')}`);
  }
  const index = indices[0]!;
  return { index, definitionHash: await definitionHashOf(client, index) };
}

/** This alias's physical indices that the alias does not point at. */
export async function strayIndices(
  client: Client,
  alias: string,
  live: string | undefined,
): Promise<string[]> {
  const found = await client.indices.get({
    index: `${alias}-*`,
    expand_wildcards: ['open', 'closed'],
    allow_no_indices: true,
    ignore_unavailable: true,
  });
  return Object.keys(found)
    .filter((name) => isPhysicalIndexOf(alias, name) && name !== live)
    .sort();
}

/**
 * Creates an index for bulk loading: no refreshes until finishLoading. The name is this run's
 * own (it carries the run's start time), so when it exists already it is an earlier attempt
 * of this call whose answer was lost (a timeout on a busy cluster), and a retry may go on.
 */
export async function createIndex(client: Client, index: string, definition: IndexDefinition) {
  try {
    await client.indices.create({
      index,
      settings: { ...definition.settings, ...definition.replicas, refresh_interval: '-1' },
      mappings: definition.mappings,
    });
  } catch (error) {
    const type = (error as errors.ResponseError).body?.error?.type;
    if (!(error instanceof errors.ResponseError && type === 'resource_already_exists_exception')) {
      throw error;
    }
  }
}

/** Restores the definition's refresh interval and makes everything searchable. */
export async function finishLoading(client: Client, index: string, definition: IndexDefinition) {
  // null resets to the default, which (unlike an explicit 1s) lets idle shards skip refreshes.
  const refresh = { refresh_interval: definition.settings.refresh_interval ?? null };
  await client.indices.putSettings({
    index,
    settings: refresh as unknown as estypes.IndicesIndexSettings,
  });
  await client.indices.refresh({ index });
}

/** Gives an existing index the configured replicas (a no-op when it has them). */
export async function applyReplicas(client: Client, index: string, definition: IndexDefinition) {
  await client.indices.putSettings({ index, settings: definition.replicas });
}

/**
 * Waits (up to `seconds`, inside the engine) until the cluster answers with `index` (or, with
 * none, the whole cluster) at least yellow: every primary shard there to take writes. Returns
 * either way; whoever waits tries its request next and sees.
 */
export async function waitUntilServing(client: Client, index?: string, seconds = 10) {
  await client.cluster.health(
    { ...(index && { index }), wait_for_status: 'yellow', timeout: `${seconds}s` },
    { requestTimeout: (seconds + 5) * 1000, ignore: [408] },
  );
}

export async function refresh(client: Client, index: string) {
  await client.indices.refresh({ index });
}

/** The definition hash in an index's `_meta` (undefined if the index was recreated bare). */
export async function definitionHashOf(client: Client, index: string): Promise<string | undefined> {
  const mapping = await client.indices.getMapping({ index });
  return (mapping[index]?.mappings._meta as { definition_hash?: string } | undefined)
    ?.definition_hash;
}

/** The stored content hashes of those ids that exist. Real-time: sees unrefreshed writes. */
export async function storedHashes(
  client: Client,
  index: string,
  ids: string[],
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  if (ids.length === 0) return hashes;
  const response = await client.mget<Pick<IndexDocument, 'content_hash'>>({
    index,
    ids,
    _source: ['content_hash'],
  });
  for (const doc of response.docs) {
    // A per-document error here concerns the index (closed, missing): the run cannot go on.
    if ('error' in doc) throw new Error(`reading ${index}: ${doc.error.type}: ${doc.error.reason}`);
    if (doc.found && doc._source) hashes.set(doc._id, doc._source.content_hash);
  }
  return hashes;
}

export async function bulkIndex(
  client: Client,
  index: string,
  docs: IndexDocument[],
): Promise<estypes.BulkResponse> {
  return client.bulk({ operations: bulkOperations(index, docs) });
}

/** Points the alias at `to`, off `from`, in one atomic `_aliases` call. */
export async function swapAlias(
  client: Client,
  alias: string,
  from: string | undefined,
  to: string,
) {
  const actions: estypes.IndicesUpdateAliasesAction[] = [{ add: { index: to, alias } }];
  if (from) actions.unshift({ remove: { index: from, alias } });
  await client.indices.updateAliases({ actions });
}

export async function deleteIndex(client: Client, index: string) {
  await client.indices.delete({ index }, { ignore: [404] });
}

/** What the indexer reads back of an indexed article to compare it with new ones: not its
 * bands, which follow from the signature (48 strings a hit, most of a hit's weight). */
export type StoryFields = Pick<IndexDocument, 'id' | 'story_id' | 'fingerprint'>;

/**
 * The indexed articles sharing at least one band with any of `bands` (a batch's), at most
 * `size`: one terms query for the whole batch, which costs far less than a search per article.
 * Sees only what was there at the last refresh.
 */
export async function storyCandidates(
  client: Client,
  index: string,
  bands: string[],
  size: number,
): Promise<StoryFields[]> {
  if (bands.length === 0) return [];
  const response = await client.search<StoryFields>({
    index,
    size,
    _source: ['id', 'story_id', 'fingerprint'],
    query: { terms: { story_bands: bands } },
    // Nothing else of the hits (_index, _id, _score) is sent or parsed.
    filter_path: ['hits.hits._source'],
  });
  return (response.hits?.hits ?? []).map((hit) => hit._source!);
}

/** Articles read per round when moving a merged story's articles. */
const RELABEL_PAGE = 1000;

/**
 * Moves every article of the stories in `relabel` (old id -> new id) to its new story: reads
 * them page by page (the image has no reindex module, so no _update_by_query) and updates
 * their story_id with partial updates, then refreshes so the next lookup sees the move.
 */
export async function relabelStories(
  client: Client,
  index: string,
  relabel: ReadonlyMap<string, string>,
): Promise<void> {
  if (relabel.size === 0) return;
  let after: estypes.SortResults | undefined;
  for (;;) {
    const page = await client.search<Pick<IndexDocument, 'story_id'>>({
      index,
      size: RELABEL_PAGE,
      _source: ['story_id'],
      query: { terms: { story_id: [...relabel.keys()] } },
      sort: [{ id: 'asc' }],
      ...(after && { search_after: after }),
    });
    const hits = page.hits.hits;
    if (hits.length === 0) break;
    const operations = hits.flatMap((hit) => [
      { update: { _index: index, _id: hit._id! } },
      { doc: { story_id: relabel.get(hit._source!.story_id)! } },
    ]);
    const response = await client.bulk({ operations });
    if (response.errors) {
      const failed = response.items.find((item) => item.update?.error)?.update?.error;
      throw new Error(`moving articles to their merged story: ${failed?.type}: ${failed?.reason}`);
    }
    after = hits[hits.length - 1]!.sort;
  }
  await client.indices.refresh({ index });
}
