// `npm run bench:stories-cost -- --sizes 20000 --repeat 3`: what stories cost, side by side in
// one run on the bench corpus (chinese-poetry + the seeds, as bench:index and bench:search).
// - Indexing: the pipeline as `npm run index` runs it (a process of its own, the build in
//   dist/, the default requests in flight) with stories (fingerprints, one candidate lookup per
//   batch, story ids) and without them (runIndexer's `stories: false`: no fingerprint, every
//   article its own story), the two loads interleaved, the median repeat of each reported:
//   docs/s, peak memory, CPU, bytes per document after a force merge.
// - Searching: bench:search's query mix, built by the API's own schema and builder with
//   collapse on and off, sent straight to Elasticsearch one at a time on the index built with
//   stories (merged to one segment), the two modes interleaved query by query so that a busy
//   machine weighs on both alike: p50 and p99 of the engine's `took` and of the round trip.
// Prints numbers; never fails on them.
import type { Client } from '@elastic/elasticsearch';
import { buildSearch } from '../src/search/query';
import { searchQuerySchema } from '../src/server/schemas';
import { inputFor, prepareCorpus, type BenchInput } from './lib/corpus';
import { elasticCpuMs } from './lib/cpu';
import { runLoadChild } from './lib/index-load';
import { dropIndices, indexStats } from './lib/index-stats';
import { describeMachine } from './lib/machine';
import { benchOptions, elasticOptions } from './lib/options';
import { QUERY_MIX } from './lib/queries';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { round, summarizeLatencies } from './lib/stats';
import { runBench, startElasticsearch } from './lib/stack';
import { renderChart } from './lib/svg';

/** The bound: collapsing must not slow a search by more than this at p50. */
const MAX_P50_RATIO = 1.2;
/** Rounds of the query mix per mode in the search part; the first warms caches, left out. */
const SEARCH_ROUNDS = 11;

const MiB = 2 ** 20;

interface Load {
  docsPerSecond: number;
  seconds: number;
  peakRssMiB: number;
  loaderCpuSeconds: number;
  elasticCpuSeconds: number;
  bytesPerDoc: number;
  failed: number;
}

async function load(
  client: Client,
  esUrl: string,
  input: BenchInput,
  alias: string,
  stories: boolean,
): Promise<Load> {
  const cpuBefore = await elasticCpuMs(client);
  const result = await runLoadChild({
    mode: 'pipeline',
    esUrl,
    target: alias,
    paths: input.paths,
    stories,
  });
  if (result.error)
    throw new Error(`the load ${stories ? 'with' : 'without'} stories: ${result.error}`);
  const elasticCpu = (await elasticCpuMs(client)) - cpuBefore;
  await client.indices.forcemerge({ index: alias, max_num_segments: 1 });
  await client.indices.flush({ index: alias });
  const merged = await indexStats(client, alias);
  const seconds = result.elapsedMs / 1000;
  return {
    docsPerSecond: round(result.docs / seconds, 0),
    seconds: round(seconds),
    peakRssMiB: round(result.peakRssBytes / MiB, 0),
    loaderCpuSeconds: round(result.cpuMs / 1000, 1),
    elasticCpuSeconds: round(elasticCpu / 1000, 1),
    bytesPerDoc: round(merged.bytes / Math.max(merged.docs, 1), 0),
    failed: result.failed,
  };
}

interface Latencies {
  took: { p50: number; p99: number };
  roundTrip: { p50: number; p99: number };
}

async function searchCost(client: Client, alias: string) {
  const modes = ['true', 'false'] as const;
  const took: Record<string, number[]> = { true: [], false: [] };
  const wall: Record<string, number[]> = { true: [], false: [] };
  const stories = { matched: 0, articles: 0 };
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const [i, query] of QUERY_MIX.entries()) {
      // Alternate which mode goes first, so neither always meets a warmer cache.
      const order =
        (round + i) % 2 === 0 ? modes : ([...modes].reverse() as (typeof modes)[number][]);
      for (const collapse of order) {
        const body = buildSearch(searchQuerySchema.parse({ ...query.params, collapse }), alias);
        const started = process.hrtime.bigint();
        const res = await client.search(body);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        if (round === 0) {
          if (collapse === 'true') {
            const total = res.hits.total;
            stories.articles += typeof total === 'number' ? total : (total?.value ?? 0);
            const agg = res.aggregations?.stories as { count?: { value: number } } | undefined;
            stories.matched += agg?.count?.value ?? 0;
          }
          continue;
        }
        took[collapse]!.push(res.took);
        wall[collapse]!.push(ms);
      }
    }
  }
  const summary = (values: number[]) => {
    const s = summarizeLatencies(values);
    return { p50: round(s.p50), p99: round(s.p99) };
  };
  const of = (mode: 'true' | 'false'): Latencies => ({
    took: summary(took[mode]!),
    roundTrip: summary(wall[mode]!),
  });
  const on = of('true');
  const off = of('false');
  return {
    samplesPerMode: took.true!.length,
    collapsed: on,
    notCollapsed: off,
    ratio: {
      tookP50: round(on.took.p50 / off.took.p50),
      tookP99: round(on.took.p99 / off.took.p99),
      roundTripP50: round(on.roundTrip.p50 / off.roundTrip.p50),
      roundTripP99: round(on.roundTrip.p99 / off.roundTrip.p99),
    },
    matches: stories,
  };
}

async function main(): Promise<void> {
  const options = benchOptions({ repeat: 3 });
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const machine = describeMachine(es);
  const { client } = es;
  const prefix = `bench-stories-cost-${process.pid}`;
  const size = options.sizes[0]!;
  const input = inputFor(manifest, size);

  // Repeats interleave the two loads, so a burst of other work weighs on one repeat of each.
  const samples: Record<'with' | 'without', Load[]> = { with: [], without: [] };
  for (let repeat = 1; repeat <= options.repeat; repeat++) {
    for (const stories of [true, false]) {
      const name = stories ? 'with' : 'without';
      const alias = `${prefix}-${name}`;
      const figures = await load(client, es.url, input, alias, stories);
      log(`${input.docs} docs #${repeat} ${name} stories: ${figures.docsPerSecond} docs/s`);
      samples[name].push(figures);
      // The last index with stories stays for the searches.
      if (!(stories && repeat === options.repeat)) await dropIndices(client, `${alias}*`);
    }
  }
  const median = (list: Load[]) =>
    [...list].sort((a, b) => a.docsPerSecond - b.docsPerSecond)[(list.length - 1) >> 1]!;
  const withStories = median(samples.with);
  const without = median(samples.without);

  log('searches, collapse on and off');
  const search = await searchCost(client, `${prefix}-with`);
  await dropIndices(client, `${prefix}-with*`);

  const index = {
    with: withStories,
    without,
    ratio: {
      docsPerSecond: round(withStories.docsPerSecond / without.docsPerSecond),
      peakRss: round(withStories.peakRssMiB / without.peakRssMiB),
      bytesPerDoc: round(withStories.bytesPerDoc / without.bytesPerDoc),
    },
    repeats: {
      with: samples.with.map((l) => l.docsPerSecond),
      without: samples.without.map((l) => l.docsPerSecond),
    },
  };
  const json = {
    bench: 'stories-cost',
    machine,
    corpus: {
      source: `chinese-poetry ${manifest.poetryVersion} + ${manifest.seeds.docs} seeds`,
      documents: input.docs,
    },
    method: {
      index:
        'runIndexer from dist/ in a process of its own at the default requests in flight, with stories and with stories: false, interleaved; the median repeat of each',
      size: 'bytes of the primaries Lucene segments after a force merge to one segment',
      search: `the bench:search query mix, ${SEARCH_ROUNDS - 1} rounds per mode after one warm-up round, collapse on and off interleaved query by query, one request at a time straight to Elasticsearch, on the index built with stories`,
    },
    target: { collapsedOverNotCollapsedP50: MAX_P50_RATIO },
    index,
    search,
  };
  const svg = renderChart('What stories cost', machineLine(machine), [
    {
      title: 'Indexing throughput',
      unit: 'documents / s',
      categories: [`${input.docs} documents`],
      series: [
        { name: 'with stories', values: [withStories.docsPerSecond] },
        { name: 'without', values: [without.docsPerSecond] },
      ],
    },
    {
      title: 'Search latency (engine took), collapsed over not collapsed',
      unit: 'ratio',
      categories: ['p50', 'p99'],
      series: [{ name: 'collapsed / not', values: [search.ratio.tookP50, search.ratio.tookP99] }],
      target: { value: MAX_P50_RATIO, label: `p50 bound ${MAX_P50_RATIO}` },
    },
  ]);
  const ms = (v: number) => `${v} ms`;
  const markdown = [
    `## Indexing ${input.docs} documents (median of ${options.repeat} interleaved repeats)`,
    '',
    markdownTable(
      [
        '',
        'docs/s',
        'seconds',
        'peak RSS',
        'indexer CPU s',
        'Elasticsearch CPU s',
        'bytes/doc (merged)',
      ],
      [
        [
          'with stories',
          withStories.docsPerSecond,
          withStories.seconds,
          `${withStories.peakRssMiB} MiB`,
          withStories.loaderCpuSeconds,
          withStories.elasticCpuSeconds,
          withStories.bytesPerDoc,
        ],
        [
          'without',
          without.docsPerSecond,
          without.seconds,
          `${without.peakRssMiB} MiB`,
          without.loaderCpuSeconds,
          without.elasticCpuSeconds,
          without.bytesPerDoc,
        ],
        [
          'with / without',
          index.ratio.docsPerSecond,
          '',
          index.ratio.peakRss,
          '',
          '',
          index.ratio.bytesPerDoc,
        ],
      ],
    ),
    '',
    `Repeats, docs/s: with ${index.repeats.with.join(', ')}; without ${index.repeats.without.join(', ')}.`,
    '',
    `## Searching, collapse on and off (${search.samplesPerMode} searches each, interleaved)`,
    '',
    markdownTable(
      ['', 'took p50', 'took p99', 'round trip p50', 'round trip p99'],
      [
        [
          'collapsed (default)',
          ms(search.collapsed.took.p50),
          ms(search.collapsed.took.p99),
          ms(search.collapsed.roundTrip.p50),
          ms(search.collapsed.roundTrip.p99),
        ],
        [
          'collapse=false',
          ms(search.notCollapsed.took.p50),
          ms(search.notCollapsed.took.p99),
          ms(search.notCollapsed.roundTrip.p50),
          ms(search.notCollapsed.roundTrip.p99),
        ],
        [
          `collapsed / not (bound ${MAX_P50_RATIO} at p50)`,
          search.ratio.tookP50,
          search.ratio.tookP99,
          search.ratio.roundTripP50,
          search.ratio.roundTripP99,
        ],
      ],
    ),
    '',
    `The mix matched ${search.matches.articles} articles in ${search.matches.matched} stories (summed over its queries).`,
    '',
    machineLine(machine),
    '',
  ].join('\n');
  await publishResults('stories-cost', options.out, { json, svg, markdown });
}

runBench(main);
