// `npm run bench:stories-cost -- --sizes 20000 --repeat 3`: what stories cost, side by side in
// one run on the bench corpus (chinese-poetry + the seeds, as bench:index and bench:search).
// - Indexing: the pipeline as `npm run index` runs it (a process of its own, the build in
//   dist/, the default requests in flight) with stories (fingerprints, one candidate lookup per
//   batch, story ids) and without them (runIndexer's `stories: false`: no fingerprint, every
//   article its own story), the two loads interleaved, the median repeat of each reported:
//   docs/s, peak memory, CPU, bytes per document after a force merge.
// - Searching: bench:search's query mix, built by the API's own schema and builder with
//   collapse on and off (collapsed: the page, then its stories' versions in one more request,
//   as the API does; and the collapsed search without its versions, and without its story
//   counts too, to show what each part costs), sent straight to Elasticsearch one at a time on
//   the index built with stories (merged to one segment), the modes interleaved query by query
//   so that a busy machine weighs on all alike: p50 and p99 of the engine's `took` and of the
//   round trip.
// Prints numbers; never fails on them.
import type { Client, estypes } from '@elastic/elasticsearch';
import { buildSearch, buildVersions } from '../src/search/query';
import { pageStories, type IndexedArticle } from '../src/search/response';
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

type Body = ReturnType<typeof buildSearch>;

/** A search as the API makes it: its requests to the engine, summed. */
interface Sent {
  took: number;
  ms: number;
  /** The first request's answer (the page). */
  res: estypes.SearchResponse<IndexedArticle>;
}

async function send(client: Client, body: Body): Promise<Sent> {
  const started = process.hrtime.bigint();
  const res = await client.search<IndexedArticle>(body);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { took: res.took, ms, res };
}

const parse = (params: Record<string, string>, collapse: boolean) =>
  searchQuerySchema.parse({ ...params, collapse: String(collapse) });

/**
 * The searches compared: the API's two (collapsed, its default: the page, then its stories'
 * versions in one more request, as routes.ts does; and collapse=false), and the collapsed one
 * taken apart, to show what each part costs: without the versions request, and without the
 * versions and the story counts (the total and the facets' counts).
 */
const MODES = {
  collapsed: async (client: Client, params: Record<string, string>, alias: string) => {
    const req = parse(params, true);
    const page = await send(client, buildSearch(req, alias));
    const stories = pageStories(page.res, req);
    if (stories.length === 0) return page;
    const versions = await send(client, buildVersions(req, alias, stories));
    return { took: page.took + versions.took, ms: page.ms + versions.ms, res: page.res };
  },
  'collapsed, no versions': (client: Client, params: Record<string, string>, alias: string) =>
    send(client, buildSearch(parse(params, true), alias)),
  'collapsed, no versions, no story counts': (
    client: Client,
    params: Record<string, string>,
    alias: string,
  ) =>
    send(client, {
      ...buildSearch(parse(params, false), alias),
      collapse: buildSearch(parse(params, true), alias).collapse!,
    }),
  'not collapsed': (client: Client, params: Record<string, string>, alias: string) =>
    send(client, buildSearch(parse(params, false), alias)),
};
type Mode = keyof typeof MODES;
interface Ratios {
  tookP50: number;
  tookP99: number;
  roundTripP50: number;
  roundTripP99: number;
}

async function searchCost(client: Client, alias: string) {
  const modes = Object.keys(MODES) as Mode[];
  const took = Object.fromEntries(modes.map((m) => [m, [] as number[]])) as Record<Mode, number[]>;
  const wall = Object.fromEntries(modes.map((m) => [m, [] as number[]])) as Record<Mode, number[]>;
  const stories = { matched: 0, articles: 0 };
  for (let round = 0; round < SEARCH_ROUNDS; round++) {
    for (const [i, query] of QUERY_MIX.entries()) {
      // Rotate which mode goes first, so none always meets a warmer cache.
      const shift = (round + i) % modes.length;
      const order = [...modes.slice(shift), ...modes.slice(0, shift)];
      for (const mode of order) {
        const { took: t, ms, res } = await MODES[mode](client, query.params, alias);
        if (round === 0) {
          if (mode === 'collapsed') {
            const total = res.hits.total;
            stories.articles += typeof total === 'number' ? total : (total?.value ?? 0);
            const agg = res.aggregations?.stories as { count?: { value: number } } | undefined;
            stories.matched += agg?.count?.value ?? 0;
          }
          continue;
        }
        took[mode].push(t);
        wall[mode].push(ms);
      }
    }
  }
  const summary = (values: number[]) => {
    const s = summarizeLatencies(values);
    return { p50: round(s.p50), p99: round(s.p99) };
  };
  const latencies = Object.fromEntries(
    modes.map((m) => [m, { took: summary(took[m]), roundTrip: summary(wall[m]) }]),
  ) as Record<Mode, Latencies>;
  const off = latencies['not collapsed'];
  const ratios = Object.fromEntries(
    modes.map((m) => {
      const l = latencies[m];
      return [
        m,
        {
          tookP50: round(l.took.p50 / off.took.p50),
          tookP99: round(l.took.p99 / off.took.p99),
          roundTripP50: round(l.roundTrip.p50 / off.roundTrip.p50),
          roundTripP99: round(l.roundTrip.p99 / off.roundTrip.p99),
        },
      ];
    }),
  ) as Record<Mode, Ratios>;
  return { samplesPerMode: took.collapsed.length, latencies, ratios, matches: stories };
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
      search: `the bench:search query mix, ${SEARCH_ROUNDS - 1} rounds per mode after one warm-up round, the modes interleaved query by query, one request at a time straight to Elasticsearch, on the index built with stories; collapsed is the page and its versions request, their took and round trips summed`,
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
      title: 'Search latency (engine took) over not collapsed',
      unit: 'ratio',
      categories: ['p50', 'p99'],
      series: (Object.keys(MODES) as Mode[])
        .filter((m) => m !== 'not collapsed')
        .map((m) => ({
          name: m,
          values: [search.ratios[m].tookP50, search.ratios[m].tookP99],
        })),
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
      ['', 'took p50', 'took p99', 'round trip p50', 'round trip p99', 'p50 / not collapsed'],
      (Object.keys(MODES) as Mode[]).map((m) => [
        m === 'collapsed' ? 'collapsed (the API default)' : m,
        ms(search.latencies[m].took.p50),
        ms(search.latencies[m].took.p99),
        ms(search.latencies[m].roundTrip.p50),
        ms(search.latencies[m].roundTrip.p99),
        `${search.ratios[m].tookP50} (round trip ${search.ratios[m].roundTripP50})`,
      ]),
    ),
    '',
    `Bound: collapsed at most ${MAX_P50_RATIO}× not collapsed at p50 (took).`,
    '',
    `The mix matched ${search.matches.articles} articles in ${search.matches.matched} stories (summed over its queries).`,
    '',
    machineLine(machine),
    '',
  ].join('\n');
  await publishResults('stories-cost', options.out, { json, svg, markdown });
}

runBench(main);
