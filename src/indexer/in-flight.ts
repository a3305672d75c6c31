// How many bulk requests the indexer keeps open at once. One leaves the engine idle while the
// indexer reads its answer and sends the next batch; two keep both of its write threads busy
// on two cores (bench:index measures it). When the engine pushes back (429: its write queue
// is full) the window halves, and it grows back by one after a run of batches that went
// through: additive increase, multiplicative decrease, as TCP does. Pure.

/** Batches that must go through without a 429 before the window grows by one again. */
export const GROW_AFTER = 8;

export class InFlightWindow {
  private current: number;
  private clean = 0;

  constructor(readonly max: number) {
    if (!Number.isInteger(max) || max < 1) throw new Error(`in-flight limit ${max} < 1`);
    this.current = max;
  }

  /** Requests that may be open now. */
  get limit(): number {
    return this.current;
  }

  /** The engine answered 429 (the whole request or some of its items). */
  throttled(): void {
    this.current = Math.max(1, Math.floor(this.current / 2));
    this.clean = 0;
  }

  /** A batch went through without a 429. */
  succeeded(): void {
    if (this.current >= this.max) return;
    this.clean += 1;
    if (this.clean >= GROW_AFTER) {
      this.current += 1;
      this.clean = 0;
    }
  }
}
