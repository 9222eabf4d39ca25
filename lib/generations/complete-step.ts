import type { Generation } from "@/lib/db/generated/client";
import { VeniceError } from "@/lib/venice/errors";
import { NO_FAILURES, RELEASED, releaseJob, retryLater } from "./job-updates";
import { transition } from "./state-machine";
import type { WorkerContext } from "./worker-context";

// downloaded → completed: the track is stored, so Venice may now delete its copy. Venice
// answers `success: false` when the cleanup did not happen; that, and every failure that
// may pass, is retried with backoff until it succeeds.
export async function completeStep(ctx: WorkerContext, job: Generation): Promise<void> {
  const queueId = job.queueId!;
  let cleaned: boolean;
  try {
    cleaned = await ctx.venice.complete({ model: job.model, queue_id: queueId });
  } catch (error) {
    if (error instanceof VeniceError && error.code === "RATE_LIMITED") {
      return releaseJob(ctx, job, error.retryAfterMs ?? ctx.settings.backoff.maxMs);
    }
    const refused = error instanceof VeniceError && error.status >= 400 && error.status < 500;
    if (!refused) return retryLater(ctx, job, "venice");
    // 404: Venice has already deleted it. Any other refusal cannot be fixed by asking again,
    // and the track is safe in storage either way.
    if (error.code !== "NOT_FOUND") ctx.log.warn({ err: error, generationId: job.id }, "Venice refused to clean up a stored track");
    cleaned = true;
  }
  if (!cleaned) return retryLater(ctx, job, "venice");
  await transition(ctx.prisma, job.id, "downloaded", "completed", { completedAt: new Date(), ...NO_FAILURES, ...RELEASED });
}
