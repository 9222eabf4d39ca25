import type { PrismaClient } from "@/lib/db/generated/client";
import { distributionFromP80, learnedDistribution, type DurationDistribution } from "./schedule";

// The recent finished jobs a model's spread is learned from: enough to be stable, few
// enough to follow Venice when a model gets faster or slower.
const LEARNING_WINDOW = 50;

/**
 * What the studio knows about how long `model`'s jobs take: the spread of its recent real
 * durations when there are enough, else Venice's P80 with the default shape, else null.
 */
export async function pollDistribution(
  prisma: PrismaClient,
  model: string,
  p80Ms: number | null,
): Promise<DurationDistribution | null> {
  const finished = await prisma.generation.findMany({
    where: { model, executionMs: { not: null } },
    orderBy: { createdAt: "desc" },
    take: LEARNING_WINDOW,
    select: { executionMs: true },
  });
  return learnedDistribution(finished.map((job) => job.executionMs!)) ?? (p80Ms ? distributionFromP80(p80Ms) : null);
}

/** The P80 (`average_execution_time`) Venice last reported for `model`, or null. */
export async function latestP80Ms(prisma: PrismaClient, model: string): Promise<number | null> {
  const latest = await prisma.generation.findFirst({
    where: { model, expectedMs: { not: null } },
    orderBy: { createdAt: "desc" },
    select: { expectedMs: true },
  });
  return latest?.expectedMs ?? null;
}
