import type { Logger } from "pino";
import type { PrismaClient } from "@/lib/db/generated/client";
import type { TrackStorage } from "@/lib/storage/track-storage";
import type { VeniceClient } from "@/lib/venice/client";
import type { BackoffPolicy } from "./backoff";
import type { RateBudgetConfig } from "./rate-budget";
import type { PollPolicy } from "./schedule";

export type WorkerSettings = {
  /** How long a claimed job stays this worker's without a renewal. */
  leaseMs: number;
  retrieveBudget: RateBudgetConfig;
  queueBudget: RateBudgetConfig;
  poll: PollPolicy;
  backoff: BackoffPolicy;
  /** Consecutive 500s from retrieve after which the generation is taken as failed (Venice refunds it). */
  maxInferenceFailures: number;
  /** How long a job waits after Venice refused the studio's key (401/403) on retrieve. */
  keyRefusedRetryMs: number;
  /** A job waits this long at most for budget while holding its lease; beyond, it is rescheduled. */
  budgetHoldMs: number;
};

/** What every step of the worker works with. */
export type WorkerContext = {
  prisma: PrismaClient;
  venice: VeniceClient;
  storage: TrackStorage;
  log: Logger;
  /** This worker's lease owner name. */
  owner: string;
  settings: WorkerSettings;
  /** Aborted when the worker stops. */
  stopping: AbortSignal;
};
