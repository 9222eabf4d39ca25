import type { GenerationStatus } from "@/lib/db/generated/client";

// How far along a job looks, for the progress bar: time since Venice queued it against the
// time Venice expects the model to take (its P80). A job that runs over its expectation
// holds just short of the end rather than claiming to be done.
const MAX_RUNNING_PROGRESS = 0.95;

export type Progress = { progress: number; etaMs: number | null };

export function progressOf(
  job: { status: GenerationStatus; queuedAt: Date | null; expectedMs: number | null },
  now: number,
): Progress {
  switch (job.status) {
    case "downloaded":
    case "completed":
      return { progress: 1, etaMs: 0 };
    case "queued":
    case "processing": {
      if (!job.queuedAt || !job.expectedMs) return { progress: 0, etaMs: null };
      const elapsed = Math.max(0, now - job.queuedAt.getTime());
      return {
        progress: Math.min(MAX_RUNNING_PROGRESS, elapsed / job.expectedMs),
        etaMs: Math.max(0, job.expectedMs - elapsed),
      };
    }
    default:
      return { progress: 0, etaMs: null };
  }
}
