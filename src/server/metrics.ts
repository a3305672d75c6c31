// Prometheus metrics (prom-client) at /metrics: request durations by route and status,
// requests in flight, Elasticsearch call durations and errors, and the process metrics.
// Each request costs one gauge increment and decrement and one histogram observation.
import type { Client } from '@elastic/elasticsearch';
import type { Request, RequestHandler, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { routeOf } from './route-label';

/** Seconds; from a cached page (~1 ms) to the engine's time-out (ES_TIMEOUT_MS, 5 s). */
const BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface Metrics {
  registry: Registry;
  /** Times every request; mount it first. */
  middleware: RequestHandler;
  /** Serves the registry in Prometheus' text format. */
  handler: RequestHandler;
  /** Records each call `client` makes to Elasticsearch. */
  observeClient(client: Client): void;
  /** Counts a request that Node's HTTP parser refused before Express saw it. */
  clientError(status: number): void;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from the request to the end of its response, by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const inFlight = new Gauge({
    name: 'http_requests_in_flight',
    help: 'Requests being answered',
    registers: [registry],
  });
  const engineDuration = new Histogram({
    name: 'elasticsearch_request_duration_seconds',
    help: 'Time of one call to Elasticsearch, by operation and outcome',
    labelNames: ['operation', 'outcome'] as const,
    buckets: BUCKETS,
    registers: [registry],
  });
  const engineErrors = new Counter({
    name: 'elasticsearch_request_errors_total',
    help: 'Calls to Elasticsearch that failed, by operation and error',
    labelNames: ['operation', 'error'] as const,
    registers: [registry],
  });

  const middleware: RequestHandler = (req, res, next) => {
    const started = performance.now();
    inFlight.inc();
    let done = false;
    // 'close' also fires when the client goes away before the response ends.
    const end = () => {
      if (done) return;
      done = true;
      inFlight.dec();
      duration.observe(
        {
          method: req.method,
          route: routeOf(req as Request, res as Response),
          status: res.statusCode,
        },
        (performance.now() - started) / 1000,
      );
    };
    res.once('finish', end);
    res.once('close', end);
    next();
  };

  const handler: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };

  function observeClient(client: Client): void {
    client.diagnostic.on('response', (err, result) => {
      const params = result?.meta.request.params;
      const operation = params ? operationOf(params.method, params.path) : 'unknown';
      const ms = (result?.meta as { duration?: number } | undefined)?.duration;
      if (ms !== undefined) {
        engineDuration.observe({ operation, outcome: err ? 'error' : 'ok' }, ms / 1000);
      }
      if (err) engineErrors.inc({ operation, error: errorLabel(err) });
    });
  }

  const clientErrors = new Counter({
    name: 'http_client_errors_total',
    help: "Requests refused by Node's HTTP parser (bad request line, headers too large), by status",
    labelNames: ['status'] as const,
    registers: [registry],
  });

  return {
    registry,
    middleware,
    handler,
    observeClient,
    clientError: (status) => clientErrors.inc({ status }),
  };
}

/**
 * A bounded name for an Elasticsearch call: the method and the path's first `_` segment
 * (`POST _search`, `HEAD _alias`), or `<index>` for a path naming only an index, so that
 * index names never become label values.
 */
export function operationOf(method: string, path: string): string {
  const endpoint = path.split('/').find((segment) => segment.startsWith('_'));
  return `${method} ${endpoint ?? (path === '/' ? '/' : '<index>')}`;
}

function errorLabel(err: Error): string {
  const status = (err as { statusCode?: number }).statusCode;
  return status ? `${err.name} ${status}` : err.name;
}
