import type { VeniceError } from "@/lib/venice/errors";

// What a creator reads when a job ends without a track: the code for the UI to branch on,
// and one honest sentence about what happened to the money.
export type JobError = { code: string; message: string; suggestedPrompt?: string | null };

export const QUEUE_INTERRUPTED: JobError = {
  code: "QUEUE_UNCONFIRMED",
  message:
    "The studio stopped while Venice was accepting this job. It may have been charged; check your Venice account. It was not sent again.",
};

export const QUEUE_ANSWER_LOST: JobError = {
  code: "QUEUE_UNCONFIRMED",
  message:
    "Venice did not confirm this job: the connection failed after it was sent. It may have been charged; check your Venice account. It was not sent again.",
};

export const MEDIA_EXPIRED: JobError = {
  code: "EXPIRED",
  message: "Venice no longer has this track: it expired before the studio could fetch it.",
};

/**
 * Venice answered a retrieve for a job it had accepted as if it never issued its id: it lost
 * the job, or the studio's key now belongs to another Venice account. Not the creator's doing,
 * and Venice says nothing of a refund.
 */
export const JOB_UNKNOWN: JobError = {
  code: "JOB_UNKNOWN",
  message:
    "Venice accepted this job but then no longer recognised it, so its track could not be fetched; its settings were not the problem. It may have been charged: check your Venice account, then create it again.",
};

export const INFERENCE_FAILED: JobError = {
  code: "INFERENCE_FAILED",
  message: "Venice could not generate this track; it was refunded.",
};

export const INVALID_STORED_REQUEST: JobError = {
  code: "INVALID_REQUEST",
  message: "This job's stored request is not valid, so it was never sent to Venice and nothing was charged.",
};

/** Venice refused the job: at queue (nothing charged) or during generation (refunded). */
export function refusal(error: VeniceError, during: "queue" | "generation"): JobError {
  const suggestedPrompt = error.suggestedPrompt ?? null;
  if (during === "generation") {
    switch (error.code) {
      case "CONTENT_VIOLATION":
        return { code: error.code, suggestedPrompt, message: "The track was refused by the content policy while it was being made; it was refunded. Reword the prompt and try again." };
      case "BAD_REQUEST":
        return { code: error.code, suggestedPrompt, message: "Venice's model rejected these settings while making the track; it was refunded. Change them and try again." };
      default:
        return { code: error.code, suggestedPrompt, message: `Venice refused to hand over this track. ${error.userMessage}` };
    }
  }
  if (error.code === "BAD_REQUEST") {
    return { code: error.code, suggestedPrompt, message: "Venice did not accept these settings, so nothing was charged. Change them and try again." };
  }
  return { code: error.code, suggestedPrompt, message: error.userMessage };
}
