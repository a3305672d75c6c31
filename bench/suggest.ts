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
  // it. Cold: the cache emptied before the request, the cost of a prefix nobody typed since the
  // last index change. Warm: the prefix's answer in the cache, as for a prefix typed before on
  // an archive that changes rarely. Per prefix, the cold requests go first (each after a
  // clear), and the warm ones after them read what the cold ones left in the cache. (Until
  // 2026-12-05 the order was API warm, API cold, engine warm, engine cold: the previous
  // prefix's clear had emptied the cache before "API warm", which so measured a cold request.)
  const clearCache = () => es.client.indices.clearCache({ index: alias, request: true });
  for (const q of PREFIXES) await once('API', q, api.url, es.client, alias);
  const runs = (['cold', 'warm'] as const).flatMap((cache) =>
    (['API', 'engine'] as const).map((target) => ({ target, cache })),
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
  const order = (run: { target: Target; cache: Cache }) =>
    (run.target === 'API' ? 0 : 2) + (run.cache === 'warm' ? 0 : 1);
  const measured = [...runs]
    .sort((a, b) => order(a) - order(b))
    .map((run) => ({
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
      "HTTP, the client and waiting for a CPU. Cold: the engine's request cache emptied before " +
      'the request; warm: holding the answer (the cold requests for the prefix, sent just ' +
      'before, left it there).',
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
