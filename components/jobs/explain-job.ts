import { endingMoneySpent, explainEnding, type StudioMode } from "@/lib/failure-wording";
import type { Job } from "./use-jobs";

// What a job card says, in a creator's words: where the job stands, what went wrong and what
// to do about it, and whether money was spent. Venice charges when it accepts a job, refunds
// a generation that fails, and keeps the charge for a track that was made but expired. A job
// that ended without a track is told as lib/failure-wording words it, by its error code.
// The money of takes going to plan is told once for their batch (explain-batch.ts): each
// take's price rounded up on its own would not add up to the batch's quote.

export type JobExplanation = {
  tone: "working" | "waiting" | "ready" | "failed" | "warning";
  title: string;
  /** What happened and what to do; null while everything goes to plan. */
  detail: string | null;
  /** yes: Venice charged (or holds) the money; no: never charged, or refunded; maybe: no way to know. */
  moneySpent: "yes" | "no" | "maybe";
  /** The money, in one sentence; null while the take goes to plan (its batch tells it, explain-batch.ts). */
  money: string | null;
};

export type ExplainableJob = Pick<Job, "status" | "error" | "retry" | "quotedUsd" | "acceptedByVenice">;

/** `mode`: demo mode words a balance refusal as the simulator's (lib/failure-wording). */
export function explainJob(job: ExplainableJob, mode: StudioMode): JobExplanation {
  switch (job.status) {
    case "pending":
    case "queued":
    case "processing":
    case "downloaded":
      // Venice charges when it accepts the job: from "queued" on.
      return { ...inFlight(job, job.status), moneySpent: moneySpentOf(job), money: null };
    case "completed":
      return { tone: "ready", title: "Ready", detail: null, moneySpent: "yes", money: null };
    case "failed":
    case "expired":
    case "uncertain":
      return explainEnding({ ...job, status: job.status, mode });
  }
}

/** Whether money was spent on the job, as its card says (explainJob): what its batch's money line sums. */
export function moneySpentOf(job: ExplainableJob): JobExplanation["moneySpent"] {
  switch (job.status) {
    case "pending":
      return "no";
    case "queued":
    case "processing":
    case "downloaded":
    case "completed":
      return "yes";
    case "failed":
    case "expired":
    case "uncertain":
      return endingMoneySpent({ ...job, status: job.status });
  }
}

/** "in about 30 s", "in about 2 min", or "in a moment". */
function inAbout(ms: number): string {
  return ms < 1_000 ? "in a moment" : `in ${about(ms)}`;
}

/** "about 30 s", "about 2 min". */
export function about(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  return seconds < 60 ? `about ${seconds} s` : `about ${Math.round(seconds / 60)} min`;
}

const IN_FLIGHT_TITLES = {
  pending: "Sending to Venice",
  queued: "Waiting in Venice's queue",
  processing: "Making the track",
  downloaded: "Saving to the library",
} as const;

type InFlightStatus = keyof typeof IN_FLIGHT_TITLES;

function inFlight({ retry }: ExplainableJob, status: InFlightStatus): Pick<JobExplanation, "tone" | "title" | "detail"> {
  if (!retry) return { tone: "working", title: IN_FLIGHT_TITLES[status], detail: null };
  const when = inAbout(retry.inMs);
  const inARow = (failures: number) => (failures > 1 ? ` (${failures} times in a row)` : "");
  switch (retry.reason) {
    case "rate_limited":
      return {
        tone: "waiting",
        title: "Waiting for Venice",
        detail: `Venice asked the studio to slow down. It ${status === "pending" ? "sends the job" : "checks on it"} again ${when}; nothing to do.`,
      };
    case "venice":
      if (status === "downloaded") {
        return {
          tone: "waiting",
          title: "Finishing up",
          detail: `The track is saved. Venice did not confirm deleting its copy; the studio asks again ${when}.`,
        };
      }
      return {
        tone: "waiting",
        title: "Venice is not answering",
        detail: `Venice did not answer properly${inARow(retry.failures)}. The studio tries again ${when}; nothing to do.`,
      };
    case "inference":
      return {
        tone: "waiting",
        title: "Venice reported an error",
        detail: `Venice reported an error making this track${inARow(retry.failures)}. The studio checks again ${when}; if the error stays, the job ends and Venice refunds it.`,
      };
    case "storage":
      return {
        tone: "waiting",
        title: "Saving to the library",
        detail: `The track is made, but the studio could not save it yet${inARow(retry.failures)}. It tries again ${when}; Venice keeps the track meanwhile.`,
      };
    case "key_refused":
      return {
        tone: "waiting",
        title: "Venice refused the studio's key",
        detail: `Venice no longer accepts the studio's API key. The track is kept at Venice; the studio checks again ${when}. Ask the studio's owner to check VENICE_API_KEY.`,
      };
    case "worker":
      return {
        tone: "waiting",
        title: "Retrying",
        detail: `The studio ran into a problem of its own${inARow(retry.failures)} and tries again ${when}; nothing to do.`,
      };
  }
}
