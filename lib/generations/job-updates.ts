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

/** What a run of failures is counted by: a success, or another kind, starts it again. */
/** key_refused: Venice refused the studio's key (401/403) on retrieve; the job is parked. */
export type FailureKind = "venice" | "inference" | "storage" | "worker" | "key_refused";

/** How many failures of `kind` in a row this one makes. */
export function consecutiveFailures(job: Generation, kind: FailureKind): number {
  return job.failureKind === kind ? job.attempts + 1 : 1;
}

/** The fields that clear a failure streak once a step succeeds. */
export const NO_FAILURES = { attempts: 0, failureKind: null } as const;

/** After a failure that may pass: try again after the next backoff delay. */
export async function retryLater(ctx: WorkerContext, job: Generation, kind: FailureKind, data: TransitionData = {}): Promise<void> {
  const failures = consecutiveFailures(job, kind);
  await releaseJob(ctx, job, backoffDelayMs(failures, ctx.settings.backoff), { ...data, attempts: failures, failureKind: kind });
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
