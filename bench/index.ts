// `npm run bench:index`: indexing throughput of the full pipeline (normalize, map, bulk,
// swap the alias) against the same documents bulk-loaded straight into Elasticsearch with
// the same definition, at 10k, 100k and all documents. Prints numbers; never fails on them.
import type { Client } from '@elastic/elasticsearch';
import { CONFIG_DEFAULTS } from '../src/config';
import { DEFAULT_BATCH } from '../src/indexer/indexer';
import { type BenchInput, inputFor, prepareCorpus, totalDocs } from './lib/corpus';
import { elasticCpuMs } from './lib/cpu';
import { describeMachine } from './lib/machine';
import { benchOptions, elasticOptions, type Size } from './lib/options';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { round } from './lib/stats';
import type { LoadRequest } from './lib/index-load-child';
import { indexerNodeFlags, runLoadChild } from './lib/index-load';
import { dropIndices, indexStats, type IndexStats } from './lib/index-stats';
import { runBench, startElasticsearch } from './lib/stack';
import { formatValue, renderChart } from './lib/svg';

interface LoadFigures {
  docs: number;
  seconds: number;
  docsPerSecond: number;
  megabytesPerSecond: number;
  /** Input bytes read: the articles' files (pipeline) or the bulk bodies (raw). */
  inputBytes: number;
  baseRssMiB: number;
  peakRssMiB: number;
  /** CPU seconds of the loading process and of Elasticsearch during the load. */
  loaderCpuSeconds: number;
  elasticCpuSeconds: number;
  failed: number;
  error?: string;
  /** Seconds requests of each kind were open, and seconds with none open (the engine idle
   * as far as this load goes); with two in flight, overlapping requests count twice. */
  requestSeconds: Record<string, number>;
  requestCounts: Record<string, number>;
  asIs: IndexStats;
  bytesPerDocAsIs: number;
  /** After a force merge to one segment; measured for the pipeline at its default only (the
   * other loads hold the same documents). */
  merged?: IndexStats;
  bytesPerDocMerged?: number;
}

const MiB = 2 ** 20;

async function measure(
  client: Client,
  request: Omit<LoadRequest, 'paths'>,
  input: BenchInput,
  forceMerge: boolean,
  profile?: string,
): Promise<LoadFigures> {
  const { mode, target } = request;
  const cpuBefore = await elasticCpuMs(client);
  const paths = mode === 'pipeline' ? input.paths : input.rawPaths;
  const result = await runLoadChild({ ...request, paths }, profile);
  const elasticCpu = (await elasticCpuMs(client)) - cpuBefore;
  const asIs = await indexStats(client, target);
  let merged: IndexStats | undefined;
  if (forceMerge) {
    // One segment: the size the index settles at, free of merge timing.
    await client.indices.forcemerge({ index: target, max_num_segments: 1 });
    await client.indices.flush({ index: target });
    merged = await indexStats(client, target);
  }
  const seconds = result.elapsedMs / 1000;
  const inputBytes = mode === 'pipeline' ? input.bytes : input.rawBytes;
  return {
    docs: result.docs,
    seconds: round(seconds),
    docsPerSecond: round(result.docs / seconds, 0),
    megabytesPerSecond: round(inputBytes / MiB / seconds),
    inputBytes,
    baseRssMiB: round(result.baseRssBytes / MiB, 0),
    peakRssMiB: round(result.peakRssBytes / MiB, 0),
    loaderCpuSeconds: round(result.cpuMs / 1000, 1),
    elasticCpuSeconds: round(elasticCpu / 1000, 1),
    failed: result.failed,
    error: result.error,
    requestSeconds: {
      ...Object.fromEntries(
        Object.entries(result.requests.openMs).map(([kind, ms]) => [kind, round(ms / 1000)]),
      ),
      none: round(result.requests.idleMs / 1000),
    },
    requestCounts: result.requests.count,
    asIs,
    bytesPerDocAsIs: round(asIs.bytes / Math.max(asIs.docs, 1), 0),
    ...(merged && {
      merged,
      bytesPerDocMerged: round(merged.bytes / Math.max(merged.docs, 1), 0),
    }),
  };
}

/** One corpus size: the median figures of each load. */
interface SizeRun {
  size: string;
  docs: number;
  /** The pipeline at its default in-flight setting. */
  pipeline: LoadFigures;
  /** Raw bulk and the pipeline by requests in flight. */
  raw: Record<number, LoadFigures>;
  pipelines: Record<number, LoadFigures>;
  bestRaw: number;
  /** The pipeline at its default over raw bulk at its best. */
  ratio: number;
  repeats: Record<string, number[]>;
}

function sizeLabel(size: Size, docs: number): string {
  if (size === 'all') return `all (${docs})`;
  return size >= 1000 ? `${size / 1000}k` : String(size);
}

async function main(): Promise<void> {
  const options = benchOptions();
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const machine = describeMachine(es);
  const { client } = es;
  const prefix = `bench-index-${process.pid}`;

  // Warm-up: a first load pays for the JVM's compilation and the page cache; not measured.
  log('warm-up load');
  const warmup = inputFor(manifest, 1);
  await runLoadChild({
    mode: 'raw',
    esUrl: es.url,
    target: `${prefix}-warmup`,
    paths: warmup.rawPaths,
  });
  await dropIndices(client, `${prefix}-warmup`);

  // Each load at each number of requests in flight; the pipeline also at its default
  // (INDEX_BULK_IN_FLIGHT), which is what `npm run index` runs.
  const defaultInFlight = CONFIG_DEFAULTS.INDEX_BULK_IN_FLIGHT;
  const inFlights = [...new Set([...options.inFlight, defaultInFlight])].sort((a, b) => a - b);
  const loads = inFlights.flatMap((inFlight) =>
    (['raw', 'pipeline'] as const).map((mode) => ({
      name: `${mode} ×${inFlight}`,
      mode,
      inFlight,
      target: `${prefix}-${mode}${inFlight}`,
    })),
  );
  const runs: SizeRun[] = [];
  for (const size of options.sizes) {
    const input = inputFor(manifest, size);
    const label = sizeLabel(size, input.docs);
    // Repeats interleave the loads, so a burst of other work on the machine hits one repeat
    // of each rather than all repeats of one; the median repeat of each is reported.
    const samples = new Map<string, LoadFigures[]>(loads.map((load) => [load.name, []]));
    for (let repeat = 1; repeat <= options.repeat; repeat++) {
      for (const { name, mode, inFlight, target } of loads) {
        const isDefault = mode === 'pipeline' && inFlight === defaultInFlight;
        const profile =
          options.profile && mode === 'pipeline'
            ? `pipeline-${inFlight}-${input.docs}-${repeat}.cpuprofile`
            : undefined;
        const figures = await measure(
          client,
          { mode, inFlight, target, esUrl: es.url },
          input,
          isDefault,
          profile,
        );
        await dropIndices(client, `${target}*`);
        log(`${label} #${repeat} ${name}: ${figures.docsPerSecond} docs/s`);
        samples.get(name)!.push(figures);
      }
    }
    const median = (figures: LoadFigures[]) =>
      [...figures].sort((a, b) => a.docsPerSecond - b.docsPerSecond)[(figures.length - 1) >> 1]!;
    const byLoad = Object.fromEntries(
      [...samples].map(([name, figures]) => [name, median(figures)]),
    );
    const raw = Object.fromEntries(inFlights.map((n) => [n, byLoad[`raw ×${n}`]!]));
    const pipelines = Object.fromEntries(inFlights.map((n) => [n, byLoad[`pipeline ×${n}`]!]));
    const bestRaw = inFlights.reduce((best, n) =>
      raw[n]!.docsPerSecond > raw[best]!.docsPerSecond ? n : best,
    );
    const pipeline = pipelines[defaultInFlight]!;
    const ratio = round(pipeline.docsPerSecond / raw[bestRaw]!.docsPerSecond, 3);
    log(`${label}: pipeline ${ratio} of raw at its best (${bestRaw} in flight)`);
    runs.push({
      size: label,
      docs: input.docs,
      pipeline,
      raw,
      pipelines,
      bestRaw,
      ratio,
      repeats: Object.fromEntries(
        [...samples].map(([name, list]) => [name, list.map((f) => f.docsPerSecond)]),
      ),
    });
  }

  const target = 0.9;
  const json = {
    bench: 'index',
    machine,
    corpus: {
      source: `chinese-poetry ${manifest.poetryVersion} + ${manifest.seeds.docs} seeds`,
      documents: totalDocs(manifest),
      scripts: manifest.scripts,
      leftOut: manifest.skipped,
    },
    method: {
      batch: DEFAULT_BATCH,
      inFlight: inFlights,
      pipelineInFlight: defaultInFlight,
      raw: 'bulk bodies prepared at conversion, sent as they are with the same batch limits and N requests in flight, refresh off during the load',
      pipeline: `runIndexer from the build in dist/, as npm run index runs it (its Node flags: ${indexerNodeFlags().join(' ') || 'none'}), with N requests in flight; "pipeline" is the default N (INDEX_BULK_IN_FLIGHT)`,
      ratio: 'the pipeline at its default over raw bulk at its best N',
      time: 'from the start of the load to the alias swap (pipeline) or the final refresh (raw), in the loading process, startup excluded',
      memory:
        'peak resident set (VmHWM) of the loading process (compiled code, no TypeScript loader); base is before the load, modules loaded',
      size: 'bytes of the primaries Lucene segments (_segments API): as the load left them (refreshed) and, for the pipeline at its default, after a force merge to one segment',
    },
    target: { pipelineOverBestRaw: target },
    runs,
  };

  const categories = runs.map((r) => r.size);
  const svg = renderChart('Indexing: our pipeline vs a raw bulk load', machineLine(machine), [
    {
      title: 'Throughput',
      unit: 'documents / s',
      categories,
      series: inFlights.flatMap((n) => [
        { name: `raw bulk, ${n} in flight`, values: runs.map((r) => r.raw[n]!.docsPerSecond) },
        {
          name: `pipeline, ${n} in flight`,
          values: runs.map((r) => r.pipelines[n]!.docsPerSecond),
        },
      ]),
    },
    {
      title: `Pipeline (${defaultInFlight} in flight) as a share of raw bulk at its best`,
      unit: 'ratio',
      categories,
      series: [{ name: 'pipeline / best raw', values: runs.map((r) => r.ratio) }],
      target: { value: target, label: `target ${target}` },
    },
    {
      title: 'Peak memory of the loading process',
      unit: 'MiB',
      categories,
      series: [
        { name: 'pipeline', values: runs.map((r) => r.pipeline.peakRssMiB) },
        { name: 'raw bulk', values: runs.map((r) => r.raw[defaultInFlight]!.peakRssMiB) },
      ],
    },
  ]);
  const markdown = [
    markdownTable(
      [
        'documents',
        ...inFlights.map((n) => `raw ×${n} docs/s`),
        ...inFlights.map((n) => `pipeline ×${n} docs/s`),
        `pipeline (×${defaultInFlight}) / best raw`,
        'pipeline MB/s',
        'pipeline peak RSS',
        'bytes/doc (merged)',
      ],
      runs.map((r) => [
        r.size,
        ...inFlights.map((n) => formatValue(r.raw[n]!.docsPerSecond)),
        ...inFlights.map((n) => formatValue(r.pipelines[n]!.docsPerSecond)),
        `${r.ratio} (target ≥ ${target})`,
        r.pipeline.megabytesPerSecond,
        `${r.pipeline.peakRssMiB} MiB`,
        r.pipeline.bytesPerDocMerged ?? '',
      ]),
    ),
    '',
    machineLine(machine),
    '',
  ].join('\n');
  await publishResults('index', options.out, { json, svg, markdown });
}

runBench(main);
