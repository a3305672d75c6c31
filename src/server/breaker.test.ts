import { Breaker, BreakerOpenError } from './breaker';

function breaker(threshold = 2, cooldownMs = 1000) {
  const clock = { t: 0 };
  const b = new Breaker({ failureThreshold: threshold, cooldownMs, now: () => clock.t });
  return { b, clock };
}

describe('Breaker', () => {
  it('stays closed below the threshold and after a success', () => {
    const { b } = breaker(2);
    b.admit();
    b.failed();
    b.admit();
    b.succeeded();
    b.admit();
    b.failed();
    expect(b.state).toBe('closed');
    expect(() => b.admit()).not.toThrow();
  });

  it('opens after consecutive failures and refuses at once, saying when to retry', () => {
    const { b, clock } = breaker(2, 1000);
    b.failed();
    b.failed();
    expect(b.state).toBe('open');
    clock.t = 300;
    expect(() => b.admit()).toThrow(BreakerOpenError);
    try {
      b.admit();
    } catch (error) {
      expect((error as BreakerOpenError).retryAfterMs).toBe(700);
    }
  });

  it('lets exactly one probe through after the cooldown; its success closes it', () => {
    const { b, clock } = breaker(1, 1000);
    b.failed();
    clock.t = 1000;
    expect(() => b.admit()).not.toThrow();
    expect(b.state).toBe('half-open');
    expect(() => b.admit()).toThrow(BreakerOpenError);
    b.succeeded();
    expect(b.state).toBe('closed');
    expect(() => b.admit()).not.toThrow();
  });

  it('opens again for a whole cooldown when the probe fails', () => {
    const { b, clock } = breaker(3, 1000);
    b.failed();
    b.failed();
    b.failed();
    clock.t = 1500;
    b.admit();
    b.failed();
    expect(b.state).toBe('open');
    clock.t = 2400;
    expect(() => b.admit()).toThrow(BreakerOpenError);
    clock.t = 2500;
    expect(() => b.admit()).not.toThrow();
  });

  it('an abandoned probe frees the slot for the next caller', () => {
    const { b, clock } = breaker(1, 10);
    b.failed();
    clock.t = 10;
    b.admit();
    b.abandoned();
    expect(() => b.admit()).not.toThrow();
  });

  it('opens on timeouts only when nothing answered since they were sent (frozen, not slow)', () => {
    const { b, clock } = breaker(2, 1000);
    // Slow: while two calls waited, another got its answer. They fail; the breaker stays closed.
    const first = b.admit();
    clock.t = 10;
    const second = b.admit();
    clock.t = 20;
    b.succeeded();
    clock.t = 5000;
    b.timedOut(first);
    b.timedOut(second);
    expect(b.state).toBe('closed');
    // Frozen: two calls sent after the last answer time out: it opens.
    const third = b.admit();
    const fourth = b.admit();
    clock.t = 10_000;
    b.timedOut(third);
    b.timedOut(fourth);
    expect(b.state).toBe('open');
  });
});
