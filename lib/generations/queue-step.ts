import type { Generation } from "@/lib/db/generated/client";
import { VeniceError } from "@/lib/venice/errors";
import { parseQueueBody } from "@/lib/venice/schemas";
import { waitForBudget, waitOutRateLimit } from "./budget-gate";
import { endJob, NO_FAILURES, RELEASED, retryLater } from "./job-updates";
import { jobError, refusal } from "./messages";
import { latestP80Ms, pollDistribution } from "./poll-distribution";
import { nextPollDelayMs } from "./schedule";
import { transition } from "./state-machine";
import type { WorkerContext } from "./worker-context";

// pending → queued: the one call that charges money, and Venice has no idempotency key for
// it. `queueSentAt` is committed before the call is sent and cleared only when Venice's
// answer proves nothing was queued, so whatever the process dies of, the next worker can
// tell "never sent" from "maybe queued" — and never sends a job twice.

export async function queueStep(ctx: WorkerContext, job: Generation): Promise<void> {
  // A worker before this one sent the call and died before saving the answer.
  if (job.queueSentAt) return endJob(ctx, job, "uncertain", jobError(job, "QUEUE_UNCONFIRMED"));

  // Stored by submit from toQueueBody; checked here because a failure after sending is costly.
  const body = parseQueueBody(job.request);
  if (!body) return endJob(ctx, job, "failed", jobError(job, "INVALID_REQUEST"));

  // Read before sending, so that only one write stands between Venice's answer and its record.
  const expectedMs = await latestP80Ms(ctx.prisma, job.model);
  const distribution = await pollDistribution(ctx.prisma, job.model, expectedMs);

  if (!(await waitForBudget(ctx, job, "queue"))) return;
  const marked = await ctx.prisma.generation.updateMany({
    where: { id: job.id, status: "pending", queueSentAt: null, leaseOwner: ctx.owner },
    data: { queueSentAt: new Date() },
  });
  if (marked.count === 0) return; // another worker took the job over

  let queueId: string;
  try {
    queueId = (await ctx.venice.queue(body)).queue_id;
  } catch (error) {
    return queueFailed(ctx, job, error);
  }

  const queuedAt = new Date();
  const moved = await transition(ctx.prisma, job.id, ["pending", "uncertain"], "queued", {
    queueId,
    queuedAt,
    expectedMs,
    nextAttemptAt: new Date(queuedAt.getTime() + nextPollDelayMs(0, distribution, ctx.settings.poll)),
    ...NO_FAILURES,
    errorCode: null,
    errorMessage: null,
    suggestedPrompt: null,
    ...RELEASED,
  });
  if (!moved) ctx.log.error({ generationId: job.id, queueId }, "queued on Venice but the job had moved on; queue id not saved");
}

async function queueFailed(ctx: WorkerContext, job: Generation, error: unknown): Promise<void> {
  const unsent = { queueSentAt: null };
  if (!(error instanceof VeniceError)) {
    ctx.log.error({ err: error, generationId: job.id }, "queue call failed unexpectedly");
    return endJob(ctx, job, "uncertain", jobError(job, "QUEUE_UNCONFIRMED"));
  }
  // Refused before it was queued: nothing charged, so it may be sent again after the pause.
  if (error.code === "RATE_LIMITED") return waitOutRateLimit(ctx, job, "queue", error, unsent);
  if (error.status >= 400 && error.status < 500) return endJob(ctx, job, "failed", refusal(job, error));
  if (error.status === 503 || neverSent(error)) return retryLater(ctx, job, "venice", unsent);
  // A timeout, a dropped connection, a 500 or a gateway's 502/504: Venice may have queued
  // (and charged) the job, and there is no way to ask.
  ctx.log.warn({ err: error, generationId: job.id }, "queue answer lost; job marked uncertain");
  return endJob(ctx, job, "uncertain", jobError(job, "QUEUE_UNCONFIRMED"));
}

// Errors raised before a single byte of the request left this machine.
const UNSENT_ERROR_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

function neverSent(error: VeniceError): boolean {
  if (error.code !== "NETWORK") return false;
  for (let cause: unknown = error.cause; cause instanceof Error; cause = cause.cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code && UNSENT_ERROR_CODES.has(code)) return true;
    // undici wraps connection errors in an AggregateError when several addresses were tried.
    if (cause instanceof AggregateError && cause.errors.every((inner) => UNSENT_ERROR_CODES.has((inner as NodeJS.ErrnoException).code ?? ""))) {
      return true;
    }
  }
  return false;
}
