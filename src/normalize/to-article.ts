// The last step: a finished draft becomes an Article with a content-derived id and its script.
import { createHash } from 'node:crypto';
import type { Article, PublishedDate } from '../article';
import type { Draft } from './draft';
import { detectScript, foldScript } from './detect-script';

/** Paragraphs that, with the title, identify an article. */
const ID_PARAGRAPHS = 3;

/** What makes an article itself: its text, its outlet and, where the page gives one, its date. */
export interface Identity {
  title: string;
  body: readonly string[];
  source?: string;
  date?: Pick<PublishedDate, 'iso' | 'year' | 'month' | 'day'>;
}

/** The calendar day an article is dated, as far as the page gives it: 2022-04-20, or -1-31. */
function dayOf(date: Identity['date']): string {
  if (!date) return '';
  if (date.iso) return date.iso.slice(0, 10);
  return `${date.year ?? ''}-${date.month}-${date.day}`;
}

const fold = (s: string) => foldScript(s.normalize('NFKC')).replace(/\s+/g, '');

/**
 * A stable id from the content and its outlet, never the path: the outlet (folded, so 映象網 and
 * 映象网 are one outlet), the day, the title and first paragraphs (folded to Simplified, without
 * spacing). The same article read again from the same outlet gives the same id across runs, file
 * moves, encodings and scripts; another outlet's copy is another article (src/stories groups it).
 */
export function articleId(article: Identity): string {
  const key = [
    fold(article.source ?? ''),
    dayOf(article.date),
    ...[article.title, ...article.body.slice(0, ID_PARAGRAPHS)].map(fold),
  ].join('\n');
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

export function toArticle(draft: Draft, path: string): Article {
  const texts = (kind: string) => draft.blocks.filter((b) => b.kind === kind).map((b) => b.text);
  const title = draft.title ?? '';
  const body = texts('paragraph');
  const subheadings = texts('subheading');
  const captions = texts('caption');
  const article: Article = {
    id: articleId({ title, body, source: draft.source, date: draft.date }),
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
