// Scores a normalized article against a page of the generalization set, and sums the scores.
import type { Article } from '../../../src/article';
import { sentences } from '../../fixtures/seeds';
import type { Expected, Page } from './pages';

/** Text compared without spacing and with full-width letters and digits folded. */
export const key = (s: string) =>
  s
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/[０-９Ａ-Ｚａ-ｚ]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

const visible = (s: string) => [...key(s)].length;

export type Field = keyof Expected;
export const FIELDS: Field[] = ['title', 'date', 'source', 'place', 'reporters', 'editors'];

export interface PageScore {
  page: Page;
  got: Expected;
  right: Record<Field, boolean>;
  /** Chrome lines and marked metadata that some piece of the article's text still holds. */
  leaked: string[];
  /** Sentences of the article (body and captions) found nowhere in its text. */
  lost: string[];
  /** Caption lines left in the body. */
  captionsInBody: string[];
  warnings: string[];
  /** Lines the cross-page boilerplate stage removed. */
  boilerplate: string[];
}

export function gotFields(a: Article | undefined): Expected {
  return {
    title: a?.title ?? '',
    date: a?.published_at?.slice(0, 10) ?? '',
    source: a?.source ?? '',
    place: a?.place ?? '',
    reporters: a?.reporters ?? [],
    editors: a?.editors ?? [],
  };
}

const sameList = (a: string[], b: string[]) =>
  JSON.stringify(a.map(key).sort()) === JSON.stringify(b.map(key).sort());

export function scorePage(page: Page, article: Article | undefined, warnings: string[]): PageScore {
  const got = gotFields(article);
  const want = page.expected;
  const right = Object.fromEntries(
    FIELDS.map((f) => {
      const [g, w] = [got[f], want[f]];
      return [f, Array.isArray(g) ? sameList(g, w as string[]) : key(g) === key(w as string)];
    }),
  ) as Record<Field, boolean>;

  const pieces = article
    ? [article.title, ...article.body, ...article.subheadings, ...article.captions]
        .map(key)
        .filter((p) => visible(p) >= 2)
    : [];
  // A piece is the page's own text when an article line, caption or the headline holds it.
  const own = [...page.articleLines, ...page.captionLines, want.title].map(key);
  const foreign = pieces.filter((p) => !own.some((line) => line.includes(p)));
  const leaked = page.chrome.filter((c) => {
    const k = key(c);
    return visible(k) >= 2 && foreign.some((p) => k.includes(p) || p.includes(k));
  });

  const text = pieces.join('|');
  const expected = [...page.articleLines, ...page.captionLines].flatMap(sentences);
  const lost = expected.filter((s) => !text.includes(key(s)));
  const body = (article?.body ?? []).map(key);
  const captionsInBody = page.captionLines.filter((c) => body.some((b) => b.includes(key(c))));
  const boilerplate = (article?.removed ?? [])
    .filter((r) => r.stage === 'dropSiteBoilerplate')
    .map((r) => r.text);
  return { page, got, right, leaked, lost, captionsInBody, warnings, boilerplate };
}

export interface Summary {
  pages: number;
  /** Share of pages with the field right (or rightly empty). */
  accuracy: Record<Field, number>;
  /** Share of the pages that name reporters where exactly those reporters are found. */
  namedReporters: number;
  namedReporterPages: number;
  chromePerPage: number;
  chromeLeaked: number;
  sentencesLost: number;
  sentences: number;
  captionsInBody: number;
  /** Pages with a wrong, non-empty title and no warning about the title. */
  silentWrongTitles: number;
}

export function summarize(scores: PageScore[]): Summary {
  const n = scores.length;
  const share = (k: number, of: number) => (of === 0 ? 1 : k / of);
  const named = scores.filter((s) => s.page.expected.reporters.length > 0);
  const chromeLeaked = scores.reduce((t, s) => t + s.leaked.length, 0);
  return {
    pages: n,
    accuracy: Object.fromEntries(
      FIELDS.map((f) => [f, share(scores.filter((s) => s.right[f]).length, n)]),
    ) as Record<Field, number>,
    namedReporters: share(named.filter((s) => s.right.reporters).length, named.length),
    namedReporterPages: named.length,
    chromePerPage: share(chromeLeaked, n),
    chromeLeaked,
    sentencesLost: scores.reduce((t, s) => t + s.lost.length, 0),
    sentences: scores.reduce(
      (t, s) => t + [...s.page.articleLines, ...s.page.captionLines].flatMap(sentences).length,
      0,
    ),
    captionsInBody: scores.reduce((t, s) => t + s.captionsInBody.length, 0),
    silentWrongTitles: scores.filter(
      (s) => !s.right.title && s.got.title !== '' && !s.warnings.some((w) => /title/.test(w)),
    ).length,
  };
}
