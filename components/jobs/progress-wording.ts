import { about } from "./explain-job";
import type { Job } from "./use-jobs";

// What a running job's bar and time line say. The server's progress is the time since Venice
// queued the job against the time Venice expects the model to take (its P80), held at 95% past
// it; so once that time has passed the bar no longer claims a share (it pulses, full width)
// and the line says the track is taking longer than usual, with the time so far, instead of
// "about 1 s left" for as long as the job lasts.

export type ProgressWording = {
  /** The bar's share, 0..100; null past the expected time: no share claimed. */
  percent: number | null;
  /** Said after the job's title: "about 30 s left", "taking longer than usual · 1 min 12 s so far", or "" (nothing to say). */
  time: string;
  /** The bar's aria-valuetext, when there is more to say than its percentage. */
  valueText: string | undefined;
};

export type ProgressJob = Pick<Job, "status" | "progress" | "etaMs" | "retry" | "createdAt">;

/** Statuses whose progress is Venice's clock (queued or making the track). */
const ON_VENICE_CLOCK = new Set<Job["status"]>(["queued", "processing"]);

/** How a job in flight's progress reads at `now` (ms since the epoch); `now` makes the time so far tick. */
export function progressWording(job: ProgressJob, now: number): ProgressWording {
  const percent = Math.round(job.progress * 100);
  // Waiting to try again: the detail says when; an ETA would contradict it.
  if (job.retry || job.etaMs === null || !ON_VENICE_CLOCK.has(job.status)) return { percent, time: "", valueText: undefined };
  if (job.etaMs > 0) return { percent, time: `${about(job.etaMs)} left`, valueText: `${percent}%, ${about(job.etaMs)} left` };
  const soFar = `${formatElapsed(now - Date.parse(job.createdAt))} so far`;
  return { percent: null, time: `taking longer than usual · ${soFar}`, valueText: `Taking longer than usual, ${soFar}` };
}

/** "0 s", "45 s", "1 min 12 s", "2 min", "12 min", "1 h 5 min": the seconds dropped from 10 min on. */
export function formatElapsed(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes >= 60) return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
  const rest = seconds % 60;
  return minutes >= 10 || rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
