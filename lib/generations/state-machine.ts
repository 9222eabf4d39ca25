// The only code that writes a generation's status. Status moves forward only, along the
// table below, and every move is a compare-and-set (`where {id, status: from}`): when two
// workers or two instances race, exactly one of them moves the job and the other learns
// that it lost. Each move is announced on the generation_events channel in the same
// transaction, and a move to failed refunds the job's ledger charge in it too.
import type { GenerationStatus, Prisma, PrismaClient } from "@/lib/db/generated/client";
import { notifyGenerationEvent } from "./events";

export const NEXT_STATUSES: Readonly<Record<GenerationStatus, readonly GenerationStatus[]>> = {
  // Queued by Venice; refused by Venice (never charged); or the queue answer was lost.
  pending: ["queued", "failed", "uncertain"],
  // A first retrieve may already find the audio, or the job's failure or expiry.
  queued: ["processing", "downloaded", "failed", "expired"],
  processing: ["downloaded", "failed", "expired"],
  downloaded: ["completed"],
  // Only when the lost queue answer turns up after all (a worker presumed dead was not):
  // the job is real and paid, so it is followed rather than left uncertain.
  uncertain: ["queued"],
  completed: [],
  failed: [],
  expired: [],
};

/** Statuses the worker still has work for. */
export const ACTIVE_STATUSES = ["pending", "queued", "processing", "downloaded"] as const satisfies readonly GenerationStatus[];

export type TransitionData = Omit<Prisma.GenerationUpdateManyMutationInput, "status">;

/**
 * Moves generation `id` from `from` (one status or any of several) to `to`, writing `data`
 * with it. Resolves false when the job was not in `from` (someone else moved it first).
 * Inside a caller's transaction (`db` is a transaction client) the move commits or rolls
 * back with the rest of that transaction.
 */
export async function transition(
  db: PrismaClient | Prisma.TransactionClient,
  id: string,
  from: GenerationStatus | readonly GenerationStatus[],
  to: GenerationStatus,
  data: TransitionData = {},
): Promise<boolean> {
  const sources: readonly GenerationStatus[] = typeof from === "string" ? [from] : from;
  for (const source of sources) {
    if (!NEXT_STATUSES[source].includes(to)) throw new Error(`A generation cannot move from ${source} to ${to}`);
  }
  const move = async (tx: Prisma.TransactionClient) => {
    const moved = await tx.generation.updateManyAndReturn({
      where: { id, status: { in: [...sources] } },
      data: { ...data, status: to },
      select: { id: true, batchId: true, status: true },
    });
    for (const row of moved) await notifyGenerationEvent(tx, row);
    if (to === "failed" && moved.length === 1) await refundCharge(tx, id);
    return moved.length === 1;
  };
  return "$transaction" in db ? db.$transaction(move) : move(db);
}

/**
 * A failed job costs nothing: Venice refunds a generation that fails, and one it refused at
 * queue was never charged. (An expired or uncertain job keeps its charge: Venice did, or may
 * have, charged it.) Only the transition that moved the job gets here, so it refunds once.
 */
async function refundCharge(tx: Prisma.TransactionClient, generationId: string): Promise<void> {
  const charge = await tx.ledgerEntry.findUnique({ where: { generationId }, select: { quotedUsd: true } });
  if (!charge) return; // a job from before the ledger existed
  await tx.ledgerEntry.update({ where: { generationId }, data: { refundedUsd: charge.quotedUsd, refundedAt: new Date() } });
}
