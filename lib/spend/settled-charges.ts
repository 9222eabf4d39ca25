import "server-only";
import type { GenerationStatus, Prisma, PrismaClient } from "@/lib/db/generated/client";
import { reservedDurationSeconds } from "@/lib/venice/capabilities";
import { netSpendUsd } from "./net-spend";

const STORED: ReadonlySet<GenerationStatus> = new Set(["downloaded", "completed"]);

/**
 * What Venice settled each stored job of a model that reserves a length on (settle-charge.ts),
 * USD by generation id: its ledger row's net charge. Jobs of other models, and ones whose
 * track is not stored yet, are left out: their charge is their quote.
 */
export async function settledCharges(
  db: PrismaClient | Prisma.TransactionClient,
  jobs: readonly { id: string; model: string; status: GenerationStatus }[],
): Promise<Map<string, number>> {
  const ids = jobs.filter((job) => STORED.has(job.status) && reservedDurationSeconds(job.model) !== undefined).map((job) => job.id);
  if (ids.length === 0) return new Map();
  const entries = await db.ledgerEntry.findMany({
    where: { generationId: { in: ids } },
    select: { generationId: true, quotedUsd: true, refundedUsd: true },
  });
  return new Map(entries.map((entry) => [entry.generationId, netSpendUsd(entry.quotedUsd, entry.refundedUsd).toNumber()]));
}
