import type { Generation } from "@/lib/db/generated/client";
import { backoffDelayMs } from "./backoff";
import type { JobError } from "./messages";
import { transition, type TransitionData } from "./state-machine";
import type { WorkerContext } from "./worker-context";

// How a step hands its job back: to be looked at again later in the same status, or moved
// on to an end state. Every hand-back releases the lease.

export const RELEASED = { leaseOwner: null, leaseExpiresAt: null } as const;

/** Back to the queue of due work, due in `delayMs`, still in its status. */
export async function releaseJob(ctx: WorkerContext, job: Generation, delayMs: number, data: TransitionData = {}): Promise<void> {
  await ctx.prisma.generation.updateMany({
    // Only while this worker still holds it: an expired lease may already be someone else's.
    where: { id: job.id, status: job.status, leaseOwner: ctx.owner },
    data: { ...data, nextAttemptAt: new Date(Date.now() + Math.max(0, delayMs)), ...RELEASED },
  });
}

/** After a failure that may pass: try again after the next backoff delay. */
export async function retryLater(ctx: WorkerContext, job: Generation, data: TransitionData = {}): Promise<void> {
  const failures = job.attempts + 1;
  await releaseJob(ctx, job, backoffDelayMs(failures, ctx.settings.backoff), { ...data, attempts: failures });
}

/** Ends the job in `to` (failed, expired, uncertain) with what the creator is told. */
export async function endJob(
  ctx: WorkerContext,
  job: Generation,
  to: "failed" | "expired" | "uncertain",
  error: JobError,
  data: TransitionData = {},
): Promise<void> {
  await transition(ctx.prisma, job.id, job.status, to, {
    ...data,
    errorCode: error.code,
    errorMessage: error.message,
    suggestedPrompt: error.suggestedPrompt ?? null,
    ...RELEASED,
  });
}
