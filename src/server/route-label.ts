// The route of a request as a bounded label for logs and metrics: the matched route's
// pattern (`/api/articles/:id`, never the id), else a fixed word.
import type { Request, Response } from 'express';

export function routeOf(req: Request, res: Response): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof route === 'string') return route;
  // No route matched: the static page and its files, or a 404 / a refusal (429, 400).
  return res.statusCode < 400 ? 'static' : 'other';
}
