// OpenCC's own test cases through the product: each pair's expected output indexed as an
// article, its input searched as a quoted phrase with the API's query builder.
import { readFileSync } from 'node:fs';
import type { Client } from '@elastic/elasticsearch';
import { testClient, testIndexName } from '../support/es';
import {
  indexPairs,
  loadPairs,
  MISSES_FILE,
  renderMisses,
  searchPairs,
  tally,
  type Pair,
} from './opencc';

/** The bar (#10): characters 99.5%, regional vocabulary 90%. */
const REQUIRED = { character: 0.995, vocabulary: 0.9 } as const;

describe("OpenCC's test cases, through search", () => {
  let client: Client;
  const index = testIndexName('opencc');
  const pairs: Pair[] = loadPairs();
  let missed: Set<string>;

  beforeAll(async () => {
    client = testClient();
    await indexPairs(client, index, pairs);
    missed = await searchPairs(client, index, pairs);
  });

  afterAll(async () => {
    await client.indices.delete({ index, ignore_unavailable: true });
    await client.close();
  });

  test('holds every pair both sides of which OpenCC makes differ', () => {
    expect(pairs.filter((p) => p.kind === 'character')).toHaveLength(311);
    expect(pairs.filter((p) => p.kind === 'vocabulary')).toHaveLength(145);
  });

  test.each(Object.entries(REQUIRED))('finds at least the required share: %s', (kind, share) => {
    const t = tally(pairs, missed).find((row) => row.kind === kind)!;
    expect(t.found / t.total).toBeGreaterThanOrEqual(share);
  });

  test('misses exactly the pairs tests/conformance/misses.md lists, for its reasons', () => {
    // Rewrite it with `scripts/conformance.ts --write` when a change finds more (or fewer).
    expect(readFileSync(MISSES_FILE, 'utf8')).toBe(renderMisses(pairs, missed));
  });
});
