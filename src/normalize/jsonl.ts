// JSON lines: one already-structured article per line, validated with one schema.
import { z } from 'zod';
import { articleSchema, type Article } from '../article';
import { articleId } from './to-article';
import { detectScript } from './detect-script';

/**
 * An Article as the rest of the pipeline stores it; what can be derived (id, script, path, and
 * the lists, which default to empty) may be left out. Unknown fields are an error, so a misspelt
 * one is seen.
 */
export const JsonlArticle = articleSchema
  .extend({
    id: articleSchema.shape.id.optional(),
    script: articleSchema.shape.script.optional(),
    path: articleSchema.shape.path.optional(),
  })
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
      id: id ?? '',
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
    if (!article.id) article.id = articleId(article);
    articles.push(article);
  });
  return { articles, warnings };
}
