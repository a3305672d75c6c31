// `npm run bench:size`: what each index-size choice of mappings/articles.json is worth, one at
// a time. The same documents (ready-made bulk bodies, as bench:index's raw load sends them)
// go into one index per variant of the definition: today's definition with one choice undone
// or one alternative tried. Each index is merged to one segment and measured (bytes per
// document, and per field and structure from the _disk_usage API), then searched with the
// bench:search query mix to show that totals, phrase search, single characters and
// highlights are unchanged. Prints numbers; never fails on them.
import type { Client, estypes } from '@elastic/elasticsearch';
import { loadIndexDefinition, type IndexDefinition } from '../src/indexer/definition';
import { inputFor, prepareCorpus } from './lib/corpus';
import { describeMachine } from './lib/machine';
import { load, segmentBytes } from './lib/raw-load';
import { benchOptions, elasticOptions } from './lib/options';
import { elasticBody, QUERY_MIX } from './lib/queries';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { round } from './lib/stats';
import { runBench, startElasticsearch } from './lib/stack';
import { renderChart } from './lib/svg';

type Mappings = IndexDefinition['mappings'];
type Properties = Record<string, estypes.MappingProperty & Record<string, unknown>>;

interface Variant {
  name: string;
  /** What differs from the definition as it is. */
  change: string;
  apply(settings: estypes.IndicesIndexSettings, properties: Properties): void;
}

const TEXT_FIELDS = ['title', 'body', 'subheadings', 'captions'];

/** Alternatives and undone choices, each on its own against the definition as it is. */
const VARIANTS: Variant[] = [
  { name: 'as defined', change: 'mappings/articles.json as it is', apply: () => undefined },
  {
    name: 'before #16',
    change: 'the definition before issue 16: default codec, offsets, content_hash indexed',
    apply: (settings, properties) => {
      delete (settings as Record<string, unknown>).codec;
      for (const field of TEXT_FIELDS) properties[field]!.index_options = 'offsets';
      properties.content_hash = { type: 'keyword' };
    },
  },
  {
    name: 'default codec',
    change: 'index.codec default (LZ4 stored fields) instead of the definition’s',
    apply: (settings) => {
      delete (settings as Record<string, unknown>).codec;
      delete (settings as { index?: Record<string, unknown> }).index?.codec;
    },
  },
  {
    name: 'best_compression',
    change: 'index.codec best_compression (zstd stored fields)',
    apply: (settings) => {
      (settings as Record<string, unknown>).codec = 'best_compression';
    },
  },
  {
    name: 'positions',
    change: 'text fields index_options positions (no offsets: highlights re-analyze _source)',
    apply: (_settings, properties) => {
      for (const field of TEXT_FIELDS) properties[field]!.index_options = 'positions';
    },
  },
  {
    name: 'offsets',
    change: 'text fields index_options offsets (the highlighter reads offsets from the postings)',
    apply: (_settings, properties) => {
      for (const field of TEXT_FIELDS) properties[field]!.index_options = 'offsets';
    },
  },
  {
    name: 'no norms',
    change: 'norms off on the text fields (length no longer weighs in the score)',
    apply: (_settings, properties) => {
      for (const field of TEXT_FIELDS) properties[field]!.norms = false;
    },
  },
  {
    name: 'hash indexed',
    change: 'content_hash indexed with doc values (it is only read back from _source)',
    apply: (_settings, properties) => {
      properties.content_hash = { type: 'keyword' };
    },
  },
  {
    name: 'hash not indexed',
    change: 'content_hash neither indexed nor in doc values, only in _source',
    apply: (_settings, properties) => {
      properties.content_hash = { type: 'keyword', index: false, doc_values: false };
    },
  },
];

/** The definition with one variant applied. */
function variantOf(definition: IndexDefinition, variant: Variant) {
  const settings = structuredClone(definition.settings);
  const mappings = structuredClone(definition.mappings) as Mappings;
  variant.apply(settings, mappings.properties as Properties);
  return { settings, mappings };
}

interface DiskUsageField {
  total_in_bytes: number;
  inverted_index?: { total_in_bytes: number };
  stored_fields_in_bytes: number;
  doc_values_in_bytes: number;
  points_in_bytes: number;
  norms_in_bytes: number;
  term_vectors_in_bytes: number;
}

/** Bytes per document of each field and structure, from the _disk_usage API. */
async function diskUsage(client: Client, index: string, docs: number) {
  const response = (await client.indices.diskUsage({
    index,
    run_expensive_tasks: true,
  })) as unknown as Record<
    string,
    {
      store_size_in_bytes: number;
      all_fields: DiskUsageField;
      fields: Record<string, DiskUsageField>;
    }
  >;
  const usage = response[index]!;
  const perDoc = (bytes: number) => round(bytes / docs, 1);
  const structures = (f: DiskUsageField) => ({
    total: perDoc(f.total_in_bytes),
    invertedIndex: perDoc(f.inverted_index?.total_in_bytes ?? 0),
    storedFields: perDoc(f.stored_fields_in_bytes),
    docValues: perDoc(f.doc_values_in_bytes),
    points: perDoc(f.points_in_bytes),
    norms: perDoc(f.norms_in_bytes),
  });
  return {
    store: perDoc(usage.store_size_in_bytes),
    all: structures(usage.all_fields),
    fields: Object.fromEntries(
      Object.entries(usage.fields)
        .filter(([, f]) => f.total_in_bytes / docs >= 0.5)
        .sort((a, b) => b[1].total_in_bytes - a[1].total_in_bytes)
        .map(([name, f]) => [name, structures(f)]),
    ),
  };
}

/** The query mix's totals and whether each query's hits carry highlights. */
async function searchCheck(client: Client, index: string) {
  const out = [];
  for (const query of QUERY_MIX) {
    const body = elasticBody(query, index);
    const res = await client.search({ ...body, index });
    const total = typeof res.hits.total === 'number' ? res.hits.total : res.hits.total!.value;
    const marked = res.hits.hits.filter((hit) =>
      Object.values(hit.highlight ?? {}).some((parts) => parts.some((p) => p.includes('<mark>'))),
    ).length;
    out.push({
      q: query.params.q!,
      kind: query.kind,
      total,
      highlighted: marked,
      hits: res.hits.hits.length,
    });
  }
  return out;
}

interface VariantResult extends Variant {
  docs: number;
  bytesPerDoc: number;
  loadSeconds: number;
  usage: Awaited<ReturnType<typeof diskUsage>>;
  searches: Awaited<ReturnType<typeof searchCheck>>;
}

async function main(): Promise<void> {
  const options = benchOptions({ repeat: 1 }, process.argv.slice(2));
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const { client } = es;
  const machine = describeMachine(es);
  const size = options.docs === 'all' ? 'all' : options.docs;
  const input = inputFor(manifest, size);
  const definition = loadIndexDefinition();
  const results: VariantResult[] = [];
  for (const variant of VARIANTS) {
    const index = `bench-size-${process.pid}-${results.length}`;
    const { settings, mappings } = variantOf(definition, variant);
    await client.indices.create({
      index,
      settings: { ...settings, refresh_interval: '-1', number_of_replicas: 0 },
      mappings,
    });
    const started = performance.now();
    await load(client, index, input.rawPaths);
    const loadSeconds = (performance.now() - started) / 1000;
    await client.indices.forcemerge({ index, max_num_segments: 1 });
    await client.indices.refresh({ index });
    await client.indices.flush({ index });
    const segments = await segmentBytes(client, index);
    const usage = await diskUsage(client, index, segments.docs);
    const searches = await searchCheck(client, index);
    await client.indices.delete({ index });
    const bytesPerDoc = round(segments.bytes / segments.docs, 0);
    log(`${variant.name}: ${bytesPerDoc} bytes/doc, loaded in ${loadSeconds.toFixed(1)} s`);
    results.push({
      ...variant,
      docs: segments.docs,
      bytesPerDoc,
      loadSeconds: round(loadSeconds, 1),
      usage,
      searches,
    });
  }
  const base = results[0]!;
  const same = (r: VariantResult) =>
    r.searches.every(
      (s, i) =>
        s.total === base.searches[i]!.total && s.highlighted === base.searches[i]!.highlighted,
    );
  const json = {
    bench: 'size',
    machine,
    documents: base.docs,
    method:
      'one index per variant of the definition, the same bulk bodies, merged to one segment; bytes of the segments (_segments API) and per field (_disk_usage); the bench:search query mix run on each',
    variants: results,
  };
  const markdown = [
    markdownTable(
      [
        'variant',
        'change',
        'bytes/doc',
        'vs as defined',
        'inverted index',
        'stored fields',
        'doc values',
        'norms',
        'same totals and highlights',
      ],
      results.map((r) => [
        r.name,
        r.change,
        r.bytesPerDoc,
        round(r.bytesPerDoc / base.bytesPerDoc, 3),
        r.usage.all.invertedIndex,
        r.usage.all.storedFields,
        r.usage.all.docValues,
        r.usage.all.norms,
        same(r) ? 'yes' : 'NO',
      ]),
    ),
    '',
    `${base.docs} documents; per-structure figures are bytes per document from _disk_usage.`,
    '',
    machineLine(machine),
    '',
  ].join('\n');
  const svg = renderChart('Index size by definition variant', machineLine(machine), [
    {
      title: 'Bytes per document (one segment)',
      unit: 'bytes',
      categories: results.map((r) => r.name),
      series: [{ name: 'bytes/doc', values: results.map((r) => r.bytesPerDoc) }],
    },
  ]);
  await publishResults('size', options.out, { json, svg, markdown });
}

runBench(main);
