import "server-only";
import { z } from "zod";
import type { GenerationStatus } from "@/lib/db/generated/client";
import { resolveDependencies, type GenerationDependencies } from "./dependencies";
import { progressOf } from "./progress";

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

/** One generation as the studio shows it, or null when there is none with this id. */
export async function getGeneration(id: string, deps?: Partial<GenerationDependencies>): Promise<GenerationView | null> {
  if (!z.guid().safeParse(id).success) return null;
  const { prisma } = await resolveDependencies(deps, ["prisma"]);
  const job = await prisma.generation.findUnique({ where: { id }, include: { track: { select: { id: true } } } });
  if (!job) return null;
  return {
    id: job.id,
    batchId: job.batchId,
    status: job.status,
    model: job.model,
    title: job.title,
    ...progressOf(job, Date.now()),
    error:
      job.errorCode && job.errorMessage
        ? { code: job.errorCode, message: job.errorMessage, suggestedPrompt: job.suggestedPrompt }
        : null,
    trackId: job.track?.id ?? null,
    createdAt: job.createdAt,
  };
}
