// Runs OpenCC's test cases through search against ES_URL and prints the conformance table
// and every miss (tests/conformance/opencc.ts says how).
//
//   ES_URL=http://localhost:9200 npx ts-node scripts/conformance.ts [--write]
// --write also writes tests/conformance/misses.md, which opencc.int.test.ts checks.
//   ES_URL=http://localhost:9200 npx ts-node scripts/conformance.ts --api
// --api goes through the product end to end instead: each text indexed as the indexer makes an
// article's document (toIndexDocument), and each query sent quoted to GET /api/search of the
// built API (npm run build first), as the first figures were measured.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Client } from '@elastic/elasticsearch';
import { startApi, runCleanups } from '../bench/lib/stack';
import { loadConfig } from '../src/config';
import { toIndexDocument } from '../src/indexer/document';
import { loadIndexDefinition } from '../src/indexer/definition';
import { article } from '../tests/fixtures/articles';
import { createElasticsearchClient } from '../src/elasticsearch';
import {
  FOUND_WITHIN,
  indexPairs,
  loadPairs,
  type Pair,
  MISSES_FILE,
  missReason,
  percent,
  renderMisses,
  searchPairs,
  tally,
} from '../tests/conformance/opencc';

/** Indexes each pair's text as the indexer would index an article holding it. */
async function indexArticles(client: Client, index: string, pairs: Pair[]): Promise<void> {
  const definition = loadIndexDefinition();
  // One node: no replica, so that the API's readiness sees green; the API reads an alias.
  await client.indices.create({
    index,
    settings: { ...definition.settings, number_of_replicas: 0 },
    mappings: definition.mappings,
    aliases: { [`${index}-alias`]: {} },
  });
  const operations = pairs.flatMap((pair) => [
    { index: { _index: index, _id: pair.id } },
    toIndexDocument(article(pair.id, { title: '', body: [pair.text] })),
  ]);
  const res = await client.bulk({ operations, refresh: true });
  if (res.errors) throw new Error(`bulk indexing failed: ${JSON.stringify(res.items[0])}`);
}

/** The pairs whose article is not on the API's first page for the query, quoted. */
async function searchThroughApi(apiUrl: string, pairs: Pair[]): Promise<Set<string>> {
  const missed = new Set<string>();
  for (const pair of pairs) {
    const params = new URLSearchParams({ q: `"${pair.query}"`, size: String(FOUND_WITHIN) });
    const res = await fetch(`${apiUrl}/api/search?${params}`);
    const body = (await res.json()) as { hits?: { id: string }[] };
    if (res.status !== 200) process.stdout.write(`HTTP ${res.status} for ${pair.id}\n`);
    if (!(body.hits ?? []).some((hit) => hit.id === pair.id)) missed.add(pair.id);
  }
  return missed;
}

async function main(): Promise<void> {
  const client = createElasticsearchClient(loadConfig(), {
    requestTimeoutMs: 30_000,
    maxRetries: 3,
  });
  const index = `conformance-${randomBytes(4).toString('hex')}`;
  const pairs = loadPairs();
  const started = Date.now();
  try {
    const api = process.argv.includes('--api');
    let missed: Set<string>;
    if (api) {
      await indexArticles(client, index, pairs);
      const { url } = await startApi(loadConfig().ES_URL, `${index}-alias`);
      missed = await searchThroughApi(url, pairs);
    } else {
      await indexPairs(client, index, pairs);
      missed = await searchPairs(client, index, pairs);
    }
    for (const t of tally(pairs, missed)) {
      process.stdout.write(`${t.kind}: ${t.found} of ${t.total} (${percent(t)})\n`);
    }
    for (const pair of pairs.filter((p) => missed.has(p.id))) {
      process.stdout.write(`miss ${pair.id}: ${missReason(pair)}\n`);
    }
    if (process.argv.includes('--write')) writeFileSync(MISSES_FILE, renderMisses(pairs, missed));
    process.stdout.write(`${pairs.length} pairs in ${Date.now() - started} ms\n`);
  } finally {
    await runCleanups();
    await client.indices.delete({ index, ignore_unavailable: true });
    await client.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
