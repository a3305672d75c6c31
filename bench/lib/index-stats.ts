// What a load left in Elasticsearch, as bench:index and bench:stories-cost read it, and how
// they clean up after it.
import type { Client } from '@elastic/elasticsearch';

/** Index-level figures, read after the load. */
export interface IndexStats {
  docs: number;
  segments: number;
  /** Bytes of the primaries' Lucene segments. */
  bytes: number;
}

/**
 * The segments as the _segments API lists them. Not the store size of index stats: the engine
 * caches that for ten seconds (index.store.stats_refresh_interval), so right after a load it
 * can still describe an earlier state of the directory.
 */
export async function indexStats(client: Client, index: string): Promise<IndexStats> {
  const response = await client.indices.segments({ index });
  const stats: IndexStats = { docs: 0, segments: 0, bytes: 0 };
  for (const entry of Object.values(response.indices)) {
    for (const shard of Object.values(entry.shards)) {
      const copies = Array.isArray(shard) ? shard : [shard];
      const primary = copies.find((copy) => copy.routing.primary);
      for (const segment of Object.values(primary?.segments ?? {})) {
        stats.docs += segment.num_docs;
        stats.segments += 1;
        stats.bytes += segment.size_in_bytes ?? 0;
      }
    }
  }
  return stats;
}

/** Deletes the indices matching a pattern, by name (the engine refuses wildcard deletes). */
export async function dropIndices(client: Client, pattern: string): Promise<void> {
  const found = await client.indices.get({
    index: pattern,
    allow_no_indices: true,
    ignore_unavailable: true,
  });
  const names = Object.keys(found);
  if (names.length > 0) await client.indices.delete({ index: names });
}
