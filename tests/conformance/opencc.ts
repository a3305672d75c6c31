// OpenCC's own test cases as search conformance pairs: index one side of each pair as an
// article, search the other side as a quoted phrase through the query builder, and see
// whether the article comes back. Used by opencc.int.test.ts and scripts/conformance.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client, estypes } from '@elastic/elasticsearch';
import { generateVariants, type LeftOut } from '../../scripts/generate-phrase-variants';
import { loadIndexDefinition } from '../../src/indexer/definition';
import { fold } from '../../src/search/fold';
import { buildQuery } from '../../src/search/query';
import { alternatives } from '../../src/search/variants';
import type { SearchFilters } from '../../src/search/wire';

/** Vendored from BYVoid/OpenCC (see README.md in this folder for the commit and licence). */
export const TESTCASES_FILE = join(__dirname, 'opencc-testcases.json');
/** The committed list of pairs the product still misses, with their reasons. */
export const MISSES_FILE = join(__dirname, 'misses.md');

/** Conversions that change characters only, and those that also change regional words. */
export const CHARACTER_CONVERSIONS = [
  's2t',
  's2tw',
  's2hk',
  't2s',
  'tw2s',
  'hk2s',
  't2tw',
  't2hk',
  'tw2t',
  'hk2t',
] as const;
export const VOCABULARY_CONVERSIONS = ['s2twp', 'tw2sp', 's2hkp', 'hk2sp'] as const;
// jp2t and t2jp are left out: the fold leaves the Japanese tables out (mappings/README.md).

export type Kind = 'character' | 'vocabulary';

export interface Pair {
  /** `<case id>/<conversion>`, e.g. `case_005/tw2t`. */
  id: string;
  kind: Kind;
  /** OpenCC's input: what the reader types. */
  query: string;
  /** OpenCC's expected output for the conversion: what the article says. */
  text: string;
}

interface TestCases {
  cases: { id: string; input: string; expected: Record<string, string> }[];
}

/** Every pair whose two sides differ (a pair OpenCC leaves unchanged tests nothing here). */
export function loadPairs(file = TESTCASES_FILE): Pair[] {
  // The upstream file has one trailing comma inside an object (case_055_s2t).
  const json = readFileSync(file, 'utf8').replace(/,(\s*[}\]])/gu, '$1');
  const { cases } = JSON.parse(json) as TestCases;
  const kinds: [Kind, readonly string[]][] = [
    ['character', CHARACTER_CONVERSIONS],
    ['vocabulary', VOCABULARY_CONVERSIONS],
  ];
  const pairs: Pair[] = [];
  for (const testCase of cases) {
    for (const [kind, conversions] of kinds) {
      for (const conversion of conversions) {
        const text = testCase.expected[conversion];
        if (text === undefined || text === testCase.input) continue;
        pairs.push({ id: `${testCase.id}/${conversion}`, kind, query: testCase.input, text });
      }
    }
  }
  return pairs;
}

const NO_FILTERS: SearchFilters = { source: [], place: [], script: [], people: [] };

/** The product's query for the pair: its query side as one quoted phrase. */
export function pairQuery(pair: Pair): estypes.QueryDslQueryContainer {
  return buildQuery({ groups: [[{ kind: 'phrase', text: pair.query }]], excluded: [] }, NO_FILTERS);
}

/** Creates `index` with the product's definition and indexes each pair's text as an article. */
export async function indexPairs(client: Client, index: string, pairs: Pair[]): Promise<void> {
  const definition = loadIndexDefinition();
  await client.indices.create({
    index,
    settings: { ...definition.settings, refresh_interval: '-1' },
    mappings: definition.mappings,
  });
  const operations = pairs.flatMap((pair) => [
    { index: { _index: index, _id: pair.id } },
    { id: pair.id, title: '', body: [pair.text] },
  ]);
  const res = await client.bulk({ operations, refresh: true });
  if (res.errors)
    throw new Error(`bulk indexing of the pairs failed: ${JSON.stringify(res.items[0])}`);
}

/** How many hits count: the first page of results. */
export const FOUND_WITHIN = 10;
/** Searches per msearch request: a few round trips, none of them huge. */
const MSEARCH_BATCH = 100;

/** The ids of the pairs whose article is not on the first page of its query's results. */
export async function searchPairs(
  client: Client,
  index: string,
  pairs: Pair[],
): Promise<Set<string>> {
  const missed = new Set<string>();
  for (let start = 0; start < pairs.length; start += MSEARCH_BATCH) {
    const batch = pairs.slice(start, start + MSEARCH_BATCH);
    const searches = batch.flatMap((pair) => [
      { index },
      { query: pairQuery(pair), size: FOUND_WITHIN, _source: false },
    ]);
    const { responses } = await client.msearch({ searches });
    responses.forEach((res, i) => {
      const pair = batch[i]!;
      if ('error' in res) throw new Error(`${pair.id}: ${JSON.stringify(res.error)}`);
      if (!res.hits.hits.some((hit) => hit._id === pair.id)) missed.add(pair.id);
    });
  }
  return missed;
}

export interface Tally {
  kind: Kind;
  found: number;
  total: number;
}

export function tally(pairs: Pair[], missed: Set<string>): Tally[] {
  return (['character', 'vocabulary'] as const).map((kind) => {
    const ofKind = pairs.filter((pair) => pair.kind === kind);
    return {
      kind,
      total: ofKind.length,
      found: ofKind.filter((pair) => !missed.has(pair.id)).length,
    };
  });
}

export const percent = ({ found, total }: Tally) => `${((100 * found) / total).toFixed(1)}%`;

let leftOutWords: LeftOut[] | undefined;
const leftOut = () => (leftOutWords ??= generateVariants().leftOut);

const SEARCHED = /[\p{L}\p{N}]/u;
/** What a phrase compares on: folded characters, punctuation and spaces left out. */
const comparable = (text: string) =>
  Array.from(fold(text))
    .filter((c) => SEARCHED.test(c))
    .join('');

/**
 * Why a pair is missed, read off the texts: where the text differs from the closest form the
 * query is searched in (the query folded, or one of its alternatives).
 */
export function missReason(pair: Pair): string {
  const target = comparable(pair.text);
  const forms = [pair.query, ...alternatives(pair.query)].map(comparable);
  let best = { prefix: -1, a: '', b: '' };
  for (const form of forms) {
    if (form === target) return 'the query has a form equal to the text, yet the search missed it';
    let prefix = 0;
    while (prefix < form.length && form[prefix] === target[prefix]) prefix++;
    let suffix = 0;
    while (
      suffix < form.length - prefix &&
      suffix < target.length - prefix &&
      form[form.length - 1 - suffix] === target[target.length - 1 - suffix]
    ) {
      suffix++;
    }
    if (prefix + suffix > best.prefix) {
      best = {
        prefix: prefix + suffix,
        a: form.slice(prefix, form.length - suffix),
        b: target.slice(prefix, target.length - suffix),
      };
    }
  }
  const why = `searched as 「${best.a}」 where the text folds to 「${best.b}」`;
  const ambiguous = leftOut().find(({ word }) => fold(pair.query + pair.text).includes(word));
  return ambiguous ? `${why}; ${ambiguous.word} is left out: ${ambiguous.reason}` : why;
}

/** tests/conformance/misses.md: the figures and every miss with its reason. */
export function renderMisses(pairs: Pair[], missed: Set<string>): string {
  const lines = [
    '# OpenCC conformance: the pairs search still misses',
    '',
    'Generated by `ES_URL=... npx ts-node scripts/conformance.ts --write`; checked by',
    '`opencc.int.test.ts`. Each pair: OpenCC input (the query, quoted) -> expected output (the',
    'indexed article). The reason compares folded characters, punctuation left out.',
    '',
    '| pairs | found | of | rate |',
    '| ----- | ----: | -: | ---: |',
    ...tally(pairs, missed).map((t) => `| ${t.kind} | ${t.found} | ${t.total} | ${percent(t)} |`),
    '',
  ];
  for (const pair of pairs.filter((p) => missed.has(p.id))) {
    lines.push(`- \`${pair.id}\` (${pair.kind}): ${missReason(pair)}`);
    lines.push(`  - query: ${pair.query}`);
    lines.push(`  - text: ${pair.text}`);
  }
  return lines.join('\n') + '\n';
}
