// Runs the real app on a real port against a real Elasticsearch (useSeededApp: on the seeds),
// and reads JSON from it.
import type { Client } from '@elastic/elasticsearch';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../src/logger';
import { createApp, type AppOptions } from '../../src/server/app';
import { testClient } from '../support/es';
import { indexSeeds, type IndexedSeeds } from '../support/index-seeds';

export interface RunningApp {
  url: string;
  /** What the app logged, one JSON line each (a line per request). */
  logged: Record<string, unknown>[];
  close(): Promise<void>;
}

export async function startApp(
  client: Client,
  index: string,
  options: Partial<AppOptions> = {},
): Promise<RunningApp> {
  const logged: Record<string, unknown>[] = [];
  const logger = createLogger(
    { LOG_LEVEL: 'info', LOG_FORMAT: 'json' },
    {
      write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>),
    },
  );
  const app = createApp({ client, index, logger, ...options });
  const server = await new Promise<import('node:http').Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    logged,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

export interface JsonResponse<T> {
  status: number;
  body: T;
  contentType: string | null;
  ms: number;
}

export async function getJson<T = unknown>(url: string): Promise<JsonResponse<T>> {
  const started = performance.now();
  const res = await fetch(url);
  const body = (await res.json()) as T;
  return {
    status: res.status,
    body,
    contentType: res.headers.get('content-type'),
    ms: performance.now() - started,
  };
}

/** A query string from parameters, repeating array values. */
export function qs(params: Record<string, string | number | string[] | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  return search.toString();
}

/** The app on the five seeds, for one test file: what its tests read, set in beforeAll. */
export interface SeededApp {
  client: Client;
  /** The seeds' alias, which the app searches. */
  alias: string;
  ids: IndexedSeeds['ids'];
  seedOf: IndexedSeeds['seedOf'];
  url: string;
}

/**
 * Indexes the seeds into an alias of their own (named from `prefix`) and starts the app on it
 * before the file's tests; removes both after them. `prepare` runs between the two (to add
 * documents beside the seeds, say).
 */
export function useSeededApp(
  prefix: string,
  prepare?: (client: Client, alias: string) => Promise<void>,
): SeededApp {
  const api = {} as SeededApp;
  let seeds: IndexedSeeds | undefined;
  let app: RunningApp | undefined;
  beforeAll(async () => {
    api.client = testClient();
    seeds = await indexSeeds(api.client, prefix);
    Object.assign(api, { alias: seeds.alias, ids: seeds.ids, seedOf: seeds.seedOf });
    await prepare?.(api.client, seeds.alias);
    app = await startApp(api.client, seeds.alias);
    api.url = app.url;
  });
  afterAll(async () => {
    await app?.close();
    await seeds?.remove();
    await api.client?.close();
  });
  return api;
}
