// Waiting after a failed call that may succeed later (5xx, timeouts, dropped connections):
// 0.5 s, 1 s, 2 s, … doubling up to a cap near 30 s, as Venice asks of its clients.
export type BackoffPolicy = { baseMs: number; maxMs: number };

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, maxMs: 30_000 };

/** The wait after the `failures`-th consecutive failure (1 for the first). */
export function backoffDelayMs(failures: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(policy.maxMs, policy.baseMs * 2 ** exponent);
}
