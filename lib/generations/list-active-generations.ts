import "server-only";
import { settledCharges } from "@/lib/spend/settled-charges";
import { resolveDependencies, type GenerationDependencies } from "./dependencies";
import { generationViewInclude, readRatePauses, toGenerationView, type GenerationView } from "./generation-view";
import { ACTIVE_STATUSES } from "./state-machine";

// In-flight jobs are few (a member submits at most a handful of takes at a time); this cap
// only keeps a runaway from building a huge answer.
const MAX_ACTIVE = 100;

/**
 * The creator's generations the worker still has work for, oldest first, so the studio page
 * can follow them after a reload. The same few statements whatever their number: one findMany
 * (Prisma reads their tracks in one more), one read of the paused Venice budgets and, when
 * some are stored Seed Audio takes, one of their settled charges.
 */
export async function listActiveGenerations(creatorId: string, deps?: Partial<GenerationDependencies>): Promise<GenerationView[]> {
  const { prisma } = await resolveDependencies(deps, ["prisma"]);
  const jobs = await prisma.generation.findMany({
    where: { creatorId, status: { in: [...ACTIVE_STATUSES] } },
    orderBy: [{ createdAt: "asc" }, { takeIndex: "asc" }],
    take: MAX_ACTIVE,
    include: generationViewInclude,
  });
  const now = Date.now();
  const ratePauses = await readRatePauses(prisma, now);
  const settled = await settledCharges(prisma, jobs);
  return jobs.map((job) => toGenerationView(job, now, ratePauses, settled));
}
