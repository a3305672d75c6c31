// The five seed articles in corpus/, indexed by the real indexer into an alias of their own.
import type { Client } from '@elastic/elasticsearch';
import { basename, join } from 'node:path';
import { ROOT } from '../../src/config';
import { runIndexer } from '../../src/indexer/indexer';
import { SEED_NAMES, type SeedName } from '../fixtures/seeds';
import { testIndexName } from './es';

export interface IndexedSeeds {
  alias: string;
  /** The id the indexer gave each seed, found by the file it came from. */
  ids: Record<SeedName, string>;
  /** Seed number by article id. */
  seedOf: (id: string) => SeedName;
  /** Deletes the indices behind the alias. */
  remove(): Promise<void>;
}

export async function indexSeeds(client: Client, prefix: string): Promise<IndexedSeeds> {
  const alias = testIndexName(prefix);
  const report = await runIndexer({ client, alias, paths: [join(ROOT, 'corpus')] });
  if (report.failures.length > 0 || report.aborted) {
    throw new Error(`indexing failed: ${JSON.stringify(report.failures)} ${report.aborted ?? ''}`);
  }

  const res = await client.search<{ id: string; path: string }>({
    index: alias,
    size: 100,
    _source: ['id', 'path'],
    query: { match_all: {} },
  });
  const ids = {} as Record<SeedName, string>;
  for (const hit of res.hits.hits) {
    const seed = basename(hit._source!.path).slice(0, 3) as SeedName;
    ids[seed] = hit._source!.id;
  }
  if (SEED_NAMES.some((s) => !ids[s]) || res.hits.hits.length !== SEED_NAMES.length) {
    throw new Error(`expected the five seeds, got ${JSON.stringify(ids)}`);
  }
  const bySeed = new Map(SEED_NAMES.map((s) => [ids[s], s]));
  return {
    alias,
    ids,
    seedOf: (id) => bySeed.get(id) ?? (`?${id}` as SeedName),
    async remove() {
      const aliases = await client.indices.getAlias({ name: alias });
      for (const index of Object.keys(aliases)) await client.indices.delete({ index });
    },
  };
}
