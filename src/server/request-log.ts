// One log line per request: the request id, method, route, status, duration, and for
// searches the engine's `took` and the hit count. The query string is logged only when
// LOG_QUERIES is on, since queries can be private.
//
// Written here rather than with pino-http: pino-http makes two child loggers per request, one
// bound to the whole request, which it serializes (headers and all) on every request though
// the line never shows it. That was the API's largest cost of its own under bench:search's
// load (issue 16: about a tenth of its CPU). One `logger[level](line, message)` when the
// response ends costs a single serialization of a flat object.
import type { Request, RequestHandler, Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
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

export interface RequestLogOptions {
  logger: Logger;
  /** Log the decoded query parameters (LOG_QUERIES). */
  logQueries: boolean;
}

/** Engine errors carry the request they failed on; the type and message are enough. */
function serializeError(err: unknown): object {
  if (!(err instanceof Error)) return { message: String(err) };
  return {
    type: err.name,
    message: err.message,
    ...(!('meta' in err) && { stack: err.stack }),
  };
}

/** 503 (the engine down or slow) is a warning; other failures are errors. */
export function levelOf(status: number, failed: boolean): 'info' | 'warn' | 'error' {
  return status === 503 ? 'warn' : failed || status >= 500 ? 'error' : 'info';
}

export function requestLog({ logger, logQueries }: RequestLogOptions): RequestHandler {
  // One child for the whole app (not one per request): it only swaps pino's error serializer,
  // which would log an engine error's whole request, for ours.
  const log = logger.child({}, { serializers: { err: serializeError } });
  return (req, res, next) => {
    const started = performance.now();
    const id = requestId(req, res);
    let done = false;
    // 'close' also fires when the client goes away before the response ends.
    const end = () => {
      if (done) return;
      done = true;
      const route = routeOf(req as Request, res as Response);
      // The error handler (app.ts) leaves a failure's reason here for this line only.
      const err = (res as { err?: unknown }).err;
      const line = {
        reqId: id,
        method: req.method,
        route,
        path: req.path,
        ...(logQueries && { query: req.query }),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 100) / 100,
        ...(res.locals.engine as EngineNote | undefined),
        ...(err !== undefined && { err }),
      };
      log[levelOf(res.statusCode, err !== undefined)](
        line,
        `${req.method} ${route} ${res.statusCode}`,
      );
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };
}
