// Suggestions while typing: names (people, places, sources) that start with what was typed,
// and titles that contain it, in one request to the engine. Pure.
//
// The mechanism is the index as it is, no extra field or plugin: the name fields are keywords
// folded by the cjk_fold_keyword normalizer, so a `prefix` query on them matches across
// scripts (郑 finds 鄭凱, whose folded form is 郑凯), and a terms aggregation per field, limited
// by an `include` pattern of the folded prefix, counts the articles that carry each name.
// Titles come from `match_phrase_prefix` on the analyzed title. The completion suggester and
// edge n-grams would be faster on huge indices but need their own field and (edge_ngram,
// search_as_you_type) analysis-common, which the local build lacks (see README.md).
import type { estypes } from '@elastic/elasticsearch';
import { foldKeyword } from './fold';
import { convertText, type OutputScript } from './output-script';
import type { Suggestion, SuggestResponse } from './wire';

/** The keyword field each name kind completes from. */
const NAME_FIELDS = { person: 'people', place: 'place', source: 'source' } as const;

export interface SuggestRequest {
  /** What was typed, trimmed. */
  q: string;
  /** Suggestions per kind. */
  size: number;
  outputScript: OutputScript;
}

/** Escapes a string for a Lucene regular expression: anything but letters and digits. */
export function escapeRegExp(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`);
}

/** The prefixes to look names up by: the folded one, and as typed when folding changes it
 * (乾 folds to 干 alone but stays 乾 in 乾隆, so a name may be stored under either). */
export function namePrefixes(q: string): string[] {
  const folded = foldKeyword(q);
  const typed = q.toLowerCase();
  return folded === typed ? [folded] : [folded, typed];
}

/**
 * What shapeSuggest reads, and `took` for the request log: the engine leaves out the shard
 * counts, the empty hits envelope, the terms' error bounds and each title's _index, _id and
 * _score, a third of the answer to write and parse (a kind with no name drops out, which reads
 * as none).
 */
export const SUGGEST_FILTER_PATH = [
  'took',
  'aggregations.*.buckets.key',
  'aggregations.*.buckets.doc_count',
  'aggregations.title.top.hits.hits._source',
];

export function buildSuggest(req: SuggestRequest, index: string): estypes.SearchRequest {
  const prefixes = namePrefixes(req.q);
  const include = prefixes.map((p) => `${escapeRegExp(p)}.*`).join('|');
  const titleQuery: estypes.QueryDslQueryContainer = {
    match_phrase_prefix: { title: { query: req.q } },
  };
  const nameQueries = Object.values(NAME_FIELDS).flatMap((field) =>
    prefixes.map((value) => ({ prefix: { [field]: { value } } })),
  );
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const [kind, field] of Object.entries(NAME_FIELDS)) {
    aggs[kind] = { terms: { field, include, size: req.size } };
  }
  aggs.title = {
    filter: titleQuery,
    aggs: { top: { top_hits: { size: req.size, _source: ['id', 'title'] } } },
  };
  return {
    index,
    size: 0,
    // Aggregations count in the articles that match at least one kind.
    query: { bool: { should: [...nameQueries, titleQuery], minimum_should_match: 1 } },
    aggs,
    track_total_hits: false,
    filter_path: SUGGEST_FILTER_PATH,
  };
}

type Buckets = { buckets?: { key: string; doc_count: number }[] };
type TopHits = { top?: { hits?: { hits?: { _source?: { id: string; title: string } }[] } } };

/** Suggestions grouped by kind (people, places, sources, titles), each kind by article count. */
export function shapeSuggest(res: estypes.SearchResponse, req: SuggestRequest): SuggestResponse {
  const aggs = (res.aggregations ?? {}) as Record<string, unknown>;
  const suggestions: Suggestion[] = [];
  for (const kind of ['person', 'place', 'source'] as const) {
    for (const b of (aggs[kind] as Buckets | undefined)?.buckets ?? []) {
      const value = String(b.key);
      suggestions.push({
        kind,
        value,
        label: convertText(value, req.outputScript),
        count: b.doc_count,
      });
    }
  }
  for (const hit of (aggs.title as TopHits | undefined)?.top?.hits?.hits ?? []) {
    const doc = hit._source;
    if (!doc?.title) continue;
    suggestions.push({
      kind: 'title',
      value: doc.title,
      label: convertText(doc.title, req.outputScript),
      count: 1,
      article_id: doc.id,
    });
  }
  return { suggestions };
}
