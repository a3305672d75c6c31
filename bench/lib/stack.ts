// What every bench starts and removes: a throwaway Elasticsearch (a container, as the test
// harness starts it, or the cluster at ES_URL) and the API as a child process on a free port.
// Everything started is stopped at the end, and on Ctrl-C or SIGTERM too.
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { ROOT } from '../../src/config';
import { createElasticsearchClient } from '../../src/elasticsearch';
import { startElasticsearchContainer } from '../../tests/support/elasticsearch-container';
import type { ElasticOptions } from './options';

/** Bench containers carry this label; bench/run.sh removes leftovers by it. */
export const BENCH_LABEL = 'cjk-news-search.bench-run';

const cleanups: (() => Promise<void>)[] = [];
let signalsHooked = false;

/** Runs `stop` at the end (runCleanups) and on SIGINT/SIGTERM. */
function onCleanup(stop: () => Promise<void>): void {
  cleanups.push(stop);
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void runCleanups().finally(() => process.kill(process.pid, signal));
    });
  }
}

/** Stops what was started, newest first; safe to call more than once. */
export async function runCleanups(): Promise<void> {
  while (cleanups.length > 0) {
    const stop = cleanups.pop()!;
    await stop().catch((err: unknown) => console.error('cleanup failed:', err));
  }
}

export interface Elastic {
  url: string;
  client: Client;
  version: string;
  /** The image started, or `ES_URL` when an existing cluster is used. */
  image: string;
  javaOpts?: string;
}

export async function startElasticsearch(
  options: ElasticOptions,
  log: (line: string) => void,
): Promise<Elastic> {
  let url = options.url;
  let image = 'ES_URL';
  if (!url) {
    const started = Date.now();
    const run = await startElasticsearchContainer({
      ...(options.image && { image: options.image }),
      javaOpts: options.javaOpts,
      label: BENCH_LABEL,
    });
    const container = run.container;
    image = run.image;
    onCleanup(async () => {
      await container.stop({ timeout: 10_000 });
    });
    url = run.url;
    log(`Elasticsearch from ${image} up in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  // Long timeouts: a force merge or a 100k-document refresh takes a while on two cores.
  const client = createElasticsearchClient(
    { ES_URL: url },
    { requestTimeoutMs: 600_000, maxRetries: 3 },
  );
  onCleanup(() => client.close());
  const info = await client.info();
  return {
    url,
    client,
    version: info.version.number,
    image,
    javaOpts: options.url ? undefined : options.javaOpts,
  };
}

/** Runs a bench's main and, however it ends, stops what it started. */
export function runBench(main: () => Promise<void>): void {
  void main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => runCleanups());
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export interface Api {
  url: string;
  pid: number;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Starts the API as `npm start` does: the build in dist/ (bench/run.sh builds first),
 * configured by environment variables. In its own process, so that the load generator does
 * not share its event loop; ready once Elasticsearch answers and the alias exists.
 */
export async function startApi(
  esUrl: string,
  alias: string,
  profileDir?: string,
  /** Another build (bench:search --before-api: its dist folder), its profile's name, and
   * variables of its own (--before-env). */
  build: { dist?: string; name?: string; env?: Record<string, string> } = {},
): Promise<Api> {
  const port = await freePort();
  const dist = build.dist ?? join(ROOT, 'dist');
  // A CPU profile is written when the API exits, which it does on the SIGTERM sent at cleanup.
  const profile = profileDir
    ? [
        '--cpu-prof',
        `--cpu-prof-dir=${profileDir}`,
        `--cpu-prof-name=${build.name ?? 'api'}.cpuprofile`,
      ]
    : [];
  const child = spawn(process.execPath, [...profile, join(dist, 'server', 'main.js')], {
    // The build's own checkout, so that it reads its own files (dictionaries, mappings).
    cwd: join(dist, '..'),
    env: {
      ...process.env,
      NODE_ENV: 'production',
      ES_URL: esUrl,
      ES_INDEX: alias,
      PORT: String(port),
      // The load comes from one address at hundreds of requests a second: the per-client rate
      // limit would answer 429. Logs and metrics stay on: their cost is part of the figures.
      RATE_LIMIT_MAX: '0',
      ...build.env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  onCleanup(async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/readyz`, child, 60_000);
  return { url, pid: child.pid! };
}
