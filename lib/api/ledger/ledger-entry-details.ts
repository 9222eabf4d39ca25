import "server-only";
import type { GenerationStatus, PrismaClient } from "@/lib/db/generated/client";

export type LedgerEntryDetails = {
  /** The track's title as it is now (renamed or not), else the generation's, for a job that ended without one. */
  title: string;
  status: GenerationStatus;
};

/**
 * What the ledger shows of each charge's generation, read when the ledger is: the current
 * title of its track, so a rename shows at once without a copy kept in the ledger, and the
 * job's status. A generation whose row is gone is left out.
 */
export async function ledgerEntryDetails(prisma: PrismaClient, generationIds: readonly string[]): Promise<Map<string, LedgerEntryDetails>> {
  if (generationIds.length === 0) return new Map();
  const generations = await prisma.generation.findMany({
    where: { id: { in: [...new Set(generationIds)] } },
    select: { id: true, title: true, status: true, track: { select: { title: true } } },
  });
  return new Map(generations.map(({ id, title, status, track }) => [id, { title: track?.title ?? title, status }]));
}
