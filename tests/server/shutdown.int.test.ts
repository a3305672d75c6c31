// Graceful shutdown of the real server process: SIGTERM while a search is in flight. The
// engine is the run's real Elasticsearch behind a TCP relay that holds each of its answers
// for a while, so that the search is still open when the signal arrives.
import type { Client } from '@elastic/elasticsearch';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { join } from 'node:path';
import { ROOT } from '../../src/config';
import { esUrl, testClient } from '../support/es';
import { indexSeeds, type IndexedSeeds } from '../support/index-seeds';

jest.setTimeout(90_000);

const HOLD_MS = 1500;
let client: Client;
let seeds: IndexedSeeds;
let relay: Server;
let relayPort: number;

/** Forwards to Elasticsearch; the engine's answers wait HOLD_MS before they go back. */
function startRelay(target: URL): Promise<Server> {
  const server = createServer((inbound) => {
    const outbound = connect(Number(target.port), target.hostname);
    inbound.pipe(outbound);
    outbound.on('data', (chunk) => {
      outbound.pause();
      setTimeout(() => {
        inbound.write(chunk);
        outbound.resume();
      }, HOLD_MS);
    });
    outbound.on('end', () => setTimeout(() => inbound.end(), HOLD_MS));
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function startServer(port: number): { child: ChildProcess; lines: Record<string, unknown>[] } {
  const child = spawn(
    process.execPath,
    ['--require', 'ts-node/register/transpile-only', join(ROOT, 'src', 'server', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ES_URL: `http://127.0.0.1:${relayPort}`,
        ES_INDEX: seeds.alias,
        ES_TIMEOUT_MS: '10000',
        PORT: String(port),
        LOG_FORMAT: 'json',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines: Record<string, unknown>[] = [];
  let buffer = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  return { child, lines };
}

beforeAll(async () => {
  client = testClient();
  seeds = await indexSeeds(client, 'shutdown');
  relay = await startRelay(new URL(esUrl()));
  relayPort = (relay.address() as AddressInfo).port;
});

afterAll(async () => {
  relay?.close();
  await seeds?.remove();
  await client?.close();
});

test('SIGTERM: the search in flight is answered, new connections are refused, exit 0', async () => {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
  const { child, lines } = startServer(port);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    while (
      !(await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error('the server did not start');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const search = fetch(`${base}/api/search?q=${encodeURIComponent('郑凯')}`);
    // The search reached the engine (the relay holds its answer): now the signal.
    await new Promise((resolve) => setTimeout(resolve, HOLD_MS / 3));
    const signalled = performance.now();
    child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    const res = await search;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { hits: { path: string }[] };
    expect(body.hits.some((hit) => hit.path.includes('000_'))).toBe(true);

    expect(await exited).toBe(0);
    expect(performance.now() - signalled).toBeLessThan(10_000);
    const messages = lines.map((line) => line.msg);
    expect(messages).toContain('SIGTERM: closing, waiting for requests in flight');
    expect(messages.at(-1)).toBe('stopped');
    // The search's own log line came before the end.
    expect(lines.find((line) => line.route === '/api/search')).toMatchObject({ status: 200 });
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});
