import type { Generation } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { endedStatusOf, explainEnding, type EndedStatus, type JobEndCode } from "@/lib/failure-wording";
import type { VeniceError } from "@/lib/venice/errors";

// What the worker stores when a job ends without a track: the code for the UI to branch on,
// and one sentence, what happened and what became of the money, in the job card's own words
// (lib/failure-wording.ts). The API serves it and the library's ended-job rows show it.
export type JobError = { code: string; message: string; suggestedPrompt?: string | null };

type EndingJob = Pick<Generation, "queueId" | "quotedUsd">;

/** `job` ends with the studio's own code, or a Venice one it reached without a refusal. */
export function jobError(job: EndingJob, code: JobEndCode): JobError {
  return { code, message: sentence(job, endedStatusOf(code), code) };
}

/**
 * Venice refused the job (a 4xx): at queue, nothing was charged; during generation, Venice
 * refunds it. The job's queue id tells which.
 */
export function refusal(job: EndingJob, error: VeniceError): JobError {
  return { code: error.code, suggestedPrompt: error.suggestedPrompt ?? null, message: sentence(job, "failed", error.code) };
}

function sentence(job: EndingJob, status: EndedStatus, code: string): string {
  // The suggested prompt is stored apart: the sentence does not point at it.
  const { detail, money } = explainEnding({ status, error: { code }, acceptedByVenice: job.queueId !== null, quotedUsd: job.quotedUsd.toNumber(), mode: env().mode });
  return `${detail} ${money}`;
}
