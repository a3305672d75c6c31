// The Express app: metrics and the request log first, security headers and the rate limit,
// then the API routes, the static search page when there is one, JSON errors.
import express, { type ErrorRequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { ROOT } from '../config';
import type { Logger } from '../logger';
import { HttpError, toHttpError } from './errors';
import type { Metrics } from './metrics';
import { rateLimitPerClient, type RateLimitOptions } from './rate-limit';
import { requestLog } from './request-log';
import { routes, type Deps } from './routes';
import { securityHeaders } from './security-headers';

/** Where a static search page may live (served at /), checked in under src/. */
export const PUBLIC_DIR = join(ROOT, 'src', 'server', 'public');

export interface AppOptions extends Deps {
  publicDir?: string;
  /** The request log and failures (default: nothing logged). */
  logger?: Logger;
  /** Whether request log lines carry the query parameters (LOG_QUERIES). */
  logQueries?: boolean;
  /** Prometheus metrics and /metrics (default: none). */
  metrics?: Metrics;
  /** Requests per client (default: no limit). */
  rateLimit?: RateLimitOptions;
  /** Express's `trust proxy` setting, for the client address behind a proxy. */
  trustProxy?: string;
}

export function createApp({
  publicDir = PUBLIC_DIR,
  logger = pino({ level: 'silent' }),
  logQueries = false,
  metrics,
  rateLimit,
  trustProxy,
  ...deps
}: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // No ETag: hashing every search answer costs CPU on each request, and a search is asked
  // for fresh (nothing revalidates it).
  app.disable('etag');
  if (trustProxy !== undefined) app.set('trust proxy', trustProxy);
  if (metrics) app.use(metrics.middleware);
  app.use(requestLog({ logger, logQueries }));
  app.use(securityHeaders());
  const limit = rateLimit && rateLimitPerClient(rateLimit);
  if (limit) app.use(limit);
  if (metrics) app.get('/metrics', metrics.handler);
  app.use(routes(deps));
  if (existsSync(publicDir)) app.use(express.static(publicDir));

  app.use((req, _res, next) => {
    next(
      new HttpError(404, { error: 'not_found', message: `no route for ${req.method} ${req.path}` }),
    );
  });

  // Express tells error handlers by their four parameters, so `_next` stays.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const http = toHttpError(err);
    // The reason goes to the request's log line (request-log.ts reads res.err), never to the
    // client: its type and message for an engine that is down or slow, the stack for a bug.
    if (http.status >= 500) (res as { err?: unknown }).err = err;
    if (http.status === 429) res.setHeader('Cache-Control', 'no-store');
    res.status(http.status).json(http.body);
  };
  app.use(onError);
  return app;
}
