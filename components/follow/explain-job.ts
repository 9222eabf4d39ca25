import { formatUsd } from "@/lib/client/model-view";
import { roundUpToCent } from "@/lib/venice/pricing";
import type { Job } from "./use-jobs";

// What a job card says, in a creator's words: where the job stands, what went wrong and what
// to do about it, and whether money was spent. Venice charges when it accepts a job, refunds
// a generation that fails, and keeps the charge for a track that was made but expired.

export type JobExplanation = {
  tone: "working" | "waiting" | "ready" | "failed" | "warning";
  title: string;
  /** What happened and what to do; null while everything goes to plan. */
  detail: string | null;
  /** yes: Venice charged (or holds) the money; no: never charged, or refunded; maybe: no way to know. */
  moneySpent: "yes" | "no" | "maybe";
  /** The money, in one sentence. */
  money: string;
};

export type ExplainableJob = Pick<Job, "status" | "error" | "retry" | "quotedUsd" | "acceptedByVenice">;

export function explainJob(job: ExplainableJob): JobExplanation {
  const price = formatUsd(roundUpToCent(job.quotedUsd));
  switch (job.status) {
    case "pending":
    case "queued":
    case "processing":
    case "downloaded":
      return { ...inFlight(job, job.status), ...inFlightMoney(job.status, price) };
    case "completed":
      return {
        tone: "ready",
        title: "Ready",
        detail: "Saved in your library, ready to play and download.",
        moneySpent: "yes",
        money: `Venice charged ${price} for this track.`,
      };
    case "failed":
      return {
        tone: "failed",
        ...failure(job),
        moneySpent: "no",
        money: job.acceptedByVenice ? `Venice refunded the ${price} it charged.` : "Nothing was charged.",
      };
    case "expired":
      if (job.error?.code === "JOB_UNKNOWN") return lostByVenice(price);
      return {
        tone: "warning",
        title: "Expired before it was saved",
        detail: "Venice made this track, but it expired on Venice before the studio could fetch it. Create it again to get a new one.",
        moneySpent: "yes",
        money: `Venice charged ${price} for it; an expired track is not refunded.`,
      };
    case "uncertain":
      return {
        tone: "warning",
        title: "Outcome unknown",
        detail:
          "The studio lost touch while Venice was accepting this job, so it cannot tell whether Venice took it. It was not sent again. Check your Venice account before creating it again.",
        moneySpent: "maybe",
        money: `Venice may have charged ${price}; your Venice account's usage shows whether it did.`,
      };
  }
}

/** Venice accepted the job, then answered that it does not know it: nothing the creator did. */
function lostByVenice(price: string): JobExplanation {
  return {
    tone: "warning",
    title: "Venice lost this job",
    detail:
      "Venice accepted this job but later no longer recognised it, so the studio could not fetch the track. Your settings were fine. If the studio's Venice key was changed to another account since, that account cannot see it; otherwise create it again.",
    moneySpent: "maybe",
    money: `Venice may have charged ${price}; your Venice account's usage shows whether it did.`,
  };
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

function inFlightMoney(status: InFlightStatus, price: string): Pick<JobExplanation, "moneySpent" | "money"> {
  if (status === "pending") return { moneySpent: "no", money: "Nothing is charged until Venice accepts the job." };
  if (status === "downloaded") return { moneySpent: "yes", money: `Venice charged ${price} for this track.` };
  return { moneySpent: "yes", money: `Venice charged ${price} when it accepted the job, and refunds it if the track fails.` };
}

/** Why Venice made no track, and what to do, by the error code the worker stored. */
function failure(job: ExplainableJob): Pick<JobExplanation, "title" | "detail"> {
  const suggestion = job.error?.suggestedPrompt ? ", or use Venice's suggestion below," : "";
  switch (job.error?.code) {
    case "INSUFFICIENT_BALANCE":
      return {
        title: "Not enough Venice balance",
        detail: "Venice turned the job down: the balance, or the key's spending limit, is too low for it. Top up at venice.ai, then create it again.",
      };
    case "CONTENT_VIOLATION":
      return {
        title: "Refused by the content policy",
        detail: job.acceptedByVenice
          ? `Venice's content policy stopped this track while it was being made. Reword the prompt${suggestion} and create it again.`
          : `Venice's content policy refused this prompt. Reword it${suggestion} and create it again.`,
      };
    case "BAD_REQUEST":
      return {
        title: "Settings not accepted",
        detail: job.acceptedByVenice
          ? "Venice's model rejected these settings while making the track. Change them in the form and create it again."
          : "Venice did not accept these settings. Change them in the form and create it again.",
      };
    case "INFERENCE_FAILED":
      return {
        title: "Venice could not make this track",
        detail: "Venice's model failed while making it. Creating it again usually works.",
      };
    case "UNAUTHORIZED":
      return {
        title: "Venice refused the studio's key",
        detail: "Venice did not accept the studio's API key, or this model needs a Venice Pro account. Pick another model, or ask whoever runs the studio to check the key.",
      };
    case "FORBIDDEN":
      return {
        title: "Model not allowed",
        detail: "The studio's Venice key may not use this model. Pick another model and create it again.",
      };
    case "NOT_FOUND":
      return {
        title: "Model not available",
        detail: "Venice no longer offers this model. Pick another one and create it again.",
      };
    case "INVALID_REQUEST":
      return {
        title: "Never sent",
        detail: "The studio's stored copy of this request is not valid, so it never went to Venice. Create it again from the form.",
      };
    default:
      return {
        title: "Venice could not make this track",
        detail: job.error?.message ?? "Venice ended the job without a track. Create it again to try once more.",
      };
  }
}
