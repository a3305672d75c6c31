// 400, 404 and 503 on the real app: a real engine, a port where nothing listens, and a
// server that accepts connections and never answers.
import type { Client } from '@elastic/elasticsearch';
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadIndexDefinition } from '../../src/indexer/definition';
import { createApiClient } from '../../src/server/engine-client';
import { errorResponseSchema, type ErrorResponse } from '../../src/search/wire';
import { testIndexName } from '../support/es';
import { getJson, startApp, useSeededApp, type RunningApp } from './harness';

// A cap per test below the run's 120 s: indexing and the timeout cases take seconds, not minutes.
jest.setTimeout(60_000);

const api = useSeededApp('api-errors');

async function expectError(url: string, status: number, error: string): Promise<ErrorResponse> {
  const res = await getJson<ErrorResponse>(url);
  expect(res.status).toBe(status);
  expect(res.contentType).toMatch(/^application\/json/);
  const body = errorResponseSchema.parse(res.body);
  expect(body.error).toBe(error);
  expect(JSON.stringify(body)).not.toMatch(/\.ts:\d|at .*\(|Exception/);
  return body;
}

describe('400: an invalid parameter is named', () => {
  test.each([
    ['size=500', 'size'],
    ['page=0', 'page'],
    ['page=2000&size=10', 'page'],
    ['page=201&size=50', 'page'],
    ['sort=random', 'sort'],
    ['from=2020-13-01', 'from'],
    ['output_script=martian', 'output_script'],
    ['script=latin', 'script'],
    ['cursor=not-a-cursor', 'cursor'],
    ['q=%E7%96%AB&fields=title', 'fields'],
    ['q[]=x', 'q[]'],
  ])('GET /api/search?%s names %s', async (query, parameter) => {
    const body = await expectError(`${api.url}/api/search?${query}`, 400, 'invalid_parameter');
    expect(body.parameter).toBe(parameter);
  });

  test.each([['*'], ['\\'], ['😷'], ['， 。']])(
    'a query with nothing searchable (%s) is explained, not answered with every article',
    async (q) => {
      const body = await expectError(
        `${api.url}/api/search?q=${encodeURIComponent(q)}`,
        400,
        'invalid_parameter',
      );
      expect(body.issues).toEqual([
        expect.objectContaining({ parameter: 'q', code: 'nothing_searchable' }),
      ]);
    },
  );

  test('each issue carries a code a client can word its own message from', async () => {
    const body = await expectError(
      `${api.url}/api/search?q=${'疫'.repeat(501)}&size=0`,
      400,
      'invalid_parameter',
    );
    expect(body.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ parameter: 'q', code: 'too_big' }),
        expect.objectContaining({ parameter: 'size', code: 'too_small' }),
      ]),
    );
  });

  test('a cursor made for another query is refused', async () => {
    const first = await getJson<{ next_cursor: string }>(`${api.url}/api/search?q=疫&size=1`);
    const cursor = first.body.next_cursor;
    expect(cursor).toEqual(expect.any(String));
    const body = await expectError(
      `${api.url}/api/search?q=党员&size=1&cursor=${cursor}`,
      400,
      'invalid_parameter',
    );
    expect(body.parameter).toBe('cursor');
  });

  test('an id with characters ids never have', async () => {
    const body = await expectError(`${api.url}/api/articles/a.b`, 400, 'invalid_parameter');
    expect(body.parameter).toBe('id');
  });

  test('a malformed escape in the path', async () => {
    await expectError(`${api.url}/api/articles/%E0%A4%A`, 400, 'bad_request');
  });
});

describe('404', () => {
  test('an unknown article id', async () => {
    await expectError(`${api.url}/api/articles/no-such-article`, 404, 'not_found');
  });

  test('an unknown route', async () => {
    await expectError(`${api.url}/api/nothing-here`, 404, 'not_found');
  });
});

describe('health', () => {
  test('healthz and readyz answer 200 with the engine and the alias there', async () => {
    expect((await getJson(`${api.url}/healthz`)).status).toBe(200);
    expect(await getJson(`${api.url}/readyz`)).toMatchObject({
      status: 200,
      body: { status: 'ready', cluster: 'green' },
    });
  });

  test('an index missing a replica (yellow): degraded, still 200, and searches are served', async () => {
    // One node cannot hold a replica: the index stays yellow, as a cluster that lost a node.
    const index = testIndexName('yellow');
    const alias = testIndexName('yellow-alias');
    const definition = loadIndexDefinition();
    await api.client.indices.create({
      index,
      settings: { ...definition.settings, auto_expand_replicas: 'false', number_of_replicas: 1 },
      mappings: definition.mappings,
      aliases: { [alias]: {} },
    });
    const yellow = await startApp(api.client, alias);
    try {
      expect(await getJson(`${yellow.url}/readyz`)).toMatchObject({
        status: 200,
        body: { status: 'degraded', cluster: 'yellow' },
      });
      expect((await getJson(`${yellow.url}/api/search?q=疫`)).status).toBe(200);
    } finally {
      await yellow.close();
      await api.client.indices.delete({ index });
    }
  });

  test('with no alias: not ready, and searches answer 503', async () => {
    const missing = await startApp(api.client, testIndexName('absent'));
    try {
      expect(await getJson(`${missing.url}/readyz`)).toMatchObject({
        status: 503,
        body: { status: 'not_ready' },
      });
      await expectError(`${missing.url}/api/search?q=疫`, 503, 'unavailable');
      expect((await getJson(`${missing.url}/healthz`)).status).toBe(200);
    } finally {
      await missing.close();
    }
  });
});

describe('503 when Elasticsearch is down or slow', () => {
  const TIMEOUT_MS = 1000;

  /** A TCP server on a free port; `hang` keeps every connection open and silent. */
  async function listen(hang: boolean): Promise<{ port: number; close(): Promise<void> }> {
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      if (!hang) return socket.destroy();
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      close: () => {
        // close() waits for open connections, so end the silent ones first.
        sockets.forEach((s) => s.destroy());
        return new Promise((resolve) => server.close(() => resolve()));
      },
    };
  }

  async function appAt(
    port: number,
    alias = 'articles',
  ): Promise<{ app: RunningApp; client: Client }> {
    const down = createApiClient({ ES_URL: `http://127.0.0.1:${port}`, ES_TIMEOUT_MS: TIMEOUT_MS });
    return { app: await startApp(down, alias), client: down };
  }

  async function expectUnavailable(base: string) {
    for (const path of ['/api/search?q=疫', '/api/articles/abc']) {
      const started = performance.now();
      await expectError(`${base}${path}`, 503, 'unavailable');
      // Within the configured timeout, with a margin for a loaded machine, never a hang.
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS + 1500);
    }
    expect(await getJson(`${base}/readyz`)).toMatchObject({ status: 503 });
    expect((await getJson(`${base}/healthz`)).status).toBe(200);
  }

  /** The reason went to the failed requests' log lines (the client never sees it). */
  function expectLogged(app: RunningApp, type: string, message: RegExp) {
    const failed = app.logged.filter((line) => line.err && line.route !== '/readyz');
    expect(failed.map((line) => line.route)).toEqual(['/api/search', '/api/articles/:id']);
    for (const line of failed) {
      expect(line).toMatchObject({ level: 40, status: 503, err: { type } });
      expect((line.err as { message: string }).message).toMatch(message);
    }
  }

  test('nothing listens on the port', async () => {
    // Take a free port, then free it again.
    const { port, close } = await listen(false);
    await close();
    const { app: down, client: downClient } = await appAt(port);
    try {
      await expectUnavailable(down.url);
      expectLogged(down, 'ConnectionError', /ECONNREFUSED/);
    } finally {
      await down.close();
      await downClient.close();
    }
  });

  test('a server accepts and never answers', async () => {
    const { port, close } = await listen(true);
    const { app: slow, client: slowClient } = await appAt(port);
    try {
      const started = performance.now();
      await expectUnavailable(slow.url);
      // It did wait for the timeout: the 503 came from the timeout, not a refused connection.
      expect(performance.now() - started).toBeGreaterThanOrEqual(2 * TIMEOUT_MS);
      expectLogged(slow, 'TimeoutError', /time/i);
      // Two timeouts in a row: the engine is known down, and the next searches get their 503
      // at once instead of waiting for the timeout each.
      for (let i = 0; i < 3; i++) {
        const again = await getJson<ErrorResponse>(`${slow.url}/api/search?q=疫`);
        expect(again.status).toBe(503);
        expect(again.body.message).toMatch(/unreachable/);
        expect(again.ms).toBeLessThan(TIMEOUT_MS / 2);
      }
    } finally {
      await slow.close();
      await slowClient.close();
      await close();
    }
  });

  test('the breaker closes by itself once the engine answers again', async () => {
    // A port that refuses, then a forwarder on that same port to the real engine.
    const { port, close } = await listen(false);
    await close();
    const { app: down, client: downClient } = await appAt(port, api.alias);
    const target = new URL(process.env.ES_URL!);
    const forwarder = createServer((socket) => {
      const upstream = connect(Number(target.port), target.hostname);
      socket.pipe(upstream).pipe(socket);
      socket.on('error', () => upstream.destroy());
      upstream.on('error', () => socket.destroy());
    });
    try {
      await expectUnavailable(down.url);
      await new Promise<void>((resolve) => forwarder.listen(port, '127.0.0.1', resolve));
      const back = performance.now();
      let status = 0;
      while (status !== 200 && performance.now() - back < 5000) {
        status = (await getJson(`${down.url}/api/search?q=疫`)).status;
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(status).toBe(200);
      // Within the breaker's cooldown (1 s), with a margin for a loaded machine.
      expect(performance.now() - back).toBeLessThan(3000);
    } finally {
      await down.close();
      await downClient.close();
      forwarder.close();
    }
  });
});
