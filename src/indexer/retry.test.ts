import { errors } from '@elastic/elasticsearch';
import {
  backoffDelay,
  decideRetry,
  failureKind,
  isDiskBlock,
  isThrottled,
  isTransient,
  isUnavailable,
  RetriesSpentError,
  withRetry,
  type RetryPolicy,
} from './retry';

const policy: RetryPolicy = { budgetMs: 1000, blockedMs: 300, baseDelayMs: 100, maxDelayMs: 350 };
const response = (statusCode: number, body: unknown = {}) =>
  new errors.ResponseError({
    statusCode,
    body,
    headers: {},
    warnings: null,
    meta: {} as never,
  });
const FLOOD =
  'cluster_block_exception: index [a] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded ' +
  'flood-stage watermark, index has read-only-allow-delete block; for more information, see x];';

/** A clock the pauses move forward: withRetry's time without waiting for it. */
function fakeTime() {
  let t = 0;
  const pauses: number[] = [];
  return {
    pauses,
    advance: (ms: number) => void (t += ms),
    hooks: {
      now: () => t,
      pause: async (ms: number) => {
        pauses.push(ms);
        t += ms;
      },
    },
  };
}

describe('isTransient', () => {
  it('retries overload, unavailability, timeouts and lost connections', () => {
    expect(isTransient(response(429))).toBe(true);
    expect(isTransient(response(503))).toBe(true);
    expect(isTransient(response(504))).toBe(true);
    expect(isTransient(new errors.TimeoutError('timed out'))).toBe(true);
    expect(isTransient(new errors.ConnectionError('ECONNREFUSED'))).toBe(true);
  });

  it('does not retry what would fail the same way again', () => {
    expect(isTransient(response(400))).toBe(false);
    expect(isTransient(response(404))).toBe(false);
    expect(isTransient(new Error('bug'))).toBe(false);
  });

  it('tells an unavailable engine (wait for it) from a busy one (429)', () => {
    expect(isUnavailable(new errors.ConnectionError('ECONNREFUSED'))).toBe(true);
    expect(isUnavailable(response(503))).toBe(true);
    expect(isUnavailable(response(429))).toBe(false);
  });
});

describe('isThrottled', () => {
  it('is a 429 only: the engine had no room, not a failure', () => {
    expect(isThrottled(response(429))).toBe(true);
    expect(isThrottled(response(503))).toBe(false);
    expect(isThrottled(new errors.TimeoutError('timed out'))).toBe(false);
  });
});

describe('failureKind and isDiskBlock', () => {
  it('knows the flood stage block, in a bulk item or a whole answer', () => {
    expect(isDiskBlock(FLOOD)).toBe(true);
    expect(isDiskBlock('es_rejected_execution_exception: queue full')).toBe(false);
    // No master for a moment (an election): a block that lifts by itself.
    expect(
      isDiskBlock('cluster_block_exception: blocked by: [SERVICE_UNAVAILABLE/2/no master]'),
    ).toBe(false);
    const blocked = response(429, { error: { type: 'cluster_block_exception', reason: FLOOD } });
    expect(failureKind(blocked)).toBe('blocked');
    expect(failureKind(response(429))).toBe('transient');
    expect(failureKind(new errors.ConnectionError('ECONNREFUSED'))).toBe('transient');
    expect(failureKind(response(400))).toBe('permanent');
  });
});

describe('decideRetry', () => {
  it('doubles the pause up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 350, 350]);
  });

  it('never retries a permanent failure', () => {
    expect(decideRetry({ kind: 'permanent', attempt: 1, failingMs: 0 }, policy)).toEqual({
      retry: false,
      why: 'permanent',
    });
  });

  it('retries for as long as the budget lasts, however many tries that takes', () => {
    const at = (attempt: number, failingMs: number) =>
      decideRetry({ kind: 'transient', attempt, failingMs }, policy);
    expect(at(1, 0)).toEqual({ retry: true, delayMs: 100 });
    // The 40th try is still retried when the budget allows the pause to come...
    expect(at(40, 650)).toEqual({ retry: true, delayMs: 350 });
    // ...and not once that pause would end past it.
    expect(at(4, 651)).toEqual({ retry: false, why: 'budget spent' });
  });

  it('gives a disk block its own, shorter budget', () => {
    expect(decideRetry({ kind: 'blocked', attempt: 1, failingMs: 200 }, policy)).toEqual({
      retry: true,
      delayMs: 100,
    });
    expect(decideRetry({ kind: 'blocked', attempt: 2, failingMs: 200 }, policy)).toEqual({
      retry: false,
      why: 'budget spent',
    });
    const short = { ...policy, budgetMs: 150 };
    expect(decideRetry({ kind: 'blocked', attempt: 1, failingMs: 100 }, short).retry).toBe(false);
  });
});

describe('withRetry', () => {
  it('tries again after transient failures and returns the first success', async () => {
    const time = fakeTime();
    let calls = 0;
    const recovered: number[] = [];
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw response(429);
        return 'ok';
      },
      policy,
      { ...time.hooks, onRecovered: (ms) => recovered.push(ms) },
    );
    expect(result).toBe('ok');
    expect(time.pauses).toEqual([100, 200]);
    expect(recovered).toEqual([300]);
  });

  it('outlasts an outage longer than any count of tries would, then gives up naming it', async () => {
    const time = fakeTime();
    const seen: number[] = [];
    const failing = withRetry(
      async () => {
        time.advance(10); // a refused connection costs little
        throw new errors.ConnectionError('connect ECONNREFUSED 127.0.0.1:9200');
      },
      policy,
      { ...time.hooks, onRetry: (_error, failingMs) => seen.push(failingMs) },
    );
    await expect(failing).rejects.toBeInstanceOf(RetriesSpentError);
    await expect(failing).rejects.toThrow(
      /kept failing for 1 s .*INDEX_RETRY_SECONDS.*ECONNREFUSED/,
    );
    // Tries of 10 ms and pauses of 100, 200, 350: the next pause would end past 1000 ms.
    expect(time.pauses).toEqual([100, 200, 350]);
    expect(seen.at(-1)).toBeLessThanOrEqual(policy.budgetMs);
  });

  it('waits for the engine to serve before trying again after it was unavailable', async () => {
    const time = fakeTime();
    const order: string[] = [];
    let calls = 0;
    await withRetry(
      async () => {
        calls += 1;
        order.push(`try ${calls}`);
        if (calls === 1) throw new errors.ConnectionError('ECONNREFUSED');
        if (calls === 2) throw response(429);
        return 'ok';
      },
      policy,
      {
        ...time.hooks,
        untilReady: async () => {
          order.push('until ready');
          throw new errors.ConnectionError('still down'); // ignored: the next try tells
        },
      },
    );
    // After the refused connection, not after the 429 (the engine answered: it is there).
    expect(order).toEqual(['try 1', 'until ready', 'try 2', 'try 3']);
  });

  it('fails at once on a permanent error', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls += 1;
        throw response(400);
      },
      policy,
      fakeTime().hooks,
    );
    await expect(failing).rejects.toBeInstanceOf(errors.ResponseError);
    expect(calls).toBe(1);
  });
});
