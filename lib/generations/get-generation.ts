import "server-only";
import { z } from "zod";
import { settledCharges } from "@/lib/spend/settled-charges";
import { resolveDependencies, type GenerationDependencies } from "./dependencies";
import { generationViewInclude, readRatePauses, toGenerationView, type GenerationView } from "./generation-view";

/** One generation as the studio shows it, or null when there is none with this id. */
export async function getGeneration(id: string, deps?: Partial<GenerationDependencies>): Promise<GenerationView | null> {
  if (!z.guid().safeParse(id).success) return null;
  const { prisma } = await resolveDependencies(deps, ["prisma"]);
  const job = await prisma.generation.findUnique({ where: { id }, include: generationViewInclude });
  if (!job) return null;
  const now = Date.now();
  return toGenerationView(job, now, await readRatePauses(prisma, now), await settledCharges(prisma, [job]));
}
