// Two limiters, as Venice has them (real time: `speed` does not scale either).
//
// - Request rate: a rolling window of accepted calls per key and endpoint (about 40 queue
//   and 120 retrieve calls a minute). Over it: 429 with Retry-After and x-ratelimit-*.
// - Error budget: more than N failed 4xx answers (429 excluded) within a window, per key
//   and model, locks that key+model out: every request of it gets 429 for the lockout.

export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Epoch ms when the oldest counted call leaves the window. */
  resetAtMs: number;
  retryAfterSeconds: number;
};

export class RollingWindowLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly windowMs: number) {}

  /** Counts the call when it is allowed; a refused call does not use up the window. */
  take(key: string, limit: number): RateDecision {
    const now = Date.now();
    const recent = (this.calls.get(key) ?? []).filter((t) => t > now - this.windowMs);
    const allowed = recent.length < limit;
    if (allowed) recent.push(now);
    this.calls.set(key, recent);
    const oldest = recent[0] ?? now;
    const resetAtMs = oldest + this.windowMs;
    return {
      allowed,
      limit,
      remaining: Math.max(0, limit - recent.length),
      resetAtMs,
      retryAfterSeconds: Math.max(1, Math.ceil((resetAtMs - now) / 1000)),
    };
  }

  reset(): void {
    this.calls.clear();
  }
}

export type ErrorBudgetOptions = { maxFailures: number; windowMs: number; lockoutMs: number };

export const DEFAULT_ERROR_BUDGET: ErrorBudgetOptions = { maxFailures: 50, windowMs: 30_000, lockoutMs: 30_000 };

export class ErrorBudget {
  private readonly failures = new Map<string, number[]>();
  private readonly lockouts = new Map<string, number>();

  constructor(readonly options: ErrorBudgetOptions) {}

  /** Seconds left in the key's lockout, or 0 when it is not locked out. */
  lockedForSeconds(key: string): number {
    const until = this.lockouts.get(key);
    if (until === undefined) return 0;
    const left = until - Date.now();
    if (left <= 0) {
      this.lockouts.delete(key);
      return 0;
    }
    return Math.max(1, Math.ceil(left / 1000));
  }

  recordFailure(key: string): void {
    const now = Date.now();
    const recent = (this.failures.get(key) ?? []).filter((t) => t > now - this.options.windowMs);
    recent.push(now);
    this.failures.set(key, recent);
    if (recent.length > this.options.maxFailures) {
      this.lockouts.set(key, now + this.options.lockoutMs);
      this.failures.set(key, []);
    }
  }

  reset(): void {
    this.failures.clear();
    this.lockouts.clear();
  }
}
