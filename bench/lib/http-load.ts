// One load run with autocannon: a fixed number of connections cycling through a list of
// requests for a fixed time. Latencies are kept per request, to the microsecond (autocannon's
// own histogram counts whole milliseconds, too coarse for the API's overhead).
import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import { type LatencySummary, summarizeLatencies } from './stats';

export interface LoadRunResult {
  connections: number;
  seconds: number;
  /** Responses per second, all statuses. */
  throughput: number;
  latency: LatencySummary;
  /** Latencies (ms) per entry of the request list, for a breakdown by query. */
  byRequest: number[][];
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** What autocannon hands the `response` listener (its bundled types predate the client). */
type ResponseListener = (
  client: { requestIterator?: { currentRequestIndex?: number } },
  statusCode: number,
  bytes: number,
  ms: number,
) => void;

export function runLoad(
  url: string,
  requests: autocannon.Request[],
  connections: number,
  durationSeconds: number,
): Promise<LoadRunResult> {
  const all: number[] = [];
  const byRequest: number[][] = requests.map(() => []);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, connections, duration: durationSeconds, requests, timeout: 30 },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          connections,
          seconds: result.duration,
          throughput: all.length / result.duration,
          latency: summarizeLatencies(all),
          byRequest,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    const onResponse: ResponseListener = (client, _status, _bytes, ms) => {
      all.push(ms);
      // The iterator has not moved on yet: it still points at the request answered.
      const index = client.requestIterator?.currentRequestIndex;
      if (index !== undefined) byRequest[index]?.push(ms);
    };
    (instance as unknown as EventEmitter).on('response', onResponse);
  });
}
