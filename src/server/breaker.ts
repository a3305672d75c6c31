// A circuit breaker in front of Elasticsearch: once the engine is known to be unreachable,
// requests get a 503 at once instead of each waiting ES_TIMEOUT_MS (a frozen engine) or
// trying every node again; after a cooldown one request goes through as a probe, and its
// success closes the breaker again, with no restart. Pure state: the caller says when a
// call starts and how it ended, and the time comes from `now`.

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  /** Consecutive unreachable-engine failures that open the breaker. */
  failureThreshold: number;
  /** How long the breaker stays open before it lets one probe through. */
  cooldownMs: number;
  now?: () => number;
}

/** Thrown instead of calling the engine while the breaker is open. */
export class BreakerOpenError extends Error {
  override name = 'BreakerOpenError';
  constructor(readonly retryAfterMs: number) {
    super(`the search engine is known to be unreachable; next try in ${retryAfterMs} ms`);
  }
}

export class Breaker {
  private failures = 0;
  private openedAt = 0;
  /** When the engine last answered anything. */
  private lastAnswerAt = -Infinity;
  private probing = false;
  private current: BreakerState = 'closed';
  private readonly now: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  /**
   * Call before each request to the engine: returns when it may go, throws BreakerOpenError
   * when it may not. In half-open, one caller (the probe) goes; the others are refused until
   * its outcome is known. Returns the time the call starts (for timedOut).
   */
  admit(): number {
    const now = this.now();
    if (this.current === 'closed') return now;
    const waited = this.now() - this.openedAt;
    if (this.current === 'open' && waited >= this.options.cooldownMs) {
      this.current = 'half-open';
    }
    if (this.current === 'half-open' && !this.probing) {
      this.probing = true;
      return now;
    }
    throw new BreakerOpenError(Math.max(0, this.options.cooldownMs - waited));
  }

  /** The engine answered (any HTTP answer counts: it is reachable). */
  succeeded(): void {
    this.lastAnswerAt = this.now();
    this.failures = 0;
    this.probing = false;
    this.current = 'closed';
  }

  /** The call ended without saying anything about the engine (aborted by the caller). */
  abandoned(): void {
    this.probing = false;
  }

  /**
   * A call started at `startedAt` (admit's value) got no answer in time. It counts as the
   * engine unreachable (a frozen engine) only when nothing answered since it was sent: an
   * engine that answered other calls meanwhile is slow, not gone, and a breaker opened on
   * that would turn a slow moment (a node lost, a busy machine) into refusing everything.
   */
  timedOut(startedAt: number): void {
    if (this.lastAnswerAt >= startedAt) this.abandoned();
    else this.failed();
  }

  /** The engine could not be reached (connection refused or reset; a timeout: see timedOut). */
  failed(): void {
    this.probing = false;
    this.failures += 1;
    if (this.current === 'half-open' || this.failures >= this.options.failureThreshold) {
      this.current = 'open';
      this.openedAt = this.now();
    }
  }
}
