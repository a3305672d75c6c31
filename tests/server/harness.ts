// Runs the real app on a real port against a real Elasticsearch, and reads JSON from it.
import type { Client } from '@elastic/elasticsearch';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/server/app';

export interface RunningApp {
  url: string;
  /** What the app logged, one string per call. */
  logged: string[];
  close(): Promise<void>;
}

export async function startApp(client: Client, index: string): Promise<RunningApp> {
  const logged: string[] = [];
  const record = (...args: unknown[]) => void logged.push(args.map(String).join(' '));
  const app = createApp({ client, index, log: { warn: record, error: record } });
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
