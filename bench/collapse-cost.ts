// `ES_URL=... node --require ts-node/register/transpile-only bench/collapse-cost.ts [alias] [rounds]`:
// what collapsing by story costs a search. The query mix of bench:search, built by the API's
// own builder with collapse on and off, sent straight to Elasticsearch one at a time, the two
// modes interleaved query by query so that a busy machine weighs on both alike. Prints p50 and
// p99 of the engine's `took` and of the round trip, per mode, and their ratio.
import { Client } from '@elastic/elasticsearch';
import { buildSearch } from '../src/search/query';
import { searchQuerySchema } from '../src/server/schemas';
import { QUERY_MIX } from './lib/queries';
import { summarizeLatencies } from './lib/stats';

async function main(): Promise<void> {
  const alias = process.argv[2] ?? 'articles';
  const rounds = Number(process.argv[3] ?? 5);
  const client = new Client({
    node: process.env.ES_URL ?? 'http://localhost:9200',
    requestTimeout: 120_000,
  });
  const modes = ['true', 'false'] as const;
  const took: Record<string, number[]> = { true: [], false: [] };
  const wall: Record<string, number[]> = { true: [], false: [] };
  const docs = (await client.count({ index: alias })).count;
  for (let round = 0; round < rounds; round++) {
    for (const [i, query] of QUERY_MIX.entries()) {
      // Alternate which mode goes first, so neither always meets a warmer cache.
      const order =
        (round + i) % 2 === 0 ? modes : ([...modes].reverse() as (typeof modes)[number][]);
      for (const collapse of order) {
        const body = buildSearch(searchQuerySchema.parse({ ...query.params, collapse }), alias);
        const started = process.hrtime.bigint();
        const res = await client.search(body);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        // The first round warms caches and is left out.
        if (round === 0) continue;
        took[collapse]!.push(res.took);
        wall[collapse]!.push(ms);
      }
    }
  }
  const line = (name: string, values: Record<string, number[]>) => {
    const on = summarizeLatencies(values.true!);
    const off = summarizeLatencies(values.false!);
    return (
      `${name}: collapsed p50 ${on.p50.toFixed(1)} ms p99 ${on.p99.toFixed(1)} ms; ` +
      `not collapsed p50 ${off.p50.toFixed(1)} ms p99 ${off.p99.toFixed(1)} ms; ` +
      `ratio p50 ${(on.p50 / off.p50).toFixed(2)} p99 ${(on.p99 / off.p99).toFixed(2)}`
    );
  };
  console.log(
    `${alias}: ${docs} documents, ${QUERY_MIX.length} queries × ${rounds - 1} rounds per mode`,
  );
  console.log(line('engine took', took));
  console.log(line('round trip', wall));
  await client.close();
}

void main();
