// The indexed document: what an Article becomes in Elasticsearch (see mappings/README.md). Its
// schema and type are derived from the article's, in src/article.ts.
import { createHash } from 'node:crypto';
import { INDEX_DOCUMENT_FIELDS, type Article, type IndexDocument } from '../article';
import { namedPeople } from './named-people';

export type { IndexDocument };

type Content = Omit<IndexDocument, 'content_hash'>;

/** The fields the content hash covers, in the schema's key order. */
const CONTENT_FIELDS = INDEX_DOCUMENT_FIELDS.filter(
  (f): f is keyof Content => f !== 'content_hash',
);

/** The hash of a document's content; the key order is fixed by toIndexDocument. */
export function contentHash(doc: Content): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/** Maps an article to its document; `removed` is debugging output and stays out. */
export function toIndexDocument(article: Article): IndexDocument {
  const people = [
    ...new Set([
      ...article.reporters,
      ...article.correspondents,
      ...article.editors,
      ...namedPeople([article.title, ...article.body]),
    ]),
  ];
  const from = { ...article, people };
  // Built in the schema's key order, whatever order the article's keys came in.
  const doc = Object.fromEntries(CONTENT_FIELDS.map((f) => [f, from[f]])) as Content;
  return { ...doc, content_hash: contentHash(doc) };
}
