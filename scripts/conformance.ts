// Runs OpenCC's test cases through search against ES_URL and prints the conformance table
// and every miss (tests/conformance/opencc.ts says how).
//
//   ES_URL=http://localhost:9200 npx ts-node scripts/conformance.ts [--write]
// --write also writes tests/conformance/misses.md, which opencc.int.test.ts checks.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadConfig } from '../src/config';
import { createElasticsearchClient } from '../src/elasticsearch';
import {
  indexPairs,
  loadPairs,
  MISSES_FILE,
  missReason,
  percent,
  renderMisses,
  searchPairs,
  tally,
} from '../tests/conformance/opencc';

async function main(): Promise<void> {
  const client = createElasticsearchClient(loadConfig(), {
    requestTimeoutMs: 30_000,
    maxRetries: 3,
  });
  const index = `conformance-${randomBytes(4).toString('hex')}`;
  const pairs = loadPairs();
  const started = Date.now();
  try {
    await indexPairs(client, index, pairs);
    const missed = await searchPairs(client, index, pairs);
    for (const t of tally(pairs, missed)) {
      process.stdout.write(`${t.kind}: ${t.found} of ${t.total} (${percent(t)})\n`);
    }
    for (const pair of pairs.filter((p) => missed.has(p.id))) {
      process.stdout.write(`miss ${pair.id}: ${missReason(pair)}\n`);
    }
    if (process.argv.includes('--write')) writeFileSync(MISSES_FILE, renderMisses(pairs, missed));
    process.stdout.write(`${pairs.length} pairs in ${Date.now() - started} ms\n`);
  } finally {
    await client.indices.delete({ index, ignore_unavailable: true });
    await client.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
