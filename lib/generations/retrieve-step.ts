import type { Generation } from "@/lib/db/generated/client";
import { VeniceError } from "@/lib/venice/errors";
import { waitForBudget, waitOutRateLimit } from "./budget-gate";
import { completeStep } from "./complete-step";
import { consecutiveFailures, endJob, NO_FAILURES, RELEASED, releaseJob, retryLater } from "./job-updates";
import { jobError, refusal } from "./messages";
import { pollDistribution } from "./poll-distribution";
import { nextPollDelayMs } from "./schedule";
import { transition, type TransitionData } from "./state-machine";
import { storeTrack } from "./store-track";
import type { WorkerContext } from "./worker-context";

// queued|processing: ask Venice whether the job is done, under the retrieve budget shared
// by every job. Still running → next poll on the model's schedule; done → store the track,
// then complete. A 4xx is final (Venice refunds failed generations); everything else that
// may pass is retried with backoff.

// Venice's 400 for a queue_id it does not know (its README): the only 400 a retrieve of the
// model and queue_id Venice itself answered can get that is not about the job's settings.
const UNKNOWN_REQUEST_ID = /Request ID is invalid/i;

export async function retrieveStep(ctx: WorkerContext, job: Generation): Promise<void> {
  if (!(await waitForBudget(ctx, job, "retrieve"))) return;
  const counted = { retrieveCalls: { increment: 1 } };

  let stored: boolean;
  try {
    const result = await ctx.venice.retrieve({ model: job.model, queue_id: job.queueId! });
    if (result.status === "PROCESSING") {
      const distribution = await pollDistribution(ctx.prisma, job.model, result.averageExecutionTime);
      const delayMs = nextPollDelayMs(result.executionDuration, distribution, ctx.settings.poll);
      const update = { ...counted, expectedMs: result.averageExecutionTime, ...NO_FAILURES };
      if (job.status === "queued") {
        await transition(ctx.prisma, job.id, "queued", "processing", {
          ...update,
          nextAttemptAt: new Date(Date.now() + delayMs),
          ...RELEASED,
        });
      } else {
        await releaseJob(ctx, job, delayMs, update);
      }
      return;
    }
    stored = await storeTrack(ctx, job, result);
  } catch (error) {
    return retrieveFailed(ctx, job, error, counted);
  }
  if (!stored) return;
  await completeStep(ctx, { ...job, status: "downloaded", ...NO_FAILURES });
}

async function retrieveFailed(
  ctx: WorkerContext,
  job: Generation,
  error: unknown,
  counted: TransitionData,
): Promise<void> {
  if (!(error instanceof VeniceError)) {
    // Storage or waveform trouble on the studio's side. Venice keeps the paid track until the
    // studio completes it, so keep trying (at the backoff cap) until it is stored or expires.
    ctx.log.error({ err: error, generationId: job.id }, "could not store a finished track; retrying");
    return retryLater(ctx, job, "storage", counted);
  }
  if (error.code === "RATE_LIMITED") return waitOutRateLimit(ctx, job, "retrieve", error, counted);
  if (error.code === "NOT_FOUND") return endJob(ctx, job, "expired", jobError(job, "EXPIRED"), counted);
  if (error.code === "BAD_REQUEST" && UNKNOWN_REQUEST_ID.test(error.message)) {
    // Venice may have kept the money, so the job ends as paid for and lost, not as refunded.
    ctx.log.error({ err: error, generationId: job.id, queueId: job.queueId }, "Venice no longer knows a job it accepted");
    return endJob(ctx, job, "expired", jobError(job, "JOB_UNKNOWN"), counted);
  }
  if (error.code === "UNAUTHORIZED" || error.code === "FORBIDDEN") {
    // The key was revoked or changed, not the job: park it until a working key is back,
    // slowly, since every refused call counts towards Venice's error budget.
    ctx.log.error({ err: error, generationId: job.id }, "Venice refused the studio's key; job parked");
    return releaseJob(ctx, job, ctx.settings.keyRefusedRetryMs, {
      ...counted,
      failureKind: "key_refused",
      attempts: consecutiveFailures(job, "key_refused"),
    });
  }
  if (error.status >= 400 && error.status < 500) return endJob(ctx, job, "failed", refusal(job, error), counted);
  // Venice reports a failed generation as a 500 "Inference processing failed" on every
  // retrieve; a passing 500 does not repeat. Only a run of them tells the two apart.
  if (error.status === 500) {
    if (consecutiveFailures(job, "inference") >= ctx.settings.maxInferenceFailures) {
      return endJob(ctx, job, "failed", jobError(job, "INFERENCE_FAILED"), counted);
    }
    return retryLater(ctx, job, "inference", counted);
  }
  ctx.log.warn({ err: error, generationId: job.id, attempts: job.attempts + 1 }, "retrieve failed; retrying with backoff");
  return retryLater(ctx, job, "venice", counted);
}
