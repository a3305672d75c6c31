// `npm run bench:relevance`: known-item search across scripts. Poems sampled with a fixed
// seed; a 4-8 character span of one of their lines is searched through the API converted to
// Simplified and again in Traditional; the rank of the source poem gives MRR@10 and
// recall@10 per script. Prints numbers; never fails on them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import type { Article } from '../src/article';
import { CORPUS_DIR, inputFor, prepareCorpus, type CorpusManifest } from './lib/corpus';
import { type KnownItem, pickSpan, rankOf, summarizeRanks } from './lib/known-items';
import { buildSearchIndex } from './lib/index-load';
import { describeMachine } from './lib/machine';
import { benchOptions, elasticOptions, type Size } from './lib/options';
import { seededRandom } from './lib/random';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { round } from './lib/stats';
import { runBench, startApi, startElasticsearch } from './lib/stack';
import { renderChart } from './lib/svg';

const K = 10;
const TARGET_RECALL = 0.95;
const MISS_EXAMPLES = 40;
/** Hits asked for when checking a miss: the API's largest page. */
const PHRASE_CHECK = 50;

/** Simplified as mainland users type it; Traditional as Taiwan users type it. */
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

type QueryScript = 'simplified' | 'traditional';

/** The poems (not the seeds) among the first `size` documents, `count` of them at random. */
function samplePoems(manifest: CorpusManifest, size: Size, count: number, seed: number): Article[] {
  const input = inputFor(manifest, size);
  // The chunk files in the input, each with the position of its first poem.
  let start = 0;
  const chunks = manifest.chunks
    .filter((chunk) => input.paths.includes(join(CORPUS_DIR, chunk.articles)))
    .map((chunk) => {
      const entry = { file: join(CORPUS_DIR, chunk.articles), start, docs: chunk.docs };
      start += chunk.docs;
      return entry;
    });
  const random = seededRandom(seed);
  const drawn = new Set<number>();
  while (drawn.size < Math.min(count, start)) drawn.add(Math.floor(random() * start));

  const found = new Map<number, Article>();
  for (const chunk of chunks) {
    const wanted = [...drawn].filter((p) => p >= chunk.start && p < chunk.start + chunk.docs);
    if (wanted.length === 0) continue;
    const lines = readFileSync(chunk.file, 'utf8').split('\n');
    for (const p of wanted) found.set(p, JSON.parse(lines[p - chunk.start]!) as Article);
  }
  // In the order drawn, so the spans drawn next do not depend on the files' layout.
  return [...drawn].map((p) => found.get(p)!);
}

/**
 * Why a known item was missed. `folding`: the poem does not match its own span as a phrase, so
 * the two scripts were not folded to the same characters. `ambiguous`: more than K documents
 * hold the span verbatim, so no ranking can be sure to put this one in the top K. `ranking`:
 * the poem matches and few others do, yet others ranked above it.
 */
type MissCause = 'folding' | 'ambiguous' | 'ranking';

/** A phrase search for the query with room for the item: tells the causes apart. */
async function missCause(apiUrl: string, id: string, query: string) {
  const phrase = await search(apiUrl, `"${query}"`, PHRASE_CHECK);
  let cause: MissCause;
  if (phrase.ids.includes(id)) cause = phrase.total > K ? 'ambiguous' : 'ranking';
  // Not among the first PHRASE_CHECK of that many: the span is too common to tell.
  else cause = phrase.total >= PHRASE_CHECK ? 'ambiguous' : 'folding';
  return { verbatimMatches: phrase.total, cause };
}

interface Outcome {
  id: string;
  title: string;
  poemScript: Article['script'];
  span: string;
  queryScript: QueryScript;
  query: string;
  /** Whether the query's characters differ from the poem's own. */
  crossScript: boolean;
  rank?: number;
  /** For a miss: how many documents hold the query as an exact phrase, and why it was missed. */
  verbatimMatches?: number;
  cause?: MissCause;
}

async function search(
  apiUrl: string,
  q: string,
  size = K,
): Promise<{ total: number; ids: string[] }> {
  const res = await fetch(`${apiUrl}/api/search?${new URLSearchParams({ q, size: String(size) })}`);
  if (res.status !== 200) throw new Error(`search ${q}: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { total: number; hits: { id: string }[] };
  return { total: body.total, ids: body.hits.map((hit) => hit.id) };
}

async function main(): Promise<void> {
  const options = benchOptions();
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const machine = describeMachine(es);
  const alias = `bench-relevance-${process.pid}`;
  log(`indexing ${options.docs} documents through the pipeline`);
  const built = await buildSearchIndex(es.client, es.url, manifest, options.docs, alias);
  log(`indexed ${built.docs} documents in ${built.seconds.toFixed(0)} s; starting the API`);
  const api = await startApi(es.url, alias);

  const spanRandom = seededRandom(options.seed + 1);
  const items: KnownItem[] = [];
  for (const poem of samplePoems(manifest, options.docs, options.samples, options.seed)) {
    const span = pickSpan(poem.body, spanRandom);
    if (span) items.push({ id: poem.id, title: poem.title, script: poem.script, span });
  }
  log(`${items.length} known items; searching each in both scripts`);

  const outcomes: Outcome[] = [];
  for (const item of items) {
    const queries: Record<QueryScript, string> = {
      simplified: toSimplified(item.span),
      // A poem in Simplified is looked for in Traditional; one in Traditional, as it is written.
      traditional: item.script === 'simplified' ? toTraditional(item.span) : item.span,
    };
    for (const queryScript of ['simplified', 'traditional'] as const) {
      const query = queries[queryScript];
      const { ids } = await search(api.url, query);
      const outcome: Outcome = {
        id: item.id,
        title: item.title,
        poemScript: item.script,
        span: item.span,
        queryScript,
        query,
        crossScript: query !== item.span,
        rank: rankOf(item.id, ids),
      };
      if (outcome.rank === undefined)
        Object.assign(outcome, await missCause(api.url, item.id, query));
      outcomes.push(outcome);
    }
  }

  const summary = (pick: (o: Outcome) => boolean) => {
    const s = summarizeRanks(
      outcomes.filter(pick).map((o) => o.rank),
      K,
    );
    return { queries: s.queries, mrr: round(s.mrr, 3), recall: round(s.recall, 3) };
  };
  const scripts = ['simplified', 'traditional'] as const;
  const perScript = Object.fromEntries(
    scripts.map((s) => [
      s,
      {
        all: summary((o) => o.queryScript === s),
        crossScript: summary((o) => o.queryScript === s && o.crossScript),
      },
    ]),
  ) as Record<
    QueryScript,
    { all: ReturnType<typeof summary>; crossScript: ReturnType<typeof summary> }
  >;
  const misses = outcomes.filter((o) => o.rank === undefined);
  const causes: Record<MissCause, number> = { folding: 0, ambiguous: 0, ranking: 0 };
  for (const miss of misses) causes[miss.cause!]++;

  const json = {
    bench: 'relevance',
    machine,
    index: { documents: built.docs },
    method: {
      samples: options.samples,
      seed: options.seed,
      span: 'a run of 4-8 Han characters from one line (never across punctuation), as an unquoted query',
      simplified: 'opencc-js t -> cn',
      traditional: 'the poem as written, or opencc-js cn -> tw for poems written in Simplified',
      k: K,
      crossScript: 'the query differs from the poem’s own characters',
    },
    target: { recallAt10: TARGET_RECALL },
    perScript,
    misses: {
      count: misses.length,
      causes,
      /** The first misses, for a look at what fails. */
      examples: misses.slice(0, MISS_EXAMPLES),
    },
  };

  const svg = renderChart(
    `Known-item search across scripts (${items.length} poems, ${built.docs} documents)`,
    machineLine(machine),
    [
      {
        title: 'Recall@10',
        unit: 'share found',
        categories: ['Simplified query', 'Traditional query'],
        series: [
          { name: 'all', values: scripts.map((s) => perScript[s].all.recall) },
          {
            name: 'cross-script only',
            values: scripts.map((s) => perScript[s].crossScript.recall),
          },
        ],
        target: { value: TARGET_RECALL, label: `target ${TARGET_RECALL}` },
      },
      {
        title: 'MRR@10',
        unit: 'mean reciprocal rank',
        categories: ['Simplified query', 'Traditional query'],
        series: [
          { name: 'all', values: scripts.map((s) => perScript[s].all.mrr) },
          { name: 'cross-script only', values: scripts.map((s) => perScript[s].crossScript.mrr) },
        ],
      },
    ],
  );
  const markdown = [
    markdownTable(
      [
        'query script',
        'queries',
        'MRR@10',
        'recall@10',
        'cross-script queries',
        'cross-script recall@10',
      ],
      scripts.map((s) => [
        s,
        perScript[s].all.queries,
        perScript[s].all.mrr,
        `${perScript[s].all.recall} (target ≥ ${TARGET_RECALL})`,
        perScript[s].crossScript.queries,
        perScript[s].crossScript.recall,
      ]),
    ),
    '',
    `${misses.length} misses: ${causes.folding} the scripts not folded alike, ` +
      `${causes.ambiguous} spans that more than ${K} documents hold verbatim, ` +
      `${causes.ranking} ranked below others. ` +
      `${built.docs} documents, seed ${options.seed}.`,
    '',
    machineLine(machine),
    '',
  ].join('\n');
  await publishResults('relevance', options.out, { json, svg, markdown });
}

runBench(main);
