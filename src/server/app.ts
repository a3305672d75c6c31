// The Express app: the API routes, the static search page when there is one, JSON errors.
import express, { type ErrorRequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../config';
import { HttpError, toHttpError } from './errors';
import { routes, type Deps } from './routes';

/** Where a static search page may live (served at /), checked in under src/. */
export const PUBLIC_DIR = join(ROOT, 'src', 'server', 'public');

export function createApp(deps: Deps, publicDir = PUBLIC_DIR): express.Express {
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
    if (http.status >= 500) {
      // The reason goes to the log, never to the client.
      console.error(`${req.method} ${req.originalUrl}: ${http.status}`, err);
    }
    res.status(http.status).json(http.body);
  };
  app.use(onError);
  return app;
}
