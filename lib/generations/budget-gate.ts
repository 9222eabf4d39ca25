import { setTimeout as sleep } from "node:timers/promises";
import type { Generation } from "@/lib/db/generated/client";
import type { VeniceError } from "@/lib/venice/errors";
import { releaseJob } from "./job-updates";
import { pauseBudget, takeFromBudget, type RateBudgetName } from "./rate-budget";
import type { TransitionData } from "./state-machine";
import type { WorkerContext } from "./worker-context";

/**
 * Waits for one call of the shared budget. A short wait is spent holding the job; a long
 * one (a Retry-After pause, a deep backlog) hands the job back, due when the budget frees
 * up, so it does not hold a worker slot. Resolves false when the job was handed back.
 */
export async function waitForBudget(ctx: WorkerContext, job: Generation, name: RateBudgetName): Promise<boolean> {
  const config = name === "queue" ? ctx.settings.queueBudget : ctx.settings.retrieveBudget;
  for (;;) {
    const decision = await takeFromBudget(ctx.prisma, name, config);
    if (decision.granted) return true;
    if (decision.waitMs > ctx.settings.budgetHoldMs || ctx.stopping.aborted) {
      await releaseJob(ctx, job, decision.waitMs);
      return false;
    }
    await sleep(decision.waitMs, undefined, { signal: ctx.stopping }).catch(() => {});
  }
}

/**
 * After Venice answered 429: no call of this kind, from any worker of any instance, until its
 * Retry-After has passed, and the job hands itself back to be tried again then.
 */
export async function waitOutRateLimit(
  ctx: WorkerContext,
  job: Generation,
  name: RateBudgetName,
  error: VeniceError,
  data: TransitionData = {},
): Promise<void> {
  const waitMs = error.retryAfterMs ?? ctx.settings.backoff.maxMs;
  await pauseBudget(ctx.prisma, name, waitMs);
  await releaseJob(ctx, job, waitMs, data);
}
