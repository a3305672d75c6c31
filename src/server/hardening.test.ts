// Security headers, the rate limit, request ids, the request log and /metrics on the real
// app, with no engine (a port where nothing listens: /readyz then fails, which is what the
// engine metrics should count). Parser refusals on a real server and raw sockets.
import type { Client } from '@elastic/elasticsearch';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { createLogger } from '../logger';
import { answerClientErrors, clientErrorResponse } from './client-errors';
import { createApiClient } from './engine-client';
import { createMetrics, operationOf } from './metrics';
import { startApp, type RunningApp } from '../../tests/server/harness';

let client: Client;
beforeAll(() => {
  client = createApiClient({ ES_URL: 'http://127.0.0.1:9', ES_TIMEOUT_MS: 200 });
});
afterAll(() => client.close());

async function withApp<T>(
  options: Parameters<typeof startApp>[2],
  run: (app: RunningApp) => Promise<T>,
): Promise<T> {
  const app = await startApp(client, 'articles', options);
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

describe('security headers', () => {
  test.each(['/', '/api/openapi.json', '/api/search?size=999', '/nothing-here'])(
    'on %s',
    async (path) => {
      await withApp({}, async (app) => {
        const res = await fetch(app.url + path);
        const csp = res.headers.get('content-security-policy') ?? '';
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("frame-ancestors 'none'");
        expect(csp).toContain("object-src 'none'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-powered-by')).toBeNull();
      });
    },
  );
});

describe('rate limit', () => {
  test('over the limit: 429 with a JSON body and Retry-After; probes are not limited', async () => {
    await withApp({ rateLimit: { max: 3, windowMs: 60_000 } }, async (app) => {
      const statuses = [];
      for (let i = 0; i < 4; i++)
        statuses.push((await fetch(`${app.url}/api/openapi.json`)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const res = await fetch(`${app.url}/api/search?q=x`);
      expect(res.status).toBe(429);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({ error: 'rate_limited' });
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    });
  });

  test('0 turns it off', async () => {
    await withApp({ rateLimit: { max: 0, windowMs: 1000 } }, async (app) => {
      for (let i = 0; i < 5; i++) expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      const res = await fetch(`${app.url}/api/openapi.json`);
      expect(res.headers.get('ratelimit')).toBeNull();
    });
  });
});

describe('request log and request id', () => {
  test('one line per request, with the id it was given, the route, the status, the time', async () => {
    await withApp({}, async (app) => {
      const res = await fetch(`${app.url}/api/articles/abc?output_script=martian`, {
        headers: { 'X-Request-Id': 'trace-42' },
      });
      expect(res.headers.get('x-request-id')).toBe('trace-42');
      expect(app.logged).toHaveLength(1);
      expect(app.logged[0]).toMatchObject({
        reqId: 'trace-42',
        method: 'GET',
        route: '/api/articles/:id',
        path: '/api/articles/abc',
        status: 400,
        ms: expect.any(Number),
        msg: 'GET /api/articles/:id 400',
      });
      // The query string stays out unless LOG_QUERIES is on.
      expect(JSON.stringify(app.logged[0])).not.toContain('martian');
    });
  });

  test('an id that is not one is replaced by a fresh one', async () => {
    await withApp({}, async (app) => {
      const res = await fetch(`${app.url}/healthz`, { headers: { 'X-Request-Id': 'a b\tc' } });
      const id = res.headers.get('x-request-id');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect(app.logged[0]).toMatchObject({ reqId: id, route: '/healthz', status: 200 });
    });
  });

  test('with LOG_QUERIES the decoded query is logged', async () => {
    await withApp({ logQueries: true }, async (app) => {
      await fetch(`${app.url}/api/search?q=${encodeURIComponent('郑凯')}&size=999`);
      expect(app.logged[0]).toMatchObject({ query: { q: '郑凯', size: '999' }, status: 400 });
    });
  });

  test('readable lines on a terminal', () => {
    const lines: string[] = [];
    const terminal = new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger({ LOG_LEVEL: 'info', LOG_FORMAT: 'auto' }, terminal, true);
    logger.info({ route: '/healthz', status: 200 }, 'GET /healthz 200');
    expect(lines.join('')).toMatch(/INFO.*GET \/healthz 200/);
    expect(() => JSON.parse(lines.join(''))).toThrow();
  });
});

describe('/metrics', () => {
  test('request durations by route and status, in flight, engine calls and errors, process', async () => {
    const metrics = createMetrics();
    metrics.observeClient(client);
    await withApp({ metrics }, async (app) => {
      await fetch(`${app.url}/api/openapi.json`);
      await fetch(`${app.url}/readyz`); // the engine is not there: one failed call
      const res = await fetch(`${app.url}/metrics`);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toMatch(
        /^http_request_duration_seconds_count\{method="GET",route="\/api\/openapi.json",status="200"\} 1$/m,
      );
      expect(text).toMatch(
        /^http_request_duration_seconds_count\{[^}]*route="\/readyz",status="503"\} 1$/m,
      );
      // The scrape itself is in flight while the registry is read.
      expect(text).toMatch(/^http_requests_in_flight 1$/m);
      expect(text).toMatch(
        /^elasticsearch_request_errors_total\{operation="HEAD _alias",error="ConnectionError"\} 1$/m,
      );
      expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^nodejs_eventloop_lag_p50_seconds /m);
    });
  });

  test('engine operations are named without index names', () => {
    expect(operationOf('POST', '/articles/_search')).toBe('POST _search');
    expect(operationOf('HEAD', '/_alias/articles')).toBe('HEAD _alias');
    expect(operationOf('PUT', '/articles-1a2b-20261202')).toBe('PUT <index>');
    expect(operationOf('GET', '/')).toBe('GET /');
  });
});

describe("requests Node's parser refuses", () => {
  let server: Server;
  let port: number;
  const logged: Record<string, unknown>[] = [];
  beforeAll(async () => {
    server = createServer((_req, res) => res.end('{}'));
    const logger = createLogger(
      { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
      {
        write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>),
      },
    );
    answerClientErrors(server, logger);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  /** Sends raw bytes, returns the status and the parsed body. */
  function raw(
    request: string,
  ): Promise<{ status: number; body: { error: string; message: string } }> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write(request));
      let data = '';
      socket.setEncoding('utf8');
      socket.on('data', (chunk) => (data += chunk));
      socket.on('error', reject);
      socket.on('close', () => {
        const [head, body] = data.split('\r\n\r\n');
        resolve({ status: Number(head!.split(' ')[1]), body: JSON.parse(body!) });
      });
    });
  }

  test('raw UTF-8 in the URL: 400 saying to percent-encode', async () => {
    const res = await raw('GET /api/search?q=郑凯 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad_request');
    expect(res.body.message).toMatch(/percent-encoded/);
    expect(logged.at(-1)).toMatchObject({ status: 400, code: 'HPE_INVALID_URL' });
  });

  test('a URL over the limit: 414', async () => {
    const res = await raw(`GET /api/search?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(res).toMatchObject({ status: 414, body: { error: 'uri_too_long' } });
  });

  test('headers over the limit: 431', async () => {
    const res = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    expect(res).toMatchObject({ status: 431, body: { error: 'headers_too_large' } });
  });

  test('a malformed request line: 400', () => {
    expect(
      clientErrorResponse(Object.assign(new Error('x'), { code: 'HPE_INVALID_METHOD' })),
    ).toMatchObject({
      status: 400,
      body: { error: 'bad_request' },
    });
  });
});
