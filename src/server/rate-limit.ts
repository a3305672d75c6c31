// A request limit per client (express-rate-limit, in memory: one API process). Over it, a
// 429 with a JSON body and Retry-After. Probes and the metrics scraper are not limited.
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { HttpError } from './errors';

export interface RateLimitOptions {
  /** Requests per client and window; 0 turns the limit off. */
  max: number;
  windowMs: number;
}

const UNLIMITED = new Set(['/healthz', '/readyz', '/metrics']);

export function rateLimitPerClient({ max, windowMs }: RateLimitOptions): RequestHandler | null {
  if (max === 0) return null;
  return rateLimit({
    windowMs,
    limit: max,
    // RateLimit and RateLimit-Policy headers (IETF draft 8); Retry-After on a 429.
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => UNLIMITED.has(req.path),
    handler: (_req, _res, next, options) => {
      next(
        new HttpError(429, {
          error: 'rate_limited',
          message: `more than ${options.limit as number} requests in ${windowMs / 1000} s from this client; retry after the time in Retry-After`,
        }),
      );
    },
  });
}
