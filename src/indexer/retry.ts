// Retrying what may pass a moment later: an overloaded or restarting engine, a timeout,
// a dropped connection. Anything else fails at once.
import { errors } from '@elastic/elasticsearch';

export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Nine tries, about a minute of pauses in all (0.5, 1, 2, 4, 8, then 15 s): long enough for an
 * Elasticsearch node to restart (30 to 60 s on two busy cores), so that a run outlives it.
 */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 9, baseDelayMs: 500, maxDelayMs: 15_000 };

const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

export function isTransient(error: unknown): boolean {
  if (
    error instanceof errors.TimeoutError ||
    error instanceof errors.ConnectionError ||
    error instanceof errors.NoLivingConnectionsError
  ) {
    return true;
  }
  return error instanceof errors.ResponseError && TRANSIENT_STATUS.has(error.statusCode ?? 0);
}

/** The engine refused a request for lack of room (its queue full): send less for a while. */
export function isThrottled(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 429;
}

/** The pause after the given failed attempt (1-based): doubling, capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs fn, again after a growing pause while it fails transiently, at most policy.attempts times. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  pause: (ms: number) => Promise<void> = sleep,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (!isTransient(error) || attempt >= policy.attempts) throw error;
      await pause(backoffDelay(attempt, policy));
    }
  }
}
