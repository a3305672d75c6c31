// The Express app: the API routes, the static search page when there is one, JSON errors.
import express, { type ErrorRequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config';
import { HttpError, toHttpError } from './errors';
import { routes, type Deps } from './routes';

/** Where a static search page may live (served at /), checked in under src/. */
export const PUBLIC_DIR = join(ROOT, 'src', 'server', 'public');

export interface AppOptions extends Deps {
  publicDir?: string;
  /** Where failures are logged (the console unless a test listens). */
  log?: Pick<Console, 'warn' | 'error'>;
}

export function createApp({
  publicDir = PUBLIC_DIR,
  log = console,
  ...deps
}: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.use(routes(deps));
  if (existsSync(publicDir)) app.use(express.static(publicDir));

  app.use((req, _res, next) => {
    next(
      new HttpError(404, { error: 'not_found', message: `no route for ${req.method} ${req.path}` }),
    );
  });

  // Express tells error handlers by their four parameters, so `_next` stays.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    const http = toHttpError(err);
    // The reason goes to the log, never to the client: a line for an engine that is down or
    // slow (expected, and it can be frequent), everything for a bug.
    const line = `${req.method} ${req.originalUrl}: ${http.status}`;
    if (http.status === 503) log.warn(`${line} ${(err as Error).name}: ${(err as Error).message}`);
    else if (http.status >= 500) log.error(line, err);
    res.status(http.status).json(http.body);
  };
  app.use(onError);
  return app;
}
