// `bench/run.sh suggest [--docs N|all]`: latency of GET /api/suggest as a user types, one
// request at a time (a person typing sends one at a time), on the bench corpus through the
// pipeline. Prefixes of one and two characters, the slowest case (most names and titles
// match), with the engine's request cache warm and cold. Prints numbers (and writes
// bench/results/suggest.*); never fails on them. Target: p95 <= 20 ms.
import { prepareCorpus } from './lib/corpus';
import { buildSearchIndex } from './lib/index-load';
import { dropIndices } from './lib/index-stats';
import { benchOptions, elasticOptions } from './lib/options';
import { describeMachine } from './lib/machine';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { round, summarizeLatencies } from './lib/stats';
import { runBench, startApi, startElasticsearch } from './lib/stack';
import { renderChart } from './lib/svg';

/** What people type first: common surnames (authors are the corpus's people), places and
 * title characters, in Simplified and Traditional, then two-character starts. */
const PREFIXES = [
  ...Array.from('李王张杜白苏陆刘陈杨黄月山春风江送秋长东南西北天花云水鄭張劉陳楊黃雲東長'),
  ...['李白', '杜甫', '苏轼', '白居', '春日', '送别', '长安', '江南', '秋夜', '蘇軾', '長安'],
];

const TARGET_P95_MS = 20;

/** One pass over the prefixes, one request at a time; `before` runs before each request. */
async function pass(
  apiUrl: string,
  before?: () => Promise<unknown>,
): Promise<{ latencies: number[]; suggestions: number }> {
  const latencies: number[] = [];
  let suggestions = 0;
  for (const q of PREFIXES) {
    await before?.();
    const started = performance.now();
    const res = await fetch(`${apiUrl}/api/suggest?q=${encodeURIComponent(q)}`);
    const body = (await res.json()) as { suggestions?: unknown[] };
    latencies.push(performance.now() - started);
    if (!res.ok) throw new Error(`suggest ${q}: ${res.status} ${JSON.stringify(body)}`);
    suggestions += body.suggestions?.length ?? 0;
  }
  return { latencies, suggestions };
}

async function main(): Promise<void> {
  const options = benchOptions({ repeat: 5 });
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const machine = describeMachine(es);
  const alias = `bench-suggest-${process.pid}`;
  log(`indexing ${options.docs} documents through the pipeline`);
  const built = await buildSearchIndex(es.client, es.url, manifest, options.docs, alias);
  const api = await startApi(es.url, alias);
  // The engine caches whole answers of size-0 searches (the shard request cache) until the
  // index changes, and a suggestion request is one: the same prefix typed again is served from
  // it. Warm: after one pass to fill it, as an archive that changes rarely runs. Cold: the
  // cache emptied before every request, the cost of a prefix nobody typed since the last
  // index change.
  const clearCache = () => es.client.indices.clearCache({ index: alias, request: true });
  await pass(api.url);
  const warm: number[] = [];
  const cold: number[] = [];
  let suggestions = 0;
  for (let r = 0; r < options.repeat; r++) {
    const w = await pass(api.url);
    const c = await pass(api.url, clearCache);
    warm.push(...w.latencies);
    cold.push(...c.latencies);
    suggestions += w.suggestions;
  }
  const summary = (values: number[]) => {
    const s = summarizeLatencies(values);
    return { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
  };
  const result = {
    docs: built.docs,
    requestsEach: warm.length,
    prefixes: PREFIXES.length,
    meanSuggestions: round(suggestions / warm.length, 1),
    warmMs: summary(warm),
    coldMs: summary(cold),
    targetP95Ms: TARGET_P95_MS,
    machine,
  };
  const rows = (['warm', 'cold'] as const).map((kind) => {
    const l = kind === 'warm' ? result.warmMs : result.coldMs;
    const met = l.p95 <= TARGET_P95_MS ? 'met' : 'missed';
    return [kind, result.requestsEach, l.p50, l.p95, l.p99, l.max, `${TARGET_P95_MS} (${met})`];
  });
  const markdown = [
    markdownTable(
      ['request cache', 'requests', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'target p95 ms'],
      rows,
    ),
    '',
    `GET /api/suggest through the API, one request at a time, ${PREFIXES.length} one- and ` +
      `two-character prefixes × ${options.repeat}, on ${built.docs} documents ` +
      `(${result.meanSuggestions} suggestions per answer). Warm: the engine's request cache ` +
      'filled by a first pass; cold: emptied before every request.',
    '',
    machineLine(machine),
    '',
  ].join('\n');
  const svg = renderChart('GET /api/suggest latency', machineLine(machine), [
    {
      title: `Latency, ${built.docs} documents`,
      unit: 'ms',
      categories: ['p50', 'p95', 'p99'],
      series: [
        { name: 'warm', values: [result.warmMs.p50, result.warmMs.p95, result.warmMs.p99] },
        { name: 'cold', values: [result.coldMs.p50, result.coldMs.p95, result.coldMs.p99] },
      ],
      target: { value: TARGET_P95_MS, label: 'target p95' },
    },
  ]);
  await publishResults('suggest', options.out, { json: result, svg, markdown });
  await dropIndices(es.client, `${alias}*`);
}

runBench(main);
