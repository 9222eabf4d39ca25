// The simulator's state, shared by the HTTP handlers and the in-process control.

import type { SimModel } from "./catalog";
import type { Wallet } from "./billing";
import type { FaultQueue } from "./faults";
import type { JobStore } from "./jobs";
import type { ErrorBudget, RollingWindowLimiter } from "./rate-limit";
import type { RequestLog } from "./request-log";
import type { Rng } from "./timing";

export type RateLimits = { queuePerMinute: number; retrievePerMinute: number };

export type SimContext = {
  apiKey: string;
  /** Time scale: job times are divided by it. */
  speed: number;
  enableFaults: boolean;
  models: readonly SimModel[];
  modelIndex: ReadonlyMap<string, SimModel>;
  startingBalanceUsd: number;
  wallet: Wallet;
  jobs: JobStore;
  faults: FaultQueue;
  log: RequestLog;
  rateLimits: RateLimits;
  rateLimiter: RollingWindowLimiter;
  errorBudget: ErrorBudget;
  rng: Rng;
  /** Saves the jobs, balance and key when they changed (a no-op without a state directory). */
  persist: () => void;
  logger?: (line: object) => void;
};

/** A handler's answer, sent by the server. */
export type Answer =
  | { kind: "json"; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: "audio"; audio: Buffer; contentType: string; headers: Record<string, string> };

export function json(status: number, body: unknown, headers?: Record<string, string>): Answer {
  return { kind: "json", status, body, headers };
}
