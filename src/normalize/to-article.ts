// The last step: a finished draft becomes an Article with a content-derived id and its script.
import { createHash } from 'node:crypto';
import type { Article } from '../article';
import type { Draft } from './draft';
import { detectScript, foldScript } from './detect-script';

/** Paragraphs that, with the title, identify an article. */
const ID_PARAGRAPHS = 3;

/**
 * A stable id from the content alone, never the path: the title and first paragraphs, folded to
 * Simplified and stripped of spacing, so the same article gives the same id across runs, file
 * moves, encodings and scripts.
 */
export function articleId(title: string, body: readonly string[]): string {
  const key = [title, ...body.slice(0, ID_PARAGRAPHS)]
    .map((s) => foldScript(s).replace(/\s+/g, ''))
    .join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

export function toArticle(draft: Draft, path: string): Article {
  const texts = (kind: string) => draft.blocks.filter((b) => b.kind === kind).map((b) => b.text);
  const title = draft.title ?? '';
  const body = texts('paragraph');
  const subheadings = texts('subheading');
  const captions = texts('caption');
  const article: Article = {
    id: articleId(title, body),
    title,
    body,
    subheadings,
    captions,
    reporters: draft.reporters,
    correspondents: draft.correspondents,
    editors: draft.editors,
    keywords: draft.keywords,
    script: detectScript([title, ...body, ...subheadings, ...captions].join('\n')),
    path,
    removed: draft.removed,
  };
  if (draft.date?.iso) article.published_at = draft.date.iso;
  if (draft.date) article.date = draft.date;
  if (draft.source) article.source = draft.source;
  if (draft.place) article.place = draft.place;
  const evidence = Object.fromEntries(
    Object.entries(draft.evidence).filter(([field, ev]) => {
      const value = field === 'date' ? article.date : article[field as keyof Article];
      return ev.uncertain || (Array.isArray(value) ? value.length > 0 : Boolean(value));
    }),
  );
  if (Object.keys(evidence).length > 0) article.evidence = evidence;
  return article;
}
