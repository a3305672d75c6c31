// Retrying what may pass a while later: an overloaded, restarting or unreachable engine, a
// timeout, a dropped connection. Anything else fails at once. The budget is time, not a count
// of tries: an operation is retried until it has been failing for `budgetMs` (INDEX_RETRY_SECONDS),
// so a run outlives a node restart however slow the machine makes it (two minutes and more on
// two busy cores), and still stops, naming the cause, when the engine stays away.
import { errors } from '@elastic/elasticsearch';
import { CONFIG_DEFAULTS } from '../config';

export interface RetryPolicy {
  /** How long one operation may go on failing transiently before the run gives up. */
  budgetMs: number;
  /**
   * How long writes refused by a block that lifts when someone acts (the disk's flood stage)
   * are waited for, at most budgetMs: merges may free space, an operator may, but the run
   * should say "disk full" soon rather than after the whole budget.
   */
  blockedMs: number;
  /** The first pause; each next one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Five minutes of failures before giving up (INDEX_RETRY_SECONDS's default, 300): a node restart
 * took 63 to 134 s to answer again on two loaded cores (tests/faults b), a rolling restart or a
 * master election less; longer than that is an outage someone must look at. Pauses of 0.5, 1,
 * 2, 4, 8 s, then every 10 s: a returning engine is seen within 10 s.
 */
export const DEFAULT_RETRY: RetryPolicy = {
  budgetMs: CONFIG_DEFAULTS.INDEX_RETRY_SECONDS * 1000,
  blockedMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
};

/** The policy with another budget (INDEX_RETRY_SECONDS, in seconds). */
export function retryPolicy(budgetSeconds: number): RetryPolicy {
  return { ...DEFAULT_RETRY, budgetMs: budgetSeconds * 1000 };
}

const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);
const GONE_STATUS = new Set([502, 503, 504]);

/** The engine could not be reached or answered that it cannot serve for now. */
export function isUnavailable(error: unknown): boolean {
  if (
    error instanceof errors.TimeoutError ||
    error instanceof errors.ConnectionError ||
    error instanceof errors.NoLivingConnectionsError
  ) {
    return true;
  }
  return error instanceof errors.ResponseError && GONE_STATUS.has(error.statusCode ?? 0);
}

export function isTransient(error: unknown): boolean {
  return (
    isUnavailable(error) ||
    (error instanceof errors.ResponseError && TRANSIENT_STATUS.has(error.statusCode ?? 0))
  );
}

/** The engine refused a request for lack of room (its queue full): send less for a while. */
export function isThrottled(error: unknown): boolean {
  return error instanceof errors.ResponseError && error.statusCode === 429;
}

/** The pause after the given failed attempt (1-based): doubling, capped. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
}

/**
 * What a failure is: permanent (fails the same way again), transient, or a block on writes
 * that the engine lifts only once disk space is freed (429 cluster_block_exception).
 */
export type FailureKind = 'permanent' | 'transient' | 'blocked';

/** A refusal's text (a bulk item's, or a request's) says the disk's flood stage blocks writes. */
export function isDiskBlock(reason: string): boolean {
  return (
    reason.includes('cluster_block_exception') &&
    /TOO_MANY_REQUESTS|flood.stage|read.only.allow.delete/i.test(reason)
  );
}

export function failureKind(error: unknown): FailureKind {
  if (!isTransient(error)) return 'permanent';
  if (error instanceof errors.ResponseError && isDiskBlock(JSON.stringify(error.body ?? ''))) {
    return 'blocked';
  }
  return 'transient';
}

export type RetryDecision =
  { retry: true; delayMs: number } | { retry: false; why: 'permanent' | 'budget spent' };

/**
 * Whether to try again after a failure: not a permanent one, and only while the pause to come
 * still ends within the budget (blockedMs for a block), counted from the operation's first
 * failure (`failingMs` ago).
 */
export function decideRetry(
  failure: { kind: FailureKind; attempt: number; failingMs: number },
  policy: RetryPolicy,
): RetryDecision {
  if (failure.kind === 'permanent') return { retry: false, why: 'permanent' };
  const budget =
    failure.kind === 'blocked' ? Math.min(policy.blockedMs, policy.budgetMs) : policy.budgetMs;
  const delayMs = backoffDelay(failure.attempt, policy);
  if (failure.failingMs + delayMs > budget) return { retry: false, why: 'budget spent' };
  return { retry: true, delayMs };
}

/** An operation that kept failing transiently for the whole budget; `cause` is the last failure. */
export class RetriesSpentError extends Error {
  override name = 'RetriesSpentError';
  constructor(
    readonly failingMs: number,
    readonly attempts: number,
    override readonly cause: unknown,
  ) {
    const last = cause instanceof Error ? cause.message : String(cause);
    super(
      `Elasticsearch kept failing for ${Math.round(failingMs / 1000)} s (${attempts} tries; ` +
        `INDEX_RETRY_SECONDS sets how long to keep trying): ${last}`,
    );
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface RetryHooks {
  pause?: (ms: number) => Promise<void>;
  now?: () => number;
  /**
   * Called after the pause that follows an unavailable engine (unreachable, timed out, 5xx),
   * before trying again: waits until the engine can take the request (the indexer waits for
   * its index to be yellow or green). Its own failures are ignored: the next try tells.
   */
  untilReady?: () => Promise<void>;
  /** Told of each failure that will be retried (the indexer prints it). */
  onRetry?: (error: unknown, failingMs: number) => void;
  /** Told when an operation that failed succeeds, and for how long it had been failing. */
  onRecovered?: (failingMs: number) => void;
}

/** Runs fn, again after a growing pause while it fails transiently, until the budget is spent. */
export async function withRetry<T>(
  fn: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  hooks: RetryHooks = {},
): Promise<T> {
  const { pause = sleep, now = Date.now } = hooks;
  let firstFailure: number | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await fn();
      if (firstFailure !== undefined) hooks.onRecovered?.(now() - firstFailure);
      return result;
    } catch (error) {
      firstFailure ??= now();
      const failingMs = now() - firstFailure;
      const decision = decideRetry({ kind: failureKind(error), attempt, failingMs }, policy);
      if (!decision.retry) {
        if (decision.why === 'permanent') throw error;
        throw new RetriesSpentError(failingMs, attempt, error);
      }
      hooks.onRetry?.(error, failingMs);
      await pause(decision.delayMs);
      if (hooks.untilReady && isUnavailable(error)) await hooks.untilReady().catch(() => undefined);
    }
  }
}

/** withRetry with its policy and hooks bound: what the indexer hands around. */
export type Retrying = <T>(fn: () => Promise<T>) => Promise<T>;

export function retrying(policy: RetryPolicy, hooks: RetryHooks = {}): Retrying {
  return (fn) => withRetry(fn, policy, hooks);
}
