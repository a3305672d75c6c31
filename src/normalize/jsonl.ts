// JSON lines: one already-structured article per line, validated with one schema.
import { z } from 'zod';
import type { Article } from '../article';
import { articleId } from './to-article';
import { isoBeijing } from './stages/metadata';
import { detectScript } from './detect-script';

const text = z.string().trim().min(1);
const list = z.array(text).default([]);

const ISO_BEIJING = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\+08:00$/;

/** ISO 8601 in China's offset, on a real calendar day. */
const publishedAt = z.string().refine((s) => {
  const m = ISO_BEIJING.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, sec] = m.slice(1).map((v) => Number(v ?? 0));
  return isoBeijing(y!, mo!, d!, h, mi, sec) !== undefined;
}, 'expected ISO 8601 with +08:00, e.g. 2022-04-20T14:06:00+08:00');

const publishedDate = z.object({
  iso: publishedAt.optional(),
  year: z.number().int().optional(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  evidence: z.enum(['explicit', 'inferred-year', 'partial']),
  raw: z.string(),
  year_raw: z.string().optional(),
});

/**
 * An Article as the rest of the pipeline stores it; what can be derived (id, script, the
 * lists, path, removed) may be left out. Unknown fields are an error, so a misspelt one is seen.
 */
export const JsonlArticle = z
  .object({
    id: text.optional(),
    // A page can lack a headline (seed 001); its article still has a body.
    title: z.string().trim(),
    body: z.array(text).min(1),
    subheadings: list,
    captions: list,
    published_at: publishedAt.optional(),
    date: publishedDate.optional(),
    source: text.optional(),
    reporters: list,
    correspondents: list,
    editors: list,
    place: text.optional(),
    keywords: list,
    script: z.enum(['traditional', 'simplified', 'mixed']).optional(),
    path: text.optional(),
    removed: z.array(z.object({ stage: z.string(), text: z.string() })).default([]),
    evidence: z
      .partialRecord(
        z.enum(['title', 'date', 'source', 'place', 'reporters']),
        z.object({ stage: z.string(), text: z.string(), uncertain: z.boolean().optional() }),
      )
      .optional(),
  })
  .strict()
  .refine((a) => !a.published_at || !a.date?.iso || a.published_at === a.date.iso, {
    message: 'published_at and date.iso differ',
    path: ['published_at'],
  });

export interface JsonlResult {
  articles: Article[];
  /** One per bad line, naming the line number. */
  warnings: string[];
}

function problem(error: z.ZodError): string {
  return error.issues
    .map((i) => `${i.path.length > 0 ? i.path.join('.') : 'article'}: ${i.message}`)
    .join('; ');
}

/** Parses every line; bad lines become warnings and the others still load. */
export function parseJsonl(content: string, path: string): JsonlResult {
  const articles: Article[] = [];
  const warnings: string[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      warnings.push(`line ${i + 1}: not JSON (${(e as Error).message})`);
      return;
    }
    const parsed = JsonlArticle.safeParse(json);
    if (!parsed.success) {
      warnings.push(`line ${i + 1}: ${problem(parsed.error)}`);
      return;
    }
    const a = parsed.data;
    const { id, script, path: ownPath, ...rest } = a;
    const article: Article = {
      ...rest,
      id: id ?? articleId(a.title, a.body),
      script:
        script ?? detectScript([a.title, ...a.body, ...a.subheadings, ...a.captions].join('\n')),
      path: ownPath ?? path,
    };
    if (!article.published_at && article.date?.iso) article.published_at = article.date.iso;
    if (article.published_at && !article.date) {
      const [y, mo, d] = article.published_at.slice(0, 10).split('-').map(Number);
      article.date = {
        iso: article.published_at,
        year: y,
        month: mo!,
        day: d!,
        evidence: 'explicit',
        raw: article.published_at,
      };
    }
    articles.push(article);
  });
  return { articles, warnings };
}
