// Shapes Elasticsearch responses into the API's wire types. Pure.
import type { estypes } from '@elastic/elasticsearch';
import { z } from 'zod';
import { INDEX_DOCUMENT_FIELDS, type IndexDocument } from '../article';
import { encodeCursor, searchFingerprint } from './cursor';
import { shapeFacets } from './facets';
import { readableFragment } from './fragments';
import { FRAGMENTS, RESULT_WINDOW, VERSIONS_AGGREGATION, VERSIONS_SHOWN } from './query';
import { convertHtml, convertText, escapeHtml, type OutputScript } from './output-script';
import {
  articleResponseSchema,
  HIT_SOURCE_FIELDS,
  type ArticleResponse,
  type HitSourceField,
  type SearchHit,
  type SearchRequest,
  type SearchResponse,
  type SortValues,
} from './wire';

/** A stored article as the API reads it: a hit's source holds the fields HIT_SOURCE_FIELDS
 * names, the article lookup all of them. */
export type IndexedArticle = Pick<IndexDocument, HitSourceField> & Partial<IndexDocument>;

/** A name (source, place) in the output script, as the whole page shows it. */
const convertName = (name: string | undefined, out: OutputScript) =>
  name === undefined ? null : convertText(name, out);

/** The stored fields an article response carries (the rest it derives: title_html...). */
const ARTICLE_RESPONSE_FIELDS = INDEX_DOCUMENT_FIELDS.filter(
  (f) => f in articleResponseSchema.shape,
) as (keyof ArticleResponse & keyof IndexDocument)[];
const LIST_FIELDS = new Set(
  Object.entries(articleResponseSchema.shape)
    .filter(([, schema]) => schema instanceof z.ZodDefault || schema instanceof z.ZodArray)
    .map(([field]) => field),
);

/** The named fields of a stored document, those it lacks as the API gives them: an empty list
 * or null. */
function stored<K extends keyof IndexDocument>(
  doc: Partial<IndexDocument>,
  fields: readonly K[],
): Record<K, unknown> {
  const out = {} as Record<K, unknown>;
  for (const field of fields) out[field] = doc[field] ?? (LIST_FIELDS.has(field) ? [] : null);
  return out;
}

/** A story's matching versions: how many, and the first of them (oldest first). */
export interface StoryVersions {
  count: number;
  first: Partial<IndexedArticle>[];
}

/** The story ids of a collapsed page's hits (those shown): what buildVersions asks about. */
export function pageStories(res: estypes.SearchResponse<IndexedArticle>, req: SearchRequest) {
  const ids = (res.hits.hits ?? []).slice(0, req.size).map((hit) => hit._source?.story_id);
  return [...new Set(ids.filter((id): id is string => !!id))];
}

/** buildVersions's answer, by story id; a story it leaves out matched once: no other versions. */
export function readVersions(res: estypes.SearchResponse): Map<string, StoryVersions> {
  interface Bucket {
    key: string;
    doc_count: number;
    first: { hits: { hits: { _source?: Partial<IndexedArticle> }[] } };
  }
  const buckets =
    (res.aggregations?.[VERSIONS_AGGREGATION] as { buckets?: Bucket[] } | undefined)?.buckets ?? [];
  return new Map(
    buckets.map((b) => [
      b.key,
      {
        count: b.doc_count,
        first: b.first.hits.hits.flatMap((h) => (h._source ? [h._source] : [])),
      },
    ]),
  );
}

/** The versions of a collapsed hit's story that match, the hit itself left out. */
function versionsOf(
  hit: estypes.SearchHit<IndexedArticle>,
  out: OutputScript,
  stories: ReadonlyMap<string, StoryVersions> | undefined,
) {
  const story = stories?.get(hit._source?.story_id ?? '');
  if (!story) return { version_count: 1, versions: [] };
  const versions = story.first
    .filter((v) => v.id !== hit._source?.id)
    .slice(0, VERSIONS_SHOWN)
    .map((v) => ({
      id: v.id ?? '',
      source: v.source ?? null,
      published_at: v.published_at ?? null,
      title: convertText(v.title ?? '', out),
    }));
  return { version_count: Math.max(1, story.count), versions };
}

/** Joins highlights that touch (<mark>防控</mark><mark>疫情</mark>), which the highlighter
 * leaves apart when they come from different terms. */
export function joinAdjacentMarks(html: string): string {
  return html.replaceAll('</mark><mark>', '');
}

export function shapeHit(
  hit: estypes.SearchHit<IndexedArticle>,
  out: OutputScript,
  stories?: ReadonlyMap<string, StoryVersions>,
): SearchHit {
  const doc = hit._source!;
  const title = hit.highlight?.title?.[0] ?? escapeHtml(doc.title);
  const html = (fragment: string) => convertHtml(joinAdjacentMarks(fragment), out);
  return {
    ...stored(doc, HIT_SOURCE_FIELDS),
    title: convertText(doc.title, out),
    title_html: html(title),
    fragments: (hit.highlight?.body ?? []).map((f) => html(readableFragment(f, FRAGMENTS.size))),
    source: convertName(doc.source, out),
    place: convertName(doc.place, out),
    score: hit._score ?? null,
    ...versionsOf(hit, out, stories),
  } as SearchHit;
}

/** The API response for a search; next_cursor points after the last hit shown when another
 * page follows (see buildSearch for how that is known). Collapsed, `versions` holds the
 * versions of the page's stories (readVersions). */
export function shapeSearchResponse(
  res: estypes.SearchResponse<IndexedArticle>,
  req: SearchRequest,
  versions?: ReadonlyMap<string, StoryVersions>,
): SearchResponse {
  // filter_path drops an empty hit list altogether.
  const found = res.hits.hits ?? [];
  const hits = found.slice(0, req.size);
  const last = hits[hits.length - 1];
  const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
  const more =
    req.after || req.collapse
      ? found.length > req.size
      : (req.page - 1) * req.size + hits.length < total;
  const from = req.offset ?? (req.page - 1) * req.size;
  const fingerprint = searchFingerprint(req.query, req.filters, req.sort, req.collapse);
  // The point in time the next page reads; the engine may hand back a new id for it.
  const pitId = res.pit_id ?? req.pit;
  const pit = pitId ? { pit: pitId } : {};
  const stories = (
    res.aggregations?.stories as { count?: estypes.AggregationsCardinalityAggregate } | undefined
  )?.count;
  return {
    total,
    collapsed: req.collapse,
    stories: req.collapse ? (stories?.value ?? null) : null,
    facet_counts: req.collapse ? 'stories' : 'articles',
    took_ms: res.took,
    page: req.after || req.offset !== undefined ? null : req.page,
    size: req.size,
    hits: hits.map((hit) => shapeHit(hit, req.outputScript, versions)),
    facets: shapeFacets(res.aggregations, req.filters, req.outputScript),
    next_cursor: !more
      ? null
      : req.collapse
        ? from + hits.length < RESULT_WINDOW
          ? encodeCursor({ fingerprint, offset: from + hits.length, ...pit })
          : null
        : last?.sort
          ? // A search on a point in time sorts on one more value (the engine's _shard_doc)
            // when it has no search_after; ours end on the unique id already.
            encodeCursor({ fingerprint, after: last.sort.slice(0, 2) as SortValues, ...pit })
          : null,
  };
}

/** The whole article, its text and names in the output script; with highlights (from a
 * lookup with the reader's query), the title and paragraphs also as HTML with the matches
 * marked. The engine returns only the paragraphs that match: the others are escaped here. */
export function shapeArticle(
  hit: estypes.SearchHit<IndexedArticle>,
  out: OutputScript,
): ArticleResponse {
  const doc = hit._source!;
  const convertAll = (texts: string[] | undefined) => (texts ?? []).map((t) => convertText(t, out));
  const marked = new Map<string, string>();
  for (const html of hit.highlight?.body ?? []) marked.set(html.replace(/<\/?mark>/g, ''), html);
  const asHtml = (text: string, highlighted?: string) => {
    const escaped = escapeHtml(text);
    return convertHtml(joinAdjacentMarks(highlighted ?? marked.get(escaped) ?? escaped), out);
  };
  return {
    ...stored(doc, ARTICLE_RESPONSE_FIELDS),
    title: convertText(doc.title, out),
    title_html: asHtml(doc.title, hit.highlight?.title?.[0]),
    body: convertAll(doc.body),
    body_html: (doc.body ?? []).map((p) => asHtml(p)),
    subheadings: convertAll(doc.subheadings),
    captions: convertAll(doc.captions),
    source: convertName(doc.source, out),
    place: convertName(doc.place, out),
    reporters: convertAll(doc.reporters),
    correspondents: convertAll(doc.correspondents),
    editors: convertAll(doc.editors),
    keywords: convertAll(doc.keywords),
    people: convertAll(doc.people),
  } as ArticleResponse;
}
