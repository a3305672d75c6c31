// The indexed document: what an Article becomes in Elasticsearch (see mappings/README.md). Its
// schema and type are derived from the article's, in src/article.ts.
import { createHash } from 'node:crypto';
import { INDEX_DOCUMENT_FIELDS, type Article, type IndexDocument } from '../article';
import { encodeSketch, fingerprint } from '../stories/fingerprint';
import { namedPeople } from './named-people';

export type { IndexDocument };

/** Set by the indexer after the hash: the story depends on the other articles (src/stories). */
type Content = Omit<IndexDocument, 'content_hash' | 'story_id'>;

/** The fields the content hash covers, in the schema's key order. */
const CONTENT_FIELDS = INDEX_DOCUMENT_FIELDS.filter(
  (f): f is keyof Content => f !== 'content_hash' && f !== 'story_id',
);

/** The hash of a document's content; the key order is fixed by toIndexDocument. */
export function contentHash(doc: Content): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/**
 * Maps an article to its document; `removed` is debugging output and stays out. Without
 * `stories` it has no fingerprint (bench:stories-cost measures what fingerprints cost).
 */
export function toIndexDocument(article: Article, { stories = true } = {}): IndexDocument {
  const people = [
    ...new Set([
      ...article.reporters,
      ...article.correspondents,
      ...article.editors,
      ...namedPeople([article.title, ...article.body]),
    ]),
  ];
  const sketch = stories ? fingerprint(article) : { bands: [], signature: [], size: 0 };
  const from = {
    ...article,
    people,
    story_bands: sketch.bands,
    fingerprint: sketch.signature.length > 0 ? encodeSketch(sketch) : undefined,
  };
  // Built in the schema's key order, whatever order the article's keys came in.
  const doc = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, from[f]])) as Content;
  // Its own story until the indexer has compared it with the others.
  return { ...doc, content_hash: contentHash(doc), story_id: article.id };
}
