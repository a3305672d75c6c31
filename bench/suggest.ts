// `bench/run.sh suggest [--docs N|all]`: latency of GET /api/suggest as a user types, one
// request at a time (a person typing sends one at a time), on the bench corpus through the
// pipeline. Prefixes of one and two characters, the slowest case (most names and titles
// match). Prints numbers; never fails on them. Target: p95 <= 20 ms.
import { prepareCorpus } from './lib/corpus';
import { buildSearchIndex } from './lib/index-load';
import { benchOptions, elasticOptions } from './lib/options';
import { log } from './lib/results';
import { round, summarizeLatencies } from './lib/stats';
import { runBench, startApi, startElasticsearch } from './lib/stack';

/** What people type first: common surnames (authors are the corpus's people), places and
 * title characters, in Simplified and Traditional, then two-character starts. */
const PREFIXES = [
  ...Array.from('李王张杜白苏陆刘陈杨黄月山春风江送秋长东南西北天花云水鄭張劉陳楊黃雲東長'),
  ...['李白', '杜甫', '苏轼', '白居', '春日', '送别', '长安', '江南', '秋夜', '蘇軾', '長安'],
];

const TARGET_P95_MS = 20;

async function main(): Promise<void> {
  const options = benchOptions({ repeat: 5 });
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const alias = `bench-suggest-${process.pid}`;
  log(`indexing ${options.docs} documents through the pipeline`);
  const built = await buildSearchIndex(es.client, es.url, manifest, options.docs, alias);
  const api = await startApi(es.url, alias);
  // Warm-up: one pass, not counted.
  for (const q of PREFIXES) await fetch(`${api.url}/api/suggest?q=${encodeURIComponent(q)}`);
  const latencies: number[] = [];
  let suggestions = 0;
  for (let r = 0; r < options.repeat; r++) {
    for (const q of PREFIXES) {
      const started = performance.now();
      const res = await fetch(`${api.url}/api/suggest?q=${encodeURIComponent(q)}`);
      const body = (await res.json()) as { suggestions?: unknown[] };
      latencies.push(performance.now() - started);
      if (!res.ok) throw new Error(`suggest ${q}: ${res.status} ${JSON.stringify(body)}`);
      suggestions += body.suggestions?.length ?? 0;
    }
  }
  const s = summarizeLatencies(latencies);
  const result = {
    docs: built.docs,
    requests: latencies.length,
    prefixes: PREFIXES.length,
    meanSuggestions: round(suggestions / latencies.length, 1),
    latencyMs: { p50: round(s.p50), p95: round(s.p95), p99: round(s.p99), max: round(s.max) },
    targetP95Ms: TARGET_P95_MS,
    met: s.p95 <= TARGET_P95_MS,
  };
  console.log(JSON.stringify(result, null, 2));
  await es.client.indices.delete({ index: `${alias}*` }).catch(() => undefined);
}

runBench(main);
