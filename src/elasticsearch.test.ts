// What the one client factory sends, seen from plain HTTP servers that answer every request
// with 503 (a node that is up but unavailable): which nodes it tries, how often, with what
// credentials. The engine itself is in the integration tests.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createElasticsearchClient, createIndexerClient } from './elasticsearch';

interface Node {
  url: string;
  requests: IncomingHttpHeaders[];
  server: Server;
}

async function unavailableNode(): Promise<Node> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    res.writeHead(503, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests, server };
}

let a: Node;
let b: Node;
beforeAll(async () => {
  [a, b] = await Promise.all([unavailableNode(), unavailableNode()]);
});
beforeEach(() => {
  a.requests.length = 0;
  b.requests.length = 0;
});
afterAll(async () => {
  await Promise.all([a, b].map((n) => new Promise((resolve) => n.server.close(resolve))));
});

/** Sends one request and waits for the client to give up on it. */
async function attempt(client: ReturnType<typeof createElasticsearchClient>): Promise<number> {
  try {
    await client.info();
    return 200;
  } catch (error) {
    return (error as { meta?: { statusCode?: number } }).meta?.statusCode ?? 0;
  } finally {
    await client.close();
  }
}

describe('createElasticsearchClient', () => {
  it('retries once on each other node of ES_URL', async () => {
    const client = createElasticsearchClient(
      { ES_URL: `${a.url}, ${b.url}` },
      { requestTimeoutMs: 2000, maxRetries: 'each-other-node' },
    );
    expect(await attempt(client)).toBe(503);
    expect([a.requests.length, b.requests.length]).toEqual([1, 1]);
  });

  it('makes no retry of its own for the indexer, which retries with backoff', async () => {
    const client = createIndexerClient({ ES_URL: a.url, INDEX_REQUEST_TIMEOUT_MS: 2000 });
    expect(await attempt(client)).toBe(503);
    expect(a.requests).toHaveLength(1);
  });

  it('sends ES_USERNAME and ES_PASSWORD as basic authentication, and nothing without them', async () => {
    await attempt(
      createElasticsearchClient(
        { ES_URL: a.url, ES_USERNAME: 'elastic', ES_PASSWORD: 'pa55' },
        { requestTimeoutMs: 2000, maxRetries: 0 },
      ),
    );
    await attempt(
      createElasticsearchClient({ ES_URL: a.url }, { requestTimeoutMs: 2000, maxRetries: 0 }),
    );
    expect(a.requests.map((h) => h.authorization)).toEqual([
      `Basic ${Buffer.from('elastic:pa55').toString('base64')}`,
      undefined,
    ]);
  });

  it('refuses half the credentials, and a CA file it cannot read, naming the variable', () => {
    const use = { requestTimeoutMs: 2000, maxRetries: 0 };
    expect(() => createElasticsearchClient({ ES_URL: a.url, ES_USERNAME: 'elastic' }, use)).toThrow(
      /ES_USERNAME and ES_PASSWORD/,
    );
    expect(() =>
      createElasticsearchClient({ ES_URL: a.url, ES_CA_CERT: '/nonexistent/ca.pem' }, use),
    ).toThrow(/^ES_CA_CERT: cannot read \/nonexistent\/ca\.pem/);
  });
});
