// `bench/run.sh fragments [--docs N] [--repeat R]`: where the search fragments start and end,
// and what that costs, for each way of cutting them. The seeds (news) and the first N bench
// documents (poems) are indexed through the pipeline; the seed words and the bench:search query
// mix are searched with each highlight variant; every fragment is found in its paragraph (read
// from the index) and classed by what precedes and follows it. Prints numbers; never fails on
// them. Chose the API's fragments (src/search/fragments.ts).
import type { Client, estypes } from '@elastic/elasticsearch';
import { buildSearch } from '../src/search/query';
import { ELLIPSIS, readableFragment } from '../src/search/fragments';
import { searchQuerySchema } from '../src/server/schemas';
import { prepareCorpus } from './lib/corpus';
import { buildSearchIndex } from './lib/index-load';
import { dropIndices } from './lib/index-stats';
import { describeMachine } from './lib/machine';
import { benchOptions, elasticOptions } from './lib/options';
import { QUERY_MIX } from './lib/queries';
import { log, machineLine, markdownTable, publishResults } from './lib/results';
import { percentile, round } from './lib/stats';
import { runBench, startElasticsearch } from './lib/stack';
import { renderChart } from './lib/svg';

/** Words of the five news seeds, as a reader would search them (Simplified, the seeds are in
 * both scripts). */
const SEED_WORDS = [
  ...['先锋', '疫情', '郑凯', '防控', '党员', '漯河', '阳谷', '众志成城', '武汉', '口罩'],
  ...['志愿者', '社区', '医院', '捐赠', '荥阳', '书记', '群众', '消毒', '物资', '疫情防控'],
];

interface Variant {
  name: string;
  what: string;
  /** The body field's highlight options. */
  body: estypes.SearchHighlightField;
  /** Post-processing of each fragment, if any. */
  post?: (html: string) => string;
}

const SHOWN = 100;
const VARIANTS: Variant[] = [
  {
    name: 'engine 100',
    what: 'unified highlighter as it was: fragment_size 100 (sentence scanner, root locale)',
    body: { fragment_size: SHOWN, number_of_fragments: 3, no_match_size: SHOWN },
  },
  {
    name: 'sentence zh 100',
    what: 'boundary_scanner sentence, boundary_scanner_locale zh-CN, fragment_size 100',
    body: {
      fragment_size: SHOWN,
      number_of_fragments: 3,
      no_match_size: SHOWN,
      boundary_scanner: 'sentence',
      boundary_scanner_locale: 'zh-CN',
    },
  },
  {
    name: 'engine 100 + post',
    what: 'engine 100, then fragments.ts (leading punctuation dropped, ellipses)',
    body: { fragment_size: SHOWN, number_of_fragments: 3, no_match_size: SHOWN },
    post: (html) => readableFragment(html, SHOWN),
  },
  ...[200, 300].map((size): Variant => ({
    name: `engine ${size} + post`,
    what: `fragment_size ${size}, then fragments.ts cuts to ${SHOWN} around the first match`,
    body: { fragment_size: size, number_of_fragments: 3, no_match_size: size },
    post: (html) => readableFragment(html, SHOWN),
  })),
];

const SENTENCE_END = new Set(Array.from('。！？!?…'));
const CLAUSE_END = new Set(Array.from('，,；;：:'));
const CLOSING = new Set(Array.from('”’」』）)》〉】"\''));
const JUNK = (c: string) =>
  SENTENCE_END.has(c) || CLAUSE_END.has(c) || CLOSING.has(c) || /\s/u.test(c);

function plainText(html: string): string {
  return html
    .replace(/<\/?mark>/g, '')
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, n: string) =>
      n === 'amp' ? '&' : n === 'lt' ? '<' : n === 'gt' ? '>' : n === 'quot' ? '"' : "'",
    );
}

type Edge = 'paragraph' | 'sentence' | 'clause' | 'mid' | 'punctuation';

interface Counts {
  fragments: number;
  unlocated: number;
  chars: number;
  start: Record<Edge, number>;
  end: Record<Edge, number>;
  /** Begins or ends inside a sentence with no ellipsis to say so. */
  unmarkedCutStart: number;
  unmarkedCutEnd: number;
  /** An ellipsis where the text was not cut inside a sentence. */
  falseEllipsis: number;
  withMark: number;
}

const edges = (): Record<Edge, number> => ({
  paragraph: 0,
  sentence: 0,
  clause: 0,
  mid: 0,
  punctuation: 0,
});
const newCounts = (): Counts => ({
  fragments: 0,
  unlocated: 0,
  chars: 0,
  start: edges(),
  end: edges(),
  unmarkedCutStart: 0,
  unmarkedCutEnd: 0,
  falseEllipsis: 0,
  withMark: 0,
});

/** What comes before the text at `at` in `para`: its start, a sentence end, a clause end. */
function startEdge(para: string, at: number, text: string): Edge {
  if (text.length > 0 && JUNK(text[0]!)) return 'punctuation';
  let i = at - 1;
  while (i >= 0 && (CLOSING.has(para[i]!) || /\s/u.test(para[i]!))) i--;
  if (i < 0) return 'paragraph';
  if (SENTENCE_END.has(para[i]!)) return 'sentence';
  if (CLAUSE_END.has(para[i]!)) return 'clause';
  return 'mid';
}

function endEdge(para: string, end: number, text: string): Edge {
  let i = text.length - 1;
  while (i >= 0 && (CLOSING.has(text[i]!) || /\s/u.test(text[i]!))) i--;
  const rest = para.slice(end).replace(/^[\s”’」』）)》〉】"']+/u, '');
  if (rest.length === 0) return 'paragraph';
  if (i >= 0 && SENTENCE_END.has(text[i]!)) return 'sentence';
  if ((i >= 0 && CLAUSE_END.has(text[i]!)) || CLAUSE_END.has(rest[0]!)) return 'clause';
  return 'mid';
}

function classify(counts: Counts, fragment: string, paragraphs: string[], post: boolean): void {
  counts.fragments++;
  if (fragment.includes('<mark>')) counts.withMark++;
  // Only post-processing adds ellipses; an ellipsis the text itself has (……) is not one.
  let html = fragment;
  const leading = post && html.startsWith(ELLIPSIS);
  const trailing = post && html.endsWith(ELLIPSIS) && html.length > ELLIPSIS.length;
  if (leading) html = html.slice(ELLIPSIS.length);
  if (trailing) html = html.slice(0, -ELLIPSIS.length);
  const text = plainText(html);
  counts.chars += text.length;
  const para = paragraphs.find((p) => p.includes(text));
  if (!para) {
    counts.unlocated++;
    return;
  }
  let at = para.indexOf(text);
  let end = at + text.length;
  const claimsStart = leading && para[at - 1] !== ELLIPSIS;
  const claimsEnd = trailing && para[end] !== ELLIPSIS;
  // An ellipsis that was the text's own is part of the fragment's text.
  if (leading && !claimsStart) at--;
  if (trailing && !claimsEnd) end++;
  const startsAt = startEdge(para, at, para.slice(at, end));
  const endsAt = endEdge(para, end, para.slice(at, end));
  counts.start[startsAt]++;
  counts.end[endsAt]++;
  const cutStart = startsAt === 'clause' || startsAt === 'mid' || startsAt === 'punctuation';
  const cutEnd = endsAt === 'clause' || endsAt === 'mid';
  if (cutStart && !claimsStart) counts.unmarkedCutStart++;
  if (cutEnd && !claimsEnd) counts.unmarkedCutEnd++;
  if ((claimsStart && !cutStart) || (claimsEnd && !cutEnd)) counts.falseEllipsis++;
}

interface Bodies {
  get(id: string): Promise<string[]>;
}

function bodyReader(client: Client, index: string): Bodies {
  const cache = new Map<string, string[]>();
  return {
    async get(id) {
      let body = cache.get(id);
      if (!body) {
        const res = await client.get<{ body?: string[] }>({ index, id, _source: ['body'] });
        body = res._source?.body ?? [];
        cache.set(id, body);
      }
      return body;
    },
  };
}

function searchBody(params: Record<string, string>, alias: string, variant: Variant) {
  const req = buildSearch(searchQuerySchema.parse(params), alias);
  return {
    ...req,
    aggs: undefined,
    filter_path: undefined,
    highlight: {
      ...req.highlight,
      fields: { ...req.highlight!.fields, body: variant.body },
    },
  } as estypes.SearchRequest;
}

interface VariantResult {
  name: string;
  what: string;
  sets: Record<string, Counts>;
  tookMs: { p50: number; p95: number };
  postMicros: number;
}

async function main(): Promise<void> {
  const options = benchOptions({ repeat: 5 });
  const manifest = await prepareCorpus(log);
  const es = await startElasticsearch(elasticOptions(), log);
  const machine = describeMachine(es);
  const alias = `bench-fragments-${process.pid}`;
  log(`indexing ${options.docs} documents through the pipeline`);
  const built = await buildSearchIndex(es.client, es.url, manifest, options.docs, alias);
  const bodies = bodyReader(es.client, alias);
  const sets: Record<string, Record<string, string>[]> = {
    news: SEED_WORDS.map((q) => ({ q })),
    poems: QUERY_MIX.map((query) => query.params),
  };

  const results: VariantResult[] = [];
  for (const variant of VARIANTS) {
    const result: VariantResult = {
      name: variant.name,
      what: variant.what,
      sets: {},
      tookMs: { p50: 0, p95: 0 },
      postMicros: 0,
    };
    let postNs = 0n;
    let posted = 0;
    for (const [set, queries] of Object.entries(sets)) {
      const counts = newCounts();
      for (const params of queries) {
        const res = await es.client.search<{ id: string }>(searchBody(params, alias, variant));
        for (const hit of res.hits.hits) {
          const paragraphs = await bodies.get(hit._id!);
          for (const raw of hit.highlight?.body ?? []) {
            let fragment = raw;
            if (variant.post) {
              const t0 = process.hrtime.bigint();
              fragment = variant.post(raw);
              postNs += process.hrtime.bigint() - t0;
              posted++;
            }
            classify(counts, fragment, paragraphs, variant.post !== undefined);
          }
        }
      }
      result.sets[set] = counts;
    }
    result.postMicros = posted > 0 ? round(Number(postNs / BigInt(posted)) / 1000, 1) : 0;
    results.push(result);
  }

  // Cost: the engine's time per search for each variant's highlight, interleaved so that the
  // machine's noise falls on all of them alike.
  const allQueries = Object.values(sets).flat();
  const took = new Map<string, number[]>(VARIANTS.map((v) => [v.name, []]));
  for (let r = 0; r < options.repeat; r++) {
    for (const params of allQueries) {
      for (const variant of VARIANTS) {
        const res = await es.client.search(searchBody(params, alias, variant));
        took.get(variant.name)!.push(res.took);
      }
    }
  }
  for (const result of results) {
    const sorted = [...took.get(result.name)!].sort((a, b) => a - b);
    result.tookMs = { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  }

  const share = (n: number, of: number) => `${round((100 * n) / Math.max(of, 1), 1)}%`;
  const rows = results.flatMap((r) =>
    Object.entries(r.sets).map(([set, c]) => [
      r.name,
      set,
      c.fragments,
      share(c.start.punctuation, c.fragments),
      share(c.start.mid, c.fragments),
      share(c.start.clause, c.fragments),
      share(c.start.sentence + c.start.paragraph, c.fragments),
      share(c.unmarkedCutStart, c.fragments),
      share(c.unmarkedCutEnd, c.fragments),
      share(c.falseEllipsis, c.fragments),
      round(c.chars / Math.max(c.fragments, 1), 1),
      `${r.tookMs.p50} / ${r.tookMs.p95}`,
      r.postMicros,
    ]),
  );
  const markdown = [
    markdownTable(
      [
        'variant',
        'set',
        'fragments',
        'starts on punctuation',
        'starts mid-clause',
        'starts at a clause',
        'starts at a sentence',
        'cut start, no …',
        'cut end, no …',
        '… not cut',
        'mean chars',
        'engine took p50 / p95 ms',
        'post µs/fragment',
      ],
      rows,
    ),
    '',
    ...results.map((r) => `- ${r.name}: ${r.what}`),
    '',
    `${built.docs} documents (the five news seeds and poems); ${SEED_WORDS.length} seed words ` +
      `(news) and the ${QUERY_MIX.length} bench:search queries (poems), 10 hits each; took over ` +
      `${options.repeat} interleaved rounds of all queries.`,
    '',
    machineLine(machine),
    '',
  ].join('\n');
  const json = { docs: built.docs, repeat: options.repeat, machine, results };
  const svg = renderChart('Search fragments: where they start', machineLine(machine), [
    {
      title: 'Fragments starting mid-clause or on punctuation (news seeds)',
      unit: '%',
      categories: results.map((r) => r.name),
      series: [
        {
          name: 'share',
          values: results.map((r) => {
            const c = r.sets.news!;
            return round((100 * (c.start.mid + c.start.punctuation)) / Math.max(c.fragments, 1), 1);
          }),
        },
      ],
    },
  ]);
  await publishResults('fragments', options.out, { json, svg, markdown });
  await dropIndices(es.client, `${alias}*`);
}

runBench(main);
