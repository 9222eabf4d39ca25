import type { GenerationStatus, Prisma } from "@/lib/db/generated/client";
import { progressOf } from "./progress";

// A generation as the studio shows it: where the job stands, why it ended without a track,
// and the track once it is stored.

export type GenerationView = {
  id: string;
  batchId: string;
  status: GenerationStatus;
  model: string;
  title: string;
  /** 0..1; 1 once the audio is stored. */
  progress: number;
  /** Expected ms until Venice finishes, or null when unknown or no longer running. */
  etaMs: number | null;
  error: { code: string; message: string; suggestedPrompt: string | null } | null;
  /** Set once the audio is stored (downloaded or completed). */
  trackId: string | null;
  createdAt: Date;
};

/** What a query must include for toGenerationView, besides the generation's own columns. */
export const generationViewInclude = { track: { select: { id: true } } } satisfies Prisma.GenerationInclude;

type GenerationViewRow = Prisma.GenerationGetPayload<{ include: typeof generationViewInclude }>;

export function toGenerationView(job: GenerationViewRow, now: number): GenerationView {
  return {
    id: job.id,
    batchId: job.batchId,
    status: job.status,
    model: job.model,
    title: job.title,
    ...progressOf(job, now),
    error:
      job.errorCode && job.errorMessage
        ? { code: job.errorCode, message: job.errorMessage, suggestedPrompt: job.suggestedPrompt }
        : null,
    trackId: job.track?.id ?? null,
    createdAt: job.createdAt,
  };
}
