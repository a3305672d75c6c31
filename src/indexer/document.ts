// The indexed document: what an Article becomes in Elasticsearch (see mappings/README.md).
import { createHash } from 'node:crypto';
import type { Article, PublishedDate, Script } from '../article';
import { namedPeople } from './named-people';

export interface IndexDocument {
  id: string;
  title: string;
  body: string[];
  subheadings: string[];
  captions: string[];
  source?: string;
  place?: string;
  reporters: string[];
  correspondents: string[];
  editors: string[];
  /** Reporters, correspondents, editors and the people the text names (named-people.ts), for
   * one facet, filter and suggestion kind. */
  people: string[];
  keywords: string[];
  published_at?: string;
  /** Kept for display (a month and day without a year), not indexed. */
  date?: PublishedDate;
  script: Script;
  path: string;
  /** Hash of everything above: equal hashes mean a re-run has nothing to write. */
  content_hash: string;
}

/** The hash of a document's content; the key order is fixed by toIndexDocument. */
export function contentHash(doc: Omit<IndexDocument, 'content_hash'>): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

/** Maps an article to its document; `removed` is debugging output and stays out. */
export function toIndexDocument(article: Article): IndexDocument {
  const doc: Omit<IndexDocument, 'content_hash'> = {
    id: article.id,
    title: article.title,
    body: article.body,
    subheadings: article.subheadings,
    captions: article.captions,
    source: article.source,
    place: article.place,
    reporters: article.reporters,
    correspondents: article.correspondents,
    editors: article.editors,
    people: [
      ...new Set([
        ...article.reporters,
        ...article.correspondents,
        ...article.editors,
        ...namedPeople([article.title, ...article.body]),
      ]),
    ],
    keywords: article.keywords,
    published_at: article.published_at,
    date: article.date,
    script: article.script,
    path: article.path,
  };
  return { ...doc, content_hash: contentHash(doc) };
}
