// `bench/run.sh suggest [--docs N|all]`: latency of GET /api/suggest as a user types, one
// request at a time (a person typing sends one at a time), on the bench corpus through the
// pipeline. Prefixes of one and two characters, the slowest case (most names and titles
// match), with the engine's request cache warm and cold. Prints numbers (and writes
// bench/results/suggest.*); never fails on them. Target: p95 <= 20 ms. `--profile` writes the
// API's CPU profile to bench/work/profiles (read it with bench/profile.ts).
import type { Client } from '@elastic/elasticsearch';
import { buildSuggest } from '../src/search/suggest';
import { prepareCorpus } from './lib/corpus';
import { mkdirSync } from 'node:fs';
import { buildSearchIndex, PROFILE_DIR } from './lib/index-load';
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

type Target = 'API' | 'engine';
type Cache = 'warm' | 'cold';

/** One request for a prefix: through the API, or the API's own engine request sent straight
 * to Elasticsearch (what the engine alone costs, measured alongside). */
async function once(
  target: Target,
  q: string,
  apiUrl: string,
  es: Client,
  alias: string,
): Promise<{ ms: number; suggestions: number; took?: number }> {
  const started = performance.now();
  if (target === 'engine') {
    const request = { q, size: 5, outputScript: 'original' as const };
    const { took } = await es.search(buildSuggest(request, alias));
    return { ms: performance.now() - started, suggestions: 0, took };
  }
  const res = await fetch(`${apiUrl}/api/suggest?q=${encodeURIComponent(q)}`);
  const body = (await res.json()) as { suggestions?: unknown[] };
  const ms = performance.now() - started;
  if (!res.ok) throw new Error(`suggest ${q}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, suggestions: body.suggestions?.length ?? 0 };
}

async function main(): Promise<void> {
  const options = benchOptions({ repeat: 5 });
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const machine = describeMachine(es);
  const alias = `bench-suggest-${process.pid}`;
  log(`indexing ${options.docs} documents through the pipeline`);
  // Without stories: suggestions read no story field, and grouping the whole corpus into
  // stories took the pipeline to ~125 documents a second on this shared machine (22:20).
  const built = await buildSearchIndex(es.client, es.url, manifest, options.docs, alias, {
    stories: false,
  });
  if (options.profile) mkdirSync(PROFILE_DIR, { recursive: true });
  const api = await startApi(es.url, alias, options.profile ? PROFILE_DIR : undefined);
  // The engine caches whole answers of size-0 searches (the shard request cache) until the
  // index changes, and a suggestion request is one: the same prefix typed again is served from
  // it. Warm: after one pass to fill it, as an archive that changes rarely runs. Cold: the
  // cache emptied before every request, the cost of a prefix nobody typed since the last
  // index change. Targets and cache states are interleaved, prefix by prefix.
  const clearCache = () => es.client.indices.clearCache({ index: alias, request: true });
  for (const q of PREFIXES) await once('API', q, api.url, es.client, alias);
  const runs = ['API', 'engine'].flatMap((target) =>
    ['warm', 'cold'].map((cache) => ({ target: target as Target, cache: cache as Cache })),
  );
  const latencies = new Map(runs.map((run) => [`${run.target} ${run.cache}`, [] as number[]]));
  // The engine's own `took` of each engine-alone request: the rest of its round trip is HTTP,
  // the client and waiting for a CPU.
  const tooks = new Map(runs.map((run) => [`${run.target} ${run.cache}`, [] as number[]]));
  let suggestions = 0;
  let answers = 0;
  for (let r = 0; r < options.repeat; r++) {
    for (const q of PREFIXES) {
      for (const run of runs) {
        if (run.cache === 'cold') await clearCache();
        const { ms, suggestions: n, took } = await once(run.target, q, api.url, es.client, alias);
        latencies.get(`${run.target} ${run.cache}`)!.push(ms);
        if (took !== undefined) tooks.get(`${run.target} ${run.cache}`)!.push(took);
        if (run.target === 'API') {
          suggestions += n;
          answers++;
        }
      }
    }
  }
  const summary = (values: number[]) => {
    const s = summarizeLatencies(values);
    return { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) };
  };
  const measured = runs.map((run) => ({
    ...run,
    requests: latencies.get(`${run.target} ${run.cache}`)!.length,
    ms: summary(latencies.get(`${run.target} ${run.cache}`)!),
    ...(run.target === 'engine' && { took: summary(tooks.get(`${run.target} ${run.cache}`)!) }),
  }));
  const result = {
    docs: built.docs,
    prefixes: PREFIXES.length,
    repeat: options.repeat,
    meanSuggestions: round(suggestions / Math.max(answers, 1), 1),
    measured,
    targetP95Ms: TARGET_P95_MS,
    machine,
  };
  const markdown = [
    markdownTable(
      [
        'target',
        'request cache',
        'requests',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
        'took p50/p95',
        'target',
      ],
      measured.map((m) => [
        m.target === 'API' ? 'GET /api/suggest' : 'engine request alone',
        m.cache,
        m.requests,
        m.ms.p50,
        m.ms.p95,
        m.ms.p99,
        m.ms.max,
        m.took ? `${m.took.p50} / ${m.took.p95}` : '',
        m.target === 'API'
          ? `p95 ≤ ${TARGET_P95_MS}: ${m.ms.p95 <= TARGET_P95_MS ? 'met' : 'missed'}`
          : '',
      ]),
    ),
    '',
    `One request at a time, ${PREFIXES.length} one- and two-character prefixes × ` +
      `${options.repeat}, on ${built.docs} documents (${result.meanSuggestions} suggestions ` +
      'per answer). The engine request alone is the one the API sends (buildSuggest), sent ' +
      "straight to Elasticsearch; its `took` is the engine's own time, the rest of the round trip " +
      "HTTP, the client and waiting for a CPU. Warm: the engine's request cache filled by a " +
      'first pass; cold: emptied before every request.',
    '',
    machineLine(machine),
    '',
  ].join('\n');
  const svg = renderChart('GET /api/suggest latency', machineLine(machine), [
    {
      title: `p95 latency, ${built.docs} documents`,
      unit: 'ms',
      categories: ['warm', 'cold'],
      series: (['API', 'engine'] as const).map((target) => ({
        name: target === 'API' ? 'GET /api/suggest' : 'engine request alone',
        values: (['warm', 'cold'] as const).map(
          (cache) => measured.find((m) => m.target === target && m.cache === cache)!.ms.p95,
        ),
      })),
      target: { value: TARGET_P95_MS, label: 'target p95' },
    },
  ]);
  await publishResults('suggest', options.out, { json: result, svg, markdown });
  await dropIndices(es.client, `${alias}*`);
}

runBench(main);
