// One log line per request (pino-http): the request id, method, route, status, duration,
// and for searches the engine's `took` and the hit count. The query string is logged only
// when LOG_QUERIES is on, since queries can be private.
import type { Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../logger';
import { routeOf } from './route-label';

/** What a route tells the request log about its engine call. */
export interface EngineNote {
  took_ms: number;
  hits: number;
}

/** Records the engine's `took` and hit count for this request's log line. */
export function noteEngine(res: Response, note: EngineNote): void {
  res.locals.engine = note;
}

/** An incoming X-Request-Id is kept when it looks like an id (no spaces, no control bytes). */
const REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const incoming = req.headers['x-request-id'];
  const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

const STARTED = Symbol('started');

export interface RequestLogOptions {
  logger: Logger;
  /** Log the decoded query parameters (LOG_QUERIES). */
  logQueries: boolean;
}

export function requestLog({ logger, logQueries }: RequestLogOptions): RequestHandler {
  const line = (req: IncomingMessage, res: ServerResponse) => {
    const request = req as Request & { [STARTED]?: number };
    const response = res as Response;
    const engine = response.locals?.engine as EngineNote | undefined;
    return {
      method: req.method,
      route: routeOf(request, response),
      path: request.path,
      ...(logQueries && { query: request.query }),
      status: res.statusCode,
      ms: Math.round((performance.now() - (request[STARTED] ?? 0)) * 100) / 100,
      ...engine,
    };
  };
  const http = pinoHttp({
    logger,
    genReqId: requestId,
    // The request's child logger binds only the id; the line itself says the rest.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, err) =>
      res.statusCode === 503 ? 'warn' : err || res.statusCode >= 500 ? 'error' : 'info',
    customSuccessMessage: (req, res) => message(req, res),
    customErrorMessage: (req, res) => message(req, res),
    customSuccessObject: (req, res) => line(req, res),
    customErrorObject: (req, res, err) => ({ ...line(req, res), err }),
    wrapSerializers: false,
    serializers: {
      // Engine errors carry the request they failed on; the type and message are enough.
      err: (err: Error) => ({
        type: err.name,
        message: err.message,
        ...(!('meta' in err) && { stack: err.stack }),
      }),
    },
  });
  const message = (req: IncomingMessage, res: ServerResponse) =>
    `${req.method} ${routeOf(req as Request, res as Response)} ${res.statusCode}`;
  return (req, res, next) => {
    (req as Request & { [STARTED]?: number })[STARTED] = performance.now();
    http(req, res, next);
  };
}
