import { errors } from '@elastic/elasticsearch';
import { backoffDelay, isThrottled, isTransient, withRetry, type RetryPolicy } from './retry';

const policy: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 350 };
const response = (statusCode: number) =>
  new errors.ResponseError({
    statusCode,
    body: {},
    headers: {},
    warnings: null,
    meta: {} as never,
  });

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
});

describe('isThrottled', () => {
  it('is a 429 only: the engine had no room, not a failure', () => {
    expect(isThrottled(response(429))).toBe(true);
    expect(isThrottled(response(503))).toBe(false);
    expect(isThrottled(new errors.TimeoutError('timed out'))).toBe(false);
  });
});

describe('withRetry', () => {
  it('doubles the pause up to the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffDelay(n, policy))).toEqual([100, 200, 350, 350]);
  });

  it('tries again after transient failures and returns the first success', async () => {
    const pauses: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw response(429);
        return 'ok';
      },
      policy,
      async (ms) => void pauses.push(ms),
    );
    expect(result).toBe('ok');
    expect(pauses).toEqual([100, 200]);
  });

  it('gives up after the bounded number of attempts', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls += 1;
        throw response(503);
      },
      policy,
      async () => undefined,
    );
    await expect(failing).rejects.toBeInstanceOf(errors.ResponseError);
    expect(calls).toBe(4);
  });

  it('fails at once on a permanent error', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls += 1;
        throw response(400);
      },
      policy,
      async () => undefined,
    );
    await expect(failing).rejects.toBeInstanceOf(errors.ResponseError);
    expect(calls).toBe(1);
  });
});
