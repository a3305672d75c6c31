// Polling with a deadline, and the small timing helpers the scenarios share.

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Calls `check` every `stepMs` until it returns true (errors count as false), or throws. */
export async function waitFor(
  check: () => Promise<boolean>,
  { timeoutMs, stepMs = 250, what }: { timeoutMs: number; stepMs?: number; what: string },
): Promise<number> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      if (await check()) return Date.now() - started;
    } catch (error) {
      last = error;
    }
    await sleep(stepMs);
  }
  const reason = last instanceof Error ? ` (last error: ${last.message})` : '';
  throw new Error(`waited ${timeoutMs / 1000} s for ${what}${reason}`);
}

/** Seconds, one decimal, from milliseconds. */
export const seconds = (ms: number) => Math.round(ms / 100) / 10;
