// Shapes Elasticsearch responses into the API's wire types. Pure.
import type { estypes } from '@elastic/elasticsearch';
import type { Script } from '../article';
import { encodeCursor, searchFingerprint } from './cursor';
import { shapeFacets } from './facets';
import { convertHtml, convertText, escapeHtml, type OutputScript } from './output-script';
import type { ArticleResponse, SearchHit, SearchRequest, SearchResponse, SortValues } from './wire';

/** An article as stored in the index (the fields the API reads; the indexer writes more). */
export interface IndexedArticle {
  id: string;
  title: string;
  body?: string[];
  subheadings?: string[];
  captions?: string[];
  source?: string;
  place?: string;
  published_at?: string;
  reporters?: string[];
  correspondents?: string[];
  editors?: string[];
  keywords?: string[];
  people?: string[];
  script: Script;
  path: string;
}

/** A name (source, place) in the output script, as the whole page shows it. */
const convertName = (name: string | undefined, out: OutputScript) =>
  name === undefined ? null : convertText(name, out);

/** Joins highlights that touch (<mark>防控</mark><mark>疫情</mark>), which the highlighter
 * leaves apart when they come from different terms. */
export function joinAdjacentMarks(html: string): string {
  return html.replaceAll('</mark><mark>', '');
}

export function shapeHit(hit: estypes.SearchHit<IndexedArticle>, out: OutputScript): SearchHit {
  const doc = hit._source!;
  const title = hit.highlight?.title?.[0] ?? escapeHtml(doc.title);
  const html = (fragment: string) => convertHtml(joinAdjacentMarks(fragment), out);
  return {
    id: doc.id,
    title: convertText(doc.title, out),
    title_html: html(title),
    fragments: (hit.highlight?.body ?? []).map(html),
    source: convertName(doc.source, out),
    place: convertName(doc.place, out),
    published_at: doc.published_at ?? null,
    script: doc.script,
    path: doc.path,
    score: hit._score ?? null,
  };
}

/** The API response for a search; next_cursor points after the last hit shown when another
 * page follows (see buildSearch for how that is known). */
export function shapeSearchResponse(
  res: estypes.SearchResponse<IndexedArticle>,
  req: SearchRequest,
): SearchResponse {
  // filter_path drops an empty hit list altogether.
  const found = res.hits.hits ?? [];
  const hits = found.slice(0, req.size);
  const last = hits[hits.length - 1];
  const total = typeof res.hits.total === 'number' ? res.hits.total : (res.hits.total?.value ?? 0);
  const more = req.after
    ? found.length > req.size
    : (req.page - 1) * req.size + hits.length < total;
  return {
    total,
    took_ms: res.took,
    page: req.after ? null : req.page,
    size: req.size,
    hits: hits.map((hit) => shapeHit(hit, req.outputScript)),
    facets: shapeFacets(res.aggregations, req.filters, req.outputScript),
    next_cursor:
      more && last?.sort
        ? encodeCursor({
            fingerprint: searchFingerprint(req.query, req.filters, req.sort),
            after: last.sort as SortValues,
          })
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
    id: doc.id,
    title: convertText(doc.title, out),
    title_html: asHtml(doc.title, hit.highlight?.title?.[0]),
    body: convertAll(doc.body),
    body_html: (doc.body ?? []).map((p) => asHtml(p)),
    subheadings: convertAll(doc.subheadings),
    captions: convertAll(doc.captions),
    source: convertName(doc.source, out),
    place: convertName(doc.place, out),
    published_at: doc.published_at ?? null,
    reporters: convertAll(doc.reporters),
    correspondents: convertAll(doc.correspondents),
    editors: convertAll(doc.editors),
    keywords: convertAll(doc.keywords),
    people: convertAll(doc.people),
    script: doc.script,
    path: doc.path,
  };
}
