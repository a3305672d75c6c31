// `npm run bench:compare`: today's analysis and query builder against those of an earlier
// commit (--before, by default main just before issue 10), side by side in one run: the
// before side is today's definition with that commit's analysis (analysisAt).
// The same documents (the raw load's ready-made bulk bodies) go into one index per side,
// merged to one segment: bytes per document. Then each query is sent to both indices in
// turn, the side that goes first alternating, `--repeat` rounds: the engine's `took` and the
// client's round trip, p50 and p95 per query kind, and their ratio. The before side runs
// today's query with what the builder added since left out: the regional alternatives
// (beforeBody). Prints numbers; never fails on them.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../src/article';
import { ROOT } from '../src/config';
import { loadIndexDefinition, type IndexDefinition } from '../src/indexer/definition';
import { buildSearch } from '../src/search/query';
import { alternatives } from '../src/search/variants';
import { searchQuerySchema } from '../src/server/schemas';
import { beforeBody } from './lib/before-body';
import { CORPUS_DIR, inputFor, prepareCorpus, WORK_DIR } from './lib/corpus';
import { pickCrossingSpan } from './lib/known-items';
import { describeMachine } from './lib/machine';
import { benchOptions, elasticOptions } from './lib/options';
import { QUERY_MIX } from './lib/queries';
import { load, segmentBytes } from './lib/raw-load';
import { seededRandom, shuffle } from './lib/random';
import { vocabularyPairs } from './lib/regional';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { round, summarizeLatencies } from './lib/stats';
import { runBench, startElasticsearch } from './lib/stack';
import { renderChart } from './lib/svg';

type Side = 'before' | 'after';
const SIDES: readonly Side[] = ['before', 'after'];
/** Queries of each added kind: as many as each kind of the bench:search mix has, twice. */
const ADDED_PER_KIND = 10;

const ANALYZER_KEYS = ['analyzer', 'search_analyzer', 'search_quote_analyzer'] as const;

/**
 * Today's definition with the analysis as it was at `commit`: its char filters, analyzers and
 * normalizers (the t2s rules inlined, as the indexer loads them) and its text fields' analyzer
 * settings. The rest (fields added since, codec, index options) stays today's, so that today's
 * documents fit and only the analysis is compared.
 */
function analysisAt(commit: string, today: IndexDefinition): IndexDefinition {
  const dir = join(WORK_DIR, `definition-${commit}`);
  mkdirSync(dir, { recursive: true });
  for (const file of ['articles.json', 't2s-mapping.txt']) {
    const text = execFileSync('git', ['show', `${commit}:mappings/${file}`], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(join(dir, file), text);
  }
  const then = loadIndexDefinition(dir);
  const settings = { ...structuredClone(today.settings), analysis: then.settings.analysis };
  const mappings = structuredClone(today.mappings);
  type Field = Record<string, unknown>;
  const fields = mappings.properties as Record<string, Field>;
  const thenFields = (then.mappings.properties ?? {}) as Record<string, Field>;
  for (const [name, field] of Object.entries(fields)) {
    if (field.type !== 'text' || !thenFields[name]) continue;
    for (const key of ANALYZER_KEYS) {
      if (thenFields[name][key] === undefined) delete field[key];
      else field[key] = thenFields[name][key];
    }
  }
  return { ...today, settings, mappings };
}

interface CompareQuery {
  kind: string;
  params: Record<string, string>;
}

/** Poems of the first corpus file with a span across punctuation, quoted, as written. */
function crossingQueries(paths: string[], seed: number): CompareQuery[] {
  const random = seededRandom(seed);
  const articles = readFileSync(
    paths.find((p) => p.startsWith(CORPUS_DIR))!,
    'utf8',
  )
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as Article);
  const queries: CompareQuery[] = [];
  for (const article of shuffle(articles, random)) {
    const span = pickCrossingSpan(article.body, random);
    if (span)
      queries.push({ kind: 'phrase across punctuation', params: { q: `"${span.written}"` } });
    if (queries.length === ADDED_PER_KIND) break;
  }
  return queries;
}

/** Regional words typed alone: half mainland words, half Taiwan and Hong Kong ones. */
function regionalQueries(seed: number): CompareQuery[] {
  const pairs = shuffle(vocabularyPairs(), seededRandom(seed)).slice(0, ADDED_PER_KIND / 2);
  return pairs.flatMap((pair) => [
    { kind: 'regional word', params: { q: pair.mainland } },
    { kind: 'regional word', params: { q: pair.regional } },
  ]);
}

async function main(): Promise<void> {
  const options = benchOptions({ repeat: 30 }, process.argv.slice(2));
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const { client } = es;
  const machine = describeMachine(es);
  const input = inputFor(manifest, options.docs === 'all' ? 'all' : options.docs);
  const definitions: Record<Side, IndexDefinition> = {
    before: analysisAt(options.before, loadIndexDefinition()),
    after: loadIndexDefinition(),
  };
  const index = (side: Side) => `bench-compare-${process.pid}-${side}`;

  const size = {} as Record<Side, { docs: number; bytesPerDoc: number; loadSeconds: number }>;
  for (const side of SIDES) {
    const { settings, mappings } = definitions[side];
    await client.indices.create({
      index: index(side),
      settings: { ...settings, refresh_interval: '-1', number_of_replicas: 0 },
      mappings,
    });
    const started = performance.now();
    await load(client, index(side), input.rawPaths);
    const loadSeconds = (performance.now() - started) / 1000;
    await client.indices.forcemerge({ index: index(side), max_num_segments: 1 });
    await client.indices.refresh({ index: index(side) });
    await client.indices.flush({ index: index(side) });
    const segments = await segmentBytes(client, index(side));
    size[side] = {
      docs: segments.docs,
      bytesPerDoc: round(segments.bytes / segments.docs, 0),
      loadSeconds: round(loadSeconds, 1),
    };
    log(`${side}: ${size[side].bytesPerDoc} bytes/doc, loaded in ${loadSeconds.toFixed(1)} s`);
  }

  const queries: CompareQuery[] = [
    ...QUERY_MIX.map((q) => ({ kind: q.kind as string, params: q.params })),
    ...crossingQueries(input.paths, options.seed),
    ...regionalQueries(options.seed),
  ];
  const bodies = queries.map((query) => {
    const request = searchQuerySchema.parse(query.params);
    const after = buildSearch(request, index('after'));
    const before = { ...beforeBody(after, request.query), index: index('before') };
    const changed =
      JSON.stringify({ ...before, index: '' }) !== JSON.stringify({ ...after, index: '' });
    const count = request.query.groups.flat().reduce((n, t) => n + alternatives(t.text).length, 0);
    return { before, after, alternatives: count, changed };
  });

  const samples = queries.map(() => ({
    took: { before: [] as number[], after: [] as number[] },
    wall: { before: [] as number[], after: [] as number[] },
    total: { before: 0, after: 0 },
  }));
  // One warm-up round, not counted.
  for (const body of bodies) for (const side of SIDES) await client.search(body[side]);
  log(`${queries.length} queries, ${options.repeat} rounds`);
  for (let round = 0; round < options.repeat; round++) {
    for (const [i, body] of bodies.entries()) {
      const order = (round + i) % 2 === 0 ? SIDES : [...SIDES].reverse();
      for (const side of order) {
        const started = performance.now();
        const res = await client.search(body[side]);
        samples[i]!.wall[side].push(performance.now() - started);
        samples[i]!.took[side].push(res.took);
        const total = res.hits.total;
        samples[i]!.total[side] = typeof total === 'number' ? total : (total?.value ?? 0);
      }
    }
  }

  const kinds = [...new Set(queries.map((q) => q.kind))];
  const summarize = (pick: (i: number) => boolean, measure: 'took' | 'wall', side: Side) =>
    summarizeLatencies(samples.filter((_, i) => pick(i)).flatMap((s) => s[measure][side]));
  const byKind = [...kinds, 'all'].map((kind) => {
    const pick = (i: number) => kind === 'all' || queries[i]!.kind === kind;
    const row = Object.fromEntries(
      (['took', 'wall'] as const).flatMap((measure) =>
        SIDES.map((side) => {
          const s = summarize(pick, measure, side);
          return [`${measure}_${side}`, { p50: round(s.p50, 1), p95: round(s.p95, 1) }];
        }),
      ),
    ) as Record<`${'took' | 'wall'}_${Side}`, { p50: number; p95: number }>;
    return {
      kind,
      queries: queries.filter((_, i) => pick(i)).length,
      ...row,
      tookRatioP50: round(row.took_after.p50 / Math.max(row.took_before.p50, 1), 2),
      wallRatioP50: round(row.wall_after.p50 / row.wall_before.p50, 2),
    };
  });
  const perQuery = queries.map((query, i) => ({
    kind: query.kind,
    q: query.params.q,
    filters: Object.fromEntries(Object.entries(query.params).filter(([k]) => k !== 'q')),
    bodyChanged: bodies[i]!.changed,
    alternatives: bodies[i]!.alternatives,
    total: samples[i]!.total,
    tookP50: Object.fromEntries(
      SIDES.map((side) => [side, summarizeLatencies(samples[i]!.took[side]).p50]),
    ),
  }));

  const sizeRatio = round(size.after.bytesPerDoc / size.before.bytesPerDoc, 3);
  const json = {
    bench: 'compare',
    machine,
    before: options.before,
    method:
      'one index per side (today’s definition with the analysis at --before: char filters, analyzers, text fields’ analyzer settings; today’s), the same raw bulk bodies, merged to one segment; each query sent to both in turn (first side alternating), one warm-up round then --repeat rounds, one request at a time; took = the engine’s, wall = the client’s round trip; the before side runs today’s query without the regional alternatives',
    size,
    sizeRatio,
    rounds: options.repeat,
    byKind,
    perQuery,
  };
  const markdown = [
    markdownTable(
      ['side', 'definition', 'documents', 'bytes/doc', 'vs before'],
      SIDES.map((side) => [
        side,
        side === 'before' ? `today's, analysis at ${options.before}` : 'mappings/ as it is',
        size[side].docs,
        size[side].bytesPerDoc,
        side === 'before' ? 1 : sizeRatio,
      ]),
    ),
    '',
    markdownTable(
      [
        'query kind',
        'queries',
        'took p50 before (ms)',
        'took p50 after (ms)',
        'took p95 before / after',
        'round trip p50 before (ms)',
        'round trip p50 after (ms)',
        'after / before (round trip p50)',
      ],
      byKind.map((row) => [
        row.kind,
        row.queries,
        row.took_before.p50,
        row.took_after.p50,
        `${row.took_before.p95} / ${row.took_after.p95}`,
        row.wall_before.p50,
        row.wall_after.p50,
        row.wallRatioP50,
      ]),
    ),
    '',
    `${options.repeat} rounds of every query on each side, one at a time, the first side ` +
      `alternating. Queries whose body differs (regional alternatives): ` +
      `${perQuery.filter((q) => q.bodyChanged).length} of ${queries.length}.`,
    '',
    machineLine(machine),
    '',
  ].join('\n');
  const svg = renderChart(
    `Before (${options.before}) and after, side by side (${size.after.docs} documents)`,
    machineLine(machine),
    [
      {
        title: 'Bytes per document (one segment)',
        unit: 'bytes',
        categories: ['bytes/doc'],
        series: SIDES.map((side) => ({ name: side, values: [size[side].bytesPerDoc] })),
      },
      {
        title: 'Round trip p50 by query kind',
        unit: 'ms',
        categories: byKind.map((row) => row.kind),
        series: SIDES.map((side) => ({
          name: side,
          values: byKind.map((row) => row[`wall_${side}`].p50),
        })),
      },
    ],
  );
  for (const side of SIDES) await client.indices.delete({ index: index(side) });
  await publishResults('compare', options.out, { json, svg, markdown });
}

runBench(main);
